#!/usr/bin/env node
// The `bilateral` executable. A committed file (not dist/cli.js itself), so that package managers
// can link the bin on a fresh install, before the package is built.
import '../dist/cli.js';
