import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { RACY_MS } from './read.js';
import path from 'node:path';
import type { ProjectConfig } from '../model/types.js';
import { LocaleLayout } from '../model/layout.js';
import { plausibleLanguageTag } from '../model/locale-tags.js';

export interface LocaleFileRef {
  readonly locale: string;
  readonly namespace: string;
  /** Absolute path. */
  readonly file: string;
}

/** How deep a namespace may be nested (`a/b/c/d/e/f.json`), and how many entries a folder may list. */
const MAX_NS_DEPTH = 6;
const MAX_ENTRIES = 20_000;

/**
 * Lists the locale files of a project: every file of every configured language that the
 * pattern matches on disk (`locales/{lng}.json`, `locales/{lng}/{ns}.json` with namespaces in
 * sub-folders, `locales/{ns}/{lng}.json`), by language in the config's order, then by path.
 * A language whose file does not exist has no entry (the `missing` rule reports the file).
 */
export function listLocaleFiles(config: ProjectConfig): LocaleFileRef[] {
  const layout = LocaleLayout.of(config);
  const out: LocaleFileRef[] = [];
  for (const locale of config.locales) out.push(...listLocale(config, layout, locale).refs);
  return out;
}

/** One language's files, and the folders listed to find them with their stamps. */
interface Listing {
  readonly refs: readonly LocaleFileRef[];
  readonly folders: ReadonlyMap<string, string>;
  /** When the folders were looked at (ms since the epoch). */
  readonly at: number;
}

function listLocale(config: ProjectConfig, layout: LocaleLayout, locale: string): Listing {
  const folders = new Map<string, string>();
  const at = Date.now();
  const refs = walkPattern(config.root, layout.relative(locale, '{ns}'), layout, locale, folders);
  refs.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { refs, folders, at };
}

/** The listings of each configuration a process lists again and again (see below). */
const listings = new WeakMap<ProjectConfig, Map<string, Listing>>();

/**
 * {@link listLocaleFiles} for a process that lists the same project again and again (`--watch`):
 * a language whose folders are as they were when last listed — same stamp (a file added, removed
 * or renamed in a folder changes it), and left alone for `RACY_MS` before that listing — keeps
 * its list; the others are listed again.
 */
export function listLocaleFilesAgain(config: ProjectConfig): LocaleFileRef[] {
  const layout = LocaleLayout.of(config);
  let known = listings.get(config);
  if (known === undefined) listings.set(config, (known = new Map<string, Listing>()));
  const out: LocaleFileRef[] = [];
  for (const locale of config.locales) {
    let listing = known.get(locale);
    if (listing === undefined || !unchanged(listing)) {
      listing = listLocale(config, layout, locale);
      known.set(locale, listing);
    }
    out.push(...listing.refs);
  }
  return out;
}

function unchanged(listing: Listing): boolean {
  for (const [dir, stamp] of listing.folders) {
    const st = statSync(dir, { throwIfNoEntry: false });
    if (st === undefined || Math.max(st.mtimeMs, st.ctimeMs) >= listing.at - RACY_MS) return false;
    if (folderStamp(st) !== stamp) return false;
  }
  return true;
}

const folderStamp = (st: Stats): string => `${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;

/**
 * The `{lng}` values on disk for a pattern: the names of the folders where `{lng}` is a whole
 * folder name (`locales/{lng}/{ns}.json`; an empty folder is a language without files yet), else
 * of the files that match it and look like language tags (`locales/{lng}.json`: `en.json`, not
 * `package.json`; `locales/{ns}/{lng}.json`).
 */
export function languagesOnDisk(root: string, files: string): string[] {
  const segments = files.split('/');
  const at = segments.findIndex((s) => s.includes('{lng}'));
  const found = new Set<string>();
  if (
    at !== -1 &&
    segments[at] === '{lng}' &&
    at < segments.length - 1 &&
    !segments.slice(0, at).some((s) => s.includes('{'))
  ) {
    const dir = path.resolve(root, segments.slice(0, at).join('/') || '.');
    // Any folder name a tag could be (letters, digits, `_`, `-`): `locales/fr/` is a language.
    for (const e of listFolder(dir))
      if (e.isDirectory() && /^[A-Za-z0-9_-]+$/.test(e.name)) found.add(e.name);
  } else {
    // File names are languages only when they look like tags (`en.json`, not `package.json`).
    const layout = new LocaleLayout(root, files, '');
    for (const ref of walkPattern(root, files, layout, undefined))
      if (plausibleLanguageTag(ref.locale)) found.add(ref.locale);
  }
  return [...found].sort();
}

/**
 * Every file under `root` whose relative path the layout matches, walking the pattern one path
 * segment at a time (a literal folder, a folder named by `{lng}` or `{ns}`, the file name);
 * only the file name's `{ns}` may span folders (see `LocaleLayout.nestedNamespaces`). `pattern`
 * is the layout's pattern, possibly with `{lng}` given (then only that language's files).
 */
function walkPattern(
  root: string,
  pattern: string,
  layout: LocaleLayout,
  locale: string | undefined,
  folders?: Map<string, string>,
): LocaleFileRef[] {
  /** Records a folder's stamp in `folders` (before it is looked into). */
  const note = (dir: string): void => {
    if (folders === undefined) return;
    const st = statSync(dir, { throwIfNoEntry: false });
    folders.set(dir, st === undefined ? '-' : folderStamp(st));
  };
  /** A folder's entries, its stamp noted first. */
  const list = (dir: string): Dirent[] => {
    note(dir);
    return listFolder(dir);
  };
  const all = pattern.split('/');
  // The walk starts at the folder before the first placeholder (`..` and absolute paths too).
  const first = all.findIndex((s) => s.includes('{'));
  const fixed = first === -1 ? all.length - 1 : first;
  const prefix = all.slice(0, fixed).join('/');
  const segments = all.slice(fixed);
  const out: LocaleFileRef[] = [];
  const add = (rel: string, file: string): void => {
    const m = layout.match(rel);
    if (m === undefined || (locale !== undefined && m.locale !== locale)) return;
    out.push({ locale: m.locale, namespace: m.namespace, file });
  };
  const visitNested = (dir: string, rel: string, depth: number): void => {
    for (const e of list(dir)) {
      if (!isName(e.name)) continue;
      const file = path.join(dir, e.name);
      if (isFile(e)) add(rel + e.name, file);
      else if (e.isDirectory() && depth < MAX_NS_DEPTH)
        visitNested(file, `${rel}${e.name}/`, depth + 1);
    }
  };
  const visit = (dir: string, rel: string, i: number): void => {
    const seg = segments[i] as string;
    const last = i === segments.length - 1;
    if (!seg.includes('{')) {
      const file = path.join(dir, seg);
      if (!last) visit(file, `${rel}${seg}/`, i + 1);
      else {
        // Whether a file of that name is there changes the folder's stamp.
        note(dir);
        if (statSync(file, { throwIfNoEntry: false })?.isDirectory() === false)
          add(rel + seg, file);
      }
      return;
    }
    for (const e of list(dir)) {
      if (!isName(e.name)) continue;
      const file = path.join(dir, e.name);
      if (last && isFile(e)) add(rel + e.name, file);
      else if (!last && e.isDirectory()) visit(file, `${rel}${e.name}/`, i + 1);
      // A namespace in sub-folders (`locales/en/common/buttons.json`).
      else if (last && e.isDirectory() && layout.nestedNamespaces)
        visitNested(file, `${rel}${e.name}/`, 1);
    }
  };
  if (segments.length > 0)
    visit(path.resolve(root, prefix === '' ? '.' : prefix), prefix === '' ? '' : `${prefix}/`, 0);
  return out;
}

/** A folder's entries (none when it does not exist or cannot be read), at most {@link MAX_ENTRIES}. */
function listFolder(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).slice(0, MAX_ENTRIES);
  } catch {
    return [];
  }
}

/** Anything but a folder: reading refuses links out of the project and special files (contain.ts). */
const isFile = (e: Dirent): boolean => !e.isDirectory();

/** A folder or file name that can be part of a locale file's path (not hidden, not node_modules). */
const isName = (name: string): boolean => !name.startsWith('.') && name !== 'node_modules';
