import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES, repoRoot } from './helpers.js';

const run = promisify(execFile);
const cli = path.join(repoRoot, 'packages/i18n/bin/bilateral.js');
const render = (...args: string[]) =>
  run(process.execPath, [cli, 'render', ...args], { cwd: repoRoot });

const headings: Record<string, string[]> = {
  ja: ['歴史', 'ロシア・ウクライナ戦争', 'ロシアによるウクライナ侵攻', '貿易', '脚注', '参考文献'],
  en: [
    'History',
    'Russo-Ukrainian war',
    'Russian invasion of Ukraine',
    'Trade',
    'References',
    'Bibliography',
  ],
  uk: ['Історія', 'Російсько-українська війна', 'Торгівля', 'Примітки', 'Література'],
  ko: ['역사', '러시아-우크라이나 전쟁', '무역', '각주', '참고 문헌'],
};

describe('bilateral render (the built CLI, as a translator runs it)', () => {
  it.each(LOCALES)('prints the whole article in %s', async (locale) => {
    const { stdout, stderr } = await render('--locale', locale);
    expect(stderr).toBe('');
    const lines = stdout.split('\n');
    for (const h of headings[locale] ?? []) expect(lines).toContain(h);
    const refs = lines.filter((l) => /^\d+\. /.test(l));
    expect(refs.map((l) => Number(l.split('.')[0]))).toEqual(
      Array.from({ length: 22 }, (_, i) => i + 1),
    );
    // Four "[dubious – discuss]" markers, in the locale's words, and nothing left unrendered.
    const ui = JSON.parse(readFileSync(path.join(repoRoot, 'locales', locale, 'ui.json'), 'utf8'));
    expect(stdout.split(`[${ui.article.dubious}]`).length - 1).toBe(4);
    expect(stdout).not.toMatch(/\{\{|\$t\(|<ref|<dubious/);
    expect(stdout).toContain('Wertz, Daniel; Oh, JJ; Kim, Insung');
  });

  it('prints an HTML fragment with --format html', async () => {
    const { stdout } = await render('--locale', 'ko', '--format', 'html');
    expect(stdout.match(/<li id="cite-note-/g)).toHaveLength(22);
    expect(stdout.match(/class="dubious"/g)).toHaveLength(4);
    expect(stdout).toContain('<h2 id="trade">');
  });

  it('explains a wrong locale without a stack trace and exits 2', async () => {
    const err = await render('--locale', 'xx').catch((e: { code: number; stderr: string }) => e);
    expect(err).toMatchObject({ code: 2 });
    expect((err as { stderr: string }).stderr).toContain(
      'unknown locale "xx": this project has ja, en, uk, ko',
    );
    expect((err as { stderr: string }).stderr).not.toMatch(/\n\s+at /);
  });
});
