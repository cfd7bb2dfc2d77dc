/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
"use strict";

var $protobuf = require("protobufjs/minimal");

// Common aliases
var $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
var $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
var $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

$root.perfetto = (function() {

    /**
     * Namespace perfetto.
     * @exports perfetto
     * @namespace
     */
    var perfetto = {};

    perfetto.protos = (function() {

        /**
         * Namespace protos.
         * @memberof perfetto
         * @namespace
         */
        var protos = {};

        protos.Trace = (function() {

            /**
             * Properties of a Trace.
             * @typedef {Object} perfetto.protos.Trace.$Properties
             * @property {Array.<perfetto.protos.TracePacket.$Properties>|null} [packet] Trace packet
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Trace.
             * @memberof perfetto.protos
             * @interface ITrace
             * @augments perfetto.protos.Trace.$Properties
             * @deprecated Use perfetto.protos.Trace.$Properties instead.
             */

            /**
             * Shape of a Trace.
             * @typedef {{
             *   packet?: Array.<perfetto.protos.TracePacket.$Shape>|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} perfetto.protos.Trace.$Shape
             */

            /**
             * Constructs a new Trace.
             * @memberof perfetto.protos
             * @classdesc Represents a Trace.
             * @constructor
             * @param {perfetto.protos.Trace.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var Trace = function (properties) {
                this.packet = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Trace packet.
             * @member {Array.<perfetto.protos.TracePacket.$Properties>} packet
             * @memberof perfetto.protos.Trace
             * @instance
             */
            Trace.prototype.packet = $util.emptyArray;

            /**
             * Creates a new Trace instance using the specified properties.
             * @function create
             * @memberof perfetto.protos.Trace
             * @static
             * @param {perfetto.protos.Trace.$Properties=} [properties] Properties to set
             * @returns {perfetto.protos.Trace} Trace instance
             * @type {{
             *   (properties: perfetto.protos.Trace.$Shape): perfetto.protos.Trace & perfetto.protos.Trace.$Shape;
             *   (properties?: perfetto.protos.Trace.$Properties): perfetto.protos.Trace;
             * }}
             */
            Trace.create = function(properties) {
                return new Trace(properties);
            };

            /**
             * Encodes the specified Trace message. Does not implicitly {@link perfetto.protos.Trace.verify|verify} messages.
             * @function encode
             * @memberof perfetto.protos.Trace
             * @static
             * @param {perfetto.protos.Trace.$Properties} message Trace message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Trace.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.packet != null && message.packet.length)
                    for (var i = 0; i < message.packet.length; ++i)
                        $root.perfetto.protos.TracePacket.encode(message.packet[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Trace message from the specified reader or buffer.
             * @function decode
             * @memberof perfetto.protos.Trace
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {perfetto.protos.Trace & perfetto.protos.Trace.$Shape} Trace
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Trace.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.perfetto.protos.Trace();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.packet && message.packet.length))
                                message.packet = [];
                            message.packet.push($root.perfetto.protos.TracePacket.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for Trace
             * @function getTypeUrl
             * @memberof perfetto.protos.Trace
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Trace.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/perfetto.protos.Trace";
            };

            return Trace;
        })();

        protos.TracePacket = (function() {

            /**
             * Properties of a TracePacket.
             * @typedef {Object} perfetto.protos.TracePacket.$Properties
             * @property {number|null} [timestamp] TracePacket timestamp
             * @property {perfetto.protos.TrackEvent.$Properties|null} [trackEvent] TracePacket trackEvent
             * @property {perfetto.protos.TrackDescriptor.$Properties|null} [trackDescriptor] TracePacket trackDescriptor
             * @property {number|null} [trustedPacketSequenceId] TracePacket trustedPacketSequenceId
             * @property {perfetto.protos.InternedData.$Properties|null} [internedData] TracePacket internedData
             * @property {number|null} [sequenceFlags] TracePacket sequenceFlags
             * @property {boolean|null} [firstPacketOnSequence] TracePacket firstPacketOnSequence
             * @property {"trackEvent"|"trackDescriptor"} [data] TracePacket data
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TracePacket.
             * @memberof perfetto.protos
             * @interface ITracePacket
             * @augments perfetto.protos.TracePacket.$Properties
             * @deprecated Use perfetto.protos.TracePacket.$Properties instead.
             */

            /**
             * Narrowed shape of a TracePacket.
             * @typedef {{
             *   timestamp?: number|null;
             *   trackEvent?: perfetto.protos.TrackEvent.$Shape|null;
             *   trackDescriptor?: perfetto.protos.TrackDescriptor.$Shape|null;
             *   trustedPacketSequenceId?: number|null;
             *   internedData?: perfetto.protos.InternedData.$Shape|null;
             *   sequenceFlags?: number|null;
             *   firstPacketOnSequence?: boolean|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ data?: undefined; trackEvent?: null; trackDescriptor?: null }|{ data?: "trackEvent"; trackEvent: perfetto.protos.TrackEvent.$Shape; trackDescriptor?: null }|{ data?: "trackDescriptor"; trackEvent?: null; trackDescriptor: perfetto.protos.TrackDescriptor.$Shape })
             * )} perfetto.protos.TracePacket.$Shape
             */

            /**
             * Constructs a new TracePacket.
             * @memberof perfetto.protos
             * @classdesc Represents a TracePacket.
             * @constructor
             * @param {perfetto.protos.TracePacket.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var TracePacket = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * TracePacket timestamp.
             * @member {number} timestamp
             * @memberof perfetto.protos.TracePacket
             * @instance
             */
            TracePacket.prototype.timestamp = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * TracePacket trackEvent.
             * @member {perfetto.protos.TrackEvent.$Properties|null|undefined} trackEvent
             * @memberof perfetto.protos.TracePacket
             * @instance
             */
            TracePacket.prototype.trackEvent = null;

            /**
             * TracePacket trackDescriptor.
             * @member {perfetto.protos.TrackDescriptor.$Properties|null|undefined} trackDescriptor
             * @memberof perfetto.protos.TracePacket
             * @instance
             */
            TracePacket.prototype.trackDescriptor = null;

            /**
             * TracePacket trustedPacketSequenceId.
             * @member {number} trustedPacketSequenceId
             * @memberof perfetto.protos.TracePacket
             * @instance
             */
            TracePacket.prototype.trustedPacketSequenceId = 0;

            /**
             * TracePacket internedData.
             * @member {perfetto.protos.InternedData.$Properties|null|undefined} internedData
             * @memberof perfetto.protos.TracePacket
             * @instance
             */
            TracePacket.prototype.internedData = null;

            /**
             * TracePacket sequenceFlags.
             * @member {number} sequenceFlags
             * @memberof perfetto.protos.TracePacket
             * @instance
             */
            TracePacket.prototype.sequenceFlags = 0;

            /**
             * TracePacket firstPacketOnSequence.
             * @member {boolean} firstPacketOnSequence
             * @memberof perfetto.protos.TracePacket
             * @instance
             */
            TracePacket.prototype.firstPacketOnSequence = false;

            // OneOf field names bound to virtual getters and setters
            var $oneOfFields;

            /**
             * TracePacket data.
             * @member {"trackEvent"|"trackDescriptor"|undefined} data
             * @memberof perfetto.protos.TracePacket
             * @instance
             */
            $Object.defineProperty(TracePacket.prototype, "data", {
                get: $util.oneOfGetter($oneOfFields = ["trackEvent", "trackDescriptor"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new TracePacket instance using the specified properties.
             * @function create
             * @memberof perfetto.protos.TracePacket
             * @static
             * @param {perfetto.protos.TracePacket.$Properties=} [properties] Properties to set
             * @returns {perfetto.protos.TracePacket} TracePacket instance
             * @type {{
             *   (properties: perfetto.protos.TracePacket.$Shape): perfetto.protos.TracePacket & perfetto.protos.TracePacket.$Shape;
             *   (properties?: perfetto.protos.TracePacket.$Properties): perfetto.protos.TracePacket;
             * }}
             */
            TracePacket.create = function(properties) {
                return new TracePacket(properties);
            };

            /**
             * Encodes the specified TracePacket message. Does not implicitly {@link perfetto.protos.TracePacket.verify|verify} messages.
             * @function encode
             * @memberof perfetto.protos.TracePacket
             * @static
             * @param {perfetto.protos.TracePacket.$Properties} message TracePacket message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TracePacket.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.timestamp != null && $Object.hasOwnProperty.call(message, "timestamp"))
                    writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.timestamp);
                if (message.trustedPacketSequenceId != null && $Object.hasOwnProperty.call(message, "trustedPacketSequenceId"))
                    writer.uint32(/* id 10, wireType 0 =*/80).uint32(message.trustedPacketSequenceId);
                if (message.trackEvent != null && $Object.hasOwnProperty.call(message, "trackEvent"))
                    $root.perfetto.protos.TrackEvent.encode(message.trackEvent, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
                if (message.internedData != null && $Object.hasOwnProperty.call(message, "internedData"))
                    $root.perfetto.protos.InternedData.encode(message.internedData, writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
                if (message.sequenceFlags != null && $Object.hasOwnProperty.call(message, "sequenceFlags"))
                    writer.uint32(/* id 13, wireType 0 =*/104).uint32(message.sequenceFlags);
                if (message.trackDescriptor != null && $Object.hasOwnProperty.call(message, "trackDescriptor"))
                    $root.perfetto.protos.TrackDescriptor.encode(message.trackDescriptor, writer.uint32(/* id 60, wireType 2 =*/482).fork(), _depth + 1).ldelim();
                if (message.firstPacketOnSequence != null && $Object.hasOwnProperty.call(message, "firstPacketOnSequence"))
                    writer.uint32(/* id 87, wireType 0 =*/696).bool(message.firstPacketOnSequence);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a TracePacket message from the specified reader or buffer.
             * @function decode
             * @memberof perfetto.protos.TracePacket
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {perfetto.protos.TracePacket & perfetto.protos.TracePacket.$Shape} TracePacket
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TracePacket.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.perfetto.protos.TracePacket();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 8: {
                            if (wireType !== 0)
                                break;
                            message.timestamp = reader.uint64();
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            message.trackEvent = $root.perfetto.protos.TrackEvent.decode(reader, reader.size(), $undefined, _depth + 1, message.trackEvent);
                            message.data = "trackEvent";
                            continue;
                        }
                    case 60: {
                            if (wireType !== 2)
                                break;
                            message.trackDescriptor = $root.perfetto.protos.TrackDescriptor.decode(reader, reader.size(), $undefined, _depth + 1, message.trackDescriptor);
                            message.data = "trackDescriptor";
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            message.trustedPacketSequenceId = reader.uint32();
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            message.internedData = $root.perfetto.protos.InternedData.decode(reader, reader.size(), $undefined, _depth + 1, message.internedData);
                            continue;
                        }
                    case 13: {
                            if (wireType !== 0)
                                break;
                            message.sequenceFlags = reader.uint32();
                            continue;
                        }
                    case 87: {
                            if (wireType !== 0)
                                break;
                            message.firstPacketOnSequence = reader.bool();
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for TracePacket
             * @function getTypeUrl
             * @memberof perfetto.protos.TracePacket
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            TracePacket.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/perfetto.protos.TracePacket";
            };

            /**
             * SequenceFlags enum.
             * @name perfetto.protos.TracePacket.SequenceFlags
             * @enum {number}
             * @property {number} SEQ_UNSPECIFIED=0 SEQ_UNSPECIFIED value
             * @property {number} SEQ_INCREMENTAL_STATE_CLEARED=1 SEQ_INCREMENTAL_STATE_CLEARED value
             * @property {number} SEQ_NEEDS_INCREMENTAL_STATE=2 SEQ_NEEDS_INCREMENTAL_STATE value
             */
            TracePacket.SequenceFlags = (function() {
                var valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "SEQ_UNSPECIFIED"] = 0;
                values[valuesById[1] = "SEQ_INCREMENTAL_STATE_CLEARED"] = 1;
                values[valuesById[2] = "SEQ_NEEDS_INCREMENTAL_STATE"] = 2;
                return values;
            })();

            return TracePacket;
        })();

        protos.TrackDescriptor = (function() {

            /**
             * Properties of a TrackDescriptor.
             * @typedef {Object} perfetto.protos.TrackDescriptor.$Properties
             * @property {number|null} [uuid] TrackDescriptor uuid
             * @property {string|null} [name] TrackDescriptor name
             * @property {perfetto.protos.ProcessDescriptor.$Properties|null} [process] TrackDescriptor process
             * @property {perfetto.protos.ThreadDescriptor.$Properties|null} [thread] TrackDescriptor thread
             * @property {number|null} [parentUuid] TrackDescriptor parentUuid
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TrackDescriptor.
             * @memberof perfetto.protos
             * @interface ITrackDescriptor
             * @augments perfetto.protos.TrackDescriptor.$Properties
             * @deprecated Use perfetto.protos.TrackDescriptor.$Properties instead.
             */

            /**
             * Shape of a TrackDescriptor.
             * @typedef {perfetto.protos.TrackDescriptor.$Properties} perfetto.protos.TrackDescriptor.$Shape
             */

            /**
             * Constructs a new TrackDescriptor.
             * @memberof perfetto.protos
             * @classdesc Represents a TrackDescriptor.
             * @constructor
             * @param {perfetto.protos.TrackDescriptor.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var TrackDescriptor = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * TrackDescriptor uuid.
             * @member {number} uuid
             * @memberof perfetto.protos.TrackDescriptor
             * @instance
             */
            TrackDescriptor.prototype.uuid = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * TrackDescriptor name.
             * @member {string} name
             * @memberof perfetto.protos.TrackDescriptor
             * @instance
             */
            TrackDescriptor.prototype.name = "";

            /**
             * TrackDescriptor process.
             * @member {perfetto.protos.ProcessDescriptor.$Properties|null|undefined} process
             * @memberof perfetto.protos.TrackDescriptor
             * @instance
             */
            TrackDescriptor.prototype.process = null;

            /**
             * TrackDescriptor thread.
             * @member {perfetto.protos.ThreadDescriptor.$Properties|null|undefined} thread
             * @memberof perfetto.protos.TrackDescriptor
             * @instance
             */
            TrackDescriptor.prototype.thread = null;

            /**
             * TrackDescriptor parentUuid.
             * @member {number} parentUuid
             * @memberof perfetto.protos.TrackDescriptor
             * @instance
             */
            TrackDescriptor.prototype.parentUuid = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new TrackDescriptor instance using the specified properties.
             * @function create
             * @memberof perfetto.protos.TrackDescriptor
             * @static
             * @param {perfetto.protos.TrackDescriptor.$Properties=} [properties] Properties to set
             * @returns {perfetto.protos.TrackDescriptor} TrackDescriptor instance
             * @type {{
             *   (properties: perfetto.protos.TrackDescriptor.$Shape): perfetto.protos.TrackDescriptor & perfetto.protos.TrackDescriptor.$Shape;
             *   (properties?: perfetto.protos.TrackDescriptor.$Properties): perfetto.protos.TrackDescriptor;
             * }}
             */
            TrackDescriptor.create = function(properties) {
                return new TrackDescriptor(properties);
            };

            /**
             * Encodes the specified TrackDescriptor message. Does not implicitly {@link perfetto.protos.TrackDescriptor.verify|verify} messages.
             * @function encode
             * @memberof perfetto.protos.TrackDescriptor
             * @static
             * @param {perfetto.protos.TrackDescriptor.$Properties} message TrackDescriptor message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TrackDescriptor.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.uuid != null && $Object.hasOwnProperty.call(message, "uuid"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.uuid);
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.name);
                if (message.process != null && $Object.hasOwnProperty.call(message, "process"))
                    $root.perfetto.protos.ProcessDescriptor.encode(message.process, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.thread != null && $Object.hasOwnProperty.call(message, "thread"))
                    $root.perfetto.protos.ThreadDescriptor.encode(message.thread, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.parentUuid != null && $Object.hasOwnProperty.call(message, "parentUuid"))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.parentUuid);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a TrackDescriptor message from the specified reader or buffer.
             * @function decode
             * @memberof perfetto.protos.TrackDescriptor
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {perfetto.protos.TrackDescriptor & perfetto.protos.TrackDescriptor.$Shape} TrackDescriptor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TrackDescriptor.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.perfetto.protos.TrackDescriptor();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            message.uuid = reader.uint64();
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.name = reader.string();
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.process = $root.perfetto.protos.ProcessDescriptor.decode(reader, reader.size(), $undefined, _depth + 1, message.process);
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.thread = $root.perfetto.protos.ThreadDescriptor.decode(reader, reader.size(), $undefined, _depth + 1, message.thread);
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            message.parentUuid = reader.uint64();
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for TrackDescriptor
             * @function getTypeUrl
             * @memberof perfetto.protos.TrackDescriptor
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            TrackDescriptor.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/perfetto.protos.TrackDescriptor";
            };

            return TrackDescriptor;
        })();

        protos.ProcessDescriptor = (function() {

            /**
             * Properties of a ProcessDescriptor.
             * @typedef {Object} perfetto.protos.ProcessDescriptor.$Properties
             * @property {number|null} [pid] ProcessDescriptor pid
             * @property {Array.<string>|null} [cmdline] ProcessDescriptor cmdline
             * @property {string|null} [processName] ProcessDescriptor processName
             * @property {number|null} [startTimestampNs] ProcessDescriptor startTimestampNs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ProcessDescriptor.
             * @memberof perfetto.protos
             * @interface IProcessDescriptor
             * @augments perfetto.protos.ProcessDescriptor.$Properties
             * @deprecated Use perfetto.protos.ProcessDescriptor.$Properties instead.
             */

            /**
             * Shape of a ProcessDescriptor.
             * @typedef {perfetto.protos.ProcessDescriptor.$Properties} perfetto.protos.ProcessDescriptor.$Shape
             */

            /**
             * Constructs a new ProcessDescriptor.
             * @memberof perfetto.protos
             * @classdesc Represents a ProcessDescriptor.
             * @constructor
             * @param {perfetto.protos.ProcessDescriptor.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var ProcessDescriptor = function (properties) {
                this.cmdline = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ProcessDescriptor pid.
             * @member {number} pid
             * @memberof perfetto.protos.ProcessDescriptor
             * @instance
             */
            ProcessDescriptor.prototype.pid = 0;

            /**
             * ProcessDescriptor cmdline.
             * @member {Array.<string>} cmdline
             * @memberof perfetto.protos.ProcessDescriptor
             * @instance
             */
            ProcessDescriptor.prototype.cmdline = $util.emptyArray;

            /**
             * ProcessDescriptor processName.
             * @member {string} processName
             * @memberof perfetto.protos.ProcessDescriptor
             * @instance
             */
            ProcessDescriptor.prototype.processName = "";

            /**
             * ProcessDescriptor startTimestampNs.
             * @member {number} startTimestampNs
             * @memberof perfetto.protos.ProcessDescriptor
             * @instance
             */
            ProcessDescriptor.prototype.startTimestampNs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new ProcessDescriptor instance using the specified properties.
             * @function create
             * @memberof perfetto.protos.ProcessDescriptor
             * @static
             * @param {perfetto.protos.ProcessDescriptor.$Properties=} [properties] Properties to set
             * @returns {perfetto.protos.ProcessDescriptor} ProcessDescriptor instance
             * @type {{
             *   (properties: perfetto.protos.ProcessDescriptor.$Shape): perfetto.protos.ProcessDescriptor & perfetto.protos.ProcessDescriptor.$Shape;
             *   (properties?: perfetto.protos.ProcessDescriptor.$Properties): perfetto.protos.ProcessDescriptor;
             * }}
             */
            ProcessDescriptor.create = function(properties) {
                return new ProcessDescriptor(properties);
            };

            /**
             * Encodes the specified ProcessDescriptor message. Does not implicitly {@link perfetto.protos.ProcessDescriptor.verify|verify} messages.
             * @function encode
             * @memberof perfetto.protos.ProcessDescriptor
             * @static
             * @param {perfetto.protos.ProcessDescriptor.$Properties} message ProcessDescriptor message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ProcessDescriptor.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.pid != null && $Object.hasOwnProperty.call(message, "pid"))
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.pid);
                if (message.cmdline != null && message.cmdline.length)
                    for (var i = 0; i < message.cmdline.length; ++i)
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.cmdline[i]);
                if (message.processName != null && $Object.hasOwnProperty.call(message, "processName"))
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.processName);
                if (message.startTimestampNs != null && $Object.hasOwnProperty.call(message, "startTimestampNs"))
                    writer.uint32(/* id 7, wireType 0 =*/56).int64(message.startTimestampNs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ProcessDescriptor message from the specified reader or buffer.
             * @function decode
             * @memberof perfetto.protos.ProcessDescriptor
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {perfetto.protos.ProcessDescriptor & perfetto.protos.ProcessDescriptor.$Shape} ProcessDescriptor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ProcessDescriptor.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.perfetto.protos.ProcessDescriptor();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            message.pid = reader.int32();
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.cmdline && message.cmdline.length))
                                message.cmdline = [];
                            message.cmdline.push(reader.string());
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.processName = reader.string();
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            message.startTimestampNs = reader.int64();
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for ProcessDescriptor
             * @function getTypeUrl
             * @memberof perfetto.protos.ProcessDescriptor
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ProcessDescriptor.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/perfetto.protos.ProcessDescriptor";
            };

            return ProcessDescriptor;
        })();

        protos.ThreadDescriptor = (function() {

            /**
             * Properties of a ThreadDescriptor.
             * @typedef {Object} perfetto.protos.ThreadDescriptor.$Properties
             * @property {number|null} [pid] ThreadDescriptor pid
             * @property {number|null} [tid] ThreadDescriptor tid
             * @property {string|null} [threadName] ThreadDescriptor threadName
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ThreadDescriptor.
             * @memberof perfetto.protos
             * @interface IThreadDescriptor
             * @augments perfetto.protos.ThreadDescriptor.$Properties
             * @deprecated Use perfetto.protos.ThreadDescriptor.$Properties instead.
             */

            /**
             * Shape of a ThreadDescriptor.
             * @typedef {perfetto.protos.ThreadDescriptor.$Properties} perfetto.protos.ThreadDescriptor.$Shape
             */

            /**
             * Constructs a new ThreadDescriptor.
             * @memberof perfetto.protos
             * @classdesc Represents a ThreadDescriptor.
             * @constructor
             * @param {perfetto.protos.ThreadDescriptor.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var ThreadDescriptor = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ThreadDescriptor pid.
             * @member {number} pid
             * @memberof perfetto.protos.ThreadDescriptor
             * @instance
             */
            ThreadDescriptor.prototype.pid = 0;

            /**
             * ThreadDescriptor tid.
             * @member {number} tid
             * @memberof perfetto.protos.ThreadDescriptor
             * @instance
             */
            ThreadDescriptor.prototype.tid = 0;

            /**
             * ThreadDescriptor threadName.
             * @member {string} threadName
             * @memberof perfetto.protos.ThreadDescriptor
             * @instance
             */
            ThreadDescriptor.prototype.threadName = "";

            /**
             * Creates a new ThreadDescriptor instance using the specified properties.
             * @function create
             * @memberof perfetto.protos.ThreadDescriptor
             * @static
             * @param {perfetto.protos.ThreadDescriptor.$Properties=} [properties] Properties to set
             * @returns {perfetto.protos.ThreadDescriptor} ThreadDescriptor instance
             * @type {{
             *   (properties: perfetto.protos.ThreadDescriptor.$Shape): perfetto.protos.ThreadDescriptor & perfetto.protos.ThreadDescriptor.$Shape;
             *   (properties?: perfetto.protos.ThreadDescriptor.$Properties): perfetto.protos.ThreadDescriptor;
             * }}
             */
            ThreadDescriptor.create = function(properties) {
                return new ThreadDescriptor(properties);
            };

            /**
             * Encodes the specified ThreadDescriptor message. Does not implicitly {@link perfetto.protos.ThreadDescriptor.verify|verify} messages.
             * @function encode
             * @memberof perfetto.protos.ThreadDescriptor
             * @static
             * @param {perfetto.protos.ThreadDescriptor.$Properties} message ThreadDescriptor message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ThreadDescriptor.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.pid != null && $Object.hasOwnProperty.call(message, "pid"))
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.pid);
                if (message.tid != null && $Object.hasOwnProperty.call(message, "tid"))
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.tid);
                if (message.threadName != null && $Object.hasOwnProperty.call(message, "threadName"))
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.threadName);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a ThreadDescriptor message from the specified reader or buffer.
             * @function decode
             * @memberof perfetto.protos.ThreadDescriptor
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {perfetto.protos.ThreadDescriptor & perfetto.protos.ThreadDescriptor.$Shape} ThreadDescriptor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ThreadDescriptor.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.perfetto.protos.ThreadDescriptor();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            message.pid = reader.int32();
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            message.tid = reader.int32();
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.threadName = reader.string();
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for ThreadDescriptor
             * @function getTypeUrl
             * @memberof perfetto.protos.ThreadDescriptor
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ThreadDescriptor.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/perfetto.protos.ThreadDescriptor";
            };

            return ThreadDescriptor;
        })();

        protos.TrackEvent = (function() {

            /**
             * Properties of a TrackEvent.
             * @typedef {Object} perfetto.protos.TrackEvent.$Properties
             * @property {Array.<number>|null} [categoryIids] TrackEvent categoryIids
             * @property {Array.<perfetto.protos.DebugAnnotation.$Properties>|null} [debugAnnotations] TrackEvent debugAnnotations
             * @property {perfetto.protos.TrackEvent.Type|null} [type] TrackEvent type
             * @property {number|null} [nameIid] TrackEvent nameIid
             * @property {string|null} [name] TrackEvent name
             * @property {number|null} [trackUuid] TrackEvent trackUuid
             * @property {Array.<string>|null} [categories] TrackEvent categories
             * @property {Array.<number>|null} [flowIds] TrackEvent flowIds
             * @property {Array.<number>|null} [terminatingFlowIds] TrackEvent terminatingFlowIds
             * @property {"nameIid"|"name"} [nameField] TrackEvent nameField
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TrackEvent.
             * @memberof perfetto.protos
             * @interface ITrackEvent
             * @augments perfetto.protos.TrackEvent.$Properties
             * @deprecated Use perfetto.protos.TrackEvent.$Properties instead.
             */

            /**
             * Narrowed shape of a TrackEvent.
             * @typedef {{
             *   categoryIids?: Array.<number>|null;
             *   debugAnnotations?: Array.<perfetto.protos.DebugAnnotation.$Shape>|null;
             *   type?: perfetto.protos.TrackEvent.Type|null;
             *   nameIid?: number|null;
             *   name?: string|null;
             *   trackUuid?: number|null;
             *   categories?: Array.<string>|null;
             *   flowIds?: Array.<number>|null;
             *   terminatingFlowIds?: Array.<number>|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ nameField?: undefined; nameIid?: null; name?: null }|{ nameField?: "nameIid"; nameIid: number; name?: null }|{ nameField?: "name"; nameIid?: null; name: string })
             * )} perfetto.protos.TrackEvent.$Shape
             */

            /**
             * Constructs a new TrackEvent.
             * @memberof perfetto.protos
             * @classdesc Represents a TrackEvent.
             * @constructor
             * @param {perfetto.protos.TrackEvent.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var TrackEvent = function (properties) {
                this.categoryIids = [];
                this.debugAnnotations = [];
                this.categories = [];
                this.flowIds = [];
                this.terminatingFlowIds = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * TrackEvent categoryIids.
             * @member {Array.<number>} categoryIids
             * @memberof perfetto.protos.TrackEvent
             * @instance
             */
            TrackEvent.prototype.categoryIids = $util.emptyArray;

            /**
             * TrackEvent debugAnnotations.
             * @member {Array.<perfetto.protos.DebugAnnotation.$Properties>} debugAnnotations
             * @memberof perfetto.protos.TrackEvent
             * @instance
             */
            TrackEvent.prototype.debugAnnotations = $util.emptyArray;

            /**
             * TrackEvent type.
             * @member {perfetto.protos.TrackEvent.Type} type
             * @memberof perfetto.protos.TrackEvent
             * @instance
             */
            TrackEvent.prototype.type = 0;

            /**
             * TrackEvent nameIid.
             * @member {number|null|undefined} nameIid
             * @memberof perfetto.protos.TrackEvent
             * @instance
             */
            TrackEvent.prototype.nameIid = null;

            /**
             * TrackEvent name.
             * @member {string|null|undefined} name
             * @memberof perfetto.protos.TrackEvent
             * @instance
             */
            TrackEvent.prototype.name = null;

            /**
             * TrackEvent trackUuid.
             * @member {number} trackUuid
             * @memberof perfetto.protos.TrackEvent
             * @instance
             */
            TrackEvent.prototype.trackUuid = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * TrackEvent categories.
             * @member {Array.<string>} categories
             * @memberof perfetto.protos.TrackEvent
             * @instance
             */
            TrackEvent.prototype.categories = $util.emptyArray;

            /**
             * TrackEvent flowIds.
             * @member {Array.<number>} flowIds
             * @memberof perfetto.protos.TrackEvent
             * @instance
             */
            TrackEvent.prototype.flowIds = $util.emptyArray;

            /**
             * TrackEvent terminatingFlowIds.
             * @member {Array.<number>} terminatingFlowIds
             * @memberof perfetto.protos.TrackEvent
             * @instance
             */
            TrackEvent.prototype.terminatingFlowIds = $util.emptyArray;

            // OneOf field names bound to virtual getters and setters
            var $oneOfFields;

            /**
             * TrackEvent nameField.
             * @member {"nameIid"|"name"|undefined} nameField
             * @memberof perfetto.protos.TrackEvent
             * @instance
             */
            $Object.defineProperty(TrackEvent.prototype, "nameField", {
                get: $util.oneOfGetter($oneOfFields = ["nameIid", "name"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new TrackEvent instance using the specified properties.
             * @function create
             * @memberof perfetto.protos.TrackEvent
             * @static
             * @param {perfetto.protos.TrackEvent.$Properties=} [properties] Properties to set
             * @returns {perfetto.protos.TrackEvent} TrackEvent instance
             * @type {{
             *   (properties: perfetto.protos.TrackEvent.$Shape): perfetto.protos.TrackEvent & perfetto.protos.TrackEvent.$Shape;
             *   (properties?: perfetto.protos.TrackEvent.$Properties): perfetto.protos.TrackEvent;
             * }}
             */
            TrackEvent.create = function(properties) {
                return new TrackEvent(properties);
            };

            /**
             * Encodes the specified TrackEvent message. Does not implicitly {@link perfetto.protos.TrackEvent.verify|verify} messages.
             * @function encode
             * @memberof perfetto.protos.TrackEvent
             * @static
             * @param {perfetto.protos.TrackEvent.$Properties} message TrackEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TrackEvent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.categoryIids != null && message.categoryIids.length)
                    for (var i = 0; i < message.categoryIids.length; ++i)
                        writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.categoryIids[i]);
                if (message.debugAnnotations != null && message.debugAnnotations.length)
                    for (var i = 0; i < message.debugAnnotations.length; ++i)
                        $root.perfetto.protos.DebugAnnotation.encode(message.debugAnnotations[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.type != null && $Object.hasOwnProperty.call(message, "type"))
                    writer.uint32(/* id 9, wireType 0 =*/72).int32(message.type);
                if (message.nameIid != null && $Object.hasOwnProperty.call(message, "nameIid"))
                    writer.uint32(/* id 10, wireType 0 =*/80).uint64(message.nameIid);
                if (message.trackUuid != null && $Object.hasOwnProperty.call(message, "trackUuid"))
                    writer.uint32(/* id 11, wireType 0 =*/88).uint64(message.trackUuid);
                if (message.categories != null && message.categories.length)
                    for (var i = 0; i < message.categories.length; ++i)
                        writer.uint32(/* id 22, wireType 2 =*/178).string(message.categories[i]);
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 23, wireType 2 =*/186).string(message.name);
                if (message.flowIds != null && message.flowIds.length)
                    for (var i = 0; i < message.flowIds.length; ++i)
                        writer.uint32(/* id 47, wireType 1 =*/377).fixed64(message.flowIds[i]);
                if (message.terminatingFlowIds != null && message.terminatingFlowIds.length)
                    for (var i = 0; i < message.terminatingFlowIds.length; ++i)
                        writer.uint32(/* id 48, wireType 1 =*/385).fixed64(message.terminatingFlowIds[i]);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a TrackEvent message from the specified reader or buffer.
             * @function decode
             * @memberof perfetto.protos.TrackEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {perfetto.protos.TrackEvent & perfetto.protos.TrackEvent.$Shape} TrackEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TrackEvent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.perfetto.protos.TrackEvent();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 3: {
                            if (wireType === 2) {
                                if (!(message.categoryIids && message.categoryIids.length))
                                    message.categoryIids = [];
                                reader.uint64s(message.categoryIids);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.categoryIids && message.categoryIids.length))
                                message.categoryIids = [];
                            message.categoryIids.push(reader.uint64());
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.debugAnnotations && message.debugAnnotations.length))
                                message.debugAnnotations = [];
                            message.debugAnnotations.push($root.perfetto.protos.DebugAnnotation.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            value = reader.int32();
                            if ($root.perfetto.protos.TrackEvent.Type[value] !== $undefined)
                                message.type = value;
                            else if (!reader.discardUnknown) {
                                $util.makeProp(message, "$unknowns", false);
                                (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                            }
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            message.nameIid = reader.uint64();
                            message.nameField = "nameIid";
                            continue;
                        }
                    case 23: {
                            if (wireType !== 2)
                                break;
                            message.name = reader.string();
                            message.nameField = "name";
                            continue;
                        }
                    case 11: {
                            if (wireType !== 0)
                                break;
                            message.trackUuid = reader.uint64();
                            continue;
                        }
                    case 22: {
                            if (wireType !== 2)
                                break;
                            if (!(message.categories && message.categories.length))
                                message.categories = [];
                            message.categories.push(reader.string());
                            continue;
                        }
                    case 47: {
                            if (wireType === 2) {
                                if (!(message.flowIds && message.flowIds.length))
                                    message.flowIds = [];
                                reader.fixed64s(message.flowIds);
                                continue;
                            }
                            if (wireType !== 1)
                                break;
                            if (!(message.flowIds && message.flowIds.length))
                                message.flowIds = [];
                            message.flowIds.push(reader.fixed64());
                            continue;
                        }
                    case 48: {
                            if (wireType === 2) {
                                if (!(message.terminatingFlowIds && message.terminatingFlowIds.length))
                                    message.terminatingFlowIds = [];
                                reader.fixed64s(message.terminatingFlowIds);
                                continue;
                            }
                            if (wireType !== 1)
                                break;
                            if (!(message.terminatingFlowIds && message.terminatingFlowIds.length))
                                message.terminatingFlowIds = [];
                            message.terminatingFlowIds.push(reader.fixed64());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for TrackEvent
             * @function getTypeUrl
             * @memberof perfetto.protos.TrackEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            TrackEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/perfetto.protos.TrackEvent";
            };

            /**
             * Type enum.
             * @name perfetto.protos.TrackEvent.Type
             * @enum {number}
             * @property {number} TYPE_UNSPECIFIED=0 TYPE_UNSPECIFIED value
             * @property {number} TYPE_SLICE_BEGIN=1 TYPE_SLICE_BEGIN value
             * @property {number} TYPE_SLICE_END=2 TYPE_SLICE_END value
             * @property {number} TYPE_INSTANT=3 TYPE_INSTANT value
             */
            TrackEvent.Type = (function() {
                var valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "TYPE_UNSPECIFIED"] = 0;
                values[valuesById[1] = "TYPE_SLICE_BEGIN"] = 1;
                values[valuesById[2] = "TYPE_SLICE_END"] = 2;
                values[valuesById[3] = "TYPE_INSTANT"] = 3;
                return values;
            })();

            return TrackEvent;
        })();

        protos.DebugAnnotation = (function() {

            /**
             * Properties of a DebugAnnotation.
             * @typedef {Object} perfetto.protos.DebugAnnotation.$Properties
             * @property {number|null} [nameIid] DebugAnnotation nameIid
             * @property {string|null} [name] DebugAnnotation name
             * @property {boolean|null} [boolValue] DebugAnnotation boolValue
             * @property {number|null} [uintValue] DebugAnnotation uintValue
             * @property {number|null} [intValue] DebugAnnotation intValue
             * @property {string|null} [stringValue] DebugAnnotation stringValue
             * @property {"nameIid"|"name"} [nameField] DebugAnnotation nameField
             * @property {"boolValue"|"uintValue"|"intValue"|"stringValue"} [value] DebugAnnotation value
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DebugAnnotation.
             * @memberof perfetto.protos
             * @interface IDebugAnnotation
             * @augments perfetto.protos.DebugAnnotation.$Properties
             * @deprecated Use perfetto.protos.DebugAnnotation.$Properties instead.
             */

            /**
             * Narrowed shape of a DebugAnnotation.
             * @typedef {{
             *   nameIid?: number|null;
             *   name?: string|null;
             *   boolValue?: boolean|null;
             *   uintValue?: number|null;
             *   intValue?: number|null;
             *   stringValue?: string|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ nameField?: undefined; nameIid?: null; name?: null }|{ nameField?: "nameIid"; nameIid: number; name?: null }|{ nameField?: "name"; nameIid?: null; name: string })
             * ) & (
             *   ({ value?: undefined; boolValue?: null; uintValue?: null; intValue?: null; stringValue?: null }|{ value?: "boolValue"; boolValue: boolean; uintValue?: null; intValue?: null; stringValue?: null }|{ value?: "uintValue"; boolValue?: null; uintValue: number; intValue?: null; stringValue?: null }|{ value?: "intValue"; boolValue?: null; uintValue?: null; intValue: number; stringValue?: null }|{ value?: "stringValue"; boolValue?: null; uintValue?: null; intValue?: null; stringValue: string })
             * )} perfetto.protos.DebugAnnotation.$Shape
             */

            /**
             * Constructs a new DebugAnnotation.
             * @memberof perfetto.protos
             * @classdesc Represents a DebugAnnotation.
             * @constructor
             * @param {perfetto.protos.DebugAnnotation.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var DebugAnnotation = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DebugAnnotation nameIid.
             * @member {number|null|undefined} nameIid
             * @memberof perfetto.protos.DebugAnnotation
             * @instance
             */
            DebugAnnotation.prototype.nameIid = null;

            /**
             * DebugAnnotation name.
             * @member {string|null|undefined} name
             * @memberof perfetto.protos.DebugAnnotation
             * @instance
             */
            DebugAnnotation.prototype.name = null;

            /**
             * DebugAnnotation boolValue.
             * @member {boolean|null|undefined} boolValue
             * @memberof perfetto.protos.DebugAnnotation
             * @instance
             */
            DebugAnnotation.prototype.boolValue = null;

            /**
             * DebugAnnotation uintValue.
             * @member {number|null|undefined} uintValue
             * @memberof perfetto.protos.DebugAnnotation
             * @instance
             */
            DebugAnnotation.prototype.uintValue = null;

            /**
             * DebugAnnotation intValue.
             * @member {number|null|undefined} intValue
             * @memberof perfetto.protos.DebugAnnotation
             * @instance
             */
            DebugAnnotation.prototype.intValue = null;

            /**
             * DebugAnnotation stringValue.
             * @member {string|null|undefined} stringValue
             * @memberof perfetto.protos.DebugAnnotation
             * @instance
             */
            DebugAnnotation.prototype.stringValue = null;

            // OneOf field names bound to virtual getters and setters
            var $oneOfFields;

            /**
             * DebugAnnotation nameField.
             * @member {"nameIid"|"name"|undefined} nameField
             * @memberof perfetto.protos.DebugAnnotation
             * @instance
             */
            $Object.defineProperty(DebugAnnotation.prototype, "nameField", {
                get: $util.oneOfGetter($oneOfFields = ["nameIid", "name"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * DebugAnnotation value.
             * @member {"boolValue"|"uintValue"|"intValue"|"stringValue"|undefined} value
             * @memberof perfetto.protos.DebugAnnotation
             * @instance
             */
            $Object.defineProperty(DebugAnnotation.prototype, "value", {
                get: $util.oneOfGetter($oneOfFields = ["boolValue", "uintValue", "intValue", "stringValue"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new DebugAnnotation instance using the specified properties.
             * @function create
             * @memberof perfetto.protos.DebugAnnotation
             * @static
             * @param {perfetto.protos.DebugAnnotation.$Properties=} [properties] Properties to set
             * @returns {perfetto.protos.DebugAnnotation} DebugAnnotation instance
             * @type {{
             *   (properties: perfetto.protos.DebugAnnotation.$Shape): perfetto.protos.DebugAnnotation & perfetto.protos.DebugAnnotation.$Shape;
             *   (properties?: perfetto.protos.DebugAnnotation.$Properties): perfetto.protos.DebugAnnotation;
             * }}
             */
            DebugAnnotation.create = function(properties) {
                return new DebugAnnotation(properties);
            };

            /**
             * Encodes the specified DebugAnnotation message. Does not implicitly {@link perfetto.protos.DebugAnnotation.verify|verify} messages.
             * @function encode
             * @memberof perfetto.protos.DebugAnnotation
             * @static
             * @param {perfetto.protos.DebugAnnotation.$Properties} message DebugAnnotation message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DebugAnnotation.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.nameIid != null && $Object.hasOwnProperty.call(message, "nameIid"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.nameIid);
                if (message.boolValue != null && $Object.hasOwnProperty.call(message, "boolValue"))
                    writer.uint32(/* id 2, wireType 0 =*/16).bool(message.boolValue);
                if (message.uintValue != null && $Object.hasOwnProperty.call(message, "uintValue"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.uintValue);
                if (message.intValue != null && $Object.hasOwnProperty.call(message, "intValue"))
                    writer.uint32(/* id 4, wireType 0 =*/32).int64(message.intValue);
                if (message.stringValue != null && $Object.hasOwnProperty.call(message, "stringValue"))
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.stringValue);
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 10, wireType 2 =*/82).string(message.name);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a DebugAnnotation message from the specified reader or buffer.
             * @function decode
             * @memberof perfetto.protos.DebugAnnotation
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {perfetto.protos.DebugAnnotation & perfetto.protos.DebugAnnotation.$Shape} DebugAnnotation
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DebugAnnotation.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.perfetto.protos.DebugAnnotation();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            message.nameIid = reader.uint64();
                            message.nameField = "nameIid";
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.name = reader.string();
                            message.nameField = "name";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            message.boolValue = reader.bool();
                            message.value = "boolValue";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            message.uintValue = reader.uint64();
                            message.value = "uintValue";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            message.intValue = reader.int64();
                            message.value = "intValue";
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.stringValue = reader.string();
                            message.value = "stringValue";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for DebugAnnotation
             * @function getTypeUrl
             * @memberof perfetto.protos.DebugAnnotation
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DebugAnnotation.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/perfetto.protos.DebugAnnotation";
            };

            return DebugAnnotation;
        })();

        protos.InternedData = (function() {

            /**
             * Properties of an InternedData.
             * @typedef {Object} perfetto.protos.InternedData.$Properties
             * @property {Array.<perfetto.protos.EventCategory.$Properties>|null} [eventCategories] InternedData eventCategories
             * @property {Array.<perfetto.protos.EventName.$Properties>|null} [eventNames] InternedData eventNames
             * @property {Array.<perfetto.protos.DebugAnnotationName.$Properties>|null} [debugAnnotationNames] InternedData debugAnnotationNames
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an InternedData.
             * @memberof perfetto.protos
             * @interface IInternedData
             * @augments perfetto.protos.InternedData.$Properties
             * @deprecated Use perfetto.protos.InternedData.$Properties instead.
             */

            /**
             * Shape of an InternedData.
             * @typedef {perfetto.protos.InternedData.$Properties} perfetto.protos.InternedData.$Shape
             */

            /**
             * Constructs a new InternedData.
             * @memberof perfetto.protos
             * @classdesc Represents an InternedData.
             * @constructor
             * @param {perfetto.protos.InternedData.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var InternedData = function (properties) {
                this.eventCategories = [];
                this.eventNames = [];
                this.debugAnnotationNames = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * InternedData eventCategories.
             * @member {Array.<perfetto.protos.EventCategory.$Properties>} eventCategories
             * @memberof perfetto.protos.InternedData
             * @instance
             */
            InternedData.prototype.eventCategories = $util.emptyArray;

            /**
             * InternedData eventNames.
             * @member {Array.<perfetto.protos.EventName.$Properties>} eventNames
             * @memberof perfetto.protos.InternedData
             * @instance
             */
            InternedData.prototype.eventNames = $util.emptyArray;

            /**
             * InternedData debugAnnotationNames.
             * @member {Array.<perfetto.protos.DebugAnnotationName.$Properties>} debugAnnotationNames
             * @memberof perfetto.protos.InternedData
             * @instance
             */
            InternedData.prototype.debugAnnotationNames = $util.emptyArray;

            /**
             * Creates a new InternedData instance using the specified properties.
             * @function create
             * @memberof perfetto.protos.InternedData
             * @static
             * @param {perfetto.protos.InternedData.$Properties=} [properties] Properties to set
             * @returns {perfetto.protos.InternedData} InternedData instance
             * @type {{
             *   (properties: perfetto.protos.InternedData.$Shape): perfetto.protos.InternedData & perfetto.protos.InternedData.$Shape;
             *   (properties?: perfetto.protos.InternedData.$Properties): perfetto.protos.InternedData;
             * }}
             */
            InternedData.create = function(properties) {
                return new InternedData(properties);
            };

            /**
             * Encodes the specified InternedData message. Does not implicitly {@link perfetto.protos.InternedData.verify|verify} messages.
             * @function encode
             * @memberof perfetto.protos.InternedData
             * @static
             * @param {perfetto.protos.InternedData.$Properties} message InternedData message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InternedData.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.eventCategories != null && message.eventCategories.length)
                    for (var i = 0; i < message.eventCategories.length; ++i)
                        $root.perfetto.protos.EventCategory.encode(message.eventCategories[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.eventNames != null && message.eventNames.length)
                    for (var i = 0; i < message.eventNames.length; ++i)
                        $root.perfetto.protos.EventName.encode(message.eventNames[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.debugAnnotationNames != null && message.debugAnnotationNames.length)
                    for (var i = 0; i < message.debugAnnotationNames.length; ++i)
                        $root.perfetto.protos.DebugAnnotationName.encode(message.debugAnnotationNames[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an InternedData message from the specified reader or buffer.
             * @function decode
             * @memberof perfetto.protos.InternedData
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {perfetto.protos.InternedData & perfetto.protos.InternedData.$Shape} InternedData
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InternedData.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.perfetto.protos.InternedData();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.eventCategories && message.eventCategories.length))
                                message.eventCategories = [];
                            message.eventCategories.push($root.perfetto.protos.EventCategory.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.eventNames && message.eventNames.length))
                                message.eventNames = [];
                            message.eventNames.push($root.perfetto.protos.EventName.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.debugAnnotationNames && message.debugAnnotationNames.length))
                                message.debugAnnotationNames = [];
                            message.debugAnnotationNames.push($root.perfetto.protos.DebugAnnotationName.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for InternedData
             * @function getTypeUrl
             * @memberof perfetto.protos.InternedData
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            InternedData.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/perfetto.protos.InternedData";
            };

            return InternedData;
        })();

        protos.EventCategory = (function() {

            /**
             * Properties of an EventCategory.
             * @typedef {Object} perfetto.protos.EventCategory.$Properties
             * @property {number|null} [iid] EventCategory iid
             * @property {string|null} [name] EventCategory name
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EventCategory.
             * @memberof perfetto.protos
             * @interface IEventCategory
             * @augments perfetto.protos.EventCategory.$Properties
             * @deprecated Use perfetto.protos.EventCategory.$Properties instead.
             */

            /**
             * Shape of an EventCategory.
             * @typedef {perfetto.protos.EventCategory.$Properties} perfetto.protos.EventCategory.$Shape
             */

            /**
             * Constructs a new EventCategory.
             * @memberof perfetto.protos
             * @classdesc Represents an EventCategory.
             * @constructor
             * @param {perfetto.protos.EventCategory.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var EventCategory = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * EventCategory iid.
             * @member {number} iid
             * @memberof perfetto.protos.EventCategory
             * @instance
             */
            EventCategory.prototype.iid = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * EventCategory name.
             * @member {string} name
             * @memberof perfetto.protos.EventCategory
             * @instance
             */
            EventCategory.prototype.name = "";

            /**
             * Creates a new EventCategory instance using the specified properties.
             * @function create
             * @memberof perfetto.protos.EventCategory
             * @static
             * @param {perfetto.protos.EventCategory.$Properties=} [properties] Properties to set
             * @returns {perfetto.protos.EventCategory} EventCategory instance
             * @type {{
             *   (properties: perfetto.protos.EventCategory.$Shape): perfetto.protos.EventCategory & perfetto.protos.EventCategory.$Shape;
             *   (properties?: perfetto.protos.EventCategory.$Properties): perfetto.protos.EventCategory;
             * }}
             */
            EventCategory.create = function(properties) {
                return new EventCategory(properties);
            };

            /**
             * Encodes the specified EventCategory message. Does not implicitly {@link perfetto.protos.EventCategory.verify|verify} messages.
             * @function encode
             * @memberof perfetto.protos.EventCategory
             * @static
             * @param {perfetto.protos.EventCategory.$Properties} message EventCategory message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EventCategory.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.iid != null && $Object.hasOwnProperty.call(message, "iid"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.iid);
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.name);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an EventCategory message from the specified reader or buffer.
             * @function decode
             * @memberof perfetto.protos.EventCategory
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {perfetto.protos.EventCategory & perfetto.protos.EventCategory.$Shape} EventCategory
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EventCategory.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.perfetto.protos.EventCategory();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            message.iid = reader.uint64();
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.name = reader.string();
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for EventCategory
             * @function getTypeUrl
             * @memberof perfetto.protos.EventCategory
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EventCategory.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/perfetto.protos.EventCategory";
            };

            return EventCategory;
        })();

        protos.EventName = (function() {

            /**
             * Properties of an EventName.
             * @typedef {Object} perfetto.protos.EventName.$Properties
             * @property {number|null} [iid] EventName iid
             * @property {string|null} [name] EventName name
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EventName.
             * @memberof perfetto.protos
             * @interface IEventName
             * @augments perfetto.protos.EventName.$Properties
             * @deprecated Use perfetto.protos.EventName.$Properties instead.
             */

            /**
             * Shape of an EventName.
             * @typedef {perfetto.protos.EventName.$Properties} perfetto.protos.EventName.$Shape
             */

            /**
             * Constructs a new EventName.
             * @memberof perfetto.protos
             * @classdesc Represents an EventName.
             * @constructor
             * @param {perfetto.protos.EventName.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var EventName = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * EventName iid.
             * @member {number} iid
             * @memberof perfetto.protos.EventName
             * @instance
             */
            EventName.prototype.iid = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * EventName name.
             * @member {string} name
             * @memberof perfetto.protos.EventName
             * @instance
             */
            EventName.prototype.name = "";

            /**
             * Creates a new EventName instance using the specified properties.
             * @function create
             * @memberof perfetto.protos.EventName
             * @static
             * @param {perfetto.protos.EventName.$Properties=} [properties] Properties to set
             * @returns {perfetto.protos.EventName} EventName instance
             * @type {{
             *   (properties: perfetto.protos.EventName.$Shape): perfetto.protos.EventName & perfetto.protos.EventName.$Shape;
             *   (properties?: perfetto.protos.EventName.$Properties): perfetto.protos.EventName;
             * }}
             */
            EventName.create = function(properties) {
                return new EventName(properties);
            };

            /**
             * Encodes the specified EventName message. Does not implicitly {@link perfetto.protos.EventName.verify|verify} messages.
             * @function encode
             * @memberof perfetto.protos.EventName
             * @static
             * @param {perfetto.protos.EventName.$Properties} message EventName message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EventName.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.iid != null && $Object.hasOwnProperty.call(message, "iid"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.iid);
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.name);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes an EventName message from the specified reader or buffer.
             * @function decode
             * @memberof perfetto.protos.EventName
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {perfetto.protos.EventName & perfetto.protos.EventName.$Shape} EventName
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EventName.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.perfetto.protos.EventName();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            message.iid = reader.uint64();
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.name = reader.string();
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for EventName
             * @function getTypeUrl
             * @memberof perfetto.protos.EventName
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EventName.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/perfetto.protos.EventName";
            };

            return EventName;
        })();

        protos.DebugAnnotationName = (function() {

            /**
             * Properties of a DebugAnnotationName.
             * @typedef {Object} perfetto.protos.DebugAnnotationName.$Properties
             * @property {number|null} [iid] DebugAnnotationName iid
             * @property {string|null} [name] DebugAnnotationName name
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DebugAnnotationName.
             * @memberof perfetto.protos
             * @interface IDebugAnnotationName
             * @augments perfetto.protos.DebugAnnotationName.$Properties
             * @deprecated Use perfetto.protos.DebugAnnotationName.$Properties instead.
             */

            /**
             * Shape of a DebugAnnotationName.
             * @typedef {perfetto.protos.DebugAnnotationName.$Properties} perfetto.protos.DebugAnnotationName.$Shape
             */

            /**
             * Constructs a new DebugAnnotationName.
             * @memberof perfetto.protos
             * @classdesc Represents a DebugAnnotationName.
             * @constructor
             * @param {perfetto.protos.DebugAnnotationName.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var DebugAnnotationName = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DebugAnnotationName iid.
             * @member {number} iid
             * @memberof perfetto.protos.DebugAnnotationName
             * @instance
             */
            DebugAnnotationName.prototype.iid = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * DebugAnnotationName name.
             * @member {string} name
             * @memberof perfetto.protos.DebugAnnotationName
             * @instance
             */
            DebugAnnotationName.prototype.name = "";

            /**
             * Creates a new DebugAnnotationName instance using the specified properties.
             * @function create
             * @memberof perfetto.protos.DebugAnnotationName
             * @static
             * @param {perfetto.protos.DebugAnnotationName.$Properties=} [properties] Properties to set
             * @returns {perfetto.protos.DebugAnnotationName} DebugAnnotationName instance
             * @type {{
             *   (properties: perfetto.protos.DebugAnnotationName.$Shape): perfetto.protos.DebugAnnotationName & perfetto.protos.DebugAnnotationName.$Shape;
             *   (properties?: perfetto.protos.DebugAnnotationName.$Properties): perfetto.protos.DebugAnnotationName;
             * }}
             */
            DebugAnnotationName.create = function(properties) {
                return new DebugAnnotationName(properties);
            };

            /**
             * Encodes the specified DebugAnnotationName message. Does not implicitly {@link perfetto.protos.DebugAnnotationName.verify|verify} messages.
             * @function encode
             * @memberof perfetto.protos.DebugAnnotationName
             * @static
             * @param {perfetto.protos.DebugAnnotationName.$Properties} message DebugAnnotationName message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DebugAnnotationName.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.iid != null && $Object.hasOwnProperty.call(message, "iid"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.iid);
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.name);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a DebugAnnotationName message from the specified reader or buffer.
             * @function decode
             * @memberof perfetto.protos.DebugAnnotationName
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {perfetto.protos.DebugAnnotationName & perfetto.protos.DebugAnnotationName.$Shape} DebugAnnotationName
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DebugAnnotationName.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.perfetto.protos.DebugAnnotationName();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            message.iid = reader.uint64();
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.name = reader.string();
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Gets the type url for DebugAnnotationName
             * @function getTypeUrl
             * @memberof perfetto.protos.DebugAnnotationName
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DebugAnnotationName.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/perfetto.protos.DebugAnnotationName";
            };

            return DebugAnnotationName;
        })();

        return protos;
    })();

    return perfetto;
})();

module.exports = $root;
