// The state of traced processes as /proc shows it, for the trace header's snapshot
// (Header.processes): what a trace that does not start with the program's start needs
// to read it (fds opened before, the pids the processes see in their pid namespace),
// as strace -p -y reads /proc/PID/fd when it attaches.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import type { ProcessState } from '@beetrace/format';

function text(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function link(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

/** A "Name:\tvalue" line of a /proc status or fdinfo file. */
function field(body: string | undefined, name: string): string | undefined {
  if (body === undefined) return undefined;
  const at = body.indexOf(`\n${name}:`);
  const start = body.startsWith(`${name}:`) ? name.length + 1 : at < 0 ? -1 : at + name.length + 2;
  if (start < 0) return undefined;
  const end = body.indexOf('\n', start);
  return body.slice(start, end < 0 ? undefined : end).trim();
}

/** NSpid: the id in each pid namespace, the initial one first. */
function nsIds(status: string | undefined): number[] {
  return (field(status, 'NSpid') ?? '').split(/\s+/).filter(Boolean).map(Number);
}

/** /proc/PID/fd's links with their flags from fdinfo ("flags:" is octal there). */
function fds(pid: number): { fd: number; target: string; flags: number }[] {
  let names: string[];
  try {
    names = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return [];
  }
  const out = [];
  for (const name of names) {
    const target = link(`/proc/${pid}/fd/${name}`);
    if (target === undefined) continue; // closed meanwhile
    const flags = field(text(`/proc/${pid}/fdinfo/${name}`), 'flags');
    out.push({ fd: Number(name), target, flags: flags === undefined ? 0 : parseInt(flags, 8) });
  }
  return out.sort((a, b) => a.fd - b.fd);
}

/**
 * The process (thread group) that thread `tid` belongs to (itself for a process's main
 * thread); undefined when there is no such thread.
 */
export function processOf(tid: number): number | undefined {
  const tgid = field(text(`/proc/${tid}/status`), 'Tgid');
  return tgid === undefined ? undefined : Number(tgid);
}

/** Process `pid` as /proc shows it now; undefined when it is gone. */
export function processState(pid: number): ProcessState | undefined {
  const status = text(`/proc/${pid}/status`);
  if (status === undefined) return undefined;
  const state = field(status, 'State') ?? '';
  if (state.startsWith('Z') || state.startsWith('X')) return undefined;
  const nsPids = nsIds(status);
  const inode = /\[(\d+)\]/.exec(link(`/proc/${pid}/ns/pid`) ?? '')?.[1];
  const cmdline = text(`/proc/${pid}/cmdline`) ?? '';
  let tids: number[] = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`).map(Number).sort((a, b) => (a === pid ? -1 : b === pid ? 1 : a - b));
  } catch {
    tids = [pid];
  }
  const nsTids = tids.map((tid) => (tid === pid ? nsPids : nsIds(text(`/proc/${pid}/task/${tid}/status`))).at(-1) ?? 0);
  return {
    pid,
    ppid: Number(field(status, 'PPid') ?? 0),
    nsPids,
    pidnsInode: inode === undefined ? 0 : Number(inode),
    exe: link(`/proc/${pid}/exe`) ?? '',
    argv: cmdline === '' ? [] : cmdline.replace(/\0$/, '').split('\0'),
    cwd: link(`/proc/${pid}/cwd`) ?? '',
    fds: fds(pid),
    tids,
    nsTids,
  };
}

const O_CLOEXEC = 0o2000000;

/**
 * The fds a program the recorder starts holds when its history starts: the stdio it is
 * given (spawn's stdin, stdout, stderr; -1 keeps the recorder's own) and the recorder's
 * other fds that are not close-on-exec, which it inherits (what strace -y names them by).
 */
export function inheritedFds(stdio: readonly [number, number, number]): NonNullable<ProcessState['fds']> {
  const mine = fds(process.pid);
  const byFd = new Map(mine.map((f) => [f.fd, f]));
  const out: { fd: number; target: string; flags: number }[] = [];
  stdio.forEach((from, fd) => {
    const f = byFd.get(from >= 0 ? from : fd);
    if (f) out.push({ fd, target: f.target, flags: f.flags & ~O_CLOEXEC });
  });
  for (const f of mine) if (f.fd >= 3 && (f.flags & O_CLOEXEC) === 0) out.push(f);
  return out;
}
