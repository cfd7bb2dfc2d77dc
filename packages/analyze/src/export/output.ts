// Where bt-export and bt-report write: a file created through the format
// package's private outputs (mode 0600 whatever the umask: it holds captured
// data, as the trace does), or standard output.
// Backpressure is honoured: write() returns a promise while the sink is full.
import type { WriteStream } from 'node:fs';
import { createPrivateWriteStream } from '@beetrace/format';

export class OutputError extends Error {}

export interface Output {
  write(data: Uint8Array | string): Promise<void> | void;
  /** Flushes and closes (standard output is left open). */
  close(): Promise<void>;
}

/** The reason in a few words: "no such directory", "permission denied", "no space left on device"... */
const reason = (e: NodeJS.ErrnoException): string =>
  e.code === 'ENOENT' ? 'no such directory' : e.message.replace(/^\w+: /, '').replace(/, (open|write|close) .*$/, '');

/** Opens `path` for writing (`-` or undefined: standard output). Throws OutputError with one line to print. */
export async function openOutput(path: string | undefined): Promise<Output> {
  let stream: NodeJS.WritableStream;
  if (path === undefined || path === '-') {
    stream = process.stdout;
  } else {
    try {
      stream = createPrivateWriteStream(path);
    } catch (e) {
      throw new OutputError(`cannot write ${path}: ${reason(e as NodeJS.ErrnoException)}`);
    }
  }
  let failed: Error | undefined;
  stream.on('error', (e: NodeJS.ErrnoException) => { failed ??= e; });
  let waiting: Promise<void> | undefined;
  const check = (): void => {
    if (failed) throw new OutputError(`write error: ${reason(failed as NodeJS.ErrnoException)}`);
  };
  return {
    write(data) {
      check();
      if (!stream.write(data)) {
        waiting ??= new Promise<void>((resolve) => {
          const done = (): void => { waiting = undefined; stream.off('drain', done); stream.off('error', done); resolve(); };
          stream.once('drain', done);
          stream.once('error', done);
        }).then(check);
      }
      return waiting;
    },
    async close() {
      check();
      if (stream === process.stdout) {
        await new Promise<void>((resolve) => { if (!stream.write('', () => resolve())) stream.once('drain', () => resolve()); });
      } else {
        await new Promise<void>((resolve, reject) => {
          (stream as WriteStream).end((e?: Error | null) => (e ? reject(e) : resolve()));
        }).catch((e: NodeJS.ErrnoException) => { failed ??= e; });
      }
      check();
    },
  };
}
