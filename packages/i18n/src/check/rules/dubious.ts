import { stringValue } from '../../model/keys.js';
import { defineRule } from '../rule.js';

/** Each paragraph has as many "dubious – discuss" markers as the core declares. */
export const dubious = defineRule({
  meta: {
    id: 'dubious',
    severity: 'error',
    needsCore: true,
    description: 'A paragraph has as many <dubious/> markers as the core declares.',
  },
  namespace(ctx) {
    if (ctx.document === undefined) return;
    for (const locale of ctx.project.locales) {
      const file = ctx.usable(locale);
      if (file === undefined) continue;
      for (const [key, p] of ctx.paragraphs()) {
        const entry = file.entries.get(key);
        const value = stringValue(entry);
        if (entry === undefined || value === undefined) continue;
        const tags = ctx.scan(value, entry).dubious;
        const expected = p.carries.dubious;
        if (tags.length === expected) continue;
        const extra = tags[expected];
        ctx.report({
          file,
          offset: file.valueOffset(entry, extra === undefined ? 0 : extra.start),
          key,
          message: `${tags.length} <dubious/> marker(s); the core declares ${expected} for paragraph ${p.id}`,
          hint:
            tags.length < expected
              ? 'Put <dubious/> right after each statement the source marks as dubious.'
              : 'Remove the extra <dubious/>: only the statements the core marks are dubious.',
        });
      }
    }
  },
});
