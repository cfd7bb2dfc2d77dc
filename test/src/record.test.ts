// bt-record end to end: real BPF recording of real programs, compared with strace.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { record, recordEvents } from '@beetrace/recorder';
import { syscallTable, type ProcessEvent, type SyscallEvent } from '@beetrace/format';
import { bin, countsByName, fixture, readBack, run, soFar, start, straceCounts, syscallName, tempDir, until } from './helpers.js';

const syscalls = (evs: readonly { type: string }[]) => evs.filter((e): e is SyscallEvent => e.type === 'syscall');
const procEvents = (evs: readonly { type: string }[], type: string) => evs.filter((e) => e.type === type) as ProcessEvent[];
const text = (d: Uint8Array) => Buffer.from(d).toString();

/** The traced program's pid, once bt-record has written the trace's header (after it started or attached to it). */
const rootPid = (trace: string) => until(`the header of ${trace}`, async () => (await soFar(trace))?.header?.rootPid ?? undefined);

/** /proc/PID/FILE, or '' when the process is gone. */
function proc(pid: number, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return '';
  }
}

/** Whether process `pid` runs `comm` and is blocked in syscall `name` (the first field of /proc/PID/syscall). */
function blockedIn(pid: number, comm: string, name: string): true | undefined {
  const nr = syscallTable('x86_64')!.byName.get(name)!.nr;
  return proc(pid, 'comm').trim() === comm && proc(pid, 'syscall').split(' ')[0] === String(nr) ? true : undefined;
}

/** How many times process `pid` has blocked (voluntary context switches). */
const blocks = (pid: number): number => Number(/voluntary_ctxt_switches:\s+(\d+)/.exec(proc(pid, 'status'))?.[1] ?? -1);

// Syscalls whose number depends on timing (lock contention, scheduling) rather than on the program.
const TIMING_DEPENDENT = new Set(['futex', 'sched_yield', 'restart_syscall', 'wait4', 'rt_sigreturn']);

function assertSameCounts(ours: Map<string, number>, strace: Map<string, number>, alsoTimingDependent: readonly string[] = []): void {
  const names = new Set([...ours.keys(), ...strace.keys()]);
  for (const name of names) {
    if (TIMING_DEPENDENT.has(name) || alsoTimingDependent.includes(name)) continue;
    assert.equal(ours.get(name) ?? 0, strace.get(name) ?? 0, `${name}: bt-record ${ours.get(name) ?? 0}, strace -f -c ${strace.get(name) ?? 0}`);
  }
}

test('records /bin/ls completely: first call is its execve, counts equal strace -f -c', async (t) => {
  const dir = tempDir(t);
  const data = join(dir, 'data');
  mkdirSync(data);
  for (const f of ['a', 'b', 'c']) writeFileSync(join(data, f), f);
  const out = join(dir, 'ls.pb');
  const r = run(bin.record, ['-q', '-o', out, '--', '/bin/ls', '-l', data], { cwd: dir });
  assert.equal(r.status, 0, r.stderr.toString());
  assert.match(r.stdout.toString(), /\ba\n.*\bb\n.*\bc\n/s, 'the program writes to bt-record\'s stdout when the trace goes to a file');
  assert.equal(statSync(out).mode & 0o777, 0o600);
  const t1 = await readBack(out);
  assert.ok(t1.complete, JSON.stringify(t1.problem));
  const sc = syscalls(t1.events);
  assert.equal(syscallName(sc[0]!.nr), 'execve');
  assert.equal(text(sc[0]!.captures.find((c) => c.arg === 0)!.data), '/bin/ls');
  const argv = sc[0]!.captures.filter((c) => c.arg === 1).map((c) => text(c.data));
  assert.deepEqual(argv, ['/bin/ls', '-l', data]);
  assert.equal(Number(t1.trailer!.syscalls), sc.length);
  assert.deepEqual(t1.trailer!.lostPerCpu!.map(Number).filter((n) => n > 0), []);
  // The last call is exit_group, which never returns.
  const last = sc[sc.length - 1]!;
  assert.equal(syscallName(last.nr), 'exit_group');
  assert.equal(last.flags & 1, 1);
  assertSameCounts(countsByName(t1.events), straceCounts(['/bin/ls', '-l', data], dir));
});

test('captures strings, write buffers and read buffers (sized by count and by return value)', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'in.txt'), 'hello beetrace\n');
  const out = join(dir, 'cat.pb');
  const r = run(bin.record, ['-q', '-o', out, '--', '/bin/cat', 'in.txt'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr.toString());
  const sc = syscalls((await readBack(out)).events);
  const open = sc.find((e) => syscallName(e.nr) === 'openat' && e.captures.some((c) => text(c.data) === 'in.txt'));
  assert.ok(open, 'openat of in.txt with its path');
  const read = sc.slice(sc.indexOf(open)).find((e) => syscallName(e.nr) === 'read' && e.args[0] === open.ret);
  assert.equal(text(read!.captures[0]!.data), 'hello beetrace\n');
  const write = sc.find((e) => syscallName(e.nr) === 'write' && e.args[0] === 1);
  assert.equal(text(write!.captures[0]!.data), 'hello beetrace\n');
});

test('capture limits: -s cuts strings and buffers and flags them truncated; --no-data drops buffers', async (t) => {
  const dir = tempDir(t);
  const long = 'x'.repeat(100);
  writeFileSync(join(dir, long), 'y'.repeat(300));
  const out = join(dir, 's.pb');
  assert.equal(run(bin.record, ['-q', '-s', '16', '-o', out, '--', '/bin/cat', long], { cwd: dir }).status, 0);
  const sc = syscalls((await readBack(out)).events);
  const open = sc.find((e) => syscallName(e.nr) === 'openat' && e.captures.some((c) => text(c.data) === 'x'.repeat(16)))!;
  assert.ok(open, 'path cut at 16 bytes');
  assert.equal(open.captures[0]!.flags & 1, 1, 'TRUNCATED');
  const read = sc.slice(sc.indexOf(open)).find((e) => syscallName(e.nr) === 'read' && e.args[0] === open.ret)!;
  assert.equal(read.captures[0]!.data.length, 16);
  assert.equal(read.captures[0]!.flags & 1, 1);

  const out2 = join(dir, 'nodata.pb');
  assert.equal(run(bin.record, ['-q', '--no-data', '-o', out2, '--', '/bin/cat', long], { cwd: dir }).status, 0);
  const sc2 = syscalls((await readBack(out2)).events);
  const reads2 = sc2.filter((e) => syscallName(e.nr) === 'read');
  assert.ok(reads2.some((e) => e.ret === 300), 'cat read the file');
  assert.ok(reads2.every((e) => e.captures.length === 0), 'no buffer captured');
  assert.ok(sc2.some((e) => syscallName(e.nr) === 'openat' && e.captures.some((c) => text(c.data) === long)), 'strings still captured');
});

test("sh -c 'ls | wc -l': every process, its exec and exit, counts equal strace -f -c", async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'sh.pb');
  const argv = ['/bin/sh', '-c', 'ls / | wc -l'];
  const r = run(bin.record, ['-q', '-o', out, '--', ...argv], { cwd: dir });
  assert.equal(r.status, 0, r.stderr.toString());
  const tr = await readBack(out);
  const execs = procEvents(tr.events, 'exec').map((e) => e.filename).sort();
  assert.deepEqual(execs, ['/bin/sh', '/usr/bin/ls', '/usr/bin/wc'].sort());
  assert.equal(procEvents(tr.events, 'fork').length, 2);
  assert.equal(procEvents(tr.events, 'exit').filter((e) => e.groupDead).length, 3);
  assert.equal(tr.trailer!.processes, 3);
  assertSameCounts(countsByName(tr.events), straceCounts(argv, dir));
});

test('threads: every thread of a threaded program is recorded', async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'thr.pb');
  const r = run(bin.record, ['-q', '-o', out, '--', fixture('threads'), '8', '25'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr.toString());
  const tr = await readBack(out);
  const sc = syscalls(tr.events);
  const opens = sc.filter((e) => syscallName(e.nr) === 'openat' && e.captures.some((c) => text(c.data) === '/etc/hostname'));
  assert.equal(opens.length, 8 * 25);
  assert.equal(new Set(opens.map((e) => e.tid)).size, 8);
  assert.equal(procEvents(tr.events, 'fork').filter((e) => e.thread).length, 8);
  assertSameCounts(countsByName(tr.events), straceCounts([fixture('threads'), '8', '25'], dir));
});

test('a fork tree of 200 children and 50 threads: all recorded with their exit statuses', async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'tree.pb');
  const r = run(bin.record, ['-q', '-o', out, '--', fixture('forktree'), '200', '50'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr.toString());
  const tr = await readBack(out);
  const forks = procEvents(tr.events, 'fork');
  assert.equal(forks.filter((e) => !e.thread).length, 200);
  assert.equal(forks.filter((e) => e.thread).length, 50);
  const childExits = procEvents(tr.events, 'exit').filter((e) => e.groupDead && e.pid !== tr.header!.rootPid);
  assert.equal(childExits.length, 200);
  const codes = childExits.map((e) => (e.exitCode >> 8) & 0xff).sort((a, b) => a - b);
  assert.deepEqual(codes, Array.from({ length: 200 }, (_, i) => i));
  const getpids = syscalls(tr.events).filter((e) => syscallName(e.nr) === 'getpid');
  assert.equal(getpids.length, 200);
  assert.equal(tr.trailer!.processes, 201);
  // Under strace, children exiting during a fork interrupt it (clone fails with ERESTARTNOINTR and is
  // restarted), so strace counts more clone calls than the program made: clone is compared above.
  assert.equal(countsByName(tr.events).get('clone'), 200);
  assertSameCounts(countsByName(tr.events), straceCounts([fixture('forktree'), '200', '50'], dir), ['clone']);
});

test('exit status: the program\'s own, 128+N when killed by signal N', async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'k.pb');
  const r = run(bin.record, ['-q', '-o', out, '--', fixture('killself'), '9']);
  assert.equal(r.status, 137);
  const tr = await readBack(out);
  assert.equal(tr.trailer!.termSignal, 9);
  const exit = procEvents(tr.events, 'exit').find((e) => e.groupDead)!;
  assert.equal(exit.exitCode & 0x7f, 9);
  assert.equal(run(bin.record, ['-q', '-o', out, '--', '/bin/sh', '-c', 'exit 42']).status, 42);
});

test('trace on stdout: the program\'s stdout goes to stderr when there is no terminal', async () => {
  const r = run(bin.record, ['-q', '/bin/echo', 'to-the-side']);
  assert.equal(r.status, 0, r.stderr.toString());
  assert.equal(r.stderr.toString(), 'to-the-side\n');
  const tr = await readBack(new Uint8Array(r.stdout));
  assert.ok(tr.complete, 'stdout holds the trace and nothing else');
  assert.equal(syscallName(syscalls(tr.events)[0]!.nr), 'execve');
});

test('a binary trace is never written to a terminal', () => {
  // script(1) gives bt-record a terminal as stdout.
  const r = spawnSync('script', ['-qec', `${process.execPath} ${bin.record} /bin/true`, '/dev/null'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stdout, /^bt-record: refusing to write a binary trace to a terminal: use -o FILE or redirect stdout\r?\nFor help: bt-record --help/);
});

test('the reader of the trace goes away: the program is stopped, bt-record exits 141 quietly', async () => {
  const rec = spawn(process.execPath, [bin.record, '--', '/bin/sh', '-c', 'while :; do /bin/true; done'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  rec.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  rec.stdout.once('data', () => rec.stdout.destroy());
  const code = await new Promise<number | null>((r) => rec.on('exit', (c) => r(c)));
  assert.equal(code, 141);
  assert.equal(stderr, '');
});

test('summary line on stderr; -q hides it', () => {
  const r = run(bin.record, ['-o', '/dev/null', '--', '/bin/true']);
  assert.equal(r.status, 0);
  assert.match(r.stderr.toString(), /^bt-record: \d+ events \(\d+ syscalls\), 1 process, 0 lost, [\d.]+ \w+ \([\d.]+ B\/event\), [\d.]+ s\n$/);
  assert.equal(run(bin.record, ['-q', '-o', '/dev/null', '--', '/bin/true']).stderr.toString(), '');
});

test('errors a user can cause: one line, documented exit code', (t) => {
  const dir = tempDir(t);
  // Executable, but not a program the kernel can run: execve itself fails (ENOEXEC).
  const garbage = join(dir, 'garbage');
  writeFileSync(garbage, 'not a program\0\x01', { mode: 0o755 });
  const cases: [string[], number, RegExp, NodeJS.ProcessEnv?][] = [
    [['-o', '/dev/null', '--', 'no-such-program'], 127, /^bt-record: Can't stat 'no-such-program': No such file or directory\n$/],
    [['-o', '/dev/null', '--', '/etc/passwd'], 126, /^bt-record: Can't execute '\/etc\/passwd': Permission denied\n$/],
    [['-o', '/dev/null', '--', garbage], 126, /^bt-record: cannot execute '.*\/garbage': Exec format error\n$/],
    [['-o', '/dev/null', '-p', '4194303'], 1, /^bt-record: attach: process 4194303 does not exist\n$/],
    [['-o', join(dir, 'no/such/dir.pb'), '--', '/bin/true'], 1, /^bt-record: cannot create '.*no\/such\/dir.pb': no such file or directory\n$/],
    [['-o', '/dev/null', '--', '/bin/true'], 1, /^bt-record: this kernel has no BTF \(\/nonexistent\/vmlinux is missing\)/, { ...process.env, BT_VMLINUX_BTF: '/nonexistent/vmlinux' }],
    [['--bogus', '/bin/true'], 2, /^bt-record: unknown option '--bogus'\nFor help: bt-record --help\n$/],
    [['-s', 'abc', '/bin/true'], 2, /^bt-record: -s: 'abc' is not a number\n/],
    [['--buffer-size', '1000', '-o', '/dev/null', '/bin/true'], 2, /^bt-record: ring buffer size must be a power of two/],
    [[], 2, /^bt-record: must have PROGRAM \[ARGS\], -p PID, --cgroup PATH or --container ID\n/],
  ];
  for (const [args, code, message, env] of cases) {
    const r = run(bin.record, args, env ? { env } : {});
    assert.equal(r.status, code, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr.toString(), message, args.join(' '));
    assert.ok(!/\n\s+at /.test(r.stderr.toString()), 'no stack trace');
  }
});

/** The files bt-record opened (strace -f -e openat), the traced program's excluded by recording /bin/true. */
function openedFiles(dir: string, env: NodeJS.ProcessEnv): { status: number | null; files: string[] } {
  const log = join(dir, 'openat.txt');
  const r = spawnSync('strace', ['-f', '-qq', '-e', 'trace=openat', '-o', log, process.execPath, bin.record, '-q', '-o', join(dir, 't.pb'), '--', '/bin/true'],
    { env, encoding: 'utf8' });
  const files = readFileSync(log, 'utf8').split('\n').flatMap((l) => /openat\([^,]+, "([^"]+)"/.exec(l)?.[1] ?? []);
  return { status: r.status, files };
}

test('loading uses the CO-RE types cut at build time, not the whole kernel BTF; another kernel falls back to it', async (t) => {
  const dir = tempDir(t);
  const same = openedFiles(dir, process.env);
  assert.equal(same.status, 0);
  assert.ok(same.files.some((f) => f.endsWith('/dist/core.btf')), 'the build\'s BTF cut is loaded');
  assert.ok(!same.files.includes('/sys/kernel/btf/vmlinux'), 'the kernel\'s whole BTF is not read');
  assert.ok((await readBack(join(dir, 't.pb'))).complete);
  // A kernel whose BTF differs from the build's (here: its size) gets the kernel's own BTF.
  const other = join(dir, 'other-vmlinux');
  writeFileSync(other, 'not the build kernel\'s BTF');
  const fallback = openedFiles(dir, { ...process.env, BT_VMLINUX_BTF: other });
  assert.equal(fallback.status, 0);
  assert.ok(!fallback.files.some((f) => f.endsWith('/dist/core.btf')));
  assert.ok(fallback.files.includes('/sys/kernel/btf/vmlinux'));
  const back = await readBack(join(dir, 't.pb'));
  assert.ok(back.complete);
  assert.equal(syscallName(syscalls(back.events)[0]!.nr), 'execve');
});

test('the syscall hooks load as tp_btf programs, and as raw_tp ones (the fallback) record the same calls', async (t) => {
  const dir = tempDir(t);
  // BT_BPF_STATS=1 names the programs that ran; setarch -R and environments of one size: the same addresses in both runs.
  const recordCat = async (env: NodeJS.ProcessEnv) => {
    const out = join(dir, 'cat.pb');
    const r = spawnSync('setarch', ['-R', process.execPath, bin.record, '-o', out, '--', '/bin/cat', '/etc/hostname', '/etc/passwd'],
      { env: { ...process.env, BT_BPF_STATS: '1', ...env }, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    assert.equal(r.status, 0, r.stderr);
    // What differs from run to run: execve's argv and envp pointers (the recorder's memory),
    // the thread id set_tid_address returns, getrandom's bytes.
    const calls = syscalls((await readBack(out)).events).map((e) => {
      const name = syscallName(e.nr);
      return {
        name, args: name === 'execve' ? e.args.slice(0, 1) : e.args, ret: name === 'set_tid_address' ? 0 : e.ret, flags: e.flags,
        captures: e.captures.map((c) => ({ arg: c.arg, flags: c.flags, data: name === 'getrandom' ? '' : Buffer.from(c.data).toString('hex') })),
      };
    });
    return { stderr: r.stderr, calls };
  };
  const btf = await recordCat({ BT_BPF_RAW_TP: '0' });
  assert.match(btf.stderr, /^bt-record: bpf bt_sys_enter: [1-9]/m, 'tp_btf programs on this kernel');
  const raw = await recordCat({ BT_BPF_RAW_TP: '1' });
  assert.match(raw.stderr, /^bt-record: bpf bt_sys_enter_raw: [1-9]/m);
  assert.doesNotMatch(raw.stderr, /^bt-record: bpf bt_sys_enter: /m);
  assert.equal(btf.calls[0]!.name, 'execve');
  assert.ok(btf.calls.some((c) => c.name === 'read' && c.captures.length === 1), 'reads with their data');
  assert.deepEqual(raw.calls, btf.calls);
});

test('not root: one line saying what is needed', () => {
  const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', '--inh-caps=-all', '--bounding-set=-all',
    process.execPath, bin.record, '-o', '/dev/null', '--', '/bin/true'], { encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.stderr, 'bt-record: recording needs root (or CAP_BPF and CAP_PERFMON): loading the BPF programs was not permitted\n');
});

test('disk full during recording: clear error, non-zero exit, program stopped', () => {
  const t0 = Date.now();
  const r = run(bin.record, ['-o', '/dev/full', '--', '/bin/sleep', '120']);
  assert.equal(r.status, 1);
  assert.match(r.stderr.toString(), /^bt-record: cannot write the trace: no space left on device; the program was stopped/);
  // Far from both: bt-record's start on a loaded machine (seconds), and the program's own end.
  assert.ok(Date.now() - t0 < 60_000, 'the program was stopped, not waited for');
});

test('the disk fills up mid-recording: the batches written before read back, the program is stopped', async (t) => {
  const dir = tempDir(t);
  const small = join(dir, 'small');
  mkdirSync(small);
  // A 256 KiB file system: the header fits, the storm's batches soon do not.
  assert.equal(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', small]).status, 0, 'mount a small tmpfs');
  try {
    const out = join(small, 'full.pb');
    const t0 = Date.now();
    const r = run(bin.record, ['-o', out, '--', fixture('storm'), '100000000']);
    assert.equal(r.status, 1, r.stderr.toString());
    assert.match(r.stderr.toString(), /^bt-record: cannot write the trace: no space left on device; the program was stopped/);
    assert.ok(Date.now() - t0 < 60_000, 'the program was stopped, not waited for');
    const back = await readBack(out);
    assert.equal(back.complete, false);
    assert.ok(back.batches.length > 0, 'what was written before reads back');
    assert.equal(syscallName(syscalls(back.events)[0]!.nr), 'execve');
  } finally {
    spawnSync('umount', [small]);
  }
});

test('a tiny ring buffer overflows: lost records counted and reported, file still valid, --fail-on-loss exits 3', async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'lossy.pb');
  const r = run(bin.record, ['--buffer-size', '4K', '--fail-on-loss', '-o', out, '--', fixture('storm'), '200000']);
  assert.equal(r.status, 3, r.stderr.toString());
  const m = /(\d+) lost/.exec(r.stderr.toString());
  assert.ok(m && Number(m[1]) > 0, r.stderr.toString());
  const tr = await readBack(out);
  assert.ok(tr.complete);
  const lost = tr.trailer!.lostPerCpu!.map(Number).reduce((a, b) => a + b, 0);
  assert.equal(lost, Number(m[1]));
  assert.equal(syscalls(tr.events).length + lost >= 200000, true, 'every syscall is either recorded or counted lost');
});

test('records that wrap around the end of a small ring buffer read back whole', async (t) => {
  // The consumer maps the ring's data once: a record split by the end of a 4 KiB ring (the
  // storm's are 136 bytes) is put together. Records may be lost (counted); each one kept is whole.
  const dir = tempDir(t);
  const out = join(dir, 'wrap.pb');
  const r = run(bin.record, ['-q', '--buffer-size', '4K', '-o', out, '--', fixture('storm'), '200000']);
  assert.equal(r.status, 0, r.stderr.toString());
  const tr = await readBack(out);
  assert.ok(tr.complete, JSON.stringify(tr.problem));
  const pid = tr.header!.rootPid;
  const calls = syscalls(tr.events);
  for (const c of calls) assert.equal(c.pid, pid, `a call of thread ${c.tid} in process ${c.pid}`);
  // The storm's one-byte reads of /dev/zero (the loader's reads ask for more), all of one fd.
  const reads = calls.filter((c) => syscallName(c.nr) === 'read' && c.args[2] === 1);
  assert.ok(reads.length > 0, 'one-byte reads kept');
  for (const c of reads) {
    assert.equal(c.args[0], reads[0]!.args[0]);
    assert.equal(c.ret, 1);
    assert.deepEqual(c.captures.map((k) => [...k.data]), [[0]]);
  }
});

test('a trace cut at every byte offset of its last batch reads back cleanly up to the cut', async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'cut.pb');
  assert.equal(run(bin.record, ['-q', '-o', out, '--', '/bin/ls', '/']).status, 0);
  const bytes = readFileSync(out);
  const full = await readBack(bytes);
  const lastBatch = full.batches[full.batches.length - 1]!;
  const before = full.batches.length - 1;
  for (let cut = lastBatch; cut < bytes.length; cut++) {
    const tr = await readBack(bytes.subarray(0, cut));
    assert.equal(tr.complete, false);
    const expectBatches = cut === lastBatch ? before : tr.batches.length;
    assert.ok(tr.batches.length === before || tr.batches.length === before + 1, `cut at ${cut}`);
    assert.equal(tr.batches.length, expectBatches);
    assert.ok(tr.problem && (tr.problem.code === 'TRUNCATED' || tr.problem.code === 'NO_TRAILER'), `cut at ${cut}: ${tr.problem?.code}`);
  }
});

test('SIGTERM while recording: the program is stopped, the trace finished with its trailer', async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'term.pb');
  const child = start(bin.record, ['-q', '-o', out, '--', '/bin/sleep', '30']);
  const pid = await rootPid(out);
  await until('sleep to be in clock_nanosleep', () => blockedIn(pid, 'sleep', 'clock_nanosleep'));
  child.kill('SIGTERM');
  const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  assert.equal(code, 128 + 15);
  const tr = await readBack(out);
  assert.ok(tr.complete);
  assert.equal(tr.trailer!.stopReason, 'signal');
  const names = syscalls(tr.events).map((e) => syscallName(e.nr));
  assert.ok(names.includes('clock_nanosleep'));
});

test('-p attaches to a running process; Ctrl-C detaches, leaves it running, records the call in progress', async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'attach.pb');
  const target = spawn(fixture('blocked'), [], { stdio: ['pipe', 'pipe', 'ignore'] });
  t.after(() => target.kill('SIGKILL'));
  const pid = Number(await new Promise<string>((r) => target.stdout.once('data', (d: Buffer) => r(d.toString()))));
  const rec = start(bin.record, ['-q', '-o', out, '-p', String(pid)]);
  // The header is written once the process is traced: its read, blocked since before, has no entry.
  await rootPid(out);
  await until('the target to block in read', () => blockedIn(pid, 'blocked', 'read'));
  const before = blocks(pid);
  target.stdin.write('x');
  // It read the x and blocked again, in the read still in progress when we detach.
  await until('the target to read x and block in read again', () => (blocks(pid) > before ? blockedIn(pid, 'blocked', 'read') : undefined));
  rec.kill('SIGINT');
  const code = await new Promise<number | null>((r) => rec.on('exit', (c) => r(c)));
  assert.equal(code, 0);
  assert.equal(target.exitCode, null, 'still running');
  const tr = await readBack(out);
  assert.ok(tr.complete);
  assert.equal(tr.header!.attached, true);
  assert.equal(tr.trailer!.stopReason, 'detached');
  const reads = syscalls(tr.events).filter((e) => syscallName(e.nr) === 'read' && e.pid === pid);
  assert.ok(reads.some((e) => e.flags & 2), 'the read blocked when we attached has no entry');
  assert.ok(reads.some((e) => e.ret === 1 && text(e.captures[0]!.data) === 'x'), 'the read of x');
  assert.ok(reads.some((e) => e.flags & 1), 'the read still blocked at detach is unfinished');
});

test('library: record() returns the trace in memory; recordEvents() yields events as recorded', async () => {
  const r = await record(['/bin/true']);
  assert.equal(r.exitCode, 0);
  const tr = await readBack(r.trace!);
  assert.ok(tr.complete);
  assert.equal(syscallName(syscalls(tr.events)[0]!.nr), 'execve');
  const seen: string[] = [];
  const stream = recordEvents(['/bin/echo', 'hi'], { stdio: [0, 2, 2] });
  for await (const ev of stream) seen.push(ev.type === 'syscall' ? syscallName(ev.nr) : ev.type);
  const result = await stream.result;
  assert.equal(result.exitCode, 0);
  assert.equal(seen.filter((s) => s === 'write').length, 1);
  assert.equal(seen[seen.length - 1], 'exit');
  assert.equal(seen.filter((s) => !['exec', 'exit', 'fork', 'signal'].includes(s)).length, result.syscalls);
});

test('getdents64 captures the number of entries it returned', async (t) => {
  const dir = tempDir(t);
  const data = join(dir, 'd');
  mkdirSync(data);
  for (let i = 0; i < 37; i++) writeFileSync(join(data, `f${i}`), '');
  const out = join(dir, 'ls.pb');
  assert.equal(run(bin.record, ['-q', '-o', out, '--', '/bin/ls', data]).status, 0);
  const dents = syscalls((await readBack(out)).events).filter((e) => syscallName(e.nr) === 'getdents64' && e.ret > 0);
  const counts = dents.map((e) => Buffer.from(e.captures[0]!.data).readUInt32LE(0));
  assert.equal(counts.reduce((a, b) => a + b, 0), 37 + 2, 'every entry, . and .. included');
});

test('value-result lengths are captured at entry and at exit (getsockname)', async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'sock.pb');
  const py = "import socket\ns=socket.socket(); s.bind(('127.0.0.1',0)); s.getsockname()";
  assert.equal(run(bin.record, ['-q', '-o', out, '--', '/usr/bin/python3', '-c', py]).status, 0);
  const gs = syscalls((await readBack(out)).events).find((e) => syscallName(e.nr) === 'getsockname')!;
  const len = gs.captures.filter((c) => c.arg === 2).map((c) => [c.flags & 4, Buffer.from(c.data).readUInt32LE(0)]);
  // CPython passes sizeof(struct sockaddr_in) for an AF_INET socket: 16 in, 16 out.
  assert.deepEqual(len, [[0, 16], [4, 16]]);
});

test('a signal the kernel ignores (default SIGCHLD) is recorded for its target, marked ignored', async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'sig.pb');
  // The kernel ignores SIGCHLD at generation when the parent has it at default and not
  // blocked. Perl blocks every signal inside fork(): a child that exited before the
  // parent's fork() returned would find SIGCHLD blocked, pending, then delivered. The
  // child exits only after the parent, back from fork(), writes to a pipe; then it reaps.
  const perl = 'pipe(my $r, my $w) or die; my $pid = fork() // die; if ($pid == 0) { close $w; sysread($r, my $go, 1); exit 3 } '
    + 'close $r; syswrite($w, "x"); waitpid($pid, 0) == $pid && ($? >> 8) == 3 or die';
  const r = run(bin.record, ['-q', '-o', out, '--', '/usr/bin/perl', '-e', perl]);
  assert.equal(r.status, 0, r.stderr.toString());
  const tr = await readBack(out);
  const sig = procEvents(tr.events, 'signal');
  assert.equal(sig.length, 1);
  assert.equal(sig[0]!.signo, 17);
  assert.equal(sig[0]!.ignored, true);
  assert.equal(sig[0]!.pid, tr.header!.rootPid);
  assert.equal(Buffer.from(sig[0]!.siginfo).readInt32LE(0), 17, 'si_signo');
});

test('sendmsg/recvmsg: the msghdr, its iovec array and the buffers (a read bounded by what it returned)', async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'msg.pb');
  const py = "import socket\na,b=socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)\na.sendmsg([b'hello ', b'world'])\nb.recvmsg(64)";
  assert.equal(run(bin.record, ['-q', '-o', out, '--', '/usr/bin/python3', '-c', py]).status, 0);
  const sc = syscalls((await readBack(out)).events);
  const parts = (name: string) => sc.find((e) => syscallName(e.nr) === name)!.captures.map((c) => [c.element, c.flags & ~4, c.element === 0x102 || !(c.flags & 8) ? c.data.length : text(c.data)]);
  assert.deepEqual(parts('sendmsg'), [[0, 0, 56], [0x102, 8, 32], [0, 8, 'hello '], [1, 8, 'world']]);
  // The msghdr at entry too (msg_namelen is value-result), the struct only; then at exit with its parts.
  assert.deepEqual(parts('recvmsg'), [[0, 0, 56], [0, 0, 56], [0x102, 8, 16], [0, 8, 'hello world']]);
});

test('bt-record killed with -9: the trace reads back up to its last complete batch, trailer missing', async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'killed.pb');
  const rec = start(bin.record, ['-q', '-o', out, '--', '/bin/sh', '-c', 'while :; do /bin/true; done']);
  // Killed once batches with several execs are in the file.
  await until('batches in the trace', async () => {
    const tr = await soFar(out);
    return tr && tr.batches.length > 0 && procEvents(tr.events, 'exec').length > 1 ? true : undefined;
  });
  rec.kill('SIGKILL');
  await new Promise((r) => rec.on('exit', r));
  const tr = await readBack(out);
  t.after(() => {
    try { process.kill(tr.header!.rootPid!, 'SIGKILL'); } catch { /* gone */ }
  });
  assert.equal(tr.complete, false);
  assert.ok(tr.problem && ['NO_TRAILER', 'TRUNCATED'].includes(tr.problem.code), tr.problem?.code);
  assert.ok(tr.batches.length > 0, 'batches written before the kill are readable');
  assert.ok(procEvents(tr.events, 'exec').length > 1);
});

test('--program-stdout sends the program\'s output to a file', async (t) => {
  const dir = tempDir(t);
  const r = run(bin.record, ['-q', '--program-stdout', join(dir, 'out.txt'), '/bin/echo', 'kept apart']);
  assert.equal(r.status, 0, r.stderr.toString());
  assert.equal(readFileSync(join(dir, 'out.txt'), 'utf8'), 'kept apart\n');
  assert.equal(r.stderr.toString(), '');
  assert.ok((await readBack(new Uint8Array(r.stdout))).complete);
});
