// The syscall table: one row per syscall of an ABI, generated from the machine's
// kernel headers and the running kernel's own syscall descriptions
// (scripts/generate-syscalls.mjs, data in syscalls/*.tsv). Decoders, filters and
// the recorder's capture all read this one table.
import { table as x86_64 } from './generated/syscalls-x86_64.js';

/** strace's syscall classes (the %file, %desc... of -e trace=). */
export type SyscallClass =
  | 'file' | 'desc' | 'network' | 'process' | 'signal' | 'ipc' | 'memory' | 'creds'
  | 'clock' | 'stat' | 'lstat' | 'fstat' | 'statfs' | 'fstatfs' | 'pure';

export interface SyscallArg {
  readonly name: string;
  /** C type as the kernel declares it, e.g. "const char *". */
  readonly type: string;
}

/**
 * What memory the recorder captures for one argument.
 * - string: NUL-terminated string (cut at the string limit)
 * - buffer: bytes; size from `size` (see CaptureSize)
 * - struct: `bytes` fixed bytes
 * - iovec: an iovec array of `count` entries (one capture, element 0), then the buffers
 *   they point to (ELEMENT captures, element = iovec index)
 * - strings: a NULL-terminated array of string pointers (execve argv)
 * - count: a NULL-terminated pointer array, counted only (execve envp)
 * - array: `count` elements of `bytes` bytes each (pollfd, epoll_event...)
 * - dirents: the number of entries in a getdents buffer of ret bytes (a little-endian u32)
 * - msghdr: the 56-byte struct msghdr (element 0, no ELEMENT flag), then ELEMENT captures:
 *   its msg_name (element 0x100), msg_control (0x101), iovec array (0x102) and the
 *   buffers the iovecs point to (elements 0..n-1, bounded like iovec's)
 */
export type CaptureKind = 'string' | 'buffer' | 'struct' | 'iovec' | 'strings' | 'count' | 'array' | 'dirents' | 'msghdr';

/** Where a size or count comes from: another argument's value, the return value, or the u32 another argument points to. */
export type CaptureSize =
  | { readonly from: 'arg'; readonly arg: number }
  | { readonly from: 'ret' }
  | { readonly from: 'argptr'; readonly arg: number };

export interface CaptureSpec {
  readonly arg: number;
  readonly kind: CaptureKind;
  /** buffer/iovec/array: the size (buffer, bytes) or count (iovec, array). */
  readonly size?: CaptureSize;
  /** struct/array: bytes per element. */
  readonly bytes?: number;
  /** Captured at entry too (value-result arguments); the exit capture has the AT_EXIT flag. */
  readonly alsoAtEntry?: boolean;
}

export interface SyscallInfo {
  readonly nr: number;
  readonly name: string;
  readonly args: readonly SyscallArg[];
  readonly classes: readonly SyscallClass[];
  readonly capture: readonly CaptureSpec[];
  /** Capture at entry instead of exit (the call replaces or never leaves the address space: execve, exit). */
  readonly captureAtEntry: boolean;
}

export interface SyscallTable {
  readonly abi: string;
  readonly byNr: ReadonlyMap<number, SyscallInfo>;
  readonly byName: ReadonlyMap<string, SyscallInfo>;
  readonly maxNr: number;
}

function index(abi: string, rows: readonly SyscallInfo[]): SyscallTable {
  return {
    abi,
    byNr: new Map(rows.map((r) => [r.nr, r])),
    byName: new Map(rows.map((r) => [r.name, r])),
    maxNr: rows.reduce((m, r) => Math.max(m, r.nr), 0),
  };
}

const tables = new Map<string, SyscallTable>([['x86_64', index('x86_64', x86_64)]]);

/** The table for an ABI name as written in trace headers ("x86_64"), or undefined. */
export function syscallTable(abi: string): SyscallTable | undefined {
  return tables.get(abi);
}
