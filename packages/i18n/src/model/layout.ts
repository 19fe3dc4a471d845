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
   * suffix around `{ns}` (`locales/uk/` + `` + `{ns}` + `.json`). Undefined without `{ns}`, or when
   * `{ns}` names a folder (`locales/{ns}/{lng}.json`).
   */
  namespaceFolder(locale: string): { dir: string; prefix: string; suffix: string } | undefined {
    if (!this.nestedNamespaces) return undefined;
    const pattern = expand(this.files, locale, undefined);
    const [before = '', suffix = ''] = pattern.split('{ns}');
    return {
      dir: path.resolve(this.root, fixedDir(before)),
      prefix: path.basename(before + 'x').slice(0, -1),
      suffix,
    };
  }

  /**
   * Whether a namespace may be a path (`common/buttons` in `locales/en/common/buttons.json`):
   * when `{ns}` is in the file name, once, and `{lng}` is not after it. i18next's backend puts
   * the namespace into the load path as it is, so `t('common/buttons:ok')` reads that file.
   */
  get nestedNamespaces(): boolean {
    const last = this.files.split('/').at(-1) ?? '';
    const ns = this.files.indexOf('{ns}');
    return (
      ns !== -1 &&
      last.includes('{ns}') &&
      this.files.indexOf('{ns}', ns + 1) === -1 &&
      !this.files.slice(ns).includes('{lng}')
    );
  }

  /**
   * The folder before the first `{lng}` or `{ns}` (`locales` for `locales/{lng}/{ns}.json` and
   * for `locales/{ns}/{lng}.json`), absolute: every locale file is under it.
   */
  languagesFolder(): string {
    return path.resolve(this.root, fixedDir(this.files.split(/\{lng\}|\{ns\}/)[0] ?? ''));
  }

  /** Folders whose changes can change the project's locale or lock files (for watchers). */
  watchFolders(locales: readonly string[]): string[] {
    const dirs = new Set<string>();
    for (const locale of locales) {
      const folder = this.namespaceFolder(locale);
      const nsFirst = this.hasNamespaces && folder === undefined;
      dirs.add(
        folder?.dir ?? (nsFirst ? this.languagesFolder() : path.dirname(this.path(locale, ''))),
      );
      dirs.add(path.dirname(this.lockPath(locale)));
      const pages = this.pageFolder(locale);
      if (pages !== undefined) dirs.add(pages.dir);
    }
    return [...dirs];
  }

  /**
   * Whether a path relative to the root is a locale file of this layout, and whose: `{lng}` is a
   * name of letters, digits, `_` and `-`; `{ns}` one path segment, or several (see
   * {@link nestedNamespaces}); hidden names (`.bilateral-lock.json`), `node_modules` and the
   * package files beside a language (`package.json`, `turbo.json`) are not locale files.
   */
  match(relPath: string): { locale: string; namespace: string } | undefined {
    this.compiled ??= compile(this.files, this.nestedNamespaces);
    const m = this.compiled.exec(relPath);
    const locale = m?.groups?.['lng'];
    if (m === null || locale === undefined) return undefined;
    const namespace = m.groups?.['ns'] ?? 'translation';
    if (!this.hasNamespaces) return { locale, namespace };
    const parts = namespace.split('/');
    if (parts.some((p) => p.startsWith('.') || p === 'node_modules')) return undefined;
    if (NOT_NAMESPACES.has(namespace)) return undefined;
    return { locale, namespace };
  }

  private compiled: RegExp | undefined;

  /**
   * The default lock file pattern for a locale-file pattern: `{lng}/.bilateral-lock.json` in the
   * language's folder when languages are folders (`locales/{lng}/{ns}.json`), else a hidden
   * `.bilateral-lock.{lng}.json` beside the files (`locales/{lng}.json`, `locales/{ns}/{lng}.json`).
   */
  static defaultLockFile(files: string): string {
    const base = fixedDir(files.split(/\{lng\}|\{ns\}/)[0] ?? '');
    const lngFolder = /(^|\/)\{lng\}\//.test(files) && !files.split('{lng}')[0]?.includes('{ns}');
    const lock = lngFolder
      ? path.join(fixedDir(files.split('{lng}')[0] ?? ''), '{lng}', '.bilateral-lock.json')
      : path.join(base, '.bilateral-lock.{lng}.json');
    return lock.replace(/\\/g, '/');
  }
}

/** Namespaces that are a language package's own files, never translations. */
const NOT_NAMESPACES = new Set(['package', 'package-lock', 'tsconfig', 'turbo']);

/** The regular expression of a pattern: `{lng}` and `{ns}` are named groups, the rest literal. */
function compile(pattern: string, nested: boolean): RegExp {
  const escape = (s: string) => s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  const seen = new Set<string>();
  const source = pattern
    .split(/(\{lng\}|\{ns\})/)
    .map((part) => {
      const name = part === '{lng}' ? 'lng' : part === '{ns}' ? 'ns' : undefined;
      if (name === undefined) return escape(part);
      if (seen.has(name)) return `\\k<${name}>`;
      seen.add(name);
      if (name === 'lng') return '(?<lng>[A-Za-z0-9_-]+)';
      return nested ? '(?<ns>[^/]+(?:/[^/]+)*)' : '(?<ns>[^/]+)';
    })
    .join('');
  return new RegExp(`^${source}$`);
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
