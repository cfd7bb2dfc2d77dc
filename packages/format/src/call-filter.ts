// Which calls a user asked for: strace's -e trace=SET and -e status=SET, parsed once for
// bt-show (which filters what it prints) and bt-record (which filters in the kernel), and
// which calls a trace's state needs whatever the filter says: those that change it (the
// syscall table's effect and returns columns), with the captures the state model reads.
// Light on purpose (no protobufjs, no syscall table): bt-record's start-up imports it.
import type { CaptureSpec, SyscallClass, SyscallEffect, SyscallInfo } from './syscalls.js';

/** strace's class names for -e trace=%NAME, and the table classes each stands for (%%stat: all stat-like calls). */
export const CLASS_SETS: Readonly<Record<string, readonly SyscallClass[]>> = {
  file: ['file'], process: ['process'], network: ['network'], net: ['network'], signal: ['signal'],
  ipc: ['ipc'], desc: ['desc'], memory: ['memory'], creds: ['creds'], clock: ['clock'],
  stat: ['stat'], lstat: ['lstat'], fstat: ['fstat'], '%stat': ['stat', 'lstat', 'fstat'],
  statfs: ['statfs'], fstatfs: ['fstatfs'], '%statfs': ['statfs', 'fstatfs'], pure: ['pure'],
};

/** A -e expression that does not parse; the message names the problem. */
export class FilterSyntaxError extends Error {}

/** -e trace=SET: names and classes, or everything but them (negate). */
export interface TraceFilter {
  readonly names: ReadonlySet<string>;
  readonly classes: ReadonlySet<SyscallClass>;
  readonly negate: boolean;
}

/** strace's -e status= values. */
export const STATUSES = ['successful', 'failed', 'unfinished', 'unavailable', 'detached'] as const;
export type CallStatus = (typeof STATUSES)[number];

/** Parses SET of -e trace=SET (names, %classes, all, none, !SET); names are checked against a syscall table's when given. */
export function parseTraceSet(spec: string, table: { readonly byName: { has(name: string): boolean } } | undefined): TraceFilter {
  let negate = false;
  if (spec.startsWith('!')) { negate = true; spec = spec.slice(1); }
  const names = new Set<string>();
  const classes = new Set<SyscallClass>();
  if (spec === 'all') return { names, classes, negate: !negate };
  if (spec === 'none' || spec === '') return { names, classes, negate };
  for (const item of spec.split(',')) {
    if (item.startsWith('%')) {
      const cls = CLASS_SETS[item.slice(1)];
      if (!cls) throw new FilterSyntaxError(`-e trace: unknown class '${item}' (valid: ${Object.keys(CLASS_SETS).map((k) => '%' + k).join(' ')})`);
      for (const c of cls) classes.add(c);
    } else {
      if (table && !table.byName.has(item) && !/^syscall_0x[0-9a-f]+$/.test(item)) {
        throw new FilterSyntaxError(`-e trace: unknown syscall '${item}' (a syscall name, %class, all or none)`);
      }
      names.add(item);
    }
  }
  return { names, classes, negate };
}

/** Parses SET of -e status=SET (comma-separated statuses, all, none, !SET). */
export function parseStatusSet(spec: string): Set<CallStatus> {
  let neg = false;
  if (spec.startsWith('!')) { neg = true; spec = spec.slice(1); }
  const set = new Set<CallStatus>();
  for (const s of spec === 'all' ? STATUSES : spec === 'none' ? [] : spec.split(',')) {
    if (!(STATUSES as readonly string[]).includes(s)) throw new FilterSyntaxError(`-e status: unknown status '${s}' (valid: ${STATUSES.join(', ')}, all, none)`);
    set.add(s as CallStatus);
  }
  return neg ? new Set(STATUSES.filter((s) => !set.has(s))) : set;
}

/** Whether the set holds a syscall of this name and these classes. */
export function traceSetHas(f: TraceFilter, name: string, classes: readonly SyscallClass[]): boolean {
  let hit = f.names.has(name);
  if (!hit && f.classes.size) for (const c of classes) if (f.classes.has(c)) { hit = true; break; }
  return hit !== f.negate;
}

/** Effects that leave the trace's state as it was (data moved, a lookup, a wait...). */
const NO_STATE: ReadonlySet<SyscallEffect> = new Set(['read', 'write', 'exit', 'wait', 'sync', 'lookup', 'map', 'unmap', 'protect', 'heap']);

/**
 * Whether a successful call of this syscall changes the trace's state (the table's effect and
 * returns columns say; a path it deletes or renames renames what -y calls the files open on it).
 */
export function changesState(info: SyscallInfo): boolean {
  return (info.effect !== null && !NO_STATE.has(info.effect)) || (info.ret === 'fd' && info.newFd !== null) || info.roles.some((r) => r?.delete);
}

/** Argument roles whose captures the state model reads (paths, fds made, addresses, open_how, clone_args). */
const STATE_ROLES: ReadonlySet<string> = new Set(['path', 'open_how', 'fds', 'sockaddr', 'clone_args']);

/**
 * The captures of a call that changes the state which the state model reads: those of
 * the roles above, exec's argv, the set of a signal-mask change, and the string arguments
 * the new fd's name is made of. A filtered recording takes only these for calls outside
 * its filter (SyscallFlag.STATE_ONLY).
 */
export function stateCaptures(info: SyscallInfo): readonly CaptureSpec[] {
  if (!changesState(info)) return [];
  const named = new Set([...(info.newFdName ?? '').matchAll(/%(\d)/g)].map((m) => Number(m[1])));
  return info.capture.filter((c) => STATE_ROLES.has(info.roles[c.arg]?.role ?? '') || named.has(c.arg) ||
    (info.effect === 'exec' && c.kind === 'strings') || info.effect === 'sigmask');
}
