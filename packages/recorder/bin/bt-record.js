#!/usr/bin/env node
// CommonJS (bin/package.json): Node starts it without its ES-module loader (the repository's scripts/bundle-cjs.mjs).
require("../dist/bt-record.cjs");
