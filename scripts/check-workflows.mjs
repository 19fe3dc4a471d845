#!/usr/bin/env node
// Checks the GitHub Actions workflows in .github/workflows, since no CI run can be tried from here:
//   1. each file against the workflow schema (@action-validator/core: SchemaStore's schema for
//      GitHub workflows, compiled to WebAssembly);
//   2. our policy for every workflow: actions pinned to a full commit SHA with the release in a
//      comment, no permissions by default and each job granted only what its actions need, a
//      timeout on every job, a concurrency group;
//   3. the facts each workflow exists for (ciFacts, releaseFacts, siteFacts below), and that
//      CONTRIBUTING.md describes them as they are (contributingProblems).
// Usage: node scripts/check-workflows.mjs [file.yml ...] (default: every workflow). Exit code: 0
// clean, 1 problems (each naming the file, the job and the fix).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WORKFLOWS = path.join(ROOT, '.github', 'workflows');

/** A parsed workflow: untrusted YAML. @typedef {Record<string, any>} Workflow */
/** @typedef {Record<string, string>} Permissions */

/** The Node majors CI runs the tests on: every supported Node (engines ">=20.19" to the newest LTS). */
export const NODE_MATRIX = [20, 22, 24];

/**
 * What each action needs from the GITHUB_TOKEN (or the OIDC token). A job may hold a permission
 * only if one of its steps needs it; `contents: read` (checkout) is always allowed.
 * @type {Record<string, Permissions>}
 */
export const ACTION_PERMISSIONS = {
  'actions/checkout': { contents: 'read' },
  'github/codeql-action/upload-sarif': { 'security-events': 'write' },
  'dorny/paths-filter': { 'pull-requests': 'read' },
  'actions/configure-pages': { pages: 'read' },
  'actions/deploy-pages': { pages: 'write', 'id-token': 'write' },
  // The version commit, tags and releases; the pull request; npm provenance (OIDC).
  'changesets/action': { contents: 'write', 'pull-requests': 'write', 'id-token': 'write' },
};

const LEVEL = /** @type {Record<string, number>} */ ({ none: 0, read: 1, write: 2 });

/**
 * Schema errors of a workflow file's text, as sentences.
 * @param {string} text
 * @returns {string[]}
 */
export function schemaProblems(text) {
  return validateWorkflow(text).errors.map((e) => {
    const where = 'path' in e && e.path ? ` at ${e.path}` : '';
    const at = 'location' in e && e.location ? ` (line ${e.location.line})` : '';
    return `does not match the workflow schema${where}${at}: ${e.title}${e.detail ? ` (${e.detail})` : ''}`;
  });
}

/**
 * The action an `uses:` names, without the ref: `owner/repo[/path]`.
 * @param {string} uses
 */
const actionName = (uses) => uses.split('@')[0] ?? uses;

/**
 * Every `uses:` line of the text with its line number, ref and trailing comment.
 * @param {string} text
 */
function usesLines(text) {
  return text.split('\n').flatMap((line, i) => {
    const m = /^\s*(?:-\s+)?uses:\s*(['"]?)([^\s'"#]+)\1\s*(?:#\s*(.*))?$/.exec(line);
    return m ? [{ line: i + 1, uses: m[2] ?? '', comment: (m[3] ?? '').trim() }] : [];
  });
}

/**
 * The policy every workflow follows.
 * @param {string} text the file's text (comments matter: the release name beside a SHA)
 * @param {Workflow} doc the parsed workflow
 * @returns {string[]} problems
 */
export function policyProblems(text, doc) {
  /** @type {string[]} */
  const p = [];
  for (const { line, uses, comment } of usesLines(text)) {
    if (uses.startsWith('./') || uses.startsWith('docker://')) continue;
    const ref = uses.split('@')[1] ?? '';
    if (!/^[0-9a-f]{40}$/.test(ref)) {
      p.push(
        `line ${line}: ${uses} is not pinned to a full commit SHA: use ${actionName(uses)}@<40-hex SHA> # vX.Y.Z`,
      );
    } else if (!/^v\d+\.\d+\.\d+$/.test(comment)) {
      p.push(`line ${line}: ${uses}: name the release the SHA is, in a comment ("# vX.Y.Z")`);
    }
  }
  const top = doc.permissions;
  const topIsEmpty = top !== null && typeof top === 'object' && Object.keys(top).length === 0;
  const topIsRead =
    top !== null &&
    typeof top === 'object' &&
    Object.entries(top).every(([k, v]) => k === 'contents' && v === 'read');
  if (top === undefined || !(topIsEmpty || topIsRead)) {
    p.push(
      `"permissions" at the top must grant nothing ({}) or only contents: read; jobs ask for more (is ${JSON.stringify(top)})`,
    );
  }
  if (doc.concurrency === undefined) p.push('no "concurrency": runs of one ref would overlap');
  for (const [id, job] of Object.entries(doc.jobs ?? {})) p.push(...jobProblems(id, job));
  return p;
}

/**
 * @param {string} id
 * @param {Record<string, any>} job
 * @returns {string[]}
 */
function jobProblems(id, job) {
  /** @type {string[]} */
  const p = [];
  if (typeof job['timeout-minutes'] !== 'number') {
    p.push(`job ${id}: no "timeout-minutes" (a hung job would hold a runner for 6 hours)`);
  }
  const perms = job.permissions;
  if (perms === null || typeof perms !== 'object') {
    p.push(`job ${id}: no "permissions" of its own: list what it needs (e.g. contents: read)`);
    return p;
  }
  /** @type {Permissions} */
  const needed = { contents: 'read' };
  for (const step of job.steps ?? []) {
    if (typeof step.uses !== 'string') continue;
    const wants = ACTION_PERMISSIONS[actionName(step.uses)] ?? {};
    for (const [scope, level] of Object.entries(wants)) {
      if ((LEVEL[level] ?? 0) > (LEVEL[needed[scope] ?? 'none'] ?? 0)) needed[scope] = level;
    }
  }
  for (const [scope, level] of Object.entries(/** @type {Permissions} */ (perms))) {
    if ((LEVEL[level] ?? 0) > (LEVEL[needed[scope] ?? 'none'] ?? 0)) {
      p.push(
        `job ${id}: "${scope}: ${level}" is more than its steps need (${needed[scope] ?? 'none'}): remove it or lower it`,
      );
    }
  }
  return p;
}

/**
 * Every `run:` command of a job.
 * @param {Record<string, any>} job
 * @returns {string[]}
 */
const runs = (job) =>
  (job.steps ?? []).flatMap((/** @type {any} */ s) => (typeof s.run === 'string' ? [s.run] : []));

/**
 * ci.yml: the README's test command on every supported Node, the publish test once, SARIF for
 * code scanning (the only job allowed security-events: write) and annotations on pull requests
 * that touch locales/.
 * @param {Workflow} doc
 * @param {{ testAll: string }} repo the root package.json's `test:all` script
 * @returns {string[]}
 */
export function ciFacts(doc, { testAll }) {
  /** @type {string[]} */
  const p = [];
  const jobs = Object.entries(doc.jobs ?? {});
  const commands = testAll.split('&&').map((c) => c.trim());
  const [everyNode, once] = [commands.slice(0, -1), commands.at(-1) ?? ''];
  const matrixJob = jobs.find(([, j]) => Array.isArray(j.strategy?.matrix?.node));
  if (!matrixJob) {
    p.push('no job with a Node matrix (strategy.matrix.node)');
  } else {
    const [id, job] = matrixJob;
    const nodes = /** @type {unknown[]} */ (job.strategy.matrix.node).map(Number);
    if (JSON.stringify(nodes) !== JSON.stringify(NODE_MATRIX)) {
      p.push(
        `job ${id}: the Node matrix is ${JSON.stringify(nodes)}, not ${JSON.stringify(NODE_MATRIX)}`,
      );
    }
    for (const command of everyNode) {
      const step = (job.steps ?? []).find((/** @type {any} */ s) => s.run === command);
      if (!step || step.if !== undefined) {
        p.push(`job ${id}: does not run \`${command}\` (from \`pnpm test:all\`) on every Node`);
      }
    }
    const publish = (job.steps ?? []).filter((/** @type {any} */ s) => s.run === once);
    if (publish.length !== 1 || !/matrix\.node\s*==\s*\d+/.test(String(publish[0]?.if))) {
      p.push(
        `job ${id}: must run \`${once}\` once, on one Node of the matrix (if: matrix.node == N)`,
      );
    }
  }
  const sarif = jobs.filter(([, j]) =>
    (j.steps ?? []).some((/** @type {any} */ s) =>
      String(s.uses).startsWith('github/codeql-action/upload-sarif@'),
    ),
  );
  if (
    sarif.length !== 1 ||
    !sarif[0]?.[1] ||
    !runs(sarif[0][1]).some((r) => r.includes('check') && r.includes('--format sarif'))
  ) {
    p.push(
      'no job runs `bilateral check --format sarif` and uploads it (github/codeql-action/upload-sarif)',
    );
  }
  const annotations = jobs.find(([, j]) => runs(j).some((r) => r.includes('--format github')));
  if (!annotations) {
    p.push('no job prints `bilateral check --format github` annotations');
  } else {
    const [id, job] = annotations;
    const filter = (job.steps ?? []).find((/** @type {any} */ s) =>
      String(s.uses).startsWith('dorny/paths-filter@'),
    );
    if (
      !String(job.if).includes('pull_request') ||
      !String(filter?.with?.filters).includes('locales/**')
    ) {
      p.push(`job ${id}: annotations must run on pull requests, filtered on the paths locales/**`);
    }
  }
  return p;
}

/**
 * release.yml: changesets/action on pushes to main, publishing with `pnpm release` to npm with
 * provenance, with no secrets but GITHUB_TOKEN and NPM_TOKEN.
 * @param {string} text
 * @param {Workflow} doc
 * @returns {string[]}
 */
export function releaseFacts(text, doc) {
  /** @type {string[]} */
  const p = [];
  const branches = doc.on?.push?.branches;
  if (!Array.isArray(branches) || !branches.includes('main'))
    p.push('does not run on pushes to main');
  const entry = Object.entries(doc.jobs ?? {}).find(([, j]) =>
    (j.steps ?? []).some((/** @type {any} */ s) => String(s.uses).startsWith('changesets/action@')),
  );
  if (!entry) return [...p, 'no job uses changesets/action'];
  const [id, job] = entry;
  const step = (job.steps ?? []).find((/** @type {any} */ s) =>
    String(s.uses).startsWith('changesets/action@'),
  );
  if (step.with?.publish !== 'pnpm release')
    p.push(`job ${id}: changesets/action must publish with \`pnpm release\``);
  if (String(step.env?.NPM_CONFIG_PROVENANCE) !== 'true') {
    p.push(
      `job ${id}: publishing without provenance (set NPM_CONFIG_PROVENANCE: true on the changesets step)`,
    );
  }
  if (job.permissions?.['id-token'] !== 'write') {
    p.push(
      `job ${id}: provenance needs "id-token: write" (npm signs with the workflow's OIDC token)`,
    );
  }
  const secrets = [
    ...new Set([...text.matchAll(/secrets\.([A-Za-z0-9_]+)/g)].map((m) => m[1])),
  ].sort();
  const unexpected = secrets.filter((s) => s !== 'GITHUB_TOKEN' && s !== 'NPM_TOKEN');
  if (unexpected.length > 0)
    p.push(`uses secrets changesets does not name: ${unexpected.join(', ')}`);
  if (!secrets.includes('NPM_TOKEN'))
    p.push('the npm token is not passed (env NPM_TOKEN: ${{ secrets.NPM_TOKEN }})');
  return p;
}

/**
 * site.yml: a production build with SITE_URL from the repository variable, deployed to GitHub
 * Pages from the github-pages environment.
 * @param {Workflow} doc
 * @returns {string[]}
 */
export function siteFacts(doc) {
  /** @type {string[]} */
  const p = [];
  const jobs = Object.values(doc.jobs ?? {});
  const steps = jobs.flatMap((j) => j.steps ?? []);
  const build = steps.find((s) => typeof s.run === 'string' && s.run.includes('@bilateral/site'));
  if (!build) p.push('no step builds @bilateral/site');
  else {
    if (!String(build.env?.SITE_URL).includes('vars.SITE_URL'))
      p.push('the site build does not take SITE_URL from vars.SITE_URL');
    if (build.env?.BILATERAL_MODE !== 'production')
      p.push('the site build is not a production build (BILATERAL_MODE: production)');
  }
  for (const action of [
    'actions/configure-pages',
    'actions/upload-pages-artifact',
    'actions/deploy-pages',
  ]) {
    if (!steps.some((s) => String(s.uses).startsWith(`${action}@`)))
      p.push(`does not use ${action}`);
  }
  const deploy = jobs.find((j) =>
    (j.steps ?? []).some((/** @type {any} */ s) =>
      String(s.uses).startsWith('actions/deploy-pages@'),
    ),
  );
  if (deploy && (deploy.environment?.name ?? deploy.environment) !== 'github-pages') {
    p.push('the deploy job does not run in the github-pages environment');
  }
  return p;
}

/**
 * The text of a `## heading` section of a Markdown file (up to the next `## `).
 * @param {string} markdown
 * @param {string} heading
 */
export function section(markdown, heading) {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) return '';
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

/**
 * CONTRIBUTING.md says what the workflows do: the release section names the pull request title,
 * the commands, the permissions and the secrets of release.yml and the settings site.yml needs; the
 * CI section names the Node matrix of ci.yml.
 * @param {string} contributing CONTRIBUTING.md
 * @param {{ release: string, site: string, ci: string }} workflows their texts
 * @returns {string[]} problems
 */
export function contributingProblems(contributing, workflows) {
  /** @type {string[]} */
  const p = [];
  const release = section(contributing, 'How a release happens');
  const ci = section(contributing, 'Continuous integration');
  if (release === '') return ['CONTRIBUTING.md has no "## How a release happens" section'];
  const releaseDoc = /** @type {Workflow} */ (parse(workflows.release));
  const job = /** @type {Record<string, any>} */ (Object.values(releaseDoc.jobs ?? {})[0] ?? {});
  const step = (job.steps ?? []).find((/** @type {any} */ s) =>
    String(s.uses).startsWith('changesets/action@'),
  );
  /** @type {Array<[string, string]>} */
  const must = [
    [`"${step?.with?.title ?? 'Version Packages'}"`, 'the title of the version pull request'],
    [`\`${step?.with?.version ?? 'pnpm changeset version'}\``, 'the version command'],
    [`\`${step?.with?.publish ?? 'pnpm release'}\``, 'the publish command'],
    ['`NPM_CONFIG_PROVENANCE: true`', 'how provenance is switched on'],
  ];
  for (const [scope, level] of Object.entries(job.permissions ?? {})) {
    must.push([`\`${scope}: ${String(level)}\``, 'a permission of the release job']);
  }
  for (const secret of new Set(
    [...workflows.release.matchAll(/secrets\.([A-Za-z0-9_]+)/g)].map((m) => m[1] ?? ''),
  )) {
    must.push([`\`${secret}\``, 'a secret the release workflow uses']);
  }
  const variables = [...workflows.site.matchAll(/vars\.([A-Za-z0-9_]+)/g)].map((m) => m[1] ?? '');
  for (const v of new Set(variables))
    must.push([`\`${v}\``, 'a repository variable the site workflow reads']);
  const environment = /environment:\s*\n\s*name:\s*(\S+)/.exec(workflows.site)?.[1];
  if (environment) must.push([`\`${environment}\``, 'the environment the site deploys from']);
  must.push(['"GitHub Actions"', 'the GitHub Pages source']);
  for (const [text, what] of must) {
    if (!release.includes(text))
      p.push(`CONTRIBUTING.md, "How a release happens": does not name ${what} (${text})`);
  }
  for (const name of new Set(
    [...release.matchAll(/`([A-Z][A-Z0-9_]*_TOKEN)`/g)].map((m) => m[1]),
  )) {
    if (!workflows.release.includes(`secrets.${name}`)) {
      p.push(
        `CONTRIBUTING.md, "How a release happens": names the secret ${name}, which release.yml does not use`,
      );
    }
  }
  const nodes = /** @type {number[]} */ (
    /** @type {Workflow} */ (parse(workflows.ci)).jobs?.test?.strategy?.matrix?.node ?? []
  );
  const said = `Node ${nodes.slice(0, -1).join(', ')} and ${nodes.at(-1)}`;
  if (!ci.replace(/\s+/g, ' ').includes(said)) {
    p.push(
      `CONTRIBUTING.md, "Continuous integration": does not say "${said}" (the Node matrix of ci.yml)`,
    );
  }
  return p;
}

/**
 * Every check on one workflow file.
 * @param {string} file
 * @returns {string[]} problems, each prefixed with the file
 */
export function checkWorkflowFile(file) {
  const text = readFileSync(file, 'utf8');
  const name = path.relative(ROOT, file);
  const schema = schemaProblems(text);
  if (schema.length > 0) return schema.map((m) => `${name}: ${m}`);
  const doc = /** @type {Workflow} */ (parse(text));
  const p = policyProblems(text, doc);
  const base = path.basename(file);
  if (base === 'ci.yml') {
    const pkg = /** @type {{ scripts: Record<string, string> }} */ (
      JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
    );
    p.push(...ciFacts(doc, { testAll: pkg.scripts['test:all'] ?? '' }));
  }
  if (base === 'release.yml') p.push(...releaseFacts(text, doc));
  if (base === 'site.yml') p.push(...siteFacts(doc));
  return p.map((m) => `${name}: ${m}`);
}

const isMain =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const files =
    args.length > 0
      ? args.map((f) => path.resolve(f))
      : readdirSync(WORKFLOWS)
          .filter((f) => /\.ya?ml$/.test(f))
          .map((f) => path.join(WORKFLOWS, f));
  const problems = files.flatMap(checkWorkflowFile);
  if (args.length === 0) {
    const read = (/** @type {string} */ f) => readFileSync(path.join(WORKFLOWS, f), 'utf8');
    problems.push(
      ...contributingProblems(readFileSync(path.join(ROOT, 'CONTRIBUTING.md'), 'utf8'), {
        release: read('release.yml'),
        site: read('site.yml'),
        ci: read('ci.yml'),
      }),
    );
  }
  for (const m of problems) process.stderr.write(`${m}\n`);
  if (problems.length === 0) process.stdout.write(`ok: ${files.length} workflows\n`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
