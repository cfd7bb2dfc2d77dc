// The reader on a real recorded trace (fixtures/traces) and on damaged copies of it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchEvents, BatchBuilder, encodeHeader, encodeTrailer, FORMAT_VERSION, pb, readTrace, readTrailer, syscallTable, type TraceRecord } from './index.js';

const trace = readFileSync(new URL('../../../fixtures/traces/echo.pb', import.meta.url));

async function all(source: Uint8Array): Promise<TraceRecord[]> {
  const out: TraceRecord[] = [];
  for await (const r of readTrace(source)) out.push(r);
  return out;
}

test('a recorded trace reads back complete: header, batches, trailer', async () => {
  const recs = await all(trace);
  assert.equal(recs[0]!.kind, 'header');
  const end = recs[recs.length - 1]!;
  assert.deepEqual(end, { kind: 'end', complete: true, bytes: trace.length });
  const header = recs[0]!.kind === 'header' ? recs[0]!.header : undefined;
  // Recorded by format version 1 (absolute thread and process ids): still read.
  assert.equal(header!.formatVersion, 1);
  assert.deepEqual(header!.argv, ['/bin/echo', 'beetrace']);
  const table = syscallTable(header!.syscallAbi!)!;
  const names: string[] = [];
  let written = '';
  for (const r of recs) {
    if (r.kind !== 'batch') continue;
    for (const ev of batchEvents(r.batch)) {
      if (ev.type !== 'syscall') continue;
      const name = table.byNr.get(ev.nr)!.name;
      names.push(name);
      if (name === 'write') written += Buffer.from(ev.captures[0]!.data).toString();
    }
  }
  assert.equal(names[0], 'execve');
  assert.equal(names[names.length - 1], 'exit_group');
  assert.equal(written, 'beetrace\n');
  const trailer = recs.find((r) => r.kind === 'trailer');
  assert.equal(trailer?.kind === 'trailer' && Number(trailer.trailer.syscalls), names.length);
});

test('cut anywhere: everything before the cut, then TRUNCATED or NO_TRAILER, never a throw', async () => {
  const full = await all(trace);
  const batchOffsets = full.flatMap((r) => (r.kind === 'batch' ? [r.offset] : []));
  for (let cut = 1; cut < trace.length; cut++) {
    const recs = await all(trace.subarray(0, cut));
    const end = recs[recs.length - 1]!;
    assert.equal(end.kind, 'end');
    if (end.kind !== 'end') continue;
    assert.equal(end.complete, false, `cut at ${cut}`);
    const batches = recs.filter((r) => r.kind === 'batch').length;
    assert.equal(batches, batchOffsets.filter((o, i) => (batchOffsets[i + 1] ?? full.find((r) => r.kind === 'trailer')!.offset) <= cut && o < cut).length, `cut at ${cut}`);
    assert.ok(['TRUNCATED', 'NO_TRAILER', 'NOT_A_TRACE'].includes(end.problem!.code), `cut at ${cut}: ${end.problem!.code}`);
  }
});

test('not a trace, a newer format version, corrupt data and data after the trailer are each named', async () => {
  const endOf = async (b: Uint8Array) => {
    const recs = await all(b);
    const e = recs[recs.length - 1]!;
    return e.kind === 'end' ? e.problem?.code : undefined;
  };
  assert.equal(await endOf(Buffer.from('#!/bin/sh\necho hello\n')), 'NOT_A_TRACE');
  assert.equal(await endOf(new Uint8Array(0)), 'NOT_A_TRACE');
  const newer = pb.Record.encodeDelimited({ header: { magic: 'beetrace-trace', formatVersion: FORMAT_VERSION + 1 } }).finish();
  assert.equal(FORMAT_VERSION, 2);
  assert.equal(await endOf(newer), 'NEWER_VERSION');
  // Versions 1 (absolute ids) and 2 (sc_tid_delta, sc_tid_minus_pid) are read.
  for (const formatVersion of [1, 2]) {
    const header = pb.Record.encodeDelimited({ header: { magic: 'beetrace-trace', formatVersion } }).finish();
    assert.equal(await endOf(Buffer.concat([header, encodeTrailer({})])), undefined, `version ${formatVersion}`);
  }
  const b = new BatchBuilder();
  b.addSyscall(1, 1, 0, 10, 20, 0, 0, 0, 0, 0, 0, 0, 0);
  const batch = b.encode();
  const garbage = Uint8Array.from(batch);
  garbage.fill(0xff, 1);
  assert.equal(await endOf(Buffer.concat([encodeHeader({}), garbage])), 'CORRUPT');
  assert.equal(await endOf(Buffer.concat([encodeHeader({}), encodeTrailer({}), b.encode()])), 'CORRUPT');
  assert.equal(await endOf(Buffer.concat([encodeHeader({}), batch])), 'NO_TRAILER');
});

test('record lengths that cannot be: more than ten varint bytes, 2^32 or more, over the limit', async () => {
  const problem = async (length: number[]) => {
    const recs = await all(Buffer.concat([encodeHeader({}), Uint8Array.from(length), new Uint8Array(64)]));
    const e = recs[recs.length - 1]!;
    return e.kind === 'end' ? [e.problem?.code, e.problem?.offset, e.problem?.message] : [];
  };
  const at = encodeHeader({}).length;
  assert.deepEqual(await problem([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]),
    ['CORRUPT', at, 'record length is a varint of more than 10 bytes']);
  assert.deepEqual(await problem([0x80, 0x80, 0x80, 0x80, 0x10]), ['CORRUPT', at, 'record length of 2^32 bytes or more is not plausible']);
  assert.deepEqual(await problem([0x80, 0x80, 0x80, 0x80, 0x02]), ['CORRUPT', at, 'record length 536870912 is not plausible']);
  // A length that runs past the end of the file: cut off inside a record.
  assert.deepEqual(await problem([0x80, 0x01]), ['TRUNCATED', at, 'cut off inside a record (66 bytes of it present)']);
});

test('readTrailer reads the trailer through the framing alone; none when the file does not end with one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bt-trailer-'));
  try {
    const file = (name: string, bytes: Uint8Array): string => {
      const p = join(dir, name);
      writeFileSync(p, bytes);
      return p;
    };
    const recs = await all(trace);
    const want = recs.find((r) => r.kind === 'trailer');
    assert.ok(want?.kind === 'trailer');
    assert.deepEqual(await readTrailer(file('whole.pb', trace)), want.trailer);
    const trailerAt = want.offset;
    for (const cut of [1, 2, trailerAt - 1, trailerAt, trailerAt + 1, trace.length - 1]) {
      assert.equal(await readTrailer(file('cut.pb', trace.subarray(0, cut))), undefined, `cut at ${cut}`);
    }
    assert.equal(await readTrailer(file('empty.pb', new Uint8Array(0))), undefined);
    assert.equal(await readTrailer(file('text.pb', Buffer.from('#!/bin/sh\necho hello\n'))), undefined);
    assert.equal(await readTrailer(file('garbage.pb', new Uint8Array(40).fill(0xff))), undefined);
    assert.equal(await readTrailer(dir), undefined);
    assert.equal(await readTrailer(join(dir, 'missing.pb')), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('BatchBuilder round trip: columns, captures and process events in delivery order', async () => {
  const b = new BatchBuilder();
  b.addSyscall(7, 8, 257, 1_000, 1_500, 3, -100, 0x7ffd_1234_5678, 0x80000, 0, 0, 0, 0);
  b.addCapture(1, 4, 0, Buffer.from('/etc/passwd'));
  b.addProcessEvent('exit', { tsNs: 2_000, pid: 7, tid: 8, exitCode: 256, groupDead: true });
  b.addSyscall(7, 9, 60, 900, 900, 0, 1, 0, 0, 0, 0, 0, 1);
  const recs = await all(Buffer.concat([encodeHeader({}), b.encode(), encodeTrailer({})]));
  const batch = recs.find((r) => r.kind === 'batch');
  const evs = batch?.kind === 'batch' ? [...batchEvents(batch.batch)] : [];
  assert.deepEqual(evs.map((e) => e.type), ['syscall', 'exit', 'syscall']);
  const [open, exit, last] = evs;
  assert.ok(open?.type === 'syscall' && exit?.type === 'exit' && last?.type === 'syscall');
  assert.deepEqual([open.enterNs, open.exitNs, open.ret, open.args[0], open.args[1], open.args[2]], [1_000, 1_500, 3, -100, 0x7ffd_1234_5678, 0x80000]);
  assert.equal(Buffer.from(open.captures[0]!.data).toString(), '/etc/passwd');
  assert.equal(open.captures[0]!.flags, 4);
  assert.deepEqual([exit.exitCode, exit.groupDead, exit.ns], [256, true, 2_000]);
  assert.deepEqual([last.tid, last.nr, last.flags, last.enterNs], [9, 60, 1, 900]);
});
