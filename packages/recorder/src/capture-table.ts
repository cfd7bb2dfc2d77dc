// Turns the syscall table's capture column into the table the BPF programs read:
// per syscall number, one slot per argument (kind, size argument, bytes), flags, the
// range of arguments captured at exit, and the argument count (the registers after it
// are written as 0; all six for a number the table lacks); a slot's CK_DATA bit says
// its bytes are captured data (--no-data leaves them out). A second set of rows holds
// only the captures the trace's state needs, for -e's state-only calls. For -y, the flags
// say which fds the call makes: the one it returns (returns column: a new fd), the two it
// writes to its fds argument (fds role); for -yy, whether its fd argument is a socket whose
// addresses or state it sets (effect bind, connect or listen).
import type { CaptureSpec, SyscallInfo, SyscallTable } from '@beetrace/format';
import { stateCaptures } from '@beetrace/format/call-filter';
import { captureSpecHoldsData } from '@beetrace/format/captured-data';
import type { Layout } from './native.js';

// Kind numbers of bpf/beetrace.h's enum bt_capture_kind.
const KIND = {
  string: 1, bufferArg: 2, bufferRet: 3, bufferArgptr: 4, struct: 5, iovec: 6, strings: 7, count: 8, arrayArg: 9, arrayRet: 10,
  dirents: 11, msghdr: 12, mmsghdr: 13, ptrlen: 14,
} as const;

function slotOf(c: CaptureSpec): [kind: number, sizeArg: number, bytes: number] {
  switch (c.kind) {
    case 'string': return [KIND.string, 0, 0];
    case 'strings': return [KIND.strings, 0, 0];
    case 'count': return [KIND.count, 0, 0];
    case 'dirents': return [KIND.dirents, 0, 0];
    case 'msghdr': return [KIND.msghdr, 0, 0];
    case 'ptrlen': return [KIND.ptrlen, 0, c.bytes ?? 0];
    case 'mmsghdr': {
      const s = c.size;
      return [KIND.mmsghdr, s && s.from !== 'ret' ? s.arg : 0, 0];
    }
    case 'struct': return [KIND.struct, 0, c.bytes ?? 0];
    case 'buffer': {
      const s = c.size;
      if (!s || s.from === 'ret') return [KIND.bufferRet, 0, 0];
      return s.from === 'arg' ? [KIND.bufferArg, s.arg, 0] : [KIND.bufferArgptr, s.arg, 0];
    }
    case 'iovec': {
      const s = c.size;
      return [KIND.iovec, s && s.from !== 'ret' ? s.arg : 0, 0];
    }
    case 'array': {
      const s = c.size;
      return s && s.from === 'arg' ? [KIND.arrayArg, s.arg, c.bytes ?? 0] : [KIND.arrayRet, 0, c.bytes ?? 0];
    }
  }
}

/** One row of the table: the slots of `captures`, flags, exit range and argument count of `sc`. */
function writeRow(view: DataView, row: number, sc: SyscallInfo, captures: readonly CaptureSpec[], layout: Layout): void {
  const slotSize = layout['slot_size']!;
  let flags = sc.captureAtEntry ? layout['SPEC_AT_ENTRY']! : 0;
  for (const c of captures) {
    const [kind, sizeArg, bytes] = slotOf(c);
    const at = row + c.arg * slotSize;
    if (c.alsoAtEntry) flags |= layout['SPEC_ENTRY_SLOTS']!;
    view.setUint8(at, kind | (c.alsoAtEntry ? layout['CK_ALSO_AT_ENTRY']! : 0) | (captureSpecHoldsData(c) ? layout['CK_DATA']! : 0));
    view.setUint8(at + 1, sizeArg);
    view.setUint16(at + 2, bytes, true);
  }
  // execve-like rows capture everything at entry, which needs an entry record too.
  if (sc.captureAtEntry && captures.length > 0) flags |= layout['SPEC_ENTRY_SLOTS']!;
  if (sc.ret === 'fd' && sc.newFd !== null) flags |= layout['SPEC_FD_RET']!;
  const fds = sc.roles.findIndex((r) => r?.role === 'fds');
  if (fds >= 0) flags |= layout['SPEC_FD_PAIR']! | fds << layout['SPEC_FDS_ARG_SHIFT']!;
  const fd = sc.roles.findIndex((r) => r?.role === 'fd');
  if ((sc.effect === 'bind' || sc.effect === 'connect' || sc.effect === 'listen') && fd >= 0) flags |= layout['SPEC_FD_ARG']! | fd << layout['SPEC_FDS_ARG_SHIFT']!;
  view.setUint32(row + layout['spec_flags']!, flags, true);
  if (!sc.captureAtEntry && captures.length > 0) {
    const args = captures.map((c) => c.arg);
    view.setUint8(row + layout['spec_exit_first']!, Math.min(...args));
    view.setUint8(row + layout['spec_exit_end']!, Math.max(...args) + 1);
  }
  view.setUint8(row + layout['spec_nargs']!, sc.args.length);
}

/**
 * The table: MAX_NR rows from the capture column, then MAX_NR rows with only the captures
 * the trace's state needs (stateCaptures), for the calls a filtered recording keeps outside
 * its filter (beetrace.h's BT_SPEC_ROWS).
 */
export function captureTable(table: SyscallTable, layout: Layout): Uint8Array {
  const maxNr = layout['MAX_NR']!;
  const rowSize = layout['spec_size']!;
  const out = new Uint8Array(layout['SPEC_ROWS']! * rowSize);
  const view = new DataView(out.buffer);
  for (let r = 0; r < layout['SPEC_ROWS']!; r++) view.setUint8(r * rowSize + layout['spec_nargs']!, layout['NARGS']!);
  for (const sc of table.byNr.values()) {
    if (sc.nr >= maxNr) continue;
    writeRow(view, sc.nr * rowSize, sc, sc.capture, layout);
    writeRow(view, (maxNr + sc.nr) * rowSize, sc, stateCaptures(sc), layout);
  }
  return out;
}
