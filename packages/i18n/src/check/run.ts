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
): { findings: Finding[]; collected: Collected[]; unlisted: readonly Finding[] } {
  const sink = new FindingSink(state.project);
  const collected: Collected[] = [];
  for (const rule of rules) {
    if (rule.namespace === undefined) continue;
    const report = (raw: RawFinding) => sink.add(rule, raw);
    const ctx = new NamespaceContext(state, namespace, files, rule.meta.id, report, collected);
    guard(rule, `namespace ${namespace}`, () => rule.namespace?.(ctx));
  }
  return { findings: sink.findings(), collected, unlisted: sink.unlisted };
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

/**
 * A finding not made yet: what the rule reported, with its configured severity and its place in
 * the order of report. The finding (position, file, message…) is made only when it is listed.
 */
interface Pending {
  readonly rule: string;
  readonly severity: Severity;
  readonly at: RawFinding;
  readonly seq: number;
}

/** Findings not listed: counted in one summary finding, the first of them standing for the rest. */
interface Overflow {
  first: Pending;
  count: number;
  severity: Severity;
}

/** What one rule reported about one file so far. */
interface Bucket {
  /**
   * Findings listed: at most {@link LIMITS.findingsKeptPerFile}, the first ones in the file. In the
   * order reported until the bound is reached; from then on a max-heap by offset and order of
   * report, so that the last in the file is the one to give way (made a heap only then: pushing
   * findings reported in file order onto a max-heap moves each one to the top).
   */
  readonly listed: Pending[];
  /** Whether {@link listed} is a heap already. */
  heap: boolean;
  /** Reported findings by offset (the same offset in the same file is the same place). */
  readonly seen: Map<number, RawFinding | SeenAt>;
  /** Findings per key. */
  readonly perKey: Map<string, number>;
  /** Per key, past {@link LIMITS.findingsPerKey}. */
  readonly overKey: Map<string, Overflow>;
  /** Past {@link LIMITS.findingsKeptPerFile}. */
  over: Overflow | undefined;
}

/**
 * The rules whose findings the status report counts keys from (see status.ts): their findings
 * left out of the list are still kept, without message or position, for it.
 */
const STATUS_RULES: ReadonlySet<string> = new Set(['stale', 'untranslated']);
const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
/**
 * A count with commas between thousands, exactly as `n.toLocaleString('en')` writes a whole
 * number, without ICU's number formatting, whose first use costs a tenth of a second or more (a
 * large share of a real project's check, measured: bench/analysis.md, "Real-world speed").
 */
export const count = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * Collects one pass's findings: deduplicated, and bounded — at most {@link LIMITS.findingsPerKey}
 * of one rule about one text, and {@link LIMITS.findingsKeptPerFile} of one rule in one file; the
 * rest are counted in one summary finding each (with the highest severity among them, so that the
 * exit code is the same). Positions (line, column) are computed only for the findings listed,
 * and a finding past a bound costs a few map lookups, no object.
 */
export class FindingSink {
  private seq = 0;
  /** By rule, then by file (its path). */
  private readonly buckets = new Map<string, Map<string, Bucket>>();
  /**
   * The findings left out by the per-file bound that the status report counts (see
   * {@link STATUS_RULES}), without position.
   */
  readonly unlisted: Finding[] = [];

  constructor(private readonly project: Project) {}

  add(rule: AnyRule, raw: RawFinding): void {
    const severity = severityOf(this.project, rule, raw);
    if (severity === undefined) return;
    const b = this.bucket(rule.meta.id, raw.file.relPath);
    if (!firstAt(b.seen, raw)) return;
    const n = (b.perKey.get(raw.key) ?? 0) + 1;
    b.perKey.set(raw.key, n);
    const seq = this.seq++;
    if (n > LIMITS.findingsPerKey) {
      const o = b.overKey.get(raw.key);
      if (o === undefined) b.overKey.set(raw.key, overflow(pending(rule, raw, severity, seq)));
      else counted(o, rule, raw, severity, seq);
      return;
    }
    if (b.listed.length < LIMITS.findingsKeptPerFile) {
      b.listed.push(pending(rule, raw, severity, seq));
      return;
    }
    if (!b.heap) {
      heapify(b.listed);
      b.heap = true;
    }
    // Full: the finding furthest down the file is left out (this one, or one listed before).
    const last = b.listed[0] as Pending;
    let out: Pending;
    if (offsetOf(last.at) > offsetOf(raw)) {
      heapReplace(b.listed, pending(rule, raw, severity, seq));
      out = last;
    } else if (!STATUS_RULES.has(rule.meta.id)) {
      // This one is left out, and only counted: no finding is made for it.
      if (b.over === undefined) b.over = overflow(pending(rule, raw, severity, seq));
      else counted(b.over, rule, raw, severity, seq);
      return;
    } else out = pending(rule, raw, severity, seq);
    if (STATUS_RULES.has(out.rule)) {
      const { file, key, message, hint } = out.at;
      this.unlisted.push({
        rule: out.rule,
        severity: out.severity,
        locale: file.locale,
        file: file.relPath,
        key,
        message,
        hint,
        line: 0,
        column: 0,
      });
    }
    if (b.over === undefined) b.over = overflow(out);
    else more(b.over, out);
  }

  private bucket(rule: string, file: string): Bucket {
    let byFile = this.buckets.get(rule);
    if (byFile === undefined) this.buckets.set(rule, (byFile = new Map<string, Bucket>()));
    let b = byFile.get(file);
    if (b === undefined) {
      b = {
        listed: [],
        heap: false,
        seen: new Map(),
        perKey: new Map(),
        overKey: new Map(),
        over: undefined,
      };
      byFile.set(file, b);
    }
    return b;
  }

  findings(): Finding[] {
    const out: Finding[] = [];
    const listed: Pending[] = [];
    for (const byFile of this.buckets.values())
      for (const b of byFile.values()) for (const p of b.listed) listed.push(p);
    // In the order reported (across rules and files; a heap holds its own in another).
    listed.sort((a, b) => a.seq - b.seq);
    for (const p of listed) out.push(place(p));
    for (const byFile of this.buckets.values()) {
      for (const b of byFile.values()) {
        for (const o of b.overKey.values()) {
          out.push(
            summary(
              o,
              `about this text (only the first ${LIMITS.findingsPerKey} are listed)`,
              {
                hint: 'Fix the problems listed above, then check again to see the rest.',
              },
              String,
            ),
          );
        }
        if (b.over !== undefined) {
          out.push(
            summary(
              b.over,
              `in this file (only the first ${count(LIMITS.findingsKeptPerFile)} are listed)`,
              // The rule's own hint applies to every one of them (the first one's command does not).
              { hint: b.over.first.at.hint, key: '' },
            ),
          );
        }
      }
    }
    return out;
  }
}

/** Messages reported at one offset, by key (one message as is, more in a set). */
type SeenAt = Map<string, string | Set<string>>;

/**
 * Whether no finding with the same key and message was reported at this offset before (records
 * it). One finding per offset is kept as is; a second one at the same offset turns the entry into
 * a map of messages by key, so that many findings at one place (every missing key of a flat file
 * is anchored at its root) cost a lookup each, not a comparison with every one before.
 */
function firstAt(seen: Map<number, RawFinding | SeenAt>, raw: RawFinding): boolean {
  // A file that is not a parsed locale file has one place: its first line.
  const at = typeof raw.file.position === 'function' ? (raw.offset ?? 0) : 0;
  const before = seen.get(at);
  if (before === undefined) {
    seen.set(at, raw);
    return true;
  }
  if (!(before instanceof Map)) {
    if (before.key === raw.key && before.message === raw.message) return false;
    const byKey: SeenAt = new Map([[before.key, before.message]]);
    seen.set(at, byKey);
    return firstAt(seen, raw);
  }
  const messages = before.get(raw.key);
  if (messages === undefined) before.set(raw.key, raw.message);
  else if (typeof messages === 'string') {
    if (messages === raw.message) return false;
    before.set(raw.key, new Set([messages, raw.message]));
  } else {
    if (messages.has(raw.message)) return false;
    messages.add(raw.message);
  }
  return true;
}

const overflow = (first: Pending): Overflow => ({ first, count: 1, severity: first.severity });

/** One more left out; the summary stands at the first of them in the file. */
function more(o: Overflow, p: Pending): void {
  o.count++;
  if (RANK[p.severity] < RANK[o.severity]) o.severity = p.severity;
  if (after(o.first, p)) o.first = p;
}

/**
 * {@link more} for a finding not made yet (the newest reported): it is made only when it becomes
 * the first of those left out.
 */
function counted(o: Overflow, rule: AnyRule, raw: RawFinding, severity: Severity, seq: number) {
  o.count++;
  if (RANK[severity] < RANK[o.severity]) o.severity = severity;
  // As `after(o.first, p)`: the new one was reported last, so only an earlier offset puts it first.
  if (offsetOf(o.first.at) > offsetOf(raw)) o.first = pending(rule, raw, severity, seq);
}

const offsetOf = (raw: RawFinding): number => raw.offset ?? 0;

/** Whether `a` comes after `b` in the file (or, at the same place, was reported after it). */
const after = (a: Pending, b: Pending): boolean => {
  const x = a.at.offset ?? 0;
  const y = b.at.offset ?? 0;
  return x > y || (x === y && a.seq > b.seq);
};

/** Makes a list a max-heap (the finding furthest down the file on top), in linear time. */
function heapify(heap: Pending[]): void {
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(heap, i);
}

/** Replaces the top of a max-heap. */
function heapReplace(heap: Pending[], p: Pending): void {
  heap[0] = p;
  siftDown(heap, 0);
}

function siftDown(heap: Pending[], from: number): void {
  let i = from;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let top = i;
    if (l < heap.length && after(heap[l] as Pending, heap[top] as Pending)) top = l;
    if (r < heap.length && after(heap[r] as Pending, heap[top] as Pending)) top = r;
    if (top === i) return;
    [heap[i], heap[top]] = [heap[top] as Pending, heap[i] as Pending];
    i = top;
  }
}

/** The finding counting the ones left out, at the first of them. */
function summary(
  o: Overflow,
  where: string,
  extra: { hint: string; key?: string },
  n: (x: number) => string = count,
): Finding {
  // The hint says what to do about all of them: the first one's suggested command does not apply.
  const { suggestion, ...first } = place(o.first);
  void suggestion;
  return {
    ...first,
    severity: o.severity,
    message: `… and ${n(o.count)} more ${o.first.rule} finding${o.count === 1 ? '' : 's'} ${where}`,
    ...extra,
  };
}

function pending(rule: AnyRule, raw: RawFinding, severity: Severity, seq: number): Pending {
  return { rule: rule.meta.id, severity, at: raw, seq };
}

/** The finding with its line and column. */
function place(f: Pending): Finding {
  const at = f.at;
  const file = at.file;
  const pos =
    'position' in file && typeof file.position === 'function'
      ? file.position(at.offset ?? 0)
      : { line: 1, column: 1 };
  const finding: { -readonly [K in keyof Finding]: Finding[K] } = {
    rule: f.rule,
    severity: f.severity,
    locale: file.locale,
    file: file.relPath,
    line: pos.line,
    column: pos.column,
    key: at.key,
    message: at.message,
    hint: at.hint,
  };
  if (at.suggestion !== undefined) finding.suggestion = at.suggestion;
  return finding;
}

/**
 * The configured severity of what a rule reported, or undefined when the config exempts it or
 * switches it off.
 */
function severityOf(project: Project, rule: AnyRule, raw: RawFinding): Severity | undefined {
  const file = raw.file;
  const locale = file.locale;
  const ns = file.namespace;
  const id = rule.meta.id;
  let severity: Severity | 'off' = raw.severity ?? rule.meta.severity;
  if (raw.pinned === true) return 'error';
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
  return severity === 'off' ? undefined : severity;
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
