// bt-export --format perfetto: the timeline as a Perfetto protobuf trace
// (proto/perfetto.proto, Perfetto's own field numbers). One sequence of
// packets: a track descriptor per process and per thread (the thread's parent
// is its process), a begin/end slice pair per syscall on its thread's track
// with the decoded arguments, return value and errno as debug annotations,
// instants for signals and exits, flows from fork/clone to the child's first
// event and from execve to the new program. Event, category and annotation
// names are interned. Timestamps are the recording's CLOCK_MONOTONIC ns.
//
// Track descriptors are encoded by protobufjs from the definitions; the two or
// three packets per syscall are written by PacketBytes below, field by field
// with the same numbers: protobufjs's encoder allocates an object per field,
// and the garbage made the export of the 1M-syscall trace run at ~410,000
// calls/s against the 500,000 it must reach (tests decode the output with the
// protobufjs definitions).
import { type Header, ProtoBytes } from '@beetrace/format';
import protobuf from 'protobufjs/minimal.js';
import generated from '../generated/perfetto.cjs';
import { mainClass } from './classes.js';
import type { Output } from './output.js';
import { basename, type Instant, type ProcessInfo, type Slice, type ThreadInfo, type TimelineSink } from './timeline.js';

// 64-bit fields as plain numbers (exact to 2^53), as the format package reads its own.
protobuf.util.Long = undefined as unknown as typeof protobuf.util.Long;
protobuf.configure();

export const perfetto = generated.perfetto.protos;
const TracePacket = perfetto.TracePacket;
type Packet = generated.perfetto.protos.TracePacket.$Properties;

const SEQUENCE = 1;
const SLICE_BEGIN = 1;
const SLICE_END = 2;
const INSTANT = 3;
const STATE_CLEARED = 1;
const NEEDS_STATE = 2;
/** Bytes gathered before they go to the output. */
const CHUNK = 1 << 20;

// Field numbers (proto/perfetto.proto).
const F = {
  tracePacket: 1,
  timestamp: 8, sequenceId: 10, trackEvent: 11, internedData: 12, sequenceFlags: 13, firstOnSequence: 87,
  categoryIids: 3, debugAnnotations: 4, type: 9, nameIid: 10, trackUuid: 11, flowIds: 47, terminatingFlowIds: 48,
  annNameIid: 1, annBool: 2, annString: 6,
  internedCategories: 1, internedNames: 2, internedAnnotationNames: 3, iid: 1, name: 2,
} as const;
const VARINT = 0;
const FIXED64 = 1;
const LEN = 2;
const TWO32 = 4294967296;

/** The format's protobuf writer, with the fields a packet needs; nested lengths are patched in after their body. */
class PacketBytes extends ProtoBytes {
  override buf = new Uint8Array(CHUNK * 2);

  tag(field: number, wire: number): void {
    this.uint(field * 8 + wire);
  }

  uintField(field: number, v: number): void {
    if (field < 16 && v < 0x80) {
      // One byte of tag, one of value: the common case.
      this.reserve(2);
      this.buf[this.pos++] = field << 3;
      this.buf[this.pos++] = v;
      return;
    }
    this.tag(field, VARINT);
    this.uint(v);
  }

  fixed64Field(field: number, v: number): void {
    this.tag(field, FIXED64);
    this.reserve(8);
    const lo = v % TWO32;
    const hi = (v - lo) / TWO32;
    const b = this.buf;
    const p = this.pos;
    b[p] = lo & 0xff; b[p + 1] = (lo >>> 8) & 0xff; b[p + 2] = (lo >>> 16) & 0xff; b[p + 3] = lo >>> 24;
    b[p + 4] = hi & 0xff; b[p + 5] = (hi >>> 8) & 0xff; b[p + 6] = (hi >>> 16) & 0xff; b[p + 7] = hi >>> 24;
    this.pos = p + 8;
  }

  stringField(field: number, s: string): void {
    const at = this.open(field);
    this.reserve(s.length * 3);
    this.pos += protobuf.util.utf8.write(s, this.buf, this.pos);
    this.close(at);
  }

  bytesField(field: number, data: Uint8Array): void {
    this.tag(field, LEN);
    this.uint(data.length);
    this.reserve(data.length);
    this.buf.set(data, this.pos);
    this.pos += data.length;
  }

  /** Starts a length-delimited field: one byte kept for its length. Returns where the body starts. */
  open(field: number): number {
    this.tag(field, LEN);
    this.reserve(1);
    this.pos++;
    return this.pos;
  }

  /** Ends the field open() started: writes its length, moving the body when it needs more than one byte. */
  close(start: number): void {
    const len = this.pos - start;
    if (len < 0x80) {
      this.buf[start - 1] = len;
      return;
    }
    let extra = 0;
    for (let v = len >>> 7; v > 0; v >>>= 7) extra++;
    this.reserve(extra);
    this.buf.copyWithin(start + extra, start, this.pos);
    let p = start - 1;
    let v = len;
    while (v > 0x7f) {
      this.buf[p++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[p] = v;
    this.pos += extra;
  }

  /**
   * A debug annotation {name_iid, string_value} in one pass, for the common
   * case (an iid below 128, an ASCII value that keeps the whole under 128
   * bytes); false (nothing written) otherwise.
   */
  shortAnnotation(key: number, value: string): boolean {
    const n = value.length;
    if (key >= 0x80 || n > 120) return false;
    this.reserve(n + 8);
    const b = this.buf;
    const start = this.pos;
    let p = start;
    b[p++] = (F.debugAnnotations << 3) | LEN;
    p++; // the annotation's length
    b[p++] = F.annNameIid << 3;
    b[p++] = key;
    b[p++] = (F.annString << 3) | LEN;
    b[p++] = n;
    for (let i = 0; i < n; i++) {
      const c = value.charCodeAt(i);
      if (c >= 0x80) return false;
      b[p++] = c;
    }
    b[start + 1] = n + 4;
    this.pos = p;
    return true;
  }
}

/** One interning table: iids from 1, new entries gathered for the next packet. */
class Table {
  private readonly ids = new Map<string, number>();
  fresh: string[] = [];
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.ids.size + 1;
      this.ids.set(name, id);
      this.fresh.push(name);
    }
    return id;
  }
  /** Writes the entries first used since the last call as `field` entries ({iid, name}). */
  write(b: PacketBytes, field: number): void {
    const base = this.ids.size - this.fresh.length;
    for (let i = 0; i < this.fresh.length; i++) {
      const at = b.open(field);
      b.uintField(F.iid, base + i + 1);
      b.stringField(F.name, this.fresh[i]!);
      b.close(at);
    }
    this.fresh = [];
  }
}

export class PerfettoWriter implements TimelineSink {
  private readonly b = new PacketBytes();
  private pending: Promise<void> | void = undefined;
  private first = true;
  private readonly names = new Table();
  private readonly cats = new Table();
  private readonly keys = new Table();
  /** The recorded command line (the root process's cmdline). */
  private argv: readonly string[] = [];
  /** Per syscall number: its interned name, category and argument names (the timeline shares one name list per syscall). */
  private readonly byNr: ({ nameText: string; argNames: readonly string[]; name: number; cat: number; args: number[] } | undefined)[] = [];
  private retKey = 0;
  /** Packets written. */
  packets = 0;

  constructor(private readonly out: Output) {}

  header(h: Header): void {
    this.argv = h.argv ?? [];
  }

  private flushSoon(): void {
    const r = this.out.write(this.b.take());
    if (r) this.pending = r;
  }

  /** Resolves when the output can take more (the timeline walk calls it between records). */
  drain(): Promise<void> | void {
    const p = this.pending;
    this.pending = undefined;
    return p;
  }

  async finish(): Promise<void> {
    this.flushSoon();
    await this.drain();
  }

  /** A packet protobufjs encodes (track descriptors: a few per process). */
  private message(p: Packet): void {
    p.trustedPacketSequenceId = SEQUENCE;
    this.flags(p);
    this.b.bytesField(F.tracePacket, TracePacket.encode(p).finish());
    this.done();
  }

  private flags(p: Packet): void {
    if (!this.first) return;
    p.sequenceFlags = STATE_CLEARED | (p.sequenceFlags ?? 0);
    p.firstPacketOnSequence = true;
    this.first = false;
  }

  private done(): void {
    this.packets++;
    if (this.b.pos >= CHUNK) this.flushSoon();
  }

  /** Starts a TracePacket with a track event: timestamp, sequence, interned entries; returns where the TrackEvent's body starts. */
  private startEvent(ns: number, interned: boolean): [number, number] {
    const b = this.b;
    const packet = b.open(F.tracePacket);
    b.uintField(F.timestamp, ns);
    b.uintField(F.sequenceId, SEQUENCE);
    let flags = interned ? NEEDS_STATE : 0;
    if (this.first) {
      flags |= STATE_CLEARED;
      b.uintField(F.firstOnSequence, 1);
      this.first = false;
    }
    if (flags) b.uintField(F.sequenceFlags, flags);
    if (interned && (this.names.fresh.length || this.cats.fresh.length || this.keys.fresh.length)) {
      const at = b.open(F.internedData);
      this.cats.write(b, F.internedCategories);
      this.names.write(b, F.internedNames);
      this.keys.write(b, F.internedAnnotationNames);
      b.close(at);
    }
    return [packet, b.open(F.trackEvent)];
  }

  private endEvent([packet, event]: [number, number]): void {
    this.b.close(event);
    this.b.close(packet);
    this.done();
  }

  private annotation(key: number, value: string): void {
    if (!this.b.shortAnnotation(key, value)) {
      const b = this.b;
      const at = b.open(F.debugAnnotations);
      b.uintField(F.annNameIid, key);
      b.stringField(F.annString, value);
      b.close(at);
    }
  }

  process(p: ProcessInfo): void {
    const cmdline = p.parent === undefined && p.programs.length === 1 && this.argv.length ? [...this.argv] : [p.program];
    this.message({ trackDescriptor: { uuid: p.uuid, process: { pid: p.pid, processName: basename(p.program), cmdline, startTimestampNs: p.startNs } } });
  }

  thread(t: ThreadInfo): void {
    this.message({ trackDescriptor: { uuid: t.uuid, parentUuid: t.process.uuid, thread: { pid: t.process.pid, tid: t.tid, threadName: basename(t.process.program) } } });
  }

  slice(s: Slice): void {
    const call = s.call;
    const args = s.call.args;
    const names = s.argNames;
    // Interned ids first (new entries go into this packet), once per syscall and argument list.
    let ids = call.nr >= 0 && call.nr < 4096 ? this.byNr[call.nr] : undefined;
    if (!ids || ids.argNames !== names || ids.nameText !== call.name) {
      ids = { nameText: call.name, argNames: names, name: this.names.id(call.name), cat: this.cats.id(mainClass(call.classes)), args: names.map((n) => this.keys.id(n)) };
      if (call.nr >= 0 && call.nr < 4096) this.byNr[call.nr] = ids;
    }
    const { name, cat } = ids;
    const argKeys = ids.args;
    const keys = this.keys;
    const retKey = this.retKey ||= keys.id('ret');
    const errnoKey = call.errno !== undefined ? keys.id('errno') : 0;
    const unfinishedKey = call.unfinished ? keys.id('unfinished') : 0;
    const b = this.b;
    const ev = this.startEvent(s.beginNs, true);
    b.uintField(F.type, SLICE_BEGIN);
    b.uintField(F.trackUuid, s.thread.uuid);
    b.uintField(F.nameIid, name);
    b.uintField(F.categoryIids, cat);
    for (let i = 0; i < args.length; i++) this.annotation(argKeys[i]!, args[i]!);
    this.annotation(retKey, call.retText);
    if (errnoKey) this.annotation(errnoKey, call.errno!);
    if (unfinishedKey) {
      const at = b.open(F.debugAnnotations);
      b.uintField(F.annNameIid, unfinishedKey);
      b.uintField(F.annBool, 1);
      b.close(at);
    }
    if (s.flowOut !== undefined) b.fixed64Field(F.flowIds, s.flowOut);
    if (s.flowIn !== undefined) b.fixed64Field(F.terminatingFlowIds, s.flowIn);
    this.endEvent(ev);
    for (const i of s.inner) this.instant(i);
    const end = this.startEvent(s.endNs, false);
    b.uintField(F.type, SLICE_END);
    b.uintField(F.trackUuid, s.thread.uuid);
    this.endEvent(end);
  }

  instant(i: Instant): void {
    const name = this.names.id(i.name);
    const cat = this.cats.id(i.kind === 'signal' ? 'signal' : 'process');
    const key = this.keys.id('line');
    const b = this.b;
    const ev = this.startEvent(i.ns, true);
    b.uintField(F.type, INSTANT);
    b.uintField(F.trackUuid, i.thread.uuid);
    b.uintField(F.nameIid, name);
    b.uintField(F.categoryIids, cat);
    this.annotation(key, i.line);
    if (i.flowIn !== undefined) b.fixed64Field(F.terminatingFlowIds, i.flowIn);
    this.endEvent(ev);
  }
}
