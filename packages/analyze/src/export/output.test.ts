// Outputs hold captured data: created 0600 whatever the umask, an existing
// file's looser mode tightened, a device left as it is; errors are one line.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openOutput, OutputError } from './output.js';

test('created 0600 whatever the umask; an existing 0644 file becomes 0600; /dev/null keeps its mode', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'bt-output-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const old = process.umask(0);
  try {
    for (const mask of [0o022, 0o000, 0o077]) {
      process.umask(mask);
      const file = join(dir, `new-${mask}`);
      const out = await openOutput(file);
      await out.write('data');
      await out.close();
      assert.equal(statSync(file).mode & 0o777, 0o600, `umask ${mask.toString(8)}`);
      assert.equal(readFileSync(file, 'utf8'), 'data');
    }
    const existing = join(dir, 'existing');
    writeFileSync(existing, 'old contents, longer');
    chmodSync(existing, 0o644);
    const out = await openOutput(existing);
    await out.write('new');
    await out.close();
    assert.equal(statSync(existing).mode & 0o777, 0o600);
    assert.equal(readFileSync(existing, 'utf8'), 'new');
    const before = statSync('/dev/null').mode;
    const dev = await openOutput('/dev/null');
    await dev.write('x');
    await dev.close();
    assert.equal(statSync('/dev/null').mode, before);
  } finally {
    process.umask(old);
  }
});

test('an output that cannot be created is one line', async () => {
  await assert.rejects(openOutput('/nonexistent-dir/x'), (e: unknown) => e instanceof OutputError && e.message === 'cannot write /nonexistent-dir/x: no such directory');
  await assert.rejects(openOutput('/etc/passwd/x'), (e: unknown) => e instanceof OutputError && e.message === 'cannot write /etc/passwd/x: not a directory');
});
