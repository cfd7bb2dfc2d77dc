// Writing runs into a Parquet dataset (dataset.ts has the layout). A trace file's
// rows come from the decode worker, as bt-store add's do (ingest.ts): the same
// messages, made into the same values by rows.ts; only the sink differs. DuckDB,
// embedded, is the sink: one COPY per table writes its Parquet file; for calls it
// reads the batches held here through a table function (bt_staged_calls: each
// column copied into DuckDB's vectors as it came, no per-value call) and the
// batches' distinct strings from a string table. A run's calls go out a part (2^17
// calls) at a time, each a file: a part's COPY starts as soon as it is staged and
// runs while the worker decodes the next ones, on a connection of its own (three,
// used in turn: COPYs run at once, on both CPUs once the decoding has ended).
//
// Files are written beside their final name (mode 0600: made so before DuckDB
// writes, under a umask that keeps the one DuckDB makes so), then renamed into place: a failed export leaves no half-written
// file, and an existing file is replaced only with `force`.
import { chmodSync, closeSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DuckDBAppender, DuckDBConnection, DuckDBDataChunk, DuckDBInstance, DuckDBValue } from '@duckdb/node-api';
import { errnoNames } from '@beetrace/analyze/decode';
import { type Header, makePrivateDir, openPrivateFile, PRIVATE_FILE_MODE, type Progress, type Trailer } from '@beetrace/format';
import { CALL, CALL_COLUMNS, EXACT_COLUMNS, numColumn } from './bulk.js';
import { abiRows, type Db, EXIT, StoreError } from './db.js';
import {
  checkDatasetVersion, columnsDdl, DATASET_MARKER, DATASET_VERSION, PARQUET_TABLES, type PartitionKey, sqlString, tableSource, TRACE_TABLES, type TraceTable,
  writeDatasetMarker,
} from './dataset.js';
import type { BatchMessage, SummaryMessage } from './decode-worker.js';
import { bindings as duckdb, duckdb as duck } from './duckdb.js';
import { DecodeFeed } from './decode-feed.js';
import { hashFileSync, traceFileSize } from './ingest.js';
import { keepsData, problemText, processValues, socketValues, traceEnd, traceIdOf, traceStart } from './rows.js';

export interface ParquetOptions {
  /** Hive-style folders under each table, in this order (host=..., date=YYYY-MM-DD). */
  readonly partition?: readonly PartitionKey[];
  /** Replace a trace's existing files. */
  readonly force?: boolean;
  /** Leave captured data out, as bt-store add --no-data. */
  readonly noData?: boolean;
  /** The host name to record (and partition by) instead of the recording's. */
  readonly host?: string;
  /** The command named in messages (default bt-export). */
  readonly tool?: string;
  /** Calls per file (default 2^17): a longer run's calls are written a part at a time, each a file. */
  readonly partRows?: number;
  /**
   * A decode worker started ahead, for the first trace add() reads: without a file (new DecodeFeed()), or
   * already reading that trace (bt-export starts it before it loads anything else, and gives it its first trace before it loads DuckDB). Without, open() starts one as DuckDB starts, unless
   * `readAhead` is false (bt-store export, which reads a store, not trace files).
   */
  readonly reader?: DecodeFeed;
  readonly readAhead?: boolean;
  readonly shouldStop?: () => boolean;
}

export interface ParquetResult {
  readonly id: number;
  readonly syscalls: number;
  /** The files written, one per table. */
  readonly files: readonly string[];
  /** Set when only part of the trace could be read: where reading stopped. */
  readonly problem?: string;
}

/**
 * Parquet writer settings: zstd; row groups of 256Ki rows (large enough for scans: a group of
 * calls is ~1 MiB compressed; larger ones cost the writer more memory: measured 880 MiB peak with
 * 1Mi-row groups, 690 MiB with these, for the 1M-syscall storm); the schema version in every file's metadata.
 */
const COPY_OPTIONS = `FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 262144, KV_METADATA {beetrace_schema_version: '${DATASET_VERSION}'}`;
/**
 * Calls per file of a run's calls: a run's are written a part at a time, each a file (one row group),
 * each part's COPY while the next ones are decoded. Small enough that the first COPY starts early and
 * the last one, which nothing overlaps, is short (measured against 2^18: BENCHMARKS.md).
 */
const PART_ROWS = 1 << 17;
/**
 * Connections the parts are staged and written on, in turn (a part's string tables are temporary
 * tables of its connection): a part is staged on one once the COPY of the part staged there before
 * has ended, so at most three parts are held (memory stays bounded) and up to three COPYs run at once.
 */
const PART_CONNECTIONS = 3;
const CALLS = TRACE_TABLES.indexOf('calls');

/** A folder name's value, hive-style: characters other than [A-Za-z0-9._-] as %XX. */
function folderValue(v: string): string {
  return v.replace(/[^A-Za-z0-9._-]/g, (ch) => [...Buffer.from(ch)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('')) || 'unknown';
}

/** The hive folders of a trace: host=...(/date=...), in the order given. */
function partitionPath(keys: readonly PartitionKey[], host: string | null, startEpochNs: number): string {
  return keys.map((k) => {
    if (k === 'host') return `host=${folderValue(host ?? '')}`;
    return `date=${startEpochNs ? new Date(startEpochNs / 1e6).toISOString().slice(0, 10) : 'unknown'}`;
  }).join('/');
}

/** The number columns staged: all but the paths ids (the SQLite ingest's; here the paths are strings). */
const STAGED = Array.from({ length: CALL_COLUMNS }, (_, k) => k).filter((k) => k !== CALL.PATH && k !== CALL.PATH2);

/**
 * A dataset being written: one DuckDB for the whole run of exports. add() takes
 * trace files, addStored() traces from an SQLite store.
 */
export class DatasetWriter {
  private nextId = 1;
  private temps = 0;
  /** The calls staged, by the number bt_staged_calls(k) takes. */
  readonly stages = new Map<number, CallStage>();
  private stageCount = 0;
  private abiWritten = new Set<string>();
  /** COPYs running: the umask that makes DuckDB's files private is set while any runs. */
  private copying = 0;
  private umask = 0;
  /**
   * A decode worker started ahead (its modules loaded) for the next add(), from open() and again after
   * each add(): reading a trace does not wait for a thread to start (~0.1 s).
   */
  private reader: DecodeFeed | undefined;
  /** The string-index columns of the parts staged on each part connection, reused part after part. */
  private readonly indexes: IndexColumns[] = [];

  private constructor(private readonly dir: string, private readonly opts: ParquetOptions, private readonly instance: DuckDBInstance,
    private readonly con: DuckDBConnection, private readonly partCons: readonly DuckDBConnection[]) {}

  /** Opens (or creates, mode 0700) the dataset folder; refuses one of a newer schema version. */
  static async open(dir: string, opts: ParquetOptions = {}): Promise<DatasetWriter> {
    if (existsSync(dir) && !statSync(dir).isDirectory()) throw new StoreError('NOT_A_DIRECTORY', `${dir} is not a directory (a dataset is a folder)`);
    const version = checkDatasetVersion(dir, opts.tool ?? 'bt-export');
    if (version === undefined && existsSync(dir) && readdirSync(dir).length > 0) {
      throw new StoreError('NOT_A_DATASET', `${dir} is a folder with other files, not a beetrace dataset (no ${DATASET_MARKER}); give a new or empty folder`);
    }
    try {
      makePrivateDir(dir);
      if (version === undefined) await writeDatasetMarker(dir);
    } catch (e) {
      throw new StoreError('WRITE_FAILED', `cannot write ${dir}: ${(e as Error).message.replace(/^\w+: /, '')}`);
    }
    // The first trace's decode worker starts as DuckDB does.
    const reader = opts.reader ?? (opts.readAhead === false ? undefined : new DecodeFeed());
    let w: DatasetWriter;
    try {
      // One DuckDB thread per query: a COPY writes one file on one thread (a second one measured no faster,
      // at more CPU); parts' COPYs, on their own connections, run at once.
      const instance = await duck.DuckDBInstance.create(':memory:', { threads: '1' });
      const con = await instance.connect();
      const partCons: DuckDBConnection[] = [];
      for (let k = 0; k < PART_CONNECTIONS; k++) partCons.push(await instance.connect());
      w = new DatasetWriter(dir, opts, instance, con, partCons);
    } catch (e) {
      reader?.close();
      throw e;
    }
    w.reader = reader;
    const con = w.con;
    // The calls being written, read by COPY straight from the batches held in this process (a table
    // function, run on this thread): measured twice as fast as appending them to a table first.
    con.registerTableFunction(duck.DuckDBTableFunction.create({
      name: 'bt_staged_calls',
      parameterTypes: [duck.INTEGER],
      bindFunction: (info) => {
        for (const k of STAGED) info.addResultColumn(`n${k}`, duck.DOUBLE);
        for (const c of ['path', 'path2', 'canonical', 'args', 'caps']) info.addResultColumn(c, duck.INTEGER);
        info.setBindData({ stage: w.stages.get(Number(info.getParameter(0))) });
      },
      initFunction: () => {},
      mainFunction: (info, out) => {
        const stage = (info.bindData as { stage?: CallStage } | undefined)?.stage;
        if (stage) stage.emit(out);
        else out.rowCount = 0;
      },
    }));
    // Call ids go on from the dataset's last, as a store's do.
    if (existsSync(join(dir, 'traces'))) {
      try {
        const r = await con.runAndReadAll(`SELECT max(last_call_id) FROM ${tableSource(dir, 'traces')}`);
        const v = r.getRows()[0]?.[0];
        if (v !== null && v !== undefined) w.nextId = Number(v) + 1;
      } catch {
        // no files yet
      }
    }
    return w;
  }

  close(): void {
    this.reader?.close();
    this.reader = undefined;
    for (const c of this.partCons) c.closeSync();
    this.con.closeSync();
    this.instance.closeSync();
  }

  private path(table: string, partition: string, name: string): string {
    return join(this.dir, table, partition, `${name}.parquet`);
  }

  /** Refuses to replace a trace's files unless forced. */
  private checkFree(files: readonly string[]): void {
    if (this.opts.force) return;
    const taken = files.find((f) => existsSync(f));
    if (taken) throw new StoreError('EXISTS', `${taken} exists (this run is in the dataset already); --force replaces it`);
  }

  /** COPY (select) TO a new 0600 file in `folder` (made 0700 when missing), under a name no reader takes; its path. */
  private async copyTemp(select: string, folder: string, con = this.con): Promise<string> {
    const tmp = join(folder, `.${process.pid}-${++this.temps}.tmp`);
    try {
      makePrivateDir(folder);
      closeSync(openPrivateFile(tmp, 'wx'));
      // DuckDB writes a new file in place of the one made private: created under a umask that leaves it 0600.
      if (this.copying++ === 0) this.umask = process.umask(0o077);
      try {
        await con.run(`COPY (${select}) TO ${sqlString(tmp)} (${COPY_OPTIONS})`);
      } finally {
        if (--this.copying === 0) process.umask(this.umask);
      }
      chmodSync(tmp, PRIVATE_FILE_MODE);
      return tmp;
    } catch (e) {
      rmSync(tmp, { force: true });
      throw new StoreError('WRITE_FAILED', `cannot write in ${folder}: ${(e as Error).message.replace(/^\w+: /, '')}`);
    }
  }

  /** COPY (select) TO file: through a 0600 file beside it, renamed into place. */
  private async copy(select: string, file: string): Promise<void> {
    renameSync(await this.copyTemp(select, dirname(file)), file);
  }

  /** The syscall table's names and capture kinds of an ABI, once per dataset (and per unknown number met). */
  private async writeAbi(abi: string, unknown: readonly (readonly [number, string])[], name: string): Promise<string[]> {
    const files: string[] = [];
    const rows = abiRows(abi);
    const write = async (table: string, file: string, values: readonly (readonly (string | number)[])[]): Promise<void> => {
      await this.con.run(`CREATE OR REPLACE TEMP TABLE st_abi (${columnsDdl(table)})`);
      await appendRows(this.con, 'st_abi', table, values);
      await this.copy('SELECT * FROM st_abi', file);
      files.push(file);
    };
    const namesFile = join(this.dir, 'syscall_names', `${folderValue(abi)}.parquet`);
    if (!this.abiWritten.has(abi) && (this.opts.force || !existsSync(namesFile))) {
      await write('syscall_names', namesFile, rows.names);
      await write('capture_kinds', join(this.dir, 'capture_kinds', `${folderValue(abi)}.parquet`), rows.kinds);
    }
    this.abiWritten.add(abi);
    if (unknown.length > 0) await write('syscall_names', join(this.dir, 'syscall_names', `${folderValue(abi)}-${name}.parquet`), unknown.map(([nr, n]) => [nr, n, '']));
    return files;
  }

  /** Exports one trace file. A damaged one is exported as far as it reads (`problem` says where it stopped). */
  async add(file: string, progress?: Progress): Promise<ParquetResult> {
    const size = traceFileSize(file);
    const noData = this.opts.noData ?? false;
    let feed = this.reader;
    this.reader = undefined;
    // A worker given this file already (bt-export starts reading its first trace before it loads DuckDB) goes on; one given another is not used.
    if (feed?.started && !feed.reads(file, noData)) {
      feed.close();
      feed = undefined;
    }
    feed ??= new DecodeFeed();
    if (!feed.started) feed.read(file, noData);
    try {
      return await this.addFrom(file, size, feed, progress);
    } finally {
      feed.close();
      // The next trace's worker starts now, while the caller moves on.
      if (this.opts.readAhead !== false) this.reader = new DecodeFeed();
    }
  }

  /** A new stage for the calls from `rows` on, on the part connection `turn`; bt_staged_calls(k) reads it. */
  private async newStage(turn: number, rows: number): Promise<CallStage> {
    const k = ++this.stageCount;
    const c = turn % this.partCons.length;
    const stage = new CallStage(this.partCons[c]!, (this.indexes[c] ??= new IndexColumns()), k, this.nextId, rows);
    this.stages.set(k, stage);
    await stage.create();
    return stage;
  }

  /** Forgets a stage; its batches' number buffers go back to `feed`'s worker to fill again. */
  private dropStage(stage: CallStage, feed?: DecodeFeed): void {
    stage.close();
    this.stages.delete(stage.key);
    if (feed) for (const m of stage.drop()) feed.recycle(m);
  }

  private async addFrom(file: string, size: number, feed: DecodeFeed, progress: Progress | undefined): Promise<ParquetResult> {
    const hash = hashFileSync(file);
    const id = traceIdOf(hash);
    const name = hash.slice(0, 16);
    const firstId = this.nextId;
    const con = this.con;
    let header: Header | undefined;
    let trailer: Trailer | undefined;
    let summary: SummaryMessage | undefined;
    let start: ReturnType<typeof traceStart> | undefined;
    let files: string[] = [];
    let partition = '';
    let problem: string | undefined;
    let complete = false;
    const execs: (string | number | null)[][] = [];
    const signals: (string | number | null)[][] = [];
    /** Files of the calls' parts written so far, not yet in place (removed when the export fails). */
    const parts: string[] = [];
    /** The other tables' files, likewise. */
    const temps: string[] = [];
    /** The parts' COPYs, in order. */
    const copies: Promise<string>[] = [];
    let turn = 0;
    let stage = await this.newStage(turn, 0);
    /** Starts writing the staged part (its stage dropped once written); the next part is staged on the next connection, once the COPY of the part staged there before has ended. */
    const writePart = (last: boolean): Promise<void> | undefined => {
      const s = stage;
      const select = s.select(id);
      // Each part's COPY starts as soon as it is staged; its batches go back to the worker once written.
      const copy = this.copyTemp(select, dirname(files[CALLS]!), s.con).finally(() => this.dropStage(s, feed));
      copy.catch(() => {}); // awaited below, in order; a failure is not an unhandled rejection meanwhile
      copies.push(copy);
      if (last) return undefined;
      turn++;
      return (async () => {
        if (copies.length >= this.partCons.length) await copies[copies.length - this.partCons.length];
        stage = await this.newStage(turn, s.rows);
      })();
    };
    try {
      for (;;) {
        const rec = await feed.next();
        if (this.opts.shouldStop?.()) throw new StoreError('INTERRUPTED', 'interrupted: nothing of this trace was written', EXIT.INTERRUPTED);
        if (rec.kind === 'header') {
          header = rec.header;
          start = traceStart(header, file, hash, size, keepsData(header, this.opts.noData ?? false));
          if (this.opts.host !== undefined) start = { ...start, host: this.opts.host };
          partition = partitionPath(this.opts.partition ?? [], start.host, start.start_epoch_ns);
          files = TRACE_TABLES.map((t) => this.path(t, partition, name));
          this.checkFree(files);
        } else if (rec.kind === 'unknown-abi') {
          throw new StoreError('UNKNOWN_ABI', `${file}: syscall table "${rec.abi}" is not known to this bt-export`);
        } else if (rec.kind === 'batch') {
          stage.batch(rec);
          // The calls go out a part at a time (memory stays bounded): each part a file of its own, written while the next is read.
          if (stage.partRows >= (this.opts.partRows ?? PART_ROWS)) await writePart(false);
          for (const e of rec.execs) execs.push([id, e.pid, e.tid, e.ts, e.filename, e.argv]);
          for (const s of rec.signals) signals.push([id, s.ts, s.pid, s.tid, s.signo, s.signal || null]);
          progress?.update(rec.offset, size, stage.rows);
          // No feed.recycle(rec) here: the batch's number buffer is held until its part is written.
        } else if (rec.kind === 'summary') {
          summary = rec;
        } else if (rec.kind === 'trailer') {
          trailer = rec.trailer;
        } else if (rec.kind === 'end') {
          complete = rec.complete;
          if (rec.problem) problem = problemText(rec.problem);
          if (!header || !start) throw new StoreError(rec.problem?.code ?? 'NOT_A_TRACE', `${file}: ${rec.problem?.message ?? 'not a beetrace trace'}; nothing written`);
          break;
        }
      }
      progress?.done();
      if (!summary) throw new StoreError('INTERNAL', `${file}: the reading thread sent no summary; nothing written`);
      for (const e of summary.execs) execs.push([id, e.pid, e.tid, e.ts, e.filename, e.argv]);
      const end = traceEnd(header!, trailer, summary, stage.rows, firstId, complete, problem);
      const small: Record<Exclude<TraceTable, 'calls'>, (string | number | null)[][]> = {
        traces: [traceRow(id, start!, end)],
        processes: summary.processes.map((p) => [id, ...processValues(p)]),
        execs,
        signals,
        sockets: summary.sockets.map((k) => [id, ...socketValues(k, firstId)]),
        call_stats: summary.stats.map((r) => [id, r.nr, r.calls, r.errors, r.total, r.min, r.max]),
      };
      const written: string[] = [];
      if (copies.length === 0 || stage.partRows > 0) writePart(true);
      else this.dropStage(stage);
      // The other tables are written while the last parts' COPYs run, every file put in place once all are written.
      const smallFiles = new Map<string, string>();
      for (const table of TRACE_TABLES) {
        if (table === 'calls') continue;
        await con.run(`CREATE OR REPLACE TEMP TABLE st_small (${columnsDdl(table)})`);
        await appendRows(con, 'st_small', table, small[table]);
        const tmp = await this.copyTemp('SELECT * FROM st_small', dirname(this.path(table, partition, name)));
        temps.push(tmp);
        smallFiles.set(table, tmp);
      }
      for (const c of copies) parts.push(await c);
      copies.length = 0;
      for (const table of TRACE_TABLES) {
        const target = this.path(table, partition, name);
        if (table === 'calls') written.push(...this.placeParts(parts, target, name));
        else renameSync(smallFiles.get(table)!, target);
        written.push(target);
      }
      temps.length = 0;
      const unknown = summary.stats.filter((r) => !r.known).map((r) => [r.nr, r.name] as const);
      written.push(...await this.writeAbi(start!.abi, unknown, name));
      this.nextId = firstId + stage.rows;
      const result = { id, syscalls: stage.rows, files: written };
      return problem === undefined ? result : { ...result, problem };
    } finally {
      // A failed export: its parts' COPYs finished (or failed), their files removed, its stages dropped.
      for (const c of await Promise.allSettled(copies)) if (c.status === 'fulfilled') parts.push(c.value);
      for (const s of [...this.stages.values()]) this.dropStage(s);
      for (const tmp of [...parts, ...temps]) rmSync(tmp, { force: true });
    }
  }

  /**
   * Puts a run's calls files in place: NAME.parquet, NAME-1.parquet... (parts of the run exported
   * before, with --force, are removed first); `parts` is emptied. The files after the first.
   */
  private placeParts(parts: string[], target: string, name: string): string[] {
    const folder = dirname(target);
    const more: string[] = [];
    for (const f of readdirSync(folder)) if (f.startsWith(`${name}-`) && f.endsWith('.parquet')) rmSync(join(folder, f));
    parts.forEach((tmp, k) => {
      const to = k === 0 ? target : join(folder, `${name}-${k}.parquet`);
      renameSync(tmp, to);
      if (k > 0) more.push(to);
    });
    parts.length = 0;
    return more;
  }

  /** Exports the traces of an SQLite store (bt-store export): its rows as stored, its trace and call ids kept. */
  async addStored(db: Db, done?: (r: ParquetResult) => void): Promise<ParquetResult[]> {
    const results: ParquetResult[] = [];
    const traces = db.prepare('SELECT * FROM traces ORDER BY first_call_id, id').all() as Record<string, string | number | null>[];
    const con = this.con;
    for (const t of traces) {
      const id = Number(t.id);
      const name = String(t.hash).slice(0, 16);
      const host = this.opts.host ?? (t.host as string | null);
      const partition = partitionPath(this.opts.partition ?? [], host, Number(t.start_epoch_ns ?? 0));
      const files = TRACE_TABLES.map((table) => this.path(table, partition, name));
      this.checkFree(files);
      const row = PARQUET_TABLES.traces!.map(([c]) => (c === 'host' ? host : c === 'start_time' ? t.start_epoch_ns ?? 0 : t[c] ?? null));
      const first = t.first_call_id === null ? 1 : Number(t.first_call_id);
      const last = t.last_call_id === null ? 0 : Number(t.last_call_id);
      const pathOf: Record<string, string> = { path: 'p.path', path2: 'q.path', canonical_path: 'k.path' };
      const calls = PARQUET_TABLES.calls!.map(([c]) => pathOf[c] ?? `c.${c}`).join(', ');
      const callRows = db.prepare(`SELECT ${calls} FROM calls c LEFT JOIN paths p ON p.id = c.path_id LEFT JOIN paths q ON q.id = c.path2_id
        LEFT JOIN paths k ON k.id = c.canonical_id
        WHERE c.id BETWEEN ? AND ? ORDER BY c.id`).raw(true).safeIntegers(true);
      const extra: string[] = [];
      const parts: string[] = [];
      try {
        for (const table of TRACE_TABLES) {
          const target = files[TRACE_TABLES.indexOf(table)]!;
          const stage = async (rows: Iterable<unknown[]>): Promise<string> => {
            await con.run(`CREATE OR REPLACE TEMP TABLE st_small (${columnsDdl(table)})`);
            await appendRows(con, 'st_small', table, rows);
            return this.copyTemp('SELECT * FROM st_small', dirname(target));
          };
          if (table === 'calls') {
            // A part at a time, as bt-export writes them.
            const per = this.opts.partRows ?? PART_ROWS;
            for (let a = first; a <= last || parts.length === 0; a += per) parts.push(await stage(callRows.iterate(a, Math.min(last, a + per - 1)) as Iterable<unknown[]>));
            extra.push(...this.placeParts(parts, target, name));
          } else {
            const rows = table === 'traces' ? [row]
              : db.prepare(`SELECT ${PARQUET_TABLES[table]!.map(([c]) => c).join(', ')} FROM ${table} WHERE trace_id = ?`).raw(true).safeIntegers(true).iterate(id) as Iterable<unknown[]>;
            renameSync(await stage(rows), target);
          }
        }
      } finally {
        for (const tmp of parts) rmSync(tmp, { force: true });
      }
      const unknown = db.prepare(`SELECT DISTINCT s.nr, n.name FROM call_stats s JOIN syscall_names n ON n.nr = s.nr WHERE s.trace_id = ? AND n.classes = ''`)
        .raw(true).all(id) as [number, string][];
      const written = [...files, ...extra, ...await this.writeAbi(String(t.abi ?? 'x86_64'), unknown, name)];
      const r = { id, syscalls: Number(t.syscalls), files: written };
      results.push(r);
      done?.(r);
    }
    return results;
  }
}

/** The traces row: the id, then the start and end columns in the table's order. */
function traceRow(id: number, start: ReturnType<typeof traceStart>, end: ReturnType<typeof traceEnd>): (string | number | null)[] {
  const all: Record<string, string | number | null> = { id, ...start, ...end };
  // start_time as a timestamp: from the epoch nanoseconds.
  all.start_time = start.start_epoch_ns;
  return PARQUET_TABLES.traces!.map(([c]) => all[c] ?? null);
}

/**
 * Appends rows to a staging table whose columns are `table`'s Parquet columns: a data chunk of
 * 2048 rows at a time (numbers written into the chunk's vectors, one copy per column; measured
 * against one appender call per value in BENCHMARKS.md).
 */
async function appendRows(con: DuckDBConnection, staging: string, table: string, rows: Iterable<readonly unknown[]>): Promise<void> {
  const types = PARQUET_TABLES[table]!.map(([, t]) => t);
  const duckTypes = types.map((t) => (t === 'VARCHAR' ? duck.VARCHAR : t === 'INTEGER' ? duck.INTEGER : t === 'TIMESTAMP_NS' ? duck.TIMESTAMP_NS : duck.BIGINT));
  const size = duckdb.vector_size();
  const app: DuckDBAppender = await con.createAppender(staging);
  let chunk: DuckDBValue[][] = [];
  const flush = (): void => {
    const c = duck.DuckDBDataChunk.create(duckTypes, chunk.length);
    c.setRows(chunk);
    app.appendDataChunk(c);
    chunk = [];
  };
  try {
    for (const row of rows) {
      const out: DuckDBValue[] = new Array<DuckDBValue>(types.length);
      for (let k = 0; k < types.length; k++) {
        const v = row[k];
        if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) out[k] = null;
        else if (types[k] === 'VARCHAR') out[k] = String(v);
        else if (types[k] === 'INTEGER') out[k] = Number(v);
        else if (types[k] === 'TIMESTAMP_NS') out[k] = Number(v) === 0 ? null : new duck.DuckDBTimestampNanosecondsValue(BigInt(Math.round(Number(v))));
        else out[k] = typeof v === 'bigint' ? v : BigInt(Math.round(Number(v)));
      }
      chunk.push(out);
      if (chunk.length === size) flush();
    }
    if (chunk.length > 0) flush();
  } finally {
    app.closeSync();
  }
}

// The per-row loops of CallStage.batch, as functions of their own: each compiles once, small and with stable
// types, where inlined in batch() they made it one large function that V8 compiled 9 times over an export
// (a deoptimization each time a part's stage changed a field's type), ~260 ms of its compiler threads.

/** Call ids from `first` on, into `col`. */
function fillIds(col: Float64Array, first: number): void {
  for (let i = 0; i < col.length; i++) col[i] = first + i;
}

/**
 * Row indexes into a batch's strings (`from[offset + stride * i]`, -1 for none), written into `out` from `at` on as
 * 1-based indexes into the part's strings, whose first `base` came before: DuckDB's list indexes (0 gives NULL).
 */
function listIndexes(from: Int32Array, offset: number, rows: number, base: number, out: Int32Array, at: number, stride = 1): void {
  for (let i = 0; i < rows; i++) {
    const k = from[offset + stride * i]!;
    out[at + i] = k < 0 ? 0 : k + base + 1;
  }
}

/**
 * The string-index columns of a part's calls (path, path2, canonical, args, caps: 1-based indexes
 * into the part's strings, 0 for none), one array each for the whole part. A connection's are reused by
 * the part staged on it next (its COPY has ended by then): memory touched once, not once per batch.
 */
class IndexColumns {
  cols: Int32Array<ArrayBuffer>[] = Array.from({ length: 5 }, () => new Int32Array(0));

  /** Room for `rows` rows, the first `kept` kept. */
  reserve(rows: number, kept: number): void {
    if (rows <= this.cols[0]!.length) return;
    const size = Math.max(rows + (rows >> 4), PART_ROWS + (PART_ROWS >> 4));
    this.cols = this.cols.map((c) => {
      const grown = new Int32Array(size);
      grown.set(c.subarray(0, kept));
      return grown;
    });
  }
}

/**
 * The calls of one trace (or of one part of it) on their way to Parquet: each
 * batch as the decode worker sent it (its number columns, src/bulk.ts), held until
 * the COPY reads it through emit(), and each batch's distinct strings in a string
 * table; select() makes the Parquet columns from them.
 */
class CallStage {
  /** Rows staged since the last part was written. */
  partRows = 0;
  private strings = 0;
  private readonly width: number;
  /** The batches of the part being staged: their number columns, and where their rows start in the index columns. */
  private held: { n: number; start: number; nums: Float64Array<ArrayBuffer>; m: BatchMessage }[] = [];
  /** Where emit() is: batch, row. */
  private at = 0;
  private row = 0;
  private text: DuckDBAppender | undefined;
  private exact: DuckDBAppender | undefined;
  private exactCount = 0;
  private readonly closed = new Set<DuckDBAppender>();

  /**
   * On `con` (its string tables are temporary tables of that connection), read by bt_staged_calls(`key`);
   * the trace's first call has id `firstId`, this part's first is the trace's `rows`-th.
   */
  constructor(readonly con: DuckDBConnection, private readonly ix: IndexColumns, readonly key: number, private readonly firstId: number, public rows: number) {
    this.width = duckdb.vector_size();
  }

  /** (Re)starts the staging: for the trace, then after each part written. */
  async create(): Promise<void> {
    this.close();
    this.closed.clear();
    this.partRows = 0;
    this.strings = 0;
    this.exactCount = 0;
    this.held = [];
    await this.con.run('CREATE OR REPLACE TEMP TABLE st_text (i INTEGER, s VARCHAR)');
    await this.con.run('CREATE OR REPLACE TEMP TABLE st_exact (id BIGINT, col INTEGER, v BIGINT)');
    this.text = await this.con.createAppender('st_text');
    this.exact = await this.con.createAppender('st_exact');
  }

  /**
   * Adds the distinct strings of a text column (bulk.ts layout) and writes its row indexes into `out` from
   * `at` on, made global and 1-based, as DuckDB's list indexes are (none, -1, becomes 0: indexing a list at 0 gives NULL).
   */
  private textColumn(buf: Uint8Array, out: Int32Array, at: number): void {
    const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    const rows = b.readUInt32LE(0);
    const count = b.readUInt32LE(4);
    const index = new Int32Array(buf.buffer, buf.byteOffset + 8, rows);
    const offsets = new Uint32Array(buf.buffer, buf.byteOffset + 8 + 4 * rows, count + 1);
    const head = 8 + 4 * rows + 4 * (count + 1);
    const base = this.strings;
    for (let j = 0; j < count; j++) {
      this.text!.appendInteger(base + j);
      this.text!.appendVarchar(b.toString('utf8', head + offsets[j]!, head + offsets[j + 1]!));
      this.text!.endRow();
    }
    this.strings += count;
    listIndexes(index, 0, rows, base, out, at);
  }

  private strings1(list: readonly string[]): number {
    const base = this.strings;
    for (let j = 0; j < list.length; j++) {
      this.text!.appendInteger(base + j);
      this.text!.appendVarchar(list[j]!);
      this.text!.endRow();
    }
    this.strings += list.length;
    return base;
  }

  batch(m: BatchMessage): void {
    const n = m.rows;
    fillIds(numColumn(m.nums, CALL.ID, n), this.firstId + this.rows);
    const pathBase = this.strings1(m.paths);
    const start = this.partRows;
    this.ix.reserve(start + n, start);
    const [path, path2, canonical, args, caps] = this.ix.cols as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
    // The path indexes come 3 a row (path, path2, canonical).
    listIndexes(m.pathIndex, 0, n, pathBase, path, start, 3);
    listIndexes(m.pathIndex, 1, n, pathBase, path2, start, 3);
    listIndexes(m.pathIndex, 2, n, pathBase, canonical, start, 3);
    this.textColumn(m.args, args, start);
    this.textColumn(m.caps, caps, start);
    this.held.push({ n, start, nums: m.nums, m });
    for (const e of m.exact) {
      this.exact!.appendBigInt(BigInt(this.firstId + this.rows + e.row));
      this.exact!.appendInteger(e.column);
      this.exact!.appendBigInt(e.value);
      this.exact!.endRow();
      this.exactCount++;
    }
    this.rows += n;
    this.partRows += n;
  }

  /**
   * The next chunk of the staged rows for the table function bt_staged_calls() (columns n<k> of
   * STAGED, then path, path2, canonical, args, caps): each column copied from the batch as it came; no rows at the end.
   */
  emit(out: DuckDBDataChunk): void {
    const b = this.held[this.at];
    if (!b) {
      out.rowCount = 0;
      return;
    }
    const s = this.row;
    const k = Math.min(this.width, b.n - s);
    out.rowCount = k;
    for (let j = 0; j < STAGED.length; j++) {
      duckdb.copy_data_to_vector(duckdb.data_chunk_get_vector(out.chunk, j), 0, b.nums.buffer, b.nums.byteOffset + (STAGED[j]! * b.n + s) * 8, k * 8);
    }
    this.ix.cols.forEach((col, j) => {
      duckdb.copy_data_to_vector(duckdb.data_chunk_get_vector(out.chunk, STAGED.length + j), 0, col.buffer, col.byteOffset + (b.start + s) * 4, k * 4);
    });
    this.row += k;
    if (this.row >= b.n) {
      this.at++;
      this.row = 0;
    }
  }

  /** The batches staged, forgotten here. */
  drop(): BatchMessage[] {
    const batches = this.held.map((b) => b.m);
    this.held = [];
    return batches;
  }

  /** Closes the appenders (flushing what they hold); again is harmless. */
  close(): void {
    for (const a of [this.text, this.exact]) {
      if (a && !this.closed.has(a)) {
        this.closed.add(a);
        a.closeSync();
      }
    }
  }

  /** The calls rows, in the Parquet table's columns and order. */
  select(traceId: number): string {
    this.close();
    this.at = 0;
    this.row = 0;
    const num = (k: number, type: string): string => {
      // NaN (NULL in the number columns) casts to NULL.
      const rounded = `TRY_CAST(n${k} AS ${type})`;
      return this.exactCount > 0 && EXACT_COLUMNS[k] !== undefined ? `coalesce(x.c${k}, ${rounded})` : rounded;
    };
    const names: string[] = [];
    for (const [nr, name] of errnoNames()) names[nr] = name;
    const errnoList = `[${Array.from(names, (x) => (x === undefined ? 'NULL' : sqlString(x))).join(', ')}]::VARCHAR[]`;
    const ret = num(CALL.RET, 'BIGINT');
    // The string columns' indexes are 1-based, 0 for none: a list lookup alone (no CASE, no addition per row).
    const text = (col: string): string => `t.l[${col}]`;
    const cols: Record<string, string> = {
      id: num(CALL.ID, 'BIGINT'), trace_id: `CAST(${traceId} AS BIGINT)`, seq: `CAST(n${CALL.ID} - ${this.firstId} AS BIGINT)`,
      pid: num(CALL.PID, 'INTEGER'), tid: num(CALL.TID, 'INTEGER'), nr: num(CALL.NR, 'INTEGER'), ret,
      errno: `CASE WHEN n${CALL.FAILED} = 1 THEN ifnull(e.l[CAST(-${ret} AS BIGINT) + 1], 'E' || CAST(-${ret} AS VARCHAR)) END`,
      ts_ns: num(CALL.TS, 'BIGINT'), dur_ns: num(CALL.DUR, 'BIGINT'),
      arg0: num(CALL.ARG0, 'BIGINT'), arg1: num(CALL.ARG0 + 1, 'BIGINT'), arg2: num(CALL.ARG0 + 2, 'BIGINT'),
      arg3: num(CALL.ARG0 + 3, 'BIGINT'), arg4: num(CALL.ARG0 + 4, 'BIGINT'), arg5: num(CALL.ARG0 + 5, 'BIGINT'),
      flags: num(CALL.FLAGS, 'INTEGER'), path: text('path'), path2: text('path2'), fd: num(CALL.FD, 'INTEGER'), canonical_path: text('canonical'), caps: text('caps'), args: text('args'),
    };
    return `SELECT ${PARQUET_TABLES.calls!.map(([c]) => `${cols[c]} AS "${c}"`).join(', ')}
      FROM bt_staged_calls(${this.key}) c${this.exactCount === 0 ? '' : `
      LEFT JOIN (SELECT id, ${Object.keys(EXACT_COLUMNS).map((k) => `max(v) FILTER (WHERE col = ${k}) AS c${k}`).join(', ')} FROM st_exact GROUP BY id) x
        ON x.id = CAST(c.n${CALL.ID} AS BIGINT)`}
      CROSS JOIN (SELECT list(s ORDER BY i) AS l FROM st_text) t CROSS JOIN (SELECT ${errnoList} AS l) e`;
  }
}
