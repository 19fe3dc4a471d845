import { describe, expect, it } from 'vitest';
import { check } from '../../src/check/check.js';
import { createProject, type ProjectConfigInput } from '../../src/files/memory.js';
import type { Finding } from '../../src/model/finding.js';
import { ConfigError } from '../../src/model/errors.js';
import { copyFixture, project, read, replaceIn, write } from '../support.js';
import { edit, MINI_CONFIG, MINI_CORPUS, MINI_FILES } from './tester.js';

/**
 * Every rule together on the `mini` fixture: where one rule leaves a problem to another, each
 * problem is reported once, by the rule that owns it.
 */
function checkMini(
  files: Record<string, string | null> = {},
  options: { rules?: string[]; config?: Partial<ProjectConfigInput>; core?: boolean } = {},
): Finding[] {
  const all: Record<string, string> = { ...MINI_FILES };
  for (const [p, v] of Object.entries(files)) {
    if (v === null) delete all[p];
    else all[p] = v;
  }
  const p = createProject({
    files: all,
    config: { ...MINI_CONFIG, ...options.config },
    ...(options.core === false ? {} : { corpus: MINI_CORPUS }),
  });
  return check(p, options.rules === undefined ? {} : { rules: options.rules });
}

const summary = (findings: readonly Finding[]) =>
  findings.map((f) => `${f.rule} ${f.locale} ${f.key}`);

describe('rules together on the mini fixture', () => {
  it('the fixture is clean, in memory and on disk', async () => {
    expect(checkMini()).toEqual([]);
    expect(check(await project(copyFixture('mini')))).toEqual([]);
  });

  it('facts owns the slots of paragraphs, placeholders those of other texts', () => {
    const findings = checkMini({
      ...edit('locales/uk/demo.json', ['{{founded, date}}', '{{founde, date}}']),
      ...edit('locales/uk/ui.json', ['Привіт, {{name}}!', 'Привіт, {{nme}}!']),
    });
    expect(summary(findings)).toEqual([
      'facts uk sections.lead.p1',
      'facts uk sections.lead.p1',
      'placeholders uk nav.greeting',
      'placeholders uk nav.greeting',
    ]);
  });

  it('a key renamed in a translation is missing under its name and obsolete under the new one', () => {
    const findings = checkMini(edit('locales/uk/ui.json', ['"greeting":', '"greting":']));
    expect(findings.map((f) => [f.rule, f.severity, f.key, f.line])).toEqual([
      ['missing', 'error', 'nav.greeting', 3],
      ['obsolete', 'warning', 'nav.greting', 4],
    ]);
  });

  it('a file that does not parse is reported by syntax only; the other files are still checked', () => {
    const findings = checkMini({
      ...edit('locales/uk/ui.json', ['"Зміст",', '"Зміст"']),
      ...edit('locales/ja/ui.json', ['    "greeting": "こんにちは、{{name}}!",\n', '']),
    });
    expect(summary(findings)).toEqual(['missing ja nav.greeting', 'syntax uk nav.contents']);
  });

  it('a number typed for a fact slot: the slot is missing (facts) and the number typed (literal-facts)', () => {
    const findings = checkMini(edit('locales/uk/demo.json', ['{{troops, quantity}}', '1 500']));
    expect(summary(findings)).toEqual([
      'facts uk sections.war.p1',
      'literal-facts uk sections.war.p1',
    ]);
  });
});

describe('configuration of the rules', () => {
  it('runs only the requested rules, and no rule that needs a core without one', () => {
    const files = edit('locales/uk/demo.json', ['{{founded, date}}', '1992']);
    const withoutCore = checkMini(files, { core: false });
    const needCore = ['facts', 'literal-facts', 'citations', 'dubious', 'terminology'];
    expect(withoutCore.filter((f) => needCore.includes(f.rule))).toEqual([]);
    // Without a core, the slot {{founded, date}} is one of the source's placeholders.
    expect(summary(withoutCore.filter((f) => f.rule === 'placeholders'))).toEqual([
      'placeholders uk sections.lead.p1',
    ]);
    expect(summary(checkMini(files, { rules: ['literal-facts'] }))).toEqual([
      'literal-facts uk sections.lead.p1',
    ]);
  });

  it('rejects an unknown rule in "rules", in "exemptions" and on the command line, naming it', () => {
    expect(() => checkMini({}, { config: { rules: { speling: 'off' } } })).toThrow(
      /unknown rule "speling" in "rules"/,
    );
    expect(() =>
      checkMini({}, { config: { exemptions: [{ rule: 'speling', key: 'x', reason: 'r' }] } }),
    ).toThrow(/exemptions\[0\]: "rule" must be one of syntax, missing/);
    expect(() => checkMini({}, { rules: ['nope'] })).toThrow(ConfigError);
  });

  it('rejects options a rule does not have, and options of the wrong type', () => {
    expect(() => checkMini({}, { config: { rules: { markup: { alowTags: {} } } } })).toThrow(
      /"rules\.markup\.alowTags": markup has no such option \(options: severity, keys, allowTags, allowlist\)/,
    );
    expect(() =>
      checkMini({}, { config: { rules: { untranslated: { allow: 'Reuters' } } } }),
    ).toThrow(/"rules\.untranslated\.allow" must be a list of strings/);
  });

  it('rejects an exemption without a reason (in the config file)', async () => {
    const dir = copyFixture('mini');
    const c = JSON.parse(read(dir, 'bilateral.config.json')) as { exemptions: unknown[] };
    c.exemptions.push({ rule: 'empty', key: 'x' });
    write(dir, 'bilateral.config.json', JSON.stringify(c));
    await expect(project(dir)).rejects.toThrow(/"reason" is required/);
    replaceIn(dir, 'bilateral.config.json', '"key":"x"}', '"key":"x","reason":"test"}');
    expect(check(await project(dir))).toEqual([]);
  });
});
