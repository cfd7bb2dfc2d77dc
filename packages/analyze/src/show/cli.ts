// bt-show: print a beetrace recording as strace -f would have printed the run.
import type { WriteStream } from 'node:fs';
import { createPrivateWriteStream, ProgressLine, syscallTable } from '@beetrace/format';
import { HELP, parseArgs, UsageError } from './options.js';
import { show } from './show.js';

async function main(): Promise<number> {
  let o;
  try {
    o = parseArgs(process.argv.slice(2), syscallTable('x86_64'));
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`bt-show: ${e.message}\nFor help: bt-show --help\n`);
      return 2;
    }
    throw e;
  }
  if (o.help) {
    process.stdout.write(HELP);
    return 0;
  }
  let sink: NodeJS.WritableStream = process.stdout;
  if (o.output !== undefined) {
    // Mode 0600 whatever the umask, as bt-record writes the trace: the text shows what the program read and wrote.
    try {
      sink = createPrivateWriteStream(o.output);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      process.stderr.write(`bt-show: cannot write ${o.output}: ${err.code === 'ENOENT' ? 'no such directory' : err.message}\n`);
      return 1;
    }
  }
  sink.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    process.stderr.write(`bt-show: write error: ${e.message}\n`);
    process.exit(1);
  });
  if (o.file !== '-') {
    try {
      const { stat } = await import('node:fs/promises');
      const st = await stat(o.file);
      if (st.isDirectory()) {
        process.stderr.write(`bt-show: ${o.file}: is a directory, not a trace\n`);
        return 1;
      }
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      process.stderr.write(`bt-show: ${o.file}: ${err.code === 'ENOENT' ? 'no such file' : err.code === 'EACCES' ? 'permission denied' : err.message}\n`);
      return 1;
    }
  }
  let waiting: Promise<void> | undefined;
  const code = await show(o, {
    write: (bytes) => {
      // One 'drain' wait however many chunks went out while the stream was full.
      if (!sink.write(bytes)) {
        waiting ??= new Promise<void>((resolve) => sink.once('drain', () => { waiting = undefined; resolve(); }));
      }
      return waiting;
    },
    error: (line) => { process.stderr.write(line + '\n'); },
    stdin: process.stdin,
    progress: ProgressLine.forTerminal('bt-show -c'),
  });
  if (sink !== process.stdout) await new Promise<void>((resolve) => (sink as WriteStream).end(() => resolve()));
  return code;
}

main().then((code) => {
  process.exitCode = code;
}, (e: unknown) => {
  process.stderr.write(`bt-show: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
