import { describe, expect, it } from 'vitest';
import { check } from '../src/check/check.js';
import { formatFindings } from '../src/check/report/format.js';
import { createProject } from '../src/files/memory.js';
import { LIMITS } from '../src/model/limits.js';

/**
 * What the formats people read (`pretty`, GitHub annotations) show of one rule in one file
 * (LIMITS.findingsPerFile), and that JSON and SARIF list every finding the check keeps.
 */

const SHOWN = LIMITS.findingsPerFile;
const keys = (n: number, prefix: string, text: (i: number) => string) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, text(i)]));
const project = (en: Record<string, string>, source: Record<string, string>) =>
  createProject({
    config: { sourceLocale: 'ja', locales: ['ja', 'en'] },
    files: {
      'locales/ja/big.json': JSON.stringify(source, null, 2),
      'locales/en/big.json': JSON.stringify(en, null, 2),
    },
  });

describe('findings shown per rule and file', () => {
  // The source has keys the target lacks: `missing` errors, all reported on the target file.
  const n = SHOWN + 500;
  const p = project(
    {},
    keys(n, 'm', (i) => `テキスト${i}`),
  );
  const findings = check(p);
  const options = { color: false, root: '/r', project: p };

  it('JSON and SARIF list every one (affine: 12,305 of 14,843 before)', () => {
    expect(findings.filter((f) => f.rule === 'missing')).toHaveLength(n);
    const json = JSON.parse(formatFindings(findings, 'json', options)) as { key: string }[];
    expect(new Set(json.map((f) => f.key))).toEqual(
      new Set(Array.from({ length: n }, (_, i) => `m${i}`)),
    );
    const sarif = JSON.parse(formatFindings(findings, 'sarif', options)) as {
      runs: { results: unknown[] }[];
    };
    expect(sarif.runs[0]?.results).toHaveLength(n);
  });

  it(`pretty shows the first ${SHOWN} and says how many are left out and how to see them`, () => {
    const text = formatFindings(findings, 'pretty', options);
    expect(text.match(/^ {2}\d+:\d+ {2}error {2}.* {2}missing$/gm)).toHaveLength(SHOWN);
    expect(text.match(/^ {4}key {2}m\d+$/gm)).toHaveLength(SHOWN);
    expect(text).toContain(
      `  error  … and 500 more missing findings in this file, not shown (only the first ${SHOWN.toLocaleString('en')} are): \`bilateral check --format json\` (or sarif) lists them all  missing`,
    );
    // The totals count every finding.
    expect(text).toContain(`✖ ${n} errors, 0 warnings in 1 file.`);
  });

  it('GitHub annotations: the same bound, and one annotation for the rest', () => {
    const lines = formatFindings(findings, 'github', { ...options, commandName: 'pnpm i18n' })
      .trimEnd()
      .split('\n');
    expect(lines).toHaveLength(SHOWN + 1);
    expect(lines.at(-1)).toBe(
      `::error file=locales/en/big.json,title=missing::… and 500 more missing findings in this file, not shown (only the first ${SHOWN.toLocaleString('en')} are): \`pnpm i18n check --format json\` (or sarif) lists them all`,
    );
  });
});
