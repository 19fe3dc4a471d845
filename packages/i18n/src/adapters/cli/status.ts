import pc from 'picocolors';
import { CacheFile, defaultCacheFile } from '../../check/incremental/cache.js';
import { openCheckSession } from '../../check/session.js';
import { computeStatus, type StatusReport } from '../../check/status.js';
import { loadConfig } from '../../files/config.js';
import type { ProjectConfig } from '../../model/types.js';
import { commandName, configOptions, useColor, type GlobalOptions } from './shared.js';

export async function statusCommand(
  opts: { format: 'table' | 'json' },
  g: GlobalOptions,
): Promise<number> {
  const report = await statusReport(await loadConfig(configOptions(g)));
  process.stdout.write(
    opts.format === 'json'
      ? `${JSON.stringify(report, null, 2)}\n`
      : statusTable(report, useColor(g), commandName()),
  );
  return 0;
}

/**
 * After a `check`, its cache holds every namespace's status: only what changed is counted again
 * (and the cache updated). Without one, only the two rules the status needs run, and no cache is
 * made.
 */
async function statusReport(config: ProjectConfig): Promise<StatusReport> {
  const cached = defaultCacheFile(config.root);
  if (cached !== undefined && new CacheFile(cached).exists())
    return (await openCheckSession(config, { cache: cached, status: true }).result()).status;
  const session = openCheckSession(config, { cache: false, rules: ['untranslated', 'stale'] });
  const { project, findings } = await session.result();
  return computeStatus(project, findings);
}

const BAR = 20;

/** The status as a table with a progress bar per locale. */
export function statusTable(report: StatusReport, color: boolean, command = 'bilateral'): string {
  const c = pc.createColors(color);
  const head = ['Locale', 'Keys', 'Translated', 'Missing', 'Stale', 'Untranslated', 'Progress'];
  const rows = report.locales.map((l) => [
    l.locale === report.sourceLocale ? `${l.locale} (source)` : l.locale,
    String(l.keys),
    String(l.translated),
    String(l.missing),
    String(l.stale),
    String(l.untranslated),
    `${bar(l.percent, c)} ${l.percent.toFixed(l.percent === 100 ? 0 : 1)}%`,
  ]);
  const widths = head.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => visible(r[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - visible(cell).length));
        return i === 0 || i === cells.length - 1 ? cell + pad : pad + cell;
      })
      .join('  ')
      .trimEnd();
  const out = [c.bold(line(head)), ...rows.map(line)];
  const behind = report.locales.filter((l) => l.percent < 100);
  out.push('');
  out.push(
    behind.length === 0
      ? 'Every locale is complete.'
      : `Run \`${command} check --locale ${behind[0]?.locale}\` to see what is missing, stale or untranslated, and where.`,
  );
  return `${out.join('\n')}\n`;
}

// eslint-disable-next-line no-control-regex -- ANSI colour codes take no width
const visible = (s: string) => s.replace(/\x1B\[[0-9;]*m/g, '');

function bar(percent: number, c: ReturnType<typeof pc.createColors>): string {
  const full = Math.round((percent / 100) * BAR);
  const done = '█'.repeat(full);
  const rest = '░'.repeat(BAR - full);
  return `${percent === 100 ? c.green(done) : c.yellow(done)}${c.dim(rest)}`;
}
