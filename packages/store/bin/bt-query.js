#!/usr/bin/env node
import "../dist/cli/query.js";
