// bt-diff end to end: real recordings of real programs, compared by behaviour.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { diffTraces, type DiffResult } from '@beetrace/analyze';
import { record } from '@beetrace/recorder';
import { bin, root, run, tempDir } from './helpers.js';

const source = join(root, 'fixtures', 'diffprog', 'diffprog.c');

/** Builds diffprog v1 or v2 with gcc into `out`. */
function build(version: 1 | 2, out: string): string {
  const r = spawnSync('gcc', ['-O2', '-Wall', '-Werror', '-pthread', ...(version === 2 ? ['-DV2'] : []), '-o', out, source], { encoding: 'utf8' });
  assert.equal(r.status, 0, `gcc: ${r.stderr}`);
  return out;
}

/** A scratch directory with diffprog's data files. */
function workdir(t: { after(fn: () => void): void }): string {
  const dir = tempDir(t);
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data', 'config'), 'mode=fast\n');
  writeFileSync(join(dir, 'data', 'extra'), 'extra\n');
  return dir;
}

/** Records argv with bt-record into dir/name.pb. */
function rec(dir: string, name: string, argv: readonly string[]): string {
  const out = join(dir, `${name}.pb`);
  const r = run(bin.record, ['-q', '-o', out, '--', ...argv], { cwd: dir });
  assert.equal(r.status, 0, `bt-record ${argv.join(' ')}: ${r.stderr.toString()}`);
  return out;
}

function diffCli(args: readonly string[], cwd: string) {
  const r = run(bin.diff, args, { cwd });
  return { status: r.status, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

/** Lines of a unified diff that are changes (not headers, not context). */
function changes(unified: string): string[] {
  return unified.split('\n').filter((l) => /^[-+]/.test(l) && !l.startsWith('--- ') && !l.startsWith('+++ '));
}

const noChange = { added: [], removed: [] };

function assertSummaryOnly(r: DiffResult, expected: Partial<Record<keyof DiffResult['summary'], unknown>>): void {
  for (const k of ['filesRead', 'filesWritten', 'filesCreated', 'filesDeleted', 'programs', 'networkPeers', 'failures'] as const) {
    assert.deepEqual(r.summary[k], expected[k] ?? noChange, k);
  }
}

for (const [what, argv] of [
  ['coreutils (ls -l, cat)', ['/bin/sh', '-c', 'ls -l data; cat data/config']],
  ['a shell pipeline', ['/bin/sh', '-c', 'cat data/config | wc -c; ls data | sort -r | head -n 1']],
] as const) {
  test(`the same program recorded twice diffs as identical: ${what}`, (t) => {
    const dir = workdir(t);
    const a = rec(dir, 'a', argv);
    const b = rec(dir, 'b', argv);
    const r = diffCli([a, b], dir);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, '');
    for (const mode of ['--stat', '--summary']) {
      const m = diffCli([mode, a, b], dir);
      assert.equal(m.status, 0, m.stdout + m.stderr);
      assert.equal(m.stdout, '');
    }
  });
}

test('the same program recorded twice diffs as identical: a threaded program (4 threads, three runs)', async (t) => {
  const dir = workdir(t);
  const prog = build(1, join(dir, 'diffprog'));
  const runs = [1, 2, 3].map((i) => rec(dir, `t${i}`, [prog, 'threads', '4']));
  for (const other of runs.slice(1)) {
    const r = diffCli([runs[0]!, other], dir);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const d = await diffTraces(runs[0]!, other);
    assert.equal(d.identical, true);
    assert.equal(d.processes[0]!.a!.threads, 5);
  }
});

test('ls data against ls -a data: the argv and the output differ, nothing else', async (t) => {
  const dir = workdir(t);
  writeFileSync(join(dir, 'data', '.hidden'), '');
  const a = rec(dir, 'ls', ['/bin/ls', 'data']);
  const b = rec(dir, 'ls-a', ['/bin/ls', '-a', 'data']);

  const u = diffCli([a, b], dir);
  assert.equal(u.status, 1, u.stderr);
  assert.match(u.stdout, /^--- a\/.*ls\.pb\t\(\/bin\/ls data; exited with 0\)$/m);
  assert.match(u.stdout, /^@@ -1,\d+ \+1,\d+ @@ \/bin\/ls \[1\]$/m);
  const ch = changes(u.stdout);
  assert.equal(ch.length, 4, u.stdout);
  assert.equal(ch[0], '-execve("/bin/ls", ["/bin/ls", "data"], <addr> /* <n> vars */) = 0');
  assert.equal(ch[1], '+execve("/bin/ls", ["/bin/ls", "-a", "data"], <addr> /* <n> vars */) = 0');
  assert.match(ch[2]!, /^-write\(1, "config\\nextra\\n", 13\) = 13$/);
  assert.match(ch[3]!, /^\+write\(1, "\.\\n\.\.\\n\.hidden\\nconfig\\nextra\\n", 26\) = 26$/);

  const s = diffCli(['--stat', a, b], dir);
  assert.equal(s.status, 1);
  assert.match(s.stdout, /^\/bin\/ls \[1\] +\+0 -0 ~2$/m);
  assert.match(s.stdout, /^ {2}execve +\+0 -0 ~1$/m);
  assert.match(s.stdout, /^ {2}write +\+0 -0 ~1$/m);
  assert.match(s.stdout, /calls: 0 added, 0 removed, 2 changed$/m);

  // --summary exits with what it compares: the files, programs, peers, failures and exit status are the same.
  const sum = diffCli(['--summary', a, b], dir);
  assert.equal(sum.status, 0);
  assert.match(sum.stdout, /^no difference in files, programs, peers or failures/m);
  assert.match(sum.stdout, /^exit status: exited with 0 \(same\)$/m);

  const j = diffCli(['--json', a, b], dir);
  assert.equal(j.status, 1);
  const r = JSON.parse(j.stdout) as DiffResult;
  assert.equal(r.identical, false);
  assert.deepEqual(r.counts, { added: 0, removed: 0, changed: 2 });
  assert.deepEqual(r.processes.map((p) => [p.key, p.status]), [['/', 'changed']]);
  assert.deepEqual(Object.keys(r.processes[0]!.bySyscall).sort(), ['execve', 'write']);
  assertSummaryOnly(r, {});
});

test('diffprog v1 against v2: exactly the extra file and the failed call, in every output mode', async (t) => {
  const dir = workdir(t);
  const prog = join(dir, 'diffprog');
  build(1, prog);
  const a = rec(dir, 'v1', [prog]);
  rmSync(join(dir, 'out'), { recursive: true });
  build(2, prog);
  const b = rec(dir, 'v2', [prog]);

  const u = diffCli([a, b], dir);
  assert.equal(u.status, 1, u.stderr);
  assert.deepEqual(changes(u.stdout), [
    '+openat(AT_FDCWD, "data/extra", O_RDONLY) = 3',
    '+read(3, "extra\\n", 255) = 6',
    '+close(3) = 0',
    '+openat(AT_FDCWD, "data/missing", O_RDONLY) = -1 ENOENT (No such file or directory)',
  ]);
  assert.match(u.stdout, /^@@ -\d+,\d+ \+\d+,\d+ @@ \S*diffprog \[1\]$/m);

  const s = diffCli(['--stat', a, b], dir);
  assert.equal(s.status, 1);
  assert.match(s.stdout, /diffprog \[1\] +\+4 -0 ~0$/m);
  assert.match(s.stdout, /^ {2}openat +\+2 -0 ~0$/m);
  assert.match(s.stdout, /^ {2}read +\+1 -0 ~0$/m);
  assert.match(s.stdout, /^ {2}close +\+1 -0 ~0$/m);

  const sum = diffCli(['--summary', a, b], dir);
  assert.equal(sum.status, 1);
  assert.equal(sum.stdout, [
    'files read:',
    '  + ./data/extra',
    'failed calls:',
    '  + openat(AT_FDCWD, "data/missing", O_RDONLY) = -1 ENOENT (No such file or directory)',
    'exit status: exited with 0 (same)',
    '',
  ].join('\n'));

  const j = diffCli(['--json', a, b], dir);
  assert.equal(j.status, 1);
  const r = JSON.parse(j.stdout) as DiffResult;
  assert.deepEqual(r.counts, { added: 4, removed: 0, changed: 0 });
  assertSummaryOnly(r, {
    filesRead: { added: ['./data/extra'], removed: [] },
    failures: { added: ['openat(AT_FDCWD, "data/missing", O_RDONLY) = -1 ENOENT (No such file or directory)'], removed: [] },
  });
  assert.deepEqual(r.processes[0]!.hunks.flatMap((h) => h.lines.filter((l) => l[0] !== ' ')), changes(u.stdout));
});

test('a regression test: record two versions with the library and assert on the behaviour diff', async (t) => {
  const dir = workdir(t);
  const v1 = build(1, join(dir, 'prog-v1'));
  const v2 = build(2, join(dir, 'prog-v2'));
  const base = await record([v1], { cwd: dir, output: join(dir, 'base.pb') });
  rmSync(join(dir, 'out'), { recursive: true });
  const next = await record([v2], { cwd: dir, output: join(dir, 'next.pb') });
  assert.equal(base.exitCode, 0);

  // The same version again: no behaviour change at all.
  rmSync(join(dir, 'out'), { recursive: true });
  const again = await record([v1], { cwd: dir, output: join(dir, 'again.pb') });
  assert.equal((await diffTraces(base, again, { summary: true })).identical, true);

  const diff = await diffTraces(base, next, { summary: true });
  assert.equal(diff.identical, false);
  assert.deepEqual(diff.summary.filesWritten.added, []);
  assert.deepEqual(diff.summary.filesWritten.removed, []);
  assert.deepEqual(diff.summary.filesRead.added, ['./data/extra']);
  assert.deepEqual(diff.summary.filesCreated, noChange);
  assert.deepEqual(diff.summary.failures.added.map((f) => f.replace(/\(.*/, '')), ['openat']);
  assert.equal(diff.summary.exitStatus.changed, false);
  // Leaving out what v2 adds (and the programs' own names), the runs behave the same.
  const again2 = await diffTraces(join(dir, 'base.pb'), readFileSync(join(dir, 'next.pb')), { ignorePaths: ['data/{extra,missing}', 'prog-v*'] });
  assert.equal(again2.identical, true, JSON.stringify(again2.processes.map((p) => p.hunks)));
  assert.deepEqual(again2.warnings, []);
});

test('snapshot workflow: --update writes it, the same behaviour passes, a change fails, --update accepts it', (t) => {
  const dir = workdir(t);
  const prog = join(dir, 'diffprog');
  build(1, prog);
  const fresh = (): void => rmSync(join(dir, 'out'), { recursive: true, force: true });
  const first = rec(dir, 'first', [prog]);
  const golden = join(dir, 'golden.txt');

  const missing = diffCli(['--snapshot', golden, first], dir);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /golden\.txt: cannot read snapshot: ENOENT/);

  const w = diffCli(['--snapshot', golden, '--update', first], dir);
  assert.equal(w.status, 0, w.stderr);
  assert.match(w.stderr, /snapshot .*golden\.txt written/);
  const text = readFileSync(golden, 'utf8');
  assert.match(text, /^# bt-diff snapshot 1/);
  assert.match(text, /^read \.\/data\/config$/m);
  assert.match(text, /^created \.\/out\/$/m);
  assert.match(text, /^written \.\/out\/result\.txt$/m);
  assert.match(text, /^ {2}openat\(AT_FDCWD, "data\/config", O_RDONLY\) = 3$/m);
  assert.doesNotMatch(text, new RegExp(dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'no machine-specific directory');

  fresh();
  const second = rec(dir, 'second', [prog]);
  const same = diffCli(['--snapshot', golden, second], dir);
  assert.equal(same.status, 0, same.stdout + same.stderr);

  build(2, prog);
  fresh();
  const changed = rec(dir, 'changed', [prog]);
  const d = diffCli(['--snapshot', golden, changed], dir);
  assert.equal(d.status, 1);
  assert.ok(changes(d.stdout).includes('+openat(AT_FDCWD, "data/extra", O_RDONLY) = 3'), d.stdout);
  const sum = diffCli(['--summary', '--snapshot', golden, changed], dir);
  assert.match(sum.stdout, /^files read:\n {2}\+ \.\/data\/extra$/m);

  const u = diffCli(['--snapshot', golden, '--update', changed], dir);
  assert.equal(u.status, 0);
  assert.notEqual(readFileSync(golden, 'utf8'), text);
  assert.equal(diffCli(['--snapshot', golden, changed], dir).status, 0);
});

test('a truncated trace: compared up to its end with a warning, exit 2 unless --allow-partial', (t) => {
  const dir = workdir(t);
  const a = rec(dir, 'full', ['/bin/sh', '-c', 'ls -l data; cat data/config']);
  const cut = join(dir, 'cut.pb');
  copyFileSync(a, cut);
  truncateSync(cut, Math.floor(statSync(a).size * 0.6));
  const r = diffCli([a, cut], dir);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /warning: .*cut\.pb: .*the comparison is partial/);
  assert.match(r.stdout, /^@@ /m, 'the diff up to where the trace ends is printed');
  const p = diffCli(['--allow-partial', '--stat', a, cut], dir);
  assert.equal(p.status, 1, p.stderr);
  assert.match(p.stderr, /warning: .*partial/);
});

test('bad input: an ignore pattern that matches nothing warns; a non-trace is refused with exit 2', (t) => {
  const dir = workdir(t);
  const a = rec(dir, 'a', ['/bin/cat', 'data/config']);
  const r = diffCli(['--ignore', 'getrandom,no_such_call', '--ignore-paths', '/nowhere/**', a, a], dir);
  assert.equal(r.status, 0);
  assert.match(r.stderr, /warning: ignore pattern "no_such_call" matched nothing/);
  assert.match(r.stderr, /warning: ignore pattern "\/nowhere\/\*\*" matched nothing/);
  assert.doesNotMatch(r.stderr, /"getrandom" matched nothing/);
  writeFileSync(join(dir, 'not.pb'), 'hello');
  const bad = diffCli([a, join(dir, 'not.pb')], dir);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /not\.pb: not a beetrace trace/);
  const usage = diffCli([a], dir);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /For help: bt-diff --help/);
  assert.ok(existsSync(a));
});
