import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Corpus } from '@bilateral/core';
import { describe, it } from 'vitest';
import { RuleTester, type ProjectConfigInput } from '../../src/testing.js';
import { filesOf, FIXTURES } from '../support.js';

/**
 * The rule tests' shared setup: the tester registers its cases with vitest, and most cases are
 * the `mini` fixture (en source; uk and ja targets; a small core) with an edit or two, in memory.
 */
RuleTester.describe = describe;
RuleTester.it = it;

const MINI = path.join(FIXTURES, 'mini');

/** The mini fixture's locale files. */
export const MINI_FILES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(filesOf(MINI))
    .filter(([p]) => p.startsWith('locales/'))
    .map(([p, bytes]) => [p, Buffer.from(bytes).toString('utf8')]),
);

/** The mini fixture's config (its core is given as a corpus instead). */
export const MINI_CONFIG: ProjectConfigInput = (() => {
  const c = JSON.parse(readFileSync(path.join(MINI, 'bilateral.config.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  delete c['core'];
  return c as unknown as ProjectConfigInput;
})();

export const MINI_CORPUS = (
  (await import(pathToFileURL(path.join(MINI, 'core.mjs')).href)) as { corpus: Corpus }
).corpus;

/** Cases over the mini fixture, with its config and core. */
export const mini = new RuleTester({ files: MINI_FILES, config: MINI_CONFIG, corpus: MINI_CORPUS });

/** Cases over nothing but their own files (source `en`, no core). */
export const bare = new RuleTester({ config: { sourceLocale: 'en' } });

/**
 * A file of the mini fixture with exact texts replaced, each of which must be there:
 * `edit('locales/uk/ui.json', ['"Зміст"', '"Contents"'])`.
 */
export function edit(
  file: string,
  ...replacements: readonly (readonly [string, string])[]
): Record<string, string> {
  let text = MINI_FILES[file];
  if (text === undefined) throw new Error(`the mini fixture has no ${file}`);
  for (const [from, to] of replacements) {
    if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
    text = text.replace(from, to);
  }
  return { [file]: text };
}

/** The mini fixture's config with some rule settings or exemptions changed. */
export function miniConfig(change: {
  rules?: Record<string, unknown>;
  exemptions?: ProjectConfigInput['exemptions'];
}): Partial<ProjectConfigInput> {
  return {
    rules: { ...MINI_CONFIG.rules, ...change.rules },
    exemptions: [...(MINI_CONFIG.exemptions ?? []), ...(change.exemptions ?? [])],
  };
}
