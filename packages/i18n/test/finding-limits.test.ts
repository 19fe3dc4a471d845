import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { check, checkWithStatus } from '../src/check/check.js';
import { count, FindingSink } from '../src/check/run.js';
import { defineRule } from '../src/check/rule.js';
import { createProject } from '../src/files/memory.js';
import { LIMITS } from '../src/model/limits.js';
import type * as limits from '../src/model/limits.js';

type LimitsModule = typeof limits;

/**
 * The per-file bound on the findings a check keeps (LIMITS.findingsKeptPerFile, SECURITY.md): one
 * rule keeps at most that many findings about one file, the first ones in the file, and counts
 * the rest in one summary finding that keeps their highest severity (so the exit code is the
 * same) — while the status report still counts every key. Only a hostile file reaches it.
 */

// The bound itself is 100,000: checked here at a size a test can afford.
vi.mock('../src/model/limits.js', async (original) => {
  const { LIMITS } = await original<LimitsModule>();
  return { LIMITS: { ...LIMITS, findingsKeptPerFile: 1_000 } };
});

const CAP = LIMITS.findingsKeptPerFile;
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

describe('findings per rule and file', () => {
  it("writes a count as toLocaleString('en') does, without ICU", () => {
    for (const n of [0, 1, 999, 1_000, 12_345, 999_999, 1_000_000, 300_000, 2 ** 31])
      expect(count(n)).toBe(n.toLocaleString('en'));
    fc.assert(
      fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(count(n)).toBe(n.toLocaleString('en'));
      }),
      { numRuns: 500 },
    );
  });

  it(`lists every finding up to ${CAP} (no summary)`, () => {
    const p = project({ a: 'A', ...keys(CAP, 'x', (i) => `t${i}`) }, { a: 'あ' });
    const obsolete = check(p).filter((f) => f.rule === 'obsolete');
    expect(obsolete).toHaveLength(CAP);
    expect(obsolete.every((f) => f.key.startsWith('x'))).toBe(true);
  });

  it('past the bound, lists the first ones in the file and counts the rest in one finding', () => {
    const extra = CAP + 1500;
    const p = project({ a: 'A', ...keys(extra, 'x', (i) => `t${i}`) }, { a: 'あ' });
    const obsolete = check(p).filter((f) => f.rule === 'obsolete');
    expect(obsolete).toHaveLength(CAP + 1);
    const listed = obsolete.filter((f) => f.key !== '');
    expect(new Set(listed.map((f) => f.key))).toEqual(
      new Set(Array.from({ length: CAP }, (_, i) => `x${i}`)),
    );
    const summary = obsolete.find((f) => f.key === '');
    expect(summary).toMatchObject({
      severity: 'warning',
      locale: 'en',
      file: 'locales/en/big.json',
      // At the first one left out: line 1 is `{`, line 2 `"a"`, then x0 on line 3.
      line: CAP + 3,
      message: `… and 1,500 more obsolete findings in this file (only the first ${CAP.toLocaleString('en')} are listed)`,
      hint: listed[0]?.hint,
    });
    expect(summary).not.toHaveProperty('suggestion');
  });

  it('keeps the highest severity of those left out (an error stays an error: same exit code)', () => {
    // The source has keys the target lacks: `missing` errors, all reported on the target file.
    const p = project(
      {},
      keys(CAP + 10, 'm', (i) => `テキスト${i}`),
    );
    const missing = check(p).filter((f) => f.rule === 'missing');
    expect(missing).toHaveLength(CAP + 1);
    expect(missing.filter((f) => f.severity === 'error')).toHaveLength(CAP + 1);
    expect(missing.some((f) => f.message.startsWith('… and 10 more missing findings'))).toBe(true);
  });

  it('the status report still counts every untranslated key', () => {
    const n = CAP + 200;
    const same = keys(n, 'u', (i) => `The same text number ${i}`);
    const p = project(same, same);
    const { findings, status } = checkWithStatus(p);
    const untranslated = findings.filter((f) => f.rule === 'untranslated');
    expect(untranslated).toHaveLength(CAP + 1);
    const en = status.locales.find((l) => l.locale === 'en');
    expect(en?.untranslated).toBe(n);
  });

  it('in any order of report, lists the first ones in the file and sums up the rest at the first left out', () => {
    const p = project({ a: 'A' }, { a: 'あ' });
    const file = p.files.find((f) => f.locale === 'en');
    if (file === undefined) throw new Error('no en file');
    // One place per offset: line = offset + 1, so the listed lines give back the offsets.
    const at = { ...file, position: (offset: number) => ({ line: offset + 1, column: 1 }) };
    const rule = defineRule({
      meta: { id: 'obsolete', severity: 'warning', needsCore: false, description: '' },
    });
    fc.assert(
      fc.property(
        // Offsets shared by many (ties are broken by the order of report); lengths on both sides of
        // the bound.
        fc
          .constantFrom(CAP - 1, CAP, CAP + 1, CAP + 50, CAP + 300)
          .chain((n) => fc.array(fc.nat({ max: 40 }), { minLength: n, maxLength: n })),
        (offsets) => {
          const sink = new FindingSink(p);
          // A key per report: no two are the same finding.
          offsets.forEach((offset, i) =>
            sink.add(rule, { file: at, offset, key: `k${i}`, message: 'm', hint: 'h' }),
          );
          const findings = sink.findings();
          const byPlace = offsets
            .map((offset, seq) => ({ offset, seq }))
            .sort((x, y) => x.offset - y.offset || x.seq - y.seq);
          const kept = byPlace.slice(0, CAP);
          const listed = findings.filter((f) => f.key !== '');
          // Listed in the order reported.
          expect(listed.map((f) => f.key)).toEqual(
            [...kept].sort((x, y) => x.seq - y.seq).map((k) => `k${k.seq}`),
          );
          const summary = findings.filter((f) => f.key === '');
          if (offsets.length <= CAP) expect(summary).toEqual([]);
          else {
            expect(summary).toHaveLength(1);
            expect(summary[0]?.line).toBe((byPlace[CAP]?.offset ?? -1) + 1);
            expect(summary[0]?.message).toContain(`… and ${count(offsets.length - CAP)} more`);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
