// bt-export --format parquet: runs into a Parquet dataset (export.ts dispatches here).
import { ProgressLine } from '@beetrace/format';
import { EXIT, StoreError } from '../db.js';
import { DecodeFeed, EARLY_AHEAD } from '../decode-feed.js';
import { interruptFlag, parseCommand, runMain, usage } from './common.js';
import { PARQUET_HELP, PARQUET_OPTIONS, partitionKeys } from './parquet-options.js';

const HELP = `Usage: bt-export --format parquet [OPTIONS] TRACE.pb... -o DIR

Write recorded runs into a Parquet dataset: the tables of bt-store (traces,
calls, processes, execs, signals, sockets, call_stats, syscall_names,
capture_kinds) with their columns, for DuckDB (bt-query --engine duckdb),
ClickHouse, Trino, Spark or BigQuery. The rows are those bt-store add stores.

${PARQUET_HELP}
  --no-data         leave captured data out (buffer contents): as bt-store add --no-data
  -q, --quiet       no line per run
  -h, --help        this help

A trace cut short or damaged is exported as far as it reads; one line says where
reading stopped (exit 1). A run already in the dataset is refused (exit 1)
unless --force. Files are created mode 0600.

Exit status: 0 ok, 1 a trace could not be (completely) exported, 2 usage error.

EXAMPLES
  bt-export --format parquet run.pb -o runs/
  bt-export --format parquet --partition host,date *.pb -o s3-layout/
  bt-query --engine duckdb --dataset runs/ "SELECT * FROM summary"
`;

async function main(): Promise<number> {
  const parsed = parseCommand({ format: { type: 'string' }, ...PARQUET_OPTIONS }, HELP);
  if (!parsed) return EXIT.OK;
  const { values, positionals } = parsed;
  if (values.output === undefined) throw usage('--format parquet needs -o DIR (the dataset folder)');
  if (positionals.length === 0) throw usage('no trace file given');
  if (positionals.includes('-')) throw usage('--format parquet reads trace files, not standard input');
  const partition = partitionKeys(values.partition);
  const interrupted = interruptFlag();
  const noData = values['no-data'] ?? false;
  // The first trace's decode worker (started ahead by export.ts) reads it while DuckDB loads and opens.
  const reader = DecodeFeed.takeAhead().read(positionals[0]!, noData, EARLY_AHEAD);
  let writer;
  try {
    const { DatasetWriter } = await import('../parquet.js');
    writer = await DatasetWriter.open(values.output, {
      partition, force: values.force ?? false, noData, shouldStop: interrupted, reader,
      ...(values.host === undefined ? {} : { host: values.host }),
    });
  } catch (e) {
    reader.close();
    throw e;
  }
  let failed = 0;
  try {
    for (const file of positionals) {
      try {
        const r = await writer.add(file, ProgressLine.forTerminal(`bt-export ${file}`));
        if (r.problem) {
          process.stderr.write(`bt-export: ${file}: reading stopped: ${r.problem}; the ${r.syscalls} syscalls before it were exported\n`);
          failed++;
        } else if (!values.quiet) process.stderr.write(`${file}: exported as ${r.id} (${r.syscalls} syscalls) into ${values.output}\n`);
      } catch (e) {
        if (!(e instanceof StoreError) || e.code === 'INTERRUPTED') throw e;
        process.stderr.write(`bt-export: ${e.message}\n`);
        failed++;
      }
    }
  } finally {
    writer.close();
  }
  return failed > 0 ? EXIT.FAILURE : EXIT.OK;
}

runMain('bt-export', main);
