import type { Corpus } from '@bilateral/core';
import { ConfigError } from '../model/errors.js';
import type { LockFile, Project, ProjectConfig } from '../model/types.js';
import { loadCorpus } from './config.js';
import { listLocaleFiles } from './list.js';
import { readLock } from './lock.js';
import { readLocaleFile } from './read.js';
import { LocaleLayout } from '../model/layout.js';

/**
 * A project as the checks see it: every locale file (read and parsed on first use), the lock
 * files and the core (when configured). Loading never throws for a broken locale file: its
 * problems are kept for the `syntax` check and the other files load as usual.
 */

/** Reads every locale file (once, with positions), the lock files and the core. */
export async function loadProject(config: ProjectConfig): Promise<Project> {
  const corpus = await loadCorpus(config);
  return buildProject(config, corpus);
}

/** The synchronous part of {@link loadProject}, for re-reading when files change. */
export function buildProject(config: ProjectConfig, corpus: Corpus | undefined): Project {
  const files = listLocaleFiles(config).map((ref) =>
    readLocaleFile(config.root, ref.locale, ref.namespace, ref.file),
  );
  if (!files.some((f) => f.locale === config.sourceLocale)) {
    const pattern = LocaleLayout.of(config).relative(config.sourceLocale, '*');
    throw new ConfigError(
      `no locale files for the source language "${config.sourceLocale}": nothing matches ${pattern} in ${config.root}. Check "files" and "sourceLocale" in the config (or --locales and --source).`,
    );
  }
  const layout = LocaleLayout.of(config);
  const byKey = new Map(files.map((f) => [`${f.locale}\u0000${f.namespace}`, f]));
  const nsSet = new Set<string>();
  for (const f of files) if (f.locale === config.sourceLocale) nsSet.add(f.namespace);
  for (const f of files) nsSet.add(f.namespace);
  const locks = new Map<string, LockFile>();
  for (const locale of config.locales) {
    if (locale === config.sourceLocale) continue;
    locks.set(locale, readLock(config, locale));
  }
  return {
    config,
    root: config.root,
    sourceLocale: config.sourceLocale,
    locales: config.locales,
    namespaces: [...nsSet],
    files,
    locks,
    corpus,
    file: (locale, namespace) => byKey.get(`${locale}\u0000${namespace}`),
    filePath: (locale, namespace) => layout.path(locale, namespace),
  };
}
