#!/usr/bin/env node
// `pnpm release`: publishes the versioned packages to npm.
//
// Refuses (exit 1, saying why and what to do) when
//   - the folder is not a git repository, or the working tree has uncommitted or untracked files
//     (what gets published must be exactly a commit);
//   - changesets are pending (run `pnpm changeset version`, review, commit first);
// then runs, stopping at the first failure:
//   npm whoami  →  pnpm build  →  pnpm test  →  pnpm test:publish  →  (tree still clean?)  →  changeset publish
// `changeset publish` publishes every public package whose version is not yet on the registry and
// tags the commit (push the tags afterwards: `git push --follow-tags`).
//
// Options: --dry-run (do the checks, print the steps, run nothing), --otp <code> (npm 2FA).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const dryRun = argv.includes('--dry-run');
const otpAt = argv.indexOf('--otp');
const otp = otpAt >= 0 ? argv[otpAt + 1] : undefined;
const unknown = argv.filter(
  (a, i) => a !== '--dry-run' && a !== '--otp' && !(otpAt >= 0 && i === otpAt + 1),
);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @param {string} message
 * @returns {never}
 */
function refuse(message) {
  process.stderr.write(`release: ${message}\n`);
  process.exit(1);
}

if (unknown.length > 0 || (otpAt >= 0 && !otp)) {
  process.stderr.write('usage: pnpm release [--dry-run] [--otp <code>]\n');
  process.exit(2);
}

const git = spawnSync('git', ['status', '--porcelain=v1', '--untracked-files=all'], {
  cwd: root,
  encoding: 'utf8',
});
if (git.error || git.status !== 0) {
  refuse(
    `${root} is not a git working tree (${(git.stderr || git.error?.message || '').trim()}). Release from a clone of the repository.`,
  );
}
const dirty = git.stdout.split('\n').filter((l) => l.trim() !== '');
if (dirty.length > 0) {
  const shown = dirty.slice(0, 20).map((l) => `  ${l}`);
  if (dirty.length > 20) shown.push(`  … and ${dirty.length - 20} more`);
  refuse(
    `the working tree is not clean, so what would be published is not a commit:\n${shown.join('\n')}\n` +
      'Commit or remove these changes (or move them out of the way), then run `pnpm release` again.',
  );
}

const changesetDir = path.join(root, '.changeset');
if (!existsSync(path.join(changesetDir, 'config.json'))) {
  refuse(
    `${changesetDir}/config.json is missing: this is not the Bilateral repository, or changesets is not set up.`,
  );
}
const pending = readdirSync(changesetDir).filter((f) => f.endsWith('.md') && f !== 'README.md');
if (pending.length > 0) {
  refuse(
    `${pending.length} changeset(s) not yet applied (${pending.join(', ')}).\n` +
      'Run `pnpm changeset version`, review the version bumps and CHANGELOGs, commit them, then run `pnpm release` again.',
  );
}

/** @type {ReadonlyArray<readonly [string, readonly string[]]>} */
const steps = [
  ['pnpm', ['build']],
  ['pnpm', ['test']],
  ['pnpm', ['test:publish']],
  ['pnpm', ['exec', 'changeset', 'publish', ...(otp ? ['--otp', otp] : [])]],
];

if (dryRun) {
  process.stdout.write('release (dry run): the tree is clean and versioned. Would run:\n');
  for (const [cmd, args] of steps) process.stdout.write(`  ${cmd} ${args.join(' ')}\n`);
  process.stdout.write('then: git push --follow-tags\n');
  process.exit(0);
}

const who = spawnSync('npm', ['whoami'], { cwd: root, encoding: 'utf8' });
if (who.status !== 0) {
  refuse(
    `npm does not know who you are (\`npm whoami\` failed: ${(who.stderr || '').trim().split('\n')[0]}). Run \`npm login\` first.`,
  );
}
process.stdout.write(`release: publishing as ${who.stdout.trim()}\n`);

for (const [cmd, args] of steps) {
  if (args.includes('publish')) {
    const after = spawnSync('git', ['status', '--porcelain=v1', '--untracked-files=all'], {
      cwd: root,
      encoding: 'utf8',
    });
    if (after.stdout.trim() !== '') {
      refuse(
        `building and testing changed the working tree, so the packages may not match the commit:\n${after.stdout}Fix the build (it must not write tracked or unignored files), then run \`pnpm release\` again.`,
      );
    }
  }
  process.stdout.write(`\nrelease: ${cmd} ${args.join(' ')}\n`);
  const code = await new Promise(
    /** @param {(code: number) => void} resolve */ (resolve) => {
      const child = spawn(cmd, args, { cwd: root, stdio: 'inherit' });
      child.on('error', (e) => {
        process.stderr.write(`release: cannot run ${cmd}: ${e.message}\n`);
        resolve(1);
      });
      child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
    },
  );
  if (code !== 0)
    refuse(`\`${cmd} ${args.join(' ')}\` failed (exit ${code}); nothing more was done.`);
}
process.stdout.write('\nrelease: published. Push the release tags: git push --follow-tags\n');
