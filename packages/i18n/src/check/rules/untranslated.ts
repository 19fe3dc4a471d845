import { isStillCopied } from '../../files/lock.js';
import { defineRule } from '../rule.js';

/** A code, acronym or symbol: no lower-case letters ("NATO", "(PDF)", "OEC"). */
const CODE = /^[\p{Lu}\p{N}\p{P}\p{S}\s]+$/u;

/**
 * Texts identical to the source: not translated yet (`sync` copies the source text, so this is
 * also how `check` lists what `sync` added). Texts without letters, codes and acronyms, and the
 * values listed in `rules.untranslated.allow` (proper nouns) may stay as they are. A text the
 * lock file records as copied by `sync` is named as such, even after the source moved on (it is
 * still the old source text), and allowed values do not excuse it: the pages show it as the
 * source language until it is translated.
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
    const src = ctx.project.sourceLocale;
    const copied = new Set<string>();
    const source = ctx.sourceFile();
    if (source !== undefined) {
      const sourceLogical = ctx.logical(source);
      for (const locale of ctx.targets) {
        const lock = ctx.project.locks.get(locale);
        const file = ctx.usable(locale);
        if (lock === undefined || lock.problem !== undefined || file === undefined) continue;
        for (const l of ctx.logical(file).values()) {
          const s = sourceLogical.get(l.key);
          const entry = lock.keys.get(`${ctx.namespace}:${l.key}`);
          if (s === undefined || !isStillCopied(entry, s, l)) continue;
          copied.add(`${locale}\u0000${l.entry.key}`);
          ctx.report({
            file,
            offset: l.entry.valueOffset,
            key: l.entry.key,
            message: `not translated: \`sync\` copied the source text (${src}) here, and the pages show it as ${src} text with a notice`,
            hint: 'Translate it. If it is a name or code that stays the same in every language, accept it as it is with `bilateral accept` and its key.',
          });
        }
      }
    }
    for (const pair of ctx.pairs()) {
      if (copied.has(`${pair.file.locale}\u0000${pair.entry.key}`)) continue;
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
