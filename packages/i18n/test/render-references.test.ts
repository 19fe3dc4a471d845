import { readFileSync } from 'node:fs';
import path from 'node:path';
import { corpus, referenceSource, titleStatusOf } from '@bilateral/core';
import { describe, expect, it } from 'vitest';
import {
  createRenderer,
  documentToHtml,
  documentToText,
  type RenderedDocument,
  type RenderedReference,
  type Resources,
} from '../src/index.js';
import { LOCALES, repoResources, repoRoot } from './helpers.js';

/**
 * The reference lists of this repository's four editions, as readers see them: original titles in
 * their own language (tagged), translations in brackets, unverified titles never quoted, links
 * where the core has an address, and each locale's citation style.
 */

const DOC = 'north-korea-ukraine-relations';
const doc = corpus.documents[DOC]!;

const json = (l: string, file: string): Record<string, any> =>
  JSON.parse(readFileSync(path.join(repoRoot, 'locales', l, file), 'utf8'));

const localeResources = (): Resources => {
  const resources = repoResources();
  for (const l of LOCALES) resources[l]!['style'] = json(l, 'style.json');
  return resources;
};

const rendered = new Map<string, RenderedDocument>(
  LOCALES.map((l) => [
    l,
    createRenderer({ corpus, resources: localeResources(), locale: l }).renderDocument(DOC),
  ]),
);
const page = (l: string) => rendered.get(l)!;
const entry = (l: string, id: string): RenderedReference => {
  const r = [...page(l).references, ...page(l).bibliography].find((x) => x.id === id);
  if (r === undefined) throw new Error(`no reference ${id} on the ${l} page`);
  return r;
};
const labels = { references: 'R', bibliography: 'B', corrections: 'C' };

/** Full references (not short citations), from the core, by whether their title is known. */
const fullReferences = Object.entries({ ...doc.references, ...doc.bibliography }).filter(
  ([, r]) => r.kind !== 'short',
);
const unverified = fullReferences.filter(([, r]) => titleStatusOf(r) === 'unverified');
const originals = fullReferences.filter(([, r]) => titleStatusOf(r) === 'original');

describe.each(LOCALES)('the references on the %s page', (l) => {
  const style = json(l, 'style.json');
  const ui = json(l, 'ui.json');
  const [open, close] = [...(style.quotes.outer as string)];
  const [bOpen, bClose] = [...(style.citation.translatedTitle as string)];

  it('have no problems', () => {
    expect(page(l).problems).toEqual([]);
  });

  it('show every known original title as published, quoted and tagged with its language', () => {
    expect(originals.length).toBeGreaterThan(5);
    for (const [id, ref] of originals) {
      const original = ref.originalTitle!;
      const r = entry(l, id);
      expect(r.titleStatus).toBe('original');
      expect(r.html).toContain(`<cite lang="${original.lang}">`);
      // The page's own quotation marks go around the title, outside the language tag.
      expect(r.html).toMatch(new RegExp(`${open}(<a [^>]+>)?<cite lang="${original.lang}">`));
      expect(r.text).toContain(`${open}`);
      expect(r.text).toContain(`${close}`);
    }
  });

  it('show unverified titles as bracketed translations with a note, never quoted', () => {
    expect(unverified.length).toBeGreaterThan(5);
    const translations = json(l, `${DOC}.json`)['references'];
    for (const [id] of unverified) {
      const r = entry(l, id);
      const translation = translations[id] as string;
      expect(r.titleStatus).toBe('unverified');
      expect(r.text).toContain(`${bOpen}${translation}${bClose}`);
      expect(r.text).toContain(ui.citation.unverifiedTitle);
      expect(r.text).not.toContain(`${open}${translation}`);
      expect(r.html).not.toContain('<cite');
      expect(r.html).toContain(`<span class="trans-title" lang="${l}">`);
      expect(r.html).toContain(`<span class="trans-mark">`);
    }
  });

  it('link every source whose address the core gives, and no other', () => {
    const withUrl = fullReferences.filter(([, r]) => r.url !== undefined);
    expect(withUrl.map(([id]) => id).sort()).toEqual([
      'kyivindependent-2024',
      'nknews-2017',
      'rferl-2022',
      'time-2018',
    ]);
    for (const [id, ref] of withUrl) {
      const r = entry(l, id);
      expect(r.url).toBe(ref.url);
      expect(r.html).toContain(`<a class="external" href="${ref.url}">`);
      expect(r.text).toContain(`<${ref.url}>`);
    }
    const html = documentToHtml(page(l), labels);
    expect(html.match(/<a class="external" href="https:/g)).toHaveLength(withUrl.length);
  });

  it('tag the Russian title of [8] as Russian, and never mark the Ukrainian title of [10] as a translation on its own page', () => {
    expect(entry(l, 'meduza-2022').html).toContain(
      '<cite lang="ru">КНДР признала ДНР и ЛНР. В ответ Украина разорвала дипломатические отношения с Северной Кореей</cite>',
    );
    const svoboda = entry(l, 'svoboda-2022');
    expect(svoboda.html).toContain(
      '<cite lang="uk">Україна розриває дипломатичні відносини з КНДР – Ніколенко</cite>',
    );
    expect(svoboda.html).not.toContain('trans-mark');
    if (l === 'uk') expect(svoboda.html).not.toContain('trans-title');
    else expect(svoboda.html).toContain(`<span class="trans-title" lang="${l}">`);
  });

  it('tag publication names with their own language and never set CJK text in italics', () => {
    const html = [...page(l).references, ...page(l).bibliography].map((r) => r.html).join('\n');
    expect(html).not.toMatch(/<i[^>]*>[^<]*[\p{Script=Han}\p{Script=Hangul}\p{Script=Katakana}]/u);
    // 中青在线 is Chinese on every page, whatever the page's language.
    expect(html).not.toMatch(/lang="(ja|ko|uk|en)"[^>]*>中青在线/);
    if (html.includes('中青在线')) expect(html).toContain('<span lang="zh-Hans">中青在线</span>');
    // The work's own name (Радіо Свобода is Ukrainian; Reuters English) where the locale keeps it.
    const own = json(l, 'terms.json')['works']['radio-svoboda'];
    if (own === 'Радіо Свобода')
      expect(entry(l, 'svoboda-2022').html).toMatch(/lang="uk">Радіо Свобода</);
  });

  it('take the backlink mark and letters from the locale', () => {
    const single = page(l).references.find((r) => r.backlinks.length === 1)!;
    expect(single.backlinks[0]?.label).toBe(style.citation.backlink);
    expect(page(l).style.backlink).toBe(style.citation.backlink);
    const mfa = page(l).references.find((r) => r.id === 'mfa-2022')!;
    expect(mfa.backlinks.map((b) => b.label)).toEqual(
      (ui.citation.backlinkLetters as string).split(' ').slice(0, 2),
    );
    expect(documentToText(page(l), labels)).toContain(
      `1. ${style.citation.backlink} ${mfa.backlinks.map((b) => b.label).join(' ')} `,
    );
  });

  it('put the editorial notes after the article, collapsed, not in a section of their own', () => {
    const html = documentToHtml(page(l), labels);
    expect(html).not.toContain('<h2 id="corrections">');
    const notes = html.indexOf('<aside class="editorial-notes"><details id="corrections">');
    expect(notes).toBeGreaterThan(html.indexOf('<ul class="bibliography">'));
    expect(html.slice(notes)).toMatch(
      /^<aside[^]*<summary>C<\/summary>[^]*<\/details><\/aside>\n$/,
    );
    expect(html.match(/<li id="correction-/g)).toHaveLength(Object.keys(doc.corrections).length);
    const text = documentToText(page(l), labels);
    expect(text).not.toMatch(/\nC\n=+\n/);
    expect(text).toMatch(/\n----\nC\n[^]*\n- /);
  });
});

describe('each locale sets its own citation style', () => {
  const text = (l: string, id: string) => entry(l, id).text;

  it('uk: «» with „“ inside, ↑, «та», dates without «р.», abbreviated languages', () => {
    expect(text('uk', 'wertz-p7-9')).toBe('Wertz, Oh та Kim 2016, с. 7, 9.');
    expect(text('uk', 'time-2018')).toMatch(
      /^Shuster, Simon \(1 лютого 2018\)\. «How North Korea Built a Nuclear Arsenal on the Ashes of the Soviet Union» \[Як Північна Корея .+\] \(англ\.\)\. Time\. <https:\/\/time\.com\/5128398\/the-missile-factory\/>$/,
    );
    expect(text('uk', 'svoboda-2022')).toBe(
      '«Україна розриває дипломатичні відносини з КНДР – Ніколенко». Радіо Свобода. 13 липня 2022.',
    );
    expect(text('uk', 'cyol-2017')).toContain(
      'Архів оригіналу за 28 вересня 2022. Процитовано 10 липня 2023.',
    );
    // Prose dates keep «р.»: only citations drop it.
    expect(page('uk').infobox.rows.map((r) => r.text)).toEqual([
      '9 січня 1992 р.',
      '13 липня 2022 р.',
    ]);
  });

  it('en: “” with ‘’ inside, ^ and "&", no language label for English sources', () => {
    expect(text('en', 'wertz-p7-9')).toBe('Wertz, Oh & Kim 2016, pp. 7, 9.');
    expect(text('en', 'cyol-2017')).toMatch(
      /^“俄朝建交69周年，朝承认克里米亚姓‘俄’” \[69th anniversary .+\] \(in Chinese\)\. /,
    );
    expect(text('en', 'time-2018')).toBe(
      'Shuster, Simon (February 1, 2018). “How North Korea Built a Nuclear Arsenal on the Ashes of the Soviet Union”. Time. <https://time.com/5128398/the-missile-factory/>',
    );
    expect(entry('en', 'time-2018').html).toContain('<i class="work" lang="en">Time</i>');
  });

  it('ja: 「」, ［］ for translations, ・ between authors, upright publication names, 。 at the end', () => {
    expect(text('ja', 'wertz-p7-9')).toBe('Wertz・Oh・Kim 2016, 7, 9頁。');
    expect(text('ja', 'cyol-2017')).toMatch(
      /^「俄朝建交69周年，朝承认克里米亚姓“俄”」［露朝国交樹立69周年/,
    );
    expect(text('ja', 'cyol-2017')).toMatch(/2023年7月10日閲覧。$/);
    expect(entry('ja', 'cyol-2017').html).toContain('<span class="work" lang="ja">中青在線</span>');
  });

  it('ko: “” with ‘’ inside, ↑, 《》 around publication names, the original name tagged inside', () => {
    expect(text('ko', 'wertz-p7-9')).toBe('Wertz·Oh·Kim 2016, 7, 9쪽.');
    expect(text('ko', 'cyol-2017')).toMatch(/^“俄朝建交69周年，朝承认克里米亚姓‘俄’” \[/);
    expect(entry('ko', 'cyol-2017').html).toContain(
      '《<span class="work" lang="ko">중칭짜이셴(<span lang="zh-Hans">中青在线</span>)</span>》',
    );
  });

  it('show what referenceSource() gives: the same title status and links as the core', () => {
    for (const [id] of fullReferences) {
      const source = referenceSource(corpus, DOC, id)!;
      for (const l of LOCALES) {
        const r = entry(l, id);
        expect(r.titleStatus).toBe(source.title.status);
        expect(r.url).toBe(source.url);
        expect(r.archiveUrl).toBe(source.archiveUrl);
      }
    }
  });
});
