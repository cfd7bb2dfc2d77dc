#!/usr/bin/env node
import "../dist/export/cli.js";
