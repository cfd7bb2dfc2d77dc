// Which captures are captured data: the bytes a program read or wrote (file
// contents, network payloads, random bytes, option values), as opposed to what
// describes a call (strings such as paths and argv, fixed structs, socket
// addresses). The one definition that bt-record --no-data, bt-store add --no-data
// and every export's --no-data follow, read from the syscall table.
import type { BatchColumns } from './batch-decoder.js';
import type { Capture, SyscallEvent } from './events.js';
import { CaptureFlag, FdPathCapture, MmsgElement, MsghdrElement } from './flags.js';
import type { CaptureSpec, SyscallInfo, SyscallTable } from './syscalls.js';

/** The parts of a capture the definition looks at. */
export type CaptureRef = Pick<Capture, 'arg' | 'flags' | 'element'>;

/**
 * Whether a capture spec takes captured data: a buffer not marked `meta` (all of
 * it), an iovec or a msghdr (the buffers they point to; not the iovec array, the
 * msghdr itself, its name, control messages or iovec array).
 */
export function captureSpecHoldsData(spec: CaptureSpec): boolean {
  return spec.kind === 'buffer' ? !spec.meta : spec.kind === 'iovec' || spec.kind === 'msghdr' || spec.kind === 'mmsghdr';
}

// Per (syscall, argument): which captures of it are data.
const KEEP = 0;
const ALL = 1; // every capture (a data buffer; also an argument the table does not describe)
const ELEMENTS = 2; // iovec: the ELEMENT captures (the buffers)
const MSG_BUFFERS = 3; // msghdr, mmsghdr: ELEMENT captures below MsghdrElement.NAME in each message's numbers (the iovec buffers)

function ruleOf(spec: CaptureSpec | undefined, arg: number): number {
  if (arg === FdPathCapture.ARG) return KEEP; // what the fds a call made refer to
  if (!spec) return ALL;
  if (!captureSpecHoldsData(spec)) return KEEP;
  return spec.kind === 'iovec' ? ELEMENTS : spec.kind === 'msghdr' || spec.kind === 'mmsghdr' ? MSG_BUFFERS : ALL;
}

function holds(rule: number, flags: number, element: number): boolean {
  switch (rule) {
    case KEEP: return false;
    case ELEMENTS: return (flags & CaptureFlag.ELEMENT) !== 0;
    case MSG_BUFFERS: return (flags & CaptureFlag.ELEMENT) !== 0 && element % MmsgElement.base(0) < MsghdrElement.NAME;
    default: return true;
  }
}

/**
 * Whether one capture of a call is captured data. `info` is the call's row of the
 * syscall table; a syscall or argument the table does not describe counts as data
 * (nothing unknown is kept).
 */
export function isCapturedData(info: SyscallInfo | undefined, capture: CaptureRef): boolean {
  return holds(ruleOf(info?.capture.find((s) => s.arg === capture.arg), capture.arg), capture.flags, capture.element);
}

const rulesOf = new WeakMap<SyscallTable, Uint8Array>();

/** rule[nr * 8 + arg] for every syscall of the table (arguments 0..7: the capture info's arg is a byte, the table's go to 5). */
function rules(table: SyscallTable): Uint8Array {
  let r = rulesOf.get(table);
  if (!r) {
    r = new Uint8Array((table.maxNr + 1) * 8).fill(ALL);
    for (const info of table.byNr.values()) {
      for (let arg = 0; arg < 8; arg++) r[info.nr * 8 + arg] = ruleOf(info.capture.find((s) => s.arg === arg), arg);
    }
    rulesOf.set(table, r);
  }
  return r;
}

function ruleFor(r: Uint8Array, nr: number, arg: number): number {
  return arg < 8 && nr * 8 + arg < r.length ? r[nr * 8 + arg]! : ALL;
}

/** The event without its captured data: the same object when it has none. */
export function withoutCapturedData(ev: SyscallEvent, table: SyscallTable): SyscallEvent {
  const r = rules(table);
  const keep = ev.captures.filter((c) => !holds(ruleFor(r, ev.nr, c.arg), c.flags, c.element));
  return keep.length === ev.captures.length ? ev : { ...ev, captures: keep };
}

/**
 * A batch without its captured data: new capture columns (capSyscall, capInfo,
 * capLen, capData) holding the other captures; every other column is shared. The
 * same object when the batch has no captured data.
 */
export function batchWithoutCapturedData(b: BatchColumns, table: SyscallTable): BatchColumns {
  const r = rules(table);
  const { capSyscall, capInfo, capLen, capData, scNr } = b;
  const n = capSyscall.length;
  const keep = new Uint8Array(n);
  let kept = 0;
  let keptBytes = 0;
  for (let j = 0; j < n; j++) {
    const info = capInfo[j]!;
    if (!holds(ruleFor(r, scNr[capSyscall[j]!] ?? 0, info & 0xff), (info >>> 8) & 0xff, info >>> 16)) {
      keep[j] = 1;
      kept++;
      keptBytes += capLen[j]!;
    }
  }
  if (kept === n) return b;
  const sys = new Uint32Array(kept);
  const inf = new Uint32Array(kept);
  const len = new Uint32Array(kept);
  const data = new Uint8Array(keptBytes);
  let k = 0;
  let from = 0;
  let to = 0;
  for (let j = 0; j < n; j++) {
    const l = capLen[j]!;
    if (keep[j]) {
      sys[k] = capSyscall[j]!;
      inf[k] = capInfo[j]!;
      len[k] = l;
      data.set(capData.subarray(from, from + l), to);
      to += l;
      k++;
    }
    from += l;
  }
  return { ...b, capSyscall: sys, capInfo: inf, capLen: len, capData: data };
}
