/**
 * `@bilateral/i18n`: the public API, and only it (each export is described in the package README).
 * The Eleventy plugin is `@bilateral/i18n/eleventy`; the rule tester `@bilateral/i18n/testing`.
 */

// Rendering: a document of the core in a language, facts by Intl, citations, style.
export {
  createRenderer,
  type Renderer,
  type RendererOptions,
  type RenderedBacklink,
  type RenderedCorrection,
  type RenderedDocument,
  type RenderedEvent,
  type RenderedInfobox,
  type RenderedNotices,
  type RenderedParagraph,
  type RenderedReference,
  type RenderedSection,
  type RenderedStyle,
  type RenderedText,
  type RenderProblem,
} from './render/renderer.js';
export { documentToText, documentToHtml } from './render/output.js';
export { renderInline, escapeHtml } from './render/markup.js';
export { ALLOWED_TAGS, CONTENT_TAGS } from './syntax/html-policy.js';
export { formatDate, formatMoney, formatNumber, FORMATS_FOR_KIND } from './intl/facts.js';
export {
  DEFAULT_STYLE,
  STYLE_NS,
  STYLE_SETTINGS,
  readLocaleStyle,
  type LocaleStyle,
} from './intl/style.js';
export { readResources } from './render/resources.js';

// Projects: configuration, locale files on disk or in memory.
export { loadConfig, findConfig, type ConfigOverrides } from './files/config.js';
export { loadCorpus } from './files/core.js';
export { loadProject, buildProject } from './files/project.js';
export { createProject, type FileContents, type ProjectConfigInput } from './files/memory.js';
export type {
  Entry,
  Exemption,
  I18nextSettings,
  LocaleFile,
  LockFile,
  Project,
  ProjectConfig,
  Resources,
  SyntaxProblem,
} from './model/types.js';
export { LIMITS } from './model/limits.js';

// Checks: one run, a session (cache, threads), rules, reports, status.
export { check, checkWithStatus } from './check/check.js';
export {
  openCheckSession,
  type CheckSession,
  type CheckSessionOptions,
  type CheckSessionResult,
} from './check/session.js';
export { PARALLEL_MIN_FILES } from './check/threads/parallel.js';
export { CheckCache } from './check/incremental/cache.js';
export type { CheckOptions } from './check/options.js';
export { RULES, RULE_IDS, type RuleInfo } from './check/catalogue.js';
export { defineRule, type Rule, type RuleMeta, type RuleOption } from './check/rule.js';
export type {
  NamespaceContext,
  Pair,
  ProjectContext,
  RawFinding,
  StringEntry,
} from './check/context.js';
export {
  formatFindings,
  hintText,
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
export type { Finding, Severity, Suggestion } from './model/finding.js';

// Commands that write files.
export {
  planSync,
  writeSyncPlan,
  type SyncPlan,
  type FilePlan,
  type RefusedFile,
  type SyncOptions,
} from './ops/sync.js';
export { acceptKeys, writeAcceptResult, type AcceptResult } from './ops/accept.js';
export { buildSchemas, mergeVscodeSettings, type SchemaFile } from './ops/schema.js';

// Errors: each carries the exit code a command ends with.
export {
  BilateralError,
  ConfigError,
  ConcurrentChangeError,
  SyncConflictError,
  TranslationCheckError,
  WriteError,
  exitCodeOf,
} from './model/errors.js';
