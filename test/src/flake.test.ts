// bt-diff must not flake: programs whose runs differ only by scheduling and randomness
// (threads, children reaped in whatever order, signal handlers, glibc's thread-stack cache and
// arenas, pipe reads split differently, mkstemp names) are recorded five times each, and every
// pair compares as identical in the default mode. A real change in the same programs is still
// reported in every mode.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
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

/** A small C project for make -j2: a few sources, a header, a library and a program. */
function project(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const units = ['unit_a', 'unit_b', 'unit_c', 'unit_d'];
  writeFileSync(join(dir, 'units.h'), units.map((u) => `int ${u}(int);\n`).join(''));
  for (const [i, u] of units.entries()) writeFileSync(join(dir, `${u}.c`), `#include "units.h"\nint ${u}(int x) { return x * ${i + 2}; }\n`);
  writeFileSync(join(dir, 'main.c'), `#include <stdio.h>\n#include "units.h"\nint main(void) { printf("%d\\n", ${units.map((u) => `${u}(1)`).join(' + ')}); return 0; }\n`);
  writeFileSync(join(dir, 'Makefile'), [
    `OBJS := ${units.map((u) => `${u}.o`).join(' ')}`,
    'all: prog',
    'prog: main.o libunits.a',
    '\tcc -o $@ main.o libunits.a',
    'libunits.a: $(OBJS)',
    '\tar rcs $@ $(OBJS)',
    '%.o: %.c units.h',
    '\tcc -O1 -c -o $@ $<',
    '',
  ].join('\n'));
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
  {
    what: 'make -j2 on a small project',
    setup: (dir) => { rmSync(join(dir, 'proj'), { recursive: true, force: true }); project(join(dir, 'proj')); },
    argv: (dir) => ['make', '-s', '-B', '-j2', '-C', join(dir, 'proj')],
    changed: (dir) => ['/bin/sh', '-c', `make -s -B -j2 -C ${join(dir, 'proj')} && cat ${join(dir, 'proj', 'units.h')} > /dev/null`],
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
