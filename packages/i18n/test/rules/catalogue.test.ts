import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/catalogue.js';
import { BUILTIN_RULES } from '../../src/check/rules/index.js';
import { PKG, REPO } from '../support.js';

/**
 * The lightweight list of the built-in rules (check/catalogue.ts, for the CLI's help) is derived
 * from the rules' own metadata; so are the config schema and the translator's guide. Run with
 * UPDATE_CATALOGUE=1 to rewrite the list from the rules.
 */
const CATALOGUE = path.join(PKG, 'src/check/catalogue.ts');

/** A string literal as prettier writes it: single quotes unless the text has one. */
const quote = (s: string) =>
  s.includes("'") ? JSON.stringify(s) : `'${s.replace(/\\/g, '\\\\')}'`;

function generated(): string {
  const entries = BUILTIN_RULES.map(({ meta }) =>
    [
      '  {',
      `    id: ${quote(meta.id)},`,
      `    severity: ${quote(meta.severity)},`,
      `    needsCore: ${meta.needsCore},`,
      `    description: ${quote(meta.description)},`,
      '  },',
    ].join('\n'),
  );
  const text = readFileSync(CATALOGUE, 'utf8');
  return text.replace(
    /(export const RULES: readonly RuleInfo\[\] = \[)[\s\S]*?(\n\];)/,
    (_m, head: string, tail: string) => `${head}\n${entries.join('\n')}${tail}`,
  );
}

describe('the rule catalogue', () => {
  it('lists every built-in rule as its module describes it, in order', () => {
    const expected = generated();
    if (process.env['UPDATE_CATALOGUE'] === '1') writeFileSync(CATALOGUE, expected);
    expect(readFileSync(CATALOGUE, 'utf8')).toBe(expected);
    expect(RULES).toEqual(
      BUILTIN_RULES.map(({ meta }) => ({
        id: meta.id,
        severity: meta.severity,
        needsCore: meta.needsCore,
        description: meta.description,
      })),
    );
  });

  it('matches the config schema: every rule, with the options it declares', () => {
    const schema = JSON.parse(
      readFileSync(path.join(PKG, 'schema/config.schema.json'), 'utf8'),
    ) as {
      properties: {
        rules: {
          properties: Record<string, { description: string; oneOf: { properties?: object }[] }>;
        };
        exemptions: { items: { properties: { rule: { anyOf: [{ enum: string[] }] } } } };
      };
    };
    const inSchema = schema.properties.rules.properties;
    expect(Object.keys(inSchema)).toEqual(BUILTIN_RULES.map((r) => r.meta.id));
    for (const { meta } of BUILTIN_RULES) {
      expect(inSchema[meta.id]?.description).toBe(
        `${meta.description} Default: ${meta.severity}${meta.needsCore ? ' (runs only with a core)' : ''}.`,
      );
      const object = inSchema[meta.id]?.oneOf.find((o) => o.properties !== undefined);
      expect(Object.keys(object?.properties ?? {}), meta.id).toEqual([
        'severity',
        'keys',
        ...Object.keys(meta.options ?? {}),
      ]);
    }
    expect(schema.properties.exemptions.items.properties.rule.anyOf[0].enum).toEqual([
      '*',
      ...BUILTIN_RULES.map((r) => r.meta.id),
    ]);
  });

  it("has a section for every rule in the translator's guide", () => {
    const guide = readFileSync(path.join(REPO, 'docs/translating.md'), 'utf8');
    for (const { meta } of BUILTIN_RULES)
      expect(guide, meta.id).toMatch(new RegExp(`^### \`${meta.id}\``, 'm'));
  });
});
