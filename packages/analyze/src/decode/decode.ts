// Turns raw trace events into decoded ones: the text strace would print for
// each syscall (split into its entry and exit parts) and for each process event.
import { type ProcessEvent, type SyscallClass, type SyscallEvent, SyscallFlag, type SyscallInfo, type SyscallTable } from '@beetrace/format';
import * as X from '../generated/xlat.js';
import { Call, type DecodeOptions, decimal, s32, u32 } from './call.js';
import { DecodeState } from './state.js';
import { signalName, sigset } from './structs.js';
import { decoders, generic } from './syscalls.js';
import { enumName, hex } from './xlat.js';

/** One decoded syscall. */
export interface DecodedSyscall {
  readonly kind: 'syscall';
  readonly pid: number;
  readonly tid: number;
  readonly nr: number;
  /** Syscall name; `syscall_0x1c7` for a number the table does not know. */
  readonly name: string;
  /** strace's classes (`%file`, `%desc`...) of the syscall. */
  readonly classes: readonly SyscallClass[];
  /** Each argument as strace prints it. */
  readonly args: readonly string[];
  /** How many of `args` strace prints at syscall entry (before `<unfinished ...>`). */
  readonly entryArgs: number;
  /** The arguments joined with ", " (what is between the parentheses). */
  readonly argsText: string;
  /** Return value as strace prints it after "= ": "3", "0x7f00", "-1 ENOENT (No such file or directory)", "?". */
  readonly retText: string;
  /** Raw return value (-errno on failure; 0 when unfinished). */
  readonly ret: number;
  /** The error name when the call failed ("ENOENT"), else undefined. */
  readonly errno: string | undefined;
  readonly failed: boolean;
  /** The call had not returned when recording ended, or never returns (exit). */
  readonly unfinished: boolean;
  readonly enterNs: number;
  readonly exitNs: number;
  /** Paths the call names, as the process wrote them (before resolution). */
  readonly paths: readonly string[] | undefined;
  /** The whole call, `name(args) = ret`, one space around "=". */
  readonly line: string;
  /** This call as it prints when its thread was killed inside it at `killedNs` (unfinished, `= ?`; exitNs is the kill). */
  asKilled(killedNs: number): DecodedSyscall;
}

/** A process event strace prints (signal delivery, exit, death by signal), or a fork/exec for bookkeeping. */
export interface DecodedProcessEvent {
  readonly kind: 'signal' | 'exited' | 'killed' | 'fork' | 'exec';
  readonly pid: number;
  readonly tid: number;
  readonly ns: number;
  /** The line strace prints ("--- SIGCHLD {...} ---", "+++ exited with 0 +++"), or undefined (fork, exec). */
  readonly line: string | undefined;
  /** signal/killed: the signal name; exited: undefined. */
  readonly signal: string | undefined;
  /** exited: the exit code. */
  readonly exitCode: number | undefined;
  /** fork: the parent; exec: the program path. */
  readonly parentPid: number | undefined;
  readonly filename: string | undefined;
  /** fork: a thread rather than a process. */
  readonly thread: boolean;
}

export type DecodedEvent = DecodedSyscall | DecodedProcessEvent;

type SyscallInfoLike = { classes: readonly SyscallClass[] } | undefined;
const NO_CLASSES: readonly SyscallClass[] = [];

/** DecodedSyscall with `argsText` and `line` built on first use. */
class Syscall implements DecodedSyscall {
  readonly kind = 'syscall' as const;
  readonly pid: number;
  readonly tid: number;
  readonly nr: number;
  readonly ret: number;
  readonly enterNs: number;
  readonly exitNs: number;
  private joined: string | undefined;
  private lineText: string | undefined;

  constructor(ev: SyscallEvent, readonly name: string, readonly classes: readonly SyscallClass[], readonly args: readonly string[],
    readonly entryArgs: number, readonly retText: string, readonly errno: string | undefined,
    readonly failed: boolean, readonly unfinished: boolean, readonly paths: readonly string[] | undefined) {
    this.pid = ev.pid;
    this.tid = ev.tid;
    this.nr = ev.nr;
    this.ret = ev.ret;
    this.enterNs = ev.enterNs;
    this.exitNs = ev.exitNs;
  }

  get argsText(): string {
    return (this.joined ??= this.args.join(', '));
  }

  get line(): string {
    return (this.lineText ??= `${this.name}(${this.argsText}) = ${this.retText}`);
  }

  /**
   * The same call as strace shows it when its thread was killed inside it (the
   * kernel's ERESTART* return is never seen): unfinished, `= ?`.
   */
  asKilled(killedNs: number): DecodedSyscall {
    const ev = { pid: this.pid, tid: this.tid, nr: this.nr, ret: this.ret, enterNs: this.enterNs, exitNs: Math.max(this.enterNs, killedNs) } as SyscallEvent;
    return new Syscall(ev, this.name, this.classes, this.args, this.entryArgs, '?', undefined, false, true, this.paths);
  }

  toJSON(): object {
    return {
      kind: this.kind, pid: this.pid, tid: this.tid, nr: this.nr, ret: this.ret, enterNs: this.enterNs, exitNs: this.exitNs,
      name: this.name, classes: this.classes, args: this.args, entryArgs: this.entryArgs, argsText: this.argsText,
      retText: this.retText, errno: this.errno, failed: this.failed, unfinished: this.unfinished, paths: this.paths, line: this.line,
    };
  }
}

const ERESTART: Record<number, [string, string]> = {
  512: ['ERESTARTSYS', 'To be restarted if SA_RESTART is set'],
  513: ['ERESTARTNOINTR', 'To be restarted'],
  514: ['ERESTARTNOHAND', 'To be restarted if no handler'],
  516: ['ERESTART_RESTARTBLOCK', 'Interrupted by signal'],
};

export function errnoText(err: number): string {
  const r = ERESTART[err];
  if (r) return `? ${r[0]} (${r[1]})`;
  const name = X.errnos.name.get(err);
  if (name === undefined) return `-1 ${err} (Unknown error ${err})`;
  return `-1 ${name} (${X.errnos.message.get(err)})`;
}

export const syscallNameFor = (table: SyscallTable, nr: number): string =>
  table.byNr.get(nr)?.name ?? `syscall_${hex(nr)}`;

interface NrEntry {
  readonly info: SyscallInfo | undefined;
  readonly name: string;
  readonly dec: (c: Call) => void;
  /** update() has something to do after a successful call. */
  readonly updates: boolean;
}

/** The calls update() follows (fds, cwd, masks): its cases (decode.test checks the two agree). */
export const UPDATES: ReadonlySet<string> = new Set(['accept', 'accept4', 'chdir', 'close', 'close_range', 'creat', 'dup', 'dup2', 'dup3', 'epoll_create', 'epoll_create1', 'eventfd', 'eventfd2', 'execve', 'execveat', 'fchdir', 'fcntl', 'inotify_init', 'inotify_init1', 'memfd_create', 'open', 'openat', 'openat2', 'pidfd_open', 'pipe', 'pipe2', 'rt_sigprocmask', 'rt_sigreturn', 'signalfd', 'signalfd4', 'socket', 'socketpair', 'timerfd_create']);

/**
 * Decodes syscalls and process events one at a time, keeping the state that
 * later calls need (fd paths for -y, signal masks, working directories).
 */
export class Decoder {
  readonly state: DecodeState;
  /** Argument texts of the call being decoded (copied out at the end). */
  private readonly scratch: string[] = [];

  constructor(private readonly table: SyscallTable, private readonly opts: DecodeOptions, cwd?: string) {
    this.state = new DecodeState(cwd);
  }

  /** Per syscall number: what syscall() looks up (filled on first use). */
  private readonly byNr: (NrEntry | undefined)[] = [];

  private entry(nr: number): NrEntry {
    const info = this.table.byNr.get(nr);
    const name = info?.name ?? `syscall_${hex(nr)}`;
    const e: NrEntry = { info, name, dec: (info ? decoders[name] : undefined) ?? generic, updates: UPDATES.has(name) };
    if (nr >= 0 && nr < 4096) this.byNr[nr] = e;
    return e;
  }

  syscall(ev: SyscallEvent): DecodedSyscall {
    const ent = this.byNr[ev.nr] ?? this.entry(ev.nr);
    const { info, name } = ent;
    const c = new Call(ev, name, info, this.opts, this.state, this.scratch);
    ent.dec(c);
    const unfinished = (ev.flags & SyscallFlag.UNFINISHED) !== 0;
    const failed = c.failed;
    let retText: string;
    let errno: string | undefined;
    if (unfinished || c.retFormat === 'none') retText = '?';
    else if (failed) {
      errno = ERESTART[-ev.ret]?.[0] ?? X.errnos.name.get(-ev.ret);
      retText = errnoText(-ev.ret);
    } else {
      if (ent.updates) this.update(c);
      retText = c.retText ?? this.formatRet(c);
    }
    if (failed && -ev.ret === 516) this.state.setRestart(ev.tid, name);
    else if (name === 'restart_syscall') this.state.setRestart(ev.tid, undefined);
    if (!unfinished) retText += c.retAux;
    return new Syscall(ev, name, info?.classes ?? NO_CLASSES, c.args.slice(), c.split < 0 ? c.args.length : c.split, retText, errno, failed, unfinished, c.paths);
  }

  private formatRet(c: Call): string {
    const r = c.ret;
    switch (c.retFormat) {
      case 'hex': return r === 0 ? '0' : hex(r);
      case 'oct': return r === 0 ? '000' : '0' + (r >>> 0).toString(8).padStart(2, '0');
      case 'fd': return c.fd(r);
      case 'udec': return r >= 0 ? decimal(r) : BigInt.asUintN(64, BigInt(r)).toString();
      default: return decimal(r);
    }
  }

  /** Keeps fd paths, cwd and signal masks current after a successful call. */
  private update(c: Call): void {
    const st = this.state;
    const pid = c.ev.pid;
    const a = c.ev.args;
    const r = c.ret;
    const pathOf = (i: number, dirfd: number): string => {
      const d = c.data(i);
      if (!d) return '?';
      const nul = d.indexOf(0);
      return st.resolve(pid, dirfd, new TextDecoder().decode(nul >= 0 ? d.subarray(0, nul) : d));
    };
    switch (c.name) {
      case 'open': st.setFd(pid, r, pathOf(0, -100), (a[1] & 0o2000000) !== 0); break;
      case 'creat': st.setFd(pid, r, pathOf(0, -100), false); break;
      case 'openat': st.setFd(pid, r, pathOf(1, s32(a[0])), (a[2] & 0o2000000) !== 0); break;
      case 'openat2': st.setFd(pid, r, pathOf(1, s32(a[0])), false); break;
      case 'socket': case 'accept': case 'accept4':
        st.setFd(pid, r, c.name === 'socket' ? `socket:[${enumName(X.addrfams, u32(a[0]))}]` : 'socket:[accepted]', false);
        break;
      case 'pipe': case 'pipe2': case 'socketpair': {
        const d = c.data(c.name === 'socketpair' ? 3 : 0);
        if (d && d.length >= 8) {
          const v = new DataView(d.buffer, d.byteOffset, 8);
          const kind = c.name === 'socketpair' ? 'socket:[pair]' : 'pipe:[]';
          const cloexec = c.name === 'pipe2' ? (a[1] & 0o2000000) !== 0 : (a[1] & 0o2000000) !== 0;
          st.setFd(pid, v.getInt32(0, true), kind, cloexec);
          st.setFd(pid, v.getInt32(4, true), kind, cloexec);
        }
        break;
      }
      case 'eventfd': case 'eventfd2': st.setFd(pid, r, 'anon_inode:[eventfd]', false); break;
      case 'epoll_create': case 'epoll_create1': st.setFd(pid, r, 'anon_inode:[eventpoll]', false); break;
      case 'timerfd_create': st.setFd(pid, r, 'anon_inode:[timerfd]', false); break;
      case 'signalfd': case 'signalfd4': st.setFd(pid, r, 'anon_inode:[signalfd]', false); break;
      case 'inotify_init': case 'inotify_init1': st.setFd(pid, r, 'anon_inode:inotify', false); break;
      case 'pidfd_open': st.setFd(pid, r, 'anon_inode:[pidfd]', false); break;
      case 'memfd_create': {
        const d = c.data(0);
        const nul = d ? d.indexOf(0) : -1;
        st.setFd(pid, r, `/memfd:${d ? new TextDecoder().decode(nul >= 0 ? d.subarray(0, nul) : d) : ''} (deleted)`, false);
        break;
      }
      case 'dup': st.dupFd(pid, s32(a[0]), r, false); break;
      case 'dup2': if (s32(a[0]) !== r) st.dupFd(pid, s32(a[0]), r, false); break;
      case 'dup3': st.dupFd(pid, s32(a[0]), r, (a[2] & 0o2000000) !== 0); break;
      case 'fcntl': {
        const cmd = u32(a[1]);
        if (cmd === 0 || cmd === 1030) st.dupFd(pid, s32(a[0]), r, cmd === 1030);
        else if (cmd === 2) st.setCloexec(pid, s32(a[0]), (a[2] & 1) !== 0);
        break;
      }
      case 'close': st.closeFd(pid, s32(a[0])); break;
      case 'close_range': st.closeRange(pid, u32(a[0]), u32(a[1])); break;
      case 'execve': case 'execveat': st.exec(pid); break;
      case 'chdir': st.chdir(pid, pathOf(0, -100)); break;
      case 'fchdir': { const p = st.fdPath(pid, s32(a[0])); if (p) st.chdir(pid, p); break; }
      case 'rt_sigprocmask': {
        const d = c.data(1);
        if (a[1] !== 0 && d && d.length >= 8) {
          const v = new DataView(d.buffer, d.byteOffset, 8);
          const set: [number, number] = [v.getUint32(0, true), v.getUint32(4, true)];
          const cur = st.mask(c.ev.tid);
          const how = u32(a[0]);
          const next: [number, number] = how === 0 ? [cur[0] | set[0], cur[1] | set[1]]
            : how === 1 ? [cur[0] & ~set[0], cur[1] & ~set[1]]
            : how === 2 ? [set[0], set[1]] : cur;
          next[0] = (next[0] & ~((1 << 8) | (1 << 18))) >>> 0; // SIGKILL, SIGSTOP
          next[1] >>>= 0;
          st.setMask(c.ev.tid, next);
        }
        break;
      }
      case 'rt_sigreturn': st.popSignalMask(c.ev.tid); break;
      default: break;
    }
  }

  process(ev: ProcessEvent): DecodedProcessEvent {
    const base = { pid: ev.pid, tid: ev.tid, ns: ev.ns, thread: ev.thread };
    switch (ev.type) {
      case 'fork':
        this.state.fork(ev.parentPid, ev.parentTid, ev.pid, ev.tid, ev.thread);
        return { ...base, kind: 'fork', line: undefined, signal: undefined, exitCode: undefined, parentPid: ev.parentPid, filename: undefined };
      case 'exec':
        return { ...base, kind: 'exec', line: undefined, signal: undefined, exitCode: undefined, parentPid: undefined, filename: ev.filename };
      case 'signal': {
        // A signal the kernel discarded (action: ignore) runs no handler: no mask to save.
        if (!ev.ignored) this.state.pushSignalMask(ev.tid);
        const sig = signalName(ev.signo);
        return { ...base, kind: 'signal', line: `--- ${sig} ${siginfo(ev.siginfo, ev.signo)} ---`, signal: sig, exitCode: undefined, parentPid: undefined, filename: undefined };
      }
      case 'exit':
      default: {
        this.state.exit(ev.pid, ev.tid, ev.groupDead);
        const status = ev.exitCode;
        const termsig = status & 0x7f;
        if (termsig === 0) {
          const code = (status >> 8) & 0xff;
          return { ...base, kind: 'exited', line: `+++ exited with ${code} +++`, signal: undefined, exitCode: code, parentPid: undefined, filename: undefined };
        }
        const sig = signalName(termsig);
        return { ...base, kind: 'killed', line: `+++ killed by ${sig}${status & 0x80 ? ' (core dumped)' : ''} +++`, signal: sig, exitCode: undefined, parentPid: undefined, filename: undefined };
      }
    }
  }
}

function ticks(v: number): string {
  return v > 0 ? `${v} /* ${Math.floor(v / 100)}.${String(v % 100).padStart(2, '0')} s */` : String(v);
}

/** The siginfo of a delivered signal, as strace prints it. */
export function siginfo(bytes: Uint8Array, signo: number): string {
  if (bytes.length < 16) return `{si_signo=${signalName(signo)}}`;
  const d = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sig = d.getInt32(0, true);
  const errno = d.getInt32(4, true);
  const code = d.getInt32(8, true);
  const at = (off: number, f: () => string): string => (bytes.length >= off ? f() : '?');
  let codeName = X.siginfo_codes.byValue.get(code);
  if (codeName === undefined) {
    const per: Record<number, typeof X.sigchld_codes> = {
      5: X.sigtrap_codes, 17: X.sigchld_codes, 29: X.sigpoll_codes, 4: X.sigill_codes,
      8: X.sigfpe_codes, 11: X.sigsegv_codes, 7: X.sigbus_codes, 31: X.sigsys_codes,
    };
    codeName = per[sig]?.byValue.get(code);
  }
  const parts = [`si_signo=${signalName(sig)}`, `si_code=${codeName ?? String(code)}`];
  if (errno) parts.push(`si_errno=${X.errnos.name.get(errno) ?? errno}`);
  const pidUid = (): void => {
    parts.push(`si_pid=${at(20, () => String(d.getInt32(16, true)))}`, `si_uid=${at(24, () => String(d.getUint32(20, true)))}`);
  };
  const sigval = (): void => {
    parts.push(`si_int=${at(28, () => String(d.getInt32(24, true)))}`);
    parts.push(`si_ptr=${at(32, () => { const p = Number(d.getBigUint64(24, true)); return p === 0 ? 'NULL' : hex(p); })}`);
  };
  if (code <= 0) {
    switch (code) {
      case 0: case -6: pidUid(); break; // SI_USER, SI_TKILL
      case -2: // SI_TIMER
        parts.push(`si_timerid=${at(20, () => hex(d.getUint32(16, true)))}`, `si_overrun=${at(24, () => String(d.getInt32(20, true)))}`);
        sigval();
        break;
      case -5: parts.push(`si_band=${at(24, () => String(d.getBigInt64(16, true)))}`, `si_fd=${at(28, () => String(d.getInt32(24, true)))}`); break;
      default:
        pidUid();
        if (bytes.length >= 32 && d.getBigUint64(24, true) !== 0n) sigval();
    }
  } else {
    switch (sig) {
      case 17: // SIGCHLD
        pidUid();
        parts.push(`si_status=${at(28, () => (code === 1 ? String(d.getInt32(24, true)) : signalName(d.getInt32(24, true))))}`);
        parts.push(`si_utime=${at(40, () => ticks(Number(d.getBigInt64(32, true))))}`, `si_stime=${at(48, () => ticks(Number(d.getBigInt64(40, true))))}`);
        break;
      case 4: case 8: case 7: case 11: case 5: { // SIGILL SIGFPE SIGBUS SIGSEGV SIGTRAP
        if (sig === 5 && code !== 1 && code !== 2 && code !== 4) break;
        const p = bytes.length >= 24 ? Number(d.getBigUint64(16, true)) : 0;
        parts.push(`si_addr=${p === 0 ? 'NULL' : hex(p)}`);
        break;
      }
      case 29: // SIGIO/SIGPOLL
        parts.push(`si_band=${at(24, () => String(d.getBigInt64(16, true)))}`, `si_fd=${at(28, () => String(d.getInt32(24, true)))}`);
        break;
      case 31: // SIGSYS
        parts.push(`si_call_addr=${at(24, () => hex(Number(d.getBigUint64(16, true))))}`, `si_syscall=${at(28, () => String(d.getInt32(24, true)))}`, `si_arch=${at(32, () => (d.getUint32(28, true) === 0xc000003e ? 'AUDIT_ARCH_X86_64' : hex(d.getUint32(28, true))))}`);
        break;
      default: break;
    }
  }
  return `{${parts.join(', ')}}`;
}

export { sigset };
