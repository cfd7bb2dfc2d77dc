// bt_rows (native/bt_rows.c) on real SQLite files: the values it yields, its
// checks on the buffers, and that what it inserts is plain SQLite that a
// connection without the extension reads.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { blob, copyColumn, encodeTextColumn, numColumn, numColumns } from './bulk.js';
import { loadRowsExtension } from './db.js';

const dir = mkdtempSync(join(tmpdir(), 'bt-bulk-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function withRows(name: string): Database.Database {
  const db = new Database(join(dir, name));
  loadRowsExtension(db);
  loadRowsExtension(db); // once per connection: the second call does nothing
  return db;
}

/** nums for the given columns (each an array of the same length). */
function nums(...cols: number[][]): Buffer {
  const rows = cols[0]!.length;
  const f = numColumns(cols.length, rows);
  cols.forEach((c, k) => numColumn(f, k, rows).set(c));
  return blob(f);
}

describe('bt_rows', () => {
  test('numbers: integers as INTEGER, fractions and values beyond int64 as REAL, NaN as NULL, missing columns NULL', () => {
    const db = withRows('nums.db');
    const got = db.prepare(`SELECT n0, typeof(n0) AS t0, n1, typeof(n1) AS t1, n2, typeof(n2) AS t2, n23, t0 AS s0, t1 AS s1
      FROM bt_rows(?, ?, NULL, NULL)`).raw().all(4, nums([1, -1, 2 ** 53, -0], [2.5, NaN, 9.3e18, -(2 ** 63)]));
    assert.deepEqual(got, [
      [1, 'integer', 2.5, 'real', null, 'null', null, null, null],
      [-1, 'integer', null, 'null', null, 'null', null, null, null],
      [2 ** 53, 'integer', 9.3e18, 'real', null, 'null', null, null, null],
      [0, 'integer', -(2 ** 63), 'integer', null, 'null', null, null, null],
    ]);
    // An integer beyond 2^53 keeps every bit (what INTEGER affinity would store).
    const big = db.prepare('SELECT n0 FROM bt_rows(1, ?, NULL, NULL)').safeIntegers().pluck().get(nums([2 ** 62 + 2 ** 10]));
    assert.equal(big, 2n ** 62n + 2n ** 10n);
    assert.deepEqual(db.prepare('SELECT count(*) FROM bt_rows(0, ?, NULL, NULL)').pluck().all(Buffer.alloc(0)), [0]);
    db.close();
  });

  test('text columns: each row its string (UTF-8 as given), -1 and a NULL column give NULL', () => {
    const db = withRows('text.db');
    const texts = ['AT_FDCWD, "/etc/x", O_RDONLY', 'héllo "wörld"\n', ''];
    const col = encodeTextColumn(texts, Int32Array.from([1, -1, 0, 2, 1]));
    const got = db.prepare('SELECT t0, typeof(t0), t1 FROM bt_rows(5, ?, ?, NULL)').raw().all(nums([0, 0, 0, 0, 0]), blob(col));
    assert.deepEqual(got, [[texts[1], 'text', null], [null, 'null', null], [texts[0], 'text', null], ['', 'text', null], [texts[1], 'text', null]]);
    // Layout: rows, count, index, offsets, then the bytes.
    const b = Buffer.from(col.buffer);
    assert.deepEqual([b.readUInt32LE(0), b.readUInt32LE(4), b.readInt32LE(8 + 4)], [5, 3, -1]);
    assert.equal(b.length, 8 + 5 * 4 + 4 * 4 + texts.reduce((n, s) => n + Buffer.byteLength(s), 0));
    db.close();
  });

  test('damaged buffers are refused with a message, before any row', () => {
    const db = withRows('bad.db');
    db.exec('CREATE TABLE t (a, b)');
    const ins = db.prepare('INSERT INTO t SELECT n0, t0 FROM bt_rows(?, ?, ?, NULL)');
    const fails = (message: RegExp, ...args: unknown[]): void => assert.throws(() => ins.run(...args), message);
    const text = Buffer.from(encodeTextColumn(['a', 'b'], Int32Array.from([0, 1])).buffer);
    fails(/nums length is not a multiple of 8 \* nrows/, 2, Buffer.alloc(24), null);
    fails(/more than 24 number columns/, 1, Buffer.alloc(25 * 8), null);
    fails(/nrows must be an integer/, 1.5, Buffer.alloc(16), null);
    fails(/nrows out of range/, -1, Buffer.alloc(8), null);
    fails(/nums must be a blob/, 2, 'abc', null);
    fails(/text column row count differs from nrows/, 3, Buffer.alloc(24), text);
    const badIndex = Buffer.from(text);
    badIndex.writeInt32LE(2, 8);
    fails(/text column index out of range/, 2, Buffer.alloc(16), badIndex);
    const badOffsets = Buffer.from(text);
    badOffsets.writeUInt32LE(5, 8 + 8 + 4);
    fails(/text column offsets/, 2, Buffer.alloc(16), badOffsets);
    fails(/shorter than its index and offsets/, 2, Buffer.alloc(16), text.subarray(0, 12));
    assert.throws(() => db.prepare('SELECT * FROM bt_rows(1, ?)').all(Buffer.alloc(8)), /needs its arguments/);
    assert.equal(db.prepare('SELECT count(*) FROM t').pluck().get(), 0);
    db.close();
  });

  test('rows inserted through it are plain SQLite: a connection without the extension reads them', () => {
    const path = join(dir, 'plain.db');
    const db = withRows('plain.db');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER, s TEXT)');
    const rows = 10_000;
    const f = numColumns(2, rows);
    const ids = numColumn(f, 0, rows);
    const vs = numColumn(f, 1, rows);
    for (let i = 0; i < rows; i++) {
      ids[i] = i + 1;
      vs[i] = i % 7 === 0 ? NaN : i * 1000;
    }
    const idx = Int32Array.from({ length: rows }, (_, i) => i % 3);
    db.prepare('INSERT INTO t SELECT n0, n1, t0 FROM bt_rows(?, ?, ?, NULL)').run(rows, blob(f), blob(encodeTextColumn(['x', 'y', 'z'], idx)));
    db.close();
    const plain = new Database(path, { readonly: true });
    assert.throws(() => plain.prepare('SELECT * FROM bt_rows(1, ?, NULL, NULL)'), /no such table: bt_rows/);
    assert.deepEqual(plain.prepare('SELECT count(*), count(v), sum(v), sum(s = \'y\') FROM t').raw().get(),
      [rows, rows - Math.ceil(rows / 7), Array.from({ length: rows }, (_, i) => (i % 7 === 0 ? 0 : i * 1000)).reduce((a, b) => a + b), Math.floor((rows + 1) / 3)]);
    assert.deepEqual(plain.prepare('SELECT id, v, s FROM t WHERE id IN (1, 2, 10000)').raw().all(), [[1, null, 'x'], [2, 1000, 'y'], [10000, 9_999_000, 'x']]);
    plain.close();
  });
});

describe('column buffers', () => {
  test('copyColumn fills what a short column lacks', () => {
    const dst = new Float64Array(4);
    copyColumn(dst, Uint32Array.from([7, 8]), NaN);
    assert.deepEqual([...dst], [7, 8, NaN, NaN]);
    copyColumn(dst, Float64Array.from([1, 2, 3, 4, 5]), 0);
    assert.deepEqual([...dst], [1, 2, 3, 4]);
  });

  test('numColumns refuses more columns than bt_rows takes', () => {
    assert.throws(() => numColumns(25, 1), /1\.\.24 number columns/);
  });
});
