import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import repositoryConfig from '../../eslint.config.js';
import {
  ENFORCE_I18N_LAYERS,
  I18N_ENTRY_FILES,
  I18N_LAYERS,
  layerConfigs,
} from '../../eslint/layers.js';
import { tempDir } from './run.js';

// The layer rules of eslint/layers.js, run through the ESLint Node API on small trees laid out like
// packages/i18n/src: a clean layering passes; a cycle, an upward import, a sibling import and a
// layer importing an entry file each fail, naming the files and the rule broken.

/** A module importing `imports` (paths relative to it, as written in source) and exporting `name`. */
const mod = (name: string, ...imports: string[]) =>
  [
    ...imports.map((p, i) => `import { v as v${i} } from '${p}';`),
    `export const v = '${name}';`,
    `export const all = [${imports.map((_, i) => `v${i}`).join(', ')}];`,
    '',
  ].join('\n');

/** A clean tree: every layer imports only layers below it; the entry files import everything. */
const CLEAN: Record<string, string> = {
  'model/types.ts': mod('types'),
  'model/errors.ts': mod('errors', './types.js'),
  'syntax/inline.ts': mod('inline', '../model/types.js'),
  'intl/facts.ts': mod('facts', '../model/types.js', '../model/errors.js'),
  'files/config.ts': mod('config', '../model/types.js', '../syntax/inline.js', '../intl/facts.js'),
  'render/renderer.ts': mod('renderer', '../syntax/inline.js', '../intl/facts.js'),
  'check/check.ts': mod('check', '../syntax/inline.js', '../intl/facts.js', '../files/config.js'),
  'check/rules/plurals.ts': mod('plurals', '../../model/types.js', '../check.js'),
  'ops/sync.ts': mod('sync', '../check/check.js', '../render/renderer.js'),
  'adapters/cli/check.ts': mod('cli-check', '../../ops/sync.js', '../../check/check.js'),
  'adapters/eleventy/plugin.ts': mod('plugin', '../../render/renderer.js'),
  'index.ts': mod('index', './render/renderer.js', './check/check.js', './ops/sync.js'),
  'cli.ts': mod('cli', './adapters/cli/check.js'),
  'eleventy.ts': mod('eleventy', './adapters/eleventy/plugin.js'),
  'testing.ts': mod('testing', './model/types.js'),
};

function tree(overrides: Record<string, string> = {}): string {
  const dir = tempDir('layers');
  for (const [file, text] of Object.entries({ ...CLEAN, ...overrides })) {
    const target = path.join(dir, 'src', file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return dir;
}

interface Finding {
  file: string;
  line: number;
  rule: string | null;
  message: string;
}

async function lint(dir: string): Promise<Finding[]> {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: layerConfigs({ root: dir, src: 'src', enforce: true }),
  });
  const results = await eslint.lintFiles(['src/**/*.ts']);
  return results.flatMap((r) =>
    r.messages.map((m) => ({
      file: path.relative(path.join(dir, 'src'), r.filePath).split(path.sep).join('/'),
      line: m.line,
      rule: m.ruleId,
      message: m.message,
    })),
  );
}

describe('the i18n layer rules (eslint/layers.js)', () => {
  it('describe the layers of the restructure, bottom to top, with the entry files', () => {
    expect(I18N_LAYERS.map((l) => l.dirs)).toEqual([
      ['model'],
      ['syntax', 'intl'],
      ['files'],
      ['render', 'check'],
      ['ops'],
      ['adapters'],
    ]);
    expect(I18N_ENTRY_FILES).toEqual(['index.ts', 'cli.ts', 'eleventy.ts', 'testing.ts']);
  });

  it('pass a clean layering (every file linted, nothing reported)', async () => {
    const dir = tree();
    const eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: layerConfigs({ root: dir, src: 'src', enforce: true }),
    });
    const results = await eslint.lintFiles(['src/**/*.ts']);
    expect(results).toHaveLength(Object.keys(CLEAN).length);
    expect(results.flatMap((r) => r.messages)).toEqual([]);
  });

  it('fail on an import cycle, naming the modules on it', async () => {
    // check.ts → rules/plurals.ts → rules/numbers.ts → check.ts
    const dir = tree({
      'check/check.ts': mod('check', './rules/plurals.js'),
      'check/rules/plurals.ts': mod('plurals', './numbers.js'),
      'check/rules/numbers.ts': mod('numbers', '../check.js'),
    });
    const cycles = (await lint(dir)).filter((f) => f.rule === 'import-x/no-cycle');
    expect(cycles.map((f) => f.file).sort()).toEqual([
      'check/check.ts',
      'check/rules/numbers.ts',
      'check/rules/plurals.ts',
    ]);
    const fromCheck = cycles.find((f) => f.file === 'check/check.ts');
    expect(fromCheck?.message).toMatch(/Dependency cycle via .*numbers/);
  });

  it('fail on an upward import (model importing check), naming the rule and the fix', async () => {
    const dir = tree({ 'model/types.ts': mod('types', '../check/check.js') });
    const findings = (await lint(dir)).filter((f) => f.rule === 'import-x/no-restricted-paths');
    expect(findings).toEqual([expect.objectContaining({ file: 'model/types.ts', line: 1 })]);
    expect(findings[0]?.message).toContain('"../check/check.js"');
    expect(findings[0]?.message).toContain('Layer model/ may import only model/');
    expect(findings[0]?.message).toContain('Move the shared code down a layer');
  });

  it('fail on a sibling import (render importing check, syntax importing intl)', async () => {
    const dir = tree({
      'render/renderer.ts': mod('renderer', '../syntax/inline.js', '../check/check.js'),
      'syntax/inline.ts': mod('inline', '../intl/facts.js'),
    });
    const findings = (await lint(dir)).filter((f) => f.rule === 'import-x/no-restricted-paths');
    expect(findings.map((f) => [f.file, f.line])).toEqual([
      ['render/renderer.ts', 2],
      ['syntax/inline.ts', 1],
    ]);
    expect(findings[0]?.message).toContain('check/ is a sibling, not a lower layer');
    expect(findings[1]?.message).toContain('intl/ is a sibling, not a lower layer');
  });

  it('fail on a layer importing an entry file, also from a nested folder', async () => {
    const dir = tree({ 'adapters/cli/check.ts': mod('cli-check', '../../index.js') });
    const findings = (await lint(dir)).filter((f) => f.rule === 'import-x/no-restricted-paths');
    expect(findings).toEqual([expect.objectContaining({ file: 'adapters/cli/check.ts', line: 1 })]);
    expect(findings[0]?.message).toContain('Layer adapters/ may import only');
  });

  it('are behind a switch: off, they add nothing to the configuration', () => {
    expect(layerConfigs({ enforce: false })).toEqual([]);
    const named = repositoryConfig.some((c) => c.name?.startsWith('bilateral/layers'));
    expect(named).toBe(ENFORCE_I18N_LAYERS);
  });
});
