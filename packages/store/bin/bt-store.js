#!/usr/bin/env node
import "../dist/cli/store.js";
