import { isExempt, stringValue, type Logical } from '../model/keys.js';
import type { Project } from '../model/types.js';
import type { Finding } from '../model/finding.js';
import { i18nextOf } from './i18next.js';
import { PluralKeys } from './plural-keys.js';

export interface SectionStatus {
  readonly namespace: string;
  /** The first key segment below `sections.`, or the top-level key (`meta`, `nav`, …). */
  readonly section: string;
  readonly keys: number;
  readonly translated: number;
  readonly missing: number;
  readonly stale: number;
}

export interface LocaleStatus {
  readonly locale: string;
  /** Logical keys (a plural family counts once) this locale should have. */
  readonly keys: number;
  readonly translated: number;
  /** Absent or empty. */
  readonly missing: number;
  /** The source changed since the translation was accepted. */
  readonly stale: number;
  /** Identical to the source (not yet translated). */
  readonly untranslated: number;
  /** translated / keys, 0–100, one decimal, rounded down (100 only when complete). */
  readonly percent: number;
  readonly sections: readonly SectionStatus[];
}

export interface StatusReport {
  readonly sourceLocale: string;
  readonly locales: readonly LocaleStatus[];
}

type State = 'translated' | 'missing' | 'stale' | 'untranslated';

/** One namespace's part of a {@link StatusReport}: per locale, its sections and totals. */
export interface NamespaceStatus {
  readonly locales: readonly {
    readonly locale: string;
    readonly sections: readonly SectionStatus[];
    readonly totals: {
      readonly keys: number;
      readonly translated: number;
      readonly missing: number;
      readonly stale: number;
      readonly untranslated: number;
    };
  }[];
}

/**
 * How far each locale is: per locale and per section, how many keys are translated, missing,
 * stale or untranslated, from the findings of `check` (so that exemptions and severities agree
 * with what `check` reports; the `untranslated` and `stale` rules are all it needs).
 */
export function computeStatus(project: Project, findings: readonly Finding[]): StatusReport {
  const f = findings;
  const byFile = new Map<string, Finding[]>();
  for (const x of f) {
    let list = byFile.get(x.file);
    if (list === undefined) byFile.set(x.file, (list = []));
    list.push(x);
  }
  return mergeStatus(
    project,
    project.namespaces.map((ns) =>
      namespaceStatus(
        project,
        ns,
        project.locales.flatMap((l) => byFile.get(project.file(l, ns)?.relPath ?? '') ?? []),
      ),
    ),
  );
}

/** The report from every namespace's part, in project order (see {@link namespaceStatus}). */
export function mergeStatus(project: Project, parts: readonly NamespaceStatus[]): StatusReport {
  const locales: LocaleStatus[] = project.locales.map((locale) => {
    const sections: SectionStatus[] = [];
    const totals = { keys: 0, translated: 0, missing: 0, stale: 0, untranslated: 0 };
    for (const part of parts) {
      const mine = part.locales.find((l) => l.locale === locale);
      if (mine === undefined) continue;
      for (const s of mine.sections) sections.push(s);
      totals.keys += mine.totals.keys;
      totals.translated += mine.totals.translated;
      totals.missing += mine.totals.missing;
      totals.stale += mine.totals.stale;
      totals.untranslated += mine.totals.untranslated;
    }
    return {
      locale,
      ...totals,
      percent: totals.keys === 0 ? 100 : Math.floor((totals.translated * 1000) / totals.keys) / 10,
      sections,
    };
  });
  return { sourceLocale: project.sourceLocale, locales };
}

/**
 * One namespace's status in every locale, from its files and the findings about them (a check
 * caches it with the namespace's findings: a status page costs nothing for unchanged ones).
 */
export function namespaceStatus(
  project: Project,
  ns: string,
  findings: readonly Finding[],
): NamespaceStatus {
  const keys = new PluralKeys(i18nextOf(project.config));
  const flagged = flaggedKeys(keys, findings);
  const source = project.file(project.sourceLocale, ns);
  if (source === undefined || !source.usable) return { locales: [] };
  const nsFiles = project.locales.flatMap((l) => {
    const file = project.file(l, ns);
    return file?.usable === true ? [file] : [];
  });
  const families = keys.families(nsFiles);
  const sourceLogical = keys.logical(source, families);
  return {
    locales: project.locales.map((locale) => {
      const file = project.file(locale, ns);
      const logical = file?.usable === true ? keys.logical(file, families) : undefined;
      const tally = new Tally(ns);
      for (const key of sourceLogical.keys()) {
        const state = keyState(project, ns, locale, key, logical?.get(key), () =>
          flagged.get(`${file?.relPath}\u0000${key}`),
        );
        if (state !== undefined) tally.add(key, state);
      }
      return { locale, sections: tally.sections(), totals: tally.totals };
    }),
  };
}

/** Keys (by `file\0key`, plural families too) that `stale` or `untranslated` reported. */
function flaggedKeys(keys: PluralKeys, findings: readonly Finding[]): Map<string, State> {
  const flagged = new Map<string, State>();
  for (const x of findings) {
    if ((x.rule === 'stale' && x.severity !== 'info') || x.rule === 'untranslated') {
      const p = keys.parse(x.key);
      const state: State = x.rule === 'stale' ? 'stale' : 'untranslated';
      for (const k of p === undefined ? [x.key] : [x.key, keys.family(p.base, p.ordinal)]) {
        const id = `${x.file}\u0000${k}`;
        if (flagged.get(id) !== 'untranslated') flagged.set(id, state);
      }
    }
  }
  return flagged;
}

/** The state of one source key in a locale; undefined when it is exempt from `missing`. */
function keyState(
  project: Project,
  ns: string,
  locale: string,
  key: string,
  l: Logical | undefined,
  flagged: () => State | undefined,
): State | undefined {
  if (locale === project.sourceLocale) return 'translated';
  const empty =
    l !== undefined &&
    (l.kind === 'plain' ? [l.entry] : [...l.forms.values()]).every(
      (e) => (stringValue(e) ?? 'x').trim() === '',
    );
  if (l !== undefined && !empty) return flagged() ?? 'translated';
  const exempt =
    isExempt(project.config.exemptions, 'missing', locale, ns, key) ||
    project.config.rules['missing'] === 'off';
  return l === undefined && exempt ? undefined : 'missing';
}

/** Counts per section (`sections.<s>.…` by section, other keys by their first segment) and in all. */
class Tally {
  readonly totals = { keys: 0, translated: 0, missing: 0, stale: 0, untranslated: 0 };
  private readonly bySection = new Map<
    string,
    {
      namespace: string;
      section: string;
      keys: number;
      translated: number;
      missing: number;
      stale: number;
    }
  >();
  constructor(private readonly ns: string) {}

  add(key: string, state: State): void {
    const path = key.split('.');
    const section =
      path[0] === 'sections' && path.length > 2 ? (path[1] as string) : (path[0] as string);
    let sec = this.bySection.get(section);
    if (sec === undefined) {
      sec = { namespace: this.ns, section, keys: 0, translated: 0, missing: 0, stale: 0 };
      this.bySection.set(section, sec);
    }
    sec.keys++;
    this.totals.keys++;
    if (state === 'untranslated') this.totals.untranslated++;
    else {
      sec[state]++;
      this.totals[state]++;
    }
  }

  sections() {
    return [...this.bySection.values()];
  }
}
