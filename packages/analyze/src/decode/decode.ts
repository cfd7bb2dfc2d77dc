// Turns raw trace events into decoded ones: the text strace would print for
// each syscall (split into its entry and exit parts) and for each process event.
import {
  type Header, type ProcessEvent, type SyscallClass, type SyscallEvent, SyscallFlag, type SyscallInfo, syscallName, type SyscallTable,
} from '@beetrace/format';
import * as X from '../generated/xlat.js';
import { Call, type DecodeOptions, decimal, s32, unsignedDecimal } from './call.js';
import { capturedBytes, capturedString, type FdEntry, type ThreadModel, TraceModel } from './model.js';
import { sockaddrText } from './sockaddr.js';
import { signalName, siginfo, sigset } from './structs.js';
import { decoders, generic } from './syscalls.js';
import { clearExactValues, hex } from './xlat.js';

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
  /** The return value exactly when it is beyond 2^53 (`ret` holds it rounded), else undefined. */
  readonly exactRet: bigint | undefined;
  /** The error name when the call failed ("ENOENT"), else undefined. */
  readonly errno: string | undefined;
  readonly failed: boolean;
  /** The call had not returned when recording ended, or never returns (exit). */
  readonly unfinished: boolean;
  /** SyscallFlag bits as recorded (NO_ENTRY: entered before recording began, as a new task's own return from clone). */
  readonly flags: number;
  /**
   * Recorded only for the trace's state, outside a filtered recording's filter (SyscallFlag.STATE_ONLY):
   * not a call the user asked for. It updates the model like any call; views leave it out (bt-show unless
   * --state-calls, bt-diff, bt-store, the exports).
   */
  readonly stateOnly: boolean;
  readonly enterNs: number;
  readonly exitNs: number;
  /** The path arguments (the table's path roles, in order), as the process wrote them; undefined where not captured. */
  readonly paths: readonly (string | undefined)[];
  /** The syscall table's row (undefined for a number the table does not know). */
  readonly info: SyscallInfo | undefined;
  /** The thread that made the call, in the trace model (`thread.proc` its process). */
  readonly thread: ThreadModel;
  /** The absolute form of each of `paths`, resolved against the dirfd or cwd at the call (as written when the base is unknown). */
  readonly resolved: readonly (string | undefined)[];
  /** Per argument index: what an fd or dirfd argument referred to when the call was made. */
  readonly fdAt: readonly (FdEntry | undefined)[];
  /** The fds the call made (its return value, pipe's pair, dup's target), after it returned. */
  readonly made: readonly FdEntry[];
  /** The socket address the call names (the table's sockaddr role: connect's, sendto's...), as text. */
  readonly peer: string | undefined;
  /** An exact repeat of an earlier call of its thread, decoded once: that call (undefined for a call decoded itself). */
  readonly repeatOf: DecodedSyscall | undefined;
  /** Argument register `i` as recorded. */
  argValue(i: number): number;
  /** The whole call, `name(args) = ret`, one space around "=". */
  readonly line: string;
  /** This call as it prints when its thread was killed inside it at `killedNs` (unfinished, `= ?`; exitNs is the kill). */
  asKilled(killedNs: number): DecodedSyscall;
  /** An exact repeat of this call (same text, same thread, the model unchanged), made at other times. */
  at(enterNs: number, exitNs: number): DecodedSyscall;
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
  /** signal/killed: the signal number. */
  readonly signo: number | undefined;
  /** signal: discarded by the kernel when generated (its action was to ignore it): no handler ran. */
  readonly ignored: boolean;
  /** exited: the exit code. */
  readonly exitCode: number | undefined;
  /** fork: the parent; exec: the program path. */
  readonly parentPid: number | undefined;
  readonly filename: string | undefined;
  /** fork: a thread rather than a process. */
  readonly thread: boolean;
  /** The thread the event is about in the trace model (fork: the new one); `task.proc` its process. */
  readonly task: ThreadModel;
}

export type DecodedEvent = DecodedSyscall | DecodedProcessEvent;

const NO_CLASSES: readonly SyscallClass[] = [];
const NONE: readonly never[] = [];

/** What the decoder needs of a call beyond its text: the model's view of it. */
interface Facts {
  readonly raw: readonly number[];
  readonly flags: number;
  readonly peer: string | undefined;
  readonly info: SyscallInfo | undefined;
  readonly thread: ThreadModel;
  readonly written: readonly (string | undefined)[];
  readonly resolved: readonly (string | undefined)[];
  readonly fdAt: readonly (FdEntry | undefined)[];
  made: readonly FdEntry[];
}

/** DecodedSyscall with `argsText` and `line` built on first use. */
class Syscall implements DecodedSyscall {
  readonly kind = 'syscall' as const;
  readonly pid: number;
  readonly tid: number;
  readonly nr: number;
  readonly ret: number;
  readonly exactRet: bigint | undefined;
  readonly enterNs: number;
  readonly exitNs: number;
  joined: string | undefined;
  lineText: string | undefined;

  constructor(ev: Pick<SyscallEvent, 'pid' | 'tid' | 'nr' | 'ret' | 'exact' | 'enterNs' | 'exitNs'>, readonly name: string,
    readonly classes: readonly SyscallClass[], readonly args: readonly string[],
    readonly entryArgs: number, readonly retText: string, readonly errno: string | undefined,
    readonly failed: boolean, readonly unfinished: boolean, private readonly facts: Facts) {
    this.pid = ev.pid;
    this.tid = ev.tid;
    this.nr = ev.nr;
    this.ret = ev.ret;
    this.exactRet = ev.exact?.ret;
    this.enterNs = ev.enterNs;
    this.exitNs = ev.exitNs;
  }

  get info(): SyscallInfo | undefined { return this.facts.info; }
  get thread(): ThreadModel { return this.facts.thread; }
  get paths(): readonly (string | undefined)[] { return this.facts.written; }
  get resolved(): readonly (string | undefined)[] { return this.facts.resolved; }
  get fdAt(): readonly (FdEntry | undefined)[] { return this.facts.fdAt; }
  get made(): readonly FdEntry[] { return this.facts.made; }
  get peer(): string | undefined { return this.facts.peer; }
  readonly repeatOf: undefined;
  argValue(i: number): number { return this.facts.raw[i] ?? 0; }
  get flags(): number { return this.facts.flags; }
  get stateOnly(): boolean { return (this.facts.flags & SyscallFlag.STATE_ONLY) !== 0; }

  /** The same call text at other times (an exact repeat of this call, decoded once). */
  at(enterNs: number, exitNs: number): DecodedSyscall {
    return new Repeated(this, enterNs, exitNs);
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
    return this.killed(this.enterNs, killedNs);
  }

  /** This call, entered at `enterNs`, as strace shows it when its thread was killed inside it at `killedNs`. */
  killed(enterNs: number, killedNs: number): DecodedSyscall {
    const ev = { pid: this.pid, tid: this.tid, nr: this.nr, ret: this.ret, enterNs, exitNs: Math.max(enterNs, killedNs) };
    return new Syscall(ev, this.name, this.classes, this.args, this.entryArgs, '?', undefined, false, true, this.facts);
  }

  toJSON(): object {
    return {
      kind: this.kind, pid: this.pid, tid: this.tid, nr: this.nr, ret: this.ret, enterNs: this.enterNs, exitNs: this.exitNs,
      name: this.name, classes: this.classes, args: this.args, entryArgs: this.entryArgs, argsText: this.argsText,
      retText: this.retText, errno: this.errno, failed: this.failed, unfinished: this.unfinished, paths: this.paths, line: this.line,
      resolved: this.resolved,
    };
  }
}

/** An exact repeat of a decoded call at other times: three fields, the rest read from the call it repeats. */
class Repeated implements DecodedSyscall {
  readonly kind = 'syscall' as const;
  constructor(readonly repeatOf: Syscall, readonly enterNs: number, readonly exitNs: number) {}
  get pid(): number { return this.repeatOf.pid; }
  get tid(): number { return this.repeatOf.tid; }
  get nr(): number { return this.repeatOf.nr; }
  get name(): string { return this.repeatOf.name; }
  get classes(): readonly SyscallClass[] { return this.repeatOf.classes; }
  get args(): readonly string[] { return this.repeatOf.args; }
  get entryArgs(): number { return this.repeatOf.entryArgs; }
  get argsText(): string { return this.repeatOf.argsText; }
  get retText(): string { return this.repeatOf.retText; }
  get ret(): number { return this.repeatOf.ret; }
  get exactRet(): bigint | undefined { return this.repeatOf.exactRet; }
  get errno(): string | undefined { return this.repeatOf.errno; }
  get failed(): boolean { return this.repeatOf.failed; }
  get unfinished(): boolean { return this.repeatOf.unfinished; }
  get flags(): number { return this.repeatOf.flags; }
  get stateOnly(): boolean { return this.repeatOf.stateOnly; }
  get paths(): readonly (string | undefined)[] { return this.repeatOf.paths; }
  get info(): SyscallInfo | undefined { return this.repeatOf.info; }
  get thread(): ThreadModel { return this.repeatOf.thread; }
  get resolved(): readonly (string | undefined)[] { return this.repeatOf.resolved; }
  get fdAt(): readonly (FdEntry | undefined)[] { return this.repeatOf.fdAt; }
  get made(): readonly FdEntry[] { return this.repeatOf.made; }
  get peer(): string | undefined { return this.repeatOf.peer; }
  get line(): string { return this.repeatOf.line; }
  argValue(i: number): number { return this.repeatOf.argValue(i); }
  asKilled(killedNs: number): DecodedSyscall { return this.repeatOf.killed(this.enterNs, killedNs); }
  at(enterNs: number, exitNs: number): DecodedSyscall { return new Repeated(this.repeatOf, enterNs, exitNs); }
  toJSON(): object { return { ...(this.repeatOf.toJSON() as Record<string, unknown>), enterNs: this.enterNs, exitNs: this.exitNs }; }
}

const ERESTART: Record<number, [string, string]> = {
  512: ['ERESTARTSYS', 'To be restarted if SA_RESTART is set'],
  513: ['ERESTARTNOINTR', 'To be restarted'],
  514: ['ERESTARTNOHAND', 'To be restarted if no handler'],
  516: ['ERESTART_RESTARTBLOCK', 'Interrupted by signal'],
};

/** Every errno number with its name, from the one errno table (the uapi headers'). */
export function errnoNames(): ReadonlyMap<number, string> {
  return (allErrnos ??= new Map([...X.errnos.name, ...Object.entries(ERESTART).map(([n, [name]]) => [Number(n), name] as const)]));
}
let allErrnos: Map<number, string> | undefined;

/** The name of error number `err` ("ENOENT", "ERESTARTSYS"), or undefined for a number no table knows. */
export function errnoName(err: number): string | undefined {
  return ERESTART[err]?.[0] ?? X.errnos.name.get(err);
}

/** What strace prints after "= " for a call that failed with `err`. */
export function errnoText(err: number): string {
  const r = ERESTART[err];
  if (r) return `? ${r[0]} (${r[1]})`;
  const name = X.errnos.name.get(err);
  if (name === undefined) return `-1 ${err} (Unknown error ${err})`;
  return `-1 ${name} (${X.errnos.message.get(err)})`;
}


interface NrEntry {
  readonly info: SyscallInfo | undefined;
  readonly name: string;
  readonly dec: (c: Call) => void;
  /** Argument indexes whose role is fd or dirfd, and path. */
  readonly fdArgs: readonly number[];
  readonly pathArgs: readonly number[];
  /** The argument that is a socket address, or -1. */
  readonly sockaddrArg: number;
  /** Argument indexes whose role is pid. */
  readonly pidArgs: readonly number[];
}

/**
 * Decodes syscalls and process events one at a time and advances the trace model
 * with each (fd paths for -y, signal masks, working directories, the process tree).
 */
export class Decoder {
  readonly model: TraceModel;
  /** Argument texts of the call being decoded (copied out at the end). */
  private readonly scratch: string[] = [];

  constructor(private readonly table: SyscallTable, private readonly opts: DecodeOptions, header?: Pick<Header, 'rootPid' | 'argv' | 'cwd' | 'processes'>) {
    this.model = new TraceModel(header);
  }

  /** Per syscall number: what syscall() looks up (filled on first use). */
  private readonly byNr: (NrEntry | undefined)[] = [];

  private entry(nr: number): NrEntry {
    const info = this.table.byNr.get(nr);
    const name = syscallName(this.table, nr);
    const roleArgs = (want: (r: string) => boolean): number[] =>
      (info?.roles ?? []).flatMap((r, i) => (r && want(r.role) ? [i] : []));
    const e: NrEntry = {
      info, name, dec: (info ? decoders[name] : undefined) ?? generic,
      fdArgs: roleArgs((r) => r === 'fd' || r === 'dirfd' || r === 'newfd'), pathArgs: roleArgs((r) => r === 'path'),
      sockaddrArg: roleArgs((r) => r === 'sockaddr')[0] ?? -1, pidArgs: roleArgs((r) => r === 'pid'),
    };
    if (nr >= 0 && nr < 4096) this.byNr[nr] = e;
    return e;
  }

  syscall(ev: SyscallEvent): DecodedSyscall {
    const ent = this.byNr[ev.nr] ?? this.entry(ev.nr);
    const { info, name } = ent;
    const model = this.model;
    const thread = model.thread(ev.pid, ev.tid, ev.enterNs);
    // Values beyond 2^53 print exactly, whichever printer a decoder gives them to (the Call and the struct readers register them).
    clearExactValues();
    const c = new Call(ev, name, info, this.opts, model, this.scratch);
    // What the call's fds and paths referred to before it ran.
    let fdAt: readonly (FdEntry | undefined)[] = NONE;
    if (ent.fdArgs.length) {
      const at: (FdEntry | undefined)[] = [];
      for (const i of ent.fdArgs) at[i] = model.fd(ev.pid, s32(ev.args[i]!));
      fdAt = at;
    }
    let resolved: readonly (string | undefined)[] = NONE;
    let written: readonly (string | undefined)[] = NONE;
    if (ent.pathArgs.length) {
      const r: (string | undefined)[] = [];
      const w: (string | undefined)[] = [];
      for (const i of ent.pathArgs) {
        const s = capturedString(ev, i);
        w.push(s);
        r.push(s === undefined ? undefined : model.resolve(ev.pid, i > 0 && info!.roles[i - 1]?.role === 'dirfd' ? s32(ev.args[i - 1]!) : -100, s));
      }
      resolved = r;
      written = w;
    }
    if (this.opts.pidns && thread.proc.pidnsLevel > 0) c.onHost = (v) => this.onHost(thread, v);
    ent.dec(c);
    const unfinished = (ev.flags & SyscallFlag.UNFINISHED) !== 0;
    const failed = c.failed;
    const peer = ent.sockaddrArg >= 0 ? sockaddrText(capturedBytes(ev, ent.sockaddrArg)) : undefined;
    const facts: Facts = { raw: ev.args.slice(), flags: ev.flags, peer, info, thread, written, resolved, fdAt, made: NONE };
    let retText: string;
    let errno: string | undefined;
    facts.made = model.advance(ev, info, thread);
    if (unfinished || c.retFormat === 'none') retText = '?';
    else if (failed) {
      errno = errnoName(-ev.ret);
      retText = errnoText(-ev.ret);
    } else {
      retText = c.retText ?? this.formatRet(c);
    }
    if (failed && -ev.ret === 516) model.setRestart(thread, name);
    else if (name === 'restart_syscall') model.setRestart(thread, undefined);
    if (!unfinished) retText += c.retAux;
    if (c.onHost) {
      for (const i of ent.pidArgs) if (i < c.args.length) c.args[i] += c.onHost(s32(ev.args[i]!));
      if (info?.ret === 'pid' && !failed && !unfinished) retText += c.onHost(ev.ret);
    }
    clearExactValues();
    return new Syscall(ev, name, info?.classes ?? NO_CLASSES, c.args.slice(), c.split < 0 ? c.args.length : c.split, retText, errno, failed, unfinished, facts);
  }

  /** --pidns: the comment "4242 on the host" after pid `v` of `thread`'s pid namespace, when the trace showed that process. */
  private onHost(thread: ThreadModel, v: number): string {
    const host = v > 0 ? this.model.hostTid(thread.proc.pidnsInode, v) : undefined;
    return host === undefined ? '' : ` /* ${host} on the host */`;
  }

  private formatRet(c: Call): string {
    const r = c.ret;
    switch (c.retFormat) {
      case 'hex': return r === 0 ? '0' : hex(r);
      case 'oct': return r === 0 ? '000' : '0' + (r >>> 0).toString(8).padStart(2, '0');
      case 'fd': return c.fd(r);
      case 'udec': return unsignedDecimal(r);
      default: return decimal(r);
    }
  }

  process(ev: ProcessEvent): DecodedProcessEvent {
    clearExactValues();
    const model = this.model;
    // The thread it is about: looked up before an exit ends it, after a fork makes it.
    let task = ev.type === 'fork' ? undefined : model.thread(ev.pid, ev.tid, ev.ns);
    model.processEvent(ev);
    task ??= model.thread(ev.pid, ev.tid, ev.ns);
    const base = { pid: ev.pid, tid: ev.tid, ns: ev.ns, thread: ev.thread, task, signo: undefined, ignored: ev.type === 'signal' && ev.ignored };
    switch (ev.type) {
      case 'fork':
        return { ...base, kind: 'fork', line: undefined, signal: undefined, exitCode: undefined, parentPid: ev.parentPid, filename: undefined };
      case 'exec':
        return { ...base, kind: 'exec', line: undefined, signal: undefined, exitCode: undefined, parentPid: undefined, filename: ev.filename };
      case 'signal': {
        const sig = signalName(ev.signo);
        // si_pid is of the receiver's pid namespace (the kernel's, when it sent it).
        const pid = this.opts.pidns && task.proc.pidnsLevel > 0 ? (v: number): string => `${v}${this.onHost(task, v)}` : undefined;
        return { ...base, kind: 'signal', signo: ev.signo, line: `--- ${sig} ${siginfo(ev.siginfo, ev.signo, pid)} ---`, signal: sig, exitCode: undefined, parentPid: undefined, filename: undefined };
      }
      case 'exit':
      default: {
        const status = ev.exitCode;
        const termsig = status & 0x7f;
        if (termsig === 0) {
          const code = (status >> 8) & 0xff;
          return { ...base, kind: 'exited', line: `+++ exited with ${code} +++`, signal: undefined, exitCode: code, parentPid: undefined, filename: undefined };
        }
        const sig = signalName(termsig);
        return { ...base, kind: 'killed', signo: termsig, line: `+++ killed by ${sig}${status & 0x80 ? ' (core dumped)' : ''} +++`, signal: sig, exitCode: undefined, parentPid: undefined, filename: undefined };
      }
    }
  }
}

export { siginfo, sigset };
