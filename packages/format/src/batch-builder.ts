// Accumulates events column by column and encodes them as one Batch record.
import { pb, ProcessEventKind, type ProcessEventMessage } from './proto.js';
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
  private ret: number[] = [];
  private a0: number[] = [];
  private a1: number[] = [];
  private a2: number[] = [];
  private a3: number[] = [];
  private a4: number[] = [];
  private a5: number[] = [];
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

  addSyscall(pid: number, tid: number, nr: number, enterNs: number, exitNs: number, ret: number,
    a0: number, a1: number, a2: number, a3: number, a4: number, a5: number, flags: number): number {
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
    const capData = new Uint8Array(this.capBytes);
    let off = 0;
    for (const chunk of this.capChunks) {
      capData.set(chunk, off);
      off += chunk.length;
    }
    const msg = {
      baseNs: Math.max(this.baseNs, 0),
      scTid: this.tid, scPid: this.pid, scNr: this.nr,
      scExitDeltaNs: this.exitDelta, scDurationNs: this.duration, scRet: this.ret,
      scArg0: this.a0, scArg1: this.a1, scArg2: this.a2, scArg3: this.a3, scArg4: this.a4, scArg5: this.a5,
      scFlags: this.flags,
      capSyscall: this.capSyscall, capInfo: this.capInfo, capLen: this.capLen, capData,
      processEvents: this.procs,
    };
    const bytes = pb.Record.encodeDelimited({ batch: msg as never }).finish();
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
