// strace -c: per-syscall count, errors and time, as strace prints its table.
import type { DecodedSyscall } from '../decode/decode.js';

export type SortBy = 'time' | 'calls' | 'name' | 'errors' | 'avg-time' | 'nothing';
export const SORT_KEYS: readonly string[] = ['time', 'calls', 'name', 'errors', 'avg-time', 'nothing'];

interface Row {
  name: string;
  calls: number;
  errors: number;
  ns: number;
  order: number;
}

export class Summary {
  private rows = new Map<string, Row>();

  add(ev: DecodedSyscall): void {
    this.count(ev.name, ev.nr, ev.failed, ev.unfinished, ev.exitNs - ev.enterNs);
  }

  /** One call: its name and number, whether it failed or never returned, exit - entry time. */
  count(name: string, nr: number, failed: boolean, unfinished: boolean, ns: number): void {
    let r = this.rows.get(name);
    if (!r) this.rows.set(name, (r = { name, calls: 0, errors: 0, ns: 0, order: nr }));
    r.calls++;
    if (failed) r.errors++;
    if (!unfinished) r.ns += Math.max(0, ns);
  }

  /** The rows (name, calls, errors, ns in calls that returned), sorted as strace -S sorts them. */
  entries(sortBy: SortBy = 'time'): { readonly name: string; readonly calls: number; readonly errors: number; readonly ns: number }[] {
    const rows = [...this.rows.values()];
    const cmp: Record<SortBy, (a: Row, b: Row) => number> = {
      time: (a, b) => b.ns - a.ns,
      calls: (a, b) => b.calls - a.calls,
      name: (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
      errors: (a, b) => b.errors - a.errors,
      'avg-time': (a, b) => b.ns / b.calls - a.ns / a.calls,
      nothing: (a, b) => a.order - b.order,
    };
    return rows.sort(cmp[sortBy]);
  }

  /** The table, lines without trailing newline. */
  format(sortBy: SortBy = 'time'): string[] {
    const rows = this.entries(sortBy);
    const totNs = rows.reduce((s, r) => s + r.ns, 0);
    const totCalls = rows.reduce((s, r) => s + r.calls, 0);
    const totErr = rows.reduce((s, r) => s + r.errors, 0);
    const secs = (ns: number): string => (ns / 1e9).toFixed(6);
    const avg = (r: { ns: number; calls: number }): string => String(r.calls ? Math.floor(r.ns / r.calls / 1000) : 0);
    const maxAvg = rows.reduce((m, r) => Math.max(m, r.calls ? Math.floor(r.ns / r.calls / 1000) : 0), 0);
    const w = {
      pct: 6,
      sec: Math.max(11, secs(totNs).length),
      avg: Math.max(11, String(maxAvg).length),
      calls: Math.max(9, String(totCalls).length),
      err: Math.max(9, String(totErr).length),
      name: Math.max(16, rows.reduce((m, r) => Math.max(m, r.name.length), 0) + 1),
    };
    const line = (pct: string, sec: string, a: string, calls: string, err: string, name: string): string =>
      `${pct.padStart(w.pct)} ${sec.padStart(w.sec)} ${a.padStart(w.avg)} ${calls.padStart(w.calls)} ${err.padStart(w.err)} ${name}`;
    const out = [line('% time', 'seconds', 'usecs/call', 'calls', 'errors', 'syscall')];
    const dash = line('-'.repeat(w.pct), '-'.repeat(w.sec), '-'.repeat(w.avg), '-'.repeat(w.calls), '-'.repeat(w.err), '-'.repeat(w.name));
    out.push(dash);
    for (const r of rows) {
      const pct = totNs ? (100 * r.ns) / totNs : 0;
      out.push(line(pct.toFixed(2), secs(r.ns), avg(r), String(r.calls), r.errors ? String(r.errors) : '', r.name));
    }
    out.push(dash);
    out.push(line('100.00', secs(totNs), avg({ ns: totNs, calls: totCalls }), String(totCalls), totErr ? String(totErr) : '', 'total'));
    return out;
  }
}
