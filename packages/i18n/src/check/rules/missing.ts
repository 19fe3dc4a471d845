import { formKey, pluralCategories } from '../../model/keys.js';
import { relativePath } from '../../model/paths.js';
import { declaredKeys } from '../core-keys.js';
import { commandLine, type Suggestion } from '../../model/finding.js';
import type { Rule } from './rule.js';

const SYNC: Suggestion = { command: 'sync', args: [] };
const sync = `\`${commandLine(SYNC)}\``;

/** Keys of the source (and texts the core declares) that a locale lacks. */
export const missing: Rule = {
  id: 'missing',
  run(ctx) {
    for (const ns of ctx.namespaces) {
      const source = ctx.sourceFile(ns);
      const sourceExists = ctx.project.file(ctx.source, ns) !== undefined;
      const declared = ctx.corpus === undefined ? new Map() : declaredKeys(ctx.corpus, ns);
      const sourceLogical = source === undefined ? undefined : ctx.logical(source);
      for (const locale of ctx.project.locales) {
        const file = ctx.project.file(locale, ns);
        if (file === undefined) {
          if (locale === ctx.source || !sourceExists) continue;
          const rel = ctx.project.filePath(locale, ns);
          ctx.report({
            file: { relPath: relativePath(ctx.project.root, rel), locale, namespace: ns },
            key: '',
            message: `the file is missing: ${locale} has no "${ns}" namespace`,
            hint: `Run ${sync} to create it with the source (${ctx.source}) text to translate.`,
            suggestion: SYNC,
          });
          continue;
        }
        if (!file.usable) continue;
        const logical = ctx.logical(file);
        const required = new Set<string>(
          locale !== ctx.source && sourceLogical !== undefined ? sourceLogical.keys() : [],
        );
        for (const k of declared.keys()) required.add(k);
        // Keys that hold an object or a list in this file (every proper prefix of an entry).
        let prefixSet: Set<string> | undefined;
        const prefixes = () => {
          if (prefixSet === undefined) {
            prefixSet = new Set();
            for (const e of file.entries.values())
              for (let i = 1; i < e.path.length; i++) prefixSet.add(e.path.slice(0, i).join('.'));
          }
          return prefixSet;
        };
        for (const key of required) {
          if (logical.has(key)) continue;
          const s = sourceLogical?.get(key);
          const d = declared.get(key);
          let message: string;
          let hint: string;
          if (s === undefined) {
            message =
              locale === ctx.source
                ? `no text for ${d?.what ?? key}, which the core declares`
                : `missing "${key}": the core declares ${d?.what ?? 'it'} (the source ${ctx.source} lacks it too)`;
            hint =
              locale === ctx.source
                ? `Add "${key}" to ${file.relPath}, or remove ${d?.what ?? 'it'} from the core.`
                : `Add "${key}" once the source has it.`;
          } else if (s.kind === 'plural') {
            const forms = pluralCategories(locale, s.ordinal).map((c) =>
              formKey(s.base, s.ordinal, c),
            );
            message = `missing "${key}" (plural forms ${forms.join(', ')})`;
            hint = `Translate it (source: ${source?.relPath}:${source?.position(s.entry.keyOffset).line}), or run ${sync} to add the forms with the source text.`;
          } else if (prefixes().has(key)) {
            // There, but not as a text: `"key": ["…"]` or `"key": { … }` where the source has "…".
            message = `"${key}" is a list or an object here; the source (${ctx.source}) has a text`;
            hint = `Write it as one text in double quotes, as the source does (source: ${source?.relPath}:${source?.position(s.entry.keyOffset).line}).`;
            ctx.report({ file, offset: ctx.anchorFor(file, `${key}.\u0000`), key, message, hint });
            continue;
          } else {
            message = `missing "${key}"${d === undefined ? '' : ` (${d.what})`}`;
            hint = `Translate it (source: ${source?.relPath}:${source?.position(s.entry.keyOffset).line}), or run ${sync} to add it with the source text.`;
          }
          ctx.report({
            file,
            offset: ctx.anchorFor(file, key),
            key,
            message,
            hint,
            ...(s === undefined ? {} : { suggestion: SYNC }),
          });
        }
      }
    }
  },
};
