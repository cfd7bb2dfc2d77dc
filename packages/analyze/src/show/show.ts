// bt-show's work, separate from the process plumbing in cli.ts so tests can run it.
import { stat } from 'node:fs/promises';
import {
  type BatchColumns, callFailed, callStatus, type Header, type Progress, readTraceColumns, readTrailer, SyscallCursor, SyscallFlag, syscallName, type SyscallTable,
  traceSetHas, walkBatch, type TraceProblem,
} from '@beetrace/format';
import type { DecodedEvent, DecodedSyscall } from '../decode/decode.js';
import { signalName } from '../decode/structs.js';
import { cloneNumbers, isCloneChild, TraceDecoder } from '../decode/trace.js';
import { type ShowOptions } from './options.js';
import { ByteSink, Renderer, ThreadClock } from './render.js';
import { Summary } from './summary.js';
import { toJson } from './json.js';
import { problemLine } from '../problem.js';

export interface ShowIo {
  /** Writes text (UTF-8, whole newline-terminated lines); resolves when it may write more. */
  write(bytes: Uint8Array): Promise<void> | void;
  /** One diagnostic line. */
  error(line: string): void;
  /** Standard input, for TRACE "-". */
  stdin: NodeJS.ReadableStream;
  /** Told how far the reading is when only the summary prints (-c): a live line on a terminal. */
  progress?: Progress | undefined;
}

function wanted(o: ShowOptions, ev: DecodedSyscall): boolean {
  if (ev.stateOnly && !o.stateCalls) return false;
  if (o.pids && !o.pids.has(ev.pid)) return false;
  if (o.trace && !traceSetHas(o.trace, ev.name, ev.classes)) return false;
  if (o.status && !o.status.has(ev.unfinished ? 'unfinished' : ev.failed ? 'failed' : 'successful')) return false;
  return true;
}

/**
 * The first line for a trace recorded with bt-record -e: what it holds, and that the calls
 * outside the filter which the fd and process state needs are in it, marked. `counting`
 * (-c alone): what the summary counts, with the number of those calls when the trailer
 * says it.
 */
export function filterLine(h: Header, stateCalls: boolean, counting = false, stateCount?: number): string | undefined {
  const f = h.filter;
  if (!f) return undefined;
  const what = (f.expressions ?? []).map((e) => `-e ${e}`).join(' ');
  const those = `${stateCount === undefined ? 'the' : `the ${stateCount}`} calls outside it that change fds, the cwd or processes`;
  if (counting) {
    return `# filtered when recorded (${what}): the summary counts the calls it kept` +
      (stateCalls ? ` and ${those}` : `, not ${those} (--state-calls counts them)`);
  }
  return `# filtered when recorded (${what}): calls outside it that change fds, the cwd or processes are kept for -y` +
    (stateCalls ? ' and shown, marked /* state only */' : ', not shown (--state-calls shows them)');
}

const SIGNO: Record<string, number> = {};

/** The first line of a trace whose older history is not in it (--flight, a --rotate file after the first). */
export function historyLine(h: Header): string {
  const wall = (ns: number): string => new Date((Number(h.realtimeNs ?? 0) + (ns - Number(h.monotonicNs ?? 0))) / 1e6).toISOString();
  const from = Number(h.completeFromNs), since = Number(h.droppedFromNs ?? 0);
  const where = h.sequence ? `are in the files before this one (number ${h.sequence} of its series)` : 'were dropped (--flight)';
  return `--- complete from ${wall(from)}: the ${Number(h.droppedRecords ?? 0)} records of the ${((from - since) / 1e9).toFixed(2)} s before ${where} ---`;
}

/** Runs bt-show over one trace. Returns the exit code. */
export async function show(o: ShowOptions, io: ShowIo): Promise<number> {
  const source = o.file === '-' ? (io.stdin as never) : o.file;
  let follow = o.follow ?? (o.pidns ? true : undefined);
  const trailer = o.file !== '-' && (follow === undefined || o.summary === 'only') ? await readTrailer(o.file) : undefined;
  if (follow === undefined && trailer?.processes != null) follow = trailer.processes > 1;
  const out = new ByteSink();
  // Full chunks are handed over as they fill, inside a batch too; the stream's
  // backpressure is honoured between batches (so at most a batch's text waits).
  let drained: Promise<void> | void;
  const spill = (): void => {
    if (out.length >= 1 << 16) {
      const r = io.write(out.take());
      if (r) drained = r;
    }
  };
  const flushOut = async (force: boolean): Promise<void> => {
    spill();
    if (force && out.length) drained = io.write(out.take());
    if (drained) {
      await drained;
      drained = undefined;
    }
  };
  const line = (s: string): void => {
    out.put(s);
    out.newline();
  };
  // When whether to prefix pids is not known up front (stdin, no trailer),
  // hold the first lines until a second process shows up or enough lines pass.
  const held: DecodedEvent[] = [];
  const HOLD = 10_000;
  let renderer: Renderer | undefined;
  let header: Header | undefined;
  const summary = o.summary !== 'none' ? new Summary() : undefined;
  const printCalls = o.summary !== 'only';
  const seenPids = new Set<number>();

  // Set from the header: a recording that started its program has every thread's birth in it.
  let clock: ThreadClock | undefined;
  const makeRenderer = (prefix: boolean): Renderer => new Renderer({
    pidPrefix: prefix, pidns: o.pidns, timestamps: o.timestamps, relative: o.relative, syscallTimes: o.syscallTimes,
    monotonicNs: Number(header?.monotonicNs ?? 0), realtimeNs: Number(header?.realtimeNs ?? 0),
  }, out, clock);

  const signalShown = (name: string | undefined): boolean => {
    const f = o.signals;
    if (!f || name === undefined) return true;
    let n = SIGNO[name];
    if (n === undefined) {
      for (let s = 1; s <= 64; s++) if (name === signalName(s)) n = SIGNO[name] = s;
    }
    return n !== undefined && f.signals.has(n) !== f.negate;
  };

  const emit = (ev: DecodedEvent): void => {
    if (!renderer) {
      held.push(ev);
      if (held.length >= HOLD) startRendering(seenPids.size > 1);
      return;
    }
    renderer.add(ev);
    spill();
  };
  const startRendering = (prefix: boolean): void => {
    renderer = makeRenderer(prefix);
    for (const h of held) renderer.add(h);
    held.length = 0;
  };
  if (o.json || follow !== undefined) renderer = o.json ? undefined : makeRenderer(follow!);

  let problem: TraceProblem | undefined;
  const onItem = (item: DecodedEvent): void => {
    clock?.observe(item);
    switch (item.kind) {
      case 'syscall':
        if (!wanted(o, item)) break;
        summary?.add(item);
        if (!printCalls) break;
        if (o.json) { line(toJson(item)); break; }
        seenPids.add(item.pid);
        if (!renderer && seenPids.size > 1) startRendering(true);
        emit(item);
        break;
      default:
        if (o.pids && !o.pids.has(item.pid)) break;
        if (!printCalls) break;
        if (item.kind === 'fork' || item.kind === 'exec') {
          if (o.json) line(toJson(item));
          break;
        }
        if (item.kind === 'signal' && !signalShown(item.signal)) break;
        if (item.kind === 'signal' && item.signal === 'SIGKILL') break; // never seen by a tracer
        if (item.kind === 'exited' && o.quiet >= 2) break; // strace -qq still prints +++ killed by +++
        if (o.json) { line(toJson(item)); break; }
        seenPids.add(item.pid);
        if (!renderer && seenPids.size > 1) startRendering(true);
        emit(item);
    }
  };
  // -c alone needs no text: count straight from the batch columns.
  let counter: Counter | undefined;
  let td: TraceDecoder | undefined;
  const progress = o.summary === 'only' ? io.progress : undefined;
  const total = progress && typeof source === 'string' ? await stat(source).then((st) => st.size, () => undefined) : undefined;
  let calls = 0;
  for await (const rec of readTraceColumns(source, { reuse: true })) {
    switch (rec.kind) {
      case 'header': {
        header = rec.header;
        if (!o.json) {
          const l = filterLine(rec.header, o.stateCalls, !printCalls, trailer ? Number(trailer.stateCalls ?? 0) : undefined);
          if (l) line(l);
        }
        // Every thread's birth is in the trace only when it starts with the program's start.
        const partial = Number(rec.header.completeFromNs ?? 0) > 0;
        if (!rec.header.attached && !partial && printCalls && !o.json) clock = new ThreadClock();
        if (partial && !o.json) line(historyLine(rec.header));
        if (renderer && !o.json) renderer = makeRenderer(follow ?? false);
        const r = TraceDecoder.forHeader(rec.header, rec.offset, { strSize: o.strSize, xflag: o.xflag, fdPaths: o.fdPaths, pidns: o.pidns }, onItem);
        if (!(r instanceof TraceDecoder)) {
          problem = r;
          break;
        }
        if (o.summary === 'only') counter = new Counter(o, r.table, summary!);
        else td = r;
        break;
      }
      case 'batch':
        if (counter) counter.batch(rec.batch);
        else td?.batch(rec.batch);
        progress?.update(rec.offset, total, (calls += rec.batch.scNr.length));
        await flushOut(false);
        break;
      case 'trailer': td?.finish(); break;
      case 'end': td?.finish(); if (!rec.complete && rec.problem && !problem) problem = rec.problem; break;
    }
    if (problem) break;
  }
  progress?.done();
  if (!o.json && printCalls) {
    if (!renderer) startRendering(seenPids.size > 1);
    renderer!.finish();
  }
  if (summary) {
    for (const l of summary.format(o.sortBy)) line(l);
  }
  await flushOut(true);
  if (problem) {
    io.error(problemLine('bt-show', o.file === '-' ? 'standard input' : o.file, problem));
    return 1;
  }
  return 0;
}


/** bt-show -c alone: the summary straight from the batch columns, no decoding. */
class Counter {
  private readonly cur = new SyscallCursor();
  private readonly cloneNrs: Set<number>;
  /** Per syscall number: its name, and whether -e trace= keeps it (undefined: not looked up yet). */
  private readonly names: (string | undefined)[] = [];
  private readonly keep: (boolean | undefined)[] = [];
  private readonly visitor;

  constructor(private readonly o: ShowOptions, private readonly table: SyscallTable, summary: Summary) {
    this.cloneNrs = cloneNumbers(table);
    const self = this;
    this.visitor = {
      syscall(ev: SyscallCursor): void {
        if (isCloneChild(ev, self.cloneNrs)) return;
        const nr = ev.nr;
        if (self.keep[nr] === undefined) self.lookUp(nr);
        if (!self.keep[nr]) return;
        if (o.pids && !o.pids.has(ev.pid)) return;
        if ((ev.flags & SyscallFlag.STATE_ONLY) !== 0 && !o.stateCalls) return;
        const unfinished = (ev.flags & SyscallFlag.UNFINISHED) !== 0;
        const failed = callFailed(ev.ret, ev.flags);
        const st = o.status;
        if (st && !st.has(callStatus(ev.flags, ev.ret))) return;
        summary.count(self.names[nr]!, nr, failed, unfinished, ev.exitNs - ev.enterNs);
      },
      process(): void {},
    };
  }

  private lookUp(nr: number): void {
    const info = this.table.byNr.get(nr);
    const name = syscallName(this.table, nr);
    this.names[nr] = name;
    const t = this.o.trace;
    this.keep[nr] = !t || traceSetHas(t, name, info?.classes ?? []);
  }

  batch(b: BatchColumns): void {
    walkBatch(b, this.cur, this.visitor);
  }
}
