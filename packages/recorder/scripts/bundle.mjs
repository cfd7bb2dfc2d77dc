// bt-record's runtime as one CommonJS file, dist/bt-record.cjs (what bin/bt-record.js requires).
// At start-up Node's ES-module loader costs ~0.7 ms of CPU per module, and a plain recording
// loaded 14 of them before the BPF load could start; one file read by the CommonJS loader starts
// it sooner. Files beside the modules (the addon, the build data) are found from import.meta.url
// as before: the bundle is in dist/ with them. Another package's module imported on demand
// (--flight's and --rotate's state tracker, @beetrace/analyze/state, with protobufjs) stays an
// ES module of its own, loaded only then.
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/cli.js'],
  outfile: 'dist/bt-record.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: '"use strict";\nconst importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  logLevel: 'warning',
  plugins: [{
    name: 'on-demand-packages',
    setup(b) {
      b.onResolve({ filter: /^[^.]/ }, (a) => (a.kind === 'dynamic-import' ? { external: true } : undefined));
    },
  }],
});
