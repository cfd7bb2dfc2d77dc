// What bt-report shows, gathered in the one timeline walk: the per-syscall
// table (bt-show -c's Summary), latency histograms, files by bytes, network
// addresses, failures, and the timeline's lanes. Which file a call moved data
// through, the address it named and the path it failed on come from the trace
// model (fdAt, peer, resolved) and the syscall table (effect, roles). A run too big to draw call by
// call keeps the slowest and the failed calls one by one and the rest as
// per-thread time buckets, and the report says so.
import type { Header, SyscallTable, Trailer } from '@beetrace/format';
import type { OpenFile } from '../decode/model.js';
import { syscallTable } from '@beetrace/format';
import { Summary } from '../show/summary.js';
import { mainClass, MAIN_CLASSES } from '../export/classes.js';
import type { Instant, ProcessInfo, Slice, ThreadInfo, TimelineSink } from '../export/timeline.js';

/** Calls drawn one by one at most (beyond: the slowest), and failed calls kept besides. */
export const KEEP_CALLS = 150_000;
export const KEEP_FAILED = 20_000;
/** Characters of call text (the hover line) kept in all, and per call. */
export const LINE_BUDGET = 8_000_000;
export const LINE_MAX = 200;
/** Time buckets per lane at most, and in all. */
const BUCKETS_PER_LANE = 2048;
const BUCKETS_TOTAL = 150_000;
/** Latency histograms: log2 buckets of ns. */
export const HIST_BINS = 40;

const FAILED = 1;
const UNFINISHED = 2;

/** A call kept for drawing. */
interface Kept {
  lane: number;
  begin: number;
  dur: number;
  name: number;
  flags: number;
  line: string;
}

/** A min-heap of kept calls by duration: the shortest goes when a longer one comes. */
class SlowestHeap {
  readonly items: Kept[] = [];
  constructor(private readonly cap: number) {}
  get full(): boolean {
    return this.items.length >= this.cap;
  }
  /** The shortest duration kept (when full). */
  get min(): number {
    return this.items[0]!.dur;
  }
  push(k: Kept): void {
    const a = this.items;
    if (a.length < this.cap) {
      a.push(k);
      let i = a.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (a[p]!.dur <= a[i]!.dur) break;
        [a[p], a[i]] = [a[i]!, a[p]!];
        i = p;
      }
      return;
    }
    a[0] = k;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && a[l]!.dur < a[m]!.dur) m = l;
      if (r < a.length && a[r]!.dur < a[m]!.dur) m = r;
      if (m === i) break;
      [a[m], a[i]] = [a[i]!, a[m]!];
      i = m;
    }
  }
}

export interface Lane {
  readonly thread: ThreadInfo;
  calls: number;
  failed: number;
  busyNs: number;
  /** Sparse time buckets: index -> [calls, busy ns, failed, per-class counts...]. */
  buckets: Map<number, number[]>;
}

export interface FileRow { path: string; read: number; written: number; calls: number }
export interface PeerRow { address: string; calls: Map<string, number>; failed: number }
export interface FailureRow { errno: string; path: string; count: number; syscalls: Map<string, number> }

/** A file as the report names it: its path (as -y), a socket by its addresses, a pipe or socket by its number in the trace. */
export function fileName(f: OpenFile): string {
  if (f.kind === 'socket') return `socket ${f.peer ?? f.local ?? `#${f.id}`}`;
  if (f.kind === 'pipe') return `pipe #${f.id} (${f.pipeEnd ?? '?'} end)`;
  return f.text ?? `#${f.id}`;
}

export class ReportCollector implements TimelineSink {
  traceHeader: Header | undefined;
  traceTrailer: Trailer | undefined;
  table: SyscallTable | undefined;
  readonly summary = new Summary();
  readonly hist = new Map<string, Float64Array>();
  readonly files = new Map<string, FileRow>();
  readonly peers = new Map<string, PeerRow>();
  readonly failures = new Map<string, FailureRow>();
  readonly lanes: Lane[] = [];
  private readonly laneOf = new Map<ThreadInfo, number>();
  readonly names: string[] = [];
  private readonly nameIdx = new Map<string, number>();
  private readonly slowest = new SlowestHeap(KEEP_CALLS);
  readonly failedKept: Kept[] = [];
  calls = 0;
  signals = 0;
  /** Where time 0 of the timeline is (ns). */
  t0 = -1;
  bucketNs = 1000;
  private bucketCount = 0;
  private readonly fdArgs: number[] = [];

  header(h: Header): void {
    this.traceHeader = h;
    this.table = syscallTable(h.syscallAbi || 'x86_64');
  }

  process(_p: ProcessInfo): void {}

  thread(t: ThreadInfo, renamed: boolean): void {
    if (renamed || this.laneOf.has(t)) return;
    this.laneOf.set(t, this.lanes.length);
    this.lanes.push({ thread: t, calls: 0, failed: 0, busyNs: 0, buckets: new Map() });
  }

  trailer(t: Trailer): void {
    this.traceTrailer = t;
  }

  private nameId(name: string): number {
    let i = this.nameIdx.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(name);
      this.nameIdx.set(name, i);
    }
    return i;
  }

  /** Per syscall number: its first fd argument (the table's roles column), or -1. */
  private fdArg(c: Slice['call']): number {
    let a = this.fdArgs[c.nr];
    if (a === undefined) {
      a = c.info?.roles.findIndex((r) => r?.role === 'fd') ?? -1;
      if (c.nr >= 0 && c.nr < 4096) this.fdArgs[c.nr] = a;
    }
    return a;
  }

  slice(s: Slice): void {
    const c = s.call;
    this.calls++;
    this.summary.add(c);
    const dur = Math.max(0, s.endNs - s.beginNs);
    if (!c.unfinished) {
      let h = this.hist.get(c.name);
      if (!h) this.hist.set(c.name, (h = new Float64Array(HIST_BINS)));
      h[Math.min(HIST_BINS - 1, dur < 1 ? 0 : Math.floor(Math.log2(dur)))]!++;
    }
    if (this.t0 < 0) this.t0 = s.beginNs;
    const laneNo = this.laneOf.get(s.thread) ?? (this.thread(s.thread, false), this.laneOf.get(s.thread)!);
    const lane = this.lanes[laneNo]!;
    lane.calls++;
    lane.busyNs += dur;
    if (c.failed) lane.failed++;
    this.bucket(lane, s.beginNs - this.t0, dur, c.failed, MAIN_CLASSES.indexOf(mainClass(c.classes)));

    // One by one: every failed call (up to a cap) and the slowest of the rest.
    const flags = (c.failed ? FAILED : 0) | (c.unfinished ? UNFINISHED : 0);
    if (c.failed && this.failedKept.length < KEEP_FAILED) {
      this.failedKept.push({ lane: laneNo, begin: s.beginNs, dur, name: this.nameId(c.name), flags, line: cut(s.call.line) });
    } else if (!this.slowest.full || dur > this.slowest.min) {
      this.slowest.push({ lane: laneNo, begin: s.beginNs, dur, name: this.nameId(c.name), flags, line: cut(s.call.line) });
    }

    // Data moved through an fd: the table's effect column says which calls, the trace model which file.
    const fdArg = this.fdArg(c);
    const fd = fdArg >= 0 ? c.fdAt[fdArg] : undefined;
    const effect = c.info?.effect;
    if ((effect === 'read' || effect === 'write') && fdArg >= 0 && !c.failed && !c.unfinished && c.ret > 0) {
      const path = fd ? fileName(fd.file) : `fd ${c.args[fdArg]} (opened before the recording)`;
      let f = this.files.get(path);
      if (!f) this.files.set(path, (f = { path, read: 0, written: 0, calls: 0 }));
      f.calls++;
      if (effect === 'write') f.written += c.ret;
      else f.read += c.ret;
    }
    // The address a call names (connect, sendto, bind...), else a connected socket's peer for its data.
    const addr = c.peer ?? (fd?.file.kind === 'socket' && (effect === 'read' || effect === 'write') ? fd.file.peer : undefined);
    if (addr !== undefined) {
      let p = this.peers.get(addr);
      if (!p) this.peers.set(addr, (p = { address: addr, calls: new Map(), failed: 0 }));
      p.calls.set(c.name, (p.calls.get(c.name) ?? 0) + 1);
      if (c.failed) p.failed++;
    }
    if (c.failed && c.errno !== undefined) {
      const path = c.resolved.find((x) => x !== undefined) ?? c.paths.find((x) => x !== undefined) ?? (fd ? fileName(fd.file) : '');
      const key = `${c.errno}\0${path}`;
      let f = this.failures.get(key);
      if (!f) this.failures.set(key, (f = { errno: c.errno, path, count: 0, syscalls: new Map() }));
      f.count++;
      f.syscalls.set(c.name, (f.syscalls.get(c.name) ?? 0) + 1);
    }
  }

  instant(i: Instant): void {
    if (i.kind === 'signal') this.signals++;
  }

  private bucket(lane: Lane, at: number, dur: number, failed: boolean, cls: number): void {
    let idx = Math.floor(Math.max(0, at) / this.bucketNs);
    while (idx >= BUCKETS_PER_LANE || (this.bucketCount >= BUCKETS_TOTAL && !lane.buckets.has(idx))) {
      this.coarsen();
      idx = Math.floor(Math.max(0, at) / this.bucketNs);
    }
    let b = lane.buckets.get(idx);
    if (!b) {
      lane.buckets.set(idx, (b = new Array<number>(3 + MAIN_CLASSES.length).fill(0)));
      this.bucketCount++;
    }
    b[0]!++;
    b[1]! += dur;
    if (failed) b[2]!++;
    b[3 + cls]!++;
  }

  /** Doubles the bucket width: pairs of buckets merge. */
  private coarsen(): void {
    this.bucketNs *= 2;
    this.bucketCount = 0;
    for (const lane of this.lanes) {
      const next = new Map<number, number[]>();
      for (const [i, b] of lane.buckets) {
        const j = i >> 1;
        const into = next.get(j);
        if (into) for (let k = 0; k < b.length; k++) into[k]! += b[k]!;
        else next.set(j, b);
      }
      lane.buckets = next;
      this.bucketCount += next.size;
    }
  }

  /** The calls kept for drawing: the failed ones and the slowest others (all of them when the run is small enough). */
  kept(): Kept[] {
    return [...this.failedKept, ...this.slowest.items];
  }

  /** True when some calls are drawn only as buckets. */
  get aggregated(): boolean {
    return this.calls > this.failedKept.length + this.slowest.items.length;
  }
}

function cut(line: string): string {
  return line.length > LINE_MAX ? line.slice(0, LINE_MAX) + '...' : line;
}
