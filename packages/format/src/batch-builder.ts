// Accumulates events column by column and encodes them as one Batch record with
// protobufjs, the reference encoder: synthetic traces for tests. The recorder's
// batches come from its native encoder (packages/recorder/native/batch_writer.cc),
// whose bytes are pinned against protobufjs's for the same batches.
import { pb, ProcessEventKind, type ProcessEventMessage } from './proto.js';

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
  private lastTid = 0;
  /** trace.proto's sc_tid_delta and sc_tid_minus_pid (format version 2). */
  private tidDelta: number[] = [];
  private tidMinusPid: number[] = [];
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
    this.tidDelta.push(tid - this.lastTid);
    this.lastTid = tid;
    this.tidMinusPid.push(tid - pid);
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
    let at = 0;
    for (const chunk of this.capChunks) {
      capData.set(chunk, at);
      at += chunk.length;
    }
    const s64 = (col: Int64[]): number[] => col.map(int64);
    const bytes = pb.Record.encodeDelimited({
      batch: {
        ...(this.baseNs > 0 ? { baseNs: this.baseNs } : {}),
        scTidDelta: this.tidDelta, scTidMinusPid: this.tidMinusPid, scNr: this.nr,
        scExitDeltaNs: this.exitDelta, scDurationNs: this.duration, scRet: s64(this.ret),
        scArg0: s64(this.a0), scArg1: s64(this.a1), scArg2: s64(this.a2), scArg3: s64(this.a3), scArg4: s64(this.a4), scArg5: s64(this.a5),
        scFlags: this.flags,
        capSyscall: this.capSyscall, capInfo: this.capInfo, capLen: this.capLen,
        ...(this.capBytes > 0 ? { capData } : {}),
        processEvents: this.procs,
      },
    }).finish();
    this.reset();
    return bytes;
  }

  private reset(): void {
    this.baseNs = -1;
    this.lastExit = 0;
    this.lastTid = 0;
    this.tidDelta = []; this.tidMinusPid = []; this.nr = []; this.exitDelta = []; this.duration = []; this.ret = [];
    this.a0 = []; this.a1 = []; this.a2 = []; this.a3 = []; this.a4 = []; this.a5 = [];
    this.flags = []; this.capSyscall = []; this.capInfo = []; this.capLen = []; this.capChunks = [];
    this.capBytes = 0;
    this.procs = [];
  }
}

/**
 * A 64-bit value as protobufjs takes it: a number, or (a bigint, exact beyond
 * 2^53) its two's-complement halves, which protobufjs's LongBits.from reads.
 */
function int64(v: Int64): number {
  if (typeof v === 'number') return v;
  const u = BigInt.asUintN(64, v);
  return { low: Number(u & 0xffffffffn) | 0, high: Number(u >> 32n) | 0, unsigned: false } as unknown as number;
}
