// --no-data for outputs made from a decoded trace: the arguments that show
// buffer contents (a `buffer` capture printed as a string, the data an `iovec`
// or `msghdr` points to) lose their bytes; strings and structs (a sockaddr
// decoded from a buffer) stay. Which arguments those are is the syscall
// table's capture column, not a list here.
import type { SyscallTable } from '@beetrace/format';
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
    if (spec.kind === 'buffer') next = text.startsWith('"') ? OMITTED : text;
    else if (spec.kind === 'iovec' || spec.kind === 'msghdr') next = text.replace(IOV_BASE, `iov_base=${OMITTED}`);
    if (next !== text) (out ??= call.args.slice())[spec.arg] = next;
  }
  return out;
}
