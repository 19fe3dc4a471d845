#!/usr/bin/env node
/**
 * The `bilateral` executable: the CLI adapter (`adapters/cli/main.ts`) is the only code that prints
 * and sets the exit code.
 */
import module from 'node:module';

// Node 22.1 and later keep V8's compiled code of the toolkit's modules on disk between runs (in
// the system's temporary folder), which shortens every command's start; older Node has no such
// cache, and the call is skipped.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import('./adapters/cli/main.js');
