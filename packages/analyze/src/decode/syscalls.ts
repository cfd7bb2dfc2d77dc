// Syscall decoders, looked up by name. Each prints the arguments strace prints,
// in its order and format; `c.exiting()` marks where strace's entry part ends
// (what `<unfinished ...>` shows). Syscalls without a decoder print generically
// from the table's argument types.
import { CaptureFlag, FdPathCapture, MmsgElement, PtrlenElement } from '@beetrace/format';
import * as X from '../generated/xlat.js';
import { type Call, s32, u32 } from './call.js';
import { msgControl } from './cmsg.js';
import { netlinkText } from './netlink.js';
import { ioctl } from './ioctl.js';
import * as S from './structs.js';
import { octal, quote } from './text.js';
import { and53, decimal, enumName, flags, hex, sprintFlags, type Xlat } from './xlat.js';

/** clone3's flag beyond 32 bits (a JavaScript `&` would drop it). */
const CLONE_INTO_CGROUP = 0x200000000;

type Decoder = (c: Call) => void;

const le = true;

// ---- shared pieces ----

/** open flags: access mode first, then the rest (strace's tprint_open_modes). */
export function openFlags(v: number): string {
  v = u32(v);
  const acc = v & 3;
  const rest = v & ~3 >>> 0;
  const accName = X.open_access_modes.byValue.get(acc) ?? hex(acc);
  if ((rest >>> 0) === 0) return accName;
  return accName + '|' + sprintFlags(X.open_flags, rest >>> 0);
}

function hasCreate(v: number): boolean {
  return (v & 0o100) !== 0 || (v & 0o20000000) !== 0;
}

function modeArg(c: Call, i: number): string {
  return S.octalPad(u32(c.arg(i)));
}

function dirfdPath(c: Call, dfd: number, p: number): void {
  c.push(c.dirfd(dfd));
  c.push(c.path(p));
}

function sigArg(c: Call, i: number): string {
  return S.signalName(s32(c.arg(i)));
}

function sigsetArg(c: Call, i: number, sizeArg: number, output: boolean): string {
  const size = u32(c.arg(sizeArg));
  const fmt = (d: DataView): string => S.sigsetAt(d, 0, size);
  return output ? c.out(i, fmt) : c.struct(i, fmt);
}

/** `[N]` from a captured int at argument i. */
function intPtr(c: Call, i: number, output: boolean): string {
  const fmt = (d: DataView): string => `[${d.getInt32(0, le)}]`;
  return output ? c.out(i, fmt, 4) : c.struct(i, fmt, 4);
}

function timespecArg(c: Call, i: number, output = false): string {
  return output ? c.out(i, (d) => S.timespec(d), 16) : c.struct(i, (d) => S.timespec(d), 16);
}

function fdPair(c: Call, i: number): string {
  return c.out(i, (d) => `[${c.madeFd(d.getInt32(0, le), FdPathCapture.PAIR)}, ${c.madeFd(d.getInt32(4, le), FdPathCapture.PAIR + 1)}]`, 8);
}

function dec(v: number): string {
  return String(v);
}

function xarg(c: Call, i: number, x: Xlat): string {
  return c.flagsArg(i, x);
}

// ---- I/O ----

function read(c: Call): void {
  c.push(c.fd(c.arg(0)));
  c.exiting();
  c.push(c.failed || !c.exited ? c.ptr(c.arg(1)) : c.buf(1, c.ret));
  c.push(c.ulong(2));
}

function write(c: Call): void {
  c.push(c.fd(c.arg(0)));
  c.push(c.buf(1, c.arg(2)));
  c.push(c.ulong(2));
}

function pread(c: Call): void {
  read(c);
  c.push(c.long(3));
}

function pwrite(c: Call): void {
  write(c);
  c.push(c.long(3));
}

/** iovec array at argument i with `count` entries; `limit` bytes of data exist in total. */
function iovec(c: Call, i: number, count: number, limit: number): string {
  const v = c.arg(i);
  if (v === 0) return 'NULL';
  return iovecItems(c, i, c.data(i), v, count, limit);
}

/**
 * The entries of an iovec array whose raw bytes are `raw` (at address `v`), their
 * buffers being argument i's ELEMENT captures 0..n-1; `limit` bytes of data exist.
 */
function iovecItems(c: Call, i: number, raw: Uint8Array | undefined, v: number, count: number, limit: number, el = 0, netlink?: NetlinkSocket): string {
  if (!raw || raw.length < 16) return hex(v);
  const d = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const n = Math.min(count, Math.floor(raw.length / 16));
  const items: string[] = [];
  let left = limit;
  for (let k = 0; k < n; k++) {
    if (k >= c.opts.strSize) { items.push('...'); break; }
    const base = S.u64(d, k * 16);
    const len = S.u64(d, k * 16 + 8);
    const e = c.elem(i, el + k);
    let b: string;
    const shown = Math.min(len, Math.max(left, 0));
    if (!e || (e.flags & CaptureFlag.FAULT) !== 0) b = base === 0 ? 'NULL' : hex(base);
    else if (netlink) b = netlinkText(e.data, shown, netlink.protocol, c.opts, netlink.sending);
    else {
      const cut = Math.min(shown, c.opts.strSize, e.data.length);
      b = quote(e.data, cut, c.opts.xflag) + (shown > cut ? '...' : '');
    }
    left -= len;
    items.push(`{iov_base=${b}, iov_len=${decimal(len)}}`);
  }
  if (count > n && items[items.length - 1] !== '...') items.push('...');
  return `[${items.join(', ')}]`;
}

/** A socket the model knows to be a netlink one, with its protocol (NETLINK_ROUTE...) when known. */
interface NetlinkSocket {
  readonly protocol: number | undefined;
  /** The call sends the buffer (strace decodes it at entry). */
  readonly sending: boolean;
}

const AF_NETLINK = X.addrfams.byName.get('AF_NETLINK')!;

/** The netlink socket argument 0 names, if it is one (strace decodes what such a socket sends and receives). */
function netlinkSocket(c: Call): NetlinkSocket | undefined {
  const f = c.state.fd(c.ev.pid, s32(c.arg(0)))?.file;
  return f?.kind === 'socket' && f.family === AF_NETLINK ? { protocol: f.protocol, sending: sends(c) } : undefined;
}

/** The call writes its buffer out through the fd (the syscall table's effect), as sendto/sendmsg do. */
function sends(c: Call): boolean {
  return c.info?.effect === 'write';
}

/** A buffer of `len` bytes sent or received on the socket argument 0 names: netlink messages decoded, else a string. */
function sockBuf(c: Call, i: number, len: number): string {
  const nl = netlinkSocket(c);
  const data = nl && c.arg(i) !== 0 ? c.data(i) : undefined;
  return data ? netlinkText(data, len, nl!.protocol, c.opts, nl!.sending) : c.buf(i, len);
}

function readv(c: Call): void {
  c.push(c.fd(c.arg(0)));
  c.exiting();
  c.push(c.failed || !c.exited ? c.ptr(c.arg(1)) : iovec(c, 1, u32(c.arg(2)), c.ret));
  c.push(c.int(2));
}

function writev(c: Call): void {
  c.push(c.fd(c.arg(0)));
  c.push(iovec(c, 1, u32(c.arg(2)), Number.MAX_SAFE_INTEGER));
  c.push(c.int(2));
}

// ---- files ----

function openCommon(c: Call, pathArg: number, flagArg: number): void {
  c.push(c.path(pathArg));
  const fl = c.arg(flagArg);
  c.push(openFlags(fl));
  if (hasCreate(fl)) c.push(modeArg(c, flagArg + 1));
  c.retFormat = 'fd';
}

function statLike(c: Call, fmt: (d: DataView) => string, bytes: number, pathArg: number, bufArg: number): void {
  if (pathArg >= 0) c.push(c.path(pathArg));
  else c.push(c.fd(c.arg(0)));
  c.exiting();
  c.push(c.out(bufArg, fmt, bytes));
}

function atFlags(c: Call, i: number): string {
  return c.flagsArg(i, X.at_flags);
}

function statxFlags(v: number): string {
  v = u32(v);
  const sync = X.statx_sync.byValue.get(v & 0x6000) ?? hex(v & 0x6000);
  const rest = v & ~0x6000;
  return rest ? `${sync}|${flags(X.at_flags, rest)}` : sync;
}

function getdents(c: Call, reclenOff: number): void {
  c.push(c.fd(c.arg(0)));
  c.exiting();
  if (c.failed || !c.exited) c.push(c.ptr(c.arg(1)));
  else {
    const d = c.data(1);
    let n = 0;
    if (d && d.length === 4 && c.info?.capture.some((k) => k.arg === 1 && k.kind === 'dirents')) {
      // The recorder counted the entries (kind dirents): a little-endian u32.
      n = new DataView(d.buffer, d.byteOffset, 4).getUint32(0, le);
    } else if (d) {
      const v = new DataView(d.buffer, d.byteOffset, d.byteLength);
      for (let off = 0; off + reclenOff + 2 <= Math.min(d.length, c.ret);) {
        const rl = v.getUint16(off + reclenOff, le);
        if (rl === 0) break;
        n++;
        off += rl;
      }
    }
    c.push(`${c.ptr(c.arg(1))} /* ${n} entries */`);
  }
  c.push(c.uint(2));
}

function readlinkCommon(c: Call, pathIdx: number, bufIdx: number, sizeIdx: number): void {
  if (pathIdx === 1) c.push(c.dirfd(0));
  c.push(c.path(pathIdx));
  c.exiting();
  c.push(c.failed || !c.exited ? c.ptr(c.arg(bufIdx)) : c.buf(bufIdx, c.ret));
  c.push(c.ulong(sizeIdx));
}

/** An xattr value of `size` bytes (strace's print_xattr_val: the address beyond XATTR_SIZE_MAX, a trailing NUL left out). */
function xattrVal(c: Call, i: number, size: number): string {
  if (c.arg(i) === 0) return 'NULL';
  if (size < 0 || size > 65536) return c.ptr(c.arg(i));
  return c.buf(i, size, false, true);
}

function xattrGet(c: Call, first: 'path' | 'fd'): void {
  c.push(first === 'fd' ? c.fd(c.arg(0)) : c.path(0));
  c.push(c.str(1));
  c.exiting();
  c.push(!c.exited || c.failed ? c.ptr(c.arg(2)) : xattrVal(c, 2, c.ret));
  c.push(c.ulong(3));
}

function xattrSet(c: Call, first: 'path' | 'fd'): void {
  c.push(first === 'fd' ? c.fd(c.arg(0)) : c.path(0));
  c.push(c.str(1));
  c.push(xattrVal(c, 2, c.arg(3)));
  c.push(c.ulong(3));
  c.push(xarg(c, 4, X.xattr_flags));
}

/** listxattr's list: the address when the size is 0 or the call failed. */
function xattrList(c: Call, first: 'path' | 'fd'): void {
  c.push(first === 'fd' ? c.fd(c.arg(0)) : c.path(0));
  c.exiting();
  if (c.failed || !c.exited || c.arg(2) === 0) c.push(c.ptr(c.arg(1)));
  else c.push(c.buf(1, c.ret));
  c.push(c.ulong(2));
}

function utimensat(c: Call): void {
  c.push(c.dirfd(0));
  c.push(c.path(1));
  c.push(c.struct(2, (d) => `[${utimeTs(d, 0)}, ${utimeTs(d, 16)}]`, 32));
  c.push(atFlags(c, 3));
}

function utimeTs(d: DataView, off: number): string {
  const ns = S.i64(d, off + 8);
  if (ns === 0x3fffffff) return 'UTIME_NOW';
  if (ns === 0x3ffffffe) return 'UTIME_OMIT';
  const sec = S.i64(d, off);
  return `{tv_sec=${decimal(sec)}, tv_nsec=${decimal(ns)}}${S.timeComment(sec, ns, 9)}`;
}

/** struct timeval[2] of utimes/futimesat, each with its time as a comment. */
function timevalPair(d: DataView): string {
  const one = (off: number): string => `${S.timeval(d, off)}${S.timeComment(S.i64(d, off), S.i64(d, off + 8), 6)}`;
  return `[${one(0)}, ${one(16)}]`;
}

/** struct utimbuf of utime. */
function utimbuf(d: DataView): string {
  const a = S.i64(d, 0);
  const m = S.i64(d, 8);
  return `{actime=${decimal(a)}${S.timeComment(a, 0, 0)}, modtime=${decimal(m)}${S.timeComment(m, 0, 0)}}`;
}

// ---- memory ----

/** mmap flags as strace's print_mmap_flags: the type, the other flags, the huge page size as N<<MAP_HUGE_SHIFT. */
function mmapFlags(v: number): string {
  v = u32(v);
  let out = enumName(X.mmap_type, v & 0xf, 'hex', 'MAP_???');
  const huge = v & (0x3f << 26);
  const rest = (v & ~0xf & ~(0x3f << 26)) >>> 0;
  if (rest) out += `|${sprintFlags(X.mmap_flags, rest)}`;
  if (huge) out += `|${huge >>> 26}<<MAP_HUGE_SHIFT`;
  return out;
}

function prot(v: number): string {
  return flags(X.mmap_prot, u32(v), 'PROT_NONE');
}

// ---- process ----

function execveCommon(c: Call, pathArg: number): void {
  if (pathArg === 1) c.push(c.dirfd(0));
  c.push(c.path(pathArg));
  const argvAddr = c.arg(pathArg + 1);
  if (argvAddr === 0) c.push('NULL');
  else {
    const el = c.elems(pathArg + 1);
    const cap = c.cap(pathArg + 1);
    if (el.length === 0 && cap && (cap.flags & CaptureFlag.FAULT) !== 0) c.push(hex(argvAddr));
    else {
      const items: string[] = [];
      for (const e of el) {
        if (items.length >= c.opts.strSize) { items.push('...'); break; }
        items.push((e.flags & CaptureFlag.FAULT) !== 0 ? '???' : c.strBytes(e.data, (e.flags & CaptureFlag.TRUNCATED) !== 0));
      }
      const more = cap && (cap.flags & CaptureFlag.TRUNCATED) !== 0;
      c.push(`[${items.join(', ')}${more && items[items.length - 1] !== '...' ? (items.length ? ', ...' : '...') : ''}]`);
    }
  }
  const envAddr = c.arg(pathArg + 2);
  if (envAddr === 0) c.push('NULL');
  else {
    const cnt = c.data(pathArg + 2);
    c.push(cnt && cnt.length >= 4 ? `${hex(envAddr)} /* ${new DataView(cnt.buffer, cnt.byteOffset, 4).getUint32(0, le)} vars */` : hex(envAddr));
  }
  if (pathArg === 1) c.push(atFlags(c, 4));
}

function cloneFlagsText(fl: number): string {
  const sig = fl & 0xff;
  const rest = fl - sig;
  if (rest === 0) return sig ? S.signalName(sig) : '0';
  return flags(X.clone_flags, rest) + (sig ? `|${S.signalName(sig)}` : '');
}

function clone(c: Call): void {
  // x86_64: clone(flags, stack, parent_tid, child_tid, tls)
  const fl = c.arg(0);
  const f = fl - (fl & 0xff);
  c.push(`child_stack=${c.ptr(c.arg(1))}`);
  c.push(`flags=${cloneFlagsText(fl)}`);
  c.retFormat = 'dec';
  const late = 0x100000 | 0x1000 | 0x1000000 | 0x200000 | 0x80000; // PARENT_SETTID PIDFD CHILD_SETTID CHILD_CLEARTID SETTLS
  if ((f & late) === 0 && f < 0x100000000) return;
  c.exiting();
  if (f & (0x100000 | 0x1000)) {
    c.push(`parent_tid=${f & 0x100000 && !c.failed && c.exited ? `[${c.ret}]` : c.ptr(c.arg(2))}`);
  }
  if (f & 0x80000) c.push(`tls=${c.ptr(c.arg(4))}`);
  if (f & (0x1000000 | 0x200000)) c.push(`child_tidptr=${c.ptr(c.arg(3))}`);
}

function clone3(c: Call): void {
  const size = c.arg(1);
  const d = c.data(0);
  if (!d || d.length < 64) c.push(c.ptr(c.arg(0)));
  else {
    const v = new DataView(d.buffer, d.byteOffset, d.byteLength);
    const fl = S.u64(v, 0);
    const parts = [`flags=${flags(X.clone_flags, fl)}`];
    const pidfd = S.u64(v, 8);
    const childTid = S.u64(v, 16);
    const parentTid = S.u64(v, 24);
    const exitSig = S.u64(v, 32);
    const stack = S.u64(v, 40);
    const stackSize = S.u64(v, 48);
    const tls = S.u64(v, 56);
    if (fl & 0x1000) parts.push(`pidfd=${c.ptr(pidfd)}`);
    if (fl & (0x1000000 | 0x200000)) parts.push(`child_tid=${c.ptr(childTid)}`);
    if (fl & 0x100000) parts.push(`parent_tid=${c.ptr(parentTid)}`);
    parts.push(`exit_signal=${exitSig ? S.signalName(exitSig) : '0'}`);
    parts.push(`stack=${c.ptr(stack)}`);
    parts.push(`stack_size=${stackSize ? hex(stackSize) : "0"}`);
    if (fl & 0x80000) parts.push(`tls=${c.ptr(tls)}`);
    if (d.length >= 88 && size >= 88) {
      const cg = S.u64(v, 80);
      if (and53(fl, CLONE_INTO_CGROUP) !== 0) parts.push(`cgroup=${decimal(cg)}`);
    }
    let s = `{${parts.join(', ')}}`;
    if (c.exited && !c.failed && fl & 0x100000) s += ` => {parent_tid=[${c.ret}]}`;
    c.push(s);
  }
  c.push(c.ulong(1));
}

function wait4(c: Call): void {
  c.push(c.int(0));
  c.exiting();
  if (c.ret === 0 || c.failed || !c.exited) c.push(c.ptr(c.arg(1)));
  else c.push(c.struct(1, (d) => S.waitStatus(d.getInt32(0, le)), 4));
  c.push(c.flagsArg(2, X.wait4_options));
  if (c.ret > 0 && c.exited) c.push(c.struct(3, (d) => S.rusage(d), 32));
  else c.push(c.ptr(c.arg(3)));
}

// ---- signals ----

function rtSigaction(c: Call): void {
  c.push(sigArg(c, 0));
  c.push(c.struct(1, (d) => S.sigaction(d), 32));
  c.exiting();
  c.push(c.out(2, (d) => S.sigaction(d), 32));
  c.push(c.ulong(3));
}

function rtSigprocmask(c: Call): void {
  c.push(c.enumArg(0, X.sigprocmask_cmds));
  c.push(sigsetArg(c, 1, 3, false));
  c.exiting();
  c.push(sigsetArg(c, 2, 3, true));
  c.push(c.ulong(3));
}

// ---- sockets ----

/** socket(2)'s type: the type's name, then its flags (strace's tprint_sock_type). */
function sockType(v: number): string {
  v = u32(v);
  const t = X.socktypes.byValue.get(v & 0xf);
  if (t === undefined) return flags(X.sock_type_flags, v, '0', 'SOCK_???');
  const rest = v & ~0xf;
  return rest ? `${t}|${flags(X.sock_type_flags, rest >>> 0, '0', 'SOCK_???')}` : t;
}

function sockProto(domain: number, proto: number): string {
  if (domain === 2 || domain === 10) return enumName(X.inet_protocols, proto);
  if (domain === 16) return enumName(X.netlink_protocols, proto);
  return String(proto);
}

function sockaddrArg(c: Call, i: number, len: number): string {
  const v = c.arg(i);
  if (v === 0) return 'NULL';
  const d = c.data(i);
  if (!d) return hex(v);
  return S.sockaddr(d, len, c.opts);
}

/** A socklen_t value-result argument: its value at entry (when captured) and at exit. */
function socklen(c: Call, lenArg: number): { ulen: number | undefined; rlen: number } {
  const at = (d: Uint8Array | undefined): number | undefined => (d && d.length >= 4 ? new DataView(d.buffer, d.byteOffset, 4).getInt32(0, le) : undefined);
  return { ulen: at(c.entryData(lenArg)), rlen: at(c.data(lenArg)) ?? -1 };
}

/** `[ulen => rlen]` as strace prints a changed value-result length, `[rlen]` when unchanged. */
function lenChange(ulen: number | undefined, rlen: number): string {
  return ulen !== undefined && ulen !== rlen ? `[${ulen} => ${rlen}]` : `[${rlen}]`;
}

/** Output sockaddr with its length pointer (accept, getsockname, recvfrom). */
function sockaddrOut(c: Call, addrArg: number, lenArg: number): void {
  if (!c.exited) {
    c.push(c.ptr(c.arg(addrArg)));
    c.push(c.ptr(c.arg(lenArg)));
    return;
  }
  const { ulen, rlen } = socklen(c, lenArg);
  if (c.failed) {
    // strace: the address, and the length as it was passed in.
    c.push(c.ptr(c.arg(addrArg)));
    c.push(c.arg(addrArg) !== 0 && c.arg(lenArg) !== 0 && ulen !== undefined ? `[${ulen}]` : c.ptr(c.arg(lenArg)));
    return;
  }
  const outLen = rlen;
  const shown = ulen !== undefined && ulen < outLen ? ulen : outLen;
  c.push(c.arg(addrArg) === 0 ? 'NULL' : outLen >= 0 ? sockaddrArg(c, addrArg, shown) : c.ptr(c.arg(addrArg)));
  c.push(c.arg(lenArg) === 0 ? 'NULL' : outLen >= 0 ? (c.arg(addrArg) === 0 ? `[${outLen}]` : lenChange(ulen, outLen)) : c.ptr(c.arg(lenArg)));
}

function sockoptName(level: number, name: number): string {
  switch (level) {
    case 1: return enumName(X.sockoptions, name);
    case 6: return enumName(X.tcp_options, name);
    case 0: return enumName(X.ip_options, name);
    case 41: return enumName(X.ipv6_options, name);
    case 270: return enumName(X.sock_netlink_options, name, 'hex', 'NETLINK_???'); // SOL_NETLINK
    default: return String(u32(name));
  }
}

/**
 * A socket option's value of `len` bytes at argument i (strace's print_setsockopt /
 * print_getsockopt): struct linger, struct ucred, SO_ERROR's errno by name, ints, else the bytes.
 */
function sockoptVal(c: Call, i: number, level: number, name: number, len: number, output: boolean): string {
  const at = (fmt: (d: DataView, b: Uint8Array) => string): string => (output ? c.out(i, fmt) : c.struct(i, fmt));
  const raw = (d: DataView, n: number, forceHex = false): string =>
    quote(new Uint8Array(d.buffer, d.byteOffset, Math.min(n, d.byteLength)), Math.min(n, d.byteLength, c.opts.strSize), forceHex ? 2 : c.opts.xflag) + (n > c.opts.strSize ? '...' : '');
  if (c.arg(i) !== 0 && level === 1) {
    if (name === 13) { // SO_LINGER
      if (!output && len < 8) return c.ptr(c.arg(i));
      return at((d) => {
        const parts = [];
        if (len >= 4) parts.push(`l_onoff=${d.getInt32(0, le)}`);
        if (len >= 8) parts.push(`l_linger=${d.getInt32(4, le)}`);
        return `{${parts.join(', ')}}`;
      });
    }
    if (name === 17 && output) { // SO_PEERCRED
      return at((d) => {
        const parts = [];
        if (len >= 4) parts.push(`pid=${d.getInt32(0, le)}`);
        if (len >= 8) parts.push(`uid=${d.getUint32(4, le)}`);
        if (len >= 12) parts.push(`gid=${d.getUint32(8, le)}`);
        return `{${parts.join(', ')}}`;
      });
    }
    if (name === 4 && output) { // SO_ERROR
      return at((d) => {
        if (len < 4) return raw(d, len, true);
        const e = d.getUint32(0, le);
        return `[${X.errnos.name.get(e) ?? e}]`;
      });
    }
    if (X.so_int_options.byValue.has(name)) {
      if (len < 4) return output ? at((d) => raw(d, len, true)) : c.ptr(c.arg(i));
      return at((d) => `[${d.getInt32(0, le)}]`);
    }
  }
  if (level === 270 && c.arg(i) !== 0) { // SOL_NETLINK
    if (!output && len < 4) return c.ptr(c.arg(i));
    return at((d) => `[${d.getInt32(0, le)}]`);
  }
  return at((d) => (len === 4 && d.byteLength >= 4 ? `[${d.getInt32(0, le)}]` : raw(d, len)));
}

// Element numbers of a msghdr capture's parts (packages/format/src/syscalls.ts: msghdr).
const MSG_NAME = 0x100;
const MSG_CONTROL = 0x101;
const MSG_IOV = 0x102;

/** struct msghdr at argument i (sendmsg: everything it points to is input). */
function msghdr(c: Call, i: number): string {
  return c.struct(i, (d) => msghdrText(c, i, d, Number.MAX_SAFE_INTEGER, undefined), 56);
}

/**
 * The fields of a struct msghdr; `limit` bytes of iovec data exist (the return
 * value of a receive). `userNamelen`: msg_namelen as it was at entry (recvmsg's
 * value-result field), printed `110 => 16` when it changed.
 */
function msghdrText(c: Call, i: number, d: DataView, limit: number, userNamelen: number | undefined, el = 0): string {
  const name = S.u64(d, 0);
  const namelen = d.getInt32(8, le);
  const iov = S.u64(d, 16);
  const iovlen = S.u64(d, 24);
  const ctl = S.u64(d, 32);
  const ctllen = S.u64(d, 40);
  const fl = d.getInt32(48, le);
  // strace decodes the name with the smaller of the two lengths: the kernel wrote no more than it was given.
  const nameLen = userNamelen !== undefined && namelen > userNamelen ? userNamelen : namelen;
  const nameCap = c.elem(i, el | MSG_NAME);
  const nameText = name === 0 ? 'NULL'
    : nameCap && nameLen >= 2 && (nameCap.flags & CaptureFlag.FAULT) === 0
      ? S.sockaddr(nameCap.data, Math.min(nameLen, nameCap.data.length, 128), c.opts)
      : c.ptr(name);
  const namelenText = userNamelen !== undefined && userNamelen !== namelen ? `${userNamelen} => ${namelen}` : String(namelen);
  // strace decodes the data as netlink messages when msg_name is a netlink address.
  const netlink = nameCap && nameLen >= 2 && name !== 0 && (nameCap.flags & CaptureFlag.FAULT) === 0 && nameCap.data.length >= 2
    && (nameCap.data[0]! | (nameCap.data[1]! << 8)) === AF_NETLINK
    ? netlinkSocket(c) ?? { protocol: undefined, sending: sends(c) } : undefined;
  const iovText = iov === 0 ? 'NULL' : iovecItems(c, i, c.elem(i, el | MSG_IOV)?.data, iov, iovlen, limit, el, netlink);
  const ctlCap = c.elem(i, el | MSG_CONTROL);
  const control = ctllen > 0
    ? `msg_control=${msgControl(c, ctl, ctllen, ctlCap && (ctlCap.flags & CaptureFlag.FAULT) === 0 ? ctlCap.data : undefined)}, `
    : '';
  return `{msg_name=${nameText}, msg_namelen=${namelenText}, msg_iov=${iovText}, msg_iovlen=${decimal(iovlen)}, ${control}msg_controllen=${decimal(ctllen)}, msg_flags=${flags(X.msg_flags, fl >>> 0)}}`;
}

/**
 * recvmsg's msghdr: strace reads msg_namelen at entry; on failure it prints
 * only that, `{msg_namelen=110}`, on success the struct at exit with
 * `msg_namelen=110 => 16`. Without the entry capture (older traces) the exit
 * value alone, and the address on failure; without the exit capture, the address.
 */
function recvMsghdr(c: Call, i: number): string {
  const entry = c.entryData(i);
  const userNamelen = entry && entry.length >= 56 ? new DataView(entry.buffer, entry.byteOffset, 56).getInt32(8, le) : undefined;
  if (c.arg(i) === 0 || !c.exited) return c.ptr(c.arg(i));
  if (c.failed) return userNamelen !== undefined ? `{msg_namelen=${userNamelen}}` : c.ptr(c.arg(i));
  const d = c.exitData(i);
  if (!d || d.length < 56) return c.ptr(c.arg(i));
  return msghdrText(c, i, new DataView(d.buffer, d.byteOffset, d.byteLength), c.ret, userNamelen);
}

/**
 * sendmmsg/recvmmsg's struct mmsghdr array (an mmsghdr capture): the messages the call sent
 * or received, each msg_hdr as a msghdr with its msg_len bytes of data, then msg_len.
 */
function mmsgvec(c: Call, i: number): string {
  const v = c.arg(i);
  if (v === 0) return 'NULL';
  const raw = c.data(i);
  const n = Math.min(c.ret, u32(c.arg(2)));
  if (c.failed || !c.exited || !raw) return hex(v);
  const items: string[] = [];
  for (let k = 0; k < n; k++) {
    if (k >= c.opts.strSize || (k + 1) * 64 > raw.length || k >= MmsgElement.MAX) { items.push('...'); break; }
    const d = new DataView(raw.buffer, raw.byteOffset + k * 64, 64);
    const len = d.getUint32(56, le);
    items.push(`{msg_hdr=${msghdrText(c, i, d, len, undefined, MmsgElement.base(k))}, msg_len=${len}}`);
  }
  return `[${items.join(', ')}]`;
}

// ---- poll ----

function pollfds(c: Call, i: number, n: number, output: boolean): string {
  const v = c.arg(i);
  if (v === 0) return 'NULL';
  const d = c.data(i);
  if (!d) return hex(v);
  const dv = new DataView(d.buffer, d.byteOffset, d.byteLength);
  const items: string[] = [];
  const cnt = Math.min(n, Math.floor(d.length / 8));
  let outLen = 0;
  for (let k = 0; k < cnt; k++) {
    const fd = dv.getInt32(k * 8, le);
    if (output) {
      const rev = dv.getUint16(k * 8 + 6, le);
      if (!rev) continue;
      if (items.length >= c.opts.strSize) { items.push('...'); break; }
      // strace builds this note in a 1024-byte buffer and cuts it with "..." before it fills
      const item = `{fd=${fd}, revents=${sprintFlags(X.poll_events, rev)}}`;
      if (outLen + (items.length ? 2 : 1) + item.length >= 1024 - 27) { items.push('...'); break; }
      outLen += (items.length ? 2 : 1) + item.length;
      items.push(item);
    } else {
      if (items.length >= c.opts.strSize) { items.push('...'); break; }
      items.push(fd >= 0 ? `{fd=${c.fd(fd)}, events=${flags(X.poll_events, dv.getUint16(k * 8 + 4, le))}}` : `{fd=${fd}}`);
    }
  }
  if (!output && cnt < n && items[items.length - 1] !== '...') items.push('...');
  return `[${items.join(', ')}]`;
}

/** poll and ppoll: the fds at entry, the ones with events at exit (and, for ppoll, the time left). */
function pollCommon(c: Call, timeout: () => string[], left = -1): void {
  const n = u32(c.arg(1));
  c.push(pollfds(c, 0, n, false));
  c.push(String(n));
  for (const t of timeout()) c.push(t);
  if (!c.exited || c.failed) return;
  if (c.ret === 0) { c.retAux = ' (Timeout)'; return; }
  const parts: string[] = [];
  if (c.arg(0) !== 0 && n) parts.push(pollfds(c, 0, n, true));
  if (left >= 0 && c.arg(left) !== 0) parts.push(`left ${c.struct(left, (d) => S.timespec(d), 16)}`);
  if (parts.length) c.retAux = ` (${parts.join(', ')})`;
}

/** An fd_set of `nfds` bits: the fds in it, as strace's `[3 5]`. */
function fdSet(bytes: Uint8Array, nfds: number, each: (fd: number) => string): string {
  const fds: string[] = [];
  for (let j = 0; j < nfds && j < bytes.length * 8; j++) if ((bytes[j >> 3]! >> (j & 7)) & 1) fds.push(each(j));
  return `[${fds.join(' ')}]`;
}

/**
 * select and pselect6 (strace's decode_select): the sets as they were at entry and
 * the timeout; at exit the ready fds per set and the time left.
 */
function selectCommon(c: Call, time: (d: DataView) => string): void {
  const nfds = Math.min(Math.max(s32(c.arg(0)), 0), 1024 * 1024);
  const fdsize = ((Math.floor((nfds + 7) / 8) + 7) & -8);
  c.push(c.int(0));
  for (let i = 1; i <= 3; i++) {
    if (fdsize === 0) c.push(c.ptr(c.arg(i)));
    else c.push(c.atEntry(i, (_d, b) => fdSet(b, nfds, (fd) => c.fd(fd)), Math.min(fdsize, 128)));
  }
  c.push(c.atEntry(4, (d) => time(d), 16));
  if (!c.exited || c.failed) return;
  if (c.ret === 0) { c.retAux = ' (Timeout)'; return; }
  let out = '';
  let sep = '';
  let ready = c.ret;
  for (let i = 1; i <= 3 && ready > 0; i++) {
    const d = c.arg(i) === 0 ? undefined : c.exitData(i);
    if (!d) continue;
    let first = true;
    for (let j = 0; j < nfds && j < d.length * 8; j++) {
      if (!((d[j >> 3]! >> (j & 7)) & 1)) continue;
      out += first ? `${sep}${i === 1 ? 'in' : i === 2 ? 'out' : 'except'} [${j}` : ` ${j}`;
      if (first) { first = false; sep = ', '; }
      if (--ready === 0) break;
    }
    if (out) out += ']';
  }
  if (c.arg(4) !== 0) {
    const t = c.exitData(4);
    out += `${sep}left ${t && t.length >= 16 ? time(new DataView(t.buffer, t.byteOffset, t.byteLength)) : hex(c.arg(4))}`;
  }
  c.retAux = ` (${out})`;
}

function epollEvents(c: Call, i: number, n: number): string {
  const d = c.data(i);
  if (!d) return c.ptr(c.arg(i));
  const dv = new DataView(d.buffer, d.byteOffset, d.byteLength);
  const items: string[] = [];
  for (let k = 0; k < n && (k + 1) * 12 <= d.length; k++) {
    if (k >= c.opts.strSize) { items.push('...'); break; }
    items.push(S.epollEvent(dv, k * 12));
  }
  return `[${items.join(', ')}]`;
}

function epollWait(c: Call, extra: (c: Call) => void): void {
  c.push(c.fd(c.arg(0)));
  c.exiting();
  c.push(c.failed || !c.exited ? c.ptr(c.arg(1)) : epollEvents(c, 1, c.ret));
  c.push(c.int(2));
  extra(c);
}

// ---- futex ----

function futex(c: Call): void {
  const op = u32(c.arg(1));
  const cmd = op & 0x7f;
  c.push(c.ptr(c.arg(0)));
  let name = enumName(X.futex_ops, cmd);
  if (op & 128) name = X.futex_ops.byValue.has(cmd) ? `${name}_PRIVATE` : name;
  if (op & 256) name += '|FUTEX_CLOCK_REALTIME';
  const unknown = op & ~(0x7f | 128 | 256);
  if (unknown) name += `|${hex(unknown)}`;
  c.push(name);
  const val = c.uint(2);
  const bitset = (v: number): string => (u32(v) === 0xffffffff ? 'FUTEX_BITSET_MATCH_ANY' : hex(u32(v)));
  switch (cmd) {
    case 0: c.push(val); c.push(timespecArg(c, 3)); break; // WAIT
    case 1: c.push(val); break; // WAKE
    case 2: c.push(val); break; // FD
    case 3: c.push(val); c.push(c.uint(3)); c.push(c.ptr(c.arg(4))); break; // REQUEUE
    case 4: c.push(val); c.push(c.uint(3)); c.push(c.ptr(c.arg(4))); c.push(c.uint(5)); break; // CMP_REQUEUE
    case 5: c.push(val); c.push(c.uint(3)); c.push(c.ptr(c.arg(4))); c.push(wakeOp(u32(c.arg(5)))); break; // WAKE_OP
    case 6: case 13: c.push(timespecArg(c, 3)); break; // LOCK_PI
    case 7: case 8: break; // UNLOCK_PI TRYLOCK_PI
    case 9: c.push(val); c.push(timespecArg(c, 3)); c.push(bitset(c.arg(5))); break; // WAIT_BITSET
    case 10: c.push(val); c.push(bitset(c.arg(5))); break; // WAKE_BITSET
    case 11: c.push(val); c.push(timespecArg(c, 3)); c.push(c.ptr(c.arg(4))); break; // WAIT_REQUEUE_PI
    case 12: c.push(val); c.push(c.uint(3)); c.push(c.ptr(c.arg(4))); c.push(c.uint(5)); break; // CMP_REQUEUE_PI
    default: c.push(val); c.push(c.hexArg(3)); c.push(c.hexArg(4)); c.push(c.hexArg(5));
  }
}

function wakeOp(v: number): string {
  const ops = ['FUTEX_OP_SET', 'FUTEX_OP_ADD', 'FUTEX_OP_OR', 'FUTEX_OP_ANDN', 'FUTEX_OP_XOR'];
  const cmps = ['FUTEX_OP_CMP_EQ', 'FUTEX_OP_CMP_NE', 'FUTEX_OP_CMP_LT', 'FUTEX_OP_CMP_LE', 'FUTEX_OP_CMP_GT', 'FUTEX_OP_CMP_GE'];
  const op = (v >>> 28) & 7;
  const shift = (v >>> 28) & 8;
  const cmp = (v >>> 24) & 15;
  const oparg = (v >>> 12) & 0xfff;
  const cmparg = v & 0xfff;
  return `{${shift ? 'FUTEX_OP_OPARG_SHIFT|' : ''}${ops[op] ?? op}, ${oparg}, ${cmps[cmp] ?? cmp}, ${cmparg}}`;
}

// ---- fcntl / ioctl ----

/** struct flock (x86_64: flock and flock64 are the same 32 bytes); l_pid for the GETLK commands. */
function flock(d: DataView, getlk: boolean): string {
  return `{l_type=${enumName(X.lockfcmds, d.getInt16(0, le) & 0xffff)}, l_whence=${enumName(X.whence, d.getInt16(2, le) & 0xffff)}, l_start=${decimal(S.i64(d, 8))}, l_len=${decimal(S.i64(d, 16))}${getlk ? `, l_pid=${d.getInt32(24, le)}` : ''}}`;
}

/** A return value as strace's RVAL_HEX prints it (%#lx: 0 is "0"). */
function hexRet(v: number): string {
  return v === 0 ? '0' : hex(v);
}

/** fcntl as strace's fcntl.c: the third argument by command, some return values explained. */
function fcntl(c: Call): void {
  c.push(c.fd(c.arg(0)));
  const cmd = u32(c.arg(1));
  c.push(enumName(X.fcntl_cmds, cmd));
  const ok = c.exited && !c.failed;
  const ownerEx = (d: DataView): string => `{type=${enumName(X.f_owner_types, d.getInt32(0, le))}, pid=${d.getInt32(4, le)}}`;
  switch (cmd) {
    case 0: case 1030: c.push(c.int(2)); c.retFormat = 'fd'; break; // F_DUPFD(_CLOEXEC)
    case 2: c.push(flags(X.fd_flags, u32(c.arg(2)))); break; // F_SETFD
    case 4: c.push(openFlags(c.arg(2))); break; // F_SETFL
    case 8: case 1031: c.push(c.int(2)); break; // F_SETOWN F_SETPIPE_SZ
    case 6: case 7: case 37: case 38: c.push(c.struct(2, (d) => flock(d, false), 32)); break; // F_SETLK(W) F_OFD_SETLK(W)
    case 5: case 36: c.exiting(); c.push(c.out(2, (d) => flock(d, true), 32)); break; // F_GETLK F_OFD_GETLK
    case 15: c.push(c.struct(2, ownerEx, 8)); break; // F_SETOWN_EX
    case 16: c.exiting(); c.push(c.out(2, ownerEx, 8)); break; // F_GETOWN_EX
    case 1026: c.push(flags(X.notifyflags, u32(c.arg(2)))); break; // F_NOTIFY
    case 1024: c.push(enumName(X.lockfcmds, u32(c.arg(2)))); break; // F_SETLEASE
    case 1033: c.push(flags(X.seals, u32(c.arg(2)))); break; // F_ADD_SEALS
    case 10: c.push(S.signalName(s32(c.arg(2)))); break; // F_SETSIG
    case 1: // F_GETFD
      if (ok && c.ret) c.retText = `${hex(c.ret)} (flags ${sprintFlags(X.fd_flags, c.ret)})`;
      break;
    case 3: // F_GETFL
      if (ok) c.retText = `${hexRet(c.ret)} (flags ${openFlags(c.ret)})`;
      break;
    case 1025: // F_GETLEASE
      if (ok) c.retText = hexRet(c.ret) + (X.lockfcmds.byValue.has(c.ret) ? ` (${X.lockfcmds.byValue.get(c.ret)})` : '');
      break;
    case 1034: if (ok && c.ret) c.retText = `${hex(c.ret)} (seals ${sprintFlags(X.seals, c.ret)})`; break; // F_GET_SEALS
    case 11: if (ok && c.ret) c.retText = `${c.ret} (${S.signalName(c.ret)})`; break; // F_GETSIG
    case 9: case 1032: break; // F_GETOWN F_GETPIPE_SZ
    default: c.push(c.hexArg(2));
  }
}

// ---- misc ----

/** prctl as strace's prctl.c: the option, then its arguments; options it does not know show four in hex. */
function prctl(c: Call): void {
  const op = u32(c.arg(0));
  const O = X.prctl_options.byName;
  const is = (...names: string[]): boolean => names.some((n) => O.get(n) === op);
  const rest = (from: number): void => { for (let i = from; i < 5; i++) c.push(c.hexArg(i)); };
  const ok = c.exited && !c.failed;
  c.push(enumName(X.prctl_options, op, 'hex', 'PR_???'));
  if (is('PR_GET_KEEPCAPS', 'PR_GET_SECCOMP', 'PR_GET_TIMERSLACK', 'PR_GET_TIMING', 'PR_TASK_PERF_EVENTS_DISABLE', 'PR_TASK_PERF_EVENTS_ENABLE')) return;
  if (is('PR_GET_CHILD_SUBREAPER', 'PR_GET_ENDIAN', 'PR_GET_FPEMU', 'PR_GET_FPEXC')) { c.exiting(); c.push(c.out(1, (d) => `[${d.getUint32(0, le)}]`, 4)); return; }
  if (is('PR_GET_DUMPABLE')) {
    if (ok && X.pr_dumpable.byValue.has(c.ret)) c.retText = `${c.ret} (${X.pr_dumpable.byValue.get(c.ret)})`;
    return;
  }
  if (is('PR_GET_NAME')) { c.exiting(); c.push(c.failed || !c.exited ? c.ptr(c.arg(1)) : c.str(1)); return; }
  if (is('PR_GET_PDEATHSIG')) { c.exiting(); c.push(c.out(1, (d) => `[${S.signalName(d.getInt32(0, le))}]`, 4)); return; }
  if (is('PR_GET_SECUREBITS')) {
    if (ok && c.ret) c.retText = `${hex(c.ret)} (${sprintFlags(X.secbits, c.ret)})`;
    return;
  }
  if (is('PR_GET_TID_ADDRESS')) { c.exiting(); c.push(c.out(1, (d) => `[${c.ptr(S.u64(d, 0))}]`, 8)); return; }
  if (is('PR_GET_TSC')) { c.exiting(); c.push(c.out(1, (d) => `[${enumName(X.pr_tsc, d.getInt32(0, le), 'hex', 'PR_TSC_???')}]`, 4)); return; }
  if (is('PR_GET_UNALIGN')) { c.exiting(); c.push(c.out(1, (d) => `[${flags(X.pr_unalign_flags, d.getUint32(0, le), '0', 'PR_UNALIGN_???')}]`, 4)); return; }
  if (is('PR_SET_CHILD_SUBREAPER', 'PR_SET_ENDIAN', 'PR_SET_FPEMU', 'PR_SET_FPEXC', 'PR_SET_KEEPCAPS', 'PR_SET_TIMING')) { c.push(c.ulong(1)); return; }
  if (is('PR_SET_DUMPABLE')) { c.push(enumName(X.pr_dumpable, c.arg(1), 'hex', 'SUID_DUMP_???')); return; }
  if (is('PR_CAPBSET_DROP', 'PR_CAPBSET_READ')) { c.push(enumName(X.capabilities, c.arg(1), 'hex', 'CAP_???')); return; }
  if (is('PR_CAP_AMBIENT')) {
    const sub = c.arg(1);
    c.push(enumName(X.pr_cap_ambient, sub, 'hex', 'PR_CAP_AMBIENT_???'));
    if (sub >= 1 && sub <= 3) { c.push(enumName(X.capabilities, c.arg(2), 'hex', 'CAP_???')); rest(3); } else rest(2);
    return;
  }
  if (is('PR_MCE_KILL')) {
    c.push(enumName(X.pr_mce_kill, c.arg(1), 'hex', 'PR_MCE_KILL_???'));
    c.push(c.arg(1) === 1 ? enumName(X.pr_mce_kill_policy, c.arg(2), 'hex', 'PR_MCE_KILL_???') : c.hexArg(2));
    rest(3);
    return;
  }
  if (is('PR_MCE_KILL_GET')) {
    rest(1);
    if (ok && X.pr_mce_kill_policy.byValue.has(c.ret)) c.retText = `${c.ret} (${X.pr_mce_kill_policy.byValue.get(c.ret)})`;
    return;
  }
  if (is('PR_SET_NAME')) {
    // at most TASK_COMM_LEN - 1 characters of the name, as the kernel keeps
    const cap = c.cap(1);
    if (c.arg(1) === 0) c.push('NULL');
    else if (!cap || (cap.flags & CaptureFlag.FAULT) !== 0) c.push(c.ptr(c.arg(1)));
    else {
      const nul = cap.data.indexOf(0);
      const len = nul >= 0 ? nul : cap.data.length;
      const shown = Math.min(len, 15, c.opts.strSize);
      c.push(quote(cap.data, shown, c.opts.xflag) + (len > shown ? '...' : ''));
    }
    return;
  }
  if (is('PR_SET_VMA')) {
    c.push(enumName(X.pr_set_vma, c.arg(1), 'hex', 'PR_SET_VMA_???'));
    if (c.arg(1) === 0) { c.push(c.ptr(c.arg(2))); c.push(c.ulong(3)); c.push(c.str(4)); } else rest(2);
    return;
  }
  if (is('PR_SET_MM')) { c.push(enumName(X.pr_set_mm, u32(c.arg(1)), 'hex', 'PR_SET_MM_???')); rest(2); return; }
  if (is('PR_GET_SPECULATION_CTRL')) {
    c.push(enumName(X.pr_spec_cmds, c.arg(1), 'hex', 'PR_SPEC_???'));
    if (ok && c.arg(1) >= 0 && c.arg(1) <= 2) c.retText = `${c.ret === 0 ? '0' : hex(c.ret)} (${sprintFlags(X.pr_spec_get_store_bypass_flags, c.ret, 'PR_SPEC_NOT_AFFECTED')})`;
    return;
  }
  if (is('PR_SET_PDEATHSIG')) { c.push(c.arg(1) > 128 || c.arg(1) < 0 ? c.ulong(1) : S.signalName(c.arg(1))); return; }
  if (is('PR_SET_PTRACER')) { c.push(s32(c.arg(1)) === -1 ? 'PR_SET_PTRACER_ANY' : c.int(1)); return; }
  if (is('PR_SET_SECCOMP')) {
    c.push(enumName(X.seccomp_mode, c.arg(1), 'hex', 'SECCOMP_MODE_???'));
    if (c.arg(1) === 1) return;
    if (c.arg(1) === 2) { c.push(c.struct(2, bpfFprog, 16)); return; }
    rest(2);
    return;
  }
  if (is('PR_SET_SECUREBITS')) { c.push(c.flagsArg(1, X.secbits, '0', 'SECBIT_???')); return; }
  if (is('PR_SET_TIMERSLACK')) { c.push(c.long(1)); return; }
  if (is('PR_SET_TSC')) { c.push(enumName(X.pr_tsc, u32(c.arg(1)), 'hex', 'PR_TSC_???')); return; }
  if (is('PR_SET_UNALIGN')) { c.push(c.flagsArg(1, X.pr_unalign_flags, '0', 'PR_UNALIGN_???')); return; }
  if (is('PR_SET_NO_NEW_PRIVS', 'PR_SET_THP_DISABLE', 'PR_SET_IO_FLUSHER')) { c.push(c.ulong(1)); rest(2); return; }
  rest(1);
}

function archPrctl(c: Call): void {
  const code = u32(c.arg(0));
  c.push(enumName(X.arch_prctl_codes, code, 'hex', 'ARCH_???'));
  if (code === 0x1003 || code === 0x1004) { // ARCH_GET_FS / ARCH_GET_GS
    c.exiting();
    c.push(c.out(1, (d) => `[${hex(S.u64(d, 0))}]`, 8));
  } else if (code !== 0x1011) c.push(c.hexArg(1)); // ARCH_GET_CPUID has no argument
}

/** The capability header; capget's as it was at entry (the kernel writes its own version back). */
function capHeader(c: Call, entry = false): string {
  const fmt = (d: DataView): string => `{version=${enumName(X.cap_version, d.getUint32(0, le), 'hex', '_LINUX_CAPABILITY_VERSION_???')}, pid=${d.getInt32(4, le)}}`;
  return entry ? c.atEntry(0, fmt, 8) : c.struct(0, fmt, 8);
}

function capSet(lo: number, hi: number): string {
  const names: string[] = [];
  for (let b = 0; b < 64; b++) {
    const on = b < 32 ? (lo >>> b) & 1 : (hi >>> (b - 32)) & 1;
    if (on) names.push(`1<<${X.capabilities.byValue.get(b) ?? b}`);
  }
  return names.length ? names.join('|') : '0';
}

function capData(d: DataView): string {
  const g = (k: number, f: number): number => (d.byteLength >= (k + 1) * 12 ? d.getUint32(k * 12 + f * 4, le) : 0);
  return `{effective=${capSet(g(0, 0), g(1, 0))}, permitted=${capSet(g(0, 1), g(1, 1))}, inheritable=${capSet(g(0, 2), g(1, 2))}}`;
}

function cpuList(bytes: Uint8Array, n: number): string {
  const cpus: number[] = [];
  for (let i = 0; i < Math.min(n, bytes.length); i++) {
    for (let b = 0; b < 8; b++) if ((bytes[i]! >> b) & 1) cpus.push(i * 8 + b);
  }
  return `[${cpus.join(' ')}]`;
}

function rlimitOut(c: Call, i: number, infinity: string): string {
  return c.out(i, (d) => S.rlimit(d, infinity), 16);
}

function itimerval(d: DataView): string {
  return `{it_interval=${S.timeval(d, 0)}, it_value=${S.timeval(d, 16)}}`;
}

function itimerspec(d: DataView): string {
  return `{it_interval=${S.timespec(d, 0)}, it_value=${S.timespec(d, 16)}}`;
}

function sigaltstack(d: DataView): string {
  const sp = S.u64(d, 0);
  return `{ss_sp=${sp === 0 ? 'NULL' : hex(sp)}, ss_flags=${flags(X.sigaltstack_flags, d.getInt32(8, le) >>> 0)}, ss_size=${decimal(S.u64(d, 16))}}`;
}

/** The call was interrupted by a signal and will be restarted (ERESTARTSYS...ERESTART_RESTARTBLOCK). */
function erestart(c: Call): boolean {
  return c.exited && c.failed && -c.ret >= 512 && -c.ret <= 516;
}

/** A clock id as strace's printclockname: a name, or a CPU-time or fd clock made from a pid or fd. */
function clockName(v: number): string {
  const id = s32(v);
  if (id >= 0) return enumName(X.clocknames, id, 'hex', 'CLOCK_???');
  if ((id & 7) === 3) return `FD_TO_CLOCKID(${(~id >>> 0) >>> 3})`;
  return `${id & 4 ? 'MAKE_THREAD_CPUCLOCK' : 'MAKE_PROCESS_CPUCLOCK'}(${~(id >> 3)}, ${enumName(X.cpuclocknames, id & 7, 'hex', 'CPUCLOCK_???')})`;
}

function timezone(d: DataView): string {
  return `{tz_minuteswest=${d.getInt32(0, le)}, tz_dsttime=${d.getInt32(4, le)}}`;
}

/** struct timex (x86_64, 208 bytes), and the clock state as the return value's note. */
function adjtimex(c: Call, i: number): void {
  c.push(c.out(i, (d) => `{modes=${flags(X.adjtimex_modes, d.getUint32(0, le), '0', 'ADJ_???')}, offset=${decimal(S.i64(d, 8))}, freq=${decimal(S.i64(d, 16))}, maxerror=${decimal(S.i64(d, 24))}, esterror=${decimal(S.i64(d, 32))}, status=${flags(X.adjtimex_status, d.getInt32(40, le) >>> 0, '0', 'STA_???')}, constant=${decimal(S.i64(d, 48))}, precision=${decimal(S.i64(d, 56))}, tolerance=${decimal(S.i64(d, 64))}, time=${S.timeval(d, 72)}, tick=${decimal(S.i64(d, 88))}, ppsfreq=${decimal(S.i64(d, 96))}, jitter=${decimal(S.i64(d, 104))}, shift=${d.getInt32(112, le)}, stabil=${decimal(S.i64(d, 120))}, jitcnt=${decimal(S.i64(d, 128))}, calcnt=${decimal(S.i64(d, 136))}, errcnt=${decimal(S.i64(d, 144))}, stbcnt=${decimal(S.i64(d, 152))}, tai=${d.getInt32(160, le)}}`, 164));
  if (c.exited && !c.failed && X.adjtimex_state.byValue.has(c.ret)) c.retText = `${c.ret} (${X.adjtimex_state.byValue.get(c.ret)})`;
}

/** struct sigevent (timer_create, mq_notify). */
function sigevent(d: DataView): string {
  const ptr = S.u64(d, 0);
  const signo = d.getInt32(8, le);
  const notify = d.getInt32(12, le);
  const parts: string[] = [];
  if (ptr) parts.push(`sigev_value={sival_int=${d.getInt32(0, le)}, sival_ptr=${hex(ptr)}}`);
  parts.push(`sigev_signo=${notify === 0 || notify === 2 || notify === 4 ? S.signalName(signo) : String(signo >>> 0)}`);
  parts.push(`sigev_notify=${enumName(X.sigev_value, notify, 'hex', 'SIGEV_???')}`);
  if (notify === 4) parts.push(`sigev_notify_thread_id=${d.getInt32(16, le)}`);
  else if (notify === 2) { const f = S.u64(d, 16); const a = S.u64(d, 24); parts.push(`sigev_notify_function=${f ? hex(f) : 'NULL'}`, `sigev_notify_attributes=${a ? hex(a) : 'NULL'}`); }
  return `{${parts.join(', ')}}`;
}

/** struct sock_fprog as strace prints it without -v: the length, the filter's address. */
function bpfFprog(d: DataView): string {
  const f = S.u64(d, 8);
  return `{len=${d.getUint16(0, le)}, filter=${f ? hex(f) : 'NULL'}}`;
}

/** io_uring_setup's struct io_uring_params: what the caller asked for, then (`ok`: it returned a ring) what the kernel set up. */
function uringParams(d: DataView, ok: boolean): string {
  const u = (o: number): number => d.getUint32(o, le);
  const fl = u(8);
  let s = `{flags=${flags(X.uring_setup_flags, fl, '0', 'IORING_SETUP_???')}, sq_thread_cpu=${hex(u(12))}, sq_thread_idle=${u(16)}`;
  if (fl & 0x20) s += `, wq_fd=${d.getInt32(24, le)}`; // IORING_SETUP_ATTACH_WQ
  if (u(28) || u(32) || u(36)) s += `, resv=[${hex(u(28))}, ${hex(u(32))}, ${hex(u(36))}]`;
  if (!ok) return `${s}}`;
  const resv = (o: number): string => (u(o + 28) ? `, resv1=${hex(u(o + 28))}` : '') + (S.u64(d, o + 32) ? `, resv2=${hex(S.u64(d, o + 32))}` : '');
  const sq = `{head=${u(40)}, tail=${u(44)}, ring_mask=${u(48)}, ring_entries=${u(52)}, flags=${u(56)}, dropped=${u(60)}, array=${u(64)}${resv(40)}}`;
  const cq = `{head=${u(80)}, tail=${u(84)}, ring_mask=${u(88)}, ring_entries=${u(92)}, overflow=${u(96)}, cqes=${u(100)}, flags=${u(104)}${resv(80)}}`;
  return `${s}, sq_entries=${u(0)}, cq_entries=${u(4)}, features=${flags(X.uring_setup_features, u(20), '0', 'IORING_FEAT_???')}, sq_off=${sq}, cq_off=${cq}}`;
}

/** A NUMA memory policy mode with its flags (strace's numa.c print_mode). */
function mpolMode(v: number): string {
  const fl = v & 0xe000;
  const mode = (v & ~0xe000) >>> 0;
  if (!fl) return enumName(X.mpol_modes, mode, 'hex', 'MPOL_???');
  const name = X.mpol_modes.byValue.get(mode);
  if (name === undefined) return flags(X.mpol_mode_flags, v >>> 0, '0', 'MPOL_???');
  return `${name}|${sprintFlags(X.mpol_mode_flags, fl)}`;
}

/** A nodemask of `maxnode` bits at argument i: its longs, zero-padded hex as strace's %#0*llx. */
function nodemask(c: Call, i: number, maxnode: number): string {
  const n = Math.floor((maxnode + 62) / 64);
  if (c.arg(i) === 0) return 'NULL';
  if (n < Math.floor(maxnode / 64) || (maxnode && !n)) return c.ptr(c.arg(i));
  return c.struct(i, (d) => {
    const items: string[] = [];
    for (let k = 0; k < n; k++) {
      if (k >= c.opts.strSize) { items.push('...'); break; }
      if ((k + 1) * 8 > d.byteLength) return hex(c.arg(i));
      const v = d.getBigUint64(k * 8, le);
      items.push(v === 0n ? '0'.repeat(16) : `0x${v.toString(16).padStart(14, '0')}`);
    }
    return `[${items.join(', ')}]`;
  });
}

// ---- the table of decoders ----

const fdOnly: Decoder = (c) => { c.push(c.fd(c.arg(0))); };
const noArgs: Decoder = () => {};
const pathOnly: Decoder = (c) => { c.push(c.path(0)); };

export const decoders: Record<string, Decoder> = {
  read, write, pread64: pread, pwrite64: pwrite, readv, writev,
  preadv: (c) => { readv(c); c.push(c.long(3)); },
  pwritev: (c) => { writev(c); c.push(c.long(3)); },
  preadv2: (c) => { readv(c); c.push(c.long(3)); c.push(c.flagsArg(5, X.rwf_flags)); },
  pwritev2: (c) => { writev(c); c.push(c.long(3)); c.push(c.flagsArg(5, X.rwf_flags)); },
  open: (c) => openCommon(c, 0, 1),
  openat: (c) => { c.push(c.dirfd(0)); openCommon(c, 1, 2); },
  creat: (c) => { c.push(c.path(0)); c.push(modeArg(c, 1)); c.retFormat = 'fd'; },
  openat2: (c) => {
    c.push(c.dirfd(0)); c.push(c.path(1));
    c.push(c.struct(2, (d) => {
      const fl = S.u64(d, 0);
      const md = S.u64(d, 8);
      return `{flags=${openFlags(fl)}${hasCreate(fl) || md ? `, mode=${S.octalPad(md)}` : ''}, resolve=${flags(X.open_resolve_flags, S.u64(d, 16))}}`;
    }, 24));
    c.push(c.ulong(3)); c.retFormat = 'fd';
  },
  close: fdOnly,
  close_range: (c) => { c.push(c.uint(0)); c.push(c.uint(1)); c.push(c.flagsArg(2, X.close_range_flags)); },
  stat: (c) => statLike(c, S.stat, 144, 0, 1),
  lstat: (c) => statLike(c, S.stat, 144, 0, 1),
  fstat: (c) => statLike(c, S.stat, 144, -1, 1),
  newfstatat: (c) => { c.push(c.dirfd(0)); c.push(c.path(1)); c.exiting(); c.push(c.out(2, S.stat, 144)); c.push(atFlags(c, 3)); },
  statx: (c) => {
    c.push(c.dirfd(0)); c.push(c.path(1)); c.push(statxFlags(c.arg(2))); c.push(c.flagsArg(3, X.statx_masks));
    c.exiting(); c.push(c.out(4, S.statx, 144));
  },
  statfs: (c) => statLike(c, S.statfs, 88, 0, 1),
  fstatfs: (c) => statLike(c, S.statfs, 88, -1, 1),
  lseek: (c) => { c.push(c.fd(c.arg(0))); c.push(c.long(1)); c.push(c.enumArg(2, X.whence)); },
  access: (c) => { c.push(c.path(0)); c.push(c.flagsArg(1, X.access_modes, 'F_OK')); },
  faccessat: (c) => { dirfdPath(c, 0, 1); c.push(c.flagsArg(2, X.access_modes, 'F_OK')); },
  faccessat2: (c) => { dirfdPath(c, 0, 1); c.push(c.flagsArg(2, X.access_modes, 'F_OK')); c.push(c.flagsArg(3, X.faccessat_flags)); },
  getdents64: (c) => getdents(c, 16),
  getdents: (c) => getdents(c, 16),
  getcwd: (c) => {
    c.exiting();
    c.push(c.failed || !c.exited ? c.ptr(c.arg(0)) : c.path(0));
    c.push(c.ulong(1));
  },
  chdir: pathOnly, rmdir: pathOnly, unlink: pathOnly, chroot: pathOnly, acct: pathOnly,
  fchdir: fdOnly, fsync: fdOnly, fdatasync: fdOnly, syncfs: fdOnly,
  mkdir: (c) => { c.push(c.path(0)); c.push(modeArg(c, 1)); },
  mkdirat: (c) => { dirfdPath(c, 0, 1); c.push(modeArg(c, 2)); },
  mknod: (c) => { c.push(c.path(0)); c.push(S.mode(u32(c.arg(1)))); if ((u32(c.arg(1)) & 0o170000) === 0o020000 || (u32(c.arg(1)) & 0o170000) === 0o060000) c.push(S.makedev(c.arg(2))); },
  mknodat: (c) => { dirfdPath(c, 0, 1); c.push(S.mode(u32(c.arg(2)))); if ((u32(c.arg(2)) & 0o170000) === 0o020000 || (u32(c.arg(2)) & 0o170000) === 0o060000) c.push(S.makedev(c.arg(3))); },
  unlinkat: (c) => { dirfdPath(c, 0, 1); c.push(atFlags(c, 2)); },
  rename: (c) => { c.push(c.path(0)); c.push(c.path(1)); },
  renameat: (c) => { dirfdPath(c, 0, 1); dirfdPath(c, 2, 3); },
  renameat2: (c) => { dirfdPath(c, 0, 1); dirfdPath(c, 2, 3); c.push(c.flagsArg(4, X.renameat2_flags)); },
  link: (c) => { c.push(c.path(0)); c.push(c.path(1)); },
  linkat: (c) => { dirfdPath(c, 0, 1); dirfdPath(c, 2, 3); c.push(atFlags(c, 4)); },
  symlink: (c) => { c.push(c.path(0)); c.push(c.path(1)); },
  symlinkat: (c) => { c.push(c.path(0)); c.push(c.dirfd(1)); c.push(c.path(2)); },
  readlink: (c) => readlinkCommon(c, 0, 1, 2),
  readlinkat: (c) => readlinkCommon(c, 1, 2, 3),
  chmod: (c) => { c.push(c.path(0)); c.push(modeArg(c, 1)); },
  fchmod: (c) => { c.push(c.fd(c.arg(0))); c.push(modeArg(c, 1)); },
  fchmodat: (c) => { dirfdPath(c, 0, 1); c.push(modeArg(c, 2)); },
  fchmodat2: (c) => { dirfdPath(c, 0, 1); c.push(modeArg(c, 2)); c.push(atFlags(c, 3)); },
  chown: (c) => { c.push(c.path(0)); c.push(c.int(1)); c.push(c.int(2)); },
  lchown: (c) => { c.push(c.path(0)); c.push(c.int(1)); c.push(c.int(2)); },
  fchown: (c) => { c.push(c.fd(c.arg(0))); c.push(c.int(1)); c.push(c.int(2)); },
  fchownat: (c) => { dirfdPath(c, 0, 1); c.push(c.int(2)); c.push(c.int(3)); c.push(atFlags(c, 4)); },
  truncate: (c) => { c.push(c.path(0)); c.push(c.long(1)); },
  ftruncate: (c) => { c.push(c.fd(c.arg(0))); c.push(c.long(1)); },
  fallocate: (c) => { c.push(c.fd(c.arg(0))); c.push(c.flagsArg(1, X.falloc_flags)); c.push(c.long(2)); c.push(c.long(3)); },
  sync_file_range: (c) => { c.push(c.fd(c.arg(0))); c.push(c.long(1)); c.push(c.long(2)); c.push(c.flagsArg(3, X.sync_file_range_flags)); },
  fadvise64: (c) => { c.push(c.fd(c.arg(0))); c.push(c.long(1)); c.push(c.long(2)); c.push(c.enumArg(3, X.fadvise, 'dec')); },
  readahead: (c) => { c.push(c.fd(c.arg(0))); c.push(c.long(1)); c.push(c.ulong(2)); },
  flock: (c) => { c.push(c.fd(c.arg(0))); c.push(c.flagsArg(1, X.flockcmds)); },
  umask: (c) => { c.push(S.octalPad(u32(c.arg(0)) & 0o777)); c.retFormat = 'oct'; },
  utimensat,
  utimes: (c) => { c.push(c.path(0)); c.push(c.struct(1, timevalPair, 32)); },
  futimesat: (c) => { dirfdPath(c, 0, 1); c.push(c.struct(2, timevalPair, 32)); },
  utime: (c) => { c.push(c.path(0)); c.push(c.struct(1, utimbuf, 16)); },
  getxattr: (c) => xattrGet(c, 'path'), lgetxattr: (c) => xattrGet(c, 'path'), fgetxattr: (c) => xattrGet(c, 'fd'),
  setxattr: (c) => xattrSet(c, 'path'), lsetxattr: (c) => xattrSet(c, 'path'), fsetxattr: (c) => xattrSet(c, 'fd'),
  listxattr: (c) => xattrList(c, 'path'), llistxattr: (c) => xattrList(c, 'path'), flistxattr: (c) => xattrList(c, 'fd'),
  removexattr: (c) => { c.push(c.path(0)); c.push(c.str(1)); },
  lremovexattr: (c) => { c.push(c.path(0)); c.push(c.str(1)); },
  fremovexattr: (c) => { c.push(c.fd(c.arg(0))); c.push(c.str(1)); },
  dup: (c) => { c.push(c.fd(c.arg(0))); c.retFormat = 'fd'; },
  dup2: (c) => { c.push(c.fd(c.arg(0))); c.push(c.fd(c.arg(1))); c.retFormat = 'fd'; },
  dup3: (c) => { c.push(c.fd(c.arg(0))); c.push(c.fd(c.arg(1))); c.push(c.flagsArg(2, X.open_flags)); c.retFormat = 'fd'; },
  pipe: (c) => { c.exiting(); c.push(fdPair(c, 0)); },
  pipe2: (c) => { c.exiting(); c.push(fdPair(c, 0)); c.push(c.flagsArg(1, X.open_flags)); },
  fcntl,
  ioctl,
  sendfile: (c) => {
    // the offset as it was, and as the kernel left it when data moved: [3] => [7]
    c.push(c.fd(c.arg(0))); c.push(c.fd(c.arg(1)));
    const before = c.atEntry(2, (d) => `[${decimal(S.u64(d, 0))}]`, 8);
    if (c.arg(2) !== 0 && before.startsWith('[')) {
      c.exiting();
      c.push(c.exited && !c.failed && c.ret !== 0 ? `${before} => ${c.struct(2, (d) => `[${decimal(S.u64(d, 0))}]`, 8)}` : before);
    } else c.push(before);
    c.push(c.ulong(3));
  },
  copy_file_range: (c) => {
    c.push(c.fd(c.arg(0))); c.push(c.atEntry(1, (d) => `[${decimal(S.i64(d, 0))}]`, 8)); c.push(c.fd(c.arg(2))); c.push(c.atEntry(3, (d) => `[${decimal(S.i64(d, 0))}]`, 8));
    c.push(c.ulong(4)); c.push(hex(u32(c.arg(5)))); // unsigned int flags
  },
  splice: (c) => {
    c.push(c.fd(c.arg(0))); c.push(c.atEntry(1, (d) => `[${decimal(S.i64(d, 0))}]`, 8)); c.push(c.fd(c.arg(2))); c.push(c.atEntry(3, (d) => `[${decimal(S.i64(d, 0))}]`, 8));
    c.push(c.ulong(4)); c.push(c.flagsArg(5, X.splice_flags));
  },
  tee: (c) => { c.push(c.fd(c.arg(0))); c.push(c.fd(c.arg(1))); c.push(c.ulong(2)); c.push(c.flagsArg(3, X.splice_flags)); },
  vmsplice: (c) => { c.push(c.fd(c.arg(0))); c.push(iovec(c, 1, c.arg(2), Number.MAX_SAFE_INTEGER)); c.push(c.ulong(2)); c.push(c.flagsArg(3, X.splice_flags)); },
  // memory
  mmap: (c) => {
    c.push(c.ptr(c.arg(0))); c.push(c.ulong(1)); c.push(prot(c.arg(2))); c.push(mmapFlags(c.arg(3)));
    c.push(c.fd(c.arg(4))); c.push(c.hexArg(5)); c.retFormat = 'hex';
  },
  mprotect: (c) => { c.push(c.ptr(c.arg(0))); c.push(c.ulong(1)); c.push(prot(c.arg(2))); },
  pkey_mprotect: (c) => { c.push(c.ptr(c.arg(0))); c.push(c.ulong(1)); c.push(prot(c.arg(2))); c.push(c.int(3)); },
  munmap: (c) => { c.push(c.ptr(c.arg(0))); c.push(c.ulong(1)); },
  brk: (c) => { c.push(c.ptr(c.arg(0))); c.retFormat = 'hex'; },
  mremap: (c) => {
    c.push(c.ptr(c.arg(0))); c.push(c.ulong(1)); c.push(c.ulong(2)); c.push(c.flagsArg(3, X.mremap_flags));
    if ((u32(c.arg(3)) & 3) === 3) c.push(c.ptr(c.arg(4))); // MREMAP_MAYMOVE|MREMAP_FIXED
    c.retFormat = 'hex';
  },
  madvise: (c) => { c.push(c.ptr(c.arg(0))); c.push(c.ulong(1)); c.push(c.enumArg(2, X.madvise_cmds)); },
  mlock2: (c) => { c.push(c.ptr(c.arg(0))); c.push(c.ulong(1)); c.push(c.flagsArg(2, X.mlock_flags)); },
  mlockall: (c) => { c.push(c.flagsArg(0, X.mlockall_flags)); },
  mincore: (c) => {
    c.push(c.ptr(c.arg(0))); c.push(c.ulong(1));
    c.exiting();
    const pages = Math.ceil(c.arg(1) / 4096);
    c.push(c.out(2, (_d, b) => {
      const items: string[] = [];
      for (let k = 0; k < pages; k++) {
        if (k >= c.opts.strSize) { items.push('...'); break; }
        if (k >= b.length) return hex(c.arg(2));
        items.push(String(b[k]! & 1));
      }
      return `[${items.join(', ')}]`;
    }));
  },
  remap_file_pages: (c) => { c.push(c.ptr(c.arg(0))); c.push(c.ulong(1)); c.push(prot(c.arg(2))); c.push(c.ulong(3)); c.push(mmapFlags(c.arg(4))); },
  msync: (c) => { c.push(c.ptr(c.arg(0))); c.push(c.ulong(1)); c.push(c.flagsArg(2, X.msync_flags)); },
  mlock: (c) => { c.push(c.ptr(c.arg(0))); c.push(c.ulong(1)); },
  munlock: (c) => { c.push(c.ptr(c.arg(0))); c.push(c.ulong(1)); },
  pkey_alloc: (c) => { c.push(c.hexArg(0)); c.push(c.flagsArg(1, X.pkey_access)); },
  membarrier: (c) => {
    c.push(c.arg(0) === 0 ? 'MEMBARRIER_CMD_QUERY' : enumName(X.membarrier_cmds, s32(c.arg(0)), 'hex', 'MEMBARRIER_CMD_???')); c.push(c.flagsArg(1, X.membarrier_flags, '0', 'MEMBARRIER_CMD_FLAG_???')); if (u32(c.arg(1)) & 1) c.push(c.int(2));
    // MEMBARRIER_CMD_QUERY returns the commands the kernel supports
    if (c.arg(0) === 0 && c.exited && !c.failed && c.ret) c.retText = `${hex(c.ret)} (${sprintFlags(X.membarrier_cmds, c.ret)})`;
  },
  // process
  execve: (c) => execveCommon(c, 0),
  execveat: (c) => execveCommon(c, 1),
  exit: (c) => { c.push(c.int(0)); c.retFormat = 'none'; },
  exit_group: (c) => { c.push(c.int(0)); c.retFormat = 'none'; },
  clone, clone3,
  fork: noArgs, vfork: noArgs,
  wait4,
  waitid: (c) => {
    c.push(c.enumArg(0, X.waitid_types, 'dec')); c.push(c.int(1));
    c.exiting();
    c.push(c.out(2, (d) => {
      const signo = d.getInt32(0, le);
      if (signo === 0) return '{}';
      return `{si_signo=${S.signalName(signo)}, si_code=${enumName(X.sigchld_codes, d.getInt32(8, le), 'dec')}, si_pid=${c.pid(d.getInt32(16, le))}, si_uid=${d.getUint32(20, le)}, si_status=${d.getInt32(24, le)}, si_utime=${decimal(S.i64(d, 32))}, si_stime=${decimal(S.i64(d, 40))}}`;
    }, 48));
    c.push(c.flagsArg(3, X.wait4_options));
    c.push(c.out(4, (d) => S.rusage(d), 32));
  },
  kill: (c) => { c.push(c.int(0)); c.push(sigArg(c, 1)); },
  tkill: (c) => { c.push(c.int(0)); c.push(sigArg(c, 1)); },
  tgkill: (c) => { c.push(c.int(0)); c.push(c.int(1)); c.push(sigArg(c, 2)); },
  getpid: noArgs, getppid: noArgs, gettid: noArgs, getuid: noArgs, geteuid: noArgs, getgid: noArgs, getegid: noArgs,
  getpgrp: noArgs, setsid: noArgs, sched_yield: noArgs, pause: noArgs, sync: noArgs, vhangup: noArgs, munlockall: noArgs,
  inotify_init: noArgs,
  setuid: (c) => { c.push(c.int(0)); }, setgid: (c) => { c.push(c.int(0)); },
  setfsuid: (c) => { c.push(c.int(0)); }, setfsgid: (c) => { c.push(c.int(0)); },
  setreuid: (c) => { c.push(c.int(0)); c.push(c.int(1)); }, setregid: (c) => { c.push(c.int(0)); c.push(c.int(1)); },
  setresuid: (c) => { c.push(c.int(0)); c.push(c.int(1)); c.push(c.int(2)); },
  setresgid: (c) => { c.push(c.int(0)); c.push(c.int(1)); c.push(c.int(2)); },
  getresuid: (c) => { c.exiting(); for (let i = 0; i < 3; i++) c.push(c.out(i, (d) => `[${d.getUint32(0, le)}]`, 4)); },
  getresgid: (c) => { c.exiting(); for (let i = 0; i < 3; i++) c.push(c.out(i, (d) => `[${d.getUint32(0, le)}]`, 4)); },
  getgroups: (c) => {
    c.push(c.int(0));
    c.exiting();
    if (!c.exited || c.failed || c.ret > 65536) c.push(c.ptr(c.arg(1)));
    else if (c.arg(1) === 0) c.push('NULL');
    else if (c.ret === 0) c.push('[]');
    else c.push(c.struct(1, (d) => {
      const g: string[] = [];
      for (let k = 0; k < c.ret && (k + 1) * 4 <= d.byteLength; k++) {
        if (k >= c.opts.strSize) { g.push('...'); break; }
        g.push(String(d.getUint32(k * 4, le)));
      }
      return `[${g.join(', ')}]`;
    }));
  },
  setgroups: (c) => {
    c.push(c.int(0));
    c.push(c.arg(1) === 0 ? 'NULL' : c.struct(1, (d) => {
      const g: number[] = [];
      for (let k = 0; k < s32(c.arg(0)) && (k + 1) * 4 <= d.byteLength; k++) g.push(d.getUint32(k * 4, le));
      return `[${g.join(', ')}]`;
    }));
  },
  setpgid: (c) => { c.push(c.int(0)); c.push(c.int(1)); },
  getpgid: (c) => { c.push(c.int(0)); }, getsid: (c) => { c.push(c.int(0)); },
  set_tid_address: (c) => { c.push(c.ptr(c.arg(0))); },
  set_robust_list: (c) => { c.push(c.ptr(c.arg(0))); c.push(c.ulong(1)); },
  get_robust_list: (c) => {
    c.push(c.int(0)); c.exiting();
    c.push(c.out(1, (d) => `[${hex(S.u64(d, 0))}]`, 8)); c.push(c.out(2, (d) => `[${decimal(S.u64(d, 0))}]`, 8));
  },
  rseq: (c) => { c.push(c.ptr(c.arg(0))); c.push(c.hexArg(1)); c.push(c.flagsArg(2, X.rseq_flags)); c.push(c.hexArg(3)); },
  arch_prctl: archPrctl,
  prctl,
  prlimit64: (c) => {
    c.push(c.int(0)); c.push(c.enumArg(1, X.resources));
    c.push(c.struct(2, (d) => S.rlimit(d), 16));
    c.exiting();
    c.push(rlimitOut(c, 3, 'RLIM64_INFINITY'));
  },
  getrlimit: (c) => { c.push(c.enumArg(0, X.resources)); c.exiting(); c.push(rlimitOut(c, 1, 'RLIM_INFINITY')); },
  setrlimit: (c) => { c.push(c.enumArg(0, X.resources)); c.push(c.struct(1, (d) => S.rlimit(d, 'RLIM_INFINITY'), 16)); },
  getrusage: (c) => { c.push(c.enumArg(0, X.usage_who, 'dec')); c.exiting(); c.push(c.out(1, (d) => S.rusage(d), 32)); },
  getpriority: (c) => { c.push(c.enumArg(0, X.priorities)); c.push(c.int(1)); },
  setpriority: (c) => { c.push(c.enumArg(0, X.priorities)); c.push(c.int(1)); c.push(c.int(2)); },
  sched_getaffinity: (c) => {
    c.push(c.int(0)); c.push(c.uint(1)); c.exiting();
    c.push(c.failed || !c.exited ? c.ptr(c.arg(2)) : c.struct(2, (_d, b) => cpuList(b, c.ret)));
  },
  sched_setaffinity: (c) => { c.push(c.int(0)); c.push(c.uint(1)); c.push(c.struct(2, (_d, b) => cpuList(b, u32(c.arg(1))))); },
  sched_getscheduler: (c) => {
    c.push(c.int(0));
    if (c.exited && !c.failed && X.sched_policies.byValue.has(c.ret)) c.retText = `${c.ret} (${X.sched_policies.byValue.get(c.ret)})`;
  },
  sched_setscheduler: (c) => { c.push(c.int(0)); c.push(c.enumArg(1, X.sched_policies)); c.push(intPtr(c, 2, false)); },
  sched_setparam: (c) => { c.push(c.int(0)); c.push(intPtr(c, 1, false)); },
  sched_get_priority_max: (c) => { c.push(c.enumArg(0, X.sched_policies)); },
  sched_get_priority_min: (c) => { c.push(c.enumArg(0, X.sched_policies)); },
  sched_rr_get_interval: (c) => { c.push(c.int(0)); c.exiting(); c.push(timespecArg(c, 1, true)); },
  times: (c) => {
    c.exiting();
    c.push(c.out(0, (d) => `{tms_utime=${S.clockT(S.u64(d, 0))}, tms_stime=${S.clockT(S.u64(d, 8))}, tms_cutime=${S.clockT(S.u64(d, 16))}, tms_cstime=${S.clockT(S.u64(d, 24))}}`, 32));
    c.retFormat = 'udec';
  },
  capget: (c) => { c.push(capHeader(c, true)); c.exiting(); c.push(c.out(1, capData, 12)); },
  capset: (c) => { c.push(capHeader(c)); c.push(c.struct(1, capData, 12)); },
  uname: (c) => { c.exiting(); c.push(c.out(0, (_d, b) => S.utsname(b, c.opts), 130)); },
  sysinfo: (c) => { c.exiting(); c.push(c.out(0, S.sysinfo, 108)); },
  getrandom: (c) => {
    c.exiting();
    c.push(c.failed || !c.exited ? c.ptr(c.arg(0)) : c.buf(0, c.ret, true));
    c.push(c.ulong(1)); c.push(c.flagsArg(2, X.getrandom_flags));
  },
  personality: (c) => {
    const persona = (v: number): string => {
      const rest = (v & ~0xff) >>> 0;
      return enumName(X.personality_types, v & 0xff, 'hex', 'PER_???') + (rest ? `|${sprintFlags(X.personality_flags, rest)}` : '');
    };
    const v = u32(c.arg(0));
    c.push(v === 0xffffffff ? '0xffffffff' : persona(v));
    if (c.exited && !c.failed) c.retText = `${c.ret === 0 ? '0' : hex(c.ret)} (${persona(u32(c.ret))})`;
  },
  alarm: (c) => { c.push(c.uint(0)); },
  // time
  nanosleep: (c) => {
    c.push(timespecArg(c, 0));
    c.exiting();
    // the time left only when the sleep was interrupted (strace's is_erestart)
    c.push(erestart(c) ? timespecArg(c, 1) : c.ptr(c.arg(1)));
  },
  clock_nanosleep: (c) => {
    c.push(clockName(c.arg(0))); c.push(c.flagsArg(1, X.timer_flags)); c.push(timespecArg(c, 2));
    c.exiting();
    c.push(c.arg(1) === 0 && erestart(c) ? timespecArg(c, 3) : c.ptr(c.arg(3)));
  },
  clock_gettime: (c) => { c.push(clockName(c.arg(0))); c.exiting(); c.push(timespecArg(c, 1, true)); },
  clock_getres: (c) => { c.push(clockName(c.arg(0))); c.exiting(); c.push(timespecArg(c, 1, true)); },
  clock_settime: (c) => { c.push(clockName(c.arg(0))); c.push(timespecArg(c, 1)); },
  gettimeofday: (c) => { c.exiting(); c.push(c.out(0, (d) => S.timeval(d), 16)); c.push(c.out(1, timezone, 8)); },
  settimeofday: (c) => { c.push(c.struct(0, (d) => S.timeval(d), 16)); c.push(c.struct(1, timezone, 8)); },
  adjtimex: (c) => { c.exiting(); adjtimex(c, 0); },
  clock_adjtime: (c) => { c.push(clockName(c.arg(0))); c.exiting(); adjtimex(c, 1); },
  time: (c) => {
    c.exiting();
    c.push(c.out(0, (d) => `[${decimal(S.i64(d, 0))}${S.timeComment(S.i64(d, 0), 0, 0)}]`, 8));
    if (c.exited && !c.failed) c.retText = `${c.ret}${S.timeComment(c.ret, 0, 0).replace(/^ \/\* (.*) \*\/$/, ' ($1)')}`;
  },
  timer_create: (c) => { c.push(clockName(c.arg(0))); c.push(c.struct(1, sigevent, 16)); c.exiting(); c.push(intPtr(c, 2, true)); },
  timer_settime: (c) => {
    c.push(c.int(0)); c.push(c.flagsArg(1, X.timer_flags)); c.push(c.struct(2, itimerspec, 32));
    c.exiting(); c.push(c.out(3, itimerspec, 32));
  },
  timer_gettime: (c) => { c.push(c.int(0)); c.exiting(); c.push(c.out(1, itimerspec, 32)); },
  timer_getoverrun: (c) => { c.push(c.int(0)); },
  timer_delete: (c) => { c.push(c.int(0)); },
  getitimer: (c) => { c.push(c.enumArg(0, X.itimer_which)); c.exiting(); c.push(c.out(1, itimerval, 32)); },
  setitimer: (c) => {
    c.push(c.enumArg(0, X.itimer_which)); c.push(c.struct(1, itimerval, 32));
    c.exiting(); c.push(c.out(2, itimerval, 32));
  },
  timerfd_create: (c) => { c.push(clockName(c.arg(0))); c.push(c.flagsArg(1, X.tfd_create_flags)); c.retFormat = 'fd'; },
  timerfd_settime: (c) => {
    c.push(c.fd(c.arg(0))); c.push(c.flagsArg(1, X.tfd_settime_flags)); c.push(c.struct(2, itimerspec, 32));
    c.exiting(); c.push(c.out(3, itimerspec, 32));
  },
  timerfd_gettime: (c) => { c.push(c.fd(c.arg(0))); c.exiting(); c.push(c.out(1, itimerspec, 32)); },
  // signals
  rt_sigaction: rtSigaction,
  rt_sigprocmask: rtSigprocmask,
  rt_sigreturn: (c) => {
    const [a, b] = c.state.savedMask(c.ev.tid);
    c.push(`{mask=${S.sigset([a, b])}}`);
  },
  rt_sigqueueinfo: (c) => { c.push(c.int(0)); c.push(sigArg(c, 1)); c.push(c.struct(2, (_d, b) => S.siginfo(b, s32(c.arg(1)), (v) => c.pid(v)), 16)); },
  rt_tgsigqueueinfo: (c) => { c.push(c.int(0)); c.push(c.int(1)); c.push(sigArg(c, 2)); c.push(c.struct(3, (_d, b) => S.siginfo(b, s32(c.arg(2)), (v) => c.pid(v)), 16)); },
  pidfd_send_signal: (c) => {
    c.push(c.fd(c.arg(0))); c.push(sigArg(c, 1)); c.push(c.struct(2, (_d, b) => S.siginfo(b, s32(c.arg(1)), (v) => c.pid(v)), 16)); c.push(c.hexArg(3));
  },
  rt_sigtimedwait: (c) => {
    c.push(sigsetArg(c, 0, 3, false));
    if (c.arg(1) !== 0) c.exiting();
    c.push(c.out(1, (_d, b) => S.siginfo(b, 0, (v) => c.pid(v)), 16));
    c.push(timespecArg(c, 2)); c.push(c.ulong(3));
    if (c.exited && !c.failed && c.ret) c.retText = `${c.ret} (${S.signalName(c.ret)})`;
  },
  rt_sigsuspend: (c) => { c.push(sigsetArg(c, 0, 1, false)); c.push(c.ulong(1)); },
  rt_sigpending: (c) => { c.exiting(); c.push(sigsetArg(c, 0, 1, true)); c.push(c.ulong(1)); },
  sigaltstack: (c) => { c.push(c.struct(0, sigaltstack, 24)); c.exiting(); c.push(c.out(1, sigaltstack, 24)); },
  // sockets
  socket: (c) => {
    const dom = u32(c.arg(0));
    c.push(enumName(X.addrfams, dom)); c.push(sockType(c.arg(1))); c.push(sockProto(dom, u32(c.arg(2))));
    c.retFormat = 'fd';
  },
  socketpair: (c) => {
    const dom = u32(c.arg(0));
    c.push(enumName(X.addrfams, dom)); c.push(sockType(c.arg(1))); c.push(sockProto(dom, u32(c.arg(2))));
    c.exiting(); c.push(fdPair(c, 3));
  },
  connect: (c) => { c.push(c.fd(c.arg(0))); c.push(sockaddrArg(c, 1, u32(c.arg(2)))); c.push(c.uint(2)); },
  bind: (c) => { c.push(c.fd(c.arg(0))); c.push(sockaddrArg(c, 1, u32(c.arg(2)))); c.push(c.uint(2)); },
  listen: (c) => { c.push(c.fd(c.arg(0))); c.push(c.int(1)); },
  accept: (c) => { c.push(c.fd(c.arg(0))); c.exiting(); sockaddrOut(c, 1, 2); c.retFormat = 'fd'; },
  accept4: (c) => { c.push(c.fd(c.arg(0))); c.exiting(); sockaddrOut(c, 1, 2); c.push(c.flagsArg(3, X.sock_type_flags)); c.retFormat = 'fd'; },
  getsockname: (c) => { c.push(c.fd(c.arg(0))); c.exiting(); sockaddrOut(c, 1, 2); },
  getpeername: (c) => { c.push(c.fd(c.arg(0))); c.exiting(); sockaddrOut(c, 1, 2); },
  shutdown: (c) => { c.push(c.fd(c.arg(0))); c.push(c.enumArg(1, X.shutdown_modes)); },
  sendto: (c) => {
    c.push(c.fd(c.arg(0))); c.push(sockBuf(c, 1, c.arg(2))); c.push(c.ulong(2)); c.push(c.flagsArg(3, X.msg_flags));
    c.push(sockaddrArg(c, 4, u32(c.arg(5)))); c.push(c.uint(5));
  },
  recvfrom: (c) => {
    c.push(c.fd(c.arg(0)));
    c.exiting();
    c.push(c.failed || !c.exited ? c.ptr(c.arg(1)) : sockBuf(c, 1, c.ret));
    c.push(c.ulong(2)); c.push(c.flagsArg(3, X.msg_flags));
    sockaddrOut(c, 4, 5);
  },
  sendmsg: (c) => { c.push(c.fd(c.arg(0))); c.push(msghdr(c, 1)); c.push(c.flagsArg(2, X.msg_flags)); },
  recvmsg: (c) => {
    c.push(c.fd(c.arg(0))); c.exiting();
    c.push(recvMsghdr(c, 1)); c.push(c.flagsArg(2, X.msg_flags));
  },
  sendmmsg: (c) => { c.push(c.fd(c.arg(0))); c.exiting(); c.push(mmsgvec(c, 1)); c.push(c.uint(2)); c.push(c.flagsArg(3, X.msg_flags)); },
  recvmmsg: (c) => {
    c.push(c.fd(c.arg(0))); c.exiting(); c.push(mmsgvec(c, 1)); c.push(c.uint(2)); c.push(c.flagsArg(3, X.msg_flags));
    c.push(c.struct(4, (d) => S.timespec(d), 16));
  },
  setsockopt: (c) => {
    const level = u32(c.arg(1));
    const name = u32(c.arg(2));
    c.push(c.fd(c.arg(0))); c.push(enumName(X.socketlayers, level, 'hex', 'SOL_??')); c.push(sockoptName(level, name));
    c.push(sockoptVal(c, 3, level, name, s32(c.arg(4)), false)); c.push(c.int(4));
  },
  getsockopt: (c) => {
    const level = u32(c.arg(1));
    const name = u32(c.arg(2));
    c.push(c.fd(c.arg(0))); c.push(enumName(X.socketlayers, level, 'hex', 'SOL_??')); c.push(sockoptName(level, name));
    c.exiting();
    const { ulen, rlen } = socklen(c, 4);
    c.push((ulen !== undefined && ulen <= 0) || rlen <= 0 ? c.ptr(c.arg(3)) : sockoptVal(c, 3, level, name, rlen, true));
    if (c.failed && ulen !== undefined && c.arg(4) !== 0) c.push(`[${ulen}]`);
    else c.push(c.failed || !c.exited || rlen < 0 ? (c.failed || !c.exited ? c.ptr(c.arg(4)) : intPtr(c, 4, true)) : lenChange(ulen, rlen));
  },
  // poll / epoll / events
  poll: (c) => pollCommon(c, () => [c.int(2)]),
  ppoll: (c) => pollCommon(c, () => [c.atEntry(2, (d) => S.timespec(d), 16), sigsetArg(c, 3, 4, false), c.ulong(4)], 2),
  epoll_create: (c) => { c.push(c.int(0)); c.retFormat = 'fd'; },
  epoll_create1: (c) => { c.push(c.flagsArg(0, X.epoll_flags)); c.retFormat = 'fd'; },
  epoll_ctl: (c) => {
    c.push(c.fd(c.arg(0))); c.push(c.enumArg(1, X.epoll_ctl_ops)); c.push(c.fd(c.arg(2)));
    c.push(c.struct(3, (d) => S.epollEvent(d, 0), 12));
  },
  epoll_wait: (c) => epollWait(c, () => c.push(c.int(3))),
  epoll_pwait: (c) => epollWait(c, () => { c.push(c.int(3)); c.push(sigsetArg(c, 4, 5, false)); c.push(c.ulong(5)); }),
  epoll_pwait2: (c) => epollWait(c, () => { c.push(timespecArg(c, 3)); c.push(sigsetArg(c, 4, 5, false)); c.push(c.ulong(5)); }),
  signalfd: (c) => { c.push(c.fd(c.arg(0))); c.push(sigsetArg(c, 1, 2, false)); c.push(c.ulong(2)); c.retFormat = 'fd'; },
  signalfd4: (c) => { c.push(c.fd(c.arg(0))); c.push(sigsetArg(c, 1, 2, false)); c.push(c.ulong(2)); c.push(c.flagsArg(3, X.sfd_flags)); c.retFormat = 'fd'; },
  eventfd: (c) => { c.push(c.uint(0)); c.retFormat = 'fd'; },
  eventfd2: (c) => { c.push(c.uint(0)); c.push(c.flagsArg(1, X.efd_flags)); c.retFormat = 'fd'; },
  inotify_init1: (c) => { c.push(c.flagsArg(0, X.inotify_flags)); c.retFormat = 'fd'; },
  inotify_add_watch: (c) => { c.push(c.fd(c.arg(0))); c.push(c.path(1)); c.push(c.flagsArg(2, X.inotify_masks)); },
  inotify_rm_watch: (c) => { c.push(c.fd(c.arg(0))); c.push(c.int(1)); },
  memfd_create: (c) => { c.push(c.str(0)); c.push(c.flagsArg(1, X.memfd_flags)); c.retFormat = 'fd'; },
  select: (c) => selectCommon(c, S.timeval),
  pselect6: (c) => {
    selectCommon(c, S.timespec);
    // struct { const sigset_t *ss; size_t ss_len; } (a ptrlen capture: the set it points to too),
    // the set printed when ss_len is the kernel's sigset size, as strace does
    c.push(c.struct(5, (d) => {
      const p = S.u64(d, 0), n = S.u64(d, 8);
      const set = c.elem(5, PtrlenElement.DATA);
      const mask = p === 0 ? 'NULL'
        : n === 8 && set && set.data.length === 8 ? S.sigsetAt(new DataView(set.data.buffer, set.data.byteOffset, 8), 0, 8) : hex(p);
      return `{sigmask=${mask}, sigsetsize=${n}}`;
    }, 16));
  },
  futex,
  set_mempolicy: (c) => { c.push(mpolMode(u32(c.arg(0)))); c.push(nodemask(c, 1, c.arg(2))); c.push(c.ulong(2)); },
  get_mempolicy: (c) => {
    c.exiting();
    c.push(c.out(0, (d) => `[${enumName(X.mpol_modes, d.getInt32(0, le), 'hex', 'MPOL_???')}]`, 4));
    c.push(c.failed ? c.ptr(c.arg(1)) : nodemask(c, 1, c.arg(2))); c.push(c.ulong(2)); c.push(c.ptr(c.arg(3)));
    c.push(c.flagsArg(4, X.get_mempolicy_flags, '0', 'MPOL_???'));
  },
  mbind: (c) => {
    c.push(c.ptr(c.arg(0))); c.push(c.ulong(1)); c.push(mpolMode(c.arg(2))); c.push(nodemask(c, 3, c.arg(4))); c.push(c.ulong(4));
    c.push(c.flagsArg(5, X.mbind_flags, '0', 'MPOL_???'));
  },
  io_uring_setup: (c) => { c.push(c.uint(0)); c.push(c.struct(1, (d) => uringParams(d, c.exited && !c.failed), 120)); c.retFormat = 'fd'; },
  io_uring_enter: (c) => {
    c.push(c.fd(c.arg(0))); c.push(c.uint(1)); c.push(c.uint(2)); c.push(c.flagsArg(3, X.uring_enter_flags, '0', 'IORING_ENTER_???'));
    c.push(sigsetArg(c, 4, 5, false)); c.push(c.ulong(5));
  },
  io_uring_register: (c) => {
    const op = u32(c.arg(1));
    c.push(c.fd(c.arg(0))); c.push(enumName(X.uring_register_opcodes, op, 'hex', 'IORING_REGISTER_???'));
    const n = u32(c.arg(3));
    // IORING_REGISTER_FILES, _EVENTFD, _EVENTFD_ASYNC: an array of fds; the others' arguments are not decoded
    if (op === 2 || op === 4 || op === 7) {
      c.push(c.arg(2) === 0 ? 'NULL' : c.struct(2, (d) => {
        const fds: string[] = [];
        for (let k = 0; k < n && (k + 1) * 4 <= d.byteLength; k++) {
          if (k >= c.opts.strSize) { fds.push('...'); break; }
          fds.push(c.fd(d.getInt32(k * 4, le)));
        }
        return `[${fds.join(', ')}]`;
      }));
    } else c.push(c.ptr(c.arg(2)));
    c.push(String(n));
  },
  restart_syscall: (c) => {
    const prev = c.state.restartOf(c.ev.tid);
    c.push(`<... resuming interrupted ${prev ?? 'call'} ...>`);
  },
  mount: (c) => { c.push(c.path(0)); c.push(c.path(1)); c.push(c.str(2)); c.push(c.flagsArg(3, X.mount_flags)); c.push(c.ptr(c.arg(4))); },
  umount2: (c) => { c.push(c.path(0)); c.push(c.flagsArg(1, X.umount_flags)); },
  seccomp: (c) => {
    const op = u32(c.arg(0));
    c.push(enumName(X.seccomp_ops, op, 'hex', 'SECCOMP_SET_MODE_???'));
    if (op === 1) { c.push(c.flagsArg(1, X.seccomp_filter_flags, '0', 'SECCOMP_FILTER_FLAG_???')); c.push(c.struct(2, bpfFprog, 16)); } else { c.push(c.hexArg(1)); c.push(c.ptr(c.arg(2))); }
  },
  ptrace: (c) => { c.push(c.enumArg(0, X.ptrace_cmds, 'dec')); c.push(c.int(1)); c.push(c.ptr(c.arg(2))); c.push(c.ptr(c.arg(3))); },
  sched_getparam: (c) => { c.push(c.int(0)); c.exiting(); c.push(c.out(1, (d) => `[${d.getInt32(0, le)}]`, 4)); },
  getcpu: (c) => { c.exiting(); c.push(c.out(0, (d) => `[${d.getUint32(0, le)}]`, 4)); c.push(c.out(1, (d) => `[${d.getUint32(0, le)}]`, 4)); c.push(c.ptr(c.arg(2))); },
};

function hex0(v: number): string {
  return v === 0 ? '0' : hex(v);
}

// Unused helpers kept out of the export surface.
void dec;
void octal;

/**
 * Generic printing from the table's C types, for syscalls without a decoder:
 * pointers in hex (NULL), strings when captured, fds, integers in decimal.
 */
export function generic(c: Call): void {
  const args = c.info?.args;
  if (!args) {
    for (let i = 0; i < 6; i++) c.push(c.hexArg(i));
    return;
  }
  args.forEach((a, i) => {
    const t = a.type;
    if (/char \*$/.test(t) && c.cap(i)) c.push(/path|name|file|dir/.test(a.name) ? c.path(i) : c.str(i));
    else if (t.endsWith('*')) c.push(c.ptr(c.arg(i)));
    else if (a.name === 'fd' || a.name.endsWith('fd')) c.push(c.fd(c.arg(i)));
    else if (/^(unsigned|u32|u64|size_t|unsigned long|__u32|__u64|umode_t|uid_t|gid_t|qid_t|key_serial_t|aio_context_t|cap_user_header_t|cap_user_data_t)/.test(t)) {
      c.push(/flags|mask|mode/.test(a.name) ? c.hexArg(i) : t.includes('long') || t.includes('64') || t === 'size_t' ? c.ulong(i) : c.uint(i));
    } else if (/long|loff_t|off_t|ssize_t|__s64|s64/.test(t)) c.push(c.long(i));
    else c.push(c.int(i));
  });
}
