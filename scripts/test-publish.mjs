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
//     - copies the example site (examples/docs-site) with its dependencies pointed at the published
//       versions, installs it (no @bilateral/core), builds it and runs its test's assertions;
//  4. stops Verdaccio and removes the temporary folders, whatever happened.
//
// Options: --keep (keep the temporary folder for inspection), --no-build (use the current builds).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  Phases,
  cliChecks,
  installConsumer,
  renderInNode,
  runReadmeExamples,
} from './publish-test/consumer.mjs';
import { exampleSite } from './publish-test/example.mjs';
import { publish, startRegistry } from './publish-test/registry.mjs';
import {
  Failure,
  ROOT,
  check,
  fail,
  secs,
  step,
  workspacePackages,
} from './publish-test/shared.mjs';
import { typecheckConsumers } from './publish-test/typescript.mjs';
import {
  buildAndCopy,
  checkReleaseRefusals,
  initGit,
  linkWorkspaceDependencies,
  versionWithSample,
} from './publish-test/version.mjs';

const args = new Set(process.argv.slice(2));
const KEEP = args.has('--keep');
const BUILD = !args.has('--no-build');

/** @type {import('node:http').Server | undefined} */
let server;
/** @type {string | undefined} */
let temp;
function cleanup() {
  if (server) {
    server.closeAllConnections();
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
  const publicPackages = workspacePackages(ROOT).filter((p) => p.manifest.private !== true);
  /** @type {import('./publish-test/version.mjs').Context} */
  const ctx = {
    temp,
    repo: path.join(temp, 'repo'),
    consumer: path.join(temp, 'consumer'),
    publicPackages,
    names: publicPackages.map((p) => String(p.manifest.name)),
  };
  check(ctx.names.length > 0, 'no public packages found');
  step(`public packages: ${ctx.names.join(', ')}`);

  // 1. Build, copy, check the release script's refusals, version with a sample changeset.
  await buildAndCopy(ctx, BUILD);
  const git = await initGit(ctx.repo);
  const versioned = await versionWithSample(ctx, git);
  await checkReleaseRefusals(ctx, git);
  linkWorkspaceDependencies(ctx, versioned);

  // 2. Verdaccio, a throwaway user, changeset publish.
  const registry = await startRegistry(temp);
  server = registry.server;
  await publish(ctx, versioned, registry);

  // 3. A consumer project. Its checks are independent: run them all (four chains at once: the
  // CLI, the Node examples, TypeScript, the example site), then report every failure.
  const consumer = await installConsumer(ctx, versioned, registry.registry);
  const phases = new Phases();
  await Promise.all([
    cliChecks(consumer, phases),
    (async () => {
      await phases.run(() => renderInNode(ctx, consumer));
      await phases.run(() => runReadmeExamples(ctx, consumer));
    })(),
    phases.run(() => typecheckConsumers(ctx, consumer)),
    phases.run(() => exampleSite(ctx, versioned, registry.registry)),
  ]);
  if (phases.failures.length > 0) fail(phases.failures.join('\n\n'));
}

try {
  await main();
  step(`publish test passed${KEEP ? ` (kept ${temp})` : ''}`);
} catch (e) {
  if (e instanceof Failure) {
    process.stderr.write(`\npublish test FAILED after ${secs().trim()}s: ${e.message}\n`);
  } else {
    process.stderr.write(
      `\npublish test FAILED after ${secs().trim()}s with an unexpected error:\n${e instanceof Error ? e.stack : String(e)}\n`,
    );
  }
  if (KEEP && temp) process.stderr.write(`(kept ${temp})\n`);
  process.exitCode = 1;
} finally {
  cleanup();
}
