import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import pc from 'picocolors';
import { RULES } from '../../check/catalogue.js';
import { loadConfig } from '../../files/config.js';
import { exitCodeOf } from '../../model/errors.js';
import type { GlobalOptions } from './shared.js';
import { printable, visible } from '../../syntax/invisible.js';
import { packageVersion } from './served.js';

/**
 * The `bilateral` command. Only this entry prints and sets the exit code: 0 when clean, 1 when
 * the work found errors, 2 on a usage or configuration mistake (never with a stack trace).
 * Commands load their modules on demand so that `check` starts fast.
 */
// Output piped into a command that stops reading (`bilateral check | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE')
      process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw e;
  });
}

/** Where the i18next settings come from (root and `check --help`): keep docs/translating.md in step. */
const SETTINGS_HELP = `  i18next settings, in order of precedence:
    1. flags, before or after the command (bilateral --help describes them):
       --compatibility-json, --key-separator, --ns-separator, --plural-separator,
       --context-separator, --interpolation-prefix, --interpolation-suffix,
       --return-empty-string, --return-null, --icu, --react,
       --trans-keep-basic-html-nodes-for, --locales, --source, --languages;
    2. bilateral.config.json "i18next" (and "files", "sourceLocale", "locales");
    3. the first of i18next.config.{json,ts,mjs,js,cjs}, next-i18next.config.{js,mjs,cjs},
       i18next-parser.config.{js,mjs,cjs,ts,json} at the root or between the locale
       files and the root (or --i18next-config <file>; none reads none).
  Read: compatibilityJSON, returnEmptyString, returnNull, keySeparator, nsSeparator,
  pluralSeparator, contextSeparator, interpolation prefix/suffix, i18next-icu, react,
  transKeepBasicHtmlNodesFor; where the files are, the source and the languages
  (extract.output, primaryLanguage, locales; next-i18next localePath, i18n;
  i18next-parser output, locales, i18nextOptions). The line on stderr says which file
  gave what.`;

const program = new Command('bilateral')
  .version(packageVersion(), '-v, --version', 'print the version of @bilateral/i18n')
  .description(
    'Check, sync and review the translations of a Bilateral (or any i18next) project.\n\n' +
      'Translators edit the locale JSON files (e.g. locales/uk/ui.json) by hand; this tool tells you ' +
      'what disagrees with the source language or with the core (facts, citations, names), where ' +
      '(file:line:column and key), and how to fix it.',
  )
  .option(
    '-c, --config <file>',
    'config file (default: bilateral.config.{json,js,ts} found upwards)',
  )
  .option('--cwd <dir>', 'run as if started in <dir>')
  .option('--source <lng>', 'source language, without a config file (default: en, if found)')
  .option(
    '--locales <pattern>',
    "where locale files are, without a config file (e.g. 'public/locales/{lng}/{ns}.json'; default: detected)",
  )
  .option(
    '--languages <list>',
    'comma-separated languages to check (default: the config, or every language on disk)',
  )
  .option(
    '--core <module>',
    'module exporting the core `corpus` (enables the fact, citation and terminology checks)',
  )
  .addOption(
    new Option(
      '--compatibility-json <version>',
      "i18next's plural suffixes: v4 (_one, _few…) or v3 (_plural, _0…)",
    ).choices(['v3', 'v4']),
  )
  .option('--icu', 'messages are ICU MessageFormat (i18next-icu): {name}, {count, plural, …}')
  .option('--react', 'react-i18next <Trans> components (<0>…</0>, <bold>) are markup')
  .option('--key-separator <sep>', "i18next's keySeparator, or false for flat keys")
  .option('--ns-separator <sep>', "i18next's nsSeparator, or false")
  .option('--interpolation-prefix <text>', 'placeholder prefix (default {{), e.g. __')
  .option('--interpolation-suffix <text>', 'placeholder suffix (default }}), e.g. __')
  .option('--plural-separator <sep>', "i18next's pluralSeparator (default _): key_one, key_plural")
  .option('--context-separator <sep>', "i18next's contextSeparator (default _): key_male")
  .addOption(
    new Option(
      '--return-empty-string <bool>',
      'false: an empty text falls back (i18next returnEmptyString)',
    ).choices(['true', 'false']),
  )
  .addOption(
    new Option(
      '--return-null <bool>',
      'true: a null text is shown as nothing; false (default): it falls back (i18next returnNull)',
    ).choices(['true', 'false']),
  )
  .option(
    '--trans-keep-basic-html-nodes-for <tags>',
    "with --react: the plain HTML tags <Trans> keeps (default br,strong,i,p; react-i18next's transKeepBasicHtmlNodesFor)",
  )
  .option(
    '--i18next-config <file>',
    "the project's i18next config to read settings from (default: the first of i18next.config.*, next-i18next.config.*, i18next-parser.config.* found), or none",
  )
  .option('--no-color', 'plain output without colours')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride()
  .addHelpText(
    'after',
    `
The everyday loop:
  1. Edit a locale file, e.g. locales/uk/north-korea-ukraine-relations.json.
  2. $ bilateral check --locale uk          list every problem, with the fix for each
     $ bilateral check --watch              re-check on every save
  3. $ bilateral accept uk <keys…>          record that a translation was reviewed against
                                            the current source (lock file; commit it)

When the source language gained or lost keys:
  $ bilateral sync                          add missing keys (with the source text, to translate)
  $ bilateral sync --prune                  also remove keys the source no longer has

Other commands:
  $ bilateral status                        how complete each language is
  $ bilateral schema                        let VS Code check locale files while you type
  $ bilateral render --locale uk            read a document as the site shows it

Any i18next project, without a config file:
  $ bilateral check                         detects the locale files (prints what it found)
  $ bilateral check --source en --locales 'public/locales/{lng}/{ns}.json'
  Layouts: {lng}.json, {lng}/{ns}.json (namespaces may be folders: common/buttons),
  {ns}/{lng}.json; tags like pt_BR, zh_Hans, en-us are read as BCP 47 (pt-BR…).
  Detection looks in locales, public/locales, src/locales, src/i18n, i18n, lang,
  translations, assets/locales, static/locales, app/locales…, then further down.
${SETTINGS_HELP}
  $ bilateral check --compatibility-json v3 --key-separator false
  $ bilateral check --interpolation-prefix __ --interpolation-suffix __

In this repository, run the same commands as \`pnpm i18n <command>\` from the root.
Exit codes: 0 no errors, 1 errors found (or nothing written), 2 a usage or configuration mistake.
Guide: docs/translating.md`,
  );

const globals = (): GlobalOptions => program.opts<GlobalOptions>();

program
  .command('check')
  .description('Check every locale against the source and the core; exit 1 if there is an error.')
  .addOption(
    new Option('-f, --format <format>', 'output format')
      .choices(['pretty', 'json', 'sarif', 'github'])
      .default('pretty'),
  )
  .option(
    '-w, --watch',
    're-check whenever a locale file, lock file or the config changes; meanwhile `bilateral check` in this folder with the same settings is answered by it (BILATERAL_SERVED=0 to check apart)',
    false,
  )
  .option(
    '--strict',
    'stale translations are errors too (as in a strict build: BILATERAL_STRICT=1)',
    false,
  )
  .option('-l, --locale <lng...>', 'report only these languages (the source is checked anyway)')
  .option('-r, --rule <id...>', `run only these rules: ${RULES.map((r) => r.id).join(', ')}`)
  .option(
    '--no-cache',
    'check every namespace again (by default, namespaces whose files, core document and lock entries are unchanged reuse the last results)',
  )
  .option(
    '-j, --jobs <n>',
    'threads to check on (default: one per core for projects of 2,000 locale files or more, else 1)',
    (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 64)
        throw new InvalidArgumentError('a whole number from 1 to 64');
      return n;
    },
  )
  .option(
    '--cache-location <file>',
    "where to keep the results between runs, and the core's snapshot in <file>.core (default: node_modules/.cache/bilateral/check.json in the project)",
  )
  .option(
    '--shard <k/n>',
    "check only shard k of n (namespaces split deterministically, e.g. over a CI matrix); combine the shards' json or sarif reports with `bilateral merge`",
  )
  .addHelpText(
    'after',
    `
Examples:
  $ bilateral check                         everything, grouped by file, with code frames
  $ bilateral check --locale uk --watch     while translating Ukrainian
  $ bilateral check --rule facts citations  only these rules
  $ bilateral check --format github         annotations for a GitHub Actions workflow
  $ bilateral check --format sarif > i18n.sarif   for code scanning
  $ bilateral check --shard 2/4 --format json > shard-2.json   one machine of four

Rules (severity by default; configure in bilateral.config.json "rules", exempt keys in "exemptions"):
${RULES.map((r) => `  ${r.id.padEnd(14)} ${r.severity.padEnd(8)} ${r.description}${r.needsCore ? ' (with a core)' : ''}`).join('\n')}

Any i18next project:
${SETTINGS_HELP}
  $ bilateral check --compatibility-json v3 --plural-separator __ --return-null true`,
  )
  .action(
    async (opts: {
      format: 'pretty' | 'json' | 'sarif' | 'github';
      watch: boolean;
      strict: boolean;
      locale?: string[];
      rule?: string[];
      cache: boolean;
      cacheLocation?: string;
      jobs?: number;
      shard?: string;
    }) => {
      const { checkCommand } = await import('./check.js');
      process.exitCode = await checkCommand(
        {
          format: opts.format,
          watch: opts.watch,
          strict: opts.strict,
          cache: opts.cache,
          ...(opts.jobs === undefined ? {} : { jobs: opts.jobs }),
          ...(opts.cacheLocation === undefined ? {} : { cacheLocation: opts.cacheLocation }),
          ...(opts.locale === undefined ? {} : { locale: opts.locale }),
          ...(opts.rule === undefined ? {} : { rule: opts.rule }),
          ...(opts.shard === undefined ? {} : { shard: opts.shard }),
        },
        globals(),
      );
    },
  );

program
  .command('merge')
  .description(
    'Combine the reports of `check --shard k/n` (json or sarif, one per shard) into the report of ' +
      'an unsharded check (same findings, same order); exit 1 if there is an error.',
  )
  .argument('<reports...>', "the shards' report files")
  .addOption(
    new Option('-f, --format <format>', 'output format')
      .choices(['pretty', 'json', 'sarif', 'github'])
      .default('pretty'),
  )
  .addHelpText(
    'after',
    '\nExample (a CI matrix of 4, then one job):\n' +
      '  $ bilateral check --shard 1/4 --format json > shard-1.json   (… 2/4, 3/4, 4/4)\n' +
      '  $ bilateral merge shard-*.json --format sarif > i18n.sarif',
  )
  .action(async (files: string[], opts: { format: 'pretty' | 'json' | 'sarif' | 'github' }) => {
    const { mergeCommand } = await import('./merge.js');
    process.exitCode = await mergeCommand(files, opts, globals());
  });

program
  .command('status')
  .description(
    'Show how complete each language is: keys, translated, missing, stale, untranslated.',
  )
  .addOption(
    new Option('-f, --format <format>', 'output format')
      .choices(['table', 'json'])
      .default('table'),
  )
  .addHelpText(
    'after',
    '\nExamples:\n  $ bilateral status\n  $ bilateral status --format json > status.json',
  )
  .action(async (opts: { format: 'table' | 'json' }) => {
    const { statusCommand } = await import('./status.js');
    process.exitCode = await statusCommand(opts, globals());
  });

program
  .command('sync')
  .description(
    'Add the keys a language lacks, in the source order, with the source text to translate (check ' +
      'lists them as "untranslated"). Only with --prune, remove keys the source no longer has. ' +
      'Everything else in the file (order, indentation, formatting) stays exactly as it was.',
  )
  .option('--prune', 'also remove keys the source no longer has', false)
  .option('-n, --dry-run', 'show what would change, write nothing', false)
  .option('-l, --locale <lng...>', 'only these languages')
  .addHelpText(
    'after',
    '\nExamples:\n  $ bilateral sync --dry-run\n  $ bilateral sync --locale uk\n  $ bilateral sync --prune',
  )
  .action(async (opts: { prune: boolean; dryRun: boolean; locale?: string[] }) => {
    const { syncCommand } = await import('./sync.js');
    process.exitCode = await syncCommand(
      {
        prune: opts.prune,
        dryRun: opts.dryRun,
        ...(opts.locale === undefined ? {} : { locale: opts.locale }),
      },
      globals(),
    );
  });

program
  .command('accept')
  .description(
    'Record that translations were reviewed against the current source text (updates the ' +
      "language's lock file). Afterwards, check reports a key as stale when its source changes.",
  )
  .argument('<locale>', 'the language, e.g. uk')
  .argument(
    '[keys...]',
    'keys to accept, e.g. ui:nav.contents or "north-korea-ukraine-relations:sections.*" (default: all)',
  )
  .addHelpText(
    'after',
    '\nExamples:\n' +
      '  $ bilateral accept uk north-korea-ukraine-relations:sections.history.p1\n' +
      "  $ bilateral accept ko 'ui:**'\n" +
      '  $ bilateral accept en                   every key of en (after reviewing them all)',
  )
  .action(async (locale: string, keys: string[]) => {
    const { acceptCommand } = await import('./accept.js');
    process.exitCode = await acceptCommand(locale, keys, globals());
  });

program
  .command('schema')
  .description(
    'Write a JSON Schema per locale file (required keys, plural forms, placeholders, source text ' +
      'as a tooltip) and map them in .vscode/settings.json, so the editor checks while you type.',
  )
  .option('-o, --out <dir>', 'where to write the schemas', '.bilateral/schema')
  .option('--no-vscode', 'do not touch .vscode/settings.json')
  .addHelpText(
    'after',
    '\nExamples:\n  $ bilateral schema\n  $ bilateral schema --out schemas --no-vscode',
  )
  .action(async (opts: { out: string; vscode: boolean }) => {
    const { schemaCommand } = await import('./schema.js');
    process.exitCode = await schemaCommand(opts, globals());
  });

program
  .command('render')
  .description(
    'Print a document with facts filled in and footnotes numbered, to proofread a translation.',
  )
  .requiredOption('-l, --locale <lng>', 'language to render, e.g. uk')
  .addOption(
    new Option('-f, --format <format>', 'output format').choices(['text', 'html']).default('text'),
  )
  .option('-d, --document <id>', 'render only this document (default: all)')
  .option(
    '--fallback',
    'fill missing text from the locale fallback chain (as the dev site does)',
    false,
  )
  .addHelpText(
    'after',
    '\nExamples:\n  $ bilateral render --locale uk\n  $ bilateral render --locale ko --format html > ko.html',
  )
  .action(
    async (opts: {
      locale: string;
      format: 'text' | 'html';
      document?: string;
      fallback: boolean;
    }) => {
      const { configOptions } = await import('./shared.js');
      const { renderCommand } = await import('./render.js');
      const config = await loadConfig(configOptions(globals()));
      const { output, problems } = await renderCommand(config, opts);
      // A translation may hold control characters (ESC): shown escaped, never sent to the terminal.
      process.stdout.write(printable(output));
      for (const p of problems) process.stderr.write(`${pc.yellow('warning')} ${visible(p)}\n`);
      if (problems.length > 0) {
        process.stderr.write(
          `Run ${pc.bold('bilateral check')} for the details and how to fix them.\n`,
        );
        process.exitCode = 1;
      }
    },
  );

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) process.exitCode = e.exitCode === 0 ? 0 : 2;
  else process.exitCode = reportError(e);
}

/**
 * Prints an error that escaped a command and gives the exit code its class carries
 * (model/errors.ts): 2 for a usage or configuration mistake, 1 when the work could not be done
 * (a refused or failed write, a file changed meanwhile: whatever was not written is exactly as it
 * was). Anything else is a bug in this tool (3): said so, with the stack only on request.
 */
function reportError(e: unknown): number {
  const code = exitCodeOf(e);
  const err = e as Error | undefined;
  if (code !== 3) {
    process.stderr.write(`${pc.red('error')} ${visible(err?.message ?? String(e))}\n`);
    return code;
  }
  process.stderr.write(
    `${pc.red('internal error')} ${err?.message ?? String(e)}\n` +
      (process.env['BILATERAL_DEBUG']
        ? `${err?.stack ?? ''}\n`
        : 'Set BILATERAL_DEBUG=1 to see where, and please report it.\n'),
  );
  return code;
}
