import type * as Diff from 'diff';
import { lazyModule } from '../../model/lazy.js';
import { isCurrent, isStillCopied, lockedSource } from '../../files/lock.js';
import { commandLine, type Suggestion } from '../../model/finding.js';
import type { LocaleFile, LockedSource, ProjectConfig } from '../../model/types.js';
import { defineRule } from '../rule.js';
import { excerpt } from '../strings.js';

/** The word diff, loaded only when a stale text is reported. */
const diff = lazyModule<typeof Diff>('diff');

/**
 * Translations whose source text changed since they were last accepted (`bilateral accept`),
 * according to the locale's lock file, with a word diff of what changed in the source (the lock
 * keeps the accepted text; CJK text diffs by character). A warning: the site publishes a stale
 * translation with a notice; `check --strict` and a strict build make it an error. A locale
 * without a lock file is not tracked; a lock file that cannot be read belongs to no namespace and
 * is reported once, by the project pass. Texts `sync` copied are `untranslated`'s, not stale.
 */
export const stale = defineRule({
  meta: {
    id: 'stale',
    severity: 'warning',
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
        const accept: Suggestion = { command: 'accept', args: [locale, `${ns}:${l.key}`] };
        const at = { file, offset: l.entry.keyOffset, key: l.entry.key, suggestion: accept };
        if (
          recorded === undefined ||
          (recorded.copied === true && !isStillCopied(recorded, s, l))
        ) {
          // A copy of the source (what `sync` adds) is not a translation to accept yet.
          if (recorded === undefined && l.kind === 'plain' && l.entry.value === s.entry.value)
            continue;
          ctx.report({
            ...at,
            severity: 'info',
            message: `"${l.key}" has not been accepted yet`,
            hint: `When the translation is reviewed, run \`${commandLine(accept)}\`.`,
          });
        } else if (recorded.copied !== true && !isCurrent(recorded, s)) {
          const now = lockedSource(s);
          const line = where(source, s.entry.keyOffset);
          const then = recorded.source;
          ctx.report({
            ...at,
            message:
              then === undefined
                ? `the source text changed since this translation was accepted (${line}: "${excerpt(typeof now === 'string' ? now : '', 50)}"); the lock file keeps no earlier text to compare with (it was written before lock files kept it)`
                : `the source text changed since this translation was accepted (${line}): ${sourceDiff(then, now)}`,
            hint: `${then === undefined ? `Compare with ${line}` : 'Compare with the change ([-removed-] {+added+})'}, update the translation, then run \`${commandLine(accept)}\`.`,
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
        severity: 'error',
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

/**
 * A config for a strict check or build (`check --strict`, `BILATERAL_STRICT=1`): stale
 * translations are errors, unless the project turned the rule off.
 */
export function strictConfig(config: ProjectConfig): ProjectConfig {
  if (config.rules['stale'] === 'off') return config;
  return { ...config, rules: { ...config.rules, stale: 'error' } };
}

/** Unchanged text longer than this is shortened to its ends in a diff. */
const CONTEXT = 20;

/**
 * A word diff of two source texts, as `git diff --word-diff=plain` writes it: `[-removed-]`
 * `{+added+}`, long unchanged runs shortened. jsdiff tokenises CJK text by character (its word
 * characters are Latin), so a Japanese edit shows exactly the characters that changed. Plural
 * families: the forms that changed, each named.
 */
export function sourceDiff(before: LockedSource, after: LockedSource): string {
  if (typeof before === 'string' && typeof after === 'string') return textDiff(before, after);
  const form = (s: LockedSource, c: string) => (typeof s === 'string' ? s : (s[c] ?? ''));
  const categories = [
    ...new Set([
      ...(typeof before === 'string' ? [] : Object.keys(before)),
      ...(typeof after === 'string' ? [] : Object.keys(after)),
    ]),
  ];
  return categories
    .filter((c) => form(before, c) !== form(after, c))
    .map((c) => `${c}: ${textDiff(form(before, c), form(after, c))}`)
    .join('; ');
}

function textDiff(before: string, after: string): string {
  const parts = diff().diffWords(before, after);
  return parts
    .map((p, i) => {
      if (p.added) return `{+${p.value}+}`;
      if (p.removed) return `[-${p.value}-]`;
      const v = p.value;
      const first = i === 0;
      const last = i === parts.length - 1;
      if (first && last) return v;
      if (first) return v.length > CONTEXT ? `…${ending(v)}` : v;
      if (last) return v.length > CONTEXT ? `${opening(v)}…` : v;
      return v.length > 2 * CONTEXT ? `${opening(v)}…${ending(v)}` : v;
    })
    .join('');
}

/** The first {@link CONTEXT} characters of a text, not ending in the middle of a spaced word. */
function opening(v: string): string {
  const cut = v.slice(0, CONTEXT);
  const space = cut.lastIndexOf(' ');
  return /\S/.test(v.charAt(CONTEXT)) && space > 0 ? cut.slice(0, space + 1) : cut;
}

/** The last {@link CONTEXT} characters of a text, not starting in the middle of a spaced word. */
function ending(v: string): string {
  const cut = v.slice(-CONTEXT);
  const space = cut.indexOf(' ');
  return /\S/.test(v.charAt(v.length - CONTEXT - 1)) && space >= 0 ? cut.slice(space + 1) : cut;
}
