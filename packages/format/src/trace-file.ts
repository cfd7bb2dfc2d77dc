// Reading and writing trace files: a stream of length-delimited Record messages
// (header, batches, trailer). See proto/trace.proto.
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { type Batch, type Header, pb, type Trailer } from './proto.js';
import { WireError, WireReader } from './wire.js';
import { FORMAT_VERSION, RecordField, TRACE_MAGIC } from './writer.js';

export { encodeHeader, encodeTrailer, FORMAT_VERSION, RecordField, TRACE_MAGIC } from './writer.js';

/** Why a trace could not be read to its end. */
export type TraceProblemCode =
  | 'NOT_A_TRACE'    // the first record is not a beetrace header
  | 'NEWER_VERSION'  // written by a newer format version than this reader knows
  | 'TRUNCATED'      // the file ends inside a record
  | 'NO_TRAILER'     // the file ends between records, before the trailer
  | 'CORRUPT'        // a record does not decode
  | 'UNKNOWN_ABI';   // the header names a syscall table this reader does not have

export interface TraceProblem {
  readonly code: TraceProblemCode;
  /** Byte offset of the record where reading stopped. */
  readonly offset: number;
  readonly message: string;
}

export type TraceRecordOf<B> =
  | { readonly kind: 'header'; readonly header: Header; readonly offset: number }
  | { readonly kind: 'batch'; readonly batch: B; readonly offset: number }
  | { readonly kind: 'trailer'; readonly trailer: Trailer; readonly offset: number }
  /** Always last: complete when a trailer was read and nothing follows it. */
  | { readonly kind: 'end'; readonly complete: boolean; readonly bytes: number; readonly problem?: TraceProblem };

export type TraceRecord = TraceRecordOf<Batch>;

export type TraceSource = string | Readable | Uint8Array;

/** Where bytes come from: read into the caller's buffer at `at`, at most `room` bytes; 0 at the end. */
interface Feed {
  read(buf: Uint8Array, at: number, room: number): Promise<number>;
  close(): Promise<void>;
}

/** A file read straight into the reader's buffer (no intermediate chunks). */
async function fileFeed(path: string): Promise<Feed> {
  const fh = await open(path, 'r');
  return {
    read: async (buf, at, room) => (await fh.read(buf, at, room, null)).bytesRead,
    close: () => fh.close(),
  };
}

/** A stream (or bytes), its chunks copied into the reader's buffer. */
function streamFeed(source: Readable | Uint8Array): Feed {
  const it = source instanceof Uint8Array ? [source][Symbol.iterator]() : (source as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  let chunk: Uint8Array | undefined;
  let pos = 0;
  return {
    async read(buf, at, room) {
      while (!chunk || pos >= chunk.length) {
        const r = await it.next();
        if (r.done) return 0;
        chunk = r.value as Uint8Array;
        pos = 0;
      }
      const n = Math.min(room, chunk.length - pos);
      buf.set(chunk.subarray(pos, pos + n), at);
      pos += n;
      return n;
    },
    async close() {
      await it.return?.();
    },
  };
}

/** Largest record a reader accepts; anything bigger is corruption, not data. */
const MAX_RECORD = 256 << 20;
const BUFFER = 4 << 20;

/** How a reader turns batch records into its batch type B. */
export interface BatchReading<B> {
  /**
   * The batch of a record's bytes, decoded without protobufjs; undefined to have
   * protobufjs decode the record (any record but a plain batch, or anything unusual).
   */
  fast(record: Uint8Array): B | undefined;
  /** The batch from a record protobufjs decoded. */
  fromMessage(batch: Batch): B;
  /** Earlier records may be overwritten once the iterator moves on (their views too). */
  readonly reuse: boolean;
}

/**
 * The records of a trace in order, then one `end` record: the framing, checks
 * and problem reporting shared by readTrace (protobufjs batches) and
 * readTraceColumns (typed-array batches). A file is read straight into one
 * buffer, which grows only to hold the largest record.
 */
export async function* readRecords<B>(source: TraceSource, batches: BatchReading<B>): AsyncGenerator<TraceRecordOf<B>> {
  const reuse = batches.reuse;
  const framing = new WireReader();
  const feed = typeof source === 'string'
    ? (source === '-' ? streamFeed(process.stdin) : await fileFeed(source))
    : streamFeed(source);
  let buf = new Uint8Array(0);
  let start = 0;     // read position in buf
  let end = 0;       // bytes valid in buf
  let offset = 0;    // file offset of buf[start]
  let index = 0;     // record number
  let want = 1;      // bytes from start needed to make progress
  let sawTrailer = false;
  let problem: TraceProblem | undefined;
  const stop = (code: TraceProblemCode, message: string): void => {
    problem = { code, offset, message };
  };

  try {
    outer: for (;;) {
      // Room for at least the record in progress (and a good read).
      const live = end - start;
      const need = Math.max(want, live + (1 << 16));
      if (buf.length - start < need || buf.length - end < 1 << 14) {
        const size = Math.max(BUFFER, need + (1 << 20));
        if (reuse && size <= buf.length) {
          // Earlier records are done with (the reuse contract): slide down.
          buf.copyWithin(0, start, end);
        } else {
          // A new buffer: earlier records' capData views stay valid.
          const next = new Uint8Array(size);
          next.set(buf.subarray(start, end));
          buf = next;
        }
        start = 0;
        end = live;
      }
      const n = await feed.read(buf, end, buf.length - end);
      if (n === 0) break;
      end += n;
      if (end - start < want) continue;

      for (;;) {
        // The record's length, and whether all of it is here.
        let len: number;
        try {
          len = framing.reset(buf, start, end).size();
        } catch (e) {
          if (!(e instanceof WireError)) throw e;
          if (e.code === 'TRUNCATED') { want = end - start + 1; break; }
          stop(index === 0 ? 'NOT_A_TRACE' : 'CORRUPT', index === 0 ? 'not a beetrace trace'
            : e.code === 'BAD_VARINT' ? 'record length is a varint of more than 10 bytes' : 'record length of 2^32 bytes or more is not plausible');
          break outer;
        }
        if (len > MAX_RECORD) {
          stop(index === 0 ? 'NOT_A_TRACE' : 'CORRUPT', index === 0 ? 'not a beetrace trace' : `record length ${len} is not plausible`);
          break outer;
        }
        const body = framing.pos;
        if (len > end - body) { want = body + len - start; break; }
        want = 1;
        const bytes = buf.subarray(body, body + len);
        let fast: B | undefined;
        let rec: ReturnType<typeof pb.Record.decode> | undefined;
        try {
          fast = index > 0 ? batches.fast(bytes) : undefined;
          if (fast === undefined) rec = pb.Record.decode(bytes);
        } catch (e) {
          stop(index === 0 ? 'NOT_A_TRACE' : 'CORRUPT', index === 0 ? 'not a beetrace trace' : `record does not decode: ${(e as Error).message}`);
          break outer;
        }
        if (sawTrailer) {
          stop('CORRUPT', 'data after the trailer');
          break outer;
        }
        if (index === 0) {
          const h = rec!.header;
          if (!h || h.magic !== TRACE_MAGIC) {
            stop('NOT_A_TRACE', 'not a beetrace trace');
            break outer;
          }
          if ((h.formatVersion ?? 0) > FORMAT_VERSION) {
            stop('NEWER_VERSION', `trace format version ${h.formatVersion} is newer than this reader's (${FORMAT_VERSION}); upgrade beetrace`);
            break outer;
          }
          yield { kind: 'header', header: h, offset };
        } else if (fast !== undefined || rec!.batch) {
          yield { kind: 'batch', batch: fast ?? batches.fromMessage(rec!.batch as Batch), offset };
        } else if (rec!.trailer) {
          sawTrailer = true;
          yield { kind: 'trailer', trailer: rec!.trailer, offset };
        } else {
          stop('CORRUPT', 'record of unknown kind');
          break outer;
        }
        index++;
        offset += body + len - start;
        start = body + len;
      }
    }
  } finally {
    await feed.close();
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

/**
 * Yields the records of a trace in order, in memory bounded by the largest
 * record, then one `end` record that says whether the file was complete and, if
 * not, where and why reading stopped. Never throws for bad data: a cut-off or
 * corrupt trace yields everything before the damage. Batches are protobufjs
 * messages; readTraceColumns (batch-decoder.ts) gives typed-array columns.
 */
export function readTrace(source: TraceSource): AsyncGenerator<TraceRecord> {
  return readRecords<Batch>(source, { fast: () => undefined, fromMessage: (b) => b, reuse: false });
}

/**
 * The trailer of a trace file, found by reading only the framing of its records
 * (a few bytes per record; batches are skipped, not read). Undefined when the
 * file does not end with a trailer (cut short, not a trace) or is not a regular
 * file.
 */
export async function readTrailer(path: string): Promise<Trailer | undefined> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) return undefined;
    const size = st.size;
    const head = new Uint8Array(16); // a length (at most 10 bytes) and the Record's tag
    const r = new WireReader();
    let pos = 0;
    let last: { body: number; len: number; field: number } | undefined;
    while (pos < size) {
      const n = (await fh.read(head, 0, head.length, pos)).bytesRead;
      r.reset(head, 0, n);
      const len = r.size();
      const body = pos + r.pos;
      last = { body, len, field: len > 0 ? r.tag() >>> 3 : 0 };
      pos = body + len;
    }
    if (!last || pos !== size || last.field !== RecordField.trailer) return undefined;
    const bytes = new Uint8Array(last.len);
    await fh.read(bytes, 0, last.len, last.body);
    return pb.Record.decode(bytes).trailer ?? undefined;
  } catch {
    return undefined; // damaged framing (a WireError) or a trailer that does not decode
  } finally {
    await fh.close();
  }
}
