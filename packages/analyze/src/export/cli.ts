// bt-export: a recorded run as a timeline for Perfetto (ui.perfetto.dev) or any
// tool that reads Chrome's trace-event JSON. The bt-export bin is @beetrace/store's:
// it runs this for these formats, and writes Parquet datasets itself.
import { ProgressLine } from '@beetrace/format';
import { checkTrace, parseCommon, runMain, stoppedLine, UsageError } from './cli-common.js';
import { type ExportFormat, exportTrace, FORMATS } from './export.js';
import { openOutput, OutputError } from './output.js';

const HELP = `Usage: bt-export [--format perfetto|chrome-json] [-o FILE] [OPTIONS] TRACE
Export a beetrace recording as a timeline: one track per thread under its
process (named by program and tid), one slice per syscall with its decoded
arguments, return value and errno, instants for signals and exits, arrows from
fork/clone to the child and from execve to the new program.
TRACE is a file written by bt-record, or - for standard input.

  --format F    perfetto (Perfetto's protobuf trace; the default, or
                chrome-json when FILE ends in .json) or chrome-json (Chrome
                trace-event JSON: chrome://tracing, Perfetto, speedscope)
  -o FILE       write to FILE, created mode 0600 (default: standard output,
                refused on a terminal)
  -s N          longest string shown in arguments (default 32)
  --no-data     leave captured data out (what the program read, wrote, sent
                or received); paths, structs and socket addresses stay
  -h, --help    this help

--format parquet writes runs into a Parquet dataset for DuckDB and other
engines instead (bt-export --format parquet --help).

Exit status: 0; 1 when the trace is corrupt or cut short (what was readable is
exported, and one line says where reading stopped) or the output cannot be
written; 2 for usage errors.

EXAMPLES
  bt-export --format perfetto run.pb -o run.pftrace   # open in ui.perfetto.dev
  bt-export --format chrome-json run.pb -o run.json
  bt-export --no-data run.pb -o shared.pftrace        # without captured data
  bt-record -o - -- ./prog | bt-export - -o prog.pftrace
`;

async function main(): Promise<number> {
  let format: ExportFormat | undefined;
  const o = parseCommon(process.argv.slice(2), (flag, value) => {
    if (flag !== '--format') return false;
    const v = value();
    if (!(FORMATS as readonly string[]).includes(v)) throw new UsageError(`unknown format '${v}' (valid: ${FORMATS.join(', ')})`);
    format = v as ExportFormat;
    return true;
  });
  if (o.help) {
    process.stdout.write(HELP);
    return 0;
  }
  format ??= o.output?.endsWith('.json') ? 'chrome-json' : 'perfetto';
  if ((o.output === undefined || o.output === '-') && process.stdout.isTTY) {
    throw new UsageError('refusing to write an export to a terminal; use -o FILE or a pipe');
  }
  const bad = await checkTrace('bt-export', o.file);
  if (bad) {
    process.stderr.write(bad + '\n');
    return 1;
  }
  try {
    const out = await openOutput(o.output);
    const r = await exportTrace(o.file, out, { format, noData: o.noData, strSize: o.strSize, progress: ProgressLine.forTerminal('bt-export') });
    await out.close();
    if (r.problem) {
      process.stderr.write(stoppedLine('bt-export', o.file, r.problem) + '\n');
      return 1;
    }
    return 0;
  } catch (e) {
    if (e instanceof OutputError) {
      process.stderr.write(`bt-export: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

runMain('bt-export', main);
