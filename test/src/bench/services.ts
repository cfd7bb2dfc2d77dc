// Recording services (issue 15): the storm filtered in the kernel against the floor; what
// watching a cgroup costs the processes that are not in it; and a small HTTP server under
// load, in a cgroup this bench makes, with and without bt-record --cgroup, side by side.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { cgroup2Root } from '@beetrace/recorder';
import type { BenchContext, BenchRow } from './common.js';
import { timed } from './record.js';

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts bt-record in the background and resolves once it has attached (its trace has a header: some bytes on disk). */
async function background(ctx: BenchContext, args: readonly string[], out: string, env = process.env): Promise<{ child: ChildProcess; stderr: () => string }> {
  let err = '';
  rmSync(out, { force: true });
  const child = spawn(process.execPath, [ctx.bin.record, '-o', out, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env });
  child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
  for (let i = 0; i < 3000; i++) {
    try {
      if (statSync(out).size > 0) return { child, stderr: () => err };
    } catch { /* not created yet */ }
    if (child.exitCode !== null) throw new Error(`bt-record ${args.join(' ')} failed: ${err.trim()}`);
    await sleep(10);
  }
  throw new Error('bt-record did not start in 30 s');
}

/** Ctrl-C to a background bt-record; the lost records its summary line counts (-1 when it printed none, with -q). */
async function stop(rec: { child: ChildProcess; stderr: () => string }): Promise<number> {
  rec.child.kill('SIGINT');
  const code = await new Promise((r) => rec.child.on('exit', r));
  if (code !== 0) throw new Error(`bt-record exited ${String(code)}: ${rec.stderr().trim()}`);
  const m = /(\d+) lost/.exec(rec.stderr());
  return m ? Number(m[1]) : -1;
}

const CLIENT = `
import sys, time, urllib.request
url, seconds, cap = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
n, t0 = 0, time.monotonic()
while n < cap and time.monotonic() - t0 < seconds:
    with urllib.request.urlopen(url) as r:
        r.read()
    n += 1
print(n / (time.monotonic() - t0))
`;

export default async function bench(ctx: BenchContext): Promise<BenchRow[]> {
  /** The syscall hooks' run time per run in one storm recording (floor, or -e trace=openat). */
  const hookCost = (floor: boolean): string => {
    const env = { ...process.env, BT_BPF_STATS: '1', ...(floor ? { BT_BPF_FLOOR: '1' } : {}) };
    const t = timed([process.execPath, ctx.bin.record, '-q', ...(floor ? [] : ['-e', 'trace=openat']), '-o', join(ctx.dir, 'hook.pb'), '--', ctx.storm, '1000000'], { env });
    const per = (name: string): number => {
      const m = new RegExp(`bpf ${name}: (\\d+) runs, (\\d+) ns`).exec(t.stderr);
      return m ? Number(m[2]) / Number(m[1]) : NaN;
    };
    return `enter ${per('bt_sys_enter').toFixed(0)} + exit ${per('bt_sys_exit').toFixed(0)} ns`;
  };
  const rows: BenchRow[] = [];
  const node = process.execPath;
  const out = join(ctx.dir, 'svc.pb');
  const storm = [ctx.storm, '1000000'];

  // 1. The storm with -e trace=openat (the storm makes no openat: nothing recorded) against the
  // floor: the whole commands, and the storm's own time for its reads (start-up left out).
  const floorEnv = { ...process.env, BT_BPF_FLOOR: '1' };
  const own = (t: { stderr: string }): number => Number(/storm: \d+ reads in ([\d.]+) s/.exec(t.stderr)?.[1] ?? NaN);
  const u: number[] = [], f: number[] = [], e: number[] = [], fOwn: number[] = [], eOwn: number[] = [];
  for (let i = 0; i < 7; i++) {
    u.push(timed(storm).seconds);
    const tf = timed([node, ctx.bin.record, '-q', '-o', out, '--', ...storm], { env: floorEnv });
    const te = timed([node, ctx.bin.record, '-q', '-e', 'trace=openat', '-o', out, '--', ...storm]);
    if (te.status !== 0) throw new Error(`bt-record -e trace=openat failed: ${te.stderr.trim()}`);
    f.push(tf.seconds);
    e.push(te.seconds);
    fOwn.push(own(tf));
    eOwn.push(own(te));
  }
  const [mu, mf, me, mfo, meo] = [median(u), median(f), median(e), median(fOwn), median(eOwn)];
  rows.push({
    what: 'storm, 1M reads, bt-record -e trace=openat (nothing recorded), against the floor',
    value: `the reads: ${meo.toFixed(3)} s against ${mfo.toFixed(3)} s, ${(meo / mfo).toFixed(2)}x, ${(((meo - mfo) / 1e6) * 1e9).toFixed(0)} ns/call; ` +
      `whole commands: ${me.toFixed(2)} s against ${mf.toFixed(2)} s, ${(me / mf).toFixed(2)}x (untraced ${mu.toFixed(2)} s)`,
    target: '<= 1.15x the floor',
    ok: meo <= 1.15 * mfo,
    how: `medians of 7 alternating runs; "the reads" is the storm's own clock around its loop, bt-record's start-up left out; load average ${load()}`,
  });
  rows.push({
    what: 'storm: BPF run time per call, floor against -e trace=openat (bpf_stats, one run each)',
    value: `floor ${hookCost(true)}; -e trace=openat ${hookCost(false)}`,
    target: '',
    how: 'run_time_ns of the syscall hooks / runs, every process\'s calls meanwhile included',
  });

  // 2. What --cgroup costs processes outside the cgroup: the storm, untraced, while bt-record
  // watches an empty cgroup, against while it records one sleeping process (-p).
  const root = cgroup2Root();
  const empty = join(root, `bt-bench-empty-${process.pid}`);
  mkdirSync(empty);
  const sleeper = spawn('sleep', ['1000'], { stdio: 'ignore' });
  const pOnly: number[] = [], cg: number[] = [], pHook: number[] = [], cgHook: number[] = [];
  // The kernel's run time of the entry hook per run, over everything the machine ran meanwhile (mostly the storm).
  const stats = { ...process.env, BT_BPF_STATS: '1' };
  const enterNs = (stderr: string): number => {
    const m = /bpf bt_sys_enter: (\d+) runs, (\d+) ns/.exec(stderr);
    return m ? Number(m[2]) / Number(m[1]) : NaN;
  };
  try {
    for (let i = 0; i < 5; i++) {
      let rec = await background(ctx, ['-q', '-p', String(sleeper.pid)], out, stats);
      pOnly.push(timed(storm).seconds);
      await stop(rec);
      pHook.push(enterNs(rec.stderr()));
      rec = await background(ctx, ['-q', '--cgroup', empty], out, stats);
      cg.push(timed(storm).seconds);
      await stop(rec);
      cgHook.push(enterNs(rec.stderr()));
    }
  } finally {
    sleeper.kill('SIGKILL');
    rmdirSync(empty);
  }
  const [mp, mc] = [median(pOnly), median(cg)];
  rows.push({
    what: 'an untraced storm (1M reads) while bt-record --cgroup watches an empty cgroup',
    value: `${mc.toFixed(2)} s, against ${mp.toFixed(2)} s while bt-record -p records a sleeping process (${(mc / mp).toFixed(2)}x); ` +
      `entry hook ${median(cgHook).toFixed(0)} ns/run against ${median(pHook).toFixed(0)} ns/run`,
    target: '',
    how: `medians of 5 alternating runs; hook run time from bpf_stats (BT_BPF_STATS=1); the cgroup check (bpf_current_task_under_cgroup) runs at every syscall entry of every untraced process; load average ${load()}`,
  });

  // 3. A service under load: python3's http.server on 127.0.0.1 in a cgroup of its own, a
  // client outside it (urllib, a request per connection) for 10 s, with and without recording.
  const svc = join(root, `bt-bench-svc-${process.pid}`);
  mkdirSync(svc);
  const www = join(ctx.dir, 'www');
  mkdirSync(www, { recursive: true });
  writeFileSync(join(www, 'index.html'), '<p>hello</p>\n'.repeat(64));
  const port = 20000 + (process.pid % 20000);
  const server = spawn('/bin/sh', ['-c', `echo $$ > ${svc}/cgroup.procs && exec python3 -m http.server --bind 127.0.0.1 --directory ${www} ${port}`], { stdio: 'ignore' });
  const client = (): number => {
    const r = spawnSync('python3', ['-c', CLIENT, `http://127.0.0.1:${port}/index.html`, '10', '1000000'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`the HTTP client failed: ${r.stderr.trim()}`);
    return Number(r.stdout.trim());
  };
  try {
    for (let i = 0; spawnSync('curl', ['-sf', '-o', '/dev/null', `http://127.0.0.1:${port}/index.html`]).status !== 0; i++) {
      if (i > 500) throw new Error('the HTTP server did not start');
      await sleep(20);
    }
    // Two rounds, alternating, so that a change in the machine's load hits both sides.
    const plain: number[] = [], recorded: number[] = [], loads: string[] = [];
    let lost = 0, recordedCalls = 0;
    for (let i = 0; i < 2; i++) {
      plain.push(client());
      const rec = await background(ctx, ['--cgroup', svc], out);
      recorded.push(client());
      loads.push(load());
      lost += await stop(rec);
      recordedCalls += Number(/(\d+) events \((\d+) syscalls\)/.exec(rec.stderr())?.[2] ?? NaN);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    rows.push({
      what: 'python3 http.server on 127.0.0.1, a client loop of 10 s: requests/s',
      value: `${mean(plain).toFixed(0)} unrecorded (${plain.map((x) => x.toFixed(0)).join(', ')}); ${mean(recorded).toFixed(0)} recorded with --cgroup (${recorded.map((x) => x.toFixed(0)).join(', ')}): ${(mean(recorded) / mean(plain)).toFixed(2)}x`,
      target: '',
      how: `means of 2 alternating 10 s runs; sequential requests, one connection each; the server alone in the cgroup, the client outside it; load average ${loads.join(' / ')}`,
    });
    rows.push({
      what: 'the recorded server: records lost at the default ring size',
      value: `${lost} lost; ${recordedCalls} syscalls recorded in 20 s`,
      target: '0 lost',
      ok: lost === 0,
      how: `bt-record's summary lines (lost records, from the ring buffer's failed reservations); load average ${loads.join(' / ')}`,
    });
  } finally {
    server.kill('SIGKILL');
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.on('exit', r)));
    for (let i = 0; i < 100; i++) {
      try {
        rmdirSync(svc);
        break;
      } catch {
        await sleep(20); // the server's exit is still being reaped
      }
    }
  }
  return rows;
}
