import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Corpus } from '@bilateral/core';
import type { Exemption, ProjectConfig } from '../model/types.js';
import { ConfigError } from '../model/errors.js';
import { LocaleLayout } from '../model/layout.js';

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
}

/**
 * Loads the project configuration: the config file found from `cwd` (or given), overridden by
 * flags. Without a config file, `files` and `sourceLocale` must come from the flags.
 */
export async function loadConfig(
  options: { cwd?: string; configFile?: string; overrides?: ConfigOverrides } = {},
): Promise<ProjectConfig> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  // With the locale files given as a flag and no --config, the flags describe the whole project
  // (rooted at cwd): a config further up the tree belongs to some other project.
  const file =
    options.configFile !== undefined
      ? path.resolve(cwd, options.configFile)
      : options.overrides?.files !== undefined
        ? undefined
        : findConfig(cwd);
  let raw: Record<string, unknown> = {};
  if (file !== undefined) {
    if (!existsSync(file)) throw new ConfigError(`${file}: no such config file`);
    if (file.endsWith('.json')) {
      try {
        raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      } catch (e) {
        throw new ConfigError(`${file}: not valid JSON (${(e as Error).message})`);
      }
    } else {
      raw = await importConfigModule(file);
    }
  }
  const o = options.overrides ?? {};
  if (file !== undefined) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
      throw new ConfigError(`${file}: the config must be an object`);
    checkFields(raw, file);
  }
  const root = file === undefined ? cwd : path.dirname(file);
  const where = file ?? 'the command line';
  const str = (v: unknown, name: string): string | undefined => {
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v === '')
      throw new ConfigError(`${where}: "${name}" must be a non-empty string`);
    return v;
  };
  const sourceLocale = o.sourceLocale ?? str(raw['sourceLocale'], 'sourceLocale');
  const files = o.files ?? str(raw['files'], 'files');
  if (sourceLocale === undefined) {
    throw new ConfigError(
      `${where}: no source locale. Add "sourceLocale" to bilateral.config.json or pass --source <lng>`,
    );
  }
  if (files === undefined) {
    throw new ConfigError(
      `${where}: no locale files. Add "files" (e.g. "locales/{lng}/{ns}.json") or pass --locales '<pattern>'`,
    );
  }
  if (!files.includes('{lng}'))
    throw new ConfigError(`${where}: "files" must contain {lng}: ${files}`);
  let locales = o.locales ?? (raw['locales'] as string[] | undefined);
  if (
    locales !== undefined &&
    (!Array.isArray(locales) || locales.some((l) => typeof l !== 'string'))
  ) {
    throw new ConfigError(`${where}: "locales" must be an array of language tags`);
  }
  locales ??= discoverLocales(root, files);
  if (!locales.includes(sourceLocale)) locales = [sourceLocale, ...locales];
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
  };
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
        for (const [k, v] of Object.entries(o['keys'] as object)) sev(v, `"rules.${id}.keys.${k}"`);
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
 * Imports a JS or TS config module. Node 20 cannot import TypeScript itself: a `.ts` config is
 * transpiled with the project's own `typescript` (it has one if it writes its config in TS) into a
 * temporary module next to it, so that its relative imports still resolve.
 */
async function importConfigModule(file: string): Promise<Record<string, unknown>> {
  let target = file;
  let temp: string | undefined;
  try {
    if (file.endsWith('.ts')) {
      let ts: { transpileModule(input: string, o: object): { outputText: string } };
      try {
        const req = createRequire(file);
        ts = req(req.resolve('typescript')) as typeof ts;
      } catch {
        throw new ConfigError(
          `${file}: a TypeScript config needs the "typescript" package in the project; or use bilateral.config.json`,
        );
      }
      const out = ts.transpileModule(readFileSync(file, 'utf8'), {
        compilerOptions: { module: 99 /* ESNext */, target: 10 /* ES2023 */ },
        fileName: file,
      }).outputText;
      temp = path.join(path.dirname(file), `.bilateral.config.${process.pid}.${Date.now()}.mjs`);
      writeFileSync(temp, out);
      target = temp;
    }
    const mod = (await import(pathToFileURL(target).href)) as { default?: unknown };
    return (mod.default ?? {}) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError(
      `${file}: cannot load the config: ${(e as Error).message.split('\n')[0]}`,
    );
  } finally {
    if (temp !== undefined) rmSync(temp, { force: true });
  }
}

/** Lists the `{lng}` values present on disk for a pattern like `public/locales/{lng}/{ns}.json`. */
export function discoverLocales(root: string, files: string): string[] {
  const dir = new LocaleLayout(root, files, '').languagesFolder();
  try {
    return (
      readdirSync(dir)
        // A folder whose name could not be a language tag (quotes, spaces, markup…) is not a locale.
        .filter((d) => /^[A-Za-z0-9_-]+$/.test(d) && statSync(path.join(dir, d)).isDirectory())
        .sort()
    );
  } catch {
    return [];
  }
}

/** Loads the corpus a config names, or undefined when it names none. */
export async function loadCorpus(config: ProjectConfig): Promise<Corpus | undefined> {
  if (config.core === undefined) return undefined;
  const spec = config.core.startsWith('.')
    ? pathToFileURL(path.resolve(config.root, config.core)).href
    : config.core;
  let mod: { corpus?: Corpus };
  try {
    const resolved = config.core.startsWith('.')
      ? spec
      : pathToFileURL(createRequire(path.join(config.root, 'x.js')).resolve(spec)).href;
    mod = (await import(resolved)) as { corpus?: Corpus };
  } catch (e) {
    throw new ConfigError(
      `cannot load the core "${config.core}" from ${config.root}: ${(e as Error).message.split('\n')[0]}. Check "core" in the config (a package name or a ./path) and that it is built.`,
    );
  }
  if (mod.corpus === undefined)
    throw new ConfigError(`the core "${config.core}" exports no "corpus"`);
  return mod.corpus;
}
