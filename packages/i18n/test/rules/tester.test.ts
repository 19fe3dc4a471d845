import { describe, expect, it } from 'vitest';
import { defineRule, RuleTester, type InvalidCase } from '../../src/testing.js';

/** A rule for the tester's own tests: every text that ends with "!" (an error). */
const bang = defineRule({
  meta: { id: 'test/bang', severity: 'error', needsCore: false, description: 'No "!".' },
  namespace(ctx) {
    for (const { file, entry, value } of ctx.strings()) {
      if (value.endsWith('!'))
        ctx.report({
          file,
          offset: file.valueOffset(entry, value.length - 1),
          key: entry.key,
          message: `"${entry.key}" shouts`,
          hint: 'Drop the "!".',
        });
    }
  },
});

/** Runs the tester with hooks that collect its tests, and runs each: the failures, by name. */
function failures(cases: { valid?: object[]; invalid?: InvalidCase[] }): Record<string, string> {
  const tests: [string, () => void][] = [];
  const path: string[] = [];
  const saved = [RuleTester.describe, RuleTester.it] as const;
  RuleTester.describe = (name, body) => {
    path.push(name);
    body();
    path.pop();
  };
  RuleTester.it = (name, body) => tests.push([[...path, name].join(' > '), body]);
  try {
    new RuleTester().run(bang, { valid: cases.valid ?? [], invalid: cases.invalid ?? [] });
  } finally {
    [RuleTester.describe, RuleTester.it] = saved;
  }
  const out: Record<string, string> = {};
  for (const [name, body] of tests) {
    try {
      body();
      out[name] = 'passed';
    } catch (e) {
      out[name] = (e as Error).message.split('\n')[0] as string;
    }
  }
  return out;
}

const shouts = { 'locales/en/ui.json': { hi: 'Hello!' } };

describe('the rule tester', () => {
  it('passes cases that hold, under describe(rule id) > valid | invalid', () => {
    expect(
      failures({
        valid: [{ name: 'calm', files: { 'locales/en/ui.json': { hi: 'Hello.' } } }],
        invalid: [
          {
            name: 'loud',
            files: shouts,
            errors: [{ key: 'hi', line: 2, column: 15, message: /shouts/, severity: 'error' }],
          },
        ],
      }),
    ).toEqual({ 'test/bang > valid > calm': 'passed', 'test/bang > invalid > loud': 'passed' });
  });

  it('fails a valid case that reports, and an invalid case that reports something else', () => {
    expect(
      failures({
        valid: [{ files: shouts }],
        invalid: [
          { name: 'count', files: shouts, errors: 2 },
          { name: 'message', files: shouts, errors: [{ message: 'whispers' }] },
          { name: 'regexp', files: shouts, errors: [{ message: /whispers/ }] },
          { name: 'line', files: shouts, errors: [{ message: /shouts/, line: 3 }] },
          { name: 'column', files: shouts, errors: [{ message: /shouts/, column: 1 }] },
          { name: 'key', files: shouts, errors: [{ message: /shouts/, key: 'ho' }] },
          { name: 'nothing', files: { 'locales/en/ui.json': { hi: 'Hi.' } }, errors: 1 },
        ],
      }),
    ).toEqual({
      'test/bang > valid > valid #0': 'test/bang should report nothing',
      'test/bang > invalid > count': 'should report 2 finding(s), reported 1:',
      'test/bang > invalid > message': expect.stringMatching(/^finding 0 .*: message$/),
      'test/bang > invalid > regexp': expect.stringMatching(/^finding 0 .*: message$/),
      'test/bang > invalid > line': expect.stringMatching(/^finding 0 .*: line$/),
      'test/bang > invalid > column': expect.stringMatching(/^finding 0 .*: column$/),
      'test/bang > invalid > key': expect.stringMatching(/^finding 0 .*: key$/),
      'test/bang > invalid > nothing': 'should report 1 finding(s), reported 0:',
    });
  });

  it('applies the config: severities, options, exemptions', () => {
    const tester = new RuleTester();
    expect(
      tester.findings(bang, { files: shouts, config: { rules: { 'test/bang': 'warning' } } }),
    ).toMatchObject([{ severity: 'warning' }]);
    expect(
      tester.findings(bang, {
        files: shouts,
        config: { exemptions: [{ rule: 'test/bang', key: 'hi', reason: 'greeting' }] },
      }),
    ).toEqual([]);
    expect(() => tester.findings(bang, { files: shouts, options: { loud: true } })).toThrow(
      /test\/bang has no such option/,
    );
  });

  it('asks for a core when the rule needs one', () => {
    const cored = defineRule({ ...bang, meta: { ...bang.meta, needsCore: true } });
    expect(() => new RuleTester().findings(cored, { files: shouts })).toThrow(/needs a core/);
  });
});
