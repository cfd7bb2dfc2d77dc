// --rotate and --flight: the recording split into files that each are a complete
// trace (header with the state its history starts from, batches, trailer). Both
// keep the batches as the consumer delivers them, in segments: a segment starts
// with the state of the traced processes before its first batch (SegmentContext.state:
// the trace model fed with every batch before). --rotate writes each segment to its
// own file; --flight keeps the last segments in memory and writes them on request.
import { renameSync, rmSync } from 'node:fs';
import type { Header, ProcessState, Trailer } from '@beetrace/format';
import { encodeHeader, encodeTrailer } from '@beetrace/format/writer';
import type { RecordError } from './errors.js';

/** Where a recording stands after a delivery: cumulative counts, lost records per CPU, CLOCK_MONOTONIC ns. */
export interface Mark {
  readonly syscalls: number;
  readonly stateCalls: number;
  readonly processEvents: number;
  readonly lost: readonly number[];
  readonly ns: number;
}

/** A trace file being written (recording.ts's Sink). */
export interface SegmentSink {
  write(data: Uint8Array): void;
  close(): void;
  readonly error: RecordError | undefined;
  readonly bytes: number;
}

export interface SegmentContext {
  /** The header fields every file shares (clock reference, command, capture settings). */
  readonly header: Header;
  /** Creates a trace file (mode 0600). */
  open(path: string): SegmentSink;
  /** The live traced processes after the batches added so far (the trace model's state). */
  state(): ProcessState[];
}

/** svc.pb -> svc.N.pb (svc -> svc.N): the N-th file of a series. */
export function seriesName(path: string, n: number): string {
  if (n === 0) return path;
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash + 1 ? `${path.slice(0, dot)}.${n}${path.slice(dot)}` : `${path}.${n}`;
}

const records = (m: Mark): number => m.syscalls + m.stateCalls + m.processEvents;

/** A file whose header could not be written (the disk is full) is not a trace: it goes. */
function removeIfHeaderless(sink: SegmentSink, path: string): void {
  if (!sink.error) return;
  sink.close();
  rmSync(path, { force: true });
}

const minus = (a: readonly number[], b: readonly number[]): number[] => a.map((v, i) => v - (b[i] ?? 0));

interface Segment {
  readonly state: ProcessState[];
  readonly start: Mark;
  readonly chunks: Uint8Array[];
  bytes: number;
}

/** The header of a file whose history starts at `start` (`first`: the recording's start, nothing before). */
function fileHeader(ctx: SegmentContext, state: ProcessState[], start: Mark, first: boolean, sequence: number): Uint8Array {
  return encodeHeader({
    ...ctx.header,
    processes: state,
    ...(first ? {} : { completeFromNs: start.ns, droppedRecords: records(start), droppedFromNs: Number(ctx.header.monotonicNs) }),
    sequence,
  });
}

/** The trailer of a file holding what happened between marks `from` and `to`. */
function fileTrailer(ctx: SegmentContext, last: Trailer, from: Mark, to: Mark, bytes: number, stopReason: string | undefined): Uint8Array {
  const h = ctx.header;
  return encodeTrailer({
    ...last,
    syscalls: to.syscalls - from.syscalls,
    stateCalls: to.stateCalls - from.stateCalls,
    processEvents: to.processEvents - from.processEvents,
    lostPerCpu: minus(to.lost, from.lost),
    endMonotonicNs: to.ns,
    endRealtimeNs: Number(h.realtimeNs) + (to.ns - Number(h.monotonicNs)),
    bytes,
    ...(stopReason === undefined ? {} : { stopReason, unfinished: 0, programExited: false, exitCode: 0, termSignal: 0, coreDumped: false }),
  });
}

/**
 * --max-size SIZE --rotate N: the trace goes to PATH until it holds SIZE bytes, then
 * PATH is renamed PATH.1 (PATH.1 to PATH.2...; logrotate's order: the higher the
 * number, the older) and a new PATH starts; at most N files are kept. A file may
 * pass SIZE by what one delivery of the consumer holds (SIZE/16, at most 1 MiB).
 */
export class RotatingOutput {
  private sink: SegmentSink;
  private start: Mark;
  private last: Mark;
  private sequence = 0;
  private done = 0;

  constructor(private readonly ctx: SegmentContext, private readonly path: string, private readonly maxBytes: number,
    private readonly keep: number, first: SegmentSink, start: Mark, state: ProcessState[]) {
    this.sink = first;
    this.start = this.last = start;
    this.sink.write(fileHeader(ctx, state, start, true, 0));
  }

  get error(): RecordError | undefined {
    return this.sink.error;
  }

  get bytes(): number {
    return this.done + this.sink.bytes;
  }

  /** Batches the consumer delivered, with the recording's counts after them. */
  add(bytes: Uint8Array, mark: Mark, trailer: () => Trailer): void {
    if (this.sink.bytes >= this.maxBytes && !this.sink.error) this.rotate(trailer());
    this.sink.write(bytes);
    this.last = mark;
  }

  private rotate(trailer: Trailer): void {
    this.sink.write(fileTrailer(this.ctx, trailer, this.start, this.last, this.sink.bytes, 'rotated'));
    if (this.sink.error) return;
    this.done += this.sink.bytes;
    this.sink.close();
    rmSync(seriesName(this.path, this.keep - 1), { force: true });
    for (let n = this.keep - 2; n >= 0; n--) {
      try {
        renameSync(seriesName(this.path, n), seriesName(this.path, n + 1));
      } catch {
        // not there (yet)
      }
    }
    // The new file's header is made before the file is: a kill -9 meanwhile leaves no
    // headerless file behind (only the moment between its open and its one write).
    this.start = this.last;
    const header = fileHeader(this.ctx, this.ctx.state(), this.start, false, ++this.sequence);
    this.sink = this.ctx.open(this.path);
    this.sink.write(header);
    removeIfHeaderless(this.sink, this.path);
  }

  /** The last file's trailer. */
  finish(trailer: Trailer, end: Mark): void {
    this.sink.write(fileTrailer(this.ctx, trailer, this.start, end, this.sink.bytes, undefined));
    this.sink.close();
  }
}

/**
 * --flight SIZE: the last SIZE bytes of batches in memory, in segments of SIZE/8;
 * when more arrive, whole segments go, the oldest first. dump() writes what is kept
 * as a complete trace whose header says from when it is complete and how many
 * records came before.
 */
export class FlightRing {
  private readonly segments: Segment[] = [];
  private kept = 0;
  private last: Mark;
  /** The state the next segment starts from, when known (the recording's start); else read then. */
  private next: ProcessState[] | undefined;

  constructor(private readonly ctx: SegmentContext, private readonly maxBytes: number, start: Mark, state: ProcessState[]) {
    this.last = start;
    this.next = state;
  }

  /** Bytes held. */
  get bytes(): number {
    return this.kept;
  }

  add(bytes: Uint8Array, mark: Mark): void {
    let seg = this.segments[this.segments.length - 1];
    if (!seg || seg.bytes >= this.maxBytes / 8) {
      seg = { state: this.next ?? this.ctx.state(), start: this.last, chunks: [], bytes: 0 };
      this.next = undefined;
      this.segments.push(seg);
    }
    seg.chunks.push(bytes);
    seg.bytes += bytes.length;
    this.kept += bytes.length;
    this.last = mark;
    while (this.kept > this.maxBytes && this.segments.length > 1) this.kept -= this.segments.shift()!.bytes;
  }

  /**
   * Writes what is kept to a new file at `path` as a complete trace (its sink has the error
   * of a failed write; a file whose header could not be written is removed): `end` the recording's counts now,
   * `stopReason` "dumped" while recording goes on (undefined: the trailer's own).
   */
  dump(path: string, trailer: Trailer, end: Mark, stopReason: string | undefined): { sink: SegmentSink; records: number; fromNs: number } {
    const sink = this.ctx.open(path);
    const first = this.segments[0];
    const start = first?.start ?? this.last;
    const complete = records(start) === 0;
    const result = { sink, records: records(end) - records(start), fromNs: complete ? Number(this.ctx.header.monotonicNs) : start.ns };
    sink.write(fileHeader(this.ctx, first?.state ?? this.next ?? this.ctx.state(), start, complete, 0));
    removeIfHeaderless(sink, path);
    if (sink.error) return result;
    for (const seg of this.segments) for (const c of seg.chunks) sink.write(c);
    sink.write(fileTrailer(this.ctx, trailer, start, end, sink.bytes, stopReason));
    sink.close();
    return result;
  }
}
