// @beetrace/analyze/decode: the one decoded stream alone (the decoder, its trace model, the
// printing helpers), without the views built on it (bt-show's renderer, bt-diff, the exports,
// the report). A consumer that only decodes, such as the store's decode worker, which starts
// with every trace it reads, loads these modules and no more.
export { decodeTrace, decodeTraceChunks, type DecodeTraceOptions, type TraceItem, TraceDecoder } from './trace.js';
export {
  Decoder, type DecodedEvent, type DecodedProcessEvent, type DecodedSyscall, errnoName, errnoNames, errnoText, siginfo,
} from './decode.js';
export { type DecodeOptions } from './call.js';
export {
  capturedBytes, capturedString, type FdEntry, type FileKind, OpenFile, ProcessModel, ThreadModel, TraceModel,
} from './model.js';
export { sockaddrText, socketFamilyName, socketTypeName } from './sockaddr.js';
export { signalName } from './structs.js';
export { quote, printBuffer, printCString, printPath, type TextOptions } from './text.js';
