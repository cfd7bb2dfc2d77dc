// Lays decoded events out as strace -f prints them: in time order, a call
// whose thread was overtaken by another thread's output split into
// `name(args <unfinished ...>` and `<... name resumed>rest) = ret`, the
// return value aligned at column 40, optional pid prefix and timestamps.
//
// Events arrive in exit order; strace prints a call at its entry. A bounded
// reorder window (in time and in count) restores entry order; a call longer
// than the window (a parent blocked in wait4) prints its entry late, which
// keeps every thread's own lines in order. Memory stays bounded.
import type { DecodedEvent, DecodedProcessEvent, DecodedSyscall } from '../decode/decode.js';
import type { ThreadModel } from '../decode/model.js';

export interface RenderOptions {
  /** -f: prefix lines with the thread id. */
  readonly pidPrefix: boolean;
  /** --pidns: a thread in a pid namespace of its own is prefixed with its tid there, then the host's ("1/4243"). */
  readonly pidns?: boolean;
  /** -t (1), -tt (2), -ttt (3). */
  readonly timestamps: 0 | 1 | 2 | 3;
  /** -r: time since the previous line. */
  readonly relative: boolean;
  /** -T: time spent in each call. */
  readonly syscallTimes: boolean;
  /** Wall clock = realtimeNs + (event ns - monotonicNs) (from the trace header). */
  readonly monotonicNs: number;
  readonly realtimeNs: number;
  /** Time zone offset for -t/-tt, minutes east of UTC (default: this machine's). */
  readonly tzOffsetMinutes?: number;
}

interface Item {
  time: number;
  seq: number;
  tid: number;
  kind: 'call' | 'resumed' | 'line';
  ev: DecodedSyscall | DecodedProcessEvent;
  /** For calls: split into unfinished + resumed. */
  split: boolean;
  /** For calls: the resumed item, once split. */
  resumed?: Item;
  printed?: boolean;
}

/**
 * Where every live thread of the trace stands: the latest time it is known to
 * have been outside a syscall. A thread's next event starts after that time,
 * so anything that ends before every other thread's time can print at once:
 * the reorder window is only needed while some thread is slow to report
 * (blocked in a call). Valid only when every thread's birth is in the trace
 * (not for attached recordings: use `undefined` for the clock then).
 */
export class ThreadClock {
  private last = new Map<number, number>();
  private dirty = true;
  private min1 = Number.POSITIVE_INFINITY;
  private min1Tid = -1;
  private min2 = Number.POSITIVE_INFINITY;

  /** Every decoded event, before any filter. */
  observe(ev: DecodedEvent): void {
    switch (ev.kind) {
      case 'syscall': this.advance(ev.tid, ev.exitNs); break;
      case 'signal': this.advance(ev.tid, ev.ns); break;
      case 'fork': if (!this.last.has(ev.tid)) this.advance(ev.tid, ev.ns); break;
      case 'exited': case 'killed': this.last.delete(ev.tid); this.dirty = true; break;
      default: break; // exec: recorded while its execve is still in flight
    }
  }

  private advance(tid: number, t: number): void {
    const prev = this.last.get(tid);
    if (prev !== undefined && t <= prev) return;
    this.last.set(tid, t);
    if (this.dirty) return;
    if (prev === undefined) {
      // A new thread: it may become the minimum or the second.
      if (t < this.min1) { this.min2 = this.min1; this.min1 = t; this.min1Tid = tid; } else if (t < this.min2) this.min2 = t;
    } else if (tid === this.min1Tid) {
      if (t <= this.min2) this.min1 = t; // still the earliest
      else this.dirty = true;
    } else if (prev <= this.min2) {
      this.dirty = true; // it may have been the second earliest
    }
  }

  private scanTid = -1;
  private scanMin1 = 0;
  private scanMin2 = 0;
  private readonly scanOne = (v: number, t: number): void => {
    if (v < this.scanMin1) { this.scanMin2 = this.scanMin1; this.scanMin1 = v; this.scanTid = t; } else if (v < this.scanMin2) this.scanMin2 = v;
  };

  /** The earliest next event time of any live thread other than `tid` (+Infinity when none). */
  boundExcept(tid: number): number {
    if (this.dirty) {
      if (this.last.size > 256) return Number.NEGATIVE_INFINITY;
      this.dirty = false;
      this.scanMin1 = this.scanMin2 = Number.POSITIVE_INFINITY;
      this.scanTid = -1;
      this.last.forEach(this.scanOne);
      this.min1 = this.scanMin1;
      this.min2 = this.scanMin2;
      this.min1Tid = this.scanTid;
    }
    return tid === this.min1Tid ? this.min2 : this.min1;
  }
}

/** Reorder window: events older than the newest exit by more than this are printed. */
const WINDOW_NS = 20_000_000;
const MAX_PENDING = 20_000;
const COLUMN = 40;

export class Renderer {
  /** Items waiting to print, sorted by time, from index `head`. */
  private pending: Item[] = [];
  private head = 0;
  /** Unsplit calls in arrival (about exit) order, the most recent last. */
  private recent: Item[] = [];
  private seq = 0;
  private watermark = 0;
  /** tid -> time of its latest point already printed. */
  private lastPoint = new Map<number, number>();
  private prevNs = -1;
  private readonly tz: number;

  private readonly sink: TextSink;

  /** `out` receives each line (without newline), or a TextSink the text in pieces. */
  constructor(private readonly o: RenderOptions, out: ((line: string) => void) | TextSink, private readonly threads?: ThreadClock) {
    this.sink = out instanceof TextSink ? out : new LineSink(out);
    this.tz = o.tzOffsetMinutes ?? -new Date().getTimezoneOffset();
  }

  add(ev: DecodedEvent): void {
    if (ev.kind === 'syscall') this.addCall(ev);
    else if (ev.line !== undefined) this.addLine(ev);
  }

  private addCall(ev: DecodedSyscall): void {
    const e = ev.enterNs;
    const x = ev.exitNs;
    // Nothing pending and nothing to come can sort before this call or split it:
    // print it now (what insert + flush would do, without holding it).
    if (this.head === this.pending.length && this.threads && x < this.threads.boundExcept(ev.tid)
      && !(x > e && this.othersBetween(ev.tid, e, x))) {
      if (x > this.watermark) this.watermark = x;
      this.lastPoint.set(ev.tid, e);
      this.emitCall(ev.tid, e, ev);
      return;
    }
    const item: Item = { time: e, seq: this.seq++, tid: ev.tid, kind: 'call', ev, split: false };
    // Was this call overtaken by another thread's output between its entry and exit?
    if (x > e && this.othersBetween(ev.tid, e, x)) this.splitCall(item, x);
    // Does this call's entry overtake calls of other threads still in flight?
    this.interrupt(ev.tid, e);
    this.insert(item);
    if (!item.split && x > e) {
      this.recent.push(item);
      if (this.recent.length > 512) this.recent.splice(0, 256);
    }
    if (x > this.watermark) this.watermark = x;
    this.flush(false);
  }

  private addLine(ev: DecodedProcessEvent): void {
    if (this.head === this.pending.length && this.threads && ev.ns < this.threads.boundExcept(ev.tid)) {
      if (ev.ns > this.watermark) this.watermark = ev.ns;
      this.emitLine(ev.tid, ev.ns, ev);
      return;
    }
    const item: Item = { time: ev.ns, seq: this.seq++, tid: ev.tid, kind: 'line', ev, split: false };
    this.interrupt(ev.tid, ev.ns);
    this.insert(item);
    if (ev.ns > this.watermark) this.watermark = ev.ns;
    this.flush(false);
  }

  private splitCall(item: Item, x: number): void {
    if (item.split) return;
    item.split = true;
    const r: Item = { time: x, seq: this.seq++, tid: item.tid, kind: 'resumed', ev: item.ev, split: true };
    item.resumed = r;
    this.insert(r);
  }

  /** Whether another thread printed something in (e, x). */
  private othersBetween(tid: number, e: number, x: number): boolean {
    const p = this.pending;
    // pending items are sorted by time: find the first with time > e
    let lo = this.head;
    let hi = p.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (p[mid]!.time <= e) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < p.length && p[i]!.time < x; i++) if (p[i]!.tid !== tid) return true;
    // points already printed
    if (p.length === this.head || p[this.head]!.time > e) {
      const lp = this.lastPoint;
      if (lp.size === 0 || (lp.size === 1 && lp.has(tid))) return false;
      this.betweenTid = tid;
      this.betweenE = e;
      this.betweenX = x;
      this.betweenHit = false;
      lp.forEach(this.betweenOne);
      return this.betweenHit;
    }
    return false;
  }

  private betweenTid = 0;
  private betweenE = 0;
  private betweenX = 0;
  private betweenHit = false;
  private readonly betweenOne = (at: number, t: number): void => {
    if (t !== this.betweenTid && at > this.betweenE && at < this.betweenX) this.betweenHit = true;
  };

  /** A point of `tid` at time t splits pending calls of other threads that are in flight at t. */
  private interrupt(tid: number, t: number): void {
    const r = this.recent;
    for (let i = r.length - 1; i >= 0; i--) {
      const it = r[i]!;
      const ev = it.ev as DecodedSyscall;
      // Arrival is in exit order, give or take a CPU's lag: calls that ended well before t are done.
      if (ev.exitNs < t - 50_000) break;
      if (it.tid === tid || it.split || it.printed) continue;
      if (ev.enterNs < t && ev.exitNs > t) this.splitCall(it, ev.exitNs);
    }
  }

  private insert(item: Item): void {
    const p = this.pending;
    let i = p.length;
    while (i > this.head && (p[i - 1]!.time > item.time || (p[i - 1]!.time === item.time && p[i - 1]!.seq > item.seq))) i--;
    if (i === p.length) p.push(item);
    else p.splice(i, 0, item);
  }

  private flush(all: boolean): void {
    const p = this.pending;
    const limit = this.watermark - WINDOW_NS;
    let n = this.head;
    while (n < p.length && (all || p[n]!.time < limit || p.length - n > MAX_PENDING || this.settled(p[n]!))) {
      const it = p[n]!;
      it.printed = true;
      this.emit(it);
      n++;
    }
    this.head = n;
    if (n > 4096 && n * 2 > p.length) {
      p.splice(0, n);
      this.head = 0;
    }
    if (all) this.recent = [];
  }

  /** Nothing that is still to come can sort before this item or split it. */
  private settled(it: Item): boolean {
    if (!this.threads) return false;
    let end = it.time;
    if (it.kind === 'call' && !it.split) {
      end = (it.ev as DecodedSyscall).exitNs;
    }
    return end < this.threads.boundExcept(it.tid);
  }

  /** Prints everything still held. Call at the end of the trace. */
  finish(): void {
    this.flush(true);
  }

  private pidTid = -1;
  private pidText = '';

  private prefix(tid: number, ns: number, thread: ThreadModel): void {
    if (this.o.pidPrefix) {
      if (tid !== this.pidTid) {
        this.pidTid = tid;
        const nsTid = this.o.pidns ? thread.nsTid : undefined;
        this.pidText = (nsTid === undefined ? String(tid) : `${nsTid}/${tid}`).padEnd(5) + ' ';
      }
      this.sink.put(this.pidText);
    }
    if (!this.o.relative && !this.o.timestamps) return;
    let s = '';
    if (this.o.relative) {
      const d = this.prevNs < 0 ? 0 : Math.max(0, ns - this.prevNs);
      this.prevNs = ns;
      s += `${String(Math.floor(d / 1e9)).padStart(6)}.${String(Math.floor((d % 1e9) / 1e3)).padStart(6, '0')} `;
    } else if (this.o.timestamps) {
      s += this.clock(ns) + ' ';
    }
    this.sink.put(s);
  }

  private clock(ns: number): string {
    const wall = this.o.realtimeNs + (ns - this.o.monotonicNs);
    const sec = Math.floor(wall / 1e9);
    const usec = String(Math.floor((wall % 1e9) / 1e3)).padStart(6, '0');
    if (this.o.timestamps === 3) return `${sec}.${usec}`;
    const local = sec + this.tz * 60;
    const day = ((local % 86400) + 86400) % 86400;
    const hh = String(Math.floor(day / 3600)).padStart(2, '0');
    const mm = String(Math.floor((day % 3600) / 60)).padStart(2, '0');
    const ss = String(day % 60).padStart(2, '0');
    return this.o.timestamps === 1 ? `${hh}:${mm}:${ss}` : `${hh}:${mm}:${ss}.${usec}`;
  }

  private emit(it: Item): void {
    if (it.kind === 'line') {
      this.emitLine(it.tid, it.time, it.ev as DecodedProcessEvent);
      return;
    }
    const ev = it.ev as DecodedSyscall;
    this.lastPoint.set(it.tid, it.time);
    if (it.kind === 'call' && !it.split) {
      this.emitCall(it.tid, it.time, ev);
      return;
    }
    const k = ev.entryArgs;
    const n = ev.args.length;
    const w = this.sink;
    this.prefix(it.tid, it.time, ev.thread);
    if (it.kind === 'call') {
      w.put(ev.name);
      w.put('(');
      for (let i = 0; i < k; i++) {
        if (i) w.put(', ');
        w.put(ev.args[i]!);
      }
      if (k > 0 && k < n) w.put(', ');
      w.put(' <unfinished ...>');
      w.newline();
      return;
    }
    w.put('<... ');
    w.put(ev.name);
    w.put(' resumed>');
    if (ev.unfinished) {
      // Killed inside the call: strace never saw it return.
      w.put(k < n ? ' <unfinished ...>)' : ')');
      this.finishLine(ev);
      return;
    }
    for (let i = k; i < n; i++) {
      if (i > k) w.put(', ');
      w.put(ev.args[i]!);
    }
    w.put(')');
    this.finishLine(ev);
  }

  /** A whole call on one line. */
  private emitCall(tid: number, time: number, ev: DecodedSyscall): void {
    this.prefix(tid, time, ev.thread);
    const w = this.sink;
    let open = this.opens.get(ev.name);
    if (open === undefined) this.opens.set(ev.name, (open = ev.name + '('));
    w.put(open);
    const args = ev.args;
    // A call that never returned shows what strace printed at its entry.
    const n = ev.unfinished ? ev.entryArgs : args.length;
    for (let i = 0; i < n; i++) {
      if (i) w.put(', ');
      w.put(args[i]!);
    }
    if (n < args.length) w.put(n > 0 ? ',  <unfinished ...>' : ' <unfinished ...>');
    // ")" then " = " at column 40, as one piece
    const col = w.column + 2;
    w.put(col < COLUMN ? CLOSE_PAD[COLUMN - col + 1]! : ') = ');
    this.finishRet(ev);
  }

  /** name -> "name(" */
  private readonly opens = new Map<string, string>();

  private emitLine(tid: number, time: number, ev: DecodedProcessEvent): void {
    this.lastPoint.set(tid, time);
    this.prefix(tid, time, ev.task);
    this.sink.put(ev.line!);
    this.sink.newline();
    if (ev.kind === 'exited' || ev.kind === 'killed') this.lastPoint.delete(tid);
  }

  /** ` = ret` at column 40, -T's time, end of line. */
  private finishLine(ev: DecodedSyscall): void {
    const w = this.sink;
    const col = w.column + 1;
    w.put(col < COLUMN ? PAD[COLUMN - col + 1]! : ' = ');
    this.finishRet(ev);
  }

  private finishRet(ev: DecodedSyscall): void {
    const w = this.sink;
    w.put(ev.retText);
    if (this.o.syscallTimes && !ev.unfinished) {
      const d = Math.max(0, ev.exitNs - ev.enterNs);
      w.put(` <${Math.floor(d / 1e9)}.${String(Math.floor((d % 1e9) / 1e3)).padStart(6, '0')}>`);
    }
    if (ev.stateOnly) w.put(' /* state only */');
    w.newline();
  }
}

/** PAD[n]: n spaces and "= "; CLOSE_PAD[n]: the same after ")". */
const PAD: readonly string[] = Array.from({ length: COLUMN + 2 }, (_, n) => ' '.repeat(n) + '= ');
const CLOSE_PAD: readonly string[] = PAD.map((p) => ')' + p);

/** Where rendered text goes, a piece at a time. */
export abstract class TextSink {
  /** Characters (UTF-16 units) written since the start of the current line. */
  abstract readonly column: number;
  abstract put(s: string): void;
  abstract newline(): void;
}

/**
 * A TextSink that encodes straight into UTF-8 bytes: no string is built per
 * line, and the bytes are handed over a chunk at a time.
 */
export class ByteSink extends TextSink {
  private buf: Buffer;
  private pos = 0;
  private chars = 0;
  private lineStart = 0;

  constructor(private readonly chunk = 1 << 16) {
    super();
    this.buf = Buffer.allocUnsafe(chunk * 2);
  }

  get column(): number {
    return this.chars - this.lineStart;
  }

  /** Bytes held. */
  get length(): number {
    return this.pos;
  }

  put(s: string): void {
    const n = s.length;
    if (this.pos + n * 3 > this.buf.length) this.grow(n * 3);
    const buf = this.buf;
    let p = this.pos;
    this.chars += n;
    if (n > 24) {
      this.pos = p + buf.write(s, p);
      return;
    }
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        buf[p++] = c;
      } else {
        // Not ASCII: let Buffer encode the rest of the piece (surrogate pairs and all).
        p += buf.write(s.slice(i), p);
        break;
      }
    }
    this.pos = p;
  }

  newline(): void {
    if (this.pos + 1 > this.buf.length) this.grow(1);
    this.buf[this.pos++] = 10;
    this.chars++;
    this.lineStart = this.chars;
  }

  private grow(need: number): void {
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + need));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  /** The bytes held; the sink starts a new buffer (the returned one is not reused). */
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(Math.max(this.chunk * 2, this.pos * 2));
    this.pos = 0;
    this.chars = 0;
    this.lineStart = 0;
    return out;
  }
}

/** A TextSink that hands each finished line to a callback (without its newline). */
class LineSink extends TextSink {
  private text = '';

  constructor(private readonly out: (line: string) => void) {
    super();
  }

  get column(): number {
    return this.text.length;
  }

  put(s: string): void {
    this.text += s;
  }

  newline(): void {
    const s = this.text;
    this.text = '';
    this.out(s);
  }
}
