// DuckDB, embedded (@duckdb/node-api, with its binary inside the npm package),
// loaded with require: imported from an ES module, Node first scans each of its
// CommonJS files for named exports (measured: 0.70-0.85 s to import it, 0.32-0.36 s
// to require it, at load average 7). Its ~120 files are bundled into one at build time
// (dist/duckdb-api.cjs, the repository's scripts/bundle-cjs.mjs; @duckdb/node-bindings,
// with the addon, stays a package): 62-128 -> 22-29 ms to require (BENCHMARKS.md, issue 12).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// DuckDB's allocator (its own jemalloc, configured from this variable when the library loads) with one
// arena instead of one per CPU: the COPYs run on Node's pool threads, which otherwise take memory from
// different arenas, so a part's freed buffers were not reused by the next part's COPY on another thread
// (bt-export of the 1M-call storm: 9% fewer page faults; BENCHMARKS.md, issue 12). A value set by the user is kept.
process.env.DUCKDB_JE_MALLOC_CONF ??= 'narenas:1';
export const duckdb: typeof import('@duckdb/node-api') = require('./duckdb-api.cjs');
export const bindings: typeof import('@duckdb/node-bindings') = require('@duckdb/node-bindings');
