import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Exemption, I18nextSettings, ProjectConfig } from '../model/types.js';
import { ConfigError } from '../model/errors.js';
import { LocaleLayout } from '../model/layout.js';
import { localeTagProblem } from '../model/locale-tags.js';
import { importConfigModule } from './config-module.js';
import { DETECTION_TRIED, detectLayout, guessSourceLocale } from './detect.js';
import {
  describeSettings,
  findI18nextConfig,
  mergeSettings,
  readI18nextConfig,
  validateI18nextBlock,
  type ProjectI18next,
} from './i18next-settings.js';
import { languagesOnDisk } from './list.js';

export const CONFIG_NAMES = [
  'bilateral.config.json',
  'bilateral.config.js',
  'bilateral.config.mjs',
  'bilateral.config.ts',
];

/** Finds the config file from `cwd` upwards. */
export function findConfig(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const file = path.join(dir, name);
      if (existsSync(file)) return file;
    }
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export interface ConfigOverrides {
  readonly sourceLocale?: string;
  readonly locales?: readonly string[];
  readonly files?: string;
  readonly core?: string;
  /** Single i18next settings from flags (`--compatibility-json v3`, `--icu`, …). */
  readonly i18next?: I18nextSettings;
  /** The project's i18next config to read (relative to cwd), or `none` to read none. */
  readonly i18nextConfig?: string;
}

export interface LoadConfigOptions {
  cwd?: string;
  configFile?: string;
  overrides?: ConfigOverrides;
  /**
   * Told what was found rather than configured (one line: `Detected: public/locales/{lng}/{ns}.json,
   * source en, 12 languages`) and about language tags Intl does not know (one line each).
   */
  notify?: (message: string, kind: 'info' | 'warning') => void;
}

/**
 * Loads the project configuration: the config file found from `cwd` (or given), overridden by
 * flags. Without a config file, what the flags leave out is read from the project's own i18next
 * config (`next-i18next.config.js`, `i18next.config.ts`), else detected: the locale files in the
 * usual folders (`public/locales/{lng}/{ns}.json`, …), the languages on disk, `en` as the source.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<ProjectConfig> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const st = statSync(cwd, { throwIfNoEntry: false });
  if (st === undefined || !st.isDirectory())
    throw new ConfigError(`${cwd}: no such directory${st === undefined ? '' : ' (it is a file)'}`);
  const o = options.overrides ?? {};
  // With the locale files given as a flag and no --config, the flags describe the whole project
  // (rooted at cwd): a config further up the tree belongs to some other project.
  const file =
    options.configFile !== undefined
      ? path.resolve(cwd, options.configFile)
      : o.files !== undefined
        ? undefined
        : findConfig(cwd);
  const raw = file === undefined ? {} : await readConfigFile(file);
  const root = file === undefined ? cwd : path.dirname(file);
  const where = file ?? 'the command line';
  const str = (v: unknown, name: string): string | undefined => {
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v === '')
      throw new ConfigError(`${where}: "${name}" must be a non-empty string`);
    return v;
  };
  const block =
    raw['i18next'] === undefined ? undefined : validateI18nextBlock(raw['i18next'], where);
  const found = await locate(root, file, {
    files: o.files ?? str(raw['files'], 'files'),
    sourceLocale: o.sourceLocale ?? str(raw['sourceLocale'], 'sourceLocale'),
    readProject: block === undefined && o.i18nextConfig !== 'none',
    ...(o.i18nextConfig === undefined || o.i18nextConfig === 'none'
      ? {}
      : { i18nextConfig: path.resolve(cwd, o.i18nextConfig) }),
  });
  const { files, detected } = found;
  let locales = o.locales ?? (raw['locales'] as string[] | undefined);
  if (
    locales !== undefined &&
    (!Array.isArray(locales) || locales.some((l) => typeof l !== 'string'))
  ) {
    throw new ConfigError(`${where}: "locales" must be an array of language tags`);
  }
  locales ??= [...new Set([...(found.project?.locales ?? []), ...found.languages])].sort();
  const sourceLocale = found.sourceLocale;
  if (!locales.includes(sourceLocale)) locales = [sourceLocale, ...locales];
  const i18next = mergeSettings(block ?? found.project?.settings, o.i18next);
  if (detected.length > 0 || found.project !== undefined)
    options.notify?.(detectedLine(files, sourceLocale, locales, detected, i18next), 'info');
  for (const l of locales as readonly string[]) {
    const problem = localeTagProblem(l);
    if (problem !== undefined) options.notify?.(problem, 'warning');
  }
  return {
    root,
    configFile: file,
    sourceLocale,
    locales,
    files,
    core: o.core ?? str(raw['core'], 'core'),
    fallback: (raw['fallback'] as Record<string, string[]> | undefined) ?? {},
    lockFile: str(raw['lockFile'], 'lockFile') ?? LocaleLayout.defaultLockFile(files),
    ...pagesSetting(str(raw['pages'], 'pages'), where),
    rules: validateRules(raw['rules'], where),
    exemptions: validateExemptions(raw['exemptions'], where),
    ...(raw['plugins'] === undefined ? {} : { plugins: validatePlugins(raw['plugins'], where) }),
    ...(i18next === undefined ? {} : { i18next }),
  };
}

/** Reads and shape-checks a bilateral config file. */
async function readConfigFile(file: string): Promise<Record<string, unknown>> {
  if (!existsSync(file)) throw new ConfigError(`${file}: no such config file`);
  let raw: unknown;
  if (file.endsWith('.json')) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new ConfigError(`${file}: not valid JSON (${(e as Error).message})`);
    }
  } else raw = await importConfigModule(file);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new ConfigError(`${file}: the config must be an object`);
  checkFields(raw as Record<string, unknown>, file);
  return raw as Record<string, unknown>;
}

interface Located {
  readonly files: string;
  readonly sourceLocale: string;
  /** The languages on disk (plausible tags only). */
  readonly languages: readonly string[];
  readonly project: ProjectI18next | undefined;
  /** What was found rather than given: `files`, `source`. */
  readonly detected: readonly string[];
}

/**
 * Where the locale files are and which language is the source: as given, else from the project's
 * i18next config, else detected. The project's i18next config is looked for in the folders from
 * the locale files up to the root (nearest first), or in the root before detection.
 */
async function locate(
  root: string,
  configFile: string | undefined,
  given: {
    files: string | undefined;
    sourceLocale: string | undefined;
    readProject: boolean;
    i18nextConfig?: string;
  },
): Promise<Located> {
  const where = configFile ?? 'the command line';
  const detected: string[] = [];
  const readProject = async (dirs: string[]): Promise<ProjectI18next | undefined> => {
    if (!given.readProject) return undefined;
    if (given.i18nextConfig !== undefined) {
      if (!existsSync(given.i18nextConfig))
        throw new ConfigError(`${given.i18nextConfig}: no such i18next config file`);
      return readI18nextConfig(given.i18nextConfig, root);
    }
    const found = findI18nextConfig(dirs);
    return found === undefined ? undefined : readI18nextConfig(found, root);
  };
  let files = given.files;
  let project = files === undefined ? await readProject([root]) : undefined;
  if (files === undefined && project?.files !== undefined) files = project.files;
  if (files === undefined) {
    if (configFile !== undefined)
      throw new ConfigError(
        `${where}: no locale files. Add "files" (e.g. "locales/{lng}/{ns}.json") or pass --locales '<pattern>'`,
      );
    const layout = detectLayout(root);
    if (layout === undefined)
      throw new ConfigError(
        `${root}: no locale files found. Tried ${DETECTION_TRIED}. Pass --locales '<pattern>' (e.g. 'src/i18n/{lng}/{ns}.json') and --source <lng>, or add bilateral.config.json`,
      );
    files = layout.files;
    detected.push('files');
  }
  if (!files.includes('{lng}'))
    throw new ConfigError(`${where}: "files" must contain {lng}: ${files}`);
  project ??= await readProject(
    foldersUp(new LocaleLayout(root, files, '').languagesFolder(), root),
  );
  const languages = discoverLocales(root, files);
  let sourceLocale = given.sourceLocale ?? project?.sourceLocale;
  if (sourceLocale === undefined && configFile === undefined) {
    sourceLocale = guessSourceLocale(languages);
    if (sourceLocale !== undefined) detected.push('source');
  }
  if (sourceLocale === undefined) {
    throw new ConfigError(
      `${where}: no source locale. Add "sourceLocale" to bilateral.config.json or pass --source <lng>` +
        (languages.length > 0 ? ` (languages found: ${languages.join(', ')})` : ''),
    );
  }
  return { files, sourceLocale, languages, project, detected };
}

/** `dir`, its parent, … up to and including `root` (only `root` when `dir` is not inside it). */
function foldersUp(dir: string, root: string): string[] {
  const out: string[] = [];
  let d = dir;
  while (d.startsWith(root + path.sep)) {
    out.push(d);
    d = path.dirname(d);
  }
  out.push(root);
  return out;
}

/** `Detected: public/locales/{lng}/{ns}.json, source en, 12 languages; i18next settings from …`. */
function detectedLine(
  files: string,
  source: string,
  locales: readonly string[],
  detected: readonly string[],
  i18next: I18nextSettings | undefined,
): string {
  const settings =
    i18next === undefined
      ? ''
      : `; i18next settings from ${i18next.from ?? '?'}: ${describeSettings(i18next) || 'none'}`;
  const what = detected.length === 0 ? 'Read' : 'Detected';
  return `${what}: ${files}, source ${source}, ${locales.length} language${locales.length === 1 ? '' : 's'}${settings}`;
}

const KNOWN_FIELDS = new Set([
  '$schema',
  'sourceLocale',
  'locales',
  'files',
  'core',
  'fallback',
  'lockFile',
  'pages',
  'rules',
  'exemptions',
  'plugins',
  'i18next',
]);
/** `pages`: a pattern with `{lng}` and `{id}` (`pages/{lng}/{id}.md`). */
function pagesSetting(pages: string | undefined, where: string): { pages?: string } {
  if (pages === undefined) return {};
  if (!pages.includes('{lng}') || !pages.includes('{id}'))
    throw new ConfigError(
      `${where}: "pages" must contain {lng} and {id}, e.g. "pages/{lng}/{id}.md": ${pages}`,
    );
  return { pages };
}

const SEVERITY_VALUES = ['off', 'error', 'warning', 'info'];

function checkFields(raw: Record<string, unknown>, where: string): void {
  for (const k of Object.keys(raw)) {
    if (!KNOWN_FIELDS.has(k)) {
      throw new ConfigError(
        `${where}: unknown setting "${k}". Known settings: ${[...KNOWN_FIELDS].slice(1).join(', ')}`,
      );
    }
  }
}

/**
 * `rules`: per rule `"off" | "error" | "warning" | "info"`, or an object with `severity`, rule
 * options, and `keys` (key pattern → severity) for per-key severities.
 */
function validateRules(value: unknown, where: string): Record<string, unknown> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError(
      `${where}: "rules" must be an object, e.g. { "untranslated": "warning" }`,
    );
  }
  for (const [id, setting] of Object.entries(value)) {
    // Rule ids are checked against the rules that exist (built-in and the project's own) by the
    // check layer (`validateRuleIds`), which knows them; this layer checks the shape.
    const sev = (v: unknown, what: string) => {
      if (typeof v !== 'string' || !SEVERITY_VALUES.includes(v)) {
        throw new ConfigError(
          `${where}: ${what} must be one of ${SEVERITY_VALUES.join(', ')} (got ${JSON.stringify(v)})`,
        );
      }
    };
    if (typeof setting === 'string') sev(setting, `"rules.${id}"`);
    else if (setting !== null && typeof setting === 'object' && !Array.isArray(setting)) {
      const o = setting as Record<string, unknown>;
      if (o['severity'] !== undefined) sev(o['severity'], `"rules.${id}.severity"`);
      if (o['keys'] !== undefined) {
        if (o['keys'] === null || typeof o['keys'] !== 'object' || Array.isArray(o['keys'])) {
          throw new ConfigError(`${where}: "rules.${id}.keys" must map key patterns to severities`);
        }
        for (const [k, v] of Object.entries(o['keys'])) sev(v, `"rules.${id}.keys.${k}"`);
      }
    } else {
      throw new ConfigError(`${where}: "rules.${id}" must be a severity or an object`);
    }
  }
  return value as Record<string, unknown>;
}

/** `plugins`: module specifiers of the project's own rules (loaded by the check layer). */
function validatePlugins(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === ''))
    throw new ConfigError(
      `${where}: "plugins" must be a list of rule modules, e.g. ["./rules/no-exclamation.mjs"]`,
    );
  return value as string[];
}

function validateExemptions(value: unknown, where: string): Exemption[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ConfigError(`${where}: "exemptions" must be an array`);
  return value.map((e: unknown, i) => {
    const at = `${where}: exemptions[${i}]`;
    if (e === null || typeof e !== 'object')
      throw new ConfigError(`${at} must be an object { rule, key, reason }`);
    const o = e as Record<string, unknown>;
    if (typeof o['rule'] !== 'string' || o['rule'] === '') {
      throw new ConfigError(`${at}: "rule" must be a rule id or "*"`);
    }
    if (typeof o['key'] !== 'string' || o['key'] === '')
      throw new ConfigError(`${at}: "key" must be a key or pattern`);
    if (typeof o['reason'] !== 'string' || o['reason'].trim() === '') {
      throw new ConfigError(
        `${at}: "reason" is required: say why ${o['key']} is exempt from ${o['rule']}`,
      );
    }
    if (o['locale'] !== undefined && typeof o['locale'] !== 'string')
      throw new ConfigError(`${at}: "locale" must be a string`);
    return {
      rule: o['rule'],
      key: o['key'],
      reason: o['reason'],
      ...(typeof o['locale'] === 'string' ? { locale: o['locale'] } : {}),
    };
  });
}

/**
 * The languages on disk for a pattern: folder names where `{lng}` is a folder
 * (`locales/{lng}/{ns}.json`), file names that look like tags where it is in a file name
 * (`locales/{lng}.json`, `locales/{ns}/{lng}.json`; `package.json` is no language).
 */
export function discoverLocales(root: string, files: string): string[] {
  return languagesOnDisk(root, files);
}
