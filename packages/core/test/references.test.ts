import { describe, expect, it } from 'vitest';
import {
  corpus,
  languageTagProblem,
  referenceSource,
  sourceUrlProblem,
  titleStatusOf,
  validateCorpus,
} from '../src/index.js';
import type { Corpus, DocumentModel, Reference } from '../src/index.js';

const DOC = 'north-korea-ukraine-relations';
const doc = corpus.documents[DOC]!;
const BASE = `documents.${DOC}`;

/** A deep copy of the real corpus with the document edited by `edit(copy)`. */
function broken(edit: (d: { -readonly [K in keyof DocumentModel]: any }) => void): Corpus {
  const copy = structuredClone(doc) as any;
  edit(copy);
  return { ...corpus, documents: { [copy.id]: copy } };
}
/** The real corpus with one reference's fields replaced (`undefined` removes a field). */
const withRef = (id: string, fields: Record<string, unknown>) =>
  broken((d) => {
    const ref = { ...d.references[id], ...fields };
    for (const [k, v] of Object.entries(fields)) if (v === undefined) delete ref[k];
    d.references[id] = ref;
  });
const problemsOf = (c: Corpus) => validateCorpus(c);

describe('the references of the article', () => {
  const status = (id: string) => titleStatusOf(doc.references[id] as Reference);

  it('say for every source whether its original title is known', () => {
    const byStatus = (s: string) =>
      Object.keys(doc.references)
        .filter((id) => status(id) === s)
        .sort();
    // Found: [4] (web headline), [5], [6], [7], [8], [10], [11], [13], [16], [18].
    expect(byStatus('original')).toEqual(
      [
        'time-2018',
        'nknews-2017',
        'cyol-2017',
        'wyzxwk-2022',
        'meduza-2022',
        'svoboda-2022',
        'cnn-2024',
        'kyivindependent-2024',
        'bbc-2024',
        'ft-2024',
      ].sort(),
    );
    // Searched for and not found: [1], [9], [12], [14], [15], [17], [19], [20], [22]; and [21],
    // whose authors and dates were checked but whose headline nobody has seen.
    expect(byStatus('unverified')).toEqual(
      [
        'mfa-2022',
        'rferl-2022',
        'reuters-2024',
        'dod-2024',
        'nbc-2024',
        'rferl-2024',
        'newsweek-2024',
        'ap-2024',
        'reuters-2025',
        'oec-2020',
      ].sort(),
    );
    // Every non-short reference declares it explicitly (nothing is derived for this corpus).
    for (const [id, ref] of Object.entries(doc.references)) {
      if (ref.kind === 'short') expect(ref.titleStatus, id).toBeUndefined();
      else expect(ref.titleStatus, id).toBe(status(id));
    }
  });

  it('keep each original title character for character, in its language, without outer quotes', () => {
    const titles = Object.fromEntries(
      Object.entries({ ...doc.references, ...doc.bibliography }).flatMap(([id, r]) =>
        r.originalTitle === undefined ? [] : [[id, [r.originalTitle.text, r.originalTitle.lang]]],
      ),
    );
    expect(titles).toEqual({
      'time-2018': [
        'How North Korea Built a Nuclear Arsenal on the Ashes of the Soviet Union',
        'en',
      ],
      'nknews-2017': ['North Korean atlas shows Crimea as part of Russia', 'en'],
      'cyol-2017': ['俄朝建交69周年\uff0c朝承认克里米亚姓\u201c俄\u201d', 'zh-Hans'],
      'wyzxwk-2022': ['乌克兰与朝鲜断交\uff01它们那些说不得的恩怨', 'zh-Hans'],
      'meduza-2022': [
        'КНДР признала ДНР и ЛНР. В ответ Украина разорвала дипломатические отношения с Северной Кореей',
        'ru',
      ],
      'svoboda-2022': ['Україна розриває дипломатичні відносини з КНДР \u2013 Ніколенко', 'uk'],
      'cnn-2024': [
        'North Korean troops seen being equipped in Russia ahead of likely deployment to Ukraine',
        'en',
      ],
      'kyivindependent-2024': [
        "'First step to World War' \u2014 North Korea preparing 10,000 soldiers to join Russia's war, Zelensky confirms",
        'en',
      ],
      'bbc-2024': ["Nato says North Korean troops deployed to Russia's Kursk region", 'en'],
      'ft-2024': ['Ukraine says it has attacked North Korean troops in Kursk', 'en'],
      'wertz-oh-kim-2016': ['DPRK Diplomatic Relations', 'en'],
    });
  });

  it('give a URL only where one was seen', () => {
    const urls = Object.fromEntries(
      Object.entries({ ...doc.references, ...doc.bibliography }).flatMap(([id, r]) =>
        r.url === undefined ? [] : [[id, r.url]],
      ),
    );
    expect(urls).toEqual({
      'time-2018': 'https://time.com/5128398/the-missile-factory/',
      'nknews-2017':
        'https://www.nknews.org/2017/10/north-korean-atlas-shows-crimea-as-part-of-russia/',
      'rferl-2022': 'https://www.rferl.org/a/ukraine-north-korea-separatists/31942138.html',
      'kyivindependent-2024': 'https://kyivindependent.com/north-korea-preparing-10-000-soldiers/',
    });
    for (const r of Object.values({ ...doc.references, ...doc.bibliography })) {
      expect(r.archiveUrl).toBeUndefined();
    }
  });

  it('name the authors the corrected sources give', () => {
    const authors = (id: string) =>
      (doc.references[id] ?? doc.bibliography[id])?.authors?.map((p) =>
        [p.given, p.family].join(' '),
      );
    expect(authors('cnn-2024')).toEqual(['Isaac Yee', 'Victoria Butenko', 'Niamh Kennedy']);
    expect(authors('kyivindependent-2024')).toEqual(['Kateryna Denisova']);
    expect(authors('bbc-2024')).toEqual(['Matt Murphy']);
    expect(authors('ft-2024')).toEqual(['Christopher Miller', 'Max Seddon']);
    expect(authors('newsweek-2024')).toEqual(['Brendan Cole']);
    expect(authors('reuters-2025')).toEqual(['Heekyong Yang', 'Josh Smith']);
    expect(authors('wertz-oh-kim-2016')).toEqual(['Daniel Wertz', 'JJ Oh', 'Insung Kim']);
  });

  it('give every work its own name with the language it is written in', () => {
    for (const [id, w] of Object.entries(corpus.works)) expect(w.name, id).toBeDefined();
    const name = (id: string) => corpus.works[id]?.name;
    expect(name('cyol')).toEqual({ text: '中青在线', lang: 'zh-Hans' });
    expect(name('wyzxwk')).toEqual({ text: '乌有之乡', lang: 'zh-Hans' });
    expect(name('radio-svoboda')).toEqual({ text: 'Радіо Свобода', lang: 'uk' });
    expect(name('meduza-tass')?.text).toBe('Meduza / TASS');
  });
});

describe('titleStatusOf', () => {
  it('derives the status for a corpus that predates titleStatus', () => {
    expect(titleStatusOf({ kind: 'web', lang: 'en' })).toBe('unverified');
    expect(
      titleStatusOf({ kind: 'web', lang: 'en', originalTitle: { text: 'T', lang: 'en' } }),
    ).toBe('original');
    expect(titleStatusOf({ kind: 'short', lang: 'en', cites: 'x', pages: ['1'] })).toBeUndefined();
  });
  it('prefers the declared status', () => {
    expect(titleStatusOf({ kind: 'news', lang: 'en', titleStatus: 'unverified' })).toBe(
      'unverified',
    );
  });
});

describe('referenceSource', () => {
  it('gives an original title with its language, and the work with its own name', () => {
    expect(referenceSource(corpus, DOC, 'svoboda-2022')).toEqual({
      id: 'svoboda-2022',
      kind: 'news',
      lang: 'uk',
      title: {
        status: 'original',
        text: 'Україна розриває дипломатичні відносини з КНДР – Ніколенко',
        lang: 'uk',
      },
      authors: [],
      editors: [],
      work: { id: 'radio-svoboda', name: { text: 'Радіо Свобода', lang: 'uk' } },
      published: '2022-07-13',
    });
  });

  it('says when a title is unverified, and keeps the URL and dates', () => {
    const s = referenceSource(corpus, DOC, 'rferl-2022');
    expect(s?.title).toEqual({ status: 'unverified' });
    expect(s?.url).toBe('https://www.rferl.org/a/ukraine-north-korea-separatists/31942138.html');
    const cyol = referenceSource(corpus, DOC, 'cyol-2017');
    expect([cyol?.published, cyol?.archived, cyol?.accessed]).toEqual([
      '2017-10-13',
      '2022-09-28',
      '2023-07-10',
    ]);
  });

  it('resolves a short citation to the bibliography entry it cites, with its pages', () => {
    const s = referenceSource(corpus, DOC, 'wertz-p7-12');
    expect(s?.id).toBe('wertz-oh-kim-2016');
    expect(s?.pages).toEqual(['7', '12']);
    expect(s?.title).toEqual({ status: 'original', text: 'DPRK Diplomatic Relations', lang: 'en' });
    expect(s?.format).toBe('pdf');
    expect(referenceSource(corpus, DOC, 'wertz-oh-kim-2016')?.pages).toBeUndefined();
  });

  it('is undefined for what does not exist, inherited names included', () => {
    expect(referenceSource(corpus, DOC, 'ghost-2020')).toBeUndefined();
    expect(referenceSource(corpus, 'no-such-document', 'mfa-2022')).toBeUndefined();
    expect(referenceSource(corpus, DOC, 'constructor')).toBeUndefined();
    expect(referenceSource(corpus, '__proto__', 'mfa-2022')).toBeUndefined();
    const dangling = broken((d) => (d.references['wertz-p7-9'].cites = 'missing-book'));
    expect(referenceSource(dangling, DOC, 'wertz-p7-9')).toBeUndefined();
  });

  it('reads a status-less corpus by its originalTitle', () => {
    const legacy = withRef('nknews-2017', { titleStatus: undefined });
    expect(referenceSource(legacy, DOC, 'nknews-2017')?.title.status).toBe('original');
    const legacyUnverified = withRef('ap-2024', { titleStatus: undefined });
    expect(referenceSource(legacyUnverified, DOC, 'ap-2024')?.title).toEqual({
      status: 'unverified',
    });
  });
});

describe('languageTagProblem', () => {
  it.each(['en', 'uk', 'ru', 'zh-Hans', 'zh-Hant-TW', 'yue'])('accepts %s', (tag) =>
    expect(languageTagProblem(tag)).toBeUndefined(),
  );
  it.each([
    ['en_US', /is not a BCP 47 language tag/],
    ['', /is not a BCP 47 language tag/],
    ['zh-hans', /not in canonical form: write "zh-Hans"/],
    ['EN', /not in canonical form: write "en"/],
    ['english', /names no known language/],
    ['und', /names no known language/],
  ])('rejects %j', (tag, message) => expect(languageTagProblem(tag)).toMatch(message));
});

describe('sourceUrlProblem', () => {
  it.each([
    'https://time.com/5128398/the-missile-factory/',
    'https://web.archive.org/web/20220928000000/http://example.com/a',
  ])('accepts %s', (url) => expect(sourceUrlProblem(url)).toBeUndefined());
  it.each([
    ['http://time.com/5128398/', /is not an https URL/],
    ['/5128398/the-missile-factory/', /is not an absolute URL/],
    ['time.com/5128398/', /is not an absolute URL/],
    ['javascript:alert(1)', /is not an https URL/],
    ['https:time.com/x', /is not written in full/],
    ['https://time.com/the missile factory/', /contains whitespace/],
    ['https://user:secret@time.com/', /user name or password/],
    ['https://localhost/a', /no public host name/],
  ])('rejects %s', (url, message) => expect(sourceUrlProblem(url)).toMatch(message));
});

describe('validateCorpus checks the source data of references', () => {
  it('passes the real corpus', () => {
    expect(problemsOf(corpus)).toEqual([]);
  });

  it('requires absolute https URLs', () => {
    expect(problemsOf(withRef('ap-2024', { url: 'http://apnews.com/x' }))).toEqual([
      {
        path: `${BASE}.references.ap-2024.url`,
        message: '"http://apnews.com/x" is not an https URL: use https://',
      },
    ]);
    expect(problemsOf(withRef('ap-2024', { url: 'apnews.com/x' }))).toEqual([
      {
        path: `${BASE}.references.ap-2024.url`,
        message: expect.stringMatching(/is not an absolute URL/),
      },
    ]);
    expect(problemsOf(withRef('ap-2024', { url: 'https://apnews.com/x' }))).toEqual([]);
  });

  it('checks archive URLs, and wants the archive date with them', () => {
    expect(
      problemsOf(withRef('cyol-2017', { archiveUrl: 'ftp://archive.example/x' })).map(
        (p) => p.path,
      ),
    ).toEqual([`${BASE}.references.cyol-2017.archiveUrl`]);
    expect(
      problemsOf(withRef('ap-2024', { archiveUrl: 'https://web.archive.org/web/2024/x' })),
    ).toEqual([
      {
        path: `${BASE}.references.ap-2024.archived`,
        message:
          'an archived copy (archiveUrl) needs the date it was archived: add archived (YYYY-MM-DD)',
      },
    ]);
    expect(
      problemsOf(
        withRef('time-2018', {
          archiveUrl: 'https://time.com/5128398/the-missile-factory/',
          archived: '2018-02-02',
        }),
      ).map((p) => p.message),
    ).toEqual([
      'archiveUrl is the same address as url: give the archived copy',
      '"https://time.com/5128398/the-missile-factory/" is also the address in references.time-2018.url',
    ]);
    expect(
      problemsOf(withRef('cyol-2017', { archiveUrl: 'https://web.archive.org/web/20220928/x' })),
    ).toEqual([]);
  });

  it('reports the same address given for two references', () => {
    const url = 'https://time.com/5128398/the-missile-factory/';
    expect(problemsOf(withRef('ap-2024', { url }))).toEqual([
      {
        path: `${BASE}.references.ap-2024.url`,
        message: `"${url}" is also the address in references.time-2018.url`,
      },
    ]);
    expect(problemsOf(withRef('ap-2024', { url: `${url}?page=2` }))).toEqual([]);
  });

  it('requires every non-short reference to declare its title status', () => {
    expect(problemsOf(withRef('ap-2024', { titleStatus: undefined }))).toEqual([
      {
        path: `${BASE}.references.ap-2024.titleStatus`,
        message: expect.stringMatching(/does not say whether its original title is known/),
      },
    ]);
    expect(problemsOf(withRef('ap-2024', { titleStatus: 'probably' }))).toEqual([
      {
        path: `${BASE}.references.ap-2024.titleStatus`,
        message: '"probably" is not a title status: use "original" or "unverified"',
      },
    ]);
  });

  it('keeps originalTitle and titleStatus in agreement', () => {
    const title = { text: 'Ukrainian forces shelling North Korean troops', lang: 'en' };
    expect(problemsOf(withRef('ap-2024', { originalTitle: title }))).toEqual([
      {
        path: `${BASE}.references.ap-2024.originalTitle`,
        message: expect.stringMatching(/^an unverified title has no originalTitle/),
      },
    ]);
    expect(problemsOf(withRef('ft-2024', { originalTitle: undefined }))).toEqual([
      {
        path: `${BASE}.references.ft-2024.originalTitle`,
        message: expect.stringMatching(/^titleStatus is "original" but there is no originalTitle/),
      },
    ]);
    expect(
      problemsOf(withRef('ap-2024', { titleStatus: 'original', originalTitle: title })),
    ).toEqual([]);
  });

  it('gives a short citation no title or address of its own', () => {
    const problems = problemsOf(
      withRef('wertz-p7-9', { titleStatus: 'original', url: 'https://www.ncnk.org/x.pdf' }),
    );
    expect(problems.map((p) => p.path)).toEqual([
      `${BASE}.references.wertz-p7-9.titleStatus`,
      `${BASE}.references.wertz-p7-9.url`,
    ]);
    expect(problems[0]?.message).toBe(
      'a short citation has no titleStatus of its own: it belongs to the bibliography entry "wertz-oh-kim-2016"',
    );
  });

  it('requires a usable language tag on the original title, in the language of the source', () => {
    const svoboda = doc.references['svoboda-2022']!;
    const title = (lang: string) => ({ originalTitle: { ...svoboda.originalTitle, lang } });
    expect(problemsOf(withRef('svoboda-2022', title('uk_UA')))).toEqual([
      {
        path: `${BASE}.references.svoboda-2022.originalTitle.lang`,
        message: expect.stringMatching(/"uk_UA" is not a BCP 47 language tag/),
      },
    ]);
    expect(problemsOf(withRef('svoboda-2022', title('UK'))).map((p) => p.message)).toEqual([
      '"UK" is not in canonical form: write "uk"',
    ]);
    expect(problemsOf(withRef('svoboda-2022', title('english'))).map((p) => p.message)).toEqual([
      expect.stringMatching(/"english" names no known language/),
    ]);
    expect(problemsOf(withRef('svoboda-2022', title('ru')))).toEqual([
      {
        path: `${BASE}.references.svoboda-2022.originalTitle.lang`,
        message: expect.stringMatching(
          /^the original title is tagged "ru" but the source is in "uk"/,
        ),
      },
    ]);
    // A script or region on either side is fine: the language is the same.
    expect(problemsOf(withRef('svoboda-2022', title('uk-Cyrl-UA')))).toEqual([]);
  });

  it('applies the same language tag check to the source language', () => {
    expect(problemsOf(withRef('ap-2024', { lang: 'en-us' }))).toEqual([
      {
        path: `${BASE}.references.ap-2024.lang`,
        message: '"en-us" is not in canonical form: write "en-US"',
      },
    ]);
    expect(problemsOf(withRef('ap-2024', { lang: 'en-US' }))).toEqual([]);
  });

  it('stores titles without outer quotation marks and without stray spaces', () => {
    const meduza = doc.references['meduza-2022']!.originalTitle!;
    const title = (text: string) => ({ originalTitle: { ...meduza, text } });
    expect(problemsOf(withRef('meduza-2022', title(`«${meduza.text}»`)))).toEqual([
      {
        path: `${BASE}.references.meduza-2022.originalTitle.text`,
        message:
          'the original title is wrapped in «…»: store it without the outer quotation marks (each locale quotes titles its own way)',
      },
    ]);
    expect(problemsOf(withRef('meduza-2022', title(`“${meduza.text}”`))).length).toBe(1);
    expect(
      problemsOf(withRef('meduza-2022', title(`${meduza.text} `))).map((p) => p.message),
    ).toEqual([expect.stringMatching(/has leading or trailing whitespace$/)]);
    expect(problemsOf(withRef('meduza-2022', title('  '))).map((p) => p.message)).toEqual([
      'the original title is empty',
    ]);
    // Quotation marks that open and close inside the title are part of it.
    expect(problemsOf(withRef('meduza-2022', title('«ДНР» и «ЛНР»')))).toEqual([]);
  });

  it('never dates an archived copy or a reading before the publication', () => {
    expect(problemsOf(withRef('cyol-2017', { archived: '2017-10-12' }))).toEqual([
      {
        path: `${BASE}.references.cyol-2017.archived`,
        message:
          'archived "2017-10-12" is before the publication date "2017-10-13": a source cannot be archived before it was published',
      },
    ]);
    expect(problemsOf(withRef('cnn-2024', { accessed: '2024-09' }))).toEqual([
      {
        path: `${BASE}.references.cnn-2024.accessed`,
        message:
          'accessed "2024-09" is before the publication date "2024-10-19": a source cannot be read before it was published',
      },
    ]);
    // Same day, and coarser dates that cannot be ordered, pass.
    expect(problemsOf(withRef('cyol-2017', { archived: '2017-10-13' }))).toEqual([]);
    expect(problemsOf(withRef('cnn-2024', { accessed: '2024-10' }))).toEqual([]);
    expect(problemsOf(withRef('cnn-2024', { published: '2024', accessed: '2024-01-01' }))).toEqual(
      [],
    );
  });

  it('requires authors and editors to have names', () => {
    expect(
      problemsOf(
        withRef('ft-2024', { authors: [{ family: ' ' }, { family: 'Seddon', given: '' }] }),
      ),
    ).toEqual([
      { path: `${BASE}.references.ft-2024.authors[0].family`, message: 'family name is empty' },
      {
        path: `${BASE}.references.ft-2024.authors[1].given`,
        message: 'given name is empty: leave it out instead',
      },
    ]);
    expect(problemsOf(withRef('ft-2024', { authors: [{ family: 'Seddon' }] }))).toEqual([]);
  });

  it("checks each work's own name and its language", () => {
    const withWork = (name: unknown) =>
      ({ ...corpus, works: { ...corpus.works, cyol: { name } } }) as Corpus;
    expect(problemsOf(withWork({ text: '中青在线', lang: 'zh-hans' }))).toEqual([
      {
        path: 'works.cyol.name.lang',
        message: '"zh-hans" is not in canonical form: write "zh-Hans"',
      },
    ]);
    expect(problemsOf(withWork({ text: '', lang: 'zh-Hans' }))).toEqual([
      { path: 'works.cyol.name.text', message: 'name is empty' },
    ]);
    expect(problemsOf(withWork({ text: '中青在线', lang: 'zh' }))).toEqual([]);
  });
});
