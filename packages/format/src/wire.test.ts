// The wire reader: values against protobufjs (the reference), and every bound:
// nothing is read past `end`, each problem is a WireError with its code and offset.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { protobuf } from './proto.js';
import { WireError, WireReader } from './wire.js';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);

/** Asserts that `read` throws a WireError with this code and offset, and leaves pos at the offset. */
function fails(r: WireReader, read: (r: WireReader) => unknown, code: string, offset: number): void {
  assert.throws(() => read(r), (e: unknown) => {
    assert.ok(e instanceof WireError, `a WireError, not ${String(e)}`);
    assert.equal(e.code, code, e.message);
    assert.equal(e.offset, offset, e.message);
    return true;
  });
  assert.equal(r.pos, offset, 'pos stays at the value that failed');
}

test('varints: every length from 1 to 10 bytes reads as protobufjs reads it', () => {
  const values = [0, 1, 127, 128, 300, 2 ** 14, 2 ** 21 - 1, 2 ** 28 - 1, 2 ** 28, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 35 + 7,
    2 ** 42, 2 ** 49 + 3, 2 ** 53 - 1, 2 ** 53, 2 ** 56, 2 ** 63, 2 ** 64 - 2048];
  const signed = [...values.map((v) => -v), ...values, Number.MIN_SAFE_INTEGER, -(2 ** 63)];
  const w = protobuf.Writer.create();
  for (const v of values) w.uint64(v);
  for (const v of signed) w.sint64(v);
  const w32 = [0, 1, 2 ** 31 - 1, -1, -(2 ** 31)];
  for (const v of w32) w.int32(v); // a negative int32 takes ten bytes
  const buf = w.finish();
  const ref = protobuf.Reader.create(buf);
  const r = new WireReader(buf);
  for (const v of values) assert.equal(r.uint64(), ref.uint64() as unknown as number, `uint64 ${v}`);
  for (const v of signed) assert.equal(r.sint64(), ref.sint64() as unknown as number, `sint64 ${v}`);
  for (const v of w32) assert.equal(r.uint32(), ref.uint32(), `uint32 of int32 ${v}`);
  assert.equal(r.pos, buf.length);
  assert.equal(r.left, 0);
});

test('a ten-byte varint is read whole; bits beyond the 64th are dropped, as protobufjs drops them', () => {
  const r = new WireReader(bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f));
  r.varint64();
  assert.deepEqual([r.lo, r.hi, r.pos], [0xffffffff, 0xffffffff, 10]);
  const ref = protobuf.Reader.create(r.buf);
  assert.equal(new WireReader(r.buf).uint64(), ref.uint64() as unknown as number);
});

test('a varint longer than ten bytes is BAD_VARINT, whatever follows', () => {
  const eleven = bytes(...new Array<number>(10).fill(0x80), 0x01);
  fails(new WireReader(eleven), (r) => r.varint64(), 'BAD_VARINT', 0);
  // Ten continuation bytes then the end: no more bytes could make it valid.
  fails(new WireReader(bytes(...new Array<number>(10).fill(0xff))), (r) => r.uint64(), 'BAD_VARINT', 0);
  // The same at an offset, as a length and as a tag.
  const at3 = bytes(0, 0, 0, ...new Array<number>(12).fill(0x81));
  fails(new WireReader(at3, 3), (r) => r.size(), 'BAD_VARINT', 3);
  fails(new WireReader(at3, 3), (r) => r.tag(), 'BAD_VARINT', 3);
});

test('a varint cut by the end is TRUNCATED, at every cut', () => {
  const full = bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01);
  for (let cut = 0; cut < full.length; cut++) {
    fails(new WireReader(full, 0, cut), (r) => r.varint64(), 'TRUNCATED', 0);
    fails(new WireReader(full, 0, cut), (r) => r.uint32(), 'TRUNCATED', 0);
  }
});

test('end is a hard limit even when the buffer goes on, and never past the buffer', () => {
  fails(new WireReader(bytes(0x80), 0, 5), (r) => r.uint32(), 'TRUNCATED', 0);
  fails(new WireReader().reset(bytes(0x02, 1), 0, 9), (r) => r.bytes(), 'TRUNCATED', 0);
  const buf = bytes(0x96, 0x01, 0x03, 0x61, 0x62, 0x63);
  fails(new WireReader(buf, 0, 1), (r) => r.uint32(), 'TRUNCATED', 0);
  assert.equal(new WireReader(buf, 0, 2).uint32(), 150);
  fails(new WireReader(buf, 2, 5), (r) => r.bytes(), 'TRUNCATED', 2);
  assert.deepEqual([...new WireReader(buf, 2, 6).bytes()], [0x61, 0x62, 0x63]);
});

test('length prefixes: past the end is TRUNCATED, 2^32 or more is TOO_LARGE', () => {
  fails(new WireReader(bytes(0x05, 1, 2, 3)), (r) => r.bytes(), 'TRUNCATED', 0);
  fails(new WireReader(bytes(0xff, 0xff, 0xff, 0xff, 0x0f, 1)), (r) => r.bytes(), 'TRUNCATED', 0); // 2^32 - 1
  fails(new WireReader(bytes(0x80, 0x80, 0x80, 0x80, 0x10)), (r) => r.size(), 'TOO_LARGE', 0); // 2^32
  fails(new WireReader(bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01)), (r) => r.bytes(), 'TOO_LARGE', 0);
  const empty = new WireReader(bytes(0x00));
  assert.equal(empty.bytes().length, 0);
  assert.equal(empty.pos, 1);
});

test('tags: field 0 and wire types trace.proto does not use are BAD_TAG; skip stays inside the bytes', () => {
  fails(new WireReader(bytes(0x02)), (r) => r.tag(), 'BAD_TAG', 0); // field 0
  for (const wt of [3, 4, 6, 7]) fails(new WireReader(bytes((1 << 3) | wt)), (r) => r.tag(), 'BAD_TAG', 0);
  assert.equal(new WireReader(bytes(0xa2, 0x06)).tag(), (100 << 3) | 2);
  fails(new WireReader(bytes(1, 2, 3, 4, 5, 6, 7)), (r) => r.skip(1), 'TRUNCATED', 0);
  fails(new WireReader(bytes(1, 2, 3)), (r) => r.skip(5), 'TRUNCATED', 0);
  fails(new WireReader(bytes(0x03, 1)), (r) => r.skip(2), 'TRUNCATED', 0);
  fails(new WireReader(bytes(0x80)), (r) => r.skip(0), 'TRUNCATED', 0);
  fails(new WireReader(bytes(0)), (r) => r.skip(3), 'BAD_TAG', 0);
  const r = new WireReader(bytes(1, 2, 3, 4, 5, 6, 7, 8, 0x96, 0x01, 9, 9, 9, 9, 0x02, 7, 7));
  r.skip(1);
  r.skip(0);
  r.skip(5);
  r.skip(2);
  assert.equal(r.left, 0);
});

test('packed runs: values as protobufjs reads them; a run past the end or ending inside a varint is TRUNCATED', () => {
  const u32 = [0, 1, 127, 128, 16383, 16384, 2 ** 31, 2 ** 32 - 1];
  const s64 = [0, -1, 1, -64, 64, 2 ** 27, -(2 ** 27) - 1, 2 ** 40, -(2 ** 52), 2 ** 60, -(2 ** 63), 2 ** 53 + 2];
  const w = protobuf.Writer.create();
  w.fork();
  for (const v of u32) w.uint32(v);
  w.ldelim();
  w.fork();
  for (const v of s64) w.sint64(v);
  w.ldelim();
  w.fork();
  for (const v of s64) w.uint64(v < 0 ? -v : v);
  w.ldelim();
  const buf = w.finish();
  const r = new WireReader(buf);
  const out32 = new Uint32Array(u32.length);
  assert.equal(r.uint32s(out32, 0, r.packed()), u32.length);
  const out64 = new Float64Array(s64.length * 2);
  assert.equal(r.int64s(out64, 0, r.packed(), true), s64.length);
  assert.equal(r.int64s(out64, s64.length, r.packed(), false), s64.length * 2);
  const ref = protobuf.Reader.create(buf);
  const run = (read: () => unknown): unknown[] => {
    const end = ref.uint32() + ref.pos;
    const out: unknown[] = [];
    while (ref.pos < end) out.push(read());
    return out;
  };
  assert.deepEqual([...out32], run(() => ref.uint32()));
  assert.deepEqual([...out64.subarray(0, s64.length)], run(() => ref.sint64()));
  assert.deepEqual([...out64.subarray(s64.length)], run(() => ref.uint64()));
  assert.equal(r.left, 0);

  fails(new WireReader(bytes(0x04, 1, 2, 3)), (r) => r.packed(), 'TRUNCATED', 0);
  fails(new WireReader(bytes(0x02, 1, 0x80, 0x01)), (r) => r.packed(), 'TRUNCATED', 0); // the run ends inside a varint
  // An eleven-byte varint inside a run.
  const long = new WireReader(bytes(0x0c, 0x05, ...new Array<number>(10).fill(0x80), 0x01));
  const stop = long.packed();
  fails(long, (r) => r.int64s(new Float64Array(12), 0, stop, false), 'BAD_VARINT', 2);
  const long32 = new WireReader(bytes(0x0c, 0x05, ...new Array<number>(10).fill(0x80), 0x01));
  const stop32 = long32.packed();
  fails(long32, (r) => r.uint32s(new Uint32Array(12), 0, stop32), 'BAD_VARINT', 2);
});
