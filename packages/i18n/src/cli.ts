#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import pc from 'picocolors';
import { ConfigError, loadConfig } from './project/config.js';
import { renderCommand } from './cli/render.js';

/**
 * The `bilateral` command. Only this entry prints and sets the exit code: 0 when clean, 1 when
 * the work found errors, 2 on a usage or configuration mistake (never with a stack trace).
 */
const program = new Command('bilateral')
  .description('Render, check and maintain the translations of a Bilateral (or any i18next) project.')
  .option('-c, --config <file>', 'config file (default: bilateral.config.{json,js,ts} found upwards)')
  .option('--cwd <dir>', 'run as if started in <dir>')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

program
  .command('render')
  .description('Print a document with facts filled in and footnotes numbered, to proofread a translation.')
  .requiredOption('-l, --locale <lng>', 'language to render, e.g. uk')
  .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'html']).default('text'))
  .option('-d, --document <id>', 'render only this document (default: all)')
  .option('--fallback', 'fill missing text from the locale fallback chain (as the dev site does)', false)
  .addHelpText(
    'after',
    '\nExamples:\n  $ bilateral render --locale uk\n  $ bilateral render --locale ko --format html > ko.html',
  )
  .action(async (opts: { locale: string; format: 'text' | 'html'; document?: string; fallback: boolean }) => {
    const config = await loadConfig(globalConfigOptions());
    const { output, problems } = await renderCommand(config, opts);
    process.stdout.write(output);
    for (const p of problems) process.stderr.write(`${pc.yellow('warning')} ${p}\n`);
    if (problems.length > 0) {
      process.stderr.write(`Run ${pc.bold('pnpm i18n check')} for the details and how to fix them.\n`);
      process.exitCode = 1;
    }
  });

function globalConfigOptions() {
  const g = program.opts<{ config?: string; cwd?: string }>();
  return {
    ...(g.cwd === undefined ? {} : { cwd: g.cwd }),
    ...(g.config === undefined ? {} : { configFile: g.config }),
  };
}

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else if (e instanceof ConfigError) {
    process.stderr.write(`${pc.red('error')} ${e.message}\n`);
    process.exitCode = 2;
  } else {
    throw e;
  }
}
