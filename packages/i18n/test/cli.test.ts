import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 30000 });
import {
  CLI,
  cli,
  copyFixture,
  copyRepo,
  read,
  replaceIn,
  tempDir,
  write,
  waitFor,
  type Run,
} from './support.js';

/** End to end: the built CLI (node bin/bilateral.js) spawned on temporary copies of the fixtures. */

const noStack = (r: Run) => {
  expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+/);
};

describe('help', () => {
  it('teaches the everyday loop with examples', async () => {
    const r = await cli(['--help'], tempDir());
    expect(r.code).toBe(0);
    for (const s of [
      'The everyday loop',
      'bilateral check --locale uk',
      'bilateral accept uk',
      'bilateral sync --prune',
      "--locales 'public/locales/{lng}/{ns}.json'",
      'Exit codes',
    ]) {
      expect(r.stdout).toContain(s);
    }
  });

  it('lists every rule under check --help', async () => {
    const r = await cli(['check', '--help'], tempDir());
    for (const rule of ['syntax', 'literal-facts', 'terminology', 'punctuation'])
      expect(r.stdout).toContain(rule);
    expect(r.stdout).toContain('--watch');
  });

  it('--version and -v print the version of the package, nothing else', async () => {
    const { version } = JSON.parse(read(path.dirname(path.dirname(CLI)), 'package.json')) as {
      version: string;
    };
    for (const flag of ['--version', '-v']) {
      const r = await cli([flag], tempDir());
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
      expect(r.stderr).toBe('');
    }
  });
});

describe('exit codes', () => {
  it('0 when clean, 1 on errors (warnings alone do not fail)', async () => {
    const dir = copyFixture('mini');
    expect((await cli(['check'], dir)).code).toBe(0);
    replaceIn(dir, 'locales/uk/demo.json', '"Війна"', '"Війна "');
    expect((await cli(['check'], dir)).code).toBe(0);
    replaceIn(dir, 'locales/uk/demo.json', '{{founded, date}}', '{{founded}}');
    const r = await cli(['check'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('1 error, 2 warnings in 1 file');
    // --locale reports only the languages asked for.
    const ja = await cli(['check', '--locale', 'ja', 'en'], dir);
    expect(ja.code).toBe(0);
    expect(ja.stdout).toContain('No problems found');
  });

  it('2 on usage and configuration mistakes, with a message and never a stack', async () => {
    const mini = copyFixture('mini');
    const empty = tempDir();
    const badJson = tempDir();
    write(badJson, 'bilateral.config.json', '{ "sourceLocale": "en", }');
    const runs = await Promise.all([
      cli(['check', '--frmat', 'json'], mini),
      cli(['chek'], mini),
      cli(['check', '--format', 'xml'], mini),
      cli(['check', '--rule', 'speling'], mini),
      cli(['check'], empty),
      cli(['check'], badJson),
      cli(['accept', 'en'], mini),
      cli(['accept', 'xx'], mini),
      cli(['check', '--locale', 'xx'], mini),
      cli(['--config', 'nope.json', 'check'], mini),
      cli(['check', '--source', 'en', '--locales', 'public/locale/{lng}/{ns}.json'], empty),
    ]);
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.stderr.length).toBeGreaterThan(0);
      noStack(r);
    }
    expect(runs[3]?.stderr).toContain('unknown rule "speling"');
    expect(runs[4]?.stderr).toContain('--source');
    expect(runs[5]?.stderr).toContain('not valid JSON');
    expect(runs[6]?.stderr).toContain('source locale');
    expect(runs[10]?.stderr).toContain('nothing matches public/locale/en/*.json');
  });
});

describe('output formats', () => {
  function broken() {
    const dir = copyFixture('mini');
    replaceIn(
      dir,
      'locales/uk/demo.json',
      '<ref id=\\"r2\\"/><ref id=\\"r1\\"/>',
      '<ref id=\\"r1\\"/>',
    );
    return dir;
  }

  it('pretty: grouped by file, code frame with a caret, summary naming the next command', async () => {
    const r = await cli(['check'], broken());
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('locales/uk/demo.json');
    expect(r.stdout).toContain('error  missing citation <ref id="r2"/>');
    expect(r.stdout).toContain('key  sections.war.p1');
    const frame = lines.findIndex((l) => l.includes('15 │'));
    expect(lines[frame + 1]).toMatch(/^\s+│ +\^$/);
    expect(r.stdout).toMatch(/✖ 1 error, 0 warnings in 1 file\.\nNext: .*bilateral check/);
  });

  it('pretty names `pnpm i18n` when run as the root script', async () => {
    const r = await cli(['check'], broken(), { npm_lifecycle_event: 'i18n' });
    expect(r.stdout).toContain('pnpm i18n check');
    expect(r.stdout).not.toContain('bilateral check');
  });

  it('json: an array of findings with every field', async () => {
    const r = await cli(['check', '--format', 'json'], broken());
    expect(JSON.parse(r.stdout)).toEqual([
      {
        rule: 'citations',
        severity: 'error',
        locale: 'uk',
        file: 'locales/uk/demo.json',
        line: 15,
        column: 14,
        key: 'sections.war.p1',
        message: expect.stringContaining('missing citation'),
        hint: expect.stringContaining('<ref id="r2"/>'),
      },
    ]);
  });

  it('sarif: SARIF 2.1.0 with rules and located results', async () => {
    const r = await cli(['check', '--format', 'sarif'], broken());
    const sarif = JSON.parse(r.stdout) as {
      version: string;
      runs: {
        tool: { driver: { rules: { id: string }[] } };
        results: {
          ruleId: string;
          level: string;
          locations: {
            physicalLocation: {
              artifactLocation: { uri: string };
              region: { startLine: number; startColumn: number };
            };
          }[];
        }[];
      }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run?.tool.driver.rules.map((x) => x.id)).toContain('citations');
    expect(run?.results).toMatchObject([
      {
        ruleId: 'citations',
        level: 'error',
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'locales/uk/demo.json' },
              region: { startLine: 15, startColumn: 14 },
            },
          },
        ],
      },
    ]);
  });

  it('github: workflow annotations', async () => {
    const r = await cli(['check', '--format', 'github'], broken());
    expect(r.stdout).toMatch(
      /^::error file=locales\/uk\/demo\.json,line=15,col=14,title=citations%3A sections\.war\.p1::missing citation <ref id="r2"\/>.*%0AFix: /,
    );
    expect(r.code).toBe(1);
  });
});

describe('--watch', () => {
  it('re-checks after an edit and prints the new result', async () => {
    const dir = copyFixture('mini');
    const child = spawn(process.execPath, [CLI, 'check', '--watch', '--format', 'json'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const until = (pred: () => boolean, ms: number) =>
      waitFor(pred, ms, () => `stdout: ${stdout} stderr: ${stderr}`);
    try {
      // "Watching" comes once the watcher is ready: an edit saved from then on is seen.
      await until(() => stderr.includes('Watching'), 8000);
      expect(stdout.trim()).toBe('[]');
      replaceIn(dir, 'locales/uk/ui.json', 'Привіт, {{name}}!', 'Привіт, {{nme}}!');
      await until(() => stdout.includes('"rule": "placeholders"'), 8000);
      expect(stderr).toContain('locales/uk/ui.json changed, re-checked in');
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
  }, 20000);
});

describe('status', () => {
  it('prints a table with a bar, and JSON', async () => {
    const dir = copyFixture('mini');
    replaceIn(dir, 'locales/uk/ui.json', '"Зміст"', '"Contents"');
    replaceIn(dir, 'locales/ja/demo.json', '      "title": "戦争",\n', '');
    const table = await cli(['status'], dir);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/en \(source\)\s+19\s+19\s+0\s+0\s+0\s+█{20} 100%/);
    expect(table.stdout).toMatch(/uk\s+19\s+18\s+0\s+0\s+1\s+█+░+ 94\.7%/);
    expect(table.stdout).toMatch(/ja\s+19\s+18\s+1\s+0\s+0\s+█+░+ 94\.7%/);
    const json = await cli(['status', '--format', 'json'], dir);
    const report = JSON.parse(json.stdout) as {
      sourceLocale: string;
      locales: {
        locale: string;
        missing: number;
        sections: { namespace: string; section: string; missing: number }[];
      }[];
    };
    expect(report.sourceLocale).toBe('en');
    const ja = report.locales.find((l) => l.locale === 'ja');
    expect(ja?.sections.find((s) => s.namespace === 'demo' && s.section === 'war')).toMatchObject({
      missing: 1,
    });
  });

  it('reports the same from a check cache, and counts an edit made since', async () => {
    const dir = copyFixture('mini');
    replaceIn(dir, 'locales/uk/ui.json', '"Зміст"', '"Contents"');
    const without = await cli(['status', '--format', 'json'], dir);
    write(dir, 'node_modules/.keep', '');
    expect((await cli(['check'], dir)).code).not.toBe(2);
    expect(existsSync(path.join(dir, 'node_modules/.cache/bilateral/check.json'))).toBe(true);
    const cached = await cli(['status', '--format', 'json'], dir);
    expect(cached.stdout).toBe(without.stdout);
    replaceIn(dir, 'locales/ja/demo.json', '      "title": "戦争",\n', '');
    const edited = await cli(['status', '--format', 'json'], dir);
    rmSync(path.join(dir, 'node_modules'), { recursive: true });
    expect(edited.stdout).toBe((await cli(['status', '--format', 'json'], dir)).stdout);
    expect(edited.stdout).not.toBe(without.stdout);
  });
});

describe('accept and stale', () => {
  it('records the review; a changed source sentence is stale (a warning with a word diff, an error with --strict) until accepted again', async () => {
    const dir = copyFixture('mini');
    expect((await cli(['accept', 'uk'], dir)).stdout).toContain('Accepted 19 translations of uk');
    expect((await cli(['accept', 'ja'], dir)).code).toBe(0);
    expect(JSON.parse(read(dir, 'locales/uk/.bilateral-lock.json'))).toMatchObject({
      version: 2,
      sourceLocale: 'en',
      keys: { 'ui:nav.contents': { source: 'Contents' } },
    });
    expect((await cli(['check'], dir)).code).toBe(0);
    replaceIn(dir, 'locales/en/ui.json', '"Contents"', '"Table of contents"');
    const stale = await cli(['check', '--format', 'json'], dir);
    expect(stale.code).toBe(0);
    expect(
      (
        JSON.parse(stale.stdout) as {
          rule: string;
          severity: string;
          locale: string;
          key: string;
        }[]
      ).map((f) => `${f.rule} ${f.severity} ${f.locale} ${f.key}`),
    ).toEqual(['stale warning ja nav.contents', 'stale warning uk nav.contents']);
    const pretty = await cli(['check', '--locale', 'uk'], dir);
    expect(pretty.stdout).toContain(
      'the source text changed since this translation was accepted (locales/en/ui.json:3): [-Contents-]{+Table of contents+}',
    );
    const strict = await cli(['check', '--strict', '--format', 'json'], dir);
    expect(strict.code).toBe(1);
    expect((JSON.parse(strict.stdout) as { severity: string }[]).map((f) => f.severity)).toEqual([
      'error',
      'error',
    ]);
    expect((await cli(['accept', 'uk', 'ui:nav.contents'], dir)).code).toBe(0);
    expect((await cli(['accept', 'ja', 'nav.*'], dir)).code).toBe(0);
    expect((await cli(['check'], dir)).code).toBe(0);
    const unknown = await cli(['accept', 'uk', 'ui:nav.nothing'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no key of uk matches "ui:nav.nothing"');
  });
});

describe('schema', () => {
  it('writes a schema per locale file and merges the mapping into .vscode/settings.json', async () => {
    const dir = copyFixture('mini');
    mkdirSync(path.join(dir, '.vscode'));
    write(
      dir,
      '.vscode/settings.json',
      '{\n  // mine\n  "editor.tabSize": 4,\n  "json.schemas": [{ "fileMatch": ["/x.json"], "url": "./x.schema.json" }]\n}\n',
    );
    const r = await cli(['schema'], dir);
    expect(r.code).toBe(0);
    const uk = JSON.parse(read(dir, '.bilateral/schema/uk/ui.schema.json')) as {
      properties: {
        citation: { required: string[]; properties: Record<string, unknown> };
        nav: { properties: { greeting: { pattern: string } } };
      };
      additionalProperties: boolean;
    };
    expect(uk.additionalProperties).toBe(false);
    expect(uk.properties.citation.required).toEqual([
      'pages_one',
      'pages_few',
      'pages_many',
      'pages_other',
      'title',
    ]);
    expect(
      new RegExp(uk.properties.nav.properties.greeting.pattern).test('Привіт, {{name}}!'),
    ).toBe(true);
    expect(new RegExp(uk.properties.nav.properties.greeting.pattern).test('Привіт, {{nme}}!')).toBe(
      false,
    );
    const demo = JSON.parse(read(dir, '.bilateral/schema/ja/demo.schema.json')) as {
      properties: {
        sections: { properties: { war: { properties: { p1: { pattern: string } } } } };
      };
    };
    const p1 = new RegExp(demo.properties.sections.properties.war.properties.p1.pattern);
    expect(p1.test('約{{troops, quantity}}。<ref id="r1"/><ref id="r2"/><dubious/>')).toBe(true);
    expect(p1.test('約{{troops, quantity}}。<ref id="r1"/><dubious/>')).toBe(false);
    const settings = read(dir, '.vscode/settings.json');
    expect(settings).toContain('// mine');
    expect(settings).toContain('"editor.tabSize": 4');
    expect(settings).toContain('"url": "./x.schema.json"');
    expect(settings).toContain('"fileMatch": [\n        "/locales/uk/ui.json"');
    expect(settings).toContain('"url": "./.bilateral/schema/uk/ui.schema.json"');
    // Running again replaces our mappings instead of adding them twice.
    await cli(['schema'], dir);
    expect(
      read(dir, '.vscode/settings.json').split('./.bilateral/schema/uk/ui.schema.json').length,
    ).toBe(2);
  });

  it('writes to --out without touching VS Code settings when asked', async () => {
    const dir = copyFixture('mini');
    const r = await cli(['schema', '--out', 'schemas', '--no-vscode'], dir);
    expect(r.code).toBe(0);
    expect(existsSync(path.join(dir, 'schemas/en/demo.schema.json'))).toBe(true);
    expect(existsSync(path.join(dir, '.vscode'))).toBe(false);
  });
});

describe('a plain i18next project without a core', () => {
  const flags = ['--source', 'en', '--locales', 'public/locales/{lng}/{ns}.json'];

  it('checks public/locales/{lng}/{ns}.json from flags', async () => {
    const dir = copyFixture('app');
    const clean = await cli(['check', '--format', 'json', ...flags], dir);
    expect(clean.code).toBe(0);
    // "Taskly" stays "Taskly": a brand name, reported as a warning only.
    expect((JSON.parse(clean.stdout) as { rule: string }[]).map((f) => f.rule)).toEqual([
      'untranslated',
      'untranslated',
    ]);
    replaceIn(dir, 'public/locales/uk/common.json', '  "items_few": "{{count}} завдання",\n', '');
    replaceIn(dir, 'public/locales/de/common.json', '"{{item}} löschen?"', '"{{itm}} löschen?"');
    replaceIn(dir, 'public/locales/de/home.json', '$t(common:items', '$t(common:item');
    const r = await cli(['check', '--format', 'json', ...flags], dir);
    expect(r.code).toBe(1);
    const found = (
      JSON.parse(r.stdout) as { rule: string; file: string; key: string; severity: string }[]
    ).filter((f) => f.severity === 'error');
    expect(found.map((f) => `${f.rule} ${f.file} ${f.key}`)).toEqual([
      'placeholders public/locales/de/common.json actions.delete',
      'placeholders public/locales/de/common.json actions.delete',
      'placeholders public/locales/de/home.json summary',
      'plurals public/locales/uk/common.json items_few',
    ]);
  });

  it('syncs and reports status the same way', async () => {
    const dir = copyFixture('app');
    replaceIn(dir, 'public/locales/de/home.json', '  "title": "Deine Aufgaben",\n', '');
    const s = await cli(['sync', ...flags], dir);
    expect(s.stdout).toContain('+ title');
    expect(read(dir, 'public/locales/de/home.json')).toContain('"title": "Your tasks",\n  "empty"');
    const st = await cli(['status', '--format', 'json', ...flags], dir);
    expect(
      (
        JSON.parse(st.stdout) as { locales: { locale: string; untranslated: number }[] }
      ).locales.find((l) => l.locale === 'de')?.untranslated,
    ).toBe(2);
  });
});

describe('render', () => {
  it('still renders a document', async () => {
    const r = await cli(['render', '--locale', 'en'], copyRepo());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('North Korea–Ukraine relations');
  });
});
