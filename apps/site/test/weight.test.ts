import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DOCUMENT, eleventy, tempProject, TEST_SITE_URL } from './helpers.js';

// A hostile (or careless) Ukrainian translation: a section title pasted 8,000 times over. Every
// check passes (it is the title's own text), but the page grows past 200 KB of HTML.
const project = tempProject((dir) => {
  const file = path.join(dir, 'locales/uk', `${DOCUMENT}.json`);
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const text: string = data.sections.history.title;
  data.sections.history.title = Array.from({ length: 8000 }, () => text).join(' ');
  writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
});
afterAll(() => project.cleanup());

describe('page weight', () => {
  it('a production build reports the weight of its pages', async () => {
    const r = await eleventy(['--output', path.join(project.dir, 'out-ok')], {
      BILATERAL_MODE: 'production',
      SITE_URL: TEST_SITE_URL,
      // The repository's own locale files: within budget.
      BILATERAL_CONFIG: undefined,
    });
    expect(r.code, r.stderr).toBe(0);
    const line =
      /bilateral: page weight: (\d+) pages, ([\d.]+) KB of HTML; the largest is (\S+) \(([\d.]+) KB\); budget 200\.0 KB a page\./.exec(
        r.stdout + r.stderr,
      );
    expect(line, r.stdout + r.stderr).not.toBeNull();
    const [, pages, total, , largest] = line!;
    expect(Number(pages)).toBeGreaterThan(10);
    expect(Number(largest)).toBeLessThan(200);
    expect(Number(total)).toBeGreaterThan(Number(largest));
  });

  it('fails a production build with a page over budget, naming the page', async () => {
    const r = await eleventy(['--output', path.join(project.dir, 'out')], {
      BILATERAL_MODE: 'production',
      SITE_URL: TEST_SITE_URL,
      BILATERAL_CONFIG: project.configFile,
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(
      /over the page budget of 200\.0 KB of HTML: \/uk\/north-korea-ukraine-relations\/ \(\d+\.\d KB\)/,
    );
    expect(r.stderr).not.toMatch(/\/(ja|en|ko)\/ \(/);
    expect(r.stderr).toContain('TranslationCheckError');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
