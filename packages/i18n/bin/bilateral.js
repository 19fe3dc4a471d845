#!/usr/bin/env node
// The `bilateral` executable. A committed file (not dist/cli.js itself), so that package managers
// can link the bin on a fresh install, before the package is built.
import { cliEntry } from './entry.js';

await import(cliEntry(new URL('../', import.meta.url)).href);
