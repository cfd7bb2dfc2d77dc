// Opening the database: where it is, its pragmas, its schema version.
import { closeSync, existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { makePrivateDir, openPrivateFile, PRIVATE_FILE_MODE, syscallTable } from '@beetrace/format';
import { EXIT, StoreError } from './errors.js';
import { MIGRATIONS, SCHEMA_VERSION, VIEWS } from './schema.js';

export type Db = Database.Database;

export { EXIT, StoreError };

/** The database path: --db, else $BT_DB, else $XDG_DATA_HOME/beetrace/traces.db, else ~/.local/share/beetrace/traces.db. */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.BT_DB) return env.BT_DB;
  const data = env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local', 'share');
  return join(data, 'beetrace', 'traces.db');
}

export interface OpenOptions {
  /** Open read-only (bt-query without --write). The database must exist. */
  readonly readonly?: boolean;
  /** Create the file (and its directory) when missing. */
  readonly create?: boolean;
  /** Milliseconds to wait for another writer. */
  readonly busyMs?: number;
  /** Told (one line, no trailing newline) when an existing database file is open to other users. */
  readonly warn?: (message: string) => void;
}

/** Schema version of an open database (PRAGMA user_version). */
export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Creates an empty database file mode 0600 (and its missing directories 0700),
 * whatever the umask: SQLite gives the -wal, -shm and -journal files it makes
 * later the database file's own mode.
 */
function createPrivate(path: string): void {
  try {
    makePrivateDir(dirname(path));
    closeSync(openPrivateFile(path, 'wx'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EEXIST') return; // another bt-store created it meanwhile
    throw new StoreError('OPEN_FAILED', `cannot create database ${path}: ${err.message.replace(/^\w+: /, '').replace(/, \w+ '.*'$/, '')}`);
  }
}

/** The warning for a database file that group or others may read or write (its mode is the user's to change). */
function looseModeWarning(path: string): string | undefined {
  let mode: number;
  try {
    mode = statSync(path).mode & 0o777;
  } catch {
    return undefined;
  }
  if ((mode & ~PRIVATE_FILE_MODE) === 0) return undefined;
  const can = mode & 0o044 ? 'read' : 'change';
  return `warning: ${path} has mode 0${mode.toString(8)}: other users can ${can} the traces it holds (make it private: chmod 600 ${path})`;
}

/**
 * Opens a store. Refuses a database written by a newer schema; migrates an older
 * one (unless read-only, where it asks for a writable open first). A new database
 * is created mode 0600; an existing one that others may open is reported to
 * `opts.warn`, not changed.
 */
export function openStore(path: string, opts: OpenOptions = {}): Db {
  const memory = path === ':memory:';
  if (!memory && !existsSync(path)) {
    if (!opts.create) {
      throw new StoreError('NO_DATABASE', `no database at ${path}; create one with: bt-store add TRACE.pb (or pass --db PATH)`);
    }
    createPrivate(path);
  } else if (!memory && opts.warn) {
    const warning = looseModeWarning(path);
    if (warning) opts.warn(warning);
  }
  let db: Db;
  try {
    db = new Database(path, { readonly: opts.readonly ?? false, fileMustExist: !opts.create });
  } catch (e) {
    throw new StoreError('OPEN_FAILED', `cannot open database ${path}: ${(e as Error).message}`);
  }
  try {
    db.pragma(`busy_timeout = ${opts.busyMs ?? 600_000}`);
    // Not a database at all shows up on the first read.
    const version = schemaVersion(db);
    if (version > SCHEMA_VERSION) {
      throw new StoreError('NEWER_SCHEMA', `database ${path} has schema version ${version}, newer than this bt-store's (${SCHEMA_VERSION}); upgrade beetrace`);
    }
    if (!opts.readonly) {
      // Larger pages: fewer splits when a trace's rows and index entries are appended (measured ~15% less CPU per ingest).
      if (version === 0) db.pragma('page_size = 16384');
      if (!memory) db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('cache_size = -65536');
      if (version < SCHEMA_VERSION) migrate(db, SCHEMA_VERSION);
    } else if (version < SCHEMA_VERSION) {
      const empty = version === 0 && db.prepare("SELECT count(*) AS n FROM sqlite_master").get() as { n: number };
      if (empty && empty.n === 0) throw new StoreError('NOT_A_STORE', `${path} is an empty database, not a beetrace store; create one with: bt-store add TRACE.pb`);
      if (version === 0) throw new StoreError('NOT_A_STORE', `${path} is not a beetrace store`);
      throw new StoreError('OLD_SCHEMA', `database ${path} has schema version ${version} (current ${SCHEMA_VERSION}); run any bt-store command on it (e.g. bt-store ls) to migrate it`);
    }
    if (opts.readonly) db.pragma('query_only = ON');
    return db;
  } catch (e) {
    db.close();
    if (e instanceof StoreError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') throw new StoreError('NOT_A_STORE', `${path} is not a database`);
    throw new StoreError('OPEN_FAILED', `cannot open database ${path}: ${(e as Error).message}`);
  }
}

/**
 * Brings the schema to version `target`, one migration per step, each in its own
 * transaction, then recreates the views and the syscall name table.
 */
export function migrate(db: Db, target: number = SCHEMA_VERSION): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    let version = schemaVersion(db);
    if (version === 0 && (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n > 0) {
      throw new StoreError('NOT_A_STORE', 'this database is not a beetrace store (it has tables but no beetrace schema version)');
    }
    for (; version < target; version++) db.exec(MIGRATIONS[version]!);
    if (target === SCHEMA_VERSION) {
      db.exec(VIEWS);
      fillSyscallNames(db);
    }
    db.pragma(`user_version = ${target}`);
    db.exec('COMMIT');
  } catch (e) {
    db.exec('ROLLBACK');
    throw e;
  }
}

function fillSyscallNames(db: Db): void {
  const rows = abiRows('x86_64');
  const ins = db.prepare('INSERT OR REPLACE INTO syscall_names (nr, name, classes) VALUES (?, ?, ?)');
  const kinds = db.prepare('INSERT OR REPLACE INTO capture_kinds (nr, arg, kind) VALUES (?, ?, ?)');
  for (const r of rows.names) ins.run(...r);
  for (const r of rows.kinds) kinds.run(...r);
}

/** The syscall_names and capture_kinds rows of an ABI's syscall table (none for an unknown ABI). */
export function abiRows(abi: string): { names: [number, string, string][]; kinds: [number, number, string][] } {
  const names: [number, string, string][] = [];
  const kinds: [number, number, string][] = [];
  const table = syscallTable(abi);
  if (!table) return { names, kinds };
  for (const s of table.byNr.values()) {
    names.push([s.nr, s.name, s.classes.join(',')]);
    const seen = new Set<number>();
    for (const cap of s.capture) if (!seen.has(cap.arg)) {
      seen.add(cap.arg);
      kinds.push([s.nr, cap.arg, cap.kind]);
    }
  }
  return { names, kinds };
}

/** build/bt_rows.so of this package (native/bt_rows.c, built by `pnpm run build`): the ingest's bulk rows. */
export const ROWS_EXTENSION = fileURLToPath(new URL('../build/bt_rows.so', import.meta.url));

const withRows = new WeakSet<Db>();

/** Makes the bt_rows table-valued function (src/bulk.ts) available on this connection; once per connection. */
export function loadRowsExtension(db: Db): void {
  if (withRows.has(db)) return;
  if (!existsSync(ROWS_EXTENSION)) {
    throw new StoreError('NO_EXTENSION', `the ingest's SQLite extension ${ROWS_EXTENSION} is missing; build it with: pnpm --filter @beetrace/store run build`);
  }
  try {
    db.loadExtension(ROWS_EXTENSION);
  } catch (e) {
    throw new StoreError('NO_EXTENSION', `cannot load the ingest's SQLite extension ${ROWS_EXTENSION}: ${(e as Error).message}`);
  }
  withRows.add(db);
}
