// The raw events of a trace: one object per syscall or process event, in the order
// the kernel delivered them, as walk.ts reads them from the columnar batches.
import { ProcessEventKind, type ProcessEventMessage } from './proto.js';
import { SyscallFlag } from './flags.js';

export { CaptureFlag, FdPathCapture, MmsgElement, MsghdrElement, PtrlenElement, SyscallFlag } from './flags.js';

/** A call returned an error: it returned (not UNFINISHED) a value in -4095..-1 (the kernel's -errno range). */
export function callFailed(ret: number, flags: number): boolean {
  return (flags & SyscallFlag.UNFINISHED) === 0 && ret < 0 && ret >= -4095;
}

/** A recorded call's status, as -e status= names it. */
export function callStatus(flags: number, ret: number): 'successful' | 'failed' | 'unfinished' {
  return (flags & SyscallFlag.UNFINISHED) !== 0 ? 'unfinished' : callFailed(ret, flags) ? 'failed' : 'successful';
}

/** Memory that a pointer argument pointed to, as captured. */
export interface Capture {
  /** Argument index 0..5. */
  readonly arg: number;
  /** Element index for array arguments (execve argv/envp, iovec arrays), else 0. */
  readonly element: number;
  /** CaptureFlag bits. */
  readonly flags: number;
  readonly data: Uint8Array;
}

export interface SyscallEvent {
  readonly type: 'syscall';
  readonly pid: number;
  readonly tid: number;
  readonly nr: number;
  /** CLOCK_MONOTONIC ns. For NO_ENTRY calls equal to exitNs. */
  readonly enterNs: number;
  /** CLOCK_MONOTONIC ns. For UNFINISHED calls equal to enterNs. */
  readonly exitNs: number;
  /** Raw return value (-errno on failure); meaningless when unfinished. */
  readonly ret: number;
  /** Argument registers as signed 64-bit values (exact up to 2^53; beyond, `exact` has them). */
  readonly args: readonly [number, number, number, number, number, number];
  /** SyscallFlag bits. */
  readonly flags: number;
  readonly captures: readonly Capture[];
  /** The values `args` and `ret` hold rounded (beyond 2^53), exactly; absent (nearly always) when there are none. */
  readonly exact?: ExactRegisters | undefined;
}

/** A call's register values beyond 2^53, exactly: the arguments by index, the return value. */
export interface ExactRegisters {
  readonly args: readonly (bigint | undefined)[];
  readonly ret: bigint | undefined;
}

export type ProcessEventType = 'fork' | 'exec' | 'exit' | 'signal';

export interface ProcessEvent {
  readonly type: ProcessEventType;
  readonly ns: number;
  readonly pid: number;
  readonly tid: number;
  /** fork: the creating process and thread. */
  readonly parentPid: number;
  readonly parentTid: number;
  /** fork: true when a thread was created (same process). */
  readonly thread: boolean;
  /** exec: program path; oldTid: the thread that called execve. */
  readonly filename: string;
  readonly oldTid: number;
  /** exit: wait status as wait4 reports it; groupDead: last thread of the process. */
  readonly exitCode: number;
  readonly groupDead: boolean;
  /** signal: number and the kernel's siginfo bytes; ignored: discarded by the kernel (action ignore), recorded when generated. */
  readonly signo: number;
  readonly siginfo: Uint8Array;
  readonly ignored: boolean;
  /** fork: the child's pid and tid in its own pid namespace, that namespace's level (0: the initial one) and inode; 0 in traces that lack them. */
  readonly nsPid: number;
  readonly nsTid: number;
  readonly pidnsLevel: number;
  readonly pidnsInode: number;
}

export type TraceEvent = SyscallEvent | ProcessEvent;

const kindName: Record<number, ProcessEventType> = {
  [ProcessEventKind.FORK]: 'fork',
  [ProcessEventKind.EXEC]: 'exec',
  [ProcessEventKind.EXIT]: 'exit',
  [ProcessEventKind.SIGNAL]: 'signal',
};

const empty = new Uint8Array(0);

export function processEventFrom(m: ProcessEventMessage): ProcessEvent {
  return {
    type: kindName[m.kind ?? 0] ?? 'exit',
    ns: Number(m.tsNs ?? 0),
    pid: m.pid ?? 0,
    tid: m.tid ?? 0,
    parentPid: m.parentPid ?? 0,
    parentTid: m.parentTid ?? 0,
    thread: m.thread ?? false,
    filename: m.filename ?? '',
    oldTid: m.oldTid ?? 0,
    exitCode: m.exitCode ?? 0,
    groupDead: m.groupDead ?? false,
    signo: m.signo ?? 0,
    siginfo: m.siginfo ?? empty,
    ignored: m.ignored ?? false,
    nsPid: m.nsPid ?? 0,
    nsTid: m.nsTid ?? 0,
    pidnsLevel: m.pidnsLevel ?? 0,
    pidnsInode: Number(m.pidnsInode ?? 0),
  };
}

