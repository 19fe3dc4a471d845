import { describe, expect, it } from 'vitest';
import { check } from '../src/check/check.js';
import { codeFrame, formatFindings, hintText } from '../src/check/report/format.js';
import { computeStatus } from '../src/check/status.js';
import type { Finding } from '../src/model/finding.js';
import { keyMatches, parsePluralKey, pluralCategories } from '../src/model/keys.js';
import { normaliseSource } from '../src/files/lock.js';
import { parseLocaleFile } from '../src/files/parse.js';
import { readLocaleFile, releaseParsed } from '../src/files/read.js';
import type { Corpus } from '@bilateral/core';
import { createProject } from '../src/files/memory.js';
import type { Project } from '../src/model/types.js';
import { copyFixture, filesOf, project, read, replaceIn, tempDir, write } from './support.js';

describe('locale file parsing', () => {
  it('maps offsets inside string values to file positions through escapes', () => {
    const text = '{\n  "a": {\n    "b": "x \\"q\\" \\u00e9 {{name}}"\n  }\n}\n';
    const f = parseLocaleFile('/r', 'en', 'ui', '/r/ui.json', Buffer.from(text));
    const e = f.entries.get('a.b');
    expect(e?.value).toBe('x "q" é {{name}}');
    const at = f.valueOffset(e as never, (e?.value as string).indexOf('{{'));
    expect(text.slice(at, at + 2)).toBe('{{');
    expect(f.position(at)).toEqual({ line: 3, column: 26 });
  });

  it('keeps a read file until released, then holds nothing of it and reads it again', () => {
    const dir = tempDir();
    write(dir, 'en/ui.json', '{ "a": "first" }\n');
    const f = readLocaleFile(dir, 'en', 'ui', `${dir}/en/ui.json`);
    expect(f.entries.get('a')?.value).toBe('first');
    const stamp = f.stamp;
    write(dir, 'en/ui.json', '{\n  "a": "second"\n}\n');
    // One read per use: the parse and the bytes are the first read's until the checks let go.
    expect(f.entries.get('a')?.value).toBe('first');
    expect(Buffer.from(f.bytes).toString()).toBe('{ "a": "first" }\n');
    releaseParsed(f);
    expect(f.entries.get('a')?.value).toBe('second');
    expect(f.position(f.text.indexOf('second'))).toEqual({ line: 2, column: 9 });
    expect(f.stamp).toBe(stamp); // the stamp the cache recorded with the first read's digest
  });

  it('never throws, whatever the bytes', () => {
    for (const t of [
      '',
      '[',
      '{"a":',
      '"str"',
      '[1,2]',
      '{"a": {"b": [1, {"c": null}]}}',
      '\u0000\u0001',
      '{"a":"\\x"}',
    ]) {
      const f = parseLocaleFile('/r', 'en', 'ui', '/r/ui.json', Buffer.from(t));
      expect(f.problems.length).toBeGreaterThan(0);
    }
  });
});

describe('keys', () => {
  it('matches patterns with namespaces, * and **, and plural families', () => {
    expect(keyMatches('ui:nav.*', 'ui', 'nav.contents')).toBe(true);
    expect(keyMatches('ui:nav.*', 'terms', 'nav.contents')).toBe(false);
    expect(keyMatches('nav.*', 'terms', 'nav.contents')).toBe(true);
    expect(keyMatches('nav.*', 'ui', 'nav.a.b')).toBe(false);
    expect(keyMatches('nav.**', 'ui', 'nav.a.b')).toBe(true);
    expect(keyMatches('**.forms', 'terms', 'entities.kyiv.forms')).toBe(true);
    expect(keyMatches('*:references.*', 'doc', 'references.r1')).toBe(true);
    expect(keyMatches('citation.pages', 'ui', 'citation.pages_few')).toBe(true);
  });

  it('knows the CLDR categories and plural suffixes', () => {
    expect(pluralCategories('uk')).toEqual(['one', 'few', 'many', 'other']);
    expect(pluralCategories('ja')).toEqual(['other']);
    expect(pluralCategories('en', true)).toEqual(['one', 'two', 'few', 'other']);
    expect(parsePluralKey('a.b_ordinal_two')).toEqual({
      base: 'a.b',
      ordinal: true,
      category: 'two',
    });
    expect(parsePluralKey('a.b_male')).toBeUndefined();
  });

  it('normalises a source for the stale hash: names of slots only, no whitespace at all', () => {
    expect(normaliseSource(' A  {{ d , date(monthForm: genitive) }} b {{- x}} ')).toBe(
      'A{{d}}b{{-x}}',
    );
    // Around CJK punctuation, ideographic and invisible spaces, line breaks.
    expect(normaliseSource('関係 。\n「北朝鮮」\u3000と\u200Bウクライナ')).toBe(
      normaliseSource('関係。「北朝鮮」とウクライナ'),
    );
  });
});

describe('formatting', () => {
  const finding: Finding = {
    rule: 'facts',
    severity: 'error',
    locale: 'ja',
    file: 'locales/ja/x.json',
    line: 2,
    column: 14,
    key: 'a',
    message: 'msg, with: commas\nand lines',
    hint: 'do 100%',
  };

  it('puts the caret under the column, counting wide CJK characters twice', () => {
    const text = '{\n  "a": "北朝鮮{{x}}"\n}';
    const [line, caret] = codeFrame(text, 2, 14);
    expect(line).toBe('2 │   "a": "北朝鮮{{x}}"');
    // Column 14 is the "x": 8 ASCII columns, three wide characters (6), then "{{" (2).
    expect(caret).toBe(`  │ ${' '.repeat(8 + 6 + 2)}^`);
  });

  it('escapes GitHub annotation properties and data', () => {
    expect(formatFindings([finding], 'github', { color: false, root: '/r' })).toBe(
      '::error file=locales/ja/x.json,line=2,col=14,title=facts%3A a::msg, with: commas%0Aand lines%0AFix: do 100%25\n',
    );
  });

  it('names the suggested command as the user runs it, in pretty and GitHub output only', () => {
    const stale: Finding = {
      ...finding,
      rule: 'stale',
      hint: 'Compare, then run `bilateral accept ja x:a`; `bilateral sync` is another command.',
      suggestion: { command: 'accept', args: ['ja', 'x:a'] },
    };
    const options = { color: false, root: '/r', commandName: 'pnpm i18n' };
    const renamed =
      'Compare, then run `pnpm i18n accept ja x:a`; `bilateral sync` is another command.';
    expect(hintText(stale, 'pnpm i18n')).toBe(renamed);
    expect(hintText(stale)).toBe(stale.hint);
    expect(formatFindings([stale], 'pretty', options)).toContain(`fix  ${renamed}`);
    expect(formatFindings([stale], 'github', options)).toContain('`pnpm i18n accept ja x:a`');
    // JSON is data: the hint as the checks wrote it, and the suggestion.
    expect(JSON.parse(formatFindings([stale], 'json', options))).toEqual([stale]);
    const sarif = JSON.parse(formatFindings([stale], 'sarif', options)) as {
      runs: { results: { properties: unknown }[] }[];
    };
    expect(sarif.runs[0]?.results[0]?.properties).toMatchObject({ suggestion: stale.suggestion });
  });

  it('colours only when asked', () => {
    expect(formatFindings([finding], 'pretty', { color: false, root: '/r' })).not.toContain(
      '\u001b[',
    );
    expect(formatFindings([finding], 'pretty', { color: true, root: '/r' })).toContain('\u001b[');
  });
});

describe('projects in memory', () => {
  it('are the projects loaded from disk, file for file', async () => {
    const dir = copyFixture('mini');
    replaceIn(dir, 'locales/uk/ui.json', '"Зміст",', '"Зміст"');
    write(dir, 'locales/uk/.bilateral-lock.json', '{"version": 1, "keys": {"ui:nav.more": "x"}}');
    write(dir, 'locales/ja/.bilateral-lock.json', 'not json');
    const disk = await project(dir);
    const memory = createProject({
      files: filesOf(dir),
      config: {
        ...(JSON.parse(read(dir, 'bilateral.config.json')) as { sourceLocale: string }),
        root: dir,
      },
      corpus: disk.corpus as Corpus,
    });
    const shape = (p: Project) => ({
      root: p.root,
      locales: p.locales,
      namespaces: p.namespaces,
      files: p.files.map((f) => ({
        path: f.path,
        relPath: f.relPath,
        locale: f.locale,
        namespace: f.namespace,
        text: f.text,
        usable: f.usable,
        problems: f.problems,
        entries: [...f.entries.values()],
      })),
      locks: [...p.locks.values()].map(({ bytes, ...rest }) => ({ ...rest, bytes: [...bytes] })),
      filePath: p.filePath('ko', 'ui'),
      config: { ...p.config, configFile: undefined },
    });
    expect(shape(memory)).toEqual(shape(disk));
    expect(check(memory)).toEqual(check(disk));
  });

  it('default the file pattern, discover the locales and take strings or bytes', () => {
    const p = createProject({
      config: { sourceLocale: 'uk' },
      files: new Map<string, string | Uint8Array>([
        ['locales/en/ui.json', '{ "a": "A" }'],
        ['./locales/uk/ui.json', Buffer.from('{ "a": "А", "b": "Б" }')],
        ['locales/de/.bilateral-lock.json', '{}'],
        ['docs/README.md', '# not a locale file'],
      ]),
    });
    expect(p.locales).toEqual(['en', 'uk']); // sorted, as the folders on disk would be
    expect(p.files.map((f) => f.relPath)).toEqual(['locales/en/ui.json', 'locales/uk/ui.json']);
    const otherPattern = createProject({
      config: { sourceLocale: 'en', files: 'i18n/{ns}.{lng}.json' },
      files: { 'i18n/ui.en.json': '{}', 'i18n/ui.ko.json': '{}', 'i18n/ui.ja.json': '{}' },
    });
    expect(otherPattern.locales).toEqual(['en', 'ja', 'ko']);
    expect(p.config.lockFile).toBe('locales/{lng}/.bilateral-lock.json');
    expect(check(p, { rules: ['missing'] })).toMatchObject([
      { rule: 'missing', file: 'locales/en/ui.json', key: 'b', line: 1, column: 1 },
    ]);
  });

  it('refuse a project without files in the source language, as on disk', () => {
    expect(() =>
      createProject({ config: { sourceLocale: 'en' }, files: { 'locales/uk/ui.json': '{}' } }),
    ).toThrow(/no locale files for the source language "en"/);
  });
});

describe('status', () => {
  it('counts per locale and per section', async () => {
    const dir = copyFixture('mini');
    replaceIn(dir, 'locales/uk/demo.json', '"Війна"', '"War"');
    const p = await project(dir);
    const report = computeStatus(p, check(p, { rules: ['untranslated', 'stale'] }));
    const uk = report.locales.find((l) => l.locale === 'uk');
    expect(uk).toMatchObject({
      keys: 19,
      translated: 18,
      untranslated: 1,
      missing: 0,
      stale: 0,
      percent: 94.7,
    });
    expect(uk?.sections.find((s) => s.namespace === 'demo' && s.section === 'war')).toEqual({
      namespace: 'demo',
      section: 'war',
      keys: 3,
      translated: 2,
      missing: 0,
      stale: 0,
    });
    expect(uk?.sections.map((s) => `${s.namespace}:${s.section}`)).toContain('ui:citation');
  });
});
