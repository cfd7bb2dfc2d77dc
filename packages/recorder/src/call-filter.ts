// bt-record -e trace=SET / -e status=SET: the sets bt-show's -e takes (the format package's
// one parser), turned into what the BPF programs read: a byte per syscall number (in the
// set; changes the trace's state, from the syscall table's effect and returns columns) and
// the statuses kept. What it needs of the syscall table was written at build time
// (scripts/write-build-data.mjs: filter-table.json), so bt-record does not load the table.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SyscallClass } from '@beetrace/format';
import { type CallStatus, FilterSyntaxError, parseStatusSet, parseTraceSet, STATUSES, traceSetHas, type TraceFilter } from '@beetrace/format/call-filter';
import { RecordError } from './errors.js';
import { binding } from './native.js';

/** Per syscall number: name, classes, changes the state, in the table. */
type FilterRow = [name: string, classes: SyscallClass[], state: boolean, known: boolean];

function filterTable(): FilterRow[] {
  const url = new URL('./filter-table.json', import.meta.url);
  try {
    return JSON.parse(readFileSync(url, 'utf8')) as FilterRow[];
  } catch (e) {
    throw new RecordError('ADDON', `cannot read ${fileURLToPath(url)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); build it with: pnpm build`);
  }
}

/** A compiled -e filter: what the header records and what the BPF programs read. */
export interface CallFilter {
  /** The expressions as given ("trace=%file", "status=failed"). */
  readonly expressions: readonly string[];
  /** Syscall numbers recorded in full (when their status is kept). */
  readonly syscalls: readonly number[];
  readonly statuses: readonly CallStatus[];
  /** Per syscall number (beetrace.h's BT_MAX_NR): BT_CALL_TRACE | BT_CALL_STATE. */
  readonly bytes: Uint8Array;
  /** BT_STATUS_* bits of `statuses`. */
  readonly statusBits: number;
}

/** Compiles -e expressions; a RecordError USAGE for one that does not parse or keeps nothing. */
export function compileFilter(expressions: readonly string[]): CallFilter {
  const rows = filterTable();
  // What parseTraceSet checks names against: the known syscalls' names.
  const table = { byName: new Set(rows.filter((r) => r[3]).map((r) => r[0])) };
  const layout = binding().layout;
  let trace: TraceFilter | undefined;
  let statuses: Set<CallStatus> = new Set(STATUSES);
  for (const e of expressions) {
    const eq = e.indexOf('=');
    const key = eq < 0 ? 'trace' : e.slice(0, eq);
    const val = eq < 0 ? e : e.slice(eq + 1);
    try {
      if (key === 'trace' || key === 't') trace = parseTraceSet(val, table);
      else if (key === 'status') statuses = parseStatusSet(val);
      else if (key === 'signal' || key === 'signals' || key === 's') throw new RecordError('USAGE', `-e ${key}=: every signal is recorded; filter signals with bt-show -e ${key}=`);
      else throw new RecordError('USAGE', `-e: unknown qualifier '${key}' (valid: trace, status)`);
    } catch (err) {
      if (err instanceof FilterSyntaxError) throw new RecordError('USAGE', err.message);
      throw err;
    }
  }
  const maxNr = layout['MAX_NR']!;
  const bytes = new Uint8Array(maxNr);
  const syscalls: number[] = [];
  for (let nr = 0; nr < maxNr; nr++) {
    const [name, classes, state] = rows[nr] ?? [`syscall_0x${nr.toString(16)}`, [], false];
    const inSet = !trace || traceSetHas(trace, name, classes);
    bytes[nr] = (inSet ? layout['CALL_TRACE']! : 0) | (state ? layout['CALL_STATE']! : 0);
    if (inSet) syscalls.push(nr);
  }
  const bit: Record<CallStatus, number> = {
    successful: layout['STATUS_SUCCESSFUL']!, failed: layout['STATUS_FAILED']!, unfinished: layout['STATUS_UNFINISHED']!,
    detached: layout['STATUS_DETACHED']!, unavailable: 0, // a recorded call's status is always known
  };
  let statusBits = 0;
  for (const s of statuses) statusBits |= bit[s];
  const what = expressions.map((e) => `-e ${e}`).join(' ');
  if (syscalls.length === 0) throw new RecordError('USAGE', `${what}: the filter names no syscall`);
  if (statusBits === 0) throw new RecordError('USAGE', `${what}: the filter keeps no call (no status a recorded call can have)`);
  return { expressions: [...expressions], syscalls, statuses: [...statuses], bytes, statusBits };
}
