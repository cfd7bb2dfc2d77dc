// bt-export --format chrome-json: the timeline as Chrome trace-event JSON
// (chrome://tracing, Perfetto, speedscope): a complete ("X") event per
// syscall with its arguments, return value and errno in `args`, "M" metadata
// naming processes and threads after their program, instants ("i") for
// signals and exits, and flow events ("s"/"f") for fork/clone and execve.
// Timestamps are microseconds of the recording's CLOCK_MONOTONIC, to the ns.
import { mainClass } from './classes.js';
import type { Output } from './output.js';
import { basename, type Instant, type ProcessInfo, type Slice, type ThreadInfo, type TimelineSink } from './timeline.js';

/** ns -> µs with three decimals, exactly. */
export const micros = (ns: number): string => {
  const us = Math.floor(ns / 1000);
  const r = ns - us * 1000;
  return r === 0 ? String(us) : `${us}.${String(r).padStart(3, '0').replace(/0+$/, '')}`;
};

const CHUNK = 1 << 20;

export class ChromeJsonWriter implements TimelineSink {
  /** Events are encoded to UTF-8 as they come (no long strings to join: they cost more in GC than the writing). */
  private buf = Buffer.allocUnsafe(CHUNK * 2);
  private pos = 0;
  private pending: Promise<void> | void = undefined;
  private first = true;
  events = 0;

  constructor(private readonly out: Output) {
    this.put('{"traceEvents":[\n');
  }

  private put(s: string): void {
    if (this.pos + s.length * 3 > this.buf.length) {
      const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + s.length * 3));
      this.buf.copy(next, 0, 0, this.pos);
      this.buf = next;
    }
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }

  private event(json: string): void {
    if (this.first) this.first = false;
    else this.put(',\n');
    this.put(json);
    this.events++;
    if (this.pos >= CHUNK) this.flushSoon();
  }

  private flushSoon(): void {
    const full = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(CHUNK * 2);
    this.pos = 0;
    const r = this.out.write(full);
    if (r) this.pending = r;
  }

  drain(): Promise<void> | void {
    const p = this.pending;
    this.pending = undefined;
    return p;
  }

  async finish(meta: Record<string, unknown>): Promise<void> {
    this.put(`\n],"displayTimeUnit":"ns","otherData":${JSON.stringify(meta)}}\n`);
    this.flushSoon();
    await this.drain();
  }

  process(p: ProcessInfo): void {
    this.event(`{"ph":"M","name":"process_name","pid":${p.pid},"tid":${p.pid},"args":{"name":${JSON.stringify(basename(p.program))}}}`);
  }

  thread(t: ThreadInfo): void {
    this.event(`{"ph":"M","name":"thread_name","pid":${t.process.pid},"tid":${t.tid},"args":{"name":${JSON.stringify(basename(t.process.program))}}}`);
  }

  slice(s: Slice): void {
    const c = s.call;
    const where = `"pid":${c.pid},"tid":${c.tid}`;
    let args = '';
    for (let i = 0; i < s.call.args.length; i++) args += `${JSON.stringify(s.argNames[i])}:${JSON.stringify(s.call.args[i])},`;
    args += `"ret":${JSON.stringify(c.retText)}`;
    if (c.errno !== undefined) args += `,"errno":${JSON.stringify(c.errno)}`;
    if (c.unfinished) args += ',"unfinished":true';
    const ts = micros(s.beginNs);
    this.event(`{"ph":"X","name":${JSON.stringify(c.name)},"cat":"${mainClass(c.classes)}","ts":${ts},"dur":${micros(s.endNs - s.beginNs)},${where},"args":{${args}}}`);
    if (s.flowOut !== undefined) this.event(`{"ph":"s","name":"flow","cat":"flow","id":${s.flowOut},"ts":${ts},${where}}`);
    if (s.flowIn !== undefined) this.event(`{"ph":"f","bp":"e","name":"flow","cat":"flow","id":${s.flowIn},"ts":${ts},${where}}`);
    for (const i of s.inner) this.instant(i);
  }

  instant(i: Instant): void {
    const where = `"pid":${i.thread.process.pid},"tid":${i.thread.tid}`;
    const ts = micros(i.ns);
    this.event(`{"ph":"i","s":"t","name":${JSON.stringify(i.name)},"cat":"${i.kind === 'signal' ? 'signal' : 'process'}","ts":${ts},${where},"args":{"line":${JSON.stringify(i.line)}}}`);
    if (i.flowIn !== undefined) this.event(`{"ph":"f","bp":"e","name":"flow","cat":"flow","id":${i.flowIn},"ts":${ts},${where}}`);
  }
}
