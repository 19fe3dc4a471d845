import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as CoreModule from '@bilateral/core';
import type { Corpus } from '@bilateral/core';
import { ConfigError } from '../model/errors.js';
import type { ProjectConfig } from '../model/types.js';

/**
 * The one way into `@bilateral/core` at run time. The core is an optional peer dependency: a
 * project that only checks its i18next JSON, or builds a Markdown site with the Eleventy plugin,
 * never installs it, and nothing of the toolkit loads it unless the project's config names a core
 * (`"core"` in bilateral.config.json, `--core`) or a caller hands the toolkit a document of one.
 * Every other module imports only its types (`import type`, erased at build time) and, for the
 * core's queries over a document (`citationsOf`, `factsOf`, …), the bindings exported below.
 *
 * - {@link loadCorpus} (the CLI, check sessions, workers, the plugin): loads `@bilateral/core`
 *   (from the toolkit's own location, else from the project's root), then the config's core
 *   module, and returns its `corpus`. A missing core is a {@link ConfigError} (exit 2) naming the
 *   config file, the `core` setting and the fix.
 * - The query bindings: the core's own functions once it is loaded. A library caller who built a
 *   corpus itself (it imported `@bilateral/core`, so the package is installed) and calls the
 *   renderer or the checks directly never awaited {@link loadCore}; the first query then loads the
 *   core synchronously (`require` of an ES module, Node ≥ 20.19).
 */

export type Core = typeof CoreModule;

/** The core's package, and how to install it. */
export const CORE_PACKAGE = '@bilateral/core';
export const INSTALL_CORE = `npm install ${CORE_PACKAGE}`;

let loaded: Core | undefined;

/** Whether `@bilateral/core` can be found from the toolkit (for the caches' fingerprint). */
export function coreEntry(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve(CORE_PACKAGE);
  } catch {
    return undefined;
  }
}

/**
 * Loads `@bilateral/core` (once per thread): from the toolkit's own location (where a package
 * manager puts a peer dependency), else from the project's root (a toolkit installed globally).
 */
export async function loadCore(config?: ProjectConfig): Promise<Core> {
  if (loaded !== undefined) return loaded;
  let mod: Core | undefined;
  try {
    mod = await import('@bilateral/core');
  } catch (e) {
    if (!isMissing(e)) throw cannotLoad(e);
    const entry = config === undefined ? undefined : resolveFrom(config.root);
    if (entry !== undefined) {
      try {
        mod = (await import(pathToFileURL(entry).href)) as Core;
      } catch (e2) {
        throw cannotLoad(e2);
      }
    }
  }
  if (mod === undefined) throw missingCore(config);
  return bind(mod);
}

/** Loads the corpus a config names, or undefined when it names none. */
export async function loadCorpus(config: ProjectConfig): Promise<Corpus | undefined> {
  if (config.core === undefined) return undefined;
  await loadCore(config);
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
      `cannot load the core "${config.core}" from ${config.root}: ${(e as Error).message.split('\n')[0]}. Check "core" in ${settingOf(config)} (a package name or a ./path) and that it is built.`,
    );
  }
  if (mod.corpus === undefined)
    throw new ConfigError(`the core "${config.core}" exports no "corpus"`);
  return mod.corpus;
}

/**
 * The file of the core module a config names (as {@link loadCorpus} resolves it), or undefined
 * when it names none or it cannot be resolved: what a process that keeps the core loaded
 * (`bilateral check --watch` answering other runs) watches to know its copy is still current.
 */
export function coreModuleFile(config: ProjectConfig): string | undefined {
  if (config.core === undefined) return undefined;
  try {
    return config.core.startsWith('.')
      ? path.resolve(config.root, config.core)
      : createRequire(path.join(config.root, 'x.js')).resolve(config.core);
  } catch {
    return undefined;
  }
}

/** The loaded core, or the core loaded now (synchronously); a clear error when it is missing. */
function core(): Core {
  if (loaded !== undefined) return loaded;
  let mod: Core;
  try {
    mod = createRequire(import.meta.url)(CORE_PACKAGE) as Core;
  } catch (e) {
    throw isMissing(e) ? missingCore(undefined) : cannotLoad(e);
  }
  return bind(mod);
}

// The core's queries over a document. Each starts as a stand-in that loads the core and then
// rebinds every name to the core's own function (ES module exports are live bindings), so a rule's
// inner loop calls the core directly.
export let citationsOf: Core['citationsOf'] = (p) => core().citationsOf(p);
export let factsOf: Core['factsOf'] = (p) => core().factsOf(p);
export let entitiesOf: Core['entitiesOf'] = (p) => core().entitiesOf(p);
export let dubiousCountOf: Core['dubiousCountOf'] = (p) => core().dubiousCountOf(p);
export let referenceSource: Core['referenceSource'] = (c, d, r) => core().referenceSource(c, d, r);

function bind(mod: Core): Core {
  loaded = mod;
  citationsOf = mod.citationsOf;
  factsOf = mod.factsOf;
  entitiesOf = mod.entitiesOf;
  dubiousCountOf = mod.dubiousCountOf;
  referenceSource = mod.referenceSource;
  return mod;
}

function resolveFrom(root: string): string | undefined {
  try {
    return createRequire(path.join(root, 'x.js')).resolve(CORE_PACKAGE);
  } catch {
    return undefined;
  }
}

/** Node's "cannot find" for the core's package itself (not for a module the core imports). */
function isMissing(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    (e as Error).message.includes(`'${CORE_PACKAGE}'`)
  );
}

/** `bilateral.config.json` (or the flag) where the core is named. */
function settingOf(config: ProjectConfig): string {
  return config.configFile ?? 'the command line (--core)';
}

function missingCore(config: ProjectConfig | undefined): ConfigError {
  if (config === undefined)
    return new ConfigError(
      `${CORE_PACKAGE} is not installed, and a document of the core needs it. Install it: ${INSTALL_CORE}`,
    );
  const named = `"${config.core ?? CORE_PACKAGE}"`;
  const [where, drop] =
    config.configFile === undefined
      ? [`--core ${named}`, 'leave out --core']
      : [`${config.configFile}: "core" is ${named}`, `remove "core" from ${config.configFile}`];
  return new ConfigError(
    `${where}, but ${CORE_PACKAGE} is not installed (neither beside @bilateral/i18n nor in ${config.root}). Install it: ${INSTALL_CORE}. Or, for a project without documents of the core (locale files and pages only), ${drop}.`,
  );
}

function cannotLoad(e: unknown): ConfigError {
  return new ConfigError(
    `cannot load ${CORE_PACKAGE}: ${(e as Error).message.split('\n')[0]}. Reinstall it (${INSTALL_CORE}) and check that it is built.`,
  );
}
