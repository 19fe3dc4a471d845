// Which build of the command-line tool `bilateral` runs: the bundle (dist/bundle/cli.js, made by
// scripts/bundle.mjs after `tsc -b`; it starts in about two thirds of the time), unless the
// compiled modules are newer than it — a `tsc -b` alone while developing — then dist/cli.js, the
// same code unbundled. A published package has no tsconfig.tsbuildinfo: the bundle.
import { statSync } from 'node:fs';

/** The URL of the module to import, given this package's folder URL (ending in `/`). */
export function cliEntry(pkg) {
  const mtime = (rel) => {
    try {
      return statSync(new URL(rel, pkg)).mtimeMs;
    } catch {
      return undefined;
    }
  };
  const bundled = mtime('dist/bundle/cli.js');
  const compiled = mtime('tsconfig.tsbuildinfo');
  const fresh = bundled !== undefined && (compiled === undefined || bundled >= compiled);
  return new URL(fresh ? 'dist/bundle/cli.js' : 'dist/cli.js', pkg);
}
