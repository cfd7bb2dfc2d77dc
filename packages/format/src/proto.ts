// The generated protobufjs module, configured once: 64-bit fields decode to plain
// numbers (exact up to 2^53, which covers timestamps, pointers and small negative
// values) instead of Long objects, which are several times slower to decode.
import protobuf from 'protobufjs/minimal.js';
import generated from './generated/trace.cjs';

protobuf.util.Long = undefined as unknown as typeof protobuf.util.Long;
protobuf.configure();

export const pb = generated.beetrace.trace.v1;
export type Header = generated.beetrace.trace.v1.IHeader;
export type Trailer = generated.beetrace.trace.v1.ITrailer;
export type ProcessState = generated.beetrace.trace.v1.IProcessState;
export type Batch = generated.beetrace.trace.v1.Batch;
export type ProcessEventMessage = generated.beetrace.trace.v1.IProcessEvent;
export const ProcessEventKind = generated.beetrace.trace.v1.ProcessEvent.Kind;
export { protobuf };
