// Query results to text: an aligned table for people, tsv/csv/json/ndjson for programs.
import { writeSync } from 'node:fs';

export type Format = 'table' | 'tsv' | 'csv' | 'json' | 'ndjson';
export const FORMATS: readonly Format[] = ['table', 'tsv', 'csv', 'json', 'ndjson'];

export type Value = string | number | bigint | Buffer | null;

export interface OutputOptions {
  readonly format: Format;
  /** Durations, times and sizes readable (by column name: *_ns, *_epoch_ns, *bytes). */
  readonly human: boolean;
  /** Longest cell in the table format, in characters. */
  readonly maxCell?: number;
}

/** How --human renders a column, decided by its name. */
type HumanKind = 'duration' | 'epoch' | 'bytes' | undefined;

function humanKind(column: string): HumanKind {
  const c = column.toLowerCase();
  if (c.endsWith('_epoch_ns')) return 'epoch';
  if (c.endsWith('_ns')) return 'duration';
  if (c === 'bytes' || c.endsWith('_bytes') || c.startsWith('bytes_')) return 'bytes';
  return undefined;
}

/** Nanoseconds as "812ns", "12.345us", "3.210ms", "1.234567s", "2m03.456s". */
export function formatDuration(ns: number): string {
  const neg = ns < 0 ? '-' : '';
  const a = Math.abs(ns);
  let s: string;
  if (a < 1e3) s = `${a}ns`;
  else if (a < 1e6) s = `${(a / 1e3).toFixed(3)}us`;
  else if (a < 1e9) s = `${(a / 1e6).toFixed(3)}ms`;
  else if (a < 60e9) s = `${(a / 1e9).toFixed(6)}s`;
  else {
    const m = Math.floor(a / 60e9);
    s = `${m}m${((a - m * 60e9) / 1e9).toFixed(3).padStart(6, '0')}s`;
  }
  return neg + s;
}

export function formatBytes(n: number): string {
  if (Math.abs(n) < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let u = 0;
  while (Math.abs(v) >= 1024 && u < units.length - 1) { v /= 1024; u++; }
  return `${v.toFixed(1)} ${units[u]}`;
}

function humanize(v: Value, kind: HumanKind): Value {
  if (kind === undefined || (typeof v !== 'number' && typeof v !== 'bigint')) return v;
  const n = Number(v);
  if (kind === 'duration') return formatDuration(n);
  if (kind === 'bytes') return formatBytes(n);
  return new Date(n / 1e6).toISOString();
}

function text(v: Value): string {
  if (v === null) return '';
  if (Buffer.isBuffer(v)) return v.toString('hex');
  return String(v);
}

function tsvCell(v: Value): string {
  return text(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

function csvCell(v: Value): string {
  const s = text(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function jsonValue(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (Buffer.isBuffer(v)) return JSON.stringify(v.toString('hex'));
  return JSON.stringify(v);
}

/** Writes to fd 1 synchronously in large chunks; EPIPE is the caller's to handle. */
class Out {
  private buf = '';
  constructor(private readonly fd: number) {}
  write(s: string): void {
    this.buf += s;
    if (this.buf.length > 1 << 16) this.flush();
  }
  flush(): void {
    let data = Buffer.from(this.buf);
    this.buf = '';
    while (data.length > 0) {
      try {
        const n = writeSync(this.fd, data);
        data = data.subarray(n);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        throw e;
      }
    }
  }
}

function cut(s: string, max: number): string {
  const flat = s.replace(/[\n\r\t]/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Writes rows in `format` to file descriptor `fd`; returns the number of rows. */
export function writeRows(columns: readonly string[], rows: Iterable<Value[]>, opts: OutputOptions, fd = 1): number {
  const out = new Out(fd);
  const kinds = columns.map((c) => (opts.human ? humanKind(c) : undefined));
  let count = 0;
  const conv = (row: Value[]): Value[] => (opts.human ? row.map((v, i) => humanize(v, kinds[i])) : row);
  switch (opts.format) {
    case 'tsv':
    case 'csv': {
      const cell = opts.format === 'tsv' ? tsvCell : csvCell;
      const sep = opts.format === 'tsv' ? '\t' : ',';
      out.write(columns.map((c) => cell(c)).join(sep) + '\n');
      for (const row of rows) {
        out.write(conv(row).map(cell).join(sep) + '\n');
        count++;
      }
      break;
    }
    case 'ndjson':
    case 'json': {
      const keys = columns.map((c) => JSON.stringify(c));
      if (opts.format === 'json') out.write('[');
      for (const row of rows) {
        const r = conv(row);
        const obj = `{${keys.map((k, i) => `${k}:${jsonValue(r[i] ?? null)}`).join(',')}}`;
        if (opts.format === 'json') out.write(count === 0 ? `\n${obj}` : `,\n${obj}`);
        else out.write(obj + '\n');
        count++;
      }
      if (opts.format === 'json') out.write(count === 0 ? ']\n' : '\n]\n');
      break;
    }
    case 'table': {
      const max = opts.maxCell ?? 48;
      const cells: string[][] = [];
      const numeric = columns.map(() => true);
      const seen = columns.map(() => false);
      for (const row of rows) {
        const r = conv(row);
        cells.push(r.map((v, i) => {
          if (v !== null) {
            seen[i] = true;
            if (typeof v !== 'number' && typeof v !== 'bigint' && !(opts.human && kinds[i] !== undefined)) numeric[i] = false;
          }
          return v === null ? 'NULL' : cut(text(v), max);
        }));
        count++;
      }
      const widths = columns.map((c, i) => Math.max(cut(c, max).length, ...cells.map((r) => r[i]!.length)));
      const line = (r: readonly string[]): string =>
        r.map((s, i) => (numeric[i] && seen[i] ? s.padStart(widths[i]!) : s.padEnd(widths[i]!))).join('  ').trimEnd() + '\n';
      out.write(line(columns.map((c) => cut(c, max))));
      out.write(widths.map((w) => '─'.repeat(w)).join('  ') + '\n');
      for (const r of cells) out.write(line(r));
      break;
    }
  }
  out.flush();
  return count;
}
