import { describe, expect, it, vi } from 'vitest';
import { cli, copyRepo, read, REPO, replaceIn, type Run } from './support.js';

vi.setConfig({ testTimeout: 60000 });

/**
 * This repository's locales: clean as committed, and every break from the list makes
 * `check` exit 1 with a finding that names the file, the line and the key.
 */

interface Finding {
  rule: string;
  severity: string;
  locale: string;
  file: string;
  line: number;
  column: number;
  key: string;
  message: string;
}

const NS = 'north-korea-ukraine-relations';

describe('this repository', () => {
  it('checks clean (exit 0)', async () => {
    const r = await cli(['check'], REPO);
    expect(r.stdout).toContain('No problems found');
    expect(r.code).toBe(0);
  });

  interface Break {
    readonly name: string;
    readonly file: string;
    readonly from: string;
    readonly to: string;
    /** Run `check --strict`. */
    readonly strict?: boolean;
    /** rule, file and key of a finding that must be reported, and text on its line (if the key is still there) */
    readonly expect: readonly [string, string, string, string?];
  }

  const breaks: readonly Break[] = [
    {
      name: 'a syntax error',
      file: 'locales/en/ui.json',
      from: '"Contents",',
      to: '"Contents"',
      expect: ['syntax', 'locales/en/ui.json', 'nav.contents', '"Contents"'],
    },
    {
      name: 'a deleted key',
      file: 'locales/uk/ui.json',
      from: '    "backToText": "Повернутися до тексту",\n',
      to: '',
      expect: ['missing', 'locales/uk/ui.json', 'article.backToText'],
    },
    {
      name: 'a deleted source key',
      file: `locales/ja/${NS}.json`,
      from: '      "title": "貿易",\n',
      to: '',
      expect: ['missing', `locales/ja/${NS}.json`, 'sections.trade.title'],
    },
    {
      name: 'a renamed key',
      file: 'locales/ko/ui.json',
      from: '"home":',
      to: '"homee":',
      expect: ['missing', 'locales/ko/ui.json', 'notFound.home'],
    },
    {
      name: 'a renamed placeholder',
      file: 'locales/en/ui.json',
      from: 'Footnote {{number}}',
      to: 'Footnote {{num}}',
      expect: ['placeholders', 'locales/en/ui.json', 'article.footnote', '{{num}}'],
    },
    {
      name: 'a renamed fact slot',
      file: `locales/uk/${NS}.json`,
      from: '{{severance, date}}',
      to: '{{severence, date}}',
      expect: [
        'facts',
        `locales/uk/${NS}.json`,
        'sections.russian-invasion.p1',
        '{{severence, date}}',
      ],
    },
    {
      name: 'a dropped citation',
      file: `locales/ko/${NS}.json`,
      from: '<ref id=\\"time-2018\\"/>',
      to: '',
      expect: ['citations', `locales/ko/${NS}.json`, 'sections.history.p2', '"p2"'],
    },
    {
      name: 'a number typed out',
      file: `locales/en/${NS}.json`,
      from: '{{nisEstimate, quantity}}',
      to: '1,500 soldiers',
      expect: [
        'literal-facts',
        `locales/en/${NS}.json`,
        'sections.russian-invasion.p2',
        '1,500 soldiers',
      ],
    },
    {
      name: 'an injected <img onerror>',
      file: `locales/uk/${NS}.json`,
      from: '"Торгівля"',
      to: '"Торгівля<img src=x onerror=alert(1)>"',
      expect: ['markup', `locales/uk/${NS}.json`, 'sections.trade.title', 'onerror'],
    },
    {
      name: 'a removed Ukrainian plural form',
      file: 'locales/uk/terms.json',
      from: '    "soldier_few": "{{count, number}} солдати",\n',
      to: '',
      expect: ['plurals', 'locales/uk/terms.json', 'units.soldier_few', '"soldier_other"'],
    },
    {
      // A warning (published with a notice), an error with --strict.
      name: 'a changed Japanese source sentence (check --strict)',
      strict: true,
      file: `locales/ja/${NS}.json`,
      from: '両国は{{relationsEstablished, date}}に国交を樹立した。',
      to: '両国は{{relationsEstablished, date}}に外交関係を樹立した。',
      expect: [
        'stale',
        `locales/uk/${NS}.json`,
        'sections.history.p1',
        '{{relationsEstablished, date}}',
      ],
    },
  ];

  it('exits 1 naming file, line and key for every break on the list', async () => {
    const runs = await Promise.all(
      breaks.map(async (b): Promise<[Break, Run, string]> => {
        const dir = copyRepo();
        replaceIn(dir, b.file, b.from, b.to);
        const strict = b.strict === true ? ['--strict'] : [];
        return [b, await cli(['check', ...strict, '--format', 'json'], dir), dir];
      }),
    );
    for (const [b, r, dir] of runs) {
      expect(r.code, b.name).toBe(1);
      const findings = JSON.parse(r.stdout) as Finding[];
      const [rule, file, key, onLine] = b.expect;
      const f = findings.find(
        (x) => x.rule === rule && x.file === file && x.key === key && x.severity === 'error',
      );
      expect(f, `${b.name}: ${JSON.stringify(findings, null, 1)}`).toBeDefined();
      const lines = read(dir, file).split('\n');
      expect(f?.line).toBeGreaterThan(1);
      expect(f?.line).toBeLessThanOrEqual(lines.length);
      if (onLine !== undefined) expect(lines[(f?.line ?? 0) - 1], b.name).toContain(onLine);
    }
  });

  it('says so in the pretty output too (file, line:column, key)', async () => {
    const dir = copyRepo();
    replaceIn(
      dir,
      'locales/uk/terms.json',
      '    "soldier_few": "{{count, number}} солдати",\n',
      '',
    );
    const r = await cli(['check'], dir);
    expect(r.code).toBe(1);
    const line =
      read(dir, 'locales/uk/terms.json')
        .split('\n')
        .findIndex((l) => l.includes('"soldier_other"')) + 1;
    expect(r.stdout).toMatch(
      new RegExp(
        `^locales/uk/terms\\.json\n {2}${line}:5 {2}error {2}missing plural form "units\\.soldier_few"`,
      ),
    );
    expect(r.stdout).toContain('key  units.soldier_few');
  });
});
