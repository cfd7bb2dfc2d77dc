// bt-diff's library on synthetic traces built with BatchBuilder: normalisation, matching,
// threads as sets, the summary, and refusals. (Real recordings are in test/src/diff.test.ts.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BatchBuilder, encodeHeader, encodeTrailer, syscallTable } from '@beetrace/format';
import { diffTraces, PartialTraceError, snapshotText } from './diff.js';
import { TraceInputError } from './scan.js';

const table = syscallTable('x86_64')!;
const nr = (name: string): number => table.byName.get(name)!.nr;
const AT_FDCWD = -100;
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

interface Spec {
  readonly pid: number;
  /** An fd the process inherited (not created in the trace), shifting every fd number by one. */
  readonly leakedFd?: boolean;
  readonly v2?: boolean;
  /** Work of the two worker threads, in thread creation order. */
  readonly threadWork?: readonly [string, string];
  readonly arch?: string;
  readonly complete?: boolean;
  readonly exitCode?: number;
}

/** A trace of a small program: reads a file, asks its pid, optionally runs two threads. */
function trace(s: Spec): Uint8Array {
  const b = new BatchBuilder();
  const { pid } = s;
  let ns = 1_000_000 + pid * 1000; // timestamps differ between runs too
  const call = (tid: number, name: string, ret: number, args: number[], caps: Array<[number, string, number?]> = []): void => {
    ns += 1000;
    const a = [...args, 0, 0, 0, 0, 0, 0];
    b.addSyscall(pid, tid, nr(name), ns - 500, ns, ret, a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!, 0);
    for (const [arg, text, flags] of caps) b.addCapture(arg, flags ?? 0, 0, enc(text));
  };
  const fd = s.leakedFd ? 4 : 3;
  call(pid, 'openat', fd, [AT_FDCWD >>> 0, 0x7ffd0000 + pid, 0], [[1, 'data/config']]);
  call(pid, 'read', 5, [fd, 0x7ffe1000 + pid * 16, 100], [[1, 'hello', 4]]);
  call(pid, 'close', 0, [fd]);
  call(pid, 'getpid', pid, []);
  call(pid, 'mmap', 0x7f0000000000 + pid * 4096, [0, 4096, 3, 34, 0xffffffff, 0]);
  if (s.v2) {
    call(pid, 'openat', fd, [AT_FDCWD >>> 0, 0x7ffd0000 + pid, 0], [[1, 'data/extra']]);
    call(pid, 'close', 0, [fd]);
    call(pid, 'openat', -13, [AT_FDCWD >>> 0, 0x7ffd0000 + pid, 0], [[1, '/etc/shadow']]);
  }
  if (s.threadWork) {
    s.threadWork.forEach((work, i) => {
      const tid = pid + 1 + i;
      b.addProcessEvent('fork', { pid, tid, parentPid: pid, parentTid: pid, thread: true, tsNs: ns });
      call(pid, 'clone', tid, [0x3d0f00]);
      call(tid, 'futex', 0, [0x7f0000001000, 0, 1]);
      call(tid, 'openat', 10 + i, [AT_FDCWD >>> 0, 0x7ffd0000, 0], [[1, work]]);
      call(tid, 'close', 0, [10 + i]);
      b.addProcessEvent('exit', { pid, tid, exitCode: 0, groupDead: false, tsNs: ns });
    });
  }
  ns += 1000;
  b.addSyscall(pid, pid, nr('exit_group'), ns, ns, 0, s.exitCode ?? 0, 0, 0, 0, 0, 0, 1);
  b.addProcessEvent('exit', { pid, tid: pid, exitCode: (s.exitCode ?? 0) << 8, groupDead: true, tsNs: ns });
  const parts = [
    encodeHeader({ arch: s.arch ?? 'x86_64', syscallAbi: 'x86_64', argv: ['./prog'], cwd: '/work/t' + pid, rootPid: pid }),
    b.encode(),
  ];
  if (s.complete !== false) parts.push(encodeTrailer({ syscalls: 10, programExited: true, exitCode: s.exitCode ?? 0 }));
  return Buffer.concat(parts);
}

test('pids, timestamps, addresses, fd numbers and the working directory are normalised away', async () => {
  const r = await diffTraces(trace({ pid: 100 }), trace({ pid: 2345, leakedFd: true }));
  assert.equal(r.identical, true, JSON.stringify(r.processes.flatMap((p) => p.hunks), null, 1));
  assert.deepEqual(r.counts, { added: 0, removed: 0, changed: 0 });
});

test('each normalisation can be switched off', async () => {
  const a = trace({ pid: 100 });
  const b = trace({ pid: 2345, leakedFd: true });
  const pids = await diffTraces(a, b, { normalize: { pids: false, fds: true } });
  const lines = pids.processes[0]!.hunks.flatMap((h) => h.lines);
  assert.ok(lines.includes('-getpid() = 100'), lines.join('\n'));
  assert.ok(lines.includes('+getpid() = 2345'));
  const fds = await diffTraces(a, b, { normalize: { fds: false } });
  assert.ok(fds.processes[0]!.hunks.flatMap((h) => h.lines).includes('+close(4) = 0'));
  const addrs = await diffTraces(a, b, { normalize: { addresses: false, fds: false, pids: false } });
  assert.ok(addrs.processes[0]!.hunks.flatMap((h) => h.lines).some((l) => /^-mmap\(NULL, 4096, .*\) = 0x7f0000064000$/.test(l)));
});

test('v2 of the program: the added calls, the summary and the counts per syscall', async () => {
  const r = await diffTraces(trace({ pid: 100 }), trace({ pid: 200, v2: true, exitCode: 1 }), { summary: true });
  assert.equal(r.identical, false);
  assert.deepEqual(r.summary.filesRead, { added: ['/work/t200/data/extra'.replace('/work/t200', '.')], removed: [] });
  assert.deepEqual(r.summary.failures.added, ['openat(AT_FDCWD, "/etc/shadow", O_RDONLY) = -1 EACCES (Permission denied)']);
  assert.deepEqual(r.summary.exitStatus, { a: 'exited with 0', b: 'exited with 1', changed: true });
  const p = r.processes[0]!;
  assert.equal(p.status, 'changed');
  assert.deepEqual(p.bySyscall['openat'], { added: 2, removed: 0, changed: 0 });
  assert.deepEqual(p.bySyscall['close'], { added: 1, removed: 0, changed: 0 });
  assert.deepEqual(p.bySyscall['exit_group'], { added: 0, removed: 0, changed: 1 });
  assert.deepEqual(p.bySyscall['exit'], { added: 0, removed: 0, changed: 1 });
  const h = p.hunks[0]!;
  assert.deepEqual(h.lines.filter((l) => l.startsWith('+')), [
    '+openat(AT_FDCWD, "data/extra", O_RDONLY) = 3',
    '+close(3) = 0',
    '+openat(AT_FDCWD, "/etc/shadow", O_RDONLY) = -1 EACCES (Permission denied)',
    '+exit_group(1) = ?',
    '++++ exited with 1 +++',
  ]);
});

test('threads that split the same work the other way round compare as equal sets', async () => {
  const a = trace({ pid: 100, threadWork: ['one', 'two'] });
  const b = trace({ pid: 300, threadWork: ['two', 'one'] });
  const r = await diffTraces(a, b);
  assert.equal(r.identical, true, JSON.stringify(r.processes[0]!.hunks));
  const c = trace({ pid: 300, threadWork: ['two', 'three'] });
  const d = await diffTraces(a, c);
  assert.equal(d.identical, false);
  assert.deepEqual(d.summary.filesRead, { added: ['./three'], removed: ['./one'] });
});

test('--ignore and --ignore-paths leave calls out; a pattern that matches nothing is a warning', async () => {
  const r = await diffTraces(trace({ pid: 100 }), trace({ pid: 200, v2: true }), {
    ignore: ['close', 'getrandom'], ignorePaths: ['data/extra', '/etc/**'],
  });
  assert.equal(r.identical, true, JSON.stringify(r.processes[0]!.hunks));
  assert.deepEqual(r.warnings, ['ignore pattern "getrandom" matched nothing']);
  const cls = await diffTraces(trace({ pid: 100 }), trace({ pid: 200 }), { ignore: ['%memory'] });
  assert.deepEqual(cls.warnings, []);
});

test('refusals: different architectures, not a trace; a cut-off trace is partial', async () => {
  await assert.rejects(diffTraces(trace({ pid: 1 }), trace({ pid: 1, arch: 'aarch64' })),
    (e: unknown) => e instanceof TraceInputError && e.code === 'MISMATCH' && /different architectures/.test(e.message));
  await assert.rejects(diffTraces(trace({ pid: 1 }), enc('not a trace at all')),
    (e: unknown) => e instanceof TraceInputError && e.code === 'NOT_A_TRACE');
  const cut = trace({ pid: 2, complete: false });
  await assert.rejects(diffTraces(trace({ pid: 1 }), cut), (e: unknown) => e instanceof PartialTraceError && e.result.partial);
  const r = await diffTraces(trace({ pid: 1 }), cut, { allowPartial: true });
  assert.equal(r.partial, true);
  assert.match(r.warnings[0]!, /trailer missing.*comparison is partial/);
});

test('a snapshot is stable across pids and directories, and compares like a trace', async () => {
  const s1 = await snapshotText(trace({ pid: 100 }));
  const s2 = await snapshotText(trace({ pid: 777, leakedFd: true }));
  assert.equal(s1, s2);
  assert.match(s1, /^read \.\/data\/config$/m);
  assert.match(s1, /^ {2}getpid\(\) = <1>$/m);
});

test('calls repeated in a loop are decoded once, and read again after any change of state', async () => {
  const b = new BatchBuilder();
  const pid = 100;
  let ns = 1_000_000;
  const call = (tid: number, name: string, ret: number, args: number[], caps: Array<[number, string, number?]> = []): void => {
    ns += 1000;
    const a = [...args, 0, 0, 0, 0, 0, 0];
    b.addSyscall(pid, tid, nr(name), ns - 500, ns, ret, a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!, 0);
    for (const [arg, text, flags] of caps) b.addCapture(arg, flags ?? 0, 0, enc(text));
  };
  const loop = (times: number, byte: string): void => {
    for (let i = 0; i < times; i++) {
      call(pid, 'read', 1, [3, 0x7ffe1000, 1], [[1, byte, 4]]);
      call(pid, 'write', 1, [1, 0x7ffe1000, 1], [[1, byte]]);
      call(pid, 'lseek', 0, [3, 0, 0]);
    }
  };
  call(pid, 'openat', 3, [AT_FDCWD >>> 0, 0x7ffd0000, 0], [[1, '/dev/urandom']]);
  loop(3, 'x');
  loop(1, 'y');
  call(pid, 'close', 0, [3]);
  // The same fd number again, now a file whose bytes are not masked: the same raw calls read differently.
  call(pid, 'openat', 3, [AT_FDCWD >>> 0, 0x7ffd0000, 0], [[1, 'data/b']]);
  loop(2, 'x');
  call(pid, 'kill', 0, [101, 0]);
  // A thread first seen by its own call (no fork event): the pid the next kill names is known now.
  call(101, 'gettid', 101, []);
  call(pid, 'kill', 0, [101, 0]);
  const bytes = Buffer.concat([
    encodeHeader({ arch: 'x86_64', syscallAbi: 'x86_64', argv: ['./prog'], cwd: '/work/t', rootPid: pid }),
    b.encode(),
    encodeTrailer({ syscalls: 25, programExited: true, exitCode: 0 }),
  ]);
  const s = await snapshotText(bytes);
  const main = s.slice(s.indexOf('thread 1\n'), s.indexOf('thread 1:1\n')).split('\n').slice(1, -1).map((l) => l.slice(2));
  const rounds = (read: string, byte: string, times: number): string[] => Array.from({ length: times }, () => [
    `read(3, ${read}, 1) = 1`, `write(1, "${byte}", 1) = 1`, 'lseek(3, 0, SEEK_SET) = 0',
  ]).flat();
  assert.deepEqual(main, [
    'openat(AT_FDCWD, "/dev/urandom", O_RDONLY) = 3',
    ...rounds('<masked>', 'x', 3),
    ...rounds('<masked>', 'y', 1),
    'close(3) = 0',
    'openat(AT_FDCWD, "data/b", O_RDONLY) = 3',
    ...rounds('"x"', 'x', 2),
    'kill(<?>, 0) = 0',
    'kill(<1:1>, 0) = 0',
  ], s);
});
