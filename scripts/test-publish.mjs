#!/usr/bin/env node
// The publish test (`pnpm test:publish`): proves, through a real local registry, that the public
// packages install and work the first time, in plain Node and in TypeScript.
//
//  1. builds the public packages (turbo, cached) and copies the repository to a temporary folder;
//     there it checks `pnpm release`'s refusals, applies a sample changeset and runs
//     `changeset version` (the real tree is never touched);
//  2. starts Verdaccio in this process on 127.0.0.1 (a free port, temporary storage and config, no
//     uplink), creates a throwaway user and runs `changeset publish` (pnpm publish) against it;
//  3. in a temporary consumer project installs the packages from it (`@bilateral` scope from
//     Verdaccio, third-party dependencies from the usual registry), then
//     - runs the installed `bilateral check` on the installed locale packages (exit 0),
//     - imports core and the locales in Node ESM and renders a document (the same output, byte for
//       byte, as the workspace renders), and runs the README examples,
//     - typechecks a TypeScript consumer that uses typed keys (and the README's TypeScript), and a
//       second one with a misspelt key, which must fail on exactly that key;
//  4. stops Verdaccio and removes the temporary folders, whatever happened.
//
// Options: --keep (keep the temporary folder for inspection), --no-build (use the current builds).
import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'node_modules', '.bin');
const TYPESCRIPT = path.join(ROOT, 'node_modules', 'typescript', 'lib', 'typescript.js');
const args = new Set(process.argv.slice(2));
const KEEP = args.has('--keep');
const BUILD = !args.has('--no-build');
const DOCUMENT = 'north-korea-ukraine-relations';
const SAMPLE_NOTE = 'Publish test: a sample change that is never committed.';

/** Typechecks tsconfig projects in one process: node typecheck.mjs <typescript.js URL> <project...>. */
const TYPECHECK = `const { default: ts } = await import(process.argv[2]);
const cache = new Map();
const format = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\\n' };
const out = [];
for (const project of process.argv.slice(3)) {
  const config = ts.getParsedCommandLineOfConfigFile(project, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\\n')); },
  });
  const host = ts.createCompilerHost(config.options);
  const read = host.getSourceFile;
  host.getSourceFile = (file, version, onError, create) => {
    const key = file + '|' + JSON.stringify(version);
    if (!cache.has(key)) cache.set(key, read.call(host, file, version, onError, create));
    return cache.get(key);
  };
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host });
  const diagnostics = [...config.errors, ...ts.getPreEmitDiagnostics(program)];
  out.push({ project, errors: diagnostics.length, output: ts.formatDiagnostics(diagnostics, format) });
}
process.stdout.write(JSON.stringify(out));
`;

const started = Date.now();
const secs = () => ((Date.now() - started) / 1000).toFixed(1).padStart(5);
const step = (message) => process.stdout.write(`[${secs()}s] ${message}\n`);

class Failure extends Error {}
const fail = (message) => {
  throw new Failure(message);
};
const check = (ok, message) => {
  if (!ok) fail(message);
};

/** Runs a command without blocking this process (Verdaccio answers from this event loop). */
function sh(command, argv, options = {}) {
  return new Promise((resolve) => {
    execFile(
      command,
      argv,
      {
        cwd: options.cwd ?? ROOT,
        env: options.env ?? process.env,
        maxBuffer: 64 << 20,
        timeout: options.timeout ?? 120_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({
          code,
          stdout: String(stdout),
          stderr: String(stderr),
          output: `${stdout}${stderr}`.trim(),
        });
      },
    );
  });
}
/** Like sh, but a non-zero exit is a failure with the command's output. */
async function must(what, command, argv, options) {
  const r = await sh(command, argv, options);
  if (r.code !== 0) fail(`${what} failed (exit ${r.code}):\n${indent(r.output)}`);
  return r;
}
const indent = (text) => text.replace(/^/gm, '    ');
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const writeJson = (file, value) => writeFileSync(file, JSON.stringify(value, null, 2) + '\n');

/** An environment without npm/pnpm settings inherited from `pnpm run` or the developer's shell. */
function cleanEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_)/i.test(k)) continue;
    env[k] = v;
  }
  env.PATH = `${BIN}${path.delimiter}${process.env.PATH ?? ''}`;
  env.TURBO_TELEMETRY_DISABLED = '1';
  env.NO_COLOR = '1';
  env.FORCE_COLOR = '0';
  return { ...env, ...extra };
}

/** Workspace packages of a repository folder (the `dir/*` globs of pnpm-workspace.yaml). */
function workspacePackages(root) {
  const yaml = readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8');
  const groups = [...yaml.matchAll(/^\s*-\s*['"]?([\w./-]+)\/\*['"]?\s*$/gm)].map((m) => m[1]);
  const out = [];
  for (const group of groups) {
    const base = path.join(root, group);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base).sort()) {
      const file = path.join(base, name, 'package.json');
      if (!existsSync(file)) continue;
      out.push({ dir: path.join(base, name), rel: `${group}/${name}`, manifest: readJson(file) });
    }
  }
  return out;
}

/** ```js and ```ts blocks of a README, in order. */
function codeBlocks(file, lang) {
  const text = readFileSync(file, 'utf8');
  const re = new RegExp('^```' + lang + '(?:[ \\t][^\\n]*)?\\n([\\s\\S]*?)^```', 'gm');
  return [...text.matchAll(re)].map((m) => m[1]);
}

let server;
let temp;
function cleanup() {
  if (server) {
    server.closeAllConnections?.();
    server.close();
    server = undefined;
  }
  if (temp && !KEEP) {
    rmSync(temp, { recursive: true, force: true });
    temp = undefined;
  }
}
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    cleanup();
    process.exit(130);
  });
}

async function main() {
  temp = mkdtempSync(path.join(tmpdir(), 'bilateral-publish-'));
  const repo = path.join(temp, 'repo');
  const consumer = path.join(temp, 'consumer');

  const publicPackages = workspacePackages(ROOT).filter((p) => p.manifest.private !== true);
  const names = publicPackages.map((p) => p.manifest.name);
  check(names.length > 0, 'no public packages found');
  step(`public packages: ${names.join(', ')}`);

  // ---------------------------------------------------------------------------------------------
  // 1. Build, copy, check the release script's refusals, version with a sample changeset.
  if (BUILD) {
    await must(
      'building the public packages',
      path.join(BIN, 'turbo'),
      ['run', 'build', '--output-logs=errors-only', ...names.map((n) => `--filter=${n}`)],
      { env: cleanEnv() },
    );
    step('built (turbo)');
  }

  const SKIP = new Set(['node_modules', '.git', '.turbo', '_site', 'test-artifacts', 'coverage']);
  cpSync(ROOT, repo, {
    recursive: true,
    filter: (src) => !SKIP.has(path.basename(src)) && !src.endsWith('.tsbuildinfo'),
  });
  // The changelog generator and the CLI resolve from the copy: share the root's installed tools.
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(repo, 'node_modules'), 'dir');
  for (const p of publicPackages) {
    check(existsSync(path.join(repo, p.rel, 'package.json')), `${p.rel} was not copied`);
  }
  step(`copied the repository to ${repo}`);

  const git = (argv) =>
    must(
      `git ${argv[0]}`,
      'git',
      ['-c', 'user.name=publish-test', '-c', 'user.email=publish-test@invalid', ...argv],
      {
        cwd: repo,
        env: cleanEnv({ GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' }),
      },
    );
  await git(['init', '-q', '-b', 'main']);
  writeFileSync(path.join(repo, '.git', 'info', 'exclude'), 'node_modules\n');
  await git(['add', '-A']);
  await git(['commit', '-q', '-m', 'copy']);

  const changesets = () =>
    readdirSync(path.join(repo, '.changeset')).filter(
      (f) => f.endsWith('.md') && f !== 'README.md',
    );
  writeFileSync(
    path.join(repo, '.changeset', 'publish-test-sample.md'),
    `---\n'@bilateral/i18n': patch\n'@bilateral/locale-uk': patch\n---\n\n${SAMPLE_NOTE}\n`,
  );
  await git(['add', '-A']);
  await git(['commit', '-q', '-m', 'sample changeset']);
  const pending = changesets();

  const release = (extra = []) =>
    sh(process.execPath, [path.join(repo, 'scripts', 'release.mjs'), ...extra], {
      cwd: repo,
      env: cleanEnv(),
    });
  let r = await release(['--dry-run']);
  check(
    r.code === 1 && r.stderr.includes('changeset version'),
    `pnpm release must refuse while changesets are pending (exit 1, naming \`changeset version\`); got exit ${r.code}:\n${indent(r.output)}`,
  );

  await must('changeset version', path.join(BIN, 'changeset'), ['version'], {
    cwd: repo,
    env: cleanEnv(),
  });
  const versioned = workspacePackages(repo);
  const versionOf = Object.fromEntries(versioned.map((p) => [p.manifest.name, p.manifest.version]));
  const before = Object.fromEntries(
    publicPackages.map((p) => [p.manifest.name, p.manifest.version]),
  );
  check(
    changesets().length === 0,
    `changeset version left changesets behind: ${changesets().join(', ')}`,
  );
  for (const name of ['@bilateral/i18n', '@bilateral/locale-uk']) {
    check(
      versionOf[name] !== before[name],
      `${name} was not bumped by the sample changeset (still ${before[name]})`,
    );
    const changelog = path.join(
      repo,
      versioned.find((p) => p.manifest.name === name).rel,
      'CHANGELOG.md',
    );
    check(
      existsSync(changelog) && readFileSync(changelog, 'utf8').includes(SAMPLE_NOTE),
      `${changelog} does not record the sample changeset`,
    );
  }
  const config = readJson(path.join(repo, '.changeset', 'config.json'));
  for (const group of config.fixed ?? []) {
    const versions = new Set(group.map((n) => versionOf[n]));
    check(
      versions.size === 1,
      `the fixed group ${group.join(', ')} has different versions: ${[...versions].join(', ')}`,
    );
  }
  for (const p of versioned.filter((x) => x.manifest.private === true)) {
    const original = workspacePackages(ROOT).find((x) => x.rel === p.rel);
    check(
      p.manifest.version === original?.manifest.version,
      `the private ${p.manifest.name} was versioned`,
    );
  }
  step(
    `changeset version (${pending.length} changesets): ${names.map((n) => `${n.replace('@bilateral/', '')} ${before[n]}→${versionOf[n]}`).join(', ')}`,
  );

  await git(['add', '-A']);
  await git(['commit', '-q', '-m', 'version packages']);
  r = await release(['--dry-run']);
  check(
    r.code === 0 && r.stdout.includes('changeset publish'),
    `pnpm release --dry-run on a clean, versioned tree must pass; got exit ${r.code}:\n${indent(r.output)}`,
  );
  writeFileSync(path.join(repo, 'stray.txt'), 'uncommitted\n');
  r = await release(['--dry-run']);
  check(
    r.code === 1 && r.stderr.includes('stray.txt') && !/\n\s+at /.test(r.stderr),
    `pnpm release must refuse a dirty tree (exit 1, naming the file, no stack trace); got exit ${r.code}:\n${indent(r.output)}`,
  );
  rmSync(path.join(repo, 'stray.txt'));
  step('pnpm release refuses pending changesets and a dirty tree, passes a clean one (dry run)');

  // pnpm publish rewrites `workspace:` ranges from the linked packages' manifests: link the copy's.
  const byName = Object.fromEntries(versioned.map((p) => [p.manifest.name, p]));
  for (const p of versioned) {
    for (const field of [
      'dependencies',
      'devDependencies',
      'peerDependencies',
      'optionalDependencies',
    ]) {
      for (const [dep, range] of Object.entries(p.manifest[field] ?? {})) {
        if (!String(range).startsWith('workspace:') || !byName[dep]) continue;
        const link = path.join(repo, p.rel, 'node_modules', dep);
        mkdirSync(path.dirname(link), { recursive: true });
        if (!existsSync(link))
          symlinkSync(path.relative(path.dirname(link), byName[dep].dir), link, 'dir');
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // 2. Verdaccio, a throwaway user, changeset publish.
  const storage = path.join(temp, 'verdaccio');
  mkdirSync(storage);
  const configFile = path.join(storage, 'config.yaml');
  // JSON is YAML. No uplinks: the registry serves only what is published to it.
  writeJson(configFile, {
    storage: path.join(storage, 'storage'),
    auth: { htpasswd: { file: path.join(storage, 'htpasswd'), max_users: 1 } },
    uplinks: {},
    packages: { '**': { access: '$all', publish: '$authenticated', unpublish: '$authenticated' } },
    web: { enable: false },
    log: { type: 'stdout', format: 'pretty', level: 'error' },
  });
  const { runServer } = await import('verdaccio');
  server = await runServer(configFile);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const registry = `http://127.0.0.1:${server.address().port}/`;
  const user = `publish-test-${process.pid}`;
  const res = await fetch(`${registry}-/user/org.couchdb.user:${user}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: user,
      password: `pw-${Math.random().toString(36).slice(2)}`,
      type: 'user',
      roles: [],
      date: new Date().toISOString(),
    }),
  });
  const { token } = await res.json();
  check(
    res.status === 201 && typeof token === 'string',
    `creating the Verdaccio user failed (HTTP ${res.status})`,
  );
  step(`Verdaccio at ${registry} (user ${user})`);

  const host = registry.replace(/^http:/, '');
  const npmrc = path.join(temp, 'publish.npmrc');
  writeFileSync(
    npmrc,
    `registry=${registry}\n${host}:_authToken=${token}\nupdate-notifier=false\nfund=false\naudit=false\nloglevel=warn\n`,
  );
  // Belt and braces: the registry is forced for the scope and the default, and the only token in
  // reach is Verdaccio's, so nothing can reach the real registry.
  const publishEnv = cleanEnv({
    npm_config_userconfig: npmrc,
    npm_config_registry: registry,
    'npm_config_@bilateral:registry': registry,
  });
  for (const name of names) {
    const info = await fetch(`${registry}${name.replace('/', '%2f')}`);
    check(info.status === 404, `${name} is already on the fresh registry (HTTP ${info.status})`);
  }
  r = await must('changeset publish', path.join(BIN, 'changeset'), ['publish', '--no-git-tag'], {
    cwd: repo,
    env: publishEnv,
  });
  for (const name of names) {
    const info = await fetch(`${registry}${name.replace('/', '%2f')}`);
    check(
      info.status === 200,
      `${name} is not on the registry after changeset publish:\n${indent(r.output)}`,
    );
    const doc = await info.json();
    const manifest = doc.versions?.[versionOf[name]];
    check(
      manifest !== undefined,
      `${name}@${versionOf[name]} is not on the registry (has ${Object.keys(doc.versions ?? {}).join(', ')})`,
    );
    check(
      doc['dist-tags']?.latest === versionOf[name],
      `${name}: latest is ${doc['dist-tags']?.latest}, expected ${versionOf[name]}`,
    );
    for (const [dep, range] of Object.entries({
      ...manifest.dependencies,
      ...manifest.peerDependencies,
    })) {
      check(!String(range).startsWith('workspace:'), `${name} was published with ${dep}@${range}`);
      if (versionOf[dep]) {
        check(
          range === `^${versionOf[dep]}` || range === versionOf[dep],
          `${name} depends on ${dep}@${range}, but ${dep} is ${versionOf[dep]}`,
        );
      }
    }
  }
  step(`changeset publish: ${names.map((n) => `${n}@${versionOf[n]}`).join(', ')}`);

  // ---------------------------------------------------------------------------------------------
  // 3. A consumer project.
  mkdirSync(consumer);
  writeJson(path.join(consumer, 'package.json'), {
    name: 'bilateral-consumer',
    version: '1.0.0',
    private: true,
    type: 'module',
  });
  // Our scope from Verdaccio only; everything else (i18next, commander…) from the usual registry.
  writeFileSync(path.join(consumer, '.npmrc'), `@bilateral:registry=${registry}\n`);
  const consumerEnv = cleanEnv();
  await must(
    'npm install in the consumer',
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--loglevel=error',
      ...names.map((n) => `${n}@${versionOf[n]}`),
    ],
    { cwd: consumer, env: consumerEnv, timeout: 180_000 },
  );
  for (const name of names) {
    const installed = readJson(
      path.join(consumer, 'node_modules', ...name.split('/'), 'package.json'),
    );
    check(
      installed.version === versionOf[name],
      `${name}: installed ${installed.version}, expected ${versionOf[name]}`,
    );
  }
  step('npm install in the consumer');

  const locales = names
    .filter((n) => n.startsWith('@bilateral/locale-'))
    .map((n) => n.replace('@bilateral/locale-', ''));
  const rootConfig = readJson(path.join(ROOT, 'bilateral.config.json'));
  // The repository's config (rules, exemptions), pointed at the installed packages.
  const schema = './node_modules/@bilateral/i18n/schema/config.schema.json';
  check(
    existsSync(path.join(consumer, schema)),
    `the installed @bilateral/i18n has no ${schema.slice(2)}`,
  );
  writeJson(path.join(consumer, 'bilateral.config.json'), {
    ...rootConfig,
    $schema: schema,
    locales: rootConfig.locales.filter((l) => locales.includes(l)),
    files: 'node_modules/@bilateral/locale-{lng}/{ns}.json',
    core: '@bilateral/core',
    lockFile: 'node_modules/@bilateral/locale-{lng}/.bilateral-lock.json',
  });
  // The consumer checks are independent: run them all, then report every failure.
  const failures = [];
  const phase = async (fn) => {
    try {
      await fn();
    } catch (e) {
      if (!(e instanceof Failure)) throw e;
      failures.push(e.message);
      process.stdout.write(`[${secs()}s] FAILED: ${e.message.split('\n')[0]}\n`);
    }
  };

  const readmes = publicPackages.map((p) => path.join(repo, p.rel, 'README.md'));
  // Three chains at once: the CLI, the Node examples, TypeScript.
  const cliChain = (async () => {
    await phase(async () => {
      const bilateral = path.join(consumer, 'node_modules', '.bin', 'bilateral');
      check(existsSync(bilateral), 'the installed @bilateral/i18n has no `bilateral` bin');
      const r = await sh('npx', ['--no-install', 'bilateral', 'check'], {
        cwd: consumer,
        env: consumerEnv,
      });
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
    await phase(async () => {
      const r = await must(
        'bilateral render',
        path.join(consumer, 'node_modules', '.bin', 'bilateral'),
        ['render', '--locale', 'uk', '--document', DOCUMENT],
        {
          cwd: consumer,
          env: consumerEnv,
        },
      );
      check(
        !r.stdout.includes('{{') && r.stdout.length > 1000,
        `bilateral render --locale uk printed no rendered document:\n${indent(r.output.slice(0, 2000))}`,
      );
      step('installed `bilateral render --locale uk`: exit 0');
    });
  })();

  const nodeChain = (async () => {
    // Node ESM: render with the installed packages; the workspace must give the same bytes.
    await phase(async () => {
      const renderScript = (from) => `
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
      writeFileSync(
        path.join(consumer, 'render.mjs'),
        renderScript((s) => s),
      );
      const installedRun = await must(
        'rendering with the installed packages',
        process.execPath,
        ['render.mjs'],
        { cwd: consumer, env: consumerEnv },
      );
      const fromWorkspace = (spec) => {
        const p = publicPackages.find((x) => x.manifest.name === spec);
        const entry = p.manifest.exports['.'].default;
        return pathToFileURL(path.join(p.dir, entry)).href;
      };
      writeFileSync(path.join(temp, 'render-workspace.mjs'), renderScript(fromWorkspace));
      const workspaceRun = await must(
        'rendering with the workspace packages',
        process.execPath,
        [path.join(temp, 'render-workspace.mjs')],
        {
          cwd: ROOT,
          env: consumerEnv,
        },
      );
      const rendered = JSON.parse(installedRun.stdout);
      for (const [locale, doc] of Object.entries(rendered)) {
        check(
          doc.problems.length === 0,
          `rendering ${locale} with the installed packages reported problems: ${JSON.stringify(doc.problems.slice(0, 3))}`,
        );
        const paragraphs = doc.sections.flatMap((sec) => sec.paragraphs);
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
      check(
        installedRun.stdout === workspaceRun.stdout,
        'the installed packages render differently from the workspace packages',
      );
      step(
        `Node ESM: rendered ${DOCUMENT} in ${Object.keys(rendered).join(', ')} from the installed packages (identical to the workspace)`,
      );
    });

    // The README examples, as a user would paste them.
    await phase(async () => {
      let examples = 0;
      for (const readme of readmes) {
        const blocks = codeBlocks(readme, 'js');
        for (const [i, code] of blocks.entries()) {
          const file = path.join(
            consumer,
            `readme-${path.basename(path.dirname(readme))}-${i}.mjs`,
          );
          writeFileSync(file, code);
          const run = await sh(process.execPath, [file], { cwd: consumer, env: consumerEnv });
          check(
            run.code === 0,
            `${path.relative(repo, readme)}: JavaScript example ${i + 1} failed (exit ${run.code}):\n${indent(code)}\n  output:\n${indent(run.output)}`,
          );
          examples++;
        }
      }
      step(`README JavaScript examples run: ${examples}`);
    });
  })();

  // TypeScript: typed keys from the source locale's package. Good consumer passes, bad one fails.
  const tsChain = phase(async () => {
    const source = `@bilateral/locale-${rootConfig.sourceLocale}`;
    // No @types/node or DOM: the packages' types must stand on their own (console.d.ts declares
    // just what the examples print with). The typed consumer also checks every .d.ts it reaches
    // (skipLibCheck: false); the other programs only their own code.
    const tsconfig = (files, skipLibCheck) => ({
      compilerOptions: {
        target: 'ES2023',
        lib: ['ES2023'],
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        skipLibCheck,
        types: [],
      },
      files: ['console.d.ts', ...files],
    });
    writeFileSync(
      path.join(consumer, 'console.d.ts'),
      'declare var console: { log(...data: unknown[]): void; error(...data: unknown[]): void };\n',
    );
    writeFileSync(
      path.join(consumer, 'i18next.d.ts'),
      `import type { Resources } from '${source}';\n\ndeclare module 'i18next' {\n  interface CustomTypeOptions {\n    defaultNS: 'ui';\n    resources: Resources;\n  }\n}\n`,
    );
    const typedUse = (key) => `import i18next from 'i18next';
import { corpus } from '@bilateral/core';
import { createRenderer, type RenderedDocument } from '@bilateral/i18n';
import ${rootConfig.sourceLocale} from '${source}';
${locales
  .filter((l) => l !== rootConfig.sourceLocale)
  .map((l) => `import ${l} from '@bilateral/locale-${l}';`)
  .join('\n')}

await i18next.init({ lng: 'en', fallbackLng: '${rootConfig.sourceLocale}', resources: { ${locales.join(', ')} } });
const skip: string = i18next.t('nav.skipToContent');
const title: string = i18next.t('meta.title', { ns: '${DOCUMENT}' });
const lead: string = i18next.t('${DOCUMENT}:sections.lead.p1');
const bad: string = i18next.t('${key}');
const doc: RenderedDocument = createRenderer({ corpus, resources: { ${locales.join(', ')} }, locale: 'uk', fallback: ['en'] }).renderDocument('${DOCUMENT}');
export const out = [skip, title, lead, bad, doc.title.text];
`;
    writeFileSync(path.join(consumer, 'good.ts'), typedUse('nav.contents'));
    const BAD_KEY = 'nav.contnets';
    writeFileSync(path.join(consumer, 'bad.ts'), typedUse(BAD_KEY));
    // The README examples of core and i18n join the typed consumer (they type keys with the source
    // locale, as it does); each locale README types keys with its own package: its own program.
    const programs = [
      ['typed consumer', 'tsconfig.good.json', ['i18next.d.ts', 'good.ts'], false],
      ['misspelt-key consumer', 'tsconfig.bad.json', ['i18next.d.ts', 'bad.ts'], true],
    ];
    const goodWhat = new Set(['typed consumer']);
    for (const readme of readmes) {
      const files = [];
      for (const [i, code] of codeBlocks(readme, 'ts').entries()) {
        const name = `readme-${path.basename(path.dirname(readme))}-${i}.ts`;
        writeFileSync(
          path.join(consumer, name),
          /^\s*(import|export)\s/m.test(code) ? code : `${code}\nexport {};\n`,
        );
        files.push(name);
      }
      if (files.length === 0) continue;
      const rel = path.relative(repo, readme);
      if (rel.startsWith('locales/')) {
        programs.push([rel, `tsconfig.${path.basename(path.dirname(readme))}.json`, files, true]);
      } else {
        programs[0][2].push(...files);
        goodWhat.add(rel);
      }
    }
    for (const [, name, files, skip] of programs) {
      writeJson(path.join(consumer, name), tsconfig(files, skip));
    }
    // One process for every program, sharing parsed declaration files (as editors do): the same
    // diagnostics as `tsc -p <project> --pretty false`, for a third of the CPU.
    writeFileSync(path.join(consumer, 'typecheck.mjs'), TYPECHECK);
    const run = await must(
      'the TypeScript compiler',
      process.execPath,
      ['typecheck.mjs', pathToFileURL(TYPESCRIPT).href, ...programs.map(([, project]) => project)],
      { cwd: consumer, env: consumerEnv },
    );
    const results = JSON.parse(run.stdout);
    const [good, bad] = results;
    const problems = [];
    for (const [i, [what]] of programs.entries()) {
      if (i >= 2 && results[i].errors > 0) {
        problems.push(
          `${what}: the TypeScript example does not typecheck:\n${indent(results[i].output)}`,
        );
      }
    }
    if (good.errors > 0) {
      problems.push(
        `the typed TypeScript consumer (with ${[...goodWhat].join(', ')}) does not typecheck:\n${indent(good.output)}`,
      );
    }
    const errors = bad.output.split('\n').filter((l) => /error TS\d+/.test(l));
    const badLine =
      typedUse(BAD_KEY)
        .split('\n')
        .findIndex((l) => l.includes(BAD_KEY)) + 1;
    if (bad.errors === 0) {
      problems.push(
        `the TypeScript consumer with the misspelt key "${BAD_KEY}" typechecks: keys are not typed`,
      );
    } else if (!(
      errors.length === 1 &&
      errors[0].startsWith(`bad.ts(${badLine},`) &&
      bad.output.includes(BAD_KEY)
    )) {
      problems.push(
        `the misspelt-key consumer must fail on exactly the misspelt key (bad.ts line ${badLine}), but tsc said:\n${indent(bad.output)}`,
      );
    } else {
      const hint = /Did you mean '([^']+)'\?/.exec(bad.output);
      step(
        `TypeScript: the misspelt key "${BAD_KEY}" is a compile error (${errors[0].replace(/^.*?error (TS\d+).*$/, '$1')} at bad.ts:${badLine}${hint ? `, "did you mean ${hint[1]}?"` : ''})`,
      );
    }
    check(problems.length === 0, problems.join('\n\n'));
    step(
      `TypeScript: the typed consumer and the examples of ${goodWhat.size - 1 + programs.length - 2} READMEs typecheck`,
    );
  });

  await Promise.all([cliChain, nodeChain, tsChain]);
  if (failures.length > 0) fail(failures.join('\n\n'));
}

try {
  await main();
  step(`publish test passed${KEEP ? ` (kept ${temp})` : ''}`);
} catch (e) {
  if (e instanceof Failure) {
    process.stderr.write(`\npublish test FAILED after ${secs().trim()}s: ${e.message}\n`);
  } else {
    process.stderr.write(
      `\npublish test FAILED after ${secs().trim()}s with an unexpected error:\n${e?.stack ?? e}\n`,
    );
  }
  if (KEEP && temp) process.stderr.write(`(kept ${temp})\n`);
  process.exitCode = 1;
} finally {
  cleanup();
}
