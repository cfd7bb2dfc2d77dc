#!/usr/bin/env node
import "../dist/show/cli.js";
