import { createRenderer } from '../../render/renderer.js';
import { documentToHtml, documentToText } from '../../render/output.js';
import { loadCorpus } from '../../files/core.js';
import { ConfigError } from '../../model/errors.js';
import { type ProjectConfig } from '../../model/types.js';
import { readResources } from '../../render/resources.js';

export interface RenderCommandOptions {
  readonly locale: string;
  readonly format: 'text' | 'html';
  readonly document?: string;
  /** Use the configured fallback chain instead of reporting missing text. */
  readonly fallback: boolean;
}

/** Renders every document (or one) of a project as text or HTML; returns the output and problems. */
export async function renderCommand(
  config: ProjectConfig,
  options: RenderCommandOptions,
): Promise<{ output: string; problems: string[] }> {
  const corpus = await loadCorpus(config);
  if (corpus === undefined) {
    throw new ConfigError(
      'render needs a core: set "core" in bilateral.config.json (a module exporting `corpus`)',
    );
  }
  if (!config.locales.includes(options.locale)) {
    throw new ConfigError(
      `unknown locale "${options.locale}": this project has ${config.locales.join(', ')}`,
    );
  }
  const ids = options.document === undefined ? Object.keys(corpus.documents) : [options.document];
  for (const id of ids) {
    if (!Object.hasOwn(corpus.documents, id)) {
      throw new ConfigError(
        `unknown document "${id}": the core has ${Object.keys(corpus.documents).join(', ')}`,
      );
    }
  }
  const renderer = createRenderer({
    corpus,
    resources: readResources(config),
    locale: options.locale,
    fallback: options.fallback ? (config.fallback[options.locale] ?? []) : [],
  });
  const labels = {
    references: renderer.ui('article.references').text,
    bibliography: renderer.ui('article.bibliography').text,
    corrections: renderer.ui('article.corrections').text,
  };
  const parts: string[] = [];
  const problems: string[] = [];
  for (const id of ids) {
    const doc = renderer.renderDocument(id);
    parts.push(
      options.format === 'html' ? documentToHtml(doc, labels) : documentToText(doc, labels),
    );
    problems.push(...doc.problems.map((p) => `${options.locale}: ${p.key}: ${p.message}`));
  }
  return { output: parts.join('\n'), problems };
}
