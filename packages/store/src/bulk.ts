// Bulk rows for the ingest: the bt_rows SQLite extension (native/bt_rows.c) and
// the column buffers it reads. A batch of rows goes into SQLite as one INSERT
// ... SELECT ... FROM bt_rows(nrows, nums, text0, text1) that binds four
// values, instead of one bound value per column per row (binding a value from
// JavaScript costs far more than SQLite's own work per value).
//
// The extension is loaded (db.ts: loadRowsExtension) into better-sqlite3's own
// SQLite, on the connection that ingests, and only there: the stored database is
// plain SQLite that any sqlite3 reads, and bt-query never needs the extension.
// This module only lays out the buffers; the decode worker imports it too.

/** Most number columns bt_rows takes (n0..n23). */
export const MAX_NUM_COLUMNS = 24;

/**
 * The `nums` argument of bt_rows: `columns` columns of `rows` doubles,
 * column-major (column k of row i at k * rows + i). NaN stores NULL; integral
 * values store as INTEGER.
 */
export function numColumns(columns: number, rows: number): Float64Array<ArrayBuffer> {
  if (columns < 1 || columns > MAX_NUM_COLUMNS) throw new RangeError(`bt_rows takes 1..${MAX_NUM_COLUMNS} number columns, not ${columns}`);
  return new Float64Array(columns * rows);
}

/** Column k of `nums` (rows values), a view to read or write. */
export function numColumn(nums: Float64Array, k: number, rows: number): Float64Array {
  return nums.subarray(k * rows, (k + 1) * rows);
}

/** Copies `src` into the column `dst`; values `src` lacks (a short column) become `fill`. */
export function copyColumn(dst: Float64Array, src: Uint32Array | Float64Array, fill: number): void {
  if (src.length >= dst.length) dst.set(src.length === dst.length ? src : src.subarray(0, dst.length));
  else {
    dst.set(src);
    dst.fill(fill, src.length);
  }
}

/** A typed array's bytes as a Buffer to bind (no copy). */
export function blob(a: ArrayBufferView): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

// The calls rows: the number columns of one batch of calls, in bt_rows' order.
// The decode worker fills the per-call values it reads from the trace; the
// ingesting thread fills id and the paths it resolves.
export const CALL = {
  ID: 0, PID: 1, TID: 2, NR: 3, RET: 4, TS: 5, DUR: 6, ARG0: 7, /* .. ARG0 + 5 */ FLAGS: 13, PATH: 14, PATH2: 15, FD: 16,
  /** 1 when the call failed (the decoded stream says), else 0: errno is computed from it and ret. */
  FAILED: 17,
  /** paths.id of the canonical path of the file the call touched through an fd or opened (-y), when the trace has it. */
  CANONICAL: 18,
} as const;
export const CALL_COLUMNS = 19;

/** The calls columns whose values can lie beyond 2^53 (then the number column holds them rounded, and the batch has them exactly). */
export const EXACT_COLUMNS: Readonly<Record<number, string>> = {
  [CALL.RET]: 'ret', [CALL.ARG0]: 'arg0', [CALL.ARG0 + 1]: 'arg1', [CALL.ARG0 + 2]: 'arg2', [CALL.ARG0 + 3]: 'arg3', [CALL.ARG0 + 4]: 'arg4', [CALL.ARG0 + 5]: 'arg5',
};

/**
 * A text column for bt_rows: `strings` are the distinct texts, `index[i]` the
 * one of row i (-1 for NULL). Layout (native byte order): uint32 rows,
 * uint32 count, int32 index[rows], uint32 offset[count + 1], then the UTF-8
 * bytes (string j is offset[j] .. offset[j + 1]).
 */
export function encodeTextColumn(strings: readonly string[], index: Int32Array): Uint8Array<ArrayBuffer> {
  let bytes = 0;
  for (const s of strings) bytes += Buffer.byteLength(s, 'utf8');
  return textColumnOf(index, strings.length, bytes, (out, j, at) => out.write(strings[j]!, at, 'utf8'));
}

/**
 * encodeTextColumn's column of `count` texts that are not strings: `bytes` of UTF-8 in all, text j
 * written by `write` into `out` at byte `at` (it returns how many bytes it wrote).
 */
export function textColumnOf(index: Int32Array, count: number, bytes: number, write: (out: Buffer, j: number, at: number) => number): Uint8Array<ArrayBuffer> {
  const rows = index.length;
  const head = 8 + 4 * rows + 4 * (count + 1);
  // Not from Buffer's pool: the worker transfers the ArrayBuffer.
  const out = Buffer.from(new ArrayBuffer(head + bytes));
  const u32 = new Uint32Array(out.buffer, 0, head / 4);
  u32[0] = rows;
  u32[1] = count;
  new Int32Array(out.buffer, 8, rows).set(index);
  const offsets = new Uint32Array(out.buffer, 8 + 4 * rows, count + 1);
  let off = 0;
  for (let j = 0; j < count; j++) {
    offsets[j] = off;
    off += write(out, j, head + off);
  }
  offsets[count] = off;
  return new Uint8Array(out.buffer as ArrayBuffer);
}
