// Shared by the end-to-end tests: paths of the bins and fixtures, running a bin,
// and reading a trace back into plain data.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { batchEvents, readTrace, syscallName as nameOf, syscallTable, type Header, type TraceEvent, type TraceProblem, type Trailer } from '@beetrace/format';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const bin = {
  record: join(root, 'packages/recorder/bin/bt-record.js'),
  show: join(root, 'packages/analyze/bin/bt-show.js'),
  diff: join(root, 'packages/analyze/bin/bt-diff.js'),
  export: join(root, 'packages/analyze/bin/bt-export.js'),
  report: join(root, 'packages/analyze/bin/bt-report.js'),
  store: join(root, 'packages/store/bin/bt-store.js'),
  query: join(root, 'packages/store/bin/bt-query.js'),
};

let built = false;
/** Builds fixtures/ (small C programs) once; returns the path of one. */
export function fixture(name: string): string {
  if (!built) {
    const r = spawnSync('make', ['-s', '-C', join(root, 'fixtures')], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`building fixtures failed: ${r.stderr}`);
    built = true;
  }
  return join(root, 'fixtures', 'build', name);
}

/** A test's output folder, kept after the run (CI keeps test/output/ as artifacts): screenshots and such. */
export function outputDir(name: string): string {
  const dir = join(root, 'test', 'output', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'bt-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs a bin (a .js path) with node, synchronously. */
export function run(binPath: string, args: readonly string[], opts: { input?: string | Buffer; env?: NodeJS.ProcessEnv; cwd?: string; timeout?: number } = {}): SpawnSyncReturns<Buffer> {
  return spawnSync(process.execPath, [binPath, ...args], {
    input: opts.input ?? '',
    env: opts.env ?? process.env,
    cwd: opts.cwd ?? root,
    timeout: opts.timeout ?? 120_000,
    maxBuffer: 1 << 30,
  });
}

/** Starts a bin asynchronously (for signals). */
export function start(binPath: string, args: readonly string[], opts: { cwd?: string } = {}) {
  return spawn(process.execPath, [binPath, ...args], { cwd: opts.cwd ?? root, stdio: ['ignore', 'pipe', 'pipe'] });
}

export interface ReadBack {
  header?: Header;
  trailer?: Trailer;
  events: TraceEvent[];
  batches: number[];
  complete: boolean;
  problem?: TraceProblem;
}

export async function readBack(source: string | Uint8Array): Promise<ReadBack> {
  const out: ReadBack = { events: [], batches: [], complete: false };
  for await (const r of readTrace(source)) {
    if (r.kind === 'header') out.header = r.header;
    else if (r.kind === 'batch') {
      out.batches.push(r.offset);
      for (const ev of batchEvents(r.batch)) out.events.push(ev);
    } else if (r.kind === 'trailer') out.trailer = r.trailer;
    else {
      out.complete = r.complete;
      if (r.problem) out.problem = r.problem;
    }
  }
  return out;
}

const table = syscallTable('x86_64')!;
export function syscallName(nr: number): string {
  return nameOf(table, nr);
}

/** Per-name counts of the syscalls of a trace that returned (strace -c counts only those). */
export function countsByName(events: readonly TraceEvent[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const e of events) {
    if (e.type === 'syscall' && !(e.flags & 1)) m.set(syscallName(e.nr), (m.get(syscallName(e.nr)) ?? 0) + 1);
  }
  return m;
}

/** Per-name call counts from `strace -f -c` on the same command. */
export function straceCounts(argv: readonly string[], cwd: string): Map<string, number> {
  const out = join(cwd, 'strace-c.txt');
  // The same stdio as run() gives bt-record's program: programs probe their stdout (ioctl TCGETS).
  const r = spawnSync('strace', ['-f', '-c', '-o', out, '--', ...argv], { cwd, encoding: 'utf8', input: '', maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  const text = readFileSync(out, 'utf8');
  const m = new Map<string, number>();
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    // % time, seconds, usecs/call, calls, [errors,] syscall
    if (f.length >= 5 && /^\d+\.\d+$/.test(f[0]!) && f[f.length - 1] !== 'total') {
      m.set(f[f.length - 1]!, Number(f[3]));
    }
  }
  // Callers compare every name on either side: an empty table would compare nothing.
  if (!m.has('execve')) throw new Error(`strace -f -c ${argv.join(' ')} counted no execve (exit ${r.status ?? r.signal}): ${r.stderr}${text}`);
  return m;
}

/** bt-show -c's per-syscall call counts and total. */
export function showCounts(trace: string): { total: number; byName: Map<string, number> } {
  const r = run(bin.show, ['-c', '-S', 'name', trace]);
  if (r.status !== 0) throw new Error(`bt-show -c failed: ${r.stderr}`);
  const byName = new Map<string, number>();
  let total = 0;
  for (const line of r.stdout.toString().split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 5 || !/^\d+\.\d+$/.test(f[0]!)) continue;
    const calls = Number(f[3]);
    if (f[f.length - 1] === 'total') total = calls;
    else byName.set(f[f.length - 1]!, calls);
  }
  return { total, byName };
}

/**
 * Polls until `ready()` holds (a state of the system, read from /proc or the trace,
 * never a guess at how long something takes); fails with `what` if that takes a minute.
 */
export async function until<T>(what: string, ready: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await ready();
    if (v !== undefined) return v;
    if (Date.now() - t0 > 60_000) assert.fail(`waited a minute for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** What a trace being written holds so far (undefined until bt-record has created it). */
export async function soFar(trace: string): Promise<ReadBack | undefined> {
  try {
    return await readBack(trace);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}
