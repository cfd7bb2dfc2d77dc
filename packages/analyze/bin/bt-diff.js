#!/usr/bin/env node
import "../dist/diff/cli.js";
