import { stringValue } from '../../model/keys.js';
import { defineRule } from '../rule.js';

/** Each paragraph cites exactly the references the core declares for it (same multiset). */
export const citations = defineRule({
  meta: {
    id: 'citations',
    severity: 'error',
    needsCore: true,
    description:
      'A paragraph cites exactly the references the core declares for it (order may differ).',
  },
  namespace(ctx) {
    const doc = ctx.document;
    if (doc === undefined) return;
    const paragraphs = ctx.paragraphs();
    for (const locale of ctx.project.locales) {
      const file = ctx.usable(locale);
      if (file === undefined) continue;
      for (const [key, p] of paragraphs) {
        const entry = file.entries.get(key);
        const value = stringValue(entry);
        if (entry === undefined || value === undefined) continue;
        const expected = p.carries.citationCounts;
        const refs = ctx.scan(value, entry).refs;
        if (refs.length === 0 && expected.size === 0) continue;
        const seen = new Map<string, number>();
        for (const tag of refs) {
          // Offsets only for what is reported (finding one walks the literal of a text with escapes).
          const id = tag.attributes['id'];
          if (id === undefined || id === '') {
            ctx.report({
              file,
              offset: file.valueOffset(entry, tag.start),
              key,
              message: '<ref/> without an id',
              hint: 'Write <ref id="…"/> with the id of the reference, as in the source.',
            });
            continue;
          }
          const n = (seen.get(id) ?? 0) + 1;
          seen.set(id, n);
          if (!Object.hasOwn(doc.references, id)) {
            ctx.report({
              file,
              offset: file.valueOffset(entry, tag.start),
              key,
              message: `<ref id="${id}"/>: ${doc.id} has no reference "${id}"`,
              hint: `The core declares for paragraph ${p.id}: ${[...expected.keys()].join(', ') || 'no citations'}. Reference ids are never translated.`,
            });
          } else if (n > (expected.get(id) ?? 0)) {
            ctx.report({
              file,
              offset: file.valueOffset(entry, tag.start),
              key,
              message:
                (expected.get(id) ?? 0) === 0
                  ? `<ref id="${id}"/> is not a citation of paragraph ${p.id}`
                  : `<ref id="${id}"/> appears ${n} times; the core declares it ${expected.get(id)} time(s) here`,
              hint: `Cite exactly: ${p.carries.citations.join(', ')} (order may follow the grammar).`,
            });
          }
        }
        for (const [id, count] of expected) {
          const have = seen.get(id) ?? 0;
          if (have >= count) continue;
          ctx.report({
            file,
            offset: file.valueOffset(entry, 0),
            key,
            message: `missing citation <ref id="${id}"/>${count > 1 ? ` (${count - have} of ${count})` : ''}: the core declares it for paragraph ${p.id}`,
            hint: `Put <ref id="${id}"/> after the statement it supports, as the source does.`,
          });
        }
      }
    }
  },
});
