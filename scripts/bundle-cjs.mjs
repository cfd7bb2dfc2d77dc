// One ES-module entry and what it imports as one CommonJS file, made at build time with esbuild:
//   node ../../scripts/bundle-cjs.mjs ENTRY OUTFILE [PACKAGE...]   (run in the package's folder; esbuild is its dev dependency)
// PACKAGEs stay outside the bundle, required at run time (a package with an addon: @duckdb/node-bindings).
// At start Node's ES-module loader costs ~0.7 ms of CPU per module; one file read by the CommonJS
// loader starts sooner (BENCHMARKS.md: bt-record's bin, issue 10; the store's decode worker, issue 12).
// Files beside the modules (an addon, build data) are still found from import.meta.url: the bundle
// lies in dist/ with them. A package imported on demand (`import('pkg')`) stays an ES module of its
// own, loaded only then (bt-record's --flight/--rotate state tracker, with protobufjs).
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [entry, outfile, ...external] = process.argv.slice(2);
if (!entry || !outfile) {
  console.error('usage: node bundle-cjs.mjs ENTRY OUTFILE [PACKAGE...]');
  process.exit(2);
}
const { build } = createRequire(join(process.cwd(), 'package.json'))('esbuild');

await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  external,
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
