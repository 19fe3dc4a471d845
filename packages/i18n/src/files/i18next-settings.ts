import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../model/errors.js';
import type { I18nextSettings } from '../model/types.js';
import { importDataModule } from './config-module.js';

/**
 * The i18next options that change what a locale file means ({@link I18nextSettings}), read from
 * where the project keeps them: a `bilateral.config` `"i18next"` block, else the project's own
 * `i18next.config.*` (i18next-cli's config, or plain i18next init options),
 * `next-i18next.config.*` or `i18next-parser.config.*` (the i18next-parser tool's); command-line
 * flags override single settings.
 */

/** The project's i18next config files, in the order they are looked for in a folder. */
export const I18NEXT_CONFIG_NAMES = [
  'i18next.config.json',
  'i18next.config.ts',
  'i18next.config.mjs',
  'i18next.config.js',
  'i18next.config.cjs',
  'next-i18next.config.js',
  'next-i18next.config.mjs',
  'next-i18next.config.cjs',
  'i18next-parser.config.js',
  'i18next-parser.config.mjs',
  'i18next-parser.config.cjs',
  'i18next-parser.config.ts',
  'i18next-parser.config.json',
];

/** What a project's i18next config says: settings, and where the files are (paths relative to `root`). */
export interface ProjectI18next {
  readonly file: string;
  readonly settings: I18nextSettings | undefined;
  readonly files?: string | undefined;
  readonly sourceLocale?: string | undefined;
  readonly locales?: readonly string[] | undefined;
}

/** The first i18next config file in these folders (nearest first), or undefined. */
export function findI18nextConfig(dirs: readonly string[]): string | undefined {
  for (const dir of dirs) {
    for (const name of I18NEXT_CONFIG_NAMES) {
      const file = path.join(dir, name);
      if (existsSync(file)) return file;
    }
  }
  return undefined;
}

const HINT =
  'Put the i18next options in bilateral.config.json ("i18next": { … }, see docs/translating.md), or pass --i18next-config none to read no i18next config';

/** Reads a project's i18next config (JSON, or a module run on a guarded worker: see config-module.ts). */
export async function readI18nextConfig(file: string, root: string): Promise<ProjectI18next> {
  let data: unknown;
  if (file.endsWith('.json')) {
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new ConfigError(`${file}: not valid JSON (${(e as Error).message}). ${HINT}`);
    }
  } else data = await importDataModule(file, HINT);
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw new ConfigError(`${file}: its default export is not an object. ${HINT}`);
  return fromProjectConfig(data as Record<string, unknown>, file, root);
}

/**
 * Maps i18next init options, an i18next-cli config, a next-i18next config or an i18next-parser
 * config to {@link ProjectI18next}.
 */
export function fromProjectConfig(
  o: Record<string, unknown>,
  file: string,
  root: string,
): ProjectI18next {
  const name = path.basename(file);
  const dir = path.dirname(file);
  if (name.startsWith('i18next-parser.')) return fromParserConfig(o, file, root);
  const next = name.startsWith('next-i18next');
  const extract = record(o['extract']);
  const i18n = record(o['i18n']);
  const settings = settingsOf({ ...o, ...pick(extract, SEPARATORS) }, name);
  if (next || extract['transComponents'] !== undefined) Object.assign(settings, { react: true });
  const out: { -readonly [K in keyof ProjectI18next]: ProjectI18next[K] } = {
    file,
    settings: Object.keys(settings).length > 1 ? settings : undefined,
  };
  const rel = relativeTo(dir, root);
  if (next) {
    const structure = str(o['localeStructure']) ?? '{{lng}}';
    const ext = str(o['localeExtension']) ?? 'json';
    out.files = `${rel(str(o['localePath']) ?? './public/locales')}/${structure}/{{ns}}.${ext}`;
    out.sourceLocale = str(i18n['defaultLocale']);
    out.locales = strings(i18n['locales']);
  } else {
    const output = str(extract['output']);
    if (output !== undefined) out.files = rel(output);
    out.sourceLocale = str(extract['primaryLanguage']) ?? strings(o['locales'])?.[0];
    out.locales = strings(o['locales']) ?? strings(o['supportedLngs']);
  }
  if (out.files !== undefined)
    out.files = out.files
      .replace(/\{\{\s*(lng|language|locale)\s*\}\}/g, '{lng}')
      .replace(/\{\{\s*(ns|namespace)\s*\}\}/g, '{ns}');
  if (out.files !== undefined && !out.files.includes('{lng}')) delete out.files;
  return out;
}

/** i18next-parser's own default for `output` (relative to where it runs: the config's folder). */
const PARSER_OUTPUT = 'locales/$LOCALE/$NAMESPACE.json';

/**
 * An i18next-parser config (`i18next-parser.config.{js,mjs,cjs,ts,json}`): `output` with
 * `$LOCALE` and `$NAMESPACE` (default `locales/$LOCALE/$NAMESPACE.json`), `locales` (the first
 * is taken as the source), `keySeparator`, `namespaceSeparator`, `pluralSeparator`,
 * `contextSeparator`, and the i18next options it passes on (`i18nextOptions`, e.g.
 * `compatibilityJSON`). Its `defaultNamespace` only names the namespace the tool writes keys to
 * when code names none: it does not change what a locale file means, so it is not read.
 */
function fromParserConfig(o: Record<string, unknown>, file: string, root: string): ProjectI18next {
  const name = path.basename(file);
  const separators = pick(o, ['keySeparator', 'pluralSeparator', 'contextSeparator']);
  if (o['namespaceSeparator'] !== undefined) separators['nsSeparator'] = o['namespaceSeparator'];
  const settings = settingsOf({ ...record(o['i18nextOptions']), ...separators }, name);
  const output = (str(o['output']) ?? PARSER_OUTPUT)
    .replaceAll('$LOCALE', '{lng}')
    .replaceAll('$NAMESPACE', '{ns}');
  const files = relativeTo(path.dirname(file), root)(output);
  const locales = strings(o['locales']);
  return {
    file,
    settings: Object.keys(settings).length > 1 ? settings : undefined,
    ...(files.includes('{lng}') ? { files } : {}),
    sourceLocale: locales?.[0],
    locales,
  };
}

/**
 * A path in a config as a path relative to the project root (with `/`): a relative one is
 * relative to the config's folder; `path.resolve('./public/locales')` in a config resolved
 * against the directory it ran in.
 */
function relativeTo(dir: string, root: string): (p: string) => string {
  return (p) => {
    const abs = path.isAbsolute(p)
      ? path.resolve(dir, path.relative(process.cwd(), p))
      : path.resolve(dir, p);
    return path.relative(root, abs).split(path.sep).join('/') || '.';
  };
}

const SEPARATORS = ['keySeparator', 'nsSeparator', 'contextSeparator', 'pluralSeparator'];

/** The settings i18next init options imply (only those that differ from nothing: set ones). */
function settingsOf(o: Record<string, unknown>, from: string): I18nextSettings & { from: string } {
  const s: Record<string, unknown> = {};
  const cj = o['compatibilityJSON'];
  if (cj === 'v4') s['compatibilityJSON'] = 'v4';
  else if (cj === 'v1' || cj === 'v2' || cj === 'v3') s['compatibilityJSON'] = 'v3';
  for (const k of ['returnEmptyString', 'returnNull']) if (typeof o[k] === 'boolean') s[k] = o[k];
  for (const k of ['keySeparator', 'nsSeparator'])
    if (o[k] === false || (typeof o[k] === 'string' && o[k] !== '')) s[k] = o[k];
  for (const k of ['contextSeparator', 'pluralSeparator'])
    if (typeof o[k] === 'string') s[k] = o[k];
  const interp = pick(record(o['interpolation']), [
    'prefix',
    'suffix',
    'nestingPrefix',
    'nestingSuffix',
  ]);
  for (const [k, v] of Object.entries(interp))
    if (typeof v !== 'string' || v === '') delete interp[k];
  if (Object.keys(interp).length > 0) s['interpolation'] = interp;
  const plugins = Array.isArray(o['use']) ? (o['use'] as unknown[]) : [];
  if (
    plugins.some(
      (p) => record(p)['$plugin'] === 'i18nFormat' && /icu/i.test(String(record(p)['name'])),
    )
  )
    s['format'] = 'icu';
  const react = record(o['react']);
  if (Object.keys(react).length > 0) s['react'] = true;
  const keep = strings(react['transKeepBasicHtmlNodesFor']);
  if (keep !== undefined && react['transSupportBasicHtmlNodes'] !== false)
    s['transKeepBasicHtmlNodesFor'] = keep;
  return { ...(s as I18nextSettings), from };
}

// ---------------------------------------------------------------------------------------------
// The `"i18next"` block of bilateral.config, validated.

const BLOCK_FIELDS: Readonly<Record<string, string>> = {
  compatibilityJSON: '"v3" or "v4"',
  returnEmptyString: 'true or false',
  returnNull: 'true or false',
  keySeparator: 'a string or false',
  nsSeparator: 'a string or false',
  contextSeparator: 'a string',
  pluralSeparator: 'a string',
  interpolation: 'an object with prefix, suffix, nestingPrefix, nestingSuffix (strings)',
  format: '"i18next" or "icu"',
  react: 'true or false',
  transKeepBasicHtmlNodesFor: 'a list of tag names, e.g. ["br", "strong", "i", "p"]',
};

/** Validates a config's `"i18next"` block (every field optional; unknown fields are errors). */
export function validateI18nextBlock(value: unknown, where: string): I18nextSettings {
  const fail = (k: string): never => {
    throw new ConfigError(`${where}: "i18next.${k}" must be ${BLOCK_FIELDS[k] ?? '?'}`);
  };
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new ConfigError(
      `${where}: "i18next" must be an object, e.g. { "compatibilityJSON": "v3" }`,
    );
  const o = value as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    if (!(k in BLOCK_FIELDS))
      throw new ConfigError(
        `${where}: unknown setting "i18next.${k}". Known: ${Object.keys(BLOCK_FIELDS).join(', ')}`,
      );
    const ok =
      k === 'compatibilityJSON'
        ? v === 'v3' || v === 'v4'
        : k === 'format'
          ? v === 'i18next' || v === 'icu'
          : k === 'keySeparator' || k === 'nsSeparator'
            ? v === false || (typeof v === 'string' && v !== '')
            : k === 'contextSeparator' || k === 'pluralSeparator'
              ? typeof v === 'string'
              : k === 'interpolation'
                ? validInterpolation(v)
                : k === 'transKeepBasicHtmlNodesFor'
                  ? strings(v) !== undefined
                  : typeof v === 'boolean';
    if (!ok) fail(k);
  }
  return { ...(o as I18nextSettings), from: path.basename(where) };
}

function validInterpolation(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = ['prefix', 'suffix', 'nestingPrefix', 'nestingSuffix'];
  return Object.entries(v).every(([k, x]) => keys.includes(k) && typeof x === 'string' && x !== '');
}

/** Settings with single ones overridden (flags over a file): `from` names both. */
export function mergeSettings(
  base: I18nextSettings | undefined,
  over: I18nextSettings | undefined,
): I18nextSettings | undefined {
  if (over === undefined || Object.keys(over).filter((k) => k !== 'from').length === 0) return base;
  if (base === undefined) return over;
  const interpolation =
    base.interpolation === undefined && over.interpolation === undefined
      ? {}
      : { interpolation: { ...base.interpolation, ...over.interpolation } };
  return {
    ...base,
    ...over,
    ...interpolation,
    from: `${base.from ?? '?'} and ${over.from ?? '?'}`,
  };
}

/** A one-line summary of settings for the "Detected" line: `compatibilityJSON v3, keySeparator false`. */
export function describeSettings(s: I18nextSettings): string {
  return Object.entries(s)
    .filter(([k]) => k !== 'from')
    .map(([k, v]) =>
      k === 'interpolation'
        ? Object.entries(v as object)
            .map(([ik, iv]) => `${ik} ${String(iv)}`)
            .join(', ')
        : `${k} ${Array.isArray(v) ? v.join('/') : String(v)}`,
    )
    .join(', ');
}

const record = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined;
function pick(o: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
