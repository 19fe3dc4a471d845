import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../files/config.js';
import { ConfigError } from '../../model/errors.js';
import { relativePath } from '../../model/paths.js';
import { loadProject } from '../../files/project.js';
import { buildSchemas, mergeVscodeSettings } from '../../ops/schema.js';
import { writeFileSafely, writeFilesSafely } from '../../files/atomic-write.js';
import { ConcurrentChangeError } from '../../model/errors.js';
import { configOptions, type GlobalOptions } from './shared.js';

export async function schemaCommand(
  opts: { out: string; vscode: boolean },
  g: GlobalOptions,
): Promise<number> {
  const project = await loadProject(await loadConfig(configOptions(g)));
  const outDir = path.resolve(project.root, opts.out);
  const schemas = buildSchemas(project, outDir);
  // Generated files: rewritten whatever they hold, each crash-safely (old or new, never half).
  writeFilesSafely(
    schemas.map((s) => ({
      root: project.root,
      path: s.path,
      relPath: relativePath(project.root, s.path),
      text: `${JSON.stringify(s.schema, null, 2)}\n`,
      expected: 'any' as const,
    })),
  );
  const lines = [
    `Wrote ${schemas.length} schemas to ${relativePath(project.root, outDir)}/ (one per locale file).`,
  ];
  if (opts.vscode) {
    const settings = path.join(project.root, '.vscode', 'settings.json');
    const original = existsSync(settings) ? readFileSync(settings) : null;
    const before = original === null ? '' : new TextDecoder().decode(original);
    let after: string;
    try {
      after = mergeVscodeSettings(before, schemas, project.root, outDir);
    } catch (e) {
      throw new ConfigError(`${relativePath(project.root, settings)}: ${(e as Error).message}`);
    }
    try {
      writeFileSafely({
        root: project.root,
        path: settings,
        relPath: relativePath(project.root, settings),
        text: after,
        expected: original,
      });
    } catch (e) {
      if (!(e instanceof ConcurrentChangeError)) throw e;
      process.stderr.write(
        `error ${e.message}\nThe schemas were written; run schema again to map them.\n`,
      );
      return 1;
    }
    lines.push(
      `Mapped them in .vscode/settings.json ("json.schemas"; other settings kept): VS Code now flags a missing key, plural form or placeholder while you type.`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\nRun it again whenever the source changes.\n`);
  return 0;
}
