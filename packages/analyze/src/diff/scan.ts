// Reading one run for comparison: every event of the trace is decoded to bt-show's text,
// normalised, and kept only as a 53-bit hash (plus a syscall-name id) in the line list of
// its thread. The trace is read as typed-array columns; a call that repeats exactly one of
// its thread's last few, with no state change since, reuses that line without decoding. Memory is ten bytes per line whatever the lines say. The text of the lines a
// diff shows is fetched by scanning again with `onLine` (normalisation is deterministic,
// so the second pass yields the same lines). Alongside, the behaviour facts of the
// summary are collected: files read, written, created, deleted, programs, peers, failures.
import { SyscallCursor } from '../decode/cursor.js';
import { posix } from 'node:path';
import {
  type BatchColumns, type Capture, type ProcessEvent, processEventFrom, readTraceColumns, type SyscallEvent, type SyscallInfo,
  syscallTable, type TraceSource,
} from '@beetrace/format';
import { FdTable } from './fds.js';
import { globToRegExp } from './glob.js';
import { HashList, IdList, hashLine, mixDigest, nameId } from './hash.js';
import type { Normalization } from './options.js';
import { capturedBytes, capturedString, makeRenderer, waitStatusText, signalName, type CallText } from './source.js';

export interface ThreadModel {
  /** Position name: "1.2" for a process's main thread, "1.2:1" for its first other thread. */
  readonly name: string;
  /** 0 for the main thread, then creation order. */
  readonly index: number;
  readonly hashes: Float64Array;
  readonly names: Uint16Array;
  /** Order-sensitive digest of `hashes`. */
  readonly digest: number;
}

export interface ProcModel {
  /** Matching key: program names down the tree, with #n for the n-th sibling of the same program. */
  readonly key: string;
  /** Position in the tree: "1" the root, "1.2" its second child. */
  readonly position: string;
  /** Program it ran last (path given to execve), or what it inherited. */
  readonly program: string;
  readonly pid: number;
  readonly parentKey: string | undefined;
  readonly threads: readonly ThreadModel[];
  /** "exited with 0", "killed by SIGKILL"; undefined when its end is not in the trace. */
  readonly exit: string | undefined;
}

export const FACT_KINDS = ['filesRead', 'filesWritten', 'filesCreated', 'filesDeleted', 'programs', 'networkPeers', 'failures'] as const;
export type FactKind = typeof FACT_KINDS[number];
export type Facts = Record<FactKind, Set<string>>;

export function emptyFacts(): Facts {
  return {
    filesRead: new Set(), filesWritten: new Set(), filesCreated: new Set(), filesDeleted: new Set(),
    programs: new Set(), networkPeers: new Set(), failures: new Set(),
  };
}

export interface RunModel {
  /** The file name or a description of the input. */
  readonly label: string;
  readonly arch: string;
  readonly formatVersion: number;
  readonly argv: readonly string[];
  readonly cwd: string;
  /** False when the trace was cut short (or the snapshot says so). */
  readonly complete: boolean;
  readonly problem: string | undefined;
  readonly procs: readonly ProcModel[];
  readonly facts: Facts;
  /** How the traced program ended. */
  readonly exit: string;
  readonly lines: number;
  /** Lines left out by each --ignore / --ignore-paths pattern. */
  readonly ignoreHits: ReadonlyMap<string, number>;
  /** Texts of lines by hash, kept while within the scan's text budget (for hunks without a second pass). */
  readonly texts: ReadonlyMap<number, string>;
}

export interface ScanOptions {
  readonly normalize: Normalization;
  readonly ignore: readonly string[];
  readonly ignorePaths: readonly string[];
  /** Characters of distinct line text kept in memory (default 0: none). */
  readonly textBudget?: number;
}

/** Where reading stopped: a clear refusal rather than a comparison. */
export class TraceInputError extends Error {
  constructor(message: string, readonly code: 'NOT_A_TRACE' | 'NEWER_VERSION' | 'UNKNOWN_ABI' | 'CORRUPT' | 'MISMATCH' | 'SNAPSHOT' | 'PARTIAL') {
    super(message);
    this.name = 'TraceInputError';
  }
}

const AT_FDCWD = -100;
const O_ACCMODE = 3, O_CREAT = 0o100, O_EXCL = 0o200, O_TRUNC = 0o1000, O_CLOEXEC = 0o2000000;
const CLONE_THREAD = 0x10000;
const EXPECTED_ERRNOS = new Set([4, 11, 110, 115, 512, 513, 514, 516]); // EINTR EAGAIN ETIMEDOUT EINPROGRESS ERESTART*

const PID_ARGS = new Set(['pid', 'upid', 'tgid', 'pid1', 'pid2', 'pgid']);
const PID_RETS = new Set(['clone', 'clone3', 'fork', 'vfork', 'getpid', 'gettid', 'getppid', 'wait4', 'set_tid_address',
  'getpgrp', 'getpgid', 'getsid', 'setsid']);
const FD_ARGS = new Set(['fd', 'dfd', 'ufd', 'pidfd', 'newdfd', 'olddfd', 'epfd', 'oldfd', 'newfd', 'fd_in', 'fd_out',
  'to_dfd', 'from_dfd', 'out_fd', 'in_fd', 'group_fd', 'fs_fd', 'fdin', 'fdout', 'fanotify_fd', 'ruleset_fd', 'mountdirfd']);
const FD_RETS = new Set(['open', 'openat', 'openat2', 'creat', 'socket', 'accept', 'accept4', 'dup', 'epoll_create',
  'epoll_create1', 'eventfd', 'eventfd2', 'signalfd', 'signalfd4', 'timerfd_create', 'inotify_init', 'inotify_init1',
  'memfd_create', 'pidfd_open', 'pidfd_getfd', 'fanotify_init', 'perf_event_open', 'userfaultfd', 'open_tree', 'fsopen',
  'fspick', 'fsmount', 'io_uring_setup', 'landlock_create_ruleset', 'memfd_secret', 'mq_open', 'open_by_handle_at']);
const STAT_CALLS = new Set(['stat', 'lstat', 'fstat', 'newfstatat', 'statx', 'fstatfs', 'statfs']);
const EXISTS_CALLS = new Set(['stat', 'lstat', 'newfstatat', 'statx', 'access', 'faccessat', 'faccessat2', 'readlink', 'readlinkat']);
/** Output arguments (index) and return values holding time or other values that differ on every run. */
const VOLATILE_ARGS: Record<string, readonly number[]> = {
  getrandom: [0], clock_gettime: [1], gettimeofday: [0], time: [0], times: [0], sysinfo: [0], getrusage: [1],
  uname: [0], sched_getaffinity: [2], clock_getres: [],
};
const VOLATILE_RETS = new Set(['time', 'times', 'sched_getaffinity']);
/** Arguments that hold addresses even where the kernel declares them as integers. */
const ADDRESS_ARGS = new Set(['addr', 'start', 'brk', 'new_addr', 'shmaddr', 'tidptr', 'arg2']);
/** Calls that change no state the text of a later call depends on (fds, processes, cwd, masks). */
const PURE_CALLS = new Set(['read', 'write', 'pread64', 'pwrite64', 'readv', 'writev', 'preadv', 'pwritev', 'lseek',
  'fstat', 'newfstatat', 'stat', 'lstat', 'statx', 'access', 'faccessat', 'faccessat2', 'readlink', 'readlinkat',
  'getpid', 'gettid', 'getppid', 'getuid', 'geteuid', 'getgid', 'getegid', 'clock_gettime', 'gettimeofday', 'time',
  'nanosleep', 'clock_nanosleep', 'sched_yield', 'futex', 'poll', 'ppoll', 'select', 'pselect6', 'epoll_wait',
  'epoll_pwait', 'recvfrom', 'sendto', 'recvmsg', 'sendmsg', 'getdents64', 'getrandom', 'madvise', 'mprotect',
  'fsync', 'fdatasync', 'getcwd', 'uname', 'sysinfo', 'getrusage', 'times', 'kill', 'tgkill']);
const CACHE_MAX_BYTES = 256;

function cacheable(ev: SyscallEvent): boolean {
  let n = 0;
  for (const c of ev.captures) n += c.data.length;
  return n <= CACHE_MAX_BYTES;
}

/** Calls a thread keeps for exact repeats: a loop of a few calls (read, write, lseek...) decodes once. */
const REPEAT_SLOTS = 8;

/** A call's raw fields as the batch columns hold them, with the line it gave: reused for an exact repeat. */
interface Repeat {
  readonly nr: number;
  readonly ret: number;
  readonly flags: number;
  readonly pid: number;
  readonly a0: number;
  readonly a1: number;
  readonly a2: number;
  readonly a3: number;
  readonly a4: number;
  readonly a5: number;
  /** Per capture: its info word (arg, flags, element) and length; then the bytes of all of them. */
  readonly capInfo: Uint32Array;
  readonly capLen: Uint32Array;
  readonly capBytes: Uint8Array;
  readonly line: string;
  readonly hash: number;
  readonly nameId: number;
}

/** What a decoded call gave, when an exact repeat of it may reuse it. */
interface Reusable {
  readonly line: string;
  readonly hash: number;
  readonly nameId: number;
}

/** The repeat of call `i` of batch `b` (its captures: `c0` to `c1`, bytes from `off`), if one is kept. */
function findRepeat(rs: readonly Repeat[], b: BatchColumns, i: number, c0: number, c1: number, off: number): Repeat | undefined {
  const nr = b.scNr[i], ret = b.scRet[i], flags = b.scFlags[i], pid = b.scPid[i];
  const a0 = b.scArg0[i], a1 = b.scArg1[i], a2 = b.scArg2[i], a3 = b.scArg3[i], a4 = b.scArg4[i], a5 = b.scArg5[i];
  next: for (const r of rs) {
    if (r.nr !== nr || r.ret !== ret || r.flags !== flags || r.pid !== pid || r.a0 !== a0 || r.a1 !== a1 || r.a2 !== a2
      || r.a3 !== a3 || r.a4 !== a4 || r.a5 !== a5 || r.capInfo.length !== c1 - c0) continue;
    for (let k = 0; k < r.capInfo.length; k++) {
      if (r.capInfo[k] !== b.capInfo[c0 + k] || r.capLen[k] !== b.capLen[c0 + k]) continue next;
    }
    const bytes = r.capBytes, data = b.capData;
    for (let j = 0; j < bytes.length; j++) if (bytes[j] !== data[off + j]) continue next;
    return r;
  }
  return undefined;
}

function repeatOf(b: BatchColumns, i: number, c0: number, c1: number, off: number, u: Reusable): Repeat {
  const capLen = b.capLen.slice(c0, c1);
  let n = 0;
  for (const l of capLen) n += l;
  return {
    nr: b.scNr[i] ?? 0, ret: b.scRet[i] ?? 0, flags: b.scFlags[i] ?? 0, pid: b.scPid[i] ?? 0,
    a0: b.scArg0[i] ?? 0, a1: b.scArg1[i] ?? 0, a2: b.scArg2[i] ?? 0, a3: b.scArg3[i] ?? 0, a4: b.scArg4[i] ?? 0, a5: b.scArg5[i] ?? 0,
    capInfo: b.capInfo.slice(c0, c1), capLen, capBytes: b.capData.slice(off, off + n),
    line: u.line, hash: u.hash, nameId: u.nameId,
  };
}

const NO_CAPTURES: readonly Capture[] = [];

const CLONES = new Set(['clone', 'clone3', 'fork', 'vfork']);
/** Errors that mean "a signal came in": EINTR and the kernel's ERESTART* codes. */
const INTERRUPTED = new Set([4, 512, 513, 514, 516]);
/** Signals whose arrival is a matter of timing. */
const ASYNC_SIGNALS = new Set([14, 17, 23, 26, 27, 28, 29]);
const ROLE_PID = 1, ROLE_FD = 2, ROLE_ADDR = 4;
const SYNC_CALLS = new Set(['futex', 'sched_yield', 'futex_waitv']);
const STAT_FIELDS = /\b(st_[amc]time(?:_nsec)?|st_ino|st_dev|stx_[abcm]time|stx_ino|stx_dev_major|stx_dev_minor|stx_mnt_id)=(?:makedev\([^)]*\)|\{[^}]*\}|"[^"]*"|[^,}\s]+)/g;

interface ThreadRec {
  readonly name: string;
  readonly index: number;
  readonly proc: ProcRec;
  readonly hashes: HashList;
  readonly names: IdList;
  digest: number;
  pendingFork: boolean;
  /** fds this thread created while its process had several threads. */
  fdSeq: number;
  /** Pending lines of order-free calls (see flushSet). */
  orderFree: Array<{ readonly text: string; readonly name: string }> | undefined;
  /** Calls kept for exact repeats, valid while `version` is `repeatVersion`; `repeatNext` is the slot to fill next. */
  readonly repeats: Repeat[];
  repeatVersion: number;
  repeatNext: number;
}

interface ProcRec {
  readonly position: string;
  readonly pid: number;
  readonly parent: ProcRec | undefined;
  readonly inherited: string;
  readonly threads: ThreadRec[];
  programs: string[];
  children: number;
  fds: FdTable;
  cwd: string;
  exit: string | undefined;
  key: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** The low 32 bits of a register, signed (C int arguments: fds, pids, AT_FDCWD). */
function s32(v: number): number {
  return v >= -0x80000000 && v <= 0xffffffff ? v | 0 : v;
}

function u64le(b: Uint8Array | undefined, off: number): number {
  if (!b || b.length < off + 8) return 0;
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return v.getUint32(off, true) + v.getUint32(off + 4, true) * 2 ** 32;
}

/** "1.2.3.4:80", "[::1]:443", "/run/x.sock", "@abstract": the address a sockaddr names. */
export function sockaddrText(b: Uint8Array | undefined): string | undefined {
  if (!b || b.length < 2) return undefined;
  const family = b[0]! | (b[1]! << 8);
  const port = b.length >= 4 ? (b[2]! << 8) | b[3]! : 0;
  if (family === 1) {
    const rest = b.subarray(2);
    if (rest.length === 0) return 'unix:(unnamed)';
    if (rest[0] === 0) return 'unix:@' + utf8.decode(rest.subarray(1)).replace(/\0+$/, '');
    const nul = rest.indexOf(0);
    return 'unix:' + utf8.decode(nul >= 0 ? rest.subarray(0, nul) : rest);
  }
  if (family === 2 && b.length >= 8) return `${b[4]}.${b[5]}.${b[6]}.${b[7]}:${port}`;
  if (family === 10 && b.length >= 24) {
    const groups: string[] = [];
    for (let i = 0; i < 8; i++) groups.push(((b[8 + 2 * i]! << 8) | b[9 + 2 * i]!).toString(16));
    return `[${groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::')}]:${port}`;
  }
  if (family === 16) return 'netlink';
  return `family ${family}`;
}

/** Masks hex numbers of five or more digits outside quoted strings. */
export function maskAddresses(line: string): string {
  if (!line.includes('0x')) return line;
  let out = '';
  let inStr = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (inStr) {
      out += c;
      if (c === '\\') { out += line[i + 1] ?? ''; i++; } else if (c === '"') inStr = false;
      continue;
    }
    if (c === '"') { inStr = true; out += c; continue; }
    if (c === '0' && line[i + 1] === 'x' && !/[0-9A-Za-z_]/.test(line[i - 1] ?? ' ')) {
      let j = i + 2;
      while (j < line.length && /[0-9a-fA-F]/.test(line[j]!)) j++;
      if (j - i - 2 >= 5) { out += '<addr>'; i = j - 1; continue; }
    }
    out += c;
  }
  return out;
}

/** Replaces the leading number of `text` (a decimal fd or pid, maybe followed by <path>) with `by`. */
function replaceLeadingNumber(text: string, by: string): string {
  const m = /^-?\d+/.exec(text);
  return m ? by + text.slice(m[0].length) : text;
}

/**
 * Reads a trace and builds its comparison model. `onLine` (second pass) receives the text of
 * every line kept, with its thread name and index.
 */
export async function scanTrace(source: TraceSource, label: string, opts: ScanOptions,
  onLine?: (thread: string, index: number, text: string) => void): Promise<RunModel> {
  const norm = opts.normalize;
  const ignoreNames = new Set<string>();
  const ignoreClasses = new Map<string, string>();
  const hits = new Map<string, number>();
  for (const p of opts.ignore) {
    hits.set(p, 0);
    if (p.startsWith('%')) ignoreClasses.set(p.slice(1), p); else ignoreNames.add(p);
  }
  const pathGlobs = opts.ignorePaths.map((g) => { hits.set(g, 0); return { glob: g, re: globToRegExp(g) }; });
  const hit = (p: string): void => { hits.set(p, (hits.get(p) ?? 0) + 1); };

  let table: ReturnType<typeof syscallTable>;
  let renderer: ReturnType<typeof makeRenderer> | undefined;
  let header: { arch: string; formatVersion: number; argv: string[]; cwd: string; rootPid: number } | undefined;
  let trailerExit: string | undefined;
  let complete = false;
  let problem: string | undefined;
  const procs: ProcRec[] = [];
  const byTid = new Map<number, ThreadRec>();
  const byPid = new Map<number, ProcRec>();
  let root: ProcRec | undefined;
  let orphans = 0;
  const facts = emptyFacts();
  const seenExisting = new Set<string>();
  let t0 = -1;
  let lines = 0;
  /** Bumped by every call that may change fd, process or decoder state. */
  let version = 0;

  const newProc = (pid: number, parent: ProcRec | undefined, position: string): ProcRec => {
    const p: ProcRec = {
      position, pid, parent, inherited: parent ? currentProgram(parent) : (header?.argv[0] ?? '?'),
      threads: [], programs: [], children: 0,
      fds: parent ? parent.fds.clone() : FdTable.stdio(), cwd: parent ? parent.cwd : (header?.cwd || '/'),
      exit: undefined, key: '',
    };
    procs.push(p);
    byPid.set(pid, p);
    newThread(pid, p);
    return p;
  };
  const newThread = (tid: number, p: ProcRec): ThreadRec => {
    const index = p.threads.length;
    const t: ThreadRec = { name: index === 0 ? p.position : `${p.position}:${index}`, index, proc: p,
      hashes: new HashList(), names: new IdList(), digest: 0, pendingFork: false, fdSeq: 0, orderFree: undefined,
      repeats: [], repeatVersion: -1, repeatNext: 0 };
    // A new thread or process changes how pids and tids read (and which calls count as sync).
    version++;
    p.threads.push(t);
    byTid.set(tid, t);
    return t;
  };
  const threadFor = (pid: number, tid: number): ThreadRec => {
    const t = byTid.get(tid);
    if (t && t.proc === byPid.get(pid)) return t;
    let p = byPid.get(pid);
    if (!p) {
      if (!root && (header?.rootPid === pid || header?.rootPid === 0 || header?.rootPid === undefined)) p = root = newProc(pid, undefined, '1');
      else p = newProc(pid, undefined, `?${++orphans}`);
      if (tid === pid) return p.threads[0]!;
    }
    return newThread(tid, p);
  };
  const idName = (v: number): string => {
    const t = byTid.get(v);
    if (t) return `<${t.name}>`;
    const p = byPid.get(v);
    return p ? `<${p.position}>` : '<?>';
  };
  const registerChild = (parent: ThreadRec, child: number, thread: boolean): void => {
    if (thread) newThread(child, parent.proc).pendingFork = true;
    else {
      const p = newProc(child, parent.proc, `${parent.proc.position}.${++parent.proc.children}`);
      p.threads[0]!.pendingFork = true;
    }
  };

  const cwdPrefix = (): string => header?.cwd ?? '';
  let cwdText = '';
  const resolve = (p: ProcRec, dfd: number, path: string): string => {
    if (path.startsWith('/')) return posix.normalize(path);
    const base = dfd === AT_FDCWD ? p.cwd : p.fds.get(dfd)?.path;
    if (base === undefined) return path;
    return posix.resolve(base, path);
  };
  const display = (abs: string): string => {
    const c = cwdPrefix();
    if (norm.cwd && c.length > 1 && abs.startsWith('/')) {
      if (abs === c) return '.';
      if (abs.startsWith(c + '/')) return './' + abs.slice(c.length + 1);
    }
    return abs;
  };
  const pathIgnored = (abs: string): boolean => {
    if (pathGlobs.length === 0) return false;
    const shown = display(abs);
    const rel = shown.startsWith('./') ? shown.slice(2) : undefined;
    for (const g of pathGlobs) {
      if (g.re.test(abs) || g.re.test(shown) || (rel !== undefined && g.re.test(rel))) { hit(g.glob); return true; }
    }
    return false;
  };

  const texts = new Map<number, string>();
  let textRoom = opts.textBudget ?? 0;
  /** Lines of a run of order-free calls (waits for any child) wait here, to be kept sorted. */
  const flushSet = (t: ThreadRec): void => {
    const set = t.orderFree;
    if (!set) return;
    t.orderFree = undefined;
    set.sort((x, y) => (x.text < y.text ? -1 : x.text > y.text ? 1 : 0));
    for (const x of set) emitNow(t, x.text, x.name);
  };
  const emit = (t: ThreadRec, text: string, name: string, orderFree = false): void => {
    if (orderFree) {
      (t.orderFree ??= []).push({ text, name });
      return;
    }
    if (t.orderFree) flushSet(t);
    emitNow(t, text, name);
  };
  const emitNow = (t: ThreadRec, text: string, name: string): void => {
    const h = hashLine(text);
    if (textRoom > 0 && !texts.has(h)) { texts.set(h, text); textRoom -= text.length + 16; }
    if (onLine) onLine(t.name, t.hashes.length, text);
    t.hashes.push(h);
    t.names.push(nameId(name));
    t.digest = mixDigest(t.digest, h);
    lines++;
  };

  /** Absolute paths a call names (path strings resolved, fds' paths) for --ignore-paths. */
  const callPaths = (ev: SyscallEvent, info: SyscallInfo, p: ProcRec): string[] => {
    const out: string[] = [];
    for (const spec of info.capture) {
      if (spec.kind !== 'string') continue;
      const s = capturedString(ev, spec.arg);
      if (s === undefined) continue;
      const dfdArg = spec.arg > 0 && /dfd$/.test(info.args[spec.arg - 1]?.name ?? '') ? s32(ev.args[spec.arg - 1]!) : AT_FDCWD;
      out.push(resolve(p, dfdArg, s));
    }
    info.args.forEach((a, i) => {
      if (FD_ARGS.has(a.name)) {
        const path = p.fds.get(s32(ev.args[i]!))?.path;
        if (path !== undefined) out.push(path);
      }
    });
    return out;
  };

  /** A call that gives the same line as one kept: appended without decoding. */
  const emitRepeat = (t: ThreadRec, r: Repeat): void => {
    if (onLine) onLine(t.name, t.hashes.length, r.line);
    t.hashes.push(r.hash);
    t.names.push(r.nameId);
    t.digest = mixDigest(t.digest, r.hash);
    lines++;
  };

  /** Decodes, normalises and emits one call; returns its line when an exact repeat may reuse it. */
  const onSyscall = (ev: SyscallEvent, t: ThreadRec): Reusable | undefined => {
    if (!table || !renderer) return undefined;
    const p = t.proc;
    const info = table.byNr.get(ev.nr);
    // A new child's return from clone is shown by bt-show only as the parent's call.
    if ((ev.flags & 2) !== 0 && ev.ret === 0 && info && CLONES.has(info.name)) return undefined;
    const text = renderer.call(ev);
    const name = info?.name ?? text.name;
    let ignored = false;
    if (norm.signals && (name === 'rt_sigreturn' || (ev.ret < 0 && INTERRUPTED.has(-ev.ret)))) ignored = true;
    if (ignoreNames.has(name)) { hit(name); ignored = true; }
    if (!ignored && info && ignoreClasses.size > 0) {
      for (const c of info.classes) { const pat = ignoreClasses.get(c); if (pat) { hit(pat); ignored = true; break; } }
    }
    if (!ignored && info && pathGlobs.length > 0) {
      for (const path of callPaths(ev, info, p)) if (pathIgnored(path)) { ignored = true; break; }
    }
    if (!ignored && norm.sync && SYNC_CALLS.has(name) && p.threads.length > 1) ignored = true;
    const failed = ev.ret < 0 && ev.ret > -4096 && (ev.flags & 1) === 0;

    // Register a clone's child before its first mention if the fork event has not come yet.
    if ((name === 'clone' || name === 'clone3' || name === 'fork' || name === 'vfork') && ev.ret > 0 && !byTid.has(ev.ret)) {
      const flags = name === 'clone' ? ev.args[0]! : name === 'clone3' ? u64le(capturedBytes(ev, 0), 0) : 0;
      registerChild(t, ev.ret, (flags & CLONE_THREAD) !== 0);
    }

    const line = ignored ? '' : normalizeCall(ev, info, name, text, t);
    updateState(ev, info, name, t, failed, ignored, line);
    if (ignored) return undefined;
    let shown = line;
    if (!norm.timestamps) {
      if (t0 < 0) t0 = ev.enterNs;
      shown = `+${((ev.enterNs - t0) / 1e9).toFixed(6)} ${line} <${((ev.exitNs - ev.enterNs) / 1e9).toFixed(6)}>`;
    }
    // Which child a wait for any child reaps first is a matter of timing: such waits in a row compare as a set.
    const anyChild = (name === 'wait4' && ev.ret > 0 && s32(ev.args[0]!) <= 0) || (name === 'waitid' && ev.ret === 0 && s32(ev.args[0]!) === 0);
    emit(t, shown, name, norm.pids && anyChild);
    if (PURE_CALLS.has(name) && norm.timestamps && cacheable(ev)) {
      return { line: shown, hash: t.hashes.view()[t.hashes.length - 1]!, nameId: nameId(name) };
    } else if (!PURE_CALLS.has(name)) {
      version++;
    }
  };

  // Per syscall number: the role of each argument (pid, fd, address), computed once.
  const roleCache = new Map<number, Uint8Array>();
  const rolesOf = (nr: number, info: SyscallInfo | undefined): Uint8Array => {
    let r = roleCache.get(nr);
    if (!r) {
      r = new Uint8Array(6);
      (info?.args ?? []).forEach((a, i) => {
        r![i] = (PID_ARGS.has(a.name) ? ROLE_PID : 0) | (FD_ARGS.has(a.name) ? ROLE_FD : 0) | (ADDRESS_ARGS.has(a.name) ? ROLE_ADDR : 0);
      });
      roleCache.set(nr, r);
    }
    return r;
  };

  const fdTag = (t: ThreadRec, take: boolean): string | undefined => {
    if (t.proc.threads.length < 2) return undefined;
    // The thread's n-th fd: the same in whichever thread did the work (threads compare as sets).
    return `#${take ? ++t.fdSeq : t.fdSeq + 1}`;
  };

  const normalizeCall = (ev: SyscallEvent, info: SyscallInfo | undefined, name: string, text: CallText, t: ThreadRec): string => {
    const p = t.proc;
    let args = text.args as string[];
    let copied = false;
    const set = (i: number, v: string): void => {
      if (!copied) { args = args.slice(); copied = true; }
      args[i] = v;
    };
    let ret = text.ret;
    const roles = rolesOf(ev.nr, info);
    for (let i = 0; i < args.length && i < 6; i++) {
      const role = roles[i]!;
      const full = ev.args[i]!;
      // pids and fds are C ints: the register's low 32 bits, signed.
      const raw = role & (ROLE_PID | ROLE_FD) ? s32(full) : full;
      if (role & ROLE_PID && norm.pids) {
        if (raw > 0) set(i, replaceLeadingNumber(args[i]!, idName(raw)));
        else if (raw < -1) set(i, replaceLeadingNumber(args[i]!, '-' + idName(-raw)));
      }
      if (norm.addresses && raw >= 0x10000 && ((raw >= 0x100000000 && raw < 2 ** 48) || (role & ROLE_ADDR)) && /^\d+$/.test(args[i]!)) {
        set(i, '<addr>');
      }
      if (role & ROLE_FD && norm.fds && raw >= 0 && !(name === 'mmap' && raw === 0xffffffff)) {
        const label = p.fds.label(raw);
        if (label !== raw) set(i, replaceLeadingNumber(args[i]!, String(label)));
      }
    }
    if (norm.fds && (name === 'poll' || name === 'ppoll') && args[0]) {
      set(0, args[0].replace(/fd=(\d+)/g, (_m, d: string) => `fd=${p.fds.label(Number(d))}`));
    }
    if (norm.random) {
      const vol = VOLATILE_ARGS[name];
      if (vol) for (const i of vol) if (args[i] !== undefined && args[i] !== 'NULL') set(i, '<masked>');
      if (VOLATILE_RETS.has(name) && ev.ret >= 0) ret = '<masked>';
      if (STAT_CALLS.has(name)) {
        for (let i = 0; i < args.length; i++) {
          if (/^\{[0-9a-f]+\}$/.test(args[i]!)) set(i, '{<stat>}');
        }
      }
      if ((name === 'read' || name === 'pread64') && /^\/dev\/u?random$/.test(p.fds.get(s32(ev.args[0]!))?.path ?? '')) set(1, '<masked>');
    }
    if (norm.pids && ev.ret > 0 && PID_RETS.has(name)) ret = replaceLeadingNumber(ret, idName(ev.ret));
    if (norm.fds && ev.ret >= 0 && FD_RETS.has(name)) {
      // The label the new fd will get (updateState records it after this).
      const label = p.fds.peekLabel(ev.ret, 0, fdTag(t, false));
      if (label !== ev.ret) ret = replaceLeadingNumber(ret, String(label));
    }
    if (norm.addresses && ev.ret >= 0x100000000 && ev.ret < 2 ** 48 && /^\d+$/.test(ret)) ret = '<addr>';
    let line = `${text.name}(${args.join(', ')}) = ${ret}`;
    if (norm.addresses) line = maskAddresses(line);
    if (norm.random) {
      if (STAT_CALLS.has(name)) line = line.replace(STAT_FIELDS, '$1=<masked>');
      if (name === 'execve' || name === 'execveat') line = line.replace(/\/\* \d+ vars \*\//g, '/* <n> vars */');
    }
    if (norm.pids) {
      if (CLONES.has(name) && line.includes('tid=[')) line = line.replace(/\b(\w*tid)=\[(\d+)\]/g, (_m, f: string, d: string) => `${f}=[${idName(Number(d))}]`);
      if (line.includes('si_')) line = line.replace(/\b(si_pid|si_tid)=(\d+)/g, (_m, f: string, d: string) => `${f}=${idName(Number(d))}`);
      if (line.includes('/proc/')) line = line.replace(/\/proc\/(\d+)(?=[/"])/g, (_m, d: string) => `/proc/${idName(Number(d))}`);
    }
    if (norm.cwd && cwdText.length > 1 && line.includes(cwdText)) line = line.split(cwdText).join('$CWD');
    return line;
  };

  const updateState = (ev: SyscallEvent, info: SyscallInfo | undefined, name: string, t: ThreadRec,
    failed: boolean, ignored: boolean, line: string): void => {
    const p = t.proc;
    const a = ev.args.map(s32);
    const ok = !failed && (ev.flags & 1) === 0;
    const str = (i: number): string | undefined => capturedString(ev, i);
    const fact = (kind: keyof Facts, abs: string, suffix = ''): void => {
      if (ignored || pathIgnored(abs)) return;
      facts[kind].add(display(abs) + suffix);
    };
    if (!PURE_CALLS.has(name)) version++;
    if (failed && !ignored && !EXPECTED_ERRNOS.has(-ev.ret)) facts.failures.add(line);

    // Opening files: fd table and read/written/created.
    let openPath: string | undefined, openFlags = 0, openDfd = AT_FDCWD;
    if (name === 'open') { openPath = str(0); openFlags = a[1]!; }
    else if (name === 'openat') { openPath = str(1); openFlags = a[2]!; openDfd = a[0]!; }
    else if (name === 'openat2') { openPath = str(1); openFlags = u64le(capturedBytes(ev, 2), 0); openDfd = a[0]!; }
    else if (name === 'creat') { openPath = str(0); openFlags = 1 | O_CREAT | O_TRUNC; }
    if (openPath !== undefined) {
      const abs = resolve(p, openDfd, openPath);
      if (ok && ev.ret >= 0) {
        p.fds.create(ev.ret, (openFlags & O_CLOEXEC) !== 0, abs, false, 0, fdTag(t, true));
        const acc = openFlags & O_ACCMODE;
        if (acc === 0 || acc === 2) fact('filesRead', abs);
        if (acc === 1 || acc === 2) fact('filesWritten', abs);
        if ((openFlags & O_CREAT) !== 0 && ((openFlags & O_EXCL) !== 0 || !seenExisting.has(abs))) fact('filesCreated', abs);
        seenExisting.add(abs);
      }
      return;
    }
    if (!ok) return;
    const pathArg = (dfdIdx: number, pIdx: number): string | undefined => {
      const s = str(pIdx);
      return s === undefined ? undefined : resolve(p, dfdIdx < 0 ? AT_FDCWD : a[dfdIdx]!, s);
    };
    switch (name) {
      case 'close': p.fds.close(a[0]!); break;
      case 'close_range': p.fds.closeRange(a[0]!, a[1]! < 0 ? 2 ** 32 : a[1]!); break;
      case 'dup2': case 'dup3': {
        const old = p.fds.get(a[0]!);
        p.fds.create(a[1]!, name === 'dup3' && (a[2]! & O_CLOEXEC) !== 0, old?.path, true);
        break;
      }
      case 'fcntl':
        if (a[1] === 0 || a[1] === 1030) p.fds.create(ev.ret, a[1] === 1030, p.fds.get(a[0]!)?.path, false, a[2]!, fdTag(t, true));
        else if (a[1] === 2) { const e = p.fds.get(a[0]!); if (e) e.cloexec = (a[2]! & 1) !== 0; }
        break;
      case 'pipe': case 'pipe2': case 'socketpair': {
        const b = capturedBytes(ev, name === 'socketpair' ? 3 : 0);
        if (b && b.length >= 8) {
          const v = new DataView(b.buffer, b.byteOffset, 8);
          const cloexec = name === 'pipe2' ? (a[1]! & O_CLOEXEC) !== 0 : name === 'socketpair' ? (a[1]! & O_CLOEXEC) !== 0 : false;
          p.fds.create(v.getInt32(0, true), cloexec, undefined, false, 0, fdTag(t, true));
          p.fds.create(v.getInt32(4, true), cloexec, undefined, false, 0, fdTag(t, true));
        }
        break;
      }
      case 'mkdir': case 'mkdirat': case 'mknod': case 'mknodat': {
        const abs = name.endsWith('at') ? pathArg(0, 1) : pathArg(-1, 0);
        if (abs !== undefined) { fact('filesCreated', abs, name.startsWith('mkdir') ? '/' : ''); seenExisting.add(abs); }
        break;
      }
      case 'unlink': case 'rmdir': case 'unlinkat': {
        const abs = name === 'unlinkat' ? pathArg(0, 1) : pathArg(-1, 0);
        const dir = name === 'rmdir' || (name === 'unlinkat' && (a[2]! & 0x200) !== 0);
        if (abs !== undefined) { fact('filesDeleted', abs, dir ? '/' : ''); seenExisting.delete(abs); }
        break;
      }
      case 'rename': case 'renameat': case 'renameat2': {
        const from = name === 'rename' ? pathArg(-1, 0) : pathArg(0, 1);
        const to = name === 'rename' ? pathArg(-1, 1) : pathArg(2, 3);
        if (from !== undefined) fact('filesDeleted', from);
        if (to !== undefined) { fact('filesWritten', to); seenExisting.add(to); }
        break;
      }
      case 'link': case 'symlink': case 'linkat': case 'symlinkat': {
        const to = name === 'link' || name === 'symlink' ? pathArg(-1, 1) : name === 'linkat' ? pathArg(2, 3) : pathArg(1, 2);
        if (to !== undefined) { fact('filesCreated', to); seenExisting.add(to); }
        break;
      }
      case 'truncate': { const abs = pathArg(-1, 0); if (abs !== undefined) fact('filesWritten', abs); break; }
      case 'chdir': { const abs = pathArg(-1, 0); if (abs !== undefined) p.cwd = abs; break; }
      case 'fchdir': { const path = p.fds.get(a[0]!)?.path; if (path !== undefined) p.cwd = path; break; }
      case 'connect': case 'sendto': {
        const peer = sockaddrText(capturedBytes(ev, name === 'connect' ? 1 : 4));
        if (peer !== undefined && !ignored) facts.networkPeers.add(peer);
        break;
      }
      default:
        if (EXISTS_CALLS.has(name)) {
          const abs = name === 'newfstatat' || name === 'statx' || name === 'faccessat' || name === 'faccessat2' || name === 'readlinkat'
            ? pathArg(0, 1) : pathArg(-1, 0);
          if (abs !== undefined) seenExisting.add(abs);
        } else if (FD_RETS.has(name) && ev.ret >= 0) {
          const cloexec = name === 'socket' ? (a[1]! & O_CLOEXEC) !== 0 : name === 'accept4' ? (a[3]! & O_CLOEXEC) !== 0
            : name === 'pidfd_open' || (name === 'memfd_create' && (a[1]! & 1) !== 0);
          p.fds.create(ev.ret, cloexec, undefined, false, 0, fdTag(t, true));
        }
    }
  };

  const onProcess = (ev: ProcessEvent): void => {
    if (!renderer) return;
    version++;
    const text = renderer.lifecycle(ev);
    switch (ev.type) {
      case 'fork': {
        const existing = byTid.get(ev.tid);
        if (existing?.pendingFork) { existing.pendingFork = false; break; }
        const parent = threadFor(ev.parentPid, ev.parentTid);
        if (ev.thread) newThread(ev.tid, parent.proc);
        else newProc(ev.pid, parent.proc, `${parent.proc.position}.${++parent.proc.children}`);
        break;
      }
      case 'exec': {
        const t = byPid.get(ev.pid)?.threads[0] ?? threadFor(ev.pid, ev.tid);
        t.proc.programs.push(ev.filename);
        t.proc.fds.exec();
        const abs = resolve(t.proc, AT_FDCWD, ev.filename);
        if (!pathIgnored(abs)) facts.programs.add(display(abs));
        break;
      }
      case 'exit': {
        const t = byTid.get(ev.tid) ?? threadFor(ev.pid, ev.tid);
        if (ev.groupDead) {
          t.proc.exit = waitStatusText(ev.exitCode);
          if (text !== undefined) emit(t.proc.threads[0]!, text, 'exit');
        }
        break;
      }
      case 'signal': {
        const t = threadFor(ev.pid, ev.tid);
        if (norm.signals && ASYNC_SIGNALS.has(ev.signo)) break;
        if (text !== undefined && !ignoreNames.has(signalName(ev.signo))) emit(t, norm.pids ? text.replace(/\b(si_pid|si_tid)=(\d+)/g,
          (_m, f: string, d: string) => `${f}=${idName(Number(d))}`) : text, 'signal');
        else if (ignoreNames.has(signalName(ev.signo))) hit(signalName(ev.signo));
        break;
      }
    }
  };

  // A batch is walked column by column, in delivery order (process events merged by position,
  // as batchEvents yields them). A call that repeats exactly one its thread made since the last
  // state change (a read loop) is recognised on the columns and not decoded again; the others
  // go through one reused event object.
  // One event object rewritten for each call of a batch that is not a repeat (the decoder's cursor type).
  const ev = new SyscallCursor();
  const walk = (b: BatchColumns): void => {
    const { scTid, scPid, scNr, scRet, scFlags, scExitDeltaNs, scDurationNs, capSyscall, capInfo, capLen, capData } = b;
    const a0 = b.scArg0, a1 = b.scArg1, a2 = b.scArg2, a3 = b.scArg3, a4 = b.scArg4, a5 = b.scArg5;
    const procs = b.processEvents;
    const np = procs.length;
    const n = scNr.length;
    const capCount = capSyscall.length;
    let p = 0;
    let exitNs = b.baseNs;
    let c = 0;
    let off = 0;
    // The thread of the previous call, while no thread or process has been added since.
    let lastPid = -1, lastTid = -1, lastVersion = -1;
    let lastThread: ThreadRec | undefined;
    for (let i = 0; i < n; i++) {
      while (p < np && (procs[p]!.position ?? 0) <= i) onProcess(processEventFrom(procs[p++]!));
      exitNs += scExitDeltaNs[i] ?? 0;
      const c0 = c, off0 = off;
      while (c < capCount && capSyscall[c] === i) off += capLen[c++]!;
      if (!table || !renderer) continue;
      const pid = scPid[i] ?? 0, tid = scTid[i] ?? 0;
      let t: ThreadRec;
      if (lastThread && tid === lastTid && pid === lastPid && version === lastVersion) t = lastThread;
      else {
        t = lastThread = threadFor(pid, tid);
        lastPid = pid;
        lastTid = tid;
        lastVersion = version;
      }
      if (t.repeatVersion === version && !t.orderFree) {
        const r = findRepeat(t.repeats, b, i, c0, c, off0);
        if (r) { emitRepeat(t, r); continue; }
      }
      ev.pid = pid;
      ev.tid = tid;
      ev.nr = scNr[i] ?? 0;
      ev.exitNs = exitNs;
      ev.enterNs = exitNs - (scDurationNs[i] ?? 0);
      ev.ret = scRet[i] ?? 0;
      ev.flags = scFlags[i] ?? 0;
      const args = ev.args;
      args[0] = a0[i] ?? 0;
      args[1] = a1[i] ?? 0;
      args[2] = a2[i] ?? 0;
      args[3] = a3[i] ?? 0;
      args[4] = a4[i] ?? 0;
      args[5] = a5[i] ?? 0;
      if (c > c0) {
        const caps: Capture[] = [];
        for (let k = c0, o = off0; k < c; o += capLen[k++]!) {
          const info = capInfo[k]!;
          caps.push({ arg: info & 0xff, flags: (info >>> 8) & 0xff, element: info >>> 16, data: capData.subarray(o, o + capLen[k]!) });
        }
        ev.captures = caps;
      } else {
        ev.captures = NO_CAPTURES;
      }
      const u = onSyscall(ev, t);
      if (u) {
        if (t.repeatVersion !== version) { t.repeats.length = 0; t.repeatVersion = version; t.repeatNext = 0; }
        t.repeats[t.repeatNext] = repeatOf(b, i, c0, c, off0, u);
        t.repeatNext = (t.repeatNext + 1) % REPEAT_SLOTS;
      }
    }
    while (p < np) onProcess(processEventFrom(procs[p++]!));
  };
  for await (const rec of readTraceColumns(source, { reuse: true })) {
    if (rec.kind === 'header') {
      const h = rec.header;
      const abi = h.syscallAbi || h.arch || '';
      table = syscallTable(abi);
      if (!table) throw new TraceInputError(`${label}: syscall table "${abi}" is not known to this version of bt-diff`, 'UNKNOWN_ABI');
      renderer = makeRenderer(table, h.cwd || undefined);
      cwdText = h.cwd ?? '';
      header = { arch: h.arch ?? abi, formatVersion: h.formatVersion ?? 0, argv: h.argv ?? [], cwd: h.cwd ?? '', rootPid: h.rootPid ?? 0 };
    } else if (rec.kind === 'batch') {
      walk(rec.batch);
    } else if (rec.kind === 'trailer') {
      const tr = rec.trailer;
      if (tr.programExited) trailerExit = `exited with ${tr.exitCode ?? 0}`;
      else if (tr.termSignal) trailerExit = `killed by ${signalName(tr.termSignal)}${tr.coreDumped ? ' (core dumped)' : ''}`;
    } else {
      complete = rec.complete;
      if (rec.problem) {
        if (rec.problem.code === 'NOT_A_TRACE' || rec.problem.code === 'NEWER_VERSION') {
          throw new TraceInputError(`${label}: ${rec.problem.message}`, rec.problem.code);
        }
        problem = `${rec.problem.message} (at byte ${rec.problem.offset})`;
      }
    }
  }
  if (!header) throw new TraceInputError(`${label}: not a beetrace trace`, 'NOT_A_TRACE');

  // Matching keys, in creation order (a parent always precedes its children).
  // The root is "/" whatever it runs (two versions of a program may have different names);
  // below it, "/sh/cat#2" is the second child running cat of the root's child running sh.
  const siblings = new Map<string, number>();
  for (const p of procs) {
    if (p === root) { p.key = '/'; continue; }
    const base = posix.basename(currentProgram(p)) || '?';
    const parentKey = p.parent?.key ?? '?';
    const slot = `${parentKey}\0${base}`;
    const n = (siblings.get(slot) ?? 0) + 1;
    siblings.set(slot, n);
    p.key = (parentKey.endsWith('/') ? parentKey : parentKey + '/') + base + (n > 1 ? `#${n}` : '');
  }
  for (const p of procs) for (const t of p.threads) flushSet(t);
  const cwdFree = (x: string): string => (norm.cwd && cwdText.length > 1 ? x.split(cwdText).join('$CWD') : x);
  const rootExit = root?.exit;
  return {
    label,
    arch: header.arch,
    formatVersion: header.formatVersion,
    argv: header.argv.map(cwdFree),
    cwd: header.cwd,
    complete,
    problem,
    procs: procs.map((p) => ({
      key: p.key, position: p.position, program: cwdFree(currentProgram(p)), pid: p.pid, parentKey: p.parent?.key, exit: p.exit,
      threads: p.threads.map((t) => ({ name: t.name, index: t.index, hashes: t.hashes.view(), names: t.names.view(), digest: t.digest })),
    })),
    facts,
    exit: trailerExit ?? rootExit ?? (complete ? 'unknown' : 'unknown (trace cut short)'),
    lines,
    ignoreHits: hits,
    texts,
  };
}

function currentProgram(p: ProcRec): string {
  return p.programs[p.programs.length - 1] ?? p.inherited;
}
