// Recording overhead: the syscall storm and a file-heavy real workload, each run
// untraced, under bt-record, under strace -f and under perf trace, in this run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext, BenchRow } from './common.js';

export interface Timed {
  readonly seconds: number;
  readonly status: number | null;
  readonly stderr: string;
  /** Peak resident set of the measured command's process tree's largest process, KiB (GNU time). */
  readonly maxRssKiB: number;
}

/** Runs a command under GNU time: wall seconds and peak RSS. */
export function timed(argv: readonly string[], opts: { stdout?: 'ignore' | 'pipe' } = {}): Timed {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '@@maxrss %M', ...argv], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', opts.stdout ?? 'ignore', 'pipe'] });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = /@@maxrss (\d+)/.exec(r.stderr ?? '');
  return { seconds, status: r.status, stderr: (r.stderr ?? '').replace(/@@maxrss \d+\n?/, ''), maxRssKiB: m ? Number(m[1]) : 0 };
}

/** Median of `n` runs. */
export function median(n: number, fn: () => Timed): Timed {
  const runs = Array.from({ length: n }, fn).sort((a, b) => a.seconds - b.seconds);
  return runs[Math.floor(n / 2)]!;
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

const x = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

export default async function bench(ctx: BenchContext & { storm: string }): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const node = process.execPath;
  const out = join(ctx.dir, 'bench.pb');
  const record = (argv: string[]) => [node, ctx.bin.record, '-o', out, '--', ...argv];

  // The storm: 1,000,000 one-byte reads of /dev/zero.
  const storm = [ctx.storm, '1000000'];
  const base = median(5, () => timed(storm));
  const ours = median(3, () => timed(record(storm)));
  const summary = /(\d+) events \((\d+) syscalls\), \d+ process(?:es)?, (\d+) lost, [\d.]+ \w+ \(([\d.]+) B\/event\)/.exec(ours.stderr);
  const syscalls = summary ? Number(summary[2]) : 0;
  const lost = summary ? Number(summary[3]) : -1;
  // strace and perf trace take minutes on a million calls: they run a tenth of the storm, against a tenth untraced.
  const small = [ctx.storm, '100000'];
  const baseSmall = median(5, () => timed(small));
  const strace = timed(['strace', '-f', '-qq', '-o', '/dev/null', '--', ...small]);
  const perf = withTracefs(() => timed(['perf', 'trace', '-o', '/dev/null', '--', ...small]));
  rows.push({
    what: 'syscall storm (1M reads): bt-record -o file',
    value: `${x(ours.seconds, base.seconds)} untraced (${ours.seconds.toFixed(2)} s vs ${base.seconds.toFixed(2)} s)`,
    target: '<= 4x',
    ok: ours.seconds <= 4 * base.seconds,
    how: 'wall time of the whole bt-record command (start-up, BPF load, drain included), median of 3; untraced median of 5',
  });
  rows.push({
    what: 'syscall storm: records lost / syscalls in the trace',
    value: `${lost} lost, ${syscalls} syscalls (${syscalls - 1000000} besides the 1M reads)`,
    target: '0 lost, every read present',
    ok: lost === 0 && syscalls >= 1000000,
  });
  rows.push({
    what: 'syscall storm (100k reads): strace -f / perf trace',
    value: `strace ${x(strace.seconds, baseSmall.seconds)}, perf trace ${perf.status === 0 ? x(perf.seconds, baseSmall.seconds) : 'failed: ' + perf.stderr.split('\n')[0]}`,
    target: '',
    how: 'same machine, same run; against 100k reads untraced',
  });
  rows.push({
    what: 'bt-record peak RSS (storm) / trace bytes per event',
    value: `${(ours.maxRssKiB / 1024).toFixed(0)} MB, ${summary ? summary[4] : '?'} B/event`,
    target: '< 300 MB',
    ok: ours.maxRssKiB > 0 && ours.maxRssKiB < 300 * 1024,
  });

  // A file-heavy real workload: a few cat processes reading every header under /usr/include.
  const files = ['/bin/sh', '-c', "find /usr/include -name '*.h' -exec cat {} + > /dev/null"];
  const fbase = median(3, () => timed(files));
  const fours = median(3, () => timed(record(files)));
  const fstrace = timed(['strace', '-f', '-qq', '-o', '/dev/null', '--', ...files]);
  const fperf = withTracefs(() => timed(['perf', 'trace', '-o', '/dev/null', '--', ...files]));
  const fsum = /(\d+) events \((\d+) syscalls\), (\d+) process(?:es)?, (\d+) lost/.exec(fours.stderr);
  rows.push({
    what: `find /usr/include -name '*.h' -exec cat {} + (${fsum ? fsum[2] : '?'} syscalls, ${fsum ? fsum[3] : '?'} processes)`,
    value: `bt-record ${x(fours.seconds, fbase.seconds)}, strace -f ${x(fstrace.seconds, fbase.seconds)}, perf trace ${fperf.status === 0 ? x(fperf.seconds, fbase.seconds) : 'failed'} (untraced ${fbase.seconds.toFixed(2)} s)`,
    target: 'bt-record <= 1.5x',
    ok: fours.seconds <= 1.5 * fbase.seconds,
    how: 'wall time, median of 3 for untraced and bt-record',
  });
  rows.push({ what: 'file workload: records lost', value: fsum ? `${fsum[4]}` : '?', target: '0', ok: fsum !== null && fsum[4] === '0' });
  return rows;
}
