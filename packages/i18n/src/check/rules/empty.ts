import { stringValue } from '../../model/keys.js';
import type { Entry, LocaleFile } from '../../model/types.js';
import type { NamespaceContext } from '../context.js';
import { defineRule } from '../rule.js';

/**
 * Empty texts (i18next would show nothing) where the source has text. With
 * `returnEmptyString: false` i18next treats `""` as missing and falls back: in a translation
 * that is the `untranslated` rule's finding, not this one's. A `null` is reported here too, once:
 * with `returnNull: false` (i18next's default since v23) it falls back like a missing key; with
 * `returnNull: true` i18next returns null and the page shows nothing.
 */
export const empty = defineRule({
  meta: {
    id: 'empty',
    severity: 'error',
    needsCore: false,
    description:
      'No empty text where the source has text (with returnEmptyString: false, an empty translation falls back: `untranslated` reports it), and no null (it falls back like a missing key, or with returnNull: true shows nothing).',
  },
  namespace(ctx) {
    const fallsBack = !ctx.i18next.returnEmptyString;
    const source = ctx.sourceFile();
    for (const locale of ctx.project.locales) {
      const file = ctx.usable(locale);
      if (file === undefined) continue;
      for (const entry of file.entries.values()) {
        if (entry.type === 'null') {
          nullText(ctx, file, entry, locale, source);
          continue;
        }
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

/** A null text: one finding, unless the source has null there too (reported on the source). */
function nullText(
  ctx: NamespaceContext,
  file: LocaleFile,
  entry: Entry,
  locale: string,
  source: LocaleFile | undefined,
): void {
  if (locale !== ctx.source && source?.entries.get(entry.key)?.type === 'null') return;
  const shown = ctx.i18next.returnNull;
  ctx.report({
    file,
    offset: entry.valueOffset,
    key: entry.key,
    message: shown
      ? `"${entry.key}" is null: i18next returns null (returnNull: true) and the page shows nothing here`
      : `"${entry.key}" is null: i18next treats it as missing (returnNull: false) and shows a fallback language's text or the key`,
    hint:
      locale === ctx.source
        ? 'Write the source text as a string, or delete the key.'
        : 'Write the translation as a string, or delete the key so that the fallback language is shown.',
  });
}
