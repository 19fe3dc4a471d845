// Phase 1 of the publish test: build, copy the repository, check `pnpm release`'s refusals and
// version the copy with a sample changeset (the real tree is never touched).
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {
  BIN,
  DEPENDENCY_FIELDS,
  ROOT,
  SAMPLE_NOTE,
  check,
  cleanEnv,
  indent,
  must,
  readJson,
  sh,
  step,
  workspacePackages,
} from './shared.mjs';

/**
 * What the phases share.
 * @typedef {object} Context
 * @property {string} temp the temporary folder (everything below is in it)
 * @property {string} repo the copy of the repository
 * @property {string} consumer the consumer project
 * @property {import('./shared.mjs').WorkspacePackage[]} publicPackages in the real repository
 * @property {string[]} names their names
 */
/**
 * The copy after `changeset version`.
 * @typedef {object} Versioned
 * @property {import('./shared.mjs').WorkspacePackage[]} packages the copy's workspace packages
 * @property {Record<string, string>} versionOf new version by package name
 * @property {Record<string, string>} before the version each public package had
 */

/** @typedef {(argv: string[]) => Promise<import('./shared.mjs').Result>} Git */

/**
 * Builds the public packages (unless `build` is false) and copies the repository to ctx.repo.
 * @param {Context} ctx
 * @param {boolean} build
 */
export async function buildAndCopy(ctx, build) {
  if (build) {
    await must(
      'building the public packages',
      path.join(BIN, 'turbo'),
      ['run', 'build', '--output-logs=errors-only', ...ctx.names.map((n) => `--filter=${n}`)],
      { env: cleanEnv() },
    );
    step('built (turbo)');
  }
  const SKIP = new Set(['node_modules', '.git', '.turbo', '_site', 'test-artifacts', 'coverage']);
  cpSync(ROOT, ctx.repo, {
    recursive: true,
    filter: (src) => !SKIP.has(path.basename(src)) && !src.endsWith('.tsbuildinfo'),
  });
  // The changelog generator and the CLI resolve from the copy: share the root's installed tools.
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(ctx.repo, 'node_modules'), 'dir');
  for (const p of ctx.publicPackages) {
    check(existsSync(path.join(ctx.repo, p.rel, 'package.json')), `${p.rel} was not copied`);
  }
  step(`copied the repository to ${ctx.repo}`);
}

/**
 * A git repository in the copy, everything committed; returns a runner for git commands there.
 * @param {string} repo
 * @returns {Promise<Git>}
 */
export async function initGit(repo) {
  /** @type {Git} */
  const git = (argv) =>
    must(
      `git ${argv[0] ?? ''}`,
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
  return git;
}

/**
 * `pnpm release` in the copy.
 * @param {string} repo
 * @param {string[]} [extra]
 */
const release = (repo, extra = []) =>
  sh(process.execPath, [path.join(repo, 'scripts', 'release.mjs'), ...extra], {
    cwd: repo,
    env: cleanEnv(),
  });

/**
 * Adds a sample changeset, checks that `pnpm release` refuses it pending, runs `changeset version`
 * and checks what it did: bumps, changelogs, the fixed group, private packages untouched.
 * @param {Context} ctx
 * @param {Git} git
 * @returns {Promise<Versioned>}
 */
export async function versionWithSample(ctx, git) {
  const { repo } = ctx;
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

  const r = await release(repo, ['--dry-run']);
  check(
    r.code === 1 && r.stderr.includes('changeset version'),
    `pnpm release must refuse while changesets are pending (exit 1, naming \`changeset version\`); got exit ${r.code}:\n${indent(r.output)}`,
  );

  await must('changeset version', path.join(BIN, 'changeset'), ['version'], {
    cwd: repo,
    env: cleanEnv(),
  });
  const packages = workspacePackages(repo);
  /** @type {Record<string, string>} */
  const versionOf = Object.fromEntries(packages.map((p) => [p.manifest.name, p.manifest.version]));
  /** @type {Record<string, string>} */
  const before = Object.fromEntries(
    ctx.publicPackages.map((p) => [p.manifest.name, p.manifest.version]),
  );
  check(
    changesets().length === 0,
    `changeset version left changesets behind: ${changesets().join(', ')}`,
  );
  const versioned = { packages, versionOf, before };
  checkVersioned(ctx, versioned);
  step(
    `changeset version (${pending.length} changesets): ${ctx.names.map((n) => `${n.replace('@bilateral/', '')} ${before[n]}→${versionOf[n]}`).join(', ')}`,
  );
  return versioned;
}

/**
 * The sample's packages bumped with a changelog entry, the fixed group on one version, private
 * packages not versioned.
 * @param {Context} ctx
 * @param {Versioned} versioned
 */
function checkVersioned(ctx, { packages, versionOf, before }) {
  for (const name of ['@bilateral/i18n', '@bilateral/locale-uk']) {
    check(
      versionOf[name] !== before[name],
      `${name} was not bumped by the sample changeset (still ${before[name]})`,
    );
    const rel = packages.find((p) => p.manifest.name === name)?.rel ?? name;
    const changelog = path.join(ctx.repo, rel, 'CHANGELOG.md');
    check(
      existsSync(changelog) && readFileSync(changelog, 'utf8').includes(SAMPLE_NOTE),
      `${changelog} does not record the sample changeset`,
    );
  }
  const config = /** @type {{ fixed?: string[][] }} */ (
    readJson(path.join(ctx.repo, '.changeset', 'config.json'))
  );
  for (const group of config.fixed ?? []) {
    const versions = new Set(group.map((n) => versionOf[n]));
    check(
      versions.size === 1,
      `the fixed group ${group.join(', ')} has different versions: ${[...versions].join(', ')}`,
    );
  }
  // A package leaves 0.x only when a changeset says `major`: not because a peer dependency it
  // names (i18n's optional @bilateral/core) was bumped, which changesets does for a peer range
  // the new version leaves (`onlyUpdatePeerDependentsWhenOutOfRange` and the range `0.x`).
  for (const name of ctx.names) {
    const was = Number((before[name] ?? '0').split('.')[0]);
    const now = Number((versionOf[name] ?? '0').split('.')[0]);
    check(
      now === was,
      `${name} went from ${before[name]} to ${versionOf[name]}, a major release no changeset asks for (a peer dependency's range left behind?)`,
    );
  }
  const original = workspacePackages(ROOT);
  for (const p of packages.filter((x) => x.manifest.private === true)) {
    const was = original.find((x) => x.rel === p.rel);
    check(
      p.manifest.version === was?.manifest.version,
      `the private ${p.manifest.name} was versioned`,
    );
  }
}

/**
 * On the committed, versioned copy: `pnpm release --dry-run` passes, and refuses a dirty tree.
 * @param {Context} ctx
 * @param {Git} git
 */
export async function checkReleaseRefusals(ctx, git) {
  const { repo } = ctx;
  await git(['add', '-A']);
  await git(['commit', '-q', '-m', 'version packages']);
  let r = await release(repo, ['--dry-run']);
  check(
    r.code === 0 && r.stdout.includes('changeset publish'),
    `pnpm release --dry-run on a clean, versioned tree must pass; got exit ${r.code}:\n${indent(r.output)}`,
  );
  writeFileSync(path.join(repo, 'stray.txt'), 'uncommitted\n');
  r = await release(repo, ['--dry-run']);
  check(
    r.code === 1 && r.stderr.includes('stray.txt') && !/\n\s+at /.test(r.stderr),
    `pnpm release must refuse a dirty tree (exit 1, naming the file, no stack trace); got exit ${r.code}:\n${indent(r.output)}`,
  );
  rmSync(path.join(repo, 'stray.txt'));
  step('pnpm release refuses pending changesets and a dirty tree, passes a clean one (dry run)');
}

/**
 * pnpm publish rewrites `workspace:` ranges from the linked packages' manifests: link the copy's.
 * @param {Context} ctx
 * @param {Versioned} versioned
 */
export function linkWorkspaceDependencies(ctx, { packages }) {
  const byName = Object.fromEntries(packages.map((p) => [p.manifest.name, p]));
  for (const p of packages) {
    for (const field of DEPENDENCY_FIELDS) {
      for (const [dep, range] of Object.entries(p.manifest[field] ?? {})) {
        const target = byName[dep];
        if (!String(range).startsWith('workspace:') || !target) continue;
        const link = path.join(ctx.repo, p.rel, 'node_modules', dep);
        mkdirSync(path.dirname(link), { recursive: true });
        if (!existsSync(link))
          symlinkSync(path.relative(path.dirname(link), target.dir), link, 'dir');
      }
    }
  }
}
