import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Resources } from '../render/renderer.js';
import type { ProjectConfig } from './config.js';
import { fileStamp, readLocaleData } from './project.js';

export interface LocaleFileRef {
  readonly locale: string;
  readonly namespace: string;
  /** Absolute path. */
  readonly file: string;
}

/** Lists the locale files of a project: every `{lng}` × `{ns}` the pattern matches on disk. */
export function listLocaleFiles(config: ProjectConfig): LocaleFileRef[] {
  const out: LocaleFileRef[] = [];
  for (const locale of config.locales) {
    const pattern = config.files.replaceAll('{lng}', locale);
    if (!pattern.includes('{ns}')) {
      out.push({ locale, namespace: 'translation', file: path.resolve(config.root, pattern) });
      continue;
    }
    const [before = '', after = ''] = pattern.split('{ns}');
    const dir = path.resolve(config.root, path.dirname(before + 'x'));
    const prefix = path.basename(before + 'x').slice(0, -1);
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

/** What {@link readResources} keeps between calls: each file's data, by path, with its stamp. */
export type KeptLocaleData = Map<string, { readonly stamp: string; readonly data: unknown }>;

/**
 * Reads every locale file as i18next resources. Files that do not parse, or that are too large or
 * too deeply nested to check (as `check` decides: see {@link readLocaleData}), are left
 * out (the `syntax` check reports them with line and column); this function never throws for them.
 * The containers have no prototype: a locale or namespace named `__proto__` is just a name.
 *
 * With `kept` (a dev server's rebuilds), a file whose stamp is unchanged since the previous call
 * is not read again: its data is the same object as before (which also lets the render cache
 * reuse its hash), and one edit costs one file.
 */
export function readResources(config: ProjectConfig, kept?: KeptLocaleData): Resources {
  const resources: Resources = Object.create(null) as Resources;
  for (const locale of config.locales)
    resources[locale] = Object.create(null) as Record<string, unknown>;
  const seen = new Set<string>();
  for (const ref of listLocaleFiles(config)) {
    let data: unknown;
    if (kept === undefined) data = readLocaleData(ref.file);
    else {
      seen.add(ref.file);
      let stamp: string | undefined;
      try {
        stamp = fileStamp(ref.file)?.stamp;
      } catch {
        stamp = undefined;
      }
      const known = kept.get(ref.file);
      if (stamp !== undefined && known?.stamp === stamp) data = known.data;
      else {
        data = readLocaleData(ref.file);
        if (stamp === undefined) kept.delete(ref.file);
        else kept.set(ref.file, { stamp, data });
      }
    }
    if (data === undefined) continue;
    let byNs = resources[ref.locale];
    if (byNs === undefined) {
      byNs = Object.create(null) as Record<string, unknown>;
      resources[ref.locale] = byNs;
    }
    byNs[ref.namespace] = data;
  }
  if (kept !== undefined) for (const file of kept.keys()) if (!seen.has(file)) kept.delete(file);
  return resources;
}
