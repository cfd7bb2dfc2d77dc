// The one state model of a traced system, rebuilt from the trace's own history and
// advanced by the decoder, event by event (strace's tcb and perf's machine/thread play
// this part there): the processes and threads, their parents and position in the tree,
// the program each runs, its working directory and its fd table, where each fd says what
// it refers to (a file by path, a socket with its addresses, a pipe end, an anonymous
// inode) through an OpenFile shared by dup'ed and inherited fds. Every rule comes from
// the syscall table's columns (returns, effect, roles): no syscall names here.
// Memory is bounded by what is live, plus one small record per process.
import { posix } from 'node:path';
import {
  callFailed, CaptureFlag, changesState, FdPathCapture, type Capture, type Header, type ProcessEvent, type ProcessState, type SyscallEvent, type SyscallInfo,
  SyscallFlag,
} from '@beetrace/format';
import { s32 } from './call.js';
import { fdTarget, socketListed, type SocketView, socketText } from './fdpath.js';
import { sockaddrText } from './sockaddr.js';

const AT_FDCWD = -100;
const DELETED = ' (deleted)';
const O_ACCMODE = 3;
const CLONE_THREAD = 0x10000;
const F_DUPFD = 0, F_DUPFD_CLOEXEC = 1030, F_SETFD = 2, FD_CLOEXEC = 1;
const CLOSE_RANGE_CLOEXEC = 4;
const O_CLOEXEC = 0o2000000;
const utf8 = new TextDecoder('utf-8', { fatal: false });
const NO_FDS: readonly FdEntry[] = [];

export type FileKind = 'file' | 'socket' | 'pipe' | 'anon';

/** What an fd refers to: one object per open file description, shared by dup'ed and inherited fds. */
export class OpenFile {
  /** Open fds referring to it, in all processes. */
  refs = 0;
  /** Set when the last fd referring to it closed. */
  closedNs: number | undefined;
  /** socket: addresses as text ("127.0.0.1:80", "unix:/run/x.sock"), when the trace showed them. */
  local: string | undefined;
  peer: string | undefined;
  /**
   * What the kernel said the fd refers to when the call that made it returned (traces
   * recorded with fd paths): the canonical path of a file, symlinks resolved
   * ("/usr/lib/x86_64-linux-gnu/libc.so.6" for "/lib/x86_64-linux-gnu/libc.so.6"), or
   * "socket:[INODE]", "pipe:[INODE]", "anon_inode:[eventfd]", as /proc/PID/fd shows it.
   */
  canonical: string | undefined;
  /** A socket as the kernel last described it (when it was made, bound, connected, set listening): what -yy prints. */
  sock: SocketView | undefined;
  /** -yy: the socket's text as first shown once sock_diag would list it (strace keeps that per inode). */
  sockShown: string | undefined;
  /** A device file: -yy's mark after the path (`char 1:3`). */
  device: string | undefined;

  constructor(
    /** Unique within the trace, in creation order. */
    readonly id: number,
    readonly kind: FileKind,
    /** file: absolute path (as -y prints it); anon: the kernel's name ("anon_inode:[eventfd]"); pipe/socket: undefined. */
    readonly path: string | undefined,
    /** file: the path as the process wrote it. */
    readonly written: string | undefined,
    /** The call that made it: its process and time. */
    readonly pid: number,
    readonly openedNs: number,
    /** socket: socket(2)'s family (or the address family of its first connect), type and protocol when known. */
    public family: number | undefined = undefined,
    readonly type: number | undefined = undefined,
    readonly protocol: number | undefined = undefined,
    /** pipe: which end. */
    readonly pipeEnd: 'read' | 'write' | undefined = undefined,
    /** file opened by path: its open flags (access mode, O_CREAT, O_EXCL...). */
    readonly flags = 0,
  ) {}

  /** What -y prints between the angle brackets. */
  get text(): string | undefined {
    if (this.canonical !== undefined) return this.canonical;
    if (this.path !== undefined) return this.path;
    if (this.kind === 'pipe') return 'pipe:[]';
    if (this.kind === 'socket') return 'socket:[]';
    return undefined;
  }
}

/** One fd of a process. */
export interface FdEntry {
  /** Its number in the process. */
  readonly fd: number;
  readonly file: OpenFile;
  cloexec: boolean;
  /**
   * The fd's name independent of numbers the run happened to get: the lowest number not
   * held by another fd created in the trace (0-2 start held, as stdio; fds inherited from
   * outside the trace are not counted), or, made while its process had several threads,
   * "#N": the N-th fd its thread made (fd numbers race between threads).
   */
  readonly label: number | string;
}

export class ThreadModel {
  /** Blocked signals as two 32-bit words. */
  mask: [number, number] = [0, 0];
  /** The mask before the last rt_sigprocmask changed it. */
  previousMask: [number, number] = [0, 0];
  /** Masks saved at signal delivery, innermost last (what rt_sigreturn restores). */
  readonly saved: [number, number][] = [];
  /** The call interrupted with ERESTART_RESTARTBLOCK (restart_syscall's). */
  restart: string | undefined;
  /** fds this thread made while its process had several threads. */
  fdSeq = 0;
  /** When the trace first showed it. */
  createdNs = 0;
  alive = true;
  /** Its tid in its process's pid namespace, when that is not the initial one (else its tid). */
  nsTid: number | undefined;

  constructor(
    readonly tid: number,
    readonly proc: ProcessModel,
    /** 0 for the main thread, then creation order. */
    readonly index: number,
  ) {}

  /** Position name: "1.2" for a process's main thread, "1.2:1" for its first other thread. */
  get name(): string {
    return this.index === 0 ? this.proc.position : `${this.proc.position}:${this.index}`;
  }
}

export class ProcessModel {
  readonly threads: ThreadModel[] = [];
  /** Programs it executed, in order (paths as given to execve). */
  readonly programs: string[] = [];
  /** argv of its last successful execve, when captured. */
  argv: readonly string[] | undefined;
  readonly fds = new Map<number, FdEntry>();
  /** Labels held by its fds (see FdEntry.label). */
  readonly labels = new Set<number | string>();
  /** Children made so far (for their positions). */
  children = 0;
  /** Threads alive. */
  live = 0;
  endNs: number | undefined;
  /** Wait status as wait4 reports it, when its end is in the trace. */
  exitStatus: number | undefined;
  /** Its pid in its own pid namespace, that namespace's level (0: the initial one, where it is `pid`) and inode. */
  nsPid: number | undefined;
  pidnsLevel = 0;
  pidnsInode = 0;
  /** Its pid in every pid namespace from the initial one, when a header's snapshot gave them (a fork event gives only its own level's). */
  nsPids: readonly number[] | undefined;

  constructor(
    readonly pid: number,
    readonly parent: ProcessModel | undefined,
    /** "1" the root, "1.2" its second child, "?1" a process not descended from the root. */
    readonly position: string,
    /** The program it started with (its parent's, or the traced command's). */
    readonly inherited: string,
    public cwd: string | undefined,
    readonly startNs: number,
  ) {}

  /** Program it ran last, or what it inherited. */
  get program(): string {
    return this.programs[this.programs.length - 1] ?? this.inherited;
  }

  get alive(): boolean {
    return this.endNs === undefined;
  }
}

/** The string captured for argument `arg` (exit capture over entry), or undefined. */
export function capturedString(ev: SyscallEvent, arg: number): string | undefined {
  const d = capturedBytes(ev, arg);
  if (!d) return undefined;
  const nul = d.indexOf(0);
  return utf8.decode(nul >= 0 ? d.subarray(0, nul) : d);
}

/** A path that posix.normalize leaves as it is, seen cheaply: no empty, "." or ".." part after a slash. */
function normalPath(p: string): boolean {
  return !p.includes('//') && !p.includes('/.');
}

/** The bytes captured for argument `arg` itself (not its elements), the exit capture when there are two. */
export function capturedBytes(ev: SyscallEvent, arg: number): Uint8Array | undefined {
  let found: Capture | undefined;
  for (const c of ev.captures) {
    if (c.arg !== arg || (c.flags & CaptureFlag.ELEMENT) !== 0 || c.element !== 0) continue;
    if ((c.flags & CaptureFlag.FAULT) !== 0) continue;
    if (!found || (c.flags & CaptureFlag.AT_EXIT) !== 0) found = c;
  }
  return found?.data;
}

/**
 * The traced system as the trace has shown it so far. `version` changes with every
 * change of state, so a consumer can tell that nothing changed between two events.
 */
export class TraceModel {
  /** Every process seen, in creation order (ended ones too). */
  readonly processes: ProcessModel[] = [];
  private readonly byPid = new Map<number, ProcessModel>();
  private readonly byTid = new Map<number, ThreadModel>();
  /** The last process and thread seen with each id, ended ones too (what a later mention of the id names). */
  private readonly lastByPid = new Map<number, ProcessModel>();
  private readonly lastByTid = new Map<number, ThreadModel>();
  /** The last thread with each tid in a pid namespace of its own: "inode:nsTid". */
  private readonly byNsTid = new Map<string, ThreadModel>();
  root: ProcessModel | undefined;
  version = 0;
  private orphans = 0;
  private files = 0;
  private readonly rootPid: number;
  private readonly argv0: string;
  private readonly cwd: string | undefined;

  constructor(header: Pick<Header, 'rootPid' | 'argv' | 'cwd' | 'processes'> | undefined) {
    this.rootPid = header?.rootPid ?? 0;
    this.argv0 = header?.argv?.[0] ?? '?';
    this.cwd = header?.cwd || undefined;
    for (const s of header?.processes ?? []) this.seed(s);
  }

  /**
   * A process as the header's snapshot shows it when the trace's history starts (-p, a
   * --flight or --rotate file): its threads, program, cwd, pid namespace and fds (as
   * /proc/PID/fd names them), where nothing in the trace says how it got them.
   */
  private seed(s: ProcessState): void {
    const pid = s.pid ?? 0;
    if (pid === 0 || this.byPid.has(pid)) return;
    const parent = this.byPid.get(s.ppid ?? 0);
    const isRoot = !this.root && this.rootPid === pid;
    const p = this.newProcess(pid, parent, isRoot ? '1' : parent ? `${parent.position}.${++parent.children}` : `?${++this.orphans}`, 0);
    if (isRoot) this.root = p;
    for (const fd of [...p.fds.keys()]) this.closeFd(p, fd, 0);
    if (s.exe) p.programs.push(s.exe);
    if (s.argv?.length) p.argv = s.argv;
    if (s.cwd) p.cwd = s.cwd;
    const nsPids = s.nsPids ?? [];
    p.pidnsLevel = Math.max(0, nsPids.length - 1);
    p.pidnsInode = Number(s.pidnsInode ?? 0);
    if (p.pidnsLevel > 0 && nsPids[nsPids.length - 1]) p.nsPid = nsPids[nsPids.length - 1];
    if (p.pidnsLevel > 1) p.nsPids = [...nsPids];
    const tids = s.tids ?? [];
    tids.forEach((tid, i) => {
      const t = tid === pid ? p.threads[0]! : this.newThread(tid, p);
      if (p.pidnsLevel > 0 && s.nsTids?.[i]) this.setNsTid(t, s.nsTids[i]);
    });
    const main = p.threads[0]!;
    for (const f of s.fds ?? []) {
      const target = f.target ?? '';
      const flags = f.flags ?? 0;
      const kind: FileKind = target.startsWith('/') ? 'file' : target.startsWith('socket:') ? 'socket' : target.startsWith('pipe:') ? 'pipe' : 'anon';
      const file = this.newFile(kind, kind === 'file' || kind === 'anon' ? target : undefined, undefined, pid, 0, undefined, undefined, undefined,
        kind === 'pipe' ? ((flags & O_ACCMODE) === 0 ? 'read' : 'write') : undefined, kind === 'file' ? flags : 0);
      file.canonical = target; // -y: as /proc named it ("pipe:[5678]", "socket:[1234]")
      this.setFd(main, f.fd ?? 0, file, (flags & O_CLOEXEC) !== 0, 0, true);
    }
  }

  /** The live process `pid`. */
  process(pid: number): ProcessModel | undefined {
    return this.byPid.get(pid);
  }

  /** The thread `tid`: the live one, else the last that had this id. */
  threadById(tid: number): ThreadModel | undefined {
    return this.byTid.get(tid) ?? this.lastByTid.get(tid);
  }

  /** The process `pid`: the live one, else the last that had this id. */
  processById(pid: number): ProcessModel | undefined {
    return this.byPid.get(pid) ?? this.lastByPid.get(pid);
  }

  /** The thread `tid` of process `pid`, made (with its process) the first time either is seen. */
  thread(pid: number, tid: number, ns = 0): ThreadModel {
    const t = this.byTid.get(tid);
    if (t && t.proc.pid === pid && t.alive) return t;
    let p = this.byPid.get(pid);
    if (!p) {
      const isRoot = !this.root && (this.rootPid === pid || this.rootPid === 0);
      p = this.newProcess(pid, undefined, isRoot ? '1' : `?${++this.orphans}`, ns);
      if (isRoot) this.root = p;
      if (tid === pid) return p.threads[0]!;
    }
    return this.newThread(tid, p, undefined, ns);
  }

  private newProcess(pid: number, parent: ProcessModel | undefined, position: string, ns: number): ProcessModel {
    const p = new ProcessModel(pid, parent, position, parent ? parent.program : this.argv0, parent ? parent.cwd : this.cwd, ns);
    if (parent) {
      for (const [fd, e] of parent.fds) {
        p.fds.set(fd, { fd, file: e.file, cloexec: e.cloexec, label: e.label });
        e.file.refs++;
      }
      for (const l of parent.labels) p.labels.add(l);
    } else {
      for (let fd = 0; fd < 3; fd++) p.labels.add(fd);
    }
    const old = this.byPid.get(pid);
    if (old && old !== p) this.end(old, ns, undefined);
    this.processes.push(p);
    this.byPid.set(pid, p);
    this.lastByPid.set(pid, p);
    this.newThread(pid, p, undefined, ns);
    return p;
  }

  private newThread(tid: number, p: ProcessModel, parent?: ThreadModel, ns = 0): ThreadModel {
    const t = new ThreadModel(tid, p, p.threads.length);
    t.createdNs = ns;
    if (parent) t.mask = [parent.mask[0], parent.mask[1]];
    p.threads.push(t);
    p.live++;
    this.byTid.set(tid, t);
    this.lastByTid.set(tid, t);
    this.version++;
    return t;
  }

  /** A new child of thread `parent`: a thread of its process, or a process (copy of its fds and cwd). */
  /**
   * A new child of thread `parent`. `since`: the child comes from the parent's clone returning, for a
   * call made at `since`: a child the fork event already made during that call is the same one, even
   * when it has ended already (a vfork child that exec'd and exited before its parent resumed).
   */
  private child(parent: ThreadModel, pid: number, tid: number, thread: boolean, ns: number, since?: number): void {
    const known = this.byTid.get(tid);
    if (known && known.alive && known.proc.pid === pid) return; // seen already (the clone's return came first)
    const last = this.lastByTid.get(tid);
    if (since !== undefined && last && last.proc.pid === pid && last.createdNs >= since) return;
    if (thread) {
      this.newThread(tid, parent.proc, parent, ns);
      return;
    }
    const pp = parent.proc;
    const p = this.newProcess(pid, pp, `${pp.position}.${++pp.children}`, ns);
    p.threads[0]!.mask = [parent.mask[0], parent.mask[1]];
  }

  private end(p: ProcessModel, ns: number, status: number | undefined): void {
    for (const fd of [...p.fds.keys()]) this.closeFd(p, fd, ns);
    for (const t of p.threads) if (t.alive) { t.alive = false; this.byTid.delete(t.tid); }
    p.live = 0;
    p.endNs = ns;
    p.exitStatus = status;
    if (this.byPid.get(p.pid) === p) this.byPid.delete(p.pid);
    this.version++;
  }

  // ---- fds ----

  fd(pid: number, fd: number): FdEntry | undefined {
    return this.byPid.get(pid)?.fds.get(fd);
  }

  /** What -y prints for fd of process pid; with `details` (-yy), a socket by protocol and addresses. */
  fdPath(pid: number, fd: number, details = false): string | undefined {
    const f = this.byPid.get(pid)?.fds.get(fd)?.file;
    if (!details || !f) return f?.text;
    if (f.device !== undefined) return `${f.text}<${f.device}>`;
    if (!f.sock) return f.text;
    if (f.sockShown !== undefined) return f.sockShown;
    const t = socketText(f.sock);
    if (socketListed(f.sock)) f.sockShown = t;
    return t;
  }

  /** A bind, connect or listen (its table effect), failed too (a connect in progress): the socket as the kernel then described it. */
  socketState(ev: SyscallEvent, info: SyscallInfo): void {
    const fi = info.roles.findIndex((r) => r?.role === 'fd');
    const sock = fi >= 0 ? fdTarget(ev, FdPathCapture.FD_ARG)?.sock : undefined;
    const f = sock ? this.byPid.get(ev.pid)?.fds.get(s32(ev.args[fi]!))?.file : undefined;
    if (f && sock) {
      f.sock = sock;
      this.version++;
    }
  }

  /** Process pid's working directory, when known. */
  cwdOf(pid: number): string | undefined {
    return this.byPid.get(pid)?.cwd;
  }

  /** Absolute form of a path as process `pid` named it relative to dirfd (AT_FDCWD: its cwd); as written when the base is unknown. */
  resolve(pid: number, dirfd: number, path: string): string {
    if (path.startsWith('/')) return normalPath(path) ? path : posix.normalize(path);
    const p = this.byPid.get(pid);
    const base = dirfd === AT_FDCWD ? p?.cwd : p?.fds.get(dirfd)?.file.path;
    if (base === undefined || !base.startsWith('/')) return path;
    if (path === '') return base;
    // What posix.join gives when neither part has anything for it to change.
    return normalPath(base) && !base.endsWith('/') && normalPath(path) && !path.startsWith('.') ? `${base}/${path}` : posix.join(base, path);
  }

  /** A new open file; `made`/`element`: the call that made it and which of its fds it is, for what the kernel said it was (-y). */
  private newFile(kind: FileKind, path: string | undefined, written: string | undefined, pid: number, ns: number,
    family?: number, type?: number, protocol?: number, pipeEnd?: 'read' | 'write', flags = 0, made?: SyscallEvent, element = 0): OpenFile {
    const f = new OpenFile(++this.files, kind, path, written, pid, ns, family, type, protocol, pipeEnd, flags);
    if (made && made.captures.length) {
      const t = fdTarget(made, element);
      f.canonical = t?.text;
      f.sock = t?.sock;
      f.device = t?.device;
    }
    return f;
  }

  /** Puts `file` at fd number `fd` of `t`'s process; `explicit`: the caller chose the number (dup2), `min`: F_DUPFD's lowest. */
  private setFd(t: ThreadModel, fd: number, file: OpenFile, cloexec: boolean, ns: number, explicit = false, min = 0): FdEntry {
    const p = t.proc;
    this.closeFd(p, fd, ns);
    let label: number | string;
    if (explicit) label = fd;
    else if (p.live > 1) label = `#${++t.fdSeq}`;
    else {
      label = min;
      while (p.labels.has(label)) label++;
    }
    const e: FdEntry = { fd, file, cloexec, label };
    p.fds.set(fd, e);
    p.labels.add(label);
    file.refs++;
    this.version++;
    return e;
  }

  private closeFd(p: ProcessModel, fd: number, ns: number): void {
    const e = p.fds.get(fd);
    if (!e) return;
    p.fds.delete(fd);
    if (--e.file.refs === 0) e.file.closedNs = ns;
    let shared = false;
    for (const other of p.fds.values()) if (other.label === e.label) { shared = true; break; }
    if (!shared) p.labels.delete(e.label);
    this.version++;
  }

  /**
   * A path was removed (unlink, rmdir) or renamed to `to` (rename): the open files the
   * kernel named by it (-y's canonical path) are deleted or renamed, as /proc/PID/fd
   * would now show them; a file that `to` replaced is deleted.
   */
  private pathGone(from: string | undefined, to: string | undefined): void {
    if (from === undefined) return;
    for (const p of this.byPid.values()) {
      for (const e of p.fds.values()) {
        const f = e.file;
        if (f.canonical === undefined || f.kind !== 'file') continue;
        if (to !== undefined && f.canonical === to) f.canonical = to + DELETED;
        else if (f.canonical === from) f.canonical = to ?? from + DELETED;
      }
    }
    this.version++;
  }

  // ---- events ----

  /**
   * Applies a successful call's effect (the syscall table's `returns`, `effect` and `roles`).
   * Returns the fds the call made (empty when none).
   */
  syscall(ev: SyscallEvent, info: SyscallInfo, t: ThreadModel): readonly FdEntry[] {
    const p = t.proc;
    const a = ev.args;
    const ns = ev.exitNs;
    const roles = info.roles;
    const argOf = (role: string): number => roles.findIndex((r) => r?.role === role);
    const cloexecOf = (): boolean => {
      for (let i = 0; i < roles.length; i++) {
        const c = roles[i]?.cloexec;
        if (c !== undefined && (s32(a[i]!) & c) !== 0) return true;
      }
      return false;
    };
    const pathArg = (i: number): { abs: string; written: string } | undefined => {
      const s = capturedString(ev, i);
      if (s === undefined) return undefined;
      const d = i > 0 && roles[i - 1]?.role === 'dirfd' ? s32(a[i - 1]!) : AT_FDCWD;
      return { abs: this.resolve(p.pid, d, s), written: s };
    };
    const made: FdEntry[] = [];
    const gone = roles.findIndex((r) => r?.role === 'path' && r.delete);
    if (gone >= 0) this.pathGone(pathArg(gone)?.abs, pathArg(roles.findIndex((r) => r?.role === 'path' && r.write))?.abs);
    switch (info.effect) {
      case 'open': {
        const i = argOf('path');
        const path = pathArg(i);
        let flags = 0;
        const fi = argOf('oflags');
        if (fi >= 0) flags = s32(a[fi]!);
        else {
          const hi = argOf('open_how');
          const how = hi >= 0 ? capturedBytes(ev, hi) : undefined;
          if (how && how.length >= 8) flags = new DataView(how.buffer, how.byteOffset, 8).getUint32(0, true);
        }
        // creat: write-only, created, truncated (its path role says so)
        if (fi < 0 && roles[i]?.create) flags = 1 | 0o100 | 0o1000;
        const cloexec = (flags & 0o2000000) !== 0;
        made.push(this.setFd(t, ev.ret, this.newFile('file', path?.abs ?? '?', path?.written, p.pid, ns, undefined, undefined, undefined, undefined, flags, ev, FdPathCapture.RET), cloexec, ns));
        return made;
      }
      case 'close': this.closeFd(p, s32(a[0]!), ns); return made;
      case 'close_range': {
        const lo = a[0]! >>> 0, hi = a[1]! >>> 0;
        const onlyCloexec = (a[2]! & CLOSE_RANGE_CLOEXEC) !== 0;
        for (const [fd, e] of [...p.fds]) {
          if (fd < lo || fd > hi) continue;
          if (onlyCloexec) e.cloexec = true;
          else this.closeFd(p, fd, ns);
        }
        this.version++;
        return made;
      }
      case 'dup': case 'fcntl': {
        const from = s32(a[argOf('fd')]!);
        let to = ev.ret;
        let cloexec = cloexecOf();
        let min = 0;
        if (info.effect === 'fcntl') {
          const cmd = a[argOf('fcntl_cmd')]! >>> 0;
          const arg = a[argOf('fcntl_arg')]!;
          if (cmd === F_SETFD) {
            const e = p.fds.get(from);
            if (e) { e.cloexec = (arg & FD_CLOEXEC) !== 0; this.version++; }
            return made;
          }
          if (cmd !== F_DUPFD && cmd !== F_DUPFD_CLOEXEC) return made;
          cloexec = cmd === F_DUPFD_CLOEXEC;
          min = s32(arg);
        }
        const ni = argOf('newfd');
        if (ni >= 0) to = s32(a[ni]!);
        if (to === from) return made;
        const e = p.fds.get(from);
        if (!e) { this.closeFd(p, to, ns); return made; }
        made.push(this.setFd(t, to, e.file, cloexec, ns, ni >= 0, min));
        return made;
      }
      case 'pipe': {
        const fi = argOf('fds');
        const b = capturedBytes(ev, fi);
        if (!b || b.length < 8) return made;
        const v = new DataView(b.buffer, b.byteOffset, 8);
        const cloexec = cloexecOf();
        const socket = info.newFd === null && argOf('family') >= 0;
        for (let k = 0; k < 2; k++) {
          const file = socket
            ? this.newFile('socket', undefined, undefined, p.pid, ns, s32(a[argOf('family')]!), s32(a[argOf('socktype')]!) & 0xf, s32(a[argOf('protocol')]!), undefined, 0, ev, FdPathCapture.PAIR + k)
            : this.newFile('pipe', undefined, undefined, p.pid, ns, undefined, undefined, undefined, k === 0 ? 'read' : 'write', 0, ev, FdPathCapture.PAIR + k);
          made.push(this.setFd(t, v.getInt32(4 * k, true), file, cloexec, ns));
        }
        return made;
      }
      case 'accept': {
        const listening = p.fds.get(s32(a[argOf('fd')]!))?.file;
        const f = this.newFile('socket', undefined, undefined, p.pid, ns, listening?.family, listening?.type, listening?.protocol, undefined, 0, ev, FdPathCapture.RET);
        f.local = listening?.local;
        f.peer = sockaddrText(capturedBytes(ev, argOf('sockaddr')));
        made.push(this.setFd(t, ev.ret, f, cloexecOf(), ns));
        // A unix client connected before this accept had no peer socket yet: it is this one.
        const client = f.sock?.peerIno;
        if (client !== undefined) {
          for (const q of this.byPid.values()) {
            for (const e of q.fds.values()) {
              const s = e.file.sock;
              if (s && s.ino === client && s.peerIno === undefined) e.file.sock = { ...s, peerIno: f.sock!.ino };
            }
          }
        }
        return made;
      }
      case 'listen': this.socketState(ev, info); return made;
      case 'connect': case 'bind': {
        this.socketState(ev, info);
        const f = p.fds.get(s32(a[argOf('fd')]!))?.file;
        const addr = sockaddrText(capturedBytes(ev, argOf('sockaddr')));
        if (f && addr !== undefined) {
          if (info.effect === 'bind') f.local = addr; else f.peer = addr;
          const b = capturedBytes(ev, argOf('sockaddr'));
          if (f.family === undefined && b && b.length >= 2) f.family = b[0]! | (b[1]! << 8);
          this.version++;
        }
        return made;
      }
      case 'chdir': {
        const pi = argOf('path');
        if (pi >= 0) {
          const path = pathArg(pi);
          if (path) p.cwd = path.abs;
        } else {
          const path = p.fds.get(s32(a[argOf('fd')]!))?.file.path;
          if (path !== undefined) p.cwd = path;
        }
        this.version++;
        return made;
      }
      case 'exec': {
        const ai = info.capture.find((c) => c.kind === 'strings')?.arg;
        if (ai !== undefined) {
          const argv: string[] = [];
          for (const c of ev.captures) {
            if (c.arg === ai && (c.flags & CaptureFlag.FAULT) === 0) argv[c.element] = utf8.decode(c.data.indexOf(0) >= 0 ? c.data.subarray(0, c.data.indexOf(0)) : c.data);
          }
          p.argv = Array.from(argv, (s) => s ?? '');
        }
        this.version++;
        return made;
      }
      case 'fork': {
        // In a pid namespace of its own, the child's id is the namespace's: its fork event makes it.
        if (ev.ret <= 0 || p.pidnsLevel > 0) return made;
        const fi = argOf('clone_flags');
        let flags = fi >= 0 ? a[fi]! : 0;
        const ci = argOf('clone_args');
        if (ci >= 0) {
          const b = capturedBytes(ev, ci);
          flags = b && b.length >= 8 ? new DataView(b.buffer, b.byteOffset, 8).getUint32(0, true) : 0;
        }
        const thread = (flags & CLONE_THREAD) !== 0;
        this.child(t, thread ? p.pid : ev.ret, ev.ret, thread, ns, ev.enterNs);
        return made;
      }
      case 'sigmask': {
        const d = capturedBytes(ev, 1);
        if (a[1] === 0 || !d || d.length < 8) return made;
        const v = new DataView(d.buffer, d.byteOffset, 8);
        const set = [v.getUint32(0, true), v.getUint32(4, true)] as const;
        const cur = t.mask;
        const how = a[0]! >>> 0;
        const next: [number, number] = how === 0 ? [cur[0] | set[0], cur[1] | set[1]]
          : how === 1 ? [cur[0] & ~set[0], cur[1] & ~set[1]]
          : how === 2 ? [set[0], set[1]] : [cur[0], cur[1]];
        next[0] = (next[0] & ~((1 << 8) | (1 << 18))) >>> 0; // SIGKILL, SIGSTOP cannot be blocked
        next[1] >>>= 0;
        t.previousMask = cur;
        t.mask = next;
        this.version++;
        return made;
      }
      case 'sigreturn': {
        const m = t.saved.pop();
        if (m) t.mask = m;
        this.version++;
        return made;
      }
      default:
        break;
    }
    // A new fd that is not a file opened by path: a socket, an anonymous inode, or a file made otherwise.
    if (info.ret === 'fd' && info.newFd !== null && ev.ret >= 0) {
      let file: OpenFile;
      if (info.newFd === 'socket') {
        file = this.newFile('socket', undefined, undefined, p.pid, ns, s32(a[argOf('family')]!), s32(a[argOf('socktype')]!) & 0xf, s32(a[argOf('protocol')]!), undefined, 0, ev, FdPathCapture.RET);
      } else {
        file = this.newFile(info.newFd, fdName(info, ev), undefined, p.pid, ns, undefined, undefined, undefined, undefined, 0, ev, FdPathCapture.RET);
      }
      made.push(this.setFd(t, ev.ret, file, info.newFdCloexec === true || cloexecOf(), ns));
    }
    return made;
  }

  /** A process event: fork, exec, exit, or a signal delivered (its handler's mask is saved). */
  processEvent(ev: ProcessEvent): void {
    switch (ev.type) {
      case 'fork': {
        const parent = this.thread(ev.parentPid, ev.parentTid, ev.ns);
        this.child(parent, ev.pid, ev.tid, ev.thread, ev.ns);
        if (ev.pidnsLevel > 0) {
          const t = this.byTid.get(ev.tid);
          if (t) {
            t.proc.nsPid = ev.nsPid;
            t.proc.pidnsLevel = ev.pidnsLevel;
            t.proc.pidnsInode = ev.pidnsInode;
            this.setNsTid(t, ev.nsTid);
          }
        }
        return;
      }
      case 'exec': {
        const p = this.byPid.get(ev.pid) ?? this.thread(ev.pid, ev.tid, ev.ns).proc;
        p.programs.push(ev.filename);
        for (const [fd, e] of [...p.fds]) if (e.cloexec) this.closeFd(p, fd, ev.ns);
        // Other threads are gone; the one that called execve takes the process's pid.
        for (const t of p.threads) if (t.alive && t.index !== 0) { t.alive = false; this.byTid.delete(t.tid); p.live--; }
        this.version++;
        return;
      }
      case 'exit': {
        const t = this.byTid.get(ev.tid);
        const p = t?.proc ?? this.byPid.get(ev.pid);
        if (t && t.alive) {
          t.alive = false;
          this.byTid.delete(ev.tid);
          if (t.proc.live > 0) t.proc.live--;
        }
        if (ev.groupDead && p) this.end(p, ev.ns, ev.exitCode);
        this.version++;
        return;
      }
      case 'signal': {
        if (ev.ignored) return; // discarded by the kernel: no handler runs, no mask saved
        const t = this.thread(ev.pid, ev.tid, ev.ns);
        if (t.saved.length < 64) t.saved.push(t.mask);
        this.version++;
        return;
      }
    }
  }

  /**
   * What a call of thread t does to the model, whatever its outcome (the decoder calls it for
   * each call): a successful one applies its effect (syscall() above) when the syscall table
   * says it changes the state; a failed connect, bind or listen still tells the socket's
   * addresses (a non-blocking connect in progress). The fds it made.
   */
  advance(ev: SyscallEvent, info: SyscallInfo | undefined, t: ThreadModel): readonly FdEntry[] {
    if (!info || (ev.flags & SyscallFlag.UNFINISHED) !== 0) return NO_FDS;
    if (callFailed(ev.ret, ev.flags)) {
      if (info.effect === 'connect' || info.effect === 'bind' || info.effect === 'listen') this.socketState(ev, info);
      return NO_FDS;
    }
    return changesState(info) ? this.syscall(ev, info, t) : NO_FDS;
  }

  /**
   * A call's effect on the model without decoding it: its thread made when first seen, then
   * advance(). For a recorder that keeps the state of what it records (--flight, --rotate).
   */
  apply(ev: SyscallEvent, info: SyscallInfo | undefined): void {
    this.advance(ev, info, this.thread(ev.pid, ev.tid, ev.enterNs));
  }

  /**
   * The live processes as a header's snapshot (Header.processes) describes them: what a
   * trace starting now needs to know (the inverse of seeding, for what the model knows:
   * pipes and sockets lose their addresses). A pid namespace's levels between the initial
   * one and the process's own are 0 for a process the trace saw forked: its fork event
   * carries the pid of its own level only. Readers use the number of levels and the last
   * (seed() above, --pidns), so no translation is lost; a seeded process keeps its own.
   */
  state(): ProcessState[] {
    const out: ProcessState[] = [];
    for (const p of this.byPid.values()) {
      const nsPids = [p.pid];
      if (p.nsPids) nsPids.splice(0, 1, ...p.nsPids);
      else if (p.pidnsLevel > 0) {
        for (let l = 1; l < p.pidnsLevel; l++) nsPids.push(0);
        nsPids.push(p.nsPid ?? 0);
      }
      const threads = p.threads.filter((t) => t.alive);
      out.push({
        pid: p.pid, ppid: p.parent?.pid ?? 0, nsPids, pidnsInode: p.pidnsInode, exe: p.program === '?' ? '' : p.program,
        argv: [...(p.argv ?? [])], cwd: p.cwd ?? '',
        fds: [...p.fds.values()].sort((a, b) => a.fd - b.fd).map((e) => {
          const f = e.file;
          const flags = (f.kind === 'pipe' ? (f.pipeEnd === 'write' ? 1 : 0) : f.flags) | (e.cloexec ? O_CLOEXEC : 0);
          return { fd: e.fd, target: f.kind === 'file' ? f.path ?? '?' : f.text ?? '', flags: flags >>> 0 };
        }),
        tids: threads.map((t) => t.tid), nsTids: threads.map((t) => t.nsTid ?? 0),
      });
    }
    return out;
  }

  private setNsTid(t: ThreadModel, nsTid: number): void {
    t.nsTid = nsTid;
    this.byNsTid.set(`${t.proc.pidnsInode}:${nsTid}`, t);
  }

  /** The host's tid of the thread with tid `nsTid` in pid namespace `inode` (the last that had it), when the trace showed it. */
  hostTid(inode: number, nsTid: number): number | undefined {
    return this.byNsTid.get(`${inode}:${nsTid}`)?.tid;
  }

  /** The mask rt_sigreturn of thread `tid` restores (the one saved at the last delivery). */
  savedMask(tid: number): [number, number] {
    const t = this.byTid.get(tid);
    if (!t) return [0, 0];
    return t.saved.length ? t.saved[t.saved.length - 1]! : t.mask;
  }

  restartOf(tid: number): string | undefined {
    return this.byTid.get(tid)?.restart;
  }

  setRestart(t: ThreadModel, name: string | undefined): void {
    if (t.restart === name) return;
    t.restart = name;
    this.version++;
  }
}

/** What the kernel calls a new fd's file (the table's returns column), with %N the string argument N. */
function fdName(info: SyscallInfo, ev: SyscallEvent): string | undefined {
  const t = info.newFdName;
  if (t === undefined) return undefined;
  return t.replace(/%(\d)/g, (_m, n: string) => capturedString(ev, Number(n)) ?? '');
}
