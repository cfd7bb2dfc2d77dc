// One trace model, every tool: a real recording of a program that makes each call the tools
// once named differently (an unknown syscall number, a realtime signal with a handler,
// clone3 into a cgroup, a dup2'ed pipe). bt-show, bt-show --json, bt-query and bt-diff --json
// must name each the same, and bt-show must print what strace printed on the same run
// (the program runs under strace while bt-record records both).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { bin, fixture, run, tempDir } from './helpers.js';

const out = (r: { stdout: Buffer }): string => r.stdout.toString();
const err = (r: { stderr: Buffer }): string => r.stderr.toString();

/** The cgroup v2 mount, found as the kernel lists it (this kind of machine mounts it beside v1). */
function cgroup2Mount(): string {
  for (const line of readFileSync('/proc/self/mountinfo', 'utf8').split('\n')) {
    const [pre, post] = line.split(' - ');
    if (post?.startsWith('cgroup2 ')) return pre!.split(' ')[4]!;
  }
  throw new Error('no cgroup2 mount: this test needs cgroup v2');
}

/** A new cgroup made for the test, removed after it. */
function newCgroup(t: { after(fn: () => void): void }): string {
  const dir = join(cgroup2Mount(), `bt-model-${process.pid}-${Date.now()}`);
  mkdirSync(dir);
  t.after(() => { try { rmdirSync(dir); } catch { /* still busy: the kernel frees it with its last process */ } });
  return dir;
}

const FACTS = [
  /^syscall_0x1f4\(0x1, 0x2, 0x3, 0x4, 0x5, 0x6\) = -1 ENOSYS/,
  /^rt_sigaction\(SIGRT_8, /,
  /^kill\(\d+, SIGRT_8\) = 0/,
  /^--- SIGRT_8 \{si_signo=SIGRT_8, /,
  /^clone3\(\{flags=CLONE_INTO_CGROUP, .*cgroup=\d+\}, 88\) = \d+/,
  /^pipe2\(\[\d+, \d+\], 0\) = 0/,
  /^dup2\(\d+, 10\) = 10/,
];

/** strace -f splits a call another process's line interrupted (`<unfinished ...>` ... `<... name resumed>`): joined back. */
function joinResumed(text: string): string[] {
  const out: string[] = [];
  const open = new Map<string, number>();
  for (const line of text.split('\n')) {
    const u = /^(\d+)\s+(.*) <unfinished \.\.\.>$/.exec(line);
    if (u) { open.set(u[1]!, out.length); out.push(`${u[1]} ${u[2]}`); continue; }
    const r = /^(\d+)\s+<\.\.\. \w+ resumed>(.*)$/.exec(line);
    const at = r ? open.get(r[1]!) : undefined;
    if (r && at !== undefined) { out[at] += r[2]!; open.delete(r[1]!); continue; }
    out.push(line);
  }
  return out;
}

/** The lines of one tool's text that are about the facts, pid prefix and alignment folded. */
function factLines(text: string): string[] {
  return joinResumed(text).map((l) => l.replace(/^\[?pid\s+\d+\]?\s+|^\d+\s+/, '').replace(/\s+= /, ' = '))
    .filter((l) => FACTS.some((re) => re.test(l)));
}

test('every tool names an unknown syscall, a realtime signal, clone3 into a cgroup and a dup2ed pipe the same, and as strace does', async (t) => {
  const dir = tempDir(t);
  const prog = fixture('modelfacts');
  const cg = newCgroup(t);
  const trace = join(dir, 'run.pb');
  const straceOut = join(dir, 'strace.txt');
  const rec = run(bin.record, ['-q', '-o', trace, '--', 'strace', '-f', '-qq', '-s', '64', '-o', straceOut, '--', prog, cg], { cwd: dir });
  assert.equal(rec.status, 0, err(rec));

  const straceText = readFileSync(straceOut, 'utf8');
  const strace = factLines(straceText);
  assert.equal(strace.length, FACTS.length, `strace printed every fact once: ${strace.join('\n')}`);
  // strace itself is recorded too: bt-show shows the program's process, as strace printed it.
  const pid = /^(\d+)\s+syscall_0x1f4/m.exec(straceText)?.[1];
  assert.ok(pid, 'the program\'s pid in strace\'s output');
  const show = run(bin.show, ['-f', '-s', '64', '-p', pid, trace]);
  assert.equal(show.status, 0, err(show));
  assert.deepEqual(factLines(out(show)), strace);

  // --json: the same names as fields.
  const json = out(run(bin.show, ['--json', trace])).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const unknown = json.find((e) => e['nr'] === 500);
  assert.equal(unknown?.['name'], 'syscall_0x1f4');
  assert.ok(json.some((e) => e['type'] === 'signal' && e['signal'] === 'SIGRT_8'), 'the signal is SIGRT_8 in --json');
  assert.ok(json.some((e) => e['name'] === 'clone3' && String(e['line']).includes('cgroup=')), 'clone3 shows its cgroup in --json');

  // The store: the same names in SQL.
  const db = join(dir, 'store.db');
  const add = run(bin.store, ['add', '--db', db, trace]);
  assert.equal(add.status, 0, err(add));
  const q = (sql: string): string => {
    const r = run(bin.query, ['--db', db, '--format', 'tsv', sql]);
    assert.equal(r.status, 0, err(r));
    return out(r).trim().split('\n').slice(1).join('\n');
  };
  assert.equal(q('SELECT DISTINCT name FROM syscalls WHERE nr = 500'), 'syscall_0x1f4');
  assert.equal(q('SELECT DISTINCT signal FROM signals WHERE signo = 40'), 'SIGRT_8');
  assert.match(q("SELECT args FROM syscalls WHERE name = 'clone3'"), /cgroup=\d+/);
  assert.match(q("SELECT args FROM syscalls WHERE name = 'dup2' AND arg1 = 10"), /^\d+, 10$/);
  assert.match(q("SELECT count(*) FROM syscalls WHERE name = 'pipe2'"), /^[1-9]/);
  // And in a Parquet dataset, with DuckDB: the unknown syscall's name goes with the run.
  const ds = join(dir, 'runs');
  assert.equal(run(bin.export, ['-q', '--format', 'parquet', trace, '-o', ds]).status, 0);
  const dq = run(bin.query, ['--engine', 'duckdb', '--dataset', ds, '--format', 'tsv', 'SELECT DISTINCT name FROM syscalls WHERE nr = 500']);
  assert.equal(dq.status, 0, err(dq));
  assert.equal(out(dq), 'name\nsyscall_0x1f4\n');

  // bt-diff: against the same program told to skip all but the pipe, the removed lines name them the same.
  const quiet = join(dir, 'quiet.pb');
  assert.equal(run(bin.record, ['-q', '-o', quiet, '--', prog, cg, 'quiet'], { cwd: dir }).status, 0);
  const plain = join(dir, 'plain.pb');
  assert.equal(run(bin.record, ['-q', '-o', plain, '--', prog, cg], { cwd: dir }).status, 0);
  const diff = run(bin.diff, ['--json', plain, quiet]);
  assert.equal(diff.status, 1, err(diff));
  const d = out(diff);
  for (const s of ['syscall_0x1f4(0x1, 0x2, 0x3, 0x4, 0x5, 0x6) = -1 ENOSYS', '--- SIGRT_8 {si_signo=SIGRT_8', 'rt_sigaction(SIGRT_8', 'CLONE_INTO_CGROUP']) {
    assert.ok(d.includes(s), `bt-diff --json names it as bt-show does: ${s}`);
  }
  assert.ok(d.includes('cgroup='), 'bt-diff shows clone3\'s cgroup');
  assert.doesNotMatch(d, /syscall_500|SIGRTMIN\+|\b40\b.*signal/);
});
