import { i18nextOf } from '../check/i18next.js';
import { PluralKeys } from '../check/plural-keys.js';
import type { Logical } from '../model/keys.js';
import type { LocaleFile, Project } from '../model/types.js';

/**
 * One namespace as `sync`, `accept` and `schema` see it: the source file, and plural families as
 * the checks see them ({@link PluralKeys}: v4 or v3 suffixes, the project's plural separator), so
 * that what `check` asks for is what the commands write.
 */
export interface NamespaceSource {
  readonly ns: string;
  readonly source: LocaleFile;
  /** The files of every locale that parse, the source included. */
  readonly usable: readonly LocaleFile[];
  readonly families: ReadonlySet<string>;
  readonly sourceLogical: ReadonlyMap<string, Logical>;
}

/** The plural model of a project's i18next settings (the one the checks use). */
export const pluralKeysOf = (project: Pick<Project, 'config'>): PluralKeys =>
  new PluralKeys(i18nextOf(project.config));

/** The usable files of a namespace in every locale, the source included. */
export function usableFiles(
  project: Pick<Project, 'locales' | 'file'>,
  ns: string,
): readonly LocaleFile[] {
  return project.locales.flatMap((l) => {
    const f = project.file(l, ns);
    return f?.usable === true ? [f] : [];
  });
}

/** The namespaces whose source file parses, with what `sync` and `schema` derive from them. */
export function* namespaceSources(
  project: Pick<Project, 'namespaces' | 'locales' | 'sourceLocale' | 'file'>,
  keys: PluralKeys,
): Generator<NamespaceSource> {
  for (const ns of project.namespaces) {
    const source = project.file(project.sourceLocale, ns);
    if (source === undefined || !source.usable) continue;
    const usable = usableFiles(project, ns);
    const families = keys.families(usable);
    yield { ns, source, usable, families, sourceLogical: keys.logical(source, families) };
  }
}

/**
 * Where a key of a logical source key goes in a file, as JSON property names: the source entry's
 * own path, or for a plural form its family's object with the form's name (`["cart", "items_few"]`;
 * with `keySeparator: false`, `["cart.items_few"]`: the dots are part of the name).
 */
export function formPath(s: Logical, key: string): readonly string[] {
  if (s.kind === 'plain') return s.entry.path;
  const parent = s.entry.path.slice(0, -1);
  const prefix = parent.length === 0 ? '' : `${parent.join('.')}.`;
  return key.startsWith(prefix) ? [...parent, key.slice(prefix.length)] : key.split('.');
}
