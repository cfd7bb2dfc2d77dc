// Flag and enum tables (generated from xlat/*.tsv) and strace's rules for
// printing them: known names joined by "|" in table order, unknown bits as hex
// after the names, an unknown value as hex with a `/* PREFIX_??? */` comment.

export interface Xlat {
  readonly type: 'flags' | 'enum';
  /** [value, name] in print order. */
  readonly entries: readonly (readonly [number, string])[];
  /** enum: value -> name (first name wins). */
  readonly byValue: ReadonlyMap<number, string>;
  /** name -> value. */
  readonly byName: ReadonlyMap<string, number>;
  /** Common name prefix for the `/* X_??? *\/` comment, e.g. "O_". */
  readonly prefix: string;
}

export function xlat(type: 'flags' | 'enum', entries: readonly (readonly [number, string])[]): Xlat {
  const byValue = new Map<number, string>();
  const byName = new Map<string, number>();
  for (const [v, n] of entries) {
    if (!byValue.has(v)) byValue.set(v, n);
    byName.set(n, v);
  }
  const first = entries[0]?.[1] ?? '';
  const us = first.indexOf('_', first.startsWith('_') ? 1 : 0);
  return { type, entries, byValue, byName, prefix: us > 0 ? first.slice(0, us + 1) : '' };
}

export interface ErrnoTable {
  readonly name: ReadonlyMap<number, string>;
  readonly message: ReadonlyMap<number, string>;
  readonly byName: ReadonlyMap<string, number>;
}

export function errnoTable(rows: readonly (readonly [number, string, string])[]): ErrnoTable {
  const name = new Map<number, string>();
  const message = new Map<number, string>();
  const byName = new Map<string, number>();
  for (const [v, n, m] of rows) {
    if (!name.has(v)) { name.set(v, n); message.set(v, m); }
    byName.set(n, v);
  }
  return { name, message, byName };
}

const TWO32 = 0x100000000;

/** a & b for non-negative integers up to 2^53. */
export function and53(a: number, b: number): number {
  if (a < TWO32 && b < TWO32) return ((a & b) >>> 0);
  const hi = (Math.floor(a / TWO32) & Math.floor(b / TWO32)) >>> 0;
  return hi * TWO32 + ((a & b) >>> 0);
}

/** a & ~b for non-negative integers up to 2^53. */
export function andNot53(a: number, b: number): number {
  if (a < TWO32 && b < TWO32) return ((a & ~b) >>> 0);
  const hi = (Math.floor(a / TWO32) & ~Math.floor(b / TWO32)) >>> 0;
  return hi * TWO32 + ((a & ~b) >>> 0);
}

const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * The 64-bit values of the call being decoded that numbers hold rounded (beyond 2^53: a register,
 * a field of captured memory), exactly, by the number that stands for each (standIn: Call.arg(),
 * Call.ret, structs.ts's u64/i64): filled as the decoder reads them (nothing, for nearly every call)
 * and cleared between calls, so that the printers below (hex, u32, s32, decimal, unsignedDecimal)
 * print such a value exactly wherever a decoder passes it.
 */
let exactValues: Map<number, bigint> | undefined;

/** Forgets the values of the call decoded before (the decoder, around each call). */
export function clearExactValues(): void {
  exactValues = undefined;
}

/**
 * The number that stands for a 64-bit value: the value itself up to 2^53; beyond, its rounded value
 * (or, when another value of the call rounds to that too, the next double after it), which the
 * printers below print exactly until the decoder moves on to the next call.
 */
export function standIn(exact: bigint): number {
  const n = Number(exact);
  if (n <= SAFE && n >= -SAFE) return n;
  const m = (exactValues ??= new Map());
  let k = n;
  while (m.has(k) && m.get(k) !== exact) k += Math.abs(k) * Number.EPSILON;
  m.set(k, exact);
  return k;
}

/** A 64-bit value as a bigint, exactly when it stands for one beyond 2^53 of the call being decoded (not a number: 0, as `>>> 0` makes it). */
export function exactValue(v: number): bigint {
  return exactValues?.get(v) ?? (Number.isInteger(v) ? BigInt(v) : 0n);
}

/** Unsigned hex of a value as strace prints it (%#lx): 0x1f, 0; negative 64-bit values as two's complement. */
export function hex(v: number): string {
  if (v === 0) return '0'; // C's %#x
  if (v >= 0 && v <= SAFE) return '0x' + v.toString(16);
  return '0x' + BigInt.asUintN(64, exactValue(v)).toString(16);
}

/** A 64-bit value in decimal, exactly (String() would round beyond 2^53: 9223372035781034000). */
export function decimal(v: number): string {
  return Number.isSafeInteger(v) ? String(v) : exactValue(v).toString();
}

/** A 64-bit value in decimal as unsigned (%lu), exactly. */
export function unsignedDecimal(v: number): string {
  return v >= 0 && v <= SAFE ? String(v) : BigInt.asUintN(64, exactValue(v)).toString();
}

/** Interprets a register value as unsigned 32-bit (C int/unsigned arguments). */
export function u32(v: number): number {
  return v <= SAFE && v >= -SAFE ? v >>> 0 : Number(BigInt.asUintN(32, exactValue(v)));
}

/** Interprets a register value as signed 32-bit. */
export function s32(v: number): number {
  return v <= SAFE && v >= -SAFE ? v | 0 : Number(BigInt.asIntN(32, exactValue(v)));
}

/**
 * Flags as strace's printflags: names in table order, remaining bits as hex after them;
 * "0" (or `zero`) when none; bits none of which has a name as hex with a
 * `/* PREFIX_??? *\/` comment (`dflt`, by default the table's prefix).
 */
export function flags(x: Xlat, value: number | bigint, zero = '0', dflt = `${x.prefix}???`): string {
  const s = sprintFlags(x, value, zero);
  if (value != 0 && s.startsWith('0x') && !s.includes('|')) return `${s} /* ${dflt} */`;
  return s;
}

/**
 * Flags as strace's sprintflags (return-value notes, open modes): like flags() but unknown bits
 * without a comment. A 64-bit value beyond 2^53 (sa_flags with garbage in its high half) as a bigint.
 */
export function sprintFlags(x: Xlat, value: number | bigint, zero = '0'): string {
  if (typeof value === 'bigint') {
    if (value <= BigInt(Number.MAX_SAFE_INTEGER)) return sprintFlags(x, Number(value), zero);
    let rest = value;
    let out = '';
    for (const [v, n] of x.entries) {
      const b = BigInt(v < 0 ? 0 : v);
      if (b === 0n || rest === 0n) continue;
      if ((rest & b) === b) { out += out ? '|' + n : n; rest &= ~b; }
    }
    if (rest !== 0n) out += (out ? '|' : '') + '0x' + rest.toString(16);
    return out;
  }
  if (value === 0) return zero;
  let rest = value < 0 ? Number(BigInt.asUintN(64, BigInt(value))) : value;
  let out = '';
  for (const [v, n] of x.entries) {
    if (v === 0 || rest === 0) continue;
    if (and53(rest, v) === v) {
      out += out ? '|' + n : n;
      rest = andNot53(rest, v);
    }
  }
  if (rest !== 0) out += (out ? '|' : '') + hex(rest);
  return out;
}

/** Enum: the name, or the number and a `/* X_??? *\/` comment (`dflt`, by default the table's prefix). `fmt` picks the number's format. */
export function enumName(x: Xlat, value: number, fmt: 'hex' | 'dec' = 'hex', dflt = `${x.prefix}???`): string {
  const n = x.byValue.get(value);
  if (n !== undefined) return n;
  return `${fmt === 'hex' ? hex(value) : String(value)} /* ${dflt} */`;
}
