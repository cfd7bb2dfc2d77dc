// The hand-written Batch decoder against protobufjs (the reference): every field
// of real and synthetic batches, both ways, and readTraceColumns against readTrace.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  BatchBuilder, BatchDecoder, type BatchColumns, batchEvents, batchesIn, columnsOf, decodeBatch, encodeHeader, encodeTrailer, pb,
  RawCall, readTrace, readTraceColumns, SyscallCursor, type TraceColumnsRecord, type TraceEvent, type TraceRecord, walkBatch, WireError, WireReader,
} from './index.js';

const trace = readFileSync(new URL('../../../fixtures/traces/echo.pb', import.meta.url));

const FIELDS = [
  'scTid', 'scPid', 'scNr', 'scExitDeltaNs', 'scDurationNs', 'scRet', 'scArg0', 'scArg1', 'scArg2', 'scArg3', 'scArg4', 'scArg5',
  'scFlags', 'capSyscall', 'capInfo', 'capLen',
] as const;

/** Every field of a decoded batch equals protobufjs's decode of the same bytes. */
function assertSame(got: BatchColumns, bytes: Uint8Array, what: string): void {
  const ref = pb.Batch.decode(bytes);
  // The ids: protobufjs's fields (sc_tid and sc_pid, or version 2's sc_tid_delta and sc_tid_minus_pid) made absolute.
  const ids = columnsOf(ref);
  assert.equal(got.baseNs, Number(ref.baseNs ?? 0), `${what}: baseNs`);
  for (const f of FIELDS) {
    const want = (f === 'scTid' || f === 'scPid' ? ids[f] : ref[f] ?? []) as ArrayLike<number>;
    assert.equal(got[f].length, want.length, `${what}: ${f} length`);
    for (let i = 0; i < want.length; i++) {
      if (!Object.is(got[f][i], want[i])) assert.fail(`${what}: ${f}[${i}] = ${got[f][i]}, protobufjs ${want[i]}`);
    }
  }
  assert.deepEqual(Buffer.from(got.capData), Buffer.from(ref.capData ?? new Uint8Array(0)), `${what}: capData`);
  const enc = (p: object): Buffer => Buffer.from(pb.ProcessEvent.encode(p).finish());
  assert.deepEqual(got.processEvents.map(enc), ref.processEvents.map(enc), `${what}: processEvents`);
}

/** The Batch message bytes inside a length-delimited Record. */
function batchBytes(record: Uint8Array): Uint8Array {
  const rec = pb.Record.decodeDelimited(record);
  return pb.Batch.encode(rec.batch!).finish();
}

test('real batches decode exactly as protobufjs decodes them', async () => {
  let batches = 0;
  const reused = new BatchDecoder(true);
  // Each Record is a varint length and that many bytes.
  for (const r = new WireReader(trace); r.left > 0;) {
    const rec = pb.Record.decode(r.bytes());
    if (!rec.batch) continue; // header, trailer
    const bytes = pb.Batch.encode(rec.batch!).finish();
    assertSame(decodeBatch(bytes), bytes, `batch ${batches}`);
    assertSame(reused.decode(bytes), bytes, `batch ${batches} (reused buffers)`);
    batches++;
  }
  assert.ok(batches > 0);
});

test('synthetic batches: extreme 64-bit values, empty and one-element columns, process events', () => {
  const big = [0, 1, -1, 63, -64, 64, -65, 2 ** 28 - 1, 2 ** 28, -(2 ** 28), 2 ** 31, -(2 ** 31), 2 ** 32, 2 ** 47 + 12345,
    -(2 ** 47), 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, 2 ** 62, -(2 ** 62), 2 ** 63, -(2 ** 63), 0x7fffffff_ffff0000, -4095, -516];
  const b = new BatchBuilder();
  let t = 1_000_000_000_000;
  for (let i = 0; i < big.length; i++) {
    const v = big[i]!;
    t += 7 + i * 1000003;
    b.addSyscall(1000 + i, 2000 + i, i * 37, t - (i % 3) * 2 ** 30, t, v, v, -v, v / 2, i, 2 ** 40 + i, -i, i % 4);
    if (i % 2) b.addCapture(i % 6, i % 16, i * 300, Uint8Array.from({ length: i * 3 }, (_, k) => (k * 7 + i) & 0xff));
    if (i % 5 === 0) b.addProcessEvent('signal', { tsNs: t, pid: i, tid: i, signo: 17, siginfo: new Uint8Array([17, 0, 0, 0]) });
  }
  b.addProcessEvent('exit', { tsNs: t + 1, pid: 5, tid: 5, exitCode: 256, groupDead: true });
  const bytes = batchBytes(b.encode());
  assertSame(decodeBatch(bytes), bytes, 'synthetic');

  // Empty batch, and a batch of one syscall.
  const empty = batchBytes(new BatchBuilder().encode());
  assertSame(decodeBatch(empty), empty, 'empty');
  const one = new BatchBuilder();
  one.addSyscall(1, 1, 0, 5, 10, -2, 0, 0, 0, 0, 0, 0, 0);
  const oneBytes = batchBytes(one.encode());
  assertSame(decodeBatch(oneBytes), oneBytes, 'one');

  // Unpacked repeated fields (legal protobuf, not what the writer produces) and unknown fields.
  const w = pb.Batch.encode({ baseNs: 77 }).finish();
  const extra = Uint8Array.from([...w,
    0x20, 0x2a,             // sc_nr = 42, unpacked
    0x38, 0x03,             // sc_ret = -2 (zigzag 3), unpacked
    0x20, 0x96, 0x01,       // sc_nr = 150, unpacked, two bytes
    0xf8, 0x06, 0x05,       // field 111, varint: unknown, skipped
    0xfa, 0x06, 0x02, 0x01, 0x02, // field 111, bytes: unknown, skipped
  ]);
  assertSame(decodeBatch(extra), extra, 'unpacked');

  // Truncated inside a packed column: protobufjs's verdict (an error) is kept.
  const cut = bytes.subarray(0, 40);
  assert.throws(() => pb.Batch.decode(cut));
  assert.throws(() => decodeBatch(cut));
});

test('format version 2 ids: threads of several processes, ids above 2^16, a tid below its pid, read back absolute', () => {
  // [pid, tid]: a multi-threaded process whose threads take turns, a tid below its pid (pids wrapped),
  // ids near pid_max's ceiling (2^22), a single-threaded process, the first call's tid from 0.
  const ids: [number, number][] = [[70_000, 70_000], [70_000, 65_537], [70_000, 70_003], [4_194_000, 4_194_303],
    [300, 300], [70_000, 65_537], [70_000, 70_000], [4_194_000, 4_194_000], [1, 1], [2 ** 32 - 1, 2 ** 32 - 1], [0, 2 ** 32 - 1]];
  const b = new BatchBuilder();
  ids.forEach(([pid, tid], i) => b.addSyscall(pid, tid, 0, 10 * i, 10 * i + 5, 1, 3, 0, 0, 0, 0, 0, 0));
  const record = b.encode();
  // The writer's bytes are protobufjs's encoding of version 2's columns, given here by hand.
  const reference = pb.Record.encodeDelimited({ batch: { baseNs: 5,
    scTidDelta: [70_000, -4_463, 4_466, 4_124_300, -4_194_003, 65_237, 4_463, 4_124_000, -4_193_999, 2 ** 32 - 2, 0],
    scTidMinusPid: [0, -4_463, 3, 303, 0, -4_463, 0, 0, 0, 0, 2 ** 32 - 1],
    scNr: ids.map(() => 0), scExitDeltaNs: ids.map((_, i) => (i ? 10 : 0)), scDurationNs: ids.map(() => 5), scRet: ids.map(() => 1),
    scArg0: ids.map(() => 3), scArg1: ids.map(() => 0), scArg2: ids.map(() => 0), scArg3: ids.map(() => 0), scArg4: ids.map(() => 0),
    scArg5: ids.map(() => 0), scFlags: ids.map(() => 0), processEvents: [],
  } }).finish();
  assert.deepEqual(Buffer.from(record), Buffer.from(reference));
  const bytes = batchBytes(record);
  assert.deepEqual(pb.Batch.decode(bytes).scTid, [], 'no absolute ids written');
  // The fast path, the reused buffers and the protobufjs fallback (columnsOf) all give the absolute ids.
  const reused = new BatchDecoder(true);
  reused.decode(bytes);
  for (const [what, cols] of [['fast', decodeBatch(bytes)], ['reused', reused.decode(bytes)], ['protobufjs', columnsOf(pb.Batch.decode(bytes))]] as const) {
    assert.deepEqual([...cols.scPid], ids.map(([pid]) => pid), `${what}: pids`);
    assert.deepEqual([...cols.scTid], ids.map(([, tid]) => tid), `${what}: tids`);
  }
  assertSame(decodeBatch(bytes), bytes, 'version 2 ids');
  assert.deepEqual([...batchEvents(decodeBatch(bytes))].map((e) => (e.type === 'syscall' ? [e.pid, e.tid] : [])), ids);
});

test('format version 1 ids (absolute sc_tid, sc_pid) still read, through both readers', () => {
  const bytes = pb.Batch.encode({ scTid: [70_000, 65_537, 300], scPid: [70_000, 70_000, 300], scNr: [0, 1, 2], scFlags: [0, 0, 0] }).finish();
  for (const cols of [decodeBatch(bytes), columnsOf(pb.Batch.decode(bytes))]) {
    assert.deepEqual([...cols.scTid], [70_000, 65_537, 300]);
    assert.deepEqual([...cols.scPid], [70_000, 70_000, 300]);
  }
  assertSame(decodeBatch(bytes), bytes, 'version 1 ids');
});

test('events from columns equal events from protobufjs batches', () => {
  const b = new BatchBuilder();
  b.addSyscall(10, 11, 0, 100, 150, 3, 3, 2 ** 46, 1, 0, 0, 0, 0);
  b.addCapture(1, 4, 0, new TextEncoder().encode('abc'));
  b.addProcessEvent('fork', { tsNs: 160, pid: 12, tid: 12, parentPid: 10, parentTid: 11 });
  b.addSyscall(10, 11, 1, 170, 180, -9, 1, 0, 0, 0, 0, 0, 1);
  const bytes = batchBytes(b.encode());
  const viaPb = [...batchEvents(pb.Batch.decode(bytes))];
  assert.deepEqual([...batchEvents(decodeBatch(bytes))], viaPb);
  assert.deepEqual([...batchEvents(columnsOf(pb.Batch.decode(bytes)))], viaPb);
});

function plain(r: TraceRecord | TraceColumnsRecord): unknown {
  if (r.kind !== 'batch') return r;
  return { kind: r.kind, offset: r.offset, events: batchEvents(r.batch).map(withoutExact) };
}

/** An event without its exact values beyond 2^53 (protobufjs's reading has none), once they are seen to round to its numbers. */
function withoutExact(e: TraceEvent): TraceEvent {
  if (e.type !== 'syscall' || e.exact === undefined) return e;
  const { exact, ...rest } = e;
  exact.args.forEach((v, i) => { if (v !== undefined) assert.equal(Number(v), e.args[i]); });
  if (exact.ret !== undefined) assert.equal(Number(exact.ret), e.ret);
  assert.ok(exact.args.some((v) => v !== undefined) || exact.ret !== undefined);
  return rest;
}

test('readTraceColumns yields what readTrace yields, on whole, cut and corrupt traces', async () => {
  const variants: [string, Uint8Array][] = [
    ['whole', trace],
    ['cut inside a record', trace.subarray(0, Math.floor(trace.length * 0.6))],
    ['no trailer', (() => {
      const b = new BatchBuilder();
      b.addSyscall(1, 1, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0);
      return Buffer.concat([encodeHeader({}), b.encode()]);
    })()],
    ['garbage batch', Buffer.concat([encodeHeader({}), Uint8Array.from([3, 0x12, 1, 0xff]), encodeTrailer({})])],
    ['not a trace', new TextEncoder().encode('hello world, this is not a trace')],
    ['empty', new Uint8Array(0)],
  ];
  for (const [what, bytes] of variants) {
    const a: unknown[] = [];
    for await (const r of readTrace(bytes)) a.push(plain(r));
    const b: unknown[] = [];
    for await (const r of readTraceColumns(bytes, { reuse: true })) b.push(plain(r));
    assert.deepEqual(b, a, what);
  }
});

test('batchesIn: the batches of consecutive Record{batch} messages, as a writer emits them', () => {
  const records: Uint8Array[] = [];
  for (let k = 0; k < 3; k++) {
    const b = new BatchBuilder();
    for (let i = 0; i <= k * 200; i++) b.addSyscall(7, 7 + k, i, 1e9 + i * 10, 1e9 + i * 10 + 5, -i, i, 2 ** 40, 0, 0, 0, 0, 0);
    b.addCapture(1, 4, 0, Buffer.from(`batch ${k}`));
    b.addProcessEvent('exit', { tsNs: 2e9, pid: 7, tid: 7, exitCode: k, groupDead: true });
    records.push(b.encode());
  }
  const got = [...batchesIn(Buffer.concat(records))];
  assert.equal(got.length, 3);
  got.forEach((cols, k) => assertSame(cols, batchBytes(records[k]!), `batch ${k}`));
  assert.deepEqual([...batchesIn(new Uint8Array(0))], []);
});

test('batchesIn: bytes that end inside a record, or a record that is not a batch, are a WireError with the offset', () => {
  const b = new BatchBuilder();
  b.addSyscall(1, 1, 0, 5, 10, -2, 0, 0, 0, 0, 0, 0, 0);
  const one = b.encode();
  const two = Buffer.concat([one, one]);
  for (let cut = 1; cut < one.length; cut++) {
    const got: BatchColumns[] = [];
    assert.throws(() => { for (const cols of batchesIn(two.subarray(0, one.length + cut))) got.push(cols); },
      (e: unknown) => e instanceof WireError && e.code === 'TRUNCATED' && e.offset === one.length, `cut at ${cut}`);
    assert.equal(got.length, 1, 'the complete batch before the cut');
  }
  assert.throws(() => [...batchesIn(Buffer.concat([one, encodeTrailer({ syscalls: 1 })]))],
    (e: unknown) => e instanceof WireError && e.code === 'BAD_MESSAGE' && e.offset === one.length);
});

test('BatchBuilder: arguments beyond 2^53, given as bigints, are stored exactly', () => {
  const b = new BatchBuilder();
  const big = [-(2n ** 63n), 2n ** 63n - 1n, 2n ** 53n + 1n, -(2n ** 53n) - 3n, 0xffff_ffff_ffff_fff0n - 2n ** 64n];
  for (const v of big) b.addSyscall(1, 1, 0, 0, 0, v, v, 0, 0, 0, 0, 0, 0);
  // Read the packed sint64 columns of sc_ret (7) and sc_arg0 (8) exactly, as bigints
  // (protobufjs would round them to numbers): Record{batch} -> Batch -> columns.
  const record = new WireReader(new WireReader(b.encode()).bytes());
  assert.equal(record.tag(), (2 << 3) | 2);
  const r = new WireReader(record.bytes());
  const columns = new Map<number, bigint[]>();
  while (r.left > 0) {
    const tag = r.tag();
    if ((tag & 7) !== 2) { r.skip(tag & 7); continue; }
    const stop = r.packed();
    const values: bigint[] = [];
    while (r.pos < stop) {
      r.varint64();
      const z = (BigInt(r.hi) << 32n) | BigInt(r.lo);
      values.push((z >> 1n) ^ -(z & 1n));
    }
    columns.set(tag >>> 3, values);
  }
  assert.deepEqual(columns.get(7), big);
  assert.deepEqual(columns.get(8), big);
});

test('64-bit values beyond 2^53 are also given exactly (exact), in packed and unpacked columns', () => {
  const b = new BatchBuilder();
  b.addSyscall(7, 7, 8, 1000, 1300, 0, 3, 2n ** 60n + 1n, 0, 0, 0, 0, 0);
  b.addSyscall(7, 7, 8, 2000, 2300, -(2n ** 62n) - 3n, 3, 5, 0, 0, 0, -(2n ** 63n), 0);
  // The Batch's own bytes, as written (batchBytes would re-encode what protobufjs read: rounded).
  const r = new WireReader(b.encode());
  r.size();
  r.tag();
  const bytes = r.bytes();
  const got = new BatchDecoder().decode(bytes);
  assertSame(got, bytes, 'wide values');
  assert.deepEqual(got.exact, [
    { column: 'scRet', index: 1, value: -(2n ** 62n) - 3n },
    { column: 'scArg1', index: 0, value: 2n ** 60n + 1n },
    { column: 'scArg5', index: 1, value: -(2n ** 63n) },
  ]);
  // One value, not packed: a varint field of its own.
  const w = pb.Batch.encode({ scArg2: [] }).finish();
  const single = Buffer.concat([Buffer.from(w), Buffer.from([(10 << 3) | 0]), encodeZigzag(2n ** 55n + 1n)]);
  assert.deepEqual(new BatchDecoder().decode(single).exact, [{ column: 'scArg2', index: 0, value: 2n ** 55n + 1n }]);
  assert.equal(new BatchDecoder().decode(batchBytes(new BatchBuilder().encode())).exact, undefined);
});

test('the walk gives each call its exact values beyond 2^53; a call that differs from another only in them is no repeat of it', () => {
  const b = new BatchBuilder();
  b.addSyscall(7, 7, 17, 1000, 1300, 0, 3, 0, 1, 2n ** 60n + 3n, 0, 0, 0);
  b.addSyscall(7, 7, 17, 2000, 2300, 0, 3, 0, 1, 2n ** 60n + 5n, 0, 0, 0);
  b.addSyscall(7, 7, 8, 3000, 3300, 2n ** 60n + 1n, 3, 2n ** 60n + 1n, 0, 0, 0, 0, 0);
  b.addSyscall(7, 7, 8, 4000, 4300, 0, 3, 5, 0, 0, 0, 0, 0);
  const r = new WireReader(b.encode());
  r.size();
  r.tag();
  const cols = new BatchDecoder().decode(r.bytes());
  const seen: { exact: unknown; raw: RawCall }[] = [];
  walkBatch(cols, new SyscallCursor(), { syscall: (c) => { seen.push({ exact: c.exact, raw: new RawCall(c) }); }, process: () => {} });
  assert.deepEqual(seen.map((s) => s.exact), [
    { args: [, , , 2n ** 60n + 3n], ret: undefined },
    { args: [, , , 2n ** 60n + 5n], ret: undefined },
    { args: [, 2n ** 60n + 1n], ret: 2n ** 60n + 1n },
    undefined,
  ]);
  // The first two hold the same numbers (2^60): only their exact values tell them apart.
  const again = (k: number): boolean[] => {
    const out: boolean[] = [];
    walkBatch(cols, new SyscallCursor(), { syscall: (c) => { out.push(seen[k]!.raw.matches(c)); }, process: () => {} });
    return out;
  };
  assert.deepEqual(again(0), [true, false, false, false]);
  assert.deepEqual(again(1), [false, true, false, false]);
  assert.deepEqual(batchEvents(cols).map((e) => e.type === 'syscall' ? e.exact : undefined), seen.map((s) => s.exact));
});

/** A sint64 as a zigzag varint. */
function encodeZigzag(v: bigint): Buffer {
  let u = v >= 0n ? v << 1n : ((-v) << 1n) - 1n;
  const out: number[] = [];
  while (u >= 0x80n) {
    out.push(Number(u & 0x7fn) | 0x80);
    u >>= 7n;
  }
  out.push(Number(u));
  return Buffer.from(out);
}
