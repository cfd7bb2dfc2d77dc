// bt-query: SQL over the store, or over trace files indexed on the fly.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultDbPath, type Db, EXIT, openStore, StoreError } from '../db.js';
import { ingestFile } from '../ingest.js';
import { writeRows } from '../output.js';
import { runQuery, schemaText } from '../query.js';
import { outputFormat, parseCommand, runMain, usage } from './common.js';

const HELP = `Usage: bt-query [options] [TRACE.pb...] SQL
       bt-query [options] [TRACE.pb...] -        (SQL from stdin)
       bt-query --engine duckdb --dataset DIR SQL
       bt-query --schema

Run one SQL statement over the traces stored by bt-store, or over the given
trace files directly (indexed into a temporary database first), or with
DuckDB over a Parquet dataset written by bt-export --format parquet (same
tables and views).

Options:
  --db PATH         database (default: $BT_DB, else $XDG_DATA_HOME/beetrace/traces.db,
                    else ~/.local/share/beetrace/traces.db)
  --format FMT      table, tsv, csv, json, ndjson (default: table on a terminal, else tsv)
  --human           durations (*_ns), times (*_epoch_ns) and sizes (*bytes) readable
  --engine E        sqlite (default) or duckdb
  --dataset DIR     with --engine duckdb: the Parquet dataset to query
  --write           allow statements that change the database (read-only otherwise)
  --schema          tables, views and columns with one-line descriptions (and which
                    columns hold captured data)
  -h, --help        this help

Exit status: 0 ok, 1 failure (database or trace unreadable), 2 usage or SQL error.

EXAMPLES
  bt-query "SELECT path, count(*) FROM file_access WHERE trace_id = 4120543871215602 GROUP BY 1 ORDER BY 2 DESC"
  bt-query --format csv "SELECT * FROM summary WHERE trace_id = (SELECT id FROM traces ORDER BY added_epoch_ns DESC LIMIT 1)"
  bt-query run.pb "SELECT name, sum(dur_ns) FROM syscalls GROUP BY 1"
  bt-query --human "SELECT syscall, errno, count(*) FROM failures GROUP BY 1, 2"
  echo "SELECT * FROM process_tree" | bt-query -
  bt-query --engine duckdb --dataset runs/ "SELECT * FROM summary"
`;

async function main(): Promise<number> {
  const parsed = parseCommand({
    db: { type: 'string' },
    format: { type: 'string' },
    human: { type: 'boolean' },
    write: { type: 'boolean' },
    schema: { type: 'boolean' },
    engine: { type: 'string' },
    dataset: { type: 'string' },
  }, HELP);
  if (!parsed) return EXIT.OK;
  const { values, positionals } = parsed;
  const format = outputFormat(values.format, process.stdout.isTTY ? 'table' : 'tsv');

  if (values.schema) {
    if (positionals.length > 0) throw usage('--schema takes no SQL');
    process.stdout.write(schemaText(undefined));
    return EXIT.OK;
  }
  if (positionals.length === 0) throw usage('no SQL given (an argument, or - to read it from stdin)');
  const traces = positionals.slice(0, -1);
  const sqlArg = positionals[positionals.length - 1]!;
  const sql = sqlArg === '-' ? readFileSync(0, 'utf8') : sqlArg;

  const engine = values.engine ?? 'sqlite';
  if (engine !== 'sqlite' && engine !== 'duckdb') throw usage(`unknown engine "${engine}" (sqlite, duckdb)`);
  if (engine === 'duckdb') {
    if (values.dataset === undefined) throw usage('--engine duckdb needs --dataset DIR');
    if (traces.length > 0 || values.db !== undefined || values.write) throw usage('--engine duckdb takes --dataset DIR and SQL only (no trace files, --db or --write)');
    const { openDataset } = await import('../dataset.js');
    const { runDuckQuery } = await import('../duck-query.js');
    const { instance, con } = await openDataset(values.dataset);
    try {
      const { columns, rows } = await runDuckQuery(con, sql);
      const n = writeRows(columns, rows, { format, human: values.human ?? false });
      if (format === 'table' && process.stdout.isTTY) process.stderr.write(`(${n} row${n === 1 ? '' : 's'})\n`);
      return EXIT.OK;
    } finally {
      con.closeSync();
      instance.closeSync();
    }
  }
  if (values.dataset !== undefined) throw usage('--dataset needs --engine duckdb');
  let db: Db;
  let tempDir: string | undefined;
  if (traces.length > 0) {
    if (values.db !== undefined) throw usage('give either trace files or --db, not both');
    tempDir = mkdtempSync(join(tmpdir(), 'bt-query-'));
    db = openStore(join(tempDir, 'traces.db'), { create: true });
    for (const file of traces) {
      const r = await ingestFile(db, file);
      if (r.problem) process.stderr.write(`bt-query: ${file}: truncated: ${r.problem}\n`);
    }
    if (!values.write) db.pragma('query_only = ON');
  } else {
    db = openStore(values.db ?? defaultDbPath(), { readonly: !values.write, warn: (m) => { process.stderr.write(`bt-query: ${m}\n`); } });
  }
  try {
    const { columns, rows } = runQuery(db, sql, { write: values.write ?? false });
    const n = writeRows(columns, rows, { format, human: values.human ?? false });
    if (format === 'table' && process.stdout.isTTY) process.stderr.write(`(${n} row${n === 1 ? '' : 's'})\n`);
    return EXIT.OK;
  } finally {
    db.close();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
}

runMain('bt-query', main);

export { StoreError };
