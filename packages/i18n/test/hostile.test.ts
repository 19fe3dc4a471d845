import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../src/model/limits.js';
import { planSync, writeSyncPlan } from '../src/ops/sync.js';
import { loadConfig } from '../src/files/config.js';
import { readResources } from '../src/render/resources.js';
import { createRenderer } from '../src/render/renderer.js';
import { loadCorpus } from '../src/files/core.js';
import { cli, copyFixture, project, read, replaceIn, write } from './support.js';
import {
  everything,
  expectNoPollution,
  filesOf,
  lines,
  ofRule,
  prototypeState,
  type Outcome,
} from './hostile-support.js';

vi.setConfig({ testTimeout: 30_000 });

/**
 * The hostile corpus: each case breaks one locale file of the `mini` fixture in one way a careless
 * or hostile contributor could, and proves (1) the finding it must produce, with file, line,
 * column and key, and (2) that nothing else broke: no other file gets a finding, every other
 * locale renders exactly as before, sync/schema/accept still run, nothing throws, no prototype is
 * polluted.
 */

let base: Outcome;
const proto = prototypeState();
beforeAll(async () => {
  base = await everything(copyFixture('mini'));
  expect(base.findings).toEqual([]);
});

/** Runs everything on a copy of mini changed by `edit`; asserts the untouched locales render as before. */
async function hostile(
  edit: (dir: string) => void,
  touched: readonly string[],
): Promise<Outcome & { dir: string }> {
  const dir = copyFixture('mini');
  edit(dir);
  const o = await everything(dir);
  for (const [locale, html] of base.html) {
    if (!touched.includes(locale))
      expect(o.html.get(locale), `${locale} renders as before`).toBe(html);
  }
  expectNoPollution(proto);
  return { ...o, dir };
}

const UK_UI = 'locales/uk/ui.json';
const UK_DEMO = 'locales/uk/demo.json';

describe('broken JSON', () => {
  it('truncated: one syntax error where the text stops; the file is left alone by sync', async () => {
    const o = await hostile(
      (dir) => {
        const text = read(dir, UK_DEMO);
        write(dir, UK_DEMO, text.slice(0, text.indexOf('"p1": "Близько')));
      },
      ['uk'],
    );
    expect(lines(o.findings)).toEqual([
      'syntax error locales/uk/demo.json:15:7 sections.war — a key in double quotes was expected here',
    ]);
    expect(o.sync.broken).toEqual([UK_DEMO]);
    expect(o.sync.files).toEqual([]);
    // The uk pages lose the document's texts (reported), not the UI.
    expect(o.documents.get('uk')?.problems.map((p) => p.key)).toContain('demo:meta.title');
  });

  it('a 50 MB file is not read: one finding, in well under a second', async () => {
    const o = await hostile(
      (dir) => {
        const big = Buffer.alloc(50 * 1024 * 1024, 0x61);
        big.write('{"meta": {"title": "', 0);
        big.write('"}}\n', big.length - 4);
        writeFileSync(path.join(dir, UK_DEMO), big);
      },
      ['uk'],
    );
    expect(lines(o.findings)).toEqual([
      `syntax error locales/uk/demo.json:1:1  — the file is 50.0 MB; locale files over ${LIMITS.fileBytes / 1024 / 1024}.0 MB are not read (a real one is far smaller)`,
    ]);
    expect(o.sync.broken).toEqual([UK_DEMO]);
  });

  it('10,000 levels of nesting: no stack overflow anywhere; the finding points at the level too many', async () => {
    const deep = `${'{"a": '.repeat(10_000)}"x"${'}'.repeat(10_000)}`;
    const o = await hostile((dir) => replaceIn(dir, UK_UI, '"Зміст"', deep), ['uk']);
    // The run starts at line 3, column 17; the 101st `{` of the file is the 99th of the run.
    const col =
      '  "nav": {\n    "contents": '.length - '  "nav": {\n'.length + 1 + 6 * (LIMITS.depth - 2);
    expect(lines(o.findings)).toEqual([
      `syntax error locales/uk/ui.json:3:${col}  — objects are nested more than ${LIMITS.depth} levels deep here; the file is not read any further`,
    ]);
    // The pretty report windows the 60,000-character line around the column.
    expect(o.reports['pretty']?.split('\n').every((l) => l.length < 200)).toBe(true);
    // Deep nesting in the *source*: every other locale's ui file is skipped, nothing overflows.
    const src = await hostile(
      (dir) => replaceIn(dir, 'locales/en/ui.json', '"Contents"', deep),
      ['en', 'uk', 'ja'],
    );
    expect(filesOf(src.findings)).toEqual(['locales/en/ui.json']);
  });

  it('bytes that are not UTF-8: named with their line; the rest of the file is still checked', async () => {
    const o = await hostile(
      (dir) => {
        const bytes = Buffer.from(read(dir, UK_UI).replace('Зміст', 'Зм@@ст'));
        bytes.set([0xc3, 0x28], bytes.indexOf('@@'));
        writeFileSync(path.join(dir, UK_UI), bytes);
      },
      ['uk'],
    );
    expect(lines(o.findings)).toEqual([
      'syntax error locales/uk/ui.json:3:20  — the file is not valid UTF-8 (shown as \uFFFD here)',
    ]);
  });

  it('CRLF line endings and a BOM: positions stay exact; sync leaves the BOM file alone, keeps CRLF', async () => {
    const o = await hostile(
      (dir) => {
        const text = read(dir, UK_UI)
          .replace('"Зміст"', '"Зміст  і  покажчик"')
          .replace('    "greeting": "Привіт, {{name}}!",\n', '');
        write(dir, UK_UI, `\uFEFF${text.replace(/\n/g, '\r\n')}`);
      },
      ['uk'],
    );
    expect(lines(o.findings)).toEqual([
      'syntax error locales/uk/ui.json:1:1  — the file starts with a byte-order mark (BOM)',
      'missing error locales/uk/ui.json:3:5 nav.greeting — missing "nav.greeting"',
      'whitespace warning locales/uk/ui.json:3:23 nav.contents — doubled space',
      'whitespace warning locales/uk/ui.json:3:26 nav.contents — doubled space',
    ]);
    // check calls the BOM an error, so sync leaves the file exactly as it was and says why.
    const before = readFileSync(path.join(o.dir, UK_UI));
    expect(o.sync.refused.map((r) => r.file)).toEqual([UK_UI]);
    expect(o.sync.refused[0]?.message).toContain('byte-order mark');
    await writeSyncPlan(o.sync);
    expect(readFileSync(path.join(o.dir, UK_UI))).toEqual(before);
    // Without the BOM, sync adds the key and keeps the CRLF line endings.
    write(o.dir, UK_UI, before.subarray(3).toString());
    const p2 = await project(o.dir);
    await writeSyncPlan(planSync(p2));
    const synced = readFileSync(path.join(o.dir, UK_UI)).toString();
    expect(synced.split('\r\n')).toHaveLength(synced.split('\n').length);
    expect(synced).toContain('"greeting": "Hello, {{name}}!",\r\n');
  });
});

describe('values and keys that are not what they seem', () => {
  it('numbers, null, booleans, lists and objects where texts belong: each named by type', async () => {
    const o = await hostile(
      (dir) =>
        write(
          dir,
          UK_UI,
          read(dir, UK_UI)
            .replace('"Зміст"', '["Зміст", "x"]')
            .replace('"Привіт, {{name}}!"', '12')
            .replace('"pages_one": "с. {{pages}}"', '"pages_one": null')
            .replace('"<i>{{title}}</i>"', '{ "a": true }'),
        ),
      ['uk'],
    );
    expect(lines(o.findings)).toEqual([
      'missing error locales/uk/ui.json:3:18 nav.contents — "nav.contents" is a list or an object here; the source (en) has a text',
      'obsolete warning locales/uk/ui.json:3:18 nav.contents.0 — "nav.contents.0" is not in the source (en): it is never shown',
      'obsolete warning locales/uk/ui.json:3:27 nav.contents.1 — "nav.contents.1" is not in the source (en): it is never shown',
      'syntax error locales/uk/ui.json:4:17 nav.greeting — "nav.greeting" is a number (12); translations are strings',
      'placeholders error locales/uk/ui.json:5:26 nav.more — $t(nav.contents) points at a key that uk does not have (ui:nav.contents)',
      'syntax error locales/uk/ui.json:8:18 citation.pages_one — "citation.pages_one" is null; translations are strings',
      'missing error locales/uk/ui.json:12:16 citation.title — "citation.title" is a list or an object here; the source (en) has a text',
      'obsolete warning locales/uk/ui.json:12:16 citation.title.a — "citation.title.a" is not in the source (en): it is never shown',
      'syntax error locales/uk/ui.json:12:21 citation.title.a — "citation.title.a" is a boolean (true); translations are strings',
    ]);
    // sync adds nothing over them (a text cannot go where a list is) and prune removes the lists.
    expect(o.sync.files.flatMap((f) => f.added)).toEqual([]);
    expect(o.prune.files.flatMap((f) => f.removed)).toEqual(['nav.contents', 'citation.title']);
  });

  it('a list the source has too is kept by sync --prune (as i18next lists are)', async () => {
    const o = await hostile(
      (dir) => {
        replaceIn(
          dir,
          'locales/en/ui.json',
          '{\n  "nav": {',
          '{\n  "steps": ["One", "Two"],\n  "nav": {',
        );
        replaceIn(dir, UK_UI, '{\n  "nav": {', '{\n  "steps": ["Один", "Два", "Три"],\n  "nav": {');
      },
      ['en', 'uk'],
    );
    expect(o.prune.files.flatMap((f) => f.removed)).toEqual([]);
    expect(lines(o.findings)).toEqual([
      'missing error locales/ja/ui.json:1:1 steps.0 — missing "steps.0"',
      'missing error locales/ja/ui.json:1:1 steps.1 — missing "steps.1"',
      'obsolete warning locales/uk/ui.json:2:28 steps.2 — "steps.2" is not in the source (en): it is never shown',
    ]);
  });

  it('keys with dots: a flat "nav.contents" is the same key; written both ways, it is a duplicate', async () => {
    const flat = await hostile((dir) => {
      replaceIn(dir, UK_UI, '    "contents": "Зміст",\n', '');
      replaceIn(dir, UK_UI, '{\n  "nav": {', '{\n  "nav.contents": "Зміст",\n  "nav": {');
    }, []);
    expect(flat.findings).toEqual([]);
    const both = await hostile(
      (dir) => replaceIn(dir, UK_UI, '{\n  "nav": {', '{\n  "nav.contents": "Інше",\n  "nav": {'),
      [],
    );
    expect(lines(both.findings)).toEqual([
      'syntax error locales/uk/ui.json:4:5 nav.contents — "nav.contents" is written twice, once with dots in the key and once nested; i18next reads only the nested one',
    ]);
    // The page shows the nested one, as i18next does.
    expect(
      createRenderer({
        corpus: both.project.corpus!,
        resources: readResources(both.project.config),
        locale: 'uk',
      }).ui('nav.contents').text,
    ).toBe('Зміст');
  });

  it('a source key with dots: sync writes it nested, and check then agrees with itself', async () => {
    const dir = copyFixture('mini');
    replaceIn(dir, 'locales/en/ui.json', '{\n  "nav": {', '{\n  "menu.open": "Open",\n  "nav": {');
    await writeSyncPlan(planSync(await project(dir)));
    expect(JSON.parse(read(dir, UK_UI)).menu).toEqual({ open: 'Open' });
    expect(planSync(await project(dir)).files).toEqual([]);
    expect(ofRule((await everything(dir)).findings, 'missing')).toEqual([]);
  });

  it('keys with $t( in them are only obsolete keys', async () => {
    const o = await hostile(
      (dir) =>
        replaceIn(
          dir,
          UK_UI,
          '"greeting"',
          '"$t(nav.contents)": "x $t(nav.more)",\n    "greeting"',
        ),
      [],
    );
    expect(lines(o.findings)).toEqual([
      'obsolete warning locales/uk/ui.json:4:5 nav.$t(nav.contents) — "nav.$t(nav.contents)" is not in the source (en): it is never shown',
    ]);
    expect(o.prune.files.flatMap((f) => f.removed)).toEqual(['nav.$t(nav.contents)']);
  });

  it('zero-width characters in a key: the key is named with the character made visible', async () => {
    const o = await hostile(
      (dir) => replaceIn(dir, UK_UI, '"contents"', '"contents\u200B"'),
      ['uk'],
    );
    expect(lines(o.findings)).toEqual([
      'syntax error locales/uk/ui.json:3:5 nav.contents\u200B — the key "nav.contents\u200B" contains the invisible character U+200B (ZERO WIDTH SPACE): it looks like "nav.contents" but is another key',
      'missing error locales/uk/ui.json:3:5 nav.contents — missing "nav.contents"',
      'obsolete warning locales/uk/ui.json:3:5 nav.contents\u200B — "nav.contents\u200B" is not in the source (en): it is never shown',
      'placeholders error locales/uk/ui.json:5:26 nav.more — $t(nav.contents) points at a key that uk does not have (ui:nav.contents)',
    ]);
    expect(o.reports['pretty']).toContain('key  nav.contents\\u200B');
    // Reports for people show it; JSON (data) keeps the key as it is.
    for (const format of ['pretty', 'github']) expect(o.reports[format]).not.toContain('\u200B');
    expect(o.reports['github']).toContain('title=syntax%3A nav.contents\\u200B');
    expect(JSON.parse(o.reports['json'] ?? '')[0].key).toBe('nav.contents\u200B');
  });
});

describe('text that tries to be more than text', () => {
  it('a placeholder that looks like HTML: wrong placeholder and never-allowed markup, and no tag on the page', async () => {
    const o = await hostile(
      (dir) => replaceIn(dir, UK_UI, '{{name}}', '{{<img src=x onerror=alert(1)>}}'),
      ['uk'],
    );
    expect(lines(o.findings)).toEqual([
      'placeholders error locales/uk/ui.json:4:18 nav.greeting — missing {{name}}: the source has {{name}}',
      'placeholders error locales/uk/ui.json:4:26 nav.greeting — unknown interpolation {{<img src=x onerror=alert(1)>}}: the source has no such name',
      'markup error locales/uk/ui.json:4:28 nav.greeting — <img>: never allowed in a translation (it can run script or load content); event handler attribute onerror="…" is never allowed',
    ]);
    const r = createRenderer({
      corpus: o.project.corpus!,
      resources: readResources(o.project.config),
      locale: 'uk',
    });
    const t = r.ui('nav.greeting', { name: '<b>x</b>' });
    expect(t.html).not.toMatch(/<img|onerror/);
  });

  it('names that every JavaScript object has (constructor, __proto__) as facts, references and tags', async () => {
    const o = await hostile(
      (dir) =>
        replaceIn(
          dir,
          UK_DEMO,
          '{{exports, money(currencyDisplay: name)}}.<ref id=\\"r2\\"/>',
          '{{exports, money}} {{constructor, date}} {{__proto__}}.<ref id=\\"r2\\"/><ref id=\\"constructor\\"/><constructor onclick=\\"x\\">a</constructor>',
        ),
      ['uk'],
    );
    const rules = o.findings.map((f) => `${f.rule}: ${f.message}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        'facts: {{constructor}} is not a fact of demo',
        'facts: {{__proto__}} is not a fact of demo',
        'citations: <ref id="constructor"/>: demo has no reference "constructor"',
        'markup: <constructor>: not an allowed tag; event handler attribute onclick="…" is never allowed',
      ]),
    );
    expect(filesOf(o.findings)).toEqual([UK_DEMO]);
    const p2 = o.documents.get('uk')?.sections[1]?.paragraphs[1]?.html ?? '';
    expect(p2).not.toMatch(
      /<constructor|onclick|function Object|\[object Object\]|cite-ref-constructor/,
    );
  });

  it('bidi controls (Trojan Source): left open, an error; the report shows them escaped', async () => {
    const o = await hostile(
      (dir) => replaceIn(dir, UK_DEMO, '"Війна"', '"Ві\u202Eйна\u2066"'),
      ['uk'],
    );
    expect(lines(o.findings)).toEqual([
      'whitespace error locales/uk/demo.json:14:19 sections.war.title — U+202E (RIGHT-TO-LEFT OVERRIDE) is never closed: it changes how everything after it on the page is displayed, beyond this text',
      'whitespace error locales/uk/demo.json:14:23 sections.war.title — U+2066 (LEFT-TO-RIGHT ISOLATE) is never closed: it changes how everything after it on the page is displayed, beyond this text',
    ]);
    for (const report of Object.values(o.reports)) expect(report).not.toMatch(/[\u202E\u2066]/);
    expect(o.reports['pretty']).toContain('14 │       "title": "Ві\\u202Eйна\\u2066",');
    // A mark the source has too is fine (e.g. a quoted right-to-left name).
    const same = await hostile(
      (dir) => {
        replaceIn(dir, 'locales/en/demo.json', '"War"', '"War \u2067قتال\u2069"');
        replaceIn(dir, UK_DEMO, '"Війна"', '"Війна \u2067قتال\u2069"');
      },
      ['en', 'uk'],
    );
    expect(ofRule(same.findings, 'whitespace').map((f) => f.file)).toEqual([
      'locales/en/demo.json',
      'locales/en/demo.json',
    ]);
  });

  it('control characters (a terminal escape) in a text and a key never reach the terminal raw', async () => {
    const dir = copyFixture('mini');
    replaceIn(dir, UK_UI, '"Зміст"', '"Зміст\\u001b[2J\\u001b]0;pwned\\u0007"');
    replaceIn(dir, UK_UI, '"greeting"', '"greet\\u001b[31ming"');
    const o = await everything(dir);
    expect(ofRule(o.findings, 'whitespace').map((f) => f.message)).toEqual([
      'control character U+001B (2 times) in the text: it is not printable and can garble terminals and pages',
      'control character U+0007 in the text: it is not printable and can garble terminals and pages',
    ]);
    expect(ofRule(o.findings, 'syntax').map((f) => f.message)).toEqual([
      'the key "nav.greet\u001b[31ming" contains the invisible character U+001B (CONTROL CHARACTER): it looks like "nav.greet[31ming" but is another key',
    ]);
    const runs = await Promise.all([
      cli(['check'], dir),
      cli(['sync', '--dry-run'], dir),
      cli(['render', '--locale', 'uk'], dir),
    ]);
    // eslint-disable-next-line no-control-regex -- looking for exactly these
    const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
    for (const r of runs) expect(`${r.stdout}${r.stderr}`).not.toMatch(controls);
    expect(runs[0]?.stdout).toContain('key  nav.greet\\u001B[31ming');
  });
});

describe('texts that would make i18next (or the checker) work forever', () => {
  const bomb = (levels: number, fanOut: number) => {
    const keys: Record<string, string> = {};
    for (let i = 0; i < levels; i++) keys[`k${i}`] = `$t(k${i + 1})`.repeat(fanOut);
    keys[`k${levels}`] = 'lol';
    return keys;
  };

  it('$t(…) nesting that expands ten billion times ("billion laughs"): reported, and rendered as nothing, at once', async () => {
    const dir = copyFixture('mini');
    for (const l of ['en', 'uk', 'ja'])
      write(dir, `locales/${l}/bomb.json`, JSON.stringify(bomb(10, 10), null, 2));
    const o = await everything(dir);
    const found = ofRule(o.findings, 'placeholders');
    expect(found.find((f) => f.key === 'k0')?.message).toBe(
      '$t(…) nesting from here expands to 11,111,111,110 texts (at most 1,000): the page cannot show it',
    );
    // k7 expands to 10 + 100 + 1,000 texts, just over; k8 to 110, which is fine.
    expect([...new Set(found.map((f) => f.key))]).toEqual([
      'k0',
      'k1',
      'k2',
      'k3',
      'k4',
      'k5',
      'k6',
      'k7',
    ]);
    expect(new Set(found.map((f) => f.locale))).toEqual(new Set(['en', 'uk', 'ja']));
    expectNoPollution(proto);
  });

  it('in a namespace the pages use: the text is not given to i18next, and the problem says why', async () => {
    const dir = copyFixture('mini');
    const ui = JSON.parse(read(dir, UK_UI)) as Record<string, unknown>;
    Object.assign(ui, bomb(10, 10));
    write(dir, UK_UI, JSON.stringify(ui));
    // …and a paragraph of the article that nests the bomb.
    const demo = JSON.parse(read(dir, UK_DEMO)) as { sections: { war: Record<string, string> } };
    demo.sections.war['p2'] = `${demo.sections.war['p2']} $t(ui:k0)`;
    write(dir, UK_DEMO, JSON.stringify(demo));
    const config = await loadConfig({ cwd: dir });
    const r = createRenderer({
      corpus: (await loadCorpus(config))!,
      resources: readResources(config),
      locale: 'uk',
    });
    expect(r.ui('k0')).toMatchObject({ missing: true, html: '' });
    expect(r.ui('k9')).toMatchObject({ missing: false, text: 'lollollollollollollollollollol' });
    const doc = r.renderDocument('demo');
    // (The mini fixture has no site UI strings: those are "missing in uk" anyway.)
    expect(doc.problems.filter((p) => !p.message.startsWith('missing in'))).toEqual([
      {
        key: 'demo:sections.war.p2',
        message: 'its $t(…) nesting expands to more than 1000 texts or 1,000,000 characters',
      },
    ]);
    expect(doc.sections[1]?.paragraphs[1]).toMatchObject({ missing: true, html: '' });
    expect(doc.sections[1]?.paragraphs[0]?.html).toContain('Близько');
  });

  it('a chain of 10,000 nested keys: no stack overflow in the checker or the renderer', async () => {
    const dir = copyFixture('mini');
    const ui = JSON.parse(read(dir, UK_UI)) as Record<string, unknown>;
    for (let i = 0; i < 10_000; i++) ui[`c${i}`] = `$t(c${i + 1})`;
    ui['c10000'] = 'end';
    write(dir, UK_UI, JSON.stringify(ui, null, 1));
    const o = await everything(dir);
    const deep = ofRule(o.findings, 'placeholders').find((f) => f.key === 'c0');
    expect(deep?.message).toBe(
      '$t(…) nesting from here goes 10000 levels deep (at most 20): the page cannot show it',
    );
    const config = await loadConfig({ cwd: dir });
    const r = createRenderer({
      corpus: (await loadCorpus(config))!,
      resources: readResources(config),
      locale: 'uk',
    });
    expect(r.ui('c0').missing).toBe(true);
    expect(r.ui('c9990').text).toBe('end');
  });

  it('very long texts built of syntax ({{a{{a…, $t($t(…, <i><i>…): every tool finishes within seconds', async () => {
    const dir = copyFixture('mini');
    const n = 60_000;
    for (const l of ['en', 'uk']) {
      const data = JSON.parse(read(dir, `locales/${l}/demo.json`)) as {
        meta: Record<string, string>;
        sections: { war: Record<string, string> };
      };
      data.meta['title'] = '{{a'.repeat(n / 3) + l;
      data.meta['description'] = '$t('.repeat(n / 3) + l;
      data.sections.war['title'] = '<i>'.repeat(n / 3) + l;
      write(dir, `locales/${l}/demo.json`, JSON.stringify(data));
    }
    const o = await everything(dir);
    // The findings about one text are capped: the rest are counted in one more.
    const capped = o.findings.filter(
      (f) => f.key === 'sections.war.title' && f.rule === 'markup' && f.file === UK_DEMO,
    );
    expect(capped).toHaveLength(LIMITS.findingsPerKey + 1);
    expect(capped.at(-1)?.message).toBe(
      '… and 19980 more markup findings about this text (only the first 20 are listed)',
    );
    expectNoPollution(proto);
  });
});
