// Socket addresses as captured (struct sockaddr bytes) to text, and the names of
// the socket() constants that the network table shows.

/** Address families (include/linux/socket.h) that the network view names. */
const FAMILIES = new Map<number, string>([
  [0, 'AF_UNSPEC'], [1, 'AF_UNIX'], [2, 'AF_INET'], [10, 'AF_INET6'], [16, 'AF_NETLINK'], [17, 'AF_PACKET'],
  [38, 'AF_ALG'], [40, 'AF_VSOCK'], [44, 'AF_XDP'],
]);

/** Socket types (include/linux/net.h). */
const TYPES = new Map<number, string>([
  [1, 'SOCK_STREAM'], [2, 'SOCK_DGRAM'], [3, 'SOCK_RAW'], [4, 'SOCK_RDM'], [5, 'SOCK_SEQPACKET'], [6, 'SOCK_DCCP'], [10, 'SOCK_PACKET'],
]);

export function socketFamilyName(family: number): string {
  return FAMILIES.get(family) ?? `AF_${family}`;
}

export function socketTypeName(type: number): string {
  return TYPES.get(type) ?? `SOCK_${type}`;
}

function ipv6(b: Buffer, off: number): string {
  const groups: number[] = [];
  for (let i = 0; i < 8; i++) groups.push(b.readUInt16BE(off + i * 2));
  // Longest run of zero groups (length >= 2) becomes "::".
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

/** "1.2.3.4:80", "[::1]:443", "unix:/run/x.sock", "unix:@abstract", or the family name for others. */
export function formatSockaddr(b: Buffer): string {
  if (b.length < 2) return '?';
  const family = b.readUInt16LE(0);
  if (family === 2 && b.length >= 8) return `${b[4]}.${b[5]}.${b[6]}.${b[7]}:${b.readUInt16BE(2)}`;
  if (family === 10 && b.length >= 24) return `[${ipv6(b, 8)}]:${b.readUInt16BE(2)}`;
  if (family === 1) {
    if (b.length === 2) return 'unix:(unnamed)';
    if (b[2] === 0) return `unix:@${b.toString('utf8', 3).replace(/\0+$/, '')}`;
    const end = b.indexOf(0, 2);
    return `unix:${b.toString('utf8', 2, end < 0 ? b.length : end)}`;
  }
  if (family === 16 && b.length >= 8) return `netlink:pid=${b.readUInt32LE(4)}`;
  return socketFamilyName(family);
}
