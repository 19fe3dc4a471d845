import { stringValue } from '../../model/keys.js';
import type { Rule } from './rule.js';

/** Empty texts (i18next would show nothing) where the source has text. */
export const empty: Rule = {
  id: 'empty',
  run(ctx) {
    for (const ns of ctx.namespaces) {
      const source = ctx.sourceFile(ns);
      for (const locale of ctx.project.locales) {
        const file = ctx.usable(locale, ns);
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
    }
  },
};
