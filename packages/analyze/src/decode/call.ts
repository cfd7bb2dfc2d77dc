// The context a syscall decoder works in: the raw event, its captured memory,
// the options, and the output being built (argument texts, where the entry
// part ends, how the return value prints).
import { callFailed, CaptureFlag, type Capture, type SyscallEvent, SyscallFlag, type SyscallInfo } from '@beetrace/format';
import { fdTarget, socketText } from './fdpath.js';
import type { TraceModel } from './model.js';
import { type TextOptions, printBuffer, printCString, printPath } from './text.js';
import { type Xlat, decimal, enumName, flags, hex, s32, standIn, u32, unsignedDecimal } from './xlat.js';

export interface DecodeOptions extends TextOptions {
  /** -y: print fds with the path they refer to, `3</etc/passwd>`. */
  readonly fdPaths: boolean;
  /** -yy: sockets by protocol and addresses, `3<TCP:[127.0.0.1:80->127.0.0.1:4000]>`, where the trace has them. */
  readonly fdDetails?: boolean;
  /**
   * --pidns: a pid that a call of a process in a pid namespace of its own names or returns
   * gets the host's after it in a comment, "getpid() = 1" then "4242 on the host" (strace's
   * --pidns-translation).
   */
  readonly pidns?: boolean;
}

/** How a successful return value prints (strace's RVAL_*). */
export type RetFormat = 'dec' | 'hex' | 'oct' | 'fd' | 'udec' | 'none';

const EMPTY = new Uint8Array(0);
const DELETED = ' (deleted)';

/** An fd (or AT_FDCWD) as -y prints it; strace puts a deleted file's mark after the brackets: 3</memfd:x>(deleted). */
function withPath(name: string, p: string | undefined): string {
  if (p === undefined) return name;
  return p.endsWith(DELETED) ? `${name}<${p.slice(0, -DELETED.length)}>(deleted)` : `${name}<${p}>`;
}

export class Call {
  /** The argument texts so far (a scratch array the caller may reuse). */
  readonly args: string[];
  /** Number of arguments printed at entry; -1: all of them. */
  split = -1;
  retFormat: RetFormat = 'dec';
  /** Replaces the whole success return text (e.g. "0x8000 (flags O_RDONLY|O_LARGEFILE)"). */
  retText: string | undefined;
  /** Appended after the return value, e.g. " ([{fd=3, revents=POLLIN}])". */
  retAux = '';
  /** --pidns, a caller in a pid namespace of its own: the comment after a pid of that namespace naming the host's. */
  onHost: ((pid: number) => string) | undefined;
  /** The numbers arg() and ret give for the call's register values beyond 2^53 (undefined: none, nearly always). */
  private readonly wide: { readonly args: readonly number[]; readonly ret: number } | undefined;
  private caps: readonly Capture[];

  constructor(
    readonly ev: SyscallEvent,
    readonly name: string,
    readonly info: SyscallInfo | undefined,
    readonly opts: DecodeOptions,
    readonly state: TraceModel,
    scratch?: string[],
  ) {
    this.caps = ev.captures;
    if (ev.exact !== undefined) {
      const x = ev.exact;
      this.wide = { args: ev.args.map((v, i) => (x.args[i] === undefined ? v : standIn(x.args[i]!))), ret: x.ret === undefined ? ev.ret : standIn(x.ret) };
    }
    if (scratch) scratch.length = 0;
    this.args = scratch ?? [];
  }

  /** The call returned (it may still have failed). */
  get exited(): boolean {
    return (this.ev.flags & SyscallFlag.UNFINISHED) === 0;
  }

  /** The call returned an error (-4095..-1). */
  get failed(): boolean {
    return callFailed(this.ev.ret, this.ev.flags);
  }

  /** The return value; beyond 2^53, a number that the printers (hex, decimal...) print exactly. */
  get ret(): number {
    return this.wide === undefined ? this.ev.ret : this.wide.ret;
  }

  /** Argument i; beyond 2^53, a number that the printers (hex, u32, decimal...) print exactly. */
  arg(i: number): number {
    return this.wide === undefined ? this.ev.args[i]! : this.wide.args[i]!;
  }

  /** A pid the caller named or got (a pid argument, si_pid), with the host's after it under --pidns. */
  pid(v: number): string {
    return this.onHost ? `${v}${this.onHost(v)}` : String(v);
  }

  /** The capture of argument i (element e for arrays). */
  cap(i: number, element = 0): Capture | undefined {
    // A value-result argument has two captures: at entry, and at exit (AT_EXIT), which wins.
    let found: Capture | undefined;
    for (const c of this.caps) {
      if (c.arg === i && c.element === element && (c.flags & CaptureFlag.ELEMENT) === 0) {
        if ((c.flags & CaptureFlag.AT_EXIT) !== 0) return c;
        found ??= c;
      }
    }
    if (found) return found;
    if (element !== 0) return this.elem(i, element);
    return undefined;
  }

  /**
   * The value of a value-result argument at entry (a capture without AT_EXIT
   * next to one with it), or undefined when the trace has no entry capture.
   */
  entryData(i: number): Uint8Array | undefined {
    let entry: Capture | undefined;
    let exit = false;
    for (const c of this.caps) {
      if (c.arg !== i || (c.flags & CaptureFlag.ELEMENT) !== 0) continue;
      if ((c.flags & CaptureFlag.AT_EXIT) !== 0) exit = true;
      else entry ??= c;
    }
    const spec = this.info?.capture.find((k) => k.arg === i);
    if (!entry || (c_fault(entry)) || (!exit && !spec?.alsoAtEntry)) return undefined;
    return entry.data;
  }

  /** The bytes of argument i captured at exit (AT_EXIT), when readable: never the entry capture. */
  exitData(i: number): Uint8Array | undefined {
    for (const c of this.caps) {
      if (c.arg === i && c.element === 0 && (c.flags & (CaptureFlag.ELEMENT | CaptureFlag.AT_EXIT)) === CaptureFlag.AT_EXIT) return c_fault(c) ? undefined : c.data;
    }
    return undefined;
  }

  /** The ELEMENT capture e of argument i. */
  elem(i: number, element: number): Capture | undefined {
    for (const c of this.caps) {
      if (c.arg === i && c.element === element && (c.flags & CaptureFlag.ELEMENT) !== 0) return c;
    }
    return undefined;
  }

  /** Every ELEMENT capture of argument i, in element order. */
  elems(i: number): Capture[] {
    return this.caps.filter((c) => c.arg === i && (c.flags & CaptureFlag.ELEMENT) !== 0).sort((a, b) => a.element - b.element);
  }

  /** Captured bytes of argument i when readable and not a fault. */
  data(i: number): Uint8Array | undefined {
    const c = this.cap(i);
    if (!c || (c.flags & CaptureFlag.FAULT) !== 0) return undefined;
    return c.data;
  }

  push(text: string): void {
    this.args.push(text);
  }

  /** Marks the end of what strace prints at syscall entry; later arguments print at exit. */
  exiting(): void {
    if (this.split < 0) this.split = this.args.length;
  }

  // ---- printing helpers (strace's printaddr, printfd, printpath...) ----

  ptr(v: number): string {
    return v === 0 ? 'NULL' : hex(v);
  }

  fd(v: number): string {
    const fd = s32(v);
    if (!this.opts.fdPaths) return fd === -100 ? 'AT_FDCWD' : String(fd);
    return withPath(fd === -100 ? 'AT_FDCWD' : String(fd), fd === -100 ? this.state.cwdOf(this.ev.pid) : fd >= 0 ? this.state.fdPath(this.ev.pid, fd, this.opts.fdDetails) : undefined);
  }

  /** An fd the call itself made (pipe's, socketpair's): what the recorder read at its exit (`element`: FdPathCapture.PAIR + k). */
  madeFd(v: number, element: number): string {
    const fd = s32(v);
    if (!this.opts.fdPaths) return String(fd);
    const t = fdTarget(this.ev, element);
    return withPath(String(fd), this.opts.fdDetails && t?.sock ? socketText(t.sock) : t?.text);
  }

  /** A dirfd argument: AT_FDCWD or an fd. */
  dirfd(i: number): string {
    return this.fd(this.arg(i));
  }

  /** A path argument (captured string), or its address when not captured. */
  path(i: number): string {
    const v = this.arg(i);
    if (v === 0) return 'NULL';
    const c = this.cap(i);
    if (!c || (c.flags & CaptureFlag.FAULT) !== 0) return hex(v);
    const nul = c.data.indexOf(0);
    const raw = nul >= 0 ? c.data.subarray(0, nul) : c.data;
    return printPath(c.data, (c.flags & CaptureFlag.TRUNCATED) !== 0, this.opts);
  }

  /** A NUL-terminated non-path string argument, cut at -s. */
  str(i: number): string {
    const v = this.arg(i);
    if (v === 0) return 'NULL';
    const c = this.cap(i);
    if (!c || (c.flags & CaptureFlag.FAULT) !== 0) return hex(v);
    return printCString(c.data, (c.flags & CaptureFlag.TRUNCATED) !== 0, this.opts);
  }

  /** A captured NUL-terminated string's bytes, cut at -s. */
  strBytes(data: Uint8Array, truncated: boolean): string {
    return printCString(data, truncated, this.opts);
  }

  /** A buffer of `len` bytes at argument i (read/write data). */
  buf(i: number, len: number, forceHex = false, omitTrailingNul = false): string {
    const v = this.arg(i);
    if (v === 0) return 'NULL';
    if (len === 0) return '""';
    const c = this.cap(i);
    if (!c || (c.flags & CaptureFlag.FAULT) !== 0) return hex(v);
    return printBuffer(c.data, len, this.opts, forceHex, omitTrailingNul);
  }

  /** An output structure at argument i: NULL, its address when failed or not captured, else `fmt(bytes)`. */
  out(i: number, fmt: (d: DataView, bytes: Uint8Array) => string, minBytes = 1): string {
    const v = this.arg(i);
    if (v === 0) return 'NULL';
    if (this.failed || !this.exited) return hex(v);
    return this.struct(i, fmt, minBytes);
  }

  /** An input structure at argument i. */
  struct(i: number, fmt: (d: DataView, bytes: Uint8Array) => string, minBytes = 1): string {
    const v = this.arg(i);
    if (v === 0) return 'NULL';
    const d = this.data(i);
    if (!d || d.length < minBytes) return hex(v);
    return fmt(new DataView(d.buffer, d.byteOffset, d.byteLength), d);
  }

  /** An input structure at argument i as it was at syscall entry (a "+entry" capture), for arguments the kernel then rewrites. */
  atEntry(i: number, fmt: (d: DataView, bytes: Uint8Array) => string, minBytes = 1): string {
    const v = this.arg(i);
    if (v === 0) return 'NULL';
    const d = this.entryData(i);
    if (!d || d.length < minBytes) return hex(v);
    return fmt(new DataView(d.buffer, d.byteOffset, d.byteLength), d);
  }

  int(i: number): string {
    return String(s32(this.arg(i)));
  }

  uint(i: number): string {
    return String(u32(this.arg(i)));
  }

  long(i: number): string {
    return decimal(this.arg(i));
  }

  ulong(i: number): string {
    return unsignedDecimal(this.arg(i));
  }

  hexArg(i: number): string {
    const v = this.arg(i);
    return v === 0 ? '0' : hex(v);
  }

  flagsArg(i: number, x: Xlat, zero = '0', dflt?: string): string {
    return dflt === undefined ? flags(x, u32(this.arg(i)), zero) : flags(x, u32(this.arg(i)), zero, dflt);
  }

  enumArg(i: number, x: Xlat, dflt: 'hex' | 'dec' = 'hex'): string {
    const v = this.arg(i);
    return enumName(x, dflt === 'dec' ? s32(v) : u32(v), dflt);
  }
}

export const emptyBytes = EMPTY;

function c_fault(c: Capture): boolean {
  return (c.flags & CaptureFlag.FAULT) !== 0;
}

export { decimal, s32, u32, unsignedDecimal } from './xlat.js';
