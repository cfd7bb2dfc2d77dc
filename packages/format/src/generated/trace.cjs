/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
"use strict";

var $protobuf = require("protobufjs/minimal");

// Common aliases
var $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
var $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
var $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

$root.beetrace = (function() {

    /**
     * Namespace beetrace.
     * @exports beetrace
     * @namespace
     */
    var beetrace = {};

    beetrace.trace = (function() {

        /**
         * Namespace trace.
         * @memberof beetrace
         * @namespace
         */
        var trace = {};

        trace.v1 = (function() {

            /**
             * Namespace v1.
             * @memberof beetrace.trace
             * @namespace
             */
            var v1 = {};

            v1.Record = (function() {

                /**
                 * Properties of a Record.
                 * @typedef {Object} beetrace.trace.v1.Record.$Properties
                 * @property {beetrace.trace.v1.Header.$Properties|null} [header] Record header
                 * @property {beetrace.trace.v1.Batch.$Properties|null} [batch] Record batch
                 * @property {beetrace.trace.v1.Trailer.$Properties|null} [trailer] Record trailer
                 * @property {"header"|"batch"|"trailer"} [body] Record body
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Record.
                 * @memberof beetrace.trace.v1
                 * @interface IRecord
                 * @augments beetrace.trace.v1.Record.$Properties
                 * @deprecated Use beetrace.trace.v1.Record.$Properties instead.
                 */

                /**
                 * Narrowed shape of a Record.
                 * @typedef {{
                 *   header?: beetrace.trace.v1.Header.$Shape|null;
                 *   batch?: beetrace.trace.v1.Batch.$Shape|null;
                 *   trailer?: beetrace.trace.v1.Trailer.$Shape|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * } & (
                 *   ({ body?: undefined; header?: null; batch?: null; trailer?: null }|{ body?: "header"; header: beetrace.trace.v1.Header.$Shape; batch?: null; trailer?: null }|{ body?: "batch"; header?: null; batch: beetrace.trace.v1.Batch.$Shape; trailer?: null }|{ body?: "trailer"; header?: null; batch?: null; trailer: beetrace.trace.v1.Trailer.$Shape })
                 * )} beetrace.trace.v1.Record.$Shape
                 */

                /**
                 * Constructs a new Record.
                 * @memberof beetrace.trace.v1
                 * @classdesc Represents a Record.
                 * @constructor
                 * @param {beetrace.trace.v1.Record.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var Record = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Record header.
                 * @member {beetrace.trace.v1.Header.$Properties|null|undefined} header
                 * @memberof beetrace.trace.v1.Record
                 * @instance
                 */
                Record.prototype.header = null;

                /**
                 * Record batch.
                 * @member {beetrace.trace.v1.Batch.$Properties|null|undefined} batch
                 * @memberof beetrace.trace.v1.Record
                 * @instance
                 */
                Record.prototype.batch = null;

                /**
                 * Record trailer.
                 * @member {beetrace.trace.v1.Trailer.$Properties|null|undefined} trailer
                 * @memberof beetrace.trace.v1.Record
                 * @instance
                 */
                Record.prototype.trailer = null;

                // OneOf field names bound to virtual getters and setters
                var $oneOfFields;

                /**
                 * Record body.
                 * @member {"header"|"batch"|"trailer"|undefined} body
                 * @memberof beetrace.trace.v1.Record
                 * @instance
                 */
                $Object.defineProperty(Record.prototype, "body", {
                    get: $util.oneOfGetter($oneOfFields = ["header", "batch", "trailer"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                /**
                 * Creates a new Record instance using the specified properties.
                 * @function create
                 * @memberof beetrace.trace.v1.Record
                 * @static
                 * @param {beetrace.trace.v1.Record.$Properties=} [properties] Properties to set
                 * @returns {beetrace.trace.v1.Record} Record instance
                 * @type {{
                 *   (properties: beetrace.trace.v1.Record.$Shape): beetrace.trace.v1.Record & beetrace.trace.v1.Record.$Shape;
                 *   (properties?: beetrace.trace.v1.Record.$Properties): beetrace.trace.v1.Record;
                 * }}
                 */
                Record.create = function(properties) {
                    return new Record(properties);
                };

                /**
                 * Encodes the specified Record message. Does not implicitly {@link beetrace.trace.v1.Record.verify|verify} messages.
                 * @function encode
                 * @memberof beetrace.trace.v1.Record
                 * @static
                 * @param {beetrace.trace.v1.Record.$Properties} message Record message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Record.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.header != null && $Object.hasOwnProperty.call(message, "header"))
                        $root.beetrace.trace.v1.Header.encode(message.header, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                    if (message.batch != null && $Object.hasOwnProperty.call(message, "batch"))
                        $root.beetrace.trace.v1.Batch.encode(message.batch, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                    if (message.trailer != null && $Object.hasOwnProperty.call(message, "trailer"))
                        $root.beetrace.trace.v1.Trailer.encode(message.trailer, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Encodes the specified Record message, length delimited. Does not implicitly {@link beetrace.trace.v1.Record.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof beetrace.trace.v1.Record
                 * @static
                 * @param {beetrace.trace.v1.Record.$Properties} message Record message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Record.encodeDelimited = function(message, writer) {
                    return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                };

                /**
                 * Decodes a Record message from the specified reader or buffer.
                 * @function decode
                 * @memberof beetrace.trace.v1.Record
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {beetrace.trace.v1.Record & beetrace.trace.v1.Record.$Shape} Record
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Record.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.beetrace.trace.v1.Record();
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
                                message.header = $root.beetrace.trace.v1.Header.decode(reader, reader.size(), $undefined, _depth + 1, message.header);
                                message.body = "header";
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                message.batch = $root.beetrace.trace.v1.Batch.decode(reader, reader.size(), $undefined, _depth + 1, message.batch);
                                message.body = "batch";
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                message.trailer = $root.beetrace.trace.v1.Trailer.decode(reader, reader.size(), $undefined, _depth + 1, message.trailer);
                                message.body = "trailer";
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
                 * Decodes a Record message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof beetrace.trace.v1.Record
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {beetrace.trace.v1.Record & beetrace.trace.v1.Record.$Shape} Record
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Record.decodeDelimited = function(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.size());
                };

                /**
                 * Gets the type url for Record
                 * @function getTypeUrl
                 * @memberof beetrace.trace.v1.Record
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                Record.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/beetrace.trace.v1.Record";
                };

                return Record;
            })();

            v1.Header = (function() {

                /**
                 * Properties of a Header.
                 * @typedef {Object} beetrace.trace.v1.Header.$Properties
                 * @property {string|null} [magic] Header magic
                 * @property {number|null} [formatVersion] Header formatVersion
                 * @property {string|null} [recorderVersion] Header recorderVersion
                 * @property {string|null} [kernelRelease] Header kernelRelease
                 * @property {string|null} [arch] Header arch
                 * @property {string|null} [hostname] Header hostname
                 * @property {number|null} [monotonicNs] Header monotonicNs
                 * @property {number|null} [realtimeNs] Header realtimeNs
                 * @property {Array.<string>|null} [argv] Header argv
                 * @property {string|null} [cwd] Header cwd
                 * @property {number|null} [rootPid] Header rootPid
                 * @property {boolean|null} [attached] Header attached
                 * @property {beetrace.trace.v1.CaptureSettings.$Properties|null} [capture] Header capture
                 * @property {string|null} [syscallAbi] Header syscallAbi
                 * @property {Array.<beetrace.trace.v1.ProcessState.$Properties>|null} [processes] Header processes
                 * @property {number|null} [completeFromNs] Header completeFromNs
                 * @property {number|null} [droppedRecords] Header droppedRecords
                 * @property {number|null} [droppedFromNs] Header droppedFromNs
                 * @property {number|null} [sequence] Header sequence
                 * @property {beetrace.trace.v1.CallFilter.$Properties|null} [filter] Header filter
                 * @property {string|null} [cgroup] Header cgroup
                 * @property {string|null} [container] Header container
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Header.
                 * @memberof beetrace.trace.v1
                 * @interface IHeader
                 * @augments beetrace.trace.v1.Header.$Properties
                 * @deprecated Use beetrace.trace.v1.Header.$Properties instead.
                 */

                /**
                 * Shape of a Header.
                 * @typedef {beetrace.trace.v1.Header.$Properties} beetrace.trace.v1.Header.$Shape
                 */

                /**
                 * Constructs a new Header.
                 * @memberof beetrace.trace.v1
                 * @classdesc Represents a Header.
                 * @constructor
                 * @param {beetrace.trace.v1.Header.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var Header = function (properties) {
                    this.argv = [];
                    this.processes = [];
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Header magic.
                 * @member {string} magic
                 * @memberof beetrace.trace.v1.Header
                 * @instance
                 */
                Header.prototype.magic = "";

                /**
                 * Header formatVersion.
                 * @member {number} formatVersion
                 * @memberof beetrace.trace.v1.Header
                 * @instance
                 */
                Header.prototype.formatVersion = 0;

                /**
                 * Header recorderVersion.
                 * @member {string} recorderVersion
                 * @memberof beetrace.trace.v1.Header
                 * @instance
                 */
                Header.prototype.recorderVersion = "";

                /**
                 * Header kernelRelease.
                 * @member {string} kernelRelease
                 * @memberof beetrace.trace.v1.Header
                 * @instance
                 */
                Header.prototype.kernelRelease = "";

                /**
                 * Header arch.
                 * @member {string} arch
                 * @memberof beetrace.trace.v1.Header
                 * @instance
                 */
                Header.prototype.arch = "";

                /**
                 * Header hostname.
                 * @member {string} hostname
                 * @memberof beetrace.trace.v1.Header
                 * @instance
                 */
                Header.prototype.hostname = "";

                /**
                 * Header monotonicNs.
                 * @member {number} monotonicNs
                 * @memberof beetrace.trace.v1.Header
                 * @instance
                 */
                Header.prototype.monotonicNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Header realtimeNs.
                 * @member {number} realtimeNs
                 * @memberof beetrace.trace.v1.Header
                 * @instance
                 */
                Header.prototype.realtimeNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Header argv.
                 * @member {Array.<string>} argv
                 * @memberof beetrace.trace.v1.Header
                 * @instance
                 */
                Header.prototype.argv = $util.emptyArray;

                /**
                 * Header cwd.
                 * @member {string} cwd
                 * @memberof beetrace.trace.v1.Header
                 * @instance
                 */
                Header.prototype.cwd = "";

                /**
                 * Header rootPid.
                 * @member {number} rootPid
                 * @memberof beetrace.trace.v1.Header
                 * @instance
                 */
                Header.prototype.rootPid = 0;

                /**
                 * Header attached.
                 * @member {boolean} attached
                 * @memberof beetrace.trace.v1.Header
                 * @instance
                 */
                Header.prototype.attached = false;

                /**
                 * Header capture.
                 * @member {beetrace.trace.v1.CaptureSettings.$Properties|null|undefined} capture
                 * @memberof beetrace.trace.v1.Header
                 * @instance
                 */
                Header.prototype.capture = null;

                /**
                 * Header syscallAbi.
                 * @member {string} syscallAbi
                 * @memberof beetrace.trace.v1.Header
                 * @instance
                 */
                Header.prototype.syscallAbi = "";

                /**
                 * Header processes.
                 * @member {Array.<beetrace.trace.v1.ProcessState.$Properties>} processes
                 * @memberof beetrace.trace.v1.Header
                 * @instance
                 */
                Header.prototype.processes = $util.emptyArray;

                /**
                 * Header completeFromNs.
                 * @member {number} completeFromNs
                 * @memberof beetrace.trace.v1.Header
                 * @instance
                 */
                Header.prototype.completeFromNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Header droppedRecords.
                 * @member {number} droppedRecords
                 * @memberof beetrace.trace.v1.Header
                 * @instance
                 */
                Header.prototype.droppedRecords = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Header droppedFromNs.
                 * @member {number} droppedFromNs
                 * @memberof beetrace.trace.v1.Header
                 * @instance
                 */
                Header.prototype.droppedFromNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Header sequence.
                 * @member {number} sequence
                 * @memberof beetrace.trace.v1.Header
                 * @instance
                 */
                Header.prototype.sequence = 0;

                /**
                 * Header filter.
                 * @member {beetrace.trace.v1.CallFilter.$Properties|null|undefined} filter
                 * @memberof beetrace.trace.v1.Header
                 * @instance
                 */
                Header.prototype.filter = null;

                /**
                 * Header cgroup.
                 * @member {string} cgroup
                 * @memberof beetrace.trace.v1.Header
                 * @instance
                 */
                Header.prototype.cgroup = "";

                /**
                 * Header container.
                 * @member {string} container
                 * @memberof beetrace.trace.v1.Header
                 * @instance
                 */
                Header.prototype.container = "";

                /**
                 * Creates a new Header instance using the specified properties.
                 * @function create
                 * @memberof beetrace.trace.v1.Header
                 * @static
                 * @param {beetrace.trace.v1.Header.$Properties=} [properties] Properties to set
                 * @returns {beetrace.trace.v1.Header} Header instance
                 * @type {{
                 *   (properties: beetrace.trace.v1.Header.$Shape): beetrace.trace.v1.Header & beetrace.trace.v1.Header.$Shape;
                 *   (properties?: beetrace.trace.v1.Header.$Properties): beetrace.trace.v1.Header;
                 * }}
                 */
                Header.create = function(properties) {
                    return new Header(properties);
                };

                /**
                 * Encodes the specified Header message. Does not implicitly {@link beetrace.trace.v1.Header.verify|verify} messages.
                 * @function encode
                 * @memberof beetrace.trace.v1.Header
                 * @static
                 * @param {beetrace.trace.v1.Header.$Properties} message Header message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Header.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.magic != null && $Object.hasOwnProperty.call(message, "magic") && message.magic !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.magic);
                    if (message.formatVersion != null && $Object.hasOwnProperty.call(message, "formatVersion") && message.formatVersion !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.formatVersion);
                    if (message.recorderVersion != null && $Object.hasOwnProperty.call(message, "recorderVersion") && message.recorderVersion !== "")
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.recorderVersion);
                    if (message.kernelRelease != null && $Object.hasOwnProperty.call(message, "kernelRelease") && message.kernelRelease !== "")
                        writer.uint32(/* id 4, wireType 2 =*/34).string(message.kernelRelease);
                    if (message.arch != null && $Object.hasOwnProperty.call(message, "arch") && message.arch !== "")
                        writer.uint32(/* id 5, wireType 2 =*/42).string(message.arch);
                    if (message.hostname != null && $Object.hasOwnProperty.call(message, "hostname") && message.hostname !== "")
                        writer.uint32(/* id 6, wireType 2 =*/50).string(message.hostname);
                    if (message.monotonicNs != null && $Object.hasOwnProperty.call(message, "monotonicNs") && (typeof message.monotonicNs === "object" ? message.monotonicNs.low || message.monotonicNs.high : message.monotonicNs !== 0))
                        writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.monotonicNs);
                    if (message.realtimeNs != null && $Object.hasOwnProperty.call(message, "realtimeNs") && (typeof message.realtimeNs === "object" ? message.realtimeNs.low || message.realtimeNs.high : message.realtimeNs !== 0))
                        writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.realtimeNs);
                    if (message.argv != null && message.argv.length)
                        for (var i = 0; i < message.argv.length; ++i)
                            writer.uint32(/* id 9, wireType 2 =*/74).string(message.argv[i]);
                    if (message.cwd != null && $Object.hasOwnProperty.call(message, "cwd") && message.cwd !== "")
                        writer.uint32(/* id 10, wireType 2 =*/82).string(message.cwd);
                    if (message.rootPid != null && $Object.hasOwnProperty.call(message, "rootPid") && message.rootPid !== 0)
                        writer.uint32(/* id 11, wireType 0 =*/88).uint32(message.rootPid);
                    if (message.attached != null && $Object.hasOwnProperty.call(message, "attached") && message.attached !== false)
                        writer.uint32(/* id 12, wireType 0 =*/96).bool(message.attached);
                    if (message.capture != null && $Object.hasOwnProperty.call(message, "capture"))
                        $root.beetrace.trace.v1.CaptureSettings.encode(message.capture, writer.uint32(/* id 13, wireType 2 =*/106).fork(), _depth + 1).ldelim();
                    if (message.syscallAbi != null && $Object.hasOwnProperty.call(message, "syscallAbi") && message.syscallAbi !== "")
                        writer.uint32(/* id 14, wireType 2 =*/114).string(message.syscallAbi);
                    if (message.filter != null && $Object.hasOwnProperty.call(message, "filter"))
                        $root.beetrace.trace.v1.CallFilter.encode(message.filter, writer.uint32(/* id 20, wireType 2 =*/162).fork(), _depth + 1).ldelim();
                    if (message.cgroup != null && $Object.hasOwnProperty.call(message, "cgroup") && message.cgroup !== "")
                        writer.uint32(/* id 21, wireType 2 =*/170).string(message.cgroup);
                    if (message.container != null && $Object.hasOwnProperty.call(message, "container") && message.container !== "")
                        writer.uint32(/* id 22, wireType 2 =*/178).string(message.container);
                    if (message.processes != null && message.processes.length)
                        for (var i = 0; i < message.processes.length; ++i)
                            $root.beetrace.trace.v1.ProcessState.encode(message.processes[i], writer.uint32(/* id 25, wireType 2 =*/202).fork(), _depth + 1).ldelim();
                    if (message.completeFromNs != null && $Object.hasOwnProperty.call(message, "completeFromNs") && (typeof message.completeFromNs === "object" ? message.completeFromNs.low || message.completeFromNs.high : message.completeFromNs !== 0))
                        writer.uint32(/* id 26, wireType 0 =*/208).uint64(message.completeFromNs);
                    if (message.droppedRecords != null && $Object.hasOwnProperty.call(message, "droppedRecords") && (typeof message.droppedRecords === "object" ? message.droppedRecords.low || message.droppedRecords.high : message.droppedRecords !== 0))
                        writer.uint32(/* id 27, wireType 0 =*/216).uint64(message.droppedRecords);
                    if (message.droppedFromNs != null && $Object.hasOwnProperty.call(message, "droppedFromNs") && (typeof message.droppedFromNs === "object" ? message.droppedFromNs.low || message.droppedFromNs.high : message.droppedFromNs !== 0))
                        writer.uint32(/* id 28, wireType 0 =*/224).uint64(message.droppedFromNs);
                    if (message.sequence != null && $Object.hasOwnProperty.call(message, "sequence") && message.sequence !== 0)
                        writer.uint32(/* id 29, wireType 0 =*/232).uint32(message.sequence);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Encodes the specified Header message, length delimited. Does not implicitly {@link beetrace.trace.v1.Header.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof beetrace.trace.v1.Header
                 * @static
                 * @param {beetrace.trace.v1.Header.$Properties} message Header message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Header.encodeDelimited = function(message, writer) {
                    return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                };

                /**
                 * Decodes a Header message from the specified reader or buffer.
                 * @function decode
                 * @memberof beetrace.trace.v1.Header
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {beetrace.trace.v1.Header & beetrace.trace.v1.Header.$Shape} Header
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Header.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.beetrace.trace.v1.Header();
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
                                if ((value = reader.stringVerify()).length)
                                    message.magic = value;
                                else
                                    delete message.magic;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.formatVersion = value;
                                else
                                    delete message.formatVersion;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.recorderVersion = value;
                                else
                                    delete message.recorderVersion;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.kernelRelease = value;
                                else
                                    delete message.kernelRelease;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.arch = value;
                                else
                                    delete message.arch;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.hostname = value;
                                else
                                    delete message.hostname;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.monotonicNs = value;
                                else
                                    delete message.monotonicNs;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.realtimeNs = value;
                                else
                                    delete message.realtimeNs;
                                continue;
                            }
                        case 9: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.argv && message.argv.length))
                                    message.argv = [];
                                message.argv.push(reader.stringVerify());
                                continue;
                            }
                        case 10: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.cwd = value;
                                else
                                    delete message.cwd;
                                continue;
                            }
                        case 11: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.rootPid = value;
                                else
                                    delete message.rootPid;
                                continue;
                            }
                        case 12: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.attached = value;
                                else
                                    delete message.attached;
                                continue;
                            }
                        case 13: {
                                if (wireType !== 2)
                                    break;
                                message.capture = $root.beetrace.trace.v1.CaptureSettings.decode(reader, reader.size(), $undefined, _depth + 1, message.capture);
                                continue;
                            }
                        case 14: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.syscallAbi = value;
                                else
                                    delete message.syscallAbi;
                                continue;
                            }
                        case 25: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.processes && message.processes.length))
                                    message.processes = [];
                                message.processes.push($root.beetrace.trace.v1.ProcessState.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 26: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.completeFromNs = value;
                                else
                                    delete message.completeFromNs;
                                continue;
                            }
                        case 27: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.droppedRecords = value;
                                else
                                    delete message.droppedRecords;
                                continue;
                            }
                        case 28: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.droppedFromNs = value;
                                else
                                    delete message.droppedFromNs;
                                continue;
                            }
                        case 29: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.sequence = value;
                                else
                                    delete message.sequence;
                                continue;
                            }
                        case 20: {
                                if (wireType !== 2)
                                    break;
                                message.filter = $root.beetrace.trace.v1.CallFilter.decode(reader, reader.size(), $undefined, _depth + 1, message.filter);
                                continue;
                            }
                        case 21: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.cgroup = value;
                                else
                                    delete message.cgroup;
                                continue;
                            }
                        case 22: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.container = value;
                                else
                                    delete message.container;
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
                 * Decodes a Header message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof beetrace.trace.v1.Header
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {beetrace.trace.v1.Header & beetrace.trace.v1.Header.$Shape} Header
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Header.decodeDelimited = function(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.size());
                };

                /**
                 * Gets the type url for Header
                 * @function getTypeUrl
                 * @memberof beetrace.trace.v1.Header
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                Header.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/beetrace.trace.v1.Header";
                };

                return Header;
            })();

            v1.CaptureSettings = (function() {

                /**
                 * Properties of a CaptureSettings.
                 * @typedef {Object} beetrace.trace.v1.CaptureSettings.$Properties
                 * @property {number|null} [stringMax] CaptureSettings stringMax
                 * @property {number|null} [bufferMax] CaptureSettings bufferMax
                 * @property {boolean|null} [buffers] CaptureSettings buffers
                 * @property {number|null} [ringBytes] CaptureSettings ringBytes
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a CaptureSettings.
                 * @memberof beetrace.trace.v1
                 * @interface ICaptureSettings
                 * @augments beetrace.trace.v1.CaptureSettings.$Properties
                 * @deprecated Use beetrace.trace.v1.CaptureSettings.$Properties instead.
                 */

                /**
                 * Shape of a CaptureSettings.
                 * @typedef {beetrace.trace.v1.CaptureSettings.$Properties} beetrace.trace.v1.CaptureSettings.$Shape
                 */

                /**
                 * Constructs a new CaptureSettings.
                 * @memberof beetrace.trace.v1
                 * @classdesc Represents a CaptureSettings.
                 * @constructor
                 * @param {beetrace.trace.v1.CaptureSettings.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var CaptureSettings = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * CaptureSettings stringMax.
                 * @member {number} stringMax
                 * @memberof beetrace.trace.v1.CaptureSettings
                 * @instance
                 */
                CaptureSettings.prototype.stringMax = 0;

                /**
                 * CaptureSettings bufferMax.
                 * @member {number} bufferMax
                 * @memberof beetrace.trace.v1.CaptureSettings
                 * @instance
                 */
                CaptureSettings.prototype.bufferMax = 0;

                /**
                 * CaptureSettings buffers.
                 * @member {boolean} buffers
                 * @memberof beetrace.trace.v1.CaptureSettings
                 * @instance
                 */
                CaptureSettings.prototype.buffers = false;

                /**
                 * CaptureSettings ringBytes.
                 * @member {number} ringBytes
                 * @memberof beetrace.trace.v1.CaptureSettings
                 * @instance
                 */
                CaptureSettings.prototype.ringBytes = 0;

                /**
                 * Creates a new CaptureSettings instance using the specified properties.
                 * @function create
                 * @memberof beetrace.trace.v1.CaptureSettings
                 * @static
                 * @param {beetrace.trace.v1.CaptureSettings.$Properties=} [properties] Properties to set
                 * @returns {beetrace.trace.v1.CaptureSettings} CaptureSettings instance
                 * @type {{
                 *   (properties: beetrace.trace.v1.CaptureSettings.$Shape): beetrace.trace.v1.CaptureSettings & beetrace.trace.v1.CaptureSettings.$Shape;
                 *   (properties?: beetrace.trace.v1.CaptureSettings.$Properties): beetrace.trace.v1.CaptureSettings;
                 * }}
                 */
                CaptureSettings.create = function(properties) {
                    return new CaptureSettings(properties);
                };

                /**
                 * Encodes the specified CaptureSettings message. Does not implicitly {@link beetrace.trace.v1.CaptureSettings.verify|verify} messages.
                 * @function encode
                 * @memberof beetrace.trace.v1.CaptureSettings
                 * @static
                 * @param {beetrace.trace.v1.CaptureSettings.$Properties} message CaptureSettings message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                CaptureSettings.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.stringMax != null && $Object.hasOwnProperty.call(message, "stringMax") && message.stringMax !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.stringMax);
                    if (message.bufferMax != null && $Object.hasOwnProperty.call(message, "bufferMax") && message.bufferMax !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.bufferMax);
                    if (message.buffers != null && $Object.hasOwnProperty.call(message, "buffers") && message.buffers !== false)
                        writer.uint32(/* id 3, wireType 0 =*/24).bool(message.buffers);
                    if (message.ringBytes != null && $Object.hasOwnProperty.call(message, "ringBytes") && message.ringBytes !== 0)
                        writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.ringBytes);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Encodes the specified CaptureSettings message, length delimited. Does not implicitly {@link beetrace.trace.v1.CaptureSettings.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof beetrace.trace.v1.CaptureSettings
                 * @static
                 * @param {beetrace.trace.v1.CaptureSettings.$Properties} message CaptureSettings message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                CaptureSettings.encodeDelimited = function(message, writer) {
                    return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                };

                /**
                 * Decodes a CaptureSettings message from the specified reader or buffer.
                 * @function decode
                 * @memberof beetrace.trace.v1.CaptureSettings
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {beetrace.trace.v1.CaptureSettings & beetrace.trace.v1.CaptureSettings.$Shape} CaptureSettings
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                CaptureSettings.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.beetrace.trace.v1.CaptureSettings();
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
                                if (value = reader.uint32())
                                    message.stringMax = value;
                                else
                                    delete message.stringMax;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.bufferMax = value;
                                else
                                    delete message.bufferMax;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.buffers = value;
                                else
                                    delete message.buffers;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.ringBytes = value;
                                else
                                    delete message.ringBytes;
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
                 * Decodes a CaptureSettings message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof beetrace.trace.v1.CaptureSettings
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {beetrace.trace.v1.CaptureSettings & beetrace.trace.v1.CaptureSettings.$Shape} CaptureSettings
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                CaptureSettings.decodeDelimited = function(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.size());
                };

                /**
                 * Gets the type url for CaptureSettings
                 * @function getTypeUrl
                 * @memberof beetrace.trace.v1.CaptureSettings
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                CaptureSettings.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/beetrace.trace.v1.CaptureSettings";
                };

                return CaptureSettings;
            })();

            v1.Batch = (function() {

                /**
                 * Properties of a Batch.
                 * @typedef {Object} beetrace.trace.v1.Batch.$Properties
                 * @property {number|null} [baseNs] Batch baseNs
                 * @property {Array.<number>|null} [scTid] Batch scTid
                 * @property {Array.<number>|null} [scPid] Batch scPid
                 * @property {Array.<number>|null} [scNr] Batch scNr
                 * @property {Array.<number>|null} [scExitDeltaNs] Batch scExitDeltaNs
                 * @property {Array.<number>|null} [scDurationNs] Batch scDurationNs
                 * @property {Array.<number>|null} [scRet] Batch scRet
                 * @property {Array.<number>|null} [scArg0] Batch scArg0
                 * @property {Array.<number>|null} [scArg1] Batch scArg1
                 * @property {Array.<number>|null} [scArg2] Batch scArg2
                 * @property {Array.<number>|null} [scArg3] Batch scArg3
                 * @property {Array.<number>|null} [scArg4] Batch scArg4
                 * @property {Array.<number>|null} [scArg5] Batch scArg5
                 * @property {Array.<number>|null} [scFlags] Batch scFlags
                 * @property {Array.<number>|null} [capSyscall] Batch capSyscall
                 * @property {Array.<number>|null} [capInfo] Batch capInfo
                 * @property {Array.<number>|null} [capLen] Batch capLen
                 * @property {Uint8Array|null} [capData] Batch capData
                 * @property {Array.<beetrace.trace.v1.ProcessEvent.$Properties>|null} [processEvents] Batch processEvents
                 * @property {Array.<number>|null} [scTidDelta] Batch scTidDelta
                 * @property {Array.<number>|null} [scTidMinusPid] Batch scTidMinusPid
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Batch.
                 * @memberof beetrace.trace.v1
                 * @interface IBatch
                 * @augments beetrace.trace.v1.Batch.$Properties
                 * @deprecated Use beetrace.trace.v1.Batch.$Properties instead.
                 */

                /**
                 * Shape of a Batch.
                 * @typedef {beetrace.trace.v1.Batch.$Properties} beetrace.trace.v1.Batch.$Shape
                 */

                /**
                 * Constructs a new Batch.
                 * @memberof beetrace.trace.v1
                 * @classdesc Represents a Batch.
                 * @constructor
                 * @param {beetrace.trace.v1.Batch.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var Batch = function (properties) {
                    this.scTid = [];
                    this.scPid = [];
                    this.scNr = [];
                    this.scExitDeltaNs = [];
                    this.scDurationNs = [];
                    this.scRet = [];
                    this.scArg0 = [];
                    this.scArg1 = [];
                    this.scArg2 = [];
                    this.scArg3 = [];
                    this.scArg4 = [];
                    this.scArg5 = [];
                    this.scFlags = [];
                    this.capSyscall = [];
                    this.capInfo = [];
                    this.capLen = [];
                    this.processEvents = [];
                    this.scTidDelta = [];
                    this.scTidMinusPid = [];
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Batch baseNs.
                 * @member {number} baseNs
                 * @memberof beetrace.trace.v1.Batch
                 * @instance
                 */
                Batch.prototype.baseNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Batch scTid.
                 * @member {Array.<number>} scTid
                 * @memberof beetrace.trace.v1.Batch
                 * @instance
                 */
                Batch.prototype.scTid = $util.emptyArray;

                /**
                 * Batch scPid.
                 * @member {Array.<number>} scPid
                 * @memberof beetrace.trace.v1.Batch
                 * @instance
                 */
                Batch.prototype.scPid = $util.emptyArray;

                /**
                 * Batch scNr.
                 * @member {Array.<number>} scNr
                 * @memberof beetrace.trace.v1.Batch
                 * @instance
                 */
                Batch.prototype.scNr = $util.emptyArray;

                /**
                 * Batch scExitDeltaNs.
                 * @member {Array.<number>} scExitDeltaNs
                 * @memberof beetrace.trace.v1.Batch
                 * @instance
                 */
                Batch.prototype.scExitDeltaNs = $util.emptyArray;

                /**
                 * Batch scDurationNs.
                 * @member {Array.<number>} scDurationNs
                 * @memberof beetrace.trace.v1.Batch
                 * @instance
                 */
                Batch.prototype.scDurationNs = $util.emptyArray;

                /**
                 * Batch scRet.
                 * @member {Array.<number>} scRet
                 * @memberof beetrace.trace.v1.Batch
                 * @instance
                 */
                Batch.prototype.scRet = $util.emptyArray;

                /**
                 * Batch scArg0.
                 * @member {Array.<number>} scArg0
                 * @memberof beetrace.trace.v1.Batch
                 * @instance
                 */
                Batch.prototype.scArg0 = $util.emptyArray;

                /**
                 * Batch scArg1.
                 * @member {Array.<number>} scArg1
                 * @memberof beetrace.trace.v1.Batch
                 * @instance
                 */
                Batch.prototype.scArg1 = $util.emptyArray;

                /**
                 * Batch scArg2.
                 * @member {Array.<number>} scArg2
                 * @memberof beetrace.trace.v1.Batch
                 * @instance
                 */
                Batch.prototype.scArg2 = $util.emptyArray;

                /**
                 * Batch scArg3.
                 * @member {Array.<number>} scArg3
                 * @memberof beetrace.trace.v1.Batch
                 * @instance
                 */
                Batch.prototype.scArg3 = $util.emptyArray;

                /**
                 * Batch scArg4.
                 * @member {Array.<number>} scArg4
                 * @memberof beetrace.trace.v1.Batch
                 * @instance
                 */
                Batch.prototype.scArg4 = $util.emptyArray;

                /**
                 * Batch scArg5.
                 * @member {Array.<number>} scArg5
                 * @memberof beetrace.trace.v1.Batch
                 * @instance
                 */
                Batch.prototype.scArg5 = $util.emptyArray;

                /**
                 * Batch scFlags.
                 * @member {Array.<number>} scFlags
                 * @memberof beetrace.trace.v1.Batch
                 * @instance
                 */
                Batch.prototype.scFlags = $util.emptyArray;

                /**
                 * Batch capSyscall.
                 * @member {Array.<number>} capSyscall
                 * @memberof beetrace.trace.v1.Batch
                 * @instance
                 */
                Batch.prototype.capSyscall = $util.emptyArray;

                /**
                 * Batch capInfo.
                 * @member {Array.<number>} capInfo
                 * @memberof beetrace.trace.v1.Batch
                 * @instance
                 */
                Batch.prototype.capInfo = $util.emptyArray;

                /**
                 * Batch capLen.
                 * @member {Array.<number>} capLen
                 * @memberof beetrace.trace.v1.Batch
                 * @instance
                 */
                Batch.prototype.capLen = $util.emptyArray;

                /**
                 * Batch capData.
                 * @member {Uint8Array} capData
                 * @memberof beetrace.trace.v1.Batch
                 * @instance
                 */
                Batch.prototype.capData = $util.newBuffer([]);

                /**
                 * Batch processEvents.
                 * @member {Array.<beetrace.trace.v1.ProcessEvent.$Properties>} processEvents
                 * @memberof beetrace.trace.v1.Batch
                 * @instance
                 */
                Batch.prototype.processEvents = $util.emptyArray;

                /**
                 * Batch scTidDelta.
                 * @member {Array.<number>} scTidDelta
                 * @memberof beetrace.trace.v1.Batch
                 * @instance
                 */
                Batch.prototype.scTidDelta = $util.emptyArray;

                /**
                 * Batch scTidMinusPid.
                 * @member {Array.<number>} scTidMinusPid
                 * @memberof beetrace.trace.v1.Batch
                 * @instance
                 */
                Batch.prototype.scTidMinusPid = $util.emptyArray;

                /**
                 * Creates a new Batch instance using the specified properties.
                 * @function create
                 * @memberof beetrace.trace.v1.Batch
                 * @static
                 * @param {beetrace.trace.v1.Batch.$Properties=} [properties] Properties to set
                 * @returns {beetrace.trace.v1.Batch} Batch instance
                 * @type {{
                 *   (properties: beetrace.trace.v1.Batch.$Shape): beetrace.trace.v1.Batch & beetrace.trace.v1.Batch.$Shape;
                 *   (properties?: beetrace.trace.v1.Batch.$Properties): beetrace.trace.v1.Batch;
                 * }}
                 */
                Batch.create = function(properties) {
                    return new Batch(properties);
                };

                /**
                 * Encodes the specified Batch message. Does not implicitly {@link beetrace.trace.v1.Batch.verify|verify} messages.
                 * @function encode
                 * @memberof beetrace.trace.v1.Batch
                 * @static
                 * @param {beetrace.trace.v1.Batch.$Properties} message Batch message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Batch.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.baseNs != null && $Object.hasOwnProperty.call(message, "baseNs") && (typeof message.baseNs === "object" ? message.baseNs.low || message.baseNs.high : message.baseNs !== 0))
                        writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.baseNs);
                    if (message.scTid != null && message.scTid.length)
                        writer.uint32(/* id 2, wireType 2 =*/18).uint32s(message.scTid);
                    if (message.scPid != null && message.scPid.length)
                        writer.uint32(/* id 3, wireType 2 =*/26).uint32s(message.scPid);
                    if (message.scNr != null && message.scNr.length)
                        writer.uint32(/* id 4, wireType 2 =*/34).uint32s(message.scNr);
                    if (message.scExitDeltaNs != null && message.scExitDeltaNs.length)
                        writer.uint32(/* id 5, wireType 2 =*/42).sint64s(message.scExitDeltaNs);
                    if (message.scDurationNs != null && message.scDurationNs.length)
                        writer.uint32(/* id 6, wireType 2 =*/50).uint64s(message.scDurationNs);
                    if (message.scRet != null && message.scRet.length)
                        writer.uint32(/* id 7, wireType 2 =*/58).sint64s(message.scRet);
                    if (message.scArg0 != null && message.scArg0.length)
                        writer.uint32(/* id 8, wireType 2 =*/66).sint64s(message.scArg0);
                    if (message.scArg1 != null && message.scArg1.length)
                        writer.uint32(/* id 9, wireType 2 =*/74).sint64s(message.scArg1);
                    if (message.scArg2 != null && message.scArg2.length)
                        writer.uint32(/* id 10, wireType 2 =*/82).sint64s(message.scArg2);
                    if (message.scArg3 != null && message.scArg3.length)
                        writer.uint32(/* id 11, wireType 2 =*/90).sint64s(message.scArg3);
                    if (message.scArg4 != null && message.scArg4.length)
                        writer.uint32(/* id 12, wireType 2 =*/98).sint64s(message.scArg4);
                    if (message.scArg5 != null && message.scArg5.length)
                        writer.uint32(/* id 13, wireType 2 =*/106).sint64s(message.scArg5);
                    if (message.scFlags != null && message.scFlags.length)
                        writer.uint32(/* id 14, wireType 2 =*/114).uint32s(message.scFlags);
                    if (message.capSyscall != null && message.capSyscall.length)
                        writer.uint32(/* id 15, wireType 2 =*/122).uint32s(message.capSyscall);
                    if (message.capInfo != null && message.capInfo.length)
                        writer.uint32(/* id 16, wireType 2 =*/130).uint32s(message.capInfo);
                    if (message.capLen != null && message.capLen.length)
                        writer.uint32(/* id 17, wireType 2 =*/138).uint32s(message.capLen);
                    if (message.capData != null && $Object.hasOwnProperty.call(message, "capData") && message.capData.length)
                        writer.uint32(/* id 18, wireType 2 =*/146).bytes(message.capData);
                    if (message.processEvents != null && message.processEvents.length)
                        for (var i = 0; i < message.processEvents.length; ++i)
                            $root.beetrace.trace.v1.ProcessEvent.encode(message.processEvents[i], writer.uint32(/* id 19, wireType 2 =*/154).fork(), _depth + 1).ldelim();
                    if (message.scTidDelta != null && message.scTidDelta.length)
                        writer.uint32(/* id 20, wireType 2 =*/162).sint64s(message.scTidDelta);
                    if (message.scTidMinusPid != null && message.scTidMinusPid.length)
                        writer.uint32(/* id 21, wireType 2 =*/170).sint64s(message.scTidMinusPid);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Encodes the specified Batch message, length delimited. Does not implicitly {@link beetrace.trace.v1.Batch.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof beetrace.trace.v1.Batch
                 * @static
                 * @param {beetrace.trace.v1.Batch.$Properties} message Batch message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Batch.encodeDelimited = function(message, writer) {
                    return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                };

                /**
                 * Decodes a Batch message from the specified reader or buffer.
                 * @function decode
                 * @memberof beetrace.trace.v1.Batch
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {beetrace.trace.v1.Batch & beetrace.trace.v1.Batch.$Shape} Batch
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Batch.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.beetrace.trace.v1.Batch();
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
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.baseNs = value;
                                else
                                    delete message.baseNs;
                                continue;
                            }
                        case 2: {
                                if (wireType === 2) {
                                    if (!(message.scTid && message.scTid.length))
                                        message.scTid = [];
                                    reader.uint32s(message.scTid);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.scTid && message.scTid.length))
                                    message.scTid = [];
                                message.scTid.push(reader.uint32());
                                continue;
                            }
                        case 3: {
                                if (wireType === 2) {
                                    if (!(message.scPid && message.scPid.length))
                                        message.scPid = [];
                                    reader.uint32s(message.scPid);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.scPid && message.scPid.length))
                                    message.scPid = [];
                                message.scPid.push(reader.uint32());
                                continue;
                            }
                        case 4: {
                                if (wireType === 2) {
                                    if (!(message.scNr && message.scNr.length))
                                        message.scNr = [];
                                    reader.uint32s(message.scNr);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.scNr && message.scNr.length))
                                    message.scNr = [];
                                message.scNr.push(reader.uint32());
                                continue;
                            }
                        case 5: {
                                if (wireType === 2) {
                                    if (!(message.scExitDeltaNs && message.scExitDeltaNs.length))
                                        message.scExitDeltaNs = [];
                                    reader.sint64s(message.scExitDeltaNs);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.scExitDeltaNs && message.scExitDeltaNs.length))
                                    message.scExitDeltaNs = [];
                                message.scExitDeltaNs.push(reader.sint64());
                                continue;
                            }
                        case 6: {
                                if (wireType === 2) {
                                    if (!(message.scDurationNs && message.scDurationNs.length))
                                        message.scDurationNs = [];
                                    reader.uint64s(message.scDurationNs);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.scDurationNs && message.scDurationNs.length))
                                    message.scDurationNs = [];
                                message.scDurationNs.push(reader.uint64());
                                continue;
                            }
                        case 7: {
                                if (wireType === 2) {
                                    if (!(message.scRet && message.scRet.length))
                                        message.scRet = [];
                                    reader.sint64s(message.scRet);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.scRet && message.scRet.length))
                                    message.scRet = [];
                                message.scRet.push(reader.sint64());
                                continue;
                            }
                        case 8: {
                                if (wireType === 2) {
                                    if (!(message.scArg0 && message.scArg0.length))
                                        message.scArg0 = [];
                                    reader.sint64s(message.scArg0);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.scArg0 && message.scArg0.length))
                                    message.scArg0 = [];
                                message.scArg0.push(reader.sint64());
                                continue;
                            }
                        case 9: {
                                if (wireType === 2) {
                                    if (!(message.scArg1 && message.scArg1.length))
                                        message.scArg1 = [];
                                    reader.sint64s(message.scArg1);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.scArg1 && message.scArg1.length))
                                    message.scArg1 = [];
                                message.scArg1.push(reader.sint64());
                                continue;
                            }
                        case 10: {
                                if (wireType === 2) {
                                    if (!(message.scArg2 && message.scArg2.length))
                                        message.scArg2 = [];
                                    reader.sint64s(message.scArg2);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.scArg2 && message.scArg2.length))
                                    message.scArg2 = [];
                                message.scArg2.push(reader.sint64());
                                continue;
                            }
                        case 11: {
                                if (wireType === 2) {
                                    if (!(message.scArg3 && message.scArg3.length))
                                        message.scArg3 = [];
                                    reader.sint64s(message.scArg3);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.scArg3 && message.scArg3.length))
                                    message.scArg3 = [];
                                message.scArg3.push(reader.sint64());
                                continue;
                            }
                        case 12: {
                                if (wireType === 2) {
                                    if (!(message.scArg4 && message.scArg4.length))
                                        message.scArg4 = [];
                                    reader.sint64s(message.scArg4);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.scArg4 && message.scArg4.length))
                                    message.scArg4 = [];
                                message.scArg4.push(reader.sint64());
                                continue;
                            }
                        case 13: {
                                if (wireType === 2) {
                                    if (!(message.scArg5 && message.scArg5.length))
                                        message.scArg5 = [];
                                    reader.sint64s(message.scArg5);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.scArg5 && message.scArg5.length))
                                    message.scArg5 = [];
                                message.scArg5.push(reader.sint64());
                                continue;
                            }
                        case 14: {
                                if (wireType === 2) {
                                    if (!(message.scFlags && message.scFlags.length))
                                        message.scFlags = [];
                                    reader.uint32s(message.scFlags);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.scFlags && message.scFlags.length))
                                    message.scFlags = [];
                                message.scFlags.push(reader.uint32());
                                continue;
                            }
                        case 15: {
                                if (wireType === 2) {
                                    if (!(message.capSyscall && message.capSyscall.length))
                                        message.capSyscall = [];
                                    reader.uint32s(message.capSyscall);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.capSyscall && message.capSyscall.length))
                                    message.capSyscall = [];
                                message.capSyscall.push(reader.uint32());
                                continue;
                            }
                        case 16: {
                                if (wireType === 2) {
                                    if (!(message.capInfo && message.capInfo.length))
                                        message.capInfo = [];
                                    reader.uint32s(message.capInfo);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.capInfo && message.capInfo.length))
                                    message.capInfo = [];
                                message.capInfo.push(reader.uint32());
                                continue;
                            }
                        case 17: {
                                if (wireType === 2) {
                                    if (!(message.capLen && message.capLen.length))
                                        message.capLen = [];
                                    reader.uint32s(message.capLen);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.capLen && message.capLen.length))
                                    message.capLen = [];
                                message.capLen.push(reader.uint32());
                                continue;
                            }
                        case 18: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.capData = value;
                                else
                                    delete message.capData;
                                continue;
                            }
                        case 19: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.processEvents && message.processEvents.length))
                                    message.processEvents = [];
                                message.processEvents.push($root.beetrace.trace.v1.ProcessEvent.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 20: {
                                if (wireType === 2) {
                                    if (!(message.scTidDelta && message.scTidDelta.length))
                                        message.scTidDelta = [];
                                    reader.sint64s(message.scTidDelta);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.scTidDelta && message.scTidDelta.length))
                                    message.scTidDelta = [];
                                message.scTidDelta.push(reader.sint64());
                                continue;
                            }
                        case 21: {
                                if (wireType === 2) {
                                    if (!(message.scTidMinusPid && message.scTidMinusPid.length))
                                        message.scTidMinusPid = [];
                                    reader.sint64s(message.scTidMinusPid);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.scTidMinusPid && message.scTidMinusPid.length))
                                    message.scTidMinusPid = [];
                                message.scTidMinusPid.push(reader.sint64());
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
                 * Decodes a Batch message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof beetrace.trace.v1.Batch
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {beetrace.trace.v1.Batch & beetrace.trace.v1.Batch.$Shape} Batch
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Batch.decodeDelimited = function(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.size());
                };

                /**
                 * Gets the type url for Batch
                 * @function getTypeUrl
                 * @memberof beetrace.trace.v1.Batch
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                Batch.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/beetrace.trace.v1.Batch";
                };

                return Batch;
            })();

            /**
             * SyscallFlag enum.
             * @name beetrace.trace.v1.SyscallFlag
             * @enum {number}
             * @property {number} SYSCALL_FLAG_NONE=0 SYSCALL_FLAG_NONE value
             * @property {number} SYSCALL_FLAG_UNFINISHED=1 SYSCALL_FLAG_UNFINISHED value
             * @property {number} SYSCALL_FLAG_NO_ENTRY=2 SYSCALL_FLAG_NO_ENTRY value
             * @property {number} SYSCALL_FLAG_STATE_ONLY=4 SYSCALL_FLAG_STATE_ONLY value
             */
            v1.SyscallFlag = (function() {
                var valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "SYSCALL_FLAG_NONE"] = 0;
                values[valuesById[1] = "SYSCALL_FLAG_UNFINISHED"] = 1;
                values[valuesById[2] = "SYSCALL_FLAG_NO_ENTRY"] = 2;
                values[valuesById[4] = "SYSCALL_FLAG_STATE_ONLY"] = 4;
                return values;
            })();

            /**
             * CaptureFlag enum.
             * @name beetrace.trace.v1.CaptureFlag
             * @enum {number}
             * @property {number} CAPTURE_FLAG_NONE=0 CAPTURE_FLAG_NONE value
             * @property {number} CAPTURE_FLAG_TRUNCATED=1 CAPTURE_FLAG_TRUNCATED value
             * @property {number} CAPTURE_FLAG_FAULT=2 CAPTURE_FLAG_FAULT value
             * @property {number} CAPTURE_FLAG_AT_EXIT=4 CAPTURE_FLAG_AT_EXIT value
             * @property {number} CAPTURE_FLAG_ELEMENT=8 CAPTURE_FLAG_ELEMENT value
             */
            v1.CaptureFlag = (function() {
                var valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "CAPTURE_FLAG_NONE"] = 0;
                values[valuesById[1] = "CAPTURE_FLAG_TRUNCATED"] = 1;
                values[valuesById[2] = "CAPTURE_FLAG_FAULT"] = 2;
                values[valuesById[4] = "CAPTURE_FLAG_AT_EXIT"] = 4;
                values[valuesById[8] = "CAPTURE_FLAG_ELEMENT"] = 8;
                return values;
            })();

            v1.ProcessEvent = (function() {

                /**
                 * Properties of a ProcessEvent.
                 * @typedef {Object} beetrace.trace.v1.ProcessEvent.$Properties
                 * @property {beetrace.trace.v1.ProcessEvent.Kind|null} [kind] ProcessEvent kind
                 * @property {number|null} [position] ProcessEvent position
                 * @property {number|null} [tsNs] ProcessEvent tsNs
                 * @property {number|null} [pid] ProcessEvent pid
                 * @property {number|null} [tid] ProcessEvent tid
                 * @property {number|null} [parentPid] ProcessEvent parentPid
                 * @property {number|null} [parentTid] ProcessEvent parentTid
                 * @property {string|null} [filename] ProcessEvent filename
                 * @property {number|null} [oldTid] ProcessEvent oldTid
                 * @property {number|null} [exitCode] ProcessEvent exitCode
                 * @property {boolean|null} [groupDead] ProcessEvent groupDead
                 * @property {number|null} [signo] ProcessEvent signo
                 * @property {Uint8Array|null} [siginfo] ProcessEvent siginfo
                 * @property {boolean|null} [thread] ProcessEvent thread
                 * @property {boolean|null} [ignored] ProcessEvent ignored
                 * @property {number|null} [nsPid] ProcessEvent nsPid
                 * @property {number|null} [nsTid] ProcessEvent nsTid
                 * @property {number|null} [pidnsLevel] ProcessEvent pidnsLevel
                 * @property {number|null} [pidnsInode] ProcessEvent pidnsInode
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a ProcessEvent.
                 * @memberof beetrace.trace.v1
                 * @interface IProcessEvent
                 * @augments beetrace.trace.v1.ProcessEvent.$Properties
                 * @deprecated Use beetrace.trace.v1.ProcessEvent.$Properties instead.
                 */

                /**
                 * Shape of a ProcessEvent.
                 * @typedef {beetrace.trace.v1.ProcessEvent.$Properties} beetrace.trace.v1.ProcessEvent.$Shape
                 */

                /**
                 * Constructs a new ProcessEvent.
                 * @memberof beetrace.trace.v1
                 * @classdesc Represents a ProcessEvent.
                 * @constructor
                 * @param {beetrace.trace.v1.ProcessEvent.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var ProcessEvent = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * ProcessEvent kind.
                 * @member {beetrace.trace.v1.ProcessEvent.Kind} kind
                 * @memberof beetrace.trace.v1.ProcessEvent
                 * @instance
                 */
                ProcessEvent.prototype.kind = 0;

                /**
                 * ProcessEvent position.
                 * @member {number} position
                 * @memberof beetrace.trace.v1.ProcessEvent
                 * @instance
                 */
                ProcessEvent.prototype.position = 0;

                /**
                 * ProcessEvent tsNs.
                 * @member {number} tsNs
                 * @memberof beetrace.trace.v1.ProcessEvent
                 * @instance
                 */
                ProcessEvent.prototype.tsNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * ProcessEvent pid.
                 * @member {number} pid
                 * @memberof beetrace.trace.v1.ProcessEvent
                 * @instance
                 */
                ProcessEvent.prototype.pid = 0;

                /**
                 * ProcessEvent tid.
                 * @member {number} tid
                 * @memberof beetrace.trace.v1.ProcessEvent
                 * @instance
                 */
                ProcessEvent.prototype.tid = 0;

                /**
                 * ProcessEvent parentPid.
                 * @member {number} parentPid
                 * @memberof beetrace.trace.v1.ProcessEvent
                 * @instance
                 */
                ProcessEvent.prototype.parentPid = 0;

                /**
                 * ProcessEvent parentTid.
                 * @member {number} parentTid
                 * @memberof beetrace.trace.v1.ProcessEvent
                 * @instance
                 */
                ProcessEvent.prototype.parentTid = 0;

                /**
                 * ProcessEvent filename.
                 * @member {string} filename
                 * @memberof beetrace.trace.v1.ProcessEvent
                 * @instance
                 */
                ProcessEvent.prototype.filename = "";

                /**
                 * ProcessEvent oldTid.
                 * @member {number} oldTid
                 * @memberof beetrace.trace.v1.ProcessEvent
                 * @instance
                 */
                ProcessEvent.prototype.oldTid = 0;

                /**
                 * ProcessEvent exitCode.
                 * @member {number} exitCode
                 * @memberof beetrace.trace.v1.ProcessEvent
                 * @instance
                 */
                ProcessEvent.prototype.exitCode = 0;

                /**
                 * ProcessEvent groupDead.
                 * @member {boolean} groupDead
                 * @memberof beetrace.trace.v1.ProcessEvent
                 * @instance
                 */
                ProcessEvent.prototype.groupDead = false;

                /**
                 * ProcessEvent signo.
                 * @member {number} signo
                 * @memberof beetrace.trace.v1.ProcessEvent
                 * @instance
                 */
                ProcessEvent.prototype.signo = 0;

                /**
                 * ProcessEvent siginfo.
                 * @member {Uint8Array} siginfo
                 * @memberof beetrace.trace.v1.ProcessEvent
                 * @instance
                 */
                ProcessEvent.prototype.siginfo = $util.newBuffer([]);

                /**
                 * ProcessEvent thread.
                 * @member {boolean} thread
                 * @memberof beetrace.trace.v1.ProcessEvent
                 * @instance
                 */
                ProcessEvent.prototype.thread = false;

                /**
                 * ProcessEvent ignored.
                 * @member {boolean} ignored
                 * @memberof beetrace.trace.v1.ProcessEvent
                 * @instance
                 */
                ProcessEvent.prototype.ignored = false;

                /**
                 * ProcessEvent nsPid.
                 * @member {number} nsPid
                 * @memberof beetrace.trace.v1.ProcessEvent
                 * @instance
                 */
                ProcessEvent.prototype.nsPid = 0;

                /**
                 * ProcessEvent nsTid.
                 * @member {number} nsTid
                 * @memberof beetrace.trace.v1.ProcessEvent
                 * @instance
                 */
                ProcessEvent.prototype.nsTid = 0;

                /**
                 * ProcessEvent pidnsLevel.
                 * @member {number} pidnsLevel
                 * @memberof beetrace.trace.v1.ProcessEvent
                 * @instance
                 */
                ProcessEvent.prototype.pidnsLevel = 0;

                /**
                 * ProcessEvent pidnsInode.
                 * @member {number} pidnsInode
                 * @memberof beetrace.trace.v1.ProcessEvent
                 * @instance
                 */
                ProcessEvent.prototype.pidnsInode = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Creates a new ProcessEvent instance using the specified properties.
                 * @function create
                 * @memberof beetrace.trace.v1.ProcessEvent
                 * @static
                 * @param {beetrace.trace.v1.ProcessEvent.$Properties=} [properties] Properties to set
                 * @returns {beetrace.trace.v1.ProcessEvent} ProcessEvent instance
                 * @type {{
                 *   (properties: beetrace.trace.v1.ProcessEvent.$Shape): beetrace.trace.v1.ProcessEvent & beetrace.trace.v1.ProcessEvent.$Shape;
                 *   (properties?: beetrace.trace.v1.ProcessEvent.$Properties): beetrace.trace.v1.ProcessEvent;
                 * }}
                 */
                ProcessEvent.create = function(properties) {
                    return new ProcessEvent(properties);
                };

                /**
                 * Encodes the specified ProcessEvent message. Does not implicitly {@link beetrace.trace.v1.ProcessEvent.verify|verify} messages.
                 * @function encode
                 * @memberof beetrace.trace.v1.ProcessEvent
                 * @static
                 * @param {beetrace.trace.v1.ProcessEvent.$Properties} message ProcessEvent message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ProcessEvent.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).int32(message.kind);
                    if (message.position != null && $Object.hasOwnProperty.call(message, "position") && message.position !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.position);
                    if (message.tsNs != null && $Object.hasOwnProperty.call(message, "tsNs") && (typeof message.tsNs === "object" ? message.tsNs.low || message.tsNs.high : message.tsNs !== 0))
                        writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.tsNs);
                    if (message.pid != null && $Object.hasOwnProperty.call(message, "pid") && message.pid !== 0)
                        writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.pid);
                    if (message.tid != null && $Object.hasOwnProperty.call(message, "tid") && message.tid !== 0)
                        writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.tid);
                    if (message.parentPid != null && $Object.hasOwnProperty.call(message, "parentPid") && message.parentPid !== 0)
                        writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.parentPid);
                    if (message.parentTid != null && $Object.hasOwnProperty.call(message, "parentTid") && message.parentTid !== 0)
                        writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.parentTid);
                    if (message.filename != null && $Object.hasOwnProperty.call(message, "filename") && message.filename !== "")
                        writer.uint32(/* id 8, wireType 2 =*/66).string(message.filename);
                    if (message.oldTid != null && $Object.hasOwnProperty.call(message, "oldTid") && message.oldTid !== 0)
                        writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.oldTid);
                    if (message.exitCode != null && $Object.hasOwnProperty.call(message, "exitCode") && message.exitCode !== 0)
                        writer.uint32(/* id 10, wireType 0 =*/80).int32(message.exitCode);
                    if (message.groupDead != null && $Object.hasOwnProperty.call(message, "groupDead") && message.groupDead !== false)
                        writer.uint32(/* id 11, wireType 0 =*/88).bool(message.groupDead);
                    if (message.signo != null && $Object.hasOwnProperty.call(message, "signo") && message.signo !== 0)
                        writer.uint32(/* id 12, wireType 0 =*/96).uint32(message.signo);
                    if (message.siginfo != null && $Object.hasOwnProperty.call(message, "siginfo") && message.siginfo.length)
                        writer.uint32(/* id 13, wireType 2 =*/106).bytes(message.siginfo);
                    if (message.thread != null && $Object.hasOwnProperty.call(message, "thread") && message.thread !== false)
                        writer.uint32(/* id 14, wireType 0 =*/112).bool(message.thread);
                    if (message.ignored != null && $Object.hasOwnProperty.call(message, "ignored") && message.ignored !== false)
                        writer.uint32(/* id 15, wireType 0 =*/120).bool(message.ignored);
                    if (message.nsPid != null && $Object.hasOwnProperty.call(message, "nsPid") && message.nsPid !== 0)
                        writer.uint32(/* id 20, wireType 0 =*/160).uint32(message.nsPid);
                    if (message.nsTid != null && $Object.hasOwnProperty.call(message, "nsTid") && message.nsTid !== 0)
                        writer.uint32(/* id 21, wireType 0 =*/168).uint32(message.nsTid);
                    if (message.pidnsLevel != null && $Object.hasOwnProperty.call(message, "pidnsLevel") && message.pidnsLevel !== 0)
                        writer.uint32(/* id 22, wireType 0 =*/176).uint32(message.pidnsLevel);
                    if (message.pidnsInode != null && $Object.hasOwnProperty.call(message, "pidnsInode") && (typeof message.pidnsInode === "object" ? message.pidnsInode.low || message.pidnsInode.high : message.pidnsInode !== 0))
                        writer.uint32(/* id 23, wireType 0 =*/184).uint64(message.pidnsInode);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Encodes the specified ProcessEvent message, length delimited. Does not implicitly {@link beetrace.trace.v1.ProcessEvent.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof beetrace.trace.v1.ProcessEvent
                 * @static
                 * @param {beetrace.trace.v1.ProcessEvent.$Properties} message ProcessEvent message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ProcessEvent.encodeDelimited = function(message, writer) {
                    return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                };

                /**
                 * Decodes a ProcessEvent message from the specified reader or buffer.
                 * @function decode
                 * @memberof beetrace.trace.v1.ProcessEvent
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {beetrace.trace.v1.ProcessEvent & beetrace.trace.v1.ProcessEvent.$Shape} ProcessEvent
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ProcessEvent.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.beetrace.trace.v1.ProcessEvent();
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
                                if (value = reader.int32())
                                    message.kind = value;
                                else
                                    delete message.kind;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.position = value;
                                else
                                    delete message.position;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.tsNs = value;
                                else
                                    delete message.tsNs;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.pid = value;
                                else
                                    delete message.pid;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.tid = value;
                                else
                                    delete message.tid;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.parentPid = value;
                                else
                                    delete message.parentPid;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.parentTid = value;
                                else
                                    delete message.parentTid;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.filename = value;
                                else
                                    delete message.filename;
                                continue;
                            }
                        case 9: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.oldTid = value;
                                else
                                    delete message.oldTid;
                                continue;
                            }
                        case 10: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.exitCode = value;
                                else
                                    delete message.exitCode;
                                continue;
                            }
                        case 11: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.groupDead = value;
                                else
                                    delete message.groupDead;
                                continue;
                            }
                        case 12: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.signo = value;
                                else
                                    delete message.signo;
                                continue;
                            }
                        case 13: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.siginfo = value;
                                else
                                    delete message.siginfo;
                                continue;
                            }
                        case 14: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.thread = value;
                                else
                                    delete message.thread;
                                continue;
                            }
                        case 15: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.ignored = value;
                                else
                                    delete message.ignored;
                                continue;
                            }
                        case 20: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.nsPid = value;
                                else
                                    delete message.nsPid;
                                continue;
                            }
                        case 21: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.nsTid = value;
                                else
                                    delete message.nsTid;
                                continue;
                            }
                        case 22: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.pidnsLevel = value;
                                else
                                    delete message.pidnsLevel;
                                continue;
                            }
                        case 23: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.pidnsInode = value;
                                else
                                    delete message.pidnsInode;
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
                 * Decodes a ProcessEvent message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof beetrace.trace.v1.ProcessEvent
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {beetrace.trace.v1.ProcessEvent & beetrace.trace.v1.ProcessEvent.$Shape} ProcessEvent
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ProcessEvent.decodeDelimited = function(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.size());
                };

                /**
                 * Gets the type url for ProcessEvent
                 * @function getTypeUrl
                 * @memberof beetrace.trace.v1.ProcessEvent
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                ProcessEvent.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/beetrace.trace.v1.ProcessEvent";
                };

                /**
                 * Kind enum.
                 * @name beetrace.trace.v1.ProcessEvent.Kind
                 * @enum {number}
                 * @property {number} KIND_UNSPECIFIED=0 KIND_UNSPECIFIED value
                 * @property {number} FORK=1 FORK value
                 * @property {number} EXEC=2 EXEC value
                 * @property {number} EXIT=3 EXIT value
                 * @property {number} SIGNAL=4 SIGNAL value
                 */
                ProcessEvent.Kind = (function() {
                    var valuesById = $Object.create(null), values = $Object.create(valuesById);
                    values[valuesById[0] = "KIND_UNSPECIFIED"] = 0;
                    values[valuesById[1] = "FORK"] = 1;
                    values[valuesById[2] = "EXEC"] = 2;
                    values[valuesById[3] = "EXIT"] = 3;
                    values[valuesById[4] = "SIGNAL"] = 4;
                    return values;
                })();

                return ProcessEvent;
            })();

            v1.Trailer = (function() {

                /**
                 * Properties of a Trailer.
                 * @typedef {Object} beetrace.trace.v1.Trailer.$Properties
                 * @property {number|null} [syscalls] Trailer syscalls
                 * @property {number|null} [processEvents] Trailer processEvents
                 * @property {number|null} [processes] Trailer processes
                 * @property {Array.<number>|null} [lostPerCpu] Trailer lostPerCpu
                 * @property {boolean|null} [programExited] Trailer programExited
                 * @property {number|null} [exitCode] Trailer exitCode
                 * @property {number|null} [termSignal] Trailer termSignal
                 * @property {number|null} [endMonotonicNs] Trailer endMonotonicNs
                 * @property {number|null} [endRealtimeNs] Trailer endRealtimeNs
                 * @property {number|null} [unfinished] Trailer unfinished
                 * @property {number|null} [bytes] Trailer bytes
                 * @property {string|null} [stopReason] Trailer stopReason
                 * @property {boolean|null} [coreDumped] Trailer coreDumped
                 * @property {number|null} [stateCalls] Trailer stateCalls
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Trailer.
                 * @memberof beetrace.trace.v1
                 * @interface ITrailer
                 * @augments beetrace.trace.v1.Trailer.$Properties
                 * @deprecated Use beetrace.trace.v1.Trailer.$Properties instead.
                 */

                /**
                 * Shape of a Trailer.
                 * @typedef {beetrace.trace.v1.Trailer.$Properties} beetrace.trace.v1.Trailer.$Shape
                 */

                /**
                 * Constructs a new Trailer.
                 * @memberof beetrace.trace.v1
                 * @classdesc Represents a Trailer.
                 * @constructor
                 * @param {beetrace.trace.v1.Trailer.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var Trailer = function (properties) {
                    this.lostPerCpu = [];
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Trailer syscalls.
                 * @member {number} syscalls
                 * @memberof beetrace.trace.v1.Trailer
                 * @instance
                 */
                Trailer.prototype.syscalls = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Trailer processEvents.
                 * @member {number} processEvents
                 * @memberof beetrace.trace.v1.Trailer
                 * @instance
                 */
                Trailer.prototype.processEvents = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Trailer processes.
                 * @member {number} processes
                 * @memberof beetrace.trace.v1.Trailer
                 * @instance
                 */
                Trailer.prototype.processes = 0;

                /**
                 * Trailer lostPerCpu.
                 * @member {Array.<number>} lostPerCpu
                 * @memberof beetrace.trace.v1.Trailer
                 * @instance
                 */
                Trailer.prototype.lostPerCpu = $util.emptyArray;

                /**
                 * Trailer programExited.
                 * @member {boolean} programExited
                 * @memberof beetrace.trace.v1.Trailer
                 * @instance
                 */
                Trailer.prototype.programExited = false;

                /**
                 * Trailer exitCode.
                 * @member {number} exitCode
                 * @memberof beetrace.trace.v1.Trailer
                 * @instance
                 */
                Trailer.prototype.exitCode = 0;

                /**
                 * Trailer termSignal.
                 * @member {number} termSignal
                 * @memberof beetrace.trace.v1.Trailer
                 * @instance
                 */
                Trailer.prototype.termSignal = 0;

                /**
                 * Trailer endMonotonicNs.
                 * @member {number} endMonotonicNs
                 * @memberof beetrace.trace.v1.Trailer
                 * @instance
                 */
                Trailer.prototype.endMonotonicNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Trailer endRealtimeNs.
                 * @member {number} endRealtimeNs
                 * @memberof beetrace.trace.v1.Trailer
                 * @instance
                 */
                Trailer.prototype.endRealtimeNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Trailer unfinished.
                 * @member {number} unfinished
                 * @memberof beetrace.trace.v1.Trailer
                 * @instance
                 */
                Trailer.prototype.unfinished = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Trailer bytes.
                 * @member {number} bytes
                 * @memberof beetrace.trace.v1.Trailer
                 * @instance
                 */
                Trailer.prototype.bytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Trailer stopReason.
                 * @member {string} stopReason
                 * @memberof beetrace.trace.v1.Trailer
                 * @instance
                 */
                Trailer.prototype.stopReason = "";

                /**
                 * Trailer coreDumped.
                 * @member {boolean} coreDumped
                 * @memberof beetrace.trace.v1.Trailer
                 * @instance
                 */
                Trailer.prototype.coreDumped = false;

                /**
                 * Trailer stateCalls.
                 * @member {number} stateCalls
                 * @memberof beetrace.trace.v1.Trailer
                 * @instance
                 */
                Trailer.prototype.stateCalls = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Creates a new Trailer instance using the specified properties.
                 * @function create
                 * @memberof beetrace.trace.v1.Trailer
                 * @static
                 * @param {beetrace.trace.v1.Trailer.$Properties=} [properties] Properties to set
                 * @returns {beetrace.trace.v1.Trailer} Trailer instance
                 * @type {{
                 *   (properties: beetrace.trace.v1.Trailer.$Shape): beetrace.trace.v1.Trailer & beetrace.trace.v1.Trailer.$Shape;
                 *   (properties?: beetrace.trace.v1.Trailer.$Properties): beetrace.trace.v1.Trailer;
                 * }}
                 */
                Trailer.create = function(properties) {
                    return new Trailer(properties);
                };

                /**
                 * Encodes the specified Trailer message. Does not implicitly {@link beetrace.trace.v1.Trailer.verify|verify} messages.
                 * @function encode
                 * @memberof beetrace.trace.v1.Trailer
                 * @static
                 * @param {beetrace.trace.v1.Trailer.$Properties} message Trailer message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Trailer.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.syscalls != null && $Object.hasOwnProperty.call(message, "syscalls") && (typeof message.syscalls === "object" ? message.syscalls.low || message.syscalls.high : message.syscalls !== 0))
                        writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.syscalls);
                    if (message.processEvents != null && $Object.hasOwnProperty.call(message, "processEvents") && (typeof message.processEvents === "object" ? message.processEvents.low || message.processEvents.high : message.processEvents !== 0))
                        writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.processEvents);
                    if (message.processes != null && $Object.hasOwnProperty.call(message, "processes") && message.processes !== 0)
                        writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.processes);
                    if (message.lostPerCpu != null && message.lostPerCpu.length)
                        writer.uint32(/* id 4, wireType 2 =*/34).uint64s(message.lostPerCpu);
                    if (message.programExited != null && $Object.hasOwnProperty.call(message, "programExited") && message.programExited !== false)
                        writer.uint32(/* id 5, wireType 0 =*/40).bool(message.programExited);
                    if (message.exitCode != null && $Object.hasOwnProperty.call(message, "exitCode") && message.exitCode !== 0)
                        writer.uint32(/* id 6, wireType 0 =*/48).int32(message.exitCode);
                    if (message.termSignal != null && $Object.hasOwnProperty.call(message, "termSignal") && message.termSignal !== 0)
                        writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.termSignal);
                    if (message.endMonotonicNs != null && $Object.hasOwnProperty.call(message, "endMonotonicNs") && (typeof message.endMonotonicNs === "object" ? message.endMonotonicNs.low || message.endMonotonicNs.high : message.endMonotonicNs !== 0))
                        writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.endMonotonicNs);
                    if (message.endRealtimeNs != null && $Object.hasOwnProperty.call(message, "endRealtimeNs") && (typeof message.endRealtimeNs === "object" ? message.endRealtimeNs.low || message.endRealtimeNs.high : message.endRealtimeNs !== 0))
                        writer.uint32(/* id 9, wireType 0 =*/72).uint64(message.endRealtimeNs);
                    if (message.unfinished != null && $Object.hasOwnProperty.call(message, "unfinished") && (typeof message.unfinished === "object" ? message.unfinished.low || message.unfinished.high : message.unfinished !== 0))
                        writer.uint32(/* id 10, wireType 0 =*/80).uint64(message.unfinished);
                    if (message.bytes != null && $Object.hasOwnProperty.call(message, "bytes") && (typeof message.bytes === "object" ? message.bytes.low || message.bytes.high : message.bytes !== 0))
                        writer.uint32(/* id 11, wireType 0 =*/88).uint64(message.bytes);
                    if (message.stopReason != null && $Object.hasOwnProperty.call(message, "stopReason") && message.stopReason !== "")
                        writer.uint32(/* id 12, wireType 2 =*/98).string(message.stopReason);
                    if (message.coreDumped != null && $Object.hasOwnProperty.call(message, "coreDumped") && message.coreDumped !== false)
                        writer.uint32(/* id 13, wireType 0 =*/104).bool(message.coreDumped);
                    if (message.stateCalls != null && $Object.hasOwnProperty.call(message, "stateCalls") && (typeof message.stateCalls === "object" ? message.stateCalls.low || message.stateCalls.high : message.stateCalls !== 0))
                        writer.uint32(/* id 40, wireType 0 =*/320).uint64(message.stateCalls);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Encodes the specified Trailer message, length delimited. Does not implicitly {@link beetrace.trace.v1.Trailer.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof beetrace.trace.v1.Trailer
                 * @static
                 * @param {beetrace.trace.v1.Trailer.$Properties} message Trailer message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Trailer.encodeDelimited = function(message, writer) {
                    return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                };

                /**
                 * Decodes a Trailer message from the specified reader or buffer.
                 * @function decode
                 * @memberof beetrace.trace.v1.Trailer
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {beetrace.trace.v1.Trailer & beetrace.trace.v1.Trailer.$Shape} Trailer
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Trailer.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.beetrace.trace.v1.Trailer();
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
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.syscalls = value;
                                else
                                    delete message.syscalls;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.processEvents = value;
                                else
                                    delete message.processEvents;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.processes = value;
                                else
                                    delete message.processes;
                                continue;
                            }
                        case 4: {
                                if (wireType === 2) {
                                    if (!(message.lostPerCpu && message.lostPerCpu.length))
                                        message.lostPerCpu = [];
                                    reader.uint64s(message.lostPerCpu);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.lostPerCpu && message.lostPerCpu.length))
                                    message.lostPerCpu = [];
                                message.lostPerCpu.push(reader.uint64());
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.programExited = value;
                                else
                                    delete message.programExited;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.exitCode = value;
                                else
                                    delete message.exitCode;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.termSignal = value;
                                else
                                    delete message.termSignal;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.endMonotonicNs = value;
                                else
                                    delete message.endMonotonicNs;
                                continue;
                            }
                        case 9: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.endRealtimeNs = value;
                                else
                                    delete message.endRealtimeNs;
                                continue;
                            }
                        case 10: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.unfinished = value;
                                else
                                    delete message.unfinished;
                                continue;
                            }
                        case 11: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.bytes = value;
                                else
                                    delete message.bytes;
                                continue;
                            }
                        case 12: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.stopReason = value;
                                else
                                    delete message.stopReason;
                                continue;
                            }
                        case 13: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.coreDumped = value;
                                else
                                    delete message.coreDumped;
                                continue;
                            }
                        case 40: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.stateCalls = value;
                                else
                                    delete message.stateCalls;
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
                 * Decodes a Trailer message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof beetrace.trace.v1.Trailer
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {beetrace.trace.v1.Trailer & beetrace.trace.v1.Trailer.$Shape} Trailer
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Trailer.decodeDelimited = function(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.size());
                };

                /**
                 * Gets the type url for Trailer
                 * @function getTypeUrl
                 * @memberof beetrace.trace.v1.Trailer
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                Trailer.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/beetrace.trace.v1.Trailer";
                };

                return Trailer;
            })();

            v1.ProcessState = (function() {

                /**
                 * Properties of a ProcessState.
                 * @typedef {Object} beetrace.trace.v1.ProcessState.$Properties
                 * @property {number|null} [pid] ProcessState pid
                 * @property {number|null} [ppid] ProcessState ppid
                 * @property {Array.<number>|null} [nsPids] ProcessState nsPids
                 * @property {number|null} [pidnsInode] ProcessState pidnsInode
                 * @property {string|null} [exe] ProcessState exe
                 * @property {Array.<string>|null} [argv] ProcessState argv
                 * @property {string|null} [cwd] ProcessState cwd
                 * @property {Array.<beetrace.trace.v1.FdState.$Properties>|null} [fds] ProcessState fds
                 * @property {Array.<number>|null} [tids] ProcessState tids
                 * @property {Array.<number>|null} [nsTids] ProcessState nsTids
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a ProcessState.
                 * @memberof beetrace.trace.v1
                 * @interface IProcessState
                 * @augments beetrace.trace.v1.ProcessState.$Properties
                 * @deprecated Use beetrace.trace.v1.ProcessState.$Properties instead.
                 */

                /**
                 * Shape of a ProcessState.
                 * @typedef {beetrace.trace.v1.ProcessState.$Properties} beetrace.trace.v1.ProcessState.$Shape
                 */

                /**
                 * Constructs a new ProcessState.
                 * @memberof beetrace.trace.v1
                 * @classdesc Represents a ProcessState.
                 * @constructor
                 * @param {beetrace.trace.v1.ProcessState.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var ProcessState = function (properties) {
                    this.nsPids = [];
                    this.argv = [];
                    this.fds = [];
                    this.tids = [];
                    this.nsTids = [];
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * ProcessState pid.
                 * @member {number} pid
                 * @memberof beetrace.trace.v1.ProcessState
                 * @instance
                 */
                ProcessState.prototype.pid = 0;

                /**
                 * ProcessState ppid.
                 * @member {number} ppid
                 * @memberof beetrace.trace.v1.ProcessState
                 * @instance
                 */
                ProcessState.prototype.ppid = 0;

                /**
                 * ProcessState nsPids.
                 * @member {Array.<number>} nsPids
                 * @memberof beetrace.trace.v1.ProcessState
                 * @instance
                 */
                ProcessState.prototype.nsPids = $util.emptyArray;

                /**
                 * ProcessState pidnsInode.
                 * @member {number} pidnsInode
                 * @memberof beetrace.trace.v1.ProcessState
                 * @instance
                 */
                ProcessState.prototype.pidnsInode = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * ProcessState exe.
                 * @member {string} exe
                 * @memberof beetrace.trace.v1.ProcessState
                 * @instance
                 */
                ProcessState.prototype.exe = "";

                /**
                 * ProcessState argv.
                 * @member {Array.<string>} argv
                 * @memberof beetrace.trace.v1.ProcessState
                 * @instance
                 */
                ProcessState.prototype.argv = $util.emptyArray;

                /**
                 * ProcessState cwd.
                 * @member {string} cwd
                 * @memberof beetrace.trace.v1.ProcessState
                 * @instance
                 */
                ProcessState.prototype.cwd = "";

                /**
                 * ProcessState fds.
                 * @member {Array.<beetrace.trace.v1.FdState.$Properties>} fds
                 * @memberof beetrace.trace.v1.ProcessState
                 * @instance
                 */
                ProcessState.prototype.fds = $util.emptyArray;

                /**
                 * ProcessState tids.
                 * @member {Array.<number>} tids
                 * @memberof beetrace.trace.v1.ProcessState
                 * @instance
                 */
                ProcessState.prototype.tids = $util.emptyArray;

                /**
                 * ProcessState nsTids.
                 * @member {Array.<number>} nsTids
                 * @memberof beetrace.trace.v1.ProcessState
                 * @instance
                 */
                ProcessState.prototype.nsTids = $util.emptyArray;

                /**
                 * Creates a new ProcessState instance using the specified properties.
                 * @function create
                 * @memberof beetrace.trace.v1.ProcessState
                 * @static
                 * @param {beetrace.trace.v1.ProcessState.$Properties=} [properties] Properties to set
                 * @returns {beetrace.trace.v1.ProcessState} ProcessState instance
                 * @type {{
                 *   (properties: beetrace.trace.v1.ProcessState.$Shape): beetrace.trace.v1.ProcessState & beetrace.trace.v1.ProcessState.$Shape;
                 *   (properties?: beetrace.trace.v1.ProcessState.$Properties): beetrace.trace.v1.ProcessState;
                 * }}
                 */
                ProcessState.create = function(properties) {
                    return new ProcessState(properties);
                };

                /**
                 * Encodes the specified ProcessState message. Does not implicitly {@link beetrace.trace.v1.ProcessState.verify|verify} messages.
                 * @function encode
                 * @memberof beetrace.trace.v1.ProcessState
                 * @static
                 * @param {beetrace.trace.v1.ProcessState.$Properties} message ProcessState message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ProcessState.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.pid != null && $Object.hasOwnProperty.call(message, "pid") && message.pid !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.pid);
                    if (message.ppid != null && $Object.hasOwnProperty.call(message, "ppid") && message.ppid !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.ppid);
                    if (message.nsPids != null && message.nsPids.length)
                        writer.uint32(/* id 3, wireType 2 =*/26).uint32s(message.nsPids);
                    if (message.pidnsInode != null && $Object.hasOwnProperty.call(message, "pidnsInode") && (typeof message.pidnsInode === "object" ? message.pidnsInode.low || message.pidnsInode.high : message.pidnsInode !== 0))
                        writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.pidnsInode);
                    if (message.exe != null && $Object.hasOwnProperty.call(message, "exe") && message.exe !== "")
                        writer.uint32(/* id 5, wireType 2 =*/42).string(message.exe);
                    if (message.argv != null && message.argv.length)
                        for (var i = 0; i < message.argv.length; ++i)
                            writer.uint32(/* id 6, wireType 2 =*/50).string(message.argv[i]);
                    if (message.cwd != null && $Object.hasOwnProperty.call(message, "cwd") && message.cwd !== "")
                        writer.uint32(/* id 7, wireType 2 =*/58).string(message.cwd);
                    if (message.fds != null && message.fds.length)
                        for (var i = 0; i < message.fds.length; ++i)
                            $root.beetrace.trace.v1.FdState.encode(message.fds[i], writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
                    if (message.tids != null && message.tids.length)
                        writer.uint32(/* id 9, wireType 2 =*/74).uint32s(message.tids);
                    if (message.nsTids != null && message.nsTids.length)
                        writer.uint32(/* id 10, wireType 2 =*/82).uint32s(message.nsTids);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Encodes the specified ProcessState message, length delimited. Does not implicitly {@link beetrace.trace.v1.ProcessState.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof beetrace.trace.v1.ProcessState
                 * @static
                 * @param {beetrace.trace.v1.ProcessState.$Properties} message ProcessState message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ProcessState.encodeDelimited = function(message, writer) {
                    return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                };

                /**
                 * Decodes a ProcessState message from the specified reader or buffer.
                 * @function decode
                 * @memberof beetrace.trace.v1.ProcessState
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {beetrace.trace.v1.ProcessState & beetrace.trace.v1.ProcessState.$Shape} ProcessState
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ProcessState.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.beetrace.trace.v1.ProcessState();
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
                                if (value = reader.uint32())
                                    message.pid = value;
                                else
                                    delete message.pid;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.ppid = value;
                                else
                                    delete message.ppid;
                                continue;
                            }
                        case 3: {
                                if (wireType === 2) {
                                    if (!(message.nsPids && message.nsPids.length))
                                        message.nsPids = [];
                                    reader.uint32s(message.nsPids);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.nsPids && message.nsPids.length))
                                    message.nsPids = [];
                                message.nsPids.push(reader.uint32());
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.pidnsInode = value;
                                else
                                    delete message.pidnsInode;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.exe = value;
                                else
                                    delete message.exe;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.argv && message.argv.length))
                                    message.argv = [];
                                message.argv.push(reader.stringVerify());
                                continue;
                            }
                        case 7: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.cwd = value;
                                else
                                    delete message.cwd;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.fds && message.fds.length))
                                    message.fds = [];
                                message.fds.push($root.beetrace.trace.v1.FdState.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 9: {
                                if (wireType === 2) {
                                    if (!(message.tids && message.tids.length))
                                        message.tids = [];
                                    reader.uint32s(message.tids);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.tids && message.tids.length))
                                    message.tids = [];
                                message.tids.push(reader.uint32());
                                continue;
                            }
                        case 10: {
                                if (wireType === 2) {
                                    if (!(message.nsTids && message.nsTids.length))
                                        message.nsTids = [];
                                    reader.uint32s(message.nsTids);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.nsTids && message.nsTids.length))
                                    message.nsTids = [];
                                message.nsTids.push(reader.uint32());
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
                 * Decodes a ProcessState message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof beetrace.trace.v1.ProcessState
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {beetrace.trace.v1.ProcessState & beetrace.trace.v1.ProcessState.$Shape} ProcessState
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ProcessState.decodeDelimited = function(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.size());
                };

                /**
                 * Gets the type url for ProcessState
                 * @function getTypeUrl
                 * @memberof beetrace.trace.v1.ProcessState
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                ProcessState.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/beetrace.trace.v1.ProcessState";
                };

                return ProcessState;
            })();

            v1.FdState = (function() {

                /**
                 * Properties of a FdState.
                 * @typedef {Object} beetrace.trace.v1.FdState.$Properties
                 * @property {number|null} [fd] FdState fd
                 * @property {string|null} [target] FdState target
                 * @property {number|null} [flags] FdState flags
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a FdState.
                 * @memberof beetrace.trace.v1
                 * @interface IFdState
                 * @augments beetrace.trace.v1.FdState.$Properties
                 * @deprecated Use beetrace.trace.v1.FdState.$Properties instead.
                 */

                /**
                 * Shape of a FdState.
                 * @typedef {beetrace.trace.v1.FdState.$Properties} beetrace.trace.v1.FdState.$Shape
                 */

                /**
                 * Constructs a new FdState.
                 * @memberof beetrace.trace.v1
                 * @classdesc Represents a FdState.
                 * @constructor
                 * @param {beetrace.trace.v1.FdState.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var FdState = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * FdState fd.
                 * @member {number} fd
                 * @memberof beetrace.trace.v1.FdState
                 * @instance
                 */
                FdState.prototype.fd = 0;

                /**
                 * FdState target.
                 * @member {string} target
                 * @memberof beetrace.trace.v1.FdState
                 * @instance
                 */
                FdState.prototype.target = "";

                /**
                 * FdState flags.
                 * @member {number} flags
                 * @memberof beetrace.trace.v1.FdState
                 * @instance
                 */
                FdState.prototype.flags = 0;

                /**
                 * Creates a new FdState instance using the specified properties.
                 * @function create
                 * @memberof beetrace.trace.v1.FdState
                 * @static
                 * @param {beetrace.trace.v1.FdState.$Properties=} [properties] Properties to set
                 * @returns {beetrace.trace.v1.FdState} FdState instance
                 * @type {{
                 *   (properties: beetrace.trace.v1.FdState.$Shape): beetrace.trace.v1.FdState & beetrace.trace.v1.FdState.$Shape;
                 *   (properties?: beetrace.trace.v1.FdState.$Properties): beetrace.trace.v1.FdState;
                 * }}
                 */
                FdState.create = function(properties) {
                    return new FdState(properties);
                };

                /**
                 * Encodes the specified FdState message. Does not implicitly {@link beetrace.trace.v1.FdState.verify|verify} messages.
                 * @function encode
                 * @memberof beetrace.trace.v1.FdState
                 * @static
                 * @param {beetrace.trace.v1.FdState.$Properties} message FdState message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                FdState.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.fd != null && $Object.hasOwnProperty.call(message, "fd") && message.fd !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.fd);
                    if (message.target != null && $Object.hasOwnProperty.call(message, "target") && message.target !== "")
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.target);
                    if (message.flags != null && $Object.hasOwnProperty.call(message, "flags") && message.flags !== 0)
                        writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.flags);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Encodes the specified FdState message, length delimited. Does not implicitly {@link beetrace.trace.v1.FdState.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof beetrace.trace.v1.FdState
                 * @static
                 * @param {beetrace.trace.v1.FdState.$Properties} message FdState message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                FdState.encodeDelimited = function(message, writer) {
                    return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                };

                /**
                 * Decodes a FdState message from the specified reader or buffer.
                 * @function decode
                 * @memberof beetrace.trace.v1.FdState
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {beetrace.trace.v1.FdState & beetrace.trace.v1.FdState.$Shape} FdState
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                FdState.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.beetrace.trace.v1.FdState();
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
                                if (value = reader.uint32())
                                    message.fd = value;
                                else
                                    delete message.fd;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.target = value;
                                else
                                    delete message.target;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.flags = value;
                                else
                                    delete message.flags;
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
                 * Decodes a FdState message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof beetrace.trace.v1.FdState
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {beetrace.trace.v1.FdState & beetrace.trace.v1.FdState.$Shape} FdState
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                FdState.decodeDelimited = function(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.size());
                };

                /**
                 * Gets the type url for FdState
                 * @function getTypeUrl
                 * @memberof beetrace.trace.v1.FdState
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                FdState.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/beetrace.trace.v1.FdState";
                };

                return FdState;
            })();

            v1.CallFilter = (function() {

                /**
                 * Properties of a CallFilter.
                 * @typedef {Object} beetrace.trace.v1.CallFilter.$Properties
                 * @property {Array.<string>|null} [expressions] CallFilter expressions
                 * @property {Array.<number>|null} [syscalls] CallFilter syscalls
                 * @property {Array.<string>|null} [statuses] CallFilter statuses
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a CallFilter.
                 * @memberof beetrace.trace.v1
                 * @interface ICallFilter
                 * @augments beetrace.trace.v1.CallFilter.$Properties
                 * @deprecated Use beetrace.trace.v1.CallFilter.$Properties instead.
                 */

                /**
                 * Shape of a CallFilter.
                 * @typedef {beetrace.trace.v1.CallFilter.$Properties} beetrace.trace.v1.CallFilter.$Shape
                 */

                /**
                 * Constructs a new CallFilter.
                 * @memberof beetrace.trace.v1
                 * @classdesc Represents a CallFilter.
                 * @constructor
                 * @param {beetrace.trace.v1.CallFilter.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var CallFilter = function (properties) {
                    this.expressions = [];
                    this.syscalls = [];
                    this.statuses = [];
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * CallFilter expressions.
                 * @member {Array.<string>} expressions
                 * @memberof beetrace.trace.v1.CallFilter
                 * @instance
                 */
                CallFilter.prototype.expressions = $util.emptyArray;

                /**
                 * CallFilter syscalls.
                 * @member {Array.<number>} syscalls
                 * @memberof beetrace.trace.v1.CallFilter
                 * @instance
                 */
                CallFilter.prototype.syscalls = $util.emptyArray;

                /**
                 * CallFilter statuses.
                 * @member {Array.<string>} statuses
                 * @memberof beetrace.trace.v1.CallFilter
                 * @instance
                 */
                CallFilter.prototype.statuses = $util.emptyArray;

                /**
                 * Creates a new CallFilter instance using the specified properties.
                 * @function create
                 * @memberof beetrace.trace.v1.CallFilter
                 * @static
                 * @param {beetrace.trace.v1.CallFilter.$Properties=} [properties] Properties to set
                 * @returns {beetrace.trace.v1.CallFilter} CallFilter instance
                 * @type {{
                 *   (properties: beetrace.trace.v1.CallFilter.$Shape): beetrace.trace.v1.CallFilter & beetrace.trace.v1.CallFilter.$Shape;
                 *   (properties?: beetrace.trace.v1.CallFilter.$Properties): beetrace.trace.v1.CallFilter;
                 * }}
                 */
                CallFilter.create = function(properties) {
                    return new CallFilter(properties);
                };

                /**
                 * Encodes the specified CallFilter message. Does not implicitly {@link beetrace.trace.v1.CallFilter.verify|verify} messages.
                 * @function encode
                 * @memberof beetrace.trace.v1.CallFilter
                 * @static
                 * @param {beetrace.trace.v1.CallFilter.$Properties} message CallFilter message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                CallFilter.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.expressions != null && message.expressions.length)
                        for (var i = 0; i < message.expressions.length; ++i)
                            writer.uint32(/* id 1, wireType 2 =*/10).string(message.expressions[i]);
                    if (message.syscalls != null && message.syscalls.length)
                        writer.uint32(/* id 2, wireType 2 =*/18).uint32s(message.syscalls);
                    if (message.statuses != null && message.statuses.length)
                        for (var i = 0; i < message.statuses.length; ++i)
                            writer.uint32(/* id 3, wireType 2 =*/26).string(message.statuses[i]);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Encodes the specified CallFilter message, length delimited. Does not implicitly {@link beetrace.trace.v1.CallFilter.verify|verify} messages.
                 * @function encodeDelimited
                 * @memberof beetrace.trace.v1.CallFilter
                 * @static
                 * @param {beetrace.trace.v1.CallFilter.$Properties} message CallFilter message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                CallFilter.encodeDelimited = function(message, writer) {
                    return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
                };

                /**
                 * Decodes a CallFilter message from the specified reader or buffer.
                 * @function decode
                 * @memberof beetrace.trace.v1.CallFilter
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {beetrace.trace.v1.CallFilter & beetrace.trace.v1.CallFilter.$Shape} CallFilter
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                CallFilter.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.beetrace.trace.v1.CallFilter();
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
                                if (!(message.expressions && message.expressions.length))
                                    message.expressions = [];
                                message.expressions.push(reader.stringVerify());
                                continue;
                            }
                        case 2: {
                                if (wireType === 2) {
                                    if (!(message.syscalls && message.syscalls.length))
                                        message.syscalls = [];
                                    reader.uint32s(message.syscalls);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.syscalls && message.syscalls.length))
                                    message.syscalls = [];
                                message.syscalls.push(reader.uint32());
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.statuses && message.statuses.length))
                                    message.statuses = [];
                                message.statuses.push(reader.stringVerify());
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
                 * Decodes a CallFilter message from the specified reader or buffer, length delimited.
                 * @function decodeDelimited
                 * @memberof beetrace.trace.v1.CallFilter
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @returns {beetrace.trace.v1.CallFilter & beetrace.trace.v1.CallFilter.$Shape} CallFilter
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                CallFilter.decodeDelimited = function(reader) {
                    if (!(reader instanceof $Reader))
                        reader = new $Reader(reader);
                    return this.decode(reader, reader.size());
                };

                /**
                 * Gets the type url for CallFilter
                 * @function getTypeUrl
                 * @memberof beetrace.trace.v1.CallFilter
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                CallFilter.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/beetrace.trace.v1.CallFilter";
                };

                return CallFilter;
            })();

            return v1;
        })();

        return trace;
    })();

    return beetrace;
})();

module.exports = $root;
