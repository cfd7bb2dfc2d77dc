// The decoders, family by family, against strace 6.1 on the same run: each fixture
// (fixtures/src/fam_*.c) makes one family's calls in their common forms, runs under
// `strace -f -qq -s 64 -o FILE` while bt-record records both, and every line strace
// printed for the fixture's processes must be the line bt-show prints for them, in
// the same order. Nothing is masked: it is one run, seen by two tracers.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CaptureFlag } from '@beetrace/format';
import { bin, fixture, readBack, run, syscallName, tempDir } from './helpers.js';
import { lcs } from './parity/parity.js';

/** Lines per pid of a `strace -f` style text: split calls joined, the padding before "= " one space. */
export function linesByPid(text: string): Map<number, string[]> {
  const by = new Map<number, string[]>();
  const pending = new Map<number, number>();
  for (const raw of text.split('\n')) {
    const m = /^(\d+)\s+(.*)$/.exec(raw);
    if (!m) continue;
    const pid = Number(m[1]);
    let line = m[2]!;
    let lines = by.get(pid);
    if (!lines) by.set(pid, (lines = []));
    if (line.endsWith(' <unfinished ...>')) {
      pending.set(pid, lines.length);
      lines.push(line.slice(0, -' <unfinished ...>'.length));
      continue;
    }
    const r = /^<\.\.\. \w+ resumed>(.*)$/.exec(line);
    const at = pending.get(pid);
    if (r && at !== undefined) {
      pending.delete(pid);
      lines[at] = fold(lines[at]! + r[1]);
      continue;
    }
    lines.push(fold(line));
  }
  return by;
}

function fold(line: string): string {
  return line.replace(/\)\s+= /, ') = ');
}

interface SameRun {
  /** strace's lines per pid of the fixture's processes. */
  readonly strace: Map<number, string[]>;
  /** bt-show's lines for the same pids. */
  readonly show: Map<number, string[]>;
  readonly dir: string;
}

/** Runs fixture NAME under strace while bt-record records both; the lines of each side for the fixture's processes (`options`: given to strace and bt-show alike). */
function sameRun(t: { after(fn: () => void): void }, name: string, args: (dir: string) => string[] = (dir) => [dir], options: readonly string[] = []): SameRun {
  const dir = tempDir(t);
  const work = join(dir, 'work');
  mkdirSync(work);
  const trace = join(dir, 'run.pb');
  const straceOut = join(dir, 'strace.txt');
  const rec = run(bin.record, ['-q', '-o', trace, '--', 'strace', '-f', '-qq', '-s', '64', ...options, '-o', straceOut, '--', fixture(name), ...args(work)], { cwd: work });
  assert.equal(rec.status, 0, `${name} under strace under bt-record: ${rec.stderr.toString()}`);
  const strace = linesByPid(readFileSync(straceOut, 'utf8'));
  const shown = run(bin.show, ['-f', '-qq', '-s', '64', ...options, trace]);
  assert.equal(shown.status, 0, shown.stderr.toString());
  const all = linesByPid(shown.stdout.toString());
  const show = new Map([...strace.keys()].map((pid) => [pid, all.get(pid) ?? []]));
  // strace's child runs strace's own code until it execs the fixture, and strace prints
  // nothing of that: the first pid's lines start at its execve.
  const first = [...strace.keys()][0]!;
  const lines = show.get(first)!;
  show.set(first, lines.slice(Math.max(0, lines.findIndex((l) => l.startsWith('execve(')))));
  return { strace, show, dir };
}

/** Every strace line of every fixture process is bt-show's line, in order; the differences listed when not. */
function assertSame(r: SameRun, minLines: number): void {
  let total = 0;
  const diffs: string[] = [];
  for (const [pid, want] of r.strace) {
    const got = r.show.get(pid)!;
    total += want.length;
    const m = lcs(want, got);
    want.forEach((l, i) => { if (!m.inA[i]) diffs.push(`  strace:  ${l}`); });
    got.forEach((l, i) => { if (!m.inB[i]) diffs.push(`  bt-show: ${l}`); });
  }
  assert.ok(total >= minLines, `strace printed ${total} lines, expected at least ${minLines}`);
  assert.equal(diffs.length, 0, `bt-show differs from strace on the same run (${diffs.length} lines; outputs in ${r.dir}):\n${diffs.join('\n')}`);
}

test('file: open, stat, access, links, renames, modes, times, xattrs, directories, sync', (t) => {
  assertSame(sameRun(t, 'fam_file'), 150);
});

test('-y: fds named as the kernel names them: files through symlinks, \'..\' and other mounts, unnamed and deleted files, memfd, pipes, sockets, anonymous inodes', (t) => {
  assertSame(sameRun(t, 'fam_fdpaths', undefined, ['-y']), 60);
});

test('-yy: sockets as sock_diag describes them: TCP and UDP by addresses (listening, connected, accepted), unix by inode, peer and path', (t) => {
  assertSame(sameRun(t, 'fam_fdpaths', undefined, ['-yy']), 60);
});

test('descriptors: read and write in every shape, seek, dup, pipes, every fcntl command, sendfile and splice, select and poll', async (t) => {
  const r = sameRun(t, 'fam_desc');
  assertSame(r, 120);
  // fcntl's third argument is captured as a 32-byte struct flock for every command: for the
  // integer commands (F_SETFD, F_DUPFD, F_SETFL...) the read of a non-address faults and the
  // capture is an empty FAULT, without touching the call; for the lock commands it is the struct.
  const { events } = await readBack(join(r.dir, 'run.pb'));
  const fcntls = events.filter((e) => e.type === 'syscall' && syscallName(e.nr) === 'fcntl' && r.strace.has(e.pid));
  const LOCKS = new Set([5, 6, 7, 36, 37, 38]);
  const ints = fcntls.filter((e) => e.type === 'syscall' && !LOCKS.has(Number(e.args[1])) && Number(e.args[2]) < 0x10000);
  assert.ok(ints.length >= 20, `integer fcntl commands recorded: ${ints.length}`);
  for (const e of ints) {
    if (e.type !== 'syscall') continue;
    const c = e.captures.find((k) => k.arg === 2);
    assert.ok(c && (c.flags & CaptureFlag.FAULT) !== 0 && c.data.length === 0, `fcntl(${e.args[0]}, ${e.args[1]}, ${e.args[2]}): capture ${JSON.stringify(c)}`);
  }
  const locks = fcntls.filter((e) => e.type === 'syscall' && LOCKS.has(Number(e.args[1])) && Number(e.args[2]) >= 0x10000);
  assert.ok(locks.length >= 7 && locks.every((e) => e.type === 'syscall' && e.captures.find((k) => k.arg === 2)?.data.length === 32), 'lock commands carry their struct flock');
});

test('sockets: unix, TCP and UDP over IPv4 and IPv6, netlink; names, options, every send and receive, shutdown', (t) => {
  assertSame(sameRun(t, 'fam_socket'), 80);
});

test('netlink: NETLINK_ROUTE link, address and route dumps sent and read with sendto, sendmsg, recvfrom and recvmsg, headers and attributes, NLMSG_ERROR and NLMSG_DONE, lists cut short; a sock_diag request; sock_diag, xfrm, netfilter and audit types', (t) => {
  const r = sameRun(t, 'fam_netlink', () => []);
  assertSame(r, 40);
  // Not only the generic form: the route types and an error's echoed request are named.
  const lines = [...r.show.values()].flat();
  assert.ok(lines.some((l) => l.includes('nlmsg_type=RTM_GETADDR') && l.includes('ifa_scope=RT_SCOPE_UNIVERSE')), 'RTM_GETADDR with its ifaddrmsg');
  assert.ok(lines.some((l) => l.includes('{error=-ENODEV, msg=[{nlmsg_len=32, nlmsg_type=RTM_GETLINK')), 'NLMSG_ERROR echoing the request');
  assert.ok(lines.some((l) => l.includes('rtm_table=RT_TABLE_UNSPEC') && l.includes('nla_type=RTA_TABLE}, RT_TABLE_MAIN]')), 'RTM_GETROUTE with its rtmsg and attribute');
  assert.ok(lines.some((l) => l.includes('sdiag_protocol=IPPROTO_UDPLITE, idiag_ext=1<<(INET_DIAG_INFO-1), idiag_states=1<<TCP_ESTABLISHED|')), 'a sock_diag request decoded');
  for (const type of ['SOCK_DIAG_BY_FAMILY', 'XFRM_MSG_GETPOLICY', 'NFNL_SUBSYS_NFTABLES<<8|NFT_MSG_GETTABLE']) {
    assert.ok(lines.some((l) => l.startsWith('sendto(') && l.includes(`nlmsg_type=${type},`)), `${type} named`);
  }
});

test('memory: mappings of every kind, protections, remapping, advice, sync, locks, residency, brk, memfd, membarrier', (t) => {
  assertSame(sameRun(t, 'fam_memory'), 50);
});

test('processes: identities, fork, vfork, clone, clone3, execve, wait4 and waitid, limits, usage, scheduling, uname, capabilities, kill, pidfds', (t) => {
  assertSame(sameRun(t, 'fam_process'), 90);
});

test('signals: handlers, masks, signals sent and delivered, pending, waited for, suspended, queued, an alternate stack', (t) => {
  assertSame(sameRun(t, 'fam_signal'), 40);
});

test('ioctl on terminals and block devices: a pty set up, attributes read and set, window size, groups, queues, flow; a block device\'s sizes; a clone', (t) => {
  assertSame(sameRun(t, 'fam_ioctl'), 50);
});

test('clocks and timers: every clock, sleeps (relative, absolute, interrupted), POSIX timers, interval timers, alarm', (t) => {
  assertSame(sameRun(t, 'fam_time'), 40);
});

test('event fds: eventfd, signalfd with a signal read, timerfd, inotify with events read, epoll over them', (t) => {
  assertSame(sameRun(t, 'fam_events'), 40);
});

test('prctl and arch_prctl: names, death signal, dumpable, capabilities, no-new-privs, subreaper, timer slack, securebits, a seccomp filter', (t) => {
  assertSame(sameRun(t, 'fam_prctl'), 35);
});

test('io_uring: setup (and a refused one), rings mapped, a NOP submitted and waited for, an eventfd and files registered', (t) => {
  assertSame(sameRun(t, 'fam_uring'), 15);
});

test('values beyond 2^53 exactly as strace prints them: offsets signed and unsigned, lseek\'s return, mmap lengths and offsets, addresses above user space, two arguments that differ in their last bits, int arguments with high bits set, 64-bit fields of memory the calls read; in bt-show, --json, bt-store\'s args and ret, the Parquet dataset', (t) => {
  const r = sameRun(t, 'wide');
  assertSame(r, 15);
  const pid = [...r.strace.keys()][0]!;
  // strace's lines with such a value (17 digits or more, 15 hex digits or more), each as name(args).
  const wide = r.strace.get(pid)!.filter((l) => /\b\d{17,}\b|\b0x[0-9a-f]{15,}\b/.test(l));
  assert.ok(wide.length >= 18, `strace printed ${wide.length} lines with values beyond 2^53`);
  const calls = wide.map((l) => l.slice(0, l.lastIndexOf(') = ') + 1));
  const trace = join(r.dir, 'run.pb');
  // --json: the same arguments and return text.
  const json = run(bin.show, ['--json', '-s', '64', '-p', String(pid), trace]);
  assert.equal(json.status, 0, json.stderr.toString());
  const objects = json.stdout.toString().trim().split('\n').map((l) => JSON.parse(l) as { type: string; name: string; args: string[]; ret_text: string });
  const jsonLines = objects.filter((o) => o.type === 'syscall').map((o) => `${o.name}(${o.args.join(', ')}) = ${o.ret_text}`);
  for (const l of wide) assert.ok(jsonLines.includes(l), `--json has ${l}`);
  // ... and lseek's return as a JSON number with all its digits.
  const rets = json.stdout.toString().split('\n').filter((l) => l.includes('"name":"lseek"')).map((l) => /"ret":(-?\d+),/.exec(l)?.[1]);
  assert.deepEqual(rets, ['1152921504606846977', '9223372036854775807', '9223372036854775805', '-22']);
  // bt-diff's text (its snapshot): lseek's offsets and returns are no address to normalise.
  const snap = join(r.dir, 'snapshot.txt');
  const diff = run(bin.diff, ['--snapshot', snap, '--update', trace]);
  assert.equal(diff.status, 0, diff.stderr.toString());
  const snapText = readFileSync(snap, 'utf8');
  for (const l of wide.filter((w) => w.startsWith('lseek('))) assert.ok(snapText.includes(l), `bt-diff has ${l}`);
  // bt-store: the args text of each call, and lseek's return in the ret column, exactly.
  const db = join(r.dir, 'store.db');
  const add = run(bin.store, ['--db', db, 'add', trace]);
  assert.equal(add.status, 0, add.stderr.toString());
  const q = (args: string[]): string[] => {
    const o = run(bin.query, ['--format', 'tsv', ...args]);
    assert.equal(o.status, 0, o.stderr.toString());
    return o.stdout.toString().trim().split('\n').slice(1);
  };
  const sql = `SELECT name || '(' || args || ')' FROM syscalls WHERE pid = ${pid} ORDER BY seq`;
  const stored = q(['--db', db, sql]);
  for (const c of calls) assert.ok(stored.includes(c), `bt-store's args: ${c}`);
  const lseekSql = `SELECT CAST(ret AS TEXT) FROM syscalls WHERE pid = ${pid} AND name = 'lseek' AND ret >= 0 ORDER BY seq`;
  assert.deepEqual(q(['--db', db, lseekSql]), ['1152921504606846977', '9223372036854775807', '9223372036854775805']);
  // The Parquet dataset, read by DuckDB.
  const ds = join(r.dir, 'dataset');
  const exp = run(bin.export, ['--format', 'parquet', '-q', trace, '-o', ds]);
  assert.equal(exp.status, 0, exp.stderr.toString());
  const exported = q(['--engine', 'duckdb', '--dataset', ds, sql]);
  for (const c of calls) assert.ok(exported.includes(c), `Parquet's args: ${c}`);
  assert.deepEqual(q(['--engine', 'duckdb', '--dataset', ds, lseekSql]), ['1152921504606846977', '9223372036854775807', '9223372036854775805']);
});
