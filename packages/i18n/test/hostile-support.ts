import path from 'node:path';
import { expect } from 'vitest';
import { acceptKeys } from '../src/ops/accept.js';
import { check } from '../src/check/check.js';
import { formatFindings } from '../src/check/report/format.js';
import { computeStatus } from '../src/check/status.js';
import type { Finding } from '../src/model/finding.js';
import { loadConfig } from '../src/files/config.js';
import { loadCorpus } from '../src/files/core.js';
import { buildProject } from '../src/files/project.js';
import { type Project } from '../src/model/types.js';
import { readResources } from '../src/render/resources.js';
import { buildSchemas } from '../src/ops/schema.js';
import { planSync, type SyncPlan } from '../src/ops/sync.js';
import { createRenderer, type RenderedDocument } from '../src/render/renderer.js';
import { documentToHtml } from '../src/render/output.js';

/** What every part of the toolkit makes of a project: nothing here may throw, whatever the files hold. */
export interface Outcome {
  readonly project: Project;
  readonly findings: Finding[];
  /** The pretty, JSON, SARIF and GitHub reports. */
  readonly reports: Record<string, string>;
  /** Each locale's document, as the site renders it in production (no fallback). */
  readonly documents: Map<string, RenderedDocument>;
  readonly html: Map<string, string>;
  readonly sync: SyncPlan;
  readonly prune: SyncPlan;
}

/** Loads, checks, reports, renders, plans sync (with and without prune), builds schemas, accepts. */
export async function everything(dir: string): Promise<Outcome> {
  const config = await loadConfig({ cwd: dir });
  const corpus = await loadCorpus(config);
  const project = buildProject(config, corpus);
  const findings = check(project);
  const reports: Record<string, string> = {};
  for (const format of ['pretty', 'json', 'sarif', 'github'] as const) {
    reports[format] = formatFindings(findings, format, { color: false, root: dir, project });
  }
  computeStatus(project, findings);
  const resources = readResources(config);
  const documents = new Map<string, RenderedDocument>();
  const html = new Map<string, string>();
  for (const locale of config.locales) {
    const renderer = createRenderer({ corpus: corpus!, resources, locale });
    for (const id of Object.keys(corpus?.documents ?? {})) {
      const doc = renderer.renderDocument(id);
      documents.set(locale, doc);
      html.set(
        locale,
        documentToHtml(doc, {
          references: 'References',
          bibliography: 'Bibliography',
          corrections: 'Corrections',
        }),
      );
    }
  }
  const sync = planSync(project);
  const prune = planSync(project, { prune: true });
  buildSchemas(project, path.join(dir, '.schema'));
  for (const locale of config.locales)
    if (locale !== config.sourceLocale) acceptKeys(project, locale);
  return { project, findings, reports, documents, html, sync, prune };
}

/** The files findings are about. */
export const filesOf = (findings: readonly Finding[]): string[] =>
  [...new Set(findings.map((f) => f.file))].sort();

/** A compact line per finding, for exact expectations. */
export const lines = (findings: readonly Finding[]): string[] =>
  findings.map(
    (f) => `${f.rule} ${f.severity} ${f.file}:${f.line}:${f.column} ${f.key} — ${f.message}`,
  );

/** Object.prototype as it is now: every own property and its value. */
export function prototypeState(): Map<string | symbol, unknown> {
  return new Map(
    Reflect.ownKeys(Object.prototype).map((k) => [
      k,
      Object.getOwnPropertyDescriptor(Object.prototype, k)?.value,
    ]),
  );
}

/** Asserts that no code added to or changed Object.prototype (prototype pollution). */
export function expectNoPollution(before: Map<string | symbol, unknown>): void {
  const plain = {} as Record<string, unknown>;
  expect(plain['polluted']).toBeUndefined();
  expect(plain['constructor']).toBe(Object);
  expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
  expect(prototypeState()).toEqual(before);
}

/** Findings with the given rule. */
export const ofRule = (findings: readonly Finding[], rule: string): Finding[] =>
  findings.filter((f) => f.rule === rule);
