// Comparing two run models: processes matched by key (program and tree position), threads
// matched within them, lines aligned per thread pair, hunks cut with context, and counts
// per process and syscall. The text of hunk lines is fetched at the end, once per side.
import { align, type EditRun } from './align.js';
import { nameOfId } from './hash.js';
import { FACT_KINDS, type FactKind, type ProcModel, type RunModel, type ThreadLines as ThreadModel } from './scan.js';

export interface Counts {
  added: number;
  removed: number;
  changed: number;
}

export interface Hunk {
  /** Thread position name in a and b ("1.2", "1.2:1"); undefined on a side the thread is missing from. */
  readonly threadA: string | undefined;
  readonly threadB: string | undefined;
  /** 1-based first line and line count on each side, as in unified diff headers. */
  readonly aStart: number;
  readonly aLines: number;
  readonly bStart: number;
  readonly bLines: number;
  /** The lines, each prefixed with ' ' (context), '-' (only in a) or '+' (only in b). */
  readonly lines: string[];
}

export interface ProcessSide {
  readonly position: string;
  readonly program: string;
  readonly exit: string | undefined;
  readonly threads: number;
  readonly calls: number;
}

export interface ProcessDiff {
  /** Matching key: program names down the tree ("sh/cat#2" is sh's second child running cat). */
  readonly key: string;
  readonly status: 'same' | 'changed' | 'added' | 'removed';
  readonly a: ProcessSide | undefined;
  readonly b: ProcessSide | undefined;
  readonly counts: Counts;
  readonly bySyscall: Record<string, Counts>;
  readonly hunks: Hunk[];
  /** Threads whose calls differ only in which thread made them (compared as sets). */
  readonly threadsReordered: boolean;
}

export interface Change {
  readonly added: string[];
  readonly removed: string[];
}

export interface Summary {
  readonly filesRead: Change;
  readonly filesWritten: Change;
  readonly filesCreated: Change;
  readonly filesDeleted: Change;
  readonly programs: Change;
  readonly networkPeers: Change;
  /** Failed calls (normalised text) in only one run: added = new failures. */
  readonly failures: Change;
  readonly exitStatus: { readonly a: string; readonly b: string; readonly changed: boolean };
}

export interface RunInfo {
  readonly label: string;
  readonly argv: readonly string[];
  readonly arch: string;
  readonly exit: string;
  readonly complete: boolean;
  readonly lines: number;
  readonly processes: number;
}

export interface DiffResult {
  /** Same behaviour: no line, process or summary difference after normalisation. */
  readonly identical: boolean;
  /** One of the traces was cut short: the comparison covers what it holds. */
  readonly partial: boolean;
  readonly warnings: string[];
  readonly a: RunInfo;
  readonly b: RunInfo;
  readonly summary: Summary;
  readonly processes: ProcessDiff[];
  readonly counts: Counts;
}

/** A side's line texts, fetched on demand: thread name -> line index -> text. */
export type FetchText = (wanted: Map<string, Set<number>>) => Promise<Map<string, Map<number, string>>>;

interface PendingHunk {
  readonly threadA: ThreadModel | undefined;
  readonly threadB: ThreadModel | undefined;
  readonly runs: EditRun[];
  readonly aStart: number;
  readonly aEnd: number;
  readonly bStart: number;
  readonly bEnd: number;
  readonly out: Hunk & { lines: string[] };
}

function countsZero(): Counts {
  return { added: 0, removed: 0, changed: 0 };
}

function diffSet(a: Set<string>, b: Set<string>): Change {
  return {
    added: [...b].filter((x) => !a.has(x)).sort(),
    removed: [...a].filter((x) => !b.has(x)).sort(),
  };
}

export function summarize(a: RunModel, b: RunModel): Summary {
  const s = {} as Record<FactKind, Change>;
  for (const k of FACT_KINDS) s[k] = diffSet(a.facts[k], b.facts[k]);
  return { ...s, exitStatus: { a: a.exit, b: b.exit, changed: a.exit !== b.exit } };
}

function side(p: ProcModel): ProcessSide {
  let calls = 0;
  for (const t of p.threads) calls += t.hashes.length;
  return { position: p.position, program: p.program, exit: p.exit, threads: p.threads.length, calls };
}

/** Pairs threads: main with main; others first by identical content, then by creation order. */
function matchThreads(ta: readonly ThreadModel[], tb: readonly ThreadModel[]): Array<[ThreadModel | undefined, ThreadModel | undefined]> {
  const pairs: Array<[ThreadModel | undefined, ThreadModel | undefined]> = [[ta[0], tb[0]]];
  const restA = ta.slice(1);
  const restB = tb.slice(1);
  const usedB = new Set<ThreadModel>();
  const leftA: ThreadModel[] = [];
  for (const t of restA) {
    const m = restB.find((u) => !usedB.has(u) && u.digest === t.digest && u.hashes.length === t.hashes.length && sameSeq(u.hashes, t.hashes));
    if (m) { usedB.add(m); pairs.push([t, m]); } else leftA.push(t);
  }
  const leftB = restB.filter((u) => !usedB.has(u));
  for (let i = 0; i < Math.max(leftA.length, leftB.length); i++) pairs.push([leftA[i], leftB[i]]);
  return pairs;
}

function sameSeq(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** True when the threads' lines are the same multiset on both sides (only their thread differs). */
function sameAsSets(ta: readonly (ThreadModel | undefined)[], tb: readonly (ThreadModel | undefined)[]): boolean {
  const all = (ts: readonly (ThreadModel | undefined)[]): Float64Array => {
    let n = 0;
    for (const t of ts) n += t?.hashes.length ?? 0;
    const out = new Float64Array(n);
    let o = 0;
    for (const t of ts) if (t) { out.set(t.hashes, o); o += t.hashes.length; }
    return out.sort();
  };
  return sameSeq(all(ta), all(tb));
}

/** The same distinct lines, whatever their order and number. */
function sameDistinct(a: Float64Array, b: Float64Array): boolean {
  const distinct = (x: Float64Array): Float64Array => {
    const s = Float64Array.from(x).sort();
    let n = 0;
    for (let i = 0; i < s.length; i++) if (i === 0 || s[i] !== s[i - 1]) s[n++] = s[i]!;
    return s.subarray(0, n);
  };
  return sameSeq(distinct(a), distinct(b));
}

/** Splits edit runs into hunks with `context` equal lines around each change. */
function cutHunks(runs: EditRun[], context: number, ta: ThreadModel | undefined, tb: ThreadModel | undefined): PendingHunk[] {
  const hunks: PendingHunk[] = [];
  let i = 0;
  while (i < runs.length) {
    if (runs[i]!.op === 'equal') { i++; continue; }
    const first = i;
    let last = i;
    let j = i + 1;
    while (j < runs.length) {
      const r = runs[j]!;
      if (r.op !== 'equal') { last = j++; continue; }
      if (j + 1 < runs.length && r.len <= 2 * context) { j++; continue; }
      break;
    }
    const parts: EditRun[] = [];
    const before = runs[first - 1];
    if (before?.op === 'equal' && context > 0) {
      const n = Math.min(context, before.len);
      parts.push({ op: 'equal', aStart: before.aStart + before.len - n, bStart: before.bStart + before.len - n, len: n });
    }
    for (let k = first; k <= last; k++) parts.push(runs[k]!);
    const after = runs[last + 1];
    if (after?.op === 'equal' && context > 0) parts.push({ ...after, len: Math.min(context, after.len) });
    const h = parts[0]!;
    const t = parts[parts.length - 1]!;
    const aStart = h.aStart, bStart = h.bStart;
    const aEnd = t.op === 'insert' ? t.aStart : t.aStart + t.len;
    const bEnd = t.op === 'delete' ? t.bStart : t.bStart + t.len;
    hunks.push({
      threadA: ta, threadB: tb, runs: parts, aStart, aEnd, bStart, bEnd,
      out: {
        threadA: ta?.name, threadB: tb?.name,
        // Unified diff numbering: an empty range names the line before it.
        aStart: aEnd > aStart ? aStart + 1 : aStart, aLines: aEnd - aStart,
        bStart: bEnd > bStart ? bStart + 1 : bStart, bLines: bEnd - bStart,
        lines: [],
      },
    });
    i = last + 1;
  }
  return hunks;
}

function addCounts(into: Counts, c: Counts): void {
  into.added += c.added;
  into.removed += c.removed;
  into.changed += c.changed;
}

/** Counts per syscall for one replace block: same-name deletions and insertions pair up as "changed". */
function countBlock(del: Map<string, number>, ins: Map<string, number>, bySyscall: Record<string, Counts>, total: Counts): void {
  for (const name of new Set([...del.keys(), ...ins.keys()])) {
    const d = del.get(name) ?? 0;
    const n = ins.get(name) ?? 0;
    const c = { changed: Math.min(d, n), removed: d - Math.min(d, n), added: n - Math.min(d, n) };
    const s = (bySyscall[name] ??= countsZero());
    addCounts(s, c);
    addCounts(total, c);
  }
}

export interface CompareOptions {
  readonly context: number;
  readonly hunks: boolean;
}

/** Compares two models; fetches hunk text from each side when `opts.hunks`. */
export async function compareRuns(a: RunModel, b: RunModel, fetchA: FetchText, fetchB: FetchText,
  opts: CompareOptions): Promise<Omit<DiffResult, 'warnings' | 'partial'> & { coarse: string[] }> {
  const byKeyB = new Map(b.procs.map((p) => [p.key, p]));
  const keysA = new Set(a.procs.map((p) => p.key));
  const order: Array<[ProcModel | undefined, ProcModel | undefined]> = [];
  for (const p of a.procs) order.push([p, byKeyB.get(p.key)]);
  // Processes only in b go after their parent's entry (or at the end).
  for (const p of b.procs) {
    if (keysA.has(p.key)) continue;
    let at = order.length;
    for (let i = order.length - 1; i >= 0; i--) {
      const [pa, pb] = order[i]!;
      if ((pb ?? pa)?.key === p.parentKey || (pb && pb.parentKey === p.parentKey)) { at = i + 1; break; }
    }
    order.splice(at, 0, [undefined, p]);
  }

  const processes: ProcessDiff[] = [];
  const pending: PendingHunk[] = [];
  /** Threads whose alignment ran past its budget and was finished greedily. */
  const coarse: string[] = [];
  const total = countsZero();
  for (const [pa, pb] of order) {
    const key = (pa ?? pb)!.key;
    const counts = countsZero();
    const bySyscall: Record<string, Counts> = {};
    const hunks: PendingHunk[] = [];
    let reordered = false;
    const pairs = matchThreads(pa?.threads ?? [], pb?.threads ?? []);
    const diffPairs: typeof pairs = [];
    for (const [ta, tb] of pairs) {
      if (ta && tb && ta.digest === tb.digest && sameSeq(ta.hashes, tb.hashes)) continue;
      // A process that ran things at once (threads, several children, signal handlers): the same calls in
      // another order, or repeated another number of times (a loop that waits for whichever job ends
      // first), are the same behaviour; which came first and how often it looped were a matter of timing.
      if (ta && tb && ((pa?.concurrent && pb?.concurrent) || (ta.asSet && tb.asSet)) && sameDistinct(ta.hashes, tb.hashes)) { reordered = true; continue; }
      if (!ta && !tb) continue;
      diffPairs.push([ta, tb]);
    }
    // Non-main threads that did the same calls in another split between threads: equal as sets.
    const others = diffPairs.filter(([ta, tb]) => (ta?.index ?? tb?.index ?? 0) > 0);
    if (others.length > 1 && pa && pb && sameAsSets(others.map((x) => x[0]), others.map((x) => x[1]))) {
      reordered = true;
      for (const o of others) diffPairs.splice(diffPairs.indexOf(o), 1);
    }
    for (const [ta, tb] of diffPairs) {
      const ha = ta?.hashes ?? new Float64Array(0);
      const hb = tb?.hashes ?? new Float64Array(0);
      const runs = align(ha, hb);
      if (runs.coarse) coarse.push((ta ?? tb)!.name);
      // Counts: each delete run followed by an insert run (or alone) is one block.
      for (let i = 0; i < runs.length; i++) {
        const r = runs[i]!;
        if (r.op === 'equal') continue;
        const del = new Map<string, number>();
        const ins = new Map<string, number>();
        const tally = (run: EditRun): void => {
          const names = run.op === 'delete' ? ta!.names : tb!.names;
          const start = run.op === 'delete' ? run.aStart : run.bStart;
          const m = run.op === 'delete' ? del : ins;
          for (let j = start; j < start + run.len; j++) {
            const n = nameOfId(names[j]!);
            m.set(n, (m.get(n) ?? 0) + 1);
          }
        };
        tally(r);
        const next = runs[i + 1];
        if (r.op === 'delete' && next?.op === 'insert') { tally(next); i++; }
        countBlock(del, ins, bySyscall, counts);
      }
      if (opts.hunks) hunks.push(...cutHunks(runs, opts.context, ta, tb));
    }
    addCounts(total, counts);
    pending.push(...hunks);
    const changed = counts.added + counts.removed + counts.changed > 0;
    processes.push({
      key,
      status: !pa ? 'added' : !pb ? 'removed' : changed ? 'changed' : 'same',
      a: pa ? side(pa) : undefined,
      b: pb ? side(pb) : undefined,
      counts,
      bySyscall,
      hunks: hunks.map((h) => h.out),
      threadsReordered: reordered,
    });
  }

  if (opts.hunks && pending.length > 0) {
    const wantA = new Map<string, Set<number>>();
    const wantB = new Map<string, Set<number>>();
    const want = (m: Map<string, Set<number>>, t: string, from: number, len: number): void => {
      let s = m.get(t);
      if (!s) m.set(t, s = new Set());
      for (let i = from; i < from + len; i++) s.add(i);
    };
    for (const h of pending) {
      for (const r of h.runs) {
        if (r.op === 'insert') want(wantB, h.threadB!.name, r.bStart, r.len);
        else want(wantA, h.threadA!.name, r.aStart, r.len);
      }
    }
    const [textA, textB] = await Promise.all([
      wantA.size > 0 ? fetchA(wantA) : Promise.resolve(new Map<string, Map<number, string>>()),
      wantB.size > 0 ? fetchB(wantB) : Promise.resolve(new Map<string, Map<number, string>>()),
    ]);
    for (const h of pending) {
      for (const r of h.runs) {
        const isB = r.op === 'insert';
        const texts = isB ? textB.get(h.threadB!.name) : textA.get(h.threadA!.name);
        const start = isB ? r.bStart : r.aStart;
        const mark = r.op === 'equal' ? ' ' : r.op === 'delete' ? '-' : '+';
        for (let i = start; i < start + r.len; i++) h.out.lines.push(mark + (texts?.get(i) ?? '<line not found>'));
      }
    }
  }

  const info = (r: RunModel): RunInfo => ({
    label: r.label, argv: r.argv, arch: r.arch, exit: r.exit, complete: r.complete, lines: r.lines, processes: r.procs.length,
  });
  const summary = summarize(a, b);
  const summaryChanged = FACT_KINDS.some((k) => summary[k].added.length + summary[k].removed.length > 0) || summary.exitStatus.changed;
  const identical = !summaryChanged && processes.every((p) => p.status === 'same');
  return { identical, a: info(a), b: info(b), summary, processes, counts: total, coarse };
}
