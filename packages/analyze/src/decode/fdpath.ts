// -y: what an fd a call made refers to, as the recorder read it from the kernel when the
// call returned (FdPathCapture: a struct bt_fd_path, then the path from the root), and
// the text /proc/PID/fd (and so strace -y) shows for it.
import { CaptureFlag, FdPathCapture, type SyscallEvent } from '@beetrace/format';
import * as X from '../generated/xlat.js';

/** bpf/beetrace.h's struct bt_fd_path: ino, peer_ino, fs_magic, family, deleted, pad. */
const HEAD = 24;
const utf8 = new TextDecoder('utf-8', { fatal: false });
const SOCKFS = X.fs_magic.byName.get('SOCKFS_MAGIC')!;
const PIPEFS = X.fs_magic.byName.get('PIPEFS_MAGIC')!;
const ANON_INODE_FS = X.fs_magic.byName.get('ANON_INODE_FS_MAGIC')!;

export interface FdTarget {
  /** What -y prints: the canonical path ("/usr/lib/x86_64-linux-gnu/libc.so.6", "/memfd:x (deleted)"), or "socket:[INODE]", "pipe:[INODE]", "anon_inode:[eventfd]". */
  readonly text: string;
  readonly ino: bigint;
  /** A connected unix socket: its peer's inode. */
  readonly peerIno: bigint | undefined;
  readonly kind: 'file' | 'socket' | 'pipe' | 'anon';
  /** The walk stopped before the root (deeper or longer than the recorder walks). */
  readonly truncated: boolean;
}

/** What the fd the call returned (element FdPathCapture.RET) or the k-th fd it wrote (PAIR + k) refers to, when the trace says. */
export function fdTarget(ev: SyscallEvent, element: number): FdTarget | undefined {
  for (const c of ev.captures) {
    if (c.arg !== FdPathCapture.ARG || c.element !== element || c.data.length < HEAD) continue;
    const v = new DataView(c.data.buffer, c.data.byteOffset, HEAD);
    const ino = v.getBigUint64(0, true);
    const peer = v.getBigUint64(8, true);
    const magic = v.getUint32(16, true);
    const deleted = v.getUint8(22) !== 0;
    const path = utf8.decode(c.data.subarray(HEAD));
    const truncated = (c.flags & CaptureFlag.TRUNCATED) !== 0;
    const base = { ino, peerIno: peer === 0n ? undefined : peer, truncated };
    if (magic === SOCKFS) return { ...base, kind: 'socket', text: `socket:[${ino}]` };
    if (magic === PIPEFS) return { ...base, kind: 'pipe', text: `pipe:[${ino}]` };
    if (magic === ANON_INODE_FS) return { ...base, kind: 'anon', text: `anon_inode:${path.slice(1)}` };
    return { ...base, kind: 'file', text: path + (deleted ? ' (deleted)' : '') };
  }
  return undefined;
}
