import pc from 'picocolors';
import { LIMITS } from '../../model/limits.js';
import type { Project } from '../../model/types.js';
import { RULES, ruleInfo, type RuleInfo } from '../catalogue.js';
import { customRules } from '../custom.js';
import {
  commandLine,
  DEFAULT_COMMAND,
  type Finding,
  type Severity,
  type Suggestion,
} from '../../model/finding.js';
import { isHidden, visible } from '../../syntax/invisible.js';
import { jsonParts } from './json-parts.js';

export type OutputFormat = 'pretty' | 'json' | 'sarif' | 'github';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['pretty', 'json', 'sarif', 'github'];

export interface FormatOptions {
  /** Colours (ANSI) in `pretty` output. */
  readonly color: boolean;
  /** Project root (SARIF's base URI; paths in findings are relative to it). */
  readonly root: string;
  /** For code frames in `pretty` output (the file texts). */
  readonly project?: Project;
  /**
   * How to name the CLI in hints and suggestions, as the user runs it: `pnpm i18n`,
   * `npx bilateral` (default `bilateral`). JSON and SARIF keep the hints as the checks made them
   * (with the suggestion as data); `pretty` and `github` are read by people and use this name.
   */
  readonly commandName?: string;
  /** Tool version for SARIF. */
  readonly version?: string;
}

/**
 * A finding's hint with its suggested command named as the user runs it. A hint names its
 * suggestion as {@link commandLine} renders it with the default name, in backticks (the checks
 * write it so): that command, and nothing else in the text, is renamed.
 */
export function hintText(
  f: { readonly hint: string; readonly suggestion?: Suggestion | undefined },
  commandName: string = DEFAULT_COMMAND,
): string {
  if (f.suggestion === undefined || commandName === DEFAULT_COMMAND) return f.hint;
  const from = `\`${commandLine(f.suggestion)}\``;
  return f.hint.split(from).join(`\`${commandLine(f.suggestion, commandName)}\``);
}

/** Renders findings as text for people (`pretty`), JSON, SARIF 2.1.0 or GitHub workflow annotations. */
export function formatFindings(
  findings: readonly Finding[],
  format: OutputFormat,
  options: FormatOptions,
): string {
  return [...formatFindingsInParts(findings, format, options)].join('');
}

/**
 * {@link formatFindings}' text in parts (of about 16 K characters for JSON and SARIF, which list every
 * finding), to write one after the other: a large report is never one string of its whole size.
 */
export function formatFindingsInParts(
  findings: readonly Finding[],
  format: OutputFormat,
  options: FormatOptions,
): Iterable<string> {
  switch (format) {
    case 'json':
      return jsonParts(findings);
    case 'sarif':
      return jsonParts(toSarif(findings, options));
    default:
      return [formatText(findings, format, options)];
  }
}

function formatText(
  findings: readonly Finding[],
  format: 'pretty' | 'github',
  options: FormatOptions,
): string {
  switch (format) {
    case 'github': {
      const cmd = options.commandName ?? DEFAULT_COMMAND;
      const { listed, left } = bounded(findings);
      let out = listed.map((f) => githubAnnotation(f, cmd)).join('');
      for (const [file, byRule] of left)
        for (const [rule, l] of byRule) {
          const level =
            l.severity === 'error' ? 'error' : l.severity === 'warning' ? 'warning' : 'notice';
          const props = `file=${escapeProperty(visible(file))},title=${escapeProperty(rule)}`;
          out += `::${level} ${props}::${escapeData(leftOut(l.count, rule, cmd))}\n`;
        }
      return out;
    }
    case 'pretty':
      return pretty(findings, options);
  }
}

/** Findings of one rule in one file left out of a format people read: how many, how serious. */
interface LeftOut {
  count: number;
  severity: Severity;
}

/**
 * The findings people read (`pretty`, GitHub annotations): at most {@link LIMITS.findingsPerFile}
 * of one rule in one file, the first ones; the rest counted, by file and rule. JSON and SARIF
 * list every finding.
 */
function bounded(findings: readonly Finding[]): {
  listed: readonly Finding[];
  left: ReadonlyMap<string, ReadonlyMap<string, LeftOut>>;
} {
  const seen = new Map<string, number>();
  const left = new Map<string, Map<string, LeftOut>>();
  const listed: Finding[] = [];
  for (const f of findings) {
    const id = `${f.rule}\u0000${f.file}`;
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    if (n <= LIMITS.findingsPerFile) {
      listed.push(f);
      continue;
    }
    let byRule = left.get(f.file);
    if (byRule === undefined) left.set(f.file, (byRule = new Map<string, LeftOut>()));
    const l = byRule.get(f.rule);
    if (l === undefined) byRule.set(f.rule, { count: 1, severity: f.severity });
    else {
      l.count++;
      if (RANK[f.severity] < RANK[l.severity]) l.severity = f.severity;
    }
  }
  return { listed: listed.length === findings.length ? findings : listed, left };
}

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** The line that stands for the findings of one rule in one file left out. */
const leftOut = (n: number, rule: string, cmd: string) =>
  `… and ${n.toLocaleString('en')} more ${rule} findings in this file, not shown (only the first ${LIMITS.findingsPerFile.toLocaleString('en')} are): \`${cmd} check --format json\` (or sarif) lists them all`;

// ---------------------------------------------------------------------------------------------
// pretty

type Colors = Pick<
  typeof pc,
  'red' | 'yellow' | 'blue' | 'dim' | 'bold' | 'cyan' | 'underline' | 'green'
>;
const identity = (s: string | number | null | undefined) => String(s);
const NO_COLOR: Colors = {
  red: identity,
  yellow: identity,
  blue: identity,
  dim: identity,
  bold: identity,
  cyan: identity,
  underline: identity,
  green: identity,
};

function pretty(findings: readonly Finding[], options: FormatOptions): string {
  const c = options.color ? pc.createColors(true) : NO_COLOR;
  const cmd = options.commandName ?? DEFAULT_COMMAND;
  const sev = (s: Severity) =>
    s === 'error' ? c.red('error') : s === 'warning' ? c.yellow('warning') : c.blue('info');
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  const { listed, left } = bounded(findings);
  for (const f of listed) {
    const list = byFile.get(f.file);
    if (list === undefined) byFile.set(f.file, [f]);
    else list.push(f);
  }
  // Everything that comes from a locale file (keys, quoted text, the code frame) is shown with its
  // control, bidi and zero-width characters escaped: a translation cannot drive the terminal.
  for (const [file, list] of byFile) {
    out.push(c.underline(c.bold(visible(file))));
    const text = findText(options.project, file);
    const lines = text === undefined ? undefined : text.split('\n');
    for (const f of list) {
      out.push(
        `  ${c.dim(`${f.line}:${f.column}`)}  ${sev(f.severity)}  ${visible(f.message)}  ${c.dim(f.rule)}`,
      );
      if (f.key !== '') out.push(`    ${c.dim('key')}  ${c.cyan(visible(f.key))}`);
      if (lines !== undefined)
        out.push(
          ...frameOfLine(lines[f.line - 1] ?? '', f.line, f.column, c).map((l) => `    ${l}`),
        );
      out.push(`    ${c.green('fix')}  ${visible(hintText(f, cmd))}`);
      out.push('');
    }
    for (const [rule, l] of left.get(file) ?? []) {
      out.push(`  ${sev(l.severity)}  ${leftOut(l.count, rule, cmd)}  ${c.dim(rule)}`);
      out.push('');
    }
  }
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const errors = count('error');
  const warnings = count('warning');
  const infos = count('info');
  const files = byFile.size;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  if (findings.length === 0) {
    out.push(`${c.green('✔')} No problems found.`);
    return `${out.join('\n')}\n`;
  }
  const parts = [plural(errors, 'error'), plural(warnings, 'warning')];
  if (infos > 0) parts.push(`${infos} info`);
  out.push(
    `${errors > 0 ? c.red('✖') : c.yellow('⚠')} ${parts.join(', ')} in ${plural(files, 'file')}.`,
  );
  out.push(nextStep(findings, cmd, c));
  return `${out.join('\n')}\n`;
}

/** The command to run next, chosen from what was found. */
function nextStep(findings: readonly Finding[], cmd: string, c: Colors): string {
  const has = (rule: string) => findings.some((f) => f.rule === rule && f.severity !== 'info');
  const stale = findings.filter((f) => f.rule === 'stale' && f.severity !== 'info');
  if (has('syntax'))
    return `Next: fix the syntax errors first (other checks skip a broken file), then run ${c.bold(`${cmd} check`)} again.`;
  if (has('missing') || has('obsolete')) {
    return `Next: run ${c.bold(`${cmd} sync`)} to add the missing keys with the source text (then translate them)${has('obsolete') ? `, or ${c.bold(`${cmd} sync --prune`)} to also remove obsolete ones` : ''}.`;
  }
  if (stale.length > 0 && stale.length === findings.filter((f) => f.severity !== 'info').length) {
    const locale = stale[0]?.locale ?? '<locale>';
    return `Next: update the stale translations, then record the review with ${c.bold(`${cmd} accept ${locale} <keys…>`)}.`;
  }
  if (findings.every((f) => f.severity === 'info') && findings.some((f) => f.rule === 'stale')) {
    const locale = findings.find((f) => f.rule === 'stale')?.locale ?? '<locale>';
    return `Next: after reviewing, run ${c.bold(`${cmd} accept ${locale}`)} to record the translations as reviewed.`;
  }
  return `Next: fix the problems above (each has a "fix" line), then run ${c.bold(`${cmd} check`)} again; ${c.bold(`${cmd} check --watch`)} re-checks on every save.`;
}

function findText(project: Project | undefined, rel: string): string | undefined {
  if (project === undefined) return undefined;
  return project.files.find((f) => f.relPath === rel)?.text;
}

/** East Asian wide and fullwidth characters take two terminal columns. */
function width(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x1100) return 1;
  if (
    cp <= 0x115f ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

const MAX = 76;

/**
 * The line of the finding (windowed around the column: locale lines can be paragraphs long),
 * with a caret under the column that accounts for wide CJK characters. Control, bidi and
 * zero-width characters are shown escaped (`\u202E`), so the frame shows what the file holds.
 */
export function codeFrame(
  text: string,
  line: number,
  column: number,
  c: Colors = NO_COLOR,
): string[] {
  return frameOfLine(text.split('\n')[line - 1] ?? '', line, column, c);
}

function frameOfLine(lineText: string, line: number, column: number, c: Colors): string[] {
  // Only the part of a long line around the column is looked at (the frame shows MAX columns;
  // a column is at least one UTF-16 unit, a character at most two).
  const col = Math.max(0, column - 1);
  let from = Math.max(0, col - MAX * 2);
  let to = Math.min(lineText.length, col + MAX * 4);
  if (from > 0 && /[\uDC00-\uDFFF]/.test(lineText[from] ?? '')) from--;
  if (to < lineText.length && /[\uDC00-\uDFFF]/.test(lineText[to] ?? '')) to++;
  const src = lineText.slice(from, to).replace(/\r$/, '').replace(/\t/g, ' ');
  // Each character with what it shows as and how many columns that takes.
  const chars = [...src].map((ch) => {
    if (!isHidden(ch)) return { ch, shown: ch, w: width(ch) };
    const shown = visible(ch);
    return { ch, shown, w: shown.length };
  });
  // Map the UTF-16 column to a character index.
  let idx = 0;
  for (let u = from; idx < chars.length && u < col; idx++) u += (chars[idx]?.ch as string).length;
  const widths = chars.map((x) => x.w);
  let start = 0;
  let left = 0;
  const fits = from === 0 && to === lineText.length && widths.reduce((a, b) => a + b, 0) <= MAX;
  for (let i = idx - 1; !fits && i >= 0 && left + (widths[i] ?? 1) <= MAX / 3; i--) {
    left += widths[i] ?? 1;
    start = i;
  }
  if (fits) start = 0;
  let end = start;
  let total = 0;
  while (end < chars.length && total + (widths[end] ?? 1) <= MAX) total += widths[end++] ?? 1;
  const prefix = start > 0 || from > 0 ? '…' : '';
  const suffix = end < chars.length || to < lineText.length ? '…' : '';
  const shown = `${prefix}${chars
    .slice(start, end)
    .map((x) => x.shown)
    .join('')}${suffix}`;
  let caretAt = prefix.length;
  for (let i = start; i < idx && i < end; i++) caretAt += widths[i] ?? 1;
  const gutter = String(line);
  return [
    `${c.dim(`${gutter} │`)} ${shown}`,
    `${' '.repeat(gutter.length)} ${c.dim('│')} ${' '.repeat(caretAt)}${c.red('^')}`,
  ];
}

// ---------------------------------------------------------------------------------------------
// GitHub annotations

const escapeData = (s: string) =>
  s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function githubAnnotation(f: Finding, cmd: string): string {
  const level = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
  // Shown to people in the pull request: invisible characters are made visible there too.
  const title = visible(`${f.rule}${f.key === '' ? '' : `: ${f.key}`}`);
  const props = `file=${escapeProperty(visible(f.file))},line=${f.line},col=${f.column},title=${escapeProperty(title)}`;
  return `::${level} ${props}::${escapeData(visible(`${f.message}\nFix: ${hintText(f, cmd)}`))}\n`;
}

// ---------------------------------------------------------------------------------------------
// SARIF 2.1.0

/** A SARIF log, as far as the toolkit reads it back (a shard's report adds its data to the run). */
export interface SarifLog {
  readonly $schema: string;
  readonly version: string;
  readonly runs: { [field: string]: unknown; properties?: Record<string, unknown> }[];
}

/** The SARIF 2.1.0 log of the findings, as an object (the `sarif` format is this, as JSON). */
export function toSarif(findings: readonly Finding[], options: FormatOptions): SarifLog {
  const level = (s: Severity) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  // The built-in rules, and the project's own when the project is known.
  const rules: readonly RuleInfo[] = [
    ...RULES,
    ...(options.project === undefined
      ? []
      : customRules(options.project.config).map((r) => r.meta)),
  ];
  const rootUri = `file://${options.root.replace(/\\/g, '/').replace(/\/?$/, '/')}`;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'bilateral',
            informationUri: 'https://github.com/bilateral/bilateral/blob/main/docs/translating.md',
            ...(options.version === undefined ? {} : { version: options.version }),
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|[-/])([a-z])/g, (_m, _d, ch: string) => ch.toUpperCase()),
              shortDescription: { text: r.description },
              ...(ruleInfo(r.id) === undefined
                ? {}
                : {
                    helpUri: `https://github.com/bilateral/bilateral/blob/main/docs/translating.md#${r.id}`,
                  }),
              defaultConfiguration: { level: level(r.severity) },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: rootUri } },
        results: findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: Math.max(
            0,
            rules.findIndex((r) => r.id === f.rule),
          ),
          level: level(f.severity),
          // The message is for people (code scanning shows it); `properties.key` keeps the key as it is.
          message: {
            text: visible(`${f.message}${f.key === '' ? '' : ` [${f.key}]`}\nFix: ${f.hint}`),
          },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file, uriBaseId: 'SRCROOT' },
                region: { startLine: f.line, startColumn: f.column },
              },
            },
          ],
          partialFingerprints: {
            'bilateralFinding/v1': `${f.rule}|${f.locale}|${f.file}|${f.key}|${f.message}`,
          },
          properties: {
            locale: f.locale,
            key: f.key,
            severity: f.severity,
            rule: f.rule,
            ...(f.suggestion === undefined ? {} : { suggestion: f.suggestion }),
          },
        })),
      },
    ],
  };
}
