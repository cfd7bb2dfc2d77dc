// The syscall table: one row per syscall of an ABI, generated from committed data
// (scripts/generate-syscalls.mjs from syscalls/<abi>-kernel.tsv and syscalls/<abi>.tsv).
// Every fact a tool needs about a syscall is a field here: the recorder's capture, the
// decoder, -e trace= classes, the trace model's fd/process/path rules, bt-diff's
// normalisation and the store's syscall names all read this one table.
import { table as x86_64 } from './generated/syscalls-x86_64.js';

/** strace's syscall classes (the %file, %desc... of -e trace=). */
export type SyscallClass =
  | 'file' | 'desc' | 'network' | 'process' | 'signal' | 'ipc' | 'memory' | 'creds'
  | 'clock' | 'stat' | 'lstat' | 'fstat' | 'statfs' | 'fstatfs' | 'pure';

/** What a successful return value is (syscalls/<abi>.tsv column 5). */
export type ReturnKind = 'fd' | 'pid' | 'addr' | 'volatile';
/** What a new fd returned by the call refers to. */
export type NewFdKind = 'file' | 'socket' | 'anon';
/** What the call does to the traced system (column 6); see the tsv's header for each. */
export type SyscallEffect =
  | 'read' | 'write' | 'open' | 'close' | 'close_range' | 'dup' | 'fcntl' | 'pipe' | 'accept' | 'connect' | 'bind' | 'listen'
  | 'chdir' | 'exec' | 'fork' | 'exit' | 'wait' | 'sync' | 'lookup' | 'sigmask' | 'sigreturn' | 'map' | 'unmap' | 'protect' | 'heap';
/** What an argument is (column 7). */
export type ArgRoleName =
  | 'path' | 'dirfd' | 'fd' | 'newfd' | 'fds' | 'pid' | 'addr' | 'oflags' | 'open_how' | 'cloexec' | 'family' | 'socktype'
  | 'protocol' | 'sockaddr' | 'fcntl_cmd' | 'fcntl_arg' | 'clone_flags' | 'clone_args' | 'at_flags' | 'stat' | 'volatile'
  | 'fd-remote' | 'pollfds' | 'idtype' | 'mapflags' | 'waitopts' | 'signal';

export interface ArgRole {
  readonly role: ArgRoleName;
  /** path: the call creates, deletes, writes or executes the file it names; dir: a directory. */
  readonly create?: true;
  readonly delete?: true;
  readonly write?: true;
  readonly exec?: true;
  readonly dir?: true;
  /** The flag bit of this argument that makes the new fd(s) close-on-exec. */
  readonly cloexec?: number;
}

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
 * - mmsghdr: an array of `count` struct mmsghdr (64 bytes each; element 0, no ELEMENT flag), at
 *   most 8, then for each message the call sent or received (its return value) what a msghdr
 *   capture has, element numbers plus MmsgElement.base(k) (message k): name, control, iovec
 *   array, buffers (as much data as its msg_len)
 * - ptrlen: a struct { void *ptr; size_t len } (16 bytes, element 0, no ELEMENT flag), then
 *   the len bytes it points to, at most `bytes` (ELEMENT PtrlenElement.DATA): pselect6's sigmask
 */
export type CaptureKind = 'string' | 'buffer' | 'struct' | 'iovec' | 'strings' | 'count' | 'array' | 'dirents' | 'msghdr' | 'mmsghdr' | 'ptrlen';

/** Where a size or count comes from: another argument's value, the return value, or the u32 another argument points to. */
export type CaptureSize =
  | { readonly from: 'arg'; readonly arg: number }
  | { readonly from: 'ret' }
  | { readonly from: 'argptr'; readonly arg: number };

export interface CaptureSpec {
  readonly arg: number;
  readonly kind: CaptureKind;
  /** buffer/iovec/array/mmsghdr: the size (buffer, bytes) or count (iovec, array, mmsghdr). */
  readonly size?: CaptureSize;
  /** struct/array: bytes per element; ptrlen: the most bytes captured where the pointer points. */
  readonly bytes?: number;
  /** Captured at entry too (value-result arguments); the exit capture has the AT_EXIT flag. */
  readonly alsoAtEntry?: boolean;
  /**
   * buffer: its bytes describe the call (a socket address, a path the kernel returns, a CPU
   * mask, a variable-size struct) instead of being data the program read or wrote, so
   * --no-data keeps them (see isCapturedData in captured-data.ts).
   */
  readonly meta?: boolean;
}

export interface SyscallInfo {
  readonly nr: number;
  readonly name: string;
  readonly args: readonly SyscallArg[];
  readonly classes: readonly SyscallClass[];
  readonly capture: readonly CaptureSpec[];
  /** Capture at entry instead of exit (the call replaces or never leaves the address space: execve, exit). */
  readonly captureAtEntry: boolean;
  /** What a successful return value is. */
  readonly ret: ReturnKind | null;
  /** ret 'fd': what a new fd refers to (null: a copy of an existing fd, as dup's). */
  readonly newFd: NewFdKind | null;
  /** What the kernel calls the new fd's file (strace -y prints it); %N stands for string argument N. */
  readonly newFdName?: string;
  /** The new fd is always close-on-exec. */
  readonly newFdCloexec?: true;
  readonly effect: SyscallEffect | null;
  /** Per argument (same length as args): what it is, or null. */
  readonly roles: readonly (ArgRole | null)[];
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

/** The name of a syscall number: the table's, or `syscall_0x1f4` for a number it does not know (as strace prints it). */
export function syscallName(table: SyscallTable, nr: number): string {
  return table.byNr.get(nr)?.name ?? `syscall_0x${nr.toString(16)}`;
}

/** The table for an ABI name as written in trace headers ("x86_64"), or undefined. */
export function syscallTable(abi: string): SyscallTable | undefined {
  return tables.get(abi);
}
