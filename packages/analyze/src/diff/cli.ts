// bt-diff: how two runs behaved differently. Exit 0 same behaviour, 1 different, 2 error.
import { parseArgs } from 'node:util';
import { ProgressLine } from '@beetrace/format';
import { diffTraces, PartialTraceError, updateSnapshot, type DiffInput } from './diff.js';
import type { DiffResult } from './engine.js';
import { NORMALIZATIONS, type Normalization } from './options.js';
import { formatJson, formatStat, formatSummary, formatUnified, summaryDiffers } from './render.js';
import { TraceInputError } from './scan.js';

/** Whether the part of the comparison a mode prints differs: the exit status says what the output shows. */
function differs(mode: string, r: DiffResult): boolean {
  if (mode === 'summary') return summaryDiffers(r.summary);
  if (mode === 'stat') return r.counts.added + r.counts.removed + r.counts.changed > 0 || r.processes.some((p) => p.status === 'added' || p.status === 'removed');
  return !r.identical;
}

const HELP = `Usage: bt-diff [options] BASE.pb NEW.pb
       bt-diff [options] --snapshot GOLDEN.txt [--update] NEW.pb

Compares two beetrace recordings (or a recording with a committed snapshot) by
behaviour: pids, addresses, timestamps, fd numbers and random values are
normalised away, processes are matched by program and position in the tree.
Exit status: 0 same behaviour, 1 different, 2 error (or a partial trace). With
--summary, 0/1 say whether what the summary compares differs (files, programs,
peers, failures, exit status); with --stat, whether the counts it prints do.

Output (default: unified diff of bt-show's text, per process):
      --stat              calls added/removed/changed per process and syscall
      --summary           files read/written/created/deleted, programs executed,
                          network peers, failed calls, exit status: each + / -
      --json              everything, machine-readable
  -U, --unified N         context lines around each change (default 3)

Comparison:
      --ignore LIST       leave out syscalls: names or %classes, comma-separated
                          (getrandom,clock_nanosleep or %memory)
      --ignore-paths GLOB leave out calls on matching paths ('/tmp/**'); repeatable
      --no-normalize LIST compare as recorded: ${NORMALIZATIONS.join(',')} or all
      --allow-partial     a trace cut short is compared up to its end, exit 0/1

Snapshots:
      --snapshot FILE     compare NEW.pb with a normalised text snapshot
      --update            (re)write the snapshot from NEW.pb instead of comparing

  -h, --help              this help

Examples:
  bt-diff base.pb new.pb
  bt-diff --summary base.pb new.pb
  bt-diff --ignore getrandom,clock_nanosleep --ignore-paths '/tmp/**' base.pb new.pb
  bt-diff --json base.pb new.pb > diff.json
  bt-diff --snapshot test/golden/build.txt --update run.pb
`;

class UsageError extends Error {}

function splitList(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    // Commas separate items except inside {a,b} alternatives of a glob.
    let depth = 0, cur = '';
    for (const c of v) {
      if (c === '{') depth++;
      if (c === '}') depth = Math.max(0, depth - 1);
      if (c === ',' && depth === 0) { if (cur) out.push(cur); cur = ''; continue; }
      cur += c;
    }
    if (cur) out.push(cur);
  }
  return out;
}

interface Parsed {
  readonly mode: 'unified' | 'stat' | 'summary' | 'json';
  readonly inputs: [DiffInput, DiffInput] | undefined;
  readonly update: { file: string; trace: string } | undefined;
  readonly context: number;
  readonly ignore: string[];
  readonly ignorePaths: string[];
  readonly normalize: Partial<Normalization>;
  readonly allowPartial: boolean;
}

function parse(argv: string[]): Parsed | 'help' {
  let values, positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        stat: { type: 'boolean' }, summary: { type: 'boolean' }, json: { type: 'boolean' },
        unified: { type: 'string', short: 'U' }, context: { type: 'string' },
        ignore: { type: 'string', multiple: true }, 'ignore-paths': { type: 'string', multiple: true },
        'no-normalize': { type: 'string', multiple: true },
        'allow-partial': { type: 'boolean' },
        snapshot: { type: 'string' }, update: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional.*$/s, ''));
  }
  if (values.help) return 'help';
  const modes = (['stat', 'summary', 'json'] as const).filter((m) => values[m]);
  if (modes.length > 1) throw new UsageError(`--${modes[0]} and --${modes[1]} cannot be combined`);
  const ctxText = values.unified ?? values.context ?? '3';
  if (!/^\d+$/.test(ctxText) || Number(ctxText) > 100000) throw new UsageError(`-U '${ctxText}': context must be a whole number from 0 to 100000`);
  const normalize: Partial<Record<keyof Normalization, boolean>> = {};
  for (const n of splitList(values['no-normalize'] ?? [])) {
    if (n === 'all') { for (const k of NORMALIZATIONS) normalize[k] = false; continue; }
    if (!(NORMALIZATIONS as readonly string[]).includes(n)) throw new UsageError(`--no-normalize '${n}': not one of ${NORMALIZATIONS.join(', ')}, all`);
    normalize[n as keyof Normalization] = false;
  }
  let inputs: [DiffInput, DiffInput] | undefined;
  let update: Parsed['update'];
  if (values.update && !values.snapshot) throw new UsageError('--update needs --snapshot FILE');
  if (values.snapshot !== undefined) {
    if (positionals.length !== 1) throw new UsageError(`--snapshot compares one trace with the snapshot; got ${positionals.length} trace arguments`);
    if (values.update) update = { file: values.snapshot, trace: positionals[0]! };
    else inputs = [{ snapshot: values.snapshot }, positionals[0]!];
  } else {
    if (positionals.length !== 2) throw new UsageError(positionals.length < 2 ? 'two traces to compare are needed' : `too many arguments: '${positionals[2]}'`);
    inputs = [positionals[0]!, positionals[1]!];
  }
  return {
    mode: modes[0] ?? 'unified',
    inputs, update,
    context: Number(ctxText),
    ignore: splitList(values.ignore ?? []),
    ignorePaths: splitList(values['ignore-paths'] ?? []),
    normalize,
    allowPartial: values['allow-partial'] ?? false,
  };
}

function render(mode: Parsed['mode'], r: DiffResult): string {
  switch (mode) {
    case 'json': return formatJson(r);
    case 'stat': return r.identical ? '' : formatStat(r);
    case 'summary': return r.identical ? '' : formatSummary(r.summary);
    default: return formatUnified(r);
  }
}

function write(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (text === '') { resolve(); return; }
    process.stdout.write(text, () => resolve());
  });
}

export async function main(argv: string[]): Promise<number> {
  let p: Parsed | 'help';
  try {
    p = parse(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`bt-diff: ${e.message}\nFor help: bt-diff --help\n`);
    return 2;
  }
  if (p === 'help') {
    await write(HELP);
    return 0;
  }
  const opts = {
    context: p.context, ignore: p.ignore, ignorePaths: p.ignorePaths, normalize: p.normalize,
    allowPartial: true, hunks: p.mode === 'unified' || p.mode === 'json',
  };
  try {
    if (p.update) {
      const changed = await updateSnapshot(p.update.file, p.update.trace, { ...opts, allowPartial: p.allowPartial });
      process.stderr.write(`bt-diff: snapshot ${p.update.file} ${changed ? 'written' : 'already up to date'}\n`);
      return 0;
    }
    const [a, b] = p.inputs!;
    const progress = ProgressLine.forTerminal('bt-diff');
    const r = await diffTraces(a, b, progress ? { ...opts, progress } : opts);
    for (const w of r.warnings) process.stderr.write(`bt-diff: warning: ${w}\n`);
    await write(render(p.mode, r));
    if (r.partial && !p.allowPartial) {
      process.stderr.write('bt-diff: a trace is incomplete; exit status 2 (pass --allow-partial to accept a partial comparison)\n');
      return 2;
    }
    return differs(p.mode, r) ? 1 : 0;
  } catch (e) {
    if (e instanceof PartialTraceError || e instanceof TraceInputError) {
      process.stderr.write(`bt-diff: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e: unknown) => {
  process.stderr.write(`bt-diff: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 2;
});
