// The hand-written header and trailer encoders against protobufjs, the reference.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pb } from './proto.js';
import { encodeHeader, encodeTrailer, FORMAT_VERSION, TRACE_MAGIC } from './writer.js';

const reference = (rec: object): Buffer => Buffer.from(pb.Record.encodeDelimited(rec).finish());

test('encodeHeader writes what protobufjs writes, byte for byte', () => {
  const full = {
    recorderVersion: '0.1.0', kernelRelease: '6.18.0-beetrace', arch: 'x86_64', hostname: 'hôte-ünïcode',
    monotonicNs: 123_456_789_012_345, realtimeNs: 1_795_658_696_322_171_000, argv: ['sh', '-c', 'ls | wc -l', ''],
    cwd: '/work/ü', rootPid: 4_000_000, attached: false,
    capture: { stringMax: 4096, bufferMax: 0, buffers: true, ringBytes: 1 << 30 }, syscallAbi: 'x86_64',
  };
  const snapshot = {
    ...full, attached: true, completeFromNs: 2 ** 50, droppedRecords: 12_345, droppedFromNs: 2 ** 49, sequence: 3,
    processes: [
      { pid: 4242, ppid: 1, nsPids: [4242, 1], pidnsInode: 4026532000, exe: '/usr/bin/sleep', argv: ['sleep', '', '10'], cwd: '/tmp',
        fds: [{ fd: 0, target: '/dev/null', flags: 0o100000 }, { fd: 3, target: 'socket:[1234]', flags: 0o2000002 }, { fd: 4 }], tids: [4242, 4243], nsTids: [1, 2] },
      { pid: 7 },
    ],
  };
  const cases = [full, snapshot, {}, { argv: [] }, { capture: {} }, { attached: true, rootPid: 0 }];
  for (const h of cases) {
    assert.deepEqual(Buffer.from(encodeHeader(h)), reference({ header: { ...h, magic: TRACE_MAGIC, formatVersion: FORMAT_VERSION } }), JSON.stringify(h));
  }
});

test('encodeTrailer writes what protobufjs writes, byte for byte', () => {
  const full = {
    syscalls: 1_000_123, processEvents: 0, processes: 201, lostPerCpu: [0, 17, 2 ** 40], programExited: true,
    exitCode: -1, termSignal: 9, endMonotonicNs: 2 ** 52 + 1, endRealtimeNs: 1_795_658_700_494_467_000, unfinished: 3,
    bytes: 8_388_608, stopReason: 'signal', coreDumped: true,
  };
  const cases = [full, {}, { lostPerCpu: [] }, { exitCode: 0, programExited: false }, { exitCode: 2 ** 31 - 1 }];
  for (const t of cases) assert.deepEqual(Buffer.from(encodeTrailer(t)), reference({ trailer: t }), JSON.stringify(t));
});
