// bt-record on running processes and for long recordings, end to end with real BPF and
// real processes: -p with several pids, the /proc state a trace starts from, pid
// namespaces (unshare) and bt-show --pidns, --rotate, --flight, and both under a full
// disk and kill -9.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ProcessEvent, SyscallEvent } from '@beetrace/format';
import { bin, fixture, readBack, run, soFar, start, syscallName, tempDir, until, type ReadBack } from './helpers.js';

const syscalls = (evs: readonly { type: string }[]) => evs.filter((e): e is SyscallEvent => e.type === 'syscall');
const forks = (evs: readonly { type: string }[]) => evs.filter((e) => e.type === 'fork') as ProcessEvent[];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const total = (tr: ReadBack) => Number(tr.trailer!.syscalls) + Number(tr.trailer!.stateCalls ?? 0) + Number(tr.trailer!.processEvents);
/** The "N events" of bt-record's summary line. */
const summaryEvents = (stderr: string) => Number(/(\d+) events/.exec(stderr)?.[1] ?? NaN);

/**
 * A process to attach to: opens FILE, prints its pid, then for each byte on stdin calls
 * getpid() and reads 4 bytes of FILE with pread64. `wrap`: a command it runs under (unshare).
 */
const TARGET = 'import os,sys\nf=os.open(sys.argv[1],os.O_RDONLY)\nprint(os.getpid(),flush=True)\nwhile os.read(0,1):\n os.getpid(); os.pread(f,4,0)\n';
async function target(t: { after(fn: () => void): void }, file: string, wrap: string[] = []): Promise<{ child: ChildProcess; printed: number }> {
  const argv = [...wrap, '/usr/bin/python3', '-c', TARGET, file];
  const child = spawn(argv[0]!, argv.slice(1), { stdio: ['pipe', 'pipe', 'ignore'] });
  t.after(() => child.kill('SIGKILL'));
  const printed = Number(await new Promise<string>((r) => child.stdout!.once('data', (d: Buffer) => r(d.toString()))));
  return { child, printed };
}

/** The pid of the first child of process `pid`, once it has one. */
const firstChild = (pid: number) => until(`a child of ${pid}`, () => {
  try {
    const c = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return c ? Number(c.split(' ')[0]) : undefined;
  } catch {
    return undefined;
  }
});

/** The trace at `path`, once bt-record has finished writing it. */
const completed = (path: string) => until(path, async () => {
  const tr = await soFar(path);
  return tr?.complete ? tr : undefined;
});

/** Waits for a started bt-record to end; its exit code and stderr. */
function ended(rec: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  rec.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((r) => rec.on('exit', (code) => r({ code, stderr })));
}

/** Ends a recording with Ctrl-C once the trace being written holds a pread64 of each of `pids`. */
async function detachAfterPreads(rec: ChildProcess, out: string, pids: readonly number[]): Promise<void> {
  await until('a pread64 of each process in the trace', async () => {
    const seen = new Set(syscalls((await soFar(out))?.events ?? []).filter((e) => syscallName(e.nr) === 'pread64').map((e) => e.pid));
    return pids.every((p) => seen.has(p)) ? true : undefined;
  });
  rec.kill('SIGINT');
}

test('-p PID,PID -p PID: several running processes, their fds from before the attach named (-y); a pid already gone is told about', async (t) => {
  const dir = tempDir(t);
  const files = ['a.txt', 'b.txt'].map((n) => join(dir, n));
  writeFileSync(files[0]!, 'aaaa');
  writeFileSync(files[1]!, 'bbbb');
  const a = await target(t, files[0]!);
  const b = await target(t, files[1]!);
  const gone = spawnSync('/bin/true').pid!;
  const out = join(dir, 'two.pb');
  const rec = start(bin.record, ['-q', '-o', out, '-p', `${a.printed},${b.printed}`, '-p', String(gone)]);
  const done = ended(rec);
  await until('the header', async () => (await soFar(out))?.header);
  // One after the other: calls of the two that overlap in time would print as <unfinished ...> and resumed.
  a.child.stdin!.write('x');
  await until('a pread64 of the first process', async () =>
    syscalls((await soFar(out))?.events ?? []).some((e) => syscallName(e.nr) === 'pread64' && e.pid === a.printed) || undefined);
  b.child.stdin!.write('x');
  await detachAfterPreads(rec, out, [a.printed, b.printed]);
  const { code, stderr } = await done;
  assert.equal(code, 0, stderr);
  assert.equal(stderr, `bt-record: attach: process ${gone} does not exist (it exited before it could be traced)\n`);
  assert.equal(a.child.exitCode, null, 'still running');
  const tr = await readBack(out);
  assert.ok(tr.complete);
  assert.equal(tr.header!.attached, true);
  assert.equal(tr.header!.rootPid, a.printed);
  assert.deepEqual(tr.header!.processes!.map((p) => [p.pid, p.fds!.find((f) => f.fd === 3)?.target]), [[a.printed, files[0]], [b.printed, files[1]]]);
  const shown = run(bin.show, ['-y', out]);
  assert.equal(shown.status, 0, shown.stderr.toString());
  for (const [pid, file, data] of [[a.printed, files[0]!, 'aaaa'], [b.printed, files[1]!, 'bbbb']] as const) {
    assert.match(shown.stdout.toString(), new RegExp(`^${pid} +pread64\\(3<${escape(file)}>, "${data}", 4, 0\\) += 4$`, 'm'));
  }
});

test('-p -y: the calls on an fd opened before the attach print as strace -p -y prints them', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'd.txt');
  writeFileSync(file, 'dddd');
  const d = await target(t, file);
  const straceOut = join(dir, 'strace.txt');
  const strace = spawn('strace', ['-y', '-p', String(d.printed), '-o', straceOut], { stdio: ['ignore', 'ignore', 'pipe'] });
  t.after(() => strace.kill('SIGKILL'));
  await new Promise<void>((r) => strace.stderr.on('data', (b: Buffer) => /attached/.test(b.toString()) && r()));
  const out = join(dir, 'd.pb');
  const rec = start(bin.record, ['-q', '-o', out, '-p', String(d.printed)]);
  const done = ended(rec);
  await until('the header', async () => (await soFar(out))?.header);
  d.child.stdin!.write('xx');
  await detachAfterPreads(rec, out, [d.printed]);
  assert.equal((await done).code, 0);
  strace.kill('SIGINT');
  await new Promise((r) => strace.on('exit', r));
  const preads = (text: string) => text.split('\n').filter((l) => l.startsWith('pread64(')).map((l) => l.replace(/ +/g, ' '));
  const ours = preads(run(bin.show, ['-y', out]).stdout.toString());
  assert.ok(ours.length > 0);
  assert.deepEqual(ours, preads(readFileSync(straceOut, 'utf8')).slice(0, ours.length));
  assert.equal(ours[0], `pread64(3<${file}>, "dddd", 4, 0) = 4`);
});

test('-p with no process left to attach to: one line, exit 1, no file; a bad pid is a usage error', async (t) => {
  const dir = tempDir(t);
  const gone = spawnSync('/bin/true').pid!;
  const out = join(dir, 'none.pb');
  const r = run(bin.record, ['-o', out, '-p', String(gone)]);
  assert.equal(r.status, 1);
  assert.equal(r.stderr.toString(), `bt-record: attach: process ${gone} does not exist\n`);
  assert.equal(existsSync(out), false);
  const bad = run(bin.record, ['-o', out, '-p', '12,x']);
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr.toString(), "bt-record: -p: 'x' is not a process id\nFor help: bt-record --help\n");
});

const hostPidns = () => Number(/\[(\d+)\]/.exec(readlinkSync('/proc/self/ns/pid'))![1]);

test('a program in a new pid namespace (unshare --pid --fork): both pids kept; bt-show --pidns prints the ones it saw', async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'ns.pb');
  const r = run(bin.record, ['-q', '-o', out, '--', '/usr/bin/unshare', '--pid', '--fork', '/bin/sh', '-c', '/bin/true; exit 0']);
  assert.equal(r.status, 0, r.stderr.toString());
  const tr = await readBack(out);
  const unshare = tr.header!.rootPid!;
  const [sh, child] = forks(tr.events);
  assert.ok(sh && child, 'unshare forked sh, sh forked /bin/true');
  assert.equal(sh.parentPid, unshare);
  assert.deepEqual([sh.nsPid, sh.nsTid, sh.pidnsLevel], [1, 1, 1]);
  assert.deepEqual([child.parentPid, child.nsPid, child.nsTid, child.pidnsLevel], [sh.pid, 2, 2, 1]);
  assert.ok(sh.pidnsInode > 0 && sh.pidnsInode !== hostPidns(), 'a namespace other than the host\'s');
  assert.equal(child.pidnsInode, sh.pidnsInode);
  const plain = run(bin.show, [out]).stdout.toString();
  const translated = run(bin.show, ['--pidns', out]).stdout.toString();
  // sh's clone returns 2, the child's pid in the namespace; the host's is the line prefix
  // (--pidns: the pid it saw, then the host's, and a comment with the host's after a pid it got).
  const forked = (prefix: string, ret: string) => new RegExp(`^${prefix} +(<\\.\\.\\. )?(clone|vfork|clone3)[( ].*= ${ret}$`, 'm');
  assert.match(plain, forked(String(sh.pid), '2'));
  assert.match(plain, new RegExp(`^${child.pid} +execve\\("/bin/true"`, 'm'));
  assert.match(translated, forked(`1/${sh.pid}`, `2 /\\* ${child.pid} on the host \\*/`));
  assert.match(translated, new RegExp(`^1/${sh.pid} +(<\\.\\.\\. )?wait4[( ].*= 2 /\\* ${child.pid} on the host \\*/$`, 'm'));
  assert.match(translated, new RegExp(`^2/${child.pid} +execve\\("/bin/true"`, 'm'));
  assert.match(translated, new RegExp(`^${unshare} +unshare\\(.*\\) += 0$`, 'm'), 'unshare itself stays in the host\'s namespace');
  assert.equal(plain.split('\n').length, translated.split('\n').length);
});

test('-p of a process in another pid namespace: its NSpid in the header; bt-show --pidns prints what getpid() told it', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'c.txt'), 'cccc');
  const c = await target(t, join(dir, 'c.txt'), ['/usr/bin/unshare', '--pid', '--fork']);
  assert.equal(c.printed, 1, 'pid 1 in its namespace');
  const host = await firstChild(c.child.pid!);
  const out = join(dir, 'ns-attach.pb');
  const rec = start(bin.record, ['-q', '-o', out, '-p', String(host)]);
  const done = ended(rec);
  await until('the header', async () => (await soFar(out))?.header);
  c.child.stdin!.write('x');
  await detachAfterPreads(rec, out, [host]);
  assert.equal((await done).code, 0);
  const tr = await readBack(out);
  assert.deepEqual(tr.header!.processes!.map((p) => [p.pid, p.nsPids, p.nsTids]), [[host, [host, 1], [1]]]);
  const translated = run(bin.show, ['-y', '--pidns', out]).stdout.toString();
  assert.match(translated, new RegExp(`^1/${host} +getpid\\(\\) += 1 /\\* ${host} on the host \\*/$`, 'm'));
  assert.match(translated, new RegExp(`^1/${host} +pread64\\(3<${escape(join(dir, 'c.txt'))}>, "cccc", 4, 0\\) += 4$`, 'm'));
});

test('--pidns: si_pid of a SIGCHLD and of waitid\'s infop in a pid namespace gets the host\'s; --json has the namespace\'s pid and tid', async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'waitid.pb');
  // python3 is pid 1 of the new namespace, its child pid 2; it waits with waitid.
  const py = 'import os,signal\nsignal.signal(signal.SIGCHLD, lambda s, f: None)\np=os.fork()\nif p == 0: os._exit(3)\nos.waitid(os.P_PID, p, os.WEXITED)\n';
  const r = run(bin.record, ['-q', '-o', out, '--', '/usr/bin/unshare', '--pid', '--fork', '/usr/bin/python3', '-c', py]);
  assert.equal(r.status, 0, r.stderr.toString());
  const tr = await readBack(out);
  const [python, child] = forks(tr.events);
  assert.ok(python && child);
  assert.deepEqual([python.nsPid, child.nsPid], [1, 2]);
  const plain = run(bin.show, [out]).stdout.toString();
  const translated = run(bin.show, ['--pidns', out]).stdout.toString();
  const host = `2 /\\* ${child.pid} on the host \\*/`;
  assert.match(plain, new RegExp(`^${python.pid} +--- SIGCHLD \\{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=2, si_uid=\\d+, si_status=3,`, 'm'));
  assert.match(translated, new RegExp(`^1/${python.pid} +--- SIGCHLD \\{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=${host}, si_uid=\\d+, si_status=3,`, 'm'));
  // waitid's pid argument and its infop's si_pid (the call may print unfinished and resumed around the child's calls).
  assert.match(translated, new RegExp(`^1/${python.pid} +waitid\\(P_PID, ${host}, `, 'm'));
  assert.match(translated, new RegExp(`^1/${python.pid} +(<\\.\\.\\. waitid resumed>|waitid\\(P_PID, ${host}, )\\{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=${host}, si_uid=\\d+, si_status=3,`, 'm'));
  const json = run(bin.show, ['--json', out]).stdout.toString().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  const waitid = json.find((e) => e['name'] === 'waitid')!;
  assert.deepEqual([waitid['pid'], waitid['tid'], waitid['ns_pid'], waitid['ns_tid']], [python.pid, python.pid, 1, 1]);
  const exited = json.find((e) => e['type'] === 'exited' && e['pid'] === child.pid)!;
  assert.deepEqual([exited['ns_pid'], exited['ns_tid']], [2, 2]);
  const unshare = json.find((e) => e['name'] === 'unshare')!;
  assert.ok(!('ns_pid' in unshare), 'a thread in the initial namespace has none');
});

test('-p TID of a thread that is not its process\'s leader: its process is recorded, all its threads, and one line says so', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 't.txt');
  writeFileSync(file, 'tttt');
  // The main thread prints its pid and the thread's tid, then the thread preads FILE for each byte on stdin.
  const py = 'import os,sys,threading\nf=os.open(sys.argv[1],os.O_RDONLY)\nr=threading.Event()\n' +
    'def w():\n print(os.getpid(), threading.get_native_id(), flush=True)\n while os.read(0,1): os.pread(f,4,0)\n' +
    'th=threading.Thread(target=w)\nth.start()\nth.join()\n';
  const child = spawn('/usr/bin/python3', ['-c', py, file], { stdio: ['pipe', 'pipe', 'ignore'] });
  t.after(() => child.kill('SIGKILL'));
  // The whole line: it may come in more than one read.
  let printed = '';
  await new Promise<void>((r) => child.stdout!.on('data', (d: Buffer) => { printed += d.toString(); if (printed.includes('\n')) r(); }));
  const [pid, tid] = printed.trim().split(' ').map(Number) as [number, number];
  assert.ok(pid > 0 && tid > 0 && pid !== tid, printed);
  const out = join(dir, 'tid.pb');
  const rec = start(bin.record, ['-o', out, '-p', String(tid)]);
  const done = ended(rec);
  let err = '';
  rec.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  await until('the attach line', () => {
    if (rec.exitCode !== null) assert.fail(`bt-record exited ${rec.exitCode}: ${err}`);
    return /Process \d+ attached\n/.test(err) ? true : undefined;
  });
  child.stdin!.write('x');
  await detachAfterPreads(rec, out, [pid]);
  const { code, stderr } = await done;
  assert.equal(code, 0, stderr);
  assert.match(stderr, new RegExp(`^bt-record: attach: ${tid} is a thread of process ${pid}: recording process ${pid}, all its threads\\nbt-record: Process ${pid} attached\\n`));
  const tr = await readBack(out);
  assert.deepEqual(tr.header!.processes!.map((p) => [p.pid, p.tids]), [[pid, [pid, tid]]]);
  assert.ok(syscalls(tr.events).some((e) => syscallName(e.nr) === 'pread64' && e.tid === tid), 'the thread\'s calls are in it');
});

test('--flight -p: when the attached process exits, the file is written, complete', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'f.txt');
  writeFileSync(file, 'ffff');
  const f = await target(t, file);
  const out = join(dir, 'flight-p.pb');
  const rec = start(bin.record, ['--flight', '64K', '-o', out, '-p', String(f.printed)]);
  const done = ended(rec);
  let err = '';
  rec.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  // Written once the process is traced: every call after it is recorded (and no file exists before the end).
  await until('the attach line', () => (/Process \d+ attached\n/.test(err) ? true : undefined));
  f.child.stdin!.end('xy');
  const { code, stderr } = await done;
  assert.equal(code, 0, stderr);
  assert.match(stderr, new RegExp(`^bt-record: Process ${f.printed} attached\\nbt-record: \\d+ events`));
  assert.deepEqual(readdirSync(dir).sort(), ['f.txt', 'flight-p.pb']);
  const tr = await readBack(out);
  assert.ok(tr.complete);
  assert.equal(tr.trailer!.stopReason, 'exited');
  assert.equal(tr.header!.attached, true);
  assert.equal(Number(tr.header!.completeFromNs ?? 0), 0, 'nothing dropped: the whole recording fits');
  assert.equal(syscalls(tr.events).filter((e) => syscallName(e.nr) === 'pread64').length, 2, 'both preads');
  assert.ok(tr.events.some((e) => e.type === 'exit' && e.pid === f.printed), 'and its exit');
  assert.match(run(bin.show, ['-y', out]).stdout.toString(), new RegExp(`^pread64\\(3<${escape(file)}>, "ffff", 4, 0\\) += 4$`, 'm'));
});

// 30000 pread64 calls on an fd opened before any of them: several 64 KiB files' worth.
const PREADS = "import os\nf=os.open('/etc/hostname',os.O_RDONLY)\nfor i in range(30000): os.pread(f,4,0)\n";

test('--max-size --rotate: files in order, each a complete trace with the state it needs; at most N kept, nothing missing', async (t) => {
  const dir = tempDir(t);
  const r = run(bin.record, ['-o', join(dir, 'svc.pb'), '--max-size', '64K', '--rotate', '3', '--', '/usr/bin/python3', '-c', PREADS]);
  assert.equal(r.status, 0, r.stderr.toString());
  assert.deepEqual(readdirSync(dir).sort(), ['svc.1.pb', 'svc.2.pb', 'svc.pb']);
  const traces = await Promise.all(['svc.2.pb', 'svc.1.pb', 'svc.pb'].map((n) => readBack(join(dir, n))));
  for (const tr of traces) assert.ok(tr.complete, tr.problem?.message);
  const seq = traces.map((tr) => tr.header!.sequence!);
  assert.ok(seq[0]! >= 1, 'older files were written and removed');
  assert.deepEqual(seq, [seq[0]!, seq[0]! + 1, seq[0]! + 2]);
  // What each file says came before it is what the one before held: nothing lost between files.
  for (let i = 1; i < traces.length; i++) {
    assert.equal(Number(traces[i]!.header!.droppedRecords), Number(traces[i - 1]!.header!.droppedRecords) + total(traces[i - 1]!));
    assert.equal(traces[i - 1]!.trailer!.stopReason, 'rotated');
  }
  const last = traces[2]!;
  assert.equal(last.trailer!.stopReason, 'exited');
  assert.equal(Number(last.header!.droppedRecords) + total(last), summaryEvents(r.stderr.toString()));
  // A middle file: python's fd 3 was opened files before; the header's state names it
  // (the state the trace model had then: python may have exited before the file was written).
  const shown = run(bin.show, ['-y', join(dir, 'svc.1.pb')]);
  assert.equal(shown.status, 0, shown.stderr.toString());
  const lines = shown.stdout.toString().split('\n');
  assert.match(lines[0]!, /^--- complete from \S+: the \d+ records of the [\d.]+ s before are in the files before this one \(number \d+ of its series\) ---$/);
  assert.match(lines[1]!, /^pread64\(3<\/etc\/hostname>, ".*", 4, 0\) += \d+$/);
});

test('--flight: SIGUSR1 writes the last SIZE as a complete trace (FILE.1, FILE.2), the end writes FILE; dropped history counted', async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'last.pb');
  const py = `${PREADS}print('ready',flush=True)\nos.read(0,1)\nos.pread(f,4,1)\n`;
  const rec = spawn(process.execPath, [bin.record, '--flight', '64K', '-o', out, '--', '/usr/bin/python3', '-c', py], { stdio: ['pipe', 'pipe', 'pipe'] });
  t.after(() => rec.kill('SIGKILL'));
  const done = ended(rec);
  await new Promise((r) => rec.stdout.once('data', r));
  assert.deepEqual(readdirSync(dir), [], 'nothing written before it is asked for');
  for (const n of [1, 2]) {
    rec.kill('SIGUSR1');
    await completed(join(dir, `last.${n}.pb`));
  }
  rec.stdin.end('x');
  const { code, stderr } = await done;
  assert.equal(code, 0, stderr);
  assert.match(stderr, /^bt-record: --flight: wrote \S+last\.1\.pb: \d+ records, the last [\d.]+ s\nbt-record: --flight: wrote \S+last\.2\.pb/);
  const dumped = await readBack(join(dir, 'last.1.pb'));
  assert.equal(dumped.trailer!.stopReason, 'dumped');
  assert.ok(Number(dumped.header!.droppedRecords) > 0 && Number(dumped.header!.completeFromNs) > Number(dumped.header!.monotonicNs));
  const shown = run(bin.show, ['-y', join(dir, 'last.1.pb')]);
  assert.equal(shown.status, 0, shown.stderr.toString());
  assert.match(shown.stdout.toString().split('\n')[0]!, /^--- complete from \S+: the \d+ records of the [\d.]+ s before were dropped \(--flight\) ---$/);
  assert.match(shown.stdout.toString(), /^pread64\(3<\/etc\/hostname>, ".*", 4, 0\) += \d+$/m);
  // -c as well: the counts are of what the file holds, from when it is complete.
  const counted = run(bin.show, ['-c', join(dir, 'last.1.pb')]).stdout.toString().split('\n');
  assert.equal(counted[0], shown.stdout.toString().split('\n')[0]);
  assert.match(counted[1]!, /^% time +seconds/);
  const final = await readBack(out);
  assert.ok(final.complete);
  assert.equal(final.trailer!.programExited, true);
  assert.ok(syscalls(final.events).some((e) => syscallName(e.nr) === 'pread64' && e.args[3] === 1), 'the last call is in it');
  assert.equal(Number(final.header!.droppedRecords) + total(final), summaryEvents(stderr));
});

/** A 256 KiB tmpfs for the test, unmounted and removed after it. */
function smallDisk(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'bt-test-'));
  assert.equal(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', dir]).status, 0, 'mount a small tmpfs');
  t.after(() => {
    spawnSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

test('--rotate on a disk that fills up: one line, exit 1; every file written reads back, all but the last complete', async (t) => {
  const dir = smallDisk(t);
  const r = run(bin.record, ['-q', '-o', join(dir, 'svc.pb'), '--max-size', '64K', '--rotate', '100', '--', fixture('storm'), '100000000']);
  assert.equal(r.status, 1, r.stderr.toString());
  assert.match(r.stderr.toString(), /^bt-record: cannot write the trace: no space left on device; the program was stopped/m);
  const names = readdirSync(dir);
  assert.ok(names.length > 1, names.join(' '));
  for (const name of names) {
    const tr = await readBack(join(dir, name));
    assert.ok(tr.header, `${name} reads back`);
    // The file being written when the disk filled: its header and the batches that fit.
    if (name === 'svc.pb') assert.ok(tr.problem && ['NO_TRAILER', 'TRUNCATED'].includes(tr.problem.code), tr.problem?.code);
    else assert.ok(tr.complete && tr.batches.length > 0, `${name}: ${tr.problem?.message}`);
  }
});

test('--flight on a disk that fills up: one line, exit 1; the file reads back up to where the disk was full', async (t) => {
  const dir = smallDisk(t);
  const r = run(bin.record, ['-q', '-o', join(dir, 'last.pb'), '--flight', '1M', '--', fixture('storm'), '1000000']);
  assert.equal(r.status, 1, r.stderr.toString());
  assert.match(r.stderr.toString(), /^bt-record: cannot write the trace: no space left on device/m);
  const tr = await readBack(join(dir, 'last.pb'));
  assert.equal(tr.complete, false);
  assert.ok(tr.header && tr.batches.length > 0);
});

const LOOP = ['/bin/sh', '-c', 'while :; do /bin/true; done'];

test('bt-record --rotate killed with -9: every file reads back, all but the one being written complete', async (t) => {
  const dir = tempDir(t);
  const rec = start(bin.record, ['-q', '-o', join(dir, 'svc.pb'), '--max-size', '64K', '--rotate', '3', '--', ...LOOP]);
  const tr1 = await completed(join(dir, 'svc.1.pb'));
  t.after(() => process.kill(tr1.header!.rootPid!, 'SIGKILL'));
  rec.kill('SIGKILL');
  await new Promise((r) => rec.on('exit', r));
  for (const name of readdirSync(dir)) {
    const tr = await readBack(join(dir, name));
    assert.ok(tr.header, `${name} reads back`);
    if (name === 'svc.pb') assert.ok(tr.problem && ['NO_TRAILER', 'TRUNCATED'].includes(tr.problem.code), tr.problem?.code);
    else assert.ok(tr.complete, name);
  }
});

test('bt-record --flight killed with -9: the file a SIGUSR1 wrote reads back complete, nothing else is left', async (t) => {
  const dir = tempDir(t);
  const rec = start(bin.record, ['-q', '-o', join(dir, 'last.pb'), '--flight', '64K', '--', ...LOOP]);
  // The program runs once bt-record is recording (its SIGUSR1 handler in place).
  await firstChild(rec.pid!);
  rec.kill('SIGUSR1');
  const tr = await completed(join(dir, 'last.1.pb'));
  t.after(() => process.kill(tr.header!.rootPid!, 'SIGKILL'));
  rec.kill('SIGKILL');
  await new Promise((r) => rec.on('exit', r));
  assert.deepEqual(readdirSync(dir), ['last.1.pb']);
  assert.equal(tr.trailer!.stopReason, 'dumped');
});
