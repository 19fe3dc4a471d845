import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { stale } from '../../src/check/rules/stale.js';
import { createProject } from '../../src/files/memory.js';
import { PluralKeys } from '../../src/check/plural-keys.js';
import { i18nextOf } from '../../src/check/i18next.js';
import { acceptKeys } from '../../src/ops/accept.js';
import { RuleTester } from '../../src/testing.js';
import { edit, mini, MINI_CONFIG, MINI_CORPUS, MINI_FILES } from './tester.js';

/** The lock files of the mini fixture with every translation accepted as it is now. */
const ACCEPTED: Record<string, string> = (() => {
  const project = createProject({ files: MINI_FILES, config: MINI_CONFIG, corpus: MINI_CORPUS });
  const out: Record<string, string> = {};
  for (const locale of ['uk', 'ja']) {
    const r = acceptKeys(project, locale);
    out[r.relPath] = r.text;
  }
  return out;
})();

/**
 * The same lock files as an older toolkit wrote them: version 1, a bare hash per key (whitespace
 * runs collapsed, not removed, before hashing).
 */
function legacy(locks: Record<string, string>): Record<string, string> {
  const collapse = (t: string) => t.replace(/\s+/g, ' ').trim();
  const hash = (material: string) =>
    createHash('sha256').update(material).digest('hex').slice(0, 16);
  return Object.fromEntries(
    Object.entries(locks).map(([p, text]) => {
      const data = JSON.parse(text) as {
        keys: Record<string, { source: string | Record<string, string> }>;
      };
      const keys = Object.fromEntries(
        Object.entries(data.keys).map(([k, e]) => {
          const src = e.source;
          const material =
            typeof src === 'string'
              ? collapse(src.replace(/\{\{\s*([^,}\s]*)[^}]*\}\}/g, '{{$1}}'))
              : ['zero', 'one', 'two', 'few', 'many', 'other']
                  .filter((c) => c in src)
                  .map(
                    (c) =>
                      `${c}\u0001${collapse((src[c] ?? '').replace(/\{\{\s*([^,}\s]*)[^}]*\}\}/g, '{{$1}}'))}`,
                  )
                  .join('\u0002');
          return [k, hash(material)];
        }),
      );
      return [p, JSON.stringify({ version: 1, sourceLocale: 'en', keys }, null, 2)];
    }),
  );
}

mini.run(stale, {
  valid: [
    { name: 'a project without lock files (nothing is tracked)' },
    { name: 'every translation accepted', files: ACCEPTED },
    {
      name: "a change of a fact's value, of format options or of spacing in the source",
      corpus: {
        ...MINI_CORPUS,
        documents: {
          demo: {
            ...MINI_CORPUS.documents['demo'],
            facts: {
              ...MINI_CORPUS.documents['demo']?.facts,
              troops: { kind: 'quantity', value: 2000, unit: 'soldier' },
            },
          },
        },
      } as typeof MINI_CORPUS,
      files: {
        ...ACCEPTED,
        ...edit('locales/en/demo.json', [
          'began on {{founded, date}}.',
          'began on  {{ founded , date(monthForm: genitive) }}.',
        ]),
      },
    },
    { name: 'an old lock file (hashes only) whose source did not change', files: legacy(ACCEPTED) },
  ],
  invalid: [
    {
      name: 'translations whose source changed since they were accepted',
      files: {
        ...ACCEPTED,
        ...edit('locales/en/demo.json', [
          'Relations with Ukraine began',
          'Diplomatic relations with Ukraine began',
        ]),
      },
      errors: [
        {
          // A warning: the site publishes it with a notice (errors with --strict).
          severity: 'warning',
          file: 'locales/ja/demo.json',
          key: 'sections.lead.p1',
          line: 11,
          column: 7,
          message:
            'the source text changed since this translation was accepted (locales/en/demo.json:11): [-Relations-]{+Diplomatic relations+} with Ukraine began …',
          hint: 'Compare with the change ([-removed-] {+added+}), update the translation, then run `bilateral accept ja demo:sections.lead.p1`.',
          suggestion: { command: 'accept', args: ['ja', 'demo:sections.lead.p1'] },
        },
        {
          severity: 'warning',
          file: 'locales/uk/demo.json',
          key: 'sections.lead.p1',
          line: 11,
          message: /^the source text changed/,
        },
      ],
    },
    {
      name: 'a change in the middle and at the end: the diff shows both, with the text between',
      files: {
        ...ACCEPTED,
        ...edit('locales/en/demo.json', [
          'Relations with Ukraine began on {{founded, date}}.',
          'Relations with Ukraine officially began on {{founded, date}}, it is said.',
        ]),
      },
      errors: [
        {
          file: 'locales/ja/demo.json',
          key: 'sections.lead.p1',
          message:
            'the source text changed since this translation was accepted (locales/en/demo.json:11): …with Ukraine {+officially +}began on {{founded, date}}{+, it is said+}.<ref id="r1"/>',
        },
        { file: 'locales/uk/demo.json', key: 'sections.lead.p1', message: /officially/ },
      ],
    },
    {
      name: 'an old lock file (hashes only): still tracked, said to have no earlier text',
      files: {
        ...legacy(ACCEPTED),
        ...edit('locales/en/demo.json', [
          'Relations with Ukraine began',
          'Diplomatic relations with Ukraine began',
        ]),
      },
      errors: [
        {
          severity: 'warning',
          file: 'locales/ja/demo.json',
          key: 'sections.lead.p1',
          message:
            'the source text changed since this translation was accepted (locales/en/demo.json:11: "Diplomatic relations with Ukraine began on {{foun…"); the lock file keeps no earlier text to compare with (it was written before lock files kept it)',
          hint: 'Compare with locales/en/demo.json:11, update the translation, then run `bilateral accept ja demo:sections.lead.p1`.',
        },
        { file: 'locales/uk/demo.json', key: 'sections.lead.p1', message: /keeps no earlier text/ },
      ],
    },
    {
      name: 'a lock file that cannot be read (once, from the project pass)',
      files: { ...ACCEPTED, 'locales/uk/.bilateral-lock.json': '{ "keys": ' },
      errors: [
        {
          severity: 'error',
          file: 'locales/uk/.bilateral-lock.json',
          key: '',
          line: 1,
          column: 1,
          message: /^the lock file cannot be read: /,
          hint: /run `bilateral accept uk` after reviewing/,
          suggestion: { command: 'accept', args: ['uk'] },
        },
      ],
    },
    {
      name: 'a plural family whose source forms changed',
      files: {
        ...ACCEPTED,
        ...edit('locales/en/ui.json', ['"pp. {{pages}}"', '"pages {{pages}}"']),
      },
      errors: [
        {
          file: 'locales/ja/ui.json',
          key: 'citation.pages_other',
          message: /\(locales\/en\/ui\.json:8\): other: \[-pp\.-\]\{\+pages\+\} \{\{pages\}\}$/,
        },
        {
          file: 'locales/uk/ui.json',
          key: 'citation.pages_one',
          message: /^the source text changed/,
        },
      ],
    },
  ],
});

describe('stale: keys not accepted yet', () => {
  it('notes each translated key (info) that a lock file does not list, with the command', () => {
    const empty = JSON.stringify({ version: 1, sourceLocale: 'en', keys: {} });
    const found = mini.findings(stale, { files: { 'locales/uk/.bilateral-lock.json': empty } });
    // Every logical uk key, except copies of the source (what `sync` adds is not a translation).
    const project = createProject({ files: MINI_FILES, config: MINI_CONFIG });
    const expected = project.namespaces.flatMap((ns) => {
      const files = ['en', 'uk'].map((l) => project.file(l, ns)).filter((f) => f !== undefined);
      const keys = new PluralKeys(i18nextOf(project.config));
      const [en, uk] = files.map((f) => keys.logical(f, keys.families(files)));
      return [...(uk?.values() ?? [])]
        .filter((l) => en?.has(l.key) === true)
        .filter((l) => l.kind !== 'plain' || l.entry.value !== en?.get(l.key)?.entry.value)
        .map((l) => `locales/uk/${ns}.json ${l.entry.key}`);
    });
    expect(expected.length).toBeGreaterThan(10);
    expect(found.map((f) => `${f.file} ${f.key}`).sort()).toEqual(expected.sort());
    expect(new Set(found.map((f) => f.severity))).toEqual(new Set(['info']));
    expect(found.find((f) => f.key === 'nav.contents')).toMatchObject({
      message: '"nav.contents" has not been accepted yet',
      hint: 'When the translation is reviewed, run `bilateral accept uk ui:nav.contents`.',
      suggestion: { command: 'accept', args: ['uk', 'ui:nav.contents'] },
    });
  });
});

describe('stale: a Japanese source', () => {
  const config = { sourceLocale: 'ja', locales: ['ja', 'en', 'ko'] };
  const ja = (p2: string) => `{\n  "history": {\n    "p2": ${JSON.stringify(p2)}\n  }\n}\n`;
  const before = '侵攻以前、ウクライナの科学者や実業家が北朝鮮の核開発に関与した。';
  const files: Record<string, string> = {
    'locales/ja/doc.json': ja(before),
    'locales/en/doc.json': ja(
      'Before the invasion, Ukrainian scientists and businesspeople took part in North Korea’s nuclear programme.',
    ),
    'locales/ko/doc.json': ja(
      '침공 이전 우크라이나의 과학자와 기업인이 북한의 핵 개발에 관여했다.',
    ),
  };
  const accepted = { ...files };
  for (const locale of ['en', 'ko']) {
    const r = acceptKeys(createProject({ files, config }), locale);
    accepted[r.relPath] = r.text;
  }
  const tester = new RuleTester({ config, files: accepted });
  const findings = (p2: string) =>
    tester.findings(stale, { files: { 'locales/ja/doc.json': ja(p2) } });

  it('is never stale after a whitespace-only edit (around 。, line breaks, ideographic spaces)', () => {
    expect(findings(before)).toEqual([]);
    for (const spaced of [
      before.replace('。', ' 。'),
      before.replace('、', '、 '),
      before.replace('科学者', '科学者\n'),
      before.replace('北朝鮮', '北朝鮮\u3000'),
      ` ${before.replace('核開発', '核 開発')}\t`,
    ])
      expect(findings(spaced)).toEqual([]);
  });

  it('shows what changed in the source character by character', () => {
    const after =
      '侵攻以前、ウクライナの一部の科学者や実業家が北朝鮮のミサイル開発に関与したとされる。';
    const found = findings(after);
    expect(found.map((f) => [f.locale, f.severity])).toEqual([
      ['en', 'warning'],
      ['ko', 'warning'],
    ]);
    expect(found[0]?.message).toBe(
      'the source text changed since this translation was accepted (locales/ja/doc.json:3): 侵攻以前、ウクライナの{+一部の+}科学者や実業家が北朝鮮の[-核-]{+ミサイル+}開発に関与した{+とされる+}。',
    );
  });
});
