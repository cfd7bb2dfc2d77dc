// The reading side of an ingest, on a second thread: it reads the trace through the
// one decoded stream (@beetrace/analyze's TraceDecoder in delivery order: bt-show's
// argument text with its defaults, and the trace model's processes, threads and fds)
// and hands the ingesting thread each batch ready to store: the calls rows' number
// columns as bt_rows takes them (src/bulk.ts), their text columns (decoded arguments,
// captures as JSON), the path strings each call touched (its path arguments, or the
// file its fd refers to) for the ingesting thread to turn into paths ids, and the
// execs and signals rows. At the end it sends what it gathered over the whole trace:
// processes, sockets and per-syscall statistics. The ingesting thread only runs SQLite.
import { parentPort, workerData } from 'node:worker_threads';
import {
  type DecodedEvent, type DecodedProcessEvent, type DecodedSyscall, type OpenFile, type ProcessModel, socketFamilyName, socketTypeName,
  TraceDecoder, type TraceModel,
} from '@beetrace/analyze/decode';
import { type BatchColumns, batchWithoutCapturedData, type Header, type Int64Column, readTraceColumns, SyscallFlag, type SyscallInfo, type TraceProblem, type Trailer } from '@beetrace/format';
import { CALL, CALL_COLUMNS, copyColumn, encodeTextColumn, numColumn, numColumns, textColumnOf } from './bulk.js';

/** What ingest.ts starts the worker with (its workerData, or its first message when started ahead of its file). */
export interface DecodeWorkerInput {
  readonly file: string;
  /** Batches sent ahead of the acknowledgements (bounded memory). */
  readonly ahead: number;
  /** bt-store add --no-data: every batch loses its captured data (the format's batchWithoutCapturedData) before anything reads it. */
  readonly noData: boolean;
}

export interface ExecRow { readonly pid: number; readonly tid: number; readonly ts: number; readonly filename: string; readonly argv: string | null }
export interface SignalRow { readonly ts: number; readonly pid: number; readonly tid: number; readonly signo: number; readonly signal: string }

/** One batch of the file, ready to store. */
export interface BatchMessage {
  readonly kind: 'batch';
  /** Where in the file the batch starts. */
  readonly offset: number;
  readonly rows: number;
  /** The calls rows' number columns (CALL_COLUMNS of `rows` values, src/bulk.ts); ID, PATH, PATH2 and CANONICAL are for the ingesting thread to fill. */
  readonly nums: Float64Array<ArrayBuffer>;
  /** Distinct path strings of the batch, and per row the index of its path, second path and canonical path (-1: none), 3 per row. */
  readonly paths: string[];
  readonly pathIndex: Int32Array<ArrayBuffer>;
  /** bt_rows text columns: decoded arguments and captures JSON. */
  readonly args: Uint8Array<ArrayBuffer>;
  readonly caps: Uint8Array<ArrayBuffer>;
  readonly execs: ExecRow[];
  readonly signals: SignalRow[];
  /** The ret and argument values the number columns hold rounded (beyond 2^53), exactly: column (CALL.RET, CALL.ARG0..), row, value. */
  readonly exact: readonly ExactCell[];
}

export interface ExactCell { readonly column: number; readonly row: number; readonly value: bigint }

/** The calls columns of the trace's 64-bit columns that are stored. */
const EXACT_COLUMN: Readonly<Partial<Record<Int64Column, number>>> = {
  scRet: CALL.RET, scArg0: CALL.ARG0, scArg1: CALL.ARG0 + 1, scArg2: CALL.ARG0 + 2, scArg3: CALL.ARG0 + 3, scArg4: CALL.ARG0 + 4, scArg5: CALL.ARG0 + 5,
};

/** The batch's exact values of stored columns, by row of the batch without the rows `drop` (ascending). */
function exactCells(b: BatchColumns, drop: readonly number[]): ExactCell[] {
  const cells: ExactCell[] = [];
  for (const e of b.exact ?? []) {
    const column = EXACT_COLUMN[e.column];
    if (column === undefined || drop.includes(e.index)) continue;
    let before = 0;
    while (before < drop.length && drop[before]! < e.index) before++;
    cells.push({ column, row: e.index - before, value: e.value });
  }
  return cells;
}

export interface ProcessRow {
  readonly pid: number; readonly parentPid: number | null; readonly exe: string | null; readonly argv: string | null;
  readonly startNs: number; readonly endNs: number | null; readonly exitStatus: number | null; readonly threads: number; readonly syscalls: number;
}
export interface SocketRow {
  readonly pid: number; readonly fd: number; readonly callSeq: number; readonly family: string | null; readonly type: string | null;
  readonly protocol: number | null; readonly local: string | null; readonly peer: string | null; readonly sent: number; readonly received: number;
  readonly calls: number; readonly openedNs: number; readonly closedNs: number | null;
}
export interface StatRow { readonly nr: number; readonly name: string; readonly known: boolean; readonly calls: number; readonly errors: number; readonly total: number; readonly min: number; readonly max: number }

/** What the whole trace gave, sent once after the last batch. */
export interface SummaryMessage {
  readonly kind: 'summary';
  readonly calls: number;
  readonly processEvents: number;
  readonly unfinished: number;
  readonly lastNs: number;
  readonly processes: ProcessRow[];
  readonly sockets: SocketRow[];
  readonly stats: StatRow[];
  readonly execs: ExecRow[];
}

/** The file's records in order (as readTraceColumns yields them), or `error`. */
export type DecodeWorkerMessage =
  | { readonly kind: 'header'; readonly header: Header }
  | BatchMessage
  | SummaryMessage
  | { readonly kind: 'trailer'; readonly trailer: Trailer }
  | { readonly kind: 'end'; readonly complete: boolean; readonly problem?: TraceProblem }
  | { readonly kind: 'unknown-abi'; readonly abi: string }
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

/** ASCII codes of the hex digits. */
const HEX_DIGITS = Uint8Array.from('0123456789abcdef', (ch) => ch.charCodeAt(0));

/**
 * The captures column of a batch: each call's captures as the text `[[arg, flags, element, "hex"], ...]`
 * (ASCII, no spaces; -1 when a call has none), each distinct text once in the order first seen. A text is
 * kept as where its captures are in the batch and written as bytes straight from them (encode()): no
 * string is made per call, and none is held until the batch is sent.
 */
class CaptureTexts {
  /** Per call of the batch: its text's index, or -1. */
  readonly index: Int32Array;
  /** Per distinct text: its first capture, how many, where their bytes start in capData, its length. */
  private readonly first: number[] = [];
  private readonly count: number[] = [];
  private readonly off: number[] = [];
  private bytes = 0;
  /** The last distinct text with each hash of captures, and per text the one before it with the same hash (-1: none). */
  private readonly byHash = new Map<number, number>();
  private readonly sameHash: number[] = [];

  /** `repeats[i]` set: call i repeats call i - 1 exactly (Gather.repeatRows), captures included. */
  constructor(private readonly b: BatchColumns, repeats: Uint8Array) {
    const n = b.scNr.length;
    const out = this.index = new Int32Array(n);
    const { capSyscall, capInfo, capLen, capData } = b;
    const count = capSyscall.length;
    let c = 0;
    let off = 0;
    // The previous call's captures: [prevC, prevEnd) starting at byte prevOff.
    let prevC = 0;
    let prevEnd = 0;
    let prevOff = 0;
    for (let i = 0; i < n; i++) {
      const first = c;
      const firstOff = off;
      while (c < count && capSyscall[c] === i) off += capLen[c++]!;
      if (c === first) {
        out[i] = -1;
        continue;
      }
      // Captures byte for byte the previous call's (a loop making the same call) give the same text.
      if (i > 0 && out[i - 1]! >= 0 && (repeats[i] === 1 || (c - first === prevEnd - prevC && sameCaptures(capInfo, capLen, capData, prevC, prevOff, first, firstOff, c - first)))) {
        out[i] = out[i - 1]!;
      } else {
        out[i] = this.add(first, c, firstOff, off - firstOff);
      }
      prevC = first;
      prevEnd = c;
      prevOff = firstOff;
    }
  }

  /** The index of the text of captures [first, end), their bytes at capData[off, off + bytes). */
  private add(first: number, end: number, off: number, bytes: number): number {
    const { capInfo, capLen, capData } = this.b;
    // FNV-1a of the infos, lengths and the first and last 32 bytes (texts with the same hash are compared in full).
    let h = 0x811c9dc5;
    for (let j = first; j < end; j++) h = Math.imul(Math.imul(h ^ capInfo[j]!, 0x01000193) ^ capLen[j]!, 0x01000193);
    const stop = off + bytes;
    const head = Math.min(stop, off + 32);
    for (let x = off; x < head; x++) h = Math.imul(h ^ capData[x]!, 0x01000193);
    for (let x = Math.max(head, stop - 32); x < stop; x++) h = Math.imul(h ^ capData[x]!, 0x01000193);
    const k = end - first;
    const last = this.byHash.get(h) ?? -1;
    for (let e = last; e >= 0; e = this.sameHash[e]!) {
      if (this.count[e] === k && sameCaptures(capInfo, capLen, capData, this.first[e]!, this.off[e]!, first, off, k)) return e;
    }
    const e = this.first.length;
    this.first.push(first);
    this.count.push(k);
    this.off.push(off);
    this.sameHash.push(last);
    this.byHash.set(h, e);
    // "[" "]", a comma between captures, and per capture `[a,f,e,""]` around its bytes in hex.
    let size = 2 + k - 1;
    for (let j = first; j < end; j++) {
      const info = capInfo[j]!;
      size += 7 + decimalDigits(info & 0xff) + decimalDigits((info >>> 8) & 0xff) + decimalDigits(info >>> 16) + 2 * capLen[j]!;
    }
    this.bytes += size;
    return e;
  }

  /** The column (bulk.ts's text column) for the rows `index` (the calls' indexes, some rows left out maybe). */
  encode(index: Int32Array): Uint8Array<ArrayBuffer> {
    const { capInfo, capLen, capData } = this.b;
    const data = Buffer.from(capData.buffer, capData.byteOffset, capData.byteLength);
    return textColumnOf(index, this.first.length, this.bytes, (out, e, at) => {
      let p = at;
      let o = this.off[e]!;
      const first = this.first[e]!;
      const end = first + this.count[e]!;
      out[p++] = 0x5b; // [
      for (let j = first; j < end; j++) {
        const info = capInfo[j]!;
        if (j > first) out[p++] = 0x2c; // ,
        out[p++] = 0x5b;
        p = writeDecimal(out, p, info & 0xff);
        out[p++] = 0x2c;
        p = writeDecimal(out, p, (info >>> 8) & 0xff);
        out[p++] = 0x2c;
        p = writeDecimal(out, p, info >>> 16);
        out[p++] = 0x2c;
        out[p++] = 0x22; // "
        const stop = o + capLen[j]!;
        // Node's hex for all but a few bytes (this runs once per distinct text: seldom hot enough to be compiled).
        if (stop - o > 16) {
          p += out.write(data.toString('hex', o, stop), p, 'latin1');
          o = stop;
        }
        for (; o < stop; o++) {
          const v = capData[o]!;
          out[p++] = HEX_DIGITS[v >>> 4]!;
          out[p++] = HEX_DIGITS[v & 15]!;
        }
        out[p++] = 0x22;
        out[p++] = 0x5d; // ]
      }
      out[p++] = 0x5d;
      return p - at;
    });
  }
}

/** Digits of a number below 100,000 in decimal. */
function decimalDigits(v: number): number {
  return v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : 5;
}

/** Writes `v` (below 100,000) in decimal ASCII at out[p]; returns the position after it. */
function writeDecimal(out: Uint8Array, p: number, v: number): number {
  const end = p + decimalDigits(v);
  for (let q = end - 1; q >= p; q--) {
    out[q] = 0x30 + (v % 10);
    v = (v / 10) | 0;
  }
  return end;
}

/** Whether the k captures from a (bytes from aOff) and from b (bytes from bOff) have the same info, lengths and bytes. */
function sameCaptures(info: Uint32Array, len: Uint32Array, data: Uint8Array, a: number, aOff: number, b: number, bOff: number, k: number): boolean {
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
  return nums;
}

interface SocketStats { readonly pid: number; readonly fd: number; readonly callSeq: number; calls: number; sent: number; received: number }
interface Stat { calls: number; errors: number; total: number; min: number; max: number }

/** Where a syscall's path column comes from (the table's roles): computed once per syscall number. */
interface PathRule {
  /** An fd argument whose file is the call's path when it has no path argument, or -1. */
  readonly fdArg: number;
  /** The dirfd argument whose file is the path when the path argument is "" (AT_EMPTY_PATH), or -1. */
  readonly dirfdArg: number;
}

function pathRule(info: SyscallInfo | undefined): PathRule {
  if (!info) return { fdArg: -1, dirfdArg: -1 };
  const firstPath = info.roles.findIndex((r) => r?.role === 'path');
  return {
    fdArg: firstPath >= 0 ? -1 : info.roles.findIndex((r) => r?.role === 'fd'),
    dirfdArg: firstPath >= 0 ? info.roles.findIndex((r, i) => i < firstPath && r?.role === 'dirfd') : -1,
  };
}

/** What the store keeps of the decoded stream beyond the rows: per-process counts, sockets, statistics, execs. */
class Gather {
  seq = 0;
  processEvents = 0;
  unfinished = 0;
  lastNs = 0;
  private readonly perProcess = new Map<ProcessModel, { calls: number }>();
  private readonly sockets = new Map<OpenFile, SocketStats>();
  private readonly stats = new Map<number, Stat>();
  private readonly names = new Map<number, [string, boolean]>();
  private readonly rules = new Map<number, PathRule>();
  // The last call's process, syscall number and fd's file, with what the maps above hold for them:
  // a run of calls from one process, of one syscall, on one file looks each up once.
  private lastProc: ProcessModel | undefined;
  private lastProcCalls = { calls: 0 };
  private lastNr = -1;
  private lastRule: PathRule = { fdArg: -1, dirfdArg: -1 };
  private lastStat: Stat | undefined;
  private lastFile: OpenFile | undefined;
  private lastSocket: SocketStats | undefined;
  private readonly pendingExec = new Map<number, { pid: number; tid: number; ts: number; filename: string }>();
  execs: ExecRow[] = [];
  signals: SignalRow[] = [];
  // the batch being filled
  private paths = new Interner();
  private pathIndex = new Int32Array(0);
  private args = new Interner();
  private argsIndex = new Int32Array(0);
  private fdCol: Float64Array = new Float64Array(0);
  private tsCol: Float64Array = new Float64Array(0);
  private failedCol: Float64Array = new Float64Array(0);
  private row = 0;
  /** Rows of the batch that are a filtered recording's state-only calls (bt-record -e): not calls of the run, left out. */
  stateRows: number[] = [];
  // The last row's call as decoded (the call a repeat repeats, or itself), and what that row took
  // beyond its times: a call that repeats it (the decoder's exact repeat: the same call, the model
  // unchanged) has the same text, paths, fd, process, socket and syscall, so its row copies them.
  private prevOf: DecodedSyscall | undefined;
  /** Per row of the batch: 1 when the row repeats the row before it (see prevOf). */
  repeatRows = new Uint8Array(0);
  private prevRow = 0;
  private prevSocket: SocketStats | undefined;
  private prevSent = 0;
  private prevReceived = 0;
  /** The statistics the last row counted in (undefined: a new task's return from clone, not counted). */
  private prevStat: Stat | undefined;

  constructor(private readonly model: TraceModel, private readonly mono0: number) {}

  startBatch(nums: Float64Array, rows: number): void {
    this.paths = new Interner();
    this.pathIndex = new Int32Array(rows * 3).fill(-1);
    this.args = new Interner();
    this.argsIndex = new Int32Array(rows);
    this.fdCol = numColumn(nums, CALL.FD, rows);
    this.fdCol.fill(NaN);
    this.tsCol = numColumn(nums, CALL.TS, rows);
    this.failedCol = numColumn(nums, CALL.FAILED, rows);
    this.row = 0;
    this.stateRows = [];
    this.prevOf = undefined;
    if (this.repeatRows.length < rows) this.repeatRows = new Uint8Array(rows);
    else this.repeatRows.fill(0, 0, rows);
  }

  endBatch(): { paths: string[]; pathIndex: Int32Array<ArrayBuffer>; args: Interner; argsIndex: Int32Array } {
    return { paths: this.paths.list, pathIndex: this.pathIndex as Int32Array<ArrayBuffer>, args: this.args, argsIndex: this.argsIndex };
  }

  event(ev: DecodedEvent): void {
    if (ev.kind === 'syscall') this.syscall(ev);
    else this.process(ev);
  }

  private syscall(d: DecodedSyscall): void {
    const of = d.repeatOf;
    if (of !== undefined && of === this.prevOf) {
      this.repeat(d);
      return;
    }
    this.prevOf = undefined;
    if (d.stateOnly) {
      this.stateRows.push(this.row++);
      return;
    }
    const i = this.row++;
    const seq = this.seq++;
    const ts = d.enterNs - this.mono0;
    this.tsCol[i] = ts;
    this.failedCol[i] = d.failed ? 1 : 0;
    this.argsIndex[i] = this.args.add(d.argsText);
    const p = d.thread.proc;
    if (p !== this.lastProc) {
      let c = this.perProcess.get(p);
      if (!c) this.perProcess.set(p, (c = { calls: 0 }));
      this.lastProc = p;
      this.lastProcCalls = c;
    }
    this.lastProcCalls.calls++;
    if (d.unfinished) this.unfinished++;
    const end = d.exitNs - this.mono0;
    if (end > this.lastNs) this.lastNs = end;
    const info = d.info;

    // Paths: the path arguments as written, else the file an fd argument refers to (as it was opened).
    if (d.nr !== this.lastNr) {
      let r = this.rules.get(d.nr);
      if (!r) this.rules.set(d.nr, (r = pathRule(info)));
      this.lastNr = d.nr;
      this.lastRule = r;
      this.lastStat = this.stats.get(d.nr);
    }
    const rule = this.lastRule;
    let socket: SocketStats | undefined;
    let sent = 0;
    let received = 0;
    const path0 = d.paths[0];
    let fdArg = rule.fdArg;
    if (path0 === '' && rule.dirfdArg >= 0) fdArg = rule.dirfdArg;
    else if (path0 !== undefined) this.pathIndex[3 * i] = this.paths.add(path0);
    const path1 = d.paths[1];
    if (path1 !== undefined) this.pathIndex[3 * i + 1] = this.paths.add(path1);
    // The canonical path (-y): of the file an open made, else of the one its fd refers to (below).
    const opened = d.made[0]?.file;
    if (path0 !== undefined && opened?.kind === 'file' && opened.canonical !== undefined) this.pathIndex[3 * i + 2] = this.paths.add(opened.canonical);
    if (fdArg >= 0) {
      const e = d.fdAt[fdArg];
      if (e) {
        const f = e.file;
        const path = f.kind === 'file' ? f.written ?? f.path : undefined;
        if (path !== undefined) {
          this.pathIndex[3 * i] = this.paths.add(path);
          if (f.canonical !== undefined) this.pathIndex[3 * i + 2] = this.paths.add(f.canonical);
          this.fdCol[i] = e.fd;
        }
        if (f !== this.lastFile) {
          this.lastFile = f;
          this.lastSocket = this.sockets.get(f);
        }
        const s = this.lastSocket;
        if (s) {
          s.calls++;
          if (!d.failed && !d.unfinished && d.ret > 0) {
            if (info?.effect === 'write') s.sent += sent = d.ret;
            else if (info?.effect === 'read') s.received += received = d.ret;
          }
          socket = s;
        }
      }
    }
    for (const e of d.made) {
      if (e.file.kind === 'socket' && !this.sockets.has(e.file)) {
        this.sockets.set(e.file, { pid: p.pid, fd: e.fd, callSeq: seq, calls: 1, sent: 0, received: 0 });
        this.lastFile = undefined;
      }
    }
    if (info?.effect === 'exec' && !d.failed && !d.unfinished) {
      const pending = this.pendingExec.get(d.pid);
      if (pending) this.flushExec(pending, p.argv ? JSON.stringify(p.argv) : null);
    }

    // As bt-show -c: every call counts (unfinished ones with no time), except a new task's return from clone.
    let st: Stat | undefined;
    if (!(info?.effect === 'fork' && (d.flags & SyscallFlag.NO_ENTRY) !== 0 && d.ret === 0)) {
      const dur = d.exitNs - d.enterNs;
      st = this.lastStat;
      if (!st) {
        this.stats.set(d.nr, (st = this.lastStat = { calls: 0, errors: 0, total: 0, min: dur, max: dur }));
        this.names.set(d.nr, [d.name, info !== undefined]);
      }
      st.calls++;
      if (d.failed) st.errors++;
      st.total += dur;
      if (dur < st.min) st.min = dur;
      if (dur > st.max) st.max = dur;
    }
    // An exec's row also ends the exec's pending row: not one to copy.
    if (info?.effect !== 'exec') {
      this.prevOf = d.repeatOf ?? d;
      this.prevRow = i;
      this.prevSocket = socket;
      this.prevSent = sent;
      this.prevReceived = received;
      this.prevStat = st;
    }
  }

  /** A call that repeats the last row's (see prevOf): its row is that row's with its own times. */
  private repeat(d: DecodedSyscall): void {
    const i = this.row++;
    const j = this.prevRow;
    this.repeatRows[i] = 1;
    this.seq++;
    this.tsCol[i] = d.enterNs - this.mono0;
    this.failedCol[i] = this.failedCol[j]!;
    this.argsIndex[i] = this.argsIndex[j]!;
    const pi = this.pathIndex;
    pi[3 * i] = pi[3 * j]!;
    pi[3 * i + 1] = pi[3 * j + 1]!;
    pi[3 * i + 2] = pi[3 * j + 2]!;
    this.fdCol[i] = this.fdCol[j]!;
    this.lastProcCalls.calls++;
    const end = d.exitNs - this.mono0;
    if (end > this.lastNs) this.lastNs = end;
    const s = this.prevSocket;
    if (s) {
      s.calls++;
      s.sent += this.prevSent;
      s.received += this.prevReceived;
    }
    const st = this.prevStat;
    if (st) {
      const dur = d.exitNs - d.enterNs;
      st.calls++;
      if (this.failedCol[j] === 1) st.errors++;
      st.total += dur;
      if (dur < st.min) st.min = dur;
      if (dur > st.max) st.max = dur;
    }
    this.prevRow = i;
  }

  private flushExec(e: { pid: number; tid: number; ts: number; filename: string }, argv: string | null): void {
    this.execs.push({ ...e, argv });
    this.pendingExec.delete(e.pid);
  }

  private process(d: DecodedProcessEvent): void {
    this.processEvents++;
    const ts = d.ns - this.mono0;
    switch (d.kind) {
      case 'exec': {
        const pending = this.pendingExec.get(d.pid);
        if (pending) this.flushExec(pending, null);
        this.pendingExec.set(d.pid, { pid: d.pid, tid: d.tid, ts, filename: d.filename ?? '' });
        break;
      }
      case 'exited': case 'killed': {
        const pending = this.pendingExec.get(d.pid);
        if (pending && !d.task.proc.alive) this.flushExec(pending, null);
        break;
      }
      case 'signal':
        this.signals.push({ ts, pid: d.pid, tid: d.tid, signo: d.signo ?? 0, signal: d.signal ?? '' });
        break;
      default:
        break;
    }
  }

  summary(): SummaryMessage {
    for (const e of [...this.pendingExec.values()]) this.flushExec(e, null);
    const mono0 = this.mono0;
    const processes: ProcessRow[] = this.model.processes.map((p) => ({
      pid: p.pid, parentPid: p.parent?.pid ?? null, exe: p.programs.length ? p.program : p.parent?.program ?? null,
      argv: p.argv ? JSON.stringify(p.argv) : null, startNs: p.startNs - mono0, endNs: p.endNs === undefined ? null : p.endNs - mono0,
      exitStatus: p.exitStatus ?? null, threads: p.threads.length - 1, syscalls: this.perProcess.get(p)?.calls ?? 0,
    }));
    const sockets: SocketRow[] = [...this.sockets].map(([f, s]) => ({
      pid: s.pid, fd: s.fd, callSeq: s.callSeq, family: f.family === undefined ? null : socketFamilyName(f.family),
      type: f.type === undefined ? null : socketTypeName(f.type), protocol: f.protocol ?? null, local: f.local ?? null, peer: f.peer ?? null,
      sent: s.sent, received: s.received, calls: s.calls, openedNs: f.openedNs - mono0, closedNs: f.closedNs === undefined ? null : f.closedNs - mono0,
    }));
    const stats: StatRow[] = [...this.stats].map(([nr, s]) => {
      const [name, known] = this.names.get(nr)!;
      return { nr, name, known, ...s };
    });
    const execs = this.execs;
    this.execs = [];
    return { kind: 'summary', calls: this.seq, processEvents: this.processEvents, unfinished: this.unfinished, lastNs: this.lastNs, processes, sockets, stats, execs };
  }
}

/** A batch's row-aligned columns without the rows `drop` (ascending); as they are when it is empty. */
function withoutRows(drop: readonly number[], n: number, nums: Float64Array<ArrayBuffer>, pathIndex: Int32Array<ArrayBuffer>, argsIndex: Int32Array, capsIdx: Int32Array):
  { n: number; nums: Float64Array<ArrayBuffer>; pathIndex: Int32Array<ArrayBuffer>; argsIndex: Int32Array; capsIdx: Int32Array } {
  if (drop.length === 0) return { n, nums, pathIndex, argsIndex, capsIdx };
  const m = n - drop.length;
  const keep: number[] = [];
  for (let i = 0, d = 0; i < n; i++) {
    if (d < drop.length && drop[d] === i) d++;
    else keep.push(i);
  }
  const out = { n: m, nums: numColumns(CALL_COLUMNS, m), pathIndex: new Int32Array(3 * m), argsIndex: new Int32Array(m), capsIdx: new Int32Array(m) };
  for (let k = 0; k < CALL_COLUMNS; k++) {
    const from = numColumn(nums, k, n), to = numColumn(out.nums, k, m);
    keep.forEach((i, j) => { to[j] = from[i]!; });
  }
  keep.forEach((i, j) => {
    for (let k = 0; k < 3; k++) out.pathIndex[3 * j + k] = pathIndex[3 * i + k]!;
    out.argsIndex[j] = argsIndex[i]!;
    out.capsIdx[j] = capsIdx[i]!;
  });
  return out;
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
  let decoder: TraceDecoder | undefined;
  let gather: Gather | undefined;
  let mono0 = 0;
  for await (const rec of readTraceColumns(input.file, { reuse: true })) {
    if (rec.kind === 'header') {
      port.postMessage({ kind: 'header', header: plain(rec.header) } satisfies DecodeWorkerMessage);
      mono0 = Number(rec.header.monotonicNs ?? 0);
      // bt-show's defaults: strings cut at 32 bytes, no hex, no fd paths (file_access has those).
      const td = TraceDecoder.forHeader(rec.header, rec.offset, { strSize: 32, xflag: 0, fdPaths: false, deliveryOrder: true }, (ev) => gather!.event(ev));
      if (!(td instanceof TraceDecoder)) {
        port.postMessage({ kind: 'unknown-abi', abi: rec.header.syscallAbi || rec.header.arch || '' } satisfies DecodeWorkerMessage);
        break;
      }
      decoder = td;
      gather = new Gather(td.decoder.model, mono0);
    } else if (rec.kind === 'batch' && decoder && gather) {
      // With --no-data the decoded text prints such a buffer as strace prints one it could not read: its address.
      const b = input.noData ? batchWithoutCapturedData(rec.batch, decoder.table) : rec.batch;
      const n = b.scNr.length;
      const nums = callNums(b, mono0, free);
      gather.startBatch(nums, n);
      decoder.batch(b);
      const { paths, pathIndex, args, argsIndex } = gather.endBatch();
      const caps = new CaptureTexts(b, gather.repeatRows);
      const rows = withoutRows(gather.stateRows, n, nums, pathIndex, argsIndex, caps.index);
      const msg: BatchMessage = {
        kind: 'batch', offset: rec.offset, rows: rows.n, nums: rows.nums, paths, pathIndex: rows.pathIndex, args: encodeTextColumn(args.list, rows.argsIndex),
        caps: caps.encode(rows.capsIdx), execs: gather.execs, signals: gather.signals, exact: exactCells(b, gather.stateRows),
      };
      gather.execs = [];
      gather.signals = [];
      while (sent - acked >= input.ahead) await new Promise<void>((r) => { wake = r; });
      wake = undefined;
      port.postMessage(msg, [msg.nums.buffer, msg.pathIndex.buffer, msg.args.buffer, msg.caps.buffer]);
      sent++;
    } else if (rec.kind === 'trailer') {
      port.postMessage({ kind: 'trailer', trailer: plain(rec.trailer) } satisfies DecodeWorkerMessage);
    } else if (rec.kind === 'end') {
      if (gather) port.postMessage(gather.summary());
      port.postMessage((rec.problem ? { kind: 'end', complete: rec.complete, problem: rec.problem } : { kind: 'end', complete: rec.complete }) satisfies DecodeWorkerMessage);
    }
  }
  port.close();
}

if (parentPort) {
  const port = parentPort;
  const run = (input: DecodeWorkerInput): void => {
    main(input, port).catch((e: unknown) => {
      port.postMessage({ kind: 'error', message: e instanceof Error ? e.message : String(e) } satisfies DecodeWorkerMessage);
      port.close();
    });
  };
  // Started with its file, or started ahead and given it in a first message (DecodeFeed.read).
  if (workerData) run(workerData as DecodeWorkerInput);
  else port.once('message', (m: DecodeWorkerInput) => run(m));
}
