import { detectStyle, serialize } from './edit.js';
import { isExempt, type Logical } from '../model/keys.js';
import { namespaceSources, pluralKeysOf } from './namespaces.js';
import {
  editFile,
  leavesFor,
  newObject,
  setLeaf,
  type FilePlan,
  type KeyForms,
} from './sync-file.js';
import { relativePath } from '../model/paths.js';
import type { LocaleFile, Project } from '../model/types.js';
import { writeFilesSafely } from '../files/atomic-write.js';
import { ConcurrentChangeError } from '../model/errors.js';
import { SyncConflictError } from '../model/errors.js';
import { rewriteBlocker } from '../files/parse.js';
import { LocaleLayout } from '../model/layout.js';
import { lockEntryFor, serialiseLock } from '../files/lock.js';
import { i18nextOf } from '../check/i18next.js';

/**
 * `sync`: adds the keys a locale lacks (in the source's order, with the source text, so that
 * `check` lists them as untranslated) and, with `prune`, removes keys the source no longer has.
 * Everything else in the file stays byte for byte. The keys it copies are recorded in the
 * locale's lock file as `copied` (when the project keeps lock files): the pages show them as the
 * source language, with a notice, until they are translated. Writing is separate ({@link writeSyncPlan}):
 * atomic, and refused for a file that changed on disk since it was read.
 */

export interface SyncOptions {
  readonly prune?: boolean;
  /** Only these locales (default: every target). */
  readonly locales?: readonly string[];
}

export type { FilePlan };

export interface SyncPlan {
  /** The project root: nothing is written outside it. */
  readonly root: string;
  readonly files: readonly FilePlan[];
  /** Files left alone because they cannot be rewritten safely (paths; see {@link refused}). */
  readonly broken: readonly string[];
  /** The same files, each with why it was left alone and how to fix it. */
  readonly refused: readonly RefusedFile[];
  /** Lock files that record the keys copied from the source (`"state": "copied"`). */
  readonly locks: readonly LockPlan[];
}

/** A lock file `sync` rewrites: the keys it copied, recorded as copies. */
export interface LockPlan {
  readonly locale: string;
  readonly path: string;
  readonly relPath: string;
  /** `namespace:key` of each key copied from the source. */
  readonly copied: readonly string[];
  /** The bytes read (null: it does not exist yet), to detect a concurrent change. */
  readonly original: Uint8Array | null;
  readonly text: string;
}

/** A locale file `sync` leaves untouched: `check` calls it unusable (encoding, BOM, syntax…). */
export interface RefusedFile {
  /** Relative to the project root. */
  readonly file: string;
  readonly message: string;
  readonly hint: string;
}

export function planSync(project: Project, options: SyncOptions = {}): SyncPlan {
  const files: FilePlan[] = [];
  const broken: string[] = [];
  const refused: RefusedFile[] = [];
  const copies = new Map<string, Map<string, Logical>>();
  const exempt = (rule: string, locale: string, ns: string, key: string) =>
    project.config.rules[rule] === 'off' ||
    isExempt(project.config.exemptions, rule, locale, ns, key);
  const keys = pluralKeysOf(project);
  const i18next = i18nextOf(project.config);
  const forms: KeyForms = {
    keys,
    contextSeparator: i18next.contextSeparator,
    nested: i18next.keySeparator !== false,
  };
  for (const { ns, source, families, sourceLogical } of namespaceSources(project, keys)) {
    // Prose pages are translated as a whole, by copying the source page: sync writes JSON only.
    if (LocaleLayout.pageId(ns) !== undefined) continue;
    for (const locale of project.locales) {
      if (
        locale === project.sourceLocale ||
        (options.locales !== undefined && !options.locales.includes(locale))
      )
        continue;
      const target = project.file(locale, ns);
      const blocker = target === undefined ? undefined : rewriteBlocker(target);
      if (target !== undefined && (!target.usable || blocker !== undefined)) {
        broken.push(target.relPath);
        refused.push({
          file: target.relPath,
          message: blocker?.message ?? 'the file is not valid JSON',
          hint: blocker?.hint ?? 'Fix it by hand.',
        });
        continue;
      }
      const plan =
        target === undefined
          ? createFile(project, source, sourceLogical, locale, ns, forms, (k) =>
              exempt('missing', locale, ns, k),
            )
          : editFile(
              source,
              sourceLogical,
              target,
              families,
              options.prune === true,
              (rule, k) => exempt(rule, locale, ns, k),
              forms,
            );
      // A missing file is created even when the source has nothing to copy yet (`check` asks for it).
      if (
        plan.create ||
        plan.added.length > 0 ||
        plan.removed.length > 0 ||
        plan.skipped.length > 0
      )
        files.push(plan);
      // A key is a copy when every text it needs in this locale was added now.
      const added = new Set(plan.added);
      for (const s of sourceLogical.values()) {
        const leaves = leavesFor(s, locale, new Set(), forms);
        if (leaves.length === 0 || !leaves.every((l) => added.has(l.key))) continue;
        let mine = copies.get(locale);
        if (mine === undefined) copies.set(locale, (mine = new Map<string, Logical>()));
        mine.set(`${ns}:${s.key}`, s);
      }
    }
  }
  return { root: project.root, files, broken, refused, locks: lockPlans(project, copies) };
}

/**
 * The lock files that record the copies: a locale's own, or a new one when the project keeps
 * lock files for another language (a project without any is not tracked, and gets none). A lock
 * file that cannot be read is left alone (`check` reports it).
 */
function lockPlans(project: Project, copies: ReadonlyMap<string, Map<string, Logical>>) {
  const tracked = [...project.locks.values()].some((l) => l.exists);
  const plans: LockPlan[] = [];
  for (const [locale, copied] of copies) {
    const lock = project.locks.get(locale);
    if (lock === undefined || lock.problem !== undefined || !tracked) continue;
    const keys = new Map(lock.keys);
    for (const [id, s] of copied) keys.set(id, lockEntryFor(s, true));
    plans.push({
      locale,
      path: lock.path,
      relPath: lock.relPath,
      copied: [...copied.keys()],
      original: lock.exists ? lock.bytes : null,
      text: serialiseLock(project.sourceLocale, keys),
    });
  }
  return plans;
}

function createFile(
  project: Project,
  source: LocaleFile,
  sourceLogical: ReadonlyMap<string, Logical>,
  locale: string,
  ns: string,
  forms: KeyForms,
  exempt: (key: string) => boolean,
): FilePlan {
  // Objects without a prototype: a key named `__proto__` or `constructor` is just a key here.
  const obj = newObject();
  const added: string[] = [];
  const skipped: string[] = [];
  for (const s of sourceLogical.values()) {
    if (exempt(s.key)) continue;
    for (const leaf of leavesFor(s, locale, new Set(), forms)) {
      if (setLeaf(obj, leaf.path, leaf.value)) added.push(leaf.key);
      else skipped.push(leaf.key);
    }
  }
  const style = detectStyle(source.text);
  const file = project.filePath(locale, ns);
  return {
    locale,
    namespace: ns,
    path: file,
    relPath: relativePath(project.root, file),
    create: true,
    added,
    removed: [],
    skipped,
    original: Buffer.alloc(0),
    text: `${serialize(obj, '', style)}${style.eol}`,
  };
}

/**
 * Writes the planned files crash-safely ({@link writeFilesSafely}: temp file, flush, rename).
 * Before anything is written, and again right before each file is replaced, the file is compared
 * with the bytes the plan was made from: if it changed (an editor saved it, another sync ran), it
 * is not written and a {@link SyncConflictError} names it. Other failures (a full disk, a
 * read-only file) throw {@link WriteError}, naming the files already written.
 */
// Async in its signature (callers await it): a writer that yields may come, without an API change.
// eslint-disable-next-line @typescript-eslint/require-await
export async function writeSyncPlan(plan: SyncPlan): Promise<void> {
  try {
    writeFilesSafely([
      ...plan.files.map((f) => ({
        root: plan.root,
        path: f.path,
        relPath: f.relPath,
        text: f.text,
        expected: f.create ? null : f.original,
      })),
      ...plan.locks.map((l) => ({
        root: plan.root,
        path: l.path,
        relPath: l.relPath,
        text: l.text,
        expected: l.original,
      })),
    ]);
  } catch (e) {
    if (e instanceof ConcurrentChangeError)
      throw new SyncConflictError(`${e.message} Run sync again.`, e.files);
    throw e;
  }
}
