#!/usr/bin/env node
// Builds build/bt_rows.so, the SQLite extension of native/bt_rows.c that the
// ingest loads into better-sqlite3's own SQLite (db.loadExtension). It compiles
// against the sqlite3ext.h that better-sqlite3 ships with the SQLite it embeds,
// so the extension and the library are the same version. Run by `pnpm run build`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const sqliteDir = join(dirname(createRequire(join(pkg, 'package.json')).resolve('better-sqlite3/package.json')), 'deps', 'sqlite3');
const out = join(pkg, 'build', 'bt_rows.so');
mkdirSync(dirname(out), { recursive: true });
const cc = process.env.CC || 'cc';
const args = ['-O2', '-fPIC', '-shared', '-fvisibility=hidden', '-Wall', '-Wextra', '-Werror', '-I', sqliteDir,
  '-o', `${out}.tmp`, join(pkg, 'native', 'bt_rows.c'), '-lm'];
const r = spawnSync(cc, args, { stdio: 'inherit' });
if (r.error || r.status !== 0) {
  console.error(`build-native: ${cc} ${args.join(' ')} failed${r.error ? `: ${r.error.message}` : ''}`);
  process.exit(1);
}
renameSync(`${out}.tmp`, out);
