// Generated from proto/perfetto.proto by scripts/generate-perfetto.mjs. Do not edit.
import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace perfetto. */
export namespace perfetto {

    /** Namespace protos. */
    namespace protos {

        /**
         * Properties of a Trace.
         * @deprecated Use perfetto.protos.Trace.$Properties instead.
         */
        interface ITrace extends perfetto.protos.Trace.$Properties {
        }

        /** Represents a Trace. */
        class Trace {

            /**
             * Constructs a new Trace.
             * @param [properties] Properties to set
             */
            constructor(properties?: perfetto.protos.Trace.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Trace packet. */
            packet: perfetto.protos.TracePacket.$Properties[];

            /**
             * Creates a new Trace instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Trace instance
             */
            static create(properties: perfetto.protos.Trace.$Shape): perfetto.protos.Trace & perfetto.protos.Trace.$Shape;
            static create(properties?: perfetto.protos.Trace.$Properties): perfetto.protos.Trace;

            /**
             * Encodes the specified Trace message. Does not implicitly {@link perfetto.protos.Trace.verify|verify} messages.
             * @param message Trace message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: perfetto.protos.Trace.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Trace message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {perfetto.protos.Trace & perfetto.protos.Trace.$Shape} Trace
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): perfetto.protos.Trace & perfetto.protos.Trace.$Shape;

            /**
             * Gets the type url for Trace
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Trace {

            /** Properties of a Trace. */
            interface $Properties {

                /** Trace packet */
                packet?: (perfetto.protos.TracePacket.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Trace. */
            type $Shape = {
              packet?: perfetto.protos.TracePacket.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a TracePacket.
         * @deprecated Use perfetto.protos.TracePacket.$Properties instead.
         */
        interface ITracePacket extends perfetto.protos.TracePacket.$Properties {
        }

        /** Represents a TracePacket. */
        class TracePacket {

            /**
             * Constructs a new TracePacket.
             * @param [properties] Properties to set
             */
            constructor(properties?: perfetto.protos.TracePacket.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TracePacket timestamp. */
            timestamp: number;

            /** TracePacket trackEvent. */
            trackEvent?: (perfetto.protos.TrackEvent.$Properties|null);

            /** TracePacket trackDescriptor. */
            trackDescriptor?: (perfetto.protos.TrackDescriptor.$Properties|null);

            /** TracePacket trustedPacketSequenceId. */
            trustedPacketSequenceId: number;

            /** TracePacket internedData. */
            internedData?: (perfetto.protos.InternedData.$Properties|null);

            /** TracePacket sequenceFlags. */
            sequenceFlags: number;

            /** TracePacket firstPacketOnSequence. */
            firstPacketOnSequence: boolean;

            /** TracePacket data. */
            data?: ("trackEvent"|"trackDescriptor");

            /**
             * Creates a new TracePacket instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TracePacket instance
             */
            static create(properties: perfetto.protos.TracePacket.$Shape): perfetto.protos.TracePacket & perfetto.protos.TracePacket.$Shape;
            static create(properties?: perfetto.protos.TracePacket.$Properties): perfetto.protos.TracePacket;

            /**
             * Encodes the specified TracePacket message. Does not implicitly {@link perfetto.protos.TracePacket.verify|verify} messages.
             * @param message TracePacket message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: perfetto.protos.TracePacket.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TracePacket message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {perfetto.protos.TracePacket & perfetto.protos.TracePacket.$Shape} TracePacket
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): perfetto.protos.TracePacket & perfetto.protos.TracePacket.$Shape;

            /**
             * Gets the type url for TracePacket
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace TracePacket {

            /** Properties of a TracePacket. */
            interface $Properties {

                /** TracePacket timestamp */
                timestamp?: (number|null);

                /** TracePacket trackEvent */
                trackEvent?: (perfetto.protos.TrackEvent.$Properties|null);

                /** TracePacket trackDescriptor */
                trackDescriptor?: (perfetto.protos.TrackDescriptor.$Properties|null);

                /** TracePacket trustedPacketSequenceId */
                trustedPacketSequenceId?: (number|null);

                /** TracePacket internedData */
                internedData?: (perfetto.protos.InternedData.$Properties|null);

                /** TracePacket sequenceFlags */
                sequenceFlags?: (number|null);

                /** TracePacket firstPacketOnSequence */
                firstPacketOnSequence?: (boolean|null);

                /** TracePacket data */
                data?: ("trackEvent"|"trackDescriptor");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a TracePacket. */
            type $Shape = {
              timestamp?: number|null;
              trackEvent?: perfetto.protos.TrackEvent.$Shape|null;
              trackDescriptor?: perfetto.protos.TrackDescriptor.$Shape|null;
              trustedPacketSequenceId?: number|null;
              internedData?: perfetto.protos.InternedData.$Shape|null;
              sequenceFlags?: number|null;
              firstPacketOnSequence?: boolean|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ data?: undefined; trackEvent?: null; trackDescriptor?: null }|{ data?: "trackEvent"; trackEvent: perfetto.protos.TrackEvent.$Shape; trackDescriptor?: null }|{ data?: "trackDescriptor"; trackEvent?: null; trackDescriptor: perfetto.protos.TrackDescriptor.$Shape })
            );

            /** SequenceFlags enum. */
            enum SequenceFlags {

                /** SEQ_UNSPECIFIED value */
                SEQ_UNSPECIFIED = 0,

                /** SEQ_INCREMENTAL_STATE_CLEARED value */
                SEQ_INCREMENTAL_STATE_CLEARED = 1,

                /** SEQ_NEEDS_INCREMENTAL_STATE value */
                SEQ_NEEDS_INCREMENTAL_STATE = 2
            }
        }

        /**
         * Properties of a TrackDescriptor.
         * @deprecated Use perfetto.protos.TrackDescriptor.$Properties instead.
         */
        interface ITrackDescriptor extends perfetto.protos.TrackDescriptor.$Properties {
        }

        /** Represents a TrackDescriptor. */
        class TrackDescriptor {

            /**
             * Constructs a new TrackDescriptor.
             * @param [properties] Properties to set
             */
            constructor(properties?: perfetto.protos.TrackDescriptor.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TrackDescriptor uuid. */
            uuid: number;

            /** TrackDescriptor name. */
            name: string;

            /** TrackDescriptor process. */
            process?: (perfetto.protos.ProcessDescriptor.$Properties|null);

            /** TrackDescriptor thread. */
            thread?: (perfetto.protos.ThreadDescriptor.$Properties|null);

            /** TrackDescriptor parentUuid. */
            parentUuid: number;

            /**
             * Creates a new TrackDescriptor instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TrackDescriptor instance
             */
            static create(properties: perfetto.protos.TrackDescriptor.$Shape): perfetto.protos.TrackDescriptor & perfetto.protos.TrackDescriptor.$Shape;
            static create(properties?: perfetto.protos.TrackDescriptor.$Properties): perfetto.protos.TrackDescriptor;

            /**
             * Encodes the specified TrackDescriptor message. Does not implicitly {@link perfetto.protos.TrackDescriptor.verify|verify} messages.
             * @param message TrackDescriptor message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: perfetto.protos.TrackDescriptor.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TrackDescriptor message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {perfetto.protos.TrackDescriptor & perfetto.protos.TrackDescriptor.$Shape} TrackDescriptor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): perfetto.protos.TrackDescriptor & perfetto.protos.TrackDescriptor.$Shape;

            /**
             * Gets the type url for TrackDescriptor
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace TrackDescriptor {

            /** Properties of a TrackDescriptor. */
            interface $Properties {

                /** TrackDescriptor uuid */
                uuid?: (number|null);

                /** TrackDescriptor name */
                name?: (string|null);

                /** TrackDescriptor process */
                process?: (perfetto.protos.ProcessDescriptor.$Properties|null);

                /** TrackDescriptor thread */
                thread?: (perfetto.protos.ThreadDescriptor.$Properties|null);

                /** TrackDescriptor parentUuid */
                parentUuid?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TrackDescriptor. */
            type $Shape = perfetto.protos.TrackDescriptor.$Properties;
        }

        /**
         * Properties of a ProcessDescriptor.
         * @deprecated Use perfetto.protos.ProcessDescriptor.$Properties instead.
         */
        interface IProcessDescriptor extends perfetto.protos.ProcessDescriptor.$Properties {
        }

        /** Represents a ProcessDescriptor. */
        class ProcessDescriptor {

            /**
             * Constructs a new ProcessDescriptor.
             * @param [properties] Properties to set
             */
            constructor(properties?: perfetto.protos.ProcessDescriptor.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ProcessDescriptor pid. */
            pid: number;

            /** ProcessDescriptor cmdline. */
            cmdline: string[];

            /** ProcessDescriptor processName. */
            processName: string;

            /** ProcessDescriptor startTimestampNs. */
            startTimestampNs: number;

            /**
             * Creates a new ProcessDescriptor instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ProcessDescriptor instance
             */
            static create(properties: perfetto.protos.ProcessDescriptor.$Shape): perfetto.protos.ProcessDescriptor & perfetto.protos.ProcessDescriptor.$Shape;
            static create(properties?: perfetto.protos.ProcessDescriptor.$Properties): perfetto.protos.ProcessDescriptor;

            /**
             * Encodes the specified ProcessDescriptor message. Does not implicitly {@link perfetto.protos.ProcessDescriptor.verify|verify} messages.
             * @param message ProcessDescriptor message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: perfetto.protos.ProcessDescriptor.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ProcessDescriptor message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {perfetto.protos.ProcessDescriptor & perfetto.protos.ProcessDescriptor.$Shape} ProcessDescriptor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): perfetto.protos.ProcessDescriptor & perfetto.protos.ProcessDescriptor.$Shape;

            /**
             * Gets the type url for ProcessDescriptor
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ProcessDescriptor {

            /** Properties of a ProcessDescriptor. */
            interface $Properties {

                /** ProcessDescriptor pid */
                pid?: (number|null);

                /** ProcessDescriptor cmdline */
                cmdline?: (string[]|null);

                /** ProcessDescriptor processName */
                processName?: (string|null);

                /** ProcessDescriptor startTimestampNs */
                startTimestampNs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ProcessDescriptor. */
            type $Shape = perfetto.protos.ProcessDescriptor.$Properties;
        }

        /**
         * Properties of a ThreadDescriptor.
         * @deprecated Use perfetto.protos.ThreadDescriptor.$Properties instead.
         */
        interface IThreadDescriptor extends perfetto.protos.ThreadDescriptor.$Properties {
        }

        /** Represents a ThreadDescriptor. */
        class ThreadDescriptor {

            /**
             * Constructs a new ThreadDescriptor.
             * @param [properties] Properties to set
             */
            constructor(properties?: perfetto.protos.ThreadDescriptor.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ThreadDescriptor pid. */
            pid: number;

            /** ThreadDescriptor tid. */
            tid: number;

            /** ThreadDescriptor threadName. */
            threadName: string;

            /**
             * Creates a new ThreadDescriptor instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ThreadDescriptor instance
             */
            static create(properties: perfetto.protos.ThreadDescriptor.$Shape): perfetto.protos.ThreadDescriptor & perfetto.protos.ThreadDescriptor.$Shape;
            static create(properties?: perfetto.protos.ThreadDescriptor.$Properties): perfetto.protos.ThreadDescriptor;

            /**
             * Encodes the specified ThreadDescriptor message. Does not implicitly {@link perfetto.protos.ThreadDescriptor.verify|verify} messages.
             * @param message ThreadDescriptor message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: perfetto.protos.ThreadDescriptor.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ThreadDescriptor message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {perfetto.protos.ThreadDescriptor & perfetto.protos.ThreadDescriptor.$Shape} ThreadDescriptor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): perfetto.protos.ThreadDescriptor & perfetto.protos.ThreadDescriptor.$Shape;

            /**
             * Gets the type url for ThreadDescriptor
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ThreadDescriptor {

            /** Properties of a ThreadDescriptor. */
            interface $Properties {

                /** ThreadDescriptor pid */
                pid?: (number|null);

                /** ThreadDescriptor tid */
                tid?: (number|null);

                /** ThreadDescriptor threadName */
                threadName?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ThreadDescriptor. */
            type $Shape = perfetto.protos.ThreadDescriptor.$Properties;
        }

        /**
         * Properties of a TrackEvent.
         * @deprecated Use perfetto.protos.TrackEvent.$Properties instead.
         */
        interface ITrackEvent extends perfetto.protos.TrackEvent.$Properties {
        }

        /** Represents a TrackEvent. */
        class TrackEvent {

            /**
             * Constructs a new TrackEvent.
             * @param [properties] Properties to set
             */
            constructor(properties?: perfetto.protos.TrackEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TrackEvent categoryIids. */
            categoryIids: number[];

            /** TrackEvent debugAnnotations. */
            debugAnnotations: perfetto.protos.DebugAnnotation.$Properties[];

            /** TrackEvent type. */
            type: perfetto.protos.TrackEvent.Type;

            /** TrackEvent nameIid. */
            nameIid?: (number|null);

            /** TrackEvent name. */
            name?: (string|null);

            /** TrackEvent trackUuid. */
            trackUuid: number;

            /** TrackEvent categories. */
            categories: string[];

            /** TrackEvent flowIds. */
            flowIds: number[];

            /** TrackEvent terminatingFlowIds. */
            terminatingFlowIds: number[];

            /** TrackEvent nameField. */
            nameField?: ("nameIid"|"name");

            /**
             * Creates a new TrackEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TrackEvent instance
             */
            static create(properties: perfetto.protos.TrackEvent.$Shape): perfetto.protos.TrackEvent & perfetto.protos.TrackEvent.$Shape;
            static create(properties?: perfetto.protos.TrackEvent.$Properties): perfetto.protos.TrackEvent;

            /**
             * Encodes the specified TrackEvent message. Does not implicitly {@link perfetto.protos.TrackEvent.verify|verify} messages.
             * @param message TrackEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: perfetto.protos.TrackEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TrackEvent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {perfetto.protos.TrackEvent & perfetto.protos.TrackEvent.$Shape} TrackEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): perfetto.protos.TrackEvent & perfetto.protos.TrackEvent.$Shape;

            /**
             * Gets the type url for TrackEvent
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace TrackEvent {

            /** Properties of a TrackEvent. */
            interface $Properties {

                /** TrackEvent categoryIids */
                categoryIids?: (number[]|null);

                /** TrackEvent debugAnnotations */
                debugAnnotations?: (perfetto.protos.DebugAnnotation.$Properties[]|null);

                /** TrackEvent type */
                type?: (perfetto.protos.TrackEvent.Type|null);

                /** TrackEvent nameIid */
                nameIid?: (number|null);

                /** TrackEvent name */
                name?: (string|null);

                /** TrackEvent trackUuid */
                trackUuid?: (number|null);

                /** TrackEvent categories */
                categories?: (string[]|null);

                /** TrackEvent flowIds */
                flowIds?: (number[]|null);

                /** TrackEvent terminatingFlowIds */
                terminatingFlowIds?: (number[]|null);

                /** TrackEvent nameField */
                nameField?: ("nameIid"|"name");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a TrackEvent. */
            type $Shape = {
              categoryIids?: number[]|null;
              debugAnnotations?: perfetto.protos.DebugAnnotation.$Shape[]|null;
              type?: perfetto.protos.TrackEvent.Type|null;
              nameIid?: number|null;
              name?: string|null;
              trackUuid?: number|null;
              categories?: string[]|null;
              flowIds?: number[]|null;
              terminatingFlowIds?: number[]|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ nameField?: undefined; nameIid?: null; name?: null }|{ nameField?: "nameIid"; nameIid: number; name?: null }|{ nameField?: "name"; nameIid?: null; name: string })
            );

            /** Type enum. */
            enum Type {

                /** TYPE_UNSPECIFIED value */
                TYPE_UNSPECIFIED = 0,

                /** TYPE_SLICE_BEGIN value */
                TYPE_SLICE_BEGIN = 1,

                /** TYPE_SLICE_END value */
                TYPE_SLICE_END = 2,

                /** TYPE_INSTANT value */
                TYPE_INSTANT = 3
            }
        }

        /**
         * Properties of a DebugAnnotation.
         * @deprecated Use perfetto.protos.DebugAnnotation.$Properties instead.
         */
        interface IDebugAnnotation extends perfetto.protos.DebugAnnotation.$Properties {
        }

        /** Represents a DebugAnnotation. */
        class DebugAnnotation {

            /**
             * Constructs a new DebugAnnotation.
             * @param [properties] Properties to set
             */
            constructor(properties?: perfetto.protos.DebugAnnotation.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** DebugAnnotation nameIid. */
            nameIid?: (number|null);

            /** DebugAnnotation name. */
            name?: (string|null);

            /** DebugAnnotation boolValue. */
            boolValue?: (boolean|null);

            /** DebugAnnotation uintValue. */
            uintValue?: (number|null);

            /** DebugAnnotation intValue. */
            intValue?: (number|null);

            /** DebugAnnotation stringValue. */
            stringValue?: (string|null);

            /** DebugAnnotation nameField. */
            nameField?: ("nameIid"|"name");

            /** DebugAnnotation value. */
            value?: ("boolValue"|"uintValue"|"intValue"|"stringValue");

            /**
             * Creates a new DebugAnnotation instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DebugAnnotation instance
             */
            static create(properties: perfetto.protos.DebugAnnotation.$Shape): perfetto.protos.DebugAnnotation & perfetto.protos.DebugAnnotation.$Shape;
            static create(properties?: perfetto.protos.DebugAnnotation.$Properties): perfetto.protos.DebugAnnotation;

            /**
             * Encodes the specified DebugAnnotation message. Does not implicitly {@link perfetto.protos.DebugAnnotation.verify|verify} messages.
             * @param message DebugAnnotation message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: perfetto.protos.DebugAnnotation.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DebugAnnotation message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {perfetto.protos.DebugAnnotation & perfetto.protos.DebugAnnotation.$Shape} DebugAnnotation
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): perfetto.protos.DebugAnnotation & perfetto.protos.DebugAnnotation.$Shape;

            /**
             * Gets the type url for DebugAnnotation
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace DebugAnnotation {

            /** Properties of a DebugAnnotation. */
            interface $Properties {

                /** DebugAnnotation nameIid */
                nameIid?: (number|null);

                /** DebugAnnotation name */
                name?: (string|null);

                /** DebugAnnotation boolValue */
                boolValue?: (boolean|null);

                /** DebugAnnotation uintValue */
                uintValue?: (number|null);

                /** DebugAnnotation intValue */
                intValue?: (number|null);

                /** DebugAnnotation stringValue */
                stringValue?: (string|null);

                /** DebugAnnotation nameField */
                nameField?: ("nameIid"|"name");

                /** DebugAnnotation value */
                value?: ("boolValue"|"uintValue"|"intValue"|"stringValue");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a DebugAnnotation. */
            type $Shape = {
              nameIid?: number|null;
              name?: string|null;
              boolValue?: boolean|null;
              uintValue?: number|null;
              intValue?: number|null;
              stringValue?: string|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ nameField?: undefined; nameIid?: null; name?: null }|{ nameField?: "nameIid"; nameIid: number; name?: null }|{ nameField?: "name"; nameIid?: null; name: string })
            ) & (
              ({ value?: undefined; boolValue?: null; uintValue?: null; intValue?: null; stringValue?: null }|{ value?: "boolValue"; boolValue: boolean; uintValue?: null; intValue?: null; stringValue?: null }|{ value?: "uintValue"; boolValue?: null; uintValue: number; intValue?: null; stringValue?: null }|{ value?: "intValue"; boolValue?: null; uintValue?: null; intValue: number; stringValue?: null }|{ value?: "stringValue"; boolValue?: null; uintValue?: null; intValue?: null; stringValue: string })
            );
        }

        /**
         * Properties of an InternedData.
         * @deprecated Use perfetto.protos.InternedData.$Properties instead.
         */
        interface IInternedData extends perfetto.protos.InternedData.$Properties {
        }

        /** Represents an InternedData. */
        class InternedData {

            /**
             * Constructs a new InternedData.
             * @param [properties] Properties to set
             */
            constructor(properties?: perfetto.protos.InternedData.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** InternedData eventCategories. */
            eventCategories: perfetto.protos.EventCategory.$Properties[];

            /** InternedData eventNames. */
            eventNames: perfetto.protos.EventName.$Properties[];

            /** InternedData debugAnnotationNames. */
            debugAnnotationNames: perfetto.protos.DebugAnnotationName.$Properties[];

            /**
             * Creates a new InternedData instance using the specified properties.
             * @param [properties] Properties to set
             * @returns InternedData instance
             */
            static create(properties: perfetto.protos.InternedData.$Shape): perfetto.protos.InternedData & perfetto.protos.InternedData.$Shape;
            static create(properties?: perfetto.protos.InternedData.$Properties): perfetto.protos.InternedData;

            /**
             * Encodes the specified InternedData message. Does not implicitly {@link perfetto.protos.InternedData.verify|verify} messages.
             * @param message InternedData message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: perfetto.protos.InternedData.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an InternedData message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {perfetto.protos.InternedData & perfetto.protos.InternedData.$Shape} InternedData
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): perfetto.protos.InternedData & perfetto.protos.InternedData.$Shape;

            /**
             * Gets the type url for InternedData
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace InternedData {

            /** Properties of an InternedData. */
            interface $Properties {

                /** InternedData eventCategories */
                eventCategories?: (perfetto.protos.EventCategory.$Properties[]|null);

                /** InternedData eventNames */
                eventNames?: (perfetto.protos.EventName.$Properties[]|null);

                /** InternedData debugAnnotationNames */
                debugAnnotationNames?: (perfetto.protos.DebugAnnotationName.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an InternedData. */
            type $Shape = perfetto.protos.InternedData.$Properties;
        }

        /**
         * Properties of an EventCategory.
         * @deprecated Use perfetto.protos.EventCategory.$Properties instead.
         */
        interface IEventCategory extends perfetto.protos.EventCategory.$Properties {
        }

        /** Represents an EventCategory. */
        class EventCategory {

            /**
             * Constructs a new EventCategory.
             * @param [properties] Properties to set
             */
            constructor(properties?: perfetto.protos.EventCategory.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** EventCategory iid. */
            iid: number;

            /** EventCategory name. */
            name: string;

            /**
             * Creates a new EventCategory instance using the specified properties.
             * @param [properties] Properties to set
             * @returns EventCategory instance
             */
            static create(properties: perfetto.protos.EventCategory.$Shape): perfetto.protos.EventCategory & perfetto.protos.EventCategory.$Shape;
            static create(properties?: perfetto.protos.EventCategory.$Properties): perfetto.protos.EventCategory;

            /**
             * Encodes the specified EventCategory message. Does not implicitly {@link perfetto.protos.EventCategory.verify|verify} messages.
             * @param message EventCategory message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: perfetto.protos.EventCategory.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an EventCategory message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {perfetto.protos.EventCategory & perfetto.protos.EventCategory.$Shape} EventCategory
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): perfetto.protos.EventCategory & perfetto.protos.EventCategory.$Shape;

            /**
             * Gets the type url for EventCategory
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace EventCategory {

            /** Properties of an EventCategory. */
            interface $Properties {

                /** EventCategory iid */
                iid?: (number|null);

                /** EventCategory name */
                name?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an EventCategory. */
            type $Shape = perfetto.protos.EventCategory.$Properties;
        }

        /**
         * Properties of an EventName.
         * @deprecated Use perfetto.protos.EventName.$Properties instead.
         */
        interface IEventName extends perfetto.protos.EventName.$Properties {
        }

        /** Represents an EventName. */
        class EventName {

            /**
             * Constructs a new EventName.
             * @param [properties] Properties to set
             */
            constructor(properties?: perfetto.protos.EventName.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** EventName iid. */
            iid: number;

            /** EventName name. */
            name: string;

            /**
             * Creates a new EventName instance using the specified properties.
             * @param [properties] Properties to set
             * @returns EventName instance
             */
            static create(properties: perfetto.protos.EventName.$Shape): perfetto.protos.EventName & perfetto.protos.EventName.$Shape;
            static create(properties?: perfetto.protos.EventName.$Properties): perfetto.protos.EventName;

            /**
             * Encodes the specified EventName message. Does not implicitly {@link perfetto.protos.EventName.verify|verify} messages.
             * @param message EventName message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: perfetto.protos.EventName.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an EventName message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {perfetto.protos.EventName & perfetto.protos.EventName.$Shape} EventName
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): perfetto.protos.EventName & perfetto.protos.EventName.$Shape;

            /**
             * Gets the type url for EventName
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace EventName {

            /** Properties of an EventName. */
            interface $Properties {

                /** EventName iid */
                iid?: (number|null);

                /** EventName name */
                name?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an EventName. */
            type $Shape = perfetto.protos.EventName.$Properties;
        }

        /**
         * Properties of a DebugAnnotationName.
         * @deprecated Use perfetto.protos.DebugAnnotationName.$Properties instead.
         */
        interface IDebugAnnotationName extends perfetto.protos.DebugAnnotationName.$Properties {
        }

        /** Represents a DebugAnnotationName. */
        class DebugAnnotationName {

            /**
             * Constructs a new DebugAnnotationName.
             * @param [properties] Properties to set
             */
            constructor(properties?: perfetto.protos.DebugAnnotationName.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** DebugAnnotationName iid. */
            iid: number;

            /** DebugAnnotationName name. */
            name: string;

            /**
             * Creates a new DebugAnnotationName instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DebugAnnotationName instance
             */
            static create(properties: perfetto.protos.DebugAnnotationName.$Shape): perfetto.protos.DebugAnnotationName & perfetto.protos.DebugAnnotationName.$Shape;
            static create(properties?: perfetto.protos.DebugAnnotationName.$Properties): perfetto.protos.DebugAnnotationName;

            /**
             * Encodes the specified DebugAnnotationName message. Does not implicitly {@link perfetto.protos.DebugAnnotationName.verify|verify} messages.
             * @param message DebugAnnotationName message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: perfetto.protos.DebugAnnotationName.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DebugAnnotationName message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {perfetto.protos.DebugAnnotationName & perfetto.protos.DebugAnnotationName.$Shape} DebugAnnotationName
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): perfetto.protos.DebugAnnotationName & perfetto.protos.DebugAnnotationName.$Shape;

            /**
             * Gets the type url for DebugAnnotationName
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace DebugAnnotationName {

            /** Properties of a DebugAnnotationName. */
            interface $Properties {

                /** DebugAnnotationName iid */
                iid?: (number|null);

                /** DebugAnnotationName name */
                name?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a DebugAnnotationName. */
            type $Shape = perfetto.protos.DebugAnnotationName.$Properties;
        }
    }
}
