// decodeTrace: a trace file (or stream, or bytes) in, decoded events out, in
// the order the kernel delivered them, in constant memory.
import {
  type BatchColumns, type Header, type ProcessEvent, readTraceColumns, SyscallFlag, syscallTable, type SyscallTable,
  type TraceProblem, type TraceSource, type Trailer,
} from '@beetrace/format';
import { SyscallCursor, walkBatch } from './cursor.js';
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

const CLONES = ['clone', 'clone3', 'fork', 'vfork'];

/**
 * The decoding of one trace, event by event: set up from its header, then fed
 * batch after batch; each decoded event goes to `emit` as soon as it is decoded
 * (nothing is held per batch).
 */
export class TraceDecoder {
  readonly decoder: Decoder;
  readonly table: SyscallTable;
  private readonly cloneNrs: Set<number>;
  private readonly cur = new SyscallCursor();
  private readonly visitor;

  private constructor(table: SyscallTable, header: Header, opts: DecodeTraceOptions, emit: (ev: DecodedEvent) => void) {
    this.table = table;
    this.cloneNrs = new Set(CLONES.map((n) => table.byName.get(n)?.nr ?? -1));
    const decoder = this.decoder = new Decoder(table, { strSize: opts.strSize ?? 32, xflag: opts.xflag ?? 0, fdPaths: opts.fdPaths ?? false }, header.cwd || undefined);
    const cloneNrs = this.cloneNrs;
    this.visitor = {
      syscall(ev: SyscallCursor): void {
        if (isCloneChild(ev, cloneNrs)) return;
        emit(decoder.syscall(ev));
      },
      process(ev: ProcessEvent): void {
        emit(decoder.process(ev));
      },
    };
  }

  /** A decoder for the trace this header starts, or the problem when its syscall table is unknown. */
  static forHeader(header: Header, offset: number, opts: DecodeTraceOptions, emit: (ev: DecodedEvent) => void): TraceDecoder | TraceProblem {
    const abi = header.syscallAbi || 'x86_64';
    const table = syscallTable(abi);
    if (!table) return { code: 'CORRUPT', offset, message: `unknown syscall ABI '${abi}'` };
    return new TraceDecoder(table, header, opts, emit);
  }

  batch(b: BatchColumns): void {
    walkBatch(b, this.cur, this.visitor);
  }
}

/** A new child's return from clone/fork: strace shows it only as the parent's call. */
export function isCloneChild(ev: SyscallCursor, cloneNrs: ReadonlySet<number>): boolean {
  return (ev.flags & SyscallFlag.NO_ENTRY) !== 0 && ev.ret === 0 && cloneNrs.has(ev.nr);
}

/** Numbers of clone, clone3, fork and vfork in a table. */
export function cloneNumbers(table: SyscallTable): Set<number> {
  return new Set(CLONES.map((n) => table.byName.get(n)?.nr ?? -1));
}

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
  let td: TraceDecoder | undefined;
  let items: TraceItem[] = [];
  const emit = (ev: DecodedEvent): void => { items.push(ev); };
  for await (const rec of readTraceColumns(source, { reuse: true })) {
    switch (rec.kind) {
      case 'header': {
        const r = TraceDecoder.forHeader(rec.header, rec.offset, opts, emit);
        if (!(r instanceof TraceDecoder)) {
          yield [{ kind: 'end', complete: false, problem: r }];
          return;
        }
        td = r;
        yield [{ kind: 'header', header: rec.header }];
        break;
      }
      case 'batch':
        items = [];
        td!.batch(rec.batch);
        yield items;
        break;
      case 'trailer':
        yield [{ kind: 'trailer', trailer: rec.trailer }];
        break;
      case 'end':
        yield [rec.problem ? { kind: 'end', complete: rec.complete, problem: rec.problem } : { kind: 'end', complete: rec.complete }];
        break;
    }
  }
}
