import type { DocumentModel, Fact } from '@bilateral/core';
import { factsOf } from '../../files/core.js';
import { FORMATS_FOR_KIND } from '../../intl/facts.js';
import { stringValue } from '../../model/keys.js';
import type { Entry, LocaleFile } from '../../model/types.js';
import type { NamespaceContext } from '../context.js';
import { defineRule } from '../rule.js';
import { closest } from '../strings.js';

const slot = (id: string, fact: Fact | undefined): string =>
  fact === undefined ? `{{${id}}}` : `{{${id}, ${FORMATS_FOR_KIND[fact.kind][0]}}}`;

/**
 * The fact slots of each paragraph are exactly the facts the core declares for it (as a set), and
 * each slot's format fits the fact's kind. Event descriptions may use any fact of the document.
 */
export const facts = defineRule({
  meta: {
    id: 'facts',
    severity: 'error',
    needsCore: true,
    description:
      'A paragraph has exactly the fact slots the core declares for it, each with a format that fits the fact.',
  },
  namespace(ctx) {
    const doc = ctx.document;
    if (doc === undefined) return;
    const paragraphs = ctx.paragraphs();
    for (const locale of ctx.project.locales) {
      const file = ctx.usable(locale);
      if (file === undefined) continue;
      for (const entry of file.entries.values()) {
        const value = stringValue(entry);
        if (value === undefined) continue;
        const p = paragraphs.get(entry.key);
        if (p !== undefined) {
          const declared = new Set(factsOf(p.paragraph));
          checkSlots(ctx, file, entry, value, doc, declared, `paragraph ${p.id}`);
        } else if (entry.key.startsWith('events.')) {
          checkSlots(ctx, file, entry, value, doc, undefined, `event ${entry.key.slice(7)}`);
        }
      }
    }
  },
});

function checkSlots(
  ctx: NamespaceContext,
  file: LocaleFile,
  entry: Entry,
  value: string,
  doc: DocumentModel,
  declared: ReadonlySet<string> | undefined,
  what: string,
): void {
  const present = new Set<string>();
  const declaredList =
    declared === undefined
      ? []
      : [...declared].map((id) =>
          slot(id, Object.hasOwn(doc.facts, id) ? doc.facts[id] : undefined),
        );
  for (const i of ctx.scan(value).interpolations) {
    const at = file.valueOffset(entry, i.start);
    const fact = Object.hasOwn(doc.facts, i.name) ? doc.facts[i.name] : undefined;
    if (fact === undefined || (declared !== undefined && !declared.has(i.name))) {
      const near = closest(i.name, declared ?? Object.keys(doc.facts));
      ctx.report({
        file,
        offset: at,
        key: entry.key,
        message:
          fact === undefined
            ? `{{${i.name}}} is not a fact of ${doc.id}${near === undefined ? '' : ` (did you mean {{${near}}}?)`}`
            : `{{${i.name}}} is a fact of ${doc.id}, but the core does not declare it for ${what}`,
        hint:
          declared === undefined
            ? `Use one of the document's facts: ${Object.keys(doc.facts).join(', ')}.`
            : `The core declares for ${what}: ${declaredList.join(' ') || 'no facts'}. Fact names are never translated.`,
      });
      continue;
    }
    present.add(i.name);
    const allowed = FORMATS_FOR_KIND[fact.kind];
    const format = i.formats[0]?.name;
    if (format === undefined || !allowed.includes(format)) {
      ctx.report({
        file,
        offset: at,
        key: entry.key,
        message:
          format === undefined
            ? `{{${i.name}}} has no format: the ${fact.kind} would not be formatted for ${file.locale}`
            : `{{${i.name}, ${format}}}: "${format}" does not fit a ${fact.kind} fact`,
        hint: `Write {{${i.name}, ${allowed.join('}} or {{' + i.name + ', ')}}} (format options such as (monthForm: genitive) may follow).`,
      });
    }
  }
  if (declared === undefined) return;
  for (const id of declared) {
    if (present.has(id)) continue;
    ctx.report({
      file,
      offset: file.valueOffset(entry, 0),
      key: entry.key,
      message: `missing fact ${slot(id, doc.facts[id])}: the core declares it for ${what}`,
      hint: `Put ${slot(id, doc.facts[id])} where the source has it; never type the value itself (it comes from the core).`,
    });
  }
}
