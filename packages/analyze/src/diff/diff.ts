// The library API: diffTraces(a, b, options) compares two runs (trace files, trace bytes,
// a recorder result or a snapshot) and returns what behaved differently.
import { open, readFile, stat, writeFile } from 'node:fs/promises';
import type { Progress } from '@beetrace/format';
import { compareRuns, type DiffResult, type FetchText } from './engine.js';
import { type DiffOptions, resolveNormalization } from './options.js';
import { type RunModel, type ScanOptions, scanTrace, TraceInputError } from './scan.js';
import { runInWorker } from './worker.js';
import { formatSnapshot, parseSnapshot, settingsText } from './snapshot.js';

/** What `record()` from @beetrace/recorder resolves to: the trace file, or the trace in memory. */
export interface RecordedRun {
  readonly path?: string | undefined;
  readonly trace?: Uint8Array | undefined;
}

/**
 * A run to compare: a trace file path, trace bytes, what `record()` resolves to, or a
 * snapshot file written by bt-diff (`{ snapshot: 'golden.txt' }`).
 */
export type DiffInput = string | Uint8Array | RecordedRun | { readonly snapshot: string };

/** A partial trace compared without `allowPartial`: the result is attached. */
export class PartialTraceError extends TraceInputError {
  constructor(message: string, readonly result: DiffResult) {
    super(message, 'PARTIAL');
    this.name = 'PartialTraceError';
  }
}

/** Characters of distinct line text each side keeps from its first pass (about 2 bytes each). */
const TEXT_BUDGET = 8 << 20;

interface Loaded {
  readonly run: RunModel;
  readonly fetch: FetchText;
  readonly snapshotSettings?: string[];
}

function scanOptions(opts: DiffOptions): ScanOptions {
  return { normalize: resolveNormalization(opts.normalize), ignore: opts.ignore ?? [], ignorePaths: opts.ignorePaths ?? [] };
}

function describe(input: DiffInput): string {
  if (typeof input === 'string') return input;
  if (input instanceof Uint8Array) return '(trace bytes)';
  if ('snapshot' in input) return input.snapshot;
  return input.path ?? '(recorded trace)';
}

function traceSource(input: DiffInput): string | Uint8Array | undefined {
  if (typeof input === 'string' || input instanceof Uint8Array) return input;
  if ('snapshot' in input) return undefined;
  if (typeof input.path === 'string') return input.path;
  if (input.trace instanceof Uint8Array) return input.trace;
  return undefined;
}

/**
 * Reads one run. `inWorker`: the trace is scanned on a worker thread (the other run of a
 * comparison is scanned on this one meanwhile; a worker costs a startup of its own).
 */
async function load(input: DiffInput, label: string, so: ScanOptions, inWorker: boolean, progress?: Progress): Promise<Loaded> {
  if (typeof input === 'object' && !(input instanceof Uint8Array) && 'snapshot' in input) {
    let text: string;
    try {
      text = await readFile(input.snapshot, 'utf8');
    } catch (e) {
      throw new TraceInputError(`${input.snapshot}: cannot read snapshot: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'SNAPSHOT');
    }
    const s = parseSnapshot(text, input.snapshot);
    return { run: s.run, fetch: s.fetch, snapshotSettings: s.settings };
  }
  const source = traceSource(input);
  if (source === undefined) throw new TypeError('diffTraces: a run is a path, a Uint8Array, a record() result (path or trace), or { snapshot }');
  if (typeof source === 'string') {
    try {
      await stat(source);
    } catch (e) {
      throw new TraceInputError(`${source}: cannot read trace: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'NOT_A_TRACE');
    }
  }
  const scanOpts = { ...so, textBudget: TEXT_BUDGET };
  const run = inWorker ? (await runInWorker({ kind: 'scan', source, label, opts: scanOpts }, progress)).run
    : await scanTrace(source, label, scanOpts, undefined, progress);
  if (!run) throw new Error('bt-diff: scan worker returned no model');
  const fetch: FetchText = async (wanted) => {
    const out = new Map<string, Map<number, string>>();
    // Lines whose text was kept in the first pass need no second one.
    const threads = new Map<string, Float64Array>();
    for (const p of run.procs) for (const t of p.threads) threads.set(t.name, t.hashes);
    let missing = false;
    for (const [thread, idx] of wanted) {
      const hashes = threads.get(thread);
      const m = new Map<number, string>();
      out.set(thread, m);
      for (const i of idx) {
        const text = hashes ? run.texts.get(hashes[i]!) : undefined;
        if (text === undefined) { missing = true; break; }
        m.set(i, text);
      }
      if (missing) break;
    }
    if (!missing) return out;
    const { texts } = await runInWorker({ kind: 'fetch', source, label, opts: so, wanted });
    return texts ?? new Map();
  };
  return { run, fetch };
}

/** One progress line for two traces read at once: their bytes and calls added up. */
class BothProgress {
  private readonly at: [[number, number | undefined, number], [number, number | undefined, number]] = [[0, undefined, 0], [0, undefined, 0]];

  constructor(private readonly out: Progress) {}

  side(k: 0 | 1): Progress {
    return {
      update: (bytes, total, calls) => {
        this.at[k] = [bytes, total, calls];
        const [a, b] = this.at;
        const totals = a[1] !== undefined && b[1] !== undefined ? a[1] + b[1] : undefined;
        this.out.update(a[0] + b[0], totals, a[2] + b[2]);
      },
      done: () => {},
    };
  }
}

/** True when two inputs are the same bytes (same file, or equal contents). */
async function sameBytes(a: DiffInput, b: DiffInput): Promise<boolean> {
  const sa = traceSource(a);
  const sb = traceSource(b);
  if (sa === undefined || sb === undefined) return false;
  if (sa instanceof Uint8Array && sb instanceof Uint8Array) return sa.length === sb.length && Buffer.compare(sa, sb) === 0;
  if (typeof sa !== 'string' || typeof sb !== 'string') return false;
  try {
    const [x, y] = await Promise.all([stat(sa), stat(sb)]);
    if (x.size !== y.size) return false;
    if (x.ino === y.ino && x.dev === y.dev) return true;
    const [fa, fb] = await Promise.all([open(sa), open(sb)]);
    try {
      const ba = Buffer.alloc(1 << 20);
      const bb = Buffer.alloc(1 << 20);
      for (;;) {
        const [ra, rb] = await Promise.all([fa.read(ba, 0, ba.length), fb.read(bb, 0, bb.length)]);
        if (ra.bytesRead !== rb.bytesRead) return false;
        if (ra.bytesRead === 0) return true;
        if (ba.subarray(0, ra.bytesRead).compare(bb.subarray(0, rb.bytesRead)) !== 0) return false;
      }
    } finally {
      await Promise.all([fa.close(), fb.close()]);
    }
  } catch {
    return false;
  }
}

/**
 * Compares two runs. Resolves to what differs: `identical`, the behaviour `summary` (each
 * part `{ added, removed }`), and per process counts and hunks. Rejects with a
 * TraceInputError for unreadable input, traces of different architectures or format
 * versions, and (unless `allowPartial`) a trace that was cut short (PartialTraceError,
 * with the result attached).
 */
export async function diffTraces(a: DiffInput, b: DiffInput, opts: DiffOptions = {}): Promise<DiffResult> {
  const so = scanOptions(opts);
  const la = describe(a);
  const lb = describe(b);
  const same = await sameBytes(a, b);
  // Both runs are read at once: b on a worker thread (started first), a on this thread.
  const both = opts.progress ? new BothProgress(opts.progress) : undefined;
  const loadB = same ? undefined : load(b, lb, so, true, both?.side(1));
  const [A, B0] = await Promise.all([load(a, la, so, false, both?.side(0)), loadB]);
  opts.progress?.done();
  const B = B0 ?? { ...A, run: { ...A.run, label: lb } };
  if (A.run.arch !== B.run.arch) {
    throw new TraceInputError(`cannot compare runs of different architectures: ${la} is ${A.run.arch || 'unknown'}, ${lb} is ${B.run.arch || 'unknown'}`, 'MISMATCH');
  }
  if (A.run.formatVersion !== B.run.formatVersion) {
    throw new TraceInputError(`cannot compare traces of different format versions: ${la} is version ${A.run.formatVersion}, ${lb} is version ${B.run.formatVersion}`, 'MISMATCH');
  }
  const warnings: string[] = [];
  // bt-record -e: a filtered run holds only some calls; against another filter (or none) the rest differ by construction.
  if (A.run.filter.join('\n') !== B.run.filter.join('\n')) {
    const f = (r: RunModel): string => (r.filter.length ? `-e ${r.filter.join(' -e ')}` : 'no filter');
    warnings.push(`the runs were recorded with different filters (${A.run.label}: ${f(A.run)}; ${B.run.label}: ${f(B.run)}): the calls one of them left out show as removed or added`);
  }
  for (const r of [A.run, B.run]) {
    if (!r.complete) warnings.push(`${r.label}: ${r.problem ?? 'trace incomplete'}; the comparison is partial (up to where it ends)`);
  }
  for (const s of [A, B]) {
    if (!s.snapshotSettings) continue;
    const now = settingsText(so);
    if (now.join('\n') !== s.snapshotSettings.join('\n')) {
      warnings.push(`${s.run.label}: snapshot was written with different settings (${s.snapshotSettings.join('; ')}) than this comparison (${now.join('; ')})`);
    }
  }
  const fromTraces = [A, B].filter((s) => !s.snapshotSettings).map((s) => s.run);
  if (fromTraces.length > 0) {
    for (const p of [...(opts.ignore ?? []), ...(opts.ignorePaths ?? [])]) {
      const n = fromTraces.reduce((sum, r) => sum + (r.ignoreHits.get(p) ?? 0), 0);
      if (n === 0) warnings.push(`ignore pattern "${p}" matched nothing`);
    }
  }
  const partial = !A.run.complete || !B.run.complete;
  const core = same
    ? await compareRuns(A.run, B.run, A.fetch, A.fetch, { context: 0, hunks: false })
    : await compareRuns(A.run, B.run, A.fetch, B.fetch, { context: opts.context ?? 3, hunks: opts.hunks ?? true });
  const { coarse, ...rest } = core;
  if (coarse.length) {
    warnings.push(`the runs differ too much to align line by line within the time budget (thread${coarse.length > 1 ? 's' : ''} ${coarse.slice(0, 5).map((t) => `<${t}>`).join(', ')}${coarse.length > 5 ? ', ...' : ''}): compared coarsely, lines added and removed are right but a line that moved shows as removed and added`);
  }
  const result: DiffResult = { ...rest, partial, warnings };
  if (partial && !opts.allowPartial) {
    throw new PartialTraceError(`${warnings[0] ?? 'trace incomplete'} (pass allowPartial to accept)`, result);
  }
  return result;
}

/** The snapshot text of a run (see snapshot.ts for the layout). */
export async function snapshotText(input: DiffInput, opts: DiffOptions = {}): Promise<string> {
  const so = scanOptions(opts);
  const source = traceSource(input);
  if (source === undefined) throw new TypeError('snapshotText: a snapshot is made from a trace (path, bytes or { path })');
  const texts = new Map<string, Map<number, string>>();
  const run = await scanTrace(source, describe(input), so, (thread, index, text) => {
    let m = texts.get(thread);
    if (!m) texts.set(thread, m = new Map());
    m.set(index, text);
  });
  if (!run.complete && !opts.allowPartial) {
    throw new TraceInputError(`${run.label}: ${run.problem ?? 'trace incomplete'}; refusing to snapshot a partial trace (pass allowPartial to accept)`, 'PARTIAL');
  }
  return formatSnapshot(run, texts, so);
}

/** Writes (or rewrites) a snapshot file from a trace. Resolves to true when the file changed. */
export async function updateSnapshot(file: string, input: DiffInput, opts: DiffOptions = {}): Promise<boolean> {
  const text = await snapshotText(input, opts);
  let old: string | undefined;
  try {
    old = await readFile(file, 'utf8');
  } catch {
    old = undefined;
  }
  if (old === text) return false;
  await writeFile(file, text);
  return true;
}
