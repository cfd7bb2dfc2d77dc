// Parses the raw records of the ring buffer (bpf/beetrace.h) into a BatchBuilder.
// Offsets come from the addon (offsetof on the shared header), never hard-coded.
import { BatchBuilder } from '@beetrace/format';
import type { Layout } from './native.js';

interface EntryCaptures {
  readonly nr: number;
  readonly captures: { arg: number; flags: number; element: number; data: Uint8Array }[];
}

export interface RecordCounts {
  syscalls: number;
  processEvents: number;
  unfinished: number;
}

/** Observes the process tree as records go by: which thread groups are alive. */
export interface ProcessTracker {
  onFork(pid: number, parentPid: number, thread: boolean): void;
  onExit(pid: number, groupDead: boolean): void;
}

const TWO32 = 4294967296;

export class RawRecordParser {
  private readonly L: Layout;
  /** Captures taken at entry (execve), waiting for the call's exit record. */
  private readonly entries = new Map<number, EntryCaptures>();
  readonly counts: RecordCounts = { syscalls: 0, processEvents: 0, unfinished: 0 };
  private readonly text = new TextDecoder();

  constructor(layout: Layout, private readonly builder: BatchBuilder, private readonly tracker: ProcessTracker) {
    this.L = layout;
  }

  /** Adds every record of `chunk` to the batch builder. */
  parse(chunk: Uint8Array): void {
    const L = this.L;
    const dv = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const u64 = (o: number): number => dv.getUint32(o, true) + dv.getUint32(o + 4, true) * TWO32;
    // Signed 64-bit: a number when exact (below 2^53 in magnitude, nearly always), else a bigint.
    const s64 = (o: number): number | bigint => {
      const hi = dv.getInt32(o + 4, true);
      return hi >= -0x200000 && hi < 0x200000 ? dv.getUint32(o, true) + hi * TWO32 : dv.getBigInt64(o, true);
    };
    const scSize = L['sc_size']!, capSize = L['cap_size']!, argsOff = L['sc_args']!;
    let off = 0;
    while (off + 8 <= chunk.length) {
      const type = dv.getUint32(off, true);
      const size = dv.getUint32(off + 4, true);
      if (size < 8 || off + size > chunk.length) break; // cannot happen with an intact ring buffer
      if (type === L['REC_SYSCALL'] || type === L['REC_SYSCALL_ENTRY']) {
        const tid = dv.getUint32(off + L['sc_tid']!, true);
        const nr = dv.getUint32(off + L['sc_nr']!, true);
        const ncap = dv.getUint16(off + L['sc_ncaptures']!, true);
        const flags = dv.getUint16(off + L['sc_flags']!, true);
        const captures: EntryCaptures['captures'] = [];
        let c = off + scSize;
        for (let i = 0; i < ncap && c + capSize <= off + size; i++) {
          const info = dv.getUint32(c + L['cap_info']!, true);
          const len = dv.getUint32(c + L['cap_len']!, true);
          captures.push({ arg: info & 0xff, flags: (info >>> 8) & 0xff, element: info >>> 16, data: chunk.subarray(c + capSize, c + capSize + len) });
          c += (capSize + len + 7) & ~7;
        }
        if (type === L['REC_SYSCALL_ENTRY']) {
          this.entries.set(tid, { nr, captures: captures.map((x) => ({ ...x, data: x.data.slice() })) });
        } else {
          const a = off + argsOff;
          this.builder.addSyscall(
            dv.getUint32(off + L['sc_pid']!, true), tid, nr,
            u64(off + L['sc_enter_ns']!), u64(off + L['sc_exit_ns']!), s64(off + L['sc_ret']!),
            s64(a), s64(a + 8), s64(a + 16), s64(a + 24), s64(a + 32), s64(a + 40), flags);
          const entry = this.entries.get(tid);
          if (entry) {
            this.entries.delete(tid);
            if (entry.nr === nr) for (const x of entry.captures) this.builder.addCapture(x.arg, x.flags, x.element, x.data);
          }
          for (const x of captures) this.builder.addCapture(x.arg, x.flags, x.element, x.data);
          this.counts.syscalls++;
          if (flags & 1) this.counts.unfinished++;
        }
      } else {
        this.parseProcess(dv, chunk, off, type);
      }
      off += size;
    }
  }

  private parseProcess(dv: DataView, chunk: Uint8Array, off: number, type: number): void {
    const L = this.L;
    const pid = dv.getUint32(off + L['pr_pid']!, true);
    const tid = dv.getUint32(off + L['pr_tid']!, true);
    const tsNs = dv.getUint32(off + L['pr_ns']!, true) + dv.getUint32(off + L['pr_ns']! + 4, true) * TWO32;
    const dataLen = dv.getUint16(off + L['pr_data_len']!, true);
    const data = chunk.subarray(off + L['pr_size']!, off + L['pr_size']! + dataLen);
    if (type === L['REC_FORK']) {
      const parentPid = dv.getUint32(off + L['pr_parent_pid']!, true);
      const thread = dv.getUint8(off + L['pr_thread']!) !== 0;
      this.builder.addProcessEvent('fork', { tsNs, pid, tid, parentPid, parentTid: dv.getUint32(off + L['pr_parent_tid']!, true), thread });
      this.tracker.onFork(pid, parentPid, thread);
    } else if (type === L['REC_EXEC']) {
      const oldTid = dv.getUint32(off + L['pr_old_tid']!, true);
      // A non-leader thread that exec'd now has the leader's tid: its entry captures follow it.
      const pending = this.entries.get(oldTid);
      if (oldTid !== tid && pending) {
        this.entries.delete(oldTid);
        this.entries.set(tid, pending);
      }
      this.builder.addProcessEvent('exec', { tsNs, pid, tid, oldTid, filename: this.text.decode(data) });
    } else if (type === L['REC_EXIT']) {
      const groupDead = dv.getUint8(off + L['pr_group_dead']!) !== 0;
      this.builder.addProcessEvent('exit', { tsNs, pid, tid, exitCode: dv.getInt32(off + L['pr_exit_code']!, true), groupDead });
      this.tracker.onExit(pid, groupDead);
    } else if (type === L['REC_SIGNAL']) {
      const ignored = dv.getUint32(off + L['pr_ignored']!, true) !== 0;
      this.builder.addProcessEvent('signal', { tsNs, pid, tid, signo: dv.getUint32(off + L['pr_signo']!, true), siginfo: data.slice(), ...(ignored ? { ignored } : {}) });
    } else {
      return;
    }
    this.counts.processEvents++;
  }
}
