// Parity with strace: run one program under `strace -f -qq -s 64` and under
// bt-record (both under `setarch -R`, same environment, same cwd, output to a
// file), render the trace with `bt-show -f -qq -s 64`, and count, thread by
// thread, the strace lines that bt-show reproduces exactly.
//
// Normalisation, applied to both sides alike, removes what differs between any
// two runs of the same program, not what differs between the tools:
//   - a call split by interleaving (`<unfinished ...>` + `<... resumed>`) is
//     joined back into one line: where the split falls is scheduling, not data;
//   - the padding before "= " is one space;
//   - hex numbers >= 0x10000 (addresses) become 0xADDR;
//   - pids and tids become P1, P2... in numeric order (the order the kernel gave them out);
//   - with -y, the inode numbers of sockets and pipes (`socket:[1217269]`) become I1, I2...
//     in order of first mention, threads taken in pid order (processes running at once
//     allocate them in either order), and the files the two tools send the program's
//     output to (NAME.stdout) one name.
// Threads are matched between the two outputs by content (largest common
// subsequence first), and a thread's figure is the length of the longest common
// subsequence of its lines over its strace line count.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin } from '../helpers.js';

export interface TaskParity {
  /** The thread's first strace line (normalised), to tell them apart. */
  readonly first: string;
  readonly straceLines: number;
  readonly matched: number;
  /** All of the thread's strace lines (normalised). */
  readonly all: readonly string[];
  /** strace lines bt-show did not reproduce (normalised). */
  readonly missing: readonly string[];
  /** bt-show lines strace does not have (normalised). */
  readonly extra: readonly string[];
}

export interface ParityResult {
  readonly command: readonly string[];
  readonly tasks: readonly TaskParity[];
  readonly straceLines: number;
  readonly matched: number;
  /** matched / straceLines, 0..1. */
  readonly ratio: number;
  /** Lowest per-task ratio among tasks with at least 5 strace lines. */
  readonly worstTask: number;
}

/** Lines of one output grouped by thread id, normalised. */
export function normalise(text: string): Map<number, string[]> {
  const byTid = new Map<number, string[]>();
  const pending = new Map<number, { line: string; index: number }>();
  const order: number[] = [];
  for (const raw of text.split('\n')) {
    const m = /^(\d+)\s+(.*)$/.exec(raw);
    if (!m) continue;
    const tid = Number(m[1]);
    let line = m[2]!;
    if (!byTid.has(tid)) { byTid.set(tid, []); order.push(tid); }
    const lines = byTid.get(tid)!;
    if (line.endsWith(' <unfinished ...>')) {
      lines.push(line.slice(0, -' <unfinished ...>'.length));
      pending.set(tid, { line: lines[lines.length - 1]!, index: lines.length - 1 });
      continue;
    }
    const r = /^<\.\.\. (\w+) resumed>(.*)$/.exec(line);
    if (r) {
      const p = pending.get(tid);
      pending.delete(tid);
      if (p) {
        lines[p.index] = p.line + r[2];
        continue;
      }
      line = `${r[1]}(${r[2]}`;
    }
    lines.push(line);
  }
  // pids and tids to ordinals where the text holds a pid (return values of
  // getpid/clone/wait4..., si_pid=, pid=, [tid], first argument of kill/wait4...),
  // then addresses and padding
  const ids = new Map<string, string>();
  [...order].sort((a, b) => a - b).forEach((tid, i) => ids.set(String(tid), `P${i + 1}`));
  const id = (x: string): string => ids.get(x) ?? 'P?';
  const INODE = /\b(socket|pipe|UNIX(?:-\w+)?):\[(\d+)(?:->(\d+))?\]/g;
  const ino = new Map<string, string>();
  for (const tid of [...order].sort((a, b) => a - b)) {
    for (const l of byTid.get(tid)!) {
      for (const m of l.matchAll(INODE)) for (const n of [m[2]!, m[3]]) if (n && !ino.has(n)) ino.set(n, `I${ino.size + 1}`);
    }
  }
  for (const [tid, lines] of byTid) {
    byTid.set(tid, lines.map((l) => {
      let s = l.replace(/\)\s+= /, ') = ');
      s = s.replace(/0x[0-9a-f]{5,}/g, '0xADDR');
      s = s.replace(/^((?:getpid|gettid|getppid|getpgrp|getpgid|getsid|setsid|set_tid_address|rt_sigreturn|clone|clone3|fork|vfork|wait4|waitid)\(.*\) = )(\d+)$/, (_m, a: string, n: string) => a + id(n));
      s = s.replace(/^((?:kill|tkill|tgkill|wait4|prlimit64|sched_getaffinity|sched_setaffinity|getpgid|setpgid|getsid|pidfd_open|sched_getscheduler|sched_getparam|getpriority)\()(\d+)/, (_m, a: string, n: string) => a + id(n));
      s = s.replace(/^(tgkill\(P\S+, )(\d+)/, (_m, a: string, n: string) => a + id(n));
      s = s.replace(/\b(si_pid=|pid=|parent_tid=\[)(\d+)/g, (_m, a: string, n: string) => a + id(n));
      s = s.replace(/^(futex\(0xADDR, FUTEX_\w+(?:\|\w+)*, )(\d{3,})/, (_m, a: string, n: string) => a + (ids.has(n) ? id(n) : n));
      if (ino.size) s = s.replace(INODE, (_m, k: string, a: string, b?: string) => `${k}:[${ino.get(a)}${b ? `->${ino.get(b)}` : ''}]`);
      s = s.replace(/<[^<>]*\/(?:strace2?|record)\.stdout>/g, '<OUTPUT>');
      return s;
    }));
  }
  return byTid;
}

/** Longest common subsequence length, and which lines of `a` are in it. */
export function lcs(a: readonly string[], b: readonly string[]): { length: number; inA: boolean[]; inB: boolean[] } {
  const n = a.length;
  const m = b.length;
  // intern lines to ints
  const ids = new Map<string, number>();
  const ia = a.map((s) => { let v = ids.get(s); if (v === undefined) ids.set(s, (v = ids.size)); return v; });
  const ib = b.map((s) => { let v = ids.get(s); if (v === undefined) ids.set(s, (v = ids.size)); return v; });
  const dp = new Uint32Array((n + 1) * (m + 1));
  const W = m + 1;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * W + j] = ia[i] === ib[j] ? dp[(i + 1) * W + j + 1]! + 1 : Math.max(dp[(i + 1) * W + j]!, dp[i * W + j + 1]!);
    }
  }
  const inA = new Array<boolean>(n).fill(false);
  const inB = new Array<boolean>(m).fill(false);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (ia[i] === ib[j]) { inA[i] = true; inB[j] = true; i++; j++; }
    else if (dp[(i + 1) * W + j]! >= dp[i * W + j + 1]!) i++;
    else j++;
  }
  return { length: dp[0]!, inA, inB };
}

/** Nothing to compare: one side printed no syscall line. */
export class NoLinesError extends Error {
  override readonly name = 'NoLinesError';
}

/**
 * Compares a strace -f output with a bt-show -f output of the same program.
 * Throws NoLinesError when either has no line to compare: an empty side is a
 * failed run or a format neither parser reads, never 100% parity.
 */
export function compare(straceText: string, showText: string, command: readonly string[] = []): ParityResult {
  const s = normalise(straceText);
  const b = normalise(showText);
  if (s.size === 0) throw new NoLinesError('strace printed no syscall lines: nothing to compare');
  if (b.size === 0) throw new NoLinesError('bt-show printed no syscall lines: nothing to compare');
  const sTasks = [...s.entries()];
  const bTasks = [...b.entries()];
  // Match threads greedily by common lines (multiset intersection), biggest first.
  const pairs: { si: number; bi: number; score: number }[] = [];
  sTasks.forEach(([, sl], si) => {
    const counts = new Map<string, number>();
    for (const l of sl) counts.set(l, (counts.get(l) ?? 0) + 1);
    bTasks.forEach(([, bl], bi) => {
      const c = new Map(counts);
      let score = 0;
      for (const l of bl) { const k = c.get(l); if (k) { score++; c.set(l, k - 1); } }
      if (score > 0) pairs.push({ si, bi, score });
    });
  });
  pairs.sort((x, y) => y.score - x.score);
  const sUsed = new Map<number, number>();
  const bUsed = new Set<number>();
  for (const p of pairs) {
    if (sUsed.has(p.si) || bUsed.has(p.bi)) continue;
    sUsed.set(p.si, p.bi);
    bUsed.add(p.bi);
  }
  const tasks: TaskParity[] = [];
  let total = 0;
  let matched = 0;
  sTasks.forEach(([, sl], si) => {
    const bi = sUsed.get(si);
    const bl = bi === undefined ? [] : bTasks[bi]![1];
    const r = lcs(sl, bl);
    total += sl.length;
    matched += r.length;
    tasks.push({
      first: sl[0] ?? '',
      straceLines: sl.length,
      matched: r.length,
      all: sl,
      missing: sl.filter((_, k) => !r.inA[k]),
      extra: bl.filter((_, k) => !r.inB[k]),
    });
  });
  const ratios = tasks.filter((t) => t.straceLines >= 5).map((t) => t.matched / t.straceLines);
  return {
    command,
    tasks,
    straceLines: total,
    matched,
    ratio: matched / total,
    worstTask: ratios.length ? Math.min(...ratios) : 1,
  };
}

export interface RunOptions {
  readonly cwd?: string;
  /** Keep the outputs in this directory instead of a temporary one. */
  readonly keep?: string;
  readonly timeout?: number;
  /**
   * Called before each run of the command (strace's, bt-record's, the second
   * strace's): puts the working directory back in the state the command starts
   * from, so that a command that changes it (git init, sqlite3 on a new
   * database) does the same in every run.
   */
  readonly prepare?: () => void;
  /** Also run strace a second time and compare it with the first: what differs between two runs of strace itself. */
  readonly ceiling?: boolean;
  /** Options given to strace and bt-show alike, e.g. ['-y']. */
  readonly options?: readonly string[];
}

export interface RunResult extends ParityResult {
  readonly dir: string;
  /** strace's second run against its first (with `ceiling`). */
  readonly ceiling?: ParityResult;
}

/** Runs `command` under strace and under bt-record, renders, compares. */
export function parity(command: readonly string[], opts: RunOptions = {}): RunResult {
  const dir = opts.keep ?? mkdtempSync(join(tmpdir(), 'bt-parity-'));
  mkdirSync(dir, { recursive: true });
  const cwd = opts.cwd ?? process.cwd();
  const timeout = opts.timeout ?? 120_000;
  try {
    const trace = join(dir, 'trace.pb');
    const showOut = join(dir, 'show.txt');
    const extra = opts.options ?? [];
    const straceText = straceRun(command, dir, 'strace', cwd, timeout, opts.prepare, extra);
    opts.prepare?.();
    const r = spawnSync('setarch', ['-R', process.execPath, bin.record, '-q', '-o', trace, '--', ...command], { cwd, stdio: io(dir, 'record.stdout'), timeout });
    if (r.error || !readable(trace)) throw new Error(`bt-record failed (exit ${r.status}); see ${dir}/record.stdout`);
    const sh = spawnSync(process.execPath, [bin.show, '-f', '-qq', '-s', '64', ...extra, '-o', showOut, trace], { timeout, encoding: 'utf8' });
    if (sh.status !== 0) throw new Error(`bt-show failed (exit ${sh.status}): ${sh.stderr}`);
    const result = compare(straceText, readFileSync(showOut, 'utf8'), command);
    writeFileSync(join(dir, 'missing.txt'), missingText(result));
    if (!opts.ceiling) return { ...result, dir };
    const again = straceRun(command, dir, 'strace2', cwd, timeout, opts.prepare, extra);
    const ceiling = compare(straceText, again, command);
    writeFileSync(join(dir, 'missing-strace2.txt'), missingText(ceiling));
    return { ...result, dir, ceiling };
  } finally {
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
  }
}

/** One run of the command under `setarch -R strace -f -qq -s 64 OPTIONS`: strace's text (NAME.txt in dir). */
function straceRun(command: readonly string[], dir: string, name: string, cwd: string, timeout: number, prepare: (() => void) | undefined,
  options: readonly string[]): string {
  const out = join(dir, `${name}.txt`);
  prepare?.();
  const r = spawnSync('setarch', ['-R', 'strace', '-f', '-qq', '-s', '64', ...options, '-o', out, '--', ...command], { cwd, stdio: io(dir, `${name}.stdout`), timeout });
  if (r.error) throw new Error(`running strace: ${r.error.message}`);
  const text = readable(out) ? readFileSync(out, 'utf8') : '';
  if (normalise(text).size === 0) {
    // strace's and setarch's own complaints go to NAME.stdout, with the program's output.
    const said = readFileSync(join(dir, `${name}.stdout`), 'utf8').trim().split('\n').pop() || `exit ${r.status ?? r.signal}`;
    throw new NoLinesError(`strace printed no syscall lines for ${command.join(' ')} (${said}): nothing to compare`);
  }
  return text;
}

function io(dir: string, name: string): ['ignore', number, number] {
  const fd = openOut(join(dir, name));
  return ['ignore', fd, fd];
}

function missingText(r: ParityResult): string {
  return r.tasks.map((t) => `## ${t.first}\n${t.missing.map((l) => `- ${l}`).join('\n')}\n${t.extra.map((l) => `+ ${l}`).join('\n')}\n`).join('\n');
}

function openOut(path: string): number {
  return openSync(path, 'w');
}

function readable(path: string): boolean {
  try {
    readFileSync(path, { flag: 'r' }).subarray(0, 1);
    return true;
  } catch {
    return false;
  }
}

/** A report of one run, one line per thread and a total. */
export function report(r: ParityResult): string {
  const lines = [`parity: ${r.command.join(' ')}`];
  for (const t of r.tasks) {
    const pct = t.straceLines ? ((100 * t.matched) / t.straceLines).toFixed(1) : '100.0';
    lines.push(`  ${pct.padStart(5)}%  ${String(t.matched).padStart(6)}/${String(t.straceLines).padEnd(6)} ${t.first.slice(0, 90)}`);
  }
  lines.push(`  total ${((100 * r.ratio)).toFixed(1)}% of strace's lines reproduced (${r.matched}/${r.straceLines}), worst thread ${(100 * r.worstTask).toFixed(1)}%`);
  return lines.join('\n');
}

/** The syscall a normalised line is about: `openat` for `openat(...) = 3`; `signal`, `exit` for `---`/`+++` lines. */
export function lineSyscall(line: string): string {
  if (line.startsWith('---')) return 'signal';
  if (line.startsWith('+++')) return 'exit';
  const m = /^(\w+)\(/.exec(line);
  return m ? m[1]! : '?';
}

/** Per syscall, across results: strace's lines and how many bt-show missed, with one example pair. */
export interface SyscallMisses {
  readonly name: string;
  readonly straceLines: number;
  readonly missed: number;
  /** A strace line bt-show did not reproduce, and bt-show's unmatched line of the same syscall in the same thread (if any). */
  readonly example: { readonly strace: string; readonly show: string | undefined } | undefined;
}

/** Which syscalls' lines bt-show missed, most missed first. */
export function missesBySyscall(results: readonly ParityResult[]): SyscallMisses[] {
  const by = new Map<string, { straceLines: number; missed: number; example: SyscallMisses['example'] }>();
  const get = (name: string) => {
    let e = by.get(name);
    if (!e) by.set(name, (e = { straceLines: 0, missed: 0, example: undefined }));
    return e;
  };
  for (const r of results) {
    for (const t of r.tasks) {
      // strace's lines per syscall: the matched ones plus the missed ones.
      const missed = new Map<string, number>();
      for (const l of t.missing) missed.set(lineSyscall(l), (missed.get(lineSyscall(l)) ?? 0) + 1);
      for (const l of t.missing) {
        const e = get(lineSyscall(l));
        e.missed++;
        e.example ??= { strace: l, show: t.extra.find((x) => lineSyscall(x) === lineSyscall(l)) };
      }
      for (const l of t.all) get(lineSyscall(l)).straceLines++;
    }
  }
  return [...by.entries()].map(([name, e]) => ({ name, ...e })).filter((e) => e.missed > 0)
    .sort((a, b) => b.missed - a.missed || a.name.localeCompare(b.name));
}

/** One program of a corpus: a shell command run in a fresh working directory that `setup` prepared. */
export interface CorpusEntry {
  readonly name: string;
  /** sh command run in the empty working directory before each run ('' for none). */
  readonly setup: string;
  /** sh command traced: `sh -c COMMAND` in the working directory. */
  readonly command: string;
}

/**
 * A corpus file: one program a line, `NAME<TAB>SETUP<TAB>COMMAND` (SETUP may be
 * `-` for none); blank lines and `#` comments are skipped.
 */
export function readCorpus(path: string): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const f = line.split('\t');
    if (f.length !== 3 || !f[0] || !f[2]) throw new Error(`${path}:${i + 1}: expected NAME<TAB>SETUP<TAB>COMMAND`);
    out.push({ name: f[0], setup: f[1] === '-' ? '' : f[1]!, command: f[2] });
  });
  return out;
}

/**
 * Runs one corpus entry: the working directory is `work` (the same path in
 * every run, since paths are printed), emptied and set up before each run.
 */
export function parityEntry(e: CorpusEntry, work: string, opts: Omit<RunOptions, 'cwd' | 'prepare'> = {}): RunResult {
  const prepare = (): void => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    if (!e.setup) return;
    const r = spawnSync('sh', ['-c', e.setup], { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status !== 0) throw new Error(`${e.name}: setup failed (exit ${r.status ?? r.signal}): ${r.stderr.trim().split('\n').pop() ?? ''}`);
  };
  try {
    return parity(['sh', '-c', e.command], { ...opts, cwd: work, prepare });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Per-syscall misses as a table: the syscalls whose strace lines bt-show missed most, with an example each. */
export function missesReport(results: readonly ParityResult[], top = 25, ceiling?: readonly ParityResult[]): string {
  const misses = missesBySyscall(results);
  const noise = new Map((ceiling ? missesBySyscall(ceiling) : []).map((m) => [m.name, m.missed]));
  const lines = [`misses by syscall (strace lines bt-show did not reproduce${ceiling ? '; a second strace run missed' : ''}):`];
  for (const m of misses.slice(0, top)) {
    lines.push(`  ${String(m.missed).padStart(6)}/${String(m.straceLines).padEnd(6)}${ceiling ? ` (${String(noise.get(m.name) ?? 0).padStart(4)})` : ''} ${m.name}`);
    if (m.example) {
      lines.push(`         strace:  ${m.example.strace.slice(0, 160)}`);
      if (m.example.show !== undefined) lines.push(`         bt-show: ${m.example.show.slice(0, 160)}`);
    }
  }
  if (misses.length > top) lines.push(`  ... ${misses.length - top} more syscalls`);
  return lines.join('\n');
}
