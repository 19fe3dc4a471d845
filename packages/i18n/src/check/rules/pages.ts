import { LocaleLayout } from '../../model/layout.js';
import { relativePath } from '../../model/paths.js';
import type { Project } from '../../model/types.js';
import type { NamespaceContext } from '../context.js';
import { defineRule } from '../rule.js';

/**
 * Prose pages (`pages` in the config): every page the core lists exists in the source language,
 * and every internal link of a page leads somewhere. A site built with `@bilateral/i18n/eleventy`
 * publishes each language's home at `/{lng}/` and each document at `/{lng}/{id}/`; a link such as
 * `/uk/about/` or `/uk/north-korea-ukraine-relations/#trade` is checked against the documents
 * (articles of the core and pages), their sections, and the languages, and a page in one
 * language links to the pages of its own language. Other paths of a site are allowed with the
 * `routes` option (`["/{lng}/timeline/"]`).
 */
export const pages = defineRule({
  meta: {
    id: 'pages',
    severity: 'error',
    needsCore: false,
    description:
      'Prose pages exist in the source language when the core lists them, and their internal links lead to an existing document, section and language.',
    options: {
      routes: {
        type: 'string[]',
        description:
          'Further paths of the site that links may point at, with {lng} for the language (e.g. "/{lng}/timeline/").',
      },
    },
  },
  namespace(ctx) {
    // The pages the core lists, once per check: in the pass of the project's first namespace
    // (every thread sees the same list of namespaces, and only namespace passes see the core).
    if (ctx.namespace === ctx.project.namespaces[0]) corePages(ctx);
    if (LocaleLayout.pageId(ctx.namespace) === undefined) return;
    const routes = (ctx.options()['routes'] as string[] | undefined) ?? [];
    for (const file of ctx.files) {
      if (!file.usable) continue;
      const body = file.entries.get('body');
      if (body === undefined || typeof body.value !== 'string') continue;
      for (const link of internalLinks(body.value)) {
        const problem = linkProblem(ctx, file.locale, link.target, routes);
        if (problem === undefined) continue;
        ctx.report({
          file,
          offset: file.valueOffset(body, link.index),
          key: 'body',
          message: `the link ${link.target} ${problem.message}`,
          hint: problem.hint,
        });
      }
    }
  },
});

/**
 * Every page the core lists has its file in the source language — in a project that keeps prose
 * pages (`pages` in its config). A project without them (a consumer checking the published
 * locale packages, which hold no pages) is not asked for any.
 */
function corePages(ctx: NamespaceContext): void {
  const { project } = ctx;
  if (project.config.pages === undefined) return;
  for (const id of Object.keys(ctx.corpus?.pages ?? {})) {
    const ns = LocaleLayout.pageNamespace(id);
    if (project.file(project.sourceLocale, ns) !== undefined) continue;
    const rel = relativePath(project.root, project.filePath(project.sourceLocale, ns));
    ctx.report({
      file: { relPath: rel, locale: project.sourceLocale, namespace: ns },
      key: '',
      message: `the core lists the page "${id}", but ${rel} does not exist`,
      hint: `Write ${rel} (Markdown with front matter: title, description), or remove "${id}" from the core's pages.`,
    });
  }
}

interface Link {
  readonly target: string;
  /** Index of the target in the body. */
  readonly index: number;
}

/** Markdown links and images (`[text](target "title")`) and HTML href/src whose target is a path. */
export function internalLinks(body: string): Link[] {
  const out: Link[] = [];
  const patterns = [/\]\(\s*<?([^)\s>]+)/g, /\b(?:href|src)\s*=\s*["']([^"']+)["']/g];
  for (const re of patterns) {
    for (const m of body.matchAll(re)) {
      const target = m[1] ?? '';
      if (!target.startsWith('/') || target.startsWith('//')) continue;
      out.push({ target, index: (m.index ?? 0) + m[0].lastIndexOf(target) });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Why a site path leads nowhere (or to another language), or undefined when it leads home. */
function linkProblem(
  ctx: NamespaceContext,
  locale: string,
  target: string,
  routes: readonly string[],
): { message: string; hint: string } | undefined {
  const [pathPart = '', hash] = target.split('#', 2);
  const segments = pathPart.split('/').filter((s) => s !== '');
  const lng = segments[0] ?? '';
  const { project } = ctx;
  if (routes.some((r) => r.replaceAll('{lng}', lng) === pathPart) && project.locales.includes(lng))
    return sameLanguage(lng, locale, target);
  if (!project.locales.includes(lng) || segments.length > 2) {
    return {
      message: 'leads to no page of the site',
      hint: `Link to /${locale}/ or /${locale}/<document>/ (documents: ${documentIds(project).join(', ')}), or allow the path with the rule's "routes" option.`,
    };
  }
  const id = segments[1];
  if (id !== undefined && !documentIds(project).includes(id)) {
    return {
      message: `leads to no document: there is no "${id}"`,
      hint: `Documents: ${documentIds(project).join(', ')}.`,
    };
  }
  const sections = id === undefined ? undefined : project.corpus?.documents[id]?.sections;
  if (hash !== undefined && hash !== '' && sections !== undefined) {
    if (!sections.some((s) => s.id === hash))
      return {
        message: `leads to no section: "${id}" has no #${hash}`,
        hint: `Sections: ${sections.map((s) => `#${s.id}`).join(', ')}.`,
      };
  }
  return sameLanguage(lng, locale, target);
}

function sameLanguage(lng: string, locale: string, target: string) {
  if (lng === locale) return undefined;
  return {
    message: `leads to the ${lng} pages from a ${locale} page`,
    hint: `Link to ${target.replace(`/${lng}/`, `/${locale}/`)}: readers stay in their language (the language switcher leads to the others).`,
  };
}

/** Every document's id: the core's articles and pages, and the pages on disk. */
function documentIds(project: Project): string[] {
  const ids = new Set<string>([
    ...Object.keys(project.corpus?.documents ?? {}),
    ...Object.keys(project.corpus?.pages ?? {}),
  ]);
  for (const ns of project.namespaces) {
    const page = LocaleLayout.pageId(ns);
    if (page !== undefined) ids.add(page);
  }
  return [...ids];
}
