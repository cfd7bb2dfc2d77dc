// A run as a timeline: one pass over the decoded stream (decodeTraceChunks)
// turned into processes, threads, one slice per syscall, instants (signals,
// exits) and flows (fork/clone -> the child's first event, execve -> the new
// program's first event). bt-export's Perfetto and Chrome JSON writers and
// bt-report are views of it; none of them reads the trace another way.
import type { Header, Progress, SyscallTable, TraceProblem, TraceSource, Trailer } from '@beetrace/format';
import { syscallTable } from '@beetrace/format';
import type { DecodedProcessEvent, DecodedSyscall } from '../decode/decode.js';
import type { ProcessModel, ThreadModel } from '../decode/model.js';
import { decodeTraceChunks } from '../decode/trace.js';

/**
 * A process's track. Which process it is (pid reuse, parent) is the trace
 * model's ProcessModel; the timeline adds its track id, its programs in event
 * order and its counts.
 */
export interface ProcessInfo {
  /** Track id, unique in the run (a reused pid is another process, another track). */
  readonly uuid: number;
  readonly model: ProcessModel;
  readonly pid: number;
  /** The process that made it (undefined for the root, or one whose birth is not in the trace). */
  readonly parent: ProcessInfo | undefined;
  /** The program it runs now (the last exec), or what it inherited; '?' when unknown (attached). */
  readonly program: string;
  /** Every program it ran, in order (the inherited one first when it made a call before its first exec). */
  readonly programs: readonly string[];
  readonly startNs: number;
  /** When its last thread ended; undefined while one runs. */
  readonly endNs: number | undefined;
  /** How it ended: the exit event of its last thread. */
  readonly exit: DecodedProcessEvent | undefined;
  /** Threads seen (the leader included). */
  readonly threads: number;
  /** Syscalls and failed syscalls of all its threads. */
  readonly calls: number;
  readonly failed: number;
}

/** A thread's track (the trace model's ThreadModel, with its place in time). */
export interface ThreadInfo {
  readonly uuid: number;
  readonly model: ThreadModel;
  readonly process: ProcessInfo;
  readonly tid: number;
  readonly startNs: number;
  readonly endNs: number | undefined;
}

class ProcessTrack implements ProcessInfo {
  programs: string[];
  endNs: number | undefined;
  exit: DecodedProcessEvent | undefined;
  threads = 0;
  live = 0;
  calls = 0;
  failed = 0;

  constructor(readonly uuid: number, readonly model: ProcessModel, readonly parent: ProcessInfo | undefined, public startNs: number) {
    // What it started with (its parent's program, or the recorded command's).
    this.programs = [model.inherited];
  }

  get pid(): number {
    return this.model.pid;
  }

  get program(): string {
    return this.programs[this.programs.length - 1]!;
  }
}

class ThreadTrack implements ThreadInfo {
  endNs: number | undefined;
  /** The last timestamp put on its track (nothing goes back on a track). */
  lastNs = 0;

  constructor(readonly uuid: number, readonly model: ThreadModel, readonly process: ProcessTrack, public startNs: number) {}

  get tid(): number {
    return this.model.tid;
  }
}

/** One syscall on its thread's track. */
export interface Slice {
  readonly thread: ThreadInfo;
  readonly call: DecodedSyscall;
  readonly beginNs: number;
  /** exitNs; for a call that never returned, the end of its thread (or of the recording). */
  readonly endNs: number;
  /** Argument names from the syscall table (arg0... when the decoder prints more than the table has). */
  readonly argNames: readonly string[];
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
  thread: ThreadTrack;
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
  argNames: readonly string[] = [];
  flowOut: number | undefined;
  flowIn: number | undefined;
  inner: readonly Instant[] = [];

  set(thread: ThreadInfo, call: DecodedSyscall, beginNs: number, endNs: number,
    argNames: readonly string[], flowOut: number | undefined, flowIn: number | undefined, inner: readonly Instant[]): this {
    this.thread = thread;
    this.call = call;
    this.beginNs = beginNs;
    this.endNs = endNs;
    this.argNames = argNames;
    this.flowOut = flowOut;
    this.flowIn = flowIn;
    this.inner = inner;
    return this;
  }
}

const NONE: readonly Instant[] = [];

export const basename = (p: string): string => p.slice(p.lastIndexOf('/') + 1) || p;

/** Walks a trace once and hands its timeline to `sink`. Never throws for bad data: the result says where reading stopped. */
export async function walkTimeline(source: TraceSource, sink: TimelineSink, opts: TimelineOptions = {}): Promise<TimelineResult> {
  const w = new Walker(sink, opts);
  for await (const chunk of decodeTraceChunks(source, { strSize: opts.strSize ?? 32, fdPaths: true, noData: opts.noData ?? false, progress: opts.progress })) {
    for (const it of chunk) {
      switch (it.kind) {
        case 'syscall': if (!it.stateOnly) w.syscall(it); break; // a filtered recording's state-only calls are no slices
        case 'header': w.start(it.header); break;
        case 'trailer': w.trailer = it.trailer; sink.trailer?.(it.trailer); break;
        case 'end':
          w.finish();
          return {
            header: w.header, trailer: w.trailer, complete: it.complete, problem: it.problem, processes: w.processList,
            syscalls: w.syscalls, firstNs: w.firstNs === Infinity ? 0 : w.firstNs, lastNs: w.lastNs,
          };
        default: w.event(it); break;
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
  readonly processList: ProcessTrack[] = [];
  private readonly procs = new Map<ProcessModel, ProcessTrack>();
  private readonly threads = new Map<ThreadModel, ThreadTrack>();
  private readonly open = new Map<ThreadTrack, Open>();
  private uuid = 0;
  private flowSeq = 0;
  /** A new child's tid -> the flow its creator's clone starts; its first event ends it. */
  private readonly cloneFlow = new Map<number, { id: number; parentPid: number }>();
  private readonly firstFlow = new Map<ThreadTrack, number>();
  /** A thread that exec'd -> the flow its execve starts (then ends at its next event). */
  private readonly execFlow = new Map<ThreadTrack, number>();
  private readonly nextFlow = new Map<ThreadTrack, number>();
  private readonly argNames = new Map<number, readonly string[]>();
  private readonly out = new SliceOf();
  /** The thread of the previous call (most calls follow one of the same thread). */
  private recent: ThreadTrack | undefined;
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

  private process(pm: ProcessModel, ns: number): ProcessTrack {
    let p = this.procs.get(pm);
    if (!p) {
      const parent = pm.parent ? this.procs.get(pm.parent) : undefined;
      p = new ProcessTrack(++this.uuid, pm, parent, ns);
      this.procs.set(pm, p);
      this.processList.push(p);
      this.sink.process(p, false);
    }
    return p;
  }

  /** The track of a thread of the model, made when the timeline first meets it. */
  private thread(tm: ThreadModel, ns: number): ThreadTrack {
    const r = this.recent;
    if (r && r.model === tm) return r;
    let t = this.threads.get(tm);
    if (!t) {
      const p = this.process(tm.proc, ns);
      t = new ThreadTrack(++this.uuid, tm, p, ns);
      p.threads++;
      p.live++;
      p.endNs = undefined;
      this.threads.set(tm, t);
      this.sink.thread(t, false);
    }
    return (this.recent = t);
  }

  /** A timestamp for thread t's track: never before what the track already has. */
  private at(t: ThreadTrack, ns: number): number {
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
    // A call that never returned may come after its thread's exit event: the model's thread is the same.
    const t = this.thread(call.thread, call.enterNs);
    const p = t.process;
    p.calls++;
    if (call.failed) p.failed++;
    // The execve that starts a recording is entered before its exec event (which made the thread).
    if (call.enterNs < t.startNs) {
      t.startNs = call.enterNs;
      if (call.enterNs < p.startNs) p.startNs = call.enterNs;
    }
    let flowIn: number | undefined;
    if (this.firstFlow.size || this.nextFlow.size) {
      flowIn = this.firstFlow.get(t) ?? this.nextFlow.get(t);
      if (flowIn !== undefined) {
        this.firstFlow.delete(t);
        this.nextFlow.delete(t);
      }
    }
    let flowOut: number | undefined;
    if (!call.failed && !call.unfinished && (this.cloneFlow.size || this.execFlow.size)) {
      const clone = call.ret > 0 ? this.cloneFlow.get(call.ret) : undefined;
      if (clone && clone.parentPid === call.pid) {
        flowOut = clone.id;
        this.cloneFlow.delete(call.ret);
      }
      const ex = this.execFlow.get(t);
      if (ex !== undefined) {
        flowOut = ex;
        this.execFlow.delete(t);
        this.nextFlow.set(t, ex);
        if (flowIn === ex) flowIn = undefined;
      }
    }
    if (call.unfinished) {
      const o: Open = { call, thread: t, flowOut, flowIn, inner: [] };
      // Its thread may have ended already (the exit came first): close it there.
      if (t.endNs !== undefined) this.close(o, t.endNs);
      else this.open.set(t, o);
      return;
    }
    const beginNs = this.at(t, call.enterNs);
    const endNs = this.at(t, call.exitNs);
    this.sink.slice(this.out.set(t, call, beginNs, endNs, this.names(call), flowOut, flowIn, NONE));
  }

  /** Ends a call that never returned at `ns` (its thread's end, or the recording's). */
  private close(o: Open, ns: number): void {
    this.open.delete(o.thread);
    const beginNs = this.at(o.thread, o.call.enterNs);
    const endNs = Math.max(beginNs, ns, ...o.inner.map((i) => i.ns));
    o.thread.lastNs = endNs;
    this.sink.slice(this.out.set(o.thread, o.call, beginNs, endNs, this.names(o.call), o.flowOut, o.flowIn, o.inner));
  }

  event(ev: DecodedProcessEvent): void {
    this.seen(ev.ns);
    const t = this.thread(ev.task, ev.ns);
    switch (ev.kind) {
      case 'fork': {
        const id = ++this.flowSeq;
        this.cloneFlow.set(ev.tid, { id, parentPid: ev.parentPid ?? -1 });
        this.firstFlow.set(t, id);
        return;
      }
      case 'exec': {
        const p = t.process;
        const program = ev.filename ?? '?';
        // What it inherited counts as a program it ran only if it made a call before this exec.
        if (p.programs.length === 1 && p.calls === 0) p.programs[0] = program;
        else p.programs.push(program);
        this.sink.process(p, true);
        for (const th of this.threads.values()) if (th.process === p && th.endNs === undefined) this.sink.thread(th, true);
        this.execFlow.set(t, ++this.flowSeq);
        return;
      }
      default: {
        const name = ev.kind === 'signal' ? ev.signal ?? 'signal'
          : ev.kind === 'exited' ? `exited ${ev.exitCode ?? ''}`.trim() : `killed by ${ev.signal ?? '?'}`;
        const o = this.open.get(t);
        let flowIn = this.firstFlow.get(t) ?? this.nextFlow.get(t);
        if (flowIn !== undefined && !o) {
          this.firstFlow.delete(t);
          this.nextFlow.delete(t);
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
