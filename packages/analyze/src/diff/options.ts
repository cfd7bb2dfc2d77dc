// The knobs of a comparison, shared by the library API and the CLI.
import type { Progress } from '@beetrace/format';

/** Each part of normalisation, on by default; switch one off to compare it as recorded. */
export interface Normalization {
  /** pids and tids become names by position in the process tree: <1> root, <1.2> its 2nd child, <1.2:1> that child's 1st thread. */
  readonly pids: boolean;
  /**
   * Pointer values (hex 0x10000 and up outside strings), mmap results: masked as 0x…; brk calls (the heap
   * growing or shrinking: when is the allocator's choice, which depends on the address layout) left out.
   */
  readonly addresses: boolean;
  /** Timestamps and durations are not printed (off: each line starts with its time since the first event and ends with <duration>). */
  readonly timestamps: boolean;
  /**
   * fds renumbered by order of creation in a virtual table (lowest free number), so inherited extra fds change
   * nothing; in a multi-threaded process, "#n" is the n-th fd its creating thread made (fd numbers race there).
   */
  readonly fds: boolean;
  /**
   * Inherently random, time- or machine-dependent contents masked: stat times and inode numbers, free space,
   * environment size; calls that only read such values (getrandom, clock_gettime, times, uname...) left out;
   * random names a run made (mkstemp, mkdtemp: created with O_EXCL, or a directory with a random-looking name)
   * shown as <tmpN>, numbered per process, everywhere they appear.
   */
  readonly random: boolean;
  /** The recording's working directory written as $CWD (in strings) and ./ (in the summary). */
  readonly cwd: boolean;
  /**
   * What depends on contention between threads and processes running at once: futex and sched_yield calls of
   * multi-threaded processes, the anonymous memory a threaded process maps and unmaps (stacks, malloc arenas), how a stream's data was
   * split across reads; a process that ran things at once (threads, several children, signal handlers) compares
   * by the calls it made, not their order or how often each repeated; and forked children's calls before
   * their exec compare, per parent, as one set ("1.2:children").
   */
  readonly sync: boolean;
  /**
   * Asynchronous signals (SIGCHLD, SIGALRM, SIGWINCH, SIGURG, SIGIO, SIGPROF, SIGVTALRM) and what only they cause
   * (rt_sigreturn, calls interrupted with EINTR or ERESTART*) dropped: when they arrive depends on timing. Calls
   * made in their handlers and children reaped by waits for any child are compared at the thread's next exec
   * or its end; WNOHANG waits that found no child, and a signal-mask change the next call undoes, are dropped.
   */
  readonly signals: boolean;
}

export const NORMALIZATIONS = ['pids', 'addresses', 'timestamps', 'fds', 'random', 'cwd', 'sync', 'signals'] as const;

export const defaultNormalization: Normalization = {
  pids: true, addresses: true, timestamps: true, fds: true, random: true, cwd: true, sync: true, signals: true,
};

export interface DiffOptions {
  /** Parts of normalisation to change (missing keys keep their default, true). */
  readonly normalize?: Partial<Normalization>;
  /** Syscalls left out of the comparison: names (getrandom) or classes (%clock, %memory). */
  readonly ignore?: readonly string[];
  /** Calls on paths matching these globs are left out (and the paths from the summary): '/tmp/**', '*.log'. */
  readonly ignorePaths?: readonly string[];
  /** Context lines around each hunk (default 3). */
  readonly context?: number;
  /** A trace cut short is compared up to its end without failing (a warning remains). */
  readonly allowPartial?: boolean;
  /**
   * Collect the text of changed lines (hunks) for the unified diff (default true). The summary and
   * per-process counts are always computed; without hunks, a trace is read only once.
   */
  readonly hunks?: boolean;
  /** Told how far the reading of the two traces is (bt-diff passes a live line on a terminal). */
  readonly progress?: Progress;
  /** Accepted for readability at call sites (`{ summary: true }`); the summary is always computed. */
  readonly summary?: boolean;
}

export function resolveNormalization(n: Partial<Normalization> | undefined): Normalization {
  return { ...defaultNormalization, ...(n ?? {}) };
}
