// Protobuf's wire primitives on a growable buffer: the hand-written header and trailer
// encoders (writer.ts) that keep protobufjs off the recorder's path, and the Perfetto
// export's packet writer (analyze), both build on it. protobufjs stays the reference:
// writer.test.ts and the export's tests compare bytes with it.
const encoder = new TextEncoder();

const TWO32 = 4294967296;

/** A growable byte buffer with protobuf's varint primitives. */
export class Bytes {
  buf = new Uint8Array(1 << 16);
  pos = 0;

  reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  /** A non-negative integer below 2^32. */
  varint32(v: number): void {
    this.reserve(5);
    const b = this.buf;
    while (v > 0x7f) {
      b[this.pos++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    b[this.pos++] = v;
  }

  /** The unsigned 64-bit value hi * 2^32 + lo. */
  varint64(lo: number, hi: number): void {
    if (hi === 0) {
      this.varint32(lo);
      return;
    }
    this.reserve(10);
    const b = this.buf;
    while (hi !== 0 || lo > 0x7f) {
      b[this.pos++] = (lo & 0x7f) | 0x80;
      lo = ((lo >>> 7) | (hi << 25)) >>> 0;
      hi >>>= 7;
    }
    b[this.pos++] = lo;
  }

  /** A non-negative integer up to 2^53 (uint64 fields). */
  uint(v: number | bigint): void {
    if (typeof v === 'bigint') {
      const big = BigInt.asUintN(64, v);
      this.varint64(Number(big & 0xffffffffn), Number(big >> 32n));
      return;
    }
    if (v >= 0 && v < TWO32 && Number.isInteger(v)) this.varint32(v);
    else if (v >= 0 && Number.isSafeInteger(v)) {
      // Two 32-bit halves without a BigInt (timestamps are ~2^50).
      const hi = Math.floor(v / TWO32);
      this.varint64((v - hi * TWO32) >>> 0, hi);
    } else {
      const big = BigInt.asUintN(64, BigInt(Math.trunc(v)));
      this.varint64(Number(big & 0xffffffffn), Number(big >> 32n));
    }
  }

  /** int32 fields: a negative value takes ten bytes, sign-extended to 64 bits. */
  int32(v: number): void {
    if (v >= 0) this.varint32(v);
    else this.varint64(v >>> 0, 0xffffffff);
  }

  /** A length-delimited UTF-8 string. */
  string(s: string): void {
    const utf8 = encoder.encode(s);
    this.varint32(utf8.length);
    this.bytes(utf8);
  }

  bytes(data: Uint8Array): void {
    this.reserve(data.length);
    this.buf.set(data, this.pos);
    this.pos += data.length;
  }

  take(): Uint8Array {
    const out = this.buf.slice(0, this.pos);
    this.pos = 0;
    return out;
  }
}
