import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { coreEntry } from './core.js';

let memo: string | undefined;

/**
 * The toolkit's fingerprint, for the caches that keep its results between runs (checks, rendered
 * documents): the contents of this package's compiled modules and of @bilateral/core's top-level
 * modules (its queries, dates and registry; not its documents, which each cache hashes per
 * document), the versions of the libraries whose behaviour shows in results (i18next,
 * htmlparser2, jsonc-parser), and Node's version and Intl data (plural rules, dates, month names).
 * Any change to one of them invalidates every cached result; a rebuild of unchanged code does not.
 */
export function toolkitFingerprint(): string {
  if (memo !== undefined) return memo;
  const h = createHash('sha256');
  const add = (label: string, data: string | Uint8Array) =>
    h.update(label).update('\0').update(data);
  const modules = (root: string, dir: string, deep: boolean) => {
    for (const d of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) {
        if (deep && d.name !== 'node_modules') modules(root, p, deep);
      } else if (/\.[cm]?[jt]s$/.test(d.name) && !/\.d\.[cm]?ts$/.test(d.name))
        add(path.relative(root, p), readFileSync(p));
    }
  };
  try {
    // This module is in <package>/dist/files/: the package's modules are everything under dist/.
    const own = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    modules(own, own, true);
    add('package.json', readFileSync(path.join(own, '..', 'package.json')));
    // The core is an optional peer dependency: without it, its absence is what the code is.
    const entry = coreEntry();
    if (entry === undefined) add('core', 'none');
    else modules(path.dirname(entry), path.dirname(entry), false);
    for (const dep of [
      'i18next',
      'htmlparser2',
      'jsonc-parser',
      '@formatjs/icu-messageformat-parser',
    ])
      add(dep, versionOf(dep));
  } catch (e) {
    // Cannot tell what the code is: a value no cache matches.
    add('unknown', `${(e as Error).message} ${Math.random()}`);
  }
  const v = process.versions;
  add('node', JSON.stringify([v.node, v.v8, v.icu, v.unicode, v.cldr, v.tz]));
  memo = h.digest('hex');
  return memo;
}

/** A dependency's version, from the package.json above its entry point. */
function versionOf(dep: string): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve(dep));
  for (let i = 0; i < 8; i++, dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === dep) return pkg.version ?? '?';
    } catch {
      // Not here: one folder up.
    }
  }
  return '?';
}
