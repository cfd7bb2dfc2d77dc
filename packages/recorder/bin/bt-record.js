#!/usr/bin/env node
// CommonJS (bin/package.json): Node starts it without its ES-module loader (scripts/bundle.mjs).
require("../dist/bt-record.cjs");
