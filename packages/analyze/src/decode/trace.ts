// decodeTrace: a trace file (or stream, or bytes) in, decoded events out, in
// the order the kernel delivered them, in constant memory.
import {
  type BatchColumns, batchWithoutCapturedData, type Header, type ProcessEvent, RawCall, readTraceColumns, SyscallCursor, SyscallFlag, syscallTable,
  type SyscallTable, type TraceProblem, type TraceSource, type Trailer, walkBatch,
} from '@beetrace/format';
import { stat } from 'node:fs/promises';
import type { Progress } from '@beetrace/format';
import { type DecodedEvent, type DecodedProcessEvent, type DecodedSyscall, Decoder } from './decode.js';
import type { TraceModel } from './model.js';

const withNs = (ev: DecodedProcessEvent, ns: number): DecodedProcessEvent => ({ ...ev, ns });

export interface DecodeTraceOptions {
  /** -s: longest string shown (default 32, as strace). */
  readonly strSize?: number;
  /** -x (1) / -xx (2): hex strings. */
  readonly xflag?: 0 | 1 | 2;
  /** -y: annotate fds with paths rebuilt from the trace's history. */
  readonly fdPaths?: boolean;
  /** -yy: sockets by protocol and addresses where the trace has them. */
  readonly fdDetails?: boolean;
  /** --pidns: pids named or returned in another pid namespace get the host's (DecodeOptions.pidns). */
  readonly pidns?: boolean;
  /**
   * Every event as recorded, one for one with the batch columns: a new task's own return
   * from clone included, nothing held back to be shown where strace would show it
   * (for consumers that keep rows, such as the store).
   */
  readonly deliveryOrder?: boolean;
  /**
   * --no-data: every batch loses its captured data (the format's batchWithoutCapturedData) before it is
   * decoded, so buffers print as strace prints memory it did not read (their address).
   */
  readonly noData?: boolean;
  /** Told after each batch how far into the trace the reading is (a live line on a terminal: ProgressLine). */
  readonly progress?: Progress | undefined;
}

export type TraceItem =
  /** model: the trace model the decoding advances (processes, threads, fds), shared by every event that follows. */
  | { readonly kind: 'header'; readonly header: Header; readonly model: TraceModel }
  | DecodedEvent
  | { readonly kind: 'trailer'; readonly trailer: Trailer }
  /** Always last. complete: the trace was read to its trailer; otherwise `problem` says where and why it stopped. */
  | { readonly kind: 'end'; readonly complete: boolean; readonly problem?: TraceProblem };

/** Calls a thread keeps for exact repeats: a loop of a few calls (read, write, lseek...) decodes once. */
const REPEAT_SLOTS = 8;
/** Captured bytes beyond which a call is not kept for repeats. */
const REPEAT_MAX_BYTES = 256;

/** A thread's recent calls that left the model as it was, with what they decoded to. */
interface Repeats {
  /** The model's version when they were kept: valid while it has not changed. */
  version: number;
  next: number;
  /** Slots [0, count) hold calls of `version`; the RawCall objects are refilled in place. */
  count: number;
  readonly raw: RawCall[];
  readonly decoded: DecodedSyscall[];
}

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
  private readonly repeats = new Map<number, Repeats>();
  /** The last call's thread and its repeats (runs of one thread's calls look it up once). */
  private lastTid = -1;
  private lastRepeats: Repeats | undefined;
  private readonly noData: boolean;

  private constructor(table: SyscallTable, header: Header, opts: DecodeTraceOptions, private readonly emit: (ev: DecodedEvent) => void) {
    this.table = table;
    this.noData = opts.noData ?? false;
    this.cloneNrs = cloneNumbers(table);
    const decoder = this.decoder = new Decoder(table, { strSize: opts.strSize ?? 32, xflag: opts.xflag ?? 0, fdPaths: opts.fdPaths ?? false, pidns: opts.pidns ?? false, fdDetails: opts.fdDetails ?? false }, header);
    const cloneNrs = this.cloneNrs;
    const self = this;
    this.visitor = opts.deliveryOrder ? {
      syscall(ev: SyscallCursor): void { emit(self.decode(ev)); },
      process(ev: ProcessEvent): void { emit(decoder.process(ev)); },
    } : {
      syscall(ev: SyscallCursor): void {
        if (isCloneChild(ev, cloneNrs)) return;
        const d = self.decode(ev);
        if (self.held.size === 0) {
          if ((d.failed && -d.ret >= 512 && -d.ret <= 516) || killsItself(d)) self.held.set(d.tid, { call: d, signals: [] });
          else emit(d);
          return;
        }
        self.onSyscall(d);
      },
      process(ev: ProcessEvent): void {
        if (ev.type === 'signal' && ev.ignored) {
          self.ignored(ev);
          return;
        }
        const d = decoder.process(ev);
        if (self.held.size) self.release(d);
        emit(d);
      },
    };
  }

  /**
   * Decodes a call, or, when it repeats exactly one its thread made since the model last
   * changed, reuses that one's text (decoding depends only on the call and the model).
   */
  private decode(ev: SyscallCursor): DecodedSyscall {
    const model = this.decoder.model;
    let r = ev.tid === this.lastTid ? this.lastRepeats : this.repeats.get(ev.tid);
    this.lastTid = ev.tid;
    this.lastRepeats = r;
    if (r && r.version === model.version) {
      for (let k = 0; k < r.count; k++) {
        if (r.raw[k]!.matches(ev)) {
          return r.decoded[k]!.at(ev.enterNs, ev.exitNs);
        }
      }
    }
    const before = model.version;
    const d = this.decoder.syscall(ev);
    if (model.version !== before || d.unfinished || ev.capSize > REPEAT_MAX_BYTES) return d;
    if (!r) {
      this.repeats.set(ev.tid, (r = { version: before, next: 0, count: 0, raw: [], decoded: [] }));
      this.lastRepeats = r;
    }
    if (r.version !== before) { r.version = before; r.next = 0; r.count = 0; }
    const k = r.next;
    if (k < r.raw.length) r.raw[k]!.set(ev);
    else r.raw.push(new RawCall(ev));
    r.decoded[k] = d;
    r.next = (k + 1) % REPEAT_SLOTS;
    if (r.count < REPEAT_SLOTS) r.count++;
    return d;
  }

  /**
   * Per thread, what waits for the thread's next event: a call that returned
   * ERESTART* (strace never sees that return when the thread is then killed),
   * and signals the kernel discarded, recorded in the sender's context while
   * the thread may still have been inside a call (strace shows them after it).
   */
  private readonly held = new Map<number, { call: DecodedSyscall | undefined; signals: DecodedProcessEvent[] }>();

  private ignored(ev: ProcessEvent): void {
    const d = this.decoder.process(ev);
    let h = this.held.get(ev.tid);
    if (!h) this.held.set(ev.tid, (h = { call: undefined, signals: [] }));
    if (h.signals.length < 64) h.signals.push(d);
  }

  private onSyscall(d: DecodedSyscall): void {
    const h = this.held.get(d.tid);
    if (h) {
      this.held.delete(d.tid);
      if (h.call) this.emit(h.call);
      // Discarded signals generated before this call started came while the thread was outside a call.
      for (const s of h.signals) if (s.ns <= d.enterNs) this.emit(s);
      if ((d.failed && -d.ret >= 512 && -d.ret <= 516) || killsItself(d)) {
        this.held.set(d.tid, { call: d, signals: h.signals.filter((s) => s.ns > d.enterNs) });
        return;
      }
      this.emit(d);
      // ... the others while it was inside: strace shows them once it returns.
      for (const s of h.signals) if (s.ns > d.enterNs) this.emit(withNs(s, d.unfinished ? d.enterNs : d.exitNs));
      return;
    }
    if ((d.failed && -d.ret >= 512 && -d.ret <= 516) || killsItself(d)) this.held.set(d.tid, { call: d, signals: [] });
    else this.emit(d);
  }

  /** A process event of a thread with something held: a SIGKILL means the held call never returned for a tracer. */
  private release(d: DecodedProcessEvent): void {
    const h = this.held.get(d.tid);
    if (!h) return;
    this.held.delete(d.tid);
    const killed = (d.kind === 'signal' && d.signal === 'SIGKILL') || (d.kind === 'killed' && d.signal === 'SIGKILL');
    if (h.call) {
      this.emit(killed ? h.call.asKilled(d.ns) : h.call);
      for (const s of h.signals) this.emit(s.ns > h.call.enterNs ? withNs(s, h.call.exitNs) : s);
    } else {
      for (const s of h.signals) this.emit(s);
    }
  }

  /** Emits whatever is still held (end of the trace). */
  finish(): void {
    for (const [, h] of this.held) {
      if (h.call) this.emit(h.call);
      for (const s of h.signals) this.emit(s);
    }
    this.held.clear();
  }

  /** A decoder for the trace this header starts, or the problem when its syscall table is unknown. */
  static forHeader(header: Header, offset: number, opts: DecodeTraceOptions, emit: (ev: DecodedEvent) => void): TraceDecoder | TraceProblem {
    const abi = header.syscallAbi || 'x86_64';
    const table = syscallTable(abi);
    if (!table) return { code: 'UNKNOWN_ABI', offset, message: `unknown syscall ABI '${abi}'` };
    return new TraceDecoder(table, header, opts, emit);
  }

  batch(b: BatchColumns): void {
    walkBatch(this.noData ? batchWithoutCapturedData(b, this.table) : b, this.cur, this.visitor);
  }
}

/**
 * A call that sent SIGKILL to its own process (the table's signal role; a pid role
 * naming the caller, or kill's 0): the caller dies as the call returns, and a tracer
 * never sees that return (strace: `kill(1234, SIGKILL) = ?`).
 */
function killsItself(d: DecodedSyscall): boolean {
  const roles = d.info?.roles;
  if (!roles || d.failed || d.unfinished) return false;
  let sig = -1;
  let self = false;
  roles.forEach((r, i) => {
    if (r?.role === 'signal') sig = d.argValue(i);
    else if (r?.role === 'pid') {
      const v = d.argValue(i) | 0;
      if (v === d.pid || v === d.tid || (v === 0 && i === 0)) self = true;
    }
  });
  return sig === 9 && self;
}

/** A new child's return from clone/fork: strace shows it only as the parent's call. */
export function isCloneChild(ev: SyscallCursor, cloneNrs: ReadonlySet<number>): boolean {
  return (ev.flags & SyscallFlag.NO_ENTRY) !== 0 && ev.ret === 0 && cloneNrs.has(ev.nr);
}

/** Numbers of the calls that make a process or thread (the table's fork effect). */
export function cloneNumbers(table: SyscallTable): Set<number> {
  const s = new Set<number>();
  for (const [nr, info] of table.byNr) if (info.effect === 'fork') s.add(nr);
  return s;
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
 * With `onEvent`, decoded events go to it instead, synchronously as each is decoded,
 * so the trace model (the header item's `model`) is exactly as of that event; the
 * yielded arrays then hold the header, trailer and end items only.
 */
export async function* decodeTraceChunks(source: TraceSource, opts: DecodeTraceOptions = {},
  onEvent?: (ev: DecodedEvent) => void): AsyncGenerator<TraceItem[]> {
  let td: TraceDecoder | undefined;
  let items: TraceItem[] = [];
  const emit = onEvent ?? ((ev: DecodedEvent): void => { items.push(ev); });
  const progress = opts.progress;
  let total: number | undefined;
  if (progress && typeof source === 'string' && source !== '-') total = await stat(source).then((st) => st.size, () => undefined);
  let calls = 0;
  for await (const rec of readTraceColumns(source, { reuse: true })) {
    switch (rec.kind) {
      case 'header': {
        const r = TraceDecoder.forHeader(rec.header, rec.offset, opts, emit);
        if (!(r instanceof TraceDecoder)) {
          yield [{ kind: 'end', complete: false, problem: r }];
          return;
        }
        td = r;
        yield [{ kind: 'header', header: rec.header, model: r.decoder.model }];
        break;
      }
      case 'batch':
        items = [];
        td!.batch(rec.batch);
        if (progress) progress.update(rec.offset, total, (calls += rec.batch.scNr.length));
        if (items.length) yield items;
        break;
      case 'trailer':
        items = [];
        td?.finish();
        yield [...items, { kind: 'trailer', trailer: rec.trailer }];
        break;
      case 'end':
        progress?.done();
        items = [];
        td?.finish();
        if (items.length) yield items;
        yield [rec.problem ? { kind: 'end', complete: rec.complete, problem: rec.problem } : { kind: 'end', complete: rec.complete }];
        break;
    }
  }
}
