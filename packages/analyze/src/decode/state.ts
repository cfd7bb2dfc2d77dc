// What the decoder remembers between calls, rebuilt from the trace's own
// history: each process's open fds and their paths (-y), its working directory,
// each thread's blocked-signal mask (rt_sigreturn's {mask=...}) and its last
// call interrupted with ERESTART_RESTARTBLOCK (restart_syscall). Memory is
// bounded by what is live: entries go when fds close and processes exit.
import { posix } from 'node:path';

interface Fd {
  path: string;
  cloexec: boolean;
}

interface Proc {
  fds: Map<number, Fd>;
  cwd: string | undefined;
  /** Threads of this process still alive (for forgetting the process). */
  threads: number;
}

export class DecodeState {
  private procs = new Map<number, Proc>();
  /** tid -> blocked mask as two 32-bit words. */
  private masks = new Map<number, [number, number]>();
  /** tid -> name of the call interrupted by ERESTART_RESTARTBLOCK. */
  private restart = new Map<number, string>();
  /** tid -> masks saved at signal delivery, innermost last. */
  private saved = new Map<number, [number, number][]>();

  constructor(private readonly initialCwd: string | undefined = undefined) {}

  private proc(pid: number): Proc {
    let p = this.procs.get(pid);
    if (!p) {
      p = { fds: new Map(), cwd: this.initialCwd, threads: 1 };
      this.procs.set(pid, p);
    }
    return p;
  }

  fdPath(pid: number, fd: number): string | undefined {
    return this.procs.get(pid)?.fds.get(fd)?.path;
  }

  cwd(pid: number): string | undefined {
    return this.proc(pid).cwd;
  }

  /** Absolute form of a path as the process named it relative to dirfd (-100 = cwd). */
  resolve(pid: number, dirfd: number, path: string): string {
    if (path.startsWith('/')) return posix.normalize(path);
    const base = dirfd === -100 ? this.proc(pid).cwd : this.fdPath(pid, dirfd);
    if (base === undefined) return path;
    return path === '' ? base : posix.join(base, path);
  }

  setFd(pid: number, fd: number, path: string, cloexec: boolean): void {
    this.proc(pid).fds.set(fd, { path, cloexec });
  }

  dupFd(pid: number, from: number, to: number, cloexec: boolean): void {
    const f = this.proc(pid).fds.get(from);
    if (f) this.proc(pid).fds.set(to, { path: f.path, cloexec });
    else this.proc(pid).fds.delete(to);
  }

  setCloexec(pid: number, fd: number, on: boolean): void {
    const f = this.proc(pid).fds.get(fd);
    if (f) f.cloexec = on;
  }

  closeFd(pid: number, fd: number): void {
    this.procs.get(pid)?.fds.delete(fd);
  }

  closeRange(pid: number, first: number, last: number): void {
    const p = this.procs.get(pid);
    if (!p) return;
    for (const fd of [...p.fds.keys()]) if (fd >= first && fd <= last) p.fds.delete(fd);
  }

  chdir(pid: number, path: string): void {
    this.proc(pid).cwd = path;
  }

  /** A successful execve: O_CLOEXEC fds are closed. */
  exec(pid: number): void {
    const p = this.proc(pid);
    for (const [fd, f] of p.fds) if (f.cloexec) p.fds.delete(fd);
  }

  /** A new process (copy of the parent's fds and cwd) or thread (shares them). */
  fork(parentPid: number, parentTid: number, childPid: number, childTid: number, thread: boolean): void {
    const mask = this.masks.get(parentTid);
    if (mask) this.masks.set(childTid, [mask[0], mask[1]]);
    if (thread) {
      this.proc(childPid).threads++;
      return;
    }
    const parent = this.proc(parentPid);
    const fds = new Map<number, Fd>();
    for (const [fd, f] of parent.fds) fds.set(fd, { path: f.path, cloexec: f.cloexec });
    this.procs.set(childPid, { fds, cwd: parent.cwd, threads: 1 });
  }

  /** A thread exited; the process is forgotten with its last thread. */
  exit(pid: number, tid: number, groupDead: boolean): void {
    this.masks.delete(tid);
    this.restart.delete(tid);
    this.saved.delete(tid);
    if (groupDead) this.procs.delete(pid);
  }

  mask(tid: number): [number, number] {
    return this.masks.get(tid) ?? [0, 0];
  }

  setMask(tid: number, mask: [number, number]): void {
    this.masks.set(tid, mask);
  }

  /** A signal is delivered: the current mask is saved (what rt_sigreturn restores and prints). */
  pushSignalMask(tid: number): void {
    let st = this.saved.get(tid);
    if (!st) this.saved.set(tid, (st = []));
    if (st.length < 64) st.push(this.mask(tid));
  }

  /** rt_sigreturn: restores the saved mask. */
  popSignalMask(tid: number): void {
    const m = this.saved.get(tid)?.pop();
    if (m) this.masks.set(tid, m);
  }

  /** The mask rt_sigreturn will restore (the one saved at the last delivery). */
  savedMask(tid: number): [number, number] {
    const st = this.saved.get(tid);
    return st && st.length ? st[st.length - 1]! : this.mask(tid);
  }

  setRestart(tid: number, name: string | undefined): void {
    if (name === undefined) this.restart.delete(tid);
    else this.restart.set(tid, name);
  }

  restartOf(tid: number): string | undefined {
    return this.restart.get(tid);
  }
}
