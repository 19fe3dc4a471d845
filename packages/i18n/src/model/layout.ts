import path from 'node:path';

/**
 * Where locale files and lock files are: the one owner of the `{lng}`/`{ns}` path patterns
 * (`locales/{lng}/{ns}.json`, lock files `locales/{lng}/.bilateral-lock.json`). Paths only: listing
 * what exists on disk is the files layer's job, using what this says.
 */
export class LocaleLayout {
  constructor(
    /** Absolute project root; every pattern is relative to it. */
    readonly root: string,
    /** Locale files: a pattern with `{lng}` and (optionally) `{ns}`. */
    readonly files: string,
    /** Lock files: a pattern with `{lng}`. */
    readonly lockFile: string,
    /** Prose pages: a pattern with `{lng}` and `{id}`, or undefined (none). */
    readonly pages?: string,
  ) {}

  static of(config: {
    readonly root: string;
    readonly files: string;
    readonly lockFile: string;
    readonly pages?: string | undefined;
  }): LocaleLayout {
    return new LocaleLayout(config.root, config.files, config.lockFile, config.pages);
  }

  /** The namespace the checks give a prose page (`pages/about`): never a locale file's name. */
  static pageNamespace(id: string): string {
    return PAGE_PREFIX + id;
  }

  /** The page id of a page namespace (`pages/about` → `about`), else undefined. */
  static pageId(namespace: string): string | undefined {
    return namespace.startsWith(PAGE_PREFIX) ? namespace.slice(PAGE_PREFIX.length) : undefined;
  }

  /** A page's path relative to the root (`pages/uk/about.md`); `*` as the id gives a glob. */
  pageRelative(locale: string, id: string): string {
    return (this.pages ?? DEFAULT_PAGES).replaceAll('{lng}', locale).replaceAll('{id}', id);
  }

  /** The folder of one language's pages, and the file names' prefix and suffix around `{id}`. */
  pageFolder(locale: string): { dir: string; prefix: string; suffix: string } | undefined {
    if (this.pages === undefined) return undefined;
    const pattern = this.pages.replaceAll('{lng}', locale);
    const [before = '', suffix = ''] = pattern.split('{id}');
    return {
      dir: path.resolve(this.root, fixedDir(before)),
      prefix: path.basename(before + 'x').slice(0, -1),
      suffix,
    };
  }

  /** Whether namespaces are separate files (`{ns}` in the pattern) or one file per language. */
  get hasNamespaces(): boolean {
    return this.files.includes('{ns}');
  }

  /** A locale file's path relative to the root (`*` as a namespace gives a glob for messages). */
  relative(locale: string, namespace: string): string {
    const page = LocaleLayout.pageId(namespace);
    if (page !== undefined) return this.pageRelative(locale, page);
    return expand(this.files, locale, namespace);
  }

  /** A locale file's absolute path (whether or not it exists). */
  path(locale: string, namespace: string): string {
    return path.resolve(this.root, this.relative(locale, namespace));
  }

  /** A language's lock file, absolute. */
  lockPath(locale: string): string {
    return path.resolve(this.root, expand(this.lockFile, locale, ''));
  }

  /**
   * The folder that holds one language's namespace files, and the file names' fixed prefix and
   * suffix around `{ns}` (`locales/uk/` + `` + `{ns}` + `.json`). Undefined without `{ns}`.
   */
  namespaceFolder(locale: string): { dir: string; prefix: string; suffix: string } | undefined {
    const pattern = expand(this.files, locale, undefined);
    if (!pattern.includes('{ns}')) return undefined;
    const [before = '', suffix = ''] = pattern.split('{ns}');
    return {
      dir: path.resolve(this.root, fixedDir(before)),
      prefix: path.basename(before + 'x').slice(0, -1),
      suffix,
    };
  }

  /** The folder whose entries are the languages (`locales` for `locales/{lng}/{ns}.json`), absolute. */
  languagesFolder(): string {
    return path.resolve(this.root, fixedDir(this.files.split('{lng}')[0] ?? ''));
  }

  /** Folders whose changes can change the project's locale or lock files (for watchers). */
  watchFolders(locales: readonly string[]): string[] {
    const dirs = new Set<string>();
    for (const locale of locales) {
      const folder = this.namespaceFolder(locale);
      dirs.add(folder?.dir ?? path.dirname(this.path(locale, '')));
      dirs.add(path.dirname(this.lockPath(locale)));
      const pages = this.pageFolder(locale);
      if (pages !== undefined) dirs.add(pages.dir);
    }
    return [...dirs];
  }

  /** The default lock file pattern for a locale-file pattern: `{lng}/.bilateral-lock.json` beside the languages. */
  static defaultLockFile(files: string): string {
    return path
      .join(fixedDir(files.split('{lng}')[0] ?? ''), '{lng}', '.bilateral-lock.json')
      .replace(/\\/g, '/');
  }
}

const PAGE_PREFIX = 'pages/';
/** Where pages are when a message must name a place and the project has no `pages` setting. */
export const DEFAULT_PAGES = 'pages/{lng}/{id}.md';

function expand(pattern: string, locale: string, namespace: string | undefined): string {
  const p = pattern.replaceAll('{lng}', locale);
  return namespace === undefined ? p : p.replaceAll('{ns}', namespace);
}

/** The folder part of a path prefix: `locales/` → `locales`, `locales/ui-` → `locales`, `` → `.`. */
function fixedDir(before: string): string {
  if (before === '') return '.';
  return before.endsWith('/') ? before.slice(0, -1) || '/' : path.dirname(before);
}
