import { ConfigError, CoreNeeded } from '../model/errors.js';
import type { Finding } from '../model/finding.js';
import type { LocaleFile, Project, ProjectConfig } from '../model/types.js';
import { RULE_IDS } from './catalogue.js';
import type { NestEdge } from './context.js';
import { customRules, ruleOrigin } from './custom.js';
import { Fingerprints, type CheckCache } from './incremental/cache.js';
import { digestCore } from './incremental/core-digest.js';
import type { CheckOptions } from './options.js';
import type { AnyRule, RuleOption } from './rule.js';
import { BUILTIN_RULES } from './rules/index.js';
import { runNamespace, runProject } from './run.js';
import { RunState } from './state.js';
import { mergeStatus, namespaceStatus, type NamespaceStatus, type StatusReport } from './status.js';

/**
 * Runs the checks on a loaded project and returns the findings, sorted by file, line and column.
 * Synchronous and without side effects on disk (everything is in the project). Rules that need a
 * core run only when the project has one. Severities and exemptions come from the config.
 *
 * Each rule runs namespace by namespace (each pass sees one namespace, and records which others
 * it reads), then, if it has one, its project pass (lock files, `$t(…)` cycles) over what the
 * namespace passes collected. With a {@link CheckCache}, a namespace whose inputs are unchanged
 * since the cached run is not checked again: its findings are reused, and its files are not even
 * parsed. `checkInWorkers` (the CLI's default on large projects) runs the namespace passes on
 * several threads.
 */
export function check(project: Project, options: CheckOptions = {}): Finding[] {
  return run(project, options, false).findings;
}

/** Every namespace pass (from the cache where it can), then the project passes. */
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

/** The findings of one namespace's pass (fresh or cached), and what it collected. */
export interface UnitResult {
  readonly namespace: string;
  readonly findings: readonly Finding[];
  /** What the rules' namespace passes collected for their project passes (`ctx.collect`). */
  readonly edges: readonly NestEdge[];
  /** With `status: true`: the namespace's part of the status report. */
  readonly status?: NamespaceStatus;
}

/**
 * Runs the given rules, and only them, on a project (the rule tester's engine): their namespace
 * and project passes, with the config's severities and exemptions. Without a cache.
 */
export function runRules(project: Project, rules: readonly AnyRule[]): Finding[] {
  const known = [...BUILTIN_RULES, ...rules.filter((r) => !BUILTIN_RULES.includes(r))];
  validateRuleIds(
    project.config,
    known.map((r) => r.meta.id),
  );
  validateRuleOptions(project.config, rules);
  return combine(project, rules, checkNamespaces(project, project.namespaces, rules));
}

/** Every rule a project has: the built-in ones, then its own (config `plugins`). */
export function projectRules(config: ProjectConfig): AnyRule[] {
  return [...BUILTIN_RULES, ...customRules(config)];
}

/** The rules a run applies: those asked for, that apply (core or not) and are not switched off. */
export function selectRules(
  config: ProjectConfig,
  wanted: readonly string[] | undefined,
  hasCore: boolean,
): AnyRule[] {
  const all = projectRules(config);
  const ids = all.map((r) => r.meta.id);
  validateRuleIds(config, ids);
  validateRuleOptions(config, all);
  if (wanted !== undefined) {
    for (const id of wanted) {
      if (!ids.includes(id))
        throw new ConfigError(`unknown rule "${id}". Rules: ${ids.join(', ')}`);
    }
  }
  return all.filter((rule) => {
    if (wanted !== undefined && !wanted.includes(rule.meta.id)) return false;
    if (rule.meta.needsCore && !hasCore) return false;
    // A rule switched off entirely is not run (unless some keys switch it back on).
    return config.rules[rule.meta.id] !== 'off';
  });
}

/**
 * Checks that the rule ids the config names (in "rules" and "exemptions") exist. The files layer
 * checks the config's shape; only the check layer knows which rules there are (built-in and the
 * project's own).
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

/** Checks the options the config gives each rule against the options the rule declares. */
function validateRuleOptions(config: ProjectConfig, rules: readonly AnyRule[]): void {
  const where = config.configFile ?? 'the command line';
  for (const rule of rules) {
    const setting = config.rules[rule.meta.id];
    if (setting === null || typeof setting !== 'object') continue;
    const declared = rule.meta.options ?? {};
    for (const [name, value] of Object.entries(setting)) {
      if (name === 'severity' || name === 'keys') continue;
      const at = `${where}: "rules.${rule.meta.id}.${name}"`;
      const option = Object.hasOwn(declared, name) ? declared[name] : undefined;
      if (option === undefined) {
        const known = ['severity', 'keys', ...Object.keys(declared)].join(', ');
        throw new ConfigError(`${at}: ${rule.meta.id} has no such option (options: ${known})`);
      }
      if (!fits(option.type, value))
        throw new ConfigError(`${at} must be ${article(option.type)} (${option.description})`);
    }
  }
}

function fits(type: RuleOption['type'], value: unknown): boolean {
  switch (type) {
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    default:
      return typeof value === type;
  }
}

const article = (type: RuleOption['type']) =>
  type === 'string[]' ? 'a list of strings' : type === 'object' ? 'an object' : `a ${type}`;

/**
 * The namespace passes for some namespaces of a project, in their order: reused from the cache
 * where every input is unchanged, run (and cached) otherwise.
 */
export function checkNamespaces(
  project: Project,
  namespaces: readonly string[],
  rules: readonly AnyRule[],
  options: CheckOptions & { readonly status?: boolean } = {},
): UnitResult[] {
  const state = new RunState(project);
  // A project's own rules are not part of the toolkit's fingerprint: their results are not
  // cached (or reused) until the cache keys include their code.
  const cache = rules.some((r) => ruleOrigin(r) !== undefined) ? undefined : options.cache;
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
  for (const ns of namespaces) {
    const cached = cache?.get(ns);
    if (
      cached !== undefined &&
      prints !== undefined &&
      cached.key === prints.unitKey(ns, cached.deps) &&
      (!options.status || cached.status !== undefined)
    ) {
      out.push({
        namespace: ns,
        findings: cached.findings,
        edges: cached.edges,
        ...(options.status && cached.status !== undefined ? { status: cached.status } : {}),
      });
      if (cache !== undefined) cache.stats.reused++;
      continue;
    }
    if (project.corpus === undefined && project.config.core !== undefined) throw new CoreNeeded(ns);
    const files = filesByNs.get(ns) ?? [];
    state.deps = new Set([ns]);
    const { findings, collected, unlisted } = runNamespace(state, ns, files, rules);
    // The status counts this namespace's keys from the files parsed for the pass, and the
    // stale and untranslated findings just made (those not listed too).
    const status =
      options.status === true
        ? namespaceStatus(
            project,
            ns,
            unlisted.length === 0 ? findings : [...findings, ...unlisted],
          )
        : undefined;
    const unit = { findings, edges: collected, ...(status === undefined ? {} : { status }) };
    out.push({ namespace: ns, ...unit });
    if (cache !== undefined && prints !== undefined) {
      // Keyed before the files are released: the digests are of the bytes just checked.
      const deps = [...state.deps].sort();
      cache.set(ns, { key: prints.unitKey(ns, deps), deps, ...unit });
      cache.stats.checked++;
    }
    state.release(ns, files);
  }
  return out;
}

/**
 * The whole result from the namespace passes (in project order): their findings, plus the
 * project passes (lock files, `$t(…)` cycles over every namespace's nestings), sorted.
 */
export function combine(
  project: Project,
  rules: readonly AnyRule[],
  units: readonly UnitResult[],
  cache?: CheckCache,
): Finding[] {
  cache?.retain(project);
  const findings: Finding[] = [];
  const collected: NestEdge[] = [];
  for (const u of units) {
    for (const f of u.findings) findings.push(f);
    for (const e of u.edges) collected.push(e);
  }
  findings.push(...runProject(new RunState(project), rules, collected));
  return findings.sort(compareFindings);
}

/** Built-in rules in their order, then a project's own rules by id. */
const RULE_RANK: ReadonlyMap<string, number> = new Map(RULE_IDS.map((id, i) => [id, i]));
const ruleOrder = (id: string): number => RULE_RANK.get(id) ?? RULE_IDS.length;

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    ruleOrder(a.rule) - ruleOrder(b.rule) ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
