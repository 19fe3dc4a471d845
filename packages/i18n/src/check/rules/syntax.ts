import type { Rule } from './rule.js';

/** Malformed JSON (exact line and column), duplicate keys, wrong value types, a BOM, invalid UTF-8. */
export const syntax: Rule = {
  id: 'syntax',
  run(ctx) {
    for (const file of ctx.files) {
      for (const p of file.problems) {
        ctx.report({ file, offset: p.offset, key: p.key, message: p.message, hint: p.hint });
      }
    }
  },
};
