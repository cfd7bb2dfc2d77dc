// The fds the traced program holds when recording begins, named as /proc/PID/fd names
// them (strace -y prints them so; the trace model names later calls on them with it).
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface InitialFd {
  readonly fd: number;
  readonly target: string;
}

const O_CLOEXEC = 0o2000000;

function link(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined; // closed meanwhile, or not ours to read
  }
}

function numbers(dir: string): number[] {
  try {
    return readdirSync(dir).map(Number).filter((n) => Number.isInteger(n)).sort((a, b) => a - b);
  } catch {
    return [];
  }
}

/** An attached process's open fds. */
export function attachedFds(pid: number): InitialFd[] {
  return numbers(`/proc/${pid}/fd`).flatMap((fd) => {
    const target = link(`/proc/${pid}/fd/${fd}`);
    return target === undefined ? [] : [{ fd, target }];
  });
}

/**
 * A program the recorder starts: the stdio it is given (spawn's stdin, stdout, stderr;
 * -1 keeps the recorder's own), and the recorder's other fds that are not close-on-exec.
 */
export function startedFds(stdio: readonly [number, number, number]): InitialFd[] {
  const out: InitialFd[] = [];
  stdio.forEach((from, fd) => {
    const target = link(`/proc/self/fd/${from >= 0 ? from : fd}`);
    if (target !== undefined) out.push({ fd, target });
  });
  for (const fd of numbers('/proc/self/fd')) {
    if (fd < 3) continue;
    let flags: number;
    try {
      flags = parseInt(/^flags:\s*([0-7]+)/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))?.[1] ?? '', 8);
    } catch {
      continue;
    }
    if (Number.isNaN(flags) || (flags & O_CLOEXEC) !== 0) continue;
    const target = link(`/proc/self/fd/${fd}`);
    if (target !== undefined) out.push({ fd, target });
  }
  return out;
}
