// The native addon behind a thin layer, as better-sqlite3 keeps its own: loading it
// says what it tried when that fails; every call's arguments are checked here with
// exact messages (TypeError, RangeError); every failure of the addon is thrown as a
// RecorderError with a code; the addon's objects stay private.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export interface Layout {
  readonly [field: string]: number;
}

/** What failed in the native recorder. */
export type RecorderErrorCode =
  | 'CLOSED'     // the recorder was closed (or destroyed when loading or attaching failed)
  | 'STATE'      // a call out of order: attach or start twice, a call before attach, stop before start
  | 'PERMISSION' // the kernel refused to load or attach the BPF programs (EPERM, EACCES): not root
  | 'NO_BTF'     // the kernel BTF the programs' CO-RE relocations need cannot be read
  | 'BPF_LOAD'   // the BPF object did not open or load (the verifier; EAGAIN when a signal interrupted it)
  | 'ATTACH'     // filling the capture table, opening the ring buffer or attaching the programs failed
  | 'BPF_MAP'    // the traced set or the lost-record counters could not be written or read
  | 'SPAWN'      // no process could be made for the program (clone failed)
  | 'CWD'        // the program's working directory could not be entered
  | 'EXEC'       // the program could not be executed (errno: ENOENT, EACCES, ENOEXEC...)
  | 'WAIT'       // waiting for the program failed
  | 'CGROUP';    // the cgroup to watch could not be opened or put in the BPF map

/** A failure of the native recorder: `code` says what failed, `errno` the system error behind it (0: none). */
export class RecorderError extends Error {
  constructor(message: string, readonly code: RecorderErrorCode, readonly errno = 0) {
    super(message);
    this.name = 'RecorderError';
  }
}

/**
 * What the consumer thread hands over, every 50 ms or each MiB: finished batch
 * records (bytes of the trace file; none when it writes them itself), the processes
 * created (+pid) and whose thread group died (-pid) since the last delivery, running
 * counts, the bytes it wrote and the errno of its failed write (0: none).
 */
export interface Delivery {
  readonly bytes: Buffer;
  readonly notes: Int32Array;
  readonly syscalls: number;
  readonly processEvents: number;
  readonly unfinished: number;
  /** Of `syscalls`, those recorded only for the state (outside -e's filter). */
  readonly stateOnly: number;
  readonly written: number;
  readonly writeError: number;
}

/** Called with each delivery, then with null once, after stop(), when everything was delivered. */
export type DeliveryCallback = (delivery: Delivery | null) => void;

export interface NativeRecorderOptions {
  readonly ringBytes: number;
  readonly stringMax: number;
  readonly bufferMax: number;
  readonly captureBuffers: boolean;
  readonly pollMicros?: number;
  /** A BTF file with the kernel types the BPF programs' CO-RE relocations use (made at build time). */
  readonly coreBtf?: string;
  /**
   * The kernel BTF ids of the tp_btf programs' tracepoints ({ sys_enter: id of btf_trace_sys_enter, ... }),
   * found at build time on the kernel coreBtf was cut from; without them libbpf finds them in the kernel's BTF.
   */
  readonly tpBtfIds?: Readonly<Record<string, number>>;
  /** The syscall hooks as raw_tp programs even where tp_btf ones load (the fallback, for tests and the bench). */
  readonly rawTp?: boolean;
  /** The syscall hooks run the process filter only and record nothing (the bench's floor). */
  readonly floor?: boolean;
  /** The kernel counts each BPF program's runs and run time while the recorder lives. */
  readonly programStats?: boolean;
  /** -e: per syscall number (MAX_NR bytes), the layout's CALL_TRACE and CALL_STATE bits; absent: every call in full. */
  readonly callFilter?: Uint8Array;
  /** -e status=: the layout's STATUS_* bits kept (with callFilter). */
  readonly statusFilter?: number;
  /** --cgroup: processes of the cgroup watchCgroup() names join the traced set at their next call. */
  readonly cgroup?: boolean;
}

/** One BPF program's runs and total run time (the kernel's bpf_stats); "consumer": the consumer thread's CPU time. */
export interface ProgramStats {
  readonly name: string;
  readonly runs: number;
  readonly ns: number;
}

/** The monotonic clock (process.hrtime's) and the real-time clock, nanoseconds, read together. */
export interface Clocks {
  readonly monotonicNs: number;
  readonly realtimeNs: number;
}

export interface WaitStatus {
  readonly status: number;
  readonly exited: boolean;
  readonly code: number;
  readonly signal: number;
  readonly core: boolean;
}

/** The addon's Recorder object, called only by NativeRecorder. */
interface AddonRecorder {
  attach(specs: Uint8Array): void;
  spawn(path: string, argv: readonly string[], envp: readonly string[], cwd: string, stdin: number, stdout: number, stderr: number): number;
  trace(pid: number): void;
  untrace(pid: number): void;
  watchCgroup(path: string): void;
  untraceAll(): void;
  start(onDelivery: DeliveryCallback, outputFd: number, deliverBytes?: number): void;
  stop(): void;
  lost(): number[];
  programStats(): ProgramStats[];
  close(): void;
}

export interface Binding {
  readonly Recorder: new (opts: NativeRecorderOptions) => AddonRecorder;
  waitChild(pid: number): Promise<WaitStatus>;
  clocks(): Clocks;
  setErrorConstructor(ctor: typeof RecorderError): void;
  readonly layout: Layout;
  /** The ring-buffer records' fields (bpf/beetrace.h): "bt_syscall.tid" its offset, "bt_syscall.tid.size" its bytes; record type numbers. */
  readonly recordLayout: Layout;
  /** The Record{batch} the consumer thread writes for these ring-buffer records (none for an empty batch); for tests, no BPF involved. */
  encodeRecords(records: readonly Uint8Array[]): Buffer;
}

let cached: Binding | undefined;

export function binding(): Binding {
  if (cached) return cached;
  const path = fileURLToPath(new URL('../native/build/Release/beetrace_recorder.node', import.meta.url));
  try {
    cached = createRequire(import.meta.url)(path) as Binding;
  } catch (e) {
    const why = (e as Error).message.split('\n')[0]!;
    // Built but not loadable: a shared library it links is missing (libbpf.so.1, libelf.so.1, libz.so.1).
    const hint = existsSync(path) && /\blib(bpf|elf|z)\.so/.test(why) ? 'it needs the runtime package libbpf1 (apt-get install libbpf1)' : 'build it with: pnpm build';
    const err = new Error(`cannot load the native recorder from ${path} (${why}); ${hint}`);
    (err as NodeJS.ErrnoException).code = 'ENOADDON';
    throw err;
  }
  cached.setErrorConstructor(RecorderError);
  return cached;
}

const MAX_PID = 4194304; // PID_MAX_LIMIT on 64-bit Linux

function checkPid(method: string, pid: unknown): asserts pid is number {
  if (typeof pid !== 'number') throw new TypeError(`${method}: pid must be a number, got ${typeof pid}`);
  if (!Number.isInteger(pid) || pid < 1 || pid > MAX_PID) throw new RangeError(`${method}: pid must be an integer from 1 to ${MAX_PID}, got ${pid}`);
}

function checkFd(method: string, name: string, fd: unknown, min: number): asserts fd is number {
  if (typeof fd !== 'number') throw new TypeError(`${method}: ${name} must be a number, got ${typeof fd}`);
  if (!Number.isInteger(fd) || fd < min || fd > 0x7fffffff) throw new RangeError(`${method}: ${name} must be a file descriptor${min < 0 ? ' or -1' : ''}, got ${fd}`);
}

function checkStrings(method: string, name: string, v: unknown): asserts v is readonly string[] {
  if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) throw new TypeError(`${method}: ${name} must be an array of strings`);
}

/**
 * The BPF recorder. Loading starts on a native thread when it is made; attach()
 * waits for it. Then spawn() or trace(), start(), stop(), close() (safe twice).
 * A call on a closed recorder throws CLOSED, a call out of order STATE.
 */
export class NativeRecorder {
  readonly #addon: AddonRecorder;

  constructor(opts: NativeRecorderOptions) {
    if (typeof opts !== 'object' || opts === null) throw new TypeError('NativeRecorder: an options object expected');
    for (const k of ['ringBytes', 'stringMax', 'bufferMax', 'pollMicros'] as const) {
      const v = opts[k];
      if (v === undefined && k === 'pollMicros') continue;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new RangeError(`NativeRecorder: ${k} must be an integer from 0 to 4294967295, got ${v}`);
    }
    if (typeof opts.captureBuffers !== 'boolean') throw new TypeError('NativeRecorder: captureBuffers must be a boolean');
    if (opts.coreBtf !== undefined && typeof opts.coreBtf !== 'string') throw new TypeError('NativeRecorder: coreBtf must be a path');
    if (opts.tpBtfIds !== undefined && (typeof opts.tpBtfIds !== 'object' || opts.tpBtfIds === null
      || Object.values(opts.tpBtfIds).some((id) => !Number.isInteger(id) || id <= 0 || id > 0xffffffff))) {
      throw new TypeError('NativeRecorder: tpBtfIds must map tracepoint names to BTF ids');
    }
    if (opts.callFilter !== undefined && (!(opts.callFilter instanceof Uint8Array) || opts.callFilter.length !== binding().layout['MAX_NR'])) {
      throw new TypeError(`NativeRecorder: callFilter must be a Uint8Array of ${binding().layout['MAX_NR']} bytes`);
    }
    if (opts.statusFilter !== undefined && (!Number.isInteger(opts.statusFilter) || opts.statusFilter < 0 || opts.statusFilter > 15)) {
      throw new RangeError(`NativeRecorder: statusFilter must be an integer from 0 to 15, got ${opts.statusFilter}`);
    }
    for (const k of ['rawTp', 'floor', 'programStats', 'cgroup'] as const) {
      if (opts[k] !== undefined && typeof opts[k] !== 'boolean') throw new TypeError(`NativeRecorder: ${k} must be a boolean`);
    }
    this.#addon = new (binding().Recorder)(opts);
  }

  /** Fills the capture table (one row per syscall number, then the state-only rows) and attaches the BPF programs. */
  attach(specs: Uint8Array): void {
    if (!(specs instanceof Uint8Array)) throw new TypeError('attach: specs must be a Uint8Array');
    const layout = binding().layout;
    const size = layout['SPEC_ROWS']! * layout['spec_size']!;
    if (specs.length !== size) throw new RangeError(`attach: specs must be the capture table of ${size} bytes, got ${specs.length}`);
    this.#addon.attach(specs);
  }

  /** Starts a program in the traced set, recorded from its own execve on; its pid. */
  spawn(path: string, argv: readonly string[], envp: readonly string[], cwd: string, stdin: number, stdout: number, stderr: number): number {
    if (typeof path !== 'string' || path === '') throw new TypeError('spawn: path must be a non-empty string');
    checkStrings('spawn', 'argv', argv);
    checkStrings('spawn', 'envp', envp);
    if (typeof cwd !== 'string') throw new TypeError('spawn: cwd must be a string (empty: this process\'s)');
    checkFd('spawn', 'stdin', stdin, 0);
    checkFd('spawn', 'stdout', stdout, 0);
    checkFd('spawn', 'stderr', stderr, 0);
    return this.#addon.spawn(path, argv, envp, cwd, stdin, stdout, stderr);
  }

  /** pid's thread group and its future children are recorded from now on. */
  trace(pid: number): void {
    checkPid('trace', pid);
    this.#addon.trace(pid);
  }

  /** pid is recorded no more (one that is not traced is no failure). */
  untrace(pid: number): void {
    checkPid('untrace', pid);
    this.#addon.untrace(pid);
  }

  /** --cgroup: the processes of this cgroup v2 directory and those below it are recorded from their next call. */
  watchCgroup(path: string): void {
    if (typeof path !== 'string' || path === '') throw new TypeError('watchCgroup: path must be a non-empty string');
    this.#addon.watchCgroup(path);
  }

  /** No process joins through the cgroup any more, and none is recorded (the end of a --cgroup recording). */
  untraceAll(): void {
    this.#addon.untraceAll();
  }

  /**
   * The consumer writes the batches to outputFd itself, or (-1) delivers them; a
   * delivery is due once the finished batches hold deliverBytes (default 1 MiB), or
   * every 50 ms.
   */
  start(onDelivery: DeliveryCallback, outputFd: number, deliverBytes?: number): void {
    if (typeof onDelivery !== 'function') throw new TypeError('start: onDelivery must be a function');
    checkFd('start', 'outputFd', outputFd, -1);
    if (deliverBytes !== undefined && (!Number.isInteger(deliverBytes) || deliverBytes < 1 || deliverBytes > 1 << 30)) {
      throw new RangeError(`start: deliverBytes must be an integer from 1 to ${1 << 30}, got ${deliverBytes}`);
    }
    if (deliverBytes === undefined) this.#addon.start(onDelivery, outputFd);
    else this.#addon.start(onDelivery, outputFd, deliverBytes);
  }

  /** The consumer drains what is left, delivers it, then calls onDelivery(null). */
  stop(): void {
    this.#addon.stop();
  }

  /** Ring-buffer records dropped so far, per CPU. */
  lost(): number[] {
    return this.#addon.lost();
  }

  /** Runs and run time of each BPF program (made with programStats; else empty), then the consumer thread's CPU time. */
  programStats(): ProgramStats[] {
    return this.#addon.programStats();
  }

  /** Stops the consumer and frees the BPF programs; safe to call again. */
  close(): void {
    this.#addon.close();
  }
}

/** Waits for a child process off the main thread. */
export function waitChild(pid: number): Promise<WaitStatus> {
  checkPid('waitChild', pid);
  return binding().waitChild(pid);
}

/** The monotonic and real-time clocks now (for a trace's header and trailer). */
export function clocks(): Clocks {
  return binding().clocks();
}
