export { pb, ProcessEventKind, type Header, type Trailer, type ProcessState, type Batch, type ProcessEventMessage } from './proto.js';
export * from './events.js';
export { batchEvents, type BatchVisitor, RawCall, SyscallCursor, walkBatch } from './walk.js';
export { BatchBuilder, type Int64 } from './batch-builder.js';
export * from './trace-file.js';
export * from './syscalls.js';
export { BatchDecoder, batchesIn, columnsOf, decodeBatch, readTraceColumns, type BatchColumns, type ReadColumnsOptions, type TraceColumnsRecord } from './batch-decoder.js';
export { type Progress, ProgressLine } from './progress.js';
export { batchWithoutCapturedData, captureSpecHoldsData, type CaptureRef, isCapturedData, withoutCapturedData } from './captured-data.js';
export {
  createPrivateWriteStream, makePrivateDir, openPrivateFile, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, type PrivateOpenFlags, writePrivateFile,
} from './private-output.js';
export { WireError, WireReader, WireType, type WireProblemCode } from './wire.js';
export { Bytes as ProtoBytes } from './proto-bytes.js';
export {
  type CallStatus, changesState, CLASS_SETS, FilterSyntaxError, parseStatusSet, parseTraceSet, stateCaptures, STATUSES, type TraceFilter,
  traceSetHas,
} from './call-filter.js';
