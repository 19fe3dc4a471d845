import { entitiesOf } from '@bilateral/core';
import { stringValue } from '../../model/keys.js';
import type { LocaleFile } from '../../model/types.js';
import { TERMS_NS, termKeys } from '../../model/document-keys.js';
import { scan } from '../scan.js';
import type { Rule } from './rule.js';

/**
 * Each entity the core declares for a paragraph appears in the text as its label or one of the
 * accepted forms the locale lists (`entities.<id>.forms`, `|`-separated), matched as a
 * case-insensitive substring; `$t(terms:entities.<id>.label)` counts too.
 */
export const terminology: Rule = {
  id: 'terminology',
  run(ctx) {
    for (const ns of ctx.documents.keys()) {
      for (const locale of ctx.project.locales) {
        const file = ctx.usable(locale, ns);
        const terms = ctx.usable(locale, TERMS_NS);
        if (file === undefined || terms === undefined) continue;
        for (const [key, p] of ctx.paragraphs(ns)) {
          const entry = file.entries.get(key);
          const value = stringValue(entry);
          if (entry === undefined || value === undefined) continue;
          const s = scan(value);
          const text = s.masked.toLowerCase();
          const nested = new Set(s.nestings.map((n) => n.key));
          for (const id of new Set(entitiesOf(p.paragraph))) {
            const names = namesOf(terms, id);
            if (names === undefined) continue; // `missing` reports it in the terms file
            if (nested.has(`${TERMS_NS}:${termKeys.entityLabel(id)}`)) continue;
            const candidates = names.candidates;
            if (names.lower.some((c) => text.includes(c))) continue;
            const termsEntry = terms.entries.get(termKeys.entityLabel(id));
            ctx.report({
              file,
              offset: file.valueOffset(entry, 0),
              key,
              message: `does not name ${id} ("${candidates.join('" | "')}"), which the core declares for paragraph ${p.id}`,
              hint: `Name it with one of these; if the text uses another correct form (an inflection), add it to "entities.${id}.forms" in ${terms.relPath}${termsEntry === undefined ? '' : `:${terms.position(termsEntry.keyOffset).line}`} (forms are separated by |).`,
            });
          }
        }
      }
    }
  },
};

interface Names {
  /** The label, then the accepted forms. */
  readonly candidates: readonly string[];
  readonly lower: readonly string[];
}

/** An entity's label and forms in a terms file (computed once per file and entity). */
const namesCache = new WeakMap<LocaleFile, Map<string, Names | undefined>>();
function namesOf(terms: LocaleFile, id: string): Names | undefined {
  let byId = namesCache.get(terms);
  if (byId === undefined) namesCache.set(terms, (byId = new Map()));
  if (byId.has(id)) return byId.get(id);
  const label = stringValue(terms.entries.get(termKeys.entityLabel(id)));
  let names: Names | undefined;
  if (label !== undefined) {
    const forms = (stringValue(terms.entries.get(`entities.${id}.forms`)) ?? '')
      .split('|')
      .map((f) => f.trim())
      .filter(Boolean);
    const candidates = [label, ...forms];
    names = { candidates, lower: candidates.map((c) => c.toLowerCase()) };
  }
  byId.set(id, names);
  return names;
}
