#!/usr/bin/env node
// The installed entry point: runs the bundled CLI (built by `npm run build`, which `npm ci` runs through `prepare`).
import '../dist/bundle/bin.js';
