import { commandLine, type Suggestion } from '../../model/finding.js';
import { contextBase } from '../../model/keys.js';
import { undeclared } from '../core-keys.js';
import { defineRule } from '../rule.js';

const PRUNE: Suggestion = { command: 'sync', args: ['--prune'] };

/** Keys that the source (or the core) no longer has. */
export const obsolete = defineRule({
  meta: {
    id: 'obsolete',
    severity: 'warning',
    needsCore: false,
    description: 'No key that the source (or the core) no longer has.',
  },
  namespace(ctx) {
    const ns = ctx.namespace;
    const sourceExists = ctx.project.file(ctx.source, ns) !== undefined;
    const source = ctx.sourceFile();
    if (!sourceExists) {
      for (const locale of ctx.targets) {
        const file = ctx.project.file(locale, ns);
        if (file === undefined) continue;
        ctx.report({
          file,
          offset: 0,
          key: '',
          message: `the source (${ctx.source}) has no "${ns}" namespace: this whole file is unused`,
          hint: `Delete ${file.relPath}, or add the namespace to the source first.`,
        });
      }
      return;
    }
    const sourceLogical = source === undefined ? undefined : ctx.logical(source);
    // A context variant (`friend_male` of the source's `friend`) is read by i18next: not obsolete.
    const inSource = (k: string) => sourceLogical?.has(k) === true;
    const sep = ctx.i18next.contextSeparator;
    // The same key left over in many languages reads the same: made once.
    const messages = new Map<string, string>();
    const hint = `If the key was renamed in the source, move the translation to the new key; otherwise delete it (\`${commandLine(PRUNE)}\` does).`;
    for (const locale of ctx.project.locales) {
      const file = ctx.usable(locale);
      if (file === undefined) continue;
      for (const l of ctx.logical(file).values()) {
        if (
          locale !== ctx.source &&
          sourceLogical !== undefined &&
          !sourceLogical.has(l.key) &&
          contextBase(l.key, sep, inSource) === undefined
        ) {
          ctx.report({
            file,
            offset: l.entry.keyOffset,
            key: l.entry.key,
            message: obsoleteMessage(messages, l.key, ctx.source),
            hint,
            suggestion: PRUNE,
          });
          continue;
        }
        const why = ctx.corpus === undefined ? undefined : undeclared(ctx.corpus, ns, l.key);
        if (why !== undefined) {
          ctx.report({
            file,
            offset: l.entry.keyOffset,
            key: l.entry.key,
            message: `"${l.key}": ${why}`,
            hint: 'Check the id against the core (a typo?), or delete the key.',
          });
        }
      }
    }
  },
});

function obsoleteMessage(messages: Map<string, string>, key: string, source: string): string {
  let m = messages.get(key);
  if (m === undefined)
    messages.set(key, (m = `"${key}" is not in the source (${source}): it is never shown`));
  return m;
}
