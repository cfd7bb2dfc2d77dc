// bt-export's work, apart from the process plumbing in cli.ts: a trace in, a
// Perfetto or Chrome JSON file out, through the one timeline walk.
import type { Progress, TraceSource } from '@beetrace/format';
import { ChromeJsonWriter } from './chrome.js';
import type { Output } from './output.js';
import { PerfettoWriter } from './perfetto.js';
import { type TimelineResult, walkTimeline } from './timeline.js';

export type ExportFormat = 'perfetto' | 'chrome-json';
export const FORMATS: readonly ExportFormat[] = ['perfetto', 'chrome-json'];

export interface ExportOptions {
  readonly format: ExportFormat;
  /** Leave buffer contents out (strings and structs stay). */
  readonly noData?: boolean;
  /** Longest string shown in arguments (default 32). */
  readonly strSize?: number;
  /** Told how far the reading is (a live line on a terminal). */
  readonly progress?: Progress | undefined;
}

/** Writes the export of `source` to `out` (which the caller closes). Never throws for bad data: see the result's problem. */
export async function exportTrace(source: TraceSource, out: Output, opts: ExportOptions): Promise<TimelineResult> {
  const walk = { noData: opts.noData ?? false, strSize: opts.strSize ?? 32, progress: opts.progress };
  if (opts.format === 'perfetto') {
    const w = new PerfettoWriter(out);
    const r = await walkTimeline(source, w, walk);
    await w.finish();
    return r;
  }
  const w = new ChromeJsonWriter(out);
  const r = await walkTimeline(source, w, walk);
  const h = r.header;
  await w.finish({
    source: 'beetrace', command: h?.argv ?? [], hostname: h?.hostname ?? '', kernel: h?.kernelRelease ?? '',
    clock: 'CLOCK_MONOTONIC', complete: r.complete, ...(r.problem ? { problem: r.problem.message } : {}),
  });
  return r;
}
