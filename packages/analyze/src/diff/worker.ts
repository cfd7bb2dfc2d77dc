// Scanning a trace in a worker thread, so that the two runs of a comparison are decoded at
// the same time on two cores (the second run here, the first on the calling thread). The worker runs scanTrace (or its text-fetching second pass)
// and posts the result back; typed arrays are compacted and transferred, not copied.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Progress, TraceSource } from '@beetrace/format';
import { nameId, nameTable } from './hash.js';
import { type RunModel, type ScanOptions, scanTrace, TraceInputError } from './scan.js';

type Task =
  | { readonly kind: 'scan'; readonly source: string | Uint8Array; readonly label: string; readonly opts: ScanOptions; readonly progress?: boolean }
  | { readonly kind: 'fetch'; readonly source: string | Uint8Array; readonly label: string; readonly opts: ScanOptions;
      readonly wanted: Map<string, Set<number>> };

type Reply =
  | { readonly progress: readonly [number, number | undefined, number] }
  | { readonly ok: true; readonly run?: RunModel; readonly names?: string[]; readonly texts?: Map<string, Map<number, string>> }
  | { readonly ok: false; readonly message: string; readonly code?: string; readonly stack?: string };

async function perform(task: Task, port: NonNullable<typeof parentPort>): Promise<{ run?: RunModel; texts?: Map<string, Map<number, string>> }> {
  if (task.kind === 'scan') {
    // How far the worker is, for the calling thread's progress line.
    const progress: Progress | undefined = task.progress ? {
      update: (bytes, total, calls) => { port.postMessage({ progress: [bytes, total, calls] } satisfies Reply); },
      done: () => {},
    } : undefined;
    return { run: await scanTrace(task.source as TraceSource, task.label, task.opts, undefined, progress) };
  }
  const texts = new Map<string, Map<number, string>>();
  await scanTrace(task.source as TraceSource, task.label, task.opts, (thread, index, text) => {
    if (!task.wanted.get(thread)?.has(index)) return;
    let m = texts.get(thread);
    if (!m) texts.set(thread, m = new Map());
    m.set(index, text);
  });
  return { texts };
}

/** Copies of the model's typed arrays that own their buffers (to transfer them). */
function compact(run: RunModel): { run: RunModel; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const procs = run.procs.map((p) => ({
    ...p,
    threads: p.threads.map((t) => {
      const hashes = t.hashes.slice();
      const names = t.names.slice();
      transfer.push(hashes.buffer, names.buffer);
      return { ...t, hashes, names };
    }),
  }));
  return { run: { ...run, procs }, transfer };
}

/** Runs a scan task in a worker thread; `progress` hears how far it is. */
export function runInWorker(task: Task, progress?: Progress): Promise<{ run?: RunModel; texts?: Map<string, Map<number, string>> }> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL(import.meta.url), { workerData: { ...task, progress: progress !== undefined }, resourceLimits: { maxYoungGenerationSizeMb: 48 } });
    let settled = false;
    w.on('message', (r: Reply) => {
      if ('progress' in r) {
        progress?.update(...r.progress);
        return;
      }
      settled = true;
      if (r.ok) {
        // Syscall name ids are per thread: map the worker's to this thread's.
        if (r.run && r.names) {
          const map = r.names.map((n) => nameId(n));
          for (const p of r.run.procs) for (const t of p.threads) for (let i = 0; i < t.names.length; i++) t.names[i] = map[t.names[i]!]!;
        }
        resolve({ ...(r.run ? { run: r.run } : {}), ...(r.texts ? { texts: r.texts } : {}) });
      }
      else if (r.code) reject(new TraceInputError(r.message, r.code as TraceInputError['code']));
      else reject(Object.assign(new Error(r.message), { stack: r.stack }));
    });
    w.once('error', (e) => { if (!settled) { settled = true; reject(e); } });
    w.once('exit', (code) => { if (!settled) reject(new Error(`bt-diff scan worker exited with code ${code}`)); });
  });
}

if (!isMainThread && parentPort && (workerData as Task | undefined)?.kind) {
  const port = parentPort;
  perform(workerData as Task, port).then((r) => {
    if (r.run) {
      const { run, transfer } = compact(r.run);
      port.postMessage({ ok: true, run, names: nameTable() } satisfies Reply, transfer);
    } else {
      port.postMessage({ ok: true, ...(r.texts ? { texts: r.texts } : {}) } satisfies Reply);
    }
  }, (e: unknown) => {
    const err = e as Error & { code?: string };
    port.postMessage({ ok: false, message: err.message, ...(e instanceof TraceInputError ? { code: err.code } : {}), ...(err.stack ? { stack: err.stack } : {}) } satisfies Reply);
  });
}
