// One recording: load the BPF programs, start (or attach to) the program, write the
// batches the native consumer encodes, and finish the file with its trailer.
import { accessSync, closeSync, constants as fsConstants, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { constants, hostname, machine, release } from 'node:os';
import { getSystemErrorMap } from 'node:util';
import { openPrivateFile } from '@beetrace/format/private-output';
import type { Header, ProcessState, Trailer } from '@beetrace/format';
import { encodeHeader, encodeTrailer } from '@beetrace/format/writer';
import { RecordError } from './errors.js';
import { clocks, type Delivery, type NativeRecorder, type ProgramStats, RecorderError, waitChild, type WaitStatus } from './native.js';
import type { CallFilter } from './call-filter.js';
import { cgroupProcesses } from './cgroup.js';
import { beginLoad, builtCaptureTable, type CaptureOptions, checkCapture, type KernelFilter, takePreloaded } from './native-loader.js';
import { resolveProgram } from './resolve-program.js';
import { FlightRing, type Mark, RotatingOutput, type SegmentContext, seriesName } from './segments.js';
import { inheritedFds, processOf, processState } from './snapshot.js';

/** This package's version (package.json), written into every trace header. */
export const RECORDER_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export type { CaptureOptions };

export interface RecordOptions extends CaptureOptions {
  /** Where the trace goes: a path (created mode 0600), an open file descriptor, or (default) memory. */
  readonly output?: string | number;
  /** Working directory and environment of the started program (default: this process's). */
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** The started program's stdin, stdout, stderr (default 0, 1, 2). */
  readonly stdio?: readonly [number, number, number];
  /**
   * Only these calls in full (bt-record -e; compileFilter(['trace=%file', 'status=failed'])):
   * filtered in the kernel; calls outside it that change the trace's state are recorded
   * marked state-only.
   */
  readonly filter?: CallFilter;
  /** Called at most every 200 ms while recording. */
  readonly onProgress?: (stats: RecordStats) => void;
  /**
   * Called with the batches as they are written to the trace: consecutive
   * length-delimited Record{batch} messages (the library's event iterator decodes them).
   */
  readonly onBatches?: (records: Uint8Array) => void;
  /**
   * --flight: keep the last this many bytes of batches in memory (output must be a
   * path); written there when recording ends, and to PATH.1, PATH.2... by dump().
   */
  readonly flight?: number;
  /** --max-size/--rotate: a new file every maxBytes, at most `files` kept (output must be a path; segments.ts). */
  readonly rotate?: { readonly maxBytes: number; readonly files: number };
  /** Told what the user should know while recording goes on (a process that could not be attached, a --flight file written). */
  readonly onNotice?: (line: string) => void;
}

export interface RecordStats {
  /** Calls recorded (in full: a filtered recording's state-only calls are in stateCalls). */
  readonly syscalls: number;
  /** A filtered recording's calls outside the filter, recorded only for the fd and process state. */
  readonly stateCalls: number;
  readonly processEvents: number;
  readonly processes: number;
  readonly lost: number;
  readonly bytes: number;
  readonly seconds: number;
}

export interface RecordResult extends RecordStats {
  /** The trace file, when output was a path. */
  readonly path?: string;
  /** The trace, when output was memory. */
  readonly trace?: Uint8Array;
  readonly lostPerCpu: readonly number[];
  readonly unfinished: number;
  /** How the started program ended (undefined when attached with -p). */
  readonly exit?: WaitStatus;
  /** Shell-style status: the exit code, or 128 + signal number. */
  readonly exitCode: number;
  readonly stopReason: 'exited' | 'signal' | 'detached' | 'error';
  /** Set when writing the trace failed: what was recorded up to then is in the file. */
  readonly outputError?: RecordError;
  /** Each BPF program's runs and run time, when BT_BPF_STATS=1 (for measuring the recorder). */
  readonly programStats?: readonly ProgramStats[];
}

/**
 * What to record: a program to start, running processes (-p), or every process of a
 * cgroup v2 directory and those below it, and every process that joins them, until stop()
 * (--cgroup; `container` the id it was found for with --container).
 */
export type Target =
  | { readonly argv: readonly string[] }
  | { readonly pid: number }
  | { readonly pids: readonly number[] }
  | { readonly cgroup: string; readonly container?: string };

/**
 * Writes the trace: to a file descriptor with blocking writes, or to memory. When
 * the native consumer writes the batches to the file itself, the sink writes the
 * header and the trailer and counts what the consumer wrote.
 */
class Sink {
  /** Bytes this sink wrote (header, trailer, or every batch when JavaScript writes them). */
  private own = 0;
  /** Bytes the native consumer wrote to the same file. */
  private native = 0;
  error: RecordError | undefined;
  private readonly parts: Uint8Array[] | undefined;
  constructor(readonly fd: number | undefined, private readonly ownsFd: boolean) {
    if (fd === undefined) this.parts = [];
  }
  get bytes(): number {
    return this.own + this.native;
  }
  /** What the native consumer has written so far, and the errno of its failed write (0: none). */
  written(total: number, errno: number): void {
    this.native = total;
    if (errno !== 0 && !this.error) {
      const [code, message] = getSystemErrorMap().get(-errno) ?? [`errno ${errno}`, `error ${errno}`];
      this.error = new RecordError('OUTPUT', `cannot write the trace: ${message}`, code);
    }
  }
  write(data: Uint8Array): void {
    if (this.error) return;
    if (this.parts) {
      this.parts.push(data);
      this.own += data.length;
      return;
    }
    let off = 0;
    while (off < data.length) {
      try {
        off += writeSync(this.fd!, data, off, data.length - off);
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        if (err.code === 'EAGAIN') {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
          continue;
        }
        this.error = new RecordError('OUTPUT', `cannot write the trace: ${err.message.replace(/^\w+: /, '').replace(/, write$/, '')}`, err.code);
        return;
      }
    }
    this.own += data.length;
  }
  private closed = false;
  /** Closes the file (once: --rotate closes its files as it goes). */
  close(): Uint8Array | undefined {
    if (this.ownsFd && this.fd !== undefined && !this.closed) closeSync(this.fd);
    this.closed = true;
    return this.parts ? Buffer.concat(this.parts) : undefined;
  }
}

function openOutput(output: string | number | undefined): Sink {
  if (output === undefined) return new Sink(undefined, false);
  if (typeof output === 'number') return new Sink(output, false);
  let fd;
  try {
    fd = openPrivateFile(output);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new RecordError('OUTPUT', `cannot create '${output}': ${err.message.replace(/^\w+: /, '').replace(/, open '.*'$/, '')}`);
  }
  return new Sink(fd, true);
}

/** --flight and --rotate write files of their own: the output must be a path, --flight's directory writable now. */
function checkSegmentedOutput(opts: RecordOptions): void {
  const what = opts.flight !== undefined ? '--flight' : '--rotate';
  if (opts.flight !== undefined && opts.rotate !== undefined) throw new RecordError('USAGE', '--flight and --rotate are mutually exclusive');
  if (typeof opts.output !== 'string' || opts.output === '-') throw new RecordError('USAGE', `${what} needs -o FILE: it writes files of its own`);
  if (opts.flight !== undefined) {
    try {
      accessSync(dirname(opts.output), fsConstants.W_OK);
    } catch (e) {
      throw new RecordError('OUTPUT', `cannot create '${opts.output}': ${(e as Error).message.replace(/^\w+: /, '').replace(/, access '.*'$/, '')}`);
    }
  }
}

function processAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/** Waits for the BPF programs to load, then fills the capture table and attaches them. */
function attachRecorder(native: NativeRecorder, capture: Required<CaptureOptions>, filter: KernelFilter): NativeRecorder {
  const specs = builtCaptureTable();
  for (let attempt = 1; ; attempt++) {
    try {
      native.attach(specs);
      return native;
    } catch (e) {
      // EAGAIN: the verifier gives up when a signal arrives during the load; load again.
      if (e instanceof RecorderError && e.code === 'BPF_LOAD' && e.errno === constants.errno.EAGAIN && attempt < 5) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20 * attempt);
        native = beginLoad(capture, filter);
        continue;
      }
      throw recordError(e);
    }
  }
}

/**
 * What a failure of the native recorder means to bt-record's user: a RecordError
 * (the program cannot be found: 127, nor executed: 126). Anything else (an
 * argument the native layer refused) is a bug, rethrown as it is.
 */
export function recordError(e: unknown): RecordError {
  if (!(e instanceof RecorderError)) throw e;
  switch (e.code) {
    case 'PERMISSION':
      return new RecordError('NOT_PERMITTED', 'recording needs root (or CAP_BPF and CAP_PERFMON): loading the BPF programs was not permitted');
    case 'NO_BTF':
      return new RecordError('NO_BTF', e.message);
    case 'EXEC':
      return new RecordError(e.errno === constants.errno.ENOENT ? 'NOT_FOUND' : 'NOT_EXECUTABLE', e.message);
    case 'SPAWN': case 'CWD': case 'WAIT':
      return new RecordError('SPAWN', e.message);
    default:
      return new RecordError('BPF', e.message);
  }
}

export class Recording {
  readonly finished: Promise<RecordResult>;
  private readonly started = process.hrtime.bigint();
  private readonly native: NativeRecorder;
  private readonly sink: Sink;
  private readonly live = new Set<number>();
  private readonly seen = new Set<number>();
  private readonly counts = { syscalls: 0, stateCalls: 0, processEvents: 0, unfinished: 0 };
  private lastProgress = 0;
  private stopReason: RecordResult['stopReason'] = 'exited';
  private childPid = 0;
  private wakeUp: (() => void) | undefined;
  private stopRequested = false;
  private killTimer: NodeJS.Timeout | undefined;
  private readonly drained: Promise<void>;
  // --flight and --rotate (segments.ts): the batches come through JavaScript.
  private readonly rotating: RotatingOutput | undefined;
  private readonly flightRing: FlightRing | undefined;
  private mark: Mark = { syscalls: 0, stateCalls: 0, processEvents: 0, lost: [], ns: 0 };
  private dumps = 0;
  // The state the next --flight segment or --rotate file starts from: the one trace model
  // (@beetrace/analyze's StateTracker), fed with every batch; loaded on demand, the
  // deliveries before wait for it.
  private tracker: { add(records: Uint8Array): void; state(): ProcessState[] } | undefined;
  private readonly untracked: (() => void)[] = [];
  private trackerLoaded: Promise<void> = Promise.resolve();
  /** --cgroup: recording goes on until stop(), whether or not a process is live. */
  private watching = false;
  /** -p: the processes attached, in order (traced from when the constructor returned). */
  readonly attached: readonly number[] = [];

  constructor(target: Target, private readonly opts: RecordOptions = {}) {
    if (process.platform !== 'linux' || machine() !== 'x86_64') throw new RecordError('BPF', 'beetrace records on x86_64 Linux only');
    const capture = checkCapture(opts);
    let program: string | undefined;
    if ('argv' in target) {
      if (target.argv.length === 0) throw new RecordError('USAGE', 'no program to record');
      program = resolveProgram(target.argv[0]!, opts.cwd ?? process.cwd(), (opts.env ?? process.env)['PATH']);
    }
    const pids = 'pids' in target ? [...new Set(target.pids)] : 'pid' in target ? [target.pid] : undefined;
    if (pids) {
      if (pids.length === 0) throw new RecordError('USAGE', 'no process to attach to');
      if (!pids.some(processAlive)) {
        throw new RecordError('NO_SUCH_PROCESS', `attach: ${pids.length === 1 ? 'process' : 'processes'} ${pids.join(', ')} ${pids.length === 1 ? 'does' : 'do'} not exist`);
      }
    }
    const segmented = opts.flight !== undefined || opts.rotate !== undefined;
    if (segmented) checkSegmentedOutput(opts);
    const filter: KernelFilter = { ...(opts.filter ? { calls: opts.filter } : {}), ...('cgroup' in target ? { cgroup: true } : {}) };
    // What a started program inherits, read while the BPF programs load: the fds made from here
    // to its start (the trace file, the BPF objects) are close-on-exec.
    const inherited = 'argv' in target ? inheritedFds(opts.stdio ?? [0, 1, 2]) : [];
    this.native = attachRecorder(takePreloaded(capture, filter) ?? beginLoad(capture, filter), capture, filter);
    try {
      // --flight writes its files when asked: none is made before.
      this.sink = openOutput(opts.flight !== undefined ? undefined : opts.output);
    } catch (e) {
      this.native.close();
      throw e;
    }
    const { monotonicNs, realtimeNs } = clocks();
    let state: ProcessState[] = [];
    let rootPid: number;
    if (pids) {
      state = this.attachAll(pids);
      rootPid = state[0]!.pid ?? 0;
      this.attached = state.map((s) => s.pid ?? 0);
    } else if ('cgroup' in target) {
      rootPid = this.watch(target.cgroup);
      // The processes in the cgroup now are attached as -p attaches: what they had before, from /proc.
      state = [...this.live].map(processState).filter((s): s is ProcessState => s !== undefined);
    } else {
      rootPid = this.spawn(program!, (target as { argv: readonly string[] }).argv);
      this.live.add(rootPid);
      this.seen.add(rootPid);
      // What it inherited: -y names its stdio as strace does.
      state = [{ pid: rootPid, fds: inherited }];
    }
    const header: Header = {
      recorderVersion: RECORDER_VERSION,
      kernelRelease: release(),
      arch: machine(),
      hostname: hostname(),
      monotonicNs,
      realtimeNs,
      argv: 'argv' in target ? [...target.argv] : [],
      cwd: opts.cwd ?? process.cwd(),
      rootPid,
      attached: !('argv' in target),
      capture: { stringMax: capture.stringMax, bufferMax: capture.bufferMax, buffers: capture.captureBuffers, ringBytes: capture.ringBytes },
      syscallAbi: 'x86_64',
      ...(opts.filter ? { filter: { expressions: [...opts.filter.expressions], syscalls: [...opts.filter.syscalls], statuses: [...opts.filter.statuses] } } : {}),
      ...('cgroup' in target ? { cgroup: target.cgroup, ...(target.container ? { container: target.container } : {}) } : {}),
    };
    if (segmented) {
      const ctx: SegmentContext = { header, open: (path: string) => openOutput(path), state: () => this.tracker!.state() };
      this.trackerLoaded = this.loadTracker({ ...header, processes: state });
      this.mark = { ...this.mark, lost: this.native.lost(), ns: monotonicNs };
      if (opts.rotate) this.rotating = new RotatingOutput(ctx, opts.output as string, opts.rotate.maxBytes, opts.rotate.files, this.sink, this.mark, state);
      else this.flightRing = new FlightRing(ctx, opts.flight!, this.mark, state);
      this.stopOnOutputError();
    } else {
      this.write(encodeHeader({ ...header, processes: state }));
    }
    // The ring buffer holds what the program did meanwhile; the consumer starts after
    // the header. It writes the batches itself when they go to a file no one else reads.
    let drainedResolve!: () => void;
    this.drained = new Promise((r) => (drainedResolve = r));
    this.native.start((delivery) => {
      if (delivery === null) drainedResolve();
      else this.onDelivery(delivery);
    }, this.sink.fd !== undefined && !opts.onBatches && !segmented ? this.sink.fd : -1,
    // --flight and --rotate split files between deliveries: every batch or few is one.
    segmented ? Math.min(1 << 20, Math.max(1 << 12, Math.floor((opts.flight ?? opts.rotate!.maxBytes) / 16))) : undefined);
    this.finished = this.run();
  }

  /** Stops recording as Ctrl-C does: a started program is terminated (then killed), an attached one is left running. */
  stop(): void {
    if (this.stopRequested) {
      if (this.childPid) this.kill('SIGKILL');
      return;
    }
    this.stopRequested = true;
    if (this.stopReason === 'exited') this.stopReason = 'signal';
    if (this.childPid) {
      this.kill('SIGTERM');
      this.killTimer = setTimeout(() => this.kill('SIGKILL'), 2000);
    }
    this.wake();
  }

  private kill(sig: NodeJS.Signals): void {
    try {
      process.kill(this.childPid, sig);
    } catch {
      // already gone
    }
  }

  private wake(): void {
    const w = this.wakeUp;
    this.wakeUp = undefined;
    w?.();
  }

  private attach(pid: number): number {
    try {
      this.native.trace(pid);
    } catch (err) {
      this.native.close();
      this.sink.close();
      throw recordError(err);
    }
    return pid;
  }

  /**
   * -p PID,...: each process (a thread's tid: its process) is traced from now on, then read from /proc (what it had
   * before: fds, cwd, its pid namespace). One that has exited by then is told about
   * and left out, as strace -p does; when none is left, attaching failed. The state of
   * the processes attached, in order.
   */
  private attachAll(pids: readonly number[]): ProcessState[] {
    const state: ProcessState[] = [];
    for (const asked of pids) {
      // A thread's tid: bt-record traces processes, so its process, with all its threads (strace -p TID follows that thread only).
      const pid = processOf(asked) ?? asked;
      if (pid !== asked) this.opts.onNotice?.(`attach: ${asked} is a thread of process ${pid}: recording process ${pid}, all its threads`);
      if (this.live.has(pid)) continue;
      this.attach(pid);
      const s = processState(pid);
      if (!s) {
        this.native.untrace(pid);
        this.opts.onNotice?.(`attach: process ${pid} does not exist (it exited before it could be traced)`);
        continue;
      }
      state.push(s);
      this.live.add(pid);
      this.seen.add(pid);
    }
    if (state.length === 0) {
      this.native.close();
      this.sink.close();
      throw new RecordError('NO_SUCH_PROCESS', `attach: ${pids.length === 1 ? 'process' : 'processes'} ${pids.join(', ')} exited before ${pids.length === 1 ? 'it' : 'they'} could be traced`);
    }
    return state;
  }

  /**
   * --flight: writes what is kept now to the next PATH.N (N = 1, 2...) while recording
   * goes on (SIGUSR1). Its name, or undefined without --flight.
   */
  dump(): string | undefined {
    if (!this.flightRing) return undefined;
    if (!this.tracker) {
      // What was delivered before the tracker came first.
      void this.trackerLoaded.then(() => this.dump());
      return seriesName(this.opts.output as string, this.dumps + 1);
    }
    const path = seriesName(this.opts.output as string, ++this.dumps);
    let kept;
    try {
      kept = this.flightRing.dump(path, this.trailerNow(this.stats(), undefined), this.mark, 'dumped');
    } catch (e) {
      this.opts.onNotice?.(`--flight: ${(e as Error).message}`);
      return undefined;
    }
    const seconds = (Number(process.hrtime.bigint()) - kept.fromNs) / 1e9;
    if (kept.sink.error) this.opts.onNotice?.(`--flight: ${path}: ${kept.sink.error.message}; what was written reads back`);
    else this.opts.onNotice?.(`--flight: wrote ${path}: ${kept.records} records, the last ${seconds.toFixed(1)} s`);
    return path;
  }

  /** The trailer's fields as of now (counts of the whole recording; segments.ts makes them the file's). */
  private trailerNow(stats: RecordStats & { lostPerCpu: number[] }, exit: WaitStatus | undefined): Trailer {
    const now = clocks();
    return {
      syscalls: stats.syscalls,
      stateCalls: stats.stateCalls,
      processEvents: stats.processEvents,
      processes: stats.processes,
      lostPerCpu: stats.lostPerCpu,
      programExited: exit !== undefined,
      exitCode: exit?.code ?? 0,
      termSignal: exit?.signal ?? 0,
      coreDumped: exit?.core ?? false,
      endMonotonicNs: now.monotonicNs,
      endRealtimeNs: now.realtimeNs,
      unfinished: this.counts.unfinished,
      bytes: this.sink.bytes,
      stopReason: this.stopReason,
    };
  }

  /**
   * --cgroup: its processes join the traced set at their next call, the ones in it now at
   * once, as -p attaches (a call they are blocked in is recorded when it returns); no root
   * process (0).
   */
  private watch(cgroup: string): number {
    this.watching = true;
    try {
      this.native.watchCgroup(cgroup);
      for (const pid of cgroupProcesses(cgroup)) {
        if (pid === process.pid) continue;
        this.native.trace(pid);
        this.live.add(pid);
        this.seen.add(pid);
      }
    } catch (err) {
      this.native.close();
      this.sink.close();
      if (err instanceof RecorderError && err.code === 'CGROUP') throw new RecordError('NO_SUCH_CGROUP', err.message);
      throw recordError(err);
    }
    return 0;
  }

  private spawn(program: string, argv: readonly string[]): number {
    const env = Object.entries(this.opts.env ?? process.env).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${v}`);
    const [i, o, e] = this.opts.stdio ?? [0, 1, 2];
    try {
      this.childPid = this.native.spawn(program, argv, env, this.opts.cwd ?? '', i, o, e);
    } catch (err) {
      // The child exited 127 without running anything (the addon reaped it): nothing to record.
      this.native.close();
      this.sink.close();
      throw recordError(err);
    }
    return this.childPid;
  }

  private write(bytes: Uint8Array): void {
    this.sink.write(bytes);
    this.stopOnOutputError();
  }

  /** The trace can no longer be written: the program is stopped (as Ctrl-C would). */
  private stopOnOutputError(): void {
    if ((this.sink.error || this.rotating?.error) && !this.stopRequested) {
      this.stopReason = 'error';
      this.stop();
    }
  }

  /** From the consumer thread: finished batches (written here unless it wrote them), and the notes that keep the set of live processes. */
  private onDelivery({ bytes, notes, syscalls: records, stateOnly, processEvents, unfinished, written, writeError }: Delivery): void {
    const syscalls = records - stateOnly;
    Object.assign(this.counts, { syscalls, stateCalls: stateOnly, processEvents, unfinished });
    this.sink.written(written, writeError);
    this.stopOnOutputError();
    for (const n of notes) {
      if (n > 0) {
        this.live.add(n);
        this.seen.add(n);
      } else {
        this.live.delete(-n);
        this.wake();
      }
    }
    if (bytes.length > 0) {
      if (this.rotating || this.flightRing) this.addSegmented(bytes, syscalls, stateOnly, processEvents);
      else this.write(bytes);
      this.opts.onBatches?.(bytes);
    }
    this.progress();
  }

  /** --flight, --rotate: batches delivered, with the counts after them. */
  private addSegmented(bytes: Uint8Array, syscalls: number, stateCalls: number, processEvents: number): void {
    const mark = { syscalls, stateCalls, processEvents, lost: this.native.lost(), ns: Number(process.hrtime.bigint()) };
    const add = (): void => {
      this.mark = mark;
      if (this.rotating) {
        this.rotating.add(bytes, mark, () => this.trailerNow(this.stats(), undefined));
        this.stopOnOutputError();
      } else {
        this.flightRing!.add(bytes, mark);
      }
      // After: a file or segment these batches start begins with the state before them.
      this.tracker!.add(bytes);
    };
    if (this.tracker) add();
    else this.untracked.push(add);
  }

  /**
   * Loads the state tracker (a dependency of this package, imported only when --flight or
   * --rotate needs it, to keep it off the start-up path), then hands it what was delivered meanwhile.
   */
  private async loadTracker(header: Header): Promise<void> {
    const { StateTracker } = await import('@beetrace/analyze/state');
    this.tracker = new StateTracker(header);
    for (const add of this.untracked.splice(0)) add();
  }

  private progress(): void {
    const now = Date.now();
    if (!this.opts.onProgress || now - this.lastProgress < 200) return;
    this.lastProgress = now;
    this.opts.onProgress(this.stats());
  }

  private stats(): RecordStats & { lostPerCpu: number[] } {
    const lostPerCpu = this.native.lost();
    return {
      syscalls: this.counts.syscalls,
      stateCalls: this.counts.stateCalls,
      processEvents: this.counts.processEvents,
      processes: this.seen.size,
      lost: lostPerCpu.reduce((a, b) => a + b, 0),
      lostPerCpu,
      bytes: this.rotating?.bytes ?? this.flightRing?.bytes ?? this.sink.bytes,
      seconds: Number(process.hrtime.bigint() - this.started) / 1e9,
    };
  }

  /** Resolves when every traced process has exited, or a stop was requested. */
  private async untilDone(childExit: Promise<WaitStatus> | undefined): Promise<WaitStatus | undefined> {
    let exit: WaitStatus | undefined;
    let childDone = childExit === undefined;
    void childExit?.then((s) => {
      exit = s;
      childDone = true;
      this.wake();
    });
    for (;;) {
      if (childDone) {
        // Exit records of the last processes may still be on their way; a lost one must not hang us.
        for (const pid of this.live) if (!processAlive(pid)) this.live.delete(pid);
        if (this.live.size === 0 && !this.watching) break;
      }
      if (this.stopRequested && (childExit === undefined || childDone)) break;
      await new Promise<void>((r) => {
        // A woken wait drops its timer: nothing keeps a library user's event loop alive after.
        const timer = setTimeout(r, childDone ? 100 : 250);
        this.wakeUp = () => {
          clearTimeout(timer);
          r();
        };
      });
    }
    if (this.killTimer) clearTimeout(this.killTimer);
    return exit;
  }

  private async run(): Promise<RecordResult> {
    const childExit = this.childPid ? waitChild(this.childPid) : undefined;
    const exit = await this.untilDone(childExit);
    if (!this.childPid && this.stopRequested) {
      this.stopReason = 'detached';
    }
    if (this.watching) this.native.untraceAll();
    else for (const pid of this.seen) this.native.untrace(pid);
    this.native.stop();
    await this.drained;
    await this.trackerLoaded;
    const stats = this.stats();
    const { monotonicNs: endMonotonicNs, realtimeNs: endRealtimeNs } = clocks();
    const bytesBefore = this.sink.bytes;
    if (this.rotating || this.flightRing) {
      const trailer = { ...this.trailerNow(stats, exit), endMonotonicNs, endRealtimeNs };
      const end = { syscalls: stats.syscalls, stateCalls: stats.stateCalls, processEvents: stats.processEvents, lost: stats.lostPerCpu, ns: endMonotonicNs };
      if (this.rotating) {
        this.rotating.finish(trailer, end);
      } else {
        try {
          const sink = this.flightRing!.dump(this.opts.output as string, trailer, end, undefined).sink;
          if (sink.error) this.sink.error = sink.error;
        } catch (e) {
          this.sink.error = e as RecordError;
        }
      }
    } else {
      this.write(encodeTrailer({ ...this.trailerNow(stats, exit), endMonotonicNs, endRealtimeNs, bytes: bytesBefore }));
    }
    const programStats = this.native.programStats();
    this.native.close();
    const trace = this.sink.close();
    const exitCode = exit ? (exit.exited ? exit.code : 128 + exit.signal) : 0;
    const outputError = this.sink.error ?? this.rotating?.error;
    const result: RecordResult = {
      ...stats,
      bytes: this.rotating?.bytes ?? this.flightRing?.bytes ?? this.sink.bytes,
      ...(typeof this.opts.output === 'string' ? { path: this.opts.output } : {}),
      ...(trace && !this.flightRing ? { trace } : {}),
      unfinished: this.counts.unfinished,
      ...(exit ? { exit } : {}),
      exitCode,
      stopReason: outputError ? 'error' : this.stopReason,
      ...(outputError ? { outputError } : {}),
      ...(programStats.length > 0 ? { programStats } : {}),
    };
    return result;
  }
}

