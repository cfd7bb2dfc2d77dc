// Captured data stays private: every writer of something derived from a trace
// creates it 0600 (directories 0700) under a umask of 022, and a secret a real
// program moves through buffer syscalls is in the trace, the store and bt-show's
// output, and absent from all of them with --no-data.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { captureSpecHoldsData, syscallTable } from '@beetrace/format';
import { bin, fixture, root, run, tempDir } from './helpers.js';

const mode = (p: string): string => (statSync(p).mode & 0o777).toString(8).padStart(4, '0');
const err = (r: { stderr: Buffer }): string => r.stderr.toString();

/** Runs a bin with umask 022 set by sh, as a user's shell would have it. */
function runUmask022(binPath: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const quoted = [process.execPath, binPath, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('sh', ['-c', `umask 022 && exec ${quoted}`], { cwd, env, input: '', maxBuffer: 1 << 30 });
  assert.equal(r.status, 0, `${args.join(' ')}: ${err(r)}`);
  return r;
}

/** A file holding a fresh secret, and the fixture that moves it through read, writev/readv, sendmsg/recvmsg, sendto/recvfrom, write. */
function secretFile(dir: string): { secret: string; file: string } {
  const secret = `pw-${randomBytes(8).toString('hex')}`;
  const file = join(dir, 'secret.txt');
  writeFileSync(file, secret);
  return { secret, file };
}

/** Every byte of a database: the file and, if present, its WAL. */
function dbBytes(db: string): Buffer {
  return Buffer.concat([readFileSync(db), existsSync(`${db}-wal`) ? readFileSync(`${db}-wal`) : Buffer.alloc(0)]);
}

function query(db: string, sql: string): string[][] {
  const r = run(bin.query, ['--db', db, sql]);
  assert.equal(r.status, 0, err(r));
  return r.stdout.toString().trimEnd().split('\n').slice(1).map((l) => l.split('\t'));
}

test('umask 022: bt-record, bt-show -o, bt-show --json -o, bt-store create 0600 files and 0700 directories; devices keep their mode; snapshots follow the umask', (t) => {
  const dir = tempDir(t);
  const { file } = secretFile(dir);
  runUmask022(bin.record, ['-q', '-o', 'run.pb', '--', fixture('secret'), file], dir);
  assert.equal(mode(join(dir, 'run.pb')), '0600');

  runUmask022(bin.show, ['-o', 'run.txt', 'run.pb'], dir);
  runUmask022(bin.show, ['--json', '-o', 'run.json', 'run.pb'], dir);
  assert.equal(mode(join(dir, 'run.txt')), '0600');
  assert.equal(mode(join(dir, 'run.json')), '0600');
  assert.ok(readFileSync(join(dir, 'run.txt'), 'utf8').includes('exited with 0'));
  // A file that existed with a looser mode is made private before the text goes in.
  writeFileSync(join(dir, 'old.txt'), 'old', { mode: 0o644 });
  chmodSync(join(dir, 'old.txt'), 0o644);
  runUmask022(bin.show, ['-o', 'old.txt', 'run.pb'], dir);
  assert.equal(mode(join(dir, 'old.txt')), '0600');

  runUmask022(bin.store, ['--db', join(dir, 'data', 'beetrace', 'traces.db'), 'add', 'run.pb'], dir);
  assert.equal(mode(join(dir, 'data')), '0700');
  assert.equal(mode(join(dir, 'data', 'beetrace')), '0700');
  assert.equal(mode(join(dir, 'data', 'beetrace', 'traces.db')), '0600');

  // A device given as the output (as /dev/null often is) keeps its mode: bt-record and bt-show used to make it 0600.
  const dev = join(dir, 'null');
  const mk = spawnSync('mknod', ['-m', '666', dev, 'c', '1', '3'], { encoding: 'utf8' });
  assert.equal(mk.status, 0, mk.stderr);
  runUmask022(bin.record, ['-q', '-o', dev, '--', '/bin/true'], dir);
  runUmask022(bin.show, ['-o', dev, 'run.pb'], dir);
  assert.equal(mode(dev), '0666');

  // Snapshots are meant to be committed: the umask decides.
  runUmask022(bin.diff, ['--snapshot', 'snap.txt', '--update', 'run.pb'], dir);
  assert.equal(mode(join(dir, 'snap.txt')), '0644');
});

test('umask 022: the store\'s -wal and -shm files are 0600 while it is open', (t) => {
  const dir = tempDir(t);
  const { file } = secretFile(dir);
  assert.equal(run(bin.record, ['-q', '-o', join(dir, 'run.pb'), '--', fixture('secret'), file], { cwd: dir }).status, 0);
  // SQLite deletes them when the last connection closes: look while a process holds the store open.
  const store = pathToFileURL(join(root, 'packages/store/dist/index.js')).href;
  const script = `
    process.umask(0o022);
    const { openStore, ingestFile } = await import(${JSON.stringify(store)});
    const { statSync } = await import('node:fs');
    const db = openStore('s/traces.db', { create: true });
    await ingestFile(db, 'run.pb');
    const mode = (p) => (statSync(p).mode & 0o777).toString(8);
    console.log(JSON.stringify({ db: mode('s/traces.db'), wal: mode('s/traces.db-wal'), shm: mode('s/traces.db-shm'), dir: mode('s') }));
    db.close();
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { db: '600', wal: '600', shm: '600', dir: '700' });
});

test('an existing database that others can open: one warning line from each command, its mode left alone', (t) => {
  const dir = tempDir(t);
  const { file } = secretFile(dir);
  const trace = join(dir, 'run.pb');
  assert.equal(run(bin.record, ['-q', '-o', trace, '--', fixture('secret'), file], { cwd: dir }).status, 0);
  const db = join(dir, 'traces.db');
  const add = run(bin.store, ['-q', '--db', db, 'add', trace]);
  assert.equal(add.status, 0, err(add));
  assert.equal(err(add), '', 'no warning for the database it created');

  chmodSync(db, 0o644);
  const warning = `warning: ${db} has mode 0644: other users can read the traces it holds (make it private: chmod 600 ${db})\n`;
  for (const [tool, r] of [['bt-store', run(bin.store, ['--db', db, 'ls'])], ['bt-query', run(bin.query, ['--db', db, 'SELECT 1'])],
    ['bt-store', run(bin.store, ['-q', '--db', db, 'add', trace])]] as const) {
    assert.equal(r.status, 0, err(r));
    assert.equal(err(r), `${tool}: ${warning}`);
  }
  assert.equal(mode(db), '0644', 'not changed behind the user\'s back');
  chmodSync(db, 0o660);
  assert.match(err(run(bin.store, ['--db', db, 'ls'])), /^bt-store: warning: .* has mode 0660: other users can read/);
  chmodSync(db, 0o600);
  assert.equal(err(run(bin.store, ['--db', db, 'ls'])), '');
});

test('a secret read, written, sent and received: in the trace, store and bt-show text; absent from all with --no-data; the environment never', (t) => {
  const dir = tempDir(t);
  const { secret, file } = secretFile(dir);
  const envSecret = `env-${randomBytes(8).toString('hex')}`;
  const env = { ...process.env, BT_TEST_TOKEN: envSecret };
  const hex = Buffer.from(secret).toString('hex');
  const full = join(dir, 'full.pb');
  const bare = join(dir, 'nodata.pb');
  assert.equal(run(bin.record, ['-q', '-o', full, '--', fixture('secret'), file], { cwd: dir, env }).status, 0);
  assert.equal(run(bin.record, ['-q', '--no-data', '-o', bare, '--', fixture('secret'), file], { cwd: dir, env }).status, 0);

  // The traces themselves.
  assert.ok(readFileSync(full).includes(secret), 'the full trace holds the secret');
  assert.ok(!readFileSync(bare).includes(secret), 'bt-record --no-data never captured it');
  for (const f of [full, bare]) assert.ok(!readFileSync(f).includes(envSecret), 'environment values are never captured');

  // bt-show's text (-o) and JSON.
  for (const [trace, has] of [[full, true], [bare, false]] as const) {
    for (const json of [false, true]) {
      const out = join(dir, `show-${has}-${json}.txt`);
      const r = run(bin.show, [...(json ? ['--json'] : []), '-o', out, trace]);
      assert.equal(r.status, 0, err(r));
      assert.equal(readFileSync(out, 'utf8').includes(secret), has, `bt-show ${json ? '--json ' : ''}${trace}`);
    }
  }
  const bareText = run(bin.show, [bare]).stdout.toString();
  // What is not data is still there: paths, socket addresses, the buffers' addresses.
  assert.match(bareText, /^openat\(AT_FDCWD, ".*secret\.txt", O_RDONLY\) = 3$/m);
  assert.match(bareText, /^read\(3, 0x[0-9a-f]+, 128\) += \d+$/m);
  assert.match(bareText, /^connect\(\d+, \{sa_family=AF_INET, sin_port=htons\(\d+\), sin_addr=inet_addr\("127\.0\.0\.1"\)\}, 16\) = 0$/m);
  assert.match(bareText, /^sendto\(\d+, 0x[0-9a-f]+, \d+, 0, \{sa_family=AF_INET, sin_port=htons\(\d+\), sin_addr=inet_addr\("127\.0\.0\.1"\)\}, 16\) = \d+$/m);

  // Stores: the full trace, the full trace with --no-data, the trace recorded with --no-data.
  const stores = { full: join(dir, 'full.db'), stripped: join(dir, 'stripped.db'), bare: join(dir, 'bare.db') };
  assert.equal(run(bin.store, ['-q', '--db', stores.full, 'add', full]).status, 0);
  const strip = run(bin.store, ['--db', stores.stripped, 'add', '--no-data', full]);
  assert.equal(strip.status, 0, err(strip));
  assert.match(err(strip), /: added as \d+ \(\d+ syscalls, no captured data\)\n$/);
  assert.equal(run(bin.store, ['-q', '--db', stores.bare, 'add', bare]).status, 0);

  const inCaptures = `SELECT count(*) FROM captures WHERE instr(data, CAST('${secret}' AS BLOB)) > 0`;
  const inArgs = `SELECT count(*) FROM calls WHERE instr(args, '${secret}') > 0`;
  const bytes = dbBytes(stores.full);
  assert.ok(bytes.includes(secret) && bytes.includes(hex), 'the full store holds the secret (args text and caps hex)');
  // Whole in the captures of read, readv, recvmsg, sendto, recvfrom, write and the pipe's read (writev and sendmsg split it in two).
  assert.equal(query(stores.full, inCaptures)[0]![0], '7');
  assert.equal(query(stores.full, inArgs)[0]![0], '7');
  assert.deepEqual(query(stores.full, 'SELECT data FROM traces'), [['1']]);

  for (const db of [stores.stripped, stores.bare]) {
    const b = dbBytes(db);
    assert.ok(!b.includes(secret) && !b.includes(hex) && !b.includes(Buffer.from(secret).toString('base64')), `${db}: no secret in the file`);
    assert.deepEqual(query(db, inCaptures), [['0']]);
    assert.deepEqual(query(db, inArgs), [['0']]);
    assert.ok(!b.includes(envSecret));
    assert.deepEqual(query(db, 'SELECT data FROM traces'), [['0']]);
    // The rest is complete: the path read, the sockets' addresses, the decoded args print buffers by address.
    assert.deepEqual(query(db, "SELECT count(*) FROM file_access WHERE path LIKE '%secret.txt' AND syscall = 'read'"), [['1']]);
    const peers = query(db, "SELECT peer FROM network WHERE family = 'AF_INET' AND peer IS NOT NULL");
    assert.ok(peers.length > 0 && peers.every(([p]) => /^127\.0\.0\.1:\d+$/.test(p!)), JSON.stringify(peers));
    const readArgs = query(db, "SELECT s.args FROM syscalls s JOIN file_access f ON f.call_id = s.id WHERE f.path LIKE '%secret.txt' AND s.name = 'read'");
    assert.match(readArgs[0]![0]!, /^3, 0x[0-9a-f]+, 128$/);
  }
  assert.ok(!dbBytes(stores.full).includes(envSecret));
  // The same trace stored with and without its data: everything but the data is the same (the args of calls that take none).
  const withData = [...syscallTable('x86_64')!.byNr.values()].filter((s) => s.capture.some(captureSpecHoldsData)).map((s) => `'${s.name}'`).join(', ');
  for (const sql of ['SELECT * FROM file_access', 'SELECT * FROM network', 'SELECT * FROM process_tree', 'SELECT * FROM execs', 'SELECT * FROM summary',
    'SELECT id, name, ret, errno, path FROM syscalls',
    `SELECT id, args FROM syscalls WHERE name NOT IN (${withData})`]) {
    assert.deepEqual(query(stores.stripped, sql), query(stores.full, sql), sql);
  }

  // --no-data cannot take data out of a store that has it: refused for that file, the data stays visible to the user.
  const again = run(bin.store, ['--db', stores.full, 'add', '--no-data', full]);
  assert.equal(again.status, 1);
  assert.match(err(again), /^bt-store: .*full\.pb: already stored as (\d+) with its captured data, which --no-data does not take out \(bt-store rm \1, then add it again\)\n$/);

  // A Parquet dataset with --no-data: no secret in it, and the rows of the store made with --no-data.
  const ds = join(dir, 'runs');
  const exp = run(bin.export, ['-q', '--format', 'parquet', '--no-data', full, '-o', ds]);
  assert.equal(exp.status, 0, err(exp));
  const duck = (sql: string): string[][] => {
    const r = run(bin.query, ['--engine', 'duckdb', '--dataset', ds, sql]);
    assert.equal(r.status, 0, err(r));
    return r.stdout.toString().trimEnd().split('\n').slice(1).map((l) => l.split('\t'));
  };
  assert.deepEqual(duck(`SELECT count(*) AS n FROM calls WHERE instr(args, '${secret}') > 0 OR instr(caps, '${hex}') > 0`), [['0']]);
  assert.deepEqual(duck('SELECT data FROM traces'), [['0']]);
  for (const sql of ['SELECT * FROM file_access ORDER BY call_id, via', 'SELECT id, args FROM syscalls ORDER BY id']) {
    assert.deepEqual(duck(sql), query(stores.stripped, sql), sql);
  }
});

test('bt-store --no-data is an option of add', () => {
  const r = run(bin.store, ['--no-data', 'ls']);
  assert.equal(r.status, 2);
  assert.equal(err(r), 'bt-store: --no-data is an option of add\nFor help: bt-store --help\n');
});
