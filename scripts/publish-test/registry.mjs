// Phase 2 of the publish test: Verdaccio in this process on 127.0.0.1 (a free port, temporary
// storage and config, no uplink), a throwaway user, `changeset publish` against it.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BIN, check, cleanEnv, indent, must, step, writeJson } from './shared.mjs';

/** @typedef {import('node:http').Server} Server */

/**
 * Starts Verdaccio with an empty storage under `temp`, and creates a user.
 * @param {string} temp
 * @returns {Promise<{ server: Server, registry: string, token: string }>}
 */
export async function startRegistry(temp) {
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
  const server = /** @type {Server} */ (await runServer(configFile));
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  check(address !== null && typeof address === 'object', 'Verdaccio is not listening on a port');
  const registry = `http://127.0.0.1:${address.port}/`;
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
  const { token } = /** @type {{ token?: unknown }} */ (await res.json());
  check(
    res.status === 201 && typeof token === 'string',
    `creating the Verdaccio user failed (HTTP ${res.status})`,
  );
  step(`Verdaccio at ${registry} (user ${user})`);
  return { server, registry, token };
}

/**
 * `changeset publish` from the versioned copy to the registry, then checks that every public
 * package is there at its new version, with real ranges for its workspace dependencies.
 * @param {import('./version.mjs').Context} ctx
 * @param {import('./version.mjs').Versioned} versioned
 * @param {{ registry: string, token: string }} target
 */
export async function publish(ctx, { versionOf }, { registry, token }) {
  const host = registry.replace(/^http:/, '');
  const npmrc = path.join(ctx.temp, 'publish.npmrc');
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
  for (const name of ctx.names) {
    const info = await fetch(`${registry}${name.replace('/', '%2f')}`);
    check(info.status === 404, `${name} is already on the fresh registry (HTTP ${info.status})`);
  }
  const r = await must(
    'changeset publish',
    path.join(BIN, 'changeset'),
    ['publish', '--no-git-tag'],
    {
      cwd: ctx.repo,
      env: publishEnv,
    },
  );
  for (const name of ctx.names) await checkPublished(registry, name, versionOf, r.output);
  step(`changeset publish: ${ctx.names.map((n) => `${n}@${versionOf[n]}`).join(', ')}`);
}

/**
 * @param {string} registry
 * @param {string} name
 * @param {Record<string, string>} versionOf
 * @param {string} publishOutput shown when the package is missing
 */
async function checkPublished(registry, name, versionOf, publishOutput) {
  const info = await fetch(`${registry}${name.replace('/', '%2f')}`);
  check(
    info.status === 200,
    `${name} is not on the registry after changeset publish:\n${indent(publishOutput)}`,
  );
  const doc =
    /** @type {{ versions?: Record<string, any>, 'dist-tags'?: Record<string, string> }} */ (
      await info.json()
    );
  const version = versionOf[name] ?? '';
  const manifest = doc.versions?.[version];
  check(
    manifest !== undefined,
    `${name}@${version} is not on the registry (has ${Object.keys(doc.versions ?? {}).join(', ')})`,
  );
  check(
    doc['dist-tags']?.latest === version,
    `${name}: latest is ${doc['dist-tags']?.latest}, expected ${version}`,
  );
  for (const [dep, range] of Object.entries({
    ...manifest.dependencies,
    ...manifest.peerDependencies,
  })) {
    check(
      !String(range).startsWith('workspace:'),
      `${name} was published with ${dep}@${String(range)}`,
    );
    const v = versionOf[dep];
    if (v) {
      // `^v` or `v` from `workspace:^`/`workspace:*`; `M.x` from `workspace:M.x` (the core as
      // the toolkit's optional peer: any release of its major line).
      check(
        range === `^${v}` || range === v || range === `${v.split('.')[0]}.x`,
        `${name} depends on ${dep}@${String(range)}, but ${dep} is ${versionOf[dep]}`,
      );
    }
  }
}
