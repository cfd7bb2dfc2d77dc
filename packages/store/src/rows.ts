// What a trace's rows are, for every sink: the SQLite store (ingest.ts) and the
// Parquet dataset (parquet.ts) take the decode worker's messages (decode-worker.ts)
// and make their rows with these functions, so the two hold the same values.
import { resolve } from 'node:path';
import { signalName } from '@beetrace/analyze/decode';
import type { Header, Trailer } from '@beetrace/format';
import type { ProcessRow, SocketRow, SummaryMessage } from './decode-worker.js';

/**
 * The trace id of a file with this SHA-256 (hex): its first 53 bits, as an
 * integer in 1 .. 2^53 - 1. Derived from the content, so the same run has the
 * same id in every store and dataset, and runs recorded on different machines
 * do not collide (among a million runs, two share an id with probability
 * ~6e-5; traces.hash tells them apart). Exact as a JavaScript number.
 */
export function traceIdOf(hash: string): number {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new RangeError(`not a SHA-256: "${hash}"`);
  const id = Math.floor(parseInt(hash.slice(0, 14), 16) / 8);
  return id === 0 ? 1 : id;
}

/** The traces columns known from the header (bt-store inserts them before the first batch). */
export interface TraceStart {
  readonly hash: string; readonly file: string; readonly added_epoch_ns: number; readonly command: string; readonly argv: string;
  readonly cwd: string | null; readonly host: string | null; readonly kernel: string | null; readonly arch: string | null;
  readonly abi: string; readonly recorder_version: string | null; readonly root_pid: number | null; readonly attached: number;
  readonly start_epoch_ns: number; readonly start_time: string | null; readonly file_bytes: number; readonly data: number;
}

/** The traces columns known once the whole file is read. */
export interface TraceEnd {
  readonly duration_ns: number; readonly exit_status: string | null; readonly exit_code: number | null; readonly term_signal: number | null;
  readonly stop_reason: string | null; readonly syscalls: number; readonly process_events: number; readonly processes: number;
  readonly unfinished: number; readonly lost: number; readonly lost_per_cpu: string; readonly complete: number; readonly truncated: number;
  readonly problem: string | null; readonly first_call_id: number | null; readonly last_call_id: number | null;
}

/** Whether the trace's captured data is kept: not with --no-data, nor when the recording had none. */
export function keepsData(header: Header, noData: boolean): boolean {
  return !noData && header.capture?.buffers !== false;
}

export function traceStart(header: Header, file: string, hash: string, size: number, data: boolean): TraceStart {
  const argv = header.argv ?? [];
  const realtime = Number(header.realtimeNs ?? 0);
  return {
    hash, file: resolve(file), added_epoch_ns: Date.now() * 1e6, command: argv.join(' '), argv: JSON.stringify(argv), cwd: header.cwd ?? null,
    host: header.hostname ?? null, kernel: header.kernelRelease ?? null, arch: header.arch ?? null, abi: header.syscallAbi || header.arch || 'x86_64',
    recorder_version: header.recorderVersion ?? null, root_pid: header.rootPid ?? null, attached: header.attached ? 1 : 0,
    start_epoch_ns: realtime, start_time: realtime ? new Date(realtime / 1e6).toISOString() : null, file_bytes: size, data: data ? 1 : 0,
  };
}

function exitStatusText(t: Trailer | undefined, attached: boolean): string | null {
  if (!t || attached) return null;
  if (t.termSignal) return `killed by ${signalName(t.termSignal)}${t.coreDumped ? ' (core dumped)' : ''}`;
  if (t.programExited) return `exit ${t.exitCode ?? 0}`;
  return null;
}

/** The end columns: `calls` rows were made, the first with id `firstId`; `problem` is where reading stopped. */
export function traceEnd(header: Header, trailer: Trailer | undefined, summary: SummaryMessage, calls: number, firstId: number,
  complete: boolean, problem: string | undefined): TraceEnd {
  const lostPerCpu = (trailer?.lostPerCpu ?? []).map(Number);
  const mono0 = Number(header.monotonicNs ?? 0);
  return {
    duration_ns: trailer?.endMonotonicNs ? Number(trailer.endMonotonicNs) - mono0 : summary.lastNs,
    exit_status: exitStatusText(trailer, header.attached ?? false),
    exit_code: trailer && !trailer.termSignal && trailer.programExited ? trailer.exitCode ?? 0 : null,
    term_signal: trailer?.termSignal || null, stop_reason: trailer?.stopReason || null, syscalls: calls,
    process_events: summary.processEvents, processes: summary.processes.length,
    unfinished: trailer ? Number(trailer.unfinished ?? 0) : summary.unfinished,
    lost: lostPerCpu.reduce((x, y) => x + y, 0), lost_per_cpu: JSON.stringify(lostPerCpu),
    complete: complete ? 1 : 0, truncated: complete ? 0 : 1, problem: problem ?? null,
    first_call_id: calls > 0 ? firstId : null, last_call_id: calls > 0 ? firstId + calls - 1 : null,
  };
}

/** A processes row's values after trace_id, in the table's column order. */
export function processValues(p: ProcessRow): (string | number | null)[] {
  const s = p.exitStatus;
  const code = s === null || (s & 0x7f) !== 0 ? null : (s >> 8) & 0xff;
  const signal = s === null || (s & 0x7f) === 0 ? null : s & 0x7f;
  return [p.pid, p.parentPid, p.exe, p.argv, p.startNs, p.endNs, s, code, signal, p.threads, p.syscalls];
}

/** The problem text stored in traces.problem. */
export function problemText(p: { readonly code: string; readonly message: string; readonly offset: number }): string {
  return `${p.code}: ${p.message} (at byte ${p.offset})`;
}

/** A sockets row's values after trace_id; its call's id is `firstId` + the call's position. */
export function socketValues(k: SocketRow, firstId: number): (string | number | null)[] {
  return [k.pid, k.fd, firstId + k.callSeq, k.family, k.type, k.protocol, k.local, k.peer, k.sent, k.received, k.calls, k.openedNs, k.closedNs];
}
