// What bt-export and bt-report share on the command line: the trace argument,
// -o, -s, --no-data, the usage-error and trace-problem lines, exit codes.
import { stat } from 'node:fs/promises';
import type { TraceProblem } from '@beetrace/format';
import { problemLine } from '../problem.js';

export class UsageError extends Error {}

export interface CommonOptions {
  file: string;
  output: string | undefined;
  strSize: number;
  noData: boolean;
  help: boolean;
}

/** A whole number in [min, max]; the message quotes the input. */
export function int(flag: string, v: string, min: number, max: number): number {
  if (!/^\d+$/.test(v)) throw new UsageError(`option ${flag}: '${v}' is not a number`);
  const n = Number(v);
  if (n < min || n > max) throw new UsageError(`option ${flag}: '${v}' is out of range (${min}-${max})`);
  return n;
}

/**
 * Parses argv with the shared options; `extra(flag, value)` takes the tool's
 * own (returns false for an unknown one; `value()` consumes the next argument).
 */
export function parseCommon(argv: readonly string[], extra: (flag: string, value: () => string) => boolean): CommonOptions {
  const o: CommonOptions = { file: '', output: undefined, strSize: 32, noData: false, help: false };
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i]!;
    let inline: string | undefined;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    if (eq > 0) {
      inline = a.slice(eq + 1);
      a = a.slice(0, eq);
    } else if (/^-[os]./.test(a)) {
      inline = a.slice(2);
      a = a.slice(0, 2);
    }
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`option ${a} needs a value`);
      return v;
    };
    if (a === '--') { files.push(...argv.slice(i + 1)); break; }
    if (a === '-h' || a === '--help') o.help = true;
    else if (a === '-o' || a === '--output') o.output = value();
    else if (a === '-s' || a === '--string-max') o.strSize = int(a, value(), 0, 1 << 20);
    else if (a === '--no-data') o.noData = true;
    else if (a.startsWith('-') && a !== '-') {
      if (!extra(a, value)) throw new UsageError(`unknown option '${argv[i]}'`);
    } else files.push(a);
  }
  if (o.help) return o;
  if (files.length === 0) throw new UsageError('no trace file given');
  if (files.length > 1) throw new UsageError(`one trace at a time (got ${files.length}: ${files.join(' ')})`);
  o.file = files[0]!;
  return o;
}

/** Checks the trace argument names a readable file; the error line, or undefined. */
export async function checkTrace(tool: string, file: string): Promise<string | undefined> {
  if (file === '-') return undefined;
  try {
    const st = await stat(file);
    if (st.isDirectory()) return `${tool}: ${file}: is a directory, not a trace`;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return `${tool}: ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.code === 'EACCES' ? 'permission denied' : err.message}`;
  }
  return undefined;
}

/** The trace-problem line (where and why reading stopped), as bt-show prints it. */
export function stoppedLine(tool: string, file: string, problem: TraceProblem): string {
  return problemLine(tool, file === '-' ? 'standard input' : file, problem);
}

/**
 * Runs a CLI's main: usage errors exit 2 with a hint, anything thrown is one
 * line and exit 1, EPIPE on stdout exits quietly.
 */
export function runMain(tool: string, main: () => Promise<number>): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  main().then((code) => {
    process.exitCode = code;
  }, (e: unknown) => {
    if (e instanceof UsageError) {
      process.stderr.write(`${tool}: ${e.message}\nFor help: ${tool} --help\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`${tool}: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
