/**
 * The UI keys a site declares it uses (`rules.missing.require.ui` in the config): `check` requires
 * each in every language (the `missing` rule), and a production build refuses a page that uses a
 * key not declared, so whatever a build needs, `check` has reported first.
 */
import { TranslationCheckError } from '../../model/errors.js';
import type { ProjectConfig } from '../../model/types.js';

/** The namespace of UI strings (the renderer's default namespace). */
export const UI_NAMESPACE = 'ui';

/**
 * UI strings the renderer itself needs for a document (captions, footnote names, citation parts).
 * A project that declares its UI keys declares these too (the build says so when one is not).
 */
export const RENDERER_UI_KEYS: readonly string[] = [
  'article.bibliography',
  'article.dubious',
  'article.dubiousTitle',
  'article.footnote',
  'article.infoboxCaption',
  'citation.archived',
  'citation.editors',
  'citation.inLanguage',
  'citation.pages',
  'citation.pdf',
  'citation.retrieved',
  'citation.unverifiedTitle',
];

const WHERE = `"rules.missing.require.${UI_NAMESPACE}"`;

/** By config (a build's config object is the same for every page): asked for every UI string. */
const declaredByConfig = new WeakMap<ProjectConfig, ReadonlySet<string> | undefined>();

/** The declared UI keys, or undefined when the project declares none. */
export function declaredUiKeys(config: ProjectConfig): ReadonlySet<string> | undefined {
  if (declaredByConfig.has(config)) return declaredByConfig.get(config);
  const keys = readDeclared(config);
  declaredByConfig.set(config, keys);
  return keys;
}

function readDeclared(config: ProjectConfig): ReadonlySet<string> | undefined {
  const missing = config.rules['missing'];
  if (missing === null || typeof missing !== 'object') return undefined;
  const require = (missing as Record<string, unknown>)['require'];
  if (require === null || typeof require !== 'object') return undefined;
  const keys = (require as Record<string, unknown>)[UI_NAMESPACE];
  return Array.isArray(keys) ? new Set(keys.filter((k) => typeof k === 'string')) : undefined;
}

/**
 * Fails (production) when the project declares UI keys but not those the renderer needs. A site
 * without a core has no articles (its documents are prose pages), so the renderer reads none.
 */
export function assertRendererKeysDeclared(config: ProjectConfig): void {
  const declared = declaredUiKeys(config);
  if (declared === undefined || config.core === undefined) return;
  const absent = RENDERER_UI_KEYS.filter((k) => !declared.has(k));
  if (absent.length > 0)
    throw new TranslationCheckError(
      `the renderer uses ${absent.map((k) => `ui:${k}`).join(', ')}, which ${WHERE} in ${configName(config)} does not list. Add ${absent.length === 1 ? 'it' : 'them'} there, so that \`check\` requires ${absent.length === 1 ? 'it' : 'them'} in every language.`,
    );
}

/** The error for a page using a UI key the project did not declare. */
export function undeclaredUiKey(config: ProjectConfig, key: string, command: string) {
  return new TranslationCheckError(
    `the site uses ui:${key}, which ${WHERE} in ${configName(config)} does not list. Add "${key}" there and run \`${command} check\`, which then requires it in every language.`,
  );
}

const configName = (config: ProjectConfig) =>
  config.configFile === undefined ? 'the config' : 'bilateral.config.json';
