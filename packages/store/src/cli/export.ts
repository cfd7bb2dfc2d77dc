// bt-export: --format parquet writes runs into a Parquet dataset (this package:
// it reaches both the decode worker and DuckDB; export-parquet.ts); the timeline
// formats (perfetto, chrome-json) are @beetrace/analyze's bt-export, run unchanged.
// Each is loaded only when asked for (DuckDB is not loaded for a timeline).

/** Whether argv asks for --format parquet. */
function wantsParquet(argv: readonly string[]): boolean {
  return argv.some((a, i) => a === '--format=parquet' || (a === '--format' && argv[i + 1] === 'parquet'));
}

// Bundled with what it imports into one CommonJS file at build time (dist/bt-export.cjs, the repository's
// scripts/bundle-cjs.mjs; bin/bt-export.js requires it): the parquet path's ~40 ES modules and the
// syscall table's CommonJS protobuf module, which Node's ES loader scans for names first, took 170-178 ms
// of CPU to load, the bundle 70-73 (BENCHMARKS.md, issue 12). So no top-level await here.
if (wantsParquet(process.argv.slice(2))) {
  // The decode worker starts first: its modules load on the other CPU while this thread loads the command's.
  void import('../decode-feed.js').then(({ DecodeFeed }) => {
    DecodeFeed.startAhead();
    return import('./export-parquet.js');
  });
} else void import('@beetrace/analyze/bt-export');
