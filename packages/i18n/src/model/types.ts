/**
 * The model: the types every layer shares (a project, its locale files and their entries, the
 * configuration, lock files, i18next resources). Types only; imports nothing of the toolkit.
 */
import type { Corpus } from '@bilateral/core';

/**
 * A project as the checks see it: every locale file read once, with the position of every key
 * and value, the lock files and the core (when configured). Loading never throws for a broken
 * locale file: its problems are kept for the `syntax` check and the other files load as usual.
 */

export type ValueType = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

export interface Entry {
  /** Dotted key path inside the file, e.g. `sections.history.p1`. */
  readonly key: string;
  readonly path: readonly string[];
  readonly type: ValueType;
  /** The value when it is a string, else the raw JSON value (for messages). */
  readonly value: unknown;
  /** Offset of the property name (the opening quote) in {@link LocaleFile.text}. */
  readonly keyOffset: number;
  /** Offset and length of the value token (for a string: including its quotes). */
  readonly valueOffset: number;
  readonly valueLength: number;
}

export interface SyntaxProblem {
  readonly kind:
    | 'parse'
    | 'duplicate'
    | 'bom'
    | 'encoding'
    | 'type'
    | 'root'
    | 'read'
    | 'size'
    | 'depth'
    | 'key';
  readonly offset: number;
  readonly message: string;
  readonly hint: string;
  readonly key: string;
}

export interface LocaleFile {
  readonly locale: string;
  readonly namespace: string;
  /** Absolute path. */
  readonly path: string;
  /** Path relative to the project root, with `/` separators. */
  readonly relPath: string;
  /** The bytes as read (to refuse writing over a file that changed since). */
  readonly bytes: Uint8Array;
  /**
   * Size, modification and change times (ms, with the fraction the file system keeps) and
   * inode, taken before the file is read (undefined
   * for a file that does not exist): lets a cache trust a digest without reading the file again.
   */
  readonly stamp?: string | undefined;
  /**
   * The later of the modification and change times in the stamp (ms), where the file keeps them
   * apart from it: saves a cache from parsing the stamp of each of thousands of files.
   */
  readonly changedMs?: number | undefined;
  /** The decoded text, without a byte-order mark; every offset refers to this text. */
  readonly text: string;
  readonly bom: boolean;
  /** False when the file is not valid JSON: the checks other than `syntax` leave it out. */
  readonly usable: boolean;
  readonly problems: readonly SyntaxProblem[];
  /** Offset of the root object's `{` (0 when the file does not parse). */
  readonly rootOffset: number;
  /** Leaf values by dotted key, in file order. Objects are not entries; their leaves are. */
  readonly entries: ReadonlyMap<string, Entry>;
  /** 1-based line and column (in UTF-16 code units) of an offset. */
  position(offset: number): { line: number; column: number };
  /** Offset in {@link text} of the character at `index` of a string entry's decoded value. */
  valueOffset(entry: Entry, index: number): number;
}

export interface Project {
  readonly config: ProjectConfig;
  readonly root: string;
  readonly sourceLocale: string;
  readonly locales: readonly string[];
  /** Namespaces found in any locale, source first. */
  readonly namespaces: readonly string[];
  readonly files: readonly LocaleFile[];
  readonly locks: ReadonlyMap<string, LockFile>;
  readonly corpus: Corpus | undefined;
  file(locale: string, namespace: string): LocaleFile | undefined;
  /** Where a locale file of a namespace is (or would be), absolute. */
  filePath(locale: string, namespace: string): string;
}

/** What `bilateral.config.{json,js,ts}` (or the equivalent flags) says about a project. */
export interface ProjectConfig {
  /** Absolute path of the folder the config lives in; every other path is relative to it. */
  readonly root: string;
  /** The config file, when there is one. */
  readonly configFile: string | undefined;
  readonly sourceLocale: string;
  /** Every locale, the source included. */
  readonly locales: readonly string[];
  /** Where locale files are: a pattern with `{lng}` and `{ns}`, e.g. `public/locales/{lng}/{ns}.json`. */
  readonly files: string;
  /** Module specifier or path (relative to root) of a module exporting `corpus`. Optional. */
  readonly core: string | undefined;
  /** Fallback chain per locale, used by the renderer and the site in development. */
  readonly fallback: Readonly<Record<string, readonly string[]>>;
  /** Lock file pattern with `{lng}` (for the stale check). */
  readonly lockFile: string;
  /**
   * Prose pages: a pattern with `{lng}` and `{id}` (`pages/{lng}/{id}.md`), Markdown with front
   * matter, one file per page and language. Undefined: the project has none.
   */
  readonly pages?: string;
  /** Per-rule settings: `"off"`, a severity, or an object with options. */
  readonly rules: Readonly<Record<string, unknown>>;
  /** Exemptions: `{ rule, key, locale?, reason }`. */
  readonly exemptions: readonly Exemption[];
  /**
   * The project's own rule modules: paths relative to {@link root} (or package names), each
   * exporting a rule or a list of rules (see the check layer's `defineRule`).
   */
  readonly plugins?: readonly string[];
  /**
   * How the project's i18next reads its files, where it differs from i18next's defaults (read from
   * the project's own i18next settings, a `bilateral.config` `i18next` block, or flags). The
   * checks follow it: plural suffixes, empty strings, separators, interpolation syntax, markup.
   */
  readonly i18next?: I18nextSettings;
}

/** The i18next options that change what a locale file means (see {@link ProjectConfig.i18next}). */
export interface I18nextSettings {
  /** Plural suffixes: `v4` (`_one`, `_few`, … by CLDR; the default) or `v3` (`_plural`, `_0`…`_5`). */
  readonly compatibilityJSON?: 'v3' | 'v4';
  /** i18next's `returnEmptyString` (default true): false means an empty text falls back. */
  readonly returnEmptyString?: boolean;
  /** i18next's `returnNull`. */
  readonly returnNull?: boolean;
  /** `false` when keys are flat (dots are part of the key). Default `.`. */
  readonly keySeparator?: string | false;
  /** `false` when `:` in a key does not name a namespace. Default `:`. */
  readonly nsSeparator?: string | false;
  /** Between a key and its context (`_male`). Default `_`. */
  readonly contextSeparator?: string;
  /** Between a key and its plural suffix. Default `_`. */
  readonly pluralSeparator?: string;
  /** Interpolation and nesting delimiters. Defaults `{{`, `}}`, `$t(`, `)`. */
  readonly interpolation?: {
    readonly prefix?: string;
    readonly suffix?: string;
    readonly nestingPrefix?: string;
    readonly nestingSuffix?: string;
  };
  /** `icu` for i18next-icu (ICU MessageFormat: `{name}`, `{count, plural, …}`). Default `i18next`. */
  readonly format?: 'i18next' | 'icu';
  /** react-i18next: `<Trans>` numbered and named components are markup (`<0>…</0>`, `<bold>`). */
  readonly react?: boolean;
  /** react-i18next's `transKeepBasicHtmlNodesFor` (plain HTML tags kept in translations). */
  readonly transKeepBasicHtmlNodesFor?: readonly string[];
  /** Where these settings were read from, for messages (`next-i18next.config.js`). */
  readonly from?: string;
}

export interface Exemption {
  readonly rule: string;
  /** A key, or a pattern with `*` (one segment) and `**` (any depth), optionally `ns:`-prefixed. */
  readonly key: string;
  readonly locale?: string;
  readonly reason: string;
}

/** The source text of a key as a lock file records it: a string, or a plural family's forms. */
export type LockedSource = string | Readonly<Record<string, string>>;

/** What a lock file records for one `namespace:key`. */
export interface LockEntry {
  /** A short hash of the normalised source text (spacing and fact formats do not count). */
  readonly hash: string;
  /** The source text itself, so that `check` can show what changed (absent in old lock files). */
  readonly source?: LockedSource;
  /** `sync` copied the source text here: not a translation yet (shown as the source language). */
  readonly copied?: boolean;
  /** A hash-only entry of an older lock file, hashed the old way (spacing counted). */
  readonly legacy?: boolean;
}

export interface LockFile {
  readonly locale: string;
  /** Absolute path. */
  readonly path: string;
  readonly relPath: string;
  readonly exists: boolean;
  /** `namespace:key` → what was recorded for it (see {@link LockEntry}). */
  readonly keys: ReadonlyMap<string, LockEntry>;
  readonly problem: SyntaxProblem | undefined;
  /** The text as read, for positions of keys. */
  readonly text: string;
  /** The bytes as read (empty when it does not exist), to refuse writing over a concurrent change. */
  readonly bytes: Uint8Array;
}

/** i18next resources: locale → namespace → data. */
export type Resources = Record<string, Record<string, unknown>>;
