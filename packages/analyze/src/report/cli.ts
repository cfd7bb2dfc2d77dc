// bt-report: a recorded run as one self-contained HTML page that opens offline
// in any browser.
import { ProgressLine } from '@beetrace/format';
import { checkTrace, parseCommon, runMain, stoppedLine, UsageError } from '../export/cli-common.js';
import { openOutput, OutputError } from '../export/output.js';
import { writeReport } from './report.js';

const HELP = `Usage: bt-report [-o FILE] [OPTIONS] TRACE
Write one self-contained HTML page about a beetrace recording (no network: the
script and styles are inline): the command, exit status, duration and counts;
the process tree with programs, lifetimes and exit statuses; a zoomable
timeline with one lane per thread, calls coloured by class and failed calls
marked, each call's bt-show line on hover; the per-syscall table of bt-show -c
with latency histograms; files by bytes read and written; network addresses;
failures grouped by errno and path.
TRACE is a file written by bt-record, or - for standard input.

  -o FILE       write to FILE, created mode 0600 (default: standard output,
                refused on a terminal)
  -s N          longest string shown in calls (default 32)
  --no-data     leave captured data out of the calls shown (what the program
                read, wrote, sent or received); paths, structs and addresses stay
  -h, --help    this help

A run with more calls than the timeline draws one by one (150,000) keeps the
slowest and the failed ones and shows the rest as per-thread time buckets; the
page says so.

Exit status: 0; 1 when the trace is corrupt or cut short (the report shows what
was readable, and one line says where reading stopped) or the output cannot be
written; 2 for usage errors.

EXAMPLES
  bt-report run.pb -o report.html
  bt-record -o - -- make -j2 | bt-report - -o build.html
  bt-report --no-data run.pb -o shared.html
`;

async function main(): Promise<number> {
  const o = parseCommon(process.argv.slice(2), () => false);
  if (o.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if ((o.output === undefined || o.output === '-') && process.stdout.isTTY) {
    throw new UsageError('refusing to write a report to a terminal; use -o FILE or a pipe');
  }
  const bad = await checkTrace('bt-report', o.file);
  if (bad) {
    process.stderr.write(bad + '\n');
    return 1;
  }
  try {
    const out = await openOutput(o.output);
    const r = await writeReport(o.file, out, { noData: o.noData, strSize: o.strSize, name: o.file, progress: ProgressLine.forTerminal('bt-report') });
    await out.close();
    if (r.problem) {
      process.stderr.write(stoppedLine('bt-report', o.file, r.problem) + '\n');
      return 1;
    }
    return 0;
  } catch (e) {
    if (e instanceof OutputError) {
      process.stderr.write(`bt-report: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

runMain('bt-report', main);
