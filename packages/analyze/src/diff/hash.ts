// 53-bit hashes of normalised lines: two independent 32-bit multiplicative hashes over the
// UTF-16 code units, folded into one safe integer so that a line compares as one number.
// With a million lines per run the chance of any collision between distinct lines is
// about n^2 / 2^54, below one in ten thousand; equal hashes are taken as equal lines.

export function hashLine(s: string): number {
  let h1 = 0x811c9dc5 ^ s.length;
  let h2 = 0x27d4eb2f;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0xc2b2ae35);
  h2 ^= h2 >>> 16;
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}

/** Combines a running digest with one more hash (order-sensitive). */
export function mixDigest(d: number, h: number): number {
  const lo = (h % 0x100000000) >>> 0;
  const hi = Math.floor(h / 0x100000000) >>> 0;
  let x = Math.imul((d >>> 0) ^ lo, 0x9e3779b1);
  x = Math.imul(x ^ (x >>> 15) ^ hi, 0x85ebca6b);
  return (x ^ (x >>> 13)) >>> 0;
}

/** A growable array of line hashes, stored flat. */
export class HashList {
  private buf = new Float64Array(64);
  length = 0;

  push(h: number): void {
    if (this.length === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = h;
  }

  /** The hashes pushed so far (a view, valid until the next push). */
  view(): Float64Array {
    return this.buf.subarray(0, this.length);
  }
}

/** A growable array of small ids (syscall name ids, one per line). */
export class IdList {
  private buf = new Uint16Array(64);
  length = 0;

  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new Uint16Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }

  view(): Uint16Array {
    return this.buf.subarray(0, this.length);
  }
}

const nameIds = new Map<string, number>();
const idNames: string[] = [];

/** A small number for a syscall name (or "exit", "signal"), the same in every run of this process. */
export function nameId(name: string): number {
  let id = nameIds.get(name);
  if (id === undefined) {
    id = idNames.length;
    idNames.push(name);
    nameIds.set(name, id);
  }
  return id;
}

export function nameOfId(id: number): string {
  return idNames[id] ?? '?';
}

/** The name of every id handed out so far in this thread (workers send it with their ids). */
export function nameTable(): string[] {
  return idNames.slice();
}
