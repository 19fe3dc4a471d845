import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../project/config.js';
import { relativePath } from '../project/paths.js';
import { loadProject } from '../project/project.js';
import { buildSchemas, mergeVscodeSettings } from '../project/schema.js';
import { configOptions, type GlobalOptions } from './shared.js';

export async function schemaCommand(opts: { out: string; vscode: boolean }, g: GlobalOptions): Promise<number> {
  const project = await loadProject(await loadConfig(configOptions(g)));
  const { default: writeFileAtomic } = await import('write-file-atomic');
  const outDir = path.resolve(project.root, opts.out);
  const schemas = buildSchemas(project, outDir);
  for (const s of schemas) {
    mkdirSync(path.dirname(s.path), { recursive: true });
    await writeFileAtomic(s.path, `${JSON.stringify(s.schema, null, 2)}\n`, { encoding: 'utf8' });
  }
  const lines = [`Wrote ${schemas.length} schemas to ${relativePath(project.root, outDir)}/ (one per locale file).`];
  if (opts.vscode) {
    const settings = path.join(project.root, '.vscode', 'settings.json');
    const before = existsSync(settings) ? readFileSync(settings, 'utf8') : '';
    let after: string;
    try {
      after = mergeVscodeSettings(before, schemas, project.root, outDir);
    } catch (e) {
      throw new ConfigError(`${relativePath(project.root, settings)}: ${(e as Error).message}`);
    }
    if (existsSync(settings) && readFileSync(settings, 'utf8') !== before) {
      throw new ConfigError(`${relativePath(project.root, settings)} changed while writing; run schema again`);
    }
    mkdirSync(path.dirname(settings), { recursive: true });
    await writeFileAtomic(settings, after, { encoding: 'utf8' });
    lines.push(`Mapped them in .vscode/settings.json ("json.schemas"; other settings kept): VS Code now flags a missing key, plural form or placeholder while you type.`);
  }
  process.stdout.write(`${lines.join('\n')}\nRun it again whenever the source changes.\n`);
  return 0;
}
