// The decode worker (decode-worker.ts) seen from the ingesting thread: its messages in order.
// A module of its own, light to load: a command starts its worker before it loads anything else.
import { Worker } from 'node:worker_threads';
import type { BatchMessage, DecodeWorkerInput, DecodeWorkerMessage } from './decode-worker.js';
import { StoreError } from './errors.js';

/** Batches the decode worker sends ahead of the acknowledgements (bounded memory). */
const AHEAD = 8;
/**
 * The same for a trace read before its consumer is ready (bt-export's first trace while DuckDB loads):
 * a part's worth of batches (parquet.ts), decoded meanwhile instead of 8.
 */
export const EARLY_AHEAD = 32;

/** The decode worker's messages: the file's records, in order. */
export class DecodeFeed {
  private readonly worker: Worker;
  private readonly queue: DecodeWorkerMessage[] = [];
  private waiting: ((m: DecodeWorkerMessage) => void) | undefined;
  private ended = false;
  /** The file read() was given, and whether without captured data. */
  private reading: { readonly file: string; readonly noData: boolean } | undefined;
  /** The worker a command started first thing (startAhead), until taken. */
  private static ahead: DecodeFeed | undefined;

  /**
   * Starts a worker ahead of everything else a command loads (its modules load on the other CPU while
   * the command's do); takeAhead() hands it over.
   */
  static startAhead(): void {
    DecodeFeed.ahead ??= new DecodeFeed();
  }

  /** The worker startAhead() started, else a new one (also started without a file). */
  static takeAhead(): DecodeFeed {
    const f = DecodeFeed.ahead ?? new DecodeFeed();
    DecodeFeed.ahead = undefined;
    return f;
  }

  /**
   * Reads `file` (no captured data with `noData`). Without a file, the worker starts (loads its
   * modules) and waits for read(): a reader started ahead of the trace it will read.
   */
  constructor(file?: string, noData = false) {
    const input: DecodeWorkerInput | undefined = file === undefined ? undefined : { file, ahead: AHEAD, noData };
    // decode-worker.ts bundled into one file at build time (the repository's scripts/bundle-cjs.mjs): it starts ~40 ms sooner.
    // The parent's node flags, except --input-type (a `node -e` caller's), which a file worker refuses.
    const execArgv = process.execArgv.filter((a, i, all) => !a.startsWith('--input-type') && all[i - 1] !== '--input-type');
    this.worker = new Worker(new URL('./decode-worker.cjs', import.meta.url), { workerData: input, execArgv });
    this.worker.on('message', (m: DecodeWorkerMessage) => this.push(m));
    this.worker.on('error', (e: Error) => this.push({ kind: 'error', message: e.message }));
    this.worker.on('exit', () => this.push({ kind: 'error', message: 'the reading thread exited early' }));
    // Waiting for its file, it does not keep the process alive.
    if (!input) this.worker.unref();
  }

  private push(m: DecodeWorkerMessage): void {
    if (this.ended) return;
    if (m.kind === 'end' || m.kind === 'error') this.ended = true;
    const w = this.waiting;
    if (w) {
      this.waiting = undefined;
      w(m);
    } else this.queue.push(m);
  }

  /** The next message; throws when the worker failed. */
  async next(): Promise<Exclude<DecodeWorkerMessage, { kind: 'error' }>> {
    const m = this.queue.shift() ?? await new Promise<DecodeWorkerMessage>((r) => { this.waiting = r; });
    if (m.kind === 'error') throw new StoreError('READ_FAILED', `reading the trace failed: ${m.message}`);
    if (m.kind === 'batch') this.worker.postMessage(0);
    return m;
  }

  /** Starts reading `file`, on a feed made without one. */
  read(file: string, noData: boolean, ahead = AHEAD): this {
    this.reading = { file, noData };
    this.worker.ref();
    this.worker.postMessage({ file, ahead, noData } satisfies DecodeWorkerInput);
    return this;
  }

  /** Whether read() was given this file (with this noData). */
  reads(file: string, noData: boolean): boolean {
    return this.reading?.file === file && this.reading.noData === noData;
  }

  /** Whether read() was given a file. */
  get started(): boolean {
    return this.reading !== undefined;
  }

  /** Gives a stored batch's number buffer back to the worker to fill again. */
  recycle(m: BatchMessage): void {
    this.worker.postMessage(m.nums.buffer, [m.nums.buffer]);
  }

  close(): void {
    this.worker.removeAllListeners('exit');
    void this.worker.terminate();
  }
}

