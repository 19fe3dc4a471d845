import { stringValue } from '../../model/keys.js';
import type { LocaleFile } from '../../model/types.js';
import { TERMS_NS, termKeys } from '../../model/document-keys.js';
import { defineRule } from '../rule.js';

/**
 * Each entity the core declares for a paragraph appears in the text as its label or one of the
 * accepted forms the locale lists (`entities.<id>.forms`, `|`-separated), matched as a
 * case-insensitive substring; `$t(terms:entities.<id>.label)` counts too.
 */
export const terminology = defineRule({
  meta: {
    id: 'terminology',
    severity: 'error',
    needsCore: true,
    description:
      'Each entity the core declares for a paragraph is named by its label or an accepted form.',
  },
  namespace(ctx) {
    if (ctx.document === undefined) return;
    // An entity's names in each terms file, looked up once per run (every document reads them).
    const byTerms = ctx.memo<string, Map<string, Names | undefined>>('names');
    for (const locale of ctx.project.locales) {
      const file = ctx.usable(locale);
      const terms = ctx.usable(locale, TERMS_NS);
      if (file === undefined || terms === undefined) continue;
      let names = byTerms.get(terms.relPath);
      if (names === undefined)
        byTerms.set(terms.relPath, (names = new Map<string, Names | undefined>()));
      for (const [key, p] of ctx.paragraphs()) {
        const entities = p.carries.entities;
        if (entities.length === 0) continue;
        const entry = file.entries.get(key);
        const value = stringValue(entry);
        if (entry === undefined || value === undefined) continue;
        const s = ctx.scan(value, entry);
        let text: string | undefined;
        let nested: Set<string> | undefined;
        for (const id of entities) {
          let found = names.get(id);
          if (found === undefined && !names.has(id)) names.set(id, (found = namesOf(terms, id)));
          if (found === undefined) continue; // `missing` reports it in the terms file
          if (namedAsWritten(s.masked, found.candidates)) continue;
          text ??= s.masked.toLowerCase();
          if (namedIn(text, found.lower)) continue;
          nested ??= new Set(s.nestings.map((n) => n.key));
          if (nested.has(`${TERMS_NS}:${termKeys.entityLabel(id)}`)) continue;
          const termsEntry = terms.entries.get(termKeys.entityLabel(id));
          ctx.report({
            file,
            offset: file.valueOffset(entry, 0),
            key,
            message: `does not name ${id} ("${found.candidates.join('" | "')}"), which the core declares for paragraph ${p.id}`,
            hint: `Name it with one of these; if the text uses another correct form (an inflection), add it to "entities.${id}.forms" in ${terms.relPath}${termsEntry === undefined ? '' : `:${terms.position(termsEntry.keyOffset).line}`} (forms are separated by |).`,
          });
        }
      }
    }
  },
});

interface Names {
  /** The label, then the accepted forms. */
  readonly candidates: readonly string[];
  readonly lower: readonly string[];
}

/** An entity's label and forms in a terms file. */
function namesOf(terms: LocaleFile, id: string): Names | undefined {
  const label = stringValue(terms.entries.get(termKeys.entityLabel(id)));
  if (label === undefined) return undefined;
  const forms = (stringValue(terms.entries.get(`entities.${id}.forms`)) ?? '')
    .split('|')
    .map((f) => f.trim())
    .filter(Boolean);
  const candidates = [label, ...forms];
  return { candidates, lower: candidates.map((c) => c.toLowerCase()) };
}

/**
 * Whether one of the names occurs in the text as written: then it occurs in the text lowered too
 * (lowering is character by character but for a capital sigma, whose small form depends on what
 * follows it), so the text need not be lowered.
 */
function namedAsWritten(text: string, candidates: readonly string[]): boolean {
  for (const c of candidates) if (!c.includes('Σ') && text.includes(c)) return true;
  return false;
}

/** Whether one of the names (lower case) occurs in the text (lower case). */
function namedIn(text: string, lower: readonly string[]): boolean {
  for (const c of lower) if (text.includes(c)) return true;
  return false;
}
