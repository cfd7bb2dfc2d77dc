#!/usr/bin/env node
// Runs every compiled test file: unit tests of each package (packages/*/dist/**/*.test.js)
// and the end-to-end tests (test/dist/**/*.test.js), with node's own test runner.
// Extra arguments go to `node --test` (e.g. --test-name-pattern=parity).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function find(dir, out) {
  let names;
  try { names = readdirSync(dir); } catch { return out; }
  for (const name of names) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, out);
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out;
}

const files = [];
for (const pkg of readdirSync('packages')) find(join('packages', pkg, 'dist'), files);
find(join('test', 'dist'), files);
if (files.length === 0) {
  console.error('test: no compiled tests found; run pnpm build first');
  process.exit(1);
}
// Recording tests load BPF programs and time real processes: one file at a time.
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...process.argv.slice(2), ...files.sort()], { stdio: 'inherit' });
process.exit(r.status ?? 1);
