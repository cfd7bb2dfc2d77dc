// A hand-written decoder for the Batch message: its packed columns go straight
// into typed arrays, with no per-value objects (protobufjs reads each sint64
// through a LongBits object and stores it in a plain array as a boxed number).
// The bytes are read by the format's one wire reader (wire.ts); values are
// exactly what protobufjs yields with util.Long unset (see proto.ts): 64-bit
// integers as numbers, exact up to 2^53, rounded the same way beyond.
// Anything unusual (a wire type that does not fit, a length past the end) falls
// back to protobufjs, which stays the reference for what is accepted.
//
// readTraceColumns is readTrace (trace-file.ts) with batches in this form.
import { type Batch, pb, type ProcessEventMessage } from './proto.js';
import { readRecords, type TraceRecordOf, type TraceSource } from './trace-file.js';
import { WireError, WireReader, WireType } from './wire.js';
import { RecordField } from './writer.js';

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
  /**
   * The values of the 64-bit columns that the columns hold rounded (beyond 2^53), exactly: usually none.
   * Not filled when the batch was read by the protobufjs fallback.
   */
  readonly exact?: readonly ExactValue[];
  readonly processEvents: ProcessEventMessage[];
}

/** A 64-bit column value beyond 2^53, exactly: the column's name, the value's index in it, the value. */
export interface ExactValue {
  readonly column: Int64Column;
  readonly index: number;
  readonly value: bigint;
}
export type Int64Column = 'scExitDeltaNs' | 'scDurationNs' | 'scRet' | 'scArg0' | 'scArg1' | 'scArg2' | 'scArg3' | 'scArg4' | 'scArg5';
/** Column index (as in COLUMN_OF) -> name, for the 64-bit columns. */
const INT64_COLUMNS: readonly (Int64Column | undefined)[] = [
  undefined, undefined, undefined, 'scExitDeltaNs', 'scDurationNs', 'scRet', 'scArg0', 'scArg1', 'scArg2', 'scArg3', 'scArg4', 'scArg5',
];

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
    [14, U32], [15, U32], [16, U32], [17, U32], [20, S64], [21, S64],
  ];
  kinds.forEach(([field, kind], col) => { t[field] = [col, kind]; });
  return t;
})();
const NCOLS = 18;
// Columns of the version 2 ids (sc_tid_delta, sc_tid_minus_pid), turned into scTid and scPid.
const TID_DELTA = 16;
const TID_MINUS_PID = 17;
const BASE_NS = 1;
const CAP_DATA = 18;
const PROCESS_EVENTS = 19;

const EMPTY: Uint8Array = new Uint8Array(0);

/**
 * Decodes Batch messages. With `reuse`, every decode returns views into the
 * same growing buffers (valid until the next decode): no allocation per batch.
 */
export class BatchDecoder {
  private u32 = new Array<Uint32Array>(NCOLS);
  private f64 = new Array<Float64Array>(NCOLS);
  private len = new Int32Array(NCOLS);
  private readonly r = new WireReader();

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
      if (!(e instanceof WireError)) throw e;
      return columnsOf(pb.Batch.decode(buf));
    }
  }

  /** decode without the fallback: throws a WireError where protobufjs should have the last word. */
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
    let exact: ExactValue[] | undefined;
    const wide: (number | bigint)[] = [];
    const r = this.r.reset(buf);
    while (r.pos < r.end) {
      const at = r.pos;
      const tag = r.tag();
      const field = tag >>> 3;
      const wt = tag & 7;
      const col = COLUMN_OF[field];
      if (col !== undefined) {
        const [c, kind] = col;
        if (wt === WireType.LEN) {
          const stop = r.packed();
          // At most one value per byte.
          this.ensure(c, kind, len[c]! + (stop - r.pos));
          len[c] = kind === U32 ? r.uint32s(this.u32[c]!, len[c]!, stop) : r.int64s(this.f64[c]!, len[c]!, stop, kind === S64, wide);
        } else if (wt === WireType.VARINT) {
          this.ensure(c, kind, len[c]! + 1);
          if (kind === U32) this.u32[c]![len[c]!++] = r.uint32();
          else {
            const x = kind === S64 ? r.sint64() : r.uint64();
            if (!Number.isSafeInteger(x)) wide.push(len[c]!, r.bigint(kind === S64));
            this.f64[c]![len[c]!++] = x;
          }
        } else {
          throw new WireError('WRONG_WIRE_TYPE', at, `Batch field ${field} with wire type ${wt}`);
        }
        const column = INT64_COLUMNS[c];
        for (let k = 0; k < wide.length && column; k += 2) (exact ??= []).push({ column, index: wide[k] as number, value: wide[k + 1] as bigint });
        wide.length = 0;
        continue;
      }
      switch (field) {
        case BASE_NS:
          if (wt !== WireType.VARINT) throw new WireError('WRONG_WIRE_TYPE', at, `Batch field ${field} with wire type ${wt}`);
          baseNs = r.uint64();
          break;
        case CAP_DATA:
          if (wt !== WireType.LEN) throw new WireError('WRONG_WIRE_TYPE', at, `Batch field ${field} with wire type ${wt}`);
          capData = r.bytes();
          break;
        case PROCESS_EVENTS: {
          if (wt !== WireType.LEN) throw new WireError('WRONG_WIRE_TYPE', at, `Batch field ${field} with wire type ${wt}`);
          const bytes = r.bytes();
          let pe: ProcessEventMessage;
          try {
            pe = pb.ProcessEvent.decode(bytes);
          } catch (e) {
            throw new WireError('BAD_MESSAGE', at, `process event at ${at} does not decode: ${(e as Error).message}`);
          }
          (procs ??= []).push(pe);
          break;
        }
        default:
          r.skip(wt);
      }
    }
    const u = this.u32;
    const f = this.f64;
    if (len[0] === 0 && len[TID_DELTA]! > 0) {
      const n = len[TID_DELTA]!;
      this.ensure(0, U32, n);
      this.ensure(1, U32, n);
      idsOf(f[TID_DELTA]!.subarray(0, n), f[TID_MINUS_PID]!.subarray(0, len[TID_MINUS_PID]), u[0]!, u[1]!);
      len[0] = len[1] = n;
    }
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
      ...(exact ? { exact } : {}),
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
}

/**
 * Format version 2's ids as absolute ones: tid(i) = tid(i-1) + tidDelta[i] (tid(-1) = 0),
 * pid(i) = tid(i) - tidMinusPid[i] (0 where missing), both modulo 2^32 (trace.proto's
 * sc_tid_delta, sc_tid_minus_pid). Writes tidDelta.length ids into tid and pid.
 */
function idsOf(tidDelta: Float64Array, tidMinusPid: Float64Array, tid: Uint32Array, pid: Uint32Array): void {
  let t = 0;
  for (let i = 0; i < tidDelta.length; i++) {
    t = (t + tidDelta[i]!) >>> 0;
    tid[i] = t;
    pid[i] = (t - (tidMinusPid[i] ?? 0)) >>> 0;
  }
}

/** A protobufjs Batch as columns (the reference path, and the fallback). */
export function columnsOf(b: Batch): BatchColumns {
  const u = (a: readonly number[] | undefined): Uint32Array => Uint32Array.from(a ?? []);
  const f = (a: readonly number[] | undefined): Float64Array => Float64Array.from(a ?? [], Number);
  let scTid = u(b.scTid);
  let scPid = u(b.scPid);
  const delta = b.scTidDelta ?? [];
  if (scTid.length === 0 && delta.length > 0) {
    scTid = new Uint32Array(delta.length);
    scPid = new Uint32Array(delta.length);
    idsOf(f(delta), f(b.scTidMinusPid), scTid, scPid);
  }
  return {
    baseNs: Number(b.baseNs ?? 0),
    scTid, scPid, scNr: u(b.scNr),
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
 * goes). Fresh arrays, safe to keep. Throws a WireError when the bytes end inside
 * a record or a record does not hold a batch.
 */
export function* batchesIn(bytes: Uint8Array): Generator<BatchColumns> {
  const r = new WireReader(bytes);
  while (r.pos < r.end) {
    const at = r.pos;
    const record = r.bytes();
    const body = batchBody(record);
    const batch = body ? undefined : pb.Record.decode(record).batch;
    if (!body && !batch) throw new WireError('BAD_MESSAGE', at, `record at ${at} does not hold a batch`);
    yield body ? decodeBatch(body) : columnsOf(batch as Batch);
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
        if (!(e instanceof WireError)) throw e;
        return undefined; // protobufjs decides (and words the error) for anything unusual
      }
    },
  });
}

const framing = new WireReader();
const BATCH_TAG = (RecordField.batch << 3) | WireType.LEN;

/**
 * The Batch message inside a Record that holds only a batch (one length-delimited
 * field spanning the record), else undefined (then the record is decoded by
 * protobufjs).
 */
function batchBody(rec: Uint8Array): Uint8Array | undefined {
  const r = framing.reset(rec);
  try {
    if (r.tag() !== BATCH_TAG) return undefined;
    const body = r.bytes();
    return r.pos === r.end ? body : undefined;
  } catch (e) {
    if (e instanceof WireError) return undefined;
    throw e;
  }
}
