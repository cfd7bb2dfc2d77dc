// bt-diff must not flake: programs whose runs differ only by scheduling and randomness
// (threads, children reaped in whatever order, signal handlers, glibc's thread-stack cache and
// arenas, pipe reads split differently, mkstemp names) are recorded five times each, and every
// pair compares as identical in the default mode. A real change in the same programs is still
// reported in every mode. (make -j2 is not here yet: which job gets make's stdin, and which its
// "bad stdin" pipe, depends on which job is running; bt-diff still reports that as a change.)
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { diffTraces } from '@beetrace/analyze';
import { bin, fixture, run, tempDir } from './helpers.js';

const RUNS = 5;

/** Records `argv` in `dir` as dir/NAME.pb. */
function rec(dir: string, name: string, argv: readonly string[]): string {
  const out = join(dir, `${name}.pb`);
  const r = run(bin.record, ['-q', '-o', out, '--', ...argv], { cwd: dir });
  assert.equal(r.status, 0, `bt-record ${argv.join(' ')}: ${r.stderr.toString()}`);
  return out;
}

const PY_THREADS = [
  'import threading',
  'def work(p):',
  '    with open(p) as f: f.read()',
  "ts = [threading.Thread(target=work, args=(p,)) for p in ['/etc/hostname', '/etc/passwd', '/etc/group', '/etc/os-release']]",
  'for t in ts: t.start()',
  'for t in ts: t.join()',
].join('\n');

interface Program {
  readonly what: string;
  /** argv, given the test's scratch directory. */
  readonly argv: (dir: string) => readonly string[];
  /** The same program with one more file opened or one more call failing. */
  readonly changed: (dir: string) => readonly string[];
  /** Run before each recording: the same starting state every time. */
  readonly setup?: (dir: string) => void;
}

const PROGRAMS: readonly Program[] = [
  {
    what: 'a shell pipeline',
    argv: () => ['/bin/sh', '-c', 'ls /usr | sort -r | head -n 3 | wc -l'],
    changed: () => ['/bin/sh', '-c', 'ls /usr /no/such/dir | sort -r | head -n 3 | wc -l'],
  },
  {
    what: 'a shell script with background jobs and wait',
    argv: () => ['/bin/sh', '-c', 'cat /etc/hostname > /dev/null & ls / > /dev/null & wc -c /etc/passwd > /dev/null & wait; echo done'],
    changed: () => ['/bin/sh', '-c', 'cat /etc/hostname > /dev/null & ls / > /dev/null & wc -c /etc/passwd /etc/group > /dev/null & wait; echo done'],
  },
  {
    what: 'a threaded C program',
    argv: () => [fixture('threads')],
    changed: () => ['/bin/sh', '-c', `${fixture('threads')}; cat /etc/hostname > /dev/null`],
  },
  {
    what: 'a Python program with threads',
    argv: () => ['python3', '-c', PY_THREADS],
    changed: () => ['python3', '-c', PY_THREADS.replace("'/etc/os-release'", "'/etc/os-release', '/etc/hosts'")],
  },
  {
    what: 'git init (mkstemp names)',
    argv: () => ['/bin/sh', '-c', 'git init -q r && rm -rf r'],
    changed: () => ['/bin/sh', '-c', 'git init -q r && cat r/.git/HEAD > /dev/null && rm -rf r'],
  },
];

for (const p of PROGRAMS) {
  test(`recorded ${RUNS} times, every pair diffs as identical, and a real change is reported: ${p.what}`, async (t) => {
    const dir = tempDir(t);
    const runs = Array.from({ length: RUNS }, (_, i) => { p.setup?.(dir); return rec(dir, `run${i}`, p.argv(dir)); });
    for (let i = 0; i < RUNS; i++) {
      for (let j = i + 1; j < RUNS; j++) {
        const d = await diffTraces(runs[i]!, runs[j]!);
        if (!d.identical) {
          const cli = run(bin.diff, [runs[i]!, runs[j]!], { cwd: dir });
          assert.fail(`runs ${i} and ${j} of ${p.what} differ:\n${cli.stdout.toString().slice(0, 4000)}`);
        }
      }
    }
    // A real change: one more file opened (or one more call failed) is reported in every mode.
    p.setup?.(dir);
    const changed = rec(dir, 'changed', p.changed(dir));
    for (const mode of [[], ['--stat'], ['--summary'], ['--json']]) {
      const r = run(bin.diff, [...mode, runs[0]!, changed], { cwd: dir });
      assert.equal(r.status, 1, `bt-diff ${mode.join(' ')} reports the change in ${p.what}: ${r.stdout.toString().slice(0, 2000)}${r.stderr.toString()}`);
    }
  });
}
