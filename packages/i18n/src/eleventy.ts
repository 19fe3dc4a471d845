/** `@bilateral/i18n/eleventy`: the Eleventy plugin (see `adapters/eleventy/`). */
export {
  default,
  type BilateralData,
  type BilateralPluginOptions,
  type EleventyConfigLike,
  type Finding,
  type PageFinding,
  type DocumentRoute,
  type PageText,
  type Permalink,
  type TranslationStatus,
  type DocumentStatus,
  type HomePage,
  type HomeEntry,
  type LangText,
  type Language,
  type RootPage,
  type RoutePattern,
  type RoutePatterns,
  type SiteRoute,
  type SitemapEntry,
  type SwitcherLink,
} from './adapters/eleventy/plugin.js';
export { resolveMode, type BilateralMode } from './adapters/eleventy/policy.js';
export { TranslationCheckError } from './model/errors.js';
