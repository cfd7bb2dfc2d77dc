export { pb, ProcessEventKind, type Header, type Trailer, type Batch, type ProcessEventMessage } from './proto.js';
export * from './events.js';
export { batchEvents, type BatchVisitor, RawCall, SyscallCursor, walkBatch } from './walk.js';
export { BatchBuilder, type Int64 } from './batch-builder.js';
export * from './trace-file.js';
export * from './syscalls.js';
export { BatchDecoder, batchesIn, columnsOf, decodeBatch, readTraceColumns, type BatchColumns, type ReadColumnsOptions, type TraceColumnsRecord } from './batch-decoder.js';
export { type Progress, ProgressLine } from './progress.js';
