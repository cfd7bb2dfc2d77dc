// Protobuf's wire format, read: the one place that reads varints, tags and length
// prefixes, whether they frame a trace file's records, a Record's body or a Batch's
// packed columns (as protobuf-es's BinaryReader is for its messages). Every read is
// checked against `end`: nothing is read past it, and a problem is a WireError
// naming what is wrong and where, never a value made up from missing bytes.
// Values are what protobufjs (the reference, see proto.ts) yields for the same
// bytes with util.Long unset: 64-bit integers as numbers, exact up to 2^53.

/** What is wrong with the bytes. */
export type WireProblemCode =
  | 'TRUNCATED'       // the bytes end inside a varint, a fixed-width value or a length-delimited field
  | 'BAD_VARINT'      // a varint longer than ten bytes
  | 'TOO_LARGE'       // a length of 2^32 or more, or more than its place allows
  | 'BAD_TAG'         // field number 0, or a wire type that trace.proto does not use (groups, 6, 7)
  | 'WRONG_WIRE_TYPE' // a known field with a wire type other than its own
  | 'BAD_MESSAGE';    // a record or nested message other than its place holds (not a batch where batches are)

export class WireError extends Error {
  constructor(
    readonly code: WireProblemCode,
    /** Offset, in the reader's buffer, of the value that could not be read. */
    readonly offset: number,
    message: string,
  ) {
    super(message);
    this.name = 'WireError';
  }
}

/** Protobuf's wire types (the low three bits of a tag). */
export const WireType = { VARINT: 0, I64: 1, LEN: 2, I32: 5 } as const;

const TWO32 = 4294967296;
const EMPTY = new Uint8Array(0);

/**
 * Reads `buf` from `pos` up to `end` (at most its length). A failed read throws a
 * WireError and leaves `pos` where the value started. One reader can be reused
 * with reset().
 */
export class WireReader {
  buf: Uint8Array = EMPTY;
  pos = 0;
  end = 0;
  /** The last varint64(): its low and high 32 bits, unsigned. */
  lo = 0;
  hi = 0;

  constructor(buf: Uint8Array = EMPTY, pos = 0, end = buf.length) {
    this.reset(buf, pos, end);
  }

  reset(buf: Uint8Array, pos = 0, end = buf.length): this {
    this.buf = buf;
    this.pos = pos;
    this.end = end < buf.length ? end : buf.length;
    return this;
  }

  /** Bytes left before `end`. */
  get left(): number {
    return this.end - this.pos;
  }

  private fail(code: WireProblemCode, at: number, message: string): never {
    this.pos = at;
    throw new WireError(code, at, message);
  }

  /**
   * A varint of up to ten bytes into lo and hi. Bits beyond the 64th are dropped,
   * as protobufjs and protobuf-es drop them.
   */
  varint64(): void {
    this.pos = this.varintAt(this.pos, this.end);
  }

  /** The varint at `start`, read before `limit`, into lo and hi; returns the position after it. */
  private varintAt(start: number, limit: number): number {
    const buf = this.buf;
    let pos = start;
    let lo = 0;
    let b: number;
    for (let shift = 0; shift < 28; shift += 7) {
      if (pos >= limit) this.fail('TRUNCATED', start, `varint at ${start} cut off by the end at ${limit}`);
      b = buf[pos++]!;
      lo |= (b & 0x7f) << shift;
      if (b < 0x80) {
        this.lo = lo >>> 0;
        this.hi = 0;
        return pos;
      }
    }
    if (pos >= limit) this.fail('TRUNCATED', start, `varint at ${start} cut off by the end at ${limit}`);
    b = buf[pos++]!;
    lo |= (b & 0x7f) << 28;
    let hi = (b & 0x7f) >> 4;
    for (let shift = 3; b >= 0x80; shift += 7) {
      if (shift > 31) this.fail('BAD_VARINT', start, `varint at ${start} is longer than 10 bytes`);
      if (pos >= limit) this.fail('TRUNCATED', start, `varint at ${start} cut off by the end at ${limit}`);
      b = buf[pos++]!;
      hi |= (b & 0x7f) << shift;
    }
    this.lo = lo >>> 0;
    this.hi = hi >>> 0;
    return pos;
  }

  /** A uint32 field: the low 32 bits of a varint, as protobufjs reads it. */
  uint32(): number {
    const pos = this.pos;
    if (pos < this.end) {
      const b = this.buf[pos]!;
      if (b < 0x80) {
        this.pos = pos + 1;
        return b;
      }
    }
    this.varint64();
    return this.lo;
  }

  /** A uint64 field as a number (exact up to 2^53). */
  uint64(): number {
    this.varint64();
    return this.lo + this.hi * TWO32;
  }

  /** The last varint64() as a uint64 (or, `signed`, a zigzag sint64), exactly. */
  bigint(signed: boolean): bigint {
    const u = (BigInt(this.hi) << 32n) | BigInt(this.lo);
    return signed ? (u >> 1n) ^ -(u & 1n) : u;
  }

  /** A sint64 field (zigzag) as a number (exact between -(2^53) and 2^53). */
  sint64(): number {
    this.varint64();
    return zigzagNumber(this.lo, this.hi);
  }

  /** A length prefix: a varint below 2^32 (TOO_LARGE otherwise). Whether that many bytes follow is the caller's to check. */
  size(): number {
    const at = this.pos;
    this.varint64();
    if (this.hi !== 0) this.fail('TOO_LARGE', at, `length at ${at} is 2^32 or more`);
    return this.lo;
  }

  /** A length-delimited field's bytes (a view into buf, not a copy). */
  bytes(): Uint8Array {
    const at = this.pos;
    const n = this.size();
    if (n > this.end - this.pos) this.fail('TRUNCATED', at, `length ${n} at ${at} runs past the end at ${this.end} (${this.end - this.pos} bytes left)`);
    const start = this.pos;
    this.pos = start + n;
    return this.buf.subarray(start, start + n);
  }

  /**
   * A field's tag: (field number << 3) | wire type. Field number 0 and wire types
   * trace.proto does not use (groups, 6 and 7) are BAD_TAG.
   */
  tag(): number {
    const at = this.pos;
    const t = this.uint32();
    const wt = t & 7;
    if (t >>> 3 === 0 || wt === 3 || wt === 4 || wt > 5) this.fail('BAD_TAG', at, `bad tag ${t} at ${at} (field ${t >>> 3}, wire type ${wt})`);
    return t;
  }

  /** Skips the value of a field of this wire type. */
  skip(wireType: number): void {
    const at = this.pos;
    switch (wireType) {
      case 0: this.varint64(); return;
      case 1: this.fixed(at, 8); return;
      case 2: this.bytes(); return;
      case 5: this.fixed(at, 4); return;
      default: this.fail('BAD_TAG', at, `wire type ${wireType} at ${at} cannot be skipped`);
    }
  }

  private fixed(at: number, n: number): void {
    if (this.end - at < n) this.fail('TRUNCATED', at, `${n}-byte value at ${at} runs past the end at ${this.end}`);
    this.pos = at + n;
  }

  /**
   * The end of a packed run whose length prefix is at pos; pos moves to the run's
   * first value. The run lies within `end` and its last byte ends a varint, so the
   * packed readers below read it without a check per byte.
   */
  packed(): number {
    const at = this.pos;
    const n = this.size();
    const start = this.pos;
    if (n > this.end - start) this.fail('TRUNCATED', at, `packed run of ${n} bytes at ${at} runs past the end at ${this.end}`);
    const stop = start + n;
    if (n > 0 && this.buf[stop - 1]! >= 0x80) this.fail('TRUNCATED', at, `packed run at ${at} ends inside a varint`);
    return stop;
  }

  /** The uint32 values of a packed run ending at `stop` (from packed()) into out[n...]; returns the new count. */
  uint32s(out: Uint32Array, n: number, stop: number): number {
    const buf = this.buf;
    let pos = this.pos;
    while (pos < stop) {
      // One and two bytes inline: the run's last byte ends a varint, so neither reads past stop.
      let b = buf[pos++]!;
      if (b < 0x80) {
        out[n++] = b;
        continue;
      }
      const v = b & 0x7f;
      b = buf[pos++]!;
      if (b < 0x80) {
        out[n++] = v | (b << 7);
        continue;
      }
      pos = this.varintAt(pos - 2, stop);
      out[n++] = this.lo;
    }
    this.pos = pos;
    return n;
  }

  /**
   * The uint64 (or, `signed`, sint64) values of a packed run ending at `stop` into out[n...] as numbers; returns the new count.
   * With `exact`, each value a number cannot hold exactly (beyond 2^53) is also pushed there, as its index in `out` and its bigint.
   */
  int64s(out: Float64Array, n: number, stop: number, signed: boolean, exact?: (number | bigint)[]): number {
    const buf = this.buf;
    let pos = this.pos;
    while (pos < stop) {
      // Up to four bytes (28 bits) inline: the run's last byte ends a varint, so none reads past stop.
      let b = buf[pos++]!;
      let v = b & 0x7f;
      if (b >= 0x80) {
        b = buf[pos++]!;
        v |= (b & 0x7f) << 7;
        if (b >= 0x80) {
          b = buf[pos++]!;
          v |= (b & 0x7f) << 14;
          if (b >= 0x80) {
            b = buf[pos++]!;
            v |= (b & 0x7f) << 21;
            if (b >= 0x80) {
              // 64-bit path.
              pos = this.varintAt(pos - 4, stop);
              const x = signed ? zigzagNumber(this.lo, this.hi) : this.lo + this.hi * TWO32;
              if (exact && !Number.isSafeInteger(x)) exact.push(n, this.bigint(signed));
              out[n++] = x;
              continue;
            }
          }
        }
      }
      out[n++] = signed ? (v >>> 1) ^ -(v & 1) : v;
    }
    this.pos = pos;
    return n;
  }
}

/** A zigzag-encoded 64-bit value as a number, rounded as protobufjs's LongBits.zzDecode().toNumber() rounds it. */
function zigzagNumber(lo: number, hi: number): number {
  const mask = -(lo & 1);
  lo = (((lo >>> 1) | (hi << 31)) ^ mask) >>> 0;
  hi = ((hi >>> 1) ^ mask) >>> 0;
  if (hi >>> 31) {
    lo = (~lo + 1) >>> 0;
    hi = ~hi >>> 0;
    if (!lo) hi = (hi + 1) >>> 0;
    return -(lo + hi * TWO32);
  }
  return lo + hi * TWO32;
}
