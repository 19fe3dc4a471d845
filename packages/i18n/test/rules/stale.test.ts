import { describe, expect, it } from 'vitest';
import { stale } from '../../src/check/rules/stale.js';
import { createProject } from '../../src/files/memory.js';
import { logicalEntries, pluralFamilies } from '../../src/model/keys.js';
import { acceptKeys } from '../../src/ops/accept.js';
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
          severity: 'error',
          file: 'locales/ja/demo.json',
          key: 'sections.lead.p1',
          line: 11,
          column: 7,
          message:
            'the source text changed since this translation was accepted (locales/en/demo.json:11: "Diplomatic relations with Ukraine began on {{foun…")',
          hint: 'Compare with locales/en/demo.json:11, update the translation, then run `bilateral accept ja demo:sections.lead.p1`.',
          suggestion: { command: 'accept', args: ['ja', 'demo:sections.lead.p1'] },
        },
        {
          severity: 'error',
          file: 'locales/uk/demo.json',
          key: 'sections.lead.p1',
          line: 11,
          message: /^the source text changed/,
        },
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
          message: /^the source text changed/,
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
      const [en, uk] = files.map((f) => logicalEntries(f, pluralFamilies(files)));
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
