#!/usr/bin/env node
// The command bundled into one CommonJS file (src/cli/export.ts), required: not imported, which would have
// Node's ES loader scan the bundle for export names first.
import { createRequire } from 'node:module';

createRequire(import.meta.url)('../dist/bt-export.cjs');
