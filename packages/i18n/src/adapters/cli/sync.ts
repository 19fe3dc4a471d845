import pc from 'picocolors';
import { loadConfig } from '../../files/config.js';
import { loadProject } from '../../files/project.js';
import { planSync, writeSyncPlan } from '../../ops/sync.js';
import { SyncConflictError } from '../../model/errors.js';
import { WriteError } from '../../model/errors.js';
import { visible } from '../../syntax/invisible.js';
import {
  commandName,
  configOptions,
  requireLocale,
  useColor,
  type GlobalOptions,
} from './shared.js';

export interface SyncCommandOptions {
  readonly prune: boolean;
  readonly dryRun: boolean;
  readonly locale?: readonly string[];
}

const MAX_LISTED = 12;

export async function syncCommand(opts: SyncCommandOptions, g: GlobalOptions): Promise<number> {
  const project = await loadProject(await loadConfig(configOptions(g)));
  for (const l of opts.locale ?? []) requireLocale(project.locales, l, 'sync --locale');
  const plan = planSync(project, {
    prune: opts.prune,
    ...(opts.locale === undefined ? {} : { locales: opts.locale }),
  });
  const c = pc.createColors(useColor(g));
  const cmd = commandName();
  const out: string[] = [];
  for (const f of plan.files) {
    const parts: string[] = [];
    if (f.added.length > 0) parts.push(c.green(`+${f.added.length} added`));
    if (f.removed.length > 0) parts.push(c.red(`-${f.removed.length} removed`));
    out.push(`${c.bold(visible(f.relPath))}${f.create ? ' (new file)' : ''}: ${parts.join(', ')}`);
    for (const k of f.added.slice(0, MAX_LISTED)) out.push(`  ${c.green('+')} ${visible(k)}`);
    if (f.added.length > MAX_LISTED) out.push(`  … and ${f.added.length - MAX_LISTED} more`);
    for (const k of f.removed.slice(0, MAX_LISTED)) out.push(`  ${c.red('-')} ${visible(k)}`);
    if (f.removed.length > MAX_LISTED) out.push(`  … and ${f.removed.length - MAX_LISTED} more`);
    for (const k of f.skipped)
      out.push(
        `  ${c.yellow('!')} ${visible(k)}: not added (a text is where the source has an object, or the reverse); fix it by hand`,
      );
  }
  for (const l of plan.locks)
    out.push(
      `${c.bold(visible(l.relPath))}${l.original === null ? ' (new file)' : ''}: ${l.copied.length} ${l.copied.length === 1 ? 'key' : 'keys'} recorded as copied from ${project.sourceLocale}`,
    );
  for (const r of plan.refused)
    out.push(
      `${c.red('not changed')} ${visible(r.file)}: ${visible(r.message)}. ${visible(r.hint)} Run \`${cmd} check\` to see where, fix it, then sync again.`,
    );
  const changes = plan.files.filter((f) => f.create || f.added.length > 0 || f.removed.length > 0);
  if (changes.length === 0) {
    out.push(
      plan.broken.length === 0
        ? 'Everything is in sync: no key to add' + (opts.prune ? ' or remove.' : '.')
        : '',
    );
    process.stdout.write(`${out.join('\n')}\n`);
    return plan.broken.length > 0 ? 1 : 0;
  }
  if (opts.dryRun) {
    out.push(
      '',
      `Dry run: nothing written. Run \`${cmd} sync${opts.prune ? ' --prune' : ''}\` to apply.`,
    );
    process.stdout.write(`${out.join('\n')}\n`);
    return 0;
  }
  try {
    await writeSyncPlan({ ...plan, files: changes });
  } catch (e) {
    if (e instanceof SyncConflictError || e instanceof WriteError) {
      process.stdout.write(`${out.join('\n')}\n`);
      process.stderr.write(`${c.red('error')} ${visible(e.message)}\n`);
      if (e instanceof WriteError && e.written.length === 0)
        process.stderr.write(
          `Nothing was written. Fix that, then run \`${cmd} sync${opts.prune ? ' --prune' : ''}\` again.\n`,
        );
      else if (e instanceof WriteError)
        process.stderr.write(
          `Fix that, then run \`${cmd} sync${opts.prune ? ' --prune' : ''}\` again to finish (the files written are complete).\n`,
        );
      return 1;
    }
    throw e;
  }
  const added = changes.some((f) => f.added.length > 0);
  out.push(
    '',
    added
      ? `Added keys hold the source text for now: \`${cmd} check\` lists them as "untranslated" until you translate them${plan.locks.length > 0 ? `, and the pages show them as ${project.sourceLocale} text, with a notice` : ''}.`
      : 'Done.',
  );
  process.stdout.write(`${out.join('\n')}\n`);
  return plan.broken.length > 0 ? 1 : 0;
}
