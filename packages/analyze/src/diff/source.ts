// Where bt-diff gets its text: one decoded line per event, as bt-show prints it, split
// into the pieces that normalisation rewrites (arguments one by one, the return value).
// `Renderer` is the seam between the decoder and the diff: the diff never looks at
// registers itself except to normalise (which argument is a pid, an fd, an address).
import type { ProcessEvent, SyscallEvent, SyscallTable, TraceEvent } from '@beetrace/format';

/** One syscall in bt-show's text, split: `name(args[0], args[1], ...) = ret`. */
export interface CallText {
  readonly name: string;
  readonly args: readonly string[];
  /** What follows "= ", e.g. "3", "-1 ENOENT (No such file or directory)", "?" when unfinished. */
  readonly ret: string;
}

/**
 * Turns events into text, in trace order (it may keep state, such as fd paths, across
 * calls). Returns undefined for events that print nothing (fork, exec).
 */
export interface Renderer {
  call(ev: SyscallEvent): CallText;
  /** A signal delivery or a process exit: bt-show's `--- SIG... ---` / `+++ exited with N +++` line. */
  lifecycle(ev: ProcessEvent): string | undefined;
}

export type RendererFactory = (table: SyscallTable) => Renderer;

let factory: RendererFactory | undefined;

/** Installs the decoder bt-diff uses (the bt-show decoder registers itself here). */
export function setRendererFactory(f: RendererFactory): void {
  factory = f;
}

export function makeRenderer(table: SyscallTable): Renderer {
  return (factory ?? plainRenderer)(table);
}

const signalNames = ['0', 'SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGILL', 'SIGTRAP', 'SIGABRT', 'SIGBUS', 'SIGFPE', 'SIGKILL',
  'SIGUSR1', 'SIGSEGV', 'SIGUSR2', 'SIGPIPE', 'SIGALRM', 'SIGTERM', 'SIGSTKFLT', 'SIGCHLD', 'SIGCONT', 'SIGSTOP',
  'SIGTSTP', 'SIGTTIN', 'SIGTTOU', 'SIGURG', 'SIGXCPU', 'SIGXFSZ', 'SIGVTALRM', 'SIGPROF', 'SIGWINCH', 'SIGIO',
  'SIGPWR', 'SIGSYS'];

export function signalName(n: number): string {
  return signalNames[n] ?? (n >= 34 && n <= 64 ? `SIGRT_${n - 34}` : String(n));
}

/** The text of a wait status, as strace ends a process: "exited with 0", "killed by SIGKILL". */
export function waitStatusText(status: number): string {
  const sig = status & 0x7f;
  if (sig === 0) return `exited with ${(status >> 8) & 0xff}`;
  return `killed by ${signalName(sig)}${(status & 0x80) !== 0 ? ' (core dumped)' : ''}`;
}

const latin1 = new TextDecoder('latin1');

function quote(bytes: Uint8Array, max: number): string {
  let s = '"';
  const n = Math.min(bytes.length, max);
  for (let i = 0; i < n; i++) {
    const c = bytes[i]!;
    if (c === 0x22 || c === 0x5c) s += '\\' + String.fromCharCode(c);
    else if (c === 10) s += '\\n';
    else if (c === 9) s += '\\t';
    else if (c >= 0x20 && c < 0x7f) s += String.fromCharCode(c);
    else s += '\\' + c.toString(8);
  }
  return s + '"' + (bytes.length > max ? '...' : '');
}

/**
 * A plain rendering used until a richer decoder is installed with setRendererFactory:
 * names from the syscall table, strings and buffers quoted from the captured memory,
 * pointers in hex, other arguments in decimal, failures as `-1 errno N`.
 */
export function plainRenderer(table: SyscallTable): Renderer {
  return {
    call(ev) {
      const info = table.byNr.get(ev.nr);
      const name = info?.name ?? `syscall_${ev.nr}`;
      const n = info ? info.args.length : 6;
      const args: string[] = [];
      for (let i = 0; i < n; i++) {
        const v = ev.args[i]!;
        const type = info?.args[i]?.type ?? 'long';
        const caps = ev.captures.filter((c) => c.arg === i);
        if (caps.length > 0 && (caps[0]!.flags & 2) === 0) {
          if (caps.length > 1 || (caps[0]!.flags & 8) !== 0) args.push('[' + caps.map((c) => quote(c.data, 32)).join(', ') + ']');
          else if (/char \*|void \*/.test(type)) args.push(quote(caps[0]!.data, 32));
          else args.push('{' + Array.from(caps[0]!.data, (b) => b.toString(16).padStart(2, '0')).join('') + '}');
        } else if (type.includes('*')) {
          args.push(v === 0 ? 'NULL' : '0x' + (v < 0 ? v + 2 ** 64 : v).toString(16));
        } else if (info?.args[i]?.name === 'dfd' && v === -100) {
          args.push('AT_FDCWD');
        } else {
          args.push(String(v));
        }
      }
      let ret: string;
      if ((ev.flags & 1) !== 0) ret = '?';
      else if (ev.ret < 0 && ev.ret > -4096) ret = `-1 errno ${-ev.ret}`;
      else if (['mmap', 'brk', 'mremap', 'shmat'].includes(name)) ret = '0x' + ev.ret.toString(16);
      else ret = String(ev.ret);
      return { name, args, ret };
    },
    lifecycle(ev) {
      if (ev.type === 'signal') return `--- ${signalName(ev.signo)} ---`;
      if (ev.type === 'exit' && ev.groupDead) return `+++ ${waitStatusText(ev.exitCode)} +++`;
      return undefined;
    },
  };
}

/** The string captured for argument `arg` (a path), or undefined. */
export function capturedString(ev: SyscallEvent, arg: number): string | undefined {
  for (const c of ev.captures) {
    if (c.arg === arg && (c.flags & (2 | 8)) === 0) return latin1.decode(c.data);
  }
  return undefined;
}

/** The bytes captured for argument `arg`, or undefined. */
export function capturedBytes(ev: SyscallEvent, arg: number): Uint8Array | undefined {
  for (const c of ev.captures) {
    if (c.arg === arg && (c.flags & 2) === 0) return c.data;
  }
  return undefined;
}

export type { TraceEvent };
