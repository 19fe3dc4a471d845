import { sourceHash } from '../../files/lock.js';
import { excerpt } from '../scan.js';
import { commandLine, type Suggestion } from '../../model/finding.js';
import type { Rule } from './rule.js';

/**
 * Translations whose source text changed since they were last accepted (`bilateral accept`),
 * according to the locale's lock file. A locale without a lock file is not tracked.
 */
export const stale: Rule = {
  id: 'stale',
  run(ctx) {
    for (const locale of ctx.targets) {
      const lock = ctx.project.locks.get(locale);
      if (lock === undefined || !lock.exists) continue;
      if (lock.problem !== undefined) {
        // A broken lock file belongs to no namespace: the global pass reports it, once.
        if (ctx.global) {
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
        continue;
      }
      for (const ns of ctx.namespaces) {
        const source = ctx.sourceFile(ns);
        const file = ctx.usable(locale, ns);
        if (source === undefined || file === undefined) continue;
        const sourceLogical = ctx.logical(source);
        for (const l of ctx.logical(file).values()) {
          const s = sourceLogical.get(l.key);
          if (s === undefined) continue;
          const recorded = lock.keys.get(`${ns}:${l.key}`);
          const where = `${source.relPath}:${source.position(s.entry.keyOffset).line}`;
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
            const accept: Suggestion = { command: 'accept', args: [locale, `${ns}:${l.key}`] };
            ctx.report({
              file,
              offset: l.entry.keyOffset,
              key: l.entry.key,
              message: `the source text changed since this translation was accepted (${where}: "${excerpt(text, 50)}")`,
              hint: `Compare with ${where}, update the translation, then run \`${commandLine(accept)}\`.`,
              suggestion: accept,
            });
          }
        }
      }
    }
  },
};
