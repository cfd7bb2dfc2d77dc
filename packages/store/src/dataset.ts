// A Parquet dataset of runs: the store's tables as Parquet files that DuckDB,
// ClickHouse, Trino, Spark or BigQuery read unchanged (docs/fleet.md).
//
// Layout: DIR/beetrace-dataset.json names the dataset's schema version; each
// table is a folder of files, one file per trace and table, named by the start of
// the trace's SHA-256: DIR/calls/3f2a9c01d4e5b6a7.parquet, or with --partition,
// hive-style folders DIR/calls/host=ci-7/date=2026-11-29/3f2a9c01d4e5b6a7.parquet.
// Columns have the store's names and meaning (schema.ts), with one difference:
// calls holds its path strings (path, path2, canonical_path: dictionary-encoded) where
// the store has ids into its paths table (path_id, path2_id, canonical_id). syscall_names and capture_kinds are the syscall
// table's, one file per ABI.
//
// Querying (bt-query --engine duckdb) is DuckDB over the files: each table a view
// of read_parquet, and the store's views (DUCKDB_VIEWS) on top.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { writePrivateFile } from '@beetrace/format';
import { StoreError } from './db.js';
import { PORTABLE_VIEWS } from './schema.js';

/** Version of the dataset's layout and columns; a dataset of a newer version is refused. */
export const DATASET_VERSION = 1;
/** The file at the top of a dataset that names its version. */
export const DATASET_MARKER = 'beetrace-dataset.json';

/** Folder keys --partition takes, in folder order. */
export const PARTITION_KEYS = ['host', 'date'] as const;
export type PartitionKey = (typeof PARTITION_KEYS)[number];

/** The Parquet tables: columns in the store's order with their DuckDB types (Parquet's logical types follow from them). */
export const PARQUET_TABLES: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  traces: [
    ['id', 'BIGINT'], ['hash', 'VARCHAR'], ['file', 'VARCHAR'], ['added_epoch_ns', 'BIGINT'], ['command', 'VARCHAR'], ['argv', 'VARCHAR'],
    ['cwd', 'VARCHAR'], ['host', 'VARCHAR'], ['kernel', 'VARCHAR'], ['arch', 'VARCHAR'], ['abi', 'VARCHAR'], ['recorder_version', 'VARCHAR'],
    ['root_pid', 'INTEGER'], ['attached', 'INTEGER'], ['start_epoch_ns', 'BIGINT'], ['start_time', 'TIMESTAMP_NS'], ['duration_ns', 'BIGINT'],
    ['exit_status', 'VARCHAR'], ['exit_code', 'INTEGER'], ['term_signal', 'INTEGER'], ['stop_reason', 'VARCHAR'], ['syscalls', 'BIGINT'],
    ['process_events', 'BIGINT'], ['processes', 'BIGINT'], ['unfinished', 'BIGINT'], ['lost', 'BIGINT'], ['lost_per_cpu', 'VARCHAR'],
    ['complete', 'INTEGER'], ['truncated', 'INTEGER'], ['problem', 'VARCHAR'], ['file_bytes', 'BIGINT'], ['first_call_id', 'BIGINT'],
    ['last_call_id', 'BIGINT'], ['data', 'INTEGER'],
  ],
  calls: [
    ['id', 'BIGINT'], ['trace_id', 'BIGINT'], ['seq', 'BIGINT'], ['pid', 'INTEGER'], ['tid', 'INTEGER'], ['nr', 'INTEGER'], ['ret', 'BIGINT'],
    ['errno', 'VARCHAR'], ['ts_ns', 'BIGINT'], ['dur_ns', 'BIGINT'], ['arg0', 'BIGINT'], ['arg1', 'BIGINT'], ['arg2', 'BIGINT'], ['arg3', 'BIGINT'],
    ['arg4', 'BIGINT'], ['arg5', 'BIGINT'], ['flags', 'INTEGER'], ['path', 'VARCHAR'], ['path2', 'VARCHAR'], ['fd', 'INTEGER'], ['canonical_path', 'VARCHAR'], ['caps', 'VARCHAR'],
    ['args', 'VARCHAR'],
  ],
  processes: [
    ['trace_id', 'BIGINT'], ['pid', 'INTEGER'], ['parent_pid', 'INTEGER'], ['exe', 'VARCHAR'], ['argv', 'VARCHAR'], ['start_ns', 'BIGINT'],
    ['end_ns', 'BIGINT'], ['exit_status', 'INTEGER'], ['exit_code', 'INTEGER'], ['term_signal', 'INTEGER'], ['threads', 'INTEGER'], ['syscalls', 'BIGINT'],
  ],
  execs: [['trace_id', 'BIGINT'], ['pid', 'INTEGER'], ['tid', 'INTEGER'], ['ts_ns', 'BIGINT'], ['filename', 'VARCHAR'], ['argv', 'VARCHAR']],
  signals: [['trace_id', 'BIGINT'], ['ts_ns', 'BIGINT'], ['pid', 'INTEGER'], ['tid', 'INTEGER'], ['signo', 'INTEGER'], ['signal', 'VARCHAR']],
  sockets: [
    ['trace_id', 'BIGINT'], ['pid', 'INTEGER'], ['fd', 'INTEGER'], ['call_id', 'BIGINT'], ['family', 'VARCHAR'], ['type', 'VARCHAR'],
    ['protocol', 'INTEGER'], ['local', 'VARCHAR'], ['peer', 'VARCHAR'], ['bytes_sent', 'BIGINT'], ['bytes_received', 'BIGINT'], ['calls', 'BIGINT'],
    ['opened_ns', 'BIGINT'], ['closed_ns', 'BIGINT'],
  ],
  call_stats: [
    ['trace_id', 'BIGINT'], ['nr', 'INTEGER'], ['calls', 'BIGINT'], ['errors', 'BIGINT'], ['total_ns', 'BIGINT'], ['min_ns', 'BIGINT'], ['max_ns', 'BIGINT'],
  ],
  syscall_names: [['nr', 'INTEGER'], ['name', 'VARCHAR'], ['classes', 'VARCHAR']],
  capture_kinds: [['nr', 'INTEGER'], ['arg', 'INTEGER'], ['kind', 'VARCHAR']],
};

/** Tables with one file per trace (the others are per ABI). */
export const TRACE_TABLES = ['traces', 'calls', 'processes', 'execs', 'signals', 'sockets', 'call_stats'] as const;
export type TraceTable = (typeof TRACE_TABLES)[number];

/** `CREATE TABLE` column list of a Parquet table. */
export function columnsDdl(table: string): string {
  return PARQUET_TABLES[table]!.map(([n, t]) => `"${n}" ${t}`).join(', ');
}

/**
 * The store's views over the Parquet tables. process_tree and network are the
 * store's own SQL (PORTABLE_VIEWS); the ones over calls are written for DuckDB
 * here (schema.ts has SQLite's): calls has its path strings where the store joins
 * its paths table, `/` on integers is `//`, a boolean is cast to 0/1. Same names,
 * columns, order and values: test/src/parquet.test.ts runs every view on both
 * engines over the same runs.
 */
export const DUCKDB_VIEWS = `
CREATE VIEW syscalls AS
  SELECT c.id, c.trace_id, c.seq, c.pid, c.tid, n.name, c.nr, c.arg0, c.arg1, c.arg2, c.arg3, c.arg4, c.arg5,
         c.ret, c.errno, c.ts_ns, c.dur_ns, c.flags, c.path, c.args
  FROM calls c JOIN syscall_names n ON n.nr = c.nr;
CREATE VIEW file_access AS
  SELECT c.trace_id, c.id AS call_id, c.seq, c.ts_ns, c.pid, c.tid, n.name AS syscall, c.path, c.canonical_path,
         CASE WHEN c.fd IS NULL THEN 'path' ELSE 'fd' END AS via, c.fd,
         c.ret, CAST(c.errno IS NULL AS INTEGER) AS ok, c.errno, c.dur_ns
  FROM calls c JOIN syscall_names n ON n.nr = c.nr WHERE c.path IS NOT NULL
  UNION ALL
  SELECT c.trace_id, c.id, c.seq, c.ts_ns, c.pid, c.tid, n.name, c.path2, NULL, 'path2', NULL,
         c.ret, CAST(c.errno IS NULL AS INTEGER), c.errno, c.dur_ns
  FROM calls c JOIN syscall_names n ON n.nr = c.nr WHERE c.path2 IS NOT NULL;
CREATE VIEW failures AS
  SELECT c.trace_id, c.id AS call_id, c.seq, c.ts_ns, c.pid, c.tid, n.name AS syscall, c.errno, c.ret, c.path, c.dur_ns
  FROM calls c JOIN syscall_names n ON n.nr = c.nr
  WHERE c.errno IS NOT NULL;
CREATE VIEW summary AS
  SELECT s.trace_id,
         round(100.0 * s.total_ns / nullif(sum(s.total_ns) OVER (PARTITION BY s.trace_id), 0), 2) AS pct_time,
         s.total_ns, s.total_ns // s.calls AS avg_ns, s.calls, s.errors, n.name AS syscall, s.min_ns, s.max_ns
  FROM call_stats s JOIN syscall_names n ON n.nr = s.nr;
${PORTABLE_VIEWS.process_tree}
${PORTABLE_VIEWS.network}
`;

/** A dataset's version from its marker; undefined when DIR has no marker. Throws a StoreError for an unreadable one. */
export function datasetVersion(dir: string): number | undefined {
  const marker = join(dir, DATASET_MARKER);
  if (!existsSync(marker)) return undefined;
  let version: unknown;
  try {
    version = (JSON.parse(readFileSync(marker, 'utf8')) as { schema_version?: unknown }).schema_version;
  } catch (e) {
    throw new StoreError('BAD_DATASET', `${marker}: ${(e as Error).message}`);
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new StoreError('BAD_DATASET', `${marker}: no schema_version`);
  return version;
}

/** Refuses a dataset written by a newer schema version, naming both. */
export function checkDatasetVersion(dir: string, tool: string): number | undefined {
  const version = datasetVersion(dir);
  if (version !== undefined && version > DATASET_VERSION) {
    throw new StoreError('NEWER_SCHEMA', `dataset ${dir} has schema version ${version}, newer than this ${tool}'s (${DATASET_VERSION}); upgrade beetrace`);
  }
  return version;
}

/** Writes the marker of a new dataset (mode 0600). */
export async function writeDatasetMarker(dir: string): Promise<void> {
  await writePrivateFile(join(dir, DATASET_MARKER), `${JSON.stringify({ format: 'beetrace Parquet dataset', schema_version: DATASET_VERSION })}\n`);
}

/** SQL string literal. */
export function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/**
 * The read_parquet of a table's files (every file under its folder, hive folders included; their
 * names are not read as columns: every column is in the files).
 */
export function tableSource(dir: string, table: string): string {
  return `read_parquet(${sqlString(join(dir, table, '**', '*.parquet'))}, union_by_name = true, hive_partitioning = false)`;
}

/** Whether a table's folder has at least one file (read_parquet fails on none). */
function hasFiles(folder: string): boolean {
  if (!existsSync(folder)) return false;
  for (const e of readdirSync(folder, { withFileTypes: true })) {
    if (e.isFile() && e.name.endsWith('.parquet')) return true;
    if (e.isDirectory() && hasFiles(join(folder, e.name))) return true;
  }
  return false;
}

/**
 * An in-memory DuckDB with the dataset's tables as views of its files and the
 * store's views on top. Refuses a folder that is not a dataset or one of a newer
 * schema version.
 */
export async function openDataset(dir: string, tool = 'bt-query'): Promise<{ instance: DuckDBInstance; con: DuckDBConnection }> {
  if (!existsSync(dir)) throw new StoreError('NO_DATASET', `no dataset at ${dir}; make one with: bt-export --format parquet TRACE.pb -o ${dir}`);
  const version = checkDatasetVersion(dir, tool);
  if (version === undefined) throw new StoreError('NOT_A_DATASET', `${dir} is not a beetrace dataset (no ${DATASET_MARKER})`);
  // DuckDB is loaded when a dataset is opened, not with this module (bt-export loads it while its decode worker starts).
  const { duckdb } = await import('./duckdb.js');
  const instance = await duckdb.DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  for (const table of Object.keys(PARQUET_TABLES)) {
    const cols = PARQUET_TABLES[table]!.map(([n]) => `"${n}"`).join(', ');
    // A table without files (no socket in any run...) is an empty one; the ABI tables are written once per export: distinct rows.
    if (!hasFiles(join(dir, table))) await con.run(`CREATE TABLE ${table} (${columnsDdl(table)})`);
    else await con.run(`CREATE VIEW ${table} AS SELECT ${TRACE_TABLES.includes(table as TraceTable) ? '' : 'DISTINCT '}${cols} FROM ${tableSource(dir, table)}`);
  }
  await con.run(DUCKDB_VIEWS);
  return { instance, con };
}
