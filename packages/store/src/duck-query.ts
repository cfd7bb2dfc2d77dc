// One SQL statement over a Parquet dataset with DuckDB (bt-query --engine duckdb),
// its values as bt-query prints SQLite's: integers as numbers (bigints beyond
// 2^53, exact), timestamps as ISO 8601 text, booleans as 1 and 0.
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { EXIT, StoreError } from './db.js';
import type { Value } from './output.js';
import type { QueryResult } from './query.js';

function plainValue(v: DuckDBValue): Value {
  if (v === null || typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'bigint') return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Uint8Array) return Buffer.from(v);
  return String(v);
}

/** Runs `sql` and returns its columns and rows. SQL errors are StoreErrors with exit 2. */
export async function runDuckQuery(con: DuckDBConnection, sql: string): Promise<QueryResult> {
  if (sql.trim() === '') throw new StoreError('EMPTY_SQL', 'no SQL given', EXIT.USAGE);
  let reader;
  try {
    reader = await con.runAndReadAll(sql);
  } catch (e) {
    const message = (e as Error).message.split('\n')[0]!;
    throw new StoreError('SQL', `SQL error: ${message}`, /^(Parser|Binder|Catalog|Invalid Input) Error/.test(message) ? EXIT.USAGE : EXIT.FAILURE);
  }
  const rows = reader.getRows().map((r) => r.map(plainValue));
  return { columns: reader.columnNames(), rows };
}
