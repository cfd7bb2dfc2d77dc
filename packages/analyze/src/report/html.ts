// bt-report's page: one self-contained HTML file (styles and the timeline's
// script inline, no network: a Content-Security-Policy forbids any load), laid
// out for a laptop screen. The tables are plain HTML; the histograms are
// inline SVG; the timeline is a canvas drawn by client/timeline.ts from the
// data embedded as JSON.
import { readFileSync } from 'node:fs';
import { signalName } from '../decode/structs.js';
import { mainClass, MAIN_CLASSES } from '../export/classes.js';
import { basename, type ProcessInfo, type TimelineResult } from '../export/timeline.js';
import { HIST_BINS, KEEP_CALLS, KEEP_FAILED, LINE_BUDGET, type ReportCollector } from './collect.js';

/** Colours of the main classes (MAIN_CLASSES order). */
export const CLASS_COLORS: Readonly<Record<string, string>> = {
  network: '#1f77b4', process: '#d62728', signal: '#e377c2', ipc: '#17becf', memory: '#9467bd',
  file: '#2ca02c', desc: '#ff7f0e', creds: '#8c564b', clock: '#bcbd22', other: '#7f7f7f',
};

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const num = (n: number): string => Math.round(n).toLocaleString('en-US');

export function duration(ns: number): string {
  if (ns < 1e3) return `${ns} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toFixed(1)} µs`;
  if (ns < 1e9) return `${(ns / 1e6).toFixed(1)} ms`;
  return `${(ns / 1e9).toFixed(ns < 1e11 ? 3 : 1)} s`;
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const u = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = -1;
  while (v >= 1024 && i < u.length - 1) { v /= 1024; i++; }
  return `${v.toFixed(1)} ${u[i]}`;
}

/** A command line as a shell would take it back. */
export function shellJoin(argv: readonly string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** How a process ended, as bt-show's last line for it says. */
export function exitText(p: ProcessInfo): string {
  const e = p.exit;
  if (!e) return p.endNs === undefined ? 'running at the end' : '?';
  return e.kind === 'exited' ? `exited ${e.exitCode ?? '?'}` : `killed by ${e.signal ?? '?'}`;
}

function programExit(r: TimelineResult): string {
  const t = r.trailer;
  const h = r.header;
  if (!t) return 'unknown (the trace has no trailer)';
  if (h?.attached) return `detached (${t.stopReason || 'stopped'})`;
  if (t.programExited) return `exited ${t.exitCode ?? 0}`;
  if (t.termSignal) return `killed by ${signalName(t.termSignal)}${t.coreDumped ? ' (core dumped)' : ''}`;
  return t.stopReason ? `recording stopped (${t.stopReason})` : '?';
}

/** Processes in tree order (each after its parent), with their depth. */
export function treeOrder(procs: readonly ProcessInfo[]): { p: ProcessInfo; depth: number }[] {
  const known = new Set(procs);
  const kids = new Map<ProcessInfo | undefined, ProcessInfo[]>();
  for (const p of procs) {
    const parent = p.parent && known.has(p.parent) ? p.parent : undefined;
    const k = kids.get(parent);
    if (k) k.push(p); else kids.set(parent, [p]);
  }
  const out: { p: ProcessInfo; depth: number }[] = [];
  const walk = (parent: ProcessInfo | undefined, depth: number): void => {
    for (const p of kids.get(parent) ?? []) {
      out.push({ p, depth });
      walk(p, depth + 1);
    }
  };
  walk(undefined, 0);
  return out;
}

function table(id: string, head: readonly string[], rows: readonly string[][], numeric: ReadonlySet<number>, foot?: string[]): string {
  const th = head.map((h, i) => `<th${numeric.has(i) ? ' class="n"' : ''}>${esc(h)}</th>`).join('');
  const tr = (r: string[], tag = 'td'): string => `<tr>${r.map((c, i) => `<${tag}${numeric.has(i) ? ' class="n"' : ''}>${c}</${tag}>`).join('')}</tr>`;
  return `<table id="${id}" class="sortable"><thead><tr>${th}</tr></thead><tbody>${rows.map((r) => tr(r)).join('')}</tbody>${foot ? `<tfoot>${tr(foot)}</tfoot>` : ''}</table>`;
}

function histogram(name: string, h: Float64Array): string {
  let lo = 0;
  let hi = HIST_BINS - 1;
  while (lo < hi && h[lo] === 0) lo++;
  while (hi > lo && h[hi] === 0) hi--;
  const max = Math.max(...h);
  const W = 360;
  const H = 110;
  const n = hi - lo + 1;
  const bw = Math.max(4, Math.floor((W - 10) / Math.max(n, 1)));
  let bars = '';
  for (let i = lo; i <= hi; i++) {
    const v = h[i]!;
    const bh = v ? Math.max(1, Math.round((v / max) * (H - 30))) : 0;
    const x = 5 + (i - lo) * bw;
    bars += `<rect x="${x}" y="${H - 18 - bh}" width="${bw - 1}" height="${bh}"><title>${duration(2 ** i)} - ${duration(2 ** (i + 1))}: ${num(v)} calls</title></rect>`;
    if ((i - lo) % Math.ceil(n / 6) === 0) bars += `<text x="${x}" y="${H - 4}">${duration(2 ** i).replace(' ', '')}</text>`;
  }
  return `<figure class="hist"><figcaption>${esc(name)}</figcaption><svg width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="latency of ${esc(name)}">${bars}</svg></figure>`;
}

const CSS = `
:root{font:14px/1.4 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1d1d1f;background:#fafafa}
body{margin:0;padding:0 24px 40px;max-width:1400px}
header{padding:16px 0 8px;border-bottom:1px solid #ddd}
h1{font:600 18px ui-monospace,SFMono-Regular,Menlo,monospace;margin:0 0 8px;word-break:break-all}
h2{font-size:16px;margin:28px 0 8px}
.facts{display:flex;flex-wrap:wrap;gap:6px 28px;margin:0}
.facts div{display:flex;gap:6px}.facts dt{color:#666}.facts dd{margin:0;font-weight:600}
.warn{background:#fff3cd;border:1px solid #e0c36a;padding:6px 10px;border-radius:4px;margin:10px 0}
nav{margin:10px 0;display:flex;gap:14px;flex-wrap:wrap}nav a{color:#0b62c4;text-decoration:none}
table{border-collapse:collapse;font-size:13px;margin:4px 0}
th,td{padding:3px 10px;border-bottom:1px solid #e5e5e5;text-align:left;vertical-align:top}
th{background:#f0f0f0;position:sticky;top:0;cursor:pointer;user-select:none}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
tfoot td{font-weight:600;border-top:2px solid #ccc}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px}
.scroll{max-height:420px;overflow:auto;border:1px solid #e5e5e5}
.program{font-weight:600}
.failed{color:#b00020}
#tl{position:relative;border:1px solid #ccc;background:#fff;user-select:none;overflow-y:auto;overflow-x:hidden}
#tl canvas{display:block;width:100%;position:sticky;top:0}
tr.proc{cursor:pointer}tr.proc:hover{background:#eef4ff}
#tip{position:fixed;pointer-events:none;background:#222;color:#fff;padding:6px 8px;border-radius:4px;font:12px ui-monospace,monospace;max-width:700px;white-space:pre-wrap;word-break:break-all;display:none;z-index:10}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;margin:6px 0;font-size:12px}
.legend span::before{content:'';display:inline-block;width:10px;height:10px;margin-right:4px;background:var(--c);vertical-align:-1px}
.hint{color:#666;font-size:12px}
.hists{display:flex;flex-wrap:wrap;gap:12px}
figure.hist{margin:0;border:1px solid #e5e5e5;background:#fff;padding:6px}
figure.hist figcaption{font:600 12px ui-monospace,monospace}
figure.hist rect{fill:#4c78a8}figure.hist text{font-size:9px;fill:#555}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:16px}
.toolbar{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin:6px 0}.toolbar button{font-size:12px;white-space:nowrap}
`;

export interface RenderInput {
  readonly result: TimelineResult;
  readonly c: ReportCollector;
  readonly source: string;
  /** The timeline's script (client/timeline.ts compiled), inlined. */
  readonly script?: string;
  readonly noData: boolean;
}

/** The timeline's data: lanes in process-tree order, kept calls per lane (delta-coded), buckets, call texts. */
function timelineData(r: RenderInput, order: readonly { p: ProcessInfo; depth: number }[]): { json: string; drawn: number; lanes: number } {
  const c = r.c;
  const t0 = c.t0 < 0 ? r.result.firstNs : c.t0;
  const rank = new Map(order.map((o, i) => [o.p, i]));
  const laneIds = c.lanes.map((_, i) => i).sort((a, b) => {
    const la = c.lanes[a]!.thread;
    const lb = c.lanes[b]!.thread;
    return (rank.get(la.process) ?? 0) - (rank.get(lb.process) ?? 0) || a - b;
  });
  const pos = new Map(laneIds.map((id, i) => [id, i]));
  const kept = c.kept().sort((a, b) => a.lane - b.lane || a.begin - b.begin);
  // Call text within the budget: failed calls first, then the slowest.
  const byPriority = kept.map((_, i) => i).sort((a, b) => (kept[b]!.flags & 1) - (kept[a]!.flags & 1) || kept[b]!.dur - kept[a]!.dur);
  const lineOf = new Int32Array(kept.length).fill(-1);
  const lines: string[] = [];
  const lineIdx = new Map<string, number>();
  let budget = LINE_BUDGET;
  let withoutText = 0;
  for (const i of byPriority) {
    const l = kept[i]!.line;
    let id = lineIdx.get(l);
    if (id === undefined) {
      if (budget < l.length) { withoutText++; continue; }
      budget -= l.length;
      id = lines.length;
      lines.push(l);
      lineIdx.set(l, id);
    }
    lineOf[i] = id;
  }
  type LaneOut = { label: string; pid: number; tid: number; proc: number; calls: number; failed: number; busy: number; start: number; end: number; b: number[]; d: number[]; k: number[]; f: number[]; l: number[]; g: number[] };
  const lanes: LaneOut[] = laneIds.map((id) => {
    const L = c.lanes[id]!;
    const t = L.thread;
    return {
      label: `${basename(t.process.program)} ${t.tid}`, pid: t.process.pid, tid: t.tid, proc: rank.get(t.process) ?? 0,
      calls: L.calls, failed: L.failed, busy: L.busyNs, start: Math.max(0, t.startNs - t0), end: (t.endNs ?? r.result.lastNs) - t0,
      b: [], d: [], k: [], f: [], l: [], g: [],
    };
  });
  const prev = new Map<number, number>();
  kept.forEach((k, i) => {
    const lane = lanes[pos.get(k.lane)!]!;
    const at = k.begin - t0;
    lane.b.push(at - (prev.get(k.lane) ?? 0));
    prev.set(k.lane, at);
    lane.d.push(k.dur);
    lane.k.push(k.name);
    lane.f.push(k.flags);
    lane.l.push(lineOf[i]!);
  });
  const aggregated = c.aggregated;
  if (aggregated) {
    c.lanes.forEach((L, id) => {
      const out = lanes[pos.get(id)!]!;
      for (const [idx, b] of [...L.buckets].sort((x, y) => x[0] - y[0])) {
        let cls = 0;
        for (let j = 1; j < MAIN_CLASSES.length; j++) if (b[3 + j]! > b[3 + cls]!) cls = j;
        out.g.push(idx, b[0]!, b[1]!, b[2]!, cls);
      }
    });
  }
  const data = {
    end: Math.max(r.result.lastNs - t0, 1), bucketNs: c.bucketNs, aggregated, calls: c.calls, drawn: kept.length, withoutText,
    names: c.names, cls: c.names.map((n) => MAIN_CLASSES.indexOf(mainClass(c.table?.byName.get(n)?.classes ?? []))),
    classes: MAIN_CLASSES, colors: MAIN_CLASSES.map((k) => CLASS_COLORS[k]), lanes, lines,
  };
  // Inside <script>: nothing can close the element.
  return { json: JSON.stringify(data).replace(/</g, '\\u003c'), drawn: kept.length, lanes: lanes.length };
}

/** The report page. */
export function renderReport(r: RenderInput): string {
  const { result, c } = r;
  const h = result.header;
  const t = result.trailer;
  const order = treeOrder(result.processes);
  const command = h?.attached ? `attached to pid ${h.rootPid}` : shellJoin(h?.argv ?? []);
  const start = Number(h?.monotonicNs ?? result.firstNs);
  const end = Math.max(result.lastNs, Number(t?.endMonotonicNs ?? 0));
  const lost = (t?.lostPerCpu ?? []).reduce((s: number, v) => s + Number(v), 0);
  const recorded = h?.realtimeNs ? new Date(Number(h.realtimeNs) / 1e6).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : '?';
  const facts: [string, string][] = [
    ['exit status', programExit(result)], ['duration', duration(Math.max(0, end - start))], ['syscalls', num(c.calls)],
    ['processes', num(result.processes.length)], ['threads', num(c.lanes.length)], ['lost records', num(lost)],
    ['signals', num(c.signals)], ['host', `${h?.hostname ?? '?'} (Linux ${h?.kernelRelease ?? '?'})`], ['recorded', recorded],
  ];
  const warn: string[] = [];
  if (result.problem) warn.push(`The trace was cut short or is damaged: ${result.problem.message} (at byte ${result.problem.offset}). This report shows what was readable.`);
  if (lost) warn.push(`${num(lost)} records were lost while recording (the kernel's ring buffer was full): some calls are missing.`);
  if (r.noData) warn.push('Made with --no-data: buffer contents are left out of the calls shown.');

  const tl = timelineData(r, order);
  const aggregateNote = c.aggregated
    ? `This run has ${num(c.calls)} calls: the timeline draws ${num(tl.drawn)} of them one by one (the failed calls, up to ${num(KEEP_FAILED)}, and the ${num(KEEP_CALLS)} slowest of the others) and shows all of them as the share of each thread's time spent in calls, per ${duration(c.bucketNs)} (the bars' colour is the most frequent class).`
    : `All ${num(c.calls)} calls are drawn one by one.`;

  const procRows = order.map(({ p, depth }) => {
    const life = `${duration(Math.max(0, p.startNs - start))} → ${p.endNs === undefined ? 'end' : duration(Math.max(0, p.endNs - start))}`;
    const ran = p.programs.map((x) => esc(x)).join(' → ');
    return `<tr class="proc" data-pid="${p.pid}"><td class="mono" style="padding-left:${10 + depth * 16}px">${p.pid}</td>`
      + `<td class="program mono" title="${esc(p.programs.join(' → '))}">${esc(basename(p.program))}</td><td class="mono">${ran}</td>`
      + `<td class="n">${p.threads}</td><td class="n">${num(p.calls)}</td><td class="n">${p.failed ? num(p.failed) : ''}</td>`
      + `<td>${esc(life)} (${duration(Math.max(0, (p.endNs ?? end) - p.startNs))})</td><td>${esc(exitText(p))}</td></tr>`;
  }).join('');
  const procTable = `<div class="scroll"><table id="process-tree"><thead><tr><th>pid</th><th>program</th><th>programs run</th><th class="n">threads</th><th class="n">calls</th><th class="n">failed</th><th>lifetime (from the start)</th><th>exit</th></tr></thead><tbody>${procRows}</tbody></table></div>`;

  // Per-syscall table, as strace -c.
  const rows = c.summary.entries('time');
  const totNs = rows.reduce((s, x) => s + x.ns, 0);
  const totCalls = rows.reduce((s, x) => s + x.calls, 0);
  const totErr = rows.reduce((s, x) => s + x.errors, 0);
  const secs = (ns: number): string => (ns / 1e9).toFixed(6);
  const usecs = (ns: number, calls: number): string => String(calls ? Math.floor(ns / calls / 1000) : 0);
  const scTable = table('syscall-table', ['% time', 'seconds', 'usecs/call', 'calls', 'errors', 'syscall'],
    rows.map((x) => [(totNs ? (100 * x.ns) / totNs : 0).toFixed(2), secs(x.ns), usecs(x.ns, x.calls), String(x.calls), x.errors ? String(x.errors) : '', `<code>${esc(x.name)}</code>`]),
    new Set([0, 1, 2, 3, 4]), ['100.00', secs(totNs), usecs(totNs, totCalls), String(totCalls), totErr ? String(totErr) : '', 'total']);

  const slowest = rows.filter((x) => c.hist.has(x.name)).slice(0, 6);
  const hists = slowest.map((x) => histogram(x.name, c.hist.get(x.name)!)).join('');

  const TOP = 1000;
  const more = (n: number, what: string): string => (n > TOP ? `<p class="hint">${num(n - TOP)} more ${what} not shown.</p>` : '');
  const files = [...c.files.values()].sort((a, b) => b.read + b.written - a.read - a.written);
  const fileTable = files.length
    ? table('files-table', ['file', 'read', 'written', 'calls'], files.slice(0, TOP).map((f) => [`<code>${esc(f.path)}</code>`, f.read ? bytes(f.read) : '', f.written ? bytes(f.written) : '', num(f.calls)]), new Set([1, 2, 3])) + more(files.length, 'files')
    : '<p class="hint">No data was read or written through a file descriptor.</p>';
  const peers = [...c.peers.values()].sort((a, b) => sum(b.calls) - sum(a.calls));
  const peerTable = peers.length
    ? table('network-table', ['address', 'calls', 'failed'], peers.slice(0, TOP).map((p) => [`<code>${esc(p.address)}</code>`, [...p.calls].map(([n, k]) => `${esc(n)} ×${k}`).join(', '), p.failed ? num(p.failed) : '']), new Set([2])) + more(peers.length, 'addresses')
    : '<p class="hint">No network address appears in the calls.</p>';
  const fails = [...c.failures.values()].sort((a, b) => b.count - a.count || (a.errno < b.errno ? -1 : 1));
  const byErrno = new Map<string, { count: number; paths: number; syscalls: Map<string, number> }>();
  for (const f of fails) {
    const e = byErrno.get(f.errno) ?? { count: 0, paths: 0, syscalls: new Map<string, number>() };
    e.count += f.count;
    e.paths++;
    for (const [n, k] of f.syscalls) e.syscalls.set(n, (e.syscalls.get(n) ?? 0) + k);
    byErrno.set(f.errno, e);
  }
  const errnoTable = table('errno-table', ['errno', 'failed calls', 'paths or fds', 'syscalls'],
    [...byErrno].sort((a, b) => b[1].count - a[1].count).map(([e, x]) => [`<span class="failed">${esc(e)}</span>`, num(x.count), num(x.paths),
      [...x.syscalls].sort((a, b) => b[1] - a[1]).map(([n, k]) => `${esc(n)} ×${k}`).join(', ')]), new Set([1, 2]));
  const failTable = fails.length
    ? errnoTable + table('failures-table', ['errno', 'path or fd', 'count', 'syscalls'], fails.slice(0, TOP).map((f) => [`<span class="failed">${esc(f.errno)}</span>`, `<code>${esc(f.path)}</code>`, num(f.count), [...f.syscalls].map(([n, k]) => `${esc(n)} ×${k}`).join(', ')]), new Set([2])) + more(fails.length, 'groups')
    : '<p class="hint">No call failed.</p>';

  const legend = MAIN_CLASSES.map((k) => `<span style="--c:${CLASS_COLORS[k]}">${k}</span>`).join('') + '<span style="--c:#000">failed (black mark)</span>';
  const csp = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="generator" content="beetrace bt-report">
<title>beetrace: ${esc(command || r.source)}</title><style>${CSS}</style></head>
<body>
<header><h1 id="command">${esc(command || '?')}</h1><dl class="facts">${facts.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd id="fact-${k.replace(/ /g, '-')}">${esc(v)}</dd></div>`).join('')}</dl>
${warn.map((w) => `<p class="warn">${esc(w)}</p>`).join('\n')}
<nav><a href="#processes">processes</a><a href="#timeline">timeline</a><a href="#syscalls">syscalls</a><a href="#latency">latency</a><a href="#files">files</a><a href="#network">network</a><a href="#failures">failures</a></nav></header>
<section id="processes"><h2>Processes (${num(result.processes.length)})</h2>${procTable}</section>
<section id="timeline"><h2>Timeline</h2><p class="hint" id="timeline-note">${esc(aggregateNote)}</p>
<div class="legend">${legend}</div>
<div class="toolbar"><button id="zoom-in" type="button">zoom in</button><button id="zoom-out" type="button">zoom out</button><button id="zoom-reset" type="button">whole run</button><span class="hint">wheel or W/S: zoom at the pointer · drag or A/D: pan · shift+wheel or the scroll bar: more threads · double-click: whole run · hover: the call as bt-show -y prints it · click a process row: its threads</span></div>
<div id="tl"><canvas id="tl-canvas" height="300"></canvas><div id="tl-space"></div></div><div id="tip"></div></section>
<section id="syscalls"><h2>Syscalls (as <code>bt-show -c</code>, <code>strace -c</code>)</h2><div class="scroll">${scTable}</div></section>
<section id="latency"><h2>Latency of the syscalls that took the most time</h2><div class="hists">${hists || '<p class="hint">No call returned.</p>'}</div></section>
<div class="grid">
<section id="files"><h2>Files by bytes read and written</h2><div class="scroll">${fileTable}</div></section>
<section id="network"><h2>Network addresses</h2><div class="scroll">${peerTable}</div></section>
</div>
<section id="failures"><h2>Failures by errno and path</h2><div class="scroll">${failTable}</div></section>
<script type="application/json" id="bt-data">${tl.json}</script>
<script>${r.script ?? loadScript()}</script>
</body></html>
`;
}

function sum(m: Map<string, number>): number {
  let s = 0;
  for (const v of m.values()) s += v;
  return s;
}

let script: string | undefined;
/** The compiled timeline script (dist/report/client/timeline.js). */
export function loadScript(): string {
  return (script ??= readFileSync(new URL('./client/timeline.js', import.meta.url), 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, ''));
}
