// pnpm parity -- CMD ARGS...: how many of strace's lines bt-show reproduces for
// one run of CMD (see parity.ts for the method). --keep DIR keeps the outputs
// (strace.txt, show.txt, trace.pb, missing.txt) for a look at the differences.
// pnpm parity -- --corpus FILE: the same for every program of a corpus file,
// then which syscalls' lines were missed, counted across the corpus.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CorpusEntry, missesReport, parity, parityEntry, type ParityResult, readCorpus, report, type RunResult } from './parity.js';

const HELP = `Usage: pnpm parity -- [--keep DIR] [--ceiling] [--top N] [-y] CMD [ARGS...]
       pnpm parity -- [--keep DIR] [--ceiling] [--top N] [-y] [--only NAME,...] --corpus FILE

Runs CMD under strace and under bt-record (both under setarch -R), renders with
bt-show -f -qq -s 64 and counts the strace lines bt-show reproduces, per thread.
With --corpus, does that for every program of FILE (lines NAME<TAB>SETUP<TAB>COMMAND:
COMMAND runs as sh -c COMMAND in a fresh directory that SETUP, a sh command or -,
prepared before each run) and reports each program, the total, and the syscalls
whose lines were missed most, with an example each.

  --keep DIR   keep strace.txt, show.txt, trace.pb and missing.txt (per program with --corpus)
  --ceiling    run strace a second time too: how much two strace runs agree
  --top N      syscalls listed in the misses table (default 25)
  --only LIST  with --corpus: only these programs
  -y           strace -y and bt-show -y: fd paths (socket and pipe inodes numbered in order, as pids)

Exit status: 0 with a report; 1 when a tool failed or strace or bt-show printed no syscall line
(nothing to compare); 2 for a usage error or a corpus file that cannot be read.

EXAMPLES
  pnpm parity -- ls -l /
  pnpm parity -- --keep /tmp/p sh -c "ls | wc -l"
  pnpm parity -- --ceiling --corpus test/parity/everyday.tsv
  pnpm parity -- -y --ceiling --corpus test/parity/everyday.tsv
`;

function pct(r: ParityResult): string {
  return `${(100 * r.ratio).toFixed(1)}% (${r.matched}/${r.straceLines})`;
}

function main(): number {
  const argv = process.argv.slice(2);
  let keep: string | undefined;
  let corpus: string | undefined;
  let ceiling = false;
  let top = 25;
  let only: Set<string> | undefined;
  const options: string[] = [];
  let i = 0;
  const value = (opt: string): string => {
    const v = argv[++i];
    if (v === undefined) throw new Usage(`${opt} needs a value`);
    return v;
  };
  try {
    for (; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === '--') { i++; break; }
      if (a === '--keep') keep = value(a);
      else if (a === '--corpus') corpus = value(a);
      else if (a === '--ceiling') ceiling = true;
      else if (a === '-y') options.push(a);
      else if (a === '--only') only = new Set(value(a).split(','));
      else if (a === '--top') {
        const v = value(a);
        top = Number(v);
        if (!/^\d+$/.test(v) || top < 1) throw new Usage(`--top: '${v}' is not a positive number`);
      } else if (a === '--help' || a === '-h') {
        process.stdout.write(HELP);
        return 0;
      } else if (a.startsWith('--')) throw new Usage(`unknown option ${a}`);
      else break;
    }
    if (corpus === undefined && argv.length === i) throw new Usage('no command given');
    if (corpus !== undefined && argv.length > i) throw new Usage('--corpus takes no command');
  } catch (e) {
    if (!(e instanceof Usage)) throw e;
    process.stderr.write(`parity: ${e.message}\nFor help: pnpm parity -- --help\n`);
    return 2;
  }
  try {
    if (corpus === undefined) {
      const r = parity(argv.slice(i), { ...(keep !== undefined ? { keep } : {}), ceiling, options });
      console.log(report(r));
      if (r.ceiling) console.log(`  a second strace run: ${pct(r.ceiling)} of the first's lines`);
      console.log(missesReport([r], top, r.ceiling ? [r.ceiling] : undefined));
      if (keep) console.log(`  outputs kept in ${keep}`);
      return 0;
    }
    let entries: CorpusEntry[];
    try {
      entries = readCorpus(corpus);
    } catch (e) {
      process.stderr.write(`parity: ${e instanceof Error ? e.message.replace(/^ENOENT: no such file or directory, open '(.*)'$/, '$1: no such file') : String(e)}\n`);
      return 2;
    }
    if (only) {
      const unknown = [...only].filter((n) => !entries.some((e) => e.name === n));
      if (unknown.length) {
        process.stderr.write(`parity: --only: no program named ${unknown.join(', ')} in ${corpus}\n`);
        return 2;
      }
      entries = entries.filter((e) => only.has(e.name));
    }
    const results: RunResult[] = [];
    const work = join(tmpdir(), `bt-parity-work-${process.pid}`);
    for (const e of entries) {
      const dir = keep === undefined ? undefined : join(keep, e.name);
      if (dir) mkdirSync(dir, { recursive: true });
      const r = parityEntry(e, work, { ...(dir !== undefined ? { keep: dir } : {}), ceiling, options });
      results.push(r);
      console.log(`${e.name.padEnd(14)} ${pct(r).padEnd(22)} worst thread ${(100 * r.worstTask).toFixed(1)}%${r.ceiling ? `   strace twice: ${pct(r.ceiling)}` : ''}`);
    }
    const sum = (rs: readonly ParityResult[]): string => {
      const m = rs.reduce((a, r) => a + r.matched, 0);
      const n = rs.reduce((a, r) => a + r.straceLines, 0);
      return `${(100 * m / n).toFixed(1)}% (${m}/${n})`;
    };
    const ceilings = results.flatMap((r) => (r.ceiling ? [r.ceiling] : []));
    console.log(`${'total'.padEnd(14)} ${sum(results)}${ceiling ? `   strace twice: ${sum(ceilings)}` : ''}`);
    console.log(missesReport(results, top, ceiling ? ceilings : undefined));
    return 0;
  } catch (e) {
    process.stderr.write(`parity: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

class Usage extends Error {}

process.exitCode = main();
