// One-way layers for packages/i18n/src, enforced by ESLint (a reusable config module).
//
// Bottom to top; a layer may import the layers below it, never one above it, and siblings (two
// folders on the same level) never import each other:
//
//   1. model/                 types, errors, limits, document key layout, locale-file layout
//   2. syntax/ | intl/        inline markup, placeholders, invisible characters | Intl formatting
//   3. files/                 config, listing, reading, parsing with positions, writer, lock, fingerprint
//   4. render/ | check/       rendering | consistency checks
//   5. ops/                   sync, accept, schema
//   6. adapters/              cli/, eleventy/
//
// The entry files directly in src/ (index.ts, cli.ts, eleventy.ts, testing.ts) may import anything;
// no layer may import an entry file, and no module may be part of an import cycle.
//
// Two rules do it, both from eslint-plugin-import-x, both on resolved paths (so `../check/x.js`
// written from `src/render/a/b.ts` is seen for what it is):
//   - import-x/no-restricted-paths: one zone per layer folder, "from anywhere in src/ except the
//     layers allowed";
//   - import-x/no-cycle: every module of src/ (type-only imports are erased at build time, and the
//     rule skips them).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

/**
 * The switch: on since packages/i18n/src was moved into its layers; `pnpm lint` fails on a
 * wrong-way import or a cycle.
 */
export const ENFORCE_I18N_LAYERS = true;

/** @typedef {{ level: number, dirs: string[] }} Layer */

/** The layers of packages/i18n/src, bottom to top. Folders on one level are siblings. */
export const I18N_LAYERS = /** @type {const} */ ([
  { level: 1, dirs: ['model'] },
  { level: 2, dirs: ['syntax', 'intl'] },
  { level: 3, dirs: ['files'] },
  { level: 4, dirs: ['render', 'check'] },
  { level: 5, dirs: ['ops'] },
  { level: 6, dirs: ['adapters'] },
]);

/** Files directly in src/ that may import any layer (and that no layer may import). */
export const I18N_ENTRY_FILES = ['index.ts', 'cli.ts', 'eleventy.ts', 'testing.ts'];

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @param {readonly string[]} dirs */
const list = (dirs) =>
  dirs.length === 0 ? 'nothing else in src/' : dirs.map((d) => `${d}/`).join(', ');

/**
 * The zones of import-x/no-restricted-paths for a layered folder.
 * @param {string} srcAbs absolute path of the layered folder
 * @param {ReadonlyArray<{ level: number, dirs: readonly string[] }>} layers bottom to top
 */
export function layerZones(srcAbs, layers) {
  const order = layers.map((l) => `${l.dirs.map((d) => `${d}/`).join(' | ')}`).join(' < ');
  return layers.flatMap((layer) =>
    layer.dirs.map((dir) => {
      const allowed = [...layers.filter((l) => l.level < layer.level).flatMap((l) => l.dirs), dir];
      const siblings = layer.dirs.filter((d) => d !== dir);
      return {
        target: path.join(srcAbs, dir),
        from: srcAbs,
        except: allowed.map((d) => `./${d}`),
        message:
          `Layer ${dir}/ may import only ${list(allowed)} (layers, bottom to top: ${order}; ` +
          `entry files import layers, never the other way)` +
          (siblings.length > 0
            ? `; ${siblings.join(', ')}/ is a sibling, not a lower layer.`
            : '.') +
          ' Move the shared code down a layer, or the importing code up.',
      };
    }),
  );
}

/**
 * Flat-config entries that enforce the layers of one folder.
 * @param {{ root?: string, src?: string, layers?: ReadonlyArray<{ level: number, dirs: readonly string[] }>, enforce?: boolean }} [options]
 *   root: absolute directory the config's globs are relative to (default: the repository);
 *   src: the layered folder, relative to root (default: packages/i18n/src);
 *   enforce: default ENFORCE_I18N_LAYERS.
 * @returns {import('eslint').Linter.Config[]}
 */
export function layerConfigs(options = {}) {
  const {
    root = ROOT,
    src = 'packages/i18n/src',
    layers = I18N_LAYERS,
    enforce = ENFORCE_I18N_LAYERS,
  } = options;
  if (!enforce) return [];
  const srcAbs = path.resolve(root, src);
  const files = [`${src}/**/*.ts`];
  return [
    {
      name: `bilateral/layers (${src})`,
      files,
      plugins: { 'import-x': importX },
      languageOptions: { parser: tseslint.parser },
      settings: {
        'import-x/extensions': ['.ts', '.js'],
        'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
        // ESM TypeScript imports name the emitted `.js` file: resolve it to the `.ts` source.
        'import-x/resolver-next': [
          importX.createNodeResolver({
            extensions: ['.ts', '.js', '.json'],
            extensionAlias: { '.js': ['.ts', '.js'] },
          }),
        ],
      },
      rules: {
        'import-x/no-restricted-paths': ['error', { zones: layerZones(srcAbs, layers) }],
        'import-x/no-cycle': ['error', { ignoreExternal: true }],
      },
    },
  ];
}
