// bt-export: --format parquet writes runs into a Parquet dataset (this package:
// it reaches both the decode worker and DuckDB; export-parquet.ts); the timeline
// formats (perfetto, chrome-json) are @beetrace/analyze's bt-export, run unchanged.
// Each is loaded only when asked for (DuckDB is not loaded for a timeline).

/** Whether argv asks for --format parquet. */
function wantsParquet(argv: readonly string[]): boolean {
  return argv.some((a, i) => a === '--format=parquet' || (a === '--format' && argv[i + 1] === 'parquet'));
}

if (wantsParquet(process.argv.slice(2))) {
  // The decode worker starts first: its modules load on the other CPU while this thread loads the command's.
  const { DecodeFeed } = await import('../decode-feed.js');
  DecodeFeed.startAhead();
  await import('./export-parquet.js');
} else await import('@beetrace/analyze/bt-export');
