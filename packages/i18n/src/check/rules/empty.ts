import { stringValue } from '../../model/keys.js';
import { defineRule } from '../rule.js';

/** Empty texts (i18next would show nothing) where the source has text. */
export const empty = defineRule({
  meta: {
    id: 'empty',
    severity: 'error',
    needsCore: false,
    description: 'No empty text where the source has text.',
  },
  namespace(ctx) {
    const source = ctx.sourceFile();
    for (const locale of ctx.project.locales) {
      const file = ctx.usable(locale);
      if (file === undefined) continue;
      for (const entry of file.entries.values()) {
        const v = stringValue(entry);
        if (v === undefined || v.trim() !== '') continue;
        if (locale !== ctx.source) {
          const s = stringValue(source?.entries.get(entry.key));
          if (s !== undefined && s.trim() === '') continue;
        }
        ctx.report({
          file,
          offset: entry.valueOffset,
          key: entry.key,
          message: `"${entry.key}" is empty: the page would show nothing here`,
          hint:
            locale === ctx.source
              ? 'Write the source text, or delete the key.'
              : `Translate the source text, or delete the key so that the fallback language is shown.`,
        });
      }
    }
  },
});
