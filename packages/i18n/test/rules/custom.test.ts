import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check/check.js';
import type { Finding } from '../../src/model/finding.js';
import { RuleTester, type Rule } from '../../src/testing.js';
import { cli, copyFixture, FIXTURES, PKG, project, read, write } from '../support.js';
import './tester.js';

/**
 * A project's own rule: the example of docs/translating.md ("Custom rules"), in the custom-rule
 * fixture. It is tested like the built-in rules, and runs and reports like them through the
 * config (severities, options, exemptions), `--rule`, and every output format.
 */
const FIXTURE = path.join(FIXTURES, 'custom-rule');
const MODULE = path.join(FIXTURE, 'rules/no-exclamation.mjs');
const noExclamation = ((await import(pathToFileURL(MODULE).href)) as { default: Rule }).default;

new RuleTester({ config: { sourceLocale: 'en' } }).run(noExclamation, {
  valid: [
    { name: 'calm texts', files: { 'locales/en/ui.json': { a: 'Hello.', b: 'Why?' } } },
    {
      name: 'an exclamation mark inside markup or a placeholder is not in the text',
      files: { 'locales/en/ui.json': { a: 'Read <b title="!">this</b>, {{name!}}.' } },
    },
    {
      name: 'keys allowed in the options',
      options: { allow: ['ui:a'] },
      files: { 'locales/en/ui.json': { a: 'Hooray!' } },
    },
  ],
  invalid: [
    {
      name: 'an exclamation mark, at its column',
      files: { 'locales/en/ui.json': { a: 'Hello!' } },
      errors: [
        {
          severity: 'warning',
          key: 'a',
          line: 2,
          column: 14,
          message: '"!" in "a": the house style has no exclamation marks',
        },
      ],
    },
    {
      name: 'a fullwidth one in a translation, and every one of several',
      files: {
        'locales/en/ui.json': { a: 'Go. Now.' },
        'locales/ja/ui.json': { a: '行け！今！' },
      },
      errors: [
        { locale: 'ja', key: 'a', column: 11, message: /^"！" in "a"/ },
        { locale: 'ja', key: 'a', column: 13, message: /^"！" in "a"/ },
      ],
    },
    {
      name: 'a severity from the config',
      config: { rules: { 'local/no-exclamation': 'error' } },
      files: { 'locales/en/ui.json': { nav: { a: 'Hi!' } } },
      errors: [{ severity: 'error', key: 'nav.a', line: 3, column: 13, message: /^"!"/ }],
    },
  ],
});

const summary = (findings: readonly Finding[]) =>
  findings.map((f) => `${f.rule} ${f.severity} ${f.locale} ${f.key}`);

describe('a rule named in the config ("plugins")', () => {
  it('runs with the built-in rules, with its options and exemptions from the config', async () => {
    const p = await project(copyFixture('custom-rule'));
    // "cheer" is allowed by the rule's option; uk's "quote" is exempted.
    expect(summary(check(p))).toEqual([
      'local/no-exclamation warning en greeting',
      'local/no-exclamation warning uk greeting',
    ]);
    expect(summary(check(p, { rules: ['local/no-exclamation'] }))).toHaveLength(2);
    expect(check(p, { rules: ['syntax'] })).toEqual([]);
    expect(() => check(p, { rules: ['local/no-exclamaton'] })).toThrow(
      /unknown rule "local\/no-exclamaton". Rules: syntax, .*, punctuation, local\/no-exclamation/,
    );
  });

  it('is named, with the module, when it cannot be used', async () => {
    const dir = copyFixture('custom-rule');
    const config = JSON.parse(read(dir, 'bilateral.config.json')) as Record<string, unknown>;
    const withPlugin = async (file: string, source: string | undefined) => {
      if (source !== undefined) write(dir, `rules/${file}`, source);
      write(
        dir,
        'bilateral.config.json',
        JSON.stringify({ ...config, plugins: [`./rules/${file}`], rules: {}, exemptions: [] }),
      );
      return check(await project(dir));
    };
    const object = (meta: object, body = 'namespace() {}') =>
      `{ meta: ${JSON.stringify(meta)}, ${body} }`;
    const rule = (meta: object, body?: string) => `export default ${object(meta, body)};`;
    const meta = { id: 'local/x', severity: 'error', description: 'X.' };
    await expect(withPlugin('nowhere.mjs', undefined)).rejects.toThrow(
      /plugins\[0\] \(\.\/rules\/nowhere\.mjs\): cannot load the rule module: Cannot find module/,
    );
    await expect(withPlugin('a.mjs', rule({ ...meta, id: 'x' }))).rejects.toThrow(
      /"meta\.id" must be "<namespace>\/<name>"/,
    );
    await expect(withPlugin('b.mjs', rule({ ...meta, severity: 'loud' }))).rejects.toThrow(
      /"meta\.severity" must be one of error, warning, info/,
    );
    await expect(withPlugin('c.mjs', rule(meta, 'x: 1'))).rejects.toThrow(
      /neither a "namespace" nor a "project" pass/,
    );
    await expect(withPlugin('d.mjs', `await 0;\n${rule(meta)}`)).rejects.toThrow(/top-level await/);
    await expect(
      withPlugin('e.mjs', rule(meta, 'namespace() { throw new Error("oops"); }')),
    ).rejects.toThrow(
      /rule "local\/x" \(\.\/rules\/e\.mjs\) failed while checking namespace ui: oops/,
    );
    await expect(
      withPlugin('f.mjs', `export default [${object(meta)}, ${object(meta)}];`),
    ).rejects.toThrow(/a rule "local\/x" is already defined/);
  });
});

describe("a project's own rule through the CLI", () => {
  it('reports in JSON and SARIF like a built-in rule, and takes --rule', async () => {
    const dir = copyFixture('custom-rule');
    const json = await cli(['check', '--format', 'json'], dir);
    expect(json.code).toBe(0); // warnings only
    expect(summary(JSON.parse(json.stdout) as Finding[])).toEqual([
      'local/no-exclamation warning en greeting',
      'local/no-exclamation warning uk greeting',
    ]);
    const sarif = await cli(['check', '--format', 'sarif', '--rule', 'local/no-exclamation'], dir);
    const run = (
      JSON.parse(sarif.stdout) as {
        runs: {
          tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } };
          results: { ruleId: string; ruleIndex: number }[];
        }[];
      }
    ).runs[0];
    const rules = run?.tool.driver.rules ?? [];
    const own = rules.findIndex((r) => r.id === 'local/no-exclamation');
    expect(rules[own]?.shortDescription.text).toBe(
      'No exclamation marks: the house style is calm.',
    );
    expect(run?.results.map((r) => [r.ruleId, r.ruleIndex])).toEqual([
      ['local/no-exclamation', own],
      ['local/no-exclamation', own],
    ]);
  });

  it('fails on its errors, and names an unknown rule (exit 2)', async () => {
    const dir = copyFixture('custom-rule');
    const config = JSON.parse(read(dir, 'bilateral.config.json')) as { rules: object };
    write(
      dir,
      'bilateral.config.json',
      JSON.stringify({ ...config, rules: { 'local/no-exclamation': 'error' } }),
    );
    const r = await cli(['check'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /2:23 {2}error {2}"!" in "greeting": the house style has no exclamation marks {2}local\/no-exclamation/,
    );
    const unknown = await cli(['check', '--rule', 'local/nope'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown rule "local/nope"');
  });
});

describe('the rule tester under node:test (no describe/it given)', () => {
  it('registers its cases with node:test, which runs them', () => {
    const dir = copyFixture('custom-rule');
    const testing = pathToFileURL(path.join(PKG, 'dist/testing.js')).href;
    const test = (expected: string) =>
      [
        `import { RuleTester } from ${JSON.stringify(testing)};`,
        `import rule from './rules/no-exclamation.mjs';`,
        `new RuleTester().run(rule, {`,
        `  valid: [{ files: { 'locales/en/ui.json': { a: 'Hi.' } } }],`,
        `  invalid: [{ files: { 'locales/en/ui.json': { a: 'Hi!' } }, errors: [{ message: ${expected} }] }],`,
        `});`,
      ].join('\n');
    write(dir, 'pass.test.mjs', test('/house style/'));
    write(dir, 'fail.test.mjs', test('"something else"'));
    const run = (file: string) =>
      // The TAP reporter on every Node (its default for a pipe was TAP on Node 20, spec on 24).
      spawnSync(process.execPath, ['--test', '--test-reporter=tap', file], {
        cwd: dir,
        encoding: 'utf8',
      });
    const pass = run('pass.test.mjs');
    expect(pass.status, pass.stdout + pass.stderr).toBe(0);
    expect(pass.stdout).toMatch(/# pass 2/);
    const fail = run('fail.test.mjs');
    expect(fail.status).toBe(1);
    expect(fail.stdout).toMatch(/# fail 1/);
  });
});
