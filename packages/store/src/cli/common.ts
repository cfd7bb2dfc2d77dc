// What the commands share: the command line, one-line errors with documented exit codes, quiet EPIPE.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EXIT, StoreError } from '../db.js';
import { FORMATS, type Format } from '../output.js';

/** Runs a command's main, turning every failure into one line on stderr and an exit code. */
export function runMain(tool: string, main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      const err = e as NodeJS.ErrnoException;
      if (err && err.code === 'EPIPE') {
        process.exitCode = EXIT.OK;
        return;
      }
      if (e instanceof StoreError) {
        process.stderr.write(`${tool}: ${e.message}\n`);
        if (e.exit === EXIT.USAGE && e.code === 'USAGE') process.stderr.write(`For help: ${tool} --help\n`);
        process.exitCode = e.exit;
        return;
      }
      process.stderr.write(`${tool}: ${err?.message ?? String(e)}\n`);
      process.exitCode = EXIT.FAILURE;
    },
  );
}

export function usage(message: string): StoreError {
  return new StoreError('USAGE', message, EXIT.USAGE);
}

/** The --format value, checked; `fallback` when the option was not given. */
export function outputFormat(value: string | undefined, fallback: Format): Format {
  if (value === undefined) return fallback;
  if (!FORMATS.includes(value as Format)) throw usage(`unknown format "${value}" (${FORMATS.join(', ')})`);
  return value as Format;
}

/** Whether SIGINT or SIGTERM came (from now on): a command stops between traces or batches and says so. */
export function interruptFlag(): () => boolean {
  let interrupted = false;
  const onSignal = (): void => { interrupted = true; };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => interrupted;
}

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

/**
 * The command line parsed with these options and -h/--help (an unknown or
 * malformed option is a usage error); undefined once `help` is printed for -h.
 */
type Options = NonNullable<ParseArgsConfig['options']>;
export type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: O & typeof HELP_OPTION }>>;

export function parseCommand<const O extends Options>(options: O, help: string): Parsed<O> | undefined {
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { ...options, ...HELP_OPTION } });
  } catch (e) {
    throw usage((e as Error).message);
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(help);
    return undefined;
  }
  return parsed;
}
