import { defineRule } from '../rule.js';

/** A code, acronym or symbol: no lower-case letters ("NATO", "(PDF)", "OEC"). */
const CODE = /^[\p{Lu}\p{N}\p{P}\p{S}\s]+$/u;

/**
 * Texts identical to the source: not translated yet (`sync` copies the source text, so this is
 * also how `check` lists what `sync` added). Texts without letters, codes and acronyms, and the
 * values listed in `rules.untranslated.allow` (proper nouns) may stay as they are.
 */
export const untranslated = defineRule({
  meta: {
    id: 'untranslated',
    severity: 'warning',
    needsCore: false,
    description:
      'The text is not just a copy of the source (proper nouns and codes can be allowed).',
    options: {
      allow: {
        type: 'string[]',
        description: 'texts that stay the same in every language (proper nouns, brand names)',
      },
    },
  },
  namespace(ctx) {
    const allow = new Set((ctx.options()['allow'] as string[] | undefined) ?? []);
    for (const pair of ctx.pairs()) {
      if (pair.value.trim() !== pair.sourceValue.trim() || pair.value.trim() === '') continue;
      const visible = ctx.scan(pair.value).masked.trim();
      if (!/\p{L}/u.test(visible) || CODE.test(visible) || allow.has(pair.value.trim())) continue;
      ctx.report({
        file: pair.file,
        offset: pair.entry.valueOffset,
        key: pair.entry.key,
        message: `not translated: the same text as the source (${pair.source.locale})`,
        hint: 'Translate it. If it is a name or code that stays the same in every language, add it to "rules.untranslated.allow" in bilateral.config.json.',
      });
    }
  },
});
