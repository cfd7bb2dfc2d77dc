// The parity check fails when there is nothing to compare: a side that printed no
// syscall line is a broken run, never 100% of zero lines.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { bin, run, tempDir } from '../helpers.js';
import { compare, NoLinesError } from './parity.js';

const cli = fileURLToPath(new URL('./cli.js', import.meta.url));

test('pnpm parity exits 1 with one line when strace printed nothing (strace missing, a program it cannot start)', (t) => {
  const dir = tempDir(t);
  // A PATH with setarch and without strace: strace cannot run, its output file stays empty.
  symlinkSync('/usr/bin/setarch', join(dir, 'setarch'));
  const r = spawnSync(process.execPath, [cli, '--', '/bin/true'], { env: { ...process.env, PATH: dir }, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.equal(r.stdout, '', 'no figure is reported');
  assert.match(r.stderr, /^parity: strace printed no syscall lines for \/bin\/true \(setarch: failed to execute strace: No such file or directory\): nothing to compare\n$/);
  // A program strace cannot start: its complaint is the reason given.
  const typo = spawnSync(process.execPath, [cli, '--', join(dir, 'no-such-program')], { encoding: 'utf8' });
  assert.equal(typo.status, 1, typo.stdout + typo.stderr);
  assert.match(typo.stderr, /^parity: strace printed no syscall lines for \S+no-such-program \(strace: Can't stat '\S+no-such-program': No such file or directory\): nothing to compare\n$/);
});

test('compare() refuses a side with no syscall line, whichever it is', (t) => {
  const dir = tempDir(t);
  const straceOut = join(dir, 'strace.txt');
  assert.equal(spawnSync('strace', ['-f', '-qq', '-o', straceOut, '--', '/bin/true']).status, 0);
  const straceText = readFileSync(straceOut, 'utf8');
  const trace = join(dir, 'true.pb');
  assert.equal(run(bin.record, ['-q', '-o', trace, '--', '/bin/true']).status, 0);
  const show = (args: string[]): string => {
    const r = run(bin.show, [...args, trace]);
    assert.equal(r.status, 0, r.stderr.toString());
    return r.stdout.toString();
  };
  // Both sides in strace -f's form: something to compare.
  const both = compare(straceText, show(['-f', '-qq']));
  assert.ok(both.straceLines > 5 && both.matched > 0, `${both.matched}/${both.straceLines}`);
  assert.throws(() => compare('', show(['-f', '-qq'])), (e) => e instanceof NoLinesError && /^strace printed no syscall lines/.test(e.message));
  assert.throws(() => compare(straceText, ''), (e) => e instanceof NoLinesError && /^bt-show printed no syscall lines/.test(e.message));
  // bt-show without -f has no pid column: lines the comparison does not read are no lines.
  const plain = show([]);
  assert.match(plain, /^execve\("\/bin\/true"/);
  assert.throws(() => compare(straceText, plain), NoLinesError);
});

test('pnpm parity --corpus runs each program from the same fresh directory and counts the misses per syscall', (t) => {
  const dir = tempDir(t);
  const corpus = join(dir, 'corpus.tsv');
  // The setup makes the file the command reads; the command changes the directory (mv), which
  // a second run must not see: each run starts again from the setup.
  writeFileSync(corpus, '# name, setup, command\ncat\tprintf "hello\\\\n" > f\tcat f && mv f g\n');
  const r = spawnSync(process.execPath, [cli, '--ceiling', '--corpus', corpus], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const line = /^cat +(\d+\.\d)% \((\d+)\/(\d+)\) .*strace twice: (\d+\.\d)% \((\d+)\/(\d+)\)$/m.exec(r.stdout);
  assert.ok(line, r.stdout);
  const [, , matched, total, , again, total2] = line.map(Number);
  assert.ok(total! > 20 && total === total2, r.stdout);
  // every run found f (a run after the first without its own setup would fail the cat and run no mv)
  assert.ok(matched! >= total! * 0.9 && again! >= total! * 0.9, r.stdout);
  assert.match(r.stdout, /^total +\d+\.\d% \(\d+\/\d+\)/m);
  const misses = r.stdout.split('misses by syscall')[1] ?? '';
  const counted = [...misses.matchAll(/^ +(\d+)\/(\d+) +\( *\d+\) \w+$/gm)].reduce((a, m) => a + Number(m[1]), 0);
  assert.equal(counted, total! - matched!, `the misses per syscall add up to the lines missed:\n${r.stdout}`);
  const bad = join(dir, 'bad.tsv');
  writeFileSync(bad, 'only two\tfields\n');
  const b = spawnSync(process.execPath, [cli, '--corpus', bad], { encoding: 'utf8' });
  assert.equal(b.status, 2);
  assert.match(b.stderr, /^parity: \S+bad\.tsv:1: expected NAME<TAB>SETUP<TAB>COMMAND\n$/);
});
