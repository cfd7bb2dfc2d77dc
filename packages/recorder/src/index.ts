// @beetrace/recorder: eBPF capture of a program and all its descendants into a trace.
//
//   const run = await record(['./build.sh'], { cwd, output: 'run.pb' });
//   for await (const ev of recordEvents(['ls', '-l'])) { ... }
import { batchEvents, batchesIn, type TraceEvent } from '@beetrace/format';
import { type RecordOptions, type RecordResult, Recording, type Target } from './recording.js';

export { RecordError, type RecordErrorCode } from './errors.js';
export { type CallFilter, compileFilter } from './call-filter.js';
export { cgroup2Root, findContainer, resolveCgroup } from './cgroup.js';
export { RecorderError, type RecorderErrorCode } from './native.js';
export { Recording, RECORDER_VERSION, type CaptureOptions, type RecordOptions, type RecordResult, type RecordStats, type Target } from './recording.js';

/** Records `argv` (a program and its arguments) to completion. Without `output`, the trace is returned in memory (`result.trace`). */
export async function record(argv: readonly string[], opts: RecordOptions = {}): Promise<RecordResult> {
  return new Recording({ argv }, opts).finished;
}

/** Starts a recording of a program, a running process or a cgroup; stop() ends it as Ctrl-C would. */
export function startRecording(target: Target, opts: RecordOptions = {}): Recording {
  return new Recording(target, opts);
}

export interface EventStream extends AsyncIterable<TraceEvent> {
  /** Settles when the recording has finished. */
  readonly result: Promise<RecordResult>;
  readonly recording: Recording;
}

/**
 * Records a program and yields its events as they are recorded (syscalls and
 * process lifecycle, in delivery order). The trace is also written to `output`
 * when given.
 */
export function recordEvents(target: Target | readonly string[], opts: RecordOptions = {}): EventStream {
  let queue: TraceEvent[] = [];
  let notify: (() => void) | undefined;
  let done = false;
  let failure: unknown;
  const recording = new Recording(Array.isArray(target) ? { argv: target } : (target as Target), {
    ...opts,
    onBatches: (records) => {
      for (const batch of batchesIn(records)) for (const ev of batchEvents(batch)) queue.push(ev);
      notify?.();
    },
  });
  const result = recording.finished.then(
    (r) => r,
    (e) => {
      failure = e;
      throw e;
    },
  ).finally(() => {
    done = true;
    notify?.();
  });
  result.catch(() => undefined);
  return {
    result,
    recording,
    async *[Symbol.asyncIterator]() {
      for (;;) {
        if (queue.length > 0) {
          const ready = queue;
          queue = [];
          yield* ready;
          continue;
        }
        if (done) {
          if (failure) throw failure;
          return;
        }
        await new Promise<void>((r) => (notify = r));
        notify = undefined;
      }
    },
  };
}

