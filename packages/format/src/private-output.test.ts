// Private outputs: files 0600 and directories 0700 whatever the umask, each writer
// run in a child process with the umask set there.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { makePrivateDir, openPrivateFile, writePrivateFile } from './index.js';

const mode = (p: string) => statSync(p).mode & 0o777;
const moduleUrl = new URL('./private-output.js', import.meta.url).href;

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'bt-private-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs every writer in a child node with `umask`, inside `dir`. */
function writeAllWithUmask(dir: string, umask: number): void {
  const script = `
    process.umask(${umask});
    const m = await import(${JSON.stringify(moduleUrl)});
    const { closeSync, writeFileSync, writeSync } = await import('node:fs');
    const fd = m.openPrivateFile('opened');
    writeSync(fd, 'secret');
    closeSync(fd);
    await new Promise((resolve, reject) => m.createPrivateWriteStream('streamed').on('error', reject).end('secret', resolve));
    await m.writePrivateFile('whole', 'secret');
    m.makePrivateDir('a/b/c');
    const g = m.openPrivateFile('a/b/c/inside', 'wx');
    closeSync(g);
    // What the umask alone gives, for comparison.
    writeFileSync('plain', 'x');
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

for (const umask of [0o022, 0o002, 0o277]) {
  test(`umask ${umask.toString(8).padStart(3, '0')}: files 0600, directories 0700`, (t) => {
    const dir = tempDir(t);
    writeAllWithUmask(dir, umask);
    for (const f of ['opened', 'streamed', 'whole', 'a/b/c/inside']) {
      assert.equal(mode(join(dir, f)).toString(8), '600', f);
      if (f !== 'a/b/c/inside') assert.equal(readFileSync(join(dir, f), 'utf8'), 'secret', f);
    }
    for (const d of ['a', 'a/b', 'a/b/c']) assert.equal(mode(join(dir, d)).toString(8), '700', d);
    assert.equal(mode(join(dir, 'plain')), 0o666 & ~umask, 'the umask was in effect');
  });
}

test('an existing file gets 0600 before it gets the data; existing directories are left as they are', async (t) => {
  const dir = tempDir(t);
  const a = join(dir, 'a');
  const b = join(dir, 'b');
  writeFileSync(a, 'old', { mode: 0o644 });
  writeFileSync(b, 'old', { mode: 0o666 });
  const fd = openPrivateFile(a);
  assert.equal(mode(a), 0o600);
  writeSync(fd, 'new');
  closeSync(fd);
  assert.equal(readFileSync(a, 'utf8'), 'new');
  await writePrivateFile(b, 'new');
  assert.equal(mode(b), 0o600);
  const shared = join(dir, 'shared');
  mkdirSync(shared, { mode: 0o755 });
  assert.equal(makePrivateDir(shared), undefined);
  assert.equal(mode(shared), 0o755);
  assert.equal(makePrivateDir(join(shared, 'x', 'y')), join(shared, 'x'));
  assert.equal(mode(shared), 0o755);
  assert.equal(mode(join(shared, 'x')), 0o700);
});

test('a device keeps its mode (bt-show -o /dev/null must not chmod /dev/null)', (t) => {
  const dir = tempDir(t);
  const dev = join(dir, 'null');
  // The same device as /dev/null, made here so the real one is never at risk.
  const r = spawnSync('mknod', ['-m', '666', dev, 'c', '1', '3'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const fd = openPrivateFile(dev);
  writeSync(fd, 'data');
  closeSync(fd);
  assert.equal(mode(dev), 0o666);
});

test('errors are thrown as fs throws them', (t) => {
  const dir = tempDir(t);
  assert.throws(() => openPrivateFile(join(dir, 'no', 'such')), { code: 'ENOENT' });
  // Where mkdir fails with ENOENT although the parent exists (fs.mkdirSync's recursive mode loops forever there).
  assert.throws(() => makePrivateDir('/proc/no-such-dir/x'), { code: 'ENOENT' });
  writeFileSync(join(dir, 'file'), '');
  assert.throws(() => makePrivateDir(join(dir, 'file', 'x')), { code: 'ENOTDIR' });
  writeFileSync(join(dir, 'there'), '');
  assert.throws(() => openPrivateFile(join(dir, 'there'), 'wx'), { code: 'EEXIST' });
});
