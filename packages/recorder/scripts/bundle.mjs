// bt-record's runtime as one file, dist/bt-record.js (what bin/bt-record.js imports): Node's
// ES-module loader costs ~0.7 ms of CPU per module at start-up, and a plain recording loaded 14.
// Files beside the modules (the addon, the build data) are found from import.meta.url as before:
// the bundle is in dist/ with them. Another package's module imported on demand (--flight's and
// --rotate's state tracker, @beetrace/analyze/state, with protobufjs) stays a module of its own,
// loaded only then.
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/cli.js'],
  outfile: 'dist/bt-record.js',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  plugins: [{
    name: 'on-demand-packages',
    setup(b) {
      b.onResolve({ filter: /^[^.]/ }, (a) => (a.kind === 'dynamic-import' ? { external: true } : undefined));
    },
  }],
});
