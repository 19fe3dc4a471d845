import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  NODE_MATRIX,
  WORKFLOWS,
  checkWorkflowFile,
  ciFacts,
  contributingProblems,
  policyProblems,
  releaseFacts,
  schemaProblems,
  siteFacts,
} from '../check-workflows.mjs';
import { ROOT, node } from './run.js';

// The workflows cannot run here, so they are checked: against the workflow schema
// (@action-validator/core), against our policy (pinned actions, least privilege, timeouts,
// concurrency) and for the facts each one exists for. Each check has a broken fixture that trips it
// (test/fixtures/workflows).
const FIXTURES = path.join(ROOT, 'scripts', 'test', 'fixtures', 'workflows');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const workflow = (name: string) => readFileSync(path.join(WORKFLOWS, name), 'utf8');
const yaml = (text: string) => parse(text) as Record<string, any>;
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  engines: { node: string };
};
const testAll = pkg.scripts['test:all'] ?? '';

describe('the workflows in .github/workflows', () => {
  const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));

  it('are ci.yml, release.yml and site.yml', () => {
    expect(files.sort()).toEqual(['ci.yml', 'release.yml', 'site.yml']);
  });

  it.each(files)('%s passes the schema, the policy and its facts', (file) => {
    expect(checkWorkflowFile(path.join(WORKFLOWS, file))).toEqual([]);
  });

  it('pass the command-line check too (exit 0)', async () => {
    const r = await node('check-workflows.mjs', [], ROOT);
    expect(r.output).toContain('ok: 3 workflows');
    expect(r.code).toBe(0);
  });

  it('test every supported Node: the oldest the packages allow and the newest LTS', () => {
    expect(pkg.engines.node).toBe('>=20.19');
    expect(NODE_MATRIX[0]).toBe(20);
    const ci = yaml(workflow('ci.yml'));
    expect(ci.jobs.test.strategy.matrix.node).toEqual(NODE_MATRIX);
    // .ci/run runs the package tests under the newest one too.
    const ciRun = readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8');
    expect(ciRun).toMatch(new RegExp(`NODE24_VERSION=${NODE_MATRIX.at(-1)}\\.\\d+\\.\\d+`));
  });

  it("run the README's test command: `pnpm test:all` is `pnpm test` on every Node, then the publish test once", () => {
    expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain(
      '`pnpm test:all` runs every test',
    );
    expect(testAll).toBe('pnpm test && pnpm test:publish');
    const steps = (
      yaml(workflow('ci.yml')).jobs.test.steps as Array<{ run?: string; if?: string }>
    ).filter((s) => s.run?.startsWith('pnpm ') === true);
    expect(steps.map((s) => [s.run, s.if])).toEqual([
      ['pnpm install --frozen-lockfile', undefined],
      ['pnpm test', undefined],
      ['pnpm test:publish', 'matrix.node == 20'],
    ]);
  });

  it('give write permissions only to the jobs whose actions need them', () => {
    const writes: string[] = [];
    for (const file of files) {
      for (const [id, job] of Object.entries(yaml(workflow(file)).jobs as Record<string, any>)) {
        for (const [scope, level] of Object.entries(job.permissions as Record<string, string>)) {
          if (level === 'write') writes.push(`${file} ${id} ${scope}`);
        }
      }
    }
    expect(writes.sort()).toEqual([
      'ci.yml code-scanning security-events',
      'release.yml release contents',
      'release.yml release id-token',
      'release.yml release pull-requests',
      'site.yml deploy id-token',
      'site.yml deploy pages',
    ]);
  });

  it('publish with provenance, from changesets/action, with only GITHUB_TOKEN and NPM_TOKEN', () => {
    const release = yaml(workflow('release.yml'));
    const step = (release.jobs.release.steps as Array<Record<string, any>>).find((s) =>
      String(s.uses).startsWith('changesets/action@'),
    );
    expect(step?.env).toEqual({
      GITHUB_TOKEN: '${{ secrets.GITHUB_TOKEN }}',
      NPM_TOKEN: '${{ secrets.NPM_TOKEN }}',
      NPM_CONFIG_PROVENANCE: 'true',
    });
    expect(release.jobs.release.permissions['id-token']).toBe('write');
    expect(step?.with?.publish).toBe('pnpm release');
    expect(pkg.scripts['release']).toBe('node scripts/release.mjs');
  });
});

describe('the workflow checks trip on broken workflows', () => {
  it('a workflow that does not match the schema', () => {
    const problems = schemaProblems(fixture('schema-invalid.yml'));
    expect(problems).toEqual([
      expect.stringContaining('at /jobs/test'),
      expect.stringContaining('at /permissions'),
    ]);
    expect(checkWorkflowFile(path.join(FIXTURES, 'schema-invalid.yml'))).toEqual(
      problems.map((m) => `scripts/test/fixtures/workflows/schema-invalid.yml: ${m}`),
    );
  });

  it('actions not pinned to a SHA, or pinned without the release named', () => {
    const text = fixture('unpinned.yml');
    expect(schemaProblems(text)).toEqual([]);
    expect(policyProblems(text, yaml(text))).toEqual([
      'line 14: actions/checkout@v7 is not pinned to a full commit SHA: use actions/checkout@<40-hex SHA> # vX.Y.Z',
      'line 15: actions/setup-node@v7.0.0 is not pinned to a full commit SHA: use actions/setup-node@<40-hex SHA> # vX.Y.Z',
      'line 16: pnpm/action-setup@fe02b34f77f8bc703788d5817da081398fad5dd2: name the release the SHA is, in a comment ("# vX.Y.Z")',
    ]);
  });

  it('permissions beyond what the steps need, missing timeouts, permissions and concurrency', () => {
    const text = fixture('over-privileged.yml');
    expect(schemaProblems(text)).toEqual([]);
    expect(policyProblems(text, yaml(text))).toEqual([
      '"permissions" at the top must grant nothing ({}) or only contents: read; jobs ask for more (is "write-all")',
      'no "concurrency": runs of one ref would overlap',
      'job test: "contents: write" is more than its steps need (read): remove it or lower it',
      'job test: "security-events: write" is more than its steps need (none): remove it or lower it',
      'job lint: no "timeout-minutes" (a hung job would hold a runner for 6 hours)',
      'job lint: no "permissions" of its own: list what it needs (e.g. contents: read)',
    ]);
  });

  it('a CI on the wrong Nodes, with the publish test on each, no SARIF, unfiltered annotations', () => {
    const text = fixture('ci-wrong.yml');
    expect(schemaProblems(text)).toEqual([]);
    expect(policyProblems(text, yaml(text))).toEqual([]);
    expect(ciFacts(yaml(text), { testAll })).toEqual([
      'job test: the Node matrix is [18,20], not [20,22,24]',
      'job test: must run `pnpm test:publish` once, on one Node of the matrix (if: matrix.node == N)',
      'no job runs `bilateral check --format sarif` and uploads it (github/codeql-action/upload-sarif)',
      'job annotations: annotations must run on pull requests, filtered on the paths locales/**',
    ]);
    // …and a test command that is not the README's.
    expect(
      ciFacts(yaml(workflow('ci.yml')), { testAll: 'pnpm test:ci && pnpm test:publish' }),
    ).toEqual(['job test: does not run `pnpm test:ci` (from `pnpm test:all`) on every Node']);
  });

  it('a release without provenance, with another publish command and an extra secret', () => {
    const text = fixture('release-without-provenance.yml');
    expect(schemaProblems(text)).toEqual([]);
    expect(releaseFacts(text, yaml(text))).toEqual([
      'job release: changesets/action must publish with `pnpm release`',
      'job release: publishing without provenance (set NPM_CONFIG_PROVENANCE: true on the changesets step)',
      'job release: provenance needs "id-token: write" (npm signs with the workflow\'s OIDC token)',
      'uses secrets changesets does not name: SLACK_WEBHOOK',
    ]);
  });

  it('a site built with a fixed URL in development mode, deployed outside github-pages', () => {
    const text = fixture('site-wrong.yml');
    expect(schemaProblems(text)).toEqual([]);
    expect(siteFacts(yaml(text))).toEqual([
      'the site build does not take SITE_URL from vars.SITE_URL',
      'the site build is not a production build (BILATERAL_MODE: production)',
      'does not use actions/configure-pages',
      'the deploy job does not run in the github-pages environment',
    ]);
  });
});

describe('CONTRIBUTING.md describes the workflows as they are', () => {
  const contributing = readFileSync(path.join(ROOT, 'CONTRIBUTING.md'), 'utf8');
  const workflows = {
    release: workflow('release.yml'),
    site: workflow('site.yml'),
    ci: workflow('ci.yml'),
  };

  it('names the pull request, commands, permissions, secrets and settings of the workflows', () => {
    expect(contributingProblems(contributing, workflows)).toEqual([]);
  });

  it('trips when the guide names another secret, or leaves out the provenance switch', () => {
    const edited = contributing
      .replaceAll('`NPM_TOKEN`', '`NODE_AUTH_TOKEN`')
      .replace('`NPM_CONFIG_PROVENANCE: true`', 'provenance');
    expect(contributingProblems(edited, workflows)).toEqual([
      'CONTRIBUTING.md, "How a release happens": does not name how provenance is switched on (`NPM_CONFIG_PROVENANCE: true`)',
      'CONTRIBUTING.md, "How a release happens": does not name a secret the release workflow uses (`NPM_TOKEN`)',
      'CONTRIBUTING.md, "How a release happens": names the secret NODE_AUTH_TOKEN, which release.yml does not use',
    ]);
  });

  it('trips when a workflow changes and the guide does not', () => {
    const changed = {
      release: workflows.release.replace('title: Version Packages', 'title: Release the packages'),
      site: workflows.site.replace('vars.SITE_URL', 'vars.PUBLIC_URL'),
      ci: workflows.ci.replace('node: [20, 22, 24]', 'node: [20, 22, 24, 26]'),
    };
    expect(contributingProblems(contributing, changed)).toEqual([
      'CONTRIBUTING.md, "How a release happens": does not name the title of the version pull request ("Release the packages")',
      'CONTRIBUTING.md, "How a release happens": does not name a repository variable the site workflow reads (`PUBLIC_URL`)',
      'CONTRIBUTING.md, "Continuous integration": does not say "Node 20, 22, 24 and 26" (the Node matrix of ci.yml)',
    ]);
  });
});
