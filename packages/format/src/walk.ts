// The one walk over a batch: syscalls and process events merged by position, in the
// order the kernel delivered them, exit times rebuilt from the deltas, captures cut
// from the batch's cap_data. Every reader of events goes through walkBatch (batchEvents
// below is walkBatch with a fresh object per event); no other code loops over the
// batch columns.
import { type BatchColumns, columnsOf, type Int64Column } from './batch-decoder.js';
import type { Batch } from './proto.js';
import { type Capture, type ExactRegisters, type ProcessEvent, processEventFrom, type SyscallEvent, type TraceEvent } from './events.js';

const NO_CAPTURES: readonly Capture[] = [];
const NO_U32 = new Uint32Array(0);
const NO_BYTES = new Uint8Array(0);

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

/**
 * A SyscallEvent rewritten in place for each syscall of a batch: valid, captures
 * included, until the walk moves on. `batch`, `index` and the capture range say
 * where in the columns the call is (for RawCall).
 */
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
  /** The values args and ret hold rounded (beyond 2^53), exactly: undefined for nearly every call. */
  exact: ExactRegisters | undefined = undefined;
  batch: BatchColumns | undefined;
  index = 0;
  /** This call's captures are capInfo/capLen[capFirst, capEnd), their bytes from capData[capOff]. */
  capFirst = 0;
  capEnd = 0;
  capOff = 0;
  /** Bytes of this call's captures (capData[capOff, capOff + capSize)). */
  capSize = 0;
  private readonly slots: CaptureSlot[] = [];
  private readonly list: CaptureSlot[] = [];
  /** The captures are built on first use (a call recognised as a repeat never needs them). */
  private built = true;
  private current: readonly Capture[] = NO_CAPTURES;

  /** This call's captures: valid, like the rest, until the walk moves on. */
  get captures(): readonly Capture[] {
    if (!this.built) this.build();
    return this.current;
  }

  /** @internal */
  at(first: number, end: number, off: number, size: number): void {
    this.capFirst = first;
    this.capEnd = end;
    this.capOff = off;
    this.capSize = size;
    this.built = first === end;
    if (this.built) this.current = NO_CAPTURES;
  }

  private build(): void {
    const { slots, list } = this;
    const b = this.batch!;
    let k = 0;
    let off = this.capOff;
    for (let c = this.capFirst; c < this.capEnd; c++) {
      const len = b.capLen[c]!;
      const slot = slots[k] ?? (slots[k] = new CaptureSlot());
      slot.set(b.capInfo[c]!, b.capData, off, len);
      list[k++] = slot;
      off += len;
    }
    if (list.length !== k) list.length = k;
    this.current = list;
    this.built = true;
  }

  /** A plain copy that stays valid (captures copied). */
  copy(): SyscallEvent {
    return {
      type: 'syscall', pid: this.pid, tid: this.tid, nr: this.nr, enterNs: this.enterNs, exitNs: this.exitNs, ret: this.ret,
      args: [...this.args], flags: this.flags, ...(this.exact ? { exact: this.exact } : {}),
      captures: this.captures.map((c) => ({ arg: c.arg, flags: c.flags, element: c.element, data: c.data })),
    };
  }
}

export interface BatchVisitor {
  syscall(ev: SyscallCursor): void;
  process(ev: ProcessEvent): void;
}

/** The register a 64-bit column holds: argument index, or -1 for the return value (the times are not registers). */
const REGISTER: Readonly<Partial<Record<Int64Column, number>>> = { scRet: -1, scArg0: 0, scArg1: 1, scArg2: 2, scArg3: 3, scArg4: 4, scArg5: 5 };

/** The batch's exact register values (b.exact) by call index, or undefined when it has none. */
function exactByCall(b: BatchColumns): (ExactRegisters | undefined)[] | undefined {
  let m: ({ args: (bigint | undefined)[]; ret: bigint | undefined } | undefined)[] | undefined;
  for (const e of b.exact ?? []) {
    const reg = REGISTER[e.column];
    if (reg === undefined) continue;
    m ??= [];
    let r = m[e.index];
    if (!r) m[e.index] = r = { args: [], ret: undefined };
    if (reg < 0) r.ret = e.value;
    else r.args[reg] = e.value;
  }
  return m;
}

/** Visits a batch's events in delivery order through one reused SyscallCursor. */
export function walkBatch(b: BatchColumns, cur: SyscallCursor, v: BatchVisitor): void {
  const n = b.scNr.length;
  const procs = b.processEvents;
  const np = procs.length;
  let p = 0;
  let exitNs = b.baseNs;
  let c = 0;
  let capOff = 0;
  const capCount = b.capSyscall.length;
  const { capSyscall, capLen, scExitDeltaNs, scDurationNs, scRet, scFlags, scPid, scTid, scNr } = b;
  const a0 = b.scArg0, a1 = b.scArg1, a2 = b.scArg2, a3 = b.scArg3, a4 = b.scArg4, a5 = b.scArg5;
  const args = cur.args;
  const exact = b.exact === undefined ? undefined : exactByCall(b);
  cur.batch = b;
  cur.exact = undefined;
  for (let i = 0; i < n; i++) {
    while (p < np && (procs[p]!.position ?? 0) <= i) v.process(processEventFrom(procs[p++]!));
    exitNs += scExitDeltaNs[i] ?? 0;
    const first = c, off = capOff;
    while (c < capCount && capSyscall[c] === i) capOff += capLen[c++]!;
    cur.at(first, c, off, capOff - off);
    const dur = scDurationNs[i] ?? 0;
    cur.index = i;
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
    if (exact !== undefined) cur.exact = exact[i];
    v.syscall(cur);
  }
  while (p < np) v.process(processEventFrom(procs[p++]!));
}

/**
 * A call's raw content (everything but its times), kept to recognise an exact repeat
 * of it on the columns without decoding: a loop that makes the same call again.
 * set() keeps another call in the same object (its buffers reused): no allocation per call kept.
 */
export class RawCall {
  private nr = 0;
  private ret = 0;
  private flags = 0;
  private pid = 0;
  private a0 = 0;
  private a1 = 0;
  private a2 = 0;
  private a3 = 0;
  private a4 = 0;
  private a5 = 0;
  private exact: ExactRegisters | undefined = undefined;
  /** Captures kept: capInfo/capLen[0, count), their bytes capBytes[0, bytes). */
  private count = 0;
  private bytes = 0;
  private capInfo = NO_U32;
  private capLen = NO_U32;
  private capBytes = NO_BYTES;

  constructor(cur: SyscallCursor) {
    this.set(cur);
  }

  /** Keeps the call under the cursor instead of the one kept. */
  set(cur: SyscallCursor): this {
    const b = cur.batch!;
    this.nr = cur.nr;
    this.ret = cur.ret;
    this.flags = cur.flags;
    this.pid = cur.pid;
    const a = cur.args;
    this.a0 = a[0];
    this.a1 = a[1];
    this.a2 = a[2];
    this.a3 = a[3];
    this.a4 = a[4];
    this.a5 = a[5];
    this.exact = cur.exact;
    const first = cur.capFirst;
    const k = cur.capEnd - first;
    if (this.capInfo.length < k) {
      this.capInfo = new Uint32Array(Math.max(k, 4));
      this.capLen = new Uint32Array(this.capInfo.length);
    }
    for (let j = 0; j < k; j++) {
      this.capInfo[j] = b.capInfo[first + j]!;
      this.capLen[j] = b.capLen[first + j]!;
    }
    this.count = k;
    const n = cur.capSize;
    if (this.capBytes.length < n) this.capBytes = new Uint8Array(Math.max(n, 64));
    const off = cur.capOff;
    if (n <= 64) for (let j = 0; j < n; j++) this.capBytes[j] = b.capData[off + j]!;
    else this.capBytes.set(b.capData.subarray(off, off + n));
    this.bytes = n;
    return this;
  }

  /** The call under the cursor is this one again (times aside). */
  matches(cur: SyscallCursor): boolean {
    if (cur.nr !== this.nr || cur.ret !== this.ret || cur.flags !== this.flags || cur.pid !== this.pid) return false;
    const a = cur.args;
    if (a[0] !== this.a0 || a[1] !== this.a1 || a[2] !== this.a2 || a[3] !== this.a3 || a[4] !== this.a4 || a[5] !== this.a5) return false;
    if ((cur.exact !== undefined || this.exact !== undefined) && !sameExact(cur.exact, this.exact)) return false;
    const k = this.count;
    if (cur.capEnd - cur.capFirst !== k || cur.capSize !== this.bytes) return false;
    if (k === 0) return true;
    const b = cur.batch!;
    for (let j = 0; j < k; j++) if (this.capInfo[j] !== b.capInfo[cur.capFirst + j] || this.capLen[j] !== b.capLen[cur.capFirst + j]) return false;
    const bytes = this.capBytes, data = b.capData, off = cur.capOff, n = this.bytes;
    for (let j = 0; j < n; j++) if (bytes[j] !== data[off + j]) return false;
    return true;
  }
}

/** The events of one batch as objects that stay valid, in delivery order (walkBatch, copied). */
export function batchEvents(b: BatchColumns | Batch): TraceEvent[] {
  const out: TraceEvent[] = [];
  const cols = b.scNr instanceof Uint32Array ? b as BatchColumns : columnsOf(b as Batch);
  walkBatch(cols, new SyscallCursor(), { syscall: (ev) => { out.push(ev.copy()); }, process: (ev) => { out.push(ev); } });
  return out;
}

/** Two calls' exact register values (the rounded ones being equal) are the same. */
function sameExact(a: ExactRegisters | undefined, b: ExactRegisters | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.ret !== b.ret) return false;
  for (let i = 0; i < 6; i++) if (a.args[i] !== b.args[i]) return false;
  return true;
}
