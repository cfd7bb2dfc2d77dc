// bt-record -e (filtered in the kernel) and --cgroup/--container: real recordings of
// real programs, in a cgroup v2 directory each test makes under this machine's v2 mount.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FdPathCapture, type ProcessEvent, SyscallFlag, type SyscallEvent } from '@beetrace/format';
import { cgroup2Root } from '@beetrace/recorder';
import { bin, readBack, run, start, syscallName, tempDir, until } from './helpers.js';

const syscalls = (evs: readonly { type: string }[]) => evs.filter((e): e is SyscallEvent => e.type === 'syscall');
const stateOnly = (e: SyscallEvent) => (e.flags & SyscallFlag.STATE_ONLY) !== 0;
const text = (d: Uint8Array) => Buffer.from(d).toString();

/** A trace's header, once bt-record has written it (it is attached by then). */
const headerOf = (trace: string) => until(`the header of ${trace}`, async () => {
  try {
    return (await readBack(trace)).header;
  } catch {
    return undefined;
  }
});

/** Removes a cgroup directory and those below it (rmdir each, deepest first: cgroupfs has no rm -r). */
function removeCgroup(dir: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) removeCgroup(join(dir, e.name));
  rmdirSync(dir);
}

/** New cgroup v2 directories `names` nested under the v2 mount (the first one removed, with all below it, after the test). */
function makeCgroup(t: { after(fn: () => void): void }, ...names: string[]): string {
  const dir = join(cgroup2Root(), ...names);
  const top = join(cgroup2Root(), names[0]!);
  let fresh = false;
  try {
    mkdirSync(top);
    fresh = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  if (fresh) t.after(() => removeCgroup(top));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Runs `sh -c script` to the end in cgroup `cg` (it moves itself in first), or outside any test cgroup. */
function sh(script: string, cg?: string): void {
  const r = spawnSync('/bin/sh', ['-c', cg ? `echo $$ > ${cg}/cgroup.procs && ${script}` : script], { stdio: 'ignore' });
  assert.equal(r.status, 0, script);
}

/** Stops a bt-record run with Ctrl-C and waits for its exit code. */
async function interrupt(rec: ReturnType<typeof start>): Promise<number | null> {
  rec.kill('SIGINT');
  return new Promise((r) => rec.on('exit', (c) => r(c)));
}

test('-e trace=read: only reads in full, fds opened outside the filter still named by bt-show -y', async (t) => {
  const dir = tempDir(t);
  const data = join(dir, 'data.txt');
  writeFileSync(data, 'hello filter\n');
  const out = join(dir, 'read.pb');
  const script = `exec 3< ${data}; /bin/head -c 5 <&3 > /dev/null`;
  const r = run(bin.record, ['-e', 'trace=read', '-o', out, '--', '/bin/sh', '-c', script]);
  assert.equal(r.status, 0, r.stderr.toString());
  const tr = await readBack(out);
  assert.deepEqual(tr.header!.filter!.expressions, ['trace=read']);
  const calls = syscalls(tr.events);
  const full = calls.filter((e) => !stateOnly(e));
  assert.ok(full.length > 0);
  // The calls in full and the state-only ones are counted apart: the trailer, bt-record's summary line.
  const nState = calls.length - full.length;
  assert.deepEqual([Number(tr.trailer!.syscalls), Number(tr.trailer!.stateCalls)], [full.length, nState]);
  assert.match(r.stderr.toString(), new RegExp(`^bt-record: ${calls.length + Number(tr.trailer!.processEvents)} events \\(${full.length} syscalls, ${nState} state-only outside -e\\), `));
  assert.deepEqual([...new Set(full.map((e) => syscallName(e.nr)))], ['read'], 'only reads are recorded in full');
  const state = new Set(calls.filter(stateOnly).map((e) => syscallName(e.nr)));
  for (const name of ['execve', 'openat', 'dup2', 'close']) assert.ok(state.has(name), `${name} is kept for the state`);
  assert.ok(!calls.some((e) => ['write', 'mmap', 'newfstatat', 'brk'].includes(syscallName(e.nr))), 'calls that change no state are not recorded');
  // The openat of data.txt is a state-only call with its path and what the kernel named the new fd (-y), no more.
  const open = calls.find((e) => syscallName(e.nr) === 'openat' && e.captures.some((c) => text(c.data) === data))!;
  assert.ok(stateOnly(open));
  assert.deepEqual(open.captures.map((c) => c.arg), [1, FdPathCapture.ARG]);

  const show = run(bin.show, ['-y', out]);
  assert.equal(show.status, 0, show.stderr.toString());
  const lines = show.stdout.toString().split('\n');
  assert.equal(lines[0], '# filtered when recorded (-e trace=read): calls outside it that change fds, the cwd or processes are kept for -y, not shown (--state-calls shows them)');
  assert.ok(lines.some((l) => l.includes(`read(0<${data}>, "hello", 5) = 5`)), 'head reads fd 0, which sh opened (as 3) and dup2ed, by its path');
  assert.ok(!lines.some((l) => /\bopenat\(|\bexecve\(/.test(l)), 'state-only calls are not shown');
  const all = run(bin.show, ['--state-calls', '-y', out]).stdout.toString();
  assert.match(all, new RegExp(`openat\\(AT_FDCWD<[^>]*>, "${data}", O_RDONLY\\) = 3<${data}> /\\* state only \\*/`));
  // -c: the summary says what it counts; the state-only calls only with --state-calls.
  const counted = run(bin.show, ['-c', out]).stdout.toString().split('\n');
  assert.equal(counted[0], `# filtered when recorded (-e trace=read): the summary counts the calls it kept, not the ${nState} calls outside it that change fds, the cwd or processes (--state-calls counts them)`);
  assert.match(counted.find((l) => l.endsWith(' total'))!, new RegExp(` ${full.length} +total$`));
  const countedAll = run(bin.show, ['-c', '--state-calls', out]).stdout.toString().split('\n');
  assert.match(countedAll[0]!, new RegExp(`the summary counts the calls it kept and the ${nState} calls outside it`));
  assert.match(countedAll.find((l) => l.endsWith(' total'))!, new RegExp(` ${calls.length} +total$`));
  // bt-store counts the calls of the run, not the state-only ones.
  const db = join(dir, 'traces.db');
  const added = run(bin.store, ['add', out], { env: { ...process.env, BT_DB: db } });
  assert.equal(added.status, 0, added.stderr.toString());
  assert.match(added.stderr.toString(), new RegExp(`: added as \\d+ \\(${full.length} syscalls; ${nState} state-only calls of its -e filter left out\\)\\n$`));
  const q = run(bin.query, ['--format', 'tsv', 'SELECT count(*) FROM syscalls'], { env: { ...process.env, BT_DB: db } });
  assert.equal(q.stdout.toString().split('\n')[1], String(full.length));
  // bt-diff compares the calls of the run: its snapshot holds the reads and the exits, nothing else.
  const snap = join(dir, 'snap.txt');
  const diff = run(bin.diff, ['--snapshot', snap, '--update', out]);
  assert.equal(diff.status, 0, diff.stderr.toString());
  const calls2 = readFileSync(snap, 'utf8').split('\n').filter((l) => l.startsWith('  '));
  assert.equal(calls2.filter((l) => l.startsWith('  read(')).length, full.length);
  assert.deepEqual(calls2.filter((l) => !l.startsWith('  read(') && !l.startsWith('  +++ exited')), []);
  // Against the same program recorded without a filter, bt-diff says the two hold different calls.
  const unfiltered = join(dir, 'all.pb');
  assert.equal(run(bin.record, ['-q', '-o', unfiltered, '--', '/bin/sh', '-c', script]).status, 0);
  const d = run(bin.diff, ['--summary', out, unfiltered]);
  const warning = `bt-diff: warning: the runs were recorded with different filters (${out}: -e trace=read; ${unfiltered}: no filter): the calls one of them left out show as removed or added`;
  assert.deepEqual(d.stderr.toString().split('\n').filter((l) => l.includes('warning')), [warning]);
  const dj = JSON.parse(run(bin.diff, ['--json', out, unfiltered]).stdout.toString()) as { warnings: string[] };
  assert.deepEqual(dj.warnings, [warning.replace('bt-diff: warning: ', '')]);
  assert.deepEqual(run(bin.diff, ['--snapshot', snap, out]).stderr.toString(), '', 'the snapshot keeps its filter: no warning against the same filter');
});

test('-e status=failed: only failed calls in full; -e trace=%file,connect combines with it', async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'failed.pb');
  const r = run(bin.record, ['-q', '-e', 'trace=%file,connect', '-e', 'status=failed', '-o', out, '--', '/bin/sh', '-c', `cat ${join(dir, 'missing')} 2>/dev/null; cat /etc/hostname > /dev/null; true`]);
  assert.equal(r.status, 0, r.stderr.toString());
  const tr = await readBack(out);
  assert.deepEqual(tr.header!.filter!.statuses, ['failed']);
  const full = syscalls(tr.events).filter((e) => !stateOnly(e));
  assert.ok(full.some((e) => syscallName(e.nr) === 'openat' && e.captures.some((c) => text(c.data) === join(dir, 'missing'))));
  for (const e of full) {
    assert.ok(e.ret < 0 && e.ret >= -4095, `${syscallName(e.nr)} = ${e.ret} failed`);
    assert.ok(tr.header!.filter!.syscalls!.includes(e.nr));
  }
  const show = run(bin.show, [out]).stdout.toString();
  assert.match(show, /openat\(AT_FDCWD, ".*\/missing", O_RDONLY\) = -1 ENOENT/);
  assert.ok(!/= 0\n|= 3\n/.test(show.split('\n').slice(1).join('\n')), 'no successful call is shown');
});

test('--cgroup: a process that joins the cgroup (or one below it) after recording started is recorded, one outside is not', async (t) => {
  const dir = tempDir(t);
  const name = `bt-test-${randomBytes(4).toString('hex')}`;
  const cg = makeCgroup(t, name);
  const below = makeCgroup(t, name, 'below');
  const inside = join(dir, 'inside.txt'), outside = join(dir, 'outside.txt'), deeper = join(dir, 'deeper.txt');
  writeFileSync(inside, 'in\n');
  writeFileSync(outside, 'out\n');
  writeFileSync(deeper, 'deeper\n');
  const out = join(dir, 'cg.pb');
  const rec = start(bin.record, ['-q', '-o', out, '--cgroup', cg]);
  const header = await headerOf(out);
  assert.equal(header!.cgroup, cg);
  assert.equal(header!.rootPid ?? 0, 0);
  sh(`cat ${inside} > /dev/null`, cg);
  sh(`cat ${outside} > /dev/null`);
  sh(`cat ${deeper} > /dev/null`, below);
  assert.equal(await interrupt(rec), 0);
  const tr = await readBack(out);
  assert.ok(tr.complete);
  assert.equal(tr.trailer!.stopReason, 'detached');
  const paths = syscalls(tr.events).filter((e) => syscallName(e.nr) === 'openat').flatMap((e) => e.captures.map((c) => text(c.data)));
  assert.ok(paths.includes(inside), 'the process that joined is recorded');
  assert.ok(!paths.includes(outside), 'the process outside is not');
  assert.ok(paths.includes(deeper), 'a process in a cgroup below it is');
  assert.ok(tr.events.some((e) => e.type === 'exec' && (e as ProcessEvent).filename.endsWith('/cat')), 'and its exec of cat');
  assert.ok(tr.trailer!.processes! >= 2, 'sh and cat counted');
});

test('--container: finds the cgroup docker and podman name for a container, by a unique prefix', async (t) => {
  const dir = tempDir(t);
  const top = `bt-test-${randomBytes(4).toString('hex')}`;
  const id = randomBytes(32).toString('hex');
  const other = id.slice(0, 14) + randomBytes(25).toString('hex');
  makeCgroup(t, top);
  const docker = makeCgroup(t, top, 'system.slice', `docker-${id}.scope`);
  const podman = makeCgroup(t, top, 'machine.slice', `libpod-${other}.scope`);
  const out = join(dir, 'c.pb');
  const rec = start(bin.record, ['-q', '-o', out, '--container', id.slice(0, 16)]);
  const header = await headerOf(out);
  assert.equal(header!.cgroup, docker);
  assert.equal(header!.container, id.slice(0, 16));
  sh('cat /etc/hostname > /dev/null', docker);
  assert.equal(await interrupt(rec), 0);
  const tr = await readBack(out);
  assert.ok(syscalls(tr.events).some((e) => syscallName(e.nr) === 'openat' && e.captures.some((c) => text(c.data) === '/etc/hostname')));
  // The podman one by its own prefix; the prefix both share is ambiguous.
  const p = start(bin.record, ['-q', '-o', join(dir, 'p.pb'), '--container', other.slice(0, 20)]);
  assert.equal((await headerOf(join(dir, 'p.pb')))!.cgroup, podman);
  assert.equal(await interrupt(p), 0);
  const amb = run(bin.record, ['-o', '/dev/null', '--container', id.slice(0, 12)]);
  assert.equal(amb.status, 1);
  assert.match(amb.stderr.toString(), new RegExp(`^bt-record: --container: '${id.slice(0, 12)}' is ambiguous: ${id.slice(0, 12)}, ${other.slice(0, 12)}\\n$|^bt-record: --container: '${id.slice(0, 12)}' is ambiguous: ${other.slice(0, 12)}, ${id.slice(0, 12)}\\n$`));
});

test('--container: finds the cgroup containerd\'s cgroupfs driver makes, /<namespace>/<id>', async (t) => {
  const dir = tempDir(t);
  // A containerd namespace of the test's own (containerd's are named by their users: default, k8s.io, moby...).
  const ns = `bt-test-ns-${randomBytes(4).toString('hex')}`;
  const id = randomBytes(32).toString('hex');
  makeCgroup(t, ns);
  const cg = makeCgroup(t, ns, id);
  const out = join(dir, 'ctr.pb');
  const rec = start(bin.record, ['-q', '-o', out, '--container', id.slice(0, 12)]);
  assert.equal((await headerOf(out))!.cgroup, cg);
  sh('cat /etc/hostname > /dev/null', cg);
  assert.equal(await interrupt(rec), 0);
  const tr = await readBack(out);
  assert.ok(syscalls(tr.events).some((e) => syscallName(e.nr) === 'openat' && e.captures.some((c) => text(c.data) === '/etc/hostname')));
});

test('filter and cgroup errors: one line, documented exit code', (t) => {
  const dir = tempDir(t);
  const cases: [string[], number, RegExp][] = [
    [['-e', 'trace=none', '--', '/bin/true'], 2, /^bt-record: -e trace=none: the filter names no syscall\nFor help: bt-record --help\n$/],
    [['-e', 'trace=!all', '--', '/bin/true'], 2, /^bt-record: -e trace=!all: the filter names no syscall\n/],
    [['-e', 'trace=nosuchcall', '--', '/bin/true'], 2, /^bt-record: -e trace: unknown syscall 'nosuchcall'/],
    [['-e', 'status=bogus', '--', '/bin/true'], 2, /^bt-record: -e status: unknown status 'bogus'/],
    [['-e', 'signal=SIGCHLD', '--', '/bin/true'], 2, /^bt-record: -e signal=: every signal is recorded/],
    [['--cgroup', join(dir, 'nope')], 1, /^bt-record: --cgroup: '.*\/nope' does not exist\n$/],
    [['--cgroup', dir], 1, /^bt-record: --cgroup: '.*' is not in a cgroup v2 hierarchy \(cgroup v2 is mounted at .*\)\n$/],
    [['--container', 'f00dfeedf00dfeed'], 1, /^bt-record: --container: no container f00dfeedf00dfeed /],
    [['--container', 'xyz'], 2, /^bt-record: --container: 'xyz' is not a container id/],
    [['--cgroup', dir, '-p', '1'], 2, /^bt-record: -p and --cgroup are mutually exclusive\n/],
  ];
  for (const [args, code, message] of cases) {
    const r = run(bin.record, ['-o', '/dev/null', ...args]);
    assert.equal(r.status, code, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr.toString(), message, args.join(' '));
    assert.ok(!/\n\s+at /.test(r.stderr.toString()), 'no stack trace');
  }
});
