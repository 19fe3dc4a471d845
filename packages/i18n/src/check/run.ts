import { ConfigError } from '../model/errors.js';
import type { Finding, Severity } from '../model/finding.js';
import { keyMatches } from '../model/keys.js';
import { LIMITS } from '../model/limits.js';
import type { LocaleFile, Project } from '../model/types.js';
import { NamespaceContext, ProjectContext, type Collected, type RawFinding } from './context.js';
import { ruleOrigin } from './custom.js';
import type { AnyRule } from './rule.js';
import type { RunState } from './state.js';

/**
 * The engine: runs rules over one namespace, or once over the project, and turns what they report
 * into findings (position, configured severity, exemptions; deduplicated and bounded per key).
 * Pure: everything it reads is in the project and the run's state.
 */

/** One namespace's pass: every rule's findings about it, and what they collected for later. */
export function runNamespace(
  state: RunState,
  namespace: string,
  files: readonly LocaleFile[],
  rules: readonly AnyRule[],
): { findings: Finding[]; collected: Collected[] } {
  const sink = new FindingSink(state.project);
  const collected: Collected[] = [];
  for (const rule of rules) {
    if (rule.namespace === undefined) continue;
    const report = (raw: RawFinding) => sink.add(rule, raw);
    const ctx = new NamespaceContext(state, namespace, files, rule.meta.id, report, collected);
    guard(rule, `namespace ${namespace}`, () => rule.namespace?.(ctx));
  }
  return { findings: sink.findings(), collected };
}

/** The project passes, with what every namespace pass collected for each rule. */
export function runProject(
  state: RunState,
  rules: readonly AnyRule[],
  collected: readonly Collected[],
): Finding[] {
  const sink = new FindingSink(state.project);
  for (const rule of rules) {
    if (rule.project === undefined) continue;
    const id = rule.meta.id;
    const items = collected.filter((c) => c.rule === id).map((c) => c.item);
    const ctx = new ProjectContext(state, id, (raw) => sink.add(rule, raw));
    guard(rule, 'the project', () => rule.project?.(ctx, items));
  }
  return sink.findings();
}

/** Built-in rules never throw; a project's own rule that does is reported as its mistake. */
function guard(rule: AnyRule, where: string, run: () => void): void {
  const at = ruleOrigin(rule);
  if (at === undefined) return run();
  try {
    run();
  } catch (e) {
    throw new ConfigError(
      `rule "${rule.meta.id}" (${at}) failed while checking ${where}: ${(e as Error)?.message ?? String(e)}`,
    );
  }
}

/** Collects one pass's findings: deduplicated, and at most a few of the same rule per text. */
class FindingSink {
  private readonly list: Finding[] = [];
  private readonly seen = new Set<string>();
  // A hostile text can hold thousands of the same mistake: the first few are listed, the rest
  // counted, so that memory and output stay bounded.
  private readonly perKey = new Map<string, number>();
  private readonly overflow = new Map<string, { first: Finding; count: number }>();

  constructor(private readonly project: Project) {}

  add(rule: AnyRule, raw: RawFinding): void {
    const f = finish(this.project, rule, raw);
    if (f === undefined) return;
    const id = `${f.rule}|${f.file}|${f.line}|${f.column}|${f.key}|${f.message}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    const k = `${f.rule}|${f.file}|${f.key}`;
    const n = (this.perKey.get(k) ?? 0) + 1;
    this.perKey.set(k, n);
    if (n > LIMITS.findingsPerKey) {
      const o = this.overflow.get(k);
      if (o === undefined) this.overflow.set(k, { first: f, count: 1 });
      else o.count++;
      return;
    }
    this.list.push(f);
  }

  findings(): Finding[] {
    for (const { first, count } of this.overflow.values()) {
      // The hint says to fix the others first: the first one's suggested command does not apply.
      const { suggestion, ...rest } = first;
      void suggestion;
      this.list.push({
        ...rest,
        message: `… and ${count} more ${first.rule} finding${count === 1 ? '' : 's'} about this text (only the first ${LIMITS.findingsPerKey} are listed)`,
        hint: 'Fix the problems listed above, then check again to see the rest.',
      });
    }
    return this.list;
  }
}

/** A finding from what a rule reported, or undefined when the config exempts it or switches it off. */
function finish(project: Project, rule: AnyRule, raw: RawFinding): Finding | undefined {
  const file = raw.file;
  const pos =
    'position' in file && typeof file.position === 'function'
      ? file.position(raw.offset ?? 0)
      : { line: 1, column: 1 };
  const locale = file.locale;
  const ns = file.namespace;
  const id = rule.meta.id;
  let severity: Severity | 'off' = raw.severity ?? rule.meta.severity;
  if (raw.pinned === true) {
    severity = 'error';
  } else {
    for (const ex of project.config.exemptions) {
      if (ex.rule !== id && ex.rule !== '*') continue;
      if (ex.locale !== undefined && ex.locale !== locale) continue;
      if (raw.key !== '' && keyMatches(ex.key, ns, raw.key)) return undefined;
      if (raw.key === '' && (ex.key === '**' || ex.key === `${ns}:**`)) return undefined;
    }
    // The configured severity replaces the rule's default; a finding the rule itself grades
    // differently (a warning-level part of an error rule, an info) keeps its level unless the
    // configuration switches it off.
    const configured = configuredSeverity(project.config.rules[id], ns, raw.key, severity);
    if (configured === 'off' || raw.severity === undefined) severity = configured;
    if (severity === 'off') return undefined;
  }
  return {
    rule: id,
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
