export { pb, ProcessEventKind, type Header, type Trailer, type Batch, type ProcessEventMessage } from './proto.js';
export * from './events.js';
export { BatchBuilder } from './batch-builder.js';
export * from './trace-file.js';
export * from './syscalls.js';
