// The export's parts on a real recorded trace (fixtures/traces/echo.pb, from
// bt-record) and on exact values: the hand-written packet bytes against
// protobufjs's encoding of the same messages, the
// timeline walk, times in µs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { syscallTable } from '@beetrace/format';
import type { DecodedSyscall } from '../decode/decode.js';
import type { ProcessModel, ThreadModel } from '../decode/model.js';
import { micros } from './chrome.js';
import { exportTrace } from './export.js';
import type { Output } from './output.js';
import { perfetto } from './perfetto.js';
import { type Slice, walkTimeline } from './timeline.js';

const trace = readFileSync(new URL('../../../../fixtures/traces/echo.pb', import.meta.url));
const table = syscallTable('x86_64')!;

function memoryOutput(): Output & { bytes(): Buffer } {
  const parts: Buffer[] = [];
  return {
    write(d) { parts.push(Buffer.from(d)); },
    async close() {},
    bytes: () => Buffer.concat(parts),
  };
}

test('the timeline of a real trace: one slice per call, in time order per thread, the program named', async () => {
  // A Slice is valid only during the call: keep copies.
  const slices: (Pick<Slice, 'beginNs' | 'endNs' | 'argNames' | 'call'> & { line: string })[] = [];
  const names: string[] = [];
  const r = await walkTimeline(trace, {
    process: (p) => names.push(p.program), thread: () => {},
    slice: (s) => slices.push({ beginNs: s.beginNs, endNs: s.endNs, argNames: s.argNames, line: s.call.line, call: s.call }), instant: () => {},
  });
  assert.equal(r.complete, true);
  assert.equal(r.problem, undefined);
  assert.equal(slices.length, r.syscalls);
  assert.equal(slices.length, Number(r.trailer!.syscalls));
  assert.equal(r.processes.length, 1);
  assert.equal(r.processes[0]!.program, '/bin/echo');
  assert.deepEqual(r.processes[0]!.programs, ['/bin/echo']);
  assert.equal(r.processes[0]!.exit?.kind, 'exited');
  for (let i = 1; i < slices.length; i++) assert.ok(slices[i]!.beginNs >= slices[i - 1]!.endNs, 'one thread: calls one after another');
  const write = slices.find((s) => s.call.name === 'write')!;
  assert.deepEqual(write.argNames, ['fd', 'buf', 'count']);
  assert.equal(write.line, 'write(1, "beetrace\\n", 9) = 9');
  const exit = slices[slices.length - 1]!;
  assert.equal(exit.call.name, 'exit_group');
  assert.equal(exit.call.unfinished, true);
  assert.equal(exit.endNs, r.processes[0]!.endNs, 'the call that never returned ends with its thread');
});

test('perfetto: the hand-written packets decode with the protobufjs definitions to what was meant', async () => {
  const out = memoryOutput();
  const r = await exportTrace(trace, out, { format: 'perfetto' });
  const t = perfetto.Trace.decode(out.bytes());
  const begins = t.packet.filter((p) => p.trackEvent?.type === perfetto.TrackEvent.Type.TYPE_SLICE_BEGIN);
  assert.equal(begins.length, r.syscalls);
  const names = new Map<number, string>();
  const keys = new Map<number, string>();
  for (const p of t.packet) {
    for (const e of p.internedData?.eventNames ?? []) names.set(Number(e.iid), e.name!);
    for (const e of p.internedData?.debugAnnotationNames ?? []) keys.set(Number(e.iid), e.name!);
  }
  const write = begins.find((p) => names.get(Number(p.trackEvent!.nameIid)) === 'write')!;
  const ann = Object.fromEntries(write.trackEvent!.debugAnnotations!.map((a) => [keys.get(Number(a.nameIid)), a.stringValue]));
  assert.deepEqual(ann, { fd: '1', buf: '"beetrace\\n"', count: '9', ret: '9' });
  assert.equal(write.trustedPacketSequenceId, 1);
  assert.equal(write.sequenceFlags, 2, 'needs the interned state');
  assert.equal(write.trackEvent!.categoryIids!.length, 1);
  // Nothing unknown to the definitions, nothing left over: re-encoding gives as many bytes.
  const sizes = t.packet.reduce((n, p) => n + perfetto.TracePacket.encode(p).finish().length, 0);
  assert.ok(sizes <= out.bytes().length && sizes > out.bytes().length * 0.9);
});

test('perfetto: a body of 128 bytes or more gets a longer length, moved into place', async () => {
  const long = 'x'.repeat(300);
  const out = memoryOutput();
  const { PerfettoWriter } = await import('./perfetto.js');
  const w = new PerfettoWriter(out);
  const p = { uuid: 1, model: {} as ProcessModel, pid: 7, parent: undefined, program: '/bin/p', programs: ['/bin/p'], startNs: 5, endNs: undefined, exit: undefined, threads: 1, calls: 0, failed: 0 };
  const th = { uuid: 2, model: {} as ThreadModel, process: p, tid: 7, startNs: 5, endNs: undefined };
  w.process(p);
  w.thread(th);
  w.instant({ thread: th, kind: 'signal', ns: 2 ** 40 + 3, name: 'SIGUSR1', line: long, flowIn: 2 ** 33 + 1 });
  w.instant({ thread: th, kind: 'signal', ns: 2 ** 40 + 4, name: 'SIGUSR2', line: 'ünïcode ✓', flowIn: undefined });
  await w.finish();
  const t = perfetto.Trace.decode(out.bytes());
  assert.equal(t.packet[3]!.trackEvent!.debugAnnotations![0]!.stringValue, 'ünïcode ✓');
  const e = t.packet[2]!;
  assert.equal(Number(e.timestamp), 2 ** 40 + 3);
  assert.equal(e.trackEvent!.debugAnnotations![0]!.stringValue, long);
  assert.deepEqual(e.trackEvent!.terminatingFlowIds!.map(Number), [2 ** 33 + 1]);
  assert.equal(e.trackEvent!.type, perfetto.TrackEvent.Type.TYPE_INSTANT);
  assert.equal(Number(e.trackEvent!.trackUuid), 2);
});

test('chrome-json: valid JSON, µs to the ns', async () => {
  assert.equal(micros(1_234_567), '1234.567');
  assert.equal(micros(1_234_000), '1234');
  assert.equal(micros(1_234_500), '1234.5');
  assert.equal(micros(7), '0.007');
  const out = memoryOutput();
  const r = await exportTrace(trace, out, { format: 'chrome-json' });
  const doc = JSON.parse(out.bytes().toString()) as { traceEvents: { ph: string; name: string; args?: Record<string, unknown> }[] };
  assert.equal(doc.traceEvents.filter((e) => e.ph === 'X').length, r.syscalls);
  const write = doc.traceEvents.find((e) => e.ph === 'X' && e.name === 'write')!;
  assert.deepEqual(write.args, { fd: '1', buf: '"beetrace\\n"', count: '9', ret: '9' });
});

