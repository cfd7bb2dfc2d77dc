// The decode worker as one CommonJS file, dist/decode-worker.cjs (what DecodeFeed starts): the
// worker's ~40 ES modules (the decoder, the format package, protobufjs) resolved and loaded one by
// one cost the start of every read ~40 ms (BENCHMARKS.md, issue 12); one file read by the
// CommonJS loader starts decoding sooner. As bt-record's bundle (packages/recorder/scripts/bundle.mjs).
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/decode-worker.js'],
  outfile: 'dist/decode-worker.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
