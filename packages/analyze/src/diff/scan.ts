// Reading one run for comparison: a consumer of the decoded stream (decodeTraceChunks:
// bt-show's text for every event, and the trace model's processes, threads and fds). Each
// line is normalised and kept only as a 53-bit hash (plus a syscall-name id) in the line
// list of its thread; memory is ten bytes per line whatever the lines say. The text of the
// lines a diff shows is fetched by scanning again with `onLine` (normalisation is
// deterministic, so the second pass yields the same lines). Alongside, the behaviour facts
// of the summary are collected: files read, written, created, deleted, programs, peers,
// failures. Which argument is a pid, an fd, a path, an address or a volatile value, and
// what a call does, come from the syscall table's columns.
import { posix } from 'node:path';
import { type Progress, type SyscallInfo, type TraceSource } from '@beetrace/format';
import type { DecodedEvent, DecodedProcessEvent, DecodedSyscall } from '../decode/decode.js';
import type { ProcessModel, ThreadModel, TraceModel } from '../decode/model.js';
import { s32 } from '../decode/call.js';
import { signalName } from '../decode/structs.js';
import { decodeTraceChunks } from '../decode/trace.js';
import { globToRegExp } from './glob.js';
import { HashList, IdList, hashLine, mixDigest, nameId } from './hash.js';
import type { Normalization } from './options.js';

export interface ThreadLines {
  /** Compared as a set of distinct lines (a process's children's calls before their exec). */
  readonly asSet?: boolean;
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
  readonly threads: readonly ThreadLines[];
  /** "exited with 0", "killed by SIGKILL"; undefined when its end is not in the trace. */
  readonly exit: string | undefined;
  /** It did things at once (had threads, had several children alive together, or ran an asynchronous signal handler), and normalisation `sync` compares such a process's calls by what they were, not their order or number. */
  readonly concurrent: boolean;
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
  /** The filter it was recorded with (bt-record -e: "trace=read", "status=failed"); empty when none. */
  readonly filter: readonly string[];
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
const O_ACCMODE = 3, O_CREAT = 0o100, O_EXCL = 0o200;
const AT_REMOVEDIR = 0x200;
/** Errors that are part of normal operation (EINTR EAGAIN ETIMEDOUT EINPROGRESS ERESTART*): not failures for the summary. */
const EXPECTED_ERRNOS = new Set([4, 11, 110, 115, 512, 513, 514, 516]);
/** Errors that mean "a signal came in": EINTR and the kernel's ERESTART* codes. */
const INTERRUPTED = new Set([4, 512, 513, 514, 516]);
/** Signals whose arrival is a matter of timing. */
const ASYNC_SIGNALS = new Set(['SIGALRM', 'SIGCHLD', 'SIGURG', 'SIGVTALRM', 'SIGPROF', 'SIGWINCH', 'SIGIO']);
const STAT_FIELDS = /\b(st_[amc]time(?:_nsec)?|st_ino|st_dev|stx_[abcm]time|stx_ino|stx_dev_major|stx_dev_minor|stx_mnt_id|f_bfree|f_bavail|f_ffree)=(?:makedev\([^)]*\)|\{[^}]*\}|"[^"]*"|[^,}\s]+)/g;

/** The diff's lines of one thread of the model. */
interface ThreadRec {
  /** Its name in the comparison: the thread's ("1.2:1"), or "1.2:children" for a process's children's calls before their exec. */
  readonly name: string;
  readonly hashes: HashList;
  readonly names: IdList;
  digest: number;
  /** Pending lines of order-free calls (see flushSet). */
  orderFree: Array<{ readonly text: string; readonly name: string }> | undefined;
  /** Asynchronous signal handlers running (delivered, not yet returned from). */
  inHandler: number;
  /** Lines of calls made inside such handlers, and children reaped, waiting for the thread's next ordering point (see flushDeferred). */
  deferred: Array<{ readonly text: string; readonly name: string }> | undefined;
  /** A read from a pipe or socket held back: the next read of the same stream joins it (see onSyscall). */
  heldRead: { readonly head: string; data: string; cut: boolean; readonly mid: string; ret: number; readonly name: string } | undefined;
  /** A change of the signal mask held back: dropped with the next call if that one only undoes it. */
  heldMask: { readonly text: string; readonly name: string; readonly before: readonly [number, number] } | undefined;
}

/** Per process: the thread stacks glibc mapped (MAP_STACK), as [start, end) pairs. */
const MAP_STACK = 0x20000, MAP_NORESERVE = 0x4000, MAP_ANONYMOUS = 0x20;
const WNOHANG = 1;
/** bt-diff decodes with bt-show's default string size. */
const STR_SIZE = 32;
/** A read's line with its data whole (not cut with "..."): head up to the quote, the data, the rest up to the return value. */
const STREAM_READ = /^(\w+\([^,]*, )"((?:[^"\\]|\\.)*)"(\.\.\.)?(, \d+\) = )(\d+)$/;
/** One byte of a printed string: an escape (\n, \x7f, \177) or a character. */
const PRINTED_BYTE = /\\x[0-9a-f]{2}|\\[0-7]{1,3}|\\.|[^\\]/g;

/** The first `n` bytes of a printed string, and whether it had more. */
function firstBytes(text: string, n: number): [string, boolean] {
  let out = '';
  let k = 0;
  for (const m of text.matchAll(PRINTED_BYTE)) {
    if (k === n) return [out, true];
    out += m[0];
    k++;
  }
  return [out, false];
}

/** What a call gave, reused for an exact repeat of it while the model has not changed. */
interface Normalised {
  readonly version: number;
  /** Left out: by this --ignore pattern (counted as a hit again), or '' by normalisation. */
  readonly ignoredBy: string | undefined;
  readonly line: string;
  readonly hash: number;
  readonly nameId: number;
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

/** Argument indexes of a syscall by role, computed once per syscall. */
interface Roles {
  readonly pid: readonly number[];
  readonly fd: readonly number[];
  readonly addr: readonly number[];
  readonly volatile: readonly number[];
  readonly stat: boolean;
  readonly pollfds: number;
  readonly idtype: number;
  /** The buffer argument data moves through (read/write effects). */
  readonly buffer: number;
}

function rolesOf(info: SyscallInfo): Roles {
  const at = (want: (r: string) => boolean): number[] => info.roles.flatMap((r, i) => (r && want(r.role) ? [i] : []));
  return {
    pid: at((r) => r === 'pid'), fd: at((r) => r === 'fd' || r === 'dirfd' || r === 'newfd'), addr: at((r) => r === 'addr'),
    volatile: at((r) => r === 'volatile'), stat: info.roles.some((r) => r?.role === 'stat'),
    pollfds: info.roles.findIndex((r) => r?.role === 'pollfds'), idtype: info.roles.findIndex((r) => r?.role === 'idtype'),
    buffer: info.capture.find((c) => c.kind === 'buffer')?.arg ?? -1,
  };
}

/**
 * Reads a trace and builds its comparison model. `onLine` (second pass) receives the text of
 * every line kept, with its thread name and index.
 */
export async function scanTrace(source: TraceSource, label: string, opts: ScanOptions,
  onLine?: (thread: string, index: number, text: string) => void, progress?: Progress): Promise<RunModel> {
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

  let header: { arch: string; formatVersion: number; argv: string[]; cwd: string; filter: string[] } | undefined;
  let model: TraceModel | undefined;
  let trailerExit: string | undefined;
  let complete = false;
  let problem: string | undefined;
  const recs = new Map<ThreadModel, ThreadRec>();
  const facts = emptyFacts();
  const seenExisting = new Set<string>();
  const roleCache = new Map<number, Roles>();
  /** Processes that did things at once (see ProcModel.concurrent), and the children each has alive. */
  const concurrent = new Set<ProcessModel>();
  const liveChildren = new Map<ProcessModel, number>();
  const normCache = new WeakMap<DecodedSyscall, Normalised>();
  let t0 = -1;
  let lines = 0;
  let cwdText = '';

  const newRec = (name: string): ThreadRec => ({
    name, hashes: new HashList(), names: new IdList(), digest: 0, orderFree: undefined, inHandler: 0, deferred: undefined, heldMask: undefined, heldRead: undefined,
  });
  /**
   * Where a thread's lines go: its own list, or, for a forked child before its exec (normalisation
   * `sync`), its parent's "children" list, compared as a set: which child did its setup when, and which
   * got what the parent handed out first (make's stdin), is a matter of which ran first.
   */
  const rec = (t: ThreadModel): ThreadRec => {
    const parent = t.proc.parent;
    if (parent && t.index === 0 && !execed.has(t.proc) && norm.sync) {
      let pool = pools.get(parent);
      if (!pool) pools.set(parent, (pool = newRec(`${parent.position}:children`)));
      return pool;
    }
    let r = recs.get(t);
    if (!r) recs.set(t, (r = newRec(t.name)));
    return r;
  };
  const pools = new Map<ProcessModel, ThreadRec>();
  const execed = new Set<ProcessModel>();
  const idName = (v: number): string => {
    const t = model?.threadById(v);
    if (t) return `<${t.name}>`;
    const p = model?.processById(v);
    return p ? `<${p.position}>` : '<?>';
  };
  const display = (abs: string): string => {
    const c = header?.cwd ?? '';
    if (norm.cwd && c.length > 1 && abs.startsWith('/')) {
      if (abs === c) return '.';
      if (abs.startsWith(c + '/')) return './' + abs.slice(c.length + 1);
    }
    return abs;
  };
  /** The --ignore-paths glob that matched last. */
  let lastGlob = '';
  const pathIgnored = (abs: string): boolean => {
    if (pathGlobs.length === 0) return false;
    const shown = display(abs);
    const rel = shown.startsWith('./') ? shown.slice(2) : undefined;
    for (const g of pathGlobs) {
      if (g.re.test(abs) || g.re.test(shown) || (rel !== undefined && g.re.test(rel))) { hit(g.glob); lastGlob = g.glob; return true; }
    }
    return false;
  };

  const texts = new Map<number, string>();
  let textRoom = opts.textBudget ?? 0;
  /** Lines of a run of order-free calls (waits for any child) wait here, to be kept sorted. */
  const flushSet = (r: ThreadRec): void => {
    const set = r.orderFree;
    if (!set) return;
    r.orderFree = undefined;
    pushSorted(r, set);
  };
  /** Lines whose order was timing, in one canonical order. */
  const pushSorted = (r: ThreadRec, set: Array<{ readonly text: string; readonly name: string }>): void => {
    set.sort((x, y) => (x.text < y.text ? -1 : x.text > y.text ? 1 : 0));
    for (const x of set) push(r, x.text, hashLine(x.text), nameId(x.name));
  };
  /** An ordering point of the thread (an exec, its end): the children reaped and the calls its handlers made since. */
  const flushDeferred = (r: ThreadRec): void => {
    releaseMask(r);
    const set = r.deferred;
    if (!set) return;
    r.deferred = undefined;
    if (r.orderFree) flushSet(r);
    pushSorted(r, set);
  };
  const releaseRead = (r: ThreadRec): void => {
    const h = r.heldRead;
    if (!h) return;
    r.heldRead = undefined;
    const text = `${h.head}"${h.data}"${h.cut ? '...' : ''}${h.mid}${h.ret}`;
    push(r, text, hashLine(text), nameId(h.name));
  };
  const releaseMask = (r: ThreadRec): void => {
    releaseRead(r);
    const h = r.heldMask;
    if (!h) return;
    r.heldMask = undefined;
    if (r.orderFree) flushSet(r);
    push(r, h.text, hashLine(h.text), nameId(h.name));
  };
  const emit = (r: ThreadRec, text: string, name: string, orderFree = false): number => {
    if ((r.heldMask || r.heldRead) && r.inHandler === 0) releaseMask(r);
    // Where among the thread's calls an asynchronous signal's handler ran is a matter of timing:
    // what it did is compared at the thread's next ordering point instead.
    if (r.inHandler > 0 && norm.signals) {
      (r.deferred ??= []).push({ text, name });
      return 0;
    }
    if (orderFree) {
      (r.orderFree ??= []).push({ text, name });
      return 0;
    }
    if (r.orderFree) flushSet(r);
    const h = hashLine(text);
    push(r, text, h, nameId(name));
    return h;
  };
  const push = (r: ThreadRec, text: string, h: number, id: number): void => {
    if (textRoom > 0 && !texts.has(h)) { texts.set(h, text); textRoom -= text.length + 16; }
    if (onLine) onLine(r.name, r.hashes.length, text);
    r.hashes.push(h);
    r.names.push(id);
    r.digest = mixDigest(r.digest, h);
    lines++;
  };

  /** Absolute paths a call names (path arguments resolved, what its fds referred to), for --ignore-paths. */
  const callPaths = (d: DecodedSyscall): string[] => {
    const out: string[] = [];
    for (const p of d.resolved) if (p !== undefined) out.push(p);
    for (const e of d.fdAt) if (e?.file.path !== undefined) out.push(e.file.path);
    return out;
  };

  const onSyscall = (d: DecodedSyscall): void => {
    // An exact repeat of a call its thread made since the model last changed gives what that call gave.
    const orig = d.repeatOf;
    if (orig !== undefined && norm.timestamps) {
      const c = normCache.get(orig);
      if (c !== undefined && c.version === model!.version) {
        if (c.ignoredBy !== undefined) {
          if (c.ignoredBy) hit(c.ignoredBy);
          return;
        }
        const r = rec(d.thread);
        if (!r.orderFree && r.inHandler === 0 && !r.heldMask && !r.heldRead) {
          push(r, c.line, c.hash, c.nameId);
          return;
        }
      }
    }
    const info = d.info;
    const t = d.thread;
    const p = t.proc;
    const name = d.name;
    let ignoredBy: string | undefined;
    if (norm.signals && (info?.effect === 'sigreturn' || (d.failed && INTERRUPTED.has(-d.ret)))) ignoredBy = '';
    if (ignoreNames.has(name)) { hit(name); ignoredBy = name; }
    if (ignoredBy === undefined && info && ignoreClasses.size > 0) {
      for (const c of info.classes) { const pat = ignoreClasses.get(c); if (pat) { hit(pat); ignoredBy = pat; break; } }
    }
    if (ignoredBy === undefined && pathGlobs.length > 0) {
      for (const path of callPaths(d)) if (pathIgnored(path)) { ignoredBy = lastGlob; break; }
    }
    if (ignoredBy === undefined && norm.sync && info?.effect === 'sync' && p.threads.length > 1) ignoredBy = '';
    // The program break's moves: their values are addresses (masked), and when the heap grows is the
    // allocator's choice, which depends on the address layout (seen: cc1's brk calls moving between runs).
    if (ignoredBy === undefined && norm.addresses && info?.effect === 'heap') ignoredBy = '';
    // glibc's thread-stack cache: whether a new thread maps (and guards) a stack or reuses one an
    // earlier thread left depends on which threads already ended.
    if (ignoredBy === undefined && info && !d.failed && !d.unfinished && threadStack(d, info, p)) ignoredBy = '';
    // A wait for any child that found none (WNOHANG): how often a program polls is a matter of timing.
    const waitAny = norm.signals && info?.effect === 'wait' && !d.unfinished && waitsForAny(d, info);
    if (ignoredBy === undefined && waitAny && (d.ret === 0 || d.failed) && (waitOptions(d, info!) & WNOHANG) !== 0) ignoredBy = '';
    if (info && norm.random) tempName(d, info);
    // A call that only reads a random or clock value (getrandom, clock_gettime, times...): how many a
    // program makes depends on timing and on what it drew (glibc's tempname retries); its values are masked anyway.
    if (ignoredBy === undefined && info && norm.random && readsOnlyVolatile(info)) ignoredBy = '';
    const ignored = ignoredBy !== undefined;
    if (info?.effect === 'sigreturn') { const r = recs.get(t); if (r && r.inHandler > 0) r.inHandler--; }
    const line = ignored ? '' : normalizeCall(d, info);
    updateFacts(d, info, ignored, line);
    const version = model!.version;
    if (ignored) {
      if (norm.timestamps) normCache.set(orig ?? d, { version, ignoredBy, line: '', hash: 0, nameId: 0 });
      return;
    }
    const r = rec(t);
    let shown = line;
    if (!norm.timestamps) {
      if (t0 < 0) t0 = d.enterNs;
      shown = `+${((d.enterNs - t0) / 1e9).toFixed(6)} ${line} <${((d.exitNs - d.enterNs) / 1e9).toFixed(6)}>`;
    }
    // Which child a wait for any child reaps first is a matter of timing: such waits in a row compare as a set.
    let anyChild = false;
    if (info?.effect === 'wait' && !d.failed && !d.unfinished) {
      const roles = rolesFor(d.nr, info);
      anyChild = roles.idtype >= 0 ? s32(d.argValue(roles.idtype)) === 0 : d.ret > 0 && roles.pid.length > 0 && s32(d.argValue(roles.pid[0]!)) <= 0;
    }
    if (waitAny && !d.failed) {
      // A child reaped by a wait for any child: which call reaps it, and when, is timing; that it was reaped is compared
      // at the thread's next ordering point (an exec, its end), WNOHANG or not.
      (r.deferred ??= []).push({ text: shown.replace(/\bWNOHANG\|/, '').replace(/, WNOHANG(?=[,)])/, ', 0'), name });
      return;
    }
    if (norm.sync && norm.timestamps && info?.effect === 'read' && d.ret > 0 && r.inHandler === 0) {
      // How a stream's data was split across reads is timing (when the writer wrote): consecutive reads of
      // the same pipe or socket compare as one read of all of it, printed as that one read would be.
      const kind = d.fdAt[rolesFor(d.nr, info).fd[0] ?? -1]?.file.kind;
      const m = kind === 'pipe' || kind === 'socket' ? STREAM_READ.exec(shown) : null;
      if (m) {
        const h = r.heldRead;
        if (h && h.head === m[1] && h.mid === m[4]) {
          if (!h.cut) {
            const [data, more] = firstBytes(h.data + m[2]!, STR_SIZE);
            h.data = data;
            h.cut = more || m[3] !== undefined;
          }
          h.ret += d.ret;
          return;
        }
        releaseMask(r);
        r.heldRead = { head: m[1]!, data: m[2]!, cut: m[3] !== undefined, mid: m[4]!, ret: d.ret, name };
        return;
      }
    }
    if (norm.signals && info?.effect === 'sigmask' && !d.failed && d.argValue(1) !== 0 && r.inHandler === 0) {
      // rt_sigprocmask that only undoes the one before it (a block around a wait that, this time, did not wait): dropped together.
      const h = r.heldMask;
      if (h && h.before[0] === t.mask[0] && h.before[1] === t.mask[1]) { r.heldMask = undefined; return; }
      releaseMask(r);
      r.heldMask = { text: shown, name, before: [t.previousMask[0], t.previousMask[1]] };
      return;
    }
    const h = emit(r, shown, name, norm.pids && anyChild);
    if (norm.timestamps && !anyChild) normCache.set(orig ?? d, { version, ignoredBy: undefined, line: shown, hash: h, nameId: nameId(name) });
  };

  /** Thread stacks mapped per process, to recognise the calls that guard and unmap them. */
  const stacks = new Map<ProcessModel, Array<[number, number]>>();
  /** Whether the call maps, reprotects or unmaps anonymous memory of a process that has threads (normalisation `sync`). */
  const threadStack = (d: DecodedSyscall, info: SyscallInfo, p: ProcessModel): boolean => {
    const e = info.effect;
    if (e !== 'map' && e !== 'unmap' && e !== 'protect') return false;
    const list = stacks.get(p) ?? [];
    if (e === 'map') {
      // Anonymous memory (thread stacks, malloc arenas and their trims, an interpreter's allocator pools):
      // in a process with threads, which thread maps or unmaps it, and when, depends on which ran first.
      const fi = info.roles.findIndex((r) => r?.role === 'mapflags');
      const flags = fi >= 0 ? d.argValue(fi) : 0;
      if ((flags & (MAP_STACK | MAP_ANONYMOUS)) === 0 && !((flags & MAP_NORESERVE) !== 0 && d.argValue(2) === 0)) return false;
      list.push([d.ret, d.ret + d.argValue(1)]);
      stacks.set(p, list);
      return norm.sync && p.threads.length > 1;
    }
    const addr = d.argValue(info.roles.findIndex((r) => r?.role === 'addr'));
    const k = list.findIndex(([lo, hi]) => addr >= lo && addr < hi);
    if (k < 0) return false;
    // Unmapping all of it forgets the region; a part (malloc trims its arena reservation): the rest stays known.
    if (e === 'unmap' && addr === list[k]![0] && addr + d.argValue(1) >= list[k]![1]) list.splice(k, 1);
    return norm.sync && p.threads.length > 1;
  };

  /** Random names (mkstemp's, mkdtemp's...) by their random part, in the order the run made them: shown as <tmpN>. */
  const tempNames = new Map<string, string>();
  const tempCount = new Map<ProcessModel, number>();
  const tempName = (d: DecodedSyscall, info: SyscallInfo): void => {
    let name: string | undefined;
    let strict = false;
    if (info.effect === 'open') {
      const fi = info.roles.findIndex((r) => r?.role === 'oflags');
      const flags = d.made[0]?.file.flags ?? (fi >= 0 ? s32(d.argValue(fi)) : 0);
      if ((flags & (O_CREAT | O_EXCL)) === (O_CREAT | O_EXCL)) name = d.paths[0];
    } else {
      // A directory made under a name that looks random (mkdtemp: letters of both cases or digits).
      const k = info.roles.findIndex((r) => r?.role === 'path' && r.create === true && r.dir === true);
      if (k >= 0) { name = d.paths[info.roles.slice(0, k).filter((r) => r?.role === 'path').length]; strict = true; }
    }
    if (name === undefined) return;
    // The random part ends the name, or comes before a short extension (gcc's /tmp/ccAbC123.s).
    const tail = /([A-Za-z0-9_]{6,})(?:\.[A-Za-z0-9]{1,6}){0,2}$/.exec(posix.basename(name))?.[1];
    if (tail === undefined || tempNames.has(tail)) return;
    if (strict && !/[0-9A-Z]/.test(tail)) return;
    // Numbered per process: processes that run at once make theirs in either order.
    const p = d.thread.proc;
    const n = (tempCount.get(p) ?? 0) + 1;
    tempCount.set(p, n);
    tempNames.set(tail, `<tmp${n}>`);
  };
  const maskTempNames = (text: string): string => {
    for (const [tail, mask] of tempNames) if (text.includes(tail)) text = text.split(tail).join(mask);
    return text;
  };

  /** The call does nothing but write values that differ on every run (the table's volatile roles, no effect). */
  const readsOnlyVolatile = (info: SyscallInfo): boolean =>
    info.effect === null && info.roles.some((r) => r?.role === 'volatile') && info.roles.every((r) => r === null || r.role === 'volatile');

  /** A wait for any child: wait4 with pid -1 or 0 (or a negative process group), waitid with P_ALL. */
  const waitsForAny = (d: DecodedSyscall, info: SyscallInfo): boolean => {
    const roles = rolesFor(d.nr, info);
    if (roles.idtype >= 0) return s32(d.argValue(roles.idtype)) === 0;
    return roles.pid.length > 0 && s32(d.argValue(roles.pid[0]!)) <= 0;
  };
  const waitOptions = (d: DecodedSyscall, info: SyscallInfo): number => {
    const k = info.roles.findIndex((r) => r?.role === 'waitopts');
    return k >= 0 ? s32(d.argValue(k)) : 0;
  };

  const rolesFor = (nr: number, info: SyscallInfo): Roles => {
    let r = roleCache.get(nr);
    if (!r) roleCache.set(nr, (r = rolesOf(info)));
    return r;
  };

  const normalizeCall = (d: DecodedSyscall, info: SyscallInfo | undefined): string => {
    let args = d.args as string[];
    let copied = false;
    const set = (i: number, v: string): void => {
      if (!copied) { args = args.slice(); copied = true; }
      args[i] = v;
    };
    let ret = d.retText;
    if (info) {
      const roles = rolesFor(d.nr, info);
      if (norm.pids) {
        for (const i of roles.pid) {
          const raw = s32(d.argValue(i));
          if (args[i] === undefined) continue;
          if (raw > 0) set(i, replaceLeadingNumber(args[i]!, idName(raw)));
          else if (raw < -1) set(i, replaceLeadingNumber(args[i]!, '-' + idName(-raw)));
        }
      }
      if (norm.fds) {
        for (const i of roles.fd) {
          const e = d.fdAt[i];
          if (e !== undefined && args[i] !== undefined && e.label !== s32(d.argValue(i))) set(i, replaceLeadingNumber(args[i]!, String(e.label)));
        }
        if (roles.pollfds >= 0 && args[roles.pollfds]) {
          set(roles.pollfds, args[roles.pollfds]!.replace(/fd=(\d+)/g, (_m, n: string) => `fd=${model!.fd(d.pid, Number(n))?.label ?? n}`));
        }
      }
      if (norm.addresses) {
        for (const i of roles.addr) {
          const raw = d.argValue(i);
          if (raw >= 0x10000 && args[i] !== undefined && /^\d+$/.test(args[i]!)) set(i, '<addr>');
        }
      }
      if (norm.random) {
        for (const i of roles.volatile) if (args[i] !== undefined && args[i] !== 'NULL') set(i, '<masked>');
        if (info.ret === 'volatile' && d.ret >= 0) ret = '<masked>';
        if (roles.stat) for (let i = 0; i < args.length; i++) if (/^\{[0-9a-f]+\}$/.test(args[i]!)) set(i, '{<stat>}');
        if (info.effect === 'read' && roles.buffer >= 0 && args[roles.buffer] !== undefined
          && /^\/dev\/u?random$/.test(d.fdAt[roles.fd[0] ?? -1]?.file.path ?? '')) set(roles.buffer, '<masked>');
      }
      if (!d.failed && !d.unfinished) {
        if (norm.pids && d.ret > 0 && info.ret === 'pid') ret = replaceLeadingNumber(ret, idName(d.ret));
        if (norm.fds && d.ret >= 0 && info.ret === 'fd') {
          const made = d.made.find((e) => e.label !== undefined);
          if (made && made.label !== d.ret) ret = replaceLeadingNumber(ret, String(made.label));
        }
      }
    }
    // Integers that are addresses though no table says so: values in the user address range.
    if (norm.addresses) {
      for (let i = 0; i < args.length && i < 6; i++) {
        const raw = d.argValue(i);
        if (raw >= 0x100000000 && raw < 2 ** 48 && /^\d+$/.test(args[i]!)) set(i, '<addr>');
      }
      if (d.ret >= 0x100000000 && d.ret < 2 ** 48 && /^\d+$/.test(ret)) ret = '<addr>';
    }
    let line = `${d.name}(${args.join(', ')}) = ${ret}`;
    if (norm.addresses) line = maskAddresses(line);
    if (norm.random) {
      if (info?.roles.some((r) => r?.role === 'stat')) line = line.replace(STAT_FIELDS, '$1=<masked>');
      if (info?.effect === 'exec') line = line.replace(/\/\* \d+ vars \*\//g, '/* <n> vars */');
    }
    if (norm.pids) {
      if (info?.effect === 'fork' && line.includes('tid=[')) line = line.replace(/\b(\w*tid)=\[(\d+)\]/g, (_m, f: string, n: string) => `${f}=[${idName(Number(n))}]`);
      if (line.includes('si_')) line = line.replace(/\b(si_pid|si_tid)=(\d+)/g, (_m, f: string, n: string) => `${f}=${idName(Number(n))}`);
      if (line.includes('/proc/')) line = line.replace(/\/proc\/(\d+)(?=[/"])/g, (_m, n: string) => `/proc/${idName(Number(n))}`);
    }
    if (norm.cwd && cwdText.length > 1 && line.includes(cwdText)) line = line.split(cwdText).join('$CWD');
    if (tempNames.size) line = maskTempNames(line);
    return line;
  };

  /** The summary's facts from a call, by the table's effect and roles. */
  const updateFacts = (d: DecodedSyscall, info: SyscallInfo | undefined, ignored: boolean, line: string): void => {
    if (d.failed && !ignored && !EXPECTED_ERRNOS.has(-d.ret)) facts.failures.add(line);
    if (!info || d.failed || d.unfinished || ignored) return;
    const fact = (kind: keyof Facts, abs: string, suffix = ''): void => {
      if (pathIgnored(abs)) return;
      facts[kind].add(maskTempNames(display(abs)) + suffix);
    };
    switch (info.effect) {
      case 'open': {
        const e = d.made[0];
        const abs = e?.file.path;
        if (abs === undefined) return;
        const flags = e!.file.flags;
        const acc = flags & O_ACCMODE;
        if (acc === 0 || acc === 2) fact('filesRead', abs);
        if (acc === 1 || acc === 2) fact('filesWritten', abs);
        if ((flags & O_CREAT) !== 0 && ((flags & O_EXCL) !== 0 || !seenExisting.has(abs))) fact('filesCreated', abs);
        seenExisting.add(abs);
        return;
      }
      case 'lookup':
        if (d.resolved[0] !== undefined) seenExisting.add(d.resolved[0]);
        return;
      case 'connect':
      case 'write':
        if (d.peer !== undefined) facts.networkPeers.add(d.peer);
        return;
      default:
        break;
    }
    // Paths the call creates, deletes or writes (the table's path qualifiers), in argument order.
    let k = 0;
    info.roles.forEach((r, i) => {
      if (r?.role !== 'path') return;
      const abs = d.resolved[k++];
      if (abs === undefined) return;
      const dir = r.dir === true || (info.roles.some((x, j) => x?.role === 'at_flags' && (s32(d.argValue(j)) & AT_REMOVEDIR) !== 0));
      if (r.create) { fact('filesCreated', abs, dir ? '/' : ''); seenExisting.add(abs); }
      else if (r.delete) { fact('filesDeleted', abs, dir ? '/' : ''); seenExisting.delete(abs); }
      else if (r.write) { fact('filesWritten', abs); seenExisting.add(abs); }
      void i;
    });
  };

  const onProcess = (d: DecodedProcessEvent): void => {
    const t = d.task;
    switch (d.kind) {
      case 'fork': {
        if (d.thread) { concurrent.add(t.proc); return; }
        const parent = t.proc.parent;
        if (parent) {
          const n = (liveChildren.get(parent) ?? 0) + 1;
          liveChildren.set(parent, n);
          if (n > 1) concurrent.add(parent);
        }
        return;
      }
      case 'exec': {
        for (const th of t.proc.threads) { const r = recs.get(th); if (r) { r.inHandler = 0; flushDeferred(r); } }
        execed.add(t.proc);
        const abs = model!.resolve(d.pid, AT_FDCWD, d.filename ?? '');
        if (!pathIgnored(abs)) facts.programs.add(display(abs));
        return;
      }
      case 'exited': case 'killed': {
        const parent = t.proc.parent;
        if (!t.proc.alive && parent) liveChildren.set(parent, (liveChildren.get(parent) ?? 1) - 1);
        const r = recs.get(t);
        if (r) { r.inHandler = 0; flushDeferred(r); }
        if (t.proc.alive || d.line === undefined) return; // a thread's end, not its process's
        const main = rec(t.proc.threads[0]!);
        main.inHandler = 0;
        flushDeferred(main);
        emit(main, d.line, 'exit');
        return;
      }
      case 'signal': {
        if (norm.signals && ASYNC_SIGNALS.has(d.signal ?? '')) {
          if (!d.ignored) { rec(t).inHandler++; concurrent.add(t.proc); }
          return;
        }
        if (ignoreNames.has(d.signal ?? '')) { hit(d.signal!); return; }
        const text = d.line!;
        emit(rec(t), norm.pids ? text.replace(/\b(si_pid|si_tid)=(\d+)/g, (_m, f: string, n: string) => `${f}=${idName(Number(n))}`) : text, 'signal');
        return;
      }
      default:
        return;
    }
  };

  const onEvent = (it: DecodedEvent): void => {
    // A filtered recording's state-only calls (bt-record -e) are not calls of the run.
    if (it.kind === 'syscall') { if (!it.stateOnly) onSyscall(it); } else onProcess(it);
  };
  for await (const chunk of decodeTraceChunks(source, { strSize: 32, xflag: 0, fdPaths: false, progress }, onEvent)) {
    for (const it of chunk) {
      switch (it.kind) {
        case 'header': {
          const h = it.header;
          model = it.model;
          cwdText = h.cwd ?? '';
          header = { arch: h.arch || h.syscallAbi || '', formatVersion: h.formatVersion ?? 0, argv: h.argv ?? [], cwd: h.cwd ?? '', filter: h.filter?.expressions ?? [] };
          break;
        }
        case 'trailer': {
          const tr = it.trailer;
          if (tr.programExited) trailerExit = `exited with ${tr.exitCode ?? 0}`;
          else if (tr.termSignal) trailerExit = `killed by ${signalName(tr.termSignal)}${tr.coreDumped ? ' (core dumped)' : ''}`;
          break;
        }
        case 'end':
          complete = it.complete;
          if (it.problem) {
            const c = it.problem.code;
            if (c === 'NOT_A_TRACE' || c === 'NEWER_VERSION') throw new TraceInputError(`${label}: ${it.problem.message}`, c);
            if (c === 'UNKNOWN_ABI') throw new TraceInputError(`${label}: syscall table is not known to this version of bt-diff (${it.problem.message})`, c);
            problem = `${it.problem.message} (at byte ${it.problem.offset})`;
          }
          break;
        default: break;
      }
    }
  }
  if (!header || !model) throw new TraceInputError(`${label}: not a beetrace trace`, 'NOT_A_TRACE');

  // Matching keys, in creation order (a parent always precedes its children).
  // The root is "/" whatever it runs (two versions of a program may have different names);
  // below it, "/sh/cat#2" is the second child running cat of the root's child running sh.
  const keys = new Map<ProcessModel, string>();
  const siblings = new Map<string, number>();
  for (const p of model.processes) {
    if (p === model.root) { keys.set(p, '/'); continue; }
    const base = posix.basename(p.program) || '?';
    const parentKey = (p.parent && keys.get(p.parent)) ?? '?';
    const slot = `${parentKey}\0${base}`;
    const n = (siblings.get(slot) ?? 0) + 1;
    siblings.set(slot, n);
    keys.set(p, (parentKey.endsWith('/') ? parentKey : parentKey + '/') + base + (n > 1 ? `#${n}` : ''));
  }
  for (const r of [...recs.values(), ...pools.values()]) { flushDeferred(r); flushSet(r); }
  const cwdFree = (x: string): string => (norm.cwd && cwdText.length > 1 ? x.split(cwdText).join('$CWD') : x);
  const exitText = (p: ProcessModel): string | undefined => (p.exitStatus === undefined ? undefined : waitStatusText(p.exitStatus));
  const root = model.root;
  return {
    label,
    arch: header.arch,
    formatVersion: header.formatVersion,
    argv: header.argv.map(cwdFree),
    cwd: header.cwd,
    filter: header.filter,
    complete,
    problem,
    procs: model.processes.map((p) => ({
      key: keys.get(p)!, position: p.position, program: cwdFree(p.program), pid: p.pid, parentKey: p.parent && keys.get(p.parent), exit: exitText(p),
      concurrent: norm.sync && (concurrent.has(p) || p.threads.length > 1),
      threads: [...p.threads.map((t) => recs.get(t) ?? newRec(t.name)), ...(pools.has(p) ? [pools.get(p)!] : [])].map((r, index) => (
        { name: r.name, index, hashes: r.hashes.view(), names: r.names.view(), digest: r.digest, asSet: r === pools.get(p) })),
    })),
    facts,
    exit: trailerExit ?? (root ? exitText(root) : undefined) ?? (complete ? 'unknown' : 'unknown (trace cut short)'),
    lines,
    ignoreHits: hits,
    texts,
  };
}

/** "exited with 0", "killed by SIGKILL (core dumped)". */
export function waitStatusText(status: number): string {
  const sig = status & 0x7f;
  if (sig === 0) return `exited with ${(status >> 8) & 0xff}`;
  return `killed by ${signalName(sig)}${(status & 0x80) !== 0 ? ' (core dumped)' : ''}`;
}
