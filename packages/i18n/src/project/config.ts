import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Corpus } from '@bilateral/core';

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
  /** Per-rule settings: `"off"`, a severity, or an object with options. */
  readonly rules: Readonly<Record<string, unknown>>;
  /** Exemptions: `{ rule, key, locale?, reason }`. */
  readonly exemptions: readonly Exemption[];
}

export interface Exemption {
  readonly rule: string;
  /** A key, or a pattern with `*` (one segment) and `**` (any depth), optionally `ns:`-prefixed. */
  readonly key: string;
  readonly locale?: string;
  readonly reason: string;
}

/** A user mistake in configuration: the CLI prints the message (no stack) and exits 2. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export const CONFIG_NAMES = ['bilateral.config.json', 'bilateral.config.js', 'bilateral.config.mjs', 'bilateral.config.ts'];

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
  const file = options.configFile === undefined ? findConfig(cwd) : path.resolve(cwd, options.configFile);
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
      const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
      raw = (mod.default ?? {}) as Record<string, unknown>;
    }
  }
  const o = options.overrides ?? {};
  const root = file === undefined ? cwd : path.dirname(file);
  const where = file ?? 'the command line';
  const str = (v: unknown, name: string): string | undefined => {
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v === '') throw new ConfigError(`${where}: "${name}" must be a non-empty string`);
    return v;
  };
  const sourceLocale = o.sourceLocale ?? str(raw['sourceLocale'], 'sourceLocale');
  const files = o.files ?? str(raw['files'], 'files');
  if (sourceLocale === undefined) {
    throw new ConfigError(`${where}: no source locale. Add "sourceLocale" to bilateral.config.json or pass --source <lng>`);
  }
  if (files === undefined) {
    throw new ConfigError(`${where}: no locale files. Add "files" (e.g. "locales/{lng}/{ns}.json") or pass --locales '<pattern>'`);
  }
  if (!files.includes('{lng}')) throw new ConfigError(`${where}: "files" must contain {lng}: ${files}`);
  let locales = o.locales ?? (raw['locales'] as string[] | undefined);
  if (locales !== undefined && (!Array.isArray(locales) || locales.some((l) => typeof l !== 'string'))) {
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
    lockFile: str(raw['lockFile'], 'lockFile') ?? path.join(path.dirname(files.split('{lng}')[0] + 'x'), '{lng}', '.bilateral-lock.json').replace(/\\/g, '/'),
    rules: (raw['rules'] as Record<string, unknown> | undefined) ?? {},
    exemptions: (raw['exemptions'] as Exemption[] | undefined) ?? [],
  };
}

/** Lists the `{lng}` values present on disk for a pattern like `public/locales/{lng}/{ns}.json`. */
export function discoverLocales(root: string, files: string): string[] {
  const before = files.split('{lng}')[0] ?? '';
  const dir = path.join(root, before.endsWith('/') ? before : path.dirname(before + 'x'));
  try {
    return readdirSync(dir)
      .filter((d) => !d.startsWith('.') && statSync(path.join(dir, d)).isDirectory())
      .sort();
  } catch {
    return [];
  }
}

/** Loads the corpus a config names, or undefined when it names none. */
export async function loadCorpus(config: ProjectConfig): Promise<Corpus | undefined> {
  if (config.core === undefined) return undefined;
  const spec = config.core.startsWith('.') ? pathToFileURL(path.resolve(config.root, config.core)).href : config.core;
  let mod: { corpus?: Corpus };
  try {
    const resolved = config.core.startsWith('.') ? spec : pathToFileURL(createRequire(path.join(config.root, 'x.js')).resolve(spec)).href;
    mod = (await import(resolved)) as { corpus?: Corpus };
  } catch (e) {
    throw new ConfigError(
      `cannot load the core "${config.core}" from ${config.root}: ${(e as Error).message.split('\n')[0]}. Check "core" in the config (a package name or a ./path) and that it is built.`,
    );
  }
  if (mod.corpus === undefined) throw new ConfigError(`the core "${config.core}" exports no "corpus"`);
  return mod.corpus;
}
