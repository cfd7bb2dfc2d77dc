// Loads the native addon, saying what it tried when that fails.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export interface Layout {
  readonly [field: string]: number;
}

export interface NativeRecorder {
  attach(specs: Uint8Array): void;
  /** Starts a program in the traced set, recorded from its own execve on. */
  spawn(path: string, argv: readonly string[], envp: readonly string[], cwd: string, stdin: number, stdout: number, stderr: number): SpawnedChild;
  /** pid's thread group and its future children are recorded from now on. */
  trace(pid: number): void;
  untrace(pid: number): void;
  /** The consumer writes the batches to outputFd itself, or (-1) delivers them. */
  start(onDelivery: DeliveryCallback, outputFd: number): void;
  stop(): void;
  lost(): number[];
  close(): void;
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
}

/** A started program: errno 0 when it runs, else it exited 127 (failed exec, or could not join the traced set). */
export interface SpawnedChild {
  readonly pid: number;
  readonly errno: number;
  readonly traceFailed: boolean;
}

export interface WaitStatus {
  readonly status: number;
  readonly exited: boolean;
  readonly code: number;
  readonly signal: number;
  readonly core: boolean;
}

export interface Binding {
  readonly Recorder: new (opts: NativeRecorderOptions) => NativeRecorder;
  waitChild(pid: number): Promise<WaitStatus>;
  readonly layout: Layout;
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
  return cached;
}
