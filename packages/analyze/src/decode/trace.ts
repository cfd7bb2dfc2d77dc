// decodeTrace: a trace file (or stream, or bytes) in, decoded events out, in
// the order the kernel delivered them, in constant memory.
import {
  batchEvents, type Header, readTrace, SyscallFlag, syscallTable, type TraceProblem, type TraceSource, type Trailer,
} from '@beetrace/format';
import { type DecodedEvent, Decoder } from './decode.js';

export interface DecodeTraceOptions {
  /** -s: longest string shown (default 32, as strace). */
  readonly strSize?: number;
  /** -x (1) / -xx (2): hex strings. */
  readonly xflag?: 0 | 1 | 2;
  /** -y: annotate fds with paths rebuilt from the trace's history. */
  readonly fdPaths?: boolean;
}

export type TraceItem =
  | { readonly kind: 'header'; readonly header: Header }
  | DecodedEvent
  | { readonly kind: 'trailer'; readonly trailer: Trailer }
  /** Always last. complete: the trace was read to its trailer; otherwise `problem` says where and why it stopped. */
  | { readonly kind: 'end'; readonly complete: boolean; readonly problem?: TraceProblem };

const CLONES = new Set(['clone', 'clone3', 'fork', 'vfork']);

/**
 * Decodes a trace. Yields its header, then every syscall and process event
 * decoded (see DecodedSyscall / DecodedProcessEvent), the trailer, and a final
 * `end` item. Never throws for bad data: a corrupt or cut-off trace yields all
 * it could read, then an `end` item with the problem.
 */
export async function* decodeTrace(source: TraceSource, opts: DecodeTraceOptions = {}): AsyncGenerator<TraceItem> {
  for await (const chunk of decodeTraceChunks(source, opts)) yield* chunk;
}

/**
 * decodeTrace, a batch at a time: each yielded array holds the items of one
 * trace record (cheaper than one await per event for bulk consumers).
 */
export async function* decodeTraceChunks(source: TraceSource, opts: DecodeTraceOptions = {}): AsyncGenerator<TraceItem[]> {
  let decoder: Decoder | undefined;
  let cloneNrs = new Set<number>();
  for await (const rec of readTrace(source)) {
    switch (rec.kind) {
      case 'header': {
        const abi = rec.header.syscallAbi || 'x86_64';
        const table = syscallTable(abi);
        if (!table) {
          yield [{ kind: 'end', complete: false, problem: { code: 'CORRUPT', offset: rec.offset, message: `unknown syscall ABI '${abi}'` } }];
          return;
        }
        cloneNrs = new Set([...CLONES].map((n) => table.byName.get(n)?.nr ?? -1));
        decoder = new Decoder(table, { strSize: opts.strSize ?? 32, xflag: opts.xflag ?? 0, fdPaths: opts.fdPaths ?? false }, rec.header.cwd || undefined);
        yield [{ kind: 'header', header: rec.header }];
        break;
      }
      case 'batch': {
        const d = decoder!;
        const items: TraceItem[] = [];
        for (const ev of batchEvents(rec.batch)) {
          if (ev.type === 'syscall') {
            // A new child's return from clone/fork: strace shows it only as the parent's call.
            if ((ev.flags & SyscallFlag.NO_ENTRY) !== 0 && ev.ret === 0 && cloneNrs.has(ev.nr)) continue;
            items.push(d.syscall(ev));
          } else {
            items.push(d.process(ev));
          }
        }
        yield items;
        break;
      }
      case 'trailer':
        yield [{ kind: 'trailer', trailer: rec.trailer }];
        break;
      case 'end':
        yield [rec.problem ? { kind: 'end', complete: rec.complete, problem: rec.problem } : { kind: 'end', complete: rec.complete }];
        break;
    }
  }
}
