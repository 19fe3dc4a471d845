import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { updatedDates } from '../src/_lib/updated.js';

/**
 * Last-updated dates (src/_lib/updated.js): from git, per document and language, the newer of the
 * language's file and the core's document; without history, the newest event of the document.
 */

const made: string[] = [];
const saved = { cwd: process.cwd(), config: process.env['BILATERAL_CONFIG'] };
afterEach(() => {
  process.chdir(saved.cwd);
  if (saved.config === undefined) delete process.env['BILATERAL_CONFIG'];
  else process.env['BILATERAL_CONFIG'] = saved.config;
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A project with two locales (and, with `git`, a history with fixed dates). */
function project(withGit: boolean) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bilateral-updated-'));
  made.push(dir);
  writeFileSync(
    path.join(dir, 'bilateral.config.json'),
    JSON.stringify({ sourceLocale: 'ja', locales: ['ja', 'uk'], files: 'locales/{lng}/{ns}.json' }),
  );
  for (const l of ['ja', 'uk']) {
    mkdirSync(path.join(dir, 'locales', l), { recursive: true });
    writeFileSync(path.join(dir, 'locales', l, 'doc.json'), '{}\n');
  }
  process.env['BILATERAL_CONFIG'] = path.join(dir, 'bilateral.config.json');
  const git = (args: string[], date?: string) =>
    execFileSync('git', args, {
      cwd: dir,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.org',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.org',
        ...(date === undefined ? {} : { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }),
      },
    });
  if (withGit) {
    git(['init', '-q']);
    git(['add', '.']);
    git(['commit', '-q', '-m', 'first'], '2025-03-01T10:00:00+09:00');
    writeFileSync(path.join(dir, 'locales', 'uk', 'doc.json'), '{"a": 1}\n');
    git(['commit', '-q', '-am', 'uk edited'], '2026-06-15T08:30:00+03:00');
  }
  return dir;
}

describe('last-updated dates', () => {
  it("takes each language's last commit of its document", () => {
    project(true);
    const updated = updatedDates();
    expect(updated('doc', 'ja', ['2024-01-01'])).toEqual({
      iso: '2025-03-01T10:00:00+09:00',
      date: '2025-03-01',
      from: 'git',
    });
    expect(updated('doc', 'uk', ['2024-01-01'])).toEqual({
      iso: '2026-06-15T08:30:00+03:00',
      date: '2026-06-15',
      from: 'git',
    });
  });

  it("falls back to the document's newest event without history (and is the same every time)", () => {
    project(false);
    const updated = updatedDates();
    const events = ['2017-10-12', '2025-02', '1992-01-09'];
    expect(updated('doc', 'uk', events)).toEqual({
      iso: '2025-02-01',
      date: '2025-02-01',
      from: 'core',
    });
    expect(updatedDates()('doc', 'uk', [...events].reverse())).toEqual(
      updated('doc', 'uk', events),
    );
  });

  it('falls back for a document git does not know (never committed)', () => {
    project(true);
    expect(updatedDates()('other', 'ja', ['2024-05-06'])).toEqual({
      iso: '2024-05-06',
      date: '2024-05-06',
      from: 'core',
    });
  });
});
