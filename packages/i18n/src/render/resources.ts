import type { ProjectConfig, Resources } from '../model/types.js';
import { listLocaleFiles } from '../files/list.js';
import { fileStamp, readLocaleData } from '../files/read.js';

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
    if (kept === undefined) data = readLocaleData(ref.file, config.root);
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
        data = readLocaleData(ref.file, config.root);
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
