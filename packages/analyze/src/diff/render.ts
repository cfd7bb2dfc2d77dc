// Output modes of bt-diff: unified diff (default), --stat, --summary and --json.
import type { Change, DiffResult, ProcessDiff, Summary } from './engine.js';
import { FACT_KINDS, type FactKind } from './scan.js';

function where(p: ProcessDiff, thread: string | undefined): string {
  const pa = p.a?.position, pb = p.b?.position;
  let pos = pa === pb || pb === undefined ? pa : pa === undefined ? pb : `${pa}→${pb}`;
  if (thread && thread.includes(':')) pos += thread.slice(thread.indexOf(':'));
  const program = p.b?.program ?? p.a?.program ?? '?';
  const only = p.status === 'added' ? ' (only in b)' : p.status === 'removed' ? ' (only in a)' : '';
  const th = thread && thread.includes(':') ? ` thread ${thread.slice(thread.indexOf(':') + 1)}` : '';
  return `${program} [${pos}]${th}${only}`;
}

function runLine(r: DiffResult['a']): string {
  const cmd = r.argv.length > 0 ? r.argv.join(' ') : '?';
  return `${r.label}\t(${cmd}; ${r.exit})`;
}

/** A unified diff of the normalised strace text, per process, with @@ headers naming the process. */
export function formatUnified(r: DiffResult): string {
  if (r.identical) return '';
  const out: string[] = [`--- a/${runLine(r.a)}`, `+++ b/${runLine(r.b)}`];
  for (const p of r.processes) {
    for (const h of p.hunks) {
      out.push(`@@ -${h.aStart},${h.aLines} +${h.bStart},${h.bLines} @@ ${where(p, h.threadB ?? h.threadA)}`);
      out.push(...h.lines);
    }
  }
  const s = r.summary.exitStatus;
  if (s.changed) out.push(`@@ exit status @@`, `-${s.a}`, `+${s.b}`);
  return out.join('\n') + '\n';
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function countsText(c: { added: number; removed: number; changed: number }): string {
  return `+${c.added} -${c.removed} ~${c.changed}`;
}

/** Per process and per syscall: calls added, removed, changed. */
export function formatStat(r: DiffResult): string {
  const rows: Array<[string, string]> = [];
  let procsChanged = 0, procsAdded = 0, procsRemoved = 0;
  for (const p of r.processes) {
    if (p.status === 'same') continue;
    if (p.status === 'added') procsAdded++; else if (p.status === 'removed') procsRemoved++; else procsChanged++;
    rows.push([where(p, undefined), countsText(p.counts) + (p.threadsReordered ? '  (threads reordered)' : '')]);
    const names = Object.keys(p.bySyscall).sort((x, y) => {
      const cx = p.bySyscall[x]!, cy = p.bySyscall[y]!;
      return (cy.added + cy.removed + cy.changed) - (cx.added + cx.removed + cx.changed) || x.localeCompare(y);
    });
    for (const n of names) rows.push([`  ${n}`, countsText(p.bySyscall[n]!)]);
  }
  const width = Math.min(60, rows.reduce((m, [k]) => Math.max(m, k.length), 0));
  const out = rows.map(([k, v]) => `${pad(k, width)}  ${v}`);
  const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 'es'}`;
  out.push(`${plural(procsChanged, 'process')} changed, ${procsAdded} added, ${procsRemoved} removed; ` +
    `calls: ${r.counts.added} added, ${r.counts.removed} removed, ${r.counts.changed} changed`);
  if (r.summary.exitStatus.changed) out.push(`exit status: ${r.summary.exitStatus.a} -> ${r.summary.exitStatus.b}`);
  return out.join('\n') + '\n';
}

export const FACT_TITLES: Record<FactKind, string> = {
  filesRead: 'files read', filesWritten: 'files written', filesCreated: 'files created', filesDeleted: 'files deleted',
  programs: 'programs executed', networkPeers: 'network peers', failures: 'failed calls',
};

/** Behaviour level: each kind of fact with its + (only in b) and - (only in a) entries. */
/** Files, programs, peers, failures or exit status differ. */
export function summaryDiffers(s: Summary): boolean {
  return s.exitStatus.changed || FACT_KINDS.some((k) => s[k].added.length + s[k].removed.length > 0);
}

export function formatSummary(s: Summary): string {
  const out: string[] = [];
  let any = false;
  for (const k of FACT_KINDS) {
    const c: Change = s[k];
    if (c.added.length + c.removed.length === 0) continue;
    any = true;
    out.push(`${FACT_TITLES[k]}:`);
    for (const x of c.added) out.push(`  + ${x}`);
    for (const x of c.removed) out.push(`  - ${x}`);
  }
  if (!any && !s.exitStatus.changed) out.push('no difference in files, programs, peers or failures (the calls differ: see --stat)');
  out.push(s.exitStatus.changed ? `exit status: ${s.exitStatus.a} -> ${s.exitStatus.b}` : `exit status: ${s.exitStatus.a} (same)`);
  return out.join('\n') + '\n';
}

/** The whole result as JSON (stable key order: as built). */
export function formatJson(r: DiffResult): string {
  return JSON.stringify(r, null, 2) + '\n';
}
