// Aligning two sequences of line hashes: Myers' O((N+M)D) difference algorithm in its
// linear-space form (find the middle snake, recurse on both halves), after trimming the
// common prefix and suffix. Lines are compared as numbers (53-bit hashes of normalised
// text), so a million-line run costs a few comparisons per line when the runs differ in
// a few places. When the edit distance grows past a cost limit, the middle snake search
// stops and splits at the furthest-reaching point instead: the result is then a valid
// but possibly non-minimal edit script, and the time stays bounded on unrelated inputs.
// Over all splits the work is bounded too: past a budget proportional to the input, the
// boxes left are aligned greedily (each line of b matched to the next equal line of a, in
// linear time), and the result says it is coarse: what was added and removed stays right,
// a line that moved shows as removed and added.

export type Seq = ArrayLike<number>;

/** A run of the edit script: `len` lines equal, deleted from a, or inserted from b. */
export interface EditRun {
  readonly op: 'equal' | 'delete' | 'insert';
  /** Start in a (for insert: the position in a before which b's lines go). */
  readonly aStart: number;
  /** Start in b (for delete: the position in b where a's lines were). */
  readonly bStart: number;
  readonly len: number;
}

export interface AlignOptions {
  /** Stop searching for an optimal path after this many edit steps per split (default: from the sizes). */
  readonly maxCost?: number;
  /** Diagonal steps the whole alignment may take before the rest is aligned greedily (default: from the sizes). */
  readonly budget?: number;
}

/**
 * Marks the lines of `a` and `b` that are not part of the common subsequence found.
 * Returns one flag array per side (1 = deleted from a / inserted into b).
 */
export function changedLines(a: Seq, b: Seq, opts: AlignOptions = {}): { readonly a: Uint8Array; readonly b: Uint8Array; readonly coarse: boolean } {
  const n = a.length;
  const m = b.length;
  const ca = new Uint8Array(n);
  const cb = new Uint8Array(m);
  const size = n + m + 3;
  const fwd = new Int32Array(size);
  const bwd = new Int32Array(size);
  const off = m + 1; // diagonal k = x - y lies in [-m, n]; index k + off
  const maxCost = opts.maxCost ?? Math.max(256, Math.ceil(Math.sqrt(n + m) * 4));
  const budget = opts.budget ?? 64 * (n + m) + 4_000_000;
  const work = { steps: 0 };
  let coarse = false;

  // Explicit stack of [aLo, aHi, bLo, bHi] ranges instead of recursion: deep splits cannot overflow.
  const stack: number[] = [0, n, 0, m];
  while (stack.length > 0) {
    let bHi = stack.pop()!;
    let bLo = stack.pop()!;
    let aHi = stack.pop()!;
    let aLo = stack.pop()!;
    while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) { aLo++; bLo++; }
    while (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1]) { aHi--; bHi--; }
    if (aLo === aHi) {
      for (let j = bLo; j < bHi; j++) cb[j] = 1;
      continue;
    }
    if (bLo === bHi) {
      for (let i = aLo; i < aHi; i++) ca[i] = 1;
      continue;
    }
    if (work.steps > budget) {
      coarse = true;
      greedy(a, b, aLo, aHi, bLo, bHi, ca, cb);
      continue;
    }
    const [x, y] = middle(a, b, aLo, aHi, bLo, bHi, fwd, bwd, off, maxCost, work);
    if ((x === aLo && y === bLo) || (x === aHi && y === bHi)) {
      // A split at a corner would not shrink the box; treat the rest as replaced.
      for (let i = aLo; i < aHi; i++) ca[i] = 1;
      for (let j = bLo; j < bHi; j++) cb[j] = 1;
      continue;
    }
    stack.push(x, aHi, y, bHi, aLo, x, bLo, y);
  }
  return { a: ca, b: cb, coarse };
}

/**
 * A common subsequence of the box found greedily in linear time: each line of b, in order,
 * matched to the next equal line of a after the last match. Lines left unmatched are marked.
 */
function greedy(a: Seq, b: Seq, aLo: number, aHi: number, bLo: number, bHi: number, ca: Uint8Array, cb: Uint8Array): void {
  const at = new Map<number, number[]>();
  for (let i = aLo; i < aHi; i++) {
    const list = at.get(a[i]!);
    if (list) list.push(i); else at.set(a[i]!, [i]);
  }
  const next = new Map<number, number>();
  const kept = new Uint8Array(aHi - aLo);
  let last = aLo - 1;
  for (let j = bLo; j < bHi; j++) {
    const list = at.get(b[j]!);
    if (!list) { cb[j] = 1; continue; }
    let p = next.get(b[j]!) ?? 0;
    while (p < list.length && list[p]! <= last) p++;
    if (p < list.length) {
      last = list[p]!;
      kept[last - aLo] = 1;
      next.set(b[j]!, p + 1);
    } else {
      next.set(b[j]!, p);
      cb[j] = 1;
    }
  }
  for (let i = aLo; i < aHi; i++) if (!kept[i - aLo]) ca[i] = 1;
}

/**
 * A point (x, y) on a shortest edit path through the box, strictly between its corners
 * (both ends already differ, so each half is smaller than the whole).
 */
function middle(a: Seq, b: Seq, aLo: number, aHi: number, bLo: number, bHi: number,
  fwd: Int32Array, bwd: Int32Array, off: number, maxCost: number, work: { steps: number }): [number, number] {
  const dMin = aLo - bHi;
  const dMax = aHi - bLo;
  const fMid = aLo - bLo;
  const bMid = aHi - bHi;
  const odd = ((fMid - bMid) & 1) !== 0;
  let fMin = fMid, fMax = fMid, bMin = bMid, bMax = bMid;
  // fwd[k] = furthest x reached on diagonal k going forward; bwd[k] = smallest x going backward.
  fwd[fMid + off] = aLo;
  bwd[bMid + off] = aHi;
  for (let cost = 1; ; cost++) {
    work.steps += (fMax - fMin) + (bMax - bMin) + 2;
    // Forward step: widen the diagonal range by one at each end (or narrow at the box edge).
    if (fMin > dMin) fwd[--fMin - 1 + off] = -1; else ++fMin;
    if (fMax < dMax) fwd[++fMax + 1 + off] = -1; else --fMax;
    for (let k = fMax; k >= fMin; k -= 2) {
      const left = fwd[k - 1 + off]!;
      const right = fwd[k + 1 + off]!;
      let x = left >= right ? left + 1 : right;
      let y = x - k;
      while (x < aHi && y < bHi && a[x] === b[y]) { x++; y++; }
      fwd[k + off] = x;
      if (odd && bMin <= k && k <= bMax && bwd[k + off]! <= x) return [x, y];
    }
    // Backward step.
    if (bMin > dMin) bwd[--bMin - 1 + off] = 0x7fffffff; else ++bMin;
    if (bMax < dMax) bwd[++bMax + 1 + off] = 0x7fffffff; else --bMax;
    for (let k = bMax; k >= bMin; k -= 2) {
      const left = bwd[k - 1 + off]!;
      const right = bwd[k + 1 + off]!;
      let x = left < right ? left : right - 1;
      let y = x - k;
      while (x > aLo && y > bLo && a[x - 1] === b[y - 1]) { x--; y--; }
      bwd[k + off] = x;
      if (!odd && fMin <= k && k <= fMax && x <= fwd[k + off]!) return [x, y];
    }
    if (cost >= maxCost) {
      // Too expensive to find the optimum: split where either search got furthest.
      let best = -1, bx = 0, by = 0;
      for (let k = fMax; k >= fMin; k -= 2) {
        const x = Math.min(fwd[k + off]!, aHi);
        const y = x - k;
        if (y > bHi || y < bLo) continue;
        const progress = (x - aLo) + (y - bLo);
        if (progress > best) { best = progress; bx = x; by = y; }
      }
      for (let k = bMax; k >= bMin; k -= 2) {
        const x = Math.max(bwd[k + off]!, aLo);
        const y = x - k;
        if (y > bHi || y < bLo) continue;
        const progress = (aHi - x) + (bHi - y);
        if (progress > best) { best = progress; bx = x; by = y; }
      }
      if (best > 0 && !(bx === aLo && by === bLo) && !(bx === aHi && by === bHi)) return [bx, by];
      // No usable point (cannot happen with both ends differing); split the box in half.
      return [aLo + ((aHi - aLo) >> 1), bLo + ((bHi - bLo) >> 1)];
    }
  }
}

/** The edit script as runs, from the changed-line flags of `changedLines`. */
export function editRuns(ca: Uint8Array, cb: Uint8Array): EditRun[] {
  const runs: EditRun[] = [];
  let i = 0, j = 0;
  const n = ca.length, m = cb.length;
  while (i < n || j < m) {
    if (i < n && j < m && ca[i] === 0 && cb[j] === 0) {
      const s = i, t = j;
      while (i < n && j < m && ca[i] === 0 && cb[j] === 0) { i++; j++; }
      runs.push({ op: 'equal', aStart: s, bStart: t, len: i - s });
      continue;
    }
    if (i < n && ca[i] === 1) {
      const s = i;
      while (i < n && ca[i] === 1) i++;
      runs.push({ op: 'delete', aStart: s, bStart: j, len: i - s });
    }
    if (j < m && cb[j] === 1) {
      const t = j;
      while (j < m && cb[j] === 1) j++;
      runs.push({ op: 'insert', aStart: i, bStart: t, len: j - t });
    }
    // Unchanged lines on one side only cannot happen: equal lines pair up one to one.
    if (i < n && j >= m && ca[i] === 0) throw new Error('alignment out of step (a)');
    if (j < m && i >= n && cb[j] === 0) throw new Error('alignment out of step (b)');
  }
  return runs;
}

/** Aligns two sequences: the edit script as runs of equal, deleted and inserted lines; `coarse` when the budget ran out. */
export function align(a: Seq, b: Seq, opts: AlignOptions = {}): EditRun[] & { coarse?: boolean } {
  if (a.length === b.length) {
    let same = true;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) { same = false; break; }
    if (same) return a.length === 0 ? [] : [{ op: 'equal', aStart: 0, bStart: 0, len: a.length }];
  }
  const { a: ca, b: cb, coarse } = changedLines(a, b, opts);
  const runs: EditRun[] & { coarse?: boolean } = editRuns(ca, cb);
  if (coarse) runs.coarse = true;
  return runs;
}
