// The reading side of an ingest, on a second thread: it reads the trace file
// and hands the ingesting thread each record ready to store. For a
// batch that is the number columns of its calls rows as bt_rows takes them
// (src/bulk.ts: pid, tid, nr, ret, ts, dur, args, flags), the captures the
// ingesting thread needs to follow paths, fds and sockets, and the two text
// columns: the decoded argument text (@beetrace/analyze's Decoder, bt-show's
// defaults) and the captures as JSON, each distinct text once per batch. The
// ingesting thread only follows the processes' fd tables and runs SQLite.
import { parentPort, workerData } from 'node:worker_threads';
import { Decoder } from '@beetrace/analyze';
import {
  type BatchColumns, batchEvents, type Header, type ProcessEventMessage, readTraceColumns, syscallTable, type TraceProblem, type Trailer,
} from '@beetrace/format';
import { CALL, CALL_COLUMNS, copyColumn, encodeTextColumn, numColumn, numColumns } from './bulk.js';

/** What ingest.ts starts the worker with. */
export interface DecodeWorkerInput {
  readonly file: string;
  /** Batches sent ahead of the acknowledgements (bounded memory). */
  readonly ahead: number;
}

/** One batch of the file, ready to store. */
export interface BatchMessage {
  readonly kind: 'batch';
  readonly rows: number;
  /** The calls rows' number columns (CALL_COLUMNS of `rows` values, src/bulk.ts); ID, PATH, PATH2 and FD are for the ingesting thread to fill. */
  readonly nums: Float64Array<ArrayBuffer>;
  /** The batch's captures, as in BatchColumns (copies). */
  readonly capSyscall: Uint32Array<ArrayBuffer>;
  readonly capInfo: Uint32Array<ArrayBuffer>;
  readonly capLen: Uint32Array<ArrayBuffer>;
  readonly capData: Uint8Array<ArrayBuffer>;
  /** Process events, as plain objects (every field present, as read from the message). */
  readonly processEvents: ProcessEventMessage[];
  /** bt_rows text columns: decoded arguments and captures JSON. */
  readonly args: Uint8Array<ArrayBuffer>;
  readonly caps: Uint8Array<ArrayBuffer>;
}

/** The file's records in order (as readTraceColumns yields them), or `error`. */
export type DecodeWorkerMessage =
  | { readonly kind: 'header'; readonly header: Header }
  | BatchMessage
  | { readonly kind: 'trailer'; readonly trailer: Trailer }
  | { readonly kind: 'end'; readonly complete: boolean; readonly problem?: TraceProblem }
  | { readonly kind: 'error'; readonly message: string };

/**
 * A decoded protobuf message as a plain object that survives postMessage: the
 * generated classes keep default values on their prototype, which a structured
 * clone drops, so every enumerable field, own or inherited, is copied (a Long
 * default as the number Number() gives, nested messages likewise).
 */
function plain<T extends object>(m: T): T {
  const o: Record<string, unknown> = {};
  for (const k in m) {
    const v: unknown = m[k];
    if (typeof v === 'function') continue;
    if (v === null || typeof v !== 'object' || Array.isArray(v) || ArrayBuffer.isView(v)) o[k] = v;
    else if (typeof (v as { toNumber?: unknown }).toNumber === 'function') o[k] = Number(v);
    else o[k] = plain(v);
  }
  return o as T;
}

/** Distinct strings of one batch, in first-seen order, with their indexes. */
class Interner {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  private last = '';
  private lastIndex = -1;

  add(s: string): number {
    // Runs of equal texts (a loop making the same call) skip the hash lookup.
    if (s === this.last && this.lastIndex >= 0) return this.lastIndex;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    this.last = s;
    this.lastIndex = i;
    return i;
  }
}

/** `[[arg, flags, element, "hex"], ...]` of every call of the batch, -1 when a call has no captures. */
function captureJson(b: BatchColumns, caps: Interner, out: Int32Array): void {
  const n = b.scNr.length;
  const count = b.capSyscall.length;
  const data = Buffer.from(b.capData.buffer, b.capData.byteOffset, b.capData.byteLength);
  const { capInfo, capLen } = b;
  let c = 0;
  let off = 0;
  // The previous call's captures: [prevC, prevEnd) starting at byte prevOff.
  let prevC = 0;
  let prevEnd = 0;
  let prevOff = 0;
  for (let i = 0; i < n; i++) {
    const first = c;
    const firstOff = off;
    let bytes = 0;
    while (c < count && b.capSyscall[c] === i) bytes += capLen[c++]!;
    if (c === first) {
      out[i] = -1;
      continue;
    }
    off += bytes;
    // Captures byte for byte the previous call's (a loop making the same call) give the same text.
    if (i > 0 && out[i - 1]! >= 0 && c - first === prevEnd - prevC && sameCaptures(capInfo, capLen, data, prevC, prevOff, first, firstOff, c - first)) {
      out[i] = out[i - 1]!;
    } else {
      let json = '';
      let o = firstOff;
      for (let j = first; j < c; j++) {
        const info = capInfo[j]!;
        const len = capLen[j]!;
        json += `${j === first ? '' : ','}[${info & 0xff},${(info >>> 8) & 0xff},${info >>> 16},"${data.toString('hex', o, o + len)}"]`;
        o += len;
      }
      out[i] = caps.add(`[${json}]`);
    }
    prevC = first;
    prevEnd = c;
    prevOff = firstOff;
  }
}

/** Whether the k captures from a (bytes from aOff) and from b (bytes from bOff) have the same info, lengths and bytes. */
function sameCaptures(info: Uint32Array, len: Uint32Array, data: Buffer, a: number, aOff: number, b: number, bOff: number, k: number): boolean {
  let bytes = 0;
  for (let j = 0; j < k; j++) {
    if (info[a + j] !== info[b + j] || len[a + j] !== len[b + j]) return false;
    bytes += len[a + j]!;
  }
  for (let x = 0; x < bytes; x++) if (data[aOff + x] !== data[bOff + x]) return false;
  return true;
}

/**
 * The calls rows' number columns of a batch: the values as read, ts from the
 * exit deltas and durations. In a buffer the ingesting thread gave back when
 * one is large enough (memory stays bounded by the batches in flight).
 */
function callNums(b: BatchColumns, mono0: number, free: ArrayBuffer[]): Float64Array<ArrayBuffer> {
  const n = b.scNr.length;
  const reuse = free.pop();
  const nums = reuse && reuse.byteLength >= CALL_COLUMNS * n * 8 ? new Float64Array(reuse, 0, CALL_COLUMNS * n) : numColumns(CALL_COLUMNS, n);
  const col = (k: number): Float64Array => numColumn(nums, k, n);
  copyColumn(col(CALL.PID), b.scPid, 0);
  copyColumn(col(CALL.TID), b.scTid, 0);
  copyColumn(col(CALL.NR), b.scNr, 0);
  copyColumn(col(CALL.RET), b.scRet, 0);
  copyColumn(col(CALL.DUR), b.scDurationNs, 0);
  copyColumn(col(CALL.ARG0), b.scArg0, 0);
  // As bound before: a missing arg1..arg5 is NULL, a missing arg0 0.
  [b.scArg1, b.scArg2, b.scArg3, b.scArg4, b.scArg5].forEach((a, k) => copyColumn(col(CALL.ARG0 + 1 + k), a, NaN));
  copyColumn(col(CALL.FLAGS), b.scFlags, 0);
  const ts = col(CALL.TS);
  const delta = b.scExitDeltaNs;
  const dur = b.scDurationNs;
  let exitNs = Number(b.baseNs ?? 0);
  for (let i = 0; i < n; i++) {
    exitNs += delta[i] ?? 0;
    ts[i] = exitNs - (dur[i] ?? 0) - mono0;
  }
  return nums;
}

async function main(input: DecodeWorkerInput, port: NonNullable<typeof parentPort>): Promise<void> {
  let acked = 0;
  let sent = 0;
  let wake: (() => void) | undefined;
  const free: ArrayBuffer[] = [];
  // An acknowledgement per batch received, and each batch's number buffer back once its rows are stored.
  port.on('message', (m: unknown) => {
    if (m instanceof ArrayBuffer) {
      free.push(m);
      return;
    }
    acked++;
    wake?.();
  });
  let decoder: Decoder | undefined;
  let mono0 = 0;
  for await (const rec of readTraceColumns(input.file, { reuse: true })) {
    if (rec.kind === 'header') {
      port.postMessage({ kind: 'header', header: plain(rec.header) } satisfies DecodeWorkerMessage);
      const table = syscallTable(rec.header.syscallAbi || rec.header.arch || 'x86_64');
      if (!table) break; // the ingesting thread reports the unknown ABI
      mono0 = Number(rec.header.monotonicNs ?? 0);
      // bt-show's defaults: strings cut at 32 bytes, no hex, no fd paths (file_access has those).
      decoder = new Decoder(table, { strSize: 32, xflag: 0, fdPaths: false }, rec.header.cwd || undefined);
    } else if (rec.kind === 'batch' && decoder) {
      const b = rec.batch;
      const n = b.scNr.length;
      const args = new Interner();
      const argsIdx = new Int32Array(n);
      let i = 0;
      for (const ev of batchEvents(b)) {
        if (ev.type === 'syscall') argsIdx[i++] = args.add(decoder.syscall(ev).argsText);
        else decoder.process(ev);
      }
      const caps = new Interner();
      const capsIdx = new Int32Array(n);
      captureJson(b, caps, capsIdx);
      const msg: BatchMessage = {
        kind: 'batch', rows: n, nums: callNums(b, mono0, free),
        capSyscall: b.capSyscall.slice(), capInfo: b.capInfo.slice(), capLen: b.capLen.slice(), capData: b.capData.slice(),
        processEvents: b.processEvents.map(plain),
        args: encodeTextColumn(args.list, argsIdx), caps: encodeTextColumn(caps.list, capsIdx),
      };
      while (sent - acked >= input.ahead) await new Promise<void>((r) => { wake = r; });
      wake = undefined;
      port.postMessage(msg, [msg.nums.buffer, msg.capSyscall.buffer, msg.capInfo.buffer, msg.capLen.buffer, msg.capData.buffer, msg.args.buffer, msg.caps.buffer]);
      sent++;
    } else if (rec.kind === 'trailer') {
      port.postMessage({ kind: 'trailer', trailer: plain(rec.trailer) } satisfies DecodeWorkerMessage);
    } else if (rec.kind === 'end') {
      port.postMessage((rec.problem ? { kind: 'end', complete: rec.complete, problem: rec.problem } : { kind: 'end', complete: rec.complete }) satisfies DecodeWorkerMessage);
    }
  }
  port.close();
}

if (parentPort) {
  const port = parentPort;
  main(workerData as DecodeWorkerInput, port).catch((e: unknown) => {
    port.postMessage({ kind: 'error', message: e instanceof Error ? e.message : String(e) } satisfies DecodeWorkerMessage);
    port.close();
  });
}
