// -y and -yy: what an fd a call made refers to, as the recorder read it from the kernel
// when the call returned (FdPathCapture: bpf/beetrace.h's struct bt_fd_path, then the path
// from the root, or for a socket its struct bt_sock_addrs and bound unix path), and the
// text /proc/PID/fd (and so strace -y) shows for it, or strace -yy's for a socket.
import { CaptureFlag, FdPathCapture, type SyscallEvent } from '@beetrace/format';
import * as X from '../generated/xlat.js';
import { ipv6 } from './sockaddr.js';

/** struct bt_fd_path: ino u64, peer u64, fs_magic u32, type u16, deleted u8, state u8. */
const HEAD = 24;
/** struct bt_sock_addrs: proto char[16], local u8[16], peer u8[16], local_port u16, peer_port u16, pad u32. */
const SOCK = 56;
const utf8 = new TextDecoder('utf-8', { fatal: false });
const SOCKFS = X.fs_magic.byName.get('SOCKFS_MAGIC')!;
const PIPEFS = X.fs_magic.byName.get('PIPEFS_MAGIC')!;
const ANON_INODE_FS = X.fs_magic.byName.get('ANON_INODE_FS_MAGIC')!;
const AF_UNIX = X.addrfams.byName.get('AF_UNIX')!;
const AF_INET = X.addrfams.byName.get('AF_INET')!;
const AF_INET6 = X.addrfams.byName.get('AF_INET6')!;
const S_IFCHR = 0o020000 >> 12, S_IFBLK = 0o060000 >> 12;

/** A socket as the kernel described it: what strace -yy prints. */
export interface SocketView {
  readonly ino: bigint;
  readonly family: number;
  /** The kernel's name of its protocol: "TCP", "UDPv6", "UNIX-STREAM"... */
  readonly proto: string;
  readonly state: number;
  /** A connected unix socket: its peer's inode. */
  readonly peerIno: bigint | undefined;
  /** inet: "127.0.0.1:80", "[::1]:80"; peer undefined while unconnected. */
  readonly local: string | undefined;
  readonly localPort: number;
  readonly peer: string | undefined;
  /** unix: the path it is bound to ("@name" for an abstract one). */
  readonly unixPath: string | undefined;
}

export interface FdTarget {
  /** What -y prints: the canonical path ("/usr/lib/x86_64-linux-gnu/libc.so.6", "/memfd:x (deleted)"), or "socket:[INODE]", "pipe:[INODE]", "anon_inode:[eventfd]". */
  readonly text: string;
  readonly kind: 'file' | 'socket' | 'pipe' | 'anon';
  /** A socket: what -yy prints. */
  readonly sock: SocketView | undefined;
  /** A device file: strace -yy's mark after its path, `<char 1:3>`. */
  readonly device: string | undefined;
  /** The walk stopped before the root (deeper or longer than the recorder walks). */
  readonly truncated: boolean;
}

function inetAddr(b: Uint8Array, family: number, port: number): string {
  return family === AF_INET ? `${b[0]}.${b[1]}.${b[2]}.${b[3]}:${port}` : `[${ipv6(b, 0)}]:${port}`;
}

function socketView(ino: bigint, peer: bigint, family: number, state: number, d: Uint8Array): SocketView | undefined {
  if (d.length < SOCK) return undefined;
  const v = new DataView(d.buffer, d.byteOffset, SOCK);
  const nul = d.subarray(0, 16).indexOf(0);
  const proto = utf8.decode(d.subarray(0, nul < 0 ? 16 : nul));
  const localPort = v.getUint16(48, true), peerPort = v.getUint16(50, true);
  const inet = family === AF_INET || family === AF_INET6;
  const peerAddr = d.subarray(32, family === AF_INET ? 36 : 48);
  const connected = inet && (peerPort !== 0 || peerAddr.some((x) => x !== 0));
  let unixPath: string | undefined;
  if (family === AF_UNIX && d.length > SOCK) {
    const p = d.subarray(SOCK);
    if (p[0] === 0) unixPath = `@${utf8.decode(p.subarray(1)).replace(/\0+$/, '')}`;
    else {
      const end = p.indexOf(0);
      unixPath = utf8.decode(end < 0 ? p : p.subarray(0, end));
    }
  }
  return {
    ino, family, proto, state, peerIno: family === AF_UNIX && peer !== 0n ? peer : undefined, localPort, unixPath,
    local: inet ? inetAddr(d.subarray(16, 32), family, localPort) : undefined,
    peer: connected ? inetAddr(peerAddr, family, peerPort) : undefined,
  };
}

/**
 * What the fd the call returned (element FdPathCapture.RET), the k-th fd it wrote (PAIR + k)
 * or the socket of its fd argument after it (FD_ARG) refers to, when the trace says.
 */
export function fdTarget(ev: SyscallEvent, element: number): FdTarget | undefined {
  for (const c of ev.captures) {
    if (c.arg !== FdPathCapture.ARG || c.element !== element || c.data.length < HEAD) continue;
    const v = new DataView(c.data.buffer, c.data.byteOffset, HEAD);
    const ino = v.getBigUint64(0, true);
    const magic = v.getUint32(16, true);
    const truncated = (c.flags & CaptureFlag.TRUNCATED) !== 0;
    if (magic === SOCKFS) {
      const sock = socketView(ino, v.getBigUint64(8, true), v.getUint16(20, true), v.getUint8(23), c.data.subarray(HEAD));
      return { kind: 'socket', text: `socket:[${ino}]`, sock, device: undefined, truncated };
    }
    const path = utf8.decode(c.data.subarray(HEAD));
    if (magic === PIPEFS) return { kind: 'pipe', text: `pipe:[${ino}]`, sock: undefined, device: undefined, truncated };
    if (magic === ANON_INODE_FS) return { kind: 'anon', text: `anon_inode:${path.slice(1)}`, sock: undefined, device: undefined, truncated };
    const type = v.getUint16(20, true), rdev = Number(v.getBigUint64(8, true) & 0xffffffffn);
    const device = type === S_IFCHR || type === S_IFBLK ? `${type === S_IFCHR ? 'char' : 'block'} ${rdev >>> 20}:${rdev & 0xfffff}` : undefined;
    return { kind: 'file', text: path + (v.getUint8(22) !== 0 ? ' (deleted)' : ''), sock: undefined, device, truncated };
  }
  return undefined;
}

/**
 * A socket as strace -yy prints it (from sock_diag): UNIX-STREAM:[INODE->PEER,"PATH"],
 * TCP:[LOCAL->PEER], TCP:[LOCAL] while listening or unconnected but bound, PROTO:[INODE]
 * when sock_diag would not list it (unbound, or a TCP socket bound but not listening).
 */
export function socketText(s: SocketView): string {
  if (s.family === AF_UNIX) {
    return `${s.proto}:[${s.ino}${s.peerIno !== undefined ? `->${s.peerIno}` : ''}${s.unixPath !== undefined ? `,${JSON.stringify(s.unixPath)}` : ''}]`;
  }
  if (socketListed(s)) return `${s.proto}:[${s.local}${s.peer !== undefined ? `->${s.peer}` : ''}]`;
  return `${s.proto || 'socket'}:[${s.ino}]`;
}

/**
 * Whether sock_diag lists the socket, so that strace -yy has its details (which strace then
 * keeps for the inode: later lines print them as first found): an inet socket bound to a port
 * (kernels from 6.5 list bound TCP sockets that are not listening too), a unix socket bound or
 * connected.
 */
export function socketListed(s: SocketView): boolean {
  if (s.family === AF_UNIX) return s.unixPath !== undefined || s.peerIno !== undefined;
  return (s.family === AF_INET || s.family === AF_INET6) && s.localPort !== 0;
}
