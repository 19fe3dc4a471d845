import { isStillCopied } from '../../files/lock.js';
import type { NamespaceContext, Pair } from '../context.js';
import { defineRule } from '../rule.js';

/** A code, acronym or symbol: no lower-case letters ("NATO", "(PDF)", "OEC"). */
const CODE = /^[\p{Lu}\p{N}\p{P}\p{S}\s]+$/u;
/** A name written with an inner capital (GitHub, YouTube, macOS, iCloud, PostgreSQL). */
const INNER_CAPITAL =
  /^(?:[\p{L}\p{N}.+&-]*\p{Ll}\p{Lu}[\p{L}\p{N}.+&-]*)(?:\s+[\p{L}\p{N}.+&-]+)?$/u;
/** A URL, an e-mail address, a file name or path, a version number. */
const MACHINE = [
  /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+$/i,
  /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  /^v?\d+(?:\.\d+)+(?:[-+][\w.]+)?$/i,
  /^[\w.-]*[/\\][\w./\\-]*$/,
  /^[\w-]+\.[a-z0-9]{1,5}$/i,
];
/** Words every language writes the same way (an interjection, units, abbreviations). */
const UNIVERSAL = new Set([
  'ok',
  'min',
  'max',
  'ms',
  'px',
  'kb',
  'mb',
  'gb',
  'tb',
  'km',
  'kg',
  'id',
  'url',
  'api',
  'email',
  'e-mail',
]);
/** At most this many words and characters for a text kept in most languages to be a name. */
const NAME_WORDS = 3;
const NAME_LENGTH = 32;

const languages = new Map<string, string>();
/** The language of a locale (`pt_BR` → `pt`), memoised: it is asked once per text. */
const language = (locale: string): string => {
  let l = languages.get(locale);
  if (l === undefined)
    languages.set(locale, (l = (locale.split(/[-_]/)[0] as string).toLowerCase()));
  return l;
};

/**
 * Texts identical to the source: not translated yet (`sync` copies the source text, so this is
 * also how `check` lists what `sync` added). A text the lock file records as copied by `sync` is
 * named as such, even after the source moved on (it is still the old source text), and allowed
 * values do not excuse it: the pages show it as the source language until it is translated.
 * Otherwise left alone: a regional variant of the source's language (en_GB from en_US), texts
 * without letters, codes and acronyms, names with an inner capital (GitHub), URLs, e-mail
 * addresses, versions, universal words (OK, min), and the values listed in
 * `rules.untranslated.allow`. A short text most languages keep ("Google Analytics") is only info.
 * With `returnEmptyString: false`, an empty translation is untranslated too: i18next shows the
 * fallback text.
 */
export const untranslated = defineRule({
  meta: {
    id: 'untranslated',
    severity: 'warning',
    needsCore: false,
    description:
      'The text is not just a copy of the source (regional variants of the source language, names, codes, URLs and the allowed texts may be), nor empty where i18next falls back (returnEmptyString: false).',
    options: {
      allow: {
        type: 'string[]',
        description: 'texts that stay the same in every language (proper nouns, brand names)',
      },
    },
  },
  namespace(ctx) {
    const allow = new Set((ctx.options()['allow'] as string[] | undefined) ?? []);
    const copied = reportCopied(ctx);
    const fallsBack = !ctx.i18next.returnEmptyString;
    const sourceLanguage = language(ctx.source);
    const pairs = ctx.pairs();
    // Counted once a copy needs it (most namespaces have none to explain).
    let kept: Map<string, string> | undefined;
    const names = new Map<string, boolean>();
    // One message for every copy (the source is the same for every pair of the namespace).
    let notTranslated: string | undefined;
    for (let p = 0; p < pairs.length; p++) {
      const pair = pairs[p] as Pair;
      if (copied.size > 0 && copied.has(`${pair.file.locale}\u0000${pair.entry.key}`)) continue;
      if (fallsBack && pair.value === '' && pair.sourceValue.trim() !== '') {
        ctx.report({
          file: pair.file,
          offset: pair.entry.valueOffset,
          key: pair.entry.key,
          message:
            'not translated: the text is empty, so i18next shows the fallback text (returnEmptyString: false)',
          hint: 'Translate it.',
        });
        continue;
      }
      // Cheap tests first: most texts differ from the source in their first characters.
      if (pair.value === '' || !sameTrimmed(pair.value, pair.sourceValue)) continue;
      if (pair.value.trim() === '' || language(pair.file.locale) === sourceLanguage) continue;
      const visible = ctx.scan(pair.value, pair.entry).masked.trim();
      if (allow.has(pair.value.trim())) continue;
      // The same copy in many languages: judged once.
      let name = names.get(visible);
      if (name === undefined) names.set(visible, (name = isName(visible)));
      if (name) continue;
      const most = (kept ??= keptInMost(pairs)).get(pair.entry.key);
      if (most !== undefined) {
        // Most likely a name; but `sync` also copies a new text into every language at once.
        ctx.report({
          severity: 'info',
          file: pair.file,
          offset: pair.entry.valueOffset,
          key: pair.entry.key,
          message: `the same text as the source (${pair.source.locale}) in ${most}: a name, or not translated yet`,
          hint: 'Translate it, or, if it is a name that stays the same, add it to "rules.untranslated.allow".',
        });
        continue;
      }
      ctx.report({
        file: pair.file,
        offset: pair.entry.valueOffset,
        key: pair.entry.key,
        message:
          (notTranslated ??= `not translated: the same text as the source (${pair.source.locale})`),
        hint: 'Translate it. If it is a name or code that stays the same in every language, add it to "rules.untranslated.allow" in bilateral.config.json.',
      });
    }
  },
});

/**
 * Reports the texts the lock file records as copied by `sync` and still the copy (named as such,
 * whatever the allowlist says); returns them as `locale\u0000key`.
 */
function reportCopied(ctx: NamespaceContext): Set<string> {
  const src = ctx.project.sourceLocale;
  const copied = new Set<string>();
  const source = ctx.sourceFile();
  if (source === undefined) return copied;
  const sourceLogical = ctx.logical(source);
  for (const locale of ctx.targets) {
    const lock = ctx.project.locks.get(locale);
    const file = ctx.usable(locale);
    if (lock === undefined || lock.problem !== undefined || file === undefined) continue;
    if (lock.keys.size === 0) continue; // no lock file, or nothing recorded: nothing copied
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
  return copied;
}

/** A text that is not prose to translate: no letters, a code, a name, a URL, a universal word. */
function isName(visible: string): boolean {
  if (!/\p{L}/u.test(visible) || CODE.test(visible)) return true;
  if (UNIVERSAL.has(visible.toLowerCase().replace(/[.:]$/, ''))) return true;
  return INNER_CAPITAL.test(visible) || MACHINE.some((re) => re.test(visible));
}

/**
 * Keys whose short text most languages keep as the source has it (at least three languages, and
 * more than half of those with a text), with "n of m languages": most likely a name, which is only
 * info (a text `sync` has just copied into every language looks the same, so it is not dropped).
 */
function keptInMost(pairs: readonly Pair[]): Map<string, string> {
  const counts = new Map<string, { same: number; all: number }>();
  for (let i = 0; i < pairs.length; i++) {
    const p = pairs[i] as Pair;
    // A regional variant of the source language keeps the source's text anyway: not a vote.
    if (p.value === '' || language(p.file.locale) === language(p.source.locale)) continue;
    const v = p.value.trim();
    if (v === '') continue;
    let c = counts.get(p.entry.key);
    if (c === undefined) counts.set(p.entry.key, (c = { same: 0, all: 0 }));
    c.all++;
    if (
      v.length <= NAME_LENGTH &&
      v === p.sourceValue.trim() &&
      v.split(/\s+/).length <= NAME_WORDS
    )
      c.same++;
  }
  const out = new Map<string, string>();
  for (const [key, c] of counts)
    if (c.all >= 3 && c.same * 2 > c.all) out.set(key, `${c.same} of ${c.all} languages`);
  return out;
}

/** Whether two texts are equal once trimmed (without trimming the many that differ inside). */
function sameTrimmed(a: string, b: string): boolean {
  if (a === b) return true;
  return a.trim() === b.trim();
}
