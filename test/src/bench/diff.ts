// bt-diff benchmark: two 1M-syscall recordings of the diffprog fixture (v2 opens an extra
// file at three points of its read loop), compared end to end by the CLI. Prints the time
// and the peak RSS of the bt-diff process (from /usr/bin/time), and the identical case.
// Then runs that differ a lot: the storm stopped by a signal after more reads than a clean
// run, a much longer run, and two unrelated programs; time per call shows how it grows.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../helpers.js';
import type { BenchContext, BenchModule, BenchRow } from './common.js';

const N = 1_000_000;

function build(ctx: BenchContext, version: 1 | 2): string {
  const out = join(ctx.dir, `diffprog-v${version}`);
  const r = spawnSync('gcc', ['-O2', '-pthread', ...(version === 2 ? ['-DV2'] : []), '-o', out, join(root, 'fixtures/diffprog/diffprog.c')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`gcc: ${r.stderr}`);
  return out;
}

function record(ctx: BenchContext, prog: string, name: string): string {
  const out = join(ctx.dir, name);
  const r = spawnSync(process.execPath, [ctx.bin.record, '-q', '-o', out, '--', prog, 'storm', String(N)], { cwd: ctx.dir, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`recording ${name} failed`);
  return out;
}

/** Runs bt-diff under /usr/bin/time: [seconds, peak RSS in MiB, exit status, stdout bytes]. */
function timed(ctx: BenchContext, args: string[]): { s: number; rssMiB: number; status: number | null; out: number } {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ctx.bin.diff, ...args], { cwd: ctx.dir, maxBuffer: 1 << 30 });
  const m = /([\d.]+) (\d+)\s*$/.exec(r.stderr.toString());
  if (!m) throw new Error(`bt-diff under /usr/bin/time: ${r.stderr.toString().slice(-500)}`);
  return { s: Number(m[1]), rssMiB: Number(m[2]) / 1024, status: r.status, out: r.stdout.length };
}

const bench: BenchModule = async (ctx) => {
  const v1 = build(ctx, 1);
  const v2 = build(ctx, 2);
  spawnSync('mkdir', ['-p', join(ctx.dir, 'data')]);
  spawnSync('sh', ['-c', 'echo extra > data/extra'], { cwd: ctx.dir });
  const a = record(ctx, v1, 'diff-a.pb');
  const a2 = record(ctx, v1, 'diff-a2.pb');
  const b = record(ctx, v2, 'diff-b.pb');
  const mib = (f: string): string => (statSync(f).size / 2 ** 20).toFixed(0);
  const rows: BenchRow[] = [];
  const d = timed(ctx, [a, b]);
  if (d.status !== 1) throw new Error(`bt-diff of v1/v2 exited ${d.status}, expected 1 (different)`);
  rows.push({
    what: 'bt-diff, two 1M-syscall traces differing in 3 places (unified diff)',
    value: `${d.s.toFixed(2)} s`, target: '< 1.5 s', ok: d.s < 1.5,
    how: `bt-diff ${mib(a)} MiB vs ${mib(b)} MiB traces of diffprog storm ${N}, ${d.out} bytes of diff`,
  });
  rows.push({
    what: 'bt-diff peak RSS, same comparison',
    value: `${d.rssMiB.toFixed(0)} MiB`, target: '',
    how: '/usr/bin/time %M of the bt-diff process (one run scanned on its main thread, the other on a worker)',
  });
  const s = timed(ctx, ['--stat', a, a2]);
  if (s.status !== 0) throw new Error(`bt-diff of two v1 recordings exited ${s.status}, expected 0 (identical)`);
  rows.push({ what: 'bt-diff, two recordings of the same 1M-syscall run (identical)', value: `${s.s.toFixed(2)} s, ${s.rssMiB.toFixed(0)} MiB`, target: '< 5 s', ok: s.s < 5 });
  const same = timed(ctx, [a, a]);
  rows.push({ what: 'bt-diff, a 1M-syscall trace against itself (same bytes: one scan)', value: `${same.s.toFixed(2)} s`, target: '' });

  // Runs that differ a lot. The storm fixture reads /dev/zero N times, then kills itself with SIG when given.
  const storm = (n: number, sig: number | undefined, name: string): string => {
    const out = join(ctx.dir, name);
    const argv = [ctx.storm, String(n), ...(sig === undefined ? [] : [String(sig)])];
    const r = spawnSync(process.execPath, [ctx.bin.record, '-q', '-o', out, '--', ...argv], { cwd: ctx.dir, stdio: ['ignore', 'ignore', 'ignore'] });
    if (r.status !== 0 && r.status !== 128 + (sig ?? 0)) throw new Error(`recording ${name} exited ${r.status}`);
    return out;
  };
  const clean = ctx.stormTrace;
  const cases: Array<[string, string, string, number]> = [
    ['3M reads against the 1M-read run (one long run removed)', storm(3_000_000, undefined, 'storm3m.pb'), clean, 4_000_000],
    ['stopped by SIGTERM after 1.6M reads against the 1M-read run', storm(1_600_000, 15, 'term.pb'), clean, 2_600_000],
    ['stopped by SIGHUP after 8.5M reads against the 1M-read run', storm(8_500_000, 1, 'hup.pb'), clean, 9_500_000],
  ];
  const find = join(ctx.dir, 'find.pb');
  const fr = spawnSync(process.execPath, [ctx.bin.record, '-q', '-o', find, '--', 'sh', '-c', "find /usr/include -name '*.h' -exec cat {} + > /dev/null"], { cwd: ctx.dir, stdio: 'ignore' });
  if (fr.status !== 0) throw new Error('recording the find workload failed');
  cases.push(['two unrelated programs: the storm and a find | cat of /usr/include', clean, find, 0]);
  for (const [what, x, y, calls] of cases) {
    const t = timed(ctx, ['--stat', x, y]);
    if (t.status !== 1) throw new Error(`bt-diff ${what} exited ${t.status}, expected 1`);
    const perCall = calls ? `, ${((t.s * 1e9) / calls).toFixed(0)} ns per call` : '';
    const small = calls === 0 || calls <= 2_600_000;
    rows.push({ what: `bt-diff --stat, ${what}`, value: `${t.s.toFixed(2)} s, ${t.rssMiB.toFixed(0)} MiB${perCall}`, target: small ? '< 5 s' : 'grows as N log N', ...(small ? { ok: t.s < 5 } : {}) });
  }
  return rows;
};

export default bench;
