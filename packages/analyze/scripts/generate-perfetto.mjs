// Generates the static protobufjs module for proto/perfetto.proto (the subset of
// Perfetto's trace format bt-export writes) into src/generated/ (committed; CI
// regenerates and checks that nothing changed).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(pkg, 'package.json'));
const cliDir = dirname(require.resolve('protobufjs-cli/package.json'));
const out = join(pkg, 'src', 'generated');
mkdirSync(out, { recursive: true });

const js = join(out, 'perfetto.cjs');
execFileSync(process.execPath, [join(cliDir, 'bin', 'pbjs'), '-t', 'static-module', '-w', 'commonjs',
  '--force-number', '--no-verify', '--no-convert', '--no-service', '--no-delimited',
  '-o', js, join(pkg, 'proto', 'perfetto.proto')], { stdio: 'inherit' });
const dts = join(out, 'perfetto.d.cts');
execFileSync(process.execPath, [join(cliDir, 'bin', 'pbts'), '-o', dts, js], { stdio: 'inherit' });
// A stable header: no tool versions or dates, so regenerating is reproducible.
writeFileSync(dts, '// Generated from proto/perfetto.proto by scripts/generate-perfetto.mjs. Do not edit.\n' +
  readFileSync(dts, 'utf8').replace(/^\/\/.*\n/gm, ''));
