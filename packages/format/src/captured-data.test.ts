// Which captures are captured data, on the real syscall table: the predicate, the
// event filter and the batch filter agree, and only data is taken out.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  BatchBuilder, batchEvents, batchWithoutCapturedData, type CaptureRef, CaptureFlag, captureSpecHoldsData, decodeBatch, isCapturedData,
  MsghdrElement, pb, readTraceColumns, type SyscallEvent, syscallTable, withoutCapturedData,
} from './index.js';

const table = syscallTable('x86_64')!;
const info = (name: string) => table.byName.get(name)!;
const { ELEMENT, AT_EXIT } = CaptureFlag;
const cap = (arg: number, flags: number = AT_EXIT, element = 0): CaptureRef => ({ arg, flags, element });

test('data: read/write/send/recv buffers, iovec and msghdr buffers, random bytes, option values', () => {
  assert.equal(isCapturedData(info('read'), cap(1)), true);
  assert.equal(isCapturedData(info('write'), cap(1, 0)), true);
  assert.equal(isCapturedData(info('sendto'), cap(1, 0)), true);
  assert.equal(isCapturedData(info('recvfrom'), cap(1)), true);
  assert.equal(isCapturedData(info('getrandom'), cap(0)), true);
  assert.equal(isCapturedData(info('setsockopt'), cap(3, 0)), true);
  assert.equal(isCapturedData(info('fsetxattr'), cap(2, 0)), true);
  // writev: element 0 without ELEMENT is the iovec array; ELEMENT captures are the buffers.
  assert.equal(isCapturedData(info('writev'), cap(1, 0, 0)), false);
  assert.equal(isCapturedData(info('writev'), cap(1, ELEMENT, 0)), true);
  assert.equal(isCapturedData(info('readv'), cap(1, AT_EXIT | ELEMENT, 3)), true);
  // sendmsg: the msghdr, its name, control messages and iovec array stay; its iovec buffers are data.
  assert.equal(isCapturedData(info('sendmsg'), cap(1, 0, 0)), false);
  assert.equal(isCapturedData(info('recvmsg'), cap(1, AT_EXIT | ELEMENT, MsghdrElement.NAME)), false);
  assert.equal(isCapturedData(info('recvmsg'), cap(1, AT_EXIT | ELEMENT, MsghdrElement.CONTROL)), false);
  assert.equal(isCapturedData(info('sendmsg'), cap(1, ELEMENT, MsghdrElement.IOV)), false);
  assert.equal(isCapturedData(info('sendmsg'), cap(1, ELEMENT, 0)), true);
  assert.equal(isCapturedData(info('recvmsg'), cap(1, AT_EXIT | ELEMENT, 7)), true);
});

test('not data: strings, structs, argv, counts, socket addresses, paths the kernel returns', () => {
  assert.equal(isCapturedData(info('openat'), cap(1, 0)), false);
  assert.equal(isCapturedData(info('fstat'), cap(1)), false);
  assert.equal(isCapturedData(info('execve'), cap(1, ELEMENT, 2)), false);
  assert.equal(isCapturedData(info('execve'), cap(2, 0)), false, 'envp: a count only');
  assert.equal(isCapturedData(info('connect'), cap(1, 0)), false);
  assert.equal(isCapturedData(info('accept4'), cap(1)), false);
  assert.equal(isCapturedData(info('recvfrom'), cap(4)), false);
  assert.equal(isCapturedData(info('getcwd'), cap(0)), false);
  assert.equal(isCapturedData(info('readlinkat'), cap(2)), false);
  assert.equal(isCapturedData(info('getdents64'), cap(1)), false);
  // What the table does not describe is not kept.
  assert.equal(isCapturedData(undefined, cap(0)), true);
  assert.equal(isCapturedData(info('close'), cap(0)), true);
});

test('every buffer of the table is data or marked +meta; the spec predicate says the same as the capture predicate', () => {
  for (const s of table.byNr.values()) {
    for (const spec of s.capture) {
      const whole = isCapturedData(s, cap(spec.arg, 0, 0));
      const element = isCapturedData(s, cap(spec.arg, ELEMENT, 0));
      assert.equal(captureSpecHoldsData(spec), whole || element, `${s.name} arg ${spec.arg}`);
      if (spec.meta) assert.equal(spec.kind, 'buffer', `${s.name}: +meta on a ${spec.kind}`);
    }
  }
});

test('batchWithoutCapturedData keeps exactly the captures withoutCapturedData keeps, bytes included', () => {
  const nr = (name: string) => info(name).nr;
  const text = (s: string) => new TextEncoder().encode(s);
  const b = new BatchBuilder();
  b.addSyscall(1, 1, nr('openat'), 10, 20, 3, -100, 0x1000, 0, 0, 0, 0, 0);
  b.addCapture(1, 0, 0, text('/etc/secret'));
  b.addSyscall(1, 1, nr('read'), 30, 40, 6, 3, 0x2000, 64, 0, 0, 0, 0);
  b.addCapture(1, AT_EXIT, 0, text('hunter'));
  b.addSyscall(1, 1, nr('writev'), 50, 60, 6, 1, 0x3000, 2, 0, 0, 0, 0);
  b.addCapture(1, 0, 0, new Uint8Array(32));
  b.addCapture(1, ELEMENT, 0, text('hun'));
  b.addCapture(1, ELEMENT, 1, text('ter'));
  b.addSyscall(1, 1, nr('close'), 70, 80, 0, 3, 0, 0, 0, 0, 0, 0);
  b.addSyscall(1, 1, nr('connect'), 90, 95, 0, 4, 0x4000, 16, 0, 0, 0, 0);
  b.addCapture(1, 0, 0, Uint8Array.of(2, 0, 0, 80, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0));
  const cols = decodeBatch(pb.Batch.encode(pb.Record.decodeDelimited(b.encode()).batch!).finish());
  const filtered = batchWithoutCapturedData(cols, table);
  const fromBatch = [...batchEvents(filtered)] as SyscallEvent[];
  const fromEvents = ([...batchEvents(cols)] as SyscallEvent[]).map((e) => withoutCapturedData(e, table));
  const plain = (evs: SyscallEvent[]) => evs.map((e) => ({ ...e, captures: e.captures.map((c) => ({ ...c, data: Buffer.from(c.data).toString('latin1') })) }));
  assert.deepEqual(plain(fromBatch), plain(fromEvents));
  assert.deepEqual(fromBatch.map((e) => e.captures.length), [1, 0, 1, 0, 1]);
  assert.equal(Buffer.from(filtered.capData).includes('hun'), false);
  assert.equal(Buffer.from(filtered.capData).includes('/etc/secret'), true);
  assert.equal(filtered.scNr, cols.scNr, 'the other columns are shared');
  // No data: the same object back.
  const onlyPaths = batchWithoutCapturedData(filtered, table);
  assert.equal(onlyPaths, filtered);
});

test('on a recorded trace: nothing but data goes, and nothing that is data stays', async () => {
  const file = new URL('../../../fixtures/traces/echo.pb', import.meta.url);
  let before = 0;
  let after = 0;
  let data = 0;
  for await (const rec of readTraceColumns(readFileSync(file))) {
    if (rec.kind !== 'batch') continue;
    const f = batchWithoutCapturedData(rec.batch, table);
    for (const ev of batchEvents(rec.batch)) if (ev.type === 'syscall') {
      before += ev.captures.length;
      data += ev.captures.filter((c) => isCapturedData(table.byNr.get(ev.nr), c)).length;
    }
    for (const ev of batchEvents(f)) if (ev.type === 'syscall') {
      after += ev.captures.length;
      assert.ok(ev.captures.every((c) => !isCapturedData(table.byNr.get(ev.nr), c)));
    }
  }
  assert.ok(data > 0, 'the trace has captured data');
  assert.equal(after, before - data);
});
