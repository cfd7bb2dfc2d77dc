#!/usr/bin/env node
// Makes the one installable package, beetrace-<version>.tgz, from the built workspace
// (run `pnpm build` first; `pnpm pack-tool` does both):
//
//   npm install -g ./beetrace-<version>.tgz      # no compiler, no install script, no download
//   npx --package ./beetrace-<version>.tgz bt-show run.pb
//
// The package bundles what was built here (bundleDependencies): the workspace packages
// (their compiled JavaScript, the recorder's addon with the BPF object embedded in it,
// the capture table and the build's CO-RE types, the store's bt_rows extension) and
// better-sqlite3 with the binary the workspace compiled. Everything else comes from the
// registry as ordinary dependencies (protobufjs, and better-sqlite3's `bindings`).
// Nothing in it runs at install: better-sqlite3's own install script (prebuild-install,
// then node-gyp) is left out of its bundled package.json, and no bundled package has a
// binding.gyp for npm to build by default.
//
// Usage: node scripts/pack.mjs [--pack-destination DIR]   (default: the current directory)
// Prints the tarball's path on stdout.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));

function fail(message) {
  process.stderr.write(`pack: ${message}\n`);
  process.exit(1);
}

const argv = process.argv.slice(2);
let dest = process.cwd();
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--pack-destination' && i + 1 < argv.length) dest = resolve(argv[++i]);
  else {
    process.stderr.write(`pack: unknown argument '${argv[i]}'\nUsage: node scripts/pack.mjs [--pack-destination DIR]\n`);
    process.exit(2);
  }
}

const rootPkg = readJson(join(root, 'package.json'));
const version = rootPkg.version;
// The workspace packages that go into the tool, in dependency order, with what each
// ships beside its compiled JavaScript and its bins.
const packages = [
  { dir: 'packages/format', extra: [] },
  { dir: 'packages/analyze', extra: [] },
  { dir: 'packages/recorder', extra: ['native/build/Release/beetrace_recorder.node'] },
  { dir: 'packages/store', extra: ['build/bt_rows.so'] },
];
const built = [
  'packages/recorder/dist/capture-table.bin',
  'packages/recorder/dist/core.btf',
  'packages/recorder/dist/build-info.json',
  'packages/recorder/dist/filter-table.json',
];
for (const p of packages) {
  const pkg = readJson(join(root, p.dir, 'package.json'));
  if (pkg.version !== version) fail(`${pkg.name} is at version ${pkg.version}, the project at ${version}: one version for all`);
  for (const f of ['dist/index.js', ...p.extra]) built.push(join(p.dir, f));
}
for (const f of built) if (!existsSync(join(root, f))) fail(`${f} is missing: run pnpm build first`);

const storeRequire = createRequire(join(root, 'packages/store/package.json'));
const sqliteDir = dirname(storeRequire.resolve('better-sqlite3/package.json'));
const sqlitePkg = readJson(join(sqliteDir, 'package.json'));
const sqliteBinary = 'build/Release/better_sqlite3.node';
if (!existsSync(join(sqliteDir, sqliteBinary))) fail(`better-sqlite3 has no ${sqliteBinary}: it was not built (pnpm install runs its build)`);

const stage = mkdtempSync(join(tmpdir(), 'beetrace-pack-'));
process.on('exit', () => rmSync(stage, { recursive: true, force: true }));
const out = join(stage, 'package');
const modules = join(out, 'node_modules');

/** Compiled JavaScript only: no tests, test helpers, declarations or source maps. */
const shipped = (src) => {
  const rel = relative(root, src);
  return !/\.test\.[cm]?js$|\.map$|\.d\.[cm]?ts$/.test(rel) && !/\/dist\/testing(\/|$)/.test(rel);
};

// A bundled package declares no dependencies: npm takes the dependencies of bundled
// packages for part of the bundle and would not install them. They are the tool's own
// dependencies instead (node finds them in the tool's node_modules all the same).
const bundled = [];
const dependencies = {};
for (const p of packages) {
  const pkg = readJson(join(root, p.dir, 'package.json'));
  const to = join(modules, pkg.name);
  mkdirSync(to, { recursive: true });
  for (const d of ['dist', 'bin']) {
    if (existsSync(join(root, p.dir, d))) cpSync(join(root, p.dir, d), join(to, d), { recursive: true, filter: shipped });
  }
  for (const f of p.extra) {
    mkdirSync(dirname(join(to, f)), { recursive: true });
    cpSync(join(root, p.dir, f), join(to, f));
  }
  for (const [name, range] of Object.entries(pkg.dependencies ?? {})) {
    if (name === 'node-addon-api') continue; // headers for building the addon, not needed to run it
    if (!range.startsWith('workspace:') && name !== 'better-sqlite3') dependencies[name] = range;
  }
  writeJson(join(to, 'package.json'), {
    name: pkg.name, version, description: pkg.description, type: pkg.type, license: pkg.license,
    exports: pkg.exports, ...(pkg.bin ? { bin: pkg.bin } : {}),
  });
  bundled.push(pkg.name);
}

// better-sqlite3 as the workspace built it: its JavaScript and its binary, with a
// package.json that has no install script (its own would download or compile).
{
  const to = join(modules, 'better-sqlite3');
  cpSync(join(sqliteDir, 'lib'), join(to, 'lib'), { recursive: true });
  mkdirSync(join(to, 'build', 'Release'), { recursive: true });
  cpSync(join(sqliteDir, sqliteBinary), join(to, sqliteBinary));
  for (const f of ['LICENSE', 'README.md']) if (existsSync(join(sqliteDir, f))) cpSync(join(sqliteDir, f), join(to, f));
  writeJson(join(to, 'package.json'), {
    name: sqlitePkg.name, version: sqlitePkg.version, description: sqlitePkg.description, license: sqlitePkg.license,
    main: sqlitePkg.main, repository: sqlitePkg.repository,
    gypfile: false,
    beetrace: `built from source by the beetrace workspace for ${process.platform}-${process.arch}, Node ABI ${process.versions.modules}; install script removed`,
  });
  dependencies.bindings = sqlitePkg.dependencies.bindings;
  bundled.push('better-sqlite3');
}

// The tool's bins: each loads the bundled package's own bin.
const bins = {};
mkdirSync(join(out, 'bin'));
for (const p of packages) {
  const pkg = readJson(join(root, p.dir, 'package.json'));
  for (const [name, file] of Object.entries(pkg.bin ?? {})) {
    const target = `../node_modules/${pkg.name}/${file.replace(/^\.\//, '')}`;
    writeFileSync(join(out, 'bin', `${name}.js`), `#!/usr/bin/env node\nimport ${JSON.stringify(target)};\n`);
    chmodSync(join(out, 'bin', `${name}.js`), 0o755);
    bins[name] = `bin/${name}.js`;
  }
}

for (const name of bundled) dependencies[name] = readJson(join(modules, name, 'package.json')).version;
writeJson(join(out, 'package.json'), {
  name: 'beetrace', version, description: rootPkg.description, license: rootPkg.license,
  type: 'module', engines: rootPkg.engines, os: ['linux'], cpu: ['x64'],
  bin: bins, dependencies: Object.fromEntries(Object.entries(dependencies).sort()), bundleDependencies: bundled,
});
cpSync(join(root, 'README.md'), join(out, 'README.md'));

mkdirSync(dest, { recursive: true });
const r = spawnSync('npm', ['pack', '--silent', '--pack-destination', dest], { cwd: out, encoding: 'utf8' });
if (r.status !== 0) fail(`npm pack failed: ${r.error?.message ?? r.stderr.trim()}`);
process.stdout.write(`${join(dest, r.stdout.trim().split('\n').pop())}\n`);

function writeJson(path, value) {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}
