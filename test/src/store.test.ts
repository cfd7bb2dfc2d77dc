// bt-store and bt-query end to end: real recordings of real programs, the
// commands run as child processes on real SQLite files, compared with strace.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { BatchBuilder, encodeHeader, encodeTrailer, syscallTable } from '@beetrace/format';
import { openStore } from '@beetrace/store';
import { bin, countsByName, fixture, readBack, run, start, straceCounts, tempDir } from './helpers.js';

const out = (r: { stdout: Buffer }): string => r.stdout.toString();
const err = (r: { stderr: Buffer }): string => r.stderr.toString();

function query(db: string, sql: string, ...opts: string[]): string[][] {
  const r = run(bin.query, ['--db', db, ...opts, sql]);
  assert.equal(r.status, 0, err(r));
  // tsv escapes \\, \t, \n and \r inside cells.
  const unescape = (s: string): string => s.replace(/\\([\\tnr])/g, (_m, c: string) => ({ t: '\t', n: '\n', r: '\r' })[c] ?? c);
  return out(r).trimEnd().split('\n').slice(1).filter((l) => l !== '').map((l) => l.split('\t').map(unescape));
}

/** Every row count of the store, to compare before and after. */
function snapshot(db: string): string {
  if (!existsSync(db)) return 'no database';
  const d = openStore(db, { readonly: true });
  try {
    const tables = d.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    return tables.map((t) => `${t}=${d.prepare(`SELECT count(*) FROM ${t}`).pluck().get()}`).join(' ');
  } finally {
    d.close();
  }
}

/** A synthetic storm trace of `n` reads (big enough for an ingest to take seconds), unique per `tag`. */
function stormTrace(path: string, n: number, tag: string): void {
  const read = syscallTable('x86_64')!.byName.get('read')!.nr;
  const parts: Uint8Array[] = [encodeHeader({ magic: '', formatVersion: 0, hostname: tag, arch: 'x86_64', syscallAbi: 'x86_64', argv: ['storm'], monotonicNs: 1e9, realtimeNs: 1.7e18, rootPid: 7 })];
  const b = new BatchBuilder();
  let t = 1e9;
  for (let i = 0; i < n; i++) {
    b.addSyscall(7, 7, read, t, t + 300, 1, 3, 0x7000, 1, 0, 0, 0, 0);
    b.addCapture(1, 4, 0, new Uint8Array([0]));
    t += 500;
    if (b.syscalls === 4096) parts.push(b.encode());
  }
  parts.push(b.encode());
  parts.push(encodeTrailer({ syscalls: n, programExited: true, exitCode: 0, endMonotonicNs: t }));
  writeFileSync(path, Buffer.concat(parts.map((p) => Buffer.from(p))));
}

test('a real recording: summary agrees with the trace and strace -c, file_access lists strace\'s paths, re-adding changes nothing', async (t) => {
  const dir = tempDir(t);
  const data = join(dir, 'data');
  mkdirSync(data);
  for (const f of ['a', 'b']) writeFileSync(join(data, f), f);
  const argv = ['/bin/cat', join(data, 'a'), join(data, 'b'), join(data, 'missing')];
  const trace = join(dir, 'cat.pb');
  const rec = run(bin.record, ['-q', '-o', trace, '--', ...argv], { cwd: dir });
  assert.equal(rec.status, 1, `cat of a missing file exits 1: ${err(rec)}`);
  const db = join(dir, 'traces.db');

  const add = run(bin.store, ['--db', db, 'add', trace]);
  assert.equal(add.status, 0, err(add));
  // The trace id is the start of the file's SHA-256 (as in a Parquet dataset): 53 bits.
  const id = /added as (\d+) /.exec(err(add))?.[1] ?? assert.fail(err(add));
  assert.equal(id, String(Math.floor(parseInt(createHash('sha256').update(readFileSync(trace)).digest('hex').slice(0, 14), 16) / 8)));

  // summary: per syscall, the calls that returned, as the trace itself has them and as strace -c counts them.
  const summary = new Map(query(db, `SELECT syscall, calls FROM summary WHERE trace_id = ${id}`).map(([n, c]) => [n!, Number(c)]));
  const fromTrace = countsByName((await readBack(trace)).events); // the calls that returned
  assert.deepEqual(new Map([...summary].filter(([n]) => n !== 'exit_group').sort()), new Map([...fromTrace].sort()));
  const strace = straceCounts(argv, dir);
  for (const [name, n] of strace) assert.equal(summary.get(name) ?? 0, n, `${name}: summary ${summary.get(name) ?? 0}, strace -c ${n}`);
  const errors = query(db, `SELECT errors FROM summary WHERE trace_id = ${id} AND syscall = 'openat'`);
  assert.ok(Number(errors[0]![0]) >= 1, 'the failed openat of the missing file is counted');

  // summary: the same figures as bt-show -c, row by row.
  const showC = run(bin.show, ['-c', trace]);
  assert.equal(showC.status, 0, err(showC));
  const showRows = out(showC).split('\n').map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 5 && /^\d+\.\d+$/.test(f[0]!) && f[f.length - 1] !== 'total')
    .map((f) => ({ name: f[f.length - 1]!, seconds: f[1]!, calls: f[3]!, errors: f.length === 6 ? f[4]! : '0', pct: Number(f[0]) }));
  const ourRows = query(db, `SELECT syscall, total_ns, calls, errors, pct_time FROM summary WHERE trace_id = ${id}`)
    .map(([name, ns, calls, errors, pct]) => ({ name: name!, seconds: (Number(ns) / 1e9).toFixed(6), calls: calls!, errors: errors!, pct: Number(pct) }));
  const byName = <T extends { name: string }>(rows: T[]): T[] => [...rows].sort((x, y) => x.name.localeCompare(y.name));
  assert.deepEqual(byName(ourRows).map(({ pct: _p, ...r }) => r), byName(showRows).map(({ pct: _p, ...r }) => r));
  for (const r of ourRows) assert.ok(Math.abs(r.pct - showRows.find((s) => s.name === r.name)!.pct) <= 0.01, `${r.name} % time`);

  // args: the text bt-show prints between the parentheses, call by call.
  const showLines = out(run(bin.show, [trace])).split('\n').map((l) => /^([a-z_0-9]+\(.*\))\s+= [^=]*$/.exec(l)?.[1]).filter((l) => l !== undefined);
  const ourLines = query(db, `SELECT name, args FROM syscalls WHERE trace_id = ${id} ORDER BY seq`).map(([name, args]) => `${name}(${args})`);
  assert.deepEqual(ourLines, showLines);

  // file_access: the paths strace prints for %file calls, and the fd-based reads resolved to the files.
  const straceOut = join(dir, 'strace.txt');
  spawnSync('strace', ['-f', '-qq', '-e', 'trace=%file', '-o', straceOut, '--', ...argv], { cwd: dir, input: '' });
  const stracePaths = new Set<string>();
  for (const line of readFileSync(straceOut, 'utf8').split('\n')) {
    const m = /^\d+\s+\w+\((?:AT_FDCWD, |\d+, )?"((?:[^"\\]|\\.)*)"/.exec(line);
    if (m && m[1] !== '') stracePaths.add(m[1]!);
  }
  assert.ok(stracePaths.has(join(data, 'missing')));
  const ours = new Set(query(db, `SELECT DISTINCT path FROM file_access WHERE trace_id = ${id} AND via IN ('path', 'path2')`).map((r) => r[0]!));
  assert.deepEqual([...ours].sort(), [...stracePaths].sort());
  const reads = query(db, `SELECT path, sum(ret) FROM file_access WHERE trace_id = ${id} AND syscall = 'read' AND via = 'fd' AND path LIKE ? GROUP BY 1 ORDER BY 1`.replace('?', `'${data}/%'`));
  assert.deepEqual(reads, [[join(data, 'a'), '1'], [join(data, 'b'), '1']]);
  assert.deepEqual(query(db, `SELECT syscall, errno FROM failures WHERE trace_id = ${id} AND path LIKE '%/missing'`), [['openat', 'ENOENT']]);
  assert.deepEqual(query(db, `SELECT exe, exit_code FROM processes WHERE trace_id = ${id}`), [['/bin/cat', '1']]);
  assert.deepEqual(query(db, 'SELECT exit_status, complete, truncated FROM traces'), [['exit 1', '1', '0']]);

  // Adding it again, even from another name, changes nothing.
  const before = snapshot(db);
  const copy = join(dir, 'copy.pb');
  writeFileSync(copy, readFileSync(trace));
  const again = run(bin.store, ['--db', db, 'add', copy]);
  assert.equal(again.status, 0, err(again));
  assert.match(err(again), new RegExp(`already stored as ${id}, unchanged`));
  assert.equal(snapshot(db), before);

  // The rows went in through the ingest's SQLite extension (bt_rows), but the store is plain SQLite:
  // the sqlite3 shell, a different SQLite build that never loaded the extension, reads every row.
  // (scripts/setup.sh installs Debian's sqlite3.)
  const shell = spawnSync('sqlite3', ['-readonly', db, 'PRAGMA integrity_check; SELECT count(*) FROM calls; SELECT count(*) FROM syscalls WHERE args IS NOT NULL;'], { encoding: 'utf8' });
  assert.ifError(shell.error);
  assert.equal(shell.status, 0, shell.stderr);
  const n = query(db, `SELECT syscalls FROM traces WHERE id = ${id}`)[0]![0]!;
  assert.deepEqual(shell.stdout.trim().split('\n'), ['ok', n, n], shell.stderr);

  // The same SQL on the file directly gives the same answer.
  const direct = run(bin.query, [trace, 'SELECT syscall, calls FROM summary ORDER BY syscall']);
  assert.equal(direct.status, 0, err(direct));
  assert.equal(out(direct), out(run(bin.query, ['--db', db, `SELECT syscall, calls FROM summary WHERE trace_id = ${id} ORDER BY syscall`])));
});

test('file_access.canonical_path: the path strace -y prints for the files opened and read, through a symlinked file and directory', (t) => {
  const dir = tempDir(t);
  const data = join(dir, 'data');
  mkdirSync(data);
  writeFileSync(join(data, 'a'), 'a');
  writeFileSync(join(data, 'b'), 'b');
  symlinkSync('a', join(data, 'link'));
  symlinkSync('data', join(dir, 'dirlink'));
  const argv = ['/bin/cat', join(data, 'link'), join(dir, 'dirlink', 'b'), join(data, 'a')];
  const trace = join(dir, 'cat.pb');
  const rec = run(bin.record, ['-q', '-o', trace, '--', ...argv], { cwd: dir });
  assert.equal(rec.status, 0, err(rec));
  const db = join(dir, 'traces.db');
  const add = run(bin.store, ['--db', db, 'add', trace]);
  assert.equal(add.status, 0, err(add));
  // strace -y on the same command: each path opened, the file it named; the files read.
  const straceOut = join(dir, 'strace.txt');
  spawnSync('strace', ['-qq', '-y', '-e', 'trace=openat,read', '-o', straceOut, '--', ...argv], { cwd: dir, input: '' });
  const opened: string[][] = [];
  const read = new Set<string>();
  for (const line of readFileSync(straceOut, 'utf8').split('\n')) {
    const o = /^openat\(AT_FDCWD<[^>]*>, "([^"]*)", .*\) = \d+<([^>]*)>$/.exec(line);
    if (o && o[1]!.startsWith(dir)) opened.push([o[1]!, o[2]!]);
    const r = /^read\(\d+<([^>]*)>/.exec(line);
    if (r && r[1]!.startsWith(dir)) read.add(r[1]!);
  }
  assert.deepEqual(opened, [[join(data, 'link'), join(data, 'a')], [join(dir, 'dirlink', 'b'), join(data, 'b')], [join(data, 'a'), join(data, 'a')]]);
  assert.deepEqual(query(db, `SELECT path, canonical_path FROM file_access WHERE syscall = 'openat' AND ok AND path LIKE '${dir}/%' ORDER BY seq`), opened);
  assert.deepEqual(query(db, `SELECT DISTINCT canonical_path FROM file_access WHERE syscall = 'read' AND via = 'fd' AND path LIKE '${dir}/%' ORDER BY 1`),
    [...read].sort().map((p) => [p]));
});

test('a fork tree: processes and process_tree match the recording', async (t) => {
  const dir = tempDir(t);
  const trace = join(dir, 'tree.pb');
  const rec = run(bin.record, ['-q', '-o', trace, '--', fixture('forktree'), '20', '3'], { cwd: dir });
  assert.equal(rec.status, 0, err(rec));
  const db = join(dir, 'traces.db');
  assert.equal(run(bin.store, ['--db', db, 'add', trace]).status, 0);
  const tb = await readBack(trace);
  const forks = tb.events.filter((e) => e.type === 'fork' && !e.thread).length;
  const rows = query(db, 'SELECT pid, parent_pid, exit_code, depth FROM process_tree');
  assert.equal(rows.length, forks + 1);
  const rootPid = String(tb.header!.rootPid);
  assert.deepEqual(rows[0]!.slice(0, 2).concat(rows[0]![3]!), [rootPid, '', '0']);
  const codes = rows.slice(1).map((r) => Number(r[2])).sort((a, b) => a - b);
  assert.deepEqual(codes, [...Array(20).keys()]);
  assert.ok(rows.slice(1).every((r) => r[1] === rootPid && r[3] === '1'));
  assert.deepEqual(query(db, 'SELECT threads FROM processes WHERE pid = ' + rootPid), [['3']]);
});

test('bt-query: formats, stdin, read-only, bad SQL, missing and newer databases', async (t) => {
  const dir = tempDir(t);
  const trace = join(dir, 's.pb');
  stormTrace(trace, 1000, 'fmt');
  const db = join(dir, 'traces.db');
  assert.equal(run(bin.store, ['--db', db, 'add', trace]).status, 0);

  const sql = 'SELECT syscall, calls, total_ns FROM summary';
  assert.equal(out(run(bin.query, ['--db', db, sql])), 'syscall\tcalls\ttotal_ns\nread\t1000\t300000\n');
  assert.equal(out(run(bin.query, ['--db', db, '--format', 'csv', sql])), 'syscall,calls,total_ns\nread,1000,300000\n');
  assert.deepEqual(JSON.parse(out(run(bin.query, ['--db', db, '--format', 'json', sql]))), [{ syscall: 'read', calls: 1000, total_ns: 300000 }]);
  assert.equal(out(run(bin.query, ['--db', db, '--format', 'ndjson', '--human', sql])), '{"syscall":"read","calls":1000,"total_ns":"300.000us"}\n');
  assert.equal(out(run(bin.query, ['--db', db, '-'], { input: sql })), out(run(bin.query, ['--db', db, sql])));
  const schema = run(bin.query, ['--schema']);
  assert.equal(schema.status, 0);
  for (const name of ['traces', 'processes', 'syscalls', 'captures', 'file_access', 'failures', 'summary', 'process_tree', 'network']) {
    assert.match(out(schema), new RegExp(`^(table|view) ${name}: .+`, 'm'));
  }

  // Read-only unless --write; even a write through a function is refused by the database.
  const del = run(bin.query, ['--db', db, 'DELETE FROM calls']);
  assert.equal(del.status, 2);
  assert.match(err(del), /^bt-query: .*read-only unless --write is given\n$/);
  assert.equal(query(db, 'SELECT count(*) FROM calls')[0]![0], '1000');
  const w = run(bin.query, ['--db', db, '--write', "UPDATE traces SET cwd = '/x'"]);
  assert.equal(w.status, 0, err(w));
  assert.equal(query(db, 'SELECT cwd FROM traces')[0]![0], '/x');

  // Bad SQL: SQLite's message and where, exit 2, one line.
  const bad = run(bin.query, ['--db', db, 'SELECT name FROM syscalls\nWHERE name = = 1']);
  assert.equal(bad.status, 2);
  assert.equal(err(bad), 'bt-query: SQL error at line 2, column 14: near "=": syntax error\n');
  const unknown = run(bin.query, ['--db', db, 'SELECT nope FROM syscalls']);
  assert.equal(err(unknown), 'bt-query: SQL error at line 1, column 8: no such column: nope\n');

  // No database: how to make one. Exit 1, no stack trace.
  const missing = run(bin.query, ['--db', join(dir, 'none.db'), 'SELECT 1']);
  assert.equal(missing.status, 1);
  assert.match(err(missing), /^bt-query: no database at .*none\.db; create one with: bt-store add TRACE\.pb/);
  assert.equal(err(missing).split('\n').length, 2);

  // A database from a newer schema is refused by both commands.
  const newer = join(dir, 'newer.db');
  assert.equal(run(bin.store, ['--db', newer, 'add', trace]).status, 0);
  const raw = openStore(newer);
  raw.pragma('user_version = 99');
  raw.close();
  for (const r of [run(bin.query, ['--db', newer, 'SELECT 1']), run(bin.store, ['--db', newer, 'ls'])]) {
    assert.equal(r.status, 1);
    assert.match(err(r), /schema version 99, newer than this bt-store's/);
  }

  // Usage errors: exit 2 with a hint. Output into a closed pipe: quiet.
  const usage = run(bin.query, ['--db', db, '--format', 'xml', 'SELECT 1']);
  assert.equal(usage.status, 2);
  assert.match(err(usage), /unknown format "xml".*\nFor help: bt-query --help\n$/);
  const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${bin.query}" --db "${db}" "SELECT * FROM calls, calls AS c2 LIMIT 200000" | head -1 >/dev/null`], { encoding: 'utf8' });
  assert.equal(piped.stderr, '');
});

test('bt-store: default path, ls, rm, damaged traces, two adds at once, Ctrl-C and kill -9 mid-ingest', async (t) => {
  const dir = tempDir(t);
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_DATA_HOME: join(dir, 'xdg') };
  delete env.BT_DB;
  const a = join(dir, 'a.pb');
  stormTrace(a, 5000, 'a');
  const r = run(bin.store, ['add', a], { env });
  assert.equal(r.status, 0, err(r));
  assert.ok(existsSync(join(dir, 'xdg', 'beetrace', 'traces.db')), 'created under $XDG_DATA_HOME');
  const btdb = join(dir, 'bt.db');
  assert.equal(run(bin.store, ['add', a], { env: { ...env, BT_DB: btdb } }).status, 0);
  assert.ok(existsSync(btdb), '$BT_DB wins');

  const db = join(dir, 'traces.db');
  const full = readFileSync(a);
  const cut = join(dir, 'cut.pb');
  writeFileSync(cut, full.subarray(0, Math.floor(full.length * 0.9)));
  const junk = join(dir, 'junk.pb');
  writeFileSync(junk, 'hello\n');
  const add = run(bin.store, ['--db', db, 'add', a, cut, junk]);
  assert.equal(add.status, 1, 'one file could not be stored');
  assert.match(err(add), /cut\.pb: added as \d+ \(\d+ syscalls\); truncated: TRUNCATED/);
  const idA = /\/a\.pb: added as (\d+)/.exec(err(add))?.[1] ?? assert.fail(err(add));
  const idCut = /cut\.pb: added as (\d+)/.exec(err(add))![1]!;
  assert.match(err(add), /^bt-store: .*junk\.pb: not a beetrace trace.*; not stored$/m);
  const ls = query(db, 'SELECT id, syscalls, truncated FROM traces ORDER BY added_epoch_ns');
  assert.equal(ls.length, 2);
  assert.deepEqual(ls[0], [idA, '5000', '0']);
  assert.equal(ls[1]![2], '1');
  assert.ok(Number(ls[1]![1]) % 4096 === 0 && Number(ls[1]![1]) > 0, 'stored up to the last complete batch');
  const lsOut = run(bin.store, ['--db', db, 'ls']);
  assert.match(out(lsOut), new RegExp(`^id\tcommand\thost\tstart\tsyscalls\tproc_events\tlost\texit\tnote\n${idA}\tstorm\ta\t`));
  assert.match(out(lsOut), /\ttruncated\n$/);

  const rm = run(bin.store, ['--db', db, 'rm', idCut]);
  assert.equal(rm.status, 0, err(rm));
  assert.deepEqual(query(db, 'SELECT id FROM traces'), [[idA]]);
  assert.equal(query(db, `SELECT count(*) FROM calls WHERE trace_id = ${idCut}`)[0]![0], '0');
  assert.equal(run(bin.store, ['--db', db, 'rm', idCut]).status, 1);
  assert.equal(run(bin.store, ['--db', db, 'rm', 'x']).status, 2);

  // Two adds at once on one database: both succeed (the second waits for the first's transaction).
  const b = join(dir, 'b.pb');
  const c = join(dir, 'c.pb');
  stormTrace(b, 300_000, 'b');
  stormTrace(c, 300_000, 'c');
  const p1 = start(bin.store, ['--db', db, 'add', b]);
  const p2 = start(bin.store, ['--db', db, 'add', c]);
  const exit = (p: ReturnType<typeof start>): Promise<number | null> => new Promise((res) => p.on('close', (code) => res(code)));
  const [e1, e2] = await Promise.all([exit(p1), exit(p2)]);
  assert.deepEqual([e1, e2], [0, 0]);
  assert.deepEqual(query(db, "SELECT host, syscalls FROM traces WHERE host IN ('b', 'c') ORDER BY host"), [['b', '300000'], ['c', '300000']]);

  // Ctrl-C and kill -9 in the middle of an ingest: the database is exactly as before.
  const big = join(dir, 'big.pb');
  stormTrace(big, 2_000_000, 'big');
  for (const signal of ['SIGINT', 'SIGKILL'] as const) {
    const before = snapshot(db);
    const p = start(bin.store, ['--db', db, 'add', big]);
    let stderr = '';
    p.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    // Interrupted once the ingest has written rows (the WAL has grown by 4 MiB), not after a guessed time.
    const wal = `${db}-wal`;
    const walSize = (): number => (existsSync(wal) ? statSync(wal).size : 0);
    const walBefore = walSize();
    let ended = false;
    p.on('exit', () => { ended = true; });
    for (const t0 = Date.now(); walSize() <= walBefore + (4 << 20);) {
      assert.ok(!ended, `bt-store add ended before the interruption: ${stderr}`);
      assert.ok(Date.now() - t0 < 120_000, 'waited two minutes for the ingest to write rows');
      await new Promise((res) => setTimeout(res, 50));
    }
    p.kill(signal);
    const code = await exit(p);
    if (signal === 'SIGINT') {
      assert.equal(code, 130, stderr);
      assert.match(stderr, /interrupted: nothing was stored/);
    }
    assert.equal(snapshot(db), before, `after ${signal}`);
    assert.deepEqual(query(db, "SELECT count(*) FROM traces WHERE host = 'big'"), [['0']]);
  }
});
