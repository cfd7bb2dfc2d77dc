// Synthetic traces for the unit tests and for checking the ingest before real
// recordings exist: written with the format package's own encoder (encodeHeader,
// BatchBuilder, encodeTrailer), so they are byte-for-byte what a reader sees.
import { openSync, writeSync, closeSync } from 'node:fs';
import { BatchBuilder, CaptureFlag, encodeHeader, encodeTrailer, syscallTable, type Header, type Trailer } from '@beetrace/format';

const table = syscallTable('x86_64')!;
export const NR = (name: string): number => {
  const s = table.byName.get(name);
  if (!s) throw new Error(`no syscall ${name}`);
  return s.nr;
};

export const MONO0 = 1_000_000_000;
export const REALTIME0 = 1_700_000_000_000_000_000;

export function header(over: Partial<Header> = {}): Header {
  return {
    magic: '', formatVersion: 0, recorderVersion: '0.1.0-test', kernelRelease: '6.1.0-test', arch: 'x86_64', hostname: 'testhost',
    monotonicNs: MONO0, realtimeNs: REALTIME0, argv: ['/bin/prog', 'arg'], cwd: '/home/u', rootPid: 100, attached: false,
    capture: { stringMax: 256, bufferMax: 64, buffers: true, ringBytes: 1 << 20 }, syscallAbi: 'x86_64', ...over,
  };
}

export function trailer(over: Partial<Trailer> = {}): Trailer {
  return { syscalls: 0, processEvents: 0, processes: 1, lostPerCpu: [0, 3], programExited: true, exitCode: 0, termSignal: 0,
    endMonotonicNs: MONO0 + 10_000_000_000, endRealtimeNs: 0, unfinished: 0, bytes: 0, stopReason: 'exited', coreDumped: false, ...over };
}

const enc = new TextEncoder();
export const str = (s: string): Uint8Array => enc.encode(s);

/** Writes a trace: header, the given encoded batches, and a trailer unless `trailer` is null. */
export function writeTrace(path: string, batches: readonly Uint8Array[], h: Header = header(), t: Trailer | null = trailer()): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, encodeHeader(h));
    for (const b of batches) writeSync(fd, b);
    if (t) writeSync(fd, encodeTrailer(t));
  } finally {
    closeSync(fd);
  }
}

/**
 * The syscall storm: `n` one-byte reads of /dev/zero by pid 100 after an openat,
 * in batches of 4096 as the recorder writes them. Returns the encoded batches.
 */
export function stormBatches(n: number, pid = 100, seed = 0): Uint8Array[] {
  const out: Uint8Array[] = [];
  const b = new BatchBuilder();
  let t = MONO0 + 1000 + seed;
  b.addSyscall(pid, pid, NR('openat'), t, t + 2000, 3, -100, 0x7ffd0000, 0, 0, 0, 0, 0);
  b.addCapture(1, 0, 0, str('/dev/zero'));
  t += 3000;
  const one = new Uint8Array([0]);
  for (let i = 0; i < n; i++) {
    if (b.syscalls === 4096) out.push(b.encode());
    b.addSyscall(pid, pid, NR('read'), t, t + 250 + (i % 7), 1, 3, 0x7ffd1000, 1, 0, 0, 0, 0);
    b.addCapture(1, CaptureFlag.AT_EXIT, 0, one);
    t += 400;
  }
  b.addSyscall(pid, pid, NR('close'), t, t + 300, 0, 3, 0, 0, 0, 0, 0, 0);
  out.push(b.encode());
  return out;
}
