// DuckDB, embedded (@duckdb/node-api, with its binary inside the npm package),
// loaded with require: imported from an ES module, Node first scans each of its
// CommonJS files for named exports (measured: 0.70-0.85 s to import it, 0.32-0.36 s
// to require it, at load average 7).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const duckdb: typeof import('@duckdb/node-api') = require('@duckdb/node-api');
export const bindings: typeof import('@duckdb/node-bindings') = require('@duckdb/node-bindings');
