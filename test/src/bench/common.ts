// Shared by the benchmark modules: what run.ts hands each one, and what each returns.
// Every figure is measured in the same run and printed side by side (pnpm bench).

export interface BenchContext {
  /** A scratch directory, removed after the run. */
  readonly dir: string;
  /** A trace of the syscall storm: 1,000,000 one-byte reads of /dev/zero, recorded by bt-record. */
  readonly stormTrace: string;
  /** Syscalls in stormTrace (as its trailer counts them). */
  readonly stormSyscalls: number;
  /** The storm fixture: `storm N [SIG]` reads /dev/zero N times (then kills itself with SIG). */
  readonly storm: string;
  /** Absolute paths of the CLI entry points (run with process.execPath). */
  readonly bin: {
    readonly record: string; readonly show: string; readonly store: string; readonly query: string; readonly diff: string;
    readonly export: string; readonly report: string;
  };
}

export interface BenchRow {
  /** What was measured, e.g. "bt-show, 1M-syscall trace to /dev/null". */
  readonly what: string;
  /** The figure, with its unit, e.g. "612,000 lines/s" or "3.4x untraced". */
  readonly value: string;
  /** The target from the issue, e.g. ">= 500,000 lines/s"; empty when there is none. */
  readonly target: string;
  /** Whether the target was met; undefined when there is no target. */
  readonly ok?: boolean;
  /** How it was measured, one line. */
  readonly how?: string;
}

export type BenchModule = (ctx: BenchContext) => Promise<BenchRow[]>;
