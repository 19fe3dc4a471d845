import { LIMITS } from '../limits.js';
import { ConfigError } from '../project/config.js';
import { keyMatches } from '../project/keys.js';
import type { Project } from '../project/project.js';
import { RULE_IDS, ruleInfo } from './catalogue.js';
import { RuleContext, type RawFinding } from './context.js';
import { RULE_MODULES } from './rules/index.js';
import type { CheckOptions, Finding, Severity } from './types.js';

/**
 * Runs the checks on a loaded project and returns the findings, sorted by file, line and column.
 * Pure and synchronous: it reads nothing from disk (everything is in the project). Rules that
 * need a core run only when the project has one. Severities and exemptions come from the config.
 */
export function check(project: Project, options: CheckOptions = {}): Finding[] {
  const wanted = options.rules;
  if (wanted !== undefined) {
    for (const id of wanted) {
      if (!RULE_IDS.includes(id))
        throw new ConfigError(`unknown rule "${id}". Rules: ${RULE_IDS.join(', ')}`);
    }
  }
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const config = project.config;
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
  const base = new RuleContext(project, '', sink);
  for (const rule of RULE_MODULES) {
    if (wanted !== undefined && !wanted.includes(rule.id)) continue;
    const info = ruleInfo(rule.id);
    if (info?.needsCore === true && project.corpus === undefined) continue;
    const setting = config.rules[rule.id];
    // A rule switched off entirely is not run (unless some keys switch it back on).
    if (setting === 'off') continue;
    rule.run(base.forRule(rule.id));
  }
  for (const { first, count } of overflow.values()) {
    findings.push({
      ...first,
      message: `… and ${count} more ${first.rule} finding${count === 1 ? '' : 's'} about this text (only the first ${LIMITS.findingsPerKey} are listed)`,
      hint: 'Fix the problems listed above, then check again to see the rest.',
    });
  }
  return findings.sort(compareFindings);
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
    'position' in file && typeof file.position === 'function'
      ? file.position(raw.offset ?? 0)
      : { line: 1, column: 1 };
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
