// The trace file's header and trailer records, encoded without protobufjs so that
// a writer (the recorder) starts without loading it; batches come from the
// recorder's native consumer (packages/recorder/native/batch_writer.cc). The bytes are
// what protobufjs' Record.encodeDelimited gives (writer.test.ts compares them):
// fields in number order, those at proto3's default (0, false, "") left out.
import type { Header, ProcessState, Trailer } from './proto.js';
import { Bytes } from './proto-bytes.js';

export const TRACE_MAGIC = 'beetrace-trace';
export const FORMAT_VERSION = 2;

/** Field numbers of trace.proto's Record, for the code that frames records without protobufjs (here, the readers). */
export const RecordField = { header: 1, batch: 2, trailer: 3 } as const;

type Value = number | bigint | { toNumber(): number } | null | undefined;

function set<T>(v: T | null | undefined): v is T {
  return v !== undefined && v !== null;
}

function num(v: Value): number | bigint {
  return typeof v === 'object' && v !== null ? v.toNumber() : (v as number | bigint);
}

/** Builds one message's fields, then frames them. */
class Message {
  readonly out = new Bytes();
  uint(field: number, v: Value): this {
    if (set(v) && num(v) != 0) {
      this.out.varint32(field << 3);
      this.out.uint(num(v));
    }
    return this;
  }
  int32(field: number, v: number | null | undefined): this {
    if (v) {
      this.out.varint32(field << 3);
      this.out.int32(v);
    }
    return this;
  }
  bool(field: number, v: boolean | null | undefined): this {
    if (v) {
      this.out.varint32(field << 3);
      this.out.varint32(1);
    }
    return this;
  }
  string(field: number, v: string | null | undefined): this {
    if (v) {
      this.out.varint32((field << 3) | 2);
      this.out.string(v);
    }
    return this;
  }
  /** Repeated strings: every element, empty ones too. */
  strings(field: number, v: readonly string[] | null | undefined): this {
    for (const s of v ?? []) {
      this.out.varint32((field << 3) | 2);
      this.out.string(s);
    }
    return this;
  }
  packedUint(field: number, v: readonly Value[] | null | undefined): this {
    if (!v || v.length === 0) return this;
    const inner = new Bytes();
    for (const x of v) inner.uint(num(x));
    return this.message(field, inner.take());
  }
  message(field: number, body: Uint8Array | undefined): this {
    if (body) {
      this.out.varint32((field << 3) | 2);
      this.out.varint32(body.length);
      this.out.bytes(body);
    }
    return this;
  }
  /** The fields as one length-delimited Record with this message in `field`. */
  record(field: number): Uint8Array {
    const body = this.out.take();
    const rec = new Message().message(field, body).out.take();
    const framed = new Bytes();
    framed.varint32(rec.length);
    framed.bytes(rec);
    return framed.take();
  }
}

/** A ProcessState message's fields (the header's snapshot of a traced process). */
function processState(p: ProcessState): Uint8Array {
  const m = new Message().uint(1, p.pid).uint(2, p.ppid).packedUint(3, p.nsPids).uint(4, p.pidnsInode)
    .string(5, p.exe).strings(6, p.argv).string(7, p.cwd);
  for (const f of p.fds ?? []) m.message(8, new Message().uint(1, f.fd).string(2, f.target).uint(3, f.flags).out.take());
  return m.packedUint(9, p.tids).packedUint(10, p.nsTids).out.take();
}

/** Record{header}, length-delimited; magic and format version are this package's. */
export function encodeHeader(h: Header): Uint8Array {
  const c = h.capture;
  const capture = set(c)
    ? new Message().uint(1, c.stringMax).uint(2, c.bufferMax).bool(3, c.buffers).uint(4, c.ringBytes).out.take()
    : undefined;
  const f = h.filter;
  const filter = f ? new Message().strings(1, f.expressions).packedUint(2, f.syscalls).strings(3, f.statuses).out.take() : undefined;
  const m = new Message()
    .string(1, TRACE_MAGIC).uint(2, FORMAT_VERSION).string(3, h.recorderVersion).string(4, h.kernelRelease)
    .string(5, h.arch).string(6, h.hostname).uint(7, h.monotonicNs).uint(8, h.realtimeNs).strings(9, h.argv)
    .string(10, h.cwd).uint(11, h.rootPid).bool(12, h.attached).message(13, capture).string(14, h.syscallAbi)
    .message(20, filter).string(21, h.cgroup).string(22, h.container);
  for (const p of h.processes ?? []) m.message(25, processState(p));
  return m.uint(26, h.completeFromNs).uint(27, h.droppedRecords).uint(28, h.droppedFromNs).uint(29, h.sequence)
    .record(RecordField.header);
}

/** Record{trailer}, length-delimited. */
export function encodeTrailer(t: Trailer): Uint8Array {
  return new Message()
    .uint(1, t.syscalls).uint(2, t.processEvents).uint(3, t.processes).packedUint(4, t.lostPerCpu)
    .bool(5, t.programExited).int32(6, t.exitCode).uint(7, t.termSignal).uint(8, t.endMonotonicNs)
    .uint(9, t.endRealtimeNs).uint(10, t.unfinished).uint(11, t.bytes).string(12, t.stopReason).bool(13, t.coreDumped)
    .uint(40, t.stateCalls)
    .record(RecordField.trailer);
}
