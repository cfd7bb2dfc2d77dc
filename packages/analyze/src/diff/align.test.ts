import assert from 'node:assert/strict';
import { test } from 'node:test';
import { align, changedLines, type EditRun } from './align.js';

/** Length of the longest common subsequence, by dynamic programming (the reference). */
function lcs(a: number[], b: number[]): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      dp[i]![j] = a[i - 1] === b[j - 1] ? dp[i - 1]![j - 1]! + 1 : Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!);
    }
  }
  return dp[a.length]![b.length]!;
}

/** Applies the edit script to a; it must give b, and equal runs must hold equal lines. */
function check(a: number[], b: number[], runs: EditRun[]): number {
  const out: number[] = [];
  let common = 0;
  let i = 0, j = 0;
  for (const r of runs) {
    assert.equal(r.aStart, i, 'runs are contiguous in a');
    assert.equal(r.bStart, j, 'runs are contiguous in b');
    if (r.op === 'equal') {
      for (let k = 0; k < r.len; k++) assert.equal(a[i + k], b[j + k]);
      out.push(...a.slice(i, i + r.len));
      common += r.len;
      i += r.len; j += r.len;
    } else if (r.op === 'delete') {
      i += r.len;
    } else {
      out.push(...b.slice(j, j + r.len));
      j += r.len;
    }
  }
  assert.equal(i, a.length);
  assert.deepEqual(out, b);
  return common;
}

/** `seq` with its element reads counted: the work of an alignment, the same on any machine at any load. */
function counted<T extends ArrayLike<number>>(seq: T): [T, { reads: number }] {
  const c = { reads: 0 };
  return [new Proxy(seq, { get: (t, k) => { if (k !== 'length') c.reads++; return Reflect.get(t, k); } }), c];
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

test('align: edit scripts rebuild b and are minimal (random sequences against the LCS reference)', () => {
  const r = rng(7);
  for (let n = 0; n < 400; n++) {
    const alphabet = 1 + Math.floor(r() * 5);
    const a = Array.from({ length: Math.floor(r() * 30) }, () => Math.floor(r() * alphabet));
    const b = Array.from({ length: Math.floor(r() * 30) }, () => Math.floor(r() * alphabet));
    const runs = align(a, b);
    assert.equal(check(a, b, runs), lcs(a, b), `a=${a} b=${b}`);
  }
});

test('align: identical sequences are one equal run; empty sides are pure inserts or deletes', () => {
  assert.deepEqual(align([1, 2, 3], [1, 2, 3]), [{ op: 'equal', aStart: 0, bStart: 0, len: 3 }]);
  assert.deepEqual(align([], []), []);
  assert.deepEqual(align([], [4, 5]), [{ op: 'insert', aStart: 0, bStart: 0, len: 2 }]);
  assert.deepEqual(align([4, 5], []), [{ op: 'delete', aStart: 0, bStart: 0, len: 2 }]);
  assert.deepEqual(align([1, 2, 3], [1, 9, 3]), [
    { op: 'equal', aStart: 0, bStart: 0, len: 1 },
    { op: 'delete', aStart: 1, bStart: 1, len: 1 },
    { op: 'insert', aStart: 2, bStart: 1, len: 1 },
    { op: 'equal', aStart: 2, bStart: 2, len: 1 },
  ]);
});

// The speed itself is the bench's (bt-diff of two 1M-syscall traces); here, the work
// counted in element reads.
test('align: a million lines with three insertions cost a few reads per line', () => {
  const n = 1_000_000;
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = i % 7 === 0 ? 1 : 2;
  const b = new Float64Array(n + 3);
  let j = 0;
  for (let i = 0; i < n; i++) {
    if (i === 250_000 || i === 500_000 || i === 750_000) b[j++] = 99;
    b[j++] = a[i]!;
  }
  const [pa, ra] = counted(a);
  const [pb, rb] = counted(b);
  const { a: ca, b: cb } = changedLines(pa, pb);
  assert.equal(ca.reduce((s, x) => s + x, 0), 0);
  assert.equal(cb.reduce((s, x) => s + x, 0), 3);
  const perLine = (ra.reads + rb.reads) / (a.length + b.length);
  assert.ok(perLine < 3, `${perLine.toFixed(2)} reads per line`);
});

test('align: on unrelated sequences the cost limit bounds the work, and the script still rebuilds b', () => {
  const r = rng(3);
  const n = 2_000;
  const a = Array.from({ length: n }, () => Math.floor(r() * 1000));
  const b = Array.from({ length: n }, () => Math.floor(r() * 1000));
  const limit = 256; // the default for these sizes: max(256, 4 * sqrt(n + m))
  const [pa, ra] = counted(a);
  const [pb, rb] = counted(b);
  check(a, b, align(pa, pb));
  // O((N+M) * limit) reads (2.6M here); the unlimited search, O((N+M) * D) with D ~ N, reads 14M.
  const reads = ra.reads + rb.reads;
  assert.ok(reads < 4 * (a.length + b.length) * limit, `${reads} reads`);
});
