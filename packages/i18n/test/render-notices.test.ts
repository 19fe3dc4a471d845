import { corpus } from '@bilateral/core';
import { describe, expect, it } from 'vitest';
import { lockStates } from '../src/files/lock-state.js';
import { createProject } from '../src/files/memory.js';
import { acceptKeys } from '../src/ops/accept.js';
import { planSync } from '../src/ops/sync.js';
import { createRenderer } from '../src/index.js';
import { repoResources } from './helpers.js';

const DOC = 'north-korea-ukraine-relations';

describe('the notices a rendered document carries', () => {
  it('marks stale, copied and fallback texts, each listed once for the page', () => {
    const resources = repoResources();
    const states = new Map([
      [`${DOC}:sections.history.p2`, 'stale' as const],
      [`${DOC}:meta.title`, 'copied' as const],
    ]);
    const uk = { ...resources['uk'] } as Record<string, unknown>;
    const doc = { ...(uk[DOC] as Record<string, unknown>) };
    const sections = { ...(doc['sections'] as Record<string, Record<string, unknown>>) };
    sections['trade'] = { ...sections['trade'] };
    delete sections['trade']['p1'];
    uk[DOC] = { ...doc, sections };
    const r = createRenderer({
      corpus,
      resources: { ...resources, uk },
      locale: 'uk',
      fallback: ['en', 'ja'],
      sourceLocale: 'ja',
      states,
    });
    const d = r.renderDocument(DOC);
    expect(d.notices).toEqual({
      sourceLocale: 'ja',
      stale: [`${DOC}:sections.history.p2`],
      fallback: [{ key: `${DOC}:sections.trade.p1`, lang: 'en' }],
      copied: [`${DOC}:meta.title`],
      missing: [],
    });
    expect(d.title).toMatchObject({ lang: 'ja', copied: true, fallback: false });
    const p2 = d.sections.find((s) => s.id === 'history')?.paragraphs.find((p) => p.id === 'p2');
    expect(p2).toMatchObject({ lang: 'uk', stale: true });
    // Without states, nothing is marked.
    const plain = createRenderer({ corpus, resources, locale: 'uk' }).renderDocument(DOC);
    expect(plain.notices).toMatchObject({ stale: [], copied: [], fallback: [] });
    expect(plain.title.lang).toBe('uk');
  });

  it('reads the states from a lock file: what `sync` copied, and what changed in the source', () => {
    const files = {
      'locales/en/ui.json': '{ "a": "Alpha", "b": "Beta" }',
      'locales/uk/ui.json': '{ "a": "Альфа" }',
    };
    const config = { sourceLocale: 'en', locales: ['en', 'uk'] };
    const accepted = acceptKeys(createProject({ files, config }), 'uk');
    const withLock = { ...files, [accepted.relPath]: accepted.text };
    const synced = planSync(createProject({ files: withLock, config }));
    const lock = synced.locks[0];
    expect(lock?.copied).toEqual(['ui:b']);
    const after = {
      ...withLock,
      'locales/uk/ui.json': '{ "a": "Альфа", "b": "Beta" }',
      'locales/en/ui.json': '{ "a": "Alpha, first", "b": "Beta" }',
      [accepted.relPath]: lock?.text ?? '',
    };
    const project = createProject({ files: after, config });
    const resources = {
      en: { ui: { a: 'Alpha, first', b: 'Beta' } },
      uk: { ui: { a: 'Альфа', b: 'Beta' } },
    };
    expect([...lockStates(project.locks.get('uk'), resources, 'en')]).toEqual([
      ['ui:a', 'stale'],
      ['ui:b', 'copied'],
    ]);
    // Spacing alone is no change; a translated copy is no longer a copy.
    const translated = {
      en: { ui: { a: ' Alpha ', b: 'Beta' } },
      uk: { ui: { a: 'Альфа', b: 'Бета' } },
    };
    expect([...lockStates(project.locks.get('uk'), translated, 'en')]).toEqual([]);
  });
});
