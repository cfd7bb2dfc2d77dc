// What both commands share: one-line errors with documented exit codes, quiet EPIPE.
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
