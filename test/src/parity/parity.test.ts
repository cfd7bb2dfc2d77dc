// The parity check fails when there is nothing to compare: a side that printed no
// syscall line is a broken run, never 100% of zero lines.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
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
