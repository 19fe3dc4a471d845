import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 30000 });
import { check } from '../src/check/check.js';
import { insertProperty, parseObject, removeProperty, detectStyle } from '../src/ops/edit.js';
import { planSync, writeSyncPlan } from '../src/ops/sync.js';
import { acceptKeys, writeAcceptResult } from '../src/ops/accept.js';
import { SyncConflictError } from '../src/model/errors.js';
import { cli, copyFixture, copyRepo, project, read, replaceIn, write } from './support.js';

/** A hand-formatted Ukrainian file: tabs, an inline object, odd spacing, no final newline. */
const HAND = [
  '{',
  '\t"nav": { "contents": "Зміст", "more": "Див. також: $t(nav.contents)" },',
  '\t"citation": {',
  '\t\t"pages_one": "с. {{pages}}",',
  '\t\t"pages_other":   "с. {{pages}}",',
  '\t\t"title": "<i>{{title}}</i>",',
  '\t\t"old": "застаріле"',
  '\t}',
  '}',
].join('\n');

const SYNCED = [
  '{',
  '\t"nav": { "contents": "Зміст", "greeting": "Hello, {{name}}!", "more": "Див. також: $t(nav.contents)" },',
  '\t"citation": {',
  '\t\t"pages_one": "с. {{pages}}",',
  '\t\t"pages_few": "pp. {{pages}}",',
  '\t\t"pages_many": "pp. {{pages}}",',
  '\t\t"pages_other":   "с. {{pages}}",',
  '\t\t"title": "<i>{{title}}</i>",',
  '\t\t"old": "застаріле"',
  '\t}',
  '}',
].join('\n');

describe('sync (library)', () => {
  it('adds missing keys in source order, byte for byte preserving the rest', async () => {
    const dir = copyFixture('mini');
    write(dir, 'locales/uk/ui.json', HAND);
    const plan = planSync(await project(dir), { locales: ['uk'] });
    expect(plan.files.map((f) => [f.relPath, f.added, f.removed])).toEqual([
      ['locales/uk/ui.json', ['nav.greeting', 'citation.pages_few', 'citation.pages_many'], []],
    ]);
    expect(plan.files[0]?.text).toBe(SYNCED);
    await writeSyncPlan(plan);
    expect(read(dir, 'locales/uk/ui.json')).toBe(SYNCED);
  });

  it('removes obsolete keys only with prune, keeping CRLF line endings', async () => {
    const dir = copyFixture('mini');
    write(dir, 'locales/uk/ui.json', `${SYNCED.replace(/\n/g, '\r\n')}\r\n`);
    const plain = planSync(await project(dir), { locales: ['uk'] });
    expect(plain.files).toEqual([]);
    const pruned = planSync(await project(dir), { locales: ['uk'], prune: true });
    expect(pruned.files[0]?.removed).toEqual(['citation.old']);
    expect(pruned.files[0]?.text).toBe(
      `${SYNCED.replace('"<i>{{title}}</i>",\n\t\t"old": "застаріле"', '"<i>{{title}}</i>"').replace(/\n/g, '\r\n')}\r\n`,
    );
  });

  it('refuses to write a file that changed on disk since it was read', async () => {
    const dir = copyFixture('mini');
    write(dir, 'locales/uk/ui.json', HAND);
    const plan = planSync(await project(dir), { locales: ['uk'] });
    write(dir, 'locales/uk/ui.json', `${HAND}\n`); // an editor saved meanwhile
    await expect(writeSyncPlan(plan)).rejects.toBeInstanceOf(SyncConflictError);
    expect(read(dir, 'locales/uk/ui.json')).toBe(`${HAND}\n`);
  });

  it('creates a missing file and missing objects; check then reports the copies as untranslated', async () => {
    const dir = copyFixture('mini');
    rmSync(path.join(dir, 'locales/ja/terms.json'));
    replaceIn(
      dir,
      'locales/ja/ui.json',
      ',\n  "citation": {\n    "pages_other": "{{pages}}頁",\n    "title": "<i>{{title}}</i>"\n  }',
      '',
    );
    const plan = planSync(await project(dir), { locales: ['ja'] });
    await writeSyncPlan(plan);
    expect(existsSync(path.join(dir, 'locales/ja/terms.json'))).toBe(true);
    expect(read(dir, 'locales/ja/ui.json')).toBe(
      '{\n  "nav": {\n    "contents": "目次",\n    "greeting": "こんにちは、{{name}}!",\n    "more": "関連項目:$t(nav.contents)"\n  },\n' +
        '  "citation": {\n    "pages_other": "pp. {{pages}}",\n    "title": "<i>{{title}}</i>"\n  }\n}\n',
    );
    const findings = check(await project(dir));
    expect(
      findings.filter((f) => f.severity === 'error').filter((f) => f.rule !== 'terminology'),
    ).toEqual([]);
    expect(
      findings.filter((f) => f.rule === 'untranslated').map((f) => `${f.file} ${f.key}`),
    ).toContain('locales/ja/ui.json citation.pages_other');
  });

  it('records the keys it copies in the lock file as copied; check names them, never as stale', async () => {
    const dir = copyFixture('mini');
    write(dir, 'locales/uk/ui.json', HAND);
    writeAcceptResult(acceptKeys(await project(dir), 'uk'));
    const plan = planSync(await project(dir), { locales: ['uk'] });
    // Only the keys copied whole: uk's own pages_one/_other make citation.pages a translation.
    expect(plan.locks.map((l) => [l.relPath, l.copied])).toEqual([
      ['locales/uk/.bilateral-lock.json', ['ui:nav.greeting']],
    ]);
    await writeSyncPlan(plan);
    const lock = JSON.parse(read(dir, 'locales/uk/.bilateral-lock.json')) as {
      version: number;
      keys: Record<string, unknown>;
    };
    expect(lock.version).toBe(2);
    expect(lock.keys['ui:nav.greeting']).toMatchObject({
      source: 'Hello, {{name}}!',
      state: 'copied',
    });
    expect(lock.keys['ui:nav.contents']).toMatchObject({ source: 'Contents' });
    // The source moves on: the copy is still a copy (untranslated), not a stale translation.
    replaceIn(dir, 'locales/en/ui.json', 'Hello, {{name}}!', 'Welcome, {{name}}!');
    const findings = check(await project(dir)).filter((f) => f.key === 'nav.greeting');
    expect(findings.map((f) => [f.rule, f.locale, f.message])).toEqual([
      [
        'untranslated',
        'uk',
        'not translated: `sync` copied the source text (en) here, and the pages show it as en text with a notice',
      ],
    ]);
    // A whole-locale accept keeps the copy a copy.
    writeAcceptResult(acceptKeys(await project(dir), 'uk'));
    expect(read(dir, 'locales/uk/.bilateral-lock.json')).toContain('"state":"copied"');
  });

  it('leaves a file that does not parse alone', async () => {
    const dir = copyFixture('mini');
    write(dir, 'locales/uk/ui.json', '{ "nav": ');
    const plan = planSync(await project(dir));
    expect(plan.broken).toEqual(['locales/uk/ui.json']);
    expect(plan.files.map((f) => f.relPath)).not.toContain('locales/uk/ui.json');
  });
});

describe('minimal JSON edits', () => {
  it('insert into an empty object and remove the only property', () => {
    const text = '{\n  "a": {}\n}\n';
    const root = parseObject(text);
    const a = root?.children?.[0]?.children?.[1];
    if (a === undefined) throw new Error('no a');
    const added = insertProperty(text, a, 'b', { c: 'd' }, undefined, detectStyle(text));
    expect(added).toBe('{\n  "a": {\n    "b": {\n      "c": "d"\n    }\n  }\n}\n');
    const a2 = parseObject(added)?.children?.[0]?.children?.[1];
    if (a2 === undefined) throw new Error('no a');
    expect(removeProperty(added, a2, 'b')).toBe('{\n  "a": {}\n}\n');
  });
});

describe('sync (CLI)', () => {
  it('adds, prunes and leaves the rest of a hand-formatted file byte for byte', async () => {
    const dir = copyFixture('mini');
    write(dir, 'locales/uk/ui.json', HAND);
    const dry = await cli(['sync', '--dry-run'], dir);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('+ nav.greeting');
    expect(read(dir, 'locales/uk/ui.json')).toBe(HAND);
    const run = await cli(['sync'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('locales/uk/ui.json: +3 added');
    expect(read(dir, 'locales/uk/ui.json')).toBe(SYNCED);
    const pruned = await cli(['sync', '--prune'], dir);
    expect(pruned.stdout).toContain('- citation.old');
    expect(read(dir, 'locales/uk/ui.json')).toBe(SYNCED.replace(',\n\t\t"old": "застаріле"', ''));
    const checked = await cli(['check', '--format', 'json'], dir);
    const findings = JSON.parse(checked.stdout) as { rule: string; key: string }[];
    expect(findings.map((f) => `${f.rule} ${f.key}`).sort()).toEqual([
      'untranslated citation.pages_few',
      'untranslated citation.pages_many',
      'untranslated nav.greeting',
    ]);
    expect(checked.code).toBe(0);
  });

  it('has nothing to do on this repository (exempted per-language keys are not added)', async () => {
    const dir = copyRepo();
    const run = await cli(['sync', '--prune', '--dry-run'], dir);
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toContain('Everything is in sync');
  });
});
