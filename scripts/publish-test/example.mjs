// Phase 3 of the publish test, for a new site: the example docs site (examples/docs-site), copied
// without its node_modules, its `workspace:` dependencies pointed at the versions just published,
// installed with npm (`@bilateral` from the local registry, Eleventy and markdown-it from the
// usual one), built, and checked with the assertions of the example's own test.
import { AssertionError } from 'node:assert';
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { assertChecks, assertSite, buildSite } from '../../examples/docs-site/test/site.js';
import {
  DEPENDENCY_FIELDS,
  check,
  cleanEnv,
  fail,
  must,
  readJson,
  step,
  writeJson,
} from './shared.mjs';

const EXAMPLE = path.join('examples', 'docs-site');

/**
 * @param {import('./version.mjs').Context} ctx
 * @param {import('./version.mjs').Versioned} versioned
 * @param {string} registry
 */
export async function exampleSite(ctx, { versionOf }, registry) {
  const dir = path.join(ctx.temp, 'docs-site');
  cpSync(path.join(ctx.repo, EXAMPLE), dir, {
    recursive: true,
    filter: (src) => !['node_modules', '_site'].includes(path.basename(src)),
  });
  const file = path.join(dir, 'package.json');
  /** @type {import('./shared.mjs').Manifest} */
  const manifest = readJson(file);
  for (const field of DEPENDENCY_FIELDS) {
    const deps = manifest[field];
    for (const [name, range] of Object.entries(deps ?? {})) {
      if (deps === undefined || !String(range).startsWith('workspace:')) continue;
      const version = versionOf[name];
      check(version !== undefined, `${EXAMPLE} depends on ${name}, which is not published`);
      deps[name] = version;
    }
  }
  // What a new site installs to build: no test runner (the assertions run here, in Node).
  delete manifest.devDependencies;
  writeJson(file, manifest);
  writeFileSync(path.join(dir, '.npmrc'), `@bilateral:registry=${registry}\n`);
  await must(
    `npm install in the copy of ${EXAMPLE}`,
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
    { cwd: dir, env: cleanEnv(), timeout: 300_000 },
  );
  const i18n = readJson(path.join(dir, 'node_modules', '@bilateral', 'i18n', 'package.json'));
  check(
    i18n.version === versionOf['@bilateral/i18n'],
    `${EXAMPLE}: installed @bilateral/i18n ${i18n.version}, expected ${versionOf['@bilateral/i18n']}`,
  );
  check(
    !existsSync(path.join(dir, 'node_modules', '@bilateral', 'core')),
    `${EXAMPLE}: npm installed @bilateral/core, which a site without Bilateral documents must not need`,
  );
  step(`${EXAMPLE}: installed from the registry (without @bilateral/core)`);
  const env = cleanEnv();
  try {
    await buildSite(dir, path.join(ctx.temp, 'docs-site-output'), env);
    assertSite(path.join(ctx.temp, 'docs-site-output'));
    step(`${EXAMPLE}: built; pages, switcher, hreflang, sitemap, plural and date as in its test`);
    await assertChecks(dir, env);
    step(`${EXAMPLE}: installed \`bilateral check\` exits 0, and 1 naming a removed key`);
  } catch (e) {
    if (e instanceof AssertionError) fail(`${EXAMPLE}, installed from the registry: ${e.message}`);
    throw e;
  }
}
