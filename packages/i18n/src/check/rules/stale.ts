import { sourceHash } from '../../files/lock.js';
import { commandLine, type Suggestion } from '../../model/finding.js';
import type { LocaleFile } from '../../model/types.js';
import { defineRule } from '../rule.js';
import { excerpt } from '../strings.js';

/**
 * Translations whose source text changed since they were last accepted (`bilateral accept`),
 * according to the locale's lock file. A locale without a lock file is not tracked; a lock file
 * that cannot be read belongs to no namespace and is reported once, by the project pass.
 */
export const stale = defineRule({
  meta: {
    id: 'stale',
    severity: 'error',
    needsCore: false,
    description: 'The source text has not changed since the translation was last accepted.',
  },
  namespace(ctx) {
    const ns = ctx.namespace;
    const locks = ctx.targets.flatMap((locale) => {
      const lock = ctx.project.locks.get(locale);
      return lock?.exists === true && lock.problem === undefined ? [lock] : [];
    });
    const source = locks.length === 0 ? undefined : ctx.sourceFile();
    if (source === undefined) return;
    const sourceLogical = ctx.logical(source);
    // Where a source key is, for messages (worked out only for a finding).
    const where = (s: LocaleFile, offset: number) => `${s.relPath}:${s.position(offset).line}`;
    for (const lock of locks) {
      const locale = lock.locale;
      const file = ctx.usable(locale);
      if (file === undefined) continue;
      for (const l of ctx.logical(file).values()) {
        const s = sourceLogical.get(l.key);
        if (s === undefined) continue;
        const recorded = lock.keys.get(`${ns}:${l.key}`);
        if (recorded === undefined) {
          // A copy of the source (what `sync` adds) is not a translation to accept yet.
          if (l.kind === 'plain' && l.entry.value === s.entry.value) continue;
          const accept: Suggestion = { command: 'accept', args: [locale, `${ns}:${l.key}`] };
          ctx.report({
            severity: 'info',
            file,
            offset: l.entry.keyOffset,
            key: l.entry.key,
            message: `"${l.key}" has not been accepted yet`,
            hint: `When the translation is reviewed, run \`${commandLine(accept)}\`.`,
            suggestion: accept,
          });
        } else if (recorded !== sourceHash(s)) {
          const text = typeof s.entry.value === 'string' ? s.entry.value : '';
          const at = where(source, s.entry.keyOffset);
          const accept: Suggestion = { command: 'accept', args: [locale, `${ns}:${l.key}`] };
          ctx.report({
            file,
            offset: l.entry.keyOffset,
            key: l.entry.key,
            message: `the source text changed since this translation was accepted (${at}: "${excerpt(text, 50)}")`,
            hint: `Compare with ${at}, update the translation, then run \`${commandLine(accept)}\`.`,
            suggestion: accept,
          });
        }
      }
    }
  },
  project(ctx) {
    for (const locale of ctx.targets) {
      const lock = ctx.project.locks.get(locale);
      if (lock === undefined || !lock.exists || lock.problem === undefined) continue;
      // Its hint may say to regenerate it with `accept`.
      const regenerate: Suggestion = { command: 'accept', args: [locale] };
      ctx.report({
        file: { relPath: lock.relPath, locale, namespace: '' },
        key: '',
        message: lock.problem.message,
        hint: lock.problem.hint,
        ...(lock.problem.hint.includes(`\`${commandLine(regenerate)}\``)
          ? { suggestion: regenerate }
          : {}),
      });
    }
  },
});
