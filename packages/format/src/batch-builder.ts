// Accumulates events column by column and encodes them as one Batch record.
import { encodeBatchRecord } from './batch-encoder.js';
import { ProcessEventKind, type ProcessEventMessage } from './proto.js';

/** A signed 64-bit value: a number where exact, else a bigint. */
export type Int64 = number | bigint;
import type { ProcessEventType } from './events.js';

const kindNumber: Record<ProcessEventType, number> = {
  fork: ProcessEventKind.FORK,
  exec: ProcessEventKind.EXEC,
  exit: ProcessEventKind.EXIT,
  signal: ProcessEventKind.SIGNAL,
};

export class BatchBuilder {
  private baseNs = -1;
  private lastExit = 0;
  private tid: number[] = [];
  private pid: number[] = [];
  private nr: number[] = [];
  private exitDelta: number[] = [];
  private duration: number[] = [];
  private ret: Int64[] = [];
  private a0: Int64[] = [];
  private a1: Int64[] = [];
  private a2: Int64[] = [];
  private a3: Int64[] = [];
  private a4: Int64[] = [];
  private a5: Int64[] = [];
  private flags: number[] = [];
  private capSyscall: number[] = [];
  private capInfo: number[] = [];
  private capLen: number[] = [];
  private capChunks: Uint8Array[] = [];
  private capBytes = 0;
  private procs: ProcessEventMessage[] = [];

  get syscalls(): number {
    return this.nr.length;
  }

  get processEvents(): number {
    return this.procs.length;
  }

  /** Bytes of captured memory held so far. */
  get capturedBytes(): number {
    return this.capBytes;
  }

  /** Arguments and return value are numbers, or bigints where a number would not be exact (beyond 2^53). */
  addSyscall(pid: number, tid: number, nr: number, enterNs: number, exitNs: number, ret: Int64,
    a0: Int64, a1: Int64, a2: Int64, a3: Int64, a4: Int64, a5: Int64, flags: number): number {
    if (this.baseNs < 0) this.lastExit = this.baseNs = exitNs;
    this.exitDelta.push(exitNs - this.lastExit);
    this.lastExit = exitNs;
    this.duration.push(exitNs - enterNs);
    this.tid.push(tid);
    this.pid.push(pid);
    this.nr.push(nr);
    this.ret.push(ret);
    this.a0.push(a0);
    this.a1.push(a1);
    this.a2.push(a2);
    this.a3.push(a3);
    this.a4.push(a4);
    this.a5.push(a5);
    this.flags.push(flags);
    return this.nr.length - 1;
  }

  /** Adds a capture to the syscall most recently added. `data` is copied at encode time. */
  addCapture(arg: number, flags: number, element: number, data: Uint8Array): void {
    this.capSyscall.push(this.nr.length - 1);
    this.capInfo.push((arg & 0xff) | ((flags & 0xff) << 8) | (element << 16));
    this.capLen.push(data.length);
    this.capChunks.push(data);
    this.capBytes += data.length;
  }

  addProcessEvent(type: ProcessEventType, ev: Omit<ProcessEventMessage, 'kind' | 'position'>): void {
    this.procs.push({ ...ev, kind: kindNumber[type], position: this.nr.length });
  }

  /** Encodes the batch as a length-delimited Record and resets the builder. */
  encode(): Uint8Array {
    const bytes = encodeBatchRecord({
      baseNs: Math.max(this.baseNs, 0),
      tid: this.tid, pid: this.pid, nr: this.nr,
      exitDelta: this.exitDelta, duration: this.duration, ret: this.ret,
      args: [this.a0, this.a1, this.a2, this.a3, this.a4, this.a5],
      flags: this.flags,
      capSyscall: this.capSyscall, capInfo: this.capInfo, capLen: this.capLen,
      capChunks: this.capChunks, capBytes: this.capBytes,
      procs: this.procs,
    });
    this.reset();
    return bytes;
  }

  private reset(): void {
    this.baseNs = -1;
    this.lastExit = 0;
    this.tid = []; this.pid = []; this.nr = []; this.exitDelta = []; this.duration = []; this.ret = [];
    this.a0 = []; this.a1 = []; this.a2 = []; this.a3 = []; this.a4 = []; this.a5 = [];
    this.flags = []; this.capSyscall = []; this.capInfo = []; this.capLen = []; this.capChunks = [];
    this.capBytes = 0;
    this.procs = [];
  }
}
