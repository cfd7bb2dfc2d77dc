// @beetrace/analyze: offline decoding of beetrace traces.
// bt-show's decoder: every syscall and process event as strace prints it.
export * from './decode/index.js';
export { Renderer, type RenderOptions } from './show/render.js';
export { Summary, type SortBy } from './show/summary.js';
export { toJson } from './show/json.js';
export * from './diff/index.js';
// bt-export and bt-report: views of one timeline walk over the decoded stream.
export {
  walkTimeline, type Instant, type ProcessInfo, type Slice, type ThreadInfo, type TimelineOptions, type TimelineResult, type TimelineSink,
} from './export/timeline.js';
export { exportTrace, FORMATS, type ExportFormat, type ExportOptions } from './export/export.js';
export { perfetto } from './export/perfetto.js';
export { openOutput, OutputError, type Output } from './export/output.js';
export { buildReport, writeReport, type ReportOptions } from './report/report.js';
