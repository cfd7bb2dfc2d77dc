// Structures as strace prints them (non-verbose, its default): x86_64 layouts.
import * as X from '../generated/xlat.js';
import { quote, printCString, type TextOptions } from './text.js';
import { decimal, enumName, flags, hex, standIn } from './xlat.js';

const le = true;

/** A 64-bit field as a number; beyond 2^53 one that the printers (decimal, hex) print exactly. */
export function u64(d: DataView, off: number): number {
  return standIn(d.getBigUint64(off, le));
}

/** A signed 64-bit field as a number; beyond 2^53 one that the printers (decimal, hex) print exactly. */
export function i64(d: DataView, off: number): number {
  return standIn(d.getBigInt64(off, le));
}

// ---- signals ----

/** SIGHUP...; realtime signals as SIGRTMIN, SIGRT_n; unknown as the number. */
export function signalName(sig: number): string {
  const n = X.signals.byValue.get(sig);
  if (n !== undefined) return n;
  if (sig === 32) return 'SIGRTMIN';
  if (sig > 32 && sig <= 64) return `SIGRT_${sig - 32}`;
  return String(sig);
}

/** A signal set given as 32-bit words (strace's sprintsigmask_n). */
export function sigset(words: readonly number[]): string {
  let set = 0;
  for (const w of words) set += popcount(w);
  const invert = set >= (words.length * 32 * 2) / 3;
  const names: string[] = [];
  for (let j = 0; j < words.length; j++) {
    const w = invert ? ~words[j]! >>> 0 : words[j]! >>> 0;
    for (let b = 0; b < 32; b++) {
      if ((w >>> b) & 1) {
        const sig = j * 32 + b + 1;
        names.push(sig === 32 ? 'RTMIN' : sig > 32 ? `RT_${sig - 32}` : signalName(sig).slice(3));
      }
    }
  }
  return (invert ? '~[' : '[') + names.join(' ') + ']';
}

function popcount(w: number): number {
  let n = 0;
  w >>>= 0;
  while (w) { n += w & 1; w >>>= 1; }
  return n;
}

/** A sigset of `bytes` bytes (at most 8 used) in memory. */
export function sigsetAt(d: DataView, off: number, bytes: number): string {
  const n = Math.min(bytes, 8, d.byteLength - off);
  const words: number[] = [];
  for (let i = 0; i + 4 <= n; i += 4) words.push(d.getUint32(off + i, le));
  return sigset(words);
}

/** struct kernel_sigaction (x86_64): handler, flags, restorer, mask. */
export function sigaction(d: DataView): string {
  const handler = u64(d, 0);
  const fl = d.getBigUint64(8, le);
  const restorer = u64(d, 16);
  const h = handler === 0 ? 'SIG_DFL' : handler === 1 ? 'SIG_IGN' : handler === 2 ? 'SIG_ERR' : hex(handler);
  let s = `{sa_handler=${h}, sa_mask=${d.byteLength >= 32 ? sigsetAt(d, 24, 8) : '[]'}, sa_flags=${flags(X.sigact_flags, fl)}`;
  if (fl & 0x04000000n) s += `, sa_restorer=${restorer === 0 ? 'NULL' : hex(restorer)}`;
  return s + '}';
}

// ---- time ----

export function timespec(d: DataView, off = 0): string {
  return `{tv_sec=${decimal(i64(d, off))}, tv_nsec=${decimal(i64(d, off + 8))}}`;
}

/**
 * strace's time comment after a timestamp (sprinttime_ex): ` /* 2024-01-02T03:04:05.123456789+0000 *\/`
 * in local time, the fraction in `width` digits when non-zero; nothing for the epoch itself or an
 * out-of-range fraction or time.
 */
export function timeComment(sec: number, part: number, width: number): string {
  const max = width === 0 ? 0 : 10 ** width - 1;
  if ((sec === 0 && part === 0) || part < 0 || part > max) return '';
  const t = new Date(sec * 1000);
  if (Number.isNaN(t.getTime())) return '';
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  const off = -t.getTimezoneOffset();
  const zone = `${off < 0 ? '-' : '+'}${p(Math.floor(Math.abs(off) / 60))}${p(Math.abs(off) % 60)}`;
  const year = t.getFullYear();
  const y = year < 0 ? `-${p(-year, 4)}` : p(year, 4);
  return ` /* ${y}-${p(t.getMonth() + 1)}-${p(t.getDate())}T${p(t.getHours())}:${p(t.getMinutes())}:${p(t.getSeconds())}${part ? '.' + p(part, width) : ''}${zone} */`;
}

export function timeval(d: DataView, off = 0): string {
  return `{tv_sec=${decimal(i64(d, off))}, tv_usec=${decimal(i64(d, off + 8))}}`;
}

/** A clock_t in ticks, as strace's print_clock_t: `3 /* 0.03 s *\/` (USER_HZ 100). */
export function clockT(v: number): string {
  if (!v) return String(v);
  return `${v} /* ${Math.floor(v / 100)}.${String(v % 100).padStart(2, '0')} s */`;
}

// ---- files ----

/** st_mode: S_IFREG|S_ISUID|0755. */
export function mode(m: number, withType = true): string {
  let s = '';
  if (withType) {
    const t = X.modetypes.byValue.get(m & 0o170000);
    s = t ?? (m & 0o170000 ? octalPad(m & 0o170000) : '');
  }
  const extra: string[] = [];
  if (m & 0o4000) extra.push('S_ISUID');
  if (m & 0o2000) extra.push('S_ISGID');
  if (m & 0o1000) extra.push('S_ISVTX');
  const parts = s ? [s, ...extra] : extra;
  parts.push(octalPad(m & 0o777));
  return parts.join('|');
}

/** A permission mode argument as strace prints it (%#03o): 0644, 000, 0755. */
export function octalPad(v: number): string {
  const o = v.toString(8);
  return v === 0 ? '000' : ('0' + o).padStart(3, '0');
}

export function makedev(dev: number): string {
  const big = BigInt(dev);
  const major = Number(((big >> 8n) & 0xfffn) | ((big >> 32n) & ~0xfffn));
  const minor = Number((big & 0xffn) | ((big >> 12n) & ~0xffn));
  return `makedev(${hex0(major)}, ${hex0(minor)})`;
}

function hex0(v: number): string {
  return v === 0 ? '0' : hex(v);
}

/** struct stat (x86_64, 144 bytes). */
export function stat(d: DataView): string {
  const m = d.getUint32(24, le);
  const type = m & 0o170000;
  let s = `{st_mode=${mode(m)}, `;
  if (type === 0o020000 || type === 0o060000) s += `st_rdev=${makedev(u64(d, 40))}, `;
  else s += `st_size=${decimal(i64(d, 48))}, `;
  return s + '...}';
}

/** struct statx (256 bytes), as strace prints it without -v: the mode and size only when stx_mask says they are there. */
export function statx(d: DataView): string {
  const mask = d.getUint32(0, le);
  let s = `{stx_mask=${flags(X.statx_masks, mask)}, stx_attributes=${flags(X.statx_attrs, u64(d, 8))}, `;
  if (mask & 3) s += `stx_mode=${mode(d.getUint16(28, le))}, `; // STATX_TYPE|STATX_MODE
  if (mask & 0x200) s += `stx_size=${decimal(u64(d, 40))}, `; // STATX_SIZE
  return s + '...}';
}

/** struct statfs (x86_64, 120 bytes). */
export function statfs(d: DataView): string {
  const type = u64(d, 0);
  const t = X.fs_magic.byValue.get(type) ?? hex(type);
  return `{f_type=${t}, f_bsize=${decimal(i64(d, 8))}, f_blocks=${decimal(u64(d, 16))}, f_bfree=${decimal(u64(d, 24))}, f_bavail=${decimal(u64(d, 32))}, f_files=${decimal(u64(d, 40))}, f_ffree=${decimal(u64(d, 48))}, f_fsid={val=[${hex0(d.getUint32(56, le))}, ${hex0(d.getUint32(60, le))}]}, f_namelen=${decimal(i64(d, 64))}, f_frsize=${decimal(i64(d, 72))}, f_flags=${flags(X.statfs_flags, u64(d, 80))}}`;
}

// ---- resources ----

function rlimValue(v: bigint): string {
  if (v === 0xffffffffffffffffn) return 'RLIM64_INFINITY';
  if (v > 0n && v % 1024n === 0n) return `${v / 1024n}*1024`;
  return v.toString();
}

export function rlimit(d: DataView, infinityName = 'RLIM64_INFINITY'): string {
  const f = (v: bigint): string => rlimValue(v).replace('RLIM64_INFINITY', infinityName);
  return `{rlim_cur=${f(d.getBigUint64(0, le))}, rlim_max=${f(d.getBigUint64(8, le))}}`;
}

export function rusage(d: DataView): string {
  return `{ru_utime=${timeval(d, 0)}, ru_stime=${timeval(d, 16)}, ...}`;
}

// ---- system ----

function cstr(bytes: Uint8Array, off: number, len: number, o: TextOptions): string {
  return printCString(bytes.subarray(off, off + len), false, o);
}

export function utsname(bytes: Uint8Array, o: TextOptions): string {
  return `{sysname=${cstr(bytes, 0, 65, o)}, nodename=${cstr(bytes, 65, 65, o)}, ...}`;
}

export function sysinfo(d: DataView): string {
  return `{uptime=${decimal(i64(d, 0))}, loads=[${decimal(u64(d, 8))}, ${decimal(u64(d, 16))}, ${decimal(u64(d, 24))}], totalram=${decimal(u64(d, 32))}, freeram=${decimal(u64(d, 40))}, sharedram=${decimal(u64(d, 48))}, bufferram=${decimal(u64(d, 56))}, totalswap=${decimal(u64(d, 64))}, freeswap=${decimal(u64(d, 72))}, procs=${d.getUint16(80, le)}, totalhigh=${decimal(u64(d, 88))}, freehigh=${decimal(u64(d, 96))}, mem_unit=${d.getUint32(104, le)}}`;
}

/** The siginfo of a delivered signal, as strace prints it; `pid` prints si_pid (--pidns: with the host's). */
export function siginfo(bytes: Uint8Array, signo: number, pid: (v: number) => string = String): string {
  if (bytes.length < 16) return `{si_signo=${signalName(signo)}}`;
  const d = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sig = d.getInt32(0, true);
  const errno = d.getInt32(4, true);
  const code = d.getInt32(8, true);
  const at = (off: number, f: () => string): string => (bytes.length >= off ? f() : '?');
  let codeName = X.siginfo_codes.byValue.get(code);
  if (codeName === undefined) {
    const per: Record<number, typeof X.sigchld_codes> = {
      5: X.sigtrap_codes, 17: X.sigchld_codes, 29: X.sigpoll_codes, 4: X.sigill_codes,
      8: X.sigfpe_codes, 11: X.sigsegv_codes, 7: X.sigbus_codes, 31: X.sigsys_codes,
    };
    codeName = per[sig]?.byValue.get(code);
  }
  const parts = [`si_signo=${signalName(sig)}`, `si_code=${codeName ?? String(code)}`];
  if (errno) parts.push(`si_errno=${X.errnos.name.get(errno) ?? errno}`);
  const pidUid = (): void => {
    parts.push(`si_pid=${at(20, () => pid(d.getInt32(16, true)))}`, `si_uid=${at(24, () => String(d.getUint32(20, true)))}`);
  };
  const sigval = (): void => {
    parts.push(`si_int=${at(28, () => String(d.getInt32(24, true)))}`);
    parts.push(`si_ptr=${at(32, () => { const p = u64(d, 24); return p === 0 ? 'NULL' : hex(p); })}`);
  };
  if (code <= 0) {
    switch (code) {
      case 0: case -6: pidUid(); break; // SI_USER, SI_TKILL
      case -2: // SI_TIMER
        parts.push(`si_timerid=${at(20, () => hex(d.getUint32(16, true)))}`, `si_overrun=${at(24, () => String(d.getInt32(20, true)))}`);
        sigval();
        break;
      case -5: parts.push(`si_band=${at(24, () => String(d.getBigInt64(16, true)))}`, `si_fd=${at(28, () => String(d.getInt32(24, true)))}`); break;
      default:
        pidUid();
        if (bytes.length >= 32 && d.getBigUint64(24, true) !== 0n) sigval();
    }
  } else {
    switch (sig) {
      case 17: // SIGCHLD
        pidUid();
        parts.push(`si_status=${at(28, () => (code === 1 ? String(d.getInt32(24, true)) : signalName(d.getInt32(24, true))))}`);
        parts.push(`si_utime=${at(40, () => clockT(Number(d.getBigInt64(32, true))))}`, `si_stime=${at(48, () => clockT(Number(d.getBigInt64(40, true))))}`);
        break;
      case 4: case 8: case 7: case 11: case 5: { // SIGILL SIGFPE SIGBUS SIGSEGV SIGTRAP
        if (sig === 5 && code !== 1 && code !== 2 && code !== 4) break;
        const p = bytes.length >= 24 ? u64(d, 16) : 0;
        parts.push(`si_addr=${p === 0 ? 'NULL' : hex(p)}`);
        break;
      }
      case 29: // SIGIO/SIGPOLL
        parts.push(`si_band=${at(24, () => String(d.getBigInt64(16, true)))}`, `si_fd=${at(28, () => String(d.getInt32(24, true)))}`);
        break;
      case 31: // SIGSYS
        parts.push(`si_call_addr=${at(24, () => hex(u64(d, 16)))}`, `si_syscall=${at(28, () => String(d.getInt32(24, true)))}`, `si_arch=${at(32, () => (d.getUint32(28, true) === 0xc000003e ? 'AUDIT_ARCH_X86_64' : hex(d.getUint32(28, true))))}`);
        break;
      default: break;
    }
  }
  return `{${parts.join(', ')}}`;
}

// ---- wait status ----

export function waitStatus(status: number): string {
  const sig = status & 0x7f;
  let s: string;
  let rest = status;
  if ((status & 0xff) === 0x7f) {
    const stop = (status >> 8) & 0xff;
    s = `{WIFSTOPPED(s) && WSTOPSIG(s) == ${signalName(stop & 0x7f)}${stop & 0x80 ? ' | 0x80' : ''}}`;
    rest &= ~((stop << 8) | 0x7f);
  } else if (sig !== 0 && sig !== 0x7f) {
    s = `{WIFSIGNALED(s) && WTERMSIG(s) == ${signalName(sig)}${status & 0x80 ? ' && WCOREDUMP(s)' : ''}}`;
    rest &= ~(sig | 0x80);
  } else if (sig === 0) {
    s = `{WIFEXITED(s) && WEXITSTATUS(s) == ${(status >> 8) & 0xff}}`;
    rest &= ~(status & 0xff00);
  } else {
    return `[${hex(status >>> 0)}]`;
  }
  rest >>>= 0;
  if (rest) s += `|${hex(rest)}`;
  return `[${s}]`;
}

// ---- sockets ----

export function ipv4(d: DataView, off: number): string {
  return `${d.getUint8(off)}.${d.getUint8(off + 1)}.${d.getUint8(off + 2)}.${d.getUint8(off + 3)}`;
}

export function ipv6(d: DataView, off: number): string {
  const g: number[] = [];
  for (let i = 0; i < 8; i++) g.push(d.getUint16(off + i * 2, false));
  // IPv4-mapped
  if (g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff) {
    return `::ffff:${ipv4(d, off + 12)}`;
  }
  // longest run of zeros (length >= 2) becomes ::
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (g[i] === 0) {
      let j = i;
      while (j < 8 && g[j] === 0) j++;
      if (j - i > bestLen && j - i >= 2) { best = i; bestLen = j - i; }
      i = j;
    } else i++;
  }
  const hexs = g.map((x) => x.toString(16));
  if (best < 0) return hexs.join(':');
  return hexs.slice(0, best).join(':') + '::' + hexs.slice(best + bestLen).join(':');
}

/** struct sockaddr of `len` bytes. */
export function sockaddr(bytes: Uint8Array, len: number, o: TextOptions): string {
  const n = Math.min(len, bytes.length);
  if (n < 2) return '{}';
  const d = new DataView(bytes.buffer, bytes.byteOffset, n);
  const fam = d.getUint16(0, le);
  const famName = enumName(X.addrfams, fam);
  switch (fam) {
    case 1: { // AF_UNIX
      if (n <= 2) return `{sa_family=${famName}}`;
      const path = bytes.subarray(2, n);
      if (path[0] === 0 && n > 3) {
        // abstract socket: printed as @name
        const rest = path.subarray(1);
        const q = quote(rest, rest.length, o.xflag);
        return `{sa_family=${famName}, sun_path=@${q}}`;
      }
      const nul = path.indexOf(0);
      const p = nul >= 0 ? path.subarray(0, nul) : path;
      return `{sa_family=${famName}, sun_path=${quote(p, p.length, o.xflag)}}`;
    }
    case 2: // AF_INET: strace wants a whole sockaddr_in, else prints sa_data
      if (n < 16) break;
      return `{sa_family=${famName}, sin_port=htons(${d.getUint16(2, false)}), sin_addr=inet_addr("${ipv4(d, 4)}")}`;
    case 10: { // AF_INET6
      if (n < 24) break;
      const scope = n >= 28 ? d.getUint32(24, le) : 0;
      return `{sa_family=${famName}, sin6_port=htons(${d.getUint16(2, false)}), sin6_flowinfo=htonl(${d.getUint32(4, false)}), inet_pton(${famName}, "${ipv6(d, 8)}", &sin6_addr), sin6_scope_id=${scope}}`;
    }
    case 16: // AF_NETLINK
      if (n < 12) break;
      return `{sa_family=${famName}, nl_pid=${d.getInt32(4, le)}, nl_groups=${d.getUint32(8, le).toString(16).padStart(8, '0')}}`;
    default:
      break;
  }
  const rest = bytes.subarray(2, n);
  return `{sa_family=${famName}, sa_data=${quote(rest, rest.length, o.xflag)}}`;
}

// ---- poll / epoll ----

export function epollEvent(d: DataView, off: number): string {
  const ev = d.getUint32(off, le);
  const lo = d.getUint32(off + 4, le);
  const data = d.getBigUint64(off + 4, le);
  return `{events=${flags(X.epoll_events, ev)}, data={u32=${lo}, u64=${data}}}`;
}
