// Socket addresses as text for the trace model and every table built from it (peers,
// the store's network view, bt-diff's summary): "1.2.3.4:80", "[::1]:443",
// "unix:/run/x.sock", "unix:@abstract", "netlink:pid=0", else the family's name.
// (bt-show prints the whole struct as strace does: structs.ts.)
import * as X from '../generated/xlat.js';

export function socketFamilyName(family: number): string {
  return X.addrfams.byValue.get(family) ?? `AF_${family}`;
}

export function socketTypeName(type: number): string {
  return X.socktypes.byValue.get(type & 0xf) ?? `SOCK_${type & 0xf}`;
}

export function ipv6(b: Uint8Array, off: number): string {
  const groups: number[] = [];
  for (let i = 0; i < 8; i++) groups.push((b[off + 2 * i]! << 8) | b[off + 2 * i + 1]!);
  // The longest run of two or more zero groups becomes "::" (RFC 5952).
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) { best = i; bestLen = j - i; }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** The address a captured struct sockaddr names, or undefined when nothing was captured. */
export function sockaddrText(b: Uint8Array | undefined): string | undefined {
  if (!b || b.length < 2) return undefined;
  const family = b[0]! | (b[1]! << 8);
  const port = b.length >= 4 ? (b[2]! << 8) | b[3]! : 0;
  if (family === 2 && b.length >= 8) return `${b[4]}.${b[5]}.${b[6]}.${b[7]}:${port}`;
  if (family === 10 && b.length >= 24) return `[${ipv6(b, 8)}]:${port}`;
  if (family === 1) {
    if (b.length === 2) return 'unix:(unnamed)';
    if (b[2] === 0) return `unix:@${utf8.decode(b.subarray(3)).replace(/\0+$/, '')}`;
    const end = b.indexOf(0, 2);
    return `unix:${utf8.decode(b.subarray(2, end < 0 ? b.length : end))}`;
  }
  if (family === 16 && b.length >= 8) return `netlink:pid=${(b[4]! | (b[5]! << 8) | (b[6]! << 16) | (b[7]! << 24)) >>> 0}`;
  return socketFamilyName(family);
}
