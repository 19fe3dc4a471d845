import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainScan, plainTest, scanString, type ScanSyntax } from '../src/check/scan.js';
import { scanMarkup } from '../src/syntax/inline.js';
import { RunState } from '../src/check/state.js';
import { createProject } from '../src/files/memory.js';
import type { I18nextSettings } from '../src/model/types.js';

/**
 * The scan's fast paths give exactly what the full scan gives: a string the plain test passes is
 * scanned as itself (no placeholder, tag or number), and a string holding only react-i18next's
 * numbered components is not given to the HTML tokenizer.
 */

const SYNTAXES: readonly [string, ScanSyntax][] = [
  ['i18next defaults', {}],
  [
    'custom delimiters (__name__, $t)',
    { delimiters: { prefix: '__', suffix: '__', nestingPrefix: '$t(', nestingSuffix: ')' } },
  ],
  ['ICU messages (i18next-icu)', { icu: true }],
  [
    'custom delimiters ([[name]], @@)',
    { delimiters: { prefix: '[[', suffix: ']]', nestingPrefix: '@@', nestingSuffix: '@@' } },
  ],
];

// Texts built from the characters that matter (prefixes, tags, digits in several scripts) and
// ordinary prose, so that both plain and non-plain strings come up often.
const pieces = fc.constantFrom(
  'Hello',
  ' world',
  '{{name}}',
  '{{- raw}}',
  '{',
  '}',
  '$t(key)',
  '$',
  '__count__',
  '_',
  '[[x]]',
  '[',
  '@@k@@',
  '<0>',
  '</0>',
  '<1/>',
  '<b>',
  '</b>',
  '<',
  '>',
  '12',
  '٣',
  '１',
  '1,500',
  'CS1',
  '…',
  '\n',
  'é',
  "'",
  "''",
  '#',
  '{n}',
  '{n, plural, one {# item} other {# items}}',
  '{g, select, f {she} other {they}}',
  "'{'",
);
const texts = fc.oneof(
  fc.array(pieces, { maxLength: 8 }).map((a) => a.join('')),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

describe('scan fast paths', () => {
  for (const [name, syntax] of SYNTAXES) {
    it(`a plain string's scan is the full scan (${name})`, () => {
      const test = plainTest(syntax);
      expect(test).toBeDefined();
      fc.assert(
        fc.property(texts, (v) => {
          if (test?.test(v) === true) return;
          expect(plainScan(v, syntax)).toEqual(scanString(v, syntax));
        }),
        { numRuns: 2000 },
      );
    });
  }

  it('finds what makes a string worth scanning', () => {
    const test = plainTest({}) as RegExp;
    expect(['Hello world', 'Save changes…', 'Ünïcödé'].map((v) => test.test(v))).toEqual([
      false,
      false,
      false,
    ]);
    expect(['{{n}}', '$t(a)', '<b>x</b>', 'CS1', '٣ items'].map((v) => test.test(v))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it('has no fast path for empty delimiters', () => {
    expect(
      plainTest({
        delimiters: { prefix: '', suffix: '', nestingPrefix: '$t(', nestingSuffix: ')' },
      }),
    ).toBeUndefined();
  });

  it('reads simple markup exactly as the HTML tokenizer does', () => {
    const markup = fc.constantFrom(
      '<ref id="r1"/>',
      '<ref id="a.b"/>',
      '<dubious/>',
      '<b>',
      '</b>',
      '<i>',
      '</i>',
      '<em>',
      '</em>',
      '<span>',
      '</span>',
      '<s>',
      '</s>',
      '<B>',
      '<p>',
      '</p>',
      '<br/>',
      '</br>',
      '<b class="x">',
      '<!-- c -->',
      '<0>',
      'text',
      ' ',
      '&amp;',
      '<',
      '>',
    );
    fc.assert(
      fc.property(
        fc.array(markup, { maxLength: 10 }).map((a) => a.join('')),
        (v) => {
          const full = scanMarkup(v);
          const scanned = scanString(v);
          expect(scanned.tags).toEqual(full.tags);
          expect(scanned.other).toEqual(full.other);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads numbered components alone as the tokenizer would (none of them HTML)', () => {
    const scan = scanMarkup('Read <0>the guide</0> or <1/> now');
    expect(scan.tags.map((t) => [t.name, t.kind, t.start, t.end])).toEqual([
      ['0', 'open', 5, 8],
      ['0', 'close', 17, 21],
      ['1', 'self-closing', 25, 29],
    ]);
    expect(scan.other).toEqual([]);
    // With HTML beside them, the tokenizer still runs.
    expect(scanMarkup('<0>a</0> <b>b</b>').tags.map((t) => t.name)).toEqual(['0', '0', 'b', 'b']);
  });

  // The run's memo hands out the same scans by text and by entry, whatever the project's syntax
  // (a plain ICU text scanned by entry once got no ICU scan: the rule tester caught it).
  for (const [name, i18next, syntax] of [
    ['i18next defaults', {}, {}],
    ['ICU', { format: 'icu' }, { icu: true }],
    [
      'custom delimiters',
      { interpolation: { prefix: '__', suffix: '__' } },
      { delimiters: { prefix: '__', suffix: '__', nestingPrefix: '$t(', nestingSuffix: ')' } },
    ],
  ] as const satisfies readonly (readonly [string, I18nextSettings, ScanSyntax])[]) {
    it(`a run's scans, by text and by entry, are the full scan (${name})`, () => {
      const texts = [
        'Hello',
        'Hi {name}',
        '{n, plural, one {# a} other {# b}}',
        '__x__ <b>y</b>',
        '3 items',
      ];
      const project = createProject({
        config: { sourceLocale: 'en', i18next },
        files: {
          'locales/en/ui.json': JSON.stringify(
            Object.fromEntries(texts.map((t, i) => [`k${i}`, t])),
          ),
        },
      });
      const state = new RunState(project);
      const file = project.file('en', 'ui');
      for (const [i, text] of texts.entries()) {
        const entry = file?.entries.get(`k${i}`);
        expect(entry, text).toBeDefined();
        const full = scanString(text, syntax);
        expect(state.scan(text), text).toEqual(full);
        expect(state.scan(text, entry), text).toEqual(full);
      }
    });
  }

  // A parsed entry keeps its scan in a slot of its own: valid only for the run and namespace pass
  // that made it, whatever else reads the same entry.
  it('an entry scanned by one run is scanned afresh by another, and after its pass', () => {
    const text = '__x__ {{y}}';
    const files = { 'locales/en/ui.json': JSON.stringify({ k: text }) };
    const plain = createProject({ config: { sourceLocale: 'en' }, files });
    const entry = plain.file('en', 'ui')?.entries.get('k');
    const underscores = {
      ...plain,
      config: createProject({
        config: { sourceLocale: 'en', i18next: { interpolation: { prefix: '__', suffix: '__' } } },
        files,
      }).config,
    };
    const a = new RunState(plain);
    const b = new RunState(underscores);
    expect(a.scan(text, entry).interpolations.map((p) => p.name)).toEqual(['y']);
    expect(b.scan(text, entry).interpolations.map((p) => p.name)).toEqual(['x']);
    expect(a.scan(text, entry).interpolations.map((p) => p.name)).toEqual(['y']);
    const kept = a.scan(text, entry);
    expect(a.scan(text, entry)).toBe(kept); // the same pass: the memo
    a.release('ui', []);
    expect(a.scan(text, entry)).not.toBe(kept); // the next pass scans again
    expect(a.scan(text, entry)).toEqual(kept);
  });
});
