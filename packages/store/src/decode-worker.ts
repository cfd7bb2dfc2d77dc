// The text columns of `calls`, computed on a second thread while the ingesting
// thread inserts rows: the decoded argument text (@beetrace/analyze's Decoder,
// bt-show's defaults) and the captures as JSON. The worker reads the same file
// with the same reader, so its batches are the ingesting thread's batches, in
// order; per batch it sends each distinct text once, with an index per call.
import { parentPort, workerData } from 'node:worker_threads';
import { Decoder } from '@beetrace/analyze';
import { type BatchColumns, batchEvents, readTraceColumns, syscallTable } from '@beetrace/format';

/** What ingest.ts starts the worker with. */
export interface DecodeWorkerInput {
  readonly file: string;
  /** Batches sent ahead of the acknowledgements (bounded memory). */
  readonly ahead: number;
}

/** One message per batch of the file, then `done` (or `error`). */
export type DecodeWorkerMessage =
  | { readonly kind: 'batch'; readonly args: string[]; readonly argsIdx: Uint32Array; readonly caps: string[]; readonly capsIdx: Int32Array }
  | { readonly kind: 'done' }
  | { readonly kind: 'error'; readonly message: string };

/** Distinct strings of one batch, in first-seen order, with their indexes. */
class Interner {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();

  add(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

/** `[[arg, flags, element, "hex"], ...]` of every call of the batch, -1 when a call has no captures. */
function captureJson(b: BatchColumns, caps: Interner, out: Int32Array): void {
  const n = b.scNr.length;
  const count = b.capSyscall.length;
  const data = Buffer.from(b.capData.buffer, b.capData.byteOffset, b.capData.byteLength);
  let c = 0;
  let off = 0;
  for (let i = 0; i < n; i++) {
    let json: string | null = null;
    while (c < count && b.capSyscall[c] === i) {
      const info = b.capInfo[c]!;
      const len = b.capLen[c]!;
      const item = `[${info & 0xff},${(info >>> 8) & 0xff},${info >>> 16},"${data.toString('hex', off, off + len)}"]`;
      json = json === null ? item : `${json},${item}`;
      off += len;
      c++;
    }
    out[i] = json === null ? -1 : caps.add(`[${json}]`);
  }
}

async function main(input: DecodeWorkerInput, port: NonNullable<typeof parentPort>): Promise<void> {
  let acked = 0;
  let sent = 0;
  let wake: (() => void) | undefined;
  port.on('message', () => {
    acked++;
    wake?.();
  });
  let decoder: Decoder | undefined;
  for await (const rec of readTraceColumns(input.file, { reuse: true })) {
    if (rec.kind === 'header') {
      const table = syscallTable(rec.header.syscallAbi || rec.header.arch || 'x86_64');
      if (!table) break; // the ingesting thread reports the unknown ABI
      // bt-show's defaults: strings cut at 32 bytes, no hex, no fd paths (file_access has those).
      decoder = new Decoder(table, { strSize: 32, xflag: 0, fdPaths: false }, rec.header.cwd || undefined);
    } else if (rec.kind === 'batch' && decoder) {
      const b = rec.batch;
      const args = new Interner();
      const argsIdx = new Uint32Array(b.scNr.length);
      let i = 0;
      for (const ev of batchEvents(b)) {
        if (ev.type === 'syscall') argsIdx[i++] = args.add(decoder.syscall(ev).argsText);
        else decoder.process(ev);
      }
      const caps = new Interner();
      const capsIdx = new Int32Array(b.scNr.length);
      captureJson(b, caps, capsIdx);
      while (sent - acked >= input.ahead) await new Promise<void>((r) => { wake = r; });
      wake = undefined;
      const msg: DecodeWorkerMessage = { kind: 'batch', args: args.list, argsIdx, caps: caps.list, capsIdx };
      port.postMessage(msg, [argsIdx.buffer, capsIdx.buffer]);
      sent++;
    }
  }
  port.postMessage({ kind: 'done' } satisfies DecodeWorkerMessage);
  port.close();
}

if (parentPort) {
  const port = parentPort;
  main(workerData as DecodeWorkerInput, port).catch((e: unknown) => {
    port.postMessage({ kind: 'error', message: e instanceof Error ? e.message : String(e) } satisfies DecodeWorkerMessage);
    port.close();
  });
}
