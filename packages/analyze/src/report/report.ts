// bt-report's work, apart from the process plumbing in cli.ts: a trace in, one
// self-contained HTML page out, through the one timeline walk.
import type { Progress, TraceSource } from '@beetrace/format';
import type { Output } from '../export/output.js';
import { type TimelineResult, walkTimeline } from '../export/timeline.js';
import { ReportCollector } from './collect.js';
import { renderReport } from './html.js';

export interface ReportOptions {
  /** Leave buffer contents out of the calls shown (strings and structs stay). */
  readonly noData?: boolean;
  /** Longest string shown in calls (default 32). */
  readonly strSize?: number;
  /** What the page calls the trace when it has no command (a path). */
  readonly name?: string;
  /** Told how far the reading is (a live line on a terminal). */
  readonly progress?: Progress | undefined;
}

/** The report of a trace as one HTML string, and what the walk found. Never throws for bad data: see the result's problem. */
export async function buildReport(source: TraceSource, opts: ReportOptions = {}): Promise<{ html: string; result: TimelineResult }> {
  const c = new ReportCollector();
  const result = await walkTimeline(source, c, { noData: opts.noData ?? false, strSize: opts.strSize ?? 32, progress: opts.progress });
  const html = renderReport({ result, c, source: opts.name ?? (typeof source === 'string' ? source : 'trace'), noData: opts.noData ?? false });
  return { html, result };
}

/** Writes the report of `source` to `out` (which the caller closes). */
export async function writeReport(source: TraceSource, out: Output, opts: ReportOptions = {}): Promise<TimelineResult> {
  const { html, result } = await buildReport(source, opts);
  await out.write(html);
  return result;
}
