import path from 'node:path';
import type { Corpus } from '@bilateral/core';
import { ConfigError } from '../model/errors.js';
import { LocaleLayout } from '../model/layout.js';
import { LIMITS } from '../model/limits.js';
import type {
  Exemption,
  I18nextSettings,
  LockFile,
  Project,
  ProjectConfig,
} from '../model/types.js';
import { parseLocaleFile } from './parse.js';
import { assembleProject } from './project.js';

/**
 * Projects in memory: the same {@link Project} as one loaded from disk, made from a map of paths
 * to contents. For tests (the rule tester), editors and anything that has the files already.
 */

/** A file's contents: bytes, or text (encoded as UTF-8). */
export type FileContents = Uint8Array | string;

/**
 * A project's configuration, as for `bilateral.config.json`, with defaults for what it leaves
 * out: `files` is `locales/{lng}/{ns}.json`, the locales are those the file paths name (sorted,
 * as folders on disk are listed; the source first when no file names it), the lock files are `{lng}/.bilateral-lock.json` beside the languages, no core, rules
 * or exemptions. `root` is where the paths are relative to (default: `/project`; nothing is read
 * from it).
 */
export interface ProjectConfigInput {
  readonly sourceLocale: string;
  readonly files?: string;
  readonly locales?: readonly string[];
  readonly root?: string;
  readonly configFile?: string;
  readonly core?: string;
  readonly fallback?: Readonly<Record<string, readonly string[]>>;
  readonly lockFile?: string;
  readonly rules?: Readonly<Record<string, unknown>>;
  readonly exemptions?: readonly Exemption[];
  /** The project's own rule modules (see `ProjectConfig.plugins`). */
  readonly plugins?: readonly string[];
  /** How the project's i18next reads its files (see `ProjectConfig.i18next`). */
  readonly i18next?: I18nextSettings;
}

export interface ProjectInput {
  /**
   * Locale files and lock files by path relative to the root (`locales/uk/ui.json`,
   * `locales/uk/.bilateral-lock.json`), with `/` separators.
   */
  readonly files: Readonly<Record<string, FileContents>> | ReadonlyMap<string, FileContents>;
  readonly config: ProjectConfigInput;
  /** The core, for the rules that need one. */
  readonly corpus?: Corpus;
}

export const DEFAULT_FILES = 'locales/{lng}/{ns}.json';
const DEFAULT_ROOT = path.resolve('/project');
const LOCALE = /^[A-Za-z0-9_-]+$/;

/**
 * A project from files in memory. Each file is parsed as a locale file on disk would be (same
 * entries, positions and problems); a path the `files` pattern does not match is a lock file or
 * is ignored. Throws a {@link ConfigError} when the source language has no file.
 */
export function createProject(input: ProjectInput): Project {
  const contents = new Map<string, Uint8Array>();
  const entries = input.files instanceof Map ? input.files : Object.entries(input.files);
  for (const [p, c] of entries as Iterable<[string, FileContents]>) {
    contents.set(normalise(p), typeof c === 'string' ? Buffer.from(c, 'utf8') : c);
  }
  const matched = matchPaths(input.config.files ?? DEFAULT_FILES, [...contents.keys()]);
  const config = projectConfig(input.config, matched);
  const order = new Map(config.locales.map((l, i) => [l, i]));
  const files = matched
    .filter((m) => order.has(m.locale))
    .sort(
      (a, b) =>
        (order.get(a.locale) as number) - (order.get(b.locale) as number) ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    )
    .map((m) =>
      parseLocaleFile(
        config.root,
        m.locale,
        m.namespace,
        path.resolve(config.root, m.path),
        contents.get(m.path) as Uint8Array,
      ),
    );
  const layout = LocaleLayout.of(config);
  return assembleProject(config, input.corpus, files, (locale) => {
    const file = layout.lockPath(locale);
    const relPath = path.relative(config.root, file).split(path.sep).join('/');
    return memoryLock(locale, file, relPath, contents.get(relPath));
  });
}

/** A complete configuration from a partial one (see {@link ProjectConfigInput}). */
export function projectConfig(
  input: ProjectConfigInput,
  matched: readonly { readonly locale: string }[] = [],
): ProjectConfig {
  const files = input.files ?? DEFAULT_FILES;
  if (!files.includes('{lng}')) throw new ConfigError(`"files" must contain {lng}: ${files}`);
  let locales = input.locales ?? [...new Set(matched.map((m) => m.locale))].sort();
  if (!locales.includes(input.sourceLocale)) locales = [input.sourceLocale, ...locales];
  return {
    root: input.root === undefined ? DEFAULT_ROOT : path.resolve(input.root),
    configFile: input.configFile,
    sourceLocale: input.sourceLocale,
    locales,
    files,
    core: input.core,
    fallback: input.fallback ?? {},
    lockFile: input.lockFile ?? LocaleLayout.defaultLockFile(files),
    rules: input.rules ?? {},
    exemptions: input.exemptions ?? [],
    ...(input.plugins === undefined ? {} : { plugins: input.plugins }),
    ...(input.i18next === undefined ? {} : { i18next: input.i18next }),
  };
}

interface Matched {
  readonly path: string;
  readonly locale: string;
  readonly namespace: string;
  /** The file name (what a folder listing sorts by). */
  readonly name: string;
}

/**
 * The paths that are locale files under a `{lng}`/`{ns}` pattern, as a folder listing would find
 * them: a namespace is part of a file name, never empty, never hidden (`.bilateral-lock.json`).
 */
function matchPaths(pattern: string, paths: readonly string[]): Matched[] {
  const escape = (s: string) => s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  let seenLng = false;
  let seenNs = false;
  const source = pattern
    .split(/(\{lng\}|\{ns\})/)
    .map((part) => {
      if (part === '{lng}') {
        const re = seenLng ? '\\k<lng>' : '(?<lng>[A-Za-z0-9_-]+)';
        seenLng = true;
        return re;
      }
      if (part === '{ns}') {
        const re = seenNs ? '\\k<ns>' : '(?<ns>[^/]+)';
        seenNs = true;
        return re;
      }
      return escape(part);
    })
    .join('');
  const re = new RegExp(`^${source}$`);
  const out: Matched[] = [];
  for (const p of paths) {
    const m = re.exec(p);
    const locale = m?.groups?.['lng'];
    if (m === null || locale === undefined || !LOCALE.test(locale)) continue;
    const namespace = m.groups?.['ns'] ?? 'translation';
    const name = p.slice(p.lastIndexOf('/') + 1);
    if (name.startsWith('.') || (seenNs && namespace.startsWith('.'))) continue;
    out.push({ path: p, locale, namespace, name });
  }
  return out;
}

/** `./locales\\uk\\ui.json` → `locales/uk/ui.json`. */
function normalise(p: string): string {
  return path.posix.normalize(p.replace(/\\/g, '/')).replace(/^\.\//, '').replace(/^\//, '');
}

/** A lock file from its bytes (undefined: it does not exist), read as the disk's `readLock` reads it. */
function memoryLock(
  locale: string,
  file: string,
  relPath: string,
  bytes: Uint8Array | undefined,
): LockFile {
  const base = { locale, path: file, relPath, keys: new Map<string, string>(), text: '' };
  if (bytes === undefined)
    return { ...base, exists: false, bytes: new Uint8Array(0), problem: undefined };
  const problem = (message: string): LockFile['problem'] => ({
    kind: 'parse',
    offset: 0,
    message,
    hint: `Delete it and run \`bilateral accept ${locale}\` after reviewing the translations (it is generated).`,
    key: '',
  });
  if (bytes.length > LIMITS.fileBytes) {
    const message = `the lock file is larger than ${LIMITS.fileBytes / 1024 / 1024} MB; it was not read`;
    return { ...base, exists: true, bytes: new Uint8Array(0), problem: problem(message) };
  }
  let text = '';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const data = JSON.parse(text) as { keys?: unknown } | null;
    if (
      data === null ||
      typeof data !== 'object' ||
      typeof data.keys !== 'object' ||
      data.keys === null
    )
      throw new Error('no "keys" object');
    const keys = new Map<string, string>();
    for (const [k, v] of Object.entries(data.keys)) if (typeof v === 'string') keys.set(k, v);
    return { ...base, exists: true, keys, problem: undefined, text, bytes };
  } catch (e) {
    const message = `the lock file cannot be read: ${(e as Error).message}`;
    return { ...base, exists: true, text, bytes, problem: problem(message) };
  }
}
