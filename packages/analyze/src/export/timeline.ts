// A run as a timeline: one pass over the decoded stream (decodeTraceChunks)
// turned into processes, threads, one slice per syscall, instants (signals,
// exits) and flows (fork/clone -> the child's first event, execve -> the new
// program's first event). bt-export's Perfetto and Chrome JSON writers and
// bt-report are views of it; none of them reads the trace another way.
import type { Header, Progress, SyscallTable, TraceProblem, TraceSource, Trailer } from '@beetrace/format';
import { syscallTable } from '@beetrace/format';
import type { DecodedProcessEvent, DecodedSyscall } from '../decode/decode.js';
import { decodeTraceChunks } from '../decode/trace.js';
import { scrubArgs } from './scrub.js';

export interface ProcessInfo {
  /** Track id, unique in the run (a reused pid gets a new one). */
  readonly uuid: number;
  readonly pid: number;
  readonly parentPid: number | undefined;
  /** The program it runs now (the last exec), or what it inherited; '?' when unknown (attached). */
  program: string;
  /** Every program it ran, in order (the inherited one first). */
  readonly programs: string[];
  startNs: number;
  /** When its last thread ended; undefined while one runs. */
  endNs: number | undefined;
  /** How it ended: the exit event of its last thread. */
  exit: DecodedProcessEvent | undefined;
  /** Threads seen (the leader included), and those still running. */
  threads: number;
  live: number;
  /** Syscalls and failed syscalls of all its threads. */
  calls: number;
  failed: number;
}

export interface ThreadInfo {
  readonly uuid: number;
  readonly process: ProcessInfo;
  readonly tid: number;
  startNs: number;
  endNs: number | undefined;
  /** The last timestamp put on its track (nothing goes back on a track). */
  lastNs: number;
}

/** One syscall on its thread's track. */
export interface Slice {
  readonly thread: ThreadInfo;
  readonly call: DecodedSyscall;
  readonly beginNs: number;
  /** exitNs; for a call that never returned, the end of its thread (or of the recording). */
  readonly endNs: number;
  /** The arguments as bt-show -y prints them (buffer contents left out with noData). */
  readonly args: readonly string[];
  /** Argument names from the syscall table (arg0... when the decoder prints more than the table has). */
  readonly argNames: readonly string[];
  /** The whole call as bt-show -y prints it (built on first use). */
  readonly line: string;
  /** Flow that starts here (a fork/clone that made a child, an execve), and one that ends here. */
  readonly flowOut: number | undefined;
  readonly flowIn: number | undefined;
  /** Instants inside a call that never returned (a signal that killed the thread in it). */
  readonly inner: readonly Instant[];
}

export interface Instant {
  readonly thread: ThreadInfo;
  readonly kind: 'signal' | 'exited' | 'killed';
  readonly ns: number;
  /** "SIGCHLD", "exited 0", "killed by SIGKILL". */
  readonly name: string;
  /** The line bt-show prints for it. */
  readonly line: string;
  readonly flowIn: number | undefined;
}

/**
 * What a view receives, in the order the events were recorded (per thread, in
 * time order). A Slice is valid only during the call that receives it (one
 * object is reused): keep what you need from it, not it.
 */
export interface TimelineSink {
  header?(h: Header): void;
  /** A process appeared, or was renamed by an exec. */
  process(p: ProcessInfo, renamed: boolean): void;
  /** A thread appeared, or was renamed by its process's exec. */
  thread(t: ThreadInfo, renamed: boolean): void;
  slice(s: Slice): void;
  instant(i: Instant): void;
  trailer?(t: Trailer): void;
  /** Called between records: a promise makes the walk wait (output backpressure). */
  drain?(): Promise<void> | void;
}

export interface TimelineOptions {
  /** Leave buffer contents out of the arguments (strings and structs stay). */
  readonly noData?: boolean;
  /** Longest string shown (default 32, as strace and bt-show). */
  readonly strSize?: number;
  /** Told how far the reading is (a live line on a terminal: ProgressLine). */
  readonly progress?: Progress | undefined;
}

export interface TimelineResult {
  readonly header: Header | undefined;
  readonly trailer: Trailer | undefined;
  readonly complete: boolean;
  readonly problem: TraceProblem | undefined;
  readonly processes: readonly ProcessInfo[];
  readonly syscalls: number;
  /** First and last timestamps seen (ns). */
  readonly firstNs: number;
  readonly lastNs: number;
}

interface Open {
  call: DecodedSyscall;
  thread: ThreadInfo;
  args: readonly string[] | undefined;
  flowOut: number | undefined;
  flowIn: number | undefined;
  inner: Instant[];
}

/** The one Slice object handed to the sink, refilled for every call (1M calls: no 1M objects). */
class SliceOf implements Slice {
  thread!: ThreadInfo;
  call!: DecodedSyscall;
  beginNs = 0;
  endNs = 0;
  scrubbed: readonly string[] | undefined;
  argNames: readonly string[] = [];
  flowOut: number | undefined;
  flowIn: number | undefined;
  inner: readonly Instant[] = [];

  set(thread: ThreadInfo, call: DecodedSyscall, beginNs: number, endNs: number, scrubbed: readonly string[] | undefined,
    argNames: readonly string[], flowOut: number | undefined, flowIn: number | undefined, inner: readonly Instant[]): this {
    this.thread = thread;
    this.call = call;
    this.beginNs = beginNs;
    this.endNs = endNs;
    this.scrubbed = scrubbed;
    this.argNames = argNames;
    this.flowOut = flowOut;
    this.flowIn = flowIn;
    this.inner = inner;
    return this;
  }

  get args(): readonly string[] {
    return this.scrubbed ?? this.call.args;
  }

  get line(): string {
    const c = this.call;
    return this.scrubbed ? `${c.name}(${this.scrubbed.join(', ')}) = ${c.retText}` : c.line;
  }
}

const NONE: readonly Instant[] = [];

export const basename = (p: string): string => p.slice(p.lastIndexOf('/') + 1) || p;

/** Walks a trace once and hands its timeline to `sink`. Never throws for bad data: the result says where reading stopped. */
export async function walkTimeline(source: TraceSource, sink: TimelineSink, opts: TimelineOptions = {}): Promise<TimelineResult> {
  const w = new Walker(sink, opts);
  for await (const chunk of decodeTraceChunks(source, { strSize: opts.strSize ?? 32, fdPaths: true, progress: opts.progress })) {
    for (const it of chunk) {
      switch (it.kind) {
        case 'syscall': w.syscall(it); break;
        case 'header': w.start(it.header); break;
        case 'trailer': w.trailer = it.trailer; sink.trailer?.(it.trailer); break;
        case 'end':
          w.finish();
          return {
            header: w.header, trailer: w.trailer, complete: it.complete, problem: it.problem, processes: w.processList,
            syscalls: w.syscalls, firstNs: w.firstNs === Infinity ? 0 : w.firstNs, lastNs: w.lastNs,
          };
        default: w.process(it); break;
      }
    }
    const d = sink.drain?.();
    if (d) await d;
  }
  throw new Error('unreachable: the decoded stream always ends with an end item');
}

class Walker {
  header: Header | undefined;
  trailer: Trailer | undefined;
  table: SyscallTable | undefined;
  readonly processList: ProcessInfo[] = [];
  private readonly procs = new Map<number, ProcessInfo>();
  private readonly threads = new Map<number, ThreadInfo>();
  private readonly open = new Map<number, Open>();
  private uuid = 0;
  private flowSeq = 0;
  /** A new child's tid -> the flow its creator's clone starts; its first event ends it. */
  private readonly cloneFlow = new Map<number, { id: number; parentPid: number }>();
  private readonly firstFlow = new Map<number, number>();
  /** A thread that exec'd -> the flow its execve starts (then ends at its next event). */
  private readonly execFlow = new Map<number, number>();
  private readonly nextFlow = new Map<number, number>();
  private readonly argNames = new Map<number, readonly string[]>();
  private readonly out = new SliceOf();
  /** The thread of the previous call (most calls follow one of the same thread). */
  private recent: ThreadInfo | undefined;
  syscalls = 0;
  firstNs = Infinity;
  lastNs = 0;

  constructor(private readonly sink: TimelineSink, private readonly opts: TimelineOptions) {}

  start(h: Header): void {
    this.header = h;
    this.table = syscallTable(h.syscallAbi || 'x86_64');
    this.sink.header?.(h);
  }

  private seen(ns: number): void {
    if (ns < this.firstNs) this.firstNs = ns;
    if (ns > this.lastNs) this.lastNs = ns;
  }

  private newProcess(pid: number, parentPid: number | undefined, program: string, ns: number): ProcessInfo {
    const p: ProcessInfo = {
      uuid: ++this.uuid, pid, parentPid, program, programs: [program], startNs: ns, endNs: undefined, exit: undefined, threads: 0, live: 0, calls: 0, failed: 0,
    };
    this.procs.set(pid, p);
    this.processList.push(p);
    this.sink.process(p, false);
    return p;
  }

  private newThread(p: ProcessInfo, tid: number, ns: number): ThreadInfo {
    const t: ThreadInfo = { uuid: ++this.uuid, process: p, tid, startNs: ns, endNs: undefined, lastNs: 0 };
    p.threads++;
    p.live++;
    p.endNs = undefined;
    this.threads.set(tid, t);
    this.sink.thread(t, false);
    return t;
  }

  /** The running thread `tid` of `pid`, made up when the trace has no birth for it (attached, or lost). */
  private thread(pid: number, tid: number, ns: number): ThreadInfo {
    const r = this.recent;
    if (r && r.tid === tid && r.endNs === undefined && r.process.pid === pid) return r;
    const t = this.threads.get(tid);
    if (t && t.endNs === undefined && t.process.pid === pid) return (this.recent = t);
    let p = this.procs.get(pid);
    if (!p || p.endNs !== undefined) {
      const h = this.header;
      const root = h && !h.attached && pid === h.rootPid && h.argv?.length ? h.argv[0]! : '?';
      p = this.newProcess(pid, undefined, root, ns);
    }
    return (this.recent = this.newThread(p, tid, ns));
  }

  /** A timestamp for thread t's track: never before what the track already has. */
  private at(t: ThreadInfo, ns: number): number {
    if (ns < t.lastNs) return t.lastNs;
    t.lastNs = ns;
    return ns;
  }

  private names(call: DecodedSyscall): readonly string[] {
    let n = this.argNames.get(call.nr);
    if (!n || n.length !== call.args.length) {
      const info = this.table?.byNr.get(call.nr);
      // Positional: the decoder prints the table's arguments in order, sometimes fewer (openat's mode).
      n = call.args.map((_, i) => (info && call.args.length <= info.args.length ? info.args[i]!.name : `arg${i}`));
      this.argNames.set(call.nr, n);
    }
    return n;
  }

  syscall(call: DecodedSyscall): void {
    this.syscalls++;
    this.seen(call.enterNs);
    this.seen(call.exitNs);
    // A call that never returned may come after its thread's exit event: it belongs to that thread.
    const ended = call.unfinished ? this.threads.get(call.tid) : undefined;
    const t = ended && ended.endNs !== undefined && ended.process.pid === call.pid && ended.endNs >= call.enterNs
      ? ended : this.thread(call.pid, call.tid, call.enterNs);
    t.process.calls++;
    if (call.failed) t.process.failed++;
    // The execve that starts a recording is entered before its exec event (which made the thread).
    if (call.enterNs < t.startNs) {
      t.startNs = call.enterNs;
      if (call.enterNs < t.process.startNs) t.process.startNs = call.enterNs;
    }
    let flowIn: number | undefined;
    if (this.firstFlow.size || this.nextFlow.size) {
      flowIn = this.firstFlow.get(call.tid) ?? this.nextFlow.get(call.tid);
      if (flowIn !== undefined) {
        this.firstFlow.delete(call.tid);
        this.nextFlow.delete(call.tid);
      }
    }
    let flowOut: number | undefined;
    if (!call.failed && !call.unfinished && (this.cloneFlow.size || this.execFlow.size)) {
      const clone = call.ret > 0 ? this.cloneFlow.get(call.ret) : undefined;
      if (clone && clone.parentPid === call.pid) {
        flowOut = clone.id;
        this.cloneFlow.delete(call.ret);
      }
      const ex = this.execFlow.get(call.tid);
      if (ex !== undefined) {
        flowOut = ex;
        this.execFlow.delete(call.tid);
        this.nextFlow.set(call.tid, ex);
        if (flowIn === ex) flowIn = undefined;
      }
    }
    const args = this.opts.noData && this.table ? scrubArgs(call, this.table) : undefined;
    if (call.unfinished) {
      const o: Open = { call, thread: t, args, flowOut, flowIn, inner: [] };
      // Its thread may have ended already (the exit came first): close it there.
      if (t.endNs !== undefined) this.close(o, t.endNs);
      else this.open.set(call.tid, o);
      return;
    }
    const beginNs = this.at(t, call.enterNs);
    const endNs = this.at(t, call.exitNs);
    this.sink.slice(this.out.set(t, call, beginNs, endNs, args, this.names(call), flowOut, flowIn, NONE));
  }

  /** Ends a call that never returned at `ns` (its thread's end, or the recording's). */
  private close(o: Open, ns: number): void {
    this.open.delete(o.call.tid);
    const beginNs = this.at(o.thread, o.call.enterNs);
    const endNs = Math.max(beginNs, ns, ...o.inner.map((i) => i.ns));
    o.thread.lastNs = endNs;
    this.sink.slice(this.out.set(o.thread, o.call, beginNs, endNs, o.args, this.names(o.call), o.flowOut, o.flowIn, o.inner));
  }

  process(ev: DecodedProcessEvent): void {
    this.seen(ev.ns);
    switch (ev.kind) {
      case 'fork': {
        const parent = this.procs.get(ev.parentPid ?? -1);
        const program = parent?.program ?? '?';
        let p = ev.thread ? this.procs.get(ev.pid) : undefined;
        if (!p || p.endNs !== undefined) p = this.newProcess(ev.pid, ev.thread ? undefined : ev.parentPid, program, ev.ns);
        const old = this.threads.get(ev.tid);
        if (!old || old.endNs !== undefined || old.process !== p) this.newThread(p, ev.tid, ev.ns);
        const id = ++this.flowSeq;
        this.cloneFlow.set(ev.tid, { id, parentPid: ev.parentPid ?? -1 });
        this.firstFlow.set(ev.tid, id);
        return;
      }
      case 'exec': {
        const t = this.thread(ev.pid, ev.tid, ev.ns);
        const p = t.process;
        const program = ev.filename ?? '?';
        // What it inherited counts as a program it ran only if it made a call before this exec.
        if (p.programs.length === 1 && p.calls === 0) p.programs[0] = program;
        else p.programs.push(program);
        p.program = program;
        this.sink.process(p, true);
        for (const th of this.threads.values()) if (th.process === p && th.endNs === undefined) this.sink.thread(th, true);
        this.execFlow.set(ev.tid, ++this.flowSeq);
        return;
      }
      default: {
        const t = this.thread(ev.pid, ev.tid, ev.ns);
        const name = ev.kind === 'signal' ? ev.signal ?? 'signal'
          : ev.kind === 'exited' ? `exited ${ev.exitCode ?? ''}`.trim() : `killed by ${ev.signal ?? '?'}`;
        const o = this.open.get(ev.tid);
        let flowIn = this.firstFlow.get(ev.tid) ?? this.nextFlow.get(ev.tid);
        if (flowIn !== undefined && !o) {
          this.firstFlow.delete(ev.tid);
          this.nextFlow.delete(ev.tid);
        } else flowIn = undefined;
        if (ev.kind === 'signal') {
          const i: Instant = { thread: t, kind: 'signal', ns: o ? Math.max(ev.ns, o.call.enterNs) : this.at(t, ev.ns), name, line: ev.line ?? name, flowIn };
          if (o) o.inner.push(i);
          else this.sink.instant(i);
          return;
        }
        // exited / killed: the thread's end.
        if (o) this.close(o, ev.ns);
        t.endNs = this.at(t, ev.ns);
        this.sink.instant({ thread: t, kind: ev.kind, ns: t.endNs, name, line: ev.line ?? name, flowIn });
        const p = t.process;
        p.exit = ev;
        p.live--;
        if (p.live <= 0) p.endNs = t.endNs;
        return;
      }
    }
  }

  /** End of the trace: calls still open end with the recording. */
  finish(): void {
    const end = Math.max(this.lastNs, Number(this.trailer?.endMonotonicNs ?? 0));
    for (const o of [...this.open.values()]) this.close(o, end);
  }
}
