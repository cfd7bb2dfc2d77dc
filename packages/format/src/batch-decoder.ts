// A hand-written decoder for the Batch message: its packed columns go straight
// into typed arrays, with no per-value objects (protobufjs reads each sint64
// through a LongBits object and stores it in a plain array as a boxed number).
// Values are exactly what protobufjs yields with util.Long unset (see proto.ts):
// 64-bit integers as numbers, exact up to 2^53, rounded the same way beyond.
// Anything unusual (a wire type that does not fit, a length past the end) falls
// back to protobufjs, which stays the reference for what is accepted.
//
// readTraceColumns is readTrace (trace-file.ts) with batches in this form.
import { type Batch, pb, type ProcessEventMessage } from './proto.js';
import { readRecords, type TraceRecordOf, type TraceSource } from './trace-file.js';

/** A Batch with its columns as typed arrays (same field names as the protobufjs Batch). */
export interface BatchColumns {
  readonly baseNs: number;
  readonly scTid: Uint32Array;
  readonly scPid: Uint32Array;
  readonly scNr: Uint32Array;
  readonly scExitDeltaNs: Float64Array;
  readonly scDurationNs: Float64Array;
  readonly scRet: Float64Array;
  readonly scArg0: Float64Array;
  readonly scArg1: Float64Array;
  readonly scArg2: Float64Array;
  readonly scArg3: Float64Array;
  readonly scArg4: Float64Array;
  readonly scArg5: Float64Array;
  readonly scFlags: Uint32Array;
  readonly capSyscall: Uint32Array;
  readonly capInfo: Uint32Array;
  readonly capLen: Uint32Array;
  /** View into the record's bytes (not copied). */
  readonly capData: Uint8Array;
  readonly processEvents: ProcessEventMessage[];
}

// Column kinds.
const U32 = 0;
const S64 = 1;
const U64 = 2;

/** Field number -> [column index, kind] for the Batch's repeated scalar fields. */
const COLUMN_OF: readonly (readonly [number, number] | undefined)[] = (() => {
  const t: (readonly [number, number] | undefined)[] = [];
  const kinds: [number, number][] = [
    [2, U32], [3, U32], [4, U32], [5, S64], [6, U64], [7, S64],
    [8, S64], [9, S64], [10, S64], [11, S64], [12, S64], [13, S64],
    [14, U32], [15, U32], [16, U32], [17, U32],
  ];
  kinds.forEach(([field, kind], col) => { t[field] = [col, kind]; });
  return t;
})();
const NCOLS = 16;

class Malformed extends Error {}

const EMPTY: Uint8Array = new Uint8Array(0);

/**
 * Decodes Batch messages. With `reuse`, every decode returns views into the
 * same growing buffers (valid until the next decode): no allocation per batch.
 */
export class BatchDecoder {
  private u32 = new Array<Uint32Array>(NCOLS);
  private f64 = new Array<Float64Array>(NCOLS);
  private len = new Int32Array(NCOLS);
  private lo = 0;
  private hi = 0;

  constructor(private readonly reuse = false) {
    for (let c = 0; c < NCOLS; c++) {
      this.u32[c] = new Uint32Array(0);
      this.f64[c] = new Float64Array(0);
    }
  }

  /** Decodes a Batch message (its bytes, without the Record around it). */
  decode(buf: Uint8Array): BatchColumns {
    try {
      return this.fast(buf);
    } catch (e) {
      if (!(e instanceof Malformed)) throw e;
      return columnsOf(pb.Batch.decode(buf));
    }
  }

  /** decode without the fallback: throws Malformed where protobufjs should have the last word. */
  fast(buf: Uint8Array): BatchColumns {
    if (!this.reuse) {
      for (let c = 0; c < NCOLS; c++) {
        this.u32[c] = new Uint32Array(0);
        this.f64[c] = new Float64Array(0);
      }
    }
    const len = this.len;
    len.fill(0);
    let baseNs = 0;
    let capData = EMPTY;
    let procs: ProcessEventMessage[] | undefined;
    const end = buf.length;
    let pos = 0;
    while (pos < end) {
      pos = this.varint(buf, pos, end);
      if (this.hi !== 0) throw new Malformed();
      const tag = this.lo;
      const field = tag >>> 3;
      const wt = tag & 7;
      const col = COLUMN_OF[field];
      if (col !== undefined) {
        const [c, kind] = col;
        if (wt === 2) {
          pos = this.varint(buf, pos, end);
          if (this.hi !== 0 || this.lo > end - pos) throw new Malformed();
          const stop = pos + this.lo;
          // At most one value per byte.
          if (stop > pos && buf[stop - 1]! >= 0x80) throw new Malformed();
          this.ensure(c, kind, len[c]! + (stop - pos));
          pos = this.column(buf, pos, stop, c, kind);
        } else if (wt === 0) {
          this.ensure(c, kind, len[c]! + 1);
          pos = this.column(buf, pos, pos + 1, c, kind, end);
        } else {
          throw new Malformed();
        }
        continue;
      }
      switch (field) {
        case 1:
          if (wt !== 0) throw new Malformed();
          pos = this.varint(buf, pos, end);
          baseNs = this.lo + this.hi * 4294967296;
          break;
        case 18: {
          if (wt !== 2) throw new Malformed();
          pos = this.varint(buf, pos, end);
          if (this.hi !== 0 || this.lo > end - pos) throw new Malformed();
          capData = buf.subarray(pos, pos + this.lo);
          pos += this.lo;
          break;
        }
        case 19: {
          if (wt !== 2) throw new Malformed();
          pos = this.varint(buf, pos, end);
          if (this.hi !== 0 || this.lo > end - pos) throw new Malformed();
          let pe: ProcessEventMessage;
          try {
            pe = pb.ProcessEvent.decode(buf.subarray(pos, pos + this.lo));
          } catch {
            throw new Malformed();
          }
          (procs ??= []).push(pe);
          pos += this.lo;
          break;
        }
        default:
          pos = this.skip(buf, pos, end, wt);
      }
    }
    const u = this.u32;
    const f = this.f64;
    return {
      baseNs,
      scTid: u[0]!.subarray(0, len[0]), scPid: u[1]!.subarray(0, len[1]), scNr: u[2]!.subarray(0, len[2]),
      scExitDeltaNs: f[3]!.subarray(0, len[3]), scDurationNs: f[4]!.subarray(0, len[4]), scRet: f[5]!.subarray(0, len[5]),
      scArg0: f[6]!.subarray(0, len[6]), scArg1: f[7]!.subarray(0, len[7]), scArg2: f[8]!.subarray(0, len[8]),
      scArg3: f[9]!.subarray(0, len[9]), scArg4: f[10]!.subarray(0, len[10]), scArg5: f[11]!.subarray(0, len[11]),
      scFlags: u[12]!.subarray(0, len[12]),
      capSyscall: u[13]!.subarray(0, len[13]), capInfo: u[14]!.subarray(0, len[14]), capLen: u[15]!.subarray(0, len[15]),
      capData,
      processEvents: procs ?? [],
    };
  }

  private ensure(c: number, kind: number, need: number): void {
    if (kind === U32) {
      const a = this.u32[c]!;
      if (a.length >= need) return;
      const b = new Uint32Array(Math.max(need, a.length * 2, 64));
      b.set(a.subarray(0, this.len[c]));
      this.u32[c] = b;
    } else {
      const a = this.f64[c]!;
      if (a.length >= need) return;
      const b = new Float64Array(Math.max(need, a.length * 2, 64));
      b.set(a.subarray(0, this.len[c]));
      this.f64[c] = b;
    }
  }

  /** Decodes varints from pos until `stop` (a packed run, or one value when `limit` is given). */
  private column(buf: Uint8Array, pos: number, stop: number, c: number, kind: number, limit = stop): number {
    const n0 = this.len[c]!;
    const r = kind === U32 ? this.u32s(buf, pos, stop, limit, this.u32[c]!, n0)
      : this.f64s(buf, pos, stop, limit, this.f64[c]!, n0, kind === S64);
    if (this.pos !== stop && limit === stop) throw new Malformed();
    this.len[c] = r;
    return this.pos;
  }

  private pos = 0;

  private u32s(buf: Uint8Array, pos: number, stop: number, limit: number, out: Uint32Array, n: number): number {
    while (pos < stop) {
      let b = buf[pos++]!;
      if (b < 0x80) { out[n++] = b; continue; }
      let v = b & 0x7f;
      b = buf[pos++]!;
      v |= (b & 0x7f) << 7;
      if (b < 0x80 && pos <= limit) { out[n++] = v; continue; }
      pos = this.varint(buf, pos - 2, limit);
      out[n++] = this.lo;
    }
    this.pos = pos;
    return n;
  }

  private f64s(buf: Uint8Array, pos: number, stop: number, limit: number, out: Float64Array, n: number, signed: boolean): number {
    while (pos < stop) {
      const b0 = buf[pos]!;
      if (b0 < 0x80) {
        out[n++] = signed ? ((b0 >>> 1) ^ -(b0 & 1)) : b0;
        pos++;
        continue;
      }
      // Up to 4 bytes (28 bits) without the 64-bit path.
      let v = b0 & 0x7f;
      let p = pos + 1;
      let done = false;
      for (let sh = 7; sh < 28 && p < limit; sh += 7) {
        const b = buf[p++]!;
        v |= (b & 0x7f) << sh;
        if (b < 0x80) { done = true; break; }
      }
      if (done) {
        out[n++] = signed ? ((v >>> 1) ^ -(v & 1)) : v;
        pos = p;
        continue;
      }
      pos = this.varint(buf, pos, limit);
      let lo = this.lo;
      let hi = this.hi;
      if (!signed) {
        out[n++] = lo + hi * 4294967296;
        continue;
      }
      // zigzag, then LongBits.toNumber(false) as protobufjs does it
      const mask = -(lo & 1);
      lo = (((lo >>> 1) | (hi << 31)) ^ mask) >>> 0;
      hi = ((hi >>> 1) ^ mask) >>> 0;
      if (hi >>> 31) {
        lo = (~lo + 1) >>> 0;
        hi = ~hi >>> 0;
        if (!lo) hi = (hi + 1) >>> 0;
        out[n++] = -(lo + hi * 4294967296);
      } else {
        out[n++] = lo + hi * 4294967296;
      }
    }
    this.pos = pos;
    return n;
  }

  /** Reads a varint of up to 10 bytes into lo/hi (as protobufjs's readLongVarint). */
  private varint(buf: Uint8Array, pos: number, end: number): number {
    let lo = 0;
    let hi = 0;
    let i = 0;
    let b: number;
    for (; i < 4; i++) {
      if (pos >= end) throw new Malformed();
      b = buf[pos++]!;
      lo = (lo | ((b & 127) << (i * 7))) >>> 0;
      if (b < 128) { this.lo = lo; this.hi = 0; return pos; }
    }
    if (pos >= end) throw new Malformed();
    b = buf[pos++]!;
    lo = (lo | ((b & 127) << 28)) >>> 0;
    hi = (hi | ((b & 127) >> 4)) >>> 0;
    if (b < 128) { this.lo = lo; this.hi = hi; return pos; }
    for (i = 0; i < 5; i++) {
      if (pos >= end) throw new Malformed();
      b = buf[pos++]!;
      hi = (hi | ((b & 127) << (i * 7 + 3))) >>> 0;
      if (b < 128) { this.lo = lo; this.hi = hi; return pos; }
    }
    throw new Malformed();
  }

  private skip(buf: Uint8Array, pos: number, end: number, wt: number): number {
    switch (wt) {
      case 0: return this.varint(buf, pos, end);
      case 1: if (end - pos < 8) throw new Malformed(); return pos + 8;
      case 2:
        pos = this.varint(buf, pos, end);
        if (this.hi !== 0 || this.lo > end - pos) throw new Malformed();
        return pos + this.lo;
      case 5: if (end - pos < 4) throw new Malformed(); return pos + 4;
      default: throw new Malformed();
    }
  }
}

/** A protobufjs Batch as columns (the reference path, and the fallback). */
export function columnsOf(b: Batch): BatchColumns {
  const u = (a: readonly number[] | undefined): Uint32Array => Uint32Array.from(a ?? []);
  const f = (a: readonly number[] | undefined): Float64Array => Float64Array.from(a ?? [], Number);
  return {
    baseNs: Number(b.baseNs ?? 0),
    scTid: u(b.scTid), scPid: u(b.scPid), scNr: u(b.scNr),
    scExitDeltaNs: f(b.scExitDeltaNs), scDurationNs: f(b.scDurationNs), scRet: f(b.scRet),
    scArg0: f(b.scArg0), scArg1: f(b.scArg1), scArg2: f(b.scArg2), scArg3: f(b.scArg3), scArg4: f(b.scArg4), scArg5: f(b.scArg5),
    scFlags: u(b.scFlags),
    capSyscall: u(b.capSyscall), capInfo: u(b.capInfo), capLen: u(b.capLen),
    capData: b.capData ?? EMPTY,
    processEvents: b.processEvents ?? [],
  };
}

/** Decodes one Batch message (fresh arrays, safe to keep). */
export function decodeBatch(bytes: Uint8Array): BatchColumns {
  return new BatchDecoder(false).decode(bytes);
}

/**
 * The batches of consecutive length-delimited Record{batch} messages: what a
 * writer emits between a trace's header and trailer (a recorder's output as it
 * goes). Fresh arrays, safe to keep.
 */
export function* batchesIn(bytes: Uint8Array): Generator<BatchColumns> {
  let pos = 0;
  while (pos < bytes.length) {
    let len = 0;
    let mul = 1;
    let b: number;
    do {
      b = bytes[pos++] ?? 0;
      len += (b & 0x7f) * mul;
      mul *= 128;
    } while (b & 0x80 && pos < bytes.length);
    const record = bytes.subarray(pos, pos + len);
    pos += len;
    const body = batchBody(record);
    yield body ? decodeBatch(body) : columnsOf(pb.Record.decode(record).batch as Batch);
  }
}

export type TraceColumnsRecord = TraceRecordOf<BatchColumns>;

export interface ReadColumnsOptions {
  /**
   * Reuse the column buffers and the read buffer from one batch to the next:
   * each batch (capData too) is valid only until the iterator moves on. Default false.
   */
  readonly reuse?: boolean;
}

/**
 * readTrace with batches decoded by BatchDecoder: the same records, offsets,
 * end record and problems (batch-decoder.test compares them). With `reuse`, the
 * read buffer and the column arrays are recycled, so memory stays the same
 * whatever the trace's size.
 */
export function readTraceColumns(source: TraceSource, opts: ReadColumnsOptions = {}): AsyncGenerator<TraceColumnsRecord> {
  const reuse = opts.reuse ?? false;
  const dec = new BatchDecoder(reuse);
  return readRecords<BatchColumns>(source, {
    reuse,
    fromMessage: columnsOf,
    fast(record) {
      const inner = batchBody(record);
      if (!inner) return undefined;
      try {
        return dec.fast(inner);
      } catch (e) {
        if (!(e instanceof Malformed)) throw e;
        return undefined; // protobufjs decides (and words the error) for anything unusual
      }
    },
  });
}

/**
 * The Batch message inside a Record that holds only a batch (tag 2, one
 * length-delimited field spanning the record), else undefined (then the record
 * is decoded by protobufjs).
 */
function batchBody(rec: Uint8Array): Uint8Array | undefined {
  if (rec.length < 2 || rec[0] !== 0x12) return undefined;
  let len = 0;
  let mul = 1;
  let pos = 1;
  for (let i = 0; i < 5; i++) {
    if (pos >= rec.length) return undefined;
    const b = rec[pos++]!;
    len += (b & 0x7f) * mul;
    if ((b & 0x80) === 0) return pos + len === rec.length ? rec.subarray(pos) : undefined;
    mul *= 128;
  }
  return undefined;
}
