export {
  createRenderer,
  type Renderer,
  type RendererOptions,
  type RenderedDocument,
  type RenderedNotices,
  type RenderedParagraph,
  type RenderedReference,
  type RenderedSection,
  type RenderedText,
  type RenderProblem,
} from './render/renderer.js';
export { type Resources } from './model/types.js';
export { renderInline, escapeHtml } from './render/markup.js';
export { ALLOWED_TAGS, CONTENT_TAGS } from './syntax/html-policy.js';
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
export { loadConfig, loadCorpus, findConfig, type ConfigOverrides } from './files/config.js';
export { ConfigError } from './model/errors.js';
export { type ProjectConfig, type Exemption } from './model/types.js';
export { listLocaleFiles, type LocaleFileRef } from './files/list.js';
export { readResources } from './render/resources.js';
export { loadProject, buildProject } from './files/project.js';
export { type Project, type LocaleFile, type Entry, type SyntaxProblem } from './model/types.js';
export { sourceHash, normaliseSource } from './files/lock.js';
export { type LockFile } from './model/types.js';
export { pluralCategories, keyMatches } from './model/keys.js';
export {
  planSync,
  writeSyncPlan,
  type SyncPlan,
  type FilePlan,
  type SyncOptions,
} from './ops/sync.js';
export { SyncConflictError } from './model/errors.js';
export { acceptKeys, writeAcceptResult, type AcceptResult } from './ops/accept.js';
export { ConcurrentChangeError, WriteError } from './model/errors.js';
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
export type { Finding, Severity } from './model/finding.js';
export type { CheckOptions } from './check/options.js';
