import path from 'node:path';
import type { ParseError } from 'jsonc-parser';
import { jsonc } from '../files/parse-messages.js';
import type { Paragraph } from '@bilateral/core';
import { citationsOf, factsOf } from '../files/core.js';
import { FORMATS_FOR_KIND } from '../intl/facts.js';
import { scanPlaceholders } from '../syntax/inline.js';
import { i18nextOf } from '../check/i18next.js';
import type { PluralKeys } from '../check/plural-keys.js';
import { isExempt, stringValue, type Logical } from '../model/keys.js';
import { formPath, namespaceSources, pluralKeysOf } from './namespaces.js';
import { relativePath } from '../model/paths.js';
import type { Project } from '../model/types.js';
import { documentKeys } from '../model/document-keys.js';

/**
 * JSON Schemas that let an editor check a locale file while a translator types: every key the
 * source has is required, plural families have exactly the locale's
 * forms (CLDR's with JSON v4, i18next's v3 suffixes with `compatibilityJSON: 'v3'`), a text must keep
 * the source's placeholders (and, in a core paragraph, its facts and citations), no extra keys.
 * Each text shows the source text as its description.
 */

type Schema = Record<string, unknown>;

export interface SchemaFile {
  readonly locale: string;
  readonly namespace: string;
  /** Absolute path of the schema file. */
  readonly path: string;
  /** The locale file it describes, relative to the root. */
  readonly target: string;
  readonly schema: Schema;
}

const escapeRe = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

export function buildSchemas(project: Project, outDir: string): SchemaFile[] {
  const out: SchemaFile[] = [];
  const exempt = (rule: string, locale: string, ns: string, key: string) =>
    isExempt(project.config.exemptions, rule, locale, ns, key);
  const docs = new Map(Object.values(project.corpus?.documents ?? {}).map((d) => [d.namespace, d]));
  const keys = pluralKeysOf(project);
  // With a keySeparator, a key's dots are nesting (`a.b` → { a: { b } }); without, part of its name.
  const nested = i18nextOf(project.config).keySeparator !== false;
  const place = (s: Logical, key: string) => (nested ? key.split('.') : formPath(s, key));
  for (const { ns, source, usable, sourceLogical } of namespaceSources(project, keys)) {
    const doc = docs.get(ns);
    const paragraphs = new Map<string, Paragraph>(
      (doc?.sections ?? []).flatMap((sec) =>
        sec.paragraphs.map((par) => [documentKeys.paragraph(sec.id, par.id), par] as const),
      ),
    );
    for (const locale of project.locales) {
      const root: Schema = objectSchema();
      const leaf = (parts: readonly string[], value: Schema, required: boolean) => {
        let node = root;
        for (const p of parts.slice(0, -1)) {
          const props = node['properties'] as Record<string, Schema>;
          const next = Object.hasOwn(props, p) ? props[p] : undefined;
          // A text where another key needs an object (`"a"` and `"a.b"`): the schema keeps the text.
          if (next !== undefined && next['properties'] === undefined) return;
          props[p] = next ?? objectSchema();
          if (required && !(node['required'] as string[]).includes(p))
            (node['required'] as string[]).push(p);
          node = props[p];
        }
        const name = parts.at(-1) as string;
        const props = node['properties'] as Record<string, Schema>;
        if (Object.hasOwn(props, name) && (props[name] as Schema)['properties'] !== undefined)
          return;
        props[name] = value;
        if (required && !(node['required'] as string[]).includes(name))
          (node['required'] as string[]).push(name);
      };
      for (const s of sourceLogical.values()) {
        const required = !exempt('missing', locale, ns, s.key);
        for (const [key, text] of formsFor(s, locale, keys)) {
          const at = place(s, key);
          const par = paragraphs.get(s.key);
          const core =
            par === undefined
              ? undefined
              : {
                  facts: factsOf(par).map((f) => [f, doc?.facts[f]?.kind ?? 'date'] as const),
                  refs: citationsOf(par),
                };
          leaf(at, textSchema(text, project.sourceLocale, core), required);
        }
        // JSON v4: i18next reads `_zero` for 0 when it is there, in any language.
        if (s.kind === 'plural' && !keys.v3) {
          leaf(
            place(s, keys.formKey(s.base, s.ordinal, 'zero')),
            { type: 'string', description: 'Optional: used for 0 (i18next).' },
            false,
          );
        }
      }
      // Keys other locales add that the config explicitly allows (e.g. per-language entity forms).
      for (const f of usable) {
        for (const e of f.entries.values()) {
          if (!sourceLogical.has(e.key) && exempt('obsolete', locale, ns, e.key))
            leaf(nested ? e.key.split('.') : e.path, { type: 'string' }, false);
        }
      }
      const file = path.join(outDir, locale, `${ns}.schema.json`);
      const target = relativePath(project.root, project.filePath(locale, ns));
      out.push({
        locale,
        namespace: ns,
        path: file,
        target,
        schema: {
          $schema: 'http://json-schema.org/draft-07/schema#',
          title: `${locale} texts of "${ns}" (source: ${project.sourceLocale})`,
          description: `Generated by \`bilateral schema\` from ${relativePath(project.root, source.path)}. Do not edit; run it again after the source changes.`,
          ...root,
        },
      });
    }
  }
  return out;
}

function objectSchema(): Schema {
  // `properties` has no prototype: keys named `__proto__` or `constructor` are keys like any other.
  return {
    type: 'object',
    properties: Object.create(null) as Schema,
    required: [],
    additionalProperties: false,
  };
}

/** The keys a locale needs for a logical source key, with the source text of each. */
function formsFor(s: Logical, locale: string, keys: PluralKeys): [string, string][] {
  if (s.kind === 'plain') return [[s.key, stringValue(s.entry) ?? '']];
  return keys
    .required(locale, s.ordinal)
    .map((c) => [keys.formKey(s.base, s.ordinal, c), stringValue(keys.sourceFormFor(s, c)) ?? '']);
}

function textSchema(
  source: string,
  sourceLocale: string,
  core: { facts: readonly (readonly [string, string])[]; refs: readonly string[] } | undefined,
): Schema {
  const needs: { re: string; what: string }[] = [];
  if (core !== undefined) {
    for (const [f, kind] of core.facts) {
      needs.push({
        re: `\\{\\{\\s*${escapeRe(f)}\\s*,\\s*(?:${(FORMATS_FOR_KIND[kind as 'date'] ?? ['date']).join('|')})`,
        what: `{{${f}, ${FORMATS_FOR_KIND[kind as 'date']?.[0] ?? kind}}}`,
      });
    }
    for (const r of new Set(core.refs))
      needs.push({ re: `<ref\\s+id="${escapeRe(r)}"\\s*/>`, what: `<ref id="${r}"/>` });
  } else {
    const names = new Set<string>();
    for (const p of scanPlaceholders(source)) {
      if (p.type === 'interpolation' && !names.has(p.name)) {
        names.add(p.name);
        needs.push({ re: `\\{\\{\\s*-?\\s*${escapeRe(p.name)}\\s*[,}]`, what: `{{${p.name}}}` });
      }
    }
  }
  const schema: Schema = {
    type: 'string',
    minLength: 1,
    markdownDescription: `**Source (${sourceLocale}):** ${source.replace(/[\\`*_[\]<>]/g, '\\$&')}`,
  };
  if (needs.length > 0) {
    schema['pattern'] = `^${needs.map((n) => `(?=[\\s\\S]*${n.re})`).join('')}[\\s\\S]*$`;
    schema['patternErrorMessage'] =
      `Keep ${needs.map((n) => n.what).join(' ')} (names and ids are never translated).`;
  }
  return schema;
}

/**
 * Merges the schema mapping into VS Code's settings text (JSONC): entries pointing into `outDir`
 * are replaced, every other setting and schema mapping is kept as it was.
 */
export function mergeVscodeSettings(
  text: string,
  schemas: readonly SchemaFile[],
  root: string,
  outDir: string,
): string {
  const errors: ParseError[] = [];
  const current = (
    text.trim() === '' ? {} : jsonc().parse(text, errors, { allowTrailingComma: true })
  ) as Record<string, unknown> | undefined;
  if (
    errors.length > 0 ||
    current === undefined ||
    typeof current !== 'object' ||
    Array.isArray(current)
  ) {
    throw new Error('.vscode/settings.json does not parse; fix it by hand first');
  }
  const prefix = `./${relativePath(root, outDir)}/`;
  const existing = Array.isArray(current['json.schemas'])
    ? (current['json.schemas'] as { url?: unknown }[])
    : [];
  const kept = existing.filter((e) => !(typeof e?.url === 'string' && e.url.startsWith(prefix)));
  const ours = schemas.map((s) => ({
    fileMatch: [`/${s.target}`],
    url: `./${relativePath(root, s.path)}`,
  }));
  const base = text.trim() === '' ? '{}\n' : text;
  const edits = jsonc().modify(base, ['json.schemas'], [...kept, ...ours], {
    formattingOptions: {
      insertSpaces: true,
      tabSize: 2,
      eol: base.includes('\r\n') ? '\r\n' : '\n',
    },
  });
  return jsonc().applyEdits(base, edits);
}
