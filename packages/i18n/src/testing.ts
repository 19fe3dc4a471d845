import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { Corpus } from '@bilateral/core';
import { runRules } from './check/check.js';
import type { AnyRule, Rule } from './check/rule.js';
import { createProject, type FileContents, type ProjectConfigInput } from './files/memory.js';
import type { Finding, Severity, Suggestion } from './model/finding.js';

/**
 * `@bilateral/i18n/testing`: a tester for check rules, built-in or a project's own, in the spirit
 * of ESLint's RuleTester. Each case is a small project in memory; the tester runs the one rule on
 * it and asserts what it reports.
 *
 * ```js
 * import { RuleTester } from '@bilateral/i18n/testing';
 * import rule from './rules/no-exclamation.mjs';
 *
 * new RuleTester({ config: { sourceLocale: 'en' } }).run(rule, {
 *   valid: [{ files: { 'locales/en/ui.json': { hi: 'Hello.' } } }],
 *   invalid: [
 *     {
 *       files: { 'locales/en/ui.json': { hi: 'Hello!' } },
 *       errors: [{ key: 'hi', line: 2, column: 9, message: /exclamation/ }],
 *     },
 *   ],
 * });
 * ```
 *
 * It registers its cases with the test framework's `describe` and `it`: those set on
 * {@link RuleTester.describe} and {@link RuleTester.it} (vitest: `RuleTester.describe = describe`),
 * else global ones (jest, mocha, vitest with globals), else `node:test`'s.
 */

export { createProject, type FileContents, type ProjectConfigInput } from './files/memory.js';
export { defineRule, type Rule, type RuleMeta, type RuleOption } from './check/rule.js';
export type { NamespaceContext, ProjectContext, RawFinding, FileRef } from './check/context.js';
export type { Scanned } from './check/scan.js';
export type { Finding, Severity, Suggestion } from './model/finding.js';

/**
 * A case's files, by path relative to the project root. A value is the file's text or bytes, or
 * JSON data (written with two-space indentation, as `JSON.stringify(data, null, 2)`); `null`
 * removes a file the tester's base files have.
 */
export type TestFiles = Readonly<Record<string, FileContents | object | null>>;

export interface ValidCase {
  /** The test's name (default: its index). */
  readonly name?: string;
  /** The project's files, over the tester's base files. */
  readonly files?: TestFiles;
  /** Configuration over the tester's (`rules` and `exemptions` replace the tester's). */
  readonly config?: Partial<ProjectConfigInput>;
  /** The rule's options (its `rules.<id>` object in the config). */
  readonly options?: Readonly<Record<string, unknown>>;
  /** The core (default: the tester's). */
  readonly corpus?: Corpus;
}

export interface InvalidCase extends ValidCase {
  /** What the rule must report, in report order (file, line, column); or how many findings. */
  readonly errors: readonly ExpectedFinding[] | number;
}

/** A finding the rule must report; what is left out is not checked. */
export interface ExpectedFinding {
  readonly message: string | RegExp;
  readonly key?: string;
  readonly line?: number;
  readonly column?: number;
  readonly file?: string;
  readonly locale?: string;
  readonly severity?: Severity;
  readonly hint?: string | RegExp;
  readonly suggestion?: Suggestion;
}

export interface RuleTesterOptions {
  /** Files every case starts from (a case's files are laid over them). */
  readonly files?: TestFiles;
  /** Configuration every case starts from (default: `{ sourceLocale: 'en' }`). */
  readonly config?: Partial<ProjectConfigInput>;
  /** The core every case has (for rules that need one). */
  readonly corpus?: Corpus;
}

type Describe = (name: string, body: () => void) => unknown;
type It = (name: string, body: () => void) => unknown;

export class RuleTester {
  /** The test framework's `describe` (default: a global one, else `node:test`'s). */
  static describe: Describe | undefined;
  /** The test framework's `it` (default: a global one, else `node:test`'s). */
  static it: It | undefined;

  constructor(private readonly defaults: RuleTesterOptions = {}) {}

  /** Registers a test per case: every valid case reports nothing; every invalid case, its errors. */
  run<Item>(
    rule: Rule<Item>,
    tests: { readonly valid: readonly ValidCase[]; readonly invalid: readonly InvalidCase[] },
  ): void {
    const { describe, it } = hooks();
    // A group without cases is left out: test runners fail on an empty suite.
    describe(rule.meta.id, () => {
      if (tests.valid.length > 0)
        describe('valid', () => {
          tests.valid.forEach((c, i) =>
            it(c.name ?? `valid #${i}`, () => {
              const found = this.findings(rule, c);
              assert.deepEqual(found.map(brief), [], `${rule.meta.id} should report nothing`);
            }),
          );
        });
      if (tests.invalid.length > 0)
        describe('invalid', () => {
          tests.invalid.forEach((c, i) =>
            it(c.name ?? `invalid #${i}`, () => expectFindings(this.findings(rule, c), c.errors)),
          );
        });
    });
  }

  /** The findings of one rule on a case's project (for assertions of your own). */
  findings<Item>(rule: Rule<Item>, c: ValidCase): Finding[] {
    const config = { sourceLocale: 'en', ...this.defaults.config, ...c.config };
    const rules = {
      ...config.rules,
      ...(c.options === undefined ? {} : { [rule.meta.id]: c.options }),
    };
    const corpus = c.corpus ?? this.defaults.corpus;
    if (rule.meta.needsCore && corpus === undefined)
      throw new Error(`${rule.meta.id} needs a core: give the tester or the case a "corpus"`);
    const project = createProject({
      files: layFiles(this.defaults.files, c.files),
      config: { ...config, rules },
      ...(corpus === undefined ? {} : { corpus }),
    });
    const found = runRules(project, [rule as AnyRule]);
    for (const f of found) assert.equal(f.rule, rule.meta.id, 'a finding of another rule');
    return found;
  }
}

function expectFindings(found: readonly Finding[], errors: InvalidCase['errors']): void {
  const count = typeof errors === 'number' ? errors : errors.length;
  assert.ok(count > 0, 'an invalid case expects at least one finding');
  if (found.length !== count) {
    assert.fail(
      `should report ${count} finding(s), reported ${found.length}:\n${found.map(brief).join('\n') || '(none)'}`,
    );
  }
  if (typeof errors === 'number') return;
  errors.forEach((want, i) => {
    const got = found[i] as Finding;
    const at = `finding ${i} (${brief(got)})`;
    matches(got.message, want.message, `${at}: message`);
    for (const k of ['key', 'line', 'column', 'file', 'locale', 'severity'] as const) {
      if (want[k] !== undefined) assert.equal(got[k], want[k], `${at}: ${k}`);
    }
    if (want.hint !== undefined) matches(got.hint, want.hint, `${at}: hint`);
    if (want.suggestion !== undefined)
      assert.deepEqual(got.suggestion, want.suggestion, `${at}: suggestion`);
  });
}

function matches(actual: string, expected: string | RegExp, what: string): void {
  if (typeof expected === 'string') assert.equal(actual, expected, what);
  else assert.match(actual, expected, what);
}

/** A finding on one line, for messages. */
const brief = (f: Finding) =>
  `${f.file}:${f.line}:${f.column} ${f.severity} ${f.key === '' ? '' : `[${f.key}] `}${f.message}`;

/** The base files with a case's laid over them. */
function layFiles(
  base: TestFiles | undefined,
  over: TestFiles | undefined,
): Map<string, FileContents> {
  const out = new Map<string, FileContents>();
  for (const layer of [base ?? {}, over ?? {}]) {
    for (const [p, v] of Object.entries(layer)) {
      if (v === null) out.delete(p);
      else if (typeof v === 'string' || v instanceof Uint8Array) out.set(p, v);
      else out.set(p, `${JSON.stringify(v, null, 2)}\n`);
    }
  }
  return out;
}

/** The framework's describe/it: set on the tester, global, or node:test's. */
function hooks(): { describe: Describe; it: It } {
  const g = globalThis as { describe?: unknown; it?: unknown };
  if (RuleTester.describe !== undefined && RuleTester.it !== undefined)
    return { describe: RuleTester.describe, it: RuleTester.it };
  if (typeof g.describe === 'function' && typeof g.it === 'function')
    return { describe: g.describe as Describe, it: g.it as It };
  const test = createRequire(import.meta.url)('node:test') as { describe: Describe; it: It };
  return { describe: test.describe, it: test.it };
}
