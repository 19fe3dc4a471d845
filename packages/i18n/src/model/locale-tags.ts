/**
 * Language tags as i18next projects spell them (`pt_BR`, `zh_Hans`, `en-us`, `uk_UA`) and as
 * CLDR wants them (BCP 47: `pt-BR`, `zh-Hans`, `en-US`, `uk-UA`). i18next itself turns `_` into
 * `-` before it asks `Intl.PluralRules`; so do we, and a tag that Intl has no data for is said
 * to be unknown (never silently read as English, which is what `new Intl.PluralRules('xx')` does).
 * Pure functions of the tag and Node's Intl data, memoised for the life of the process.
 */

export interface LocaleTagInfo {
  /** The tag as the project writes it (a folder or file name). */
  readonly tag: string;
  /** The tag in BCP 47 canonical form (`pt_BR` → `pt-BR`), or undefined when it is malformed. */
  readonly bcp47: string | undefined;
  /** The tag whose CLDR data Intl has (`bcp47`, or its language alone), or undefined. */
  readonly cldr: string | undefined;
}

const infos = new Map<string, LocaleTagInfo>();

/** What Intl makes of a project's language tag (see {@link LocaleTagInfo}). */
export function localeTag(tag: string): LocaleTagInfo {
  let info = infos.get(tag);
  if (info !== undefined) return info;
  const bcp47 = toBcp47(tag);
  let cldr: string | undefined;
  if (bcp47 !== undefined) {
    const language = bcp47.split('-')[0] as string;
    cldr = supported(bcp47) ? bcp47 : supported(language) ? language : undefined;
  }
  info = { tag, bcp47, cldr };
  if (infos.size < 10_000) infos.set(tag, info);
  return info;
}

/**
 * The BCP 47 tag Intl has CLDR data for (plural rules, number and date formats), from a tag as
 * an i18next project writes it: `pt_BR` → `pt-BR`, `zh_Hans` → `zh-Hans`, `en-us` → `en-US`,
 * `iw` → `he`. Undefined for a malformed tag or a language Intl does not know (`xx`, `ua`).
 */
export function cldrLocale(tag: string): string | undefined {
  return localeTag(tag).cldr;
}

/** `pt_BR` → `pt-BR` (canonical BCP 47), or undefined when the tag is malformed. */
export function toBcp47(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}

/**
 * Why a language tag cannot be used for CLDR data, or undefined when it can: one sentence for a
 * warning, naming the tag, what was tried and what the checks fall back to.
 */
export function localeTagProblem(tag: string): string | undefined {
  const { bcp47, cldr } = localeTag(tag);
  if (cldr !== undefined) return undefined;
  return bcp47 === undefined
    ? `"${tag}" is not a language tag (BCP 47, e.g. pt-BR or pt_BR): its plural forms cannot be known, so they are checked as "one" and "other" only (as i18next does); rename the folder or file to the language's code`
    : `"${tag}" (${bcp47}) is not a language Intl knows: its plural forms cannot be known, so they are checked as "one" and "other" only (as i18next does); use the language's ISO 639 code (e.g. "uk", not "ua")`;
}

/**
 * Whether a folder or file name could be a language tag, for discovering languages on disk: a
 * 2–3 letter language (or `dev`, i18next's development language), then subtags (`pt_BR`,
 * `zh-Hans`, `sr-Latn-RS`, `es-419`). `package`, `index`, `README` are not.
 */
export function plausibleLanguageTag(name: string): boolean {
  return /^[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{1,8})*$/.test(name);
}

function supported(tag: string): boolean {
  try {
    return Intl.PluralRules.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}
