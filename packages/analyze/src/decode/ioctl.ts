// ioctl as strace prints it (its ioctl.c, term.c, block.c, loop.c, fs_*_ioctl.c): the
// request by every name its number has, then the argument the way the request's
// decoder shows it; a request nobody decodes shows its argument in hex.
import * as X from '../generated/xlat.js';
import { ioctlNames } from '../generated/ioctls.js';
import type { Call } from './call.js';
import * as S from './structs.js';
import { decimal as decimal64, enumName, flags, hex, s32, sprintFlags, u32, type Xlat } from './xlat.js';

const le = true;

/** The request: its names ("SNDCTL_TMR_START or TCSETS"), else _IOC(dir, type, nr, size). */
export function ioctlRequest(req: number): string {
  const n = ioctlNames.get(req);
  if (n !== undefined) return n;
  const dir = req >>> 30;
  const size = (req >>> 16) & 0x3fff;
  const dirs = ['_IOC_NONE', '_IOC_WRITE', '_IOC_READ', '_IOC_READ|_IOC_WRITE'];
  return `_IOC(${dirs[dir]}, ${hex((req >>> 8) & 0xff)}, ${hex(req & 0xff)}, ${hex(size)})`;
}

/** struct termios (and termio/termios2, whose first 16 bytes are the same) as strace prints it without -v. */
function termios(d: DataView): string {
  const oflag = d.getUint32(4, le);
  const cflag = d.getUint32(8, le);
  const lflag = d.getUint32(12, le);
  // the delay fields, each by its mask, then the other bits (strace's decode_oflag)
  let o = '';
  let rest = oflag;
  for (const [x, mask, dflt] of [[X.term_oflags_nldly, 0o400, 'NL?'], [X.term_oflags_crdly, 0o3000, 'CR?'], [X.term_oflags_tabdly, 0o14000, 'TAB?'],
    [X.term_oflags_bsdly, 0o20000, 'BS?'], [X.term_oflags_vtdly, 0o40000, 'VT?'], [X.term_oflags_ffdly, 0o100000, 'FF?']] as const) {
    o += `${enumName(x, rest & mask, 'hex', dflt)}|`;
    rest &= ~mask;
  }
  o += nullFlags(X.term_oflags, rest >>> 0);
  // speed, input speed, character size, the other bits (decode_cflag)
  let cf = `${enumName(X.baud_options, cflag & 0o10017, 'hex', 'B???')}|`;
  const ibaud = cflag & 0x100f0000;
  if (ibaud) cf += `${enumName(X.baud_options, ibaud >>> 16, 'hex', 'B???')}<<IBSHIFT|`;
  cf += `${enumName(X.term_cflags_csize, cflag & 0o60, 'hex', 'CS?')}|`;
  cf += nullFlags(X.term_cflags, (cflag & ~(0o10017 | 0x100f0000 | 0o60)) >>> 0);
  return `{c_iflag=${nullFlags(X.term_iflags, d.getUint32(0, le))}, c_oflag=${o}, c_cflag=${cf}, c_lflag=${nullFlags(X.term_lflags, lflag)}, ...}`;
}

/** printflags with no default (strace's NULL dflt): nothing at all for 0, bare hex for unknown bits. */
function nullFlags(x: Xlat, v: number): string {
  return sprintFlags(x, v, '');
}

function winsize(d: DataView): string {
  return `{ws_row=${d.getUint16(0, le)}, ws_col=${d.getUint16(2, le)}, ws_xpixel=${d.getUint16(4, le)}, ws_ypixel=${d.getUint16(6, le)}}`;
}

type Arg = (c: Call) => string;
/** How a request's argument prints, and whether it is an output (printed at exit). */
interface IoctlArg { readonly out: boolean; readonly print: Arg }

const at = (bytes: number, fmt: (d: DataView) => string) => (out: boolean): IoctlArg => ({
  out, print: (c) => (out ? c.out(2, fmt, bytes) : c.struct(2, fmt, bytes)),
});
const int = at(4, (d) => `[${d.getInt32(0, le)}]`);
const uint = at(4, (d) => `[${d.getUint32(0, le)}]`);
const ushort = at(2, (d) => `[${d.getUint16(0, le)}]`);
const slong = at(8, (d) => `[${decimal64(S.i64(d, 0))}]`);
const ulong = at(8, (d) => `[${decimal64(S.u64(d, 0))}]`);
const pair64 = at(16, (d) => `[${decimal64(S.u64(d, 0))}, ${decimal64(S.u64(d, 8))}]`);
const term = at(16, termios);
const win = at(8, winsize);
const modem = at(4, (d) => `[${flags(X.modem_flags, d.getUint32(0, le), '0', 'TIOCM_???')}]`);
const fsFlags = at(4, (d) => `[${flags(X.fs_ioc_flags, d.getUint32(0, le), '0', 'FS_???_FL')}]`);
const cloneRange = at(32, (d) => `{src_fd=${d.getInt32(0, le)}, src_offset=${decimal64(S.u64(d, 8))}, src_length=${decimal64(S.u64(d, 16))}, dest_offset=${decimal64(S.u64(d, 24))}}`);
const value = (print: Arg): IoctlArg => ({ out: false, print });
const none: IoctlArg = { out: false, print: () => '' };
const decimal = value((c) => String(s32(c.arg(2))));
const unsigned = value((c) => c.ulong(2));
const fdArg = value((c) => c.fd(c.arg(2)));

/** Requests with a decoder, by name (their numbers come from the headers: xlat/ioctl_decoded.tsv). */
const BY_NAME: Record<string, IoctlArg> = {
  // terminals
  TCGETS: term(true), TIOCGLCKTRMIOS: term(true), TCGETS2: term(true), TCGETA: term(true),
  TCSETS: term(false), TCSETSW: term(false), TCSETSF: term(false), TIOCSLCKTRMIOS: term(false),
  TCSETS2: term(false), TCSETSW2: term(false), TCSETSF2: term(false), TCSETA: term(false), TCSETAW: term(false), TCSETAF: term(false),
  TIOCGWINSZ: win(true), TIOCSWINSZ: win(false),
  TCXONC: value((c) => enumName(X.tcxonc_options, c.arg(2), 'hex', 'TC???')),
  TCFLSH: value((c) => enumName(X.tcflsh_options, c.arg(2), 'hex', 'TC???')),
  TCSBRK: decimal, TCSBRKP: decimal, TIOCSCTTY: decimal,
  TIOCMGET: modem(true), TIOCMBIS: modem(false), TIOCMBIC: modem(false), TIOCMSET: modem(false),
  TIOCGPGRP: int(true), TIOCGSID: int(true), TIOCGETD: int(true), TIOCGSOFTCAR: int(true), TIOCGPTN: int(true), FIONREAD: int(true),
  TIOCOUTQ: int(true), TIOCGEXCL: int(true), TIOCGDEV: int(true),
  TIOCSPGRP: int(false), TIOCSETD: int(false), FIONBIO: int(false), FIOASYNC: int(false), TIOCPKT: int(false), TIOCSSOFTCAR: int(false),
  TIOCSPTLCK: int(false),
  TIOCSTI: value((c) => c.buf(2, 1)),
  TIOCSBRK: none, TIOCCBRK: none, TIOCCONS: none, TIOCNOTTY: none, TIOCEXCL: none, TIOCNXCL: none, FIOCLEX: none, FIONCLEX: none,
  TIOCVHANGUP: none, TIOCSSERIAL: none,
  // block devices
  BLKRASET: unsigned, BLKFRASET: unsigned,
  BLKSECTGET: ushort(true), BLKROTATIONAL: ushort(true),
  BLKROGET: int(true), BLKBSZGET: int(true), BLKSSZGET: int(true), BLKALIGNOFF: int(true), BLKROSET: int(false), BLKBSZSET: int(false),
  BLKPBSZGET: uint(true), BLKIOMIN: uint(true), BLKIOOPT: uint(true), BLKDISCARDZEROES: uint(true), BLKGETZONESZ: uint(true), BLKGETNRZONES: uint(true),
  BLKRAGET: slong(true), BLKFRAGET: slong(true), BLKGETSIZE: ulong(true), BLKGETSIZE64: ulong(true), BLKGETDISKSEQ: ulong(true),
  BLKDISCARD: pair64(false), BLKSECDISCARD: pair64(false), BLKZEROOUT: pair64(false),
  BLKRRPART: none, BLKFLSBUF: none,
  // loop devices
  LOOP_CLR_FD: none, LOOP_SET_CAPACITY: none, LOOP_CTL_GET_FREE: none, LOOP_SET_FD: fdArg, LOOP_CHANGE_FD: fdArg,
  LOOP_CTL_ADD: decimal, LOOP_CTL_REMOVE: decimal, LOOP_SET_DIRECT_IO: unsigned, LOOP_SET_BLOCK_SIZE: unsigned,
  // files
  FICLONE: decimal, FICLONERANGE: cloneRange(false),
  FS_IOC_GETFLAGS: fsFlags(true), FS_IOC32_GETFLAGS: fsFlags(true), FS_IOC_SETFLAGS: fsFlags(false), FS_IOC32_SETFLAGS: fsFlags(false),
};

const byNumber = new Map<number, IoctlArg>();
for (const [name, v] of X.ioctl_decoded.byName) {
  const d = BY_NAME[name];
  if (d) byNumber.set(v >>> 0, d);
}

export function ioctl(c: Call): void {
  c.push(c.fd(c.arg(0)));
  const req = u32(c.arg(1));
  c.push(ioctlRequest(req));
  const d = byNumber.get(req);
  if (!d) { c.push(c.hexArg(2)); return; }
  if (d.out) c.exiting();
  if (d !== none) c.push(d.print(c));
}
