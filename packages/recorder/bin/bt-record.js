#!/usr/bin/env node
import "../dist/bt-record.js";
