import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Resources } from '../src/index.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const LOCALES = ['ja', 'en', 'uk', 'ko'] as const;
export const NAMESPACES = ['ui', 'terms', 'north-korea-ukraine-relations'] as const;

/** The repository's locale files, read fresh (tests may mutate the copy they get). */
export function repoResources(): Resources {
  const out: Resources = {};
  for (const l of LOCALES) {
    out[l] = {};
    for (const ns of NAMESPACES) {
      out[l][ns] = JSON.parse(
        readFileSync(path.join(repoRoot, 'locales', l, `${ns}.json`), 'utf8'),
      );
    }
  }
  return out;
}
