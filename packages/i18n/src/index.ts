export {
  createRenderer,
  type Renderer,
  type RendererOptions,
  type RenderedDocument,
  type RenderedParagraph,
  type RenderedReference,
  type RenderedSection,
  type RenderedText,
  type RenderProblem,
  type Resources,
} from './render/renderer.js';
export { renderInline, escapeHtml, ALLOWED_TAGS, CONTENT_TAGS } from './render/markup.js';
export { documentToText, documentToHtml } from './render/output.js';
export { formatDate, formatMoney, formatNumber, FORMATS_FOR_KIND } from './format/facts.js';
export {
  scanPlaceholders,
  scanMarkup,
  lineColumn,
  type Placeholder,
  type Interpolation,
  type Nesting,
  type FormatCall,
  type Tag,
} from './syntax/inline.js';

// Project loading, checks and reports.
export {
  loadConfig,
  loadCorpus,
  findConfig,
  ConfigError,
  type ProjectConfig,
  type ConfigOverrides,
  type Exemption,
} from './project/config.js';
export { listLocaleFiles, readResources, type LocaleFileRef } from './project/resources.js';
export {
  loadProject,
  buildProject,
  type Project,
  type LocaleFile,
  type Entry,
  type SyntaxProblem,
} from './project/project.js';
export { type LockFile, sourceHash, normaliseSource } from './project/lock.js';
export { pluralCategories, keyMatches } from './project/keys.js';
export {
  planSync,
  writeSyncPlan,
  SyncConflictError,
  type SyncPlan,
  type FilePlan,
  type SyncOptions,
} from './project/sync.js';
export { acceptKeys, writeAcceptResult, type AcceptResult } from './project/accept.js';
export { ConcurrentChangeError, WriteError } from './project/write.js';
export { LIMITS } from './limits.js';
export { buildSchemas, mergeVscodeSettings, type SchemaFile } from './project/schema.js';
export { check, checkWithStatus } from './check/check.js';
export { checkInWorkers, defaultJobs, PARALLEL_MIN_FILES } from './check/parallel.js';
export { digestCore, type CoreDigest } from './check/core-digest.js';
export {
  CheckCache,
  CHECK_CACHE_VERSION,
  CacheFile,
  defaultCacheFile,
  type CachedUnit,
} from './check/cache.js';
export { RULES, RULE_IDS, type RuleInfo } from './check/catalogue.js';
export {
  formatFindings,
  OUTPUT_FORMATS,
  type OutputFormat,
  type FormatOptions as FindingsFormatOptions,
} from './check/format.js';
export {
  computeStatus,
  type StatusReport,
  type LocaleStatus,
  type SectionStatus,
} from './check/status.js';
export type { Finding, Severity, CheckOptions } from './check/types.js';
