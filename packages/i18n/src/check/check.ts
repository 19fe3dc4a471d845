import { LIMITS } from '../model/limits.js';
import { ConfigError } from '../model/errors.js';
import { type ProjectConfig } from '../model/types.js';
import { keyMatches } from '../model/keys.js';
import type { LocaleFile, Project } from '../model/types.js';
import { RULE_IDS, ruleInfo } from './catalogue.js';
import { Fingerprints, type CheckCache } from './incremental/cache.js';
import { digestCore } from './incremental/core-digest.js';
import { RuleContext, RunState, type NestEdge, type RawFinding, type Scope } from './context.js';
import type { Rule } from './rules/rule.js';
import { resetScanCache } from './scan.js';
import { RULE_MODULES } from './rules/index.js';
import { mergeStatus, namespaceStatus, type NamespaceStatus, type StatusReport } from './status.js';
import type { Finding, Severity } from '../model/finding.js';
import type { CheckOptions } from './options.js';
import { CoreNeeded } from '../model/errors.js';

/**
 * Runs the checks on a loaded project and returns the findings, sorted by file, line and column.
 * Synchronous and without side effects on disk (everything is in the project). Rules that need a
 * core run only when the project has one. Severities and exemptions come from the config.
 *
 * The rules run namespace by namespace (each pass sees one namespace, and records which others
 * it reads), then once for what belongs to no namespace (lock files, `$t(…)` cycles). With a
 * {@link CheckCache}, a namespace whose inputs are unchanged since the cached run is not checked
 * again: its findings are reused, and its files are not even parsed. `checkInWorkers` (the CLI's
 * default on large projects) runs the namespace passes on several threads.
 */
export function check(project: Project, options: CheckOptions = {}): Finding[] {
  return run(project, options, false).findings;
}

/** Every namespace pass (from the cache where it can), then the global pass. */
function run(
  project: Project,
  options: CheckOptions,
  status: boolean,
): { findings: Finding[]; units: UnitResult[] } {
  const hasCore = project.corpus !== undefined || options.core?.present === true;
  const rules = selectRules(project.config, options.rules, hasCore);
  const units = checkNamespaces(project, project.namespaces, rules, { ...options, status });
  return { findings: combine(project, rules, units, options.cache), units };
}

/**
 * {@link check} and the status report (see `computeStatus`) in one run: each namespace's status
 * comes with its findings, from the cache too — a status page of a large project costs nothing
 * for the namespaces that did not change.
 */
export function checkWithStatus(
  project: Project,
  options: CheckOptions = {},
): { findings: Finding[]; status: StatusReport } {
  const { findings, units } = run(project, options, true);
  const status = mergeStatus(
    project,
    units.flatMap((u) => (u.status === undefined ? [] : [u.status])),
  );
  return { findings, status };
}

/** The findings and nestings of one namespace's pass (fresh or cached). */
export interface UnitResult {
  readonly namespace: string;
  readonly findings: readonly Finding[];
  readonly edges: readonly NestEdge[];
  /** With `status: true`: the namespace's part of the status report. */
  readonly status?: NamespaceStatus;
}

/** The rules a run applies: those asked for, that apply (core or not) and are not switched off. */
export function selectRules(
  config: ProjectConfig,
  wanted: readonly string[] | undefined,
  hasCore: boolean,
): Rule[] {
  validateRuleIds(config, RULE_IDS);
  if (wanted !== undefined) {
    for (const id of wanted) {
      if (!RULE_IDS.includes(id))
        throw new ConfigError(`unknown rule "${id}". Rules: ${RULE_IDS.join(', ')}`);
    }
  }
  return RULE_MODULES.filter((rule) => {
    if (wanted !== undefined && !wanted.includes(rule.id)) return false;
    if (ruleInfo(rule.id)?.needsCore === true && !hasCore) return false;
    // A rule switched off entirely is not run (unless some keys switch it back on).
    return config.rules[rule.id] !== 'off';
  });
}

/**
 * Checks that the rule ids the config names (in "rules" and "exemptions") exist. The files layer
 * checks the config's shape; only the check layer knows which rules there are.
 */
export function validateRuleIds(config: ProjectConfig, ids: readonly string[]): void {
  const where = config.configFile ?? 'the command line';
  for (const id of Object.keys(config.rules)) {
    if (!ids.includes(id))
      throw new ConfigError(`${where}: unknown rule "${id}" in "rules". Rules: ${ids.join(', ')}`);
  }
  config.exemptions.forEach((ex, i) => {
    if (ex.rule !== '*' && !ids.includes(ex.rule))
      throw new ConfigError(
        `${where}: exemptions[${i}]: "rule" must be one of ${ids.join(', ')} or "*"`,
      );
  });
}

/**
 * The namespace passes for some namespaces of a project, in their order: reused from the cache
 * where every input is unchanged, run (and cached) otherwise.
 */
export function checkNamespaces(
  project: Project,
  namespaces: readonly string[],
  rules: readonly Rule[],
  options: CheckOptions & { readonly status?: boolean } = {},
): UnitResult[] {
  const state = new RunState(project);
  const cache = options.cache;
  const prints =
    cache === undefined
      ? undefined
      : new Fingerprints(project, options.core ?? digestCore(project.corpus), options.rules, cache);
  if (cache !== undefined && prints !== undefined) cache.begin(prints.salt);
  const filesByNs = new Map<string, LocaleFile[]>();
  for (const f of project.files) {
    let list = filesByNs.get(f.namespace);
    if (list === undefined) filesByNs.set(f.namespace, (list = []));
    list.push(f);
  }
  const out: UnitResult[] = [];
  try {
    for (const ns of namespaces) {
      const cached = cache?.get(ns);
      if (
        cached !== undefined &&
        prints !== undefined &&
        cached.key === prints.unitKey(ns, cached.deps)
      ) {
        if (!options.status || cached.status !== undefined) {
          out.push({
            namespace: ns,
            findings: cached.findings,
            edges: cached.edges,
            ...(options.status && cached.status !== undefined ? { status: cached.status } : {}),
          });
          if (cache !== undefined) cache.stats.reused++;
          continue;
        }
      }
      if (project.corpus === undefined && project.config.core !== undefined)
        throw new CoreNeeded(ns);
      const files = filesByNs.get(ns) ?? [];
      const doc = state.documents.get(ns);
      const scope: Scope = {
        namespaces: [ns],
        files,
        documents: new Map(doc === undefined ? [] : [[ns, doc]]),
        global: false,
        edges: [],
      };
      state.deps = new Set([ns]);
      resetScanCache();
      const findings = runPass(project, state, scope, rules);
      // The status counts this namespace's keys from the files parsed for the pass, and the
      // stale and untranslated findings just made.
      const status = options.status === true ? namespaceStatus(project, ns, findings) : undefined;
      state.release(ns, files);
      out.push({
        namespace: ns,
        findings,
        edges: scope.edges,
        ...(status === undefined ? {} : { status }),
      });
      if (cache !== undefined && prints !== undefined) {
        const deps = [...state.deps].sort();
        cache.set(ns, {
          key: prints.unitKey(ns, deps),
          deps,
          findings,
          edges: scope.edges,
          ...(status === undefined ? {} : { status }),
        });
        cache.stats.checked++;
      }
    }
  } finally {
    resetScanCache();
  }
  return out;
}

/**
 * The whole result from the namespace passes (in project order): their findings, plus the
 * global pass (lock files, `$t(…)` cycles over every namespace's nestings), sorted.
 */
export function combine(
  project: Project,
  rules: readonly Rule[],
  units: readonly UnitResult[],
  cache?: CheckCache,
): Finding[] {
  cache?.retain(project);
  const findings: Finding[] = [];
  const edges: NestEdge[] = [];
  for (const u of units) {
    for (const f of u.findings) findings.push(f);
    for (const e of u.edges) edges.push(e);
  }
  const state = new RunState(project);
  const global: Scope = { namespaces: [], files: [], documents: new Map(), global: true, edges };
  findings.push(...runPass(project, state, global, rules));
  return findings.sort(compareFindings);
}

/** Runs the rules over one scope and returns its findings (deduplicated and bounded per key). */
function runPass(
  project: Project,
  state: RunState,
  scope: Scope,
  rules: readonly Rule[],
): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  // A hostile text can hold thousands of the same mistake: the first few are listed, the rest
  // counted, so that memory and output stay bounded.
  const perKey = new Map<string, number>();
  const overflow = new Map<string, { first: Finding; count: number }>();
  const sink = (rule: string, raw: RawFinding) => {
    const f = finish(project, rule, raw);
    if (f === undefined) return;
    const id = `${f.rule}|${f.file}|${f.line}|${f.column}|${f.key}|${f.message}`;
    if (seen.has(id)) return;
    seen.add(id);
    const k = `${f.rule}|${f.file}|${f.key}`;
    const n = (perKey.get(k) ?? 0) + 1;
    perKey.set(k, n);
    if (n > LIMITS.findingsPerKey) {
      const o = overflow.get(k);
      if (o === undefined) overflow.set(k, { first: f, count: 1 });
      else o.count++;
      return;
    }
    findings.push(f);
  };
  for (const rule of rules) rule.run(new RuleContext(state, scope, rule.id, sink));
  for (const { first, count } of overflow.values()) {
    findings.push({
      ...first,
      message: `… and ${count} more ${first.rule} finding${count === 1 ? '' : 's'} about this text (only the first ${LIMITS.findingsPerKey} are listed)`,
      hint: 'Fix the problems listed above, then check again to see the rest.',
    });
  }
  return findings;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

function finish(project: Project, rule: string, raw: RawFinding): Finding | undefined {
  const file = raw.file;
  const pos =
    raw.at ??
    ('position' in file && typeof file.position === 'function'
      ? file.position(raw.offset ?? 0)
      : { line: 1, column: 1 });
  const locale = file.locale;
  const ns = file.namespace;
  let severity: Severity | 'off' = raw.severity ?? ruleInfo(rule)?.severity ?? 'error';
  if (raw.pinned === true) {
    severity = 'error';
  } else {
    for (const ex of project.config.exemptions) {
      if (ex.rule !== rule && ex.rule !== '*') continue;
      if (ex.locale !== undefined && ex.locale !== locale) continue;
      if (raw.key !== '' && keyMatches(ex.key, ns, raw.key)) return undefined;
      if (raw.key === '' && (ex.key === '**' || ex.key === `${ns}:**`)) return undefined;
    }
    // The configured severity replaces the rule's default; a finding the rule itself grades
    // differently (a warning-level part of an error rule, an info) keeps its level unless the
    // configuration switches it off.
    const configured = configuredSeverity(project.config.rules[rule], ns, raw.key, severity);
    if (configured === 'off' || raw.severity === undefined) severity = configured;
    if (severity === 'off') return undefined;
  }
  return {
    rule,
    severity,
    locale,
    file: file.relPath,
    line: pos.line,
    column: pos.column,
    key: raw.key,
    message: raw.message,
    hint: raw.hint,
    ...(raw.suggestion === undefined ? {} : { suggestion: raw.suggestion }),
  };
}

function configuredSeverity(
  setting: unknown,
  ns: string,
  key: string,
  fallback: Severity,
): Severity | 'off' {
  if (typeof setting === 'string') return setting as Severity | 'off';
  if (setting === null || typeof setting !== 'object') return fallback;
  const o = setting as { severity?: Severity | 'off'; keys?: Record<string, Severity | 'off'> };
  for (const [pattern, sev] of Object.entries(o.keys ?? {})) {
    if (keyMatches(pattern, ns, key)) return sev;
  }
  return o.severity ?? fallback;
}
