// The hand-written Batch encoder against protobufjs, the reference.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BatchBuilder } from './batch-builder.js';
import { pb } from './proto.js';

const EDGE = [0, 1, -1, 63, -64, 64, 0x3fffffff, 0x40000000, -0x40000000, -0x40000001, 2 ** 32 - 1, 2 ** 32, -(2 ** 32),
  0x7ffd_1234_5678, -0x7ffd_1234_5678, 2 ** 52 - 1, 2 ** 52 + 1, -(2 ** 52) - 1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER];

test('BatchBuilder encodes what protobufjs encodes, byte for byte', () => {
  const b = new BatchBuilder();
  const expected = {
    scTid: [] as number[], scPid: [] as number[], scNr: [] as number[], scExitDeltaNs: [] as number[], scDurationNs: [] as number[],
    scRet: [] as number[], scArg0: [] as number[], scArg1: [] as number[], scArg2: [] as number[], scArg3: [] as number[],
    scArg4: [] as number[], scArg5: [] as number[], scFlags: [] as number[], capSyscall: [] as number[], capInfo: [] as number[],
    capLen: [] as number[],
  };
  const start = 1_795_000_000_000_000;
  let exit = start;
  let base = -1;
  const chunks: Buffer[] = [];
  EDGE.forEach((v, i) => {
    const nextExit = exit + (i % 3 === 0 ? -17 : 1000 * i);
    const dur = i * 977;
    b.addSyscall(4000 + i, 5000 + i, i * 13, nextExit - dur, nextExit, v, v, -v, i, v, 0, i === 7 ? -100 : 7, i % 3);
    expected.scTid.push(5000 + i); expected.scPid.push(4000 + i); expected.scNr.push(i * 13);
    if (base < 0) exit = base = nextExit;
    expected.scExitDeltaNs.push(nextExit - exit); expected.scDurationNs.push(dur); expected.scRet.push(v);
    expected.scArg0.push(v); expected.scArg1.push(-v); expected.scArg2.push(i); expected.scArg3.push(v); expected.scArg4.push(0);
    expected.scArg5.push(i === 7 ? -100 : 7); expected.scFlags.push(i % 3);
    exit = nextExit;
    if (i % 2 === 0) {
      const data = Buffer.from(`capture ${i} `.repeat(i + 1));
      b.addCapture(i % 6, 4, i, data);
      chunks.push(data);
      expected.capSyscall.push(i); expected.capInfo.push((i % 6) | (4 << 8) | (i << 16)); expected.capLen.push(data.length);
    }
  });
  b.addProcessEvent('exit', { tsNs: base + 5, pid: 1, tid: 2, exitCode: 9, groupDead: true });
  const reference = pb.Record.encodeDelimited({
    batch: { baseNs: base, ...expected, capData: Buffer.concat(chunks),
      processEvents: [{ tsNs: base + 5, pid: 1, tid: 2, exitCode: 9, groupDead: true, kind: pb.ProcessEvent.Kind.EXIT, position: EDGE.length }] },
  }).finish();
  const ours = b.encode();
  const plain = (bytes: Uint8Array) => JSON.parse(JSON.stringify(pb.Record.decodeDelimited(Uint8Array.from(bytes)))) as unknown;
  assert.deepEqual(plain(ours), plain(reference));
  assert.deepEqual(Buffer.from(ours), Buffer.from(reference));
});

test('an empty batch and a batch of process events only', () => {
  const b = new BatchBuilder();
  assert.deepEqual(Buffer.from(b.encode()), Buffer.from(pb.Record.encodeDelimited({ batch: {} }).finish()));
  b.addProcessEvent('fork', { tsNs: 10, pid: 3, tid: 3, parentPid: 2, parentTid: 2 });
  const events = pb.Record.decodeDelimited(b.encode()).batch?.processEvents ?? [];
  assert.equal(events.length, 1);
  assert.equal(events[0]?.parentPid, 2);
});

/** Reads the packed sint64 field `field` of the batch inside a length-delimited Record, exactly. */
function packedSint64(record: Uint8Array, field: number): bigint[] {
  let p = 0;
  const varint = (): bigint => {
    let v = 0n;
    let shift = 0n;
    for (;;) {
      const b = record[p++]!;
      v |= BigInt(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
      shift += 7n;
    }
  };
  varint(); // record length
  varint(); // Record.batch tag
  const end = Number(varint()) + p;
  while (p < end) {
    const tag = Number(varint());
    if ((tag & 7) === 0) {
      varint();
      continue;
    }
    const len = Number(varint());
    if (tag >> 3 !== field) {
      p += len;
      continue;
    }
    const out: bigint[] = [];
    const stop = p + len;
    while (p < stop) {
      const z = varint();
      out.push((z >> 1n) ^ -(z & 1n));
    }
    return out;
  }
  return [];
}

test('arguments beyond 2^53, given as bigints, are stored exactly', () => {
  const b = new BatchBuilder();
  const big = [-(2n ** 63n), 2n ** 63n - 1n, 2n ** 53n + 1n, -(2n ** 53n) - 3n, 0xffff_ffff_ffff_fff0n - 2n ** 64n];
  for (const v of big) b.addSyscall(1, 1, 0, 0, 0, v, v, 0, 0, 0, 0, 0, 0);
  const bytes = b.encode();
  assert.deepEqual(packedSint64(bytes, 8), big);
  assert.deepEqual(packedSint64(bytes, 7), big);
});
