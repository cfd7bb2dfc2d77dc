// --no-data for outputs made from a decoded trace: the arguments that show
// captured data lose it, as the format package defines captured data
// (captureSpecHoldsData: a buffer not marked meta, the buffers of an iovec or a
// msghdr); strings, structs and meta buffers (socket addresses, paths from
// readlink or getcwd) stay.
import { captureSpecHoldsData, type SyscallTable } from '@beetrace/format';
import type { DecodedSyscall } from '../decode/decode.js';

/** What replaces buffer contents. */
export const OMITTED = '/* data omitted */';

const IOV_BASE = /iov_base="(?:[^"\\]|\\.)*"(?:\.\.\.)?/g;

/** The call's arguments without buffer contents, or undefined when it shows none. */
export function scrubArgs(call: DecodedSyscall, table: SyscallTable): string[] | undefined {
  const info = table.byNr.get(call.nr);
  if (!info) return undefined;
  let out: string[] | undefined;
  for (const spec of info.capture) {
    const text = call.args[spec.arg];
    if (text === undefined) continue;
    let next = text;
    if (!captureSpecHoldsData(spec)) continue;
    // A buffer: whatever it printed as (a string, [1]...), unless nothing was there (NULL, an address).
    if (spec.kind === 'buffer') next = text === 'NULL' || /^0x[0-9a-f]+$/.test(text) ? text : OMITTED;
    else next = text.replace(IOV_BASE, `iov_base=${OMITTED}`);
    if (next !== text) (out ??= call.args.slice())[spec.arg] = next;
  }
  return out;
}
