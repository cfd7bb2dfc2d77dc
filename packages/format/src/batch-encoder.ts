// Encodes a Batch record (proto/trace.proto) from plain number columns without
// protobufjs: its packed sint64 writer converts every value through LongBits,
// which was most of the recorder's JavaScript time. The bytes are ordinary
// protobuf; protobufjs stays the reference (batch-encoder.test.ts checks that it
// decodes them to exactly what it would have encoded).
import { pb, type ProcessEventMessage } from './proto.js';
import { Bytes } from './proto-bytes.js';

const body = new Bytes();
const scratch = new Bytes();

type Kind = 'u32' | 'u64' | 's64';

/**
 * One packed repeated field. The hot loop writes small values (below 2^31 after
 * zigzag, which is nearly all of them) straight into the buffer; anything larger
 * goes through the general varint64 path.
 */
function packed(field: number, values: readonly (number | bigint)[], kind: Kind): void {
  const n = values.length;
  if (n === 0) return;
  scratch.pos = 0;
  scratch.reserve(n * 10);
  const b = scratch.buf;
  let p = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    let z: number;
    if (typeof v === 'bigint') {
      z = -1;
    } else if (kind === 's64') {
      if (v >= 0 && v < 0x40000000) z = v * 2;
      else if (v < 0 && v > -0x40000000) z = -v * 2 - 1;
      else z = -1;
    } else if (kind === 'u64') {
      z = v >= 0 && v < 0x80000000 ? v : -1;
    } else {
      z = v >>> 0;
      if (z >= 0x80000000) {
        // Values with the top bit set still fit varint32's unsigned loop below.
        while (z > 0x7f) {
          b[p++] = (z & 0x7f) | 0x80;
          z = Math.floor(z / 128);
        }
        b[p++] = z;
        continue;
      }
    }
    if (z < 0) {
      scratch.pos = p;
      if (kind === 's64') scratch.sint(v);
      else scratch.uint(v);
      p = scratch.pos;
      continue;
    }
    while (z > 0x7f) {
      b[p++] = (z & 0x7f) | 0x80;
      z >>>= 7;
    }
    b[p++] = z;
  }
  scratch.pos = p;
  body.varint32((field << 3) | 2);
  body.varint32(p);
  body.bytes(b.subarray(0, p));
}

export interface BatchColumns {
  readonly baseNs: number;
  readonly tid: readonly number[];
  readonly pid: readonly number[];
  readonly nr: readonly number[];
  readonly exitDelta: readonly number[];
  readonly duration: readonly number[];
  readonly ret: readonly (number | bigint)[];
  readonly args: readonly (readonly (number | bigint)[])[];
  readonly flags: readonly number[];
  readonly capSyscall: readonly number[];
  readonly capInfo: readonly number[];
  readonly capLen: readonly number[];
  readonly capChunks: readonly Uint8Array[];
  readonly capBytes: number;
  readonly procs: readonly ProcessEventMessage[];
}

/** The length-delimited Record{batch} for these columns. */
export function encodeBatchRecord(c: BatchColumns): Uint8Array {
  body.pos = 0;
  if (c.baseNs > 0) {
    body.varint32(1 << 3);
    body.uint(c.baseNs);
  }
  packed(2, c.tid, 'u32');
  packed(3, c.pid, 'u32');
  packed(4, c.nr, 'u32');
  packed(5, c.exitDelta, 's64');
  packed(6, c.duration, 'u64');
  packed(7, c.ret, 's64');
  c.args.forEach((col, i) => packed(8 + i, col, 's64'));
  packed(14, c.flags, 'u32');
  packed(15, c.capSyscall, 'u32');
  packed(16, c.capInfo, 'u32');
  packed(17, c.capLen, 'u32');
  if (c.capBytes > 0) {
    body.varint32((18 << 3) | 2);
    body.varint32(c.capBytes);
    for (const chunk of c.capChunks) body.bytes(chunk);
  }
  for (const ev of c.procs) {
    const bytes = pb.ProcessEvent.encode(ev).finish();
    body.varint32((19 << 3) | 2);
    body.varint32(bytes.length);
    body.bytes(bytes);
  }
  // Record{ batch = 2 }, length-delimited.
  const batchLen = body.pos;
  scratch.pos = 0;
  scratch.varint32((2 << 3) | 2);
  scratch.varint32(batchLen);
  const recordLen = scratch.pos + batchLen;
  const out = new Uint8Array(varintSize(recordLen) + recordLen);
  let o = 0;
  let v = recordLen;
  while (v > 0x7f) {
    out[o++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  out[o++] = v;
  out.set(scratch.buf.subarray(0, scratch.pos), o);
  out.set(body.buf.subarray(0, batchLen), o + scratch.pos);
  return out;
}

function varintSize(v: number): number {
  let n = 1;
  while (v > 0x7f) {
    v >>>= 7;
    n++;
  }
  return n;
}
