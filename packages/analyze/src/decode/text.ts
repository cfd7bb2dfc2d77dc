// strace's printing rules for strings and numbers (its util.c: string_quote,
// printstr, printpath): quoting, escaping, `...` truncation, -x/-xx hex.

/** How strings are printed: -s (strSize) and -x/-xx (xflag 1/2). */
export interface TextOptions {
  readonly strSize: number;
  readonly xflag: 0 | 1 | 2;
}

const HEX = '0123456789abcdef';

function needsHex(data: Uint8Array, n: number): boolean {
  for (let i = 0; i < n; i++) {
    const c = data[i]!;
    if (c > 0x7e) return true;
    if (c < 0x20 && (c < 9 || c > 13)) return true;
  }
  return false;
}

/**
 * Quotes the first `n` bytes of `data` as strace does: printable ASCII as is,
 * \t \n \v \f \r \" \\ escaped, others in octal (three digits when a digit
 * follows), or every byte as \xNN when hex is forced (-xx, getrandom) or, with
 * -x, when the string has a non-printable byte.
 */
export function quote(data: Uint8Array, n: number, xflag: 0 | 1 | 2, forceHex = false): string {
  const hexAll = forceHex || xflag === 2 || (xflag === 1 && needsHex(data, n));
  let s = '"';
  if (hexAll) {
    for (let i = 0; i < n; i++) {
      const c = data[i]!;
      s += '\\x' + HEX[c >> 4] + HEX[c & 15];
    }
    return s + '"';
  }
  let run = 0; // start of a run of plain characters
  for (let i = 0; i < n; i++) {
    const c = data[i]!;
    if (c >= 0x20 && c <= 0x7e && c !== 0x22 && c !== 0x5c) continue;
    if (i > run) s += latin(data, run, i);
    run = i + 1;
    switch (c) {
      case 0x22: s += '\\"'; break;
      case 0x5c: s += '\\\\'; break;
      case 0x0c: s += '\\f'; break;
      case 0x0a: s += '\\n'; break;
      case 0x0d: s += '\\r'; break;
      case 0x09: s += '\\t'; break;
      case 0x0b: s += '\\v'; break;
      default: {
        s += '\\';
        const next = i + 1 < n ? data[i + 1]! : 0;
        if (next >= 0x30 && next <= 0x37) {
          s += String(c >> 6) + String((c >> 3) & 7);
        } else if (c >> 3) {
          if (c >> 6) s += String(c >> 6);
          s += String((c >> 3) & 7);
        }
        s += String(c & 7);
      }
    }
  }
  if (n > run) s += latin(data, run, n);
  return s + '"';
}

function latin(data: Uint8Array, from: number, to: number): string {
  // Plain printable ASCII only here.
  if (to - from < 64) {
    let s = '';
    for (let i = from; i < to; i++) s += String.fromCharCode(data[i]!);
    return s;
  }
  return String.fromCharCode.apply(null, data.subarray(from, to) as unknown as number[]);
}

/**
 * A buffer of `len` bytes (read/write data), of which `data` was captured:
 * at most strSize bytes shown, `...` when more existed.
 */
export function printBuffer(data: Uint8Array, len: number, o: TextOptions, forceHex = false, omitTrailingNul = false): string {
  const shown = Math.min(len, o.strSize, data.length);
  // strace's QUOTE_OMIT_TRAILING_0 (xattr values): a NUL as the last byte shown ends the string there.
  if (omitTrailingNul && shown > 0 && data[shown - 1] === 0 && !(forceHex || o.xflag === 2 || (o.xflag === 1 && needsHex(data, shown)))) {
    return quote(data, shown - 1, o.xflag);
  }
  const more = len > shown;
  return quote(data, shown, o.xflag, forceHex) + (more ? '...' : '');
}

/** A NUL-terminated string argument (not a path): cut at strSize. `truncated`: the capture itself was cut. */
export function printCString(data: Uint8Array, truncated: boolean, o: TextOptions): string {
  const nul = data.indexOf(0);
  const len = nul >= 0 ? nul : data.length;
  const shown = Math.min(len, o.strSize);
  return quote(data, shown, o.xflag) + (shown < len || (truncated && nul < 0) ? '...' : '');
}

/** A path: printed whole (strace does not apply -s to paths), `...` only when the capture was cut. */
export function printPath(data: Uint8Array, truncated: boolean, o: TextOptions): string {
  const nul = data.indexOf(0);
  const len = nul >= 0 ? nul : data.length;
  return quote(data, len, o.xflag) + (truncated && nul < 0 ? '...' : '');
}

/** Octal as C's %#o: 0 -> "0", 8 -> "010". */
export function octal(v: number): string {
  return v === 0 ? '0' : '0' + v.toString(8);
}
