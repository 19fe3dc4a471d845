import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A dependency loaded on its first use, synchronously (`require`, which loads an ES module too on
 * the Node versions the package supports), instead of when the toolkit starts: the YAML parser
 * for pages, the ICU parser for `i18next-icu` projects, jsonc-parser for a broken file, the word
 * diff for stale texts. A run that needs none of them (most `bilateral check` runs) never loads
 * them; `bilateral check` starts measurably faster (bench/analysis.md, "Real-world speed").
 */
export function lazyModule<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(id) as T);
}
