import {
  isExempt,
  logicalEntries,
  parsePluralKey,
  pluralFamilies,
  stringValue,
} from '../project/keys.js';
import type { Project } from '../project/project.js';
import { check } from './check.js';
import type { Finding } from './types.js';

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

/**
 * How far each locale is: per locale and per section, how many keys are translated, missing,
 * stale or untranslated. Uses the findings of `check` when given (so that exemptions and
 * severities agree with what `check` reports); otherwise runs the rules it needs.
 */
export function computeStatus(project: Project, findings?: readonly Finding[]): StatusReport {
  const f = findings ?? check(project, { rules: ['untranslated', 'stale'] });
  const flagged = new Map<string, State>();
  for (const x of f) {
    if ((x.rule === 'stale' && x.severity !== 'info') || x.rule === 'untranslated') {
      const p = parsePluralKey(x.key);
      const state: State = x.rule === 'stale' ? 'stale' : 'untranslated';
      for (const k of p === undefined ? [x.key] : [x.key, p.base, `${p.base}_ordinal`]) {
        const id = `${x.file}\u0000${k}`;
        if (flagged.get(id) !== 'untranslated') flagged.set(id, state);
      }
    }
  }
  const exemptFromMissing = (locale: string, ns: string, key: string) =>
    isExempt(project.config.exemptions, 'missing', locale, ns, key) ||
    project.config.rules['missing'] === 'off';

  const locales: LocaleStatus[] = [];
  for (const locale of project.locales) {
    const sections = new Map<
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
    const totals = { keys: 0, translated: 0, missing: 0, stale: 0, untranslated: 0 };
    for (const ns of project.namespaces) {
      const source = project.file(project.sourceLocale, ns);
      if (source === undefined || !source.usable) continue;
      const nsFiles = project.locales.flatMap((l) => {
        const file = project.file(l, ns);
        return file?.usable === true ? [file] : [];
      });
      const families = pluralFamilies(nsFiles);
      const sourceLogical = logicalEntries(source, families);
      const file = project.file(locale, ns);
      const logical = file?.usable === true ? logicalEntries(file, families) : undefined;
      for (const key of sourceLogical.keys()) {
        let state: State;
        if (locale === project.sourceLocale) state = 'translated';
        else {
          const l = logical?.get(key);
          const empty =
            l !== undefined &&
            (l.kind === 'plain' ? [l.entry] : [...l.forms.values()]).every(
              (e) => (stringValue(e) ?? 'x').trim() === '',
            );
          if (l === undefined || empty) {
            if (l === undefined && exemptFromMissing(locale, ns, key)) continue;
            state = 'missing';
          } else {
            state = flagged.get(`${file?.relPath}\u0000${key}`) ?? 'translated';
          }
        }
        const path = key.split('.');
        const section =
          path[0] === 'sections' && path.length > 2 ? (path[1] as string) : (path[0] as string);
        const id = `${ns}\u0000${section}`;
        const sec = sections.get(id) ?? {
          namespace: ns,
          section,
          keys: 0,
          translated: 0,
          missing: 0,
          stale: 0,
        };
        sec.keys++;
        totals.keys++;
        if (state === 'translated') {
          sec.translated++;
          totals.translated++;
        } else if (state === 'missing') {
          sec.missing++;
          totals.missing++;
        } else if (state === 'stale') {
          sec.stale++;
          totals.stale++;
        } else {
          totals.untranslated++;
        }
        sections.set(id, sec);
      }
    }
    locales.push({
      locale,
      ...totals,
      percent: totals.keys === 0 ? 100 : Math.floor((totals.translated * 1000) / totals.keys) / 10,
      sections: [...sections.values()],
    });
  }
  return { sourceLocale: project.sourceLocale, locales };
}
