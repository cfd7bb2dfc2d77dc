// Where bt-diff gets its text: one decoded line per event, as bt-show prints it, split
// into the pieces that normalisation rewrites (arguments one by one, the return value).
// `Renderer` is the seam between the decoder and the diff: the diff never looks at
// registers itself except to normalise (which argument is a pid, an fd, an address).
import type { ProcessEvent, SyscallEvent, SyscallTable, TraceEvent } from '@beetrace/format';
import { Decoder } from '../decode/decode.js';

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

export type RendererFactory = (table: SyscallTable, cwd: string | undefined) => Renderer;

/** bt-show's decoder, split the way normalisation needs it. */
export function decoderRenderer(table: SyscallTable, cwd: string | undefined): Renderer {
  const d = new Decoder(table, { strSize: 32, xflag: 0, fdPaths: false }, cwd);
  return {
    call(ev) {
      const c = d.syscall(ev);
      return { name: c.name, args: c.args, ret: c.retText };
    },
    lifecycle(ev) {
      const p = d.process(ev);
      if (ev.type === 'exit' && !ev.groupDead) return undefined;
      return p.line;
    },
  };
}

let factory: RendererFactory = decoderRenderer;

/** Replaces the decoder bt-diff uses (tests use this to feed text directly). */
export function setRendererFactory(f: RendererFactory): void {
  factory = f;
}

export function makeRenderer(table: SyscallTable, cwd: string | undefined): Renderer {
  return factory(table, cwd);
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
