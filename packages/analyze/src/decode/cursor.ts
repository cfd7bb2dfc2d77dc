// Walks a columnar batch without an object per event: one SyscallEvent whose
// fields are overwritten for each syscall (valid until the next one), captures
// made only for the syscalls that have them.
import { type BatchColumns, type Capture, type ProcessEvent, processEventFrom, type SyscallEvent } from '@beetrace/format';

const NO_CAPTURES: readonly Capture[] = [];

/** A Capture whose bytes view is made on first use (and reused for the next syscall's). */
class CaptureSlot implements Capture {
  arg = 0;
  flags = 0;
  element = 0;
  src: Uint8Array = new Uint8Array(0);
  off = 0;
  len = 0;
  private view: Uint8Array | undefined;

  set(info: number, src: Uint8Array, off: number, len: number): void {
    this.arg = info & 0xff;
    this.flags = (info >>> 8) & 0xff;
    this.element = info >>> 16;
    this.src = src;
    this.off = off;
    this.len = len;
    this.view = undefined;
  }

  get data(): Uint8Array {
    return (this.view ??= this.src.subarray(this.off, this.off + this.len));
  }
}

/** A SyscallEvent that is rewritten in place for each syscall of a batch. */
export class SyscallCursor implements SyscallEvent {
  readonly type = 'syscall' as const;
  pid = 0;
  tid = 0;
  nr = 0;
  enterNs = 0;
  exitNs = 0;
  ret = 0;
  flags = 0;
  /** Duration as recorded (exitNs - enterNs without the rounding of a subtraction). */
  durationNs = 0;
  readonly args: [number, number, number, number, number, number] = [0, 0, 0, 0, 0, 0];
  /** This syscall's captures: valid, like the rest, until the cursor moves. */
  captures: readonly Capture[] = NO_CAPTURES;
  readonly slots: CaptureSlot[] = [];
  readonly list: CaptureSlot[] = [];
}

export interface BatchVisitor {
  syscall(ev: SyscallCursor, index: number): void;
  process(ev: ProcessEvent): void;
}

/**
 * Visits a batch's events in delivery order (process events merged by position),
 * as batchEvents yields them, but through one reused SyscallCursor.
 * `captures: false` skips building captures (counting needs none).
 */
export function walkBatch(b: BatchColumns, cur: SyscallCursor, v: BatchVisitor, captures = true): void {
  const n = b.scNr.length;
  const procs = b.processEvents;
  const np = procs.length;
  let p = 0;
  let exitNs = b.baseNs;
  let c = 0;
  let capOff = 0;
  const capCount = b.capSyscall.length;
  const { capSyscall, capInfo, capLen, capData, scExitDeltaNs, scDurationNs, scRet, scFlags, scPid, scTid, scNr } = b;
  const a0 = b.scArg0, a1 = b.scArg1, a2 = b.scArg2, a3 = b.scArg3, a4 = b.scArg4, a5 = b.scArg5;
  const args = cur.args;
  for (let i = 0; i < n; i++) {
    while (p < np && (procs[p]!.position ?? 0) <= i) v.process(processEventFrom(procs[p++]!));
    exitNs += scExitDeltaNs[i] ?? 0;
    if (c < capCount && capSyscall[c] === i) {
      if (captures) {
        const { list, slots } = cur;
        let k = 0;
        while (c < capCount && capSyscall[c] === i) {
          const len = capLen[c]!;
          const slot = slots[k] ?? (slots[k] = new CaptureSlot());
          slot.set(capInfo[c]!, capData, capOff, len);
          list[k++] = slot;
          capOff += len;
          c++;
        }
        list.length = k;
        cur.captures = list;
      } else {
        while (c < capCount && capSyscall[c] === i) capOff += capLen[c++]!;
        cur.captures = NO_CAPTURES;
      }
    } else {
      cur.captures = NO_CAPTURES;
    }
    const dur = scDurationNs[i] ?? 0;
    cur.pid = scPid[i] ?? 0;
    cur.tid = scTid[i] ?? 0;
    cur.nr = scNr[i] ?? 0;
    cur.exitNs = exitNs;
    cur.enterNs = exitNs - dur;
    cur.durationNs = dur;
    cur.ret = scRet[i] ?? 0;
    cur.flags = scFlags[i] ?? 0;
    args[0] = a0[i] ?? 0;
    args[1] = a1[i] ?? 0;
    args[2] = a2[i] ?? 0;
    args[3] = a3[i] ?? 0;
    args[4] = a4[i] ?? 0;
    args[5] = a5[i] ?? 0;
    v.syscall(cur, i);
  }
  while (p < np) v.process(processEventFrom(procs[p++]!));
}
