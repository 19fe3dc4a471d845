import { stringValue } from '../../model/keys.js';
import { defineRule } from '../rule.js';

/**
 * Empty texts (i18next would show nothing) where the source has text. With
 * `returnEmptyString: false` i18next treats `""` as missing and falls back: in a translation
 * that is the `untranslated` rule's finding, not this one's.
 */
export const empty = defineRule({
  meta: {
    id: 'empty',
    severity: 'error',
    needsCore: false,
    description:
      'No empty text where the source has text (with returnEmptyString: false, an empty translation falls back: `untranslated` reports it).',
  },
  namespace(ctx) {
    const fallsBack = !ctx.i18next.returnEmptyString;
    const source = ctx.sourceFile();
    for (const locale of ctx.project.locales) {
      const file = ctx.usable(locale);
      if (file === undefined) continue;
      for (const entry of file.entries.values()) {
        const v = stringValue(entry);
        if (v === undefined || v.trim() !== '') continue;
        if (locale !== ctx.source) {
          if (fallsBack && v === '') continue;
          const s = stringValue(source?.entries.get(entry.key));
          if (s !== undefined && s.trim() === '') continue;
        }
        ctx.report({
          file,
          offset: entry.valueOffset,
          key: entry.key,
          message:
            fallsBack && v === ''
              ? `"${entry.key}" is empty: i18next treats it as missing (returnEmptyString: false) and shows a fallback language's text or the key`
              : `"${entry.key}" is empty: the page would show nothing here`,
          hint:
            locale === ctx.source
              ? 'Write the source text, or delete the key.'
              : `Translate the source text, or delete the key so that the fallback language is shown.`,
        });
      }
    }
  },
});
