// Parquet datasets end to end: real recordings exported with bt-export --format
// parquet and bt-store export, queried with bt-query --engine duckdb (DuckDB
// embedded) and compared with the same runs in an SQLite store.
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DatasetWriter, openStore } from '@beetrace/store';
import { bin, fixture, run, tempDir } from './helpers.js';

const out = (r: { stdout: Buffer }): string => r.stdout.toString();
const err = (r: { stderr: Buffer }): string => r.stderr.toString();

/** bt-query's tsv output (header first), or a failure with its stderr. */
function tsv(args: readonly string[]): string[] {
  const r = run(bin.query, ['--format', 'tsv', ...args]);
  assert.equal(r.status, 0, `bt-query ${args.join(' ')}: ${err(r)}`);
  // Only the final newline goes: trimEnd() would also strip the empty last fields of whichever row
  // comes last (an unordered SELECT's last row differs between engines).
  return out(r).replace(/\n$/, '').split('\n');
}

const sqlite = (db: string, sql: string): string[] => tsv(['--db', db, sql]);
const duck = (dataset: string, sql: string): string[] => tsv(['--engine', 'duckdb', '--dataset', dataset, sql]);

function record(dir: string, name: string, argv: readonly string[]): string {
  const trace = join(dir, `${name}.pb`);
  const r = run(bin.record, ['-q', '-o', trace, '--', ...argv], { cwd: dir });
  assert.ok(r.status === 0 || r.status === 1, `recording ${name}: ${err(r)}`);
  return trace;
}

/** Real runs: a fork tree, sockets over loopback, a shell pipeline with failures, and a 64-bit lseek offset. */
function recordRuns(dir: string): string[] {
  return [
    record(dir, 'tree', [fixture('forktree'), '6', '2']),
    record(dir, 'socket', [fixture('fam_socket'), dir]),
    record(dir, 'shell', ['sh', '-c', 'cat /etc/hostname /nonexistent-file; ls / | wc -l; mv /nonexistent-a /nonexistent-b; true']),
    record(dir, 'wide', ['python3', '-c', "import os; fd = os.open('/dev/null', os.O_RDONLY); os.lseek(fd, (1 << 60) + 1, 0)"]),
  ];
}

/** Every file under a folder, with its mode. */
function files(dir: string): { path: string; mode: number }[] {
  const found: { path: string; mode: number }[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) {
      const path = join(e.parentPath, e.name);
      found.push({ path, mode: statSync(path).mode & 0o777 });
    }
  }
  return found;
}

const VIEWS = ['syscalls', 'summary', 'file_access', 'failures', 'process_tree', 'network'];
const TABLES = ['processes', 'execs', 'signals', 'sockets', 'call_stats'];

test('every view gives the same rows from SQLite and from DuckDB over the exported Parquet; 64-bit values exact', async (t) => {
  const dir = tempDir(t);
  const traces = recordRuns(dir);
  const db = join(dir, 'traces.db');
  const add = run(bin.store, ['--db', db, 'add', ...traces]);
  assert.equal(add.status, 0, err(add));

  // Trace files straight into a dataset (in the order the store got them: call ids agree too),
  // and the store's own export, partitioned.
  const direct = join(dir, 'runs');
  const exp = run(bin.export, ['--format', 'parquet', ...traces, '-o', direct]);
  assert.equal(exp.status, 0, err(exp));
  assert.equal(err(exp).split('\n').filter((l) => / exported as \d+ \(\d+ syscalls\) into /.test(l)).length, traces.length, err(exp));
  const fromStore = join(dir, 'from-store');
  const sexp = run(bin.store, ['--db', db, 'export', '--format', 'parquet', '--partition', 'host,date', '-o', fromStore]);
  assert.equal(sexp.status, 0, err(sexp));

  // Through the library, calls written a part at a time (1000 calls per file; 2^17 by default).
  const parted = join(dir, 'parted');
  const writer = await DatasetWriter.open(parted, { partRows: 1000 });
  for (const f of traces) await writer.add(f);
  writer.close();
  assert.ok(readdirSync(join(parted, 'calls')).some((f) => /^[0-9a-f]{16}-2\.parquet$/.test(f)), 'a run in three files or more');
  const partedStore = join(dir, 'parted-store');
  const storeWriter = await DatasetWriter.open(partedStore, { partRows: 1000 });
  const store = openStore(db, { readonly: true });
  await storeWriter.addStored(store);
  store.close();
  storeWriter.close();
  assert.ok(readdirSync(join(partedStore, 'calls')).some((f) => /^[0-9a-f]{16}-2\.parquet$/.test(f)), 'a stored run in three files or more');

  for (const name of [...VIEWS, ...TABLES]) {
    const want = sqlite(db, `SELECT * FROM ${name}`);
    assert.ok(want.length > 1, `${name} has rows in SQLite`);
    for (const dataset of [direct, fromStore, parted, partedStore]) {
      const got = duck(dataset, `SELECT * FROM ${name}`);
      assert.equal(got[0], want[0], `${name}: columns`);
      assert.equal(got.length, want.length, `${name}: row count from ${dataset}`);
      assert.deepEqual(got.slice(1).sort(), want.slice(1).sort(), `${name}: rows from ${dataset}`);
    }
  }
  // process_tree's order (tree order) is part of it.
  const order = 'SELECT trace_id, tree FROM process_tree';
  assert.deepEqual(duck(direct, order).slice(1).filter((l) => l.includes('forktree')), sqlite(db, order).slice(1).filter((l) => l.includes('forktree')));

  // The same queries, aggregates included, give the same answers.
  for (const q of [
    "SELECT count(*) AS n, sum(ret) AS bytes FROM file_access WHERE path = '/dev/null'",
    'SELECT trace_id, count(*) AS n, sum(dur_ns) AS ns, max(seq) AS last FROM syscalls GROUP BY 1 ORDER BY 1',
    'SELECT id, hash, command, host, syscalls, processes, first_call_id, last_call_id, complete, exit_status FROM traces ORDER BY id',
  ]) assert.deepEqual(duck(direct, q), sqlite(db, q), q);

  // 2^60 + 1 (not a double) as recorded, on both engines.
  const wide = "SELECT arg1 FROM syscalls WHERE name = 'lseek' AND arg1 > 4294967296";
  assert.deepEqual(sqlite(db, wide), ['arg1', '1152921504606846977']);
  assert.deepEqual(duck(direct, wide), ['arg1', '1152921504606846977']);

  // Trace ids from the content hash: the same in the store and both datasets.
  const ids = 'SELECT id, hash FROM traces ORDER BY id';
  assert.deepEqual(duck(fromStore, ids), sqlite(db, ids));

  // Private: files 0600, the folders bt-export made 0700; timestamps are Parquet timestamps.
  for (const f of [...files(direct), ...files(fromStore)]) assert.equal(f.mode, 0o600, `${f.path} mode ${f.mode.toString(8)}`);
  assert.equal(statSync(join(direct, 'calls')).mode & 0o777, 0o700);
  assert.ok(files(fromStore).some((f) => /\/calls\/host=[^/]+\/date=\d{4}-\d\d-\d\d\/[0-9a-f]{16}\.parquet$/.test(f.path)), 'hive folders');
  // Parquet's own types: repeated strings dictionary-encoded (DuckDB's writer keeps a column plain where its values
  // hardly repeat, as the argument texts), zstd, timestamps TIMESTAMP(NANOS), 64-bit integers INT64.
  const meta = duck(direct, `SELECT path_in_schema, any_value(type), bool_or(encodings LIKE '%DICTIONARY%'), string_agg(DISTINCT compression)
    FROM parquet_metadata('${direct}/calls/*.parquet') WHERE path_in_schema IN ('path', 'errno', 'arg1') GROUP BY 1 ORDER BY 1`);
  assert.deepEqual(meta.slice(1).map((l) => l.split('\t')).map(([c, t, d, z]) => [c, t, c === 'arg1' || d === '1', z]), [
    ['arg1', 'INT64', true, 'ZSTD'], ['errno', 'BYTE_ARRAY', true, 'ZSTD'], ['path', 'BYTE_ARRAY', true, 'ZSTD'],
  ]);
  assert.match(duck(direct, `SELECT logical_type FROM parquet_schema('${direct}/traces/*.parquet') WHERE name = 'start_time' LIMIT 1`)[1]!, /NANOS=NanoSeconds/);
  assert.deepEqual(duck(direct, "SELECT typeof(start_time), typeof(arg0), typeof(path) FROM traces, calls LIMIT 1"), [
    'typeof(start_time)\ttypeof(arg0)\ttypeof(path)', 'TIMESTAMP_NS\tBIGINT\tVARCHAR',
  ]);
});

test('datasets from two hosts merge: each run is counted once', async (t) => {
  const dir = tempDir(t);
  const [tree, socket, shell] = recordRuns(dir);
  const alpha = join(dir, 'alpha');
  const beta = join(dir, 'beta');
  const one = run(bin.export, ['--format', 'parquet', '--partition', 'host,date', '--host', 'alpha', tree!, socket!, '-o', alpha]);
  assert.equal(one.status, 0, err(one));
  const two = run(bin.export, ['--format', 'parquet', '--partition', 'host,date', '--host', 'beta', shell!, '-o', beta]);
  assert.equal(two.status, 0, err(two));
  // What syncing both to one bucket does: the folders side by side.
  const fleet = join(dir, 'fleet');
  cpSync(alpha, fleet, { recursive: true });
  cpSync(beta, fleet, { recursive: true });

  assert.deepEqual(duck(fleet, 'SELECT host, count(*) FROM traces GROUP BY 1 ORDER BY 1'), ['host\tcount_star()', 'alpha\t2', 'beta\t1']);
  assert.deepEqual(duck(fleet, 'SELECT count(*), count(DISTINCT id) FROM traces'), ['count_star()\tcount(DISTINCT id)', '3\t3']);
  const perTrace = 'SELECT trace_id, sum(calls) FROM summary GROUP BY 1 ORDER BY 1';
  const counts = duck(fleet, 'SELECT id, syscalls FROM traces ORDER BY 1').slice(1);
  assert.deepEqual(duck(fleet, perTrace).slice(1), counts);
  assert.deepEqual(duck(fleet, 'SELECT trace_id, count(*) FROM calls GROUP BY 1 ORDER BY 1').slice(1), counts);
  // The same run exported again on a host is refused, and the dataset stays as it was.
  const again = run(bin.export, ['--format', 'parquet', '--partition', 'host,date', '--host', 'alpha', tree!, '-o', fleet]);
  assert.equal(again.status, 1);
  assert.match(err(again), /^bt-export: .*\.parquet exists \(this run is in the dataset already\); --force replaces it$/m);
  assert.deepEqual(duck(fleet, 'SELECT count(*) FROM traces'), ['count_star()', '3']);
});

test('bad input: a newer dataset is refused naming both versions, a cut trace exports what it reads, nothing is clobbered without --force', async (t) => {
  const dir = tempDir(t);
  const trace = record(dir, 'shell', ['sh', '-c', `${fixture('forktree')} 20 3; ls -lR /usr/lib > /dev/null; cat /nonexistent`]);
  const ds = join(dir, 'runs');
  assert.equal(run(bin.export, ['-q', '--format', 'parquet', trace, '-o', ds]).status, 0);

  // An existing file is not replaced without --force; with it, it is.
  const callsFile = files(ds).find((f) => f.path.includes('/calls/'))!.path;
  const before = readFileSync(callsFile);
  const again = run(bin.export, ['--format', 'parquet', trace, '-o', ds]);
  assert.equal(again.status, 1);
  assert.match(err(again), /\/traces\/[0-9a-f]{16}\.parquet exists/);
  assert.deepEqual(readFileSync(callsFile), before);
  const forced = run(bin.export, ['-q', '--format', 'parquet', '--force', trace, '-o', ds]);
  assert.equal(forced.status, 0, err(forced));
  assert.deepEqual(duck(ds, 'SELECT count(*) FROM traces'), ['count_star()', '1']);

  // A trace cut in the middle: what was readable is exported, one line says where reading stopped, exit 1.
  const full = readFileSync(trace);
  const cut = join(dir, 'cut.pb');
  writeFileSync(cut, full.subarray(0, Math.floor(full.length * 0.6)));
  const cutDs = join(dir, 'cut');
  const partial = run(bin.export, ['--format', 'parquet', cut, '-o', cutDs]);
  assert.equal(partial.status, 1);
  const m = /^bt-export: .*cut\.pb: reading stopped: TRUNCATED: .* \(at byte (\d+)\); the (\d+) syscalls before it were exported$/m.exec(err(partial));
  assert.ok(m, err(partial));
  assert.ok(Number(m[2]) > 0);
  assert.deepEqual(duck(cutDs, 'SELECT truncated, complete, syscalls FROM traces'), ['truncated\tcomplete\tsyscalls', `1\t0\t${m[2]}`]);
  assert.deepEqual(duck(cutDs, 'SELECT count(*) FROM calls'), ['count_star()', m[2]]);

  // A dataset written by a newer schema version: refused by both commands, naming both versions.
  const marker = join(ds, 'beetrace-dataset.json');
  writeFileSync(marker, JSON.stringify({ format: 'beetrace Parquet dataset', schema_version: 99 }));
  const q = run(bin.query, ['--engine', 'duckdb', '--dataset', ds, 'SELECT 1']);
  assert.equal(q.status, 1);
  assert.equal(err(q), `bt-query: dataset ${ds} has schema version 99, newer than this bt-query's (1); upgrade beetrace\n`);
  const e = run(bin.export, ['--format', 'parquet', '--force', trace, '-o', ds]);
  assert.equal(e.status, 1);
  assert.equal(err(e), `bt-export: dataset ${ds} has schema version 99, newer than this bt-export's (1); upgrade beetrace\n`);

  // Not a dataset, usage errors (exit 2 with a hint), SQL errors.
  const none = run(bin.query, ['--engine', 'duckdb', '--dataset', dir, 'SELECT 1']);
  assert.equal(none.status, 1);
  assert.match(err(none), /is not a beetrace dataset/);
  const into = run(bin.export, ['--format', 'parquet', trace, '-o', dir]);
  assert.equal(into.status, 1);
  assert.equal(err(into), `bt-export: ${dir} is a folder with other files, not a beetrace dataset (no beetrace-dataset.json); give a new or empty folder\n`);
  for (const args of [
    ['--format', 'parquet', trace],
    ['--format', 'parquet', '--partition', 'rack', trace, '-o', join(dir, 'x')],
    ['--format', 'parquet', '-', '-o', join(dir, 'x')],
  ]) {
    const u = run(bin.export, args);
    assert.equal(u.status, 2, args.join(' '));
    assert.match(err(u), /\nFor help: bt-export --help\n$/);
  }
  writeFileSync(marker, JSON.stringify({ format: 'beetrace Parquet dataset', schema_version: 1 }));
  const bad = run(bin.query, ['--engine', 'duckdb', '--dataset', ds, 'SELEC 1']);
  assert.equal(bad.status, 2);
  assert.match(err(bad), /^bt-query: SQL error: Parser Error: syntax error at or near "SELEC"/);
});
