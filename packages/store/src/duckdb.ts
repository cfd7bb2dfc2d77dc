// DuckDB, embedded (@duckdb/node-api, with its binary inside the npm package),
// loaded with require: imported from an ES module, Node first scans each of its
// CommonJS files for named exports (measured: 0.70-0.85 s to import it, 0.32-0.36 s
// to require it, at load average 7). Its ~120 files are bundled into one at build time
// (dist/duckdb-api.cjs, the repository's scripts/bundle-cjs.mjs; @duckdb/node-bindings,
// with the addon, stays a package): 62-128 -> 22-29 ms to require (BENCHMARKS.md, issue 12).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const duckdb: typeof import('@duckdb/node-api') = require('./duckdb-api.cjs');
export const bindings: typeof import('@duckdb/node-bindings') = require('@duckdb/node-bindings');
