// bt-store: add trace files to the store, list them, remove them.
import { ProgressLine } from '@beetrace/format';
import { defaultDbPath, EXIT, openStore, StoreError } from '../db.js';
import { ingestFile, removeTrace } from '../ingest.js';
import { writeRows } from '../output.js';
import { interruptFlag, outputFormat, parseCommand, runMain, usage } from './common.js';
import { PARQUET_HELP, PARQUET_OPTIONS, partitionKeys } from './parquet-options.js';

const HELP = `Usage: bt-store [--db PATH] COMMAND ...

Index beetrace trace files into an SQLite database for bt-query.

Commands:
  add TRACE.pb...   store traces (the same content is stored once); a trace cut
                    short is stored up to its last complete batch, flagged truncated
  ls                list stored traces: id, command, host, start, events, lost, exit
  rm ID...          remove stored traces
  export --format parquet -o DIR
                    write every stored trace into a Parquet dataset (as
                    bt-export --format parquet writes trace files), ids kept

Options:
  --db PATH         database (default: $BT_DB, else $XDG_DATA_HOME/beetrace/traces.db,
                    else ~/.local/share/beetrace/traces.db; created by add)
  --format FMT      ls output: table, tsv, csv, json, ndjson (default: table on a terminal, else tsv)
  --no-data         add: leave captured data out (what the programs read and wrote:
                    buffer contents); strings, structs, addresses and argv stay
  -q, --quiet       add, export: no per-trace line
  -h, --help        this help

Options of export:
${PARQUET_HELP}

The database is created mode 0600 (its directory 0700): it holds what the traced
programs read and wrote. An existing database that others may open gets a warning.

Exit status: 0 ok, 1 a trace could not be stored or the database failed,
2 usage error, 130 interrupted (nothing of the interrupted trace is stored).

EXAMPLES
  bt-record -o run.pb -- make && bt-store add run.pb
  bt-store --db /tmp/t.db add *.pb
  bt-store --db shared.db add --no-data run.pb   a store to share: no buffer contents
  bt-store ls
  bt-store rm 4120543871215602
  bt-store export --format parquet --partition host,date -o runs/
`;

async function main(): Promise<number> {
  const parsed = parseCommand({
    ...PARQUET_OPTIONS,
    db: { type: 'string' },
    format: { type: 'string' },
    'no-data': { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
  }, HELP);
  if (!parsed) return EXIT.OK;
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  const dbPath = values.db ?? defaultDbPath();
  if (command !== 'export') {
    const extra = (['output', 'partition', 'host', 'force'] as const).find((k) => values[k] !== undefined);
    if (extra) throw usage(`--${extra} is an option of export`);
  }
  const format = command === 'export' ? 'tsv' : outputFormat(values.format, process.stdout.isTTY ? 'table' : 'tsv');
  const noData = values['no-data'] ?? false;
  if (noData && command !== 'add') throw usage('--no-data is an option of add');
  const warn = (message: string): void => { process.stderr.write(`bt-store: ${message}\n`); };
  switch (command) {
    case 'add': {
      if (rest.length === 0) throw usage('add needs at least one trace file');
      const db = openStore(dbPath, { create: true, warn });
      const interrupted = interruptFlag();
      let failed = 0;
      try {
        for (const file of rest) {
          try {
            const r = await ingestFile(db, file, { shouldStop: interrupted, noData, progress: ProgressLine.forTerminal(`bt-store add ${file}`) });
            if (!values.quiet) {
              const what = r.added ? `added as ${r.id}` : `already stored as ${r.id}, unchanged`;
              const data = (r.stateCalls ? `; ${r.stateCalls} state-only calls of its -e filter left out` : '') + (r.data ? '' : ', no captured data');
              process.stderr.write(`${file}: ${what} (${r.syscalls} syscalls${data})${r.problem ? `; truncated: ${r.problem}` : ''}\n`);
            }
          } catch (e) {
            if (e instanceof StoreError && e.code === 'INTERRUPTED') throw e;
            if (!(e instanceof StoreError)) throw e;
            process.stderr.write(`bt-store: ${e.message}\n`);
            failed++;
          }
        }
      } finally {
        db.close();
      }
      return failed > 0 ? EXIT.FAILURE : EXIT.OK;
    }
    case 'ls': {
      if (rest.length > 0) throw usage(`ls takes no arguments (got "${rest[0]}")`);
      const db = openStore(dbPath, { readonly: true, warn });
      try {
        const stmt = db.prepare(`SELECT id, command, host, start_time AS start, syscalls, process_events AS proc_events, lost,
          exit_status AS exit, CASE WHEN truncated THEN 'truncated' ELSE '' END AS note FROM traces ORDER BY added_epoch_ns, id`).raw(true);
        const n = writeRows(stmt.columns().map((c) => c.name), stmt.iterate() as Iterable<never>, { format, human: false });
        if (process.stdout.isTTY && format === 'table') process.stderr.write(`(${n} trace${n === 1 ? '' : 's'})\n`);
      } finally {
        db.close();
      }
      return EXIT.OK;
    }
    case 'rm': {
      if (rest.length === 0) throw usage('rm needs trace ids (see bt-store ls)');
      const ids = rest.map((s) => {
        if (!/^[1-9]\d*$/.test(s)) throw usage(`"${s}" is not a trace id (a positive integer, see bt-store ls)`);
        return Number(s);
      });
      const db = openStore(dbPath, { warn });
      let missing = 0;
      try {
        for (const id of ids) {
          if (removeTrace(db, id)) process.stderr.write(`removed ${id}\n`);
          else {
            process.stderr.write(`bt-store: no trace with id ${id}\n`);
            missing++;
          }
        }
      } finally {
        db.close();
      }
      return missing > 0 ? EXIT.FAILURE : EXIT.OK;
    }
    case 'export': {
      if (rest.length > 0) throw usage(`export takes no arguments (got "${rest[0]}")`);
      if (values.format !== 'parquet') throw usage(values.format === undefined ? 'export needs --format parquet' : `unknown export format "${values.format}" (parquet)`);
      if (values.output === undefined) throw usage('export needs -o DIR (the dataset folder)');
      const partition = partitionKeys(values.partition);
      const db = openStore(dbPath, { readonly: true, warn });
      try {
        const { DatasetWriter } = await import('../parquet.js');
        const writer = await DatasetWriter.open(values.output, {
          tool: 'bt-store', partition, force: values.force ?? false, readAhead: false, ...(values.host === undefined ? {} : { host: values.host }),
        });
        try {
          const results = await writer.addStored(db, (r) => {
            if (!values.quiet) process.stderr.write(`trace ${r.id}: exported (${r.syscalls} syscalls) into ${values.output}\n`);
          });
          if (results.length === 0) process.stderr.write(`bt-store: the store ${dbPath} has no traces; nothing exported\n`);
        } finally {
          writer.close();
        }
      } finally {
        db.close();
      }
      return EXIT.OK;
    }
    case undefined:
      throw usage('no command (add, ls, rm, export)');
    default:
      throw usage(`unknown command "${command}" (add, ls, rm, export)`);
  }
}

runMain('bt-store', main);
