import type { Corpus } from '@bilateral/core';
import { ConfigError } from '../model/errors.js';
import type { LocaleFile, LockFile, Project, ProjectConfig } from '../model/types.js';
import { loadCorpus } from './core.js';
import { listLocaleFiles, listLocaleFilesAgain, type LocaleFileRef } from './list.js';
import { readLock } from './lock.js';
import { listPageFiles, readPageFile } from './pages.js';
import { readLocaleFile, unchangedOnDisk } from './read.js';
import { LocaleLayout } from '../model/layout.js';

/*
 * A project as the checks see it: every locale file (read and parsed on first use), the lock
 * files and the core (when configured). Loading never throws for a broken locale file: its
 * problems are kept for the `syntax` check and the other files load as usual. A project on disk
 * (here) and one in memory (`createProject`, ./memory.ts) differ only in where the bytes come
 * from: both are made by {@link assembleProject}.
 */

/** Reads every locale file (once, with positions), the lock files and the core. */
export async function loadProject(config: ProjectConfig): Promise<Project> {
  const corpus = await loadCorpus(config);
  return buildProject(config, corpus);
}

/**
 * The synchronous part of {@link loadProject}, for re-reading when files change: the locale files
 * the config's pattern matches on disk, each read and parsed on first use, and the lock files.
 */
export function buildProject(config: ProjectConfig, corpus: Corpus | undefined): Project {
  return fromDisk(config, corpus, listLocaleFiles, (ref) =>
    readLocaleFile(config.root, ref.locale, ref.namespace, ref.file),
  );
}

/**
 * {@link buildProject} again, for a process that keeps looking at the same project (`--watch`,
 * a dev server): a locale file unchanged on disk since the last look (see `unchangedOnDisk`)
 * keeps its object, with what is known of it (its stamp, the digest of its bytes); a changed,
 * new or recently touched one is read afresh.
 */
export function refreshProject(
  previous: Project | undefined,
  config: ProjectConfig,
  corpus: Corpus | undefined,
): Project {
  if (previous === undefined || previous.config !== config) return buildProject(config, corpus);
  return fromDisk(config, corpus, listLocaleFilesAgain, (ref) => {
    const known = previous.file(ref.locale, ref.namespace);
    return known !== undefined && known.path === ref.file && unchangedOnDisk(known)
      ? known
      : readLocaleFile(config.root, ref.locale, ref.namespace, ref.file);
  });
}

/** The locale files the config's pattern matches on disk (each opened by `open`), then the pages. */
function fromDisk(
  config: ProjectConfig,
  corpus: Corpus | undefined,
  list: (config: ProjectConfig) => LocaleFileRef[],
  open: (ref: LocaleFileRef) => LocaleFile,
): Project {
  const files = list(config).map(open);
  // Prose pages (`pages` in the config): each a file of namespace `pages/<id>`, after the others.
  const order = new Map(config.locales.map((l, i) => [l, i]));
  const pages = listPageFiles(config)
    .map((ref) => readPageFile(config.root, ref))
    .sort((a, b) => (order.get(a.locale) ?? 0) - (order.get(b.locale) ?? 0));
  files.push(...pages);
  return assembleProject(config, corpus, files, (locale) => readLock(config, locale));
}

/**
 * A project from its locale files, wherever they come from (disk or memory), in the order the
 * files layer lists them (by locale as the config orders them, then by file name).
 * `lock(locale)` gives each target locale's lock file. Throws a {@link ConfigError} when the
 * source language has no file.
 */
export function assembleProject(
  config: ProjectConfig,
  corpus: Corpus | undefined,
  files: readonly LocaleFile[],
  lock: (locale: string) => LockFile,
): Project {
  const layout = LocaleLayout.of(config);
  if (!files.some((f) => f.locale === config.sourceLocale)) {
    const pattern = layout.relative(config.sourceLocale, '*');
    throw new ConfigError(
      `no locale files for the source language "${config.sourceLocale}": nothing matches ${pattern} in ${config.root}. Check "files" and "sourceLocale" in the config (or --locales and --source).`,
    );
  }
  // By locale, then namespace: the rules look files up all the time, and a lookup makes no key.
  const byLocale = new Map<string, Map<string, LocaleFile>>();
  for (const f of files) {
    let byNs = byLocale.get(f.locale);
    if (byNs === undefined) byLocale.set(f.locale, (byNs = new Map<string, LocaleFile>()));
    byNs.set(f.namespace, f);
  }
  const nsSet = new Set<string>();
  for (const f of files) if (f.locale === config.sourceLocale) nsSet.add(f.namespace);
  for (const f of files) nsSet.add(f.namespace);
  const locks = new Map<string, LockFile>();
  for (const locale of config.locales) {
    if (locale === config.sourceLocale) continue;
    locks.set(locale, lock(locale));
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
    file: (locale, namespace) => byLocale.get(locale)?.get(namespace),
    filePath: (locale, namespace) => layout.path(locale, namespace),
  };
}

/**
 * The same project with a core (its files and lock files, not read again): for the thread that
 * loads the core after listing the project without it.
 */
export function withCorpus(project: Project, corpus: Corpus | undefined): Project {
  return assembleProject(project.config, corpus, project.files, (locale) => {
    const lock = project.locks.get(locale);
    if (lock === undefined) throw new Error(`withCorpus: no lock file for ${locale}`);
    return lock;
  });
}
