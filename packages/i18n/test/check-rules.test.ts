import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/check.js';
import type { Finding } from '../src/model/finding.js';
import { ConfigError } from '../src/model/errors.js';
import { acceptKeys } from '../src/ops/accept.js';
import { copyFixture, project, read, replaceIn, write } from './support.js';

/**
 * Every rule against the `mini` fixture (en source, uk and ja targets, a small core): the
 * fixture is clean, and for each rule there are edits that trip it and edits that must not.
 */

type Edit =
  | { readonly file: string; readonly from: string; readonly to: string }
  | { readonly file: string; readonly bytes: Buffer }
  | { readonly file: string; readonly remove: true }
  | { readonly config: (c: Record<string, unknown>) => void };

async function run(
  edits: readonly Edit[],
  rules?: string[],
): Promise<{ findings: Finding[]; dir: string }> {
  const dir = copyFixture('mini');
  for (const e of edits) {
    if ('config' in e) {
      const c = JSON.parse(read(dir, 'bilateral.config.json')) as Record<string, unknown>;
      e.config(c);
      write(dir, 'bilateral.config.json', JSON.stringify(c));
    } else if ('bytes' in e) writeFileSync(path.join(dir, e.file), e.bytes);
    else if ('remove' in e) rmSync(path.join(dir, e.file));
    else replaceIn(dir, e.file, e.from, e.to);
  }
  return { findings: check(await project(dir), rules === undefined ? {} : { rules }), dir };
}

const of = (findings: readonly Finding[], rule: string) => findings.filter((f) => f.rule === rule);

describe('the mini fixture', () => {
  it('is clean', async () => {
    const { findings } = await run([]);
    expect(findings).toEqual([]);
  });
});

describe('syntax', () => {
  it('reports malformed JSON at the exact line and column, and keeps checking the other files', async () => {
    const { findings } = await run([
      { file: 'locales/uk/ui.json', from: '"Зміст",', to: '"Зміст"' },
      { file: 'locales/ja/ui.json', from: '    "contents": "目次",\n', to: '' },
    ]);
    const s = of(findings, 'syntax');
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({
      severity: 'error',
      locale: 'uk',
      file: 'locales/uk/ui.json',
      line: 3,
      column: 24,
      key: 'nav.contents',
    });
    expect(s[0]?.message).toContain('comma');
    // ja/ui.json is still checked although uk/ui.json is broken.
    expect(of(findings, 'missing').map((f) => `${f.locale}:${f.key}`)).toEqual(['ja:nav.contents']);
  });

  it('reports duplicate keys that JSON.parse would hide', async () => {
    const { findings } = await run([
      {
        file: 'locales/uk/ui.json',
        from: '"contents": "Зміст",',
        to: '"contents": "Зміст", "contents": "Зміст2",',
      },
    ]);
    expect(of(findings, 'syntax')).toMatchObject([
      { key: 'nav.contents', line: 3, column: 26, message: expect.stringContaining('duplicate') },
    ]);
  });

  it('reports values of the wrong type', async () => {
    const { findings } = await run([
      { file: 'locales/uk/ui.json', from: '"contents": "Зміст"', to: '"contents": 42' },
    ]);
    expect(of(findings, 'syntax')).toMatchObject([
      { key: 'nav.contents', message: expect.stringContaining('a number') },
    ]);
  });

  it('reports a BOM and invalid UTF-8', async () => {
    const dir = copyFixture('mini');
    const ui = readFileSync(path.join(dir, 'locales/uk/ui.json'));
    const bad = Buffer.from(read(dir, 'locales/ja/ui.json').replace('目次', 'XX'));
    bad[bad.indexOf('XX')] = 0xff;
    const { findings } = await run([
      { file: 'locales/uk/ui.json', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), ui]) },
      { file: 'locales/ja/ui.json', bytes: bad },
    ]);
    const s = of(findings, 'syntax');
    expect(s.map((f) => [f.file, f.line])).toEqual([
      ['locales/ja/ui.json', 3],
      ['locales/uk/ui.json', 1],
    ]);
    expect(s[0]?.message).toContain('UTF-8');
    expect(s[1]?.message).toContain('byte-order mark');
  });

  it('reports comments (not JSON)', async () => {
    const { findings } = await run([
      { file: 'locales/uk/ui.json', from: '  "nav": {', to: '  // nav\n  "nav": {' },
    ]);
    expect(of(findings, 'syntax')).toMatchObject([
      { line: 2, message: expect.stringContaining('comments') },
    ]);
  });
});

describe('missing', () => {
  it('reports a key the source has and a target lacks, near where it belongs', async () => {
    const { findings } = await run([
      { file: 'locales/uk/demo.json', from: '      "title": "Війна",\n', to: '' },
    ]);
    expect(of(findings, 'missing')).toMatchObject([
      { severity: 'error', locale: 'uk', key: 'sections.war.title', line: 14 },
    ]);
  });

  it('reports a text the core declares even when the source lacks it', async () => {
    const { findings } = await run([
      { file: 'locales/en/demo.json', from: '"e1": "Relations established"', to: '"e0": "x"' },
    ]);
    const m = of(findings, 'missing');
    expect(m.map((f) => `${f.locale}:${f.key}`)).toContain('en:events.e1');
    expect(m.find((f) => f.locale === 'en')?.message).toContain('event e1');
  });

  it('reports a missing namespace file', async () => {
    const { findings } = await run([{ file: 'locales/ja/terms.json', remove: true }]);
    expect(of(findings, 'missing')).toMatchObject([
      { file: 'locales/ja/terms.json', key: '', line: 1 },
    ]);
  });

  it('does not report keys exempted with a reason (per-language entity forms)', async () => {
    const { findings } = await run(
      [
        {
          file: 'locales/en/terms.json',
          from: '"label": "Kyiv" }',
          to: '"label": "Kyiv", "forms": "Kyiv\'s" }',
        },
      ],
      ['missing'],
    );
    expect(findings).toEqual([]);
  });
});

describe('obsolete', () => {
  it('reports a key the source does not have', async () => {
    const { findings } = await run([
      {
        file: 'locales/uk/ui.json',
        from: '"contents": "Зміст",',
        to: '"contents": "Зміст",\n    "extra": "x",',
      },
    ]);
    expect(of(findings, 'obsolete')).toMatchObject([
      { severity: 'warning', key: 'nav.extra', line: 4 },
    ]);
  });

  it('reports a paragraph the core does not declare, even in the source', async () => {
    const { findings } = await run(
      [
        {
          file: 'locales/en/demo.json',
          from: '"title": "War",',
          to: '"title": "War",\n      "p9": "Extra.",',
        },
      ],
      ['obsolete'],
    );
    expect(findings).toMatchObject([
      {
        locale: 'en',
        key: 'sections.war.p9',
        message: expect.stringContaining('the core declares no'),
      },
    ]);
  });

  it('passes exempted per-language keys', async () => {
    const { findings } = await run([], ['obsolete']);
    expect(findings).toEqual([]); // uk has entities.*.forms that en does not
  });
});

describe('empty', () => {
  it('reports an empty text', async () => {
    const { findings } = await run([{ file: 'locales/uk/ui.json', from: '"Зміст"', to: '"  "' }]);
    expect(of(findings, 'empty')).toMatchObject([
      { severity: 'error', key: 'nav.contents', locale: 'uk' },
    ]);
  });

  it('does not report a target that is empty where the source is empty too', async () => {
    const { findings } = await run(
      [
        { file: 'locales/en/ui.json', from: '"Contents"', to: '""' },
        { file: 'locales/uk/ui.json', from: '"Зміст"', to: '""' },
      ],
      ['empty'],
    );
    expect(findings.map((f) => f.locale)).toEqual(['en']);
  });
});

describe('plurals', () => {
  it('reports a missing CLDR form (Ukrainian _few)', async () => {
    const { findings } = await run([
      { file: 'locales/uk/ui.json', from: '    "pages_few": "с. {{pages}}",\n', to: '' },
    ]);
    expect(of(findings, 'plurals')).toMatchObject([
      { key: 'citation.pages_few', locale: 'uk', message: expect.stringContaining('2, 3, 4') },
    ]);
  });

  it('reports a suffix the language does not have (English _few)', async () => {
    const { findings } = await run([
      {
        file: 'locales/en/ui.json',
        from: '"pages_one": "p. {{pages}}",',
        to: '"pages_one": "p. {{pages}}",\n    "pages_few": "pp. {{pages}}",',
      },
    ]);
    expect(of(findings, 'plurals')).toMatchObject([
      { key: 'citation.pages_few', locale: 'en', line: 9 },
    ]);
  });

  it('accepts the optional i18next _zero form and Japanese with only _other', async () => {
    const { findings } = await run([
      {
        file: 'locales/en/ui.json',
        from: '"pages_one": "p. {{pages}}",',
        to: '"pages_zero": "no pages",\n    "pages_one": "p. {{pages}}",',
      },
    ]);
    expect(findings).toEqual([]);
  });
});

describe('placeholders', () => {
  it('reports a renamed interpolation (missing and unknown, with a suggestion)', async () => {
    const { findings } = await run([
      { file: 'locales/uk/ui.json', from: 'Привіт, {{name}}!', to: 'Привіт, {{nme}}!' },
    ]);
    const p = of(findings, 'placeholders');
    expect(p.map((f) => f.message)).toEqual([
      expect.stringContaining('missing {{name}}'),
      expect.stringContaining('did you mean {{name}}'),
    ]);
    expect(p[1]).toMatchObject({ key: 'nav.greeting', line: 4, column: 26 });
  });

  it('reports nesting to a key that does not exist, and nesting cycles', async () => {
    const { findings } = await run([
      { file: 'locales/uk/ui.json', from: '$t(nav.contents)', to: '$t(nav.contentz)' },
      { file: 'locales/ja/ui.json', from: '"contents": "目次"', to: '"contents": "$t(nav.more)"' },
    ]);
    const p = of(findings, 'placeholders').filter((f) => f.severity === 'error');
    expect(p.map((f) => `${f.locale}:${f.key}`).sort()).toEqual(['ja:nav.more', 'uk:nav.more']);
    expect(p.find((f) => f.locale === 'ja')?.message).toContain('cycle');
  });

  it('reports an unescaped interpolation where the source escapes', async () => {
    const { findings } = await run([
      { file: 'locales/uk/ui.json', from: 'Привіт, {{name}}!', to: 'Привіт, {{- name}}!' },
    ]);
    expect(of(findings, 'placeholders')).toMatchObject([
      { message: expect.stringContaining('without HTML escaping') },
    ]);
  });

  it('accepts other format options and a plural form without {{count}}', async () => {
    const { findings } = await run([
      { file: 'locales/uk/ui.json', from: 'Привіт, {{name}}!', to: 'Привіт, {{name, lowercase}}!' },
      { file: 'locales/uk/terms.json', from: '"{{count, number}} солдат"', to: '"один солдат"' },
    ]);
    expect(findings).toEqual([]);
  });
});

describe('facts', () => {
  it('reports a format that does not fit the fact', async () => {
    const { findings } = await run([
      { file: 'locales/ja/demo.json', from: '{{founded, date}}', to: '{{founded, number}}' },
    ]);
    expect(of(findings, 'facts')).toMatchObject([
      {
        locale: 'ja',
        key: 'sections.lead.p1',
        line: 11,
        column: 24,
        message: expect.stringContaining('does not fit a date'),
      },
    ]);
  });

  it('reports a missing fact, a fact of another paragraph and an unknown fact', async () => {
    const { findings } = await run([
      {
        file: 'locales/uk/demo.json',
        from: '{{exports, money(currencyDisplay: name)}}',
        to: 'чимало',
      },
      {
        file: 'locales/uk/demo.json',
        from: 'було направлено',
        to: 'за {{exports, money}} було направлено',
      },
      { file: 'locales/uk/demo.json', from: '{{founded, date}}', to: '{{founde, date}}' },
    ]);
    expect(of(findings, 'facts').map((f) => `${f.key}: ${f.message}`)).toEqual([
      expect.stringMatching(/^sections.lead.p1: missing fact \{\{founded, date\}\}/),
      expect.stringMatching(
        /^sections.lead.p1: \{\{founde\}\} is not a fact .*did you mean \{\{founded\}\}/,
      ),
      expect.stringMatching(
        /^sections.war.p1: \{\{exports\}\} is a fact of demo, but the core does not declare it/,
      ),
      expect.stringMatching(/^sections.war.p2: missing fact \{\{exports, money\}\}/),
    ]);
  });

  it('accepts format options and a fact used twice', async () => {
    const { findings } = await run([
      {
        file: 'locales/uk/demo.json',
        from: 'Відносини з Україною розпочалися {{founded, date}}',
        to: 'Відносини ({{founded, date}}) з Україною розпочалися {{founded, date(monthForm: genitive)}}',
      },
    ]);
    expect(findings).toEqual([]);
  });
});

describe('literal-facts', () => {
  it('reports a number typed out, in the locale format, naming the fact it looks like', async () => {
    const { findings } = await run([
      { file: 'locales/uk/demo.json', from: '{{troops, quantity}}', to: '1 500 солдатів' },
    ]);
    expect(of(findings, 'literal-facts')).toMatchObject([
      {
        key: 'sections.war.p1',
        locale: 'uk',
        message: expect.stringContaining('"1 500"'),
        hint: expect.stringContaining('{{troops, quantity}}'),
      },
    ]);
  });

  it('recognises CJK dates and counters', async () => {
    const { findings } = await run([
      { file: 'locales/ja/demo.json', from: '"関係樹立"', to: '"1992年1月9日に関係樹立"' },
      { file: 'locales/ja/demo.json', from: '約{{troops, quantity}}', to: '約1500人' },
    ]);
    expect(of(findings, 'literal-facts').map((f) => f.message)).toEqual([
      expect.stringContaining('"1500"'),
      expect.stringContaining(
        '"1992年1月9日" is typed into the text: numbers, dates and amounts come from the core (this looks like the fact founded)',
      ),
    ]);
  });

  it('does not report codes glued to Latin letters, nor exempted reference titles', async () => {
    const { findings } = await run(
      [
        {
          file: 'locales/en/demo.json',
          from: '"Relations established"',
          to: '"Relations established at the G7 (CS1, MH17)"',
        },
      ],
      ['literal-facts'],
    );
    expect(findings).toEqual([]); // references.r1 holds "10,000" and is exempted in the config
  });
});

describe('citations', () => {
  it('reports a dropped, an unknown and a repeated citation', async () => {
    const { findings } = await run([
      {
        file: 'locales/uk/demo.json',
        from: '<ref id=\\"r2\\"/><ref id=\\"r1\\"/>',
        to: '<ref id=\\"r1\\"/><ref id=\\"r1\\"/>',
      },
      { file: 'locales/ja/demo.json', from: '<ref id=\\"r2\\"/>"', to: '<ref id=\\"r3\\"/>"' },
    ]);
    expect(of(findings, 'citations').map((f) => `${f.locale} ${f.key}: ${f.message}`)).toEqual([
      expect.stringMatching(/^ja sections.war.p2: missing citation <ref id="r2"\/>/),
      expect.stringMatching(/^ja sections.war.p2: <ref id="r3"\/>: demo has no reference "r3"/),
      expect.stringMatching(/^uk sections.war.p1: missing citation <ref id="r2"\/>/),
      expect.stringMatching(/^uk sections.war.p1: <ref id="r1"\/> appears 2 times/),
    ]);
  });

  it('accepts citations in another order', async () => {
    // uk's war.p1 cites r2 before r1; the core declares r1, r2.
    const { findings } = await run([], ['citations']);
    expect(findings).toEqual([]);
  });
});

describe('dubious', () => {
  it('reports a removed and an added marker', async () => {
    const { findings } = await run([
      { file: 'locales/ja/demo.json', from: '<dubious/>', to: '' },
      {
        file: 'locales/uk/demo.json',
        from: '{{founded, date}}<ref',
        to: '{{founded, date}}<dubious/><ref',
      },
    ]);
    expect(of(findings, 'dubious').map((f) => `${f.locale} ${f.key}`)).toEqual([
      'ja sections.war.p1',
      'uk sections.lead.p1',
    ]);
  });
});

describe('markup', () => {
  it('reports script-capable markup as an error that configuration cannot lower', async () => {
    const { findings } = await run([
      { config: (c) => void ((c['rules'] as Record<string, unknown>)['markup'] = 'warning') },
      { file: 'locales/uk/demo.json', from: '"Війна"', to: '"Війна <img src=x onerror=alert(1)>"' },
      {
        file: 'locales/ja/ui.json',
        from: '"目次"',
        to: '"<a href=\\"javascript:alert(1)\\">目次</a>"',
      },
      { file: 'locales/uk/ui.json', from: '"Зміст"', to: '"Зміст<script>alert(1)</script>"' },
    ]);
    const m = of(findings, 'markup').filter((f) => f.severity === 'error');
    expect(m.map((f) => `${f.locale} ${f.key} ${f.line}:${f.column}`)).toEqual([
      'ja nav.contents 3:18',
      'uk sections.war.title 14:23',
      'uk nav.contents 3:23',
    ]);
    expect(m[1]?.message).toContain('onerror');
    expect(m[0]?.message).toContain('script URL');
  });

  it('warns when the tags differ from the source', async () => {
    const { findings } = await run([
      { file: 'locales/uk/ui.json', from: '"<i>{{title}}</i>"', to: '"{{title}}"' },
    ]);
    expect(of(findings, 'markup')).toMatchObject([
      { severity: 'warning', key: 'citation.title', message: expect.stringContaining('<i>') },
    ]);
  });

  it('accepts tags allowed in the config', async () => {
    const { findings } = await run([
      {
        config: (c) =>
          void ((c['rules'] as Record<string, unknown>)['markup'] = { allowTags: { mark: [] } }),
      },
      { file: 'locales/en/ui.json', from: '"Contents"', to: '"<mark>Contents</mark>"' },
      { file: 'locales/uk/ui.json', from: '"Зміст"', to: '"<mark>Зміст</mark>"' },
      { file: 'locales/ja/ui.json', from: '"目次"', to: '"<mark>目次</mark>"' },
    ]);
    expect(findings).toEqual([]);
  });
});

describe('untranslated', () => {
  it('reports a text identical to the source', async () => {
    const { findings } = await run([
      { file: 'locales/uk/ui.json', from: '"Зміст"', to: '"Contents"' },
    ]);
    expect(of(findings, 'untranslated')).toMatchObject([
      { severity: 'warning', key: 'nav.contents', locale: 'uk' },
    ]);
  });

  it('accepts codes, texts without letters and allowlisted proper nouns', async () => {
    const { findings } = await run(
      [
        { file: 'locales/en/ui.json', from: '"Contents"', to: '"(PDF)"' },
        { file: 'locales/uk/ui.json', from: '"Зміст"', to: '"(PDF)"' },
      ],
      ['untranslated'],
    );
    expect(findings).toEqual([]); // works.reuters "Reuters" is in rules.untranslated.allow
  });
});

describe('stale', () => {
  async function accepted(extra: readonly Edit[]) {
    const dir = copyFixture('mini');
    const p = await project(dir);
    for (const l of ['uk', 'ja']) {
      const r = acceptKeys(p, l);
      writeFileSync(r.path, r.text);
    }
    for (const e of extra) if ('from' in e) replaceIn(dir, e.file, e.from, e.to);
    return check(await project(dir), { rules: ['stale'] });
  }

  it('reports translations whose source prose changed since they were accepted', async () => {
    const findings = await accepted([
      {
        file: 'locales/en/demo.json',
        from: 'Relations with Ukraine began',
        to: 'Diplomatic relations with Ukraine began',
      },
    ]);
    expect(findings.map((f) => `${f.severity} ${f.file}:${f.line} ${f.key}`)).toEqual([
      'error locales/ja/demo.json:11 sections.lead.p1',
      'error locales/uk/demo.json:11 sections.lead.p1',
    ]);
    expect(findings[0]?.message).toContain('locales/en/demo.json:11');
  });

  it("does not report a change of a fact's value, of format options or of spacing", async () => {
    const findings = await accepted([
      { file: 'core.mjs', from: 'value: 1500', to: 'value: 2000' },
      {
        file: 'locales/en/demo.json',
        from: 'began on {{founded, date}}.',
        to: 'began on  {{ founded , date(monthForm: genitive) }}.',
      },
    ]);
    expect(findings).toEqual([]);
  });

  it('notes keys not accepted yet (info)', async () => {
    const dir = copyFixture('mini');
    write(
      dir,
      'locales/uk/.bilateral-lock.json',
      JSON.stringify({ version: 1, sourceLocale: 'en', keys: {} }),
    );
    const findings = check(await project(dir), { rules: ['stale'] });
    expect(findings.length).toBeGreaterThan(10);
    expect(new Set(findings.map((f) => f.severity))).toEqual(new Set(['info']));
  });
});

describe('terminology', () => {
  it('reports an entity the paragraph does not name', async () => {
    const { findings } = await run([
      { file: 'locales/uk/demo.json', from: 'до Києва', to: 'до столиці' },
    ]);
    expect(of(findings, 'terminology')).toMatchObject([
      { key: 'sections.war.p1', locale: 'uk', message: expect.stringContaining('kyiv') },
    ]);
  });

  it('accepts a listed inflected form, any letter case, and a nested label', async () => {
    const { findings } = await run([
      { file: 'locales/uk/demo.json', from: 'до Києва', to: 'у КИЄВІ' },
      {
        file: 'locales/ja/demo.json',
        from: 'キーウに向けて',
        to: '$t(terms:entities.kyiv.label)に向けて',
      },
    ]);
    expect(of(findings, 'terminology')).toEqual([]);
  });
});

describe('whitespace', () => {
  it('reports leading, trailing and doubled spaces', async () => {
    const { findings } = await run([
      { file: 'locales/uk/demo.json', from: '"Війна"', to: '" Війна "' },
      { file: 'locales/uk/ui.json', from: 'Див. також', to: 'Див.  також' },
    ]);
    expect(of(findings, 'whitespace').map((f) => `${f.key}@${f.column}: ${f.message}`)).toEqual([
      'sections.war.title@17: the text starts with a space',
      'sections.war.title@23: the text ends with a space',
      'nav.more@18: doubled space',
    ]);
  });

  it('accepts a trailing space the source has too', async () => {
    const { findings } = await run(
      [
        { file: 'locales/en/demo.json', from: '"War"', to: '"War "' },
        { file: 'locales/uk/demo.json', from: '"Війна"', to: '"Війна "' },
      ],
      ['whitespace'],
    );
    expect(findings.map((f) => f.locale)).toEqual(['en']);
  });
});

describe('punctuation', () => {
  it('reports an ending that disagrees with the source', async () => {
    const { findings } = await run([
      { file: 'locales/uk/demo.json', from: '"Війна"', to: '"Війна."' },
      { file: 'locales/ja/demo.json', from: 'に始まった。<ref', to: 'に始まった<ref' },
    ]);
    expect(of(findings, 'punctuation').map((f) => `${f.locale} ${f.key}`)).toEqual([
      'ja sections.lead.p1',
      'uk sections.war.title',
    ]);
  });

  it('is CJK-aware and accepts Ukrainian dates ending in "р."', async () => {
    const { findings } = await run(
      [
        {
          file: 'locales/uk/demo.json',
          from: '"Встановлено відносини"',
          to: '"Встановлено відносини у 1992 р."',
        },
      ],
      ['punctuation'],
    );
    // ja ends with 。 where en has "."; uk lead.p1 ends with a date (…р.) and no full stop.
    expect(findings).toEqual([]);
  });
});

describe('configuration', () => {
  it('sets severities per rule and per key', async () => {
    const { findings } = await run([
      {
        config: (c) =>
          void ((c['rules'] as Record<string, unknown>)['whitespace'] = {
            severity: 'error',
            keys: { 'ui:nav.*': 'off' },
          }),
      },
      { file: 'locales/uk/demo.json', from: '"Війна"', to: '"Війна "' },
      { file: 'locales/uk/ui.json', from: 'Див. також', to: 'Див.  також' },
    ]);
    expect(of(findings, 'whitespace')).toMatchObject([
      { severity: 'error', key: 'sections.war.title' },
    ]);
  });

  it('exempts a key from a rule with a reason, optionally for one locale', async () => {
    const { findings } = await run([
      {
        config: (c) =>
          void (c['exemptions'] as unknown[]).push({
            rule: 'untranslated',
            key: 'ui:nav.contents',
            locale: 'uk',
            reason: 'test',
          }),
      },
      { file: 'locales/uk/ui.json', from: '"Зміст"', to: '"Contents"' },
      { file: 'locales/ja/ui.json', from: '"目次"', to: '"Contents"' },
    ]);
    expect(of(findings, 'untranslated').map((f) => f.locale)).toEqual(['ja']);
  });

  it('rejects an exemption without a reason and an unknown rule, naming them', async () => {
    await expect(
      run([
        { config: (c) => void (c['exemptions'] as unknown[]).push({ rule: 'empty', key: 'x' }) },
      ]),
    ).rejects.toThrow(/"reason" is required/);
    await expect(
      run([{ config: (c) => void ((c['rules'] as Record<string, unknown>)['speling'] = 'off') }]),
    ).rejects.toThrow(/unknown rule "speling"/);
    await expect(run([], ['nope'])).rejects.toBeInstanceOf(ConfigError);
  });

  it('runs only the requested rules, and no core rule without a core', async () => {
    const dir = copyFixture('mini');
    replaceIn(dir, 'locales/uk/demo.json', '{{founded, date}}', '1992');
    const c = JSON.parse(read(dir, 'bilateral.config.json')) as Record<string, unknown>;
    delete c['core'];
    write(dir, 'bilateral.config.json', JSON.stringify(c));
    const findings = check(await project(dir));
    expect(
      findings.filter((f) =>
        ['facts', 'literal-facts', 'citations', 'dubious', 'terminology'].includes(f.rule),
      ),
    ).toEqual([]);
    expect(of(findings, 'placeholders').map((f) => f.key)).toEqual(['sections.lead.p1']);
  });
});
