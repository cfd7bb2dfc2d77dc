// Indexing one trace file into the store: one transaction, streaming batch by
// batch, multi-row prepared inserts. Besides the raw rows it follows each
// process's file descriptors, so fd-based calls get the path their fd was opened
// with, and sockets get their addresses and byte counts.
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { constants as osConstants } from 'node:os';
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import {
  CaptureFlag, type Header, ProcessEventKind, type ProcessEventMessage, syscallTable, type SyscallTable, type Trailer,
} from '@beetrace/format';
import { blob, CALL, numColumn } from './bulk.js';
import { type Db, EXIT, loadRowsExtension, StoreError } from './db.js';
import type { BatchMessage, DecodeWorkerInput, DecodeWorkerMessage } from './decode-worker.js';
import { errnoNames } from './generated/errno.js';
import { formatSockaddr, socketFamilyName, socketTypeName } from './sockaddr.js';

export interface IngestOptions {
  /** Checked between batches: when it returns true the ingest is rolled back and INTERRUPTED thrown. */
  readonly shouldStop?: () => boolean;
}

export interface IngestResult {
  /** Trace id: the new one, or the existing one when the file was already stored. */
  readonly id: number;
  /** False when the same content was already stored (nothing changed). */
  readonly added: boolean;
  readonly syscalls: number;
  /** Set when only part of the file could be read. */
  readonly problem?: string;
}

/** SHA-256 of a file's content, hex, streaming. */
export async function hashFile(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** The same, synchronously: the ingest hashes while its reading thread starts. */
export function hashFileSync(path: string): string {
  const h = createHash('sha256');
  const buf = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0;) h.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return h.digest('hex');
}

const O_CLOEXEC = 0o2000000;
const SOCK_CLOEXEC = 0o2000000;
const F_DUPFD = 0;
const F_SETFD = 2;
const F_DUPFD_CLOEXEC = 1030;
const FD_CLOEXEC = 1;
const AT_FDCWD = -100;

/** Argument names that hold a file descriptor whose file the call acts on. */
const FD_ARG_NAMES = new Set(['fd', 'fildes', 'out_fd', 'fd_in', 'fdin', 'ufd']);
const CLONES = new Set(['clone', 'clone3', 'fork', 'vfork']);
/** Directory fd arguments of *at calls. */
const DIRFD_ARG_NAMES = new Set(['dfd', 'fd', 'olddfd', 'from_dfd']);
/** String arguments of %file calls that are not paths. */
const NOT_PATH_ARGS = new Set(['name', 'type', '_key']);
/** Calls whose successful return moves data through an fd: direction for socket byte counts. */
const SENDS = new Set(['write', 'writev', 'pwrite64', 'pwritev', 'pwritev2', 'sendto', 'sendmsg', 'sendfile']);
const RECEIVES = new Set(['read', 'readv', 'pread64', 'preadv', 'preadv2', 'recvfrom', 'recvmsg']);

const signalNames = new Map<number, string>();
for (const [name, nr] of Object.entries(osConstants.signals)) if (!signalNames.has(nr)) signalNames.set(nr, name);

type Effect =
  | 'open' | 'close' | 'close_range' | 'dup' | 'dup2' | 'dup3' | 'fcntl' | 'socket' | 'socketpair'
  | 'accept' | 'accept4' | 'connect' | 'bind' | 'sendto' | 'recvfrom' | 'pipe' | 'exec' | 'none';

interface CallInfo {
  readonly name: string;
  /** Up to two path arguments (string captures of %file calls). */
  readonly pathArgs: readonly number[];
  /** The fd argument resolved to a path, -1 when none (or when the call has path arguments). */
  readonly fdArg: number;
  /** *at calls: the directory fd argument, used for the path when the path argument is "" (AT_EMPTY_PATH). */
  readonly dirfdArg: number;
  /** Capture kind per argument index. */
  readonly kinds: readonly (string | undefined)[];
  readonly effect: Effect;
  /** open: the argument holding the open flags, -1 when none. */
  readonly flagsArg: number;
  readonly direction: 0 | 1 | -1; // 1 send, -1 receive
  readonly known: boolean;
  /** clone, clone3, fork, vfork: a NO_ENTRY return of 0 is the new task's side, which bt-show -c does not count. */
  readonly clone: boolean;
}

const EFFECTS: Record<string, Effect> = {
  open: 'open', openat: 'open', openat2: 'open', creat: 'open', open_tree: 'open',
  close: 'close', close_range: 'close_range', dup: 'dup', dup2: 'dup2', dup3: 'dup3', fcntl: 'fcntl',
  socket: 'socket', socketpair: 'socketpair', accept: 'accept', accept4: 'accept4', connect: 'connect', bind: 'bind',
  sendto: 'sendto', recvfrom: 'recvfrom', pipe: 'pipe', pipe2: 'pipe', execve: 'exec', execveat: 'exec',
};
const OPEN_FLAGS_ARG: Record<string, number> = { open: 1, openat: 2 };

function buildInfo(table: SyscallTable): CallInfo[] {
  const infos: CallInfo[] = [];
  for (let nr = 0; nr <= Math.max(table.maxNr, 1023); nr++) {
    const s = table.byNr.get(nr);
    if (!s) {
      infos.push({ name: `syscall_${nr}`, pathArgs: [], fdArg: -1, dirfdArg: -1, kinds: [], effect: 'none', flagsArg: -1, direction: 0, known: false, clone: false });
      continue;
    }
    const kinds: (string | undefined)[] = [];
    for (const cap of s.capture) if (kinds[cap.arg] === undefined) kinds[cap.arg] = cap.kind;
    const pathArgs = s.classes.includes('file')
      ? s.capture.filter((cap) => cap.kind === 'string' && !NOT_PATH_ARGS.has(s.args[cap.arg]?.name ?? '')).map((cap) => cap.arg).slice(0, 2)
      : [];
    const fdArg = pathArgs.length > 0 ? -1 : s.args.findIndex((a) => FD_ARG_NAMES.has(a.name));
    const dirfdArg = pathArgs.length > 0 ? s.args.findIndex((a, i) => i < pathArgs[0]! && DIRFD_ARG_NAMES.has(a.name)) : -1;
    infos.push({
      name: s.name, pathArgs, fdArg, dirfdArg, kinds, effect: EFFECTS[s.name] ?? 'none', flagsArg: OPEN_FLAGS_ARG[s.name] ?? -1,
      direction: SENDS.has(s.name) ? 1 : RECEIVES.has(s.name) ? -1 : 0, known: true, clone: CLONES.has(s.name),
    });
  }
  return infos;
}

interface Socket {
  readonly pid: number;
  readonly fd: number;
  readonly callId: number;
  family: string | null;
  readonly type: string | null;
  readonly protocol: number | null;
  local: string | null;
  peer: string | null;
  sent: number;
  received: number;
  calls: number;
  readonly openedNs: number;
  closedNs: number | null;
  /** fds referring to it, across processes. */
  refs: number;
}

/** What an fd refers to. Shared by dup'd and inherited fds. */
interface OpenFile { readonly pathId: number | null; readonly socket: Socket | null }
interface FdEntry { readonly file: OpenFile; cloexec: boolean }
type FdTable = Map<number, FdEntry>;

interface Proc {
  readonly pid: number;
  readonly parentPid: number | null;
  readonly startNs: number;
  exe: string | null;
  argv: string | null;
  endNs: number | null;
  exitStatus: number | null;
  threads: number;
  syscalls: number;
}

/** The capture columns of a batch. */
type Captures = Pick<BatchMessage, 'capInfo' | 'capLen'>;

interface PendingExec { pid: number; tid: number; ts: number; filename: string }

function exitParts(status: number): { code: number | null; signal: number | null } {
  return (status & 0x7f) === 0 ? { code: (status >> 8) & 0xff, signal: null } : { code: null, signal: status & 0x7f };
}

function exitStatusText(t: Trailer | undefined, attached: boolean): string | null {
  if (!t || attached) return null;
  if (t.termSignal) return `killed by ${signalNames.get(t.termSignal) ?? `signal ${t.termSignal}`}${t.coreDumped ? ' (core dumped)' : ''}`;
  if (t.programExited) return `exit ${t.exitCode ?? 0}`;
  return null;
}

/** The decode worker's messages: the file's records, in order. */
class DecodeFeed {
  private readonly worker: Worker;
  private readonly queue: DecodeWorkerMessage[] = [];
  private waiting: ((m: DecodeWorkerMessage) => void) | undefined;
  private ended = false;

  constructor(file: string) {
    const input: DecodeWorkerInput = { file, ahead: 8 };
    // The parent's node flags, except --input-type (a `node -e` caller's), which a file worker refuses.
    const execArgv = process.execArgv.filter((a, i, all) => !a.startsWith('--input-type') && all[i - 1] !== '--input-type');
    this.worker = new Worker(new URL('./decode-worker.js', import.meta.url), { workerData: input, execArgv });
    this.worker.on('message', (m: DecodeWorkerMessage) => this.push(m));
    this.worker.on('error', (e: Error) => this.push({ kind: 'error', message: e.message }));
    this.worker.on('exit', () => this.push({ kind: 'error', message: 'the reading thread exited early' }));
  }

  private push(m: DecodeWorkerMessage): void {
    if (this.ended) return;
    if (m.kind === 'end' || m.kind === 'error') this.ended = true;
    const w = this.waiting;
    if (w) {
      this.waiting = undefined;
      w(m);
    } else this.queue.push(m);
  }

  /** The next message; throws when the worker failed. */
  async next(): Promise<Exclude<DecodeWorkerMessage, { kind: 'error' }>> {
    const m = this.queue.shift() ?? await new Promise<DecodeWorkerMessage>((r) => { this.waiting = r; });
    if (m.kind === 'error') throw new StoreError('READ_FAILED', `reading the trace failed: ${m.message}`);
    if (m.kind === 'batch') this.worker.postMessage(0);
    return m;
  }

  /** Gives a stored batch's number buffer back to the worker to fill again. */
  recycle(m: BatchMessage): void {
    this.worker.postMessage(m.nums.buffer, [m.nums.buffer]);
  }

  close(): void {
    this.worker.removeAllListeners('exit');
    void this.worker.terminate();
  }
}

/**
 * The calls rows of one trace, a batch at a time: one INSERT ... SELECT from
 * bt_rows (src/bulk.ts) binds the batch's number columns as one blob and the
 * decode worker's two text columns as they came. trace_id is a literal, seq is
 * computed from the ID column, errno from ret and flags.
 */
class Inserter {
  private readonly stmt: Database.Statement;

  constructor(db: Db, traceId: number, firstId: number) {
    loadRowsExtension(db);
    const n = (k: number): string => `n${k}`;
    const ret = n(CALL.RET);
    const flags = n(CALL.FLAGS);
    const names = [...errnoNames].map(([nr, name]) => `WHEN ${nr} THEN '${name}'`).join(' ');
    const errno = `CASE WHEN ${flags} & 1 = 0 AND ${ret} < 0 AND ${ret} >= -4095
      THEN ifnull(CASE CAST(-${ret} AS INTEGER) ${names} END, 'E' || CAST(-${ret} AS INTEGER)) END`;
    // No id: SQLite gives each row the largest id + 1, which is the id in the ID column (the trace's ids
    // start at max(id) + 1 and nothing else writes during the transaction; checked at the end), and
    // appends it without first looking for an existing row with that id.
    this.stmt = db.prepare(`INSERT INTO calls (trace_id, seq, pid, tid, nr, ret, errno, ts_ns, dur_ns, arg0, arg1, arg2, arg3, arg4, arg5,
        flags, path_id, path2_id, fd, caps, args)
      SELECT ${traceId}, ${n(CALL.ID)} - ${firstId}, ${n(CALL.PID)}, ${n(CALL.TID)}, ${n(CALL.NR)}, ${ret}, ${errno},
        ${n(CALL.TS)}, ${n(CALL.DUR)}, ${[0, 1, 2, 3, 4, 5].map((k) => n(CALL.ARG0 + k)).join(', ')}, ${flags},
        ${n(CALL.PATH)}, ${n(CALL.PATH2)}, ${n(CALL.FD)}, t0, t1
      FROM bt_rows(?, ?, ?, ?)`);
  }

  /** Inserts a batch whose number columns are complete. */
  insert(m: BatchMessage): void {
    this.stmt.run(m.rows, blob(m.nums), blob(m.caps), blob(m.args));
  }
}

/** Ingest state of one trace. */
class TraceIngest {
  private readonly infos: CallInfo[];
  private readonly ins: Inserter;
  private readonly pathIds = new Map<string, number>();
  private readonly findPath: Database.Statement;
  private readonly addPath: Database.Statement;
  private readonly procs = new Map<number, Proc>();
  private readonly fds = new Map<number, FdTable>();
  private readonly sockets = new Set<Socket>();
  private readonly pendingExec = new Map<number, PendingExec>();
  private readonly stats: Map<number, { calls: number; errors: number; total: number; min: number; max: number }> = new Map();
  private readonly insProc: Database.Statement;
  private readonly insExec: Database.Statement;
  private readonly insSignal: Database.Statement;
  private readonly insSocket: Database.Statement;
  seq = 0;
  processEvents = 0;
  unfinished = 0;
  lastNs = 0;

  constructor(private readonly db: Db, private readonly traceId: number, private readonly firstId: number,
    private readonly mono0: number, table: SyscallTable, cwd: string | undefined) {
    this.infos = buildInfo(table);
    this.ins = new Inserter(db, traceId, firstId);
    this.findPath = db.prepare('SELECT id FROM paths WHERE path = ?').pluck();
    this.addPath = db.prepare('INSERT INTO paths (path) VALUES (?)');
    this.insProc = db.prepare(`INSERT INTO processes (trace_id, pid, parent_pid, exe, argv, start_ns, end_ns, exit_status, exit_code, term_signal, threads, syscalls)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insExec = db.prepare('INSERT INTO execs (trace_id, pid, tid, ts_ns, filename, argv) VALUES (?, ?, ?, ?, ?, ?)');
    this.insSignal = db.prepare('INSERT INTO signals (trace_id, ts_ns, pid, tid, signo, signal) VALUES (?, ?, ?, ?, ?, ?)');
    this.insSocket = db.prepare(`INSERT INTO sockets (trace_id, pid, fd, call_id, family, type, protocol, local, peer, bytes_sent, bytes_received, calls, opened_ns, closed_ns)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  private pathId(path: string): number {
    let id = this.pathIds.get(path);
    if (id === undefined) {
      id = this.findPath.get(path) as number | undefined;
      if (id === undefined) id = Number(this.addPath.run(path).lastInsertRowid);
      this.pathIds.set(path, id);
    }
    return id;
  }

  private proc(pid: number, ns: number): Proc {
    let p = this.procs.get(pid);
    if (!p) {
      p = { pid, parentPid: null, startNs: ns, exe: null, argv: null, endNs: null, exitStatus: null, threads: 0, syscalls: 0 };
      this.procs.set(pid, p);
    }
    return p;
  }

  private fdTable(pid: number): FdTable {
    let t = this.fds.get(pid);
    if (!t) {
      t = new Map();
      this.fds.set(pid, t);
    }
    return t;
  }

  private setFd(pid: number, fd: number, file: OpenFile, cloexec: boolean, ns: number): void {
    const t = this.fdTable(pid);
    this.closeFd(t, fd, ns);
    t.set(fd, { file, cloexec });
    if (file.socket) file.socket.refs++;
  }

  private closeFd(t: FdTable, fd: number, ns: number): void {
    const e = t.get(fd);
    if (!e) return;
    t.delete(fd);
    const s = e.file.socket;
    if (s && --s.refs === 0) s.closedNs = ns;
  }

  private flushProc(p: Proc): void {
    const ex = p.exitStatus === null ? { code: null, signal: null } : exitParts(p.exitStatus);
    this.insProc.run(this.traceId, p.pid, p.parentPid, p.exe, p.argv, p.startNs, p.endNs, p.exitStatus, ex.code, ex.signal, p.threads, p.syscalls);
  }

  private flushExec(e: PendingExec, argv: string | null): void {
    this.insExec.run(this.traceId, e.pid, e.tid, e.ts, e.filename, argv);
    const p = this.procs.get(e.pid);
    if (p) p.argv = argv;
    this.pendingExec.delete(e.pid);
  }

  private processEvent(m: ProcessEventMessage): void {
    this.processEvents++;
    const ts = Number(m.tsNs ?? 0) - this.mono0;
    const pid = m.pid ?? 0;
    switch (m.kind) {
      case ProcessEventKind.FORK: {
        if (m.thread) {
          this.proc(pid, ts).threads++;
          break;
        }
        const old = this.procs.get(pid);
        if (old) {
          this.flushProc(old);
          this.procs.delete(pid);
        }
        const parent = m.parentPid ?? 0;
        this.procs.set(pid, { pid, parentPid: parent, startNs: ts, exe: this.procs.get(parent)?.exe ?? null, argv: null, endNs: null, exitStatus: null, threads: 0, syscalls: 0 });
        const pt = this.fds.get(parent);
        const t: FdTable = new Map();
        if (pt) for (const [fd, e] of pt) {
          t.set(fd, { file: e.file, cloexec: e.cloexec });
          if (e.file.socket) e.file.socket.refs++;
        }
        const existing = this.fds.get(pid);
        if (existing) for (const fd of [...existing.keys()]) this.closeFd(existing, fd, ts);
        this.fds.set(pid, t);
        break;
      }
      case ProcessEventKind.EXEC: {
        const pending = this.pendingExec.get(pid);
        if (pending) this.flushExec(pending, null);
        const p = this.proc(pid, ts);
        p.exe = m.filename ?? '';
        p.argv = null;
        this.pendingExec.set(pid, { pid, tid: m.tid ?? pid, ts, filename: m.filename ?? '' });
        const t = this.fds.get(pid);
        if (t) for (const [fd, e] of [...t]) if (e.cloexec) this.closeFd(t, fd, ts);
        break;
      }
      case ProcessEventKind.EXIT: {
        if (!m.groupDead) break;
        const p = this.proc(pid, ts);
        p.endNs = ts;
        p.exitStatus = m.exitCode ?? 0;
        const t = this.fds.get(pid);
        if (t) {
          for (const fd of [...t.keys()]) this.closeFd(t, fd, ts);
          this.fds.delete(pid);
        }
        const pending = this.pendingExec.get(pid);
        if (pending) this.flushExec(pending, null);
        break;
      }
      case ProcessEventKind.SIGNAL: {
        const signo = m.signo ?? 0;
        this.insSignal.run(this.traceId, ts, pid, m.tid ?? 0, signo, signalNames.get(signo) ?? null);
        break;
      }
      default:
        break;
    }
  }

  /** Stores a batch: follows its calls and process events, fills the rows' id and path columns, inserts the rows. */
  batch(m: BatchMessage): void {
    const n = m.rows;
    const procs = m.processEvents;
    let p = 0;
    let c = 0;
    let capOff = 0;
    const capCount = m.capSyscall.length;
    const data = blob(m.capData);
    const infos = this.infos;
    const col = (k: number): Float64Array => numColumn(m.nums, k, n);
    const [pidCol, nrCol, retCol, tsCol, durCol, flagsCol, idCol, pathCol, path2Col, fdColumn] =
      [CALL.PID, CALL.NR, CALL.RET, CALL.TS, CALL.DUR, CALL.FLAGS, CALL.ID, CALL.PATH, CALL.PATH2, CALL.FD].map(col) as
        [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    const argCols = [0, 1, 2, 3, 4, 5].map((k) => col(CALL.ARG0 + k));
    const arg0Col = argCols[0]!;
    /** Argument k of call i, 0 when missing (NULL in the row). */
    const arg = (k: number, i: number): number => {
      const v = argCols[k]![i]!;
      return v === v ? v : 0;
    };
    let lastPid = -1;
    let lastProc: Proc | undefined;
    for (let i = 0; i < n; i++) {
      while (p < procs.length && (procs[p]!.position ?? 0) <= i) {
        this.processEvent(procs[p++]!);
        lastPid = -1;
      }
      const dur = durCol[i]!;
      const ts = tsCol[i]!;
      const pid = pidCol[i]!;
      const nr = nrCol[i]!;
      const ret = retCol[i]!;
      const flags = flagsCol[i]!;
      const seq = this.seq++;
      const id = this.firstId + seq;
      const info = infos[nr] ?? this.unknown(nr);
      const unfinished = (flags & 1) !== 0;
      if (unfinished) this.unfinished++;
      const failed = !unfinished && ret < 0 && ret >= -4095;

      if (pid !== lastPid) {
        lastPid = pid;
        lastProc = this.proc(pid, ts);
      }
      lastProc!.syscalls++;

      // Captures of this call: rows, and the strings the path logic needs.
      let path0: string | null = null;
      let path1: string | null = null;
      let capFirst = c;
      while (c < capCount && m.capSyscall[c] === i) {
        const info32 = m.capInfo[c]!;
        const len = m.capLen[c]!;
        const arg = info32 & 0xff;
        const cflags = (info32 >>> 8) & 0xff;
        if (info.pathArgs.length > 0 && !(cflags & CaptureFlag.FAULT)) {
          if (arg === info.pathArgs[0]) path0 = data.toString('utf8', capOff, capOff + len);
          else if (arg === info.pathArgs[1]) path1 = data.toString('utf8', capOff, capOff + len);
        }
        capOff += len;
        c++;
      }

      const a0 = arg0Col[i]!;
      let pathId: number | null = null;
      let path2Id: number | null = null;
      let fdCol: number | null = null;
      let table: FdTable | undefined;
      let fdArg = info.fdArg;
      if (path0 === '' && info.dirfdArg >= 0) fdArg = info.dirfdArg;
      else if (path0 !== null) pathId = this.pathId(path0);
      if (path1 !== null) path2Id = this.pathId(path1);
      if (fdArg >= 0) {
        const fd = arg(fdArg, i);
        table = this.fds.get(pid);
        const e = table?.get(fd);
        if (e) {
          if (e.file.pathId !== null) {
            pathId = e.file.pathId;
            fdCol = fd;
          }
          const s = e.file.socket;
          if (s) {
            s.calls++;
            if (!failed && !unfinished && ret > 0) {
              if (info.direction > 0) s.sent += ret;
              else if (info.direction < 0) s.received += ret;
            }
          }
        }
      }

      idCol[i] = id;
      pathCol[i] = pathId ?? NaN;
      path2Col[i] = path2Id ?? NaN;
      fdColumn[i] = fdCol ?? NaN;

      // As bt-show -c: every call counts (unfinished ones with no time), except a new task's return from clone.
      const childReturn = (flags & 2) !== 0 && ret === 0 && info.clone;
      let st = childReturn ? undefined : this.stats.get(nr);
      if (!st && !childReturn) {
        st = { calls: 0, errors: 0, total: 0, min: dur, max: dur };
        this.stats.set(nr, st);
      }
      if (st) {
        st.calls++;
        if (failed) st.errors++;
        st.total += dur;
        if (dur < st.min) st.min = dur;
        if (dur > st.max) st.max = dur;
      }

      if (info.effect !== 'none' && !unfinished) {
        this.effect(info, pid, id, ts, ret, failed, [a0, arg(1, i), arg(2, i), arg(3, i), arg(4, i), arg(5, i)], pathId, data, m, capFirst, c, capOff);
        lastPid = -1;
      }
      capFirst = c;
      if (ts + dur > this.lastNs) this.lastNs = ts + dur;
    }
    while (p < procs.length) this.processEvent(procs[p++]!);
    this.ins.insert(m);
  }

  private unknown(nr: number): CallInfo {
    const info: CallInfo = { name: `syscall_${nr}`, pathArgs: [], fdArg: -1, dirfdArg: -1, kinds: [], effect: 'none', flagsArg: -1, direction: 0, known: false, clone: false };
    this.infos[nr] = info;
    return info;
  }

  /** Captured bytes of argument `arg` of the call whose captures are [from, to) ending at byte `end`. */
  private capture(b: Captures, data: Buffer, from: number, to: number, end: number, arg: number): Buffer | undefined {
    let off = end;
    for (let j = to - 1; j >= from; j--) off -= b.capLen[j]!;
    for (let j = from; j < to; j++) {
      const len = b.capLen[j]!;
      if ((b.capInfo[j]! & 0xff) === arg && !((b.capInfo[j]! >>> 8) & CaptureFlag.FAULT)) return data.subarray(off, off + len);
      off += len;
    }
    return undefined;
  }

  private newSocket(pid: number, fd: number, callId: number, ts: number, family: number | null, type: number | null, protocol: number | null): Socket {
    const s: Socket = {
      pid, fd, callId, family: family === null ? null : socketFamilyName(family), type: type === null ? null : socketTypeName(type & 0xf),
      protocol, local: null, peer: null, sent: 0, received: 0, calls: 1, openedNs: ts, closedNs: null, refs: 0,
    };
    this.sockets.add(s);
    return s;
  }

  private effect(info: CallInfo, pid: number, id: number, ts: number, ret: number, failed: boolean, a: number[],
    pathId: number | null, data: Buffer, b: Captures, capFrom: number, capTo: number, capEnd: number): void {
    const table = (): FdTable => this.fdTable(pid);
    const sockOf = (fd: number): Socket | null => this.fds.get(pid)?.get(fd)?.file.socket ?? null;
    switch (info.effect) {
      case 'open':
        if (failed || ret < 0) return;
        this.setFd(pid, ret, { pathId, socket: null }, info.flagsArg >= 0 ? (a[info.flagsArg]! & O_CLOEXEC) !== 0 : false, ts);
        return;
      case 'close':
        this.closeFd(table(), a[0]!, ts);
        return;
      case 'close_range': {
        if (failed) return;
        const t = table();
        const lo = a[0]!;
        const hi = a[1]! < 0 ? Number.MAX_SAFE_INTEGER : a[1]!;
        const cloexecOnly = (a[2]! & 4) !== 0; // CLOSE_RANGE_CLOEXEC
        for (const [fd, e] of [...t]) if (fd >= lo && fd <= hi) {
          if (cloexecOnly) e.cloexec = true;
          else this.closeFd(t, fd, ts);
        }
        return;
      }
      case 'dup': case 'dup2': case 'dup3': case 'fcntl': {
        if (failed) return;
        const t = table();
        const e = t.get(a[0]!);
        if (info.effect === 'fcntl') {
          if (a[1] === F_SETFD) {
            if (e) e.cloexec = (a[2]! & FD_CLOEXEC) !== 0;
            return;
          }
          if (a[1] !== F_DUPFD && a[1] !== F_DUPFD_CLOEXEC) return;
        }
        const target = info.effect === 'dup2' || info.effect === 'dup3' ? a[1]! : ret;
        if (target === a[0]) return;
        if (!e) {
          this.closeFd(t, target, ts);
          return;
        }
        const cloexec = info.effect === 'dup3' ? (a[2]! & O_CLOEXEC) !== 0 : info.effect === 'fcntl' && a[1] === F_DUPFD_CLOEXEC;
        this.setFd(pid, target, e.file, cloexec, ts);
        return;
      }
      case 'socket':
        if (failed) return;
        this.setFd(pid, ret, { pathId: null, socket: this.newSocket(pid, ret, id, ts, a[0]!, a[1]!, a[2]!) }, (a[1]! & SOCK_CLOEXEC) !== 0, ts);
        return;
      case 'socketpair': case 'pipe': {
        if (failed) return;
        const arg = info.effect === 'pipe' ? 0 : 3;
        const pair = this.capture(b, data, capFrom, capTo, capEnd, arg);
        if (!pair || pair.length < 8) return;
        const cloexec = info.effect === 'pipe' ? (a[1]! & O_CLOEXEC) !== 0 && info.name === 'pipe2' : (a[1]! & SOCK_CLOEXEC) !== 0;
        for (const fd of [pair.readInt32LE(0), pair.readInt32LE(4)]) {
          const socket = info.effect === 'socketpair' ? this.newSocket(pid, fd, id, ts, a[0]!, a[1]!, a[2]!) : null;
          this.setFd(pid, fd, { pathId: null, socket }, cloexec, ts);
        }
        return;
      }
      case 'accept': case 'accept4': {
        if (failed) return;
        const listening = sockOf(a[0]!);
        const s = this.newSocket(pid, ret, id, ts, null, null, listening?.protocol ?? null);
        s.family = listening?.family ?? null;
        s.local = listening?.local ?? null;
        const addr = this.capture(b, data, capFrom, capTo, capEnd, 1);
        if (addr) s.peer = formatSockaddr(addr);
        this.setFd(pid, ret, { pathId: null, socket: s }, info.effect === 'accept4' && (a[3]! & SOCK_CLOEXEC) !== 0, ts);
        return;
      }
      case 'connect': case 'bind': case 'sendto': case 'recvfrom': {
        const s = sockOf(a[0]!);
        if (!s) return;
        const addr = this.capture(b, data, capFrom, capTo, capEnd, info.effect === 'connect' || info.effect === 'bind' ? 1 : 4);
        if (!addr || addr.length < 2) return;
        const text = formatSockaddr(addr);
        if (info.effect === 'bind') s.local = text;
        else if (info.effect === 'connect' || !failed) s.peer = text;
        if (info.effect === 'connect' && s.family === null) s.family = socketFamilyName(addr.readUInt16LE(0));
        return;
      }
      case 'exec': {
        if (failed) return;
        const pending = this.pendingExec.get(pid);
        if (!pending) return;
        const spec = info.kinds.indexOf('strings');
        const argv: string[] = [];
        let off = capEnd;
        for (let j = capTo - 1; j >= capFrom; j--) off -= b.capLen[j]!;
        for (let j = capFrom; j < capTo; j++) {
          const len = b.capLen[j]!;
          if ((b.capInfo[j]! & 0xff) === spec) argv[b.capInfo[j]! >>> 16] = data.toString('utf8', off, off + len);
          off += len;
        }
        this.flushExec(pending, spec >= 0 && argv.length > 0 ? JSON.stringify(Array.from(argv, (s) => s ?? '')) : null);
        return;
      }
      default:
        return;
    }
  }

  /** Writes what was held back: pending rows, processes, sockets, per-syscall stats. */
  finish(): void {
    for (const e of [...this.pendingExec.values()]) this.flushExec(e, null);
    for (const p of this.procs.values()) this.flushProc(p);
    for (const s of this.sockets) {
      this.insSocket.run(this.traceId, s.pid, s.fd, s.callId, s.family, s.type, s.protocol, s.local, s.peer, s.sent, s.received, s.calls, s.openedNs, s.closedNs);
    }
    const names = this.db.prepare('INSERT OR IGNORE INTO syscall_names (nr, name, classes) VALUES (?, ?, ?)');
    const stat = this.db.prepare('INSERT INTO call_stats (trace_id, nr, calls, errors, total_ns, min_ns, max_ns) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const [nr, s] of this.stats) {
      const info = this.infos[nr];
      if (info && !info.known) names.run(nr, info.name, '');
      stat.run(this.traceId, nr, s.calls, s.errors, s.total, s.min, s.max);
    }
  }

  get processCount(): number {
    return this.procs.size;
  }
}

/**
 * Adds a trace file to the store in one transaction. Returns the existing id,
 * changing nothing, when a file with the same content is already stored. A
 * damaged or cut-off file is stored up to its last complete batch and flagged.
 */
export async function ingestFile(db: Db, file: string, opts: IngestOptions = {}): Promise<IngestResult> {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new StoreError('NOT_A_FILE', `${file}: not a regular file`);
    size = st.size;
  } catch (e) {
    if (e instanceof StoreError) throw e;
    throw new StoreError('NO_FILE', `${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  loadRowsExtension(db); // before any work: a missing extension is reported at once
  // A second thread reads the file and decodes the argument texts (it starts up while this one hashes the file);
  // this one follows the processes and their fds and runs SQLite.
  const feed = new DecodeFeed(file);
  try {
    return await ingestWith(db, file, size, feed, opts);
  } finally {
    feed.close();
  }
}

async function ingestWith(db: Db, file: string, size: number, feed: DecodeFeed, opts: IngestOptions): Promise<IngestResult> {
  const hash = hashFileSync(file);
  const stopped = (): boolean => opts.shouldStop?.() ?? false;

  db.exec('BEGIN IMMEDIATE');
  let done = false;
  try {
    const existing = db.prepare('SELECT id FROM traces WHERE hash = ?').pluck().get(hash) as number | undefined;
    if (existing !== undefined) {
      db.exec('ROLLBACK');
      done = true;
      const n = db.prepare('SELECT syscalls FROM traces WHERE id = ?').pluck().get(existing) as number;
      return { id: existing, added: false, syscalls: n };
    }
    const firstId = ((db.prepare('SELECT max(id) FROM calls').pluck().get() as number | null) ?? 0) + 1;
    let header: Header | undefined;
    let trailer: Trailer | undefined;
    let ingest: TraceIngest | undefined;
    let traceId = 0;
    let problem: string | undefined;
    let complete = false;
    for (;;) {
      const rec = await feed.next();
      if (stopped()) throw new StoreError('INTERRUPTED', 'interrupted: nothing was stored', EXIT.INTERRUPTED);
      if (rec.kind === 'header') {
        header = rec.header;
        const abi = header.syscallAbi || header.arch || 'x86_64';
        const table = syscallTable(abi);
        if (!table) throw new StoreError('UNKNOWN_ABI', `${file}: syscall table "${abi}" is not known to this bt-store`);
        const argv = header.argv ?? [];
        const realtime = Number(header.realtimeNs ?? 0);
        traceId = Number(db.prepare(`INSERT INTO traces (hash, file, added_epoch_ns, command, argv, cwd, host, kernel, arch, abi, recorder_version,
            root_pid, attached, start_epoch_ns, start_time, file_bytes)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
          hash, resolve(file), Date.now() * 1e6, argv.join(' '), JSON.stringify(argv), header.cwd ?? null, header.hostname ?? null,
          header.kernelRelease ?? null, header.arch ?? null, abi, header.recorderVersion ?? null, header.rootPid ?? null,
          header.attached ? 1 : 0, realtime, realtime ? new Date(realtime / 1e6).toISOString() : null, size,
        ).lastInsertRowid);
        ingest = new TraceIngest(db, traceId, firstId, Number(header.monotonicNs ?? 0), table, header.cwd || undefined);
      } else if (rec.kind === 'batch') {
        ingest!.batch(rec);
        feed.recycle(rec);
        // One turn of the event loop per batch: while the worker keeps messages coming, Node delivers
        // them (and this loop runs) without polling for anything else, so a signal (Ctrl-C, which
        // sets shouldStop) would wait for the end of the ingest.
        await new Promise<void>((r) => setImmediate(r));
      } else if (rec.kind === 'trailer') {
        trailer = rec.trailer;
      } else if (rec.kind === 'end') {
        complete = rec.complete;
        if (rec.problem) problem = `${rec.problem.code}: ${rec.problem.message} (at byte ${rec.problem.offset})`;
        if (!header || !ingest) {
          throw new StoreError(rec.problem?.code ?? 'NOT_A_TRACE', `${file}: ${rec.problem?.message ?? 'not a beetrace trace'}; not stored`);
        }
        break;
      }
    }
    if (stopped()) throw new StoreError('INTERRUPTED', 'interrupted: nothing was stored', EXIT.INTERRUPTED);
    const lastId = (db.prepare('SELECT max(id) FROM calls').pluck().get() as number | null) ?? 0;
    if (lastId !== firstId + ingest!.seq - 1) {
      throw new StoreError('INTERNAL', `calls ids ${firstId}..${lastId} do not match the ${ingest!.seq} calls stored; nothing was stored`);
    }
    ingest!.finish();
    const lostPerCpu = (trailer?.lostPerCpu ?? []).map(Number);
    const mono0 = Number(header!.monotonicNs ?? 0);
    const duration = trailer?.endMonotonicNs ? Number(trailer.endMonotonicNs) - mono0 : ingest!.lastNs;
    const status = exitStatusText(trailer, header!.attached ?? false);
    db.prepare(`UPDATE traces SET duration_ns = ?, exit_status = ?, exit_code = ?, term_signal = ?, stop_reason = ?, syscalls = ?,
        process_events = ?, processes = ?, unfinished = ?, lost = ?, lost_per_cpu = ?, complete = ?, truncated = ?, problem = ?,
        first_call_id = ?, last_call_id = ? WHERE id = ?`).run(
      duration, status, trailer && !trailer.termSignal && trailer.programExited ? trailer.exitCode ?? 0 : null,
      trailer?.termSignal || null, trailer?.stopReason || null, ingest!.seq, ingest!.processEvents, ingest!.processCount,
      trailer ? Number(trailer.unfinished ?? 0) : ingest!.unfinished, lostPerCpu.reduce((x, y) => x + y, 0), JSON.stringify(lostPerCpu),
      complete ? 1 : 0, complete ? 0 : 1, problem ?? null,
      ingest!.seq > 0 ? firstId : null, ingest!.seq > 0 ? firstId + ingest!.seq - 1 : null, traceId,
    );
    db.exec('COMMIT');
    done = true;
    return problem === undefined ? { id: traceId, added: true, syscalls: ingest!.seq } : { id: traceId, added: true, syscalls: ingest!.seq, problem };
  } finally {
    if (!done && db.inTransaction) db.exec('ROLLBACK');
  }
}

/** Removes a stored trace and every row that belongs to it. False when there is no such id. */
export function removeTrace(db: Db, id: number): boolean {
  db.exec('BEGIN IMMEDIATE');
  try {
    const t = db.prepare('SELECT first_call_id AS a, last_call_id AS b FROM traces WHERE id = ?').get(id) as { a: number | null; b: number | null } | undefined;
    if (!t) {
      db.exec('ROLLBACK');
      return false;
    }
    if (t.a !== null && t.b !== null) {
      db.prepare('DELETE FROM calls WHERE id BETWEEN ? AND ?').run(t.a, t.b);
    }
    for (const table of ['processes', 'execs', 'signals', 'sockets', 'call_stats']) db.prepare(`DELETE FROM ${table} WHERE trace_id = ?`).run(id);
    db.prepare('DELETE FROM traces WHERE id = ?').run(id);
    db.prepare('DELETE FROM paths WHERE NOT EXISTS (SELECT 1 FROM calls WHERE path_id = paths.id) AND NOT EXISTS (SELECT 1 FROM calls WHERE path2_id = paths.id)').run();
    db.exec('COMMIT');
    return true;
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}
