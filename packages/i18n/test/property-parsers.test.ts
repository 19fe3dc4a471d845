import { readFileSync } from 'node:fs';
import path from 'node:path';
import { corpus } from '@bilateral/core';
import type { Fact } from '@bilateral/core';
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it, vi } from 'vitest';
import { codeFrame } from '../src/check/report/format.js';
import { formatDate, formatMoney, formatNumber } from '../src/intl/facts.js';
import { keyMatches } from '../src/model/keys.js';
import { localeData } from '../src/files/read.js';
import { parseLocaleFile } from '../src/files/parse.js';
import { escapeHtml, renderInline } from '../src/render/markup.js';
import { ALLOWED_TAGS } from '../src/syntax/html-policy.js';
import { createRenderer } from '../src/render/renderer.js';
import { DEFAULT_STYLE, readLocaleStyle, STYLE_SETTINGS } from '../src/intl/style.js';
import { scanMarkup, scanPlaceholders } from '../src/syntax/inline.js';
import { findInvisible, isHidden, visible } from '../src/syntax/invisible.js';
import { repoResources } from './helpers.js';
import { FIXTURES, REPO } from './support.js';

vi.setConfig({ testTimeout: 30_000 });

/**
 * Properties of every parser: it never throws, whatever the input, and gives back exactly what it
 * accepts (generated well-formed input round-trips). Extends render-property.test.ts.
 */

type Of<A> = A extends fc.Arbitrary<infer T> ? T : never;
const noop = { cite: () => ({ html: '', text: '' }), dubious: () => ({ html: '', text: '' }) };

describe('locale files', () => {
  it('localeData (for rendering) accepts exactly the files parseLocaleFile finds usable', () => {
    const texts = fc.oneof(
      fc.json(),
      fc.json().map((s) => `\uFEFF${s}`),
      fc.object().map((o) => JSON.stringify(o, null, 2)),
      // Near misses: a character dropped, doubled or added somewhere in a valid file.
      fc
        .tuple(
          fc.object().map((o) => JSON.stringify(o)),
          fc.nat(),
          fc.constantFrom('', ',', '}', '"', '[', '\\', '\n', '/'),
        )
        .map(([t, i, c]) => {
          const at = t.length === 0 ? 0 : i % t.length;
          return t.slice(0, at) + c + t.slice(at + 1);
        }),
      fc.string(),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          texts.map((t) => Buffer.from(t)),
          fc.uint8Array({ maxLength: 200 }),
        ),
        (bytes) => {
          const file = parseLocaleFile('/p', 'en', 'ui', '/p/en/ui.json', bytes);
          const data = localeData(bytes);
          expect(data !== undefined).toBe(file.usable);
          if (data !== undefined) expect(data).toEqual(JSON.parse(file.text));
        },
      ),
      { numRuns: 3000 },
    );
    // Deeper than the limit: neither reads it.
    const deep = Buffer.from(`${'{"a":'.repeat(200)}1${'}'.repeat(200)}`);
    expect(localeData(deep)).toBeUndefined();
    expect(parseLocaleFile('/p', 'en', 'ui', '/p/en/ui.json', deep).usable).toBe(false);
  });

  it('parseLocaleFile never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc.string().map((s) => Buffer.from(s)),
          fc.json().map((s) => Buffer.from(s)),
        ),
        (bytes) => {
          const f = parseLocaleFile('/p', 'en', 'ui', '/p/en/ui.json', bytes);
          for (const p of f.problems) expect(f.position(p.offset).line).toBeGreaterThan(0);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('round-trips every string of any JSON object: key, value and the position of each character', () => {
    const obj = fc.dictionary(
      fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !k.includes('.')),
      fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.dictionary(
          fc.string({ minLength: 1, maxLength: 5 }).filter((k) => !k.includes('.')),
          fc.string({ maxLength: 10 }),
          { maxKeys: 3 },
        ),
      ),
      { maxKeys: 5 },
    );
    fc.assert(
      fc.property(obj, fc.constantFrom(0, 2, '\t'), (o, indent) => {
        const text = JSON.stringify(o, null, indent);
        const f = parseLocaleFile('/p', 'en', 'ui', '/p/en/ui.json', Buffer.from(text));
        expect(f.usable).toBe(true);
        const expected = new Map<string, string>();
        for (const [k, v] of Object.entries(o)) {
          if (typeof v === 'string') expected.set(k, v);
          else for (const [k2, v2] of Object.entries(v)) expected.set(`${k}.${k2}`, v2);
        }
        expect(new Map([...f.entries].map(([k, e]) => [k, e.value]))).toEqual(expected);
        for (const e of f.entries.values()) {
          const v = e.value as string;
          expect(JSON.parse(text.slice(e.valueOffset, e.valueOffset + e.valueLength))).toBe(v);
          // The raw text up to character i decodes to the first i characters (escapes included).
          for (let i = 0; i <= v.length; i++) {
            const raw = text.slice(e.valueOffset, f.valueOffset(e, i));
            const decoded = JSON.parse(`${raw}"`) as string;
            expect(decoded).toBe(v.slice(0, i));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('interpolations and nestings', () => {
  const ident = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
  const option = fc.tuple(ident, fc.stringMatching(/^[A-Za-z0-9]{1,6}$/));
  const format = fc.record({
    name: ident,
    options: fc.uniqueArray(option, { maxLength: 2, selector: ([k]) => k }),
  });
  const interpolation = fc.record({
    type: fc.constant('interpolation' as const),
    name: ident,
    formats: fc.array(format, { maxLength: 2 }),
    unescaped: fc.boolean(),
  });
  const nesting = fc.record({
    type: fc.constant('nesting' as const),
    key: fc.stringMatching(/^([a-z]{1,5}:)?[a-z]{1,5}(\.[a-z]{1,5}){0,2}$/),
    count: fc.option(fc.nat(99), { nil: undefined }),
  });
  const prose = fc.string({ maxLength: 12 }).map((s) => s.replace(/[{}$()]/g, ''));
  type Token = { type: 'prose'; text: string } | Of<typeof interpolation> | Of<typeof nesting>;
  const tokens = fc.array(
    fc.oneof(
      prose.map((text) => ({ type: 'prose' as const, text })),
      interpolation,
      nesting,
    ),
    { maxLength: 8 },
  );

  const render = (t: Token): string => {
    if (t.type === 'prose') return t.text;
    if (t.type === 'nesting')
      return `$t(${t.key}${t.count === undefined ? '' : `, {"count": ${t.count}}`})`;
    const formats = t.formats.map(
      (f) =>
        `, ${f.name}${f.options.length === 0 ? '' : `(${f.options.map(([k, v]) => `${k}: ${v}`).join('; ')})`}`,
    );
    return `{{${t.unescaped ? '- ' : ''}${t.name}${formats.join('')}}}`;
  };

  it('scanPlaceholders gives back exactly the placeholders a text was made of', () => {
    fc.assert(
      fc.property(tokens, (ts) => {
        const text = ts.map(render).join('');
        const got = scanPlaceholders(text);
        const want = ts.filter((t) => t.type !== 'prose');
        expect(got).toHaveLength(want.length);
        got.forEach((p, i) => {
          const w = want[i] as Exclude<Token, { type: 'prose' }>;
          expect(p.raw).toBe(render(w));
          expect(text.slice(p.start, p.end)).toBe(p.raw);
          if (w.type === 'nesting')
            expect(p).toMatchObject({
              type: 'nesting',
              key: w.key,
              options: w.count === undefined ? undefined : `{"count": ${w.count}}`,
            });
          else {
            expect(p).toMatchObject({
              type: 'interpolation',
              name: w.name,
              unescaped: w.unescaped,
            });
            if (p.type === 'interpolation')
              expect(p.formats.map((f) => [f.name, Object.entries(f.options)])).toEqual(
                w.formats.map((f) => [f.name, f.options]),
              );
          }
        });
      }),
      { numRuns: 1000 },
    );
  });

  // Speed is measured by `pnpm bench`, not asserted here: this proves the scan finishes (the
  // generous timeout only guards against a hang) and finds nothing in unclosed syntax.
  it('scanPlaceholders finds nothing in long runs of unclosed syntax', () => {
    for (const p of ['{{a', '$t(', '$t(a', '{{', '$t({', '$t("', '{{-']) {
      expect(scanPlaceholders(p.repeat(100_000)), p).toEqual([]);
    }
  }, 60_000);
});

describe('markup', () => {
  const tags = Object.keys(ALLOWED_TAGS).filter((t) => t !== 'br');
  const attrValue: Record<string, fc.Arbitrary<string>> = {
    lang: fc.constantFrom('en', 'uk', 'ja-Latn', 'ko'),
    dir: fc.constantFrom('ltr', 'rtl', 'auto'),
    title: fc.string({ maxLength: 10 }),
  };
  const text = fc.string({ maxLength: 10 });
  /** Well-formed markup from the allowlist, as [html a browser reads, the text it shows]. */
  const { node } = fc.letrec<{ node: [string, string] }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', maxDepth: 3 },
      text.map((t) => [escapeHtml(t), t] as [string, string]),
      fc.constant(['<br>', '\n'] as [string, string]),
      fc
        .tuple(fc.constantFrom(...tags), fc.array(tie('node'), { maxLength: 3 }))
        .chain(([tag, kids]) =>
          fc
            .uniqueArray(
              (ALLOWED_TAGS[tag] ?? []).length === 0
                ? fc.constant('')
                : fc.constantFrom(...(ALLOWED_TAGS[tag] ?? [])),
              { maxLength: 2 },
            )
            .map((names) => names.filter((n) => n !== ''))
            .chain((names) =>
              fc.tuple(...names.map((n) => (attrValue[n] ?? text).map((v) => [n, v] as const))),
            )
            .map(
              (attrs) =>
                [
                  `<${tag}${attrs.map(([n, v]) => ` ${n}="${escapeHtml(v)}"`).join('')}>${kids.map((k) => k[0]).join('')}</${tag}>`,
                  kids.map((k) => k[1]).join(''),
                ] as [string, string],
            ),
        ),
    ),
  }));

  it('renderInline keeps allowed markup exactly (it is idempotent on its own output) and its text', () => {
    fc.assert(
      fc.property(fc.array(node, { maxLength: 4 }), (nodes) => {
        const html = nodes.map((n) => n[0]).join('');
        const out = renderInline(html, noop);
        expect(out.html).toBe(html);
        expect(out.text).toBe(nodes.map((n) => n[1]).join(''));
        expect(out.dropped).toEqual([]);
      }),
      { numRuns: 600 },
    );
  });

  it('scanMarkup finds exactly those tags, with decoded attributes', () => {
    fc.assert(
      fc.property(fc.array(node, { maxLength: 4 }), (nodes) => {
        const html = nodes.map((n) => n[0]).join('');
        const expected: string[] = [];
        new Parser(
          {
            onopentag: (n, a) => expected.push(`<${n} ${JSON.stringify(a)}>`),
            onclosetag: (n) => expected.push(`</${n}>`),
          },
          { decodeEntities: true },
        ).end(html);
        const got = scanMarkup(html).tags.map((t) =>
          t.kind === 'close' ? `</${t.name}>` : `<${t.name} ${JSON.stringify(t.attributes)}>`,
        );
        // A void <br> has no close tag in the scan (the tokenizer implies one).
        expect(got).toEqual(expected.filter((e) => e !== '</br>'));
      }),
      { numRuns: 600 },
    );
  });

  /** Hostile HTML fragments: the usual XSS vectors, entity tricks, parser differentials. */
  const vector = fc.constantFrom(
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)>',
    '<i onclick="alert(1)">x</i>',
    '<span lang="x" style="background:url(javascript:alert(1))">x</span>',
    '<abbr title="&quot; onmouseover=alert(1) x=&quot;">y</abbr>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;">',
    '<details open ontoggle=alert(1)>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<svg><style><img src=x onerror=alert(1)></style></svg>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<!--><img src=x onerror=alert(1)>-->',
    '<![CDATA[<img src=x onerror=alert(1)>]]>',
    '<scr<script>ipt>alert(1)</script>',
    '<SCRIPT SRC=//evil/x.js></SCRIPT>',
    '<img """><script>alert(1)</script>">',
    '<object data="javascript:alert(1)">',
    '<base href="javascript:/">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<textarea></textarea><script>alert(1)</script>',
    '<style>@import "javascript:alert(1)"</style>',
    '<bdi dir="rtl" onfocus=alert(1) autofocus>x</bdi>',
    '<q lang="en\' onmouseover=\'alert(1)">x</q>',
    '&lt;script&gt;alert(1)&lt;/script&gt;',
    '<i lang=en/onclick=alert(1)>x</i>',
    '<span\nonclick=alert(1)>x</span>',
    '<span/onclick=alert(1)>x</span>',
    '<\u0000script>alert(1)</script>',
  );

  it('renderInline never outputs a tag or attribute outside the allowlist, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            vector,
            fc.string({ maxLength: 8 }),
            node.map((n) => n[0]),
          ),
          { maxLength: 8 },
        ),
        (parts) => {
          const out = renderInline(parts.join(''), noop);
          // Read the output as a browser would (htmlparser2, entities decoded): only allowed
          // elements, only their allowed attributes, no URL anywhere.
          new Parser(
            {
              onopentag(name, attrs) {
                expect(Object.hasOwn(ALLOWED_TAGS, name), name).toBe(true);
                for (const [a, v] of Object.entries(attrs)) {
                  expect(ALLOWED_TAGS[name], `${name}[${a}]`).toContain(a);
                  if (a === 'lang') expect(v).toMatch(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/);
                }
              },
              oncomment: () => expect.fail('a comment in the output'),
              onprocessinginstruction: () => expect.fail('a declaration in the output'),
            },
            {
              decodeEntities: true,
              lowerCaseTags: true,
              lowerCaseAttributeNames: true,
              recognizeSelfClosing: true,
            },
          ).end(out.html);
          // And in the tags themselves (attribute values aside, which are inert text): no handler.
          for (const tag of out.html.match(/<[^>]*>/g) ?? [])
            expect(tag.replace(/"[^"]*"/g, '""')).not.toMatch(/\son\w+\s*=|script/i);
          expect(renderInline(out.html, noop).html).toBe(out.html);
        },
      ),
      { numRuns: 800 },
    );
  });
});

describe('facts are formatted for every locale the project declares', () => {
  const declared = [
    ...(
      JSON.parse(readFileSync(path.join(REPO, 'bilateral.config.json'), 'utf8')) as {
        locales: string[];
      }
    ).locales,
    ...(
      JSON.parse(readFileSync(path.join(FIXTURES, 'mini/bilateral.config.json'), 'utf8')) as {
        locales: string[];
      }
    ).locales,
  ];
  const locale = fc.oneof(
    fc.constantFrom(...declared),
    fc.constantFrom(
      'ar',
      'he-IL',
      'zh-Hant-TW',
      'sr-Latn',
      'x-pseudo',
      'root',
      'und',
      '__proto__',
      'en-US-u-nu-arab',
      'ja-JP-u-ca-japanese',
    ),
    fc.string({ maxLength: 12 }),
  );
  const iso = fc.oneof(
    fc.integer({ min: -99999, max: 99999 }).map(String),
    fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(
        ([y, m, d]) =>
          `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      ),
    fc
      .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`),
    fc.string({ maxLength: 12 }),
  );
  const number = fc.oneof(
    fc.double(),
    fc.integer(),
    fc.constantFrom(0, -0, NaN, Infinity, -Infinity, Number.MAX_VALUE, 1e21, 0.1 + 0.2),
  );
  const currency = fc.oneof(
    fc.constantFrom('USD', 'EUR', 'KRW', 'JPY', 'UAH', 'XXX', 'BTC', 'usd', ''),
    fc.string({ maxLength: 4 }),
  );
  const options = fc.dictionary(
    fc.constantFrom(
      'monthForm',
      'currencyDisplay',
      'style',
      'yearMark',
      'useGrouping',
      '__proto__',
    ),
    fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.constantFrom('omit', 'keep', 'min2', 'always', 'auto', 'genitive', 'name'),
    ),
    { maxKeys: 4 },
  );

  it('formatDate, formatNumber and formatMoney never throw and always return text', () => {
    fc.assert(
      fc.property(locale, iso, number, currency, options, (l, d, n, c, o) => {
        for (const out of [
          formatDate(d, l, o),
          formatNumber(n, l),
          formatNumber(n, l, o),
          formatMoney({ kind: 'money', amount: n, currency: c }, l, o),
        ]) {
          expect(typeof out).toBe('string');
          expect(out.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 800 },
    );
  });

  it.each([...new Set(declared)])(
    '%s: through the renderer, in a text, with any format options',
    (l) => {
      const resources = repoResources();
      const renderer = createRenderer({ corpus, resources, locale: l, fallback: ['en'] });
      fc.assert(
        fc.property(
          iso,
          number,
          currency,
          fc.string({ maxLength: 10 }).map((s) => s.replace(/[()]/g, '')),
          (d, n, c, opt) => {
            const facts: Fact[] = [
              { kind: 'date', value: d },
              { kind: 'quantity', value: n, unit: 'soldier' },
              { kind: 'quantity', value: n, unit: '__proto__' },
              { kind: 'money', amount: n, currency: c },
            ];
            for (const f of facts) {
              expect(typeof renderer.formatFact(f)).toBe('string');
              expect(typeof renderer.formatFact(f, { monthForm: opt, currencyDisplay: opt })).toBe(
                'string',
              );
            }
          },
        ),
        { numRuns: 120 },
      );
    },
  );
});

describe('the renderer, on any graph of $t(…) nestings', () => {
  it('never throws or hangs: a text renders, or is reported and left out', () => {
    const key = fc.constantFrom('k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'missing', 'ui:k1', 'other:k2');
    const piece = fc.oneof(
      key.map((k) => `$t(${k})`),
      key.map((k) => `$t(${k}, {"count": 2})`),
      fc.string({ maxLength: 4 }),
      fc.constant('{{count}}'),
    );
    const value = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.tuple(value, value, value, value, value, value), (values) => {
        const ui = Object.fromEntries(values.map((v, i) => [`k${i}`, v]));
        const r = createRenderer({
          corpus: { entities: {}, units: {}, works: {}, documents: {} },
          resources: { en: { ui, other: ui } },
          locale: 'en',
        });
        for (let i = 0; i < 6; i++) {
          const t = r.ui(`k${i}`);
          expect(typeof t.html).toBe('string');
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("a locale's style namespace, whatever it holds", () => {
  const value = fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.constantFrom('«»', '„“', '《》', 'italic', 'plain', 'omit', 'keep', 'min2', 'none', '', ' '),
    fc.jsonValue({ maxDepth: 1 }),
  );
  const setting = fc.constantFrom(...STYLE_SETTINGS.map((s) => s.key));
  const nested = fc.array(fc.tuple(setting, value), { maxLength: 8 }).map((pairs) => {
    const data: Record<string, Record<string, unknown>> = {};
    for (const [key, v] of pairs) {
      const [group = '', name = ''] = key.split('.');
      (data[group] ??= {})[name] = v;
    }
    return data;
  });
  const data = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    nested,
    fc.record({ languages: fc.dictionary(fc.string({ maxLength: 8 }), value, { maxKeys: 4 }) }),
  );
  const known = new Set(STYLE_SETTINGS.map((s) => s.key));

  it('reads into a complete style, reporting only settings it knows', () => {
    fc.assert(
      fc.property(data, (d) => {
        const { style, problems } = readLocaleStyle(d);
        expect(Object.keys(style).sort()).toEqual(Object.keys(DEFAULT_STYLE).sort());
        for (const pair of [style.quotes, style.innerQuotes, style.translatedTitle])
          expect(Array.from(pair.open + pair.close)).toHaveLength(2);
        expect([0, 10]).toContain(style.spellOut.length);
        for (const p of problems)
          expect(known.has(p.key) || p.key === 'languages' || p.key.startsWith('languages.')).toBe(
            true,
          );
      }),
      { numRuns: 1000 },
    );
  });

  it('never breaks rendering: a document renders, and only style settings are reported', () => {
    const resources = repoResources();
    fc.assert(
      fc.property(data, (d) => {
        resources['uk']!['style'] = d;
        const doc = createRenderer({ corpus, resources, locale: 'uk' }).renderDocument(
          'north-korea-ukraine-relations',
        );
        expect(doc.references).toHaveLength(22);
        for (const p of doc.problems) expect(p.key.startsWith('style:')).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});

describe('small helpers never throw', () => {
  it('keyMatches, for any pattern and key', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        fc.string({ maxLength: 20 }),
        fc.string({ maxLength: 6 }),
        (pattern, key, ns) => {
          expect(typeof keyMatches(pattern, ns, key)).toBe('boolean');
          expect(keyMatches(key.replace(/[*:]/g, ''), ns, key.replace(/[*:]/g, ''))).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('codeFrame and visible: any text, any position, nothing invisible printed, the caret in range', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.integer({ min: -5, max: 50 }),
        fc.integer({ min: -5, max: 400 }),
        (text, line, column) => {
          const [src, caret] = codeFrame(text, line, column);
          for (const out of [src, caret, visible(text)])
            expect([...(out ?? '')].some((c) => isHidden(c))).toBe(false);
          expect(findInvisible(visible(text), { marks: true })).toEqual([]);
          expect(caret).toMatch(/^\s*\d*\s*│ *\^$/);
        },
      ),
      { numRuns: 500 },
    );
  });
});
