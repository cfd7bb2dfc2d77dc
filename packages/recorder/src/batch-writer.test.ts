// The batches bt-record writes (native/batch_writer.cc, fed known ring-buffer
// records through the addon's encodeRecords: no BPF) against protobufjs, the
// reference for trace.proto: the bytes are exactly protobufjs's encoding of the
// Batch the records describe, and protobufjs decodes them to the records' values.
// The records are laid out with the addon's own offsets (bpf/beetrace.h); what is
// checked is the format's meaning, whatever the record layout.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pb } from '@beetrace/format';
import { binding } from './native.js';

const { recordLayout: L, encodeRecords } = binding();

interface Capture {
  readonly arg: number;
  readonly flags: number; // CaptureFlag bits
  readonly element: number;
  readonly data: Uint8Array;
}
interface Syscall {
  readonly kind: 'syscall';
  readonly pid: number;
  readonly tid: number;
  readonly nr: number;
  readonly enterNs: bigint;
  readonly exitNs: bigint;
  readonly ret: bigint;
  readonly args: readonly [bigint, bigint, bigint, bigint, bigint, bigint];
  readonly flags: number; // SyscallFlag bits
  readonly captures: readonly Capture[];
  /** What the trace must show of an earlier entry record: its captures, first. */
  readonly entryCaptures?: readonly Capture[];
}
/** Captures taken at a call's entry (execve's), in a record of their own before the call's exit. */
interface Entry {
  readonly kind: 'entry';
  readonly pid: number;
  readonly tid: number;
  readonly nr: number;
  readonly captures: readonly Capture[];
}
interface Process {
  readonly kind: 'fork' | 'exec' | 'exit' | 'signal';
  readonly ns: bigint;
  readonly pid: number;
  readonly tid: number;
  readonly parentPid?: number;
  readonly parentTid?: number;
  readonly thread?: boolean;
  readonly oldTid?: number;
  readonly exitCode?: number;
  readonly groupDead?: boolean;
  readonly signo?: number;
  readonly ignored?: boolean;
  /** exec: the filename's bytes; signal: the siginfo bytes. */
  readonly data?: Uint8Array;
}
type Item = Syscall | Entry | Process;

// ---- The ring-buffer records, laid out with the addon's offsets.

function at(key: string): number {
  const v = L[key];
  if (v === undefined) throw new Error(`the addon's recordLayout has no ${key}`);
  return v;
}

/** Writes field `name` of record type `rec` (element `index` of `count` for an array field), little-endian. */
function put(view: DataView, rec: string, name: string, value: number | bigint | boolean, index = 0, count = 1): void {
  const size = at(`${rec}.${name}.size`) / count;
  const off = at(`${rec}.${name}`) + index * size;
  const v = BigInt.asUintN(size * 8, BigInt(value));
  switch (size) {
    case 1: view.setUint8(off, Number(v)); break;
    case 2: view.setUint16(off, Number(v), true); break;
    case 4: view.setUint32(off, Number(v), true); break;
    case 8: view.setBigUint64(off, v, true); break;
    default: throw new Error(`${rec}.${name}: a ${size}-byte field`);
  }
}

/** Records and the captures in them are padded to 8 bytes (bpf/beetrace.h). */
const pad8 = (n: number): number => (n + 7) & ~7;

function syscallRecord(type: number, s: Omit<Syscall, 'kind' | 'captures'>, captures: readonly Capture[]): Uint8Array {
  const size = captures.reduce((n, c) => n + pad8(at('bt_capture') + c.data.length), at('bt_syscall'));
  const buf = new Uint8Array(size);
  const view = new DataView(buf.buffer);
  const R = 'bt_syscall';
  put(view, R, 'type', type);
  put(view, R, 'size', size);
  put(view, R, 'pid', s.pid);
  put(view, R, 'tid', s.tid);
  put(view, R, 'enter_ns', s.enterNs);
  put(view, R, 'exit_ns', s.exitNs);
  put(view, R, 'ret', s.ret);
  s.args.forEach((a, i) => put(view, R, 'args', a, i, s.args.length));
  put(view, R, 'nr', s.nr);
  put(view, R, 'flags', s.flags);
  put(view, R, 'ncaptures', captures.length);
  let off = at('bt_syscall');
  for (const c of captures) {
    const cv = new DataView(buf.buffer, off);
    put(cv, 'bt_capture', 'info', c.arg | (c.flags << 8) | (c.element << 16));
    put(cv, 'bt_capture', 'len', c.data.length);
    buf.set(c.data, off + at('bt_capture'));
    off += pad8(at('bt_capture') + c.data.length);
  }
  return buf;
}

const REC_TYPE = { fork: 'REC_FORK', exec: 'REC_EXEC', exit: 'REC_EXIT', signal: 'REC_SIGNAL' } as const;

function processRecord(p: Process): Uint8Array {
  const data = p.data ?? new Uint8Array(0);
  const size = pad8(at('bt_process') + data.length);
  const buf = new Uint8Array(size);
  const view = new DataView(buf.buffer);
  const R = 'bt_process';
  put(view, R, 'type', at(REC_TYPE[p.kind]));
  put(view, R, 'size', size);
  put(view, R, 'pid', p.pid);
  put(view, R, 'tid', p.tid);
  put(view, R, 'ns', p.ns);
  put(view, R, 'parent_pid', p.parentPid ?? 0);
  put(view, R, 'parent_tid', p.parentTid ?? 0);
  put(view, R, 'exit_code', p.exitCode ?? 0);
  put(view, R, 'signo', p.signo ?? 0);
  put(view, R, 'old_tid', p.oldTid ?? 0);
  put(view, R, 'group_dead', p.groupDead ?? false);
  put(view, R, 'thread', p.thread ?? false);
  put(view, R, 'data_len', data.length);
  put(view, R, 'ignored', p.ignored ?? false);
  buf.set(data, at('bt_process'));
  return buf;
}

function rawRecords(items: readonly Item[]): Uint8Array[] {
  return items.map((it) => {
    if (it.kind === 'syscall') return syscallRecord(at('REC_SYSCALL'), it, it.captures);
    if (it.kind === 'entry') return syscallRecord(at('REC_SYSCALL_ENTRY'), { ...it, enterNs: 0n, exitNs: 0n, ret: 0n, args: [0n, 0n, 0n, 0n, 0n, 0n], flags: 0 }, it.captures);
    return processRecord(it);
  });
}

// ---- The same events as trace.proto states them, encoded by protobufjs.

/** A 64-bit value as protobufjs takes it exactly (the two's-complement halves LongBits.from reads). */
function long(v: bigint): number {
  const u = BigInt.asUintN(64, v);
  return { low: Number(u & 0xffffffffn) | 0, high: Number(u >> 32n) | 0, unsigned: false } as unknown as number;
}

const COLUMNS = [
  'scNr', 'scExitDeltaNs', 'scDurationNs', 'scRet', 'scArg0', 'scArg1', 'scArg2', 'scArg3', 'scArg4', 'scArg5',
  'scFlags', 'capSyscall', 'capInfo', 'capLen', 'scTidDelta', 'scTidMinusPid',
] as const;
const EVENT_FIELDS = [
  'kind', 'position', 'tsNs', 'pid', 'tid', 'parentPid', 'parentTid', 'filename', 'oldTid', 'exitCode', 'groupDead', 'signo', 'siginfo',
  'thread', 'ignored',
] as const;

/** The fields not at proto3's default (protobufjs leaves those out when encoding). */
function nonDefault(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) =>
    v !== 0 && v !== false && v !== '' && v !== undefined && v !== null && !(v instanceof Uint8Array && v.length === 0)));
}

const KIND = { fork: pb.ProcessEvent.Kind.FORK, exec: pb.ProcessEvent.Kind.EXEC, exit: pb.ProcessEvent.Kind.EXIT, signal: pb.ProcessEvent.Kind.SIGNAL };

/** The Batch message the items describe: exact 64-bit values (as Long-like halves) or, `numbers`, as protobufjs decodes them. */
function batchOf(items: readonly Item[], numbers: boolean): Record<string, unknown> {
  const i64 = numbers ? (v: bigint): number => Number(BigInt.asIntN(64, v)) : long;
  const u64 = numbers ? (v: bigint): number => Number(BigInt.asUintN(64, v)) : long;
  const cols = {
    scNr: [] as number[], scExitDeltaNs: [] as number[], scDurationNs: [] as number[],
    scRet: [] as number[], scArg0: [] as number[], scArg1: [] as number[], scArg2: [] as number[], scArg3: [] as number[],
    scArg4: [] as number[], scArg5: [] as number[], scFlags: [] as number[], capSyscall: [] as number[], capInfo: [] as number[],
    capLen: [] as number[], scTidDelta: [] as number[], scTidMinusPid: [] as number[],
  };
  const data: Uint8Array[] = [];
  const processEvents: Record<string, unknown>[] = [];
  let n = 0;
  let base = 0n;
  let prev = 0n;
  let prevTid = 0;
  for (const it of items) {
    if (it.kind === 'entry') continue;
    if (it.kind !== 'syscall') {
      // Fields at proto3's default are left out, as protobufjs leaves them out when encoding.
      const ev: Record<string, unknown> = { kind: KIND[it.kind], position: n, tsNs: u64(it.ns), pid: it.pid, tid: it.tid };
      if (it.kind === 'fork') Object.assign(ev, { parentPid: it.parentPid, parentTid: it.parentTid, thread: it.thread ?? false });
      if (it.kind === 'exec') Object.assign(ev, { filename: new TextDecoder().decode(it.data), oldTid: it.oldTid });
      if (it.kind === 'exit') Object.assign(ev, { exitCode: it.exitCode, groupDead: it.groupDead ?? false });
      if (it.kind === 'signal') Object.assign(ev, { signo: it.signo, siginfo: it.data, ignored: it.ignored ?? false });
      processEvents.push(nonDefault(ev));
      continue;
    }
    if (n === 0) base = prev = it.exitNs;
    // Format version 2's ids: the tid as a delta from the previous call's, the pid as tid - pid.
    cols.scTidDelta.push(it.tid - prevTid);
    prevTid = it.tid;
    cols.scTidMinusPid.push(it.tid - it.pid);
    cols.scNr.push(it.nr);
    cols.scExitDeltaNs.push(i64(it.exitNs - prev));
    cols.scDurationNs.push(u64(it.exitNs - it.enterNs));
    cols.scRet.push(i64(it.ret));
    [cols.scArg0, cols.scArg1, cols.scArg2, cols.scArg3, cols.scArg4, cols.scArg5].forEach((col, i) => col.push(i64(it.args[i]!)));
    cols.scFlags.push(it.flags);
    for (const c of [...(it.entryCaptures ?? []), ...it.captures]) {
      cols.capSyscall.push(n);
      cols.capInfo.push(c.arg | (c.flags << 8) | (c.element << 16));
      cols.capLen.push(c.data.length);
      data.push(c.data);
    }
    prev = it.exitNs;
    n++;
  }
  const capData = Buffer.concat(data);
  return {
    ...(n > 0 && base !== 0n ? { baseNs: u64(base) } : {}),
    ...(numbers ? cols : Object.fromEntries(Object.entries(cols).filter(([, v]) => v.length > 0))),
    ...(capData.length > 0 || numbers ? { capData } : {}),
    processEvents,
  };
}

function check(items: readonly Item[], what: string): Buffer {
  const native = encodeRecords(rawRecords(items));
  const reference = Buffer.from(pb.Record.encodeDelimited({ batch: batchOf(items, false) }).finish());
  assert.deepEqual(native, reference, `${what}: the native encoder's bytes are protobufjs's`);
  // protobufjs reads back the records' values (64-bit ones rounded to numbers, as it rounds them).
  const batch = pb.Record.decodeDelimited(native).batch!;
  const { processEvents: wantEvents, ...want } = batchOf(items, true);
  // (A field left out decodes to the prototype's default: a Long 0 for baseNs, hence Number().)
  const got: Record<string, unknown> = { baseNs: Number(batch.baseNs), capData: Buffer.from(batch.capData!) };
  for (const c of COLUMNS) got[c] = [...batch[c]!];
  assert.deepEqual(got, { baseNs: 0, ...want }, `${what}: columns`);
  const events = batch.processEvents!.map((e) => nonDefault(Object.fromEntries(EVENT_FIELDS.map((f) => [f, e[f]]))));
  assert.deepEqual(events, (wantEvents as Record<string, unknown>[]).map((e) => (e['siginfo'] ? { ...e, siginfo: Buffer.from(e['siginfo'] as Uint8Array) } : e)), `${what}: process events`);
  return native;
}

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const le32 = (v: number): Uint8Array => Uint8Array.from([v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >>> 24]);
const cap = (arg: number, flags: number, element: number, data: Uint8Array): Capture => ({ arg, flags, element, data });
const args = (...a: bigint[]): Syscall['args'] => [a[0] ?? 0n, a[1] ?? 0n, a[2] ?? 0n, a[3] ?? 0n, a[4] ?? 0n, a[5] ?? 0n];
const TRUNCATED = 1;
const FAULT = 2;
const AT_EXIT = 4;
const ELEMENT = 8;

test('a batch of every kind of record: the native encoder writes what protobufjs writes, and protobufjs reads the records back', () => {
  const T = 2n ** 53n + 12_345n; // timestamps beyond 2^53 ns (104 days of uptime)
  const execve = [cap(0, 0, 0, text('/usr/bin/env')), cap(1, ELEMENT, 0, text('env')), cap(1, ELEMENT, 1, text('ünïcode arg')), cap(2, 0, 0, le32(39))];
  const threadExec = [cap(0, 0, 0, text('/bin/true')), cap(1, ELEMENT, 0, text('true'))];
  const siginfo = Uint8Array.from({ length: 48 }, (_, i) => (i * 37) & 0xff);
  const items: Item[] = [
    { kind: 'entry', pid: 100, tid: 100, nr: 59, captures: execve },
    { kind: 'exec', ns: T + 500n, pid: 100, tid: 100, oldTid: 100, data: text('/usr/bin/env') },
    { kind: 'syscall', pid: 100, tid: 100, nr: 59, enterNs: T, exitNs: T + 900n, ret: 0n, args: args(0x5555_5555_6000n, 0x7ffd_1234_5678n, 0x7ffd_1234_9000n), flags: 0, captures: [], entryCaptures: execve },
    // openat(AT_FDCWD, ...): -100 as the register holds it, a u64.
    { kind: 'syscall', pid: 100, tid: 100, nr: 257, enterNs: T + 1_000n, exitNs: T + 3_000n, ret: 3n, args: args(2n ** 64n - 100n, 0x7ffd_0000_1000n, 0x80000n), flags: 0, captures: [cap(1, 0, 0, text('/etc/ld.so.cache'))] },
    // read: a buffer captured at exit and cut at the limit; odd lengths pad the records.
    { kind: 'syscall', pid: 100, tid: 100, nr: 0, enterNs: T + 3_100n, exitNs: T + 4_000n, ret: 832n, args: args(3n, 0x7ffd_0000_2000n, 832n), flags: 0, captures: [cap(1, AT_EXIT | TRUNCATED, 0, text('\x7fELF\x02\x01\x01\0\0\0\0\0\0'))] },
    // A failed call whose pointer could not be read: a capture with no bytes.
    { kind: 'syscall', pid: 100, tid: 100, nr: 2, enterNs: T + 4_100n, exitNs: T + 4_200n, ret: -2n, args: args(0xdead_0000n), flags: 0, captures: [cap(0, FAULT, 0, new Uint8Array(0))] },
    // 64-bit extremes in every signed and unsigned column, a return value of -(2^63).
    { kind: 'syscall', pid: 100, tid: 100, nr: 9, enterNs: T + 4_300n, exitNs: T + 2n ** 40n, ret: -(2n ** 63n), args: args(2n ** 63n, 2n ** 64n - 1n, 2n ** 53n + 1n, 2n ** 63n - 1n, 2n ** 32n, 1n), flags: 0, captures: [] },
    { kind: 'fork', ns: T + 2n ** 40n + 1n, pid: 101, tid: 101, parentPid: 100, parentTid: 100 },
    { kind: 'fork', ns: T + 2n ** 40n + 2n, pid: 100, tid: 102, parentPid: 100, parentTid: 100, thread: true },
    // An exit earlier than the one before it (another CPU): a negative delta.
    { kind: 'syscall', pid: 101, tid: 101, nr: 39, enterNs: T + 2_000n, exitNs: T + 2_500n, ret: 101n, args: args(), flags: 0, captures: [] },
    // A non-leader thread execs: its entry captures follow it to the leader's tid.
    { kind: 'entry', pid: 100, tid: 102, nr: 59, captures: threadExec },
    { kind: 'exec', ns: T + 2n ** 40n + 10n, pid: 100, tid: 100, oldTid: 102, data: text('/bin/true') },
    { kind: 'syscall', pid: 100, tid: 100, nr: 59, enterNs: T + 2n ** 40n + 5n, exitNs: T + 2n ** 40n + 20n, ret: 0n, args: args(1n, 2n, 3n), flags: 0, captures: [], entryCaptures: threadExec },
    // Entry captures of a call whose exit is another call's (a lost record) are dropped.
    { kind: 'entry', pid: 101, tid: 101, nr: 59, captures: [cap(0, 0, 0, text('/lost'))] },
    { kind: 'syscall', pid: 101, tid: 101, nr: 60, enterNs: T + 2n ** 40n + 30n, exitNs: T + 2n ** 40n + 30n, ret: 0n, args: args(), flags: 1 /* UNFINISHED */, captures: [] },
    { kind: 'syscall', pid: 101, tid: 101, nr: 61, enterNs: T + 2n ** 40n + 40n, exitNs: T + 2n ** 40n + 40n, ret: -512n, args: args(-1n), flags: 2 /* NO_ENTRY */, captures: [] },
    // msghdr parts: element numbers past 0xff.
    { kind: 'syscall', pid: 101, tid: 101, nr: 47, enterNs: T + 2n ** 40n + 41n, exitNs: T + 2n ** 40n + 50n, ret: 5n, args: args(4n, 0x7ffdn), flags: 0, captures: [cap(1, AT_EXIT, 0x100, text('\x01\x00/tmp/sock')), cap(1, AT_EXIT, 0x102, new Uint8Array(16)), cap(1, AT_EXIT | ELEMENT, 0, text('hello'))] },
    { kind: 'signal', ns: T + 2n ** 40n + 60n, pid: 101, tid: 101, signo: 17, data: siginfo, ignored: true },
    { kind: 'signal', ns: T + 2n ** 40n + 61n, pid: 101, tid: 101, signo: 10, data: siginfo },
    // A wait status that is negative as an int32 takes ten bytes.
    { kind: 'exit', ns: T + 2n ** 40n + 70n, pid: 101, tid: 101, exitCode: -1, groupDead: true },
    { kind: 'exit', ns: T + 2n ** 40n + 71n, pid: 100, tid: 102, exitCode: 0 },
    // A filename that is not UTF-8: the stray byte becomes U+FFFD, as TextDecoder makes it.
    { kind: 'exec', ns: T + 2n ** 40n + 80n, pid: 100, tid: 100, oldTid: 100, data: Uint8Array.from([0x2f, 0x62, 0xff, 0x80, 0x6e]) },
    { kind: 'exit', ns: T + 2n ** 40n + 90n, pid: 100, tid: 100, exitCode: 9 << 8, groupDead: true },
  ];
  const bytes = check(items, 'every kind');
  // The exact 64-bit values are in the bytes (protobufjs's numbers round them): baseNs and the extremes.
  const batch = pb.Record.decodeDelimited(bytes).batch!;
  assert.equal(batch.scRet![4], -(2 ** 63));
  assert.equal(batch.processEvents![8]?.filename, '/b\ufffd\ufffdn');
});

test('thread and process ids above 2^16, a tid below its pid, threads taking turns: the native encoder writes what protobufjs writes', () => {
  const call = (pid: number, tid: number, at: bigint): Item =>
    ({ kind: 'syscall', pid, tid, nr: 0, enterNs: at, exitNs: at + 10n, ret: 1n, args: args(3n), flags: 0, captures: [] });
  const bytes = check([
    call(70_000, 70_000, 100n), call(70_000, 65_537, 200n), call(70_000, 70_003, 300n),
    call(4_194_000, 4_194_303, 400n), call(300, 300, 500n), call(70_000, 65_537, 600n),
  ], 'large ids');
  const batch = pb.Record.decodeDelimited(bytes).batch!;
  // Version 2's ids only: the absolute columns are not written.
  assert.deepEqual([batch.scTid, batch.scPid], [[], []]);
  assert.deepEqual(batch.scTidDelta, [70_000, -4_463, 4_466, 4_124_300, -4_194_003, 65_237]);
  assert.deepEqual(batch.scTidMinusPid, [0, -4_463, 3, 303, 0, -4_463]);
});

test('an empty batch is not written; a batch of process events only', () => {
  assert.equal(encodeRecords([]).length, 0);
  // Entry captures alone are no syscall: still nothing to write.
  assert.equal(encodeRecords(rawRecords([{ kind: 'entry', pid: 7, tid: 7, nr: 59, captures: [cap(0, 0, 0, text('/bin/sh'))] }])).length, 0);
  check([
    { kind: 'fork', ns: 5n, pid: 8, tid: 8, parentPid: 7, parentTid: 7 },
    { kind: 'exit', ns: 6n, pid: 8, tid: 8, exitCode: 0, groupDead: true },
  ], 'process events only');
  check([{ kind: 'syscall', pid: 1, tid: 1, nr: 0, enterNs: 0n, exitNs: 0n, ret: 0n, args: args(), flags: 0, captures: [] }], 'one call, every value 0');
});

test('records too short to hold what they say are skipped', () => {
  const good: Item = { kind: 'syscall', pid: 9, tid: 9, nr: 1, enterNs: 10n, exitNs: 20n, ret: 1n, args: args(1n), flags: 0, captures: [] };
  const [rec] = rawRecords([good]);
  const want = encodeRecords([rec!]);
  assert.deepEqual(encodeRecords([new Uint8Array(4), rec!.subarray(0, at('bt_syscall') - 1), rec!]), want);
  const fork = processRecord({ kind: 'fork', ns: 1n, pid: 2, tid: 2, parentPid: 1, parentTid: 1 });
  assert.deepEqual(encodeRecords([fork.subarray(0, at('bt_process') - 1), rec!]), want);
});
