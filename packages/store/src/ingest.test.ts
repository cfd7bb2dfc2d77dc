// Ingest of synthetic traces (written with the format package's encoder) into
// real SQLite files: rows, derived tables, views, idempotency, damage, rm.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Decoder } from '@beetrace/analyze';
import { BatchBuilder, batchEvents, CaptureFlag, readTrace, syscallTable } from '@beetrace/format';
import { openStore, type Db } from './db.js';
import { ingestFile, removeTrace } from './ingest.js';
import { header, MONO0, NR, str, trailer, writeTrace } from './testing/synthetic.js';

const dir = mkdtempSync(join(tmpdir(), 'bt-store-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const O_CLOEXEC = 0o2000000;
const sockaddrIn = (ip: number[], port: number): Uint8Array => {
  const b = Buffer.alloc(16);
  b.writeUInt16LE(2, 0);
  b.writeUInt16BE(port, 2);
  Buffer.from(ip).copy(b, 4);
  return b;
};

/**
 * A small but complete run: pid 100 execs /bin/prog, opens files, fails one
 * open, renames, forks 101 (which inherits fds, execs, writes and exits 1),
 * talks over a TCP socket, gets SIGCHLD. Two batches, so truncation can cut
 * between and inside them.
 */
function richBatches(): Uint8Array[] {
  const b = new BatchBuilder();
  let t = MONO0 + 1_000;
  const call = (pid: number, name: string, ret: number, args: number[], dur = 1_000, flags = 0): void => {
    const a = [...args, 0, 0, 0, 0, 0, 0];
    b.addSyscall(pid, pid, NR(name), t, t + dur, ret, a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!, flags);
    t += dur + 500;
  };
  b.addProcessEvent('exec', { tsNs: t, pid: 100, tid: 100, filename: '/bin/prog', oldTid: 100 });
  call(100, 'execve', 0, [0x1000, 0x2000, 0x3000], 50_000);
  b.addCapture(0, 0, 0, str('/bin/prog'));
  b.addCapture(1, CaptureFlag.ELEMENT, 0, str('prog'));
  b.addCapture(1, CaptureFlag.ELEMENT, 1, str('arg'));
  call(100, 'openat', 3, [-100, 0x4000, 0, 0]);
  b.addCapture(1, 0, 0, str('/etc/passwd'));
  call(100, 'read', 10, [3, 0x5000, 4096]);
  b.addCapture(1, CaptureFlag.AT_EXIT, 0, str('root:x:0:0'));
  call(100, 'read', 0, [3, 0x5000, 4096]);
  call(100, 'fstat', 0, [3, 0x6000]);
  call(100, 'close', 0, [3]);
  call(100, 'openat', -2, [-100, 0x4000, 0, 0], 3_000);
  b.addCapture(1, 0, 0, str('/nope'));
  call(100, 'rename', 0, [0x4000, 0x4100]);
  b.addCapture(0, 0, 0, str('a.txt'));
  b.addCapture(1, 0, 0, str('b.txt'));
  call(100, 'openat', 4, [-100, 0x4000, O_CLOEXEC, 0]);
  b.addCapture(1, 0, 0, str('/tmp/cloexec'));
  call(100, 'openat', 5, [-100, 0x4000, 1, 0]);
  b.addCapture(1, 0, 0, str('/tmp/log'));
  call(100, 'newfstatat', 0, [5, 0x4000, 0x6000, 0x1000]);
  b.addCapture(1, 0, 0, str(''));
  const first = b.encode();

  b.addProcessEvent('fork', { tsNs: t, pid: 101, tid: 101, parentPid: 100, parentTid: 100 });
  call(100, 'clone', 101, [0x1200011, 0, 0, 0, 0]);
  call(101, 'write', 6, [5, 0x7000, 6]);
  b.addCapture(1, 0, 0, str('hello\n'));
  b.addProcessEvent('exec', { tsNs: t, pid: 101, tid: 101, filename: '/bin/child', oldTid: 101 });
  call(101, 'execve', 0, [0x1000, 0x2000, 0x3000], 20_000);
  b.addCapture(0, 0, 0, str('/bin/child'));
  b.addCapture(1, CaptureFlag.ELEMENT, 0, str('child'));
  call(101, 'read', -9, [4, 0x5000, 10]); // fd 4 was O_CLOEXEC: gone after exec
  call(101, 'write', 3, [5, 0x7000, 3]);
  b.addCapture(1, 0, 0, str('bye'));
  call(101, 'exit_group', 0, [1], 0, 1);
  b.addProcessEvent('exit', { tsNs: t, pid: 101, tid: 101, exitCode: 1 << 8, groupDead: true });
  b.addProcessEvent('signal', { tsNs: t, pid: 100, tid: 100, signo: 17 });
  call(100, 'socket', 6, [2, 1, 0]);
  call(100, 'connect', 0, [6, 0x8000, 16]);
  b.addCapture(1, 0, 0, sockaddrIn([127, 0, 0, 1], 8080));
  call(100, 'write', 10, [6, 0x7000, 10]);
  b.addCapture(1, 0, 0, str('GET / \r\n\r\n'));
  call(100, 'read', 20, [6, 0x5000, 100]);
  b.addCapture(1, CaptureFlag.AT_EXIT, 0, str('HTTP/1.0 200 OK\r\n\r\nhi'));
  call(100, 'dup2', 7, [6, 7]);
  call(100, 'close', 0, [6]);
  call(100, 'write', 5, [7, 0x7000, 5]);
  b.addCapture(1, 0, 0, str('again'));
  call(100, 'close', 0, [7]);
  call(100, 'exit_group', 0, [0], 0, 1);
  b.addProcessEvent('exit', { tsNs: t, pid: 100, tid: 100, exitCode: 0, groupDead: true });
  return [first, b.encode()];
}

const RICH_CALLS = 26;
const FIRST_BATCH_CALLS = 11;

function rows<T>(db: Db, sql: string, ...params: unknown[]): T[] {
  return db.prepare(sql).all(...params) as T[];
}

function tableCounts(db: Db): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of ['traces', 'calls', 'paths', 'processes', 'execs', 'signals', 'sockets', 'call_stats']) {
    out[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  return out;
}

describe('ingest of a synthetic run', () => {
  const trace = join(dir, 'rich.pb');
  let db: Db;
  let id: number;
  before(async () => {
    writeTrace(trace, richBatches(), header({ argv: ['/bin/prog', 'arg'] }), trailer({ syscalls: RICH_CALLS, lostPerCpu: [2, 3], exitCode: 0 }));
    db = openStore(join(dir, 'rich.db'), { create: true });
    const r = await ingestFile(db, trace);
    assert.equal(r.added, true);
    assert.equal(r.syscalls, RICH_CALLS);
    assert.equal(r.problem, undefined);
    id = r.id;
  });
  after(() => db.close());

  test('traces row carries the header and trailer', () => {
    const t = db.prepare('SELECT * FROM traces WHERE id = ?').get(id) as Record<string, unknown>;
    assert.equal(t.command, '/bin/prog arg');
    assert.deepEqual(JSON.parse(t.argv as string), ['/bin/prog', 'arg']);
    assert.equal(t.host, 'testhost');
    assert.equal(t.kernel, '6.1.0-test');
    assert.equal(t.arch, 'x86_64');
    assert.equal(t.syscalls, RICH_CALLS);
    assert.equal(t.lost, 5);
    assert.equal(t.lost_per_cpu, '[2,3]');
    assert.equal(t.exit_status, 'exit 0');
    assert.equal(t.complete, 1);
    assert.equal(t.truncated, 0);
    assert.equal(t.duration_ns, 10_000_000_000);
    assert.equal(t.start_time, new Date(1_700_000_000_000).toISOString());
    assert.equal(t.process_events, 6);
    assert.equal(t.processes, 2);
    assert.equal(t.last_call_id as number - (t.first_call_id as number) + 1, RICH_CALLS);
  });

  test('syscalls view: names, errno, ordering, timestamps', () => {
    const s = rows<{ seq: number; name: string; ret: number; errno: string | null; ts_ns: number; dur_ns: number }>(db,
      'SELECT seq, name, ret, errno, ts_ns, dur_ns FROM syscalls WHERE trace_id = ? ORDER BY seq', id);
    assert.equal(s.length, RICH_CALLS);
    assert.deepEqual(s.map((r) => r.seq), [...Array(RICH_CALLS).keys()]);
    assert.equal(s[0]!.name, 'execve');
    assert.equal(s[0]!.ts_ns, 1_000);
    assert.equal(s[0]!.dur_ns, 50_000);
    assert.deepEqual(s.filter((r) => r.errno !== null).map((r) => [r.name, r.errno, r.ret]), [['openat', 'ENOENT', -2], ['read', 'EBADF', -9]]);
  });

  test('file_access resolves fds, follows fork, O_CLOEXEC at exec, dup2 and AT_EMPTY_PATH', () => {
    const fa = rows<{ syscall: string; path: string; via: string; fd: number | null; ok: number; errno: string | null; pid: number }>(db,
      'SELECT syscall, path, via, fd, ok, errno, pid FROM file_access WHERE trace_id = ? ORDER BY seq, via', id);
    assert.deepEqual(fa.map((r) => `${r.pid} ${r.syscall} ${r.path} ${r.via}${r.fd === null ? '' : r.fd} ${r.ok ? 'ok' : r.errno}`), [
      '100 execve /bin/prog path ok',
      '100 openat /etc/passwd path ok',
      '100 read /etc/passwd fd3 ok',
      '100 read /etc/passwd fd3 ok',
      '100 fstat /etc/passwd fd3 ok',
      '100 close /etc/passwd fd3 ok',
      '100 openat /nope path ENOENT',
      '100 rename a.txt path ok',
      '100 rename b.txt path2 ok',
      '100 openat /tmp/cloexec path ok',
      '100 openat /tmp/log path ok',
      '100 newfstatat /tmp/log fd5 ok',
      '101 write /tmp/log fd5 ok',
      '101 execve /bin/child path ok',
      '101 write /tmp/log fd5 ok',
    ]);
  });

  test('processes, execs with argv, signals', () => {
    const p = rows<Record<string, unknown>>(db, 'SELECT pid, parent_pid, exe, argv, exit_status, exit_code, term_signal, syscalls FROM processes WHERE trace_id = ? ORDER BY pid', id);
    assert.deepEqual(p, [
      { pid: 100, parent_pid: null, exe: '/bin/prog', argv: '["prog","arg"]', exit_status: 0, exit_code: 0, term_signal: null, syscalls: 21 },
      { pid: 101, parent_pid: 100, exe: '/bin/child', argv: '["child"]', exit_status: 256, exit_code: 1, term_signal: null, syscalls: 5 },
    ]);
    const e = rows<{ pid: number; filename: string; argv: string }>(db, 'SELECT pid, filename, argv FROM execs WHERE trace_id = ? ORDER BY ts_ns', id);
    assert.deepEqual(e, [{ pid: 100, filename: '/bin/prog', argv: '["prog","arg"]' }, { pid: 101, filename: '/bin/child', argv: '["child"]' }]);
    assert.deepEqual(rows(db, 'SELECT pid, signo, signal FROM signals WHERE trace_id = ?', id), [{ pid: 100, signo: 17, signal: 'SIGCHLD' }]);
    const tree = rows<{ tree: string; depth: number }>(db, 'SELECT tree, depth FROM process_tree WHERE trace_id = ?', id);
    assert.deepEqual(tree, [{ tree: '100 /bin/prog', depth: 0 }, { tree: '  101 /bin/child', depth: 1 }]);
  });

  test('network: peer and bytes through the socket, across dup2 (which counts as a call on it: its first argument is an fd)', () => {
    const n = rows<Record<string, unknown>>(db, 'SELECT pid, fd, family, type, peer, bytes_sent, bytes_received, calls, closed_ns IS NOT NULL AS closed FROM network WHERE trace_id = ?', id);
    assert.deepEqual(n, [{ pid: 100, fd: 6, family: 'AF_INET', type: 'SOCK_STREAM', peer: '127.0.0.1:8080', bytes_sent: 15, bytes_received: 20, calls: 8, closed: 1 }]);
  });

  test('captures view gives back the bytes and strings', () => {
    const c = rows<{ arg: number; element: number; kind: string; text: string | null; at_exit: number }>(db,
      'SELECT arg, element, kind, text, at_exit FROM captures WHERE call_id = (SELECT first_call_id FROM traces WHERE id = ?) ORDER BY n', id);
    assert.deepEqual(c, [
      { arg: 0, element: 0, kind: 'string', text: '/bin/prog', at_exit: 0 },
      { arg: 1, element: 0, kind: 'strings', text: 'prog', at_exit: 0 },
      { arg: 1, element: 1, kind: 'strings', text: 'arg', at_exit: 0 },
    ]);
    const data = db.prepare("SELECT data FROM captures c JOIN calls k ON k.id = c.call_id WHERE k.trace_id = ? AND k.nr = ? AND k.ret = 20").pluck().get(id, NR('read')) as Buffer;
    assert.equal(data.toString(), 'HTTP/1.0 200 OK\r\n\r\nhi');
  });

  test('summary equals the aggregate over calls', () => {
    const fromCalls = rows(db, `SELECT n.name AS syscall, count(*) AS calls, sum(c.errno IS NOT NULL) AS errors, sum(c.dur_ns) AS total_ns,
      min(c.dur_ns) AS min_ns, max(c.dur_ns) AS max_ns FROM calls c JOIN syscall_names n ON n.nr = c.nr WHERE c.trace_id = ? GROUP BY 1 ORDER BY 1`, id);
    assert.equal(db.prepare("SELECT calls FROM summary WHERE syscall = 'exit_group'").pluck().get(), 2);
    const summary = rows(db, 'SELECT syscall, calls, errors, total_ns, min_ns, max_ns FROM summary WHERE trace_id = ? ORDER BY 1', id);
    assert.deepEqual(summary, fromCalls);
    const pct = db.prepare('SELECT sum(pct_time) FROM summary WHERE trace_id = ?').pluck().get(id) as number;
    assert.ok(Math.abs(pct - 100) < 0.1, `percentages add up to ${pct}`);
  });

  test('adding the same content again changes nothing', async () => {
    const before = tableCounts(db);
    const copy = join(dir, 'rich-copy.pb');
    writeFileSync(copy, readFileSync(trace));
    const r = await ingestFile(db, copy);
    assert.deepEqual([r.added, r.id], [false, id]);
    assert.deepEqual(tableCounts(db), before);
  });
});

describe('damaged traces', () => {
  const whole = Buffer.concat([
    Buffer.from(require_encodeHeader()),
    ...richBatches().map((b) => Buffer.from(b)),
  ]);
  function require_encodeHeader(): Uint8Array {
    const p = join(dir, 'h.pb');
    writeTrace(p, [], header(), null);
    return readFileSync(p);
  }
  const headerLen = require_encodeHeader().length;
  const firstBatchLen = richBatches()[0]!.length;

  test('cut inside the second batch: stored up to the first, flagged truncated', async () => {
    const p = join(dir, 'cut.pb');
    writeFileSync(p, whole.subarray(0, headerLen + firstBatchLen + 20));
    const db = openStore(join(dir, 'cut.db'), { create: true });
    const r = await ingestFile(db, p);
    assert.equal(r.syscalls, FIRST_BATCH_CALLS);
    assert.match(r.problem ?? '', /^TRUNCATED/);
    const t = db.prepare('SELECT complete, truncated, problem, syscalls, exit_status FROM traces').get() as Record<string, unknown>;
    assert.deepEqual([t.complete, t.truncated, t.syscalls, t.exit_status], [0, 1, FIRST_BATCH_CALLS, null]);
    assert.equal(db.prepare('SELECT count(*) FROM calls').pluck().get(), FIRST_BATCH_CALLS);
    db.close();
  });

  test('no trailer: every batch stored, flagged', async () => {
    const p = join(dir, 'notrailer.pb');
    writeFileSync(p, whole);
    const db = openStore(join(dir, 'nt.db'), { create: true });
    const r = await ingestFile(db, p);
    assert.equal(r.syscalls, RICH_CALLS);
    assert.match(r.problem ?? '', /^NO_TRAILER/);
    assert.equal(db.prepare('SELECT truncated FROM traces').pluck().get(), 1);
    db.close();
  });

  test('not a trace: rejected, database unchanged', async () => {
    const p = join(dir, 'junk.pb');
    writeFileSync(p, 'this is not a trace at all\n');
    const db = openStore(join(dir, 'junk.db'), { create: true });
    const before = tableCounts(db);
    await assert.rejects(ingestFile(db, p), (e: Error & { code?: string }) => e.code === 'NOT_A_TRACE' && /not stored/.test(e.message));
    assert.deepEqual(tableCounts(db), before);
    db.close();
  });

  test('interrupted ingest leaves the database as it was', async () => {
    const db = openStore(join(dir, 'int.db'), { create: true });
    const p = join(dir, 'int.pb');
    writeTrace(p, richBatches());
    const before = tableCounts(db);
    let n = 0;
    await assert.rejects(ingestFile(db, p, { shouldStop: () => ++n > 2 }), (e: Error & { code?: string }) => e.code === 'INTERRUPTED');
    assert.deepEqual(tableCounts(db), before);
    assert.equal(db.inTransaction, false);
    db.close();
  });
});

describe('bulk rows', () => {
  // Rows go in a batch at a time through bt_rows (number columns as one blob, the
  // worker's text columns, errno computed in SQL from ret and flags), batches of
  // up to 4096 calls and a last, shorter one. Each kind of call here is repeated
  // across several batches (and large values: a pid beyond 2^23, an argument of
  // 2^40): every copy must come out the same, with integer columns stored as integers.
  test('every column of every kind of call is the same in every batch', async () => {
    const kinds: { pid: number; tid: number; name: string; ret: number; args: number[]; flags: number; caps: [number, string][]; expect: string }[] = [
      { pid: 100, tid: 100, name: 'openat', ret: 3, args: [-100, 0x1000, 0], flags: 0, caps: [[1, '/etc/x']], expect: 'openat 3 null 0 /etc/x null null' },
      { pid: 100, tid: 101, name: 'read', ret: 4, args: [3, 0x2000, 10], flags: 0, caps: [], expect: 'read 4 null 0 /etc/x null 3' },
      { pid: 100, tid: 100, name: 'openat', ret: -2, args: [-100, 0x1000, 0], flags: 0, caps: [[1, '/nope']], expect: 'openat -2 ENOENT 0 /nope null null' },
      { pid: 100, tid: 100, name: 'read', ret: -9, args: [99, 0x2000, 10], flags: 0, caps: [], expect: 'read -9 EBADF 0 null null null' },
      { pid: 100, tid: 100, name: 'rename', ret: 0, args: [0x1000, 0x3000], flags: 0, caps: [[0, '/a'], [1, '/b']], expect: 'rename 0 null 0 /a /b null' },
      { pid: 100, tid: 100, name: 'read', ret: -4000, args: [3, 0x2000, 10], flags: 0, caps: [], expect: 'read -4000 E4000 0 /etc/x null 3' },
      { pid: 100, tid: 100, name: 'read', ret: -2, args: [3, 0x2000, 10], flags: 1, caps: [], expect: 'read -2 null 1 /etc/x null 3' },
      { pid: 100, tid: 100, name: 'read', ret: -4, args: [3, 0x2000, 10], flags: 2, caps: [], expect: 'read -4 EINTR 2 /etc/x null 3' },
      { pid: 100, tid: 100, name: 'write', ret: -4096, args: [3, 0x2000, 2 ** 40], flags: 0, caps: [], expect: 'write -4096 null 0 /etc/x null 3' },
      { pid: 9_000_000, tid: 9_000_001, name: 'getpid', ret: 9_000_000, args: [], flags: 0, caps: [], expect: 'getpid 9000000 null 0 null null null' },
      { pid: 100, tid: 100, name: 'close', ret: 0, args: [3], flags: 0, caps: [], expect: 'close 0 null 0 /etc/x null 3' },
    ];
    const copies = 230;
    const b = new BatchBuilder();
    const batches: Uint8Array[] = [];
    let t = MONO0 + 1_000;
    for (let k = 0; k < copies; k++) {
      for (const c of kinds) {
        if (b.syscalls === 4096) batches.push(b.encode());
        const a = [...c.args, 0, 0, 0, 0, 0, 0];
        b.addSyscall(c.pid, c.tid, NR(c.name), t, t + 700, c.ret, a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!, c.flags);
        for (const [arg, text] of c.caps) b.addCapture(arg, 0, 0, str(text));
        t += 1_000;
      }
    }
    batches.push(b.encode());
    const p = join(dir, 'bulk.pb');
    writeTrace(p, batches);
    const db = openStore(join(dir, 'bulk.db'), { create: true });
    const r = await ingestFile(db, p);
    assert.equal(r.syscalls, copies * kinds.length);
    const got = rows<{ id: number; trace_id: number; seq: number; pid: number; tid: number; line: string; arg2: number; ts_ns: number; dur_ns: number; args: string }>(db,
      `SELECT c.id, c.trace_id, c.seq, c.pid, c.tid, c.arg2, c.ts_ns, c.dur_ns, c.args,
              n.name || ' ' || c.ret || ' ' || ifnull(c.errno, 'null') || ' ' || c.flags || ' ' || ifnull(p.path, 'null') || ' '
              || ifnull(q.path, 'null') || ' ' || ifnull(c.fd, 'null') AS line
       FROM calls c JOIN syscall_names n ON n.nr = c.nr LEFT JOIN paths p ON p.id = c.path_id LEFT JOIN paths q ON q.id = c.path2_id
       ORDER BY c.id`);
    assert.equal(got.length, copies * kinds.length);
    const argsOf = new Map<number, string>();
    got.forEach((row, i) => {
      const kind = kinds[i % kinds.length]!;
      assert.equal(row.seq, i);
      assert.equal(row.id - row.seq, got[0]!.id);
      assert.equal(row.trace_id, r.id);
      assert.equal(row.line, kind.expect, `row ${i}`);
      assert.deepEqual([row.pid, row.tid], [kind.pid, kind.tid]);
      assert.equal(row.arg2, [...kind.args, 0, 0, 0][2]);
      assert.equal(row.ts_ns, 1_000 + i * 1_000);
      assert.equal(row.dur_ns, 700);
      // The decoded text depends only on the call here: the same for every copy.
      const prev = argsOf.get(i % kinds.length);
      if (prev === undefined) argsOf.set(i % kinds.length, row.args);
      else assert.equal(row.args, prev, `row ${i}`);
    });
    assert.equal(argsOf.get(0), 'AT_FDCWD, "/etc/x", O_RDONLY');
    const failed = rows<{ n: number }>(db, 'SELECT count(*) AS n FROM failures WHERE trace_id = ?', r.id)[0]!.n;
    assert.equal(failed, copies * 4);
    const types = rows<{ t: string }>(db, `SELECT DISTINCT typeof(id) || typeof(trace_id) || typeof(seq) || typeof(pid) || typeof(tid) || typeof(nr)
      || typeof(ret) || typeof(ts_ns) || typeof(dur_ns) || typeof(arg0) || typeof(arg2) || typeof(flags) AS t FROM calls`);
    assert.deepEqual(types, [{ t: 'integer'.repeat(12) }]);
    db.close();
  });
});

describe('caps and args of repeated calls', () => {
  // The worker builds a call's caps JSON and args text once for a run of calls with the same
  // captures: every call must still get its own, including those that differ from the previous
  // call only in a byte, a flag, a length or the number of captures.
  test('each call gets the captures it made', async () => {
    const b = new BatchBuilder();
    let t = MONO0 + 1_000;
    const long = Array.from({ length: 40 }, (_, k) => k);
    const longHex = Buffer.from(long).toString('hex');
    const calls: { bytes: number[][]; flags: number; element?: number; expect: string | null }[] = [
      { bytes: [[0]], flags: CaptureFlag.AT_EXIT, expect: '[[1,4,0,"00"]]' },
      { bytes: [[0]], flags: CaptureFlag.AT_EXIT, expect: '[[1,4,0,"00"]]' },
      { bytes: [[1]], flags: CaptureFlag.AT_EXIT, expect: '[[1,4,0,"01"]]' },
      { bytes: [[1]], flags: CaptureFlag.AT_EXIT | CaptureFlag.TRUNCATED, expect: '[[1,5,0,"01"]]' },
      { bytes: [[1, 2]], flags: CaptureFlag.AT_EXIT, expect: '[[1,4,0,"0102"]]' },
      { bytes: [[1], [2]], flags: CaptureFlag.AT_EXIT, expect: '[[1,4,0,"01"],[1,4,0,"02"]]' },
      { bytes: [], flags: 0, expect: null },
      { bytes: [[1], [2]], flags: CaptureFlag.AT_EXIT, expect: '[[1,4,0,"01"],[1,4,0,"02"]]' },
      { bytes: [[1], [3]], flags: CaptureFlag.AT_EXIT, expect: '[[1,4,0,"01"],[1,4,0,"03"]]' },
      { bytes: [[0]], flags: CaptureFlag.AT_EXIT, expect: '[[1,4,0,"00"]]' },
      // Longer captures, the same ones apart and ones that differ only in their last byte or their element.
      { bytes: [long], flags: CaptureFlag.AT_EXIT, expect: `[[1,4,0,"${longHex}"]]` },
      { bytes: [[7], long], flags: CaptureFlag.AT_EXIT, expect: `[[1,4,0,"07"],[1,4,0,"${longHex}"]]` },
      { bytes: [long], flags: CaptureFlag.AT_EXIT, expect: `[[1,4,0,"${longHex}"]]` },
      { bytes: [[...long.slice(0, 39), 99]], flags: CaptureFlag.AT_EXIT, expect: `[[1,4,0,"${longHex.slice(0, -2)}63"]]` },
      { bytes: [long], flags: CaptureFlag.AT_EXIT | CaptureFlag.ELEMENT, element: 12345, expect: `[[1,12,12345,"${longHex}"]]` },
      { bytes: [[7], long], flags: CaptureFlag.AT_EXIT, expect: `[[1,4,0,"07"],[1,4,0,"${longHex}"]]` },
    ];
    for (const c of calls) {
      const ret = c.bytes.reduce((n, x) => n + x.length, 0);
      b.addSyscall(100, 100, NR('read'), t, t + 300, ret, 3, 0x2000, 16, 0, 0, 0, 0);
      for (const bytes of c.bytes) b.addCapture(1, c.flags, c.element ?? 0, Uint8Array.from(bytes));
      t += 1_000;
    }
    const p = join(dir, 'repeated.pb');
    writeTrace(p, [b.encode()]);
    const db = openStore(join(dir, 'repeated.db'), { create: true });
    await ingestFile(db, p);
    const got = rows<{ caps: string | null; args: string }>(db, 'SELECT caps, args FROM calls ORDER BY id');
    assert.deepEqual(got.map((r) => r.caps), calls.map((c) => c.expect));
    // args: what the Decoder (bt-show) prints for each call of the same trace, decoded here call by call.
    const decoder = new Decoder(syscallTable('x86_64')!, { strSize: 32, xflag: 0, fdPaths: false }, header());
    const expected: string[] = [];
    for await (const rec of readTrace(p)) if (rec.kind === 'batch') for (const ev of batchEvents(rec.batch)) if (ev.type === 'syscall') expected.push(decoder.syscall(ev).argsText);
    assert.equal(expected.length, calls.length);
    assert.deepEqual(got.map((r) => r.args), expected);
    assert.ok(new Set(expected).size >= 5, 'the calls decode to different texts');
    db.close();
  });
});

describe('rm', () => {
  test('removes every row of the trace and only those', async () => {
    const db = openStore(join(dir, 'rm.db'), { create: true });
    const a = join(dir, 'rm-a.pb');
    const b = join(dir, 'rm-b.pb');
    writeTrace(a, richBatches());
    writeTrace(b, richBatches(), header({ hostname: 'other' }));
    const ra = await ingestFile(db, a);
    const onlyA = tableCounts(db);
    const rb = await ingestFile(db, b);
    assert.notEqual(ra.id, rb.id);
    assert.equal(removeTrace(db, rb.id), true);
    assert.deepEqual(tableCounts(db), onlyA);
    assert.equal(removeTrace(db, rb.id), false);
    // Added again after its rows were removed from the end of calls: its ids follow a's again.
    const again = await ingestFile(db, b);
    const ids = rows<{ first: number; last: number; lo: number; hi: number; n: number; seqs: number }>(db, `SELECT t.first_call_id AS first, t.last_call_id AS last,
        min(c.id) AS lo, max(c.id) AS hi, count(*) AS n, sum(c.id - c.seq = t.first_call_id) AS seqs
      FROM traces t JOIN calls c ON c.trace_id = t.id WHERE t.id = ?`, again.id)[0]!;
    const aLast = rows<{ last: number }>(db, 'SELECT last_call_id AS last FROM traces WHERE id = ?', ra.id)[0]!.last;
    assert.deepEqual(ids, { first: aLast + 1, last: aLast + again.syscalls, lo: aLast + 1, hi: aLast + again.syscalls, n: again.syscalls, seqs: again.syscalls });
    assert.equal(removeTrace(db, again.id), true);
    assert.deepEqual(tableCounts(db), onlyA);
    assert.equal(removeTrace(db, ra.id), true);
    assert.deepEqual(Object.values(tableCounts(db)), Object.values(tableCounts(db)).map(() => 0));
    db.close();
  });
});
