import { dubiousCountOf } from '@bilateral/core';
import { stringValue } from '../../model/keys.js';
import { scan } from '../scan.js';
import type { Rule } from './rule.js';

/** Each paragraph has as many "dubious – discuss" markers as the core declares. */
export const dubious: Rule = {
  id: 'dubious',
  run(ctx) {
    for (const ns of ctx.documents.keys()) {
      for (const locale of ctx.project.locales) {
        const file = ctx.usable(locale, ns);
        if (file === undefined) continue;
        for (const [key, p] of ctx.paragraphs(ns)) {
          const entry = file.entries.get(key);
          const value = stringValue(entry);
          if (entry === undefined || value === undefined) continue;
          const tags = scan(value).tags.filter((t) => t.name === 'dubious' && t.kind !== 'close');
          const expected = dubiousCountOf(p.paragraph);
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
    }
  },
};
