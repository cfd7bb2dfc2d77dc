// Decoders, syscall by syscall: raw registers and captured bytes in, the exact
// line strace 6.1 printed for the same call out (lines taken from real
// `strace -f -qq -s 64` runs on this machine).
import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { test } from 'node:test';
import { BatchBuilder, CaptureFlag, encodeHeader, encodeTrailer, SyscallFlag, syscallTable } from '@beetrace/format';
import { decodeTrace, type TraceItem } from './trace.js';
import { type DecodedSyscall, Decoder } from './decode.js';
import { StateTracker } from './state.js';

const table = syscallTable('x86_64')!;
const nr = (name: string): number => table.byName.get(name)!.nr;
const AT = CaptureFlag.AT_EXIT;

interface Cap { arg: number; data: Uint8Array | string; flags?: number; element?: number }
interface Sc { name: string; args?: number[]; ret?: number; caps?: Cap[]; pid?: number; tid?: number; enter?: number; exit?: number; flags?: number }

const enc = new TextEncoder();
const bytes = (d: Uint8Array | string): Uint8Array => (typeof d === 'string' ? enc.encode(d) : d);

function le64(...vals: (number | bigint)[]): Uint8Array {
  const b = new Uint8Array(vals.length * 8);
  const v = new DataView(b.buffer);
  vals.forEach((x, i) => v.setBigUint64(i * 8, BigInt(x), true));
  return b;
}

function le32(...vals: number[]): Uint8Array {
  const b = new Uint8Array(vals.length * 4);
  const v = new DataView(b.buffer);
  vals.forEach((x, i) => v.setUint32(i * 4, x >>> 0, true));
  return b;
}

/** A whole trace in memory: header, one batch of these calls, trailer. */
export function traceOf(calls: Sc[]): Uint8Array {
  const b = new BatchBuilder();
  let t = 1_000_000;
  for (const c of calls) {
    const a = [...(c.args ?? []), 0, 0, 0, 0, 0, 0];
    const enter = c.enter ?? (t += 1000);
    const exit = c.exit ?? enter + 500;
    b.addSyscall(c.pid ?? 100, c.tid ?? c.pid ?? 100, nr(c.name), enter, exit, c.ret ?? 0, a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!, c.flags ?? 0);
    for (const cap of c.caps ?? []) b.addCapture(cap.arg, cap.flags ?? AT, cap.element ?? 0, bytes(cap.data));
  }
  const parts = [encodeHeader({ syscallAbi: 'x86_64', cwd: '/work', monotonicNs: 0, realtimeNs: 0 } as never), b.encode(), encodeTrailer({ processes: 1 })];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

async function lines(calls: Sc[], opts: { strSize?: number; fdPaths?: boolean; xflag?: 0 | 1 | 2 } = {}): Promise<string[]> {
  const out: string[] = [];
  for await (const it of decodeTrace(traceOf(calls), opts) as AsyncGenerator<TraceItem>) if (it.kind === 'syscall') out.push((it as DecodedSyscall).line);
  return out;
}

async function one(c: Sc, opts: { strSize?: number; fdPaths?: boolean; xflag?: 0 | 1 | 2 } = {}): Promise<string> {
  return (await lines([c], opts))[0]!;
}

/** The bytes a C string literal denotes (for the expected read() data). */
function cBytes(lit: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < lit.length; i++) {
    const ch = lit[i]!;
    if (ch !== '\\') { out.push(ch.charCodeAt(0)); continue; }
    const n = lit[++i]!;
    const esc: Record<string, number> = { n: 10, t: 9, r: 13, v: 11, f: 12, '"': 34, '\\': 92 };
    if (n in esc) { out.push(esc[n]!); continue; }
    let o = n;
    while (o.length < 3 && /[0-7]/.test(lit[i + 1] ?? '')) o += lit[++i];
    out.push(parseInt(o, 8));
  }
  return new Uint8Array(out);
}

const sz = (s: string): string => s + '\0';

test('openat, access, close: paths, flags, errno names with strace messages', async () => {
  assert.equal(await one({ name: 'openat', args: [-100, 0x1000, 0o2000000], ret: 3, caps: [{ arg: 1, data: sz('/etc/ld.so.cache'), flags: 0 }] }),
    'openat(AT_FDCWD, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC) = 3');
  assert.equal(await one({ name: 'openat', args: [-100, 0x1000, 0o4000 | 0o2000000 | 0o200000], ret: 3, caps: [{ arg: 1, data: sz('/tmp/st'), flags: 0 }] }),
    'openat(AT_FDCWD, "/tmp/st", O_RDONLY|O_NONBLOCK|O_CLOEXEC|O_DIRECTORY) = 3');
  assert.equal(await one({ name: 'openat', args: [-100, 0x1000, 0o1101, 0o666], ret: 3, caps: [{ arg: 1, data: sz('out'), flags: 0 }] }),
    'openat(AT_FDCWD, "out", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3');
  assert.equal(await one({ name: 'access', args: [0x1000, 4], ret: -2, caps: [{ arg: 0, data: sz('/etc/ld.so.preload'), flags: 0 }] }),
    'access("/etc/ld.so.preload", R_OK) = -1 ENOENT (No such file or directory)');
  assert.equal(await one({ name: 'access', args: [0x1000, 0], ret: -2, caps: [{ arg: 0, data: sz('/etc/selinux/config'), flags: 0 }] }),
    'access("/etc/selinux/config", F_OK) = -1 ENOENT (No such file or directory)');
  assert.equal(await one({ name: 'close', args: [3], ret: 0 }), 'close(3) = 0');
});

test('read and pread64: data escaped as strace does, cut at -s with ...', async () => {
  const lit = '\\177ELF\\2\\1\\1\\0\\0\\0\\0\\0\\0\\0\\0\\0\\3\\0>\\0\\1\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0@\\0\\0\\0\\0\\0\\0\\0\\250\\241\\2\\0\\0\\0\\0\\0\\0\\0\\0\\0@\\08\\0\\n\\0@\\0\\35\\0\\34\\0';
  const data = new Uint8Array(256);
  data.set(cBytes(lit));
  assert.equal(await one({ name: 'read', args: [3, 0x7ffe0000, 832], ret: 832, caps: [{ arg: 1, data, flags: AT | CaptureFlag.TRUNCATED }] }, { strSize: 64 }),
    `read(3, "${lit}"..., 832) = 832`);
  assert.equal(await one({ name: 'read', args: [3, 0x555555583260, 1024], ret: 0 }), 'read(3, "", 1024) = 0');
  assert.equal(await one({ name: 'read', args: [3, 0x7ffe0000, 1024], ret: 364, caps: [{ arg: 1, data: 'nodev\tsysfs\nnodev\ttmpfs\nnodev\tproc\nnodev\tcgroup\nnodev\tcgroup2\nnodev\tcpuset\n' }] }, { strSize: 64 }),
    'read(3, "nodev\\tsysfs\\nnodev\\ttmpfs\\nnodev\\tproc\\nnodev\\tcgroup\\nnodev\\tcgroup2\\nno"..., 1024) = 364');
  assert.equal(await one({ name: 'read', args: [0, 0x7ffe0000, 16320], ret: -11 }), 'read(0, 0x7ffe0000, 16320) = -1 EAGAIN (Resource temporarily unavailable)');
  assert.equal(await one({ name: 'write', args: [1, 0x5555, 14], ret: 14, caps: [{ arg: 1, data: 'ls.txt\nsh.txt\n', flags: 0 }] }),
    'write(1, "ls.txt\\nsh.txt\\n", 14) = 14');
  // -x: a non-printable byte makes the whole string hex; -xx: always hex
  assert.equal(await one({ name: 'write', args: [1, 0x5555, 3], ret: 3, caps: [{ arg: 1, data: 'a\u0001b', flags: 0 }] }, { xflag: 1 }), 'write(1, "\\x61\\x01\\x62", 3) = 3');
  assert.equal(await one({ name: 'write', args: [1, 0x5555, 2], ret: 2, caps: [{ arg: 1, data: 'ab', flags: 0 }] }, { xflag: 2 }), 'write(1, "\\x61\\x62", 2) = 2');
});

test('mmap, mprotect, brk, munmap, arch_prctl, rseq, set_robust_list', async () => {
  assert.equal(await one({ name: 'mmap', args: [0x7ffff7f90000, 110592, 5, 0x812, 3, 0x7000], ret: 0x7ffff7f90000 }),
    'mmap(0x7ffff7f90000, 110592, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x7000) = 0x7ffff7f90000');
  assert.equal(await one({ name: 'mmap', args: [0, 8192, 3, 0x22, -1, 0], ret: 0x7ffff7fc0000 }),
    'mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7fc0000');
  assert.equal(await one({ name: 'mprotect', args: [0x7ffff7f76000, 16384, 1] }), 'mprotect(0x7ffff7f76000, 16384, PROT_READ) = 0');
  assert.equal(await one({ name: 'brk', args: [0], ret: 0x55555557a000 }), 'brk(NULL) = 0x55555557a000');
  assert.equal(await one({ name: 'munmap', args: [0x7ffff7fb7000, 35019] }), 'munmap(0x7ffff7fb7000, 35019) = 0');
  assert.equal(await one({ name: 'arch_prctl', args: [0x1002, 0x7ffff7d0a800] }), 'arch_prctl(ARCH_SET_FS, 0x7ffff7d0a800) = 0');
  assert.equal(await one({ name: 'set_tid_address', args: [0x7ffff7d0aad0], ret: 4836 }), 'set_tid_address(0x7ffff7d0aad0) = 4836');
  assert.equal(await one({ name: 'set_robust_list', args: [0x7ffff7d0aae0, 24] }), 'set_robust_list(0x7ffff7d0aae0, 24) = 0');
  assert.equal(await one({ name: 'rseq', args: [0x7ffff7d0b120, 0x20, 0, 0x53053053] }), 'rseq(0x7ffff7d0b120, 0x20, 0, 0x53053053) = 0');
  assert.equal(await one({ name: 'madvise', args: [0x7ffff7e27000, 524288, 10] }), 'madvise(0x7ffff7e27000, 524288, MADV_DONTFORK) = 0');
});

test('stat structures, rlimits, sysinfo-free structs', async () => {
  const st = new Uint8Array(144);
  const v = new DataView(st.buffer);
  v.setUint32(24, 0o100644, true);
  v.setBigInt64(48, 35019n, true);
  assert.equal(await one({ name: 'newfstatat', args: [3, 0x1000, 0x7ffe0000, 0x1000], caps: [{ arg: 1, data: sz(''), flags: 0 }, { arg: 2, data: st }] }),
    'newfstatat(3, "", {st_mode=S_IFREG|0644, st_size=35019, ...}, AT_EMPTY_PATH) = 0');
  const ch = new Uint8Array(144);
  const w = new DataView(ch.buffer);
  w.setUint32(24, 0o20666, true);
  w.setBigUint64(40, 0x103n, true);
  assert.equal(await one({ name: 'fstat', args: [0, 0x7ffe0000], caps: [{ arg: 1, data: ch }] }),
    'fstat(0, {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}) = 0');
  assert.equal(await one({ name: 'statfs', args: [0x1000, 0x7fffffffe590], ret: -2, caps: [{ arg: 0, data: sz('/selinux'), flags: 0 }] }),
    'statfs("/selinux", 0x7fffffffe590) = -1 ENOENT (No such file or directory)');
  assert.equal(await one({ name: 'prlimit64', args: [0, 3, 0, 0x7ffe0000], caps: [{ arg: 3, data: le64(8192 * 1024, 0xffffffffffffffffn) }] }),
    'prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0');
  assert.equal(await one({ name: 'prlimit64', args: [0, 7, 0, 0x7ffe0000], caps: [{ arg: 3, data: le64(20000, 20000) }] }),
    'prlimit64(0, RLIMIT_NOFILE, NULL, {rlim_cur=20000, rlim_max=20000}) = 0');
});

test('signals: rt_sigaction with sets, rt_sigprocmask', async () => {
  const act = new Uint8Array(32);
  act.set(le64(0x555555566dc0, 0x04000000, 0x7ffff7e11050, 0xfffffffe7fffffffn));
  assert.equal(await one({ name: 'rt_sigaction', args: [17, 0x7ffe0000, 0, 8], caps: [{ arg: 1, data: act }] }),
    'rt_sigaction(SIGCHLD, {sa_handler=0x555555566dc0, sa_mask=~[RTMIN RT_1], sa_flags=SA_RESTORER, sa_restorer=0x7ffff7e11050}, NULL, 8) = 0');
  assert.equal(await one({ name: 'rt_sigaction', args: [2, 0, 0x7ffe0000, 8], caps: [{ arg: 2, data: new Uint8Array(32) }] }),
    'rt_sigaction(SIGINT, NULL, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0');
  assert.equal(await one({ name: 'rt_sigprocmask', args: [2, 0x7ffe0000, 0, 8], caps: [{ arg: 1, data: le64(1 << 9) }] }),
    'rt_sigprocmask(SIG_SETMASK, [USR1], NULL, 8) = 0');
  assert.equal(await one({ name: 'rt_sigprocmask', args: [1, 0x7ffe0000, 0, 8], caps: [{ arg: 1, data: le64(3n << 31n) }] }),
    'rt_sigprocmask(SIG_UNBLOCK, [RTMIN RT_1], NULL, 8) = 0');
});

test('process: execve, clone, wait4, exit_group', async () => {
  assert.equal(await one({
    name: 'execve', args: [0x1000, 0x2000, 0x7fffffffe720], ret: 0, caps: [
      { arg: 0, data: sz('/usr/bin/ls'), flags: 0 },
      { arg: 1, data: sz('ls'), flags: CaptureFlag.ELEMENT, element: 0 },
      { arg: 1, data: sz('-l'), flags: CaptureFlag.ELEMENT, element: 1 },
      { arg: 1, data: sz('/work/main'), flags: CaptureFlag.ELEMENT, element: 2 },
      { arg: 2, data: le32(39), flags: 0 },
    ],
  }), 'execve("/usr/bin/ls", ["ls", "-l", "/work/main"], 0x7fffffffe720 /* 39 vars */) = 0');
  assert.equal(await one({ name: 'clone', args: [0x1200011, 0, 0, 0x7ffff7dd2a10, 0], ret: 4841 }),
    'clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7ffff7dd2a10) = 4841');
  assert.equal(await one({ name: 'wait4', args: [-1, 0x7ffe0000, 0, 0], ret: 4841, caps: [{ arg: 1, data: le32(0) }] }),
    'wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 4841');
  assert.equal(await one({ name: 'wait4', args: [-1, 0x7fffffffc990, 1, 0], ret: -10 }),
    'wait4(-1, 0x7fffffffc990, WNOHANG, NULL) = -1 ECHILD (No child processes)');
  assert.equal(await one({ name: 'wait4', args: [-1, 0x7ffe0000, 0, 0], ret: 77, caps: [{ arg: 1, data: le32(9) }] }),
    'wait4(-1, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}], 0, NULL) = 77');
  assert.equal(await one({ name: 'exit_group', args: [0], flags: SyscallFlag.UNFINISHED }), 'exit_group(0) = ?');
});

test('fds and sockets: fcntl, pipe2, socket, connect, epoll, getrandom', async () => {
  assert.equal(await one({ name: 'fcntl', args: [0, 3], ret: 0x8000 }), 'fcntl(0, F_GETFL) = 0x8000 (flags O_RDONLY|O_LARGEFILE)');
  assert.equal(await one({ name: 'fcntl', args: [11, 1], ret: 1 }), 'fcntl(11, F_GETFD) = 0x1 (flags FD_CLOEXEC)');
  assert.equal(await one({ name: 'fcntl', args: [0, 0, 10], ret: 11 }), 'fcntl(0, F_DUPFD, 10) = 11');
  assert.equal(await one({ name: 'fcntl', args: [11, 2, 1], ret: -9 }), 'fcntl(11, F_SETFD, FD_CLOEXEC) = -1 EBADF (Bad file descriptor)');
  assert.equal(await one({ name: 'pipe2', args: [0x7ffe0000, 0o2004000], caps: [{ arg: 0, data: le32(6, 7) }] }), 'pipe2([6, 7], O_NONBLOCK|O_CLOEXEC) = 0');
  assert.equal(await one({ name: 'socket', args: [1, 0x80801, 0], ret: 3 }), 'socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, 0) = 3');
  const sun = new Uint8Array(110);
  sun.set([1, 0]);
  sun.set(enc.encode('/var/run/nscd/socket'), 2);
  assert.equal(await one({ name: 'connect', args: [3, 0x7ffe0000, 110], ret: -2, caps: [{ arg: 1, data: sun }] }),
    'connect(3, {sa_family=AF_UNIX, sun_path="/var/run/nscd/socket"}, 110) = -1 ENOENT (No such file or directory)');
  const sin = new Uint8Array([2, 0, 0x1f, 0x90, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  assert.equal(await one({ name: 'connect', args: [3, 0x7ffe0000, 16], caps: [{ arg: 1, data: sin }] }),
    'connect(3, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr("127.0.0.1")}, 16) = 0');
  const ev = new Uint8Array(12);
  new DataView(ev.buffer).setUint32(0, 1, true);
  new DataView(ev.buffer).setBigUint64(4, 11n, true);
  assert.equal(await one({ name: 'epoll_ctl', args: [9, 1, 11, 0x7ffe0000], caps: [{ arg: 3, data: ev }] }),
    'epoll_ctl(9, EPOLL_CTL_ADD, 11, {events=EPOLLIN, data={u32=11, u64=11}}) = 0');
  assert.equal(await one({ name: 'getrandom', args: [0x7ffe0000, 8, 1], ret: 8, caps: [{ arg: 0, data: new Uint8Array([0x4b, 0x9c, 0x65, 0x7d, 0x5c, 0x73, 0x57, 0x8a]) }] }),
    'getrandom("\\x4b\\x9c\\x65\\x7d\\x5c\\x73\\x57\\x8a", 8, GRND_NONBLOCK) = 8');
  assert.equal(await one({ name: 'lseek', args: [3, -60, 1], ret: 54 }), 'lseek(3, -60, SEEK_CUR) = 54');
  assert.equal(await one({ name: 'ioctl', args: [1, 0x5401, 0x7fffffffe4d0], ret: -25 }), 'ioctl(1, TCGETS, 0x7fffffffe4d0) = -1 ENOTTY (Inappropriate ioctl for device)');
  assert.equal(await one({ name: 'futex', args: [0x7ffff7f7ba4c, 129, 2147483647] }), 'futex(0x7ffff7f7ba4c, FUTEX_WAKE_PRIVATE, 2147483647) = 0');
});

test('-y annotates fds with paths rebuilt from the trace', async () => {
  const out = await lines([
    { name: 'openat', args: [-100, 0x1000, 0], ret: 3, caps: [{ arg: 1, data: sz('/etc/passwd'), flags: 0 }] },
    { name: 'read', args: [3, 0x7ffe0000, 4], ret: 4, caps: [{ arg: 1, data: 'root' }] },
    { name: 'dup2', args: [3, 7], ret: 7 },
    { name: 'close', args: [3] },
    { name: 'close', args: [7] },
  ], { fdPaths: true });
  assert.deepEqual(out, [
    'openat(AT_FDCWD</work>, "/etc/passwd", O_RDONLY) = 3</etc/passwd>',
    'read(3</etc/passwd>, "root", 4) = 4',
    'dup2(3</etc/passwd>, 7) = 7</etc/passwd>',
    'close(3</etc/passwd>) = 0',
    'close(7</etc/passwd>) = 0',
  ]);
});

test('a syscall number the table does not know prints as syscall_0x...', async () => {
  const b = new BatchBuilder();
  b.addSyscall(1, 1, 0x1f4, 10, 20, -38, 1, 2, 3, 4, 5, 6, 0);
  const parts = [encodeHeader({ syscallAbi: 'x86_64' } as never), b.encode(), encodeTrailer({})];
  const buf = Buffer.concat(parts);
  const got: string[] = [];
  for await (const it of decodeTrace(buf)) if (it.kind === 'syscall') got.push(it.line);
  assert.deepEqual(got, ['syscall_0x1f4(0x1, 0x2, 0x3, 0x4, 0x5, 0x6) = -1 ENOSYS (Function not implemented)']);
});

test('-y: fds from before the trace are named from the header\'s snapshot of the process (-p, --flight, --rotate)', async () => {
  const b = new BatchBuilder();
  b.addSyscall(7, 7, nr('close'), 10, 20, 0, 3, 0, 0, 0, 0, 0, 0);
  b.addSyscall(7, 8, nr('close'), 30, 40, 0, 4, 0, 0, 0, 0, 0, 0);
  b.addSyscall(7, 8, nr('close'), 50, 60, -9, 3, 0, 0, 0, 0, 0, 0);
  const header = encodeHeader({ syscallAbi: 'x86_64', rootPid: 7, attached: true, processes: [{ pid: 7, tids: [7, 8], cwd: '/srv',
    fds: [{ fd: 3, target: '/etc/hostname', flags: 0o2000000 }, { fd: 4, target: 'pipe:[12]', flags: 1 }] }] });
  const got: string[] = [];
  for await (const it of decodeTrace(Buffer.concat([header, b.encode(), encodeTrailer({})]), { fdPaths: true })) {
    if (it.kind === 'syscall') got.push(it.line);
    if (it.kind === 'header') assert.deepEqual([it.model.process(7)?.cwd, it.model.fd(7, 3)?.cloexec, it.model.threadById(8)?.proc.pid], ['/srv', true, 7]);
  }
  assert.deepEqual(got, ['close(3</etc/hostname>) = 0', 'close(4<pipe:[12]>) = 0', 'close(3) = -1 EBADF (Bad file descriptor)']);
});

test('--pidns: a pid a process in its own pid namespace names or gets is followed by the host\'s', async () => {
  const b = new BatchBuilder();
  // Process 500 (pid 1 in namespace 99, from the header) forks 501 (2 there), then waits for it and kills 1.
  b.addProcessEvent('fork', { tsNs: 5, pid: 501, tid: 501, parentPid: 500, parentTid: 500, nsPid: 2, nsTid: 2, pidnsLevel: 1, pidnsInode: 99 });
  b.addSyscall(500, 500, nr('getpid'), 10, 20, 1, 0, 0, 0, 0, 0, 0, 0);
  b.addSyscall(500, 500, nr('kill'), 30, 40, 0, 2, 15, 0, 0, 0, 0, 0);
  b.addSyscall(500, 500, nr('getppid'), 50, 60, 0, 0, 0, 0, 0, 0, 0, 0);
  b.addSyscall(700, 700, nr('getpid'), 70, 80, 700, 0, 0, 0, 0, 0, 0, 0);
  const header = encodeHeader({ syscallAbi: 'x86_64', rootPid: 500, attached: true,
    processes: [{ pid: 500, nsPids: [500, 1], pidnsInode: 99, tids: [500], nsTids: [1] }] });
  const got: string[] = [];
  for await (const it of decodeTrace(Buffer.concat([header, b.encode(), encodeTrailer({})]), { pidns: true })) if (it.kind === 'syscall') got.push(it.line);
  assert.deepEqual(got, ['getpid() = 1 /* 500 on the host */', 'kill(2 /* 501 on the host */, SIGTERM) = 0', 'getppid() = 0', 'getpid() = 700']);
});

test('the state a later file starts from (StateTracker): a seeded process keeps every pid-namespace level, a forked one its own', () => {
  // 500 is pid 40 in namespace level 1 and 1 in level 2 (from the header); it forks 501, pid 2 at level 2.
  const t = new StateTracker({ syscallAbi: 'x86_64', rootPid: 500, argv: [], cwd: '/',
    processes: [{ pid: 500, nsPids: [500, 40, 1], pidnsInode: 99, tids: [500], nsTids: [1] }] });
  const b = new BatchBuilder();
  b.addProcessEvent('fork', { tsNs: 5, pid: 501, tid: 501, parentPid: 500, parentTid: 500, nsPid: 2, nsTid: 2, pidnsLevel: 2, pidnsInode: 99 });
  t.add(b.encode());
  const state = t.state();
  assert.deepEqual(state.map((p) => [p.pid, p.nsPids, p.tids, p.nsTids]), [[500, [500, 40, 1], [500], [1]], [501, [501, 0, 2], [501], [2]]]);
});

test('-y: every syscall the table says returns a named new fd gives one the next call prints', async () => {
  let n = 0;
  for (const info of table.byNr.values()) {
    if (info.ret !== 'fd' || info.effect === 'open' || (info.newFdName === undefined && info.newFd !== 'socket')) continue;
    n++;
    const [out] = await Promise.all([lines([{ name: info.name, args: [0, 0, 0, 0], ret: 9 }, { name: 'close', args: [9] }], { fdPaths: true })]);
    // a deleted file's mark goes after the brackets, as strace prints it: close(9</memfd:x>(deleted))
    assert.match(out[1]!, /^close\(9<.*>(\(deleted\))?\) = 0$/, `${info.name}: ${out[1]}`);
  }
  assert.ok(n >= 15, `${n} syscalls`);
});

test('the model: pipe has no flags argument (its fds are never close-on-exec), pipe2 and dup3 have one; exec closes them', () => {
  const d = new Decoder(table, { strSize: 32, xflag: 0, fdPaths: true }, { rootPid: 100, argv: ['prog'], cwd: '/w' });
  const call = (name: string, args: number[], ret: number, caps: Cap[] = []): void => {
    const a = [...args, 0, 0, 0, 0, 0, 0];
    d.syscall({ type: 'syscall', pid: 100, tid: 100, nr: nr(name), enterNs: 1, exitNs: 2, ret, flags: 0,
      args: [a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!], captures: caps.map((c) => ({ arg: c.arg, flags: c.flags ?? AT, element: 0, data: bytes(c.data) })) });
  };
  call('pipe', [0x7ffd0000, 0o2000000], 0, [{ arg: 0, data: le32(3, 4) }]);
  call('pipe2', [0x7ffd0000, 0o2000000], 0, [{ arg: 0, data: le32(5, 6) }]);
  call('dup3', [3, 9, 0o2000000], 9);
  call('openat', [-100, 0x1000, 0o2000000], 7, [{ arg: 1, data: 'x\0', flags: 0 }]);
  const m = d.model;
  assert.deepEqual([3, 4, 5, 6, 7, 9].map((fd) => m.fd(100, fd)?.cloexec), [false, false, true, true, true, true]);
  assert.equal(m.fd(100, 7)?.file.path, '/w/x');
  assert.equal(m.fd(100, 9)?.file, m.fd(100, 3)?.file);
  d.process({ type: 'exec', ns: 3, pid: 100, tid: 100, parentPid: 0, parentTid: 0, thread: false, filename: '/bin/true', oldTid: 100,
    exitCode: 0, groupDead: false, signo: 0, siginfo: new Uint8Array(0), ignored: false, nsPid: 0, nsTid: 0, pidnsLevel: 0, pidnsInode: 0 });
  assert.deepEqual([...m.process(100)!.fds.keys()].sort(), [3, 4]);
  assert.equal(m.process(100)!.program, '/bin/true');
});

test('recvmsg: msg_namelen at entry => at exit, the control messages, and what prints when a capture is missing', async () => {
  const EL = CaptureFlag.ELEMENT | AT;
  // struct msghdr: name, namelen, iov, iovlen, control, controllen, flags
  const msghdr = (namelen: number, controllen: number, flags = 0): Uint8Array => {
    const b = le64(0x7fffffffdfc0, 0, 0x7fffffffdf00, 1, 0x7fffffffde00, controllen, 0);
    new DataView(b.buffer).setUint32(8, namelen, true);
    new DataView(b.buffer).setUint32(48, flags, true);
    return b;
  };
  const iov = le64(0x7fffffffd000, 16);
  const rights = new Uint8Array([...le64(20), ...le32(1, 1, 9), 0, 0, 0, 0]);
  const sin = new Uint8Array([2, 0, 0x1f, 0x90, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  const caps = (entry: boolean, exit: boolean, name?: Uint8Array, control?: Uint8Array, namelen = 16, controllen = 0): Cap[] => [
    ...(entry ? [{ arg: 1, data: msghdr(128, control ? 24 : 0), flags: 0 }] : []),
    ...(exit ? [{ arg: 1, data: msghdr(namelen, controllen, control ? 8 : 0) }] : []),
    ...(exit && name ? [{ arg: 1, data: name, flags: EL, element: 0x100 }] : []),
    ...(exit && control ? [{ arg: 1, data: control, flags: EL, element: 0x101 }] : []),
    ...(exit ? [{ arg: 1, data: iov, flags: EL, element: 0x102 }, { arg: 1, data: 'fd', flags: EL, element: 0 }] : []),
  ];
  const call = (ret: number, c: Cap[]) => ({ name: 'recvmsg', args: [4, 0x7ffe0000, 0], ret, caps: c });
  assert.equal(await one(call(2, caps(true, true, sin))),
    'recvmsg(4, {msg_name={sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=128 => 16, msg_iov=[{iov_base="fd", iov_len=16}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 2');
  assert.equal(await one(call(2, caps(true, true, undefined, rights, 0, 20))),
    'recvmsg(4, {msg_name=0x7fffffffdfc0, msg_namelen=128 => 0, msg_iov=[{iov_base="fd", iov_len=16}], msg_iovlen=1, msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[9]}], msg_controllen=20, msg_flags=MSG_CTRUNC}, 0) = 2');
  // a name longer than the buffer: decoded with the buffer's length, as strace does
  assert.equal(await one(call(2, [{ arg: 1, data: msghdr(8, 0), flags: 0 }, ...caps(false, true, sin)])),
    'recvmsg(4, {msg_name={sa_family=AF_INET, sa_data="\\37\\220\\177\\0\\0\\1"}, msg_namelen=8 => 16, msg_iov=[{iov_base="fd", iov_len=16}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 2');
  // failed: only the length passed in, or the address when the trace has no entry capture
  assert.equal(await one(call(-11, caps(true, true))), 'recvmsg(4, {msg_namelen=128}, 0) = -1 EAGAIN (Resource temporarily unavailable)');
  assert.equal(await one(call(-11, [])), 'recvmsg(4, 0x7ffe0000, 0) = -1 EAGAIN (Resource temporarily unavailable)');
  // an older trace (exit capture only): the value after; no exit capture: the address
  assert.match(await one(call(2, caps(false, true, sin))), /msg_namelen=16, msg_iov=/);
  assert.equal(await one(call(2, caps(true, false))), 'recvmsg(4, 0x7ffe0000, 0) = 2');
});

test('the model resolves a path as posix.normalize and posix.join do, whatever dots and slashes it has', () => {
  const paths = ['', 'x', 'x/y', 'x/', './x', '../x', '..', '.', '.x', 'x/.y', 'x/./y', 'x/../y', 'x//y', 'x/..', 'é/ü', '...',
    '/', '/x', '/x/', '//x', '/x//y', '/x/./y', '/x/../y', '/.x', '/x/..', '/..', '/x/.'];
  for (const cwd of ['/', '/w', '/w/', '/w/.h', '/w//v', '/w/./v', '/w/../v', '/w/..']) {
    const m = new Decoder(table, { strSize: 32, xflag: 0, fdPaths: true }, { rootPid: 100, argv: ['prog'], cwd }).model;
    m.thread(100, 100, 1);
    for (const p of paths) {
      const want = p.startsWith('/') ? posix.normalize(p) : p === '' ? cwd : posix.join(cwd, p);
      assert.equal(m.resolve(100, -100, p), want, `${JSON.stringify(p)} in ${cwd}`);
    }
  }
});
