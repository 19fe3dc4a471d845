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

// `bilateral check` while a `bilateral check --watch` runs in this folder with the same settings:
// that process answers from what it keeps in memory (adapters/cli/served.ts). Otherwise, or when
// it refuses, the command runs here.
const argv = process.argv.slice(2);
const served = argv.includes('check') ? await import('./adapters/cli/served.js') : undefined;
const answer =
  served?.servable(argv, process.env) === true
    ? await served.askServer({
        protocol: served.PROTOCOL,
        toolkit: served.toolkitStamp(served.packageVersion()),
        cwd: process.cwd(),
        argv,
        color: clientColor(),
        commandName: process.env['npm_lifecycle_event'] === 'i18n' ? 'pnpm i18n' : 'bilateral',
        startedAt: performance.timeOrigin,
      })
    : undefined;
if (answer === undefined) await import('./adapters/cli/main.js');
else {
  process.stdout.write(answer.stdout);
  process.stderr.write(answer.stderr);
  process.exitCode = answer.code;
}

/** Colours as `useColor` decides them (adapters/cli/shared.ts), without loading picocolors. */
function clientColor(): boolean {
  if (argv.includes('--no-color')) return false;
  const force = process.env['FORCE_COLOR'];
  if (force !== undefined && force !== '0') return true;
  if (process.env['NO_COLOR'] !== undefined) return false;
  return process.stdout.isTTY === true && process.env['TERM'] !== 'dumb';
}
