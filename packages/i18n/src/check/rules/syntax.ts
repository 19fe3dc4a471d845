import { defineRule } from '../rule.js';

/** Malformed JSON (exact line and column), duplicate keys, wrong value types, a BOM, invalid UTF-8. */
export const syntax = defineRule({
  meta: {
    id: 'syntax',
    severity: 'error',
    needsCore: false,
    description:
      'The file is valid UTF-8 JSON without a BOM, duplicate keys or non-string values (a null is reported by `empty`).',
  },
  namespace(ctx) {
    for (const file of ctx.files) {
      for (const p of file.problems) {
        // A null is i18next's "no text" (returnNull): the `empty` rule reports it, once.
        if (p.kind === 'type' && file.entries.get(p.key ?? '')?.type === 'null') continue;
        ctx.report({ file, offset: p.offset, key: p.key, message: p.message, hint: p.hint });
      }
    }
  },
});
