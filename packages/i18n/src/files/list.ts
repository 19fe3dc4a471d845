import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { ProjectConfig } from '../model/types.js';
import { LocaleLayout } from '../model/layout.js';

export interface LocaleFileRef {
  readonly locale: string;
  readonly namespace: string;
  /** Absolute path. */
  readonly file: string;
}

/** Lists the locale files of a project: every `{lng}` × `{ns}` the pattern matches on disk. */
export function listLocaleFiles(config: ProjectConfig): LocaleFileRef[] {
  const out: LocaleFileRef[] = [];
  const layout = LocaleLayout.of(config);
  for (const locale of config.locales) {
    const folder = layout.namespaceFolder(locale);
    if (folder === undefined) {
      out.push({ locale, namespace: 'translation', file: layout.path(locale, '') });
      continue;
    }
    const { dir, prefix, suffix: after } = folder;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      names = [];
    }
    for (const name of names.sort()) {
      if (!name.startsWith(prefix) || !name.endsWith(after) || name.startsWith('.')) continue;
      const ns = name.slice(prefix.length, name.length - after.length);
      if (ns === '' || ns.includes('/') || ns === 'package' || ns === 'turbo') continue;
      // `dir` is absolute and normalised and `name` a plain entry: no path.join needed.
      out.push({
        locale,
        namespace: ns,
        file: dir.endsWith(path.sep) ? dir + name : dir + path.sep + name,
      });
    }
  }
  return out;
}
