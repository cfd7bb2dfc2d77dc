// msg_control of a struct msghdr: the control messages, as strace 6.1 prints
// them (its msghdr.c: decode_msg_control, print_cmsg_type_data and the
// cmsg_*_printers tables). One table per level says, per cmsg_type, the least
// data a printer needs and the printer; a type without a printer, or with too
// little data, prints no cmsg_data at all, as strace 6.1 does.
import * as X from '../generated/xlat.js';
import * as S from './structs.js';
import { quote, type TextOptions } from './text.js';
import { enumName, hex } from './xlat.js';

const le = true;
/** sizeof(struct cmsghdr) on x86_64: cmsg_len (size_t), cmsg_level, cmsg_type. */
const CMSG_HDR = 16;
const WORD = 8;

/** What a data printer may use besides the bytes: fd printing (-y) and the text options. */
export interface CmsgContext {
  readonly opts: TextOptions;
  fd(v: number): string;
}

type Printer = (x: CmsgContext, d: DataView, data: Uint8Array) => string;

interface CmsgPrinter {
  /** Fewest data bytes the printer needs. */
  readonly min: number;
  readonly print: Printer;
}

/** An array of `n` elements as strace's print_local_array: `...` after -s elements. */
function array(x: CmsgContext, n: number, item: (k: number) => string): string {
  const items: string[] = [];
  for (let k = 0; k < n; k++) {
    if (k >= x.opts.strSize) { items.push('...'); break; }
    items.push(item(k));
  }
  return `[${items.join(', ')}]`;
}

/** uid_t/gid_t as strace's PRINT_FIELD_ID: -1 for (uid_t)-1. */
function id(v: number): string {
  return v === 0xffffffff ? '-1' : String(v);
}

const rights: Printer = (x, d) => array(x, Math.floor(d.byteLength / 4), (k) => x.fd(d.getInt32(k * 4, le)));
const creds: Printer = (_x, d) => `{pid=${d.getInt32(0, le)}, uid=${id(d.getUint32(4, le))}, gid=${id(d.getUint32(8, le))}}`;
const security: Printer = (x, _d, data) => quote(data, data.length, x.opts.xflag);
const timeval: Printer = (_x, d) => (d.byteLength < 16 ? '???' : S.timeval(d));
const timespec: Printer = (_x, d) => (d.byteLength < 16 ? '???' : S.timespec(d));
const timespec3: Printer = (_x, d) => (d.byteLength < 48 ? '???' : `[${[0, 16, 32].map((o) => S.timespec(d, o)).join(', ')}]`);
const uints: Printer = (x, d) => array(x, Math.floor(d.byteLength / 4), (k) => String(d.getUint32(k * 4, le)));
const xbytes: Printer = (x, d) => array(x, d.byteLength, (k) => { const v = d.getUint8(k); return v === 0 ? '0' : hex(v); });
const inAddr = (d: DataView, off: number): string => `inet_addr("${d.getUint8(off)}.${d.getUint8(off + 1)}.${d.getUint8(off + 2)}.${d.getUint8(off + 3)}")`;
// strace names the interface (if_nametoindex("lo")) from the machine it runs on; a
// trace read elsewhere only has the number.
const pktinfo: Printer = (_x, d) => `{ipi_ifindex=${d.getUint32(0, le)}, ipi_spec_dst=${inAddr(d, 4)}, ipi_addr=${inAddr(d, 8)}}`;
const recverr: Printer = (x, d, data) =>
  `{ee_errno=${d.getUint32(0, le)}, ee_origin=${d.getUint8(4)}, ee_type=${d.getUint8(5)}, ee_code=${d.getUint8(6)}, ee_info=${d.getUint32(8, le)}, ee_data=${d.getUint32(12, le)}, offender=${S.sockaddr(data.subarray(16, 32), 16, x.opts)}}`;
const origdstaddr: Printer = (x, _d, data) => S.sockaddr(data, Math.min(data.length, 128), x.opts);

const p = (min: number, print: Printer): CmsgPrinter => ({ min, print });

/** strace's cmsg_socket_printers (SOL_SOCKET), by cmsg_type. */
const socketPrinters: ReadonlyMap<number, CmsgPrinter> = new Map([
  [1, p(4, rights)], // SCM_RIGHTS
  [2, p(12, creds)], // SCM_CREDENTIALS: struct ucred
  [3, p(1, security)], // SCM_SECURITY
  [29, p(1, timeval)], // SO_TIMESTAMP_OLD
  [35, p(1, timespec)], // SO_TIMESTAMPNS_OLD
  [37, p(1, timespec3)], // SO_TIMESTAMPING_OLD
  [63, p(1, timeval)], // SO_TIMESTAMP_NEW (same layout on x86_64)
  [64, p(1, timespec)], // SO_TIMESTAMPNS_NEW
  [65, p(1, timespec3)], // SO_TIMESTAMPING_NEW
]);

/** strace's cmsg_ip_printers (SOL_IP), by cmsg_type. */
const ipPrinters: ReadonlyMap<number, CmsgPrinter> = new Map([
  [8, p(12, pktinfo)], // IP_PKTINFO: struct in_pktinfo
  [2, p(4, uints)], // IP_TTL
  [1, p(1, xbytes)], // IP_TOS
  [6, p(1, xbytes)], // IP_RECVOPTS
  [7, p(1, xbytes)], // IP_RETOPTS
  [11, p(32, recverr)], // IP_RECVERR: struct sock_extended_err + sockaddr_in
  [20, p(16, origdstaddr)], // IP_ORIGDSTADDR: sockaddr_in
  [23, p(4, uints)], // IP_CHECKSUM
  [3, p(1, security)], // SCM_SECURITY
]);

/** `cmsg_type=...` and, when a printer applies, `, cmsg_data=...`. */
function typeAndData(x: CmsgContext, level: number, type: number, data: Uint8Array): string {
  let names = X.scmvals;
  let printers = socketPrinters;
  if (level === 1) { /* SOL_SOCKET */ } else if (level === 0) { names = X.ip_cmsg_types; printers = ipPrinters; } else {
    return `cmsg_type=${hex(type >>> 0)}`;
  }
  const text = `cmsg_type=${enumName(names, type >>> 0)}`;
  const pr = printers.get(type >>> 0);
  if (!pr || data.length < pr.min) return text;
  return `${text}, cmsg_data=${pr.print(x, new DataView(data.buffer, data.byteOffset, data.byteLength), data)}`;
}

/**
 * The text after `msg_control=` for a control buffer at `addr` of `controllen`
 * bytes, of which `data` was read (undefined: not captured or unreadable).
 * strace prints the address when fewer bytes than one cmsghdr are there; the
 * recorder reads at most 256 bytes, so a longer buffer ends in `...` where
 * strace would have gone on.
 */
export function msgControl(x: CmsgContext, addr: number, controllen: number, data: Uint8Array | undefined): string {
  if (!data || controllen < CMSG_HDR || data.length < CMSG_HDR) return addr === 0 ? 'NULL' : hex(addr);
  const controlLen = Math.min(controllen, data.length);
  const d = new DataView(data.buffer, data.byteOffset, controlLen);
  const items: string[] = [];
  let off = 0;
  let left = controlLen;
  while (left >= CMSG_HDR) {
    const cmsgLen = d.getBigUint64(off, le);
    const level = d.getInt32(off + 8, le);
    const type = d.getInt32(off + 12, le);
    const len = cmsgLen > BigInt(left) ? left : Number(cmsgLen);
    const body = data.subarray(off + CMSG_HDR, off + Math.max(len, CMSG_HDR));
    items.push(`{cmsg_len=${cmsgLen}, cmsg_level=${enumName(X.socketlayers, level >>> 0)}, ${typeAndData(x, level, type, body)}}`);
    if (len < CMSG_HDR) { left -= CMSG_HDR; break; }
    const aligned = (cmsgLen + BigInt(WORD - 1)) & ~BigInt(WORD - 1);
    if (aligned >= BigInt(left)) { left = 0; break; }
    off += Number(aligned);
    left -= Number(aligned);
  }
  if (controlLen < controllen) items.push('...'); // the capture ends here, the buffer does not
  else if (left > 0) items.push(`... /* ${hex(addr + (controlLen - left))} */`);
  return `[${items.join(', ')}]`;
}
