import type { Corpus } from '@bilateral/core';
import { describe, expect, it, vi } from 'vitest';
import { createRenderer, formatDate, formatNumber, type Resources } from '../src/index.js';
import { DEFAULT_STYLE, readLocaleStyle } from '../src/intl/style.js';
import { cli, copyRepo, read, replaceIn, write } from './support.js';

vi.setConfig({ testTimeout: 60_000 });

/**
 * A locale's `style` namespace, on small in-memory documents: what each setting changes, that
 * invalid settings are reported and fall back to the defaults, that a language never borrows
 * another's style; and, on a copy of this repository, that the checks meant for prose leave the
 * namespace alone while `render` reports a broken setting.
 */

const corpus = {
  entities: {},
  units: { soldier: {} },
  works: {
    paper: { name: { text: 'Die Zeitung', lang: 'de' } },
    agency: { name: { text: '新华社', lang: 'zh-Hans' } },
  },
  documents: {
    d: {
      id: 'd',
      sourceLocale: 'en',
      namespace: 'd',
      infobox: { parties: [], rows: [] },
      facts: {
        small: { kind: 'quantity', value: 3, unit: 'soldier' },
        big: { kind: 'quantity', value: 12, unit: 'soldier' },
        grouped: { kind: 'quantity', value: 4500, unit: 'soldier' },
      },
      bibliography: {
        book: {
          kind: 'report',
          authors: [
            { family: 'Ahn', given: 'A' },
            { family: 'Bee', given: 'B' },
            { family: 'Cho', given: 'C' },
          ],
          lang: 'en',
          published: '2016-08',
          titleStatus: 'original',
          originalTitle: { text: 'A Book', lang: 'en' },
        },
      },
      references: {
        german: {
          kind: 'news',
          work: 'paper',
          lang: 'de',
          published: '2020-01-02',
          accessed: '2020-01-03',
          url: 'https://example.org/a?x=1&y=2',
          titleStatus: 'original',
          originalTitle: { text: 'Der „große“ Tag', lang: 'de' },
        },
        quoted: {
          kind: 'news',
          work: 'agency',
          lang: 'zh',
          titleStatus: 'original',
          originalTitle: { text: '他说“是”', lang: 'zh-Hans' },
        },
        unknown: { kind: 'web', lang: 'de', published: '2021', titleStatus: 'unverified' },
        short: { kind: 'short', cites: 'book', pages: ['7'], lang: 'en' },
      },
      events: {},
      corrections: {},
      sections: [{ id: 'lead', level: 0, paragraphs: [{ id: 'p1', carries: [] }] }],
    },
  },
} as unknown as Corpus;

const ui = {
  citation: {
    unverifiedTitle: '(not verified)',
    retrieved: 'Retrieved {{date, date}}',
    archived: 'Archived {{date, date}}',
    pages_one: 'p. {{pages}}',
    pages_other: 'pp. {{pages}}',
    inLanguage: '(in {{language}})',
    pdf: '(PDF)',
    backlinkLetters: 'a b c',
  },
  article: {
    footnote: 'Note {{number}}',
    dubious: 'dubious',
    dubiousTitle: 'Dubious',
    infoboxCaption: '{{first}}–{{second}}',
  },
};
const text = {
  meta: { title: 'T', description: 'D' },
  corrections: { intro: 'Notes.' },
  sections: {
    lead: {
      p1: 'A {{small, quantity}}, {{big, quantity}}, {{grouped, quantity}}.<ref id="german"/><ref id="quoted"/><ref id="unknown"/><ref id="short"/><ref id="german"/>',
    },
  },
  references: {
    german: 'The “big” day',
    quoted: 'He said yes',
    unknown: 'An unknown title',
    book: 'A Book',
  },
};
const terms = {
  works: { paper: 'Die Zeitung', agency: '新华社' },
  units: { soldier_one: '{{count, number}} soldier', soldier_other: '{{count, number}} soldiers' },
};
const ukStyle = {
  quotes: { outer: '«»', inner: '„“' },
  citation: {
    backlink: '↑',
    work: '《》',
    translatedTitle: '⟦⟧',
    authorSeparator: ', ',
    lastAuthorSeparator: ' та ',
    yearMark: 'omit',
    end: '.',
  },
  punctuation: { colon: ' — ' },
  numbers: { grouping: 'min2', spellOut: 'zero one two three four five six seven eight nine' },
  languages: { de: 'нім.' },
};

const resources = (style?: unknown): Resources => ({
  en: { ui, d: text, terms, ...(style === undefined ? {} : { style }) },
});
const renderEn = (style?: unknown, fallback?: readonly string[], more: Resources = {}) =>
  createRenderer({
    corpus,
    resources: { ...resources(style), ...more },
    locale: 'en',
    ...(fallback === undefined ? {} : { fallback }),
  }).renderDocument('d');
const ref = (d: ReturnType<typeof renderEn>, id: string) =>
  [...d.references, ...d.bibliography].find((r) => r.id === id)!;

describe('without a style namespace', () => {
  const d = renderEn();
  it('uses the defaults and reports nothing', () => {
    expect(d.problems).toEqual([]);
    expect(d.style).toEqual({
      backlink: '^',
      quotes: { open: '“', close: '”' },
      innerQuotes: { open: '‘', close: '’' },
      colon: ': ',
    });
    expect(ref(d, 'german').text).toBe(
      '“Der „große“ Tag” [The “big” day] (in German). Die Zeitung. January 2, 2020. Retrieved January 3, 2020. <https://example.org/a?x=1&y=2>',
    );
    expect(ref(d, 'short').text).toBe('Ahn, Bee & Cho 2016, p. 7.');
    expect(d.sections[0]?.paragraphs[0]?.text).toContain(
      'A 3 soldiers, 12 soldiers, 4,500 soldiers.',
    );
  });
  it('links the title to the source, escaped, and quotes it outside the language tag', () => {
    expect(ref(d, 'german').html).toBe(
      '“<a class="external" href="https://example.org/a?x=1&amp;y=2"><cite lang="de">Der „große“ Tag</cite></a>” [<span class="trans-title" lang="en">The “big” day</span>] (in German). <i class="work" lang="de">Die Zeitung</i>. January 2, 2020. Retrieved January 3, 2020.',
    );
  });
  it('keeps the original and the translation apart and marks an unverified title', () => {
    expect(ref(d, 'unknown').text).toBe('[An unknown title] (not verified) (in German). 2021.');
    expect(ref(d, 'unknown').html).toBe(
      '[<span class="trans-title" lang="en">An unknown title</span>] <span class="trans-mark">(not verified)</span> (in German). 2021.',
    );
    // A CJK publication name is never set in italics.
    expect(ref(d, 'quoted').html).toContain('<span class="work" lang="zh-Hans">新华社</span>');
    expect(ref(d, 'german').backlinks.map((b) => b.label)).toEqual(['a', 'b']);
    expect(ref(d, 'quoted').backlinks.map((b) => b.label)).toEqual(['^']);
  });
});

describe('with a style namespace', () => {
  const d = renderEn(ukStyle);
  it('quotes, brackets, separators, dates, grouping and words follow it', () => {
    expect(d.problems).toEqual([]);
    expect(ref(d, 'german').text).toBe(
      '«Der „große“ Tag» ⟦The “big” day⟧ (in нім.). 《Die Zeitung》. January 2, 2020. Retrieved January 3, 2020. <https://example.org/a?x=1&y=2>',
    );
    // The page's outer marks inside a title become its inner ones.
    expect(ref(d, 'quoted').text).toMatch(/^«他说“是”» ⟦He said yes⟧/);
    expect(ref(d, 'short').text).toBe('Ahn, Bee та Cho 2016, p. 7.');
    expect(ref(d, 'quoted').backlinks.map((b) => b.label)).toEqual(['↑']);
    expect(ref(d, 'german').html).toContain('《<span class="work" lang="de">Die Zeitung</span>》');
    expect(d.sections[0]?.paragraphs[0]?.text).toContain(
      'A three soldiers, 12 soldiers, 4500 soldiers.',
    );
    expect(d.style.colon).toBe(' — ');
  });

  it('converts the outer marks of a title to the inner ones', () => {
    const q = renderEn({ ...ukStyle, quotes: { outer: '“”', inner: '‘’' } });
    expect(ref(q, 'quoted').text).toMatch(/^“他说‘是’” /);
    expect(ref(q, 'quoted').html).toContain('<cite lang="zh-Hans">他说‘是’</cite>');
  });

  it('drops the word after the year only where the locale writes one (uk р.)', () => {
    expect(formatDate('2020-01-03', 'uk', { yearMark: 'omit' })).toBe('3 січня 2020');
    expect(formatDate('2020-01', 'uk', { yearMark: 'omit' })).toBe('січень 2020');
    expect(formatDate('2020-01', 'uk', { yearMark: 'omit', monthForm: 'genitive' })).toBe(
      'січня 2020',
    );
    expect(formatDate('2020-01-03', 'uk')).toBe('3 січня 2020 р.');
    expect(formatDate('2020-01-03', 'ja', { yearMark: 'omit' })).toBe('2020年1月3日');
    expect(formatDate('2020-01-03', 'ko', { yearMark: 'omit' })).toBe('2020년 1월 3일');
    expect(formatNumber(1500, 'uk', { useGrouping: 'min2' })).toBe('1500');
    expect(formatNumber(15000, 'uk', { useGrouping: 'min2' })).toBe('15\u00a0000');
    expect(formatNumber(1500, 'uk')).toBe('1\u00a0500');
  });

  it('is never borrowed from a fallback language', () => {
    const withFallback = renderEn(undefined, ['yy'], { yy: { style: ukStyle } });
    expect(withFallback.style.backlink).toBe('^');
    expect(ref(withFallback, 'short').text).toBe('Ahn, Bee & Cho 2016, p. 7.');
  });
});

describe('an invalid style setting', () => {
  it('is reported with its key and falls back to the default', () => {
    const d = renderEn({
      quotes: { outer: '«', inner: 7 },
      citation: { work: 'bold', backlink: '', yearMark: 'drop' },
      numbers: { grouping: 'min3', spellOut: 'one two' },
      languages: { 'not a tag': 'x', en: '' },
    });
    expect(d.problems.map((p) => p.key)).toEqual([
      'style:quotes.outer',
      'style:quotes.inner',
      'style:citation.backlink',
      'style:citation.work',
      'style:citation.yearMark',
      'style:numbers.grouping',
      'style:numbers.spellOut',
      'style:languages.not a tag',
      'style:languages.en',
    ]);
    expect(d.problems[3]?.message).toContain('"bold" is not "italic", "plain" or two marks');
    expect(d.style.backlink).toBe('^');
    expect(ref(d, 'german').text).toMatch(/^“Der/);
  });

  it('never throws, whatever the namespace holds', () => {
    for (const data of [null, 'x', 7, [], { quotes: null }, { languages: [] }, { citation: 'x' }])
      expect(readLocaleStyle(data).style).toBeDefined();
    expect(readLocaleStyle(undefined)).toEqual({ style: DEFAULT_STYLE, problems: [] });
    expect(readLocaleStyle({ languages: [] }).problems.map((p) => p.key)).toEqual(['languages']);
  });
});

describe('the style namespace in this repository', () => {
  const styleFindings = async (dir: string) => {
    const r = await cli(['check', '--format', 'json', '--no-cache'], dir);
    const findings = JSON.parse(r.stdout) as {
      rule: string;
      severity: string;
      file: string;
      key: string;
    }[];
    return findings.filter((f) => f.file.endsWith('/style.json'));
  };

  it('is left alone by the checks meant for prose (exempted in bilateral.config.json)', async () => {
    const dir = copyRepo();
    expect(await styleFindings(dir)).toEqual([]);
    // Without the exemptions, "↑", " та " and "англ." would read as untranslated or badly spaced prose.
    const config = JSON.parse(read(dir, 'bilateral.config.json')) as {
      exemptions: { key: string }[];
    };
    config.exemptions = config.exemptions.filter((e) => e.key !== 'style:**');
    write(dir, 'bilateral.config.json', JSON.stringify(config));
    const rules = new Set((await styleFindings(dir)).map((f) => f.rule));
    for (const rule of ['untranslated', 'whitespace', 'punctuation']) expect(rules).toContain(rule);
  });

  it('still has to have every key the source has', async () => {
    const dir = copyRepo();
    replaceIn(dir, 'locales/uk/style.json', '"backlink": "↑",', '');
    const findings = await styleFindings(dir);
    expect(findings).toContainEqual(
      expect.objectContaining({
        rule: 'missing',
        file: 'locales/uk/style.json',
        key: 'citation.backlink',
      }),
    );
  });

  it('reports a broken setting when rendering', async () => {
    const dir = copyRepo();
    replaceIn(dir, 'locales/ko/style.json', '"work": "《》"', '"work": "bold"');
    const r = await cli(['render', '--locale', 'ko'], dir);
    expect(r.stderr).toContain(
      'ko: style:citation.work: "bold" is not "italic", "plain" or two marks',
    );
  });
});
