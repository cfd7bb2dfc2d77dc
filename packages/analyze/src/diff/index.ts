// bt-diff's library API: compare two runs by behaviour, from node:test or vitest.
export { diffTraces, snapshotText, updateSnapshot, PartialTraceError, type DiffInput, type RecordedRun } from './diff.js';
export type { DiffResult, Summary as DiffSummary, Change, ProcessDiff, ProcessSide, Hunk, Counts, RunInfo } from './engine.js';
export { type DiffOptions, type Normalization, NORMALIZATIONS, defaultNormalization } from './options.js';
export { TraceInputError } from './scan.js';
export { formatUnified, formatStat, formatSummary, formatJson } from './render.js';
