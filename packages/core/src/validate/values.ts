import type { LanguageText, Person } from '../types.js';

export interface CorpusProblem {
  /** Where the problem is, as a path into the corpus: `documents.x.sections[2].paragraphs[0]`. */
  readonly path: string;
  readonly message: string;
}

/** Where a problem is (a path into the corpus) and what it is. */
export type Report = (path: string, message: string) => void;

export const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const FACT_ID = /^[a-z][A-Za-z0-9]*$/;
export const CURRENCY = /^[A-Z]{3}$/;
export const TITLE_STATUSES: readonly string[] = ['original', 'unverified'];

let languageNames: Intl.DisplayNames | undefined;

/**
 * Why `tag` is not a usable BCP 47 language tag, or `undefined` when it is: it must be well-formed
 * (`Intl.getCanonicalLocales` accepts it), in canonical form (so that tags compare as strings:
 * `zh-Hans`, not `zh-hans`) and name a language Intl knows (not `english`, not `und`).
 */
export function languageTagProblem(tag: unknown): string | undefined {
  if (typeof tag !== 'string') return `${JSON.stringify(tag)} is not a language tag (a string)`;
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(tag)[0];
  } catch {
    return `"${tag}" is not a BCP 47 language tag (e.g. "en", "uk", "zh-Hans")`;
  }
  if (canonical !== tag) return `"${tag}" is not in canonical form: write "${canonical}"`;
  // Node 20's Intl.Locale gives `und` no language at all (undefined), hence the `?? ''`.
  return knownLanguage(new Intl.Locale(tag).language ?? '')
    ? undefined
    : `"${tag}" names no known language (e.g. "en", "uk", "zh-Hans")`;
}

/** Whether Intl has a name for the language subtag (`und`, `root` and `qaa` have none). */
function knownLanguage(language: string): boolean {
  if (language === '' || language === 'und' || language === 'root') return false;
  languageNames ??= new Intl.DisplayNames('en', { type: 'language', fallback: 'none' });
  try {
    return languageNames.of(language) !== undefined;
  } catch {
    return false;
  }
}

/**
 * Why `value` cannot be a source's address, or `undefined` when it can: an absolute `https:` URL
 * written in full, with a public host name, no user name or password and no unencoded whitespace.
 */
export function sourceUrlProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `${JSON.stringify(value)} is not a URL (a string)`;
  if (/\s/.test(value)) return `"${value}" contains whitespace: percent-encode it (%20)`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not an absolute URL: write it in full, from https://`;
  }
  if (url.protocol !== 'https:') return `"${value}" is not an https URL: use https://`;
  if (!value.startsWith('https://'))
    return `"${value}" is not written in full: start it with https://`;
  if (url.username !== '' || url.password !== '') {
    return `"${value}" carries a user name or password: remove them`;
  }
  if (!url.hostname.includes('.')) return `"${value}" has no public host name`;
  return undefined;
}

/** A name or title with its language: not blank, no stray spaces, a usable language tag. */
export function languageText(
  path: string,
  value: LanguageText,
  what: string,
  report: Report,
): boolean {
  let sound = true;
  if (typeof value.text !== 'string' || value.text.trim() === '') {
    report(`${path}.text`, `${what} is empty`);
    sound = false;
  } else if (value.text.trim() !== value.text) {
    report(`${path}.text`, `${what} "${value.text}" has leading or trailing whitespace`);
  }
  const tagProblem = languageTagProblem(value.lang);
  if (tagProblem !== undefined) {
    report(`${path}.lang`, tagProblem);
    sound = false;
  }
  return sound;
}

export function people(path: string, list: readonly Person[] | undefined, report: Report): void {
  list?.forEach((p, i) => {
    if (typeof p.family !== 'string' || p.family.trim() === '') {
      report(`${path}[${i}].family`, 'family name is empty');
    }
    if (p.given !== undefined && (typeof p.given !== 'string' || p.given.trim() === '')) {
      report(`${path}[${i}].given`, 'given name is empty: leave it out instead');
    }
  });
}
