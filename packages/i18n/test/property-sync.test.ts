import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { applyEdits, parseTree, type Node } from 'jsonc-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/check.js';
import type { LockEntry, ProjectConfig } from '../src/model/types.js';
import { detectStyle, insertProperty, parseObject, removalEdits } from '../src/ops/edit.js';
import { LOCK_VERSION, normaliseSource, readLock, serialiseLock } from '../src/files/lock.js';
import { type LockFile } from '../src/model/types.js';
import { parseLocaleFile } from '../src/files/parse.js';
import { type LocaleFile, type Project } from '../src/model/types.js';
import { planSync } from '../src/ops/sync.js';
import { tempDir, write } from './support.js';

/**
 * Properties of the writers, on projects held in memory (fast enough for hundreds of runs):
 * `sync` never removes or changes a translated value without `--prune`, adds every key the source
 * has (unless a text sits where an object is needed), and then has nothing left to do; `check`
 * after `sync` finds nothing missing and gives the same answer every time; with `--prune` what
 * remains are exactly the source's keys, their translations untouched. Plus the JSON edits and
 * the lock file format.
 */

// ---------------------------------------------------------------------------------------------
// Trees of keys, serialised by hand (so that `__proto__` stays a key) in the file's own style.

type Tree = readonly (readonly [string, string | Tree])[];

const KEYS = [
  'a',
  'b',
  'nav',
  'title',
  'p_one',
  'p_other',
  'p_few',
  '__proto__',
  'constructor',
  'x y',
  'ключ',
  '$t(a)',
  '{{k}}',
];
const value = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    'Hello {{name}}',
    'See $t(a)',
    '<i>x</i>',
    '',
    ' lead',
    'a\u202Eb',
    'tab\there',
    'quote " \\ \n',
  ),
);
const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.uniqueArray(
    fc.tuple(
      fc.constantFrom(...KEYS),
      fc.oneof({ depthSize: 'small', maxDepth: 3 }, value, tie('tree')),
    ),
    {
      maxLength: 5,
      selector: ([k]) => k,
    },
  ),
}));

interface Style {
  readonly indent: string;
  readonly eol: string;
  readonly bom: boolean;
  readonly finalEol: boolean;
}
const style = fc.record({
  indent: fc.constantFrom('', ' ', '  ', '    ', '\t'),
  eol: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  finalEol: fc.boolean(),
});

function serialise(t: Tree, s: Style, depth = 0): string {
  if (t.length === 0) return '{}';
  const pad = (d: number) => (s.indent === '' ? '' : s.indent.repeat(d));
  const nl = s.indent === '' ? '' : s.eol;
  const sep = s.indent === '' ? ' ' : ' ';
  const items = t.map(
    ([k, v]) =>
      `${pad(depth + 1)}${JSON.stringify(k)}:${sep}${typeof v === 'string' ? JSON.stringify(v) : serialise(v, s, depth + 1)}`,
  );
  return `{${nl}${items.join(`,${nl}`)}${nl}${pad(depth)}}`;
}
const fileText = (t: Tree, s: Style) =>
  `${s.bom ? '\uFEFF' : ''}${serialise(t, s)}${s.finalEol ? s.eol : ''}`;

// ---------------------------------------------------------------------------------------------
// A project in memory.

const ROOT = '/project';
const config = (locales: readonly string[]): ProjectConfig => ({
  root: ROOT,
  configFile: undefined,
  sourceLocale: 'en',
  locales,
  files: 'locales/{lng}/{ns}.json',
  core: undefined,
  fallback: {},
  lockFile: 'locales/{lng}/.bilateral-lock.json',
  rules: {},
  exemptions: [],
});

const fileOf = (locale: string, text: string): LocaleFile =>
  parseLocaleFile(ROOT, locale, 'ui', `${ROOT}/locales/${locale}/ui.json`, Buffer.from(text));

function memoryProject(texts: ReadonlyMap<string, string>): Project {
  const locales = ['en', 'uk', 'ja'];
  const cfg = config(locales);
  const files = [...texts].map(([locale, text]) => fileOf(locale, text));
  const lock = (locale: string): LockFile => ({
    locale,
    path: `${ROOT}/locales/${locale}/.bilateral-lock.json`,
    relPath: `locales/${locale}/.bilateral-lock.json`,
    exists: false,
    keys: new Map(),
    problem: undefined,
    text: '',
    bytes: new Uint8Array(0),
  });
  return {
    config: cfg,
    root: ROOT,
    sourceLocale: 'en',
    locales,
    namespaces: ['ui'],
    files,
    locks: new Map(locales.filter((l) => l !== 'en').map((l) => [l, lock(l)])),
    corpus: undefined,
    file: (locale, ns) => (ns === 'ui' ? files.find((f) => f.locale === locale) : undefined),
    filePath: (locale, ns) => `${ROOT}/locales/${locale}/${ns}.json`,
  };
}

/** Applies a sync plan: the new texts of the planned files, the rest as they were. */
function apply(
  texts: ReadonlyMap<string, string>,
  plan: ReturnType<typeof planSync>,
): Map<string, string> {
  const out = new Map(texts);
  for (const f of plan.files) out.set(f.locale, f.text);
  return out;
}

const nonSpace = (s: string) => s.replace(/\s+/g, '');
/** Whether `a` is a subsequence of `b` (every character of a, in order, in b). */
function subsequence(a: string, b: string): boolean {
  let j = 0;
  for (let i = 0; i < b.length && j < a.length; i++) if (b[i] === a[j]) j++;
  return j === a.length;
}

const project3 = fc.record({
  en: tree,
  uk: tree,
  ja: fc.option(tree, { nil: undefined }),
  ukStyle: style,
  jaStyle: style,
});

function texts(p: {
  en: Tree;
  uk: Tree;
  ja: Tree | undefined;
  ukStyle: Style;
  jaStyle: Style;
}): Map<string, string> {
  const m = new Map([
    ['en', fileText(p.en, { indent: '  ', eol: '\n', bom: false, finalEol: true })],
    ['uk', fileText(p.uk, p.ukStyle)],
  ]);
  if (p.ja !== undefined) m.set('ja', fileText(p.ja, p.jaStyle));
  return m;
}

describe('sync, without --prune', () => {
  it('never removes or changes a translated value, adds what the source has, then has nothing to do', () => {
    fc.assert(
      fc.property(project3, (p) => {
        const before = texts(p);
        const project = memoryProject(before);
        const plan = planSync(project);
        const after = apply(before, plan);
        const synced = memoryProject(after);
        const refused = new Set(plan.refused.map((r) => r.file));
        for (const locale of ['uk', 'ja']) {
          const old = project.file(locale, 'ui');
          const now = synced.file(locale, 'ui');
          // A file check calls unusable for writing (here: a BOM) is left exactly as it was.
          if (old !== undefined && refused.has(old.relPath)) {
            expect(old.problems.some((x) => x.kind === 'bom')).toBe(true);
            expect(now?.text).toBe(old.text);
            continue;
          }
          if (old === undefined) {
            // Created from the source (when it has anything to add): usable.
            if (now !== undefined) expect(now.usable).toBe(true);
            continue;
          }
          expect(now?.usable).toBe(old.usable);
          if (!old.usable) continue;
          // Nothing removed: every old character is still there, in order, and every value too.
          expect(subsequence(nonSpace(old.text), nonSpace(now?.text ?? ''))).toBe(true);
          for (const e of old.entries.values())
            expect(now?.entries.get(e.key)?.value, e.key).toEqual(e.value);
          // The style is kept: BOM, line endings.
          expect(now?.bom).toBe(old.bom);
          if (old.text.includes('\r\n')) expect(now?.text.replace(/\r\n/g, '')).not.toContain('\n');
        }
        // Idempotent.
        const again = planSync(synced);
        expect(again.files.flatMap((f) => [...f.added, ...f.removed])).toEqual([]);
        // check agrees: nothing missing unless sync had to skip it (a text where an object goes).
        const skipped = plan.files.some((f) => f.skipped.length > 0) || refused.size > 0;
        const findings = check(synced);
        if (!skipped)
          expect(findings.filter((f) => f.rule === 'missing' && f.locale !== 'en')).toEqual([]);
        // and gives the same answer every time.
        expect(check(synced)).toEqual(findings);
      }),
      { numRuns: 250 },
    );
  });
});

describe('sync --prune', () => {
  it('leaves exactly the source keys (and the locale plural forms), their translations untouched', () => {
    fc.assert(
      fc.property(project3, (p) => {
        const before = texts(p);
        const project = memoryProject(before);
        const plan = planSync(project, { prune: true });
        const after = apply(before, plan);
        const synced = memoryProject(after);
        const source = project.file('en', 'ui') as LocaleFile;
        const refused = new Set(plan.refused.map((r) => r.file));
        for (const locale of ['uk', 'ja']) {
          const old = project.file(locale, 'ui');
          const now = synced.file(locale, 'ui');
          if (old !== undefined && refused.has(old.relPath)) {
            expect(now?.text).toBe(old.text); // left alone (a BOM), byte for byte
            continue;
          }
          if (old === undefined || !old.usable || now === undefined) continue;
          for (const e of now.entries.values()) {
            // Anything left is a source key or one of its plural forms…
            const base = e.key.replace(/_(zero|one|two|few|many|other)$/, '');
            expect(
              source.entries.has(e.key) ||
                [...source.entries.keys()].some((k) => k.startsWith(`${base}_`)),
              e.key,
            ).toBe(true);
            // …with the value it had (or, if it was missing, the source text).
            const was = old.entries.get(e.key);
            if (was !== undefined && was.type === e.type) expect(e.value).toEqual(was.value);
          }
        }
        expect(
          check(synced).filter(
            (f) => f.rule === 'obsolete' && f.severity !== 'info' && !refused.has(f.file),
          ),
        ).toEqual([]);
        expect(
          planSync(synced, { prune: true }).files.flatMap((f) => [...f.added, ...f.removed]),
        ).toEqual([]);
      }),
      { numRuns: 250 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('JSON edits', () => {
  const objectText = fc.tuple(tree, style).map(([t, s]) => serialise(t, s));

  it('inserting a property keeps the JSON valid and every other property as it was', () => {
    fc.assert(
      fc.property(
        objectText,
        fc.constantFrom(...KEYS, 'new'),
        value,
        fc.nat(),
        (text, name, v, at) => {
          const root = parseObject(text) as Node;
          const names = (root.children ?? []).map((c) => String(c.children?.[0]?.value));
          fc.pre(!names.includes(name));
          const after = names.length === 0 ? undefined : names[at % names.length];
          const out = insertProperty(text, root, name, v, after, detectStyle(text));
          const tree2 = parseTree(out, []) as Node;
          const got = (tree2.children ?? []).map((c) => String(c.children?.[0]?.value));
          expect(got.filter((n) => n !== name)).toEqual(names);
          expect(got.indexOf(name)).toBe(after === undefined ? 0 : names.indexOf(after) + 1);
          expect(subsequence(nonSpace(text), nonSpace(out))).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('removing any set of properties in one batch keeps the JSON valid and the rest as it was', () => {
    fc.assert(
      fc.property(objectText, fc.array(fc.boolean(), { maxLength: 6 }), (text, mask) => {
        const root = parseObject(text) as Node;
        const props = root.children ?? [];
        const out = applyEdits(text, removalEdits(root, mask));
        const kept = props
          .filter((_, i) => mask[i] !== true)
          .map((c) => String(c.children?.[0]?.value));
        const tree2 = parseObject(out);
        expect(tree2, out).toBeDefined();
        expect((tree2?.children ?? []).map((c) => String(c.children?.[0]?.value))).toEqual(kept);
      }),
      { numRuns: 400 },
    );
  });
});

describe('lock files', () => {
  it('round-trip any keys, hashes and source texts, __proto__ included', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'locales/uk'), { recursive: true });
    const hash = fc.string({
      unit: fc.constantFrom(...'0123456789abcdef'),
      minLength: 16,
      maxLength: 16,
    });
    const entry = fc.oneof(
      hash.map((h): LockEntry => ({ hash: h, legacy: true })),
      fc
        .record({ hash, source: fc.string(), copied: fc.boolean() })
        .map(({ hash: h, source, copied }): LockEntry => ({
          hash: h,
          source,
          ...(copied ? { copied } : {}),
        })),
      fc.record({
        hash,
        source: fc.dictionary(fc.constantFrom('one', 'few', 'other'), fc.string()),
      }),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.oneof(fc.string(), fc.constantFrom('__proto__', 'ui:__proto__', 'constructor')),
            entry,
          ),
        ),
        (pairs) => {
          const keys = new Map(pairs);
          write(dir, 'locales/uk/.bilateral-lock.json', serialiseLock('en', keys));
          const lock = readLock({ ...config(['en', 'uk']), root: dir }, 'uk');
          expect(lock.problem).toBeUndefined();
          const sorted = (m: ReadonlyMap<string, LockEntry>) =>
            [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, e]) => [k, { ...e }]);
          expect(sorted(lock.keys)).toEqual(sorted(keys));
          expect(JSON.parse(lock.text)).toMatchObject({
            version: LOCK_VERSION,
            sourceLocale: 'en',
          });
        },
      ),
      { numRuns: 50 },
    );
  });

  it('normalises any source text in linear time, idempotently', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constantFrom('{{', '}}', '{{-', ',', ' ', '$t(', 'x')), {
          maxLength: 60,
        }),
        (parts) => {
          const s = parts.join('');
          expect(normaliseSource(normaliseSource(s))).toBe(normaliseSource(s));
        },
      ),
      { numRuns: 500 },
    );
    for (const p of ['{{a', '{{', '{{a, b', '{{ -']) normaliseSource(p.repeat(100_000));
  });
});
