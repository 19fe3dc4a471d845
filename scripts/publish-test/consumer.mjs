// Phase 3 of the publish test: a consumer project installs the packages from the local registry
// (`@bilateral` scope from Verdaccio, third-party dependencies from the usual registry), then runs
// the installed CLI, renders in plain Node (byte for byte as the workspace does) and runs the
// README examples. The TypeScript checks are in typescript.mjs.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DOCUMENT,
  Failure,
  ROOT,
  check,
  cleanEnv,
  codeBlocks,
  fail,
  indent,
  must,
  readJson,
  secs,
  sh,
  step,
  writeJson,
} from './shared.mjs';

/**
 * The consumer project, set up.
 * @typedef {object} Consumer
 * @property {string} dir
 * @property {NodeJS.ProcessEnv} env
 * @property {string[]} locales locale tags of the published locale packages
 * @property {{ sourceLocale: string, locales: string[], fallback: Record<string, string[]> } & Record<string, unknown>} rootConfig
 *   the repository's bilateral.config.json
 * @property {string[]} readmes the public packages' READMEs (in the copy)
 */

/**
 * Runs independent checks and collects their failures instead of stopping at the first.
 */
export class Phases {
  /** @type {string[]} */
  failures = [];

  /** @param {() => Promise<void>} fn */
  async run(fn) {
    try {
      await fn();
    } catch (e) {
      if (!(e instanceof Failure)) throw e;
      this.failures.push(e.message);
      process.stdout.write(`[${secs()}s] FAILED: ${e.message.split('\n')[0] ?? ''}\n`);
    }
  }
}

/**
 * Creates the consumer project, installs every public package from the registry and writes a
 * bilateral.config.json pointing at the installed packages.
 * @param {import('./version.mjs').Context} ctx
 * @param {import('./version.mjs').Versioned} versioned
 * @param {string} registry
 * @returns {Promise<Consumer>}
 */
export async function installConsumer(ctx, { versionOf }, registry) {
  const dir = ctx.consumer;
  mkdirSync(dir);
  writeJson(path.join(dir, 'package.json'), {
    name: 'bilateral-consumer',
    version: '1.0.0',
    private: true,
    type: 'module',
  });
  // Our scope from Verdaccio only; everything else (i18next, commander…) from the usual registry.
  writeFileSync(path.join(dir, '.npmrc'), `@bilateral:registry=${registry}\n`);
  const env = cleanEnv();
  await must(
    'npm install in the consumer',
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--loglevel=error',
      ...ctx.names.map((n) => `${n}@${versionOf[n]}`),
    ],
    { cwd: dir, env, timeout: 180_000 },
  );
  for (const name of ctx.names) {
    const installed = readJson(path.join(dir, 'node_modules', ...name.split('/'), 'package.json'));
    check(
      installed.version === versionOf[name],
      `${name}: installed ${installed.version}, expected ${versionOf[name]}`,
    );
  }
  step('npm install in the consumer');

  const locales = ctx.names
    .filter((n) => n.startsWith('@bilateral/locale-'))
    .map((n) => n.replace('@bilateral/locale-', ''));
  const rootConfig = readJson(path.join(ROOT, 'bilateral.config.json'));
  // The repository's config (rules, exemptions), pointed at the installed packages.
  const schema = './node_modules/@bilateral/i18n/schema/config.schema.json';
  check(
    existsSync(path.join(dir, schema)),
    `the installed @bilateral/i18n has no ${schema.slice(2)}`,
  );
  // The published packages hold the locale files, not the site's prose pages: no `pages`.
  const packagedConfig = { ...rootConfig };
  delete packagedConfig.pages;
  writeJson(path.join(dir, 'bilateral.config.json'), {
    ...packagedConfig,
    $schema: schema,
    locales: rootConfig.locales.filter((/** @type {string} */ l) => locales.includes(l)),
    files: 'node_modules/@bilateral/locale-{lng}/{ns}.json',
    core: '@bilateral/core',
    lockFile: 'node_modules/@bilateral/locale-{lng}/.bilateral-lock.json',
  });
  const readmes = ctx.publicPackages.map((p) => path.join(ctx.repo, p.rel, 'README.md'));
  return { dir, env, locales, rootConfig, readmes };
}

/**
 * The installed `bilateral` CLI: `check` on the installed locales and `render --locale uk`.
 * @param {Consumer} consumer
 * @param {Phases} phases
 */
export async function cliChecks({ dir, env }, phases) {
  await phases.run(async () => {
    const bilateral = path.join(dir, 'node_modules', '.bin', 'bilateral');
    check(existsSync(bilateral), 'the installed @bilateral/i18n has no `bilateral` bin');
    const r = await sh('npx', ['--no-install', 'bilateral', 'check'], { cwd: dir, env });
    if (r.code !== 0) {
      const missing = /unknown command|too many arguments/i.test(r.output);
      fail(
        missing
          ? `the installed \`bilateral\` has no \`check\` command yet (exit ${r.code}):\n${indent(r.output)}`
          : `\`bilateral check\` on the installed locale packages failed (exit ${r.code}):\n${indent(r.output)}`,
      );
    }
    step('installed `bilateral check` on the installed locales: exit 0');
  });
  await phases.run(async () => {
    const r = await must(
      'bilateral render',
      path.join(dir, 'node_modules', '.bin', 'bilateral'),
      ['render', '--locale', 'uk', '--document', DOCUMENT],
      { cwd: dir, env },
    );
    check(
      !r.stdout.includes('{{') && r.stdout.length > 1000,
      `bilateral render --locale uk printed no rendered document:\n${indent(r.output.slice(0, 2000))}`,
    );
    step('installed `bilateral render --locale uk`: exit 0');
  });
}

/**
 * A script rendering the document in every locale, importing each package through `from`.
 * @param {Consumer} consumer
 * @param {(specifier: string) => string} from
 */
function renderScript({ locales, rootConfig }, from) {
  return `
import { corpus } from '${from('@bilateral/core')}';
import { createRenderer } from '${from('@bilateral/i18n')}';
${locales.map((l) => `import ${l} from '${from(`@bilateral/locale-${l}`)}';`).join('\n')}
const resources = { ${locales.join(', ')} };
const fallback = ${JSON.stringify(rootConfig.fallback)};
const out = {};
for (const locale of Object.keys(resources)) {
  const renderer = createRenderer({ corpus, resources, locale, fallback: fallback[locale] ?? [] });
  const doc = renderer.renderDocument(${JSON.stringify(DOCUMENT)});
  out[locale] = doc;
}
process.stdout.write(JSON.stringify(out));
`;
}

/**
 * Node ESM: render with the installed packages; the workspace must give the same bytes.
 * @param {import('./version.mjs').Context} ctx
 * @param {Consumer} consumer
 */
export async function renderInNode(ctx, consumer) {
  const { dir, env } = consumer;
  writeFileSync(
    path.join(dir, 'render.mjs'),
    renderScript(consumer, (s) => s),
  );
  const installedRun = await must(
    'rendering with the installed packages',
    process.execPath,
    ['render.mjs'],
    { cwd: dir, env },
  );
  /** @param {string} spec */
  const fromWorkspace = (spec) => {
    const p = ctx.publicPackages.find((x) => x.manifest.name === spec);
    check(p !== undefined, `${spec} is not a public workspace package`);
    return pathToFileURL(path.join(p.dir, p.manifest.exports['.'].default)).href;
  };
  writeFileSync(path.join(ctx.temp, 'render-workspace.mjs'), renderScript(consumer, fromWorkspace));
  const workspaceRun = await must(
    'rendering with the workspace packages',
    process.execPath,
    [path.join(ctx.temp, 'render-workspace.mjs')],
    { cwd: ROOT, env },
  );
  /** @type {Record<string, any>} */
  const rendered = JSON.parse(installedRun.stdout);
  for (const [locale, doc] of Object.entries(rendered)) checkRendered(locale, doc);
  check(
    installedRun.stdout === workspaceRun.stdout,
    'the installed packages render differently from the workspace packages',
  );
  step(
    `Node ESM: rendered ${DOCUMENT} in ${Object.keys(rendered).join(', ')} from the installed packages (identical to the workspace)`,
  );
}

/**
 * A rendered document: no problems, a lead paragraph without raw markup, numbered citations.
 * @param {string} locale
 * @param {any} doc
 */
function checkRendered(locale, doc) {
  check(
    doc.problems.length === 0,
    `rendering ${locale} with the installed packages reported problems: ${JSON.stringify(doc.problems.slice(0, 3))}`,
  );
  /** @type {Array<{ text: string, html: string, missing?: boolean }>} */
  const paragraphs = doc.sections.flatMap((/** @type {any} */ sec) => sec.paragraphs);
  const lead = paragraphs[0];
  check(
    lead !== undefined &&
      lead.text.length > 0 &&
      !lead.missing &&
      !/\{\{|<ref|<dubious/.test(lead.html),
    `${locale}: the lead paragraph did not render: ${JSON.stringify(lead)}`,
  );
  check(
    paragraphs.some((p) => p.html.includes('class="reference"')) && doc.references.length > 0,
    `${locale}: no numbered citations in the rendered document`,
  );
}

/**
 * The README JavaScript examples, as a user would paste them, in the consumer.
 * @param {import('./version.mjs').Context} ctx
 * @param {Consumer} consumer
 */
export async function runReadmeExamples(ctx, { dir, env, readmes }) {
  let examples = 0;
  for (const readme of readmes) {
    for (const [i, code] of codeBlocks(readme, 'js').entries()) {
      const file = path.join(dir, `readme-${path.basename(path.dirname(readme))}-${i}.mjs`);
      writeFileSync(file, code);
      const run = await sh(process.execPath, [file], { cwd: dir, env });
      check(
        run.code === 0,
        `${path.relative(ctx.repo, readme)}: JavaScript example ${i + 1} failed (exit ${run.code}):\n${indent(code)}\n  output:\n${indent(run.output)}`,
      );
      examples++;
    }
  }
  step(`README JavaScript examples run: ${examples}`);
}
