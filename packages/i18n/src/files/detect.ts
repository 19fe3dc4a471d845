import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { cldrLocale, plausibleLanguageTag } from '../model/locale-tags.js';
import { languagesOnDisk } from './list.js';

/**
 * Finding an i18next project's locale files without a config: the usual folders first
 * (`public/locales`, `src/locales`, …), then folders with the usual names further down (a
 * monorepo's `apps/web/public/locales`). In a folder, the layout is whichever of
 * `{lng}/{ns}.json`, `{lng}.json` and `{ns}/{lng}.json` names the most languages Intl knows.
 */

/** Where i18next projects usually keep their locale files, relative to the project root. */
export const USUAL_ROOTS = [
  'locales',
  'public/locales',
  'src/locales',
  'src/i18n',
  'src/i18n/locales',
  'i18n',
  'lang',
  'translations',
  'assets/locales',
  'src/assets/locales',
  'static/locales',
  'app/locales',
  'public/lang',
  'src/lang',
  'messages',
];

/** Folder names searched for further down (at most {@link SCAN_DEPTH} levels). */
const USUAL_NAMES = new Set([
  'locales',
  'locale',
  'i18n',
  'lang',
  'langs',
  'languages',
  'translations',
  'messages',
  'resources',
  'l10n',
]);
const SCAN_DEPTH = 6;
const SCAN_FOLDERS = 5_000;
const SKIP = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', 'vendor', 'target']);

export interface DetectedLayout {
  /** The pattern, relative to the root: `public/locales/{lng}/{ns}.json`. */
  readonly files: string;
  /** The languages found (folder or file names), sorted. */
  readonly languages: readonly string[];
}

/** What detection tried, for the error when nothing matches. */
export const DETECTION_TRIED = `${USUAL_ROOTS.join(', ')}, and folders named ${[...USUAL_NAMES].join(', ')} up to ${SCAN_DEPTH} levels down`;

/** The project's locale layout under `root`, or undefined when no folder looks like one. */
export function detectLayout(root: string): DetectedLayout | undefined {
  // The most languages wins; on a tie, the first found (the usual folders, then the shallowest).
  let best: (DetectedLayout & { score: number }) | undefined;
  const consider = (rel: string): void => {
    const found = layoutIn(root, rel);
    if (found !== undefined && (best === undefined || found.score > best.score)) best = found;
  };
  for (const rel of USUAL_ROOTS) consider(rel);
  if (best === undefined) for (const rel of scan(root)) consider(rel);
  const found = best as (DetectedLayout & { score: number }) | undefined;
  return found === undefined ? undefined : { files: found.files, languages: found.languages };
}

/** The best layout in one folder (relative to the root), scored by the languages Intl knows. */
function layoutIn(root: string, rel: string): (DetectedLayout & { score: number }) | undefined {
  const dir = path.join(root, rel);
  const entries = list(dir);
  if (entries.length === 0) return undefined;
  const candidates: string[] = [];
  const known = (name: string) => plausibleLanguageTag(name) && cldrLocale(name) !== undefined;
  const dirs = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.'));
  if (dirs.some((e) => known(e.name) && hasJson(path.join(dir, e.name))))
    candidates.push(`${rel}/{lng}/{ns}.json`);
  if (
    entries.some((e) => !e.isDirectory() && e.name.endsWith('.json') && known(e.name.slice(0, -5)))
  )
    candidates.push(`${rel}/{lng}.json`);
  if (
    dirs.some(
      (e) =>
        !known(e.name) &&
        list(path.join(dir, e.name)).some(
          (f) => f.name.endsWith('.json') && known(f.name.slice(0, -5)),
        ),
    )
  )
    candidates.push(`${rel}/{ns}/{lng}.json`);
  let best: (DetectedLayout & { score: number }) | undefined;
  for (const files of candidates) {
    const languages = languagesOnDisk(root, files).filter(plausibleLanguageTag);
    const score = languages.filter((l) => cldrLocale(l) !== undefined).length;
    if (score > 0 && (best === undefined || score > best.score)) best = { files, languages, score };
  }
  return best;
}

/** Folders with a usual name under the root, breadth first, bounded in depth and count. */
function scan(root: string): string[] {
  const out: string[] = [];
  let level = [''];
  let seen = 0;
  for (let depth = 1; depth <= SCAN_DEPTH && level.length > 0; depth++) {
    const next: string[] = [];
    for (const rel of level) {
      for (const e of list(path.join(root, rel))) {
        if (!e.isDirectory() || e.name.startsWith('.') || SKIP.has(e.name)) continue;
        if (++seen > SCAN_FOLDERS) return out;
        const child = rel === '' ? e.name : `${rel}/${e.name}`;
        if (USUAL_NAMES.has(e.name.toLowerCase())) out.push(child);
        next.push(child);
      }
    }
    level = next;
  }
  return out;
}

/**
 * The source language when nothing names it: `en` if there is one, else the only `en-…`/`en_…`
 * (preferring `en-US`), else undefined.
 */
export function guessSourceLocale(languages: readonly string[]): string | undefined {
  if (languages.includes('en')) return 'en';
  const english = languages.filter((l) => /^en[-_]/i.test(l));
  return (
    english.find((l) => /^en[-_]us$/i.test(l)) ?? (english.length === 1 ? english[0] : undefined)
  );
}

function hasJson(dir: string): boolean {
  return list(dir).some(
    (e) => e.name.endsWith('.json') || (e.isDirectory() && !e.name.startsWith('.')),
  );
}

function list(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).slice(0, 10_000);
  } catch {
    return [];
  }
}
