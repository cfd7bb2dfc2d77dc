// Schema versions and migration, --schema coverage, SQL error positions, output formats.
import assert from 'node:assert/strict';
import { mkdtempSync, openSync, readFileSync, rmSync, closeSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { defaultDbPath, migrate, openStore, schemaVersion } from './db.js';
import { ingestFile } from './ingest.js';
import { writeRows, formatDuration, type Value } from './output.js';
import { errorPosition, runQuery, schemaText } from './query.js';
import { SCHEMA_DOCS, SCHEMA_VERSION } from './schema.js';
import { stormBatches, writeTrace } from './testing/synthetic.js';

const dir = mkdtempSync(join(tmpdir(), 'bt-store-query-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('database location and versions', () => {
  test('default path: BT_DB, then XDG_DATA_HOME, then ~/.local/share', () => {
    assert.equal(defaultDbPath({ BT_DB: '/x/y.db', XDG_DATA_HOME: '/d', HOME: '/h' }), '/x/y.db');
    assert.equal(defaultDbPath({ XDG_DATA_HOME: '/d', HOME: '/h' }), '/d/beetrace/traces.db');
    assert.equal(defaultDbPath({ HOME: '/h' }), '/h/.local/share/beetrace/traces.db');
  });

  test('a newer schema version is refused, read-only and writable', () => {
    const p = join(dir, 'newer.db');
    openStore(p, { create: true }).close();
    const raw = new Database(p);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    for (const readonly of [true, false]) {
      assert.throws(() => openStore(p, { readonly }), (e: Error & { code?: string }) => e.code === 'NEWER_SCHEMA' && /newer than this/.test(e.message));
    }
  });

  test('an older schema is migrated, keeping its rows', async () => {
    const p = join(dir, 'older.db');
    const raw = new Database(p);
    migrate(raw, 1);
    assert.equal(schemaVersion(raw), 1);
    raw.prepare("INSERT INTO traces (hash, file, added_epoch_ns, command, argv) VALUES ('h', '/f', 0, 'old', '[]')").run();
    raw.close();
    assert.throws(() => openStore(p, { readonly: true }), (e: Error & { code?: string }) => e.code === 'OLD_SCHEMA');
    const db = openStore(p);
    assert.equal(schemaVersion(db), SCHEMA_VERSION);
    assert.equal(db.prepare("SELECT command FROM traces WHERE hash = 'h'").pluck().get(), 'old');
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'calls_failed'").pluck().all();
    assert.deepEqual(indexes, ['calls_failed']);
    const trace = join(dir, 'older.pb');
    writeTrace(trace, stormBatches(100));
    const r = await ingestFile(db, trace);
    assert.equal(db.prepare('SELECT count(*) FROM syscalls WHERE trace_id = ?').pluck().get(r.id), 102);
    db.close();
  });

  test('a missing database says how to create one; a non-store is refused', () => {
    assert.throws(() => openStore(join(dir, 'missing.db'), { readonly: true }), /bt-store add/);
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'not sqlite at all, just text that is long enough to be a header........................................');
    assert.throws(() => openStore(junk, { readonly: true }), (e: Error & { code?: string }) => e.code === 'NOT_A_STORE');
    const other = join(dir, 'other.db');
    const raw = new Database(other);
    raw.exec('CREATE TABLE t (x)');
    raw.close();
    assert.throws(() => openStore(other), (e: Error & { code?: string }) => e.code === 'NOT_A_STORE');
  });

  test('--schema documents every column of every table and view', () => {
    const db = openStore(join(dir, 'schema.db'), { create: true });
    for (const obj of SCHEMA_DOCS) {
      const actual = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(obj.name) as string[];
      assert.deepEqual(actual, obj.columns.map((c) => c.name), `${obj.name}: documented columns match the database`);
      const kind = db.prepare('SELECT type FROM sqlite_master WHERE name = ?').pluck().get(obj.name);
      assert.equal(kind, obj.kind, obj.name);
    }
    const objects = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    assert.deepEqual(objects.sort(), SCHEMA_DOCS.map((o) => o.name).sort(), 'every table and view is documented');
    assert.equal(schemaText(db), schemaText(undefined));
    assert.match(schemaText(undefined), /^view file_access: Every path touched/m);
    db.close();
  });
});

describe('SQL errors', () => {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (a, b)');
  after(() => db.close());

  const where = (sql: string): string => {
    try {
      runQuery(db, sql, { write: false });
    } catch (e) {
      return (e as Error).message;
    }
    return 'no error';
  };

  test('syntax errors carry SQLite\'s message and the exact position', () => {
    assert.equal(where('SELECT a FROM t ORDER a'), 'SQL error at line 1, column 23: near "a": syntax error');
    assert.equal(where('SELEC a FROM t'), 'SQL error at line 1, column 1: near "SELEC": syntax error');
    // The same token earlier in the statement is not where the error is.
    assert.equal(where('SELECT t.a, t.b FROM t t WHERE a = 1 t'), 'SQL error at line 1, column 38: near "t": syntax error');
    assert.equal(where('SELECT a\nFROM t\nWHERE (a = '), 'SQL error at line 3, column 11: incomplete input');
  });

  test('unknown names are located', () => {
    assert.equal(where('SELECT a,\n  nosuch FROM t'), 'SQL error at line 2, column 3: no such column: nosuch');
    assert.equal(where('SELECT * FROM missing'), 'SQL error at line 1, column 15: no such table: missing');
    const pos = errorPosition(db, 'SELECT zz(a) FROM t', 'no such function: zz');
    assert.deepEqual(pos, { offset: 7, line: 1, column: 8 });
  });

  test('writes are refused without --write; one statement only', () => {
    assert.match(where('DELETE FROM t'), /read-only unless --write/);
    assert.match(where('SELECT 1; SELECT 2'), /only one statement/);
    const r = runQuery(db, 'INSERT INTO t VALUES (1, 2)', { write: true });
    assert.deepEqual([...r.rows], [[1]]);
  });
});

describe('output formats', () => {
  const render = (format: 'table' | 'tsv' | 'csv' | 'json' | 'ndjson', rows: Value[][], columns = ['name', 'n', 'dur_ns'], human = false): string => {
    const p = join(dir, `out-${format}-${Math.random()}.txt`);
    const fd = openSync(p, 'w');
    const count = writeRows(columns, rows, { format, human }, fd);
    closeSync(fd);
    assert.equal(count, rows.length);
    return readFileSync(p, 'utf8');
  };
  const data: Value[][] = [['open\tat', 12, 1500], ['a,"b"', -3, null], ['x\ny', 9007199254740993n, 2_500_000_000]];

  test('tsv escapes tabs and newlines, NULL is empty', () => {
    assert.equal(render('tsv', data), 'name\tn\tdur_ns\nopen\\tat\t12\t1500\na,"b"\t-3\t\nx\\ny\t9007199254740993\t2500000000\n');
  });

  test('csv quotes per RFC 4180', () => {
    assert.equal(render('csv', data), 'name,n,dur_ns\nopen\tat,12,1500\n"a,""b""",-3,\n"x\ny",9007199254740993,2500000000\n');
  });

  test('json and ndjson parse back, big integers exact', () => {
    const j = render('json', data);
    assert.deepEqual(JSON.parse(j.replace('9007199254740993', '"big"')), [
      { name: 'open\tat', n: 12, dur_ns: 1500 }, { name: 'a,"b"', n: -3, dur_ns: null }, { name: 'x\ny', n: 'big', dur_ns: 2_500_000_000 },
    ]);
    assert.match(j, /"n":9007199254740993/);
    assert.deepEqual(render('ndjson', data.slice(0, 2)).trim().split('\n').map((l) => JSON.parse(l)), [
      { name: 'open\tat', n: 12, dur_ns: 1500 }, { name: 'a,"b"', n: -3, dur_ns: null },
    ]);
    assert.equal(render('json', []), '[]\n');
  });

  test('table: numbers right-aligned, long cells cut with an ellipsis, --human', () => {
    const t = render('table', [['short', 5, 1500], ['x'.repeat(60), 12345, 2_500_000_000]], ['name', 'n', 'dur_ns'], true);
    const lines = t.split('\n');
    assert.equal(lines[0], `${'name'.padEnd(48)}      n     dur_ns`);
    assert.equal(lines[2], `${'short'.padEnd(48)}      5    1.500us`);
    assert.equal(lines[3], `${'x'.repeat(47)}…  12345  2.500000s`);
  });

  test('durations', () => {
    assert.deepEqual([formatDuration(999), formatDuration(1500), formatDuration(2_000_000), formatDuration(61_500_000_000)],
      ['999ns', '1.500us', '2.000ms', '1m01.500s']);
  });
});

test('the README\'s schema section is what --schema prints', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const block = /Every table and view, as `bt-query --schema` prints it[^\n]*\n\n```\n([\s\S]*?)```/.exec(readme);
  assert.ok(block, 'README has the schema block');
  assert.equal(block[1]!.trimEnd(), schemaText(undefined).trimEnd());
});
