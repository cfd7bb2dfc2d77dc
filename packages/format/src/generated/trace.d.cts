// Generated from proto/trace.proto by scripts/generate-proto.mjs. Do not edit.
import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace beetrace. */
export namespace beetrace {

    /** Namespace trace. */
    namespace trace {

        /** Namespace v1. */
        namespace v1 {

            /**
             * Properties of a Record.
             * @deprecated Use beetrace.trace.v1.Record.$Properties instead.
             */
            interface IRecord extends beetrace.trace.v1.Record.$Properties {
            }

            /** Represents a Record. */
            class Record {

                /**
                 * Constructs a new Record.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: beetrace.trace.v1.Record.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Record header. */
                header?: (beetrace.trace.v1.Header.$Properties|null);

                /** Record batch. */
                batch?: (beetrace.trace.v1.Batch.$Properties|null);

                /** Record trailer. */
                trailer?: (beetrace.trace.v1.Trailer.$Properties|null);

                /** Record body. */
                body?: ("header"|"batch"|"trailer");

                /**
                 * Creates a new Record instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Record instance
                 */
                static create(properties: beetrace.trace.v1.Record.$Shape): beetrace.trace.v1.Record & beetrace.trace.v1.Record.$Shape;
                static create(properties?: beetrace.trace.v1.Record.$Properties): beetrace.trace.v1.Record;

                /**
                 * Encodes the specified Record message. Does not implicitly {@link beetrace.trace.v1.Record.verify|verify} messages.
                 * @param message Record message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: beetrace.trace.v1.Record.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified Record message, length delimited. Does not implicitly {@link beetrace.trace.v1.Record.verify|verify} messages.
                 * @param message Record message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encodeDelimited(message: beetrace.trace.v1.Record.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Record message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {beetrace.trace.v1.Record & beetrace.trace.v1.Record.$Shape} Record
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): beetrace.trace.v1.Record & beetrace.trace.v1.Record.$Shape;

                /**
                 * Decodes a Record message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns {beetrace.trace.v1.Record & beetrace.trace.v1.Record.$Shape} Record
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): beetrace.trace.v1.Record & beetrace.trace.v1.Record.$Shape;

                /**
                 * Gets the type url for Record
                 * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns The type url
                 */
                static getTypeUrl(prefix?: string): string;
            }

            namespace Record {

                /** Properties of a Record. */
                interface $Properties {

                    /** Record header */
                    header?: (beetrace.trace.v1.Header.$Properties|null);

                    /** Record batch */
                    batch?: (beetrace.trace.v1.Batch.$Properties|null);

                    /** Record trailer */
                    trailer?: (beetrace.trace.v1.Trailer.$Properties|null);

                    /** Record body */
                    body?: ("header"|"batch"|"trailer");

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Narrowed shape of a Record. */
                type $Shape = {
                  header?: beetrace.trace.v1.Header.$Shape|null;
                  batch?: beetrace.trace.v1.Batch.$Shape|null;
                  trailer?: beetrace.trace.v1.Trailer.$Shape|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ body?: undefined; header?: null; batch?: null; trailer?: null }|{ body?: "header"; header: beetrace.trace.v1.Header.$Shape; batch?: null; trailer?: null }|{ body?: "batch"; header?: null; batch: beetrace.trace.v1.Batch.$Shape; trailer?: null }|{ body?: "trailer"; header?: null; batch?: null; trailer: beetrace.trace.v1.Trailer.$Shape })
                );
            }

            /**
             * Properties of a Header.
             * @deprecated Use beetrace.trace.v1.Header.$Properties instead.
             */
            interface IHeader extends beetrace.trace.v1.Header.$Properties {
            }

            /** Represents a Header. */
            class Header {

                /**
                 * Constructs a new Header.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: beetrace.trace.v1.Header.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Header magic. */
                magic: string;

                /** Header formatVersion. */
                formatVersion: number;

                /** Header recorderVersion. */
                recorderVersion: string;

                /** Header kernelRelease. */
                kernelRelease: string;

                /** Header arch. */
                arch: string;

                /** Header hostname. */
                hostname: string;

                /** Header monotonicNs. */
                monotonicNs: number;

                /** Header realtimeNs. */
                realtimeNs: number;

                /** Header argv. */
                argv: string[];

                /** Header cwd. */
                cwd: string;

                /** Header rootPid. */
                rootPid: number;

                /** Header attached. */
                attached: boolean;

                /** Header capture. */
                capture?: (beetrace.trace.v1.CaptureSettings.$Properties|null);

                /** Header syscallAbi. */
                syscallAbi: string;

                /** Header processes. */
                processes: beetrace.trace.v1.ProcessState.$Properties[];

                /** Header completeFromNs. */
                completeFromNs: number;

                /** Header droppedRecords. */
                droppedRecords: number;

                /** Header droppedFromNs. */
                droppedFromNs: number;

                /** Header sequence. */
                sequence: number;

                /** Header filter. */
                filter?: (beetrace.trace.v1.CallFilter.$Properties|null);

                /** Header cgroup. */
                cgroup: string;

                /** Header container. */
                container: string;

                /**
                 * Creates a new Header instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Header instance
                 */
                static create(properties: beetrace.trace.v1.Header.$Shape): beetrace.trace.v1.Header & beetrace.trace.v1.Header.$Shape;
                static create(properties?: beetrace.trace.v1.Header.$Properties): beetrace.trace.v1.Header;

                /**
                 * Encodes the specified Header message. Does not implicitly {@link beetrace.trace.v1.Header.verify|verify} messages.
                 * @param message Header message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: beetrace.trace.v1.Header.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified Header message, length delimited. Does not implicitly {@link beetrace.trace.v1.Header.verify|verify} messages.
                 * @param message Header message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encodeDelimited(message: beetrace.trace.v1.Header.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Header message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {beetrace.trace.v1.Header & beetrace.trace.v1.Header.$Shape} Header
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): beetrace.trace.v1.Header & beetrace.trace.v1.Header.$Shape;

                /**
                 * Decodes a Header message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns {beetrace.trace.v1.Header & beetrace.trace.v1.Header.$Shape} Header
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): beetrace.trace.v1.Header & beetrace.trace.v1.Header.$Shape;

                /**
                 * Gets the type url for Header
                 * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns The type url
                 */
                static getTypeUrl(prefix?: string): string;
            }

            namespace Header {

                /** Properties of a Header. */
                interface $Properties {

                    /** Header magic */
                    magic?: (string|null);

                    /** Header formatVersion */
                    formatVersion?: (number|null);

                    /** Header recorderVersion */
                    recorderVersion?: (string|null);

                    /** Header kernelRelease */
                    kernelRelease?: (string|null);

                    /** Header arch */
                    arch?: (string|null);

                    /** Header hostname */
                    hostname?: (string|null);

                    /** Header monotonicNs */
                    monotonicNs?: (number|null);

                    /** Header realtimeNs */
                    realtimeNs?: (number|null);

                    /** Header argv */
                    argv?: (string[]|null);

                    /** Header cwd */
                    cwd?: (string|null);

                    /** Header rootPid */
                    rootPid?: (number|null);

                    /** Header attached */
                    attached?: (boolean|null);

                    /** Header capture */
                    capture?: (beetrace.trace.v1.CaptureSettings.$Properties|null);

                    /** Header syscallAbi */
                    syscallAbi?: (string|null);

                    /** Header processes */
                    processes?: (beetrace.trace.v1.ProcessState.$Properties[]|null);

                    /** Header completeFromNs */
                    completeFromNs?: (number|null);

                    /** Header droppedRecords */
                    droppedRecords?: (number|null);

                    /** Header droppedFromNs */
                    droppedFromNs?: (number|null);

                    /** Header sequence */
                    sequence?: (number|null);

                    /** Header filter */
                    filter?: (beetrace.trace.v1.CallFilter.$Properties|null);

                    /** Header cgroup */
                    cgroup?: (string|null);

                    /** Header container */
                    container?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Header. */
                type $Shape = beetrace.trace.v1.Header.$Properties;
            }

            /**
             * Properties of a CaptureSettings.
             * @deprecated Use beetrace.trace.v1.CaptureSettings.$Properties instead.
             */
            interface ICaptureSettings extends beetrace.trace.v1.CaptureSettings.$Properties {
            }

            /** Represents a CaptureSettings. */
            class CaptureSettings {

                /**
                 * Constructs a new CaptureSettings.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: beetrace.trace.v1.CaptureSettings.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** CaptureSettings stringMax. */
                stringMax: number;

                /** CaptureSettings bufferMax. */
                bufferMax: number;

                /** CaptureSettings buffers. */
                buffers: boolean;

                /** CaptureSettings ringBytes. */
                ringBytes: number;

                /**
                 * Creates a new CaptureSettings instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns CaptureSettings instance
                 */
                static create(properties: beetrace.trace.v1.CaptureSettings.$Shape): beetrace.trace.v1.CaptureSettings & beetrace.trace.v1.CaptureSettings.$Shape;
                static create(properties?: beetrace.trace.v1.CaptureSettings.$Properties): beetrace.trace.v1.CaptureSettings;

                /**
                 * Encodes the specified CaptureSettings message. Does not implicitly {@link beetrace.trace.v1.CaptureSettings.verify|verify} messages.
                 * @param message CaptureSettings message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: beetrace.trace.v1.CaptureSettings.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified CaptureSettings message, length delimited. Does not implicitly {@link beetrace.trace.v1.CaptureSettings.verify|verify} messages.
                 * @param message CaptureSettings message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encodeDelimited(message: beetrace.trace.v1.CaptureSettings.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a CaptureSettings message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {beetrace.trace.v1.CaptureSettings & beetrace.trace.v1.CaptureSettings.$Shape} CaptureSettings
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): beetrace.trace.v1.CaptureSettings & beetrace.trace.v1.CaptureSettings.$Shape;

                /**
                 * Decodes a CaptureSettings message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns {beetrace.trace.v1.CaptureSettings & beetrace.trace.v1.CaptureSettings.$Shape} CaptureSettings
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): beetrace.trace.v1.CaptureSettings & beetrace.trace.v1.CaptureSettings.$Shape;

                /**
                 * Gets the type url for CaptureSettings
                 * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns The type url
                 */
                static getTypeUrl(prefix?: string): string;
            }

            namespace CaptureSettings {

                /** Properties of a CaptureSettings. */
                interface $Properties {

                    /** CaptureSettings stringMax */
                    stringMax?: (number|null);

                    /** CaptureSettings bufferMax */
                    bufferMax?: (number|null);

                    /** CaptureSettings buffers */
                    buffers?: (boolean|null);

                    /** CaptureSettings ringBytes */
                    ringBytes?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a CaptureSettings. */
                type $Shape = beetrace.trace.v1.CaptureSettings.$Properties;
            }

            /**
             * Properties of a Batch.
             * @deprecated Use beetrace.trace.v1.Batch.$Properties instead.
             */
            interface IBatch extends beetrace.trace.v1.Batch.$Properties {
            }

            /** Represents a Batch. */
            class Batch {

                /**
                 * Constructs a new Batch.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: beetrace.trace.v1.Batch.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Batch baseNs. */
                baseNs: number;

                /** Batch scTid. */
                scTid: number[];

                /** Batch scPid. */
                scPid: number[];

                /** Batch scNr. */
                scNr: number[];

                /** Batch scExitDeltaNs. */
                scExitDeltaNs: number[];

                /** Batch scDurationNs. */
                scDurationNs: number[];

                /** Batch scRet. */
                scRet: number[];

                /** Batch scArg0. */
                scArg0: number[];

                /** Batch scArg1. */
                scArg1: number[];

                /** Batch scArg2. */
                scArg2: number[];

                /** Batch scArg3. */
                scArg3: number[];

                /** Batch scArg4. */
                scArg4: number[];

                /** Batch scArg5. */
                scArg5: number[];

                /** Batch scFlags. */
                scFlags: number[];

                /** Batch capSyscall. */
                capSyscall: number[];

                /** Batch capInfo. */
                capInfo: number[];

                /** Batch capLen. */
                capLen: number[];

                /** Batch capData. */
                capData: Uint8Array;

                /** Batch processEvents. */
                processEvents: beetrace.trace.v1.ProcessEvent.$Properties[];

                /** Batch scTidDelta. */
                scTidDelta: number[];

                /** Batch scTidMinusPid. */
                scTidMinusPid: number[];

                /**
                 * Creates a new Batch instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Batch instance
                 */
                static create(properties: beetrace.trace.v1.Batch.$Shape): beetrace.trace.v1.Batch & beetrace.trace.v1.Batch.$Shape;
                static create(properties?: beetrace.trace.v1.Batch.$Properties): beetrace.trace.v1.Batch;

                /**
                 * Encodes the specified Batch message. Does not implicitly {@link beetrace.trace.v1.Batch.verify|verify} messages.
                 * @param message Batch message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: beetrace.trace.v1.Batch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified Batch message, length delimited. Does not implicitly {@link beetrace.trace.v1.Batch.verify|verify} messages.
                 * @param message Batch message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encodeDelimited(message: beetrace.trace.v1.Batch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Batch message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {beetrace.trace.v1.Batch & beetrace.trace.v1.Batch.$Shape} Batch
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): beetrace.trace.v1.Batch & beetrace.trace.v1.Batch.$Shape;

                /**
                 * Decodes a Batch message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns {beetrace.trace.v1.Batch & beetrace.trace.v1.Batch.$Shape} Batch
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): beetrace.trace.v1.Batch & beetrace.trace.v1.Batch.$Shape;

                /**
                 * Gets the type url for Batch
                 * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns The type url
                 */
                static getTypeUrl(prefix?: string): string;
            }

            namespace Batch {

                /** Properties of a Batch. */
                interface $Properties {

                    /** Batch baseNs */
                    baseNs?: (number|null);

                    /** Batch scTid */
                    scTid?: (number[]|null);

                    /** Batch scPid */
                    scPid?: (number[]|null);

                    /** Batch scNr */
                    scNr?: (number[]|null);

                    /** Batch scExitDeltaNs */
                    scExitDeltaNs?: (number[]|null);

                    /** Batch scDurationNs */
                    scDurationNs?: (number[]|null);

                    /** Batch scRet */
                    scRet?: (number[]|null);

                    /** Batch scArg0 */
                    scArg0?: (number[]|null);

                    /** Batch scArg1 */
                    scArg1?: (number[]|null);

                    /** Batch scArg2 */
                    scArg2?: (number[]|null);

                    /** Batch scArg3 */
                    scArg3?: (number[]|null);

                    /** Batch scArg4 */
                    scArg4?: (number[]|null);

                    /** Batch scArg5 */
                    scArg5?: (number[]|null);

                    /** Batch scFlags */
                    scFlags?: (number[]|null);

                    /** Batch capSyscall */
                    capSyscall?: (number[]|null);

                    /** Batch capInfo */
                    capInfo?: (number[]|null);

                    /** Batch capLen */
                    capLen?: (number[]|null);

                    /** Batch capData */
                    capData?: (Uint8Array|null);

                    /** Batch processEvents */
                    processEvents?: (beetrace.trace.v1.ProcessEvent.$Properties[]|null);

                    /** Batch scTidDelta */
                    scTidDelta?: (number[]|null);

                    /** Batch scTidMinusPid */
                    scTidMinusPid?: (number[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Batch. */
                type $Shape = beetrace.trace.v1.Batch.$Properties;
            }

            /** SyscallFlag enum. */
            enum SyscallFlag {

                /** SYSCALL_FLAG_NONE value */
                SYSCALL_FLAG_NONE = 0,

                /** SYSCALL_FLAG_UNFINISHED value */
                SYSCALL_FLAG_UNFINISHED = 1,

                /** SYSCALL_FLAG_NO_ENTRY value */
                SYSCALL_FLAG_NO_ENTRY = 2,

                /** SYSCALL_FLAG_STATE_ONLY value */
                SYSCALL_FLAG_STATE_ONLY = 4
            }

            /** CaptureFlag enum. */
            enum CaptureFlag {

                /** CAPTURE_FLAG_NONE value */
                CAPTURE_FLAG_NONE = 0,

                /** CAPTURE_FLAG_TRUNCATED value */
                CAPTURE_FLAG_TRUNCATED = 1,

                /** CAPTURE_FLAG_FAULT value */
                CAPTURE_FLAG_FAULT = 2,

                /** CAPTURE_FLAG_AT_EXIT value */
                CAPTURE_FLAG_AT_EXIT = 4,

                /** CAPTURE_FLAG_ELEMENT value */
                CAPTURE_FLAG_ELEMENT = 8
            }

            /**
             * Properties of a ProcessEvent.
             * @deprecated Use beetrace.trace.v1.ProcessEvent.$Properties instead.
             */
            interface IProcessEvent extends beetrace.trace.v1.ProcessEvent.$Properties {
            }

            /** Represents a ProcessEvent. */
            class ProcessEvent {

                /**
                 * Constructs a new ProcessEvent.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: beetrace.trace.v1.ProcessEvent.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ProcessEvent kind. */
                kind: beetrace.trace.v1.ProcessEvent.Kind;

                /** ProcessEvent position. */
                position: number;

                /** ProcessEvent tsNs. */
                tsNs: number;

                /** ProcessEvent pid. */
                pid: number;

                /** ProcessEvent tid. */
                tid: number;

                /** ProcessEvent parentPid. */
                parentPid: number;

                /** ProcessEvent parentTid. */
                parentTid: number;

                /** ProcessEvent filename. */
                filename: string;

                /** ProcessEvent oldTid. */
                oldTid: number;

                /** ProcessEvent exitCode. */
                exitCode: number;

                /** ProcessEvent groupDead. */
                groupDead: boolean;

                /** ProcessEvent signo. */
                signo: number;

                /** ProcessEvent siginfo. */
                siginfo: Uint8Array;

                /** ProcessEvent thread. */
                thread: boolean;

                /** ProcessEvent ignored. */
                ignored: boolean;

                /** ProcessEvent nsPid. */
                nsPid: number;

                /** ProcessEvent nsTid. */
                nsTid: number;

                /** ProcessEvent pidnsLevel. */
                pidnsLevel: number;

                /** ProcessEvent pidnsInode. */
                pidnsInode: number;

                /**
                 * Creates a new ProcessEvent instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns ProcessEvent instance
                 */
                static create(properties: beetrace.trace.v1.ProcessEvent.$Shape): beetrace.trace.v1.ProcessEvent & beetrace.trace.v1.ProcessEvent.$Shape;
                static create(properties?: beetrace.trace.v1.ProcessEvent.$Properties): beetrace.trace.v1.ProcessEvent;

                /**
                 * Encodes the specified ProcessEvent message. Does not implicitly {@link beetrace.trace.v1.ProcessEvent.verify|verify} messages.
                 * @param message ProcessEvent message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: beetrace.trace.v1.ProcessEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified ProcessEvent message, length delimited. Does not implicitly {@link beetrace.trace.v1.ProcessEvent.verify|verify} messages.
                 * @param message ProcessEvent message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encodeDelimited(message: beetrace.trace.v1.ProcessEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ProcessEvent message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {beetrace.trace.v1.ProcessEvent & beetrace.trace.v1.ProcessEvent.$Shape} ProcessEvent
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): beetrace.trace.v1.ProcessEvent & beetrace.trace.v1.ProcessEvent.$Shape;

                /**
                 * Decodes a ProcessEvent message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns {beetrace.trace.v1.ProcessEvent & beetrace.trace.v1.ProcessEvent.$Shape} ProcessEvent
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): beetrace.trace.v1.ProcessEvent & beetrace.trace.v1.ProcessEvent.$Shape;

                /**
                 * Gets the type url for ProcessEvent
                 * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns The type url
                 */
                static getTypeUrl(prefix?: string): string;
            }

            namespace ProcessEvent {

                /** Properties of a ProcessEvent. */
                interface $Properties {

                    /** ProcessEvent kind */
                    kind?: (beetrace.trace.v1.ProcessEvent.Kind|null);

                    /** ProcessEvent position */
                    position?: (number|null);

                    /** ProcessEvent tsNs */
                    tsNs?: (number|null);

                    /** ProcessEvent pid */
                    pid?: (number|null);

                    /** ProcessEvent tid */
                    tid?: (number|null);

                    /** ProcessEvent parentPid */
                    parentPid?: (number|null);

                    /** ProcessEvent parentTid */
                    parentTid?: (number|null);

                    /** ProcessEvent filename */
                    filename?: (string|null);

                    /** ProcessEvent oldTid */
                    oldTid?: (number|null);

                    /** ProcessEvent exitCode */
                    exitCode?: (number|null);

                    /** ProcessEvent groupDead */
                    groupDead?: (boolean|null);

                    /** ProcessEvent signo */
                    signo?: (number|null);

                    /** ProcessEvent siginfo */
                    siginfo?: (Uint8Array|null);

                    /** ProcessEvent thread */
                    thread?: (boolean|null);

                    /** ProcessEvent ignored */
                    ignored?: (boolean|null);

                    /** ProcessEvent nsPid */
                    nsPid?: (number|null);

                    /** ProcessEvent nsTid */
                    nsTid?: (number|null);

                    /** ProcessEvent pidnsLevel */
                    pidnsLevel?: (number|null);

                    /** ProcessEvent pidnsInode */
                    pidnsInode?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ProcessEvent. */
                type $Shape = beetrace.trace.v1.ProcessEvent.$Properties;

                /** Kind enum. */
                enum Kind {

                    /** KIND_UNSPECIFIED value */
                    KIND_UNSPECIFIED = 0,

                    /** FORK value */
                    FORK = 1,

                    /** EXEC value */
                    EXEC = 2,

                    /** EXIT value */
                    EXIT = 3,

                    /** SIGNAL value */
                    SIGNAL = 4
                }
            }

            /**
             * Properties of a Trailer.
             * @deprecated Use beetrace.trace.v1.Trailer.$Properties instead.
             */
            interface ITrailer extends beetrace.trace.v1.Trailer.$Properties {
            }

            /** Represents a Trailer. */
            class Trailer {

                /**
                 * Constructs a new Trailer.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: beetrace.trace.v1.Trailer.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Trailer syscalls. */
                syscalls: number;

                /** Trailer processEvents. */
                processEvents: number;

                /** Trailer processes. */
                processes: number;

                /** Trailer lostPerCpu. */
                lostPerCpu: number[];

                /** Trailer programExited. */
                programExited: boolean;

                /** Trailer exitCode. */
                exitCode: number;

                /** Trailer termSignal. */
                termSignal: number;

                /** Trailer endMonotonicNs. */
                endMonotonicNs: number;

                /** Trailer endRealtimeNs. */
                endRealtimeNs: number;

                /** Trailer unfinished. */
                unfinished: number;

                /** Trailer bytes. */
                bytes: number;

                /** Trailer stopReason. */
                stopReason: string;

                /** Trailer coreDumped. */
                coreDumped: boolean;

                /** Trailer stateCalls. */
                stateCalls: number;

                /**
                 * Creates a new Trailer instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Trailer instance
                 */
                static create(properties: beetrace.trace.v1.Trailer.$Shape): beetrace.trace.v1.Trailer & beetrace.trace.v1.Trailer.$Shape;
                static create(properties?: beetrace.trace.v1.Trailer.$Properties): beetrace.trace.v1.Trailer;

                /**
                 * Encodes the specified Trailer message. Does not implicitly {@link beetrace.trace.v1.Trailer.verify|verify} messages.
                 * @param message Trailer message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: beetrace.trace.v1.Trailer.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified Trailer message, length delimited. Does not implicitly {@link beetrace.trace.v1.Trailer.verify|verify} messages.
                 * @param message Trailer message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encodeDelimited(message: beetrace.trace.v1.Trailer.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Trailer message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {beetrace.trace.v1.Trailer & beetrace.trace.v1.Trailer.$Shape} Trailer
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): beetrace.trace.v1.Trailer & beetrace.trace.v1.Trailer.$Shape;

                /**
                 * Decodes a Trailer message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns {beetrace.trace.v1.Trailer & beetrace.trace.v1.Trailer.$Shape} Trailer
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): beetrace.trace.v1.Trailer & beetrace.trace.v1.Trailer.$Shape;

                /**
                 * Gets the type url for Trailer
                 * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns The type url
                 */
                static getTypeUrl(prefix?: string): string;
            }

            namespace Trailer {

                /** Properties of a Trailer. */
                interface $Properties {

                    /** Trailer syscalls */
                    syscalls?: (number|null);

                    /** Trailer processEvents */
                    processEvents?: (number|null);

                    /** Trailer processes */
                    processes?: (number|null);

                    /** Trailer lostPerCpu */
                    lostPerCpu?: (number[]|null);

                    /** Trailer programExited */
                    programExited?: (boolean|null);

                    /** Trailer exitCode */
                    exitCode?: (number|null);

                    /** Trailer termSignal */
                    termSignal?: (number|null);

                    /** Trailer endMonotonicNs */
                    endMonotonicNs?: (number|null);

                    /** Trailer endRealtimeNs */
                    endRealtimeNs?: (number|null);

                    /** Trailer unfinished */
                    unfinished?: (number|null);

                    /** Trailer bytes */
                    bytes?: (number|null);

                    /** Trailer stopReason */
                    stopReason?: (string|null);

                    /** Trailer coreDumped */
                    coreDumped?: (boolean|null);

                    /** Trailer stateCalls */
                    stateCalls?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Trailer. */
                type $Shape = beetrace.trace.v1.Trailer.$Properties;
            }

            /**
             * Properties of a ProcessState.
             * @deprecated Use beetrace.trace.v1.ProcessState.$Properties instead.
             */
            interface IProcessState extends beetrace.trace.v1.ProcessState.$Properties {
            }

            /** Represents a ProcessState. */
            class ProcessState {

                /**
                 * Constructs a new ProcessState.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: beetrace.trace.v1.ProcessState.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ProcessState pid. */
                pid: number;

                /** ProcessState ppid. */
                ppid: number;

                /** ProcessState nsPids. */
                nsPids: number[];

                /** ProcessState pidnsInode. */
                pidnsInode: number;

                /** ProcessState exe. */
                exe: string;

                /** ProcessState argv. */
                argv: string[];

                /** ProcessState cwd. */
                cwd: string;

                /** ProcessState fds. */
                fds: beetrace.trace.v1.FdState.$Properties[];

                /** ProcessState tids. */
                tids: number[];

                /** ProcessState nsTids. */
                nsTids: number[];

                /**
                 * Creates a new ProcessState instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns ProcessState instance
                 */
                static create(properties: beetrace.trace.v1.ProcessState.$Shape): beetrace.trace.v1.ProcessState & beetrace.trace.v1.ProcessState.$Shape;
                static create(properties?: beetrace.trace.v1.ProcessState.$Properties): beetrace.trace.v1.ProcessState;

                /**
                 * Encodes the specified ProcessState message. Does not implicitly {@link beetrace.trace.v1.ProcessState.verify|verify} messages.
                 * @param message ProcessState message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: beetrace.trace.v1.ProcessState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified ProcessState message, length delimited. Does not implicitly {@link beetrace.trace.v1.ProcessState.verify|verify} messages.
                 * @param message ProcessState message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encodeDelimited(message: beetrace.trace.v1.ProcessState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ProcessState message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {beetrace.trace.v1.ProcessState & beetrace.trace.v1.ProcessState.$Shape} ProcessState
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): beetrace.trace.v1.ProcessState & beetrace.trace.v1.ProcessState.$Shape;

                /**
                 * Decodes a ProcessState message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns {beetrace.trace.v1.ProcessState & beetrace.trace.v1.ProcessState.$Shape} ProcessState
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): beetrace.trace.v1.ProcessState & beetrace.trace.v1.ProcessState.$Shape;

                /**
                 * Gets the type url for ProcessState
                 * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns The type url
                 */
                static getTypeUrl(prefix?: string): string;
            }

            namespace ProcessState {

                /** Properties of a ProcessState. */
                interface $Properties {

                    /** ProcessState pid */
                    pid?: (number|null);

                    /** ProcessState ppid */
                    ppid?: (number|null);

                    /** ProcessState nsPids */
                    nsPids?: (number[]|null);

                    /** ProcessState pidnsInode */
                    pidnsInode?: (number|null);

                    /** ProcessState exe */
                    exe?: (string|null);

                    /** ProcessState argv */
                    argv?: (string[]|null);

                    /** ProcessState cwd */
                    cwd?: (string|null);

                    /** ProcessState fds */
                    fds?: (beetrace.trace.v1.FdState.$Properties[]|null);

                    /** ProcessState tids */
                    tids?: (number[]|null);

                    /** ProcessState nsTids */
                    nsTids?: (number[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ProcessState. */
                type $Shape = beetrace.trace.v1.ProcessState.$Properties;
            }

            /**
             * Properties of a FdState.
             * @deprecated Use beetrace.trace.v1.FdState.$Properties instead.
             */
            interface IFdState extends beetrace.trace.v1.FdState.$Properties {
            }

            /** Represents a FdState. */
            class FdState {

                /**
                 * Constructs a new FdState.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: beetrace.trace.v1.FdState.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** FdState fd. */
                fd: number;

                /** FdState target. */
                target: string;

                /** FdState flags. */
                flags: number;

                /**
                 * Creates a new FdState instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns FdState instance
                 */
                static create(properties: beetrace.trace.v1.FdState.$Shape): beetrace.trace.v1.FdState & beetrace.trace.v1.FdState.$Shape;
                static create(properties?: beetrace.trace.v1.FdState.$Properties): beetrace.trace.v1.FdState;

                /**
                 * Encodes the specified FdState message. Does not implicitly {@link beetrace.trace.v1.FdState.verify|verify} messages.
                 * @param message FdState message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: beetrace.trace.v1.FdState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified FdState message, length delimited. Does not implicitly {@link beetrace.trace.v1.FdState.verify|verify} messages.
                 * @param message FdState message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encodeDelimited(message: beetrace.trace.v1.FdState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a FdState message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {beetrace.trace.v1.FdState & beetrace.trace.v1.FdState.$Shape} FdState
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): beetrace.trace.v1.FdState & beetrace.trace.v1.FdState.$Shape;

                /**
                 * Decodes a FdState message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns {beetrace.trace.v1.FdState & beetrace.trace.v1.FdState.$Shape} FdState
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): beetrace.trace.v1.FdState & beetrace.trace.v1.FdState.$Shape;

                /**
                 * Gets the type url for FdState
                 * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns The type url
                 */
                static getTypeUrl(prefix?: string): string;
            }

            namespace FdState {

                /** Properties of a FdState. */
                interface $Properties {

                    /** FdState fd */
                    fd?: (number|null);

                    /** FdState target */
                    target?: (string|null);

                    /** FdState flags */
                    flags?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a FdState. */
                type $Shape = beetrace.trace.v1.FdState.$Properties;
            }

            /**
             * Properties of a CallFilter.
             * @deprecated Use beetrace.trace.v1.CallFilter.$Properties instead.
             */
            interface ICallFilter extends beetrace.trace.v1.CallFilter.$Properties {
            }

            /** Represents a CallFilter. */
            class CallFilter {

                /**
                 * Constructs a new CallFilter.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: beetrace.trace.v1.CallFilter.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** CallFilter expressions. */
                expressions: string[];

                /** CallFilter syscalls. */
                syscalls: number[];

                /** CallFilter statuses. */
                statuses: string[];

                /**
                 * Creates a new CallFilter instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns CallFilter instance
                 */
                static create(properties: beetrace.trace.v1.CallFilter.$Shape): beetrace.trace.v1.CallFilter & beetrace.trace.v1.CallFilter.$Shape;
                static create(properties?: beetrace.trace.v1.CallFilter.$Properties): beetrace.trace.v1.CallFilter;

                /**
                 * Encodes the specified CallFilter message. Does not implicitly {@link beetrace.trace.v1.CallFilter.verify|verify} messages.
                 * @param message CallFilter message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: beetrace.trace.v1.CallFilter.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Encodes the specified CallFilter message, length delimited. Does not implicitly {@link beetrace.trace.v1.CallFilter.verify|verify} messages.
                 * @param message CallFilter message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encodeDelimited(message: beetrace.trace.v1.CallFilter.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a CallFilter message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {beetrace.trace.v1.CallFilter & beetrace.trace.v1.CallFilter.$Shape} CallFilter
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): beetrace.trace.v1.CallFilter & beetrace.trace.v1.CallFilter.$Shape;

                /**
                 * Decodes a CallFilter message from the specified reader or buffer, length delimited.
                 * @param reader Reader or buffer to decode from
                 * @returns {beetrace.trace.v1.CallFilter & beetrace.trace.v1.CallFilter.$Shape} CallFilter
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): beetrace.trace.v1.CallFilter & beetrace.trace.v1.CallFilter.$Shape;

                /**
                 * Gets the type url for CallFilter
                 * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns The type url
                 */
                static getTypeUrl(prefix?: string): string;
            }

            namespace CallFilter {

                /** Properties of a CallFilter. */
                interface $Properties {

                    /** CallFilter expressions */
                    expressions?: (string[]|null);

                    /** CallFilter syscalls */
                    syscalls?: (number[]|null);

                    /** CallFilter statuses */
                    statuses?: (string[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a CallFilter. */
                type $Shape = beetrace.trace.v1.CallFilter.$Properties;
            }
        }
    }
}
