// Reading and writing trace files: a stream of length-delimited Record messages
// (header, batches, trailer). See proto/trace.proto.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { type Batch, type Header, pb, type Trailer } from './proto.js';

export const TRACE_MAGIC = 'beetrace-trace';
export const FORMAT_VERSION = 1;

/** Why a trace could not be read to its end. */
export type TraceProblemCode =
  | 'NOT_A_TRACE'    // the first record is not a beetrace header
  | 'NEWER_VERSION'  // written by a newer format version than this reader knows
  | 'TRUNCATED'      // the file ends inside a record
  | 'NO_TRAILER'     // the file ends between records, before the trailer
  | 'CORRUPT';       // a record does not decode

export interface TraceProblem {
  readonly code: TraceProblemCode;
  /** Byte offset of the record where reading stopped. */
  readonly offset: number;
  readonly message: string;
}

export type TraceRecord =
  | { readonly kind: 'header'; readonly header: Header; readonly offset: number }
  | { readonly kind: 'batch'; readonly batch: Batch; readonly offset: number }
  | { readonly kind: 'trailer'; readonly trailer: Trailer; readonly offset: number }
  /** Always last: complete when a trailer was read and nothing follows it. */
  | { readonly kind: 'end'; readonly complete: boolean; readonly bytes: number; readonly problem?: TraceProblem };

export type TraceSource = string | Readable | Uint8Array;

export function encodeHeader(h: Header): Uint8Array {
  return pb.Record.encodeDelimited({ header: { ...h, magic: TRACE_MAGIC, formatVersion: FORMAT_VERSION } }).finish();
}

export function encodeTrailer(t: Trailer): Uint8Array {
  return pb.Record.encodeDelimited({ trailer: t }).finish();
}

async function* chunksOf(source: TraceSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    yield source;
    return;
  }
  const stream = typeof source === 'string'
    ? (source === '-' ? process.stdin : createReadStream(source, { highWaterMark: 1 << 20 }))
    : source;
  for await (const chunk of stream) yield chunk as Uint8Array;
}

/** Reads a varint at `pos`: [value, nextPos], or undefined when the buffer ends first. */
function readVarint(buf: Uint8Array, pos: number, end: number): [number, number] | undefined {
  let value = 0;
  let mul = 1;
  for (let i = 0; i < 10; i++) {
    if (pos >= end) return undefined;
    const b = buf[pos++]!;
    value += (b & 0x7f) * mul;
    if ((b & 0x80) === 0) return [value, pos];
    mul *= 128;
  }
  return [Number.NaN, pos];
}

/** Largest record a reader accepts; anything bigger is corruption, not data. */
const MAX_RECORD = 256 << 20;

/**
 * Yields the records of a trace in order, in constant memory, then one `end`
 * record that says whether the file was complete and, if not, where and why
 * reading stopped. Never throws for bad data: a cut-off or corrupt trace yields
 * everything before the damage.
 */
export async function* readTrace(source: TraceSource): AsyncGenerator<TraceRecord> {
  let buf = new Uint8Array(0);
  let start = 0;     // read position in buf
  let end = 0;       // bytes valid in buf
  let offset = 0;    // file offset of buf[start]
  let index = 0;     // record number
  let sawTrailer = false;
  let problem: TraceProblem | undefined;
  const stop = (code: TraceProblemCode, message: string): void => {
    problem = { code, offset, message };
  };

  outer: for await (const chunk of chunksOf(source)) {
    // Append chunk. When it does not fit behind the unread bytes, they move to the
    // front of a fresh buffer (records already yielded keep views into the old one),
    // which grows only when the unread bytes and the chunk need it: memory stays
    // bounded by the largest record, however long the trace.
    if (end + chunk.length > buf.length) {
      const live = end - start;
      const next = new Uint8Array(Math.max(live + chunk.length, buf.length, 1 << 16));
      next.set(buf.subarray(start, end));
      buf = next;
      start = 0;
      end = live;
    }
    buf.set(chunk, end);
    end += chunk.length;

    for (;;) {
      const v = readVarint(buf, start, end);
      if (v === undefined) break;
      const [len, body] = v;
      if (!Number.isFinite(len) || len > MAX_RECORD) {
        stop(index === 0 ? 'NOT_A_TRACE' : 'CORRUPT', index === 0 ? 'not a beetrace trace' : `record length ${len} is not plausible`);
        break outer;
      }
      if (body + len > end) break;
      const bytes = buf.subarray(body, body + len);
      let rec;
      try {
        rec = pb.Record.decode(bytes);
      } catch (e) {
        stop(index === 0 ? 'NOT_A_TRACE' : 'CORRUPT', index === 0 ? 'not a beetrace trace' : `record does not decode: ${(e as Error).message}`);
        break outer;
      }
      if (sawTrailer) {
        stop('CORRUPT', 'data after the trailer');
        break outer;
      }
      if (index === 0) {
        const h = rec.header;
        if (!h || h.magic !== TRACE_MAGIC) {
          stop('NOT_A_TRACE', 'not a beetrace trace');
          break outer;
        }
        if ((h.formatVersion ?? 0) > FORMAT_VERSION) {
          stop('NEWER_VERSION', `trace format version ${h.formatVersion} is newer than this reader's (${FORMAT_VERSION}); upgrade beetrace`);
          break outer;
        }
        yield { kind: 'header', header: h, offset };
      } else if (rec.batch) {
        yield { kind: 'batch', batch: rec.batch as Batch, offset };
      } else if (rec.trailer) {
        sawTrailer = true;
        yield { kind: 'trailer', trailer: rec.trailer, offset };
      } else {
        stop('CORRUPT', 'record of unknown kind');
        break outer;
      }
      index++;
      offset += body + len - start;
      start = body + len;
    }
  }
  if (!problem && start < end) {
    stop(index === 0 ? 'NOT_A_TRACE' : 'TRUNCATED', index === 0
      ? 'not a beetrace trace (or cut off inside its header)'
      : `cut off inside a record (${end - start} bytes of it present)`);
  }
  if (!problem && index === 0) stop('NOT_A_TRACE', 'empty file, not a beetrace trace');
  if (!problem && !sawTrailer) stop('NO_TRAILER', 'trailer missing: the recording did not finish (recorder killed or disk full)');
  const bytes = problem ? problem.offset : offset;
  yield problem ? { kind: 'end', complete: false, bytes, problem } : { kind: 'end', complete: true, bytes };
}
