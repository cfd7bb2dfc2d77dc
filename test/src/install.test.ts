// The installable package: `pnpm pack-tool`'s tarball installed with npm where no compiler
// can run, then used for real (record, show, store, query, diff); and the environment the
// recorded program gets, for every way of starting bt-record.
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { readBack, root, syscallName } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'bt-install-'));
after(() => rmSync(work, { recursive: true, force: true }));

const prefix = join(work, 'prefix');
const installed = join(prefix, 'lib', 'node_modules', 'beetrace');
const fakeBin = join(work, 'no-compiler');
const compilerLog = join(work, 'compiler-calls.txt');
const nodeDir = dirname(process.execPath);
const PATH = [...new Set([nodeDir, '/usr/bin', '/bin'])].join(':');
let tarball = '';

/**
 * What npm needs to reach the registry from this machine (certificates, proxies), kept from
 * the test's environment; the cache is a fresh folder.
 */
function npmEnv(): Record<string, string> {
  const env: Record<string, string> = { PATH, HOME: process.env['HOME'] ?? '/root', npm_config_cache: join(work, 'npm-cache') };
  for (const name of ['NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'SSL_CERT_DIR', 'HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy']) {
    const v = process.env[name];
    if (v !== undefined) env[name] = v;
  }
  return env;
}

function sh(cmd: string, args: readonly string[], env: Record<string, string>, cwd = work): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { env, cwd, encoding: 'utf8', input: '', timeout: 300_000, maxBuffer: 1 << 28 });
}

/** The installed bins, found through PATH as a user's shell finds them. */
const installedEnv = (): Record<string, string> => ({ ...npmEnv(), PATH: `${join(prefix, 'bin')}:${PATH}` });

before(() => {
  // Every compiler and build tool npm or node-gyp could reach is a stand-in that logs its call and fails.
  mkdirSync(fakeBin);
  for (const name of ['cc', 'gcc', 'g++', 'c++', 'clang', 'clang++', 'make', 'cmake', 'node-gyp', 'python3', 'python', 'prebuild-install']) {
    writeFileSync(join(fakeBin, name), `#!/bin/sh\necho "${name} $*" >> '${compilerLog}'\nexit 1\n`);
    chmodSync(join(fakeBin, name), 0o755);
  }
  // npm runs node-gyp as `node "$npm_config_node_gyp"`.
  writeFileSync(join(fakeBin, 'node-gyp.cjs'), `require('fs').appendFileSync(${JSON.stringify(compilerLog)}, 'node-gyp ' + process.argv.slice(2).join(' ') + '\\n');\nprocess.exit(1);\n`);
  const pack = spawnSync(process.execPath, [join(root, 'scripts', 'pack.mjs'), '--pack-destination', join(work, 'pack')], { encoding: 'utf8' });
  assert.equal(pack.status, 0, pack.stderr);
  tarball = pack.stdout.trim();
  const env = { ...npmEnv(), PATH: `${fakeBin}:${PATH}`, CC: 'false', CXX: 'false', npm_config_node_gyp: join(fakeBin, 'node-gyp.cjs') };
  const r = sh('npm', ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', '--foreground-scripts', tarball], env);
  assert.equal(r.status, 0, `npm install failed:\n${r.stdout}${r.stderr}`);
});

test('the tarball installs with npm without compiling or running anything', () => {
  assert.match(tarball, /\/beetrace-\d+\.\d+\.\d+\.tgz$/);
  assert.ok(!existsSync(compilerLog), `the install tried to build: ${existsSync(compilerLog) ? readFileSync(compilerLog, 'utf8') : ''}`);
  // No installed package has a script npm would run at install, or a binding.gyp it would build by default.
  const packages: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (name.startsWith('@')) walk(p);
      else if (existsSync(join(p, 'package.json'))) {
        packages.push(p);
        if (existsSync(join(p, 'node_modules'))) walk(join(p, 'node_modules'));
      }
    }
  };
  walk(join(prefix, 'lib', 'node_modules'));
  assert.ok(packages.includes(installed) && packages.some((p) => p.endsWith('/protobufjs')) && packages.some((p) => p.endsWith('/better-sqlite3')), packages.join('\n'));
  for (const p of packages) {
    const scripts = (JSON.parse(readFileSync(join(p, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
    for (const s of ['preinstall', 'install', 'postinstall', 'prepare']) assert.equal(scripts[s], undefined, `${p} has a ${s} script`);
    assert.ok(!existsSync(join(p, 'binding.gyp')), `${p} has a binding.gyp`);
  }
  for (const name of ['bt-record', 'bt-show', 'bt-diff', 'bt-store', 'bt-query']) {
    assert.ok(lstatSync(join(prefix, 'bin', name)).isSymbolicLink(), `${name} is linked, not wrapped`);
  }
});

test('the native code needs only runtime libraries: no -dev package', () => {
  const allowed = new Set(['libc6', 'libgcc-s1', 'libstdc++6', 'libbpf1', 'libelf1', 'zlib1g']);
  const natives = [
    'node_modules/@beetrace/recorder/native/build/Release/beetrace_recorder.node',
    'node_modules/@beetrace/store/build/bt_rows.so',
    'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
  ];
  const needs = new Map<string, string>(); // library path -> the file that needs it
  for (const file of natives) {
    const ldd = sh('ldd', [join(installed, file)], npmEnv());
    assert.equal(ldd.status, 0, ldd.stderr);
    assert.ok(!/not found/.test(ldd.stdout), ldd.stdout);
    for (const lib of ldd.stdout.matchAll(/(\/\S+\.so[.\d]*) \(/g)) needs.set(lib[1]!, file);
  }
  assert.ok([...needs.keys()].some((lib) => lib.includes('/libbpf.so')), [...needs.keys()].join(' '));
  // Debian 12 merged /lib into /usr/lib: dpkg knows each file under one of its names.
  const names = (path: string): string[] => {
    const real = realpathSync(path);
    return [...new Set([path, real, path.replace(/^\/lib/, '/usr/lib'), real.replace(/^\/usr\/lib/, '/lib')])];
  };
  const owners = new Map<string, string>();
  const q = sh('dpkg-query', ['-S', ...[...needs.keys()].flatMap(names)], npmEnv());
  for (const line of q.stdout.split('\n')) {
    const m = /^([^:]+):[^:]*: (.*)$/.exec(line);
    if (m) owners.set(m[2]!, m[1]!);
  }
  for (const [lib, file] of needs) {
    const pkg = names(lib).map((n) => owners.get(n)).find((o) => o !== undefined);
    assert.ok(pkg, `no Debian package owns ${lib}`);
    assert.ok(allowed.has(pkg), `${file} needs ${lib} from ${pkg}, not a documented runtime package`);
  }
});

test('the installed bins record and show a real program, store and query it, diff two runs', async () => {
  const env = installedEnv();
  const dir = join(work, 'use');
  mkdirSync(dir);
  const version = sh('bt-record', ['--version'], env, dir);
  const info = JSON.parse(readFileSync(join(root, 'packages/recorder/dist/build-info.json'), 'utf8')) as { bpfObjectSha256: string };
  const rootVersion = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  assert.equal(version.stdout, `bt-record ${rootVersion} (BPF object sha256:${info.bpfObjectSha256.slice(0, 16)})\n`);

  const a = sh('bt-record', ['-q', '-o', 'a.pb', '--', 'cat', '/etc/hostname'], env, dir);
  assert.equal(a.status, 0, a.stderr);
  assert.equal(a.stdout, readFileSync('/etc/hostname', 'utf8'));
  const back = await readBack(join(dir, 'a.pb'));
  assert.ok(back.complete, JSON.stringify(back.problem));
  const show = sh('bt-show', ['a.pb'], env, dir);
  assert.equal(show.status, 0, show.stderr);
  const lines = show.stdout.split('\n');
  assert.match(lines[0]!, /^execve\("\/usr\/bin\/cat", \["cat", "\/etc\/hostname"\], 0x[0-9a-f]+ \/\* \d+ vars \*\/\) = 0$/);
  assert.ok(lines.some((l) => /^openat\(AT_FDCWD, "\/etc\/hostname", O_RDONLY\) = 3$/.test(l)), show.stdout);
  assert.equal(lines.at(-2), '+++ exited with 0 +++');
  assert.equal(lines.filter((l) => l && !l.startsWith('+++')).length, back.events.filter((e) => e.type === 'syscall').length);
  assert.equal(syscallName((back.events.find((e) => e.type === 'syscall') as { nr: number }).nr), 'execve');

  const b = sh('bt-record', ['-q', '-o', 'b.pb', '--', 'cat', '/etc/passwd'], env, dir);
  assert.equal(b.status, 0, b.stderr);
  const db = { ...env, BT_DB: join(dir, 'traces.db') };
  const add = sh('bt-store', ['add', 'a.pb', 'b.pb'], db, dir);
  assert.equal(add.status, 0, add.stderr);
  const q = sh('bt-query', ['--format', 'tsv', "SELECT DISTINCT trace_id, path FROM file_access WHERE path IN ('/etc/hostname', '/etc/passwd') ORDER BY 1"], db, dir);
  assert.equal(q.status, 0, q.stderr);
  assert.equal(q.stdout, 'trace_id\tpath\n1\t/etc/hostname\n2\t/etc/passwd\n');

  const diff = sh('bt-diff', ['--summary', 'a.pb', 'b.pb'], env, dir);
  assert.equal(diff.status, 1, diff.stderr);
  assert.equal(diff.stdout, 'files read:\n  + /etc/passwd\n  - /etc/hostname\nexit status: exited with 0 (same)\n');
  assert.equal(sh('bt-diff', ['a.pb', 'a.pb'], env, dir).status, 0);

  // Filtered in the kernel (-e reads the filter table the build wrote): the read of /etc/hostname, by path.
  const f = sh('bt-record', ['-q', '-e', 'trace=read', '-o', 'f.pb', '--', 'cat', '/etc/hostname'], env, dir);
  assert.equal(f.status, 0, f.stderr);
  const fshow = sh('bt-show', ['-y', 'f.pb'], env, dir);
  assert.equal(fshow.status, 0, fshow.stderr);
  assert.match(fshow.stdout, /^# filtered when recorded \(-e trace=read\)/);
});

test('installed: a kernel without BTF, or a machine without libbpf1, gets one line; another kernel\'s BTF is read from the kernel', async () => {
  const env = installedEnv();
  // libbpf.so.1 unreadable (an empty file over it, in a mount namespace of its own).
  const libbpf = realpathSync('/lib/x86_64-linux-gnu/libbpf.so.1');
  const nolib = sh('unshare', ['--mount', 'sh', '-c', `mount --bind /dev/null ${libbpf} && exec bt-record -o /dev/null -- /bin/true`], env);
  assert.equal(nolib.status, 1, nolib.stderr);
  assert.match(nolib.stderr, /^bt-record: cannot load the native recorder from \S+\/beetrace_recorder\.node \(.*libbpf\.so\.1: .*\); it needs the runtime package libbpf1 \(apt-get install libbpf1\)\n$/);
  const none = sh('bt-record', ['-o', '/dev/null', '--', '/bin/true'], { ...env, BT_VMLINUX_BTF: '/nonexistent/vmlinux' });
  assert.equal(none.status, 1);
  assert.equal(none.stderr, 'bt-record: this kernel has no BTF (/nonexistent/vmlinux is missing); beetrace needs a kernel built with CONFIG_DEBUG_INFO_BTF=y\n');
  // BTF that is not the build kernel's: the types cut at build time are not used, libbpf reads the kernel's own.
  const other = join(work, 'other-vmlinux');
  writeFileSync(other, 'not the build kernel\'s BTF');
  const log = join(work, 'openat.txt');
  const out = join(work, 'other.pb');
  const r = sh('strace', ['-f', '-qq', '-e', 'trace=openat', '-o', log, 'bt-record', '-q', '-o', out, '--', '/bin/true'], { ...env, BT_VMLINUX_BTF: other });
  assert.equal(r.status, 0, r.stderr);
  const opened = readFileSync(log, 'utf8');
  assert.ok(opened.includes('"/sys/kernel/btf/vmlinux"'), 'the kernel\'s own BTF is read');
  assert.ok(!opened.includes('/dist/core.btf'), 'the build\'s BTF cut is not used');
  assert.ok((await readBack(out)).complete);
});

/** What `env` prints for an environment: one NAME=value line each, in order. */
const envText = (env: Record<string, string>): string => Object.entries(env).map(([k, v]) => `${k}=${v}\n`).join('');

/** Runs `bt-record -- /usr/bin/env` as `argv` (with the caller's environment `env`) and returns what the program printed. */
function programEnv(argv: readonly string[], env: Record<string, string>, cwd: string): string {
  const trace = join(work, 'env.pb');
  const r = sh(argv[0]!, [...argv.slice(1), '-q', '-o', trace, '--', '/usr/bin/env'], env, cwd);
  assert.equal(r.status, 0, `${argv.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

test('the program gets exactly the caller\'s environment, whatever started bt-record', () => {
  const cwd = join(work, 'env');
  mkdirSync(cwd);
  const caller = { PATH, HOME: cwd };
  // The workspace's bin (pnpm links it: no shell shim adding NODE_PATH and PWD).
  const workspaceBin = join(root, 'node_modules', '.bin', 'bt-record');
  assert.ok(lstatSync(workspaceBin).isSymbolicLink(), `${workspaceBin} is a symlink (.npmrc: prefer-symlinked-executables)`);
  assert.equal(programEnv([workspaceBin], caller, cwd), envText(caller), 'workspace node_modules/.bin');
  // pnpm exec in the workspace (adds NODE_PATH, npm_command, PNPM_PACKAGE_NAME, PATH entries).
  assert.equal(programEnv(['pnpm', 'exec', 'bt-record'], caller, root), envText(caller), 'pnpm exec');
  // A global npm install (a symlink to the bin).
  assert.equal(programEnv([join(prefix, 'bin', 'bt-record')], caller, cwd), envText(caller), 'global install');
  // npx with the tarball (runs the bin through `sh -c` with npm_* variables and its own PATH).
  const npxCaller = { ...npmEnv(), HOME: cwd };
  assert.equal(programEnv(['npx', '--yes', '--package', tarball, 'bt-record'], npxCaller, cwd), envText(npxCaller), 'npx --package');
  // A variable set in the command npx runs is the caller's own: it reaches the program.
  const r = sh('npx', ['--yes', '--package', tarball, '-c', `FOO=1 bt-record -q -o ${join(work, 'env.pb')} -- /usr/bin/env`], npxCaller, cwd);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^FOO=1$/m);
});
