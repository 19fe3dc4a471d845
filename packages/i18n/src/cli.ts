#!/usr/bin/env node
/**
 * The `bilateral` executable: the CLI adapter (`adapters/cli/main.ts`) is the only code that prints
 * and sets the exit code.
 */
import './adapters/cli/main.js';
