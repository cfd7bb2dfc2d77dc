// Indexing one trace file into the store: one transaction, streaming batch by
// batch. A second thread (decode-worker.ts) reads the trace through the one decoded
// stream and its trace model, and sends rows ready to store; this thread turns path
// strings into paths ids and runs SQLite.
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { errnoNames } from '@beetrace/analyze/decode';
import type { Header, Progress, Trailer } from '@beetrace/format';
import { blob, CALL, EXACT_COLUMNS, numColumn } from './bulk.js';
import { type Db, EXIT, loadRowsExtension, StoreError } from './db.js';
import { DecodeFeed } from './decode-feed.js';
import type { BatchMessage, ExecRow, SignalRow, SummaryMessage } from './decode-worker.js';
import { keepsData, problemText, processValues, socketValues, traceEnd, traceIdOf, traceStart } from './rows.js';

export interface IngestOptions {
  /** Told how far into the file the ingest is (bt-store add passes a live line on a terminal). */
  readonly progress?: Progress | undefined;
  /** Checked between batches: when it returns true the ingest is rolled back and INTERRUPTED thrown. */
  readonly shouldStop?: () => boolean;
  /** Store no captured data (bt-store add --no-data): see the decode worker. */
  readonly noData?: boolean;
}

export interface IngestResult {
  /** Trace id: the new one, or the existing one when the file was already stored. */
  readonly id: number;
  /** False when the same content was already stored (nothing changed). */
  readonly added: boolean;
  readonly syscalls: number;
  /** A filtered recording's state-only calls (its trailer's count; bt-record -e), left out of `syscalls` and not stored. */
  readonly stateCalls?: number;
  /** Whether the stored trace holds captured data (traces.data; true when unknown). */
  readonly data: boolean;
  /** Set when only part of the file could be read. */
  readonly problem?: string;
}

/** SHA-256 of a file's content, hex, streaming. */
export async function hashFile(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** The same, synchronously: the ingest hashes while its reading thread starts. */
export function hashFileSync(path: string): string {
  const h = createHash('sha256');
  const buf = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0;) h.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return h.digest('hex');
}

/**
 * The calls rows of one trace, a batch at a time: one INSERT ... SELECT from
 * bt_rows (src/bulk.ts) binds the batch's number columns as one blob and the
 * decode worker's two text columns as they came. trace_id is a literal, seq is
 * computed from the ID column, errno from the FAILED column and ret.
 */
class Inserter {
  private readonly stmt: Database.Statement;

  constructor(db: Db, traceId: number, firstId: number) {
    loadRowsExtension(db);
    const n = (k: number): string => `n${k}`;
    const ret = n(CALL.RET);
    const flags = n(CALL.FLAGS);
    const names = [...errnoNames()].map(([nr, name]) => `WHEN ${nr} THEN '${name}'`).join(' ');
    const errno = `CASE WHEN ${n(CALL.FAILED)} = 1
      THEN ifnull(CASE CAST(-${ret} AS INTEGER) ${names} END, 'E' || CAST(-${ret} AS INTEGER)) END`;
    // No id: SQLite gives each row the largest id + 1, which is the id in the ID column (the trace's ids
    // start at max(id) + 1 and nothing else writes during the transaction; checked at the end), and
    // appends it without first looking for an existing row with that id.
    this.stmt = db.prepare(`INSERT INTO calls (trace_id, seq, pid, tid, nr, ret, errno, ts_ns, dur_ns, arg0, arg1, arg2, arg3, arg4, arg5,
        flags, path_id, path2_id, fd, canonical_id, caps, args)
      SELECT ${traceId}, ${n(CALL.ID)} - ${firstId}, ${n(CALL.PID)}, ${n(CALL.TID)}, ${n(CALL.NR)}, ${ret}, ${errno},
        ${n(CALL.TS)}, ${n(CALL.DUR)}, ${[0, 1, 2, 3, 4, 5].map((k) => n(CALL.ARG0 + k)).join(', ')}, ${flags},
        ${n(CALL.PATH)}, ${n(CALL.PATH2)}, ${n(CALL.FD)}, ${n(CALL.CANONICAL)}, t0, t1
      FROM bt_rows(?, ?, ?, ?)`);
  }

  /** Inserts a batch whose number columns are complete. */
  insert(m: BatchMessage): void {
    this.stmt.run(m.rows, blob(m.nums), blob(m.caps), blob(m.args));
  }
}

/** Ingest state of one trace: the statements, and the paths ids met so far. */
class TraceIngest {
  private readonly ins: Inserter;
  private readonly pathIds = new Map<string, number>();
  private readonly findPath: Database.Statement;
  private readonly addPath: Database.Statement;
  private readonly insExec: Database.Statement;
  private readonly insSignal: Database.Statement;
  seq = 0;

  constructor(private readonly db: Db, private readonly traceId: number, private readonly firstId: number) {
    this.ins = new Inserter(db, traceId, firstId);
    this.findPath = db.prepare('SELECT id FROM paths WHERE path = ?').pluck();
    this.addPath = db.prepare('INSERT INTO paths (path) VALUES (?)');
    this.insExec = db.prepare('INSERT INTO execs (trace_id, pid, tid, ts_ns, filename, argv) VALUES (?, ?, ?, ?, ?, ?)');
    this.insSignal = db.prepare('INSERT INTO signals (trace_id, ts_ns, pid, tid, signo, signal) VALUES (?, ?, ?, ?, ?, ?)');
  }

  private pathId(path: string): number {
    let id = this.pathIds.get(path);
    if (id === undefined) {
      id = this.findPath.get(path) as number | undefined;
      if (id === undefined) id = Number(this.addPath.run(path).lastInsertRowid);
      this.pathIds.set(path, id);
    }
    return id;
  }

  private execs(rows: readonly ExecRow[]): void {
    for (const e of rows) this.insExec.run(this.traceId, e.pid, e.tid, e.ts, e.filename, e.argv);
  }

  /** Stores a batch: fills the rows' id and paths columns and inserts them, with the batch's execs and signals. */
  batch(m: BatchMessage): void {
    const n = m.rows;
    const ids = m.paths.map((p) => this.pathId(p));
    const idCol = numColumn(m.nums, CALL.ID, n);
    const pathCol = numColumn(m.nums, CALL.PATH, n);
    const path2Col = numColumn(m.nums, CALL.PATH2, n);
    const canonicalCol = numColumn(m.nums, CALL.CANONICAL, n);
    const pi = m.pathIndex;
    for (let i = 0; i < n; i++) {
      idCol[i] = this.firstId + this.seq++;
      const a = pi[3 * i]!, b = pi[3 * i + 1]!, k = pi[3 * i + 2]!;
      pathCol[i] = a < 0 ? NaN : ids[a]!;
      path2Col[i] = b < 0 ? NaN : ids[b]!;
      canonicalCol[i] = k < 0 ? NaN : ids[k]!;
    }
    this.ins.insert(m);
    // Values beyond 2^53, which the number columns hold rounded: exactly.
    for (const e of m.exact) this.db.prepare(`UPDATE calls SET ${EXACT_COLUMNS[e.column]} = ? WHERE id = ?`).run(e.value, this.firstId + this.seq - n + e.row);
    this.execs(m.execs);
    for (const s of m.signals as readonly SignalRow[]) this.insSignal.run(this.traceId, s.ts, s.pid, s.tid, s.signo, s.signal || null);
  }

  /** Writes what the whole trace gave: processes, sockets, per-syscall stats, the execs still pending. */
  finish(s: SummaryMessage): void {
    const db = this.db;
    const t = this.traceId;
    this.execs(s.execs);
    const insProc = db.prepare(`INSERT INTO processes (trace_id, pid, parent_pid, exe, argv, start_ns, end_ns, exit_status, exit_code, term_signal, threads, syscalls)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const p of s.processes) insProc.run(t, ...processValues(p));
    const insSocket = db.prepare(`INSERT INTO sockets (trace_id, pid, fd, call_id, family, type, protocol, local, peer, bytes_sent, bytes_received, calls, opened_ns, closed_ns)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const k of s.sockets) insSocket.run(t, ...socketValues(k, this.firstId));
    const names = db.prepare('INSERT OR IGNORE INTO syscall_names (nr, name, classes) VALUES (?, ?, ?)');
    const stat = db.prepare('INSERT INTO call_stats (trace_id, nr, calls, errors, total_ns, min_ns, max_ns) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const r of s.stats) {
      if (!r.known) names.run(r.nr, r.name, '');
      stat.run(t, r.nr, r.calls, r.errors, r.total, r.min, r.max);
    }
  }
}

/** The size of a trace file to read; a StoreError when it is missing or not a regular file. */
export function traceFileSize(file: string): number {
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new StoreError('NOT_A_FILE', `${file}: not a regular file`);
    return st.size;
  } catch (e) {
    if (e instanceof StoreError) throw e;
    throw new StoreError('NO_FILE', `${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}

/**
 * Adds a trace file to the store in one transaction. Returns the existing id,
 * changing nothing, when a file with the same content is already stored. A
 * damaged or cut-off file is stored up to its last complete batch and flagged.
 */
export async function ingestFile(db: Db, file: string, opts: IngestOptions = {}): Promise<IngestResult> {
  const size = traceFileSize(file);
  loadRowsExtension(db); // before any work: a missing extension is reported at once
  // A second thread reads the file and decodes the argument texts (it starts up while this one hashes the file);
  // this one follows the processes and their fds and runs SQLite.
  const feed = new DecodeFeed(file, opts.noData ?? false);
  try {
    return await ingestWith(db, file, size, feed, opts);
  } finally {
    feed.close();
  }
}

async function ingestWith(db: Db, file: string, size: number, feed: DecodeFeed, opts: IngestOptions): Promise<IngestResult> {
  const hash = hashFileSync(file);
  const stopped = (): boolean => opts.shouldStop?.() ?? false;

  db.exec('BEGIN IMMEDIATE');
  let done = false;
  try {
    const existing = db.prepare('SELECT id FROM traces WHERE hash = ?').pluck().get(hash) as number | undefined;
    if (existing !== undefined) {
      db.exec('ROLLBACK');
      done = true;
      const t = db.prepare('SELECT syscalls, data FROM traces WHERE id = ?').get(existing) as { syscalls: number; data: number | null };
      if (opts.noData && t.data !== 0) {
        throw new StoreError('HAS_DATA', `${file}: already stored as ${existing} with its captured data, which --no-data does not take out (bt-store rm ${existing}, then add it again)`);
      }
      return { id: existing, added: false, syscalls: t.syscalls, data: t.data !== 0 };
    }
    const firstId = ((db.prepare('SELECT max(id) FROM calls').pluck().get() as number | null) ?? 0) + 1;
    let header: Header | undefined;
    let trailer: Trailer | undefined;
    let ingest: TraceIngest | undefined;
    let traceId = 0;
    let problem: string | undefined;
    let complete = false;
    let data = true;
    let summary: SummaryMessage | undefined;
    for (;;) {
      const rec = await feed.next();
      if (stopped()) throw new StoreError('INTERRUPTED', 'interrupted: nothing was stored', EXIT.INTERRUPTED);
      if (rec.kind === 'header') {
        header = rec.header;
        data = keepsData(header, opts.noData ?? false);
        const start = traceStart(header, file, hash, size, data);
        traceId = traceIdOf(hash);
        const other = db.prepare('SELECT hash FROM traces WHERE id = ?').pluck().get(traceId) as string | undefined;
        if (other !== undefined) {
          throw new StoreError('ID_TAKEN', `${file}: its trace id ${traceId} (from its SHA-256) is taken by another stored trace (SHA-256 ${other}); not stored`);
        }
        const columns = Object.keys(start);
        db.prepare(`INSERT INTO traces (id, ${columns.join(', ')}) VALUES (?${', ?'.repeat(columns.length)})`).run(traceId, ...Object.values(start));
        ingest = new TraceIngest(db, traceId, firstId);
      } else if (rec.kind === 'unknown-abi') {
        throw new StoreError('UNKNOWN_ABI', `${file}: syscall table "${rec.abi}" is not known to this bt-store`);
      } else if (rec.kind === 'summary') {
        summary = rec;
      } else if (rec.kind === 'batch') {
        ingest!.batch(rec);
        opts.progress?.update(rec.offset, size, ingest!.seq);
        feed.recycle(rec);
        // One turn of the event loop per batch: while the worker keeps messages coming, Node delivers
        // them (and this loop runs) without polling for anything else, so a signal (Ctrl-C, which
        // sets shouldStop) would wait for the end of the ingest.
        await new Promise<void>((r) => setImmediate(r));
      } else if (rec.kind === 'trailer') {
        trailer = rec.trailer;
      } else if (rec.kind === 'end') {
        complete = rec.complete;
        if (rec.problem) problem = problemText(rec.problem);
        if (!header || !ingest) {
          throw new StoreError(rec.problem?.code ?? 'NOT_A_TRACE', `${file}: ${rec.problem?.message ?? 'not a beetrace trace'}; not stored`);
        }
        break;
      }
    }
    opts.progress?.done();
    if (stopped()) throw new StoreError('INTERRUPTED', 'interrupted: nothing was stored', EXIT.INTERRUPTED);
    const lastId = (db.prepare('SELECT max(id) FROM calls').pluck().get() as number | null) ?? 0;
    if (lastId !== firstId + ingest!.seq - 1) {
      throw new StoreError('INTERNAL', `calls ids ${firstId}..${lastId} do not match the ${ingest!.seq} calls stored; nothing was stored`);
    }
    if (!summary) throw new StoreError('INTERNAL', `${file}: the reading thread sent no summary; nothing was stored`);
    ingest!.finish(summary);
    const end = traceEnd(header!, trailer, summary, ingest!.seq, firstId, complete, problem);
    db.prepare(`UPDATE traces SET ${Object.keys(end).map((k) => `${k} = ?`).join(', ')} WHERE id = ?`).run(...Object.values(end), traceId);
    db.exec('COMMIT');
    done = true;
    const stateCalls = Number(trailer?.stateCalls ?? 0);
    const result = { id: traceId, added: true, syscalls: ingest!.seq, data, ...(stateCalls ? { stateCalls } : {}) };
    return problem === undefined ? result : { ...result, problem };
  } finally {
    if (!done && db.inTransaction) db.exec('ROLLBACK');
  }
}

/** Removes a stored trace and every row that belongs to it. False when there is no such id. */
export function removeTrace(db: Db, id: number): boolean {
  db.exec('BEGIN IMMEDIATE');
  try {
    const t = db.prepare('SELECT first_call_id AS a, last_call_id AS b FROM traces WHERE id = ?').get(id) as { a: number | null; b: number | null } | undefined;
    if (!t) {
      db.exec('ROLLBACK');
      return false;
    }
    if (t.a !== null && t.b !== null) {
      db.prepare('DELETE FROM calls WHERE id BETWEEN ? AND ?').run(t.a, t.b);
    }
    for (const table of ['processes', 'execs', 'signals', 'sockets', 'call_stats']) db.prepare(`DELETE FROM ${table} WHERE trace_id = ?`).run(id);
    db.prepare('DELETE FROM traces WHERE id = ?').run(id);
    db.prepare('DELETE FROM paths WHERE NOT EXISTS (SELECT 1 FROM calls WHERE path_id = paths.id) AND NOT EXISTS (SELECT 1 FROM calls WHERE path2_id = paths.id)'
      + ' AND NOT EXISTS (SELECT 1 FROM calls WHERE canonical_id = paths.id)').run();
    db.exec('COMMIT');
    return true;
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}
