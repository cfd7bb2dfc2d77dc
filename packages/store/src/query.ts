// Running one SQL statement over a store, with SQLite's errors made exact:
// the message and where in the SQL it happened.
import type Database from 'better-sqlite3';
import { type Db, EXIT, StoreError } from './db.js';
import { SCHEMA_DOCS } from './schema.js';
import type { Value } from './output.js';

export interface Position { readonly offset: number; readonly line: number; readonly column: number }

function positionOf(sql: string, offset: number): Position {
  const before = sql.slice(0, offset);
  const line = before.split('\n').length;
  return { offset, line, column: offset - before.lastIndexOf('\n') };
}

function prepareError(db: Db, sql: string): string | undefined {
  try {
    db.prepare(sql);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * Where SQLite's error points. better-sqlite3 does not expose
 * sqlite3_error_offset, so this finds it the same way: for a syntax error
 * "near "TOKEN"", the first occurrence of TOKEN at which the SQL cut right
 * after it already fails with the same message; for an unknown name, where the
 * name occurs as a word.
 */
export function errorPosition(db: Db, sql: string, message: string): Position | undefined {
  const near = /^near "([\s\S]*)": syntax error$/.exec(message) ?? /^unrecognized token: "([\s\S]*)"$/.exec(message);
  if (near) {
    const token = near[1]!;
    for (let at = sql.indexOf(token); at >= 0; at = sql.indexOf(token, at + 1)) {
      if (prepareError(db, sql.slice(0, at + token.length)) === message) return positionOf(sql, at);
    }
    const first = sql.indexOf(token);
    return first >= 0 ? positionOf(sql, first) : undefined;
  }
  if (message === 'incomplete input') return positionOf(sql, sql.trimEnd().length);
  const named = /^no such (?:column|table|function): ([\w.$]+)/.exec(message) ?? /^ambiguous column name: ([\w.$]+)/.exec(message);
  if (named) {
    const name = named[1]!;
    const escaped = name.replace(/[.$]/g, (ch) => `\\${ch}`);
    const m = new RegExp(`(?<![\\w.$])${escaped}(?![\\w$])`, 'i').exec(sql);
    if (m) return positionOf(sql, m.index);
  }
  return undefined;
}

export interface QueryResult {
  readonly columns: readonly string[];
  readonly rows: Iterable<Value[]>;
}

/** Prepares `sql` (one statement) and returns its columns and a row iterator. Errors are StoreErrors with exit 2. */
export function runQuery(db: Db, sql: string, opts: { readonly write: boolean }): QueryResult {
  if (sql.trim() === '') throw new StoreError('EMPTY_SQL', 'no SQL given', EXIT.USAGE);
  let stmt: Database.Statement;
  try {
    stmt = db.prepare(sql);
  } catch (e) {
    const message = (e as Error).message;
    if (message.includes('more than one statement')) {
      throw new StoreError('SQL', 'SQL error: only one statement per query (remove the text after the first ";")', EXIT.USAGE);
    }
    const pos = errorPosition(db, sql, message);
    const where = pos ? ` at line ${pos.line}, column ${pos.column}` : '';
    throw new StoreError('SQL', `SQL error${where}: ${message}`, EXIT.USAGE);
  }
  if (!stmt.readonly && !opts.write) {
    throw new StoreError('READ_ONLY', 'this statement would change the database; bt-query is read-only unless --write is given', EXIT.USAGE);
  }
  if (!stmt.reader) {
    try {
      const info = stmt.run();
      return { columns: ['changes'], rows: [[info.changes]] };
    } catch (e) {
      throw new StoreError('SQL', `SQL error: ${(e as Error).message}`, EXIT.USAGE);
    }
  }
  stmt.raw(true);
  stmt.safeIntegers(true);
  const columns = stmt.columns().map((c) => c.name);
  const iter = stmt.iterate() as IterableIterator<Value[]>;
  const rows: Iterable<Value[]> = {
    [Symbol.iterator]: () => ({
      next: () => {
        try {
          const r = iter.next();
          if (!r.done) r.value = r.value.map((v) => (typeof v === 'bigint' && v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v));
          return r;
        } catch (e) {
          throw new StoreError('SQL', `SQL error: ${(e as Error).message}`, EXIT.USAGE);
        }
      },
      return: (v?: unknown) => {
        iter.return?.();
        return { done: true as const, value: v as Value[] };
      },
    }),
  };
  return { columns, rows };
}

/** Marks the columns that hold captured data in schemaText. */
export const CAPTURED_MARK = '[captured data]';

/** The schema as text: every table and view, its description, then its columns with theirs. */
export function schemaText(db: Db | undefined): string {
  const lines: string[] = [
    `Columns marked ${CAPTURED_MARK} hold bytes the traced programs read and wrote (file contents, network payloads,`,
    'secrets typed or sent): bt-store add --no-data leaves them out. The database file is created mode 0600.',
    '',
  ];
  for (const obj of SCHEMA_DOCS) {
    lines.push(`${obj.kind} ${obj.name}: ${obj.doc}`);
    const actual = db ? (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(obj.name) as string[]) : obj.columns.map((c) => c.name);
    const width = Math.max(...actual.map((n) => n.length));
    for (const name of actual) {
      const col = obj.columns.find((c) => c.name === name);
      lines.push(`  ${name.padEnd(width)}  ${col?.captured ? `${CAPTURED_MARK} ` : ''}${col?.doc ?? ''}`.trimEnd());
    }
    lines.push('');
  }
  return lines.join('\n');
}
