// The cost of recording, measured against the floor in one run. For each workload:
// untraced, the floor (bt-record with BT_BPF_FLOOR=1: the same BPF object, attach
// points and process filter, the syscall hooks return after the filter and record
// nothing), bt-record, strace -f and perf trace; seconds and ratios to untraced, and
// bt-record's nanoseconds per call above the floor. Runs alternate (untraced, floor,
// bt-record, untraced, ...) so that a change in the machine's load hits all three.
// The load average is printed beside the figures: on a busy machine every untraced
// call is slower and the ratios shrink.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { batchEvents, readTrace } from '@beetrace/format';
import { BUSY_SHARE, OtherCpu, pct, type BenchContext, type BenchRow } from './common.js';

export interface Timed {
  readonly seconds: number;
  readonly status: number | null;
  readonly stderr: string;
  /** Peak resident set of the measured command's process tree's largest process, KiB (GNU time). */
  readonly maxRssKiB: number;
}

/** Runs a command under GNU time: wall seconds and peak RSS. */
export function timed(argv: readonly string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Timed {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '@@maxrss %M', ...argv], {
    encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'], env: opts.env ?? process.env, cwd: opts.cwd,
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = /@@maxrss (\d+)/.exec(r.stderr ?? '');
  return { seconds, status: r.status, stderr: (r.stderr ?? '').replace(/@@maxrss \d+\n?/, ''), maxRssKiB: m ? Number(m[1]) : 0 };
}

/** perf trace needs tracefs; mount it for the measurement when the machine has not. */
export function withTracefs<T>(fn: () => T): T {
  if (existsSync('/sys/kernel/tracing/events')) return fn();
  const dir = '/sys/kernel/tracing';
  mkdirSync(dir, { recursive: true });
  const m = spawnSync('mount', ['-t', 'tracefs', 'nodev', dir]);
  try {
    return fn();
  } finally {
    if (m.status === 0) spawnSync('umount', [dir]);
    if (readdirSync(dir).length === 0) {
      try { rmdirSync(dir); } catch { /* a kernel directory */ }
    }
  }
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const x = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;
const sec = (s: number): string => `${s.toFixed(2)} s`;
const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');


/** The summary line bt-record prints on stderr. */
interface Summary { syscalls: number; processes: number; lost: number; bytesPerEvent: number }
function summaryOf(stderr: string): Summary | undefined {
  const m = /(\d+) events \((\d+) syscalls\), (\d+) process(?:es)?, (\d+) lost, [\d.]+ \w+(?: \(([\d.]+) B\/event\))?/.exec(stderr);
  return m ? { syscalls: Number(m[2]), processes: Number(m[3]), lost: Number(m[4]), bytesPerEvent: Number(m[5] ?? 0) } : undefined;
}

interface Sides { untraced: Timed[]; floor: Timed[]; record: Timed[] }

/**
 * Runs the workload untraced, under the floor and under bt-record, `n` times each,
 * alternating; `before` runs ahead of every run (outside the time), e.g. a clean.
 */
function alternate(n: number, argv: readonly string[], record: (floor: boolean) => string[], before?: () => void): Sides {
  const s: Sides = { untraced: [], floor: [], record: [] };
  const floorEnv = { ...process.env, BT_BPF_FLOOR: '1' };
  for (let i = 0; i < n; i++) {
    before?.();
    s.untraced.push(timed(argv));
    before?.();
    s.floor.push(timed(record(true), { env: floorEnv }));
    before?.();
    s.record.push(timed(record(false)));
  }
  for (const t of [...s.floor, ...s.record]) if (t.status !== 0) throw new Error(`bt-record failed: ${t.stderr.trim()}`);
  return s;
}

/** The run whose time is the median (its summary line and RSS go with it). */
function medianRun(runs: readonly Timed[]): Timed {
  return [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]!;
}

/** One workload's row: untraced, floor, bt-record, strace, perf trace, in seconds and x untraced. */
function sidesRow(what: string, s: Sides, calls: number, others: { strace?: string; perf?: string }, target: { text: string; max: number }, busy: string): BenchRow[] {
  const u = median(s.untraced.map((t) => t.seconds));
  const f = median(s.floor.map((t) => t.seconds));
  const r = median(s.record.map((t) => t.seconds));
  const above = calls > 0 ? ((r - f) / calls) * 1e9 : 0;
  return [{
    what,
    value: `untraced ${sec(u)}; floor ${sec(f)} (${x(f, u)}); bt-record ${sec(r)} (${x(r, u)}, ${x(r, f)} the floor, ` +
      `${above.toFixed(0)} ns/call above it)${others.strace ? `; strace -f ${others.strace}` : ''}${others.perf ? `; perf trace ${others.perf}` : ''}`,
    target: target.text,
    ok: r <= target.max * u,
    how: `medians of ${s.untraced.length} alternating runs each, whole commands (bt-record's start-up included); load average ${load()}; ${busy}`,
  }];
}

/** strace -f or perf trace on a command: the ratio to `untraced` seconds (scaled by `scale` when run on a smaller workload). */
function tracer(name: 'strace' | 'perf', argv: readonly string[], untraced: number, scale = 1): string {
  const t = name === 'strace'
    ? timed(['strace', '-f', '-qq', '-o', '/dev/null', '--', ...argv])
    : withTracefs(() => timed(['perf', 'trace', '-o', '/dev/null', '--', ...argv]));
  if (t.status !== 0) return `failed (${t.stderr.split('\n')[0]})`;
  return `${x(t.seconds * scale, untraced)}${scale !== 1 ? ` (${sec(t.seconds)} for 1/${scale} of it, x${scale})` : ` (${sec(t.seconds)})`}`;
}

/** A small C project of `n` modules that includes a shared header, and its Makefile: a make -j2 build of a few seconds. */
function generateProject(dir: string, n: number): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src'), { recursive: true });
  mkdirSync(join(dir, 'include'));
  writeFileSync(join(dir, 'include', 'common.h'), [
    '#include <stdio.h>', '#include <stdlib.h>', '#include <string.h>',
    'struct item { int id; char name[32]; double weight; };',
    'static inline int clampi(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }',
    '',
  ].join('\n'));
  const decls: string[] = [];
  for (let i = 0; i < n; i++) {
    decls.push(`int module_${i}(int seed);`);
    writeFileSync(join(dir, 'src', `mod_${i}.c`), [
      '#include "common.h"',
      `static struct item items_${i}[16];`,
      `static int fill_${i}(int seed) {`,
      `  for (int k = 0; k < 16; k++) { items_${i}[k].id = seed + k; snprintf(items_${i}[k].name, sizeof items_${i}[k].name, "m${i}-%d", k); items_${i}[k].weight = k * 0.5; }`,
      '  return 16;', '}',
      `int module_${i}(int seed) {`,
      `  int n = fill_${i}(seed), sum = 0;`,
      `  for (int k = 0; k < n; k++) sum += clampi(items_${i}[k].id, 0, 1000) + (int)strlen(items_${i}[k].name);`,
      '  return sum;', '}', '',
    ].join('\n'));
  }
  writeFileSync(join(dir, 'src', 'main.c'), [
    '#include "common.h"', ...decls,
    'int main(void) {', '  long sum = 0;',
    ...Array.from({ length: n }, (_, i) => `  sum += module_${i}(${i});`),
    '  printf("%ld\\n", sum);', '  return 0;', '}', '',
  ].join('\n'));
  writeFileSync(join(dir, 'Makefile'), [
    'SRCS := $(wildcard src/*.c)', 'OBJS := $(SRCS:src/%.c=obj/%.o)',
    'prog: $(OBJS)', '\t$(CC) -o $@ $^',
    'obj/%.o: src/%.c include/common.h | obj', '\t$(CC) -O1 -Iinclude -c -o $@ $<',
    'obj:', '\tmkdir -p obj',
    'clean:', '\trm -rf obj prog', '',
  ].join('\n'));
}

/** The storm trace's reads of one byte: every one of them should be there. */
async function oneByteReads(trace: string): Promise<number> {
  let n = 0;
  for await (const rec of readTrace(trace)) {
    if (rec.kind !== 'batch') continue;
    for (const ev of batchEvents(rec.batch)) if (ev.type === 'syscall' && ev.nr === 0 && ev.ret === 1) n++;
  }
  return n;
}

/** One run's syscall hook run times per storm call (the kernel's bpf_stats, BT_BPF_STATS=1), and the hooks' program type. */
function hookRun(argv: readonly string[], floor: boolean, calls: number): { enter: number; exit: number; kind: string } {
  const t = timed(argv, { env: { ...process.env, BT_BPF_STATS: '1', ...(floor ? { BT_BPF_FLOOR: '1' } : {}) } });
  // The syscall hooks are bt_sys_enter/exit as tp_btf programs, bt_sys_enter/exit_raw as raw_tp ones.
  const ns = (name: string): number => Number(new RegExp(`bpf ${name}(?:_raw)?: \\d+ runs, (\\d+) ns`).exec(t.stderr)?.[1] ?? NaN);
  return { enter: ns('bt_sys_enter') / calls, exit: ns('bt_sys_exit') / calls, kind: /bpf bt_sys_enter_raw: /.test(t.stderr) ? 'raw_tp' : 'tp_btf' };
}

/** The floor's and bt-record's hook run times per storm call: medians of `n` alternating runs each. */
function hookCosts(argv: (floor: boolean) => string[], calls: number, n: number): string {
  const runs = { floor: [] as ReturnType<typeof hookRun>[], record: [] as ReturnType<typeof hookRun>[] };
  for (let i = 0; i < n; i++) {
    runs.floor.push(hookRun(argv(true), true, calls));
    runs.record.push(hookRun(argv(false), false, calls));
  }
  const text = (rs: ReturnType<typeof hookRun>[]): string => {
    const enter = median(rs.map((r) => r.enter)), exit = median(rs.map((r) => r.exit));
    return `enter ${enter.toFixed(0)} + exit ${exit.toFixed(0)} = ${median(rs.map((r) => r.enter + r.exit)).toFixed(0)} ns (${rs[0]!.kind})`;
  };
  return `floor ${text(runs.floor)}; bt-record ${text(runs.record)}`;
}

export default async function bench(ctx: BenchContext & { storm: string }): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const node = process.execPath;
  const out = join(ctx.dir, 'bench.pb');
  const record = (argv: readonly string[], quiet = false) => (floor: boolean) =>
    [node, ctx.bin.record, ...(quiet || floor ? ['-q'] : []), '-o', out, '--', ...argv];
  const ncpu = cpus().length;
  const loadBefore = load();
  // Other processes' CPU share during each workload's measurements.
  const shares: { what: string; share: number }[] = [];
  let section = new OtherCpu();
  const start = () => { section = new OtherCpu(); };
  const note = (what: string): string => {
    const share = section.share();
    shares.push({ what, share });
    return `other processes used ${pct(share)} of a CPU meanwhile${share > BUSY_SHARE ? ' (BUSY: the ratios do not mean much)' : ''}`;
  };

  // Start-up: a program that does nothing, against Node doing nothing, alternating.
  const nodeRuns: number[] = [];
  const trueRuns: number[] = [];
  for (let i = 0; i < 7; i++) {
    nodeRuns.push(timed([node, '-e', '0']).seconds);
    trueRuns.push(timed([node, ctx.bin.record, '-q', '-o', out, '--', '/bin/true']).seconds);
  }
  const startMs = (median(trueRuns) - median(nodeRuns)) * 1000;
  rows.push({
    what: 'start-up: bt-record -q -o f -- /bin/true against node -e 0',
    value: `${sec(median(trueRuns))} against ${sec(median(nodeRuns))}: ${startMs.toFixed(0)} ms above`,
    target: '<= 50 ms above',
    ok: startMs <= 50,
    how: `medians of 7 alternating runs; load average ${load()}; ${note('start-up')}`,
  });

  // The storm: 1,000,000 one-byte reads of /dev/zero.
  const storm = [ctx.storm, '1000000'];
  start();
  const s = alternate(5, storm, record(storm));
  const stormBusy = note('storm');
  const best = medianRun(s.record);
  const sum = summaryOf(best.stderr);
  const reads = await oneByteReads(out);
  // strace and perf trace take minutes on a million calls: they run a tenth of the storm, scaled by 10.
  const small = [ctx.storm, '100000'];
  const u = median(s.untraced.map((t) => t.seconds));
  rows.push(...sidesRow('syscall storm, 1M one-byte reads', s, 1_000_000,
    { strace: tracer('strace', small, u, 10), perf: tracer('perf', small, u, 10) },
    { text: 'bt-record <= 3.0x untraced, <= 1.45x the floor', max: 3.0 }, stormBusy));
  const f = median(s.floor.map((t) => t.seconds));
  const r = median(s.record.map((t) => t.seconds));
  rows.push({ what: 'storm: bt-record against the floor', value: x(r, f), target: '<= 1.45x', ok: r <= 1.45 * f });
  rows.push({
    what: 'storm: records lost; one-byte reads in the trace',
    value: `${sum?.lost ?? '?'} lost; ${reads.toLocaleString('en-US')} reads (of 1,000,000)`,
    target: '0 lost, every call present',
    ok: sum?.lost === 0 && reads === 1_000_000,
    how: 'the last bt-record run\'s trace, read back',
  });
  rows.push({
    what: 'storm: trace size; bt-record peak RSS',
    value: `${sum?.bytesPerEvent ?? '?'} B/event; ${(best.maxRssKiB / 1024).toFixed(0)} MB`,
    target: '<= 30 B/event; < 150 MB',
    ok: sum !== undefined && sum.bytesPerEvent <= 30 && best.maxRssKiB > 0 && best.maxRssKiB < 150 * 1024,
  });
  rows.push({
    what: 'storm: BPF run time per call (bpf_stats, medians of 3 alternating runs each)',
    value: hookCosts(record(storm, true), 1_000_000, 3),
    how: 'run_time_ns of the syscall hooks / 1M; includes the filter run for every other process\'s calls meanwhile, and bpf_stats\' own clock reads',
    target: '',
  });

  // A file-heavy real workload: a few cat processes reading every header under /usr/include.
  const files = ['/bin/sh', '-c', "find /usr/include -name '*.h' -exec cat {} + > /dev/null"];
  start();
  const fs = alternate(3, files, record(files));
  const findBusy = note('find');
  const fsum = summaryOf(medianRun(fs.record).stderr);
  const fu = median(fs.untraced.map((t) => t.seconds));
  rows.push(...sidesRow(`find /usr/include -name '*.h' -exec cat {} + (${fsum?.syscalls ?? '?'} syscalls, ${fsum?.processes ?? '?'} processes)`,
    fs, fsum?.syscalls ?? 0, { strace: tracer('strace', files, fu), perf: tracer('perf', files, fu) },
    { text: 'bt-record <= 1.8x', max: 1.8 }, findBusy));
  rows.push({ what: 'find workload: records lost', value: `${fsum?.lost ?? '?'}`, target: '0', ok: fsum?.lost === 0 });

  // A build: make -j2 of a generated C project of 240 modules, from clean each time.
  const proj = join(ctx.dir, 'proj');
  generateProject(proj, 240);
  const make = ['make', '-s', '-j2', '-C', proj];
  const clean = () => { rmSync(join(proj, 'obj'), { recursive: true, force: true }); rmSync(join(proj, 'prog'), { force: true }); };
  start();
  const ms = alternate(3, make, record(make), clean);
  const makeBusy = note('make -j2');
  const msum = summaryOf(medianRun(ms.record).stderr);
  const mu = median(ms.untraced.map((t) => t.seconds));
  clean();
  const mstrace = tracer('strace', make, mu);
  clean();
  const mperf = tracer('perf', make, mu);
  rows.push(...sidesRow(`make -j2 of a generated C project, 240 files (${msum?.syscalls ?? '?'} syscalls, ${msum?.processes ?? '?'} processes)`,
    ms, msum?.syscalls ?? 0, { strace: mstrace, perf: mperf }, { text: 'bt-record <= 1.3x', max: 1.3 }, makeBusy));
  rows.push({ what: 'make workload: records lost', value: `${msum?.lost ?? '?'}`, target: '0', ok: msum?.lost === 0 });

  const busiest = shares.reduce((a, b) => (b.share > a.share ? b : a));
  const wasBusy = busiest.share > BUSY_SHARE;
  rows.push({
    what: 'the machine: other processes\' CPU while the workloads were measured; load average (1, 5, 15 min) before and after',
    value: `${shares.map((b) => `${b.what} ${pct(b.share)}`).join(', ')} of a CPU; load ${loadBefore} before, ${load()} after, on ${ncpu} CPUs` +
      (wasBusy ? `: THE MACHINE WAS BUSY (others used ${pct(busiest.share)} of a CPU during ${busiest.what}): the ratios do not mean much; compare the BPF run times` : ''),
    target: `others <= ${pct(BUSY_SHARE)} of a CPU for the ratios to count`,
    ok: !wasBusy,
    how: 'CPU time of the whole machine (/proc/stat) less this bench\'s and its children\'s (/proc/self/stat); the load average counts the bench\'s own runs (about 1, 2 after make -j2)',
  });
  return rows;
}
