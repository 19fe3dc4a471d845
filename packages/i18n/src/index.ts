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
export { formatDate, formatMoney, formatNumber, FORMATS_FOR_KIND } from './intl/facts.js';
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
} from './files/config.js';
export { listLocaleFiles, readResources, type LocaleFileRef } from './files/list.js';
export {
  loadProject,
  buildProject,
  type Project,
  type LocaleFile,
  type Entry,
  type SyntaxProblem,
} from './files/project.js';
export { type LockFile, sourceHash, normaliseSource } from './files/lock.js';
export { pluralCategories, keyMatches } from './model/keys.js';
export {
  planSync,
  writeSyncPlan,
  SyncConflictError,
  type SyncPlan,
  type FilePlan,
  type SyncOptions,
} from './ops/sync.js';
export { acceptKeys, writeAcceptResult, type AcceptResult } from './ops/accept.js';
export { ConcurrentChangeError, WriteError } from './files/atomic-write.js';
export { LIMITS } from './model/limits.js';
export { buildSchemas, mergeVscodeSettings, type SchemaFile } from './ops/schema.js';
export { check, checkWithStatus } from './check/check.js';
export { checkInWorkers, defaultJobs, PARALLEL_MIN_FILES } from './check/threads/parallel.js';
export { digestCore, type CoreDigest } from './check/incremental/core-digest.js';
export {
  CheckCache,
  CHECK_CACHE_VERSION,
  CacheFile,
  defaultCacheFile,
  type CachedUnit,
} from './check/incremental/cache.js';
export { RULES, RULE_IDS, type RuleInfo } from './check/catalogue.js';
export {
  formatFindings,
  OUTPUT_FORMATS,
  type OutputFormat,
  type FormatOptions as FindingsFormatOptions,
} from './check/report/format.js';
export {
  computeStatus,
  type StatusReport,
  type LocaleStatus,
  type SectionStatus,
} from './check/status.js';
export type { Finding, Severity, CheckOptions } from './model/finding.js';
