import type { Logical } from '../../model/keys.js';
import { LocaleLayout } from '../../model/layout.js';
import { relativePath } from '../../model/paths.js';
import { commandLine, type Suggestion } from '../../model/finding.js';
import type { LocaleFile } from '../../model/types.js';
import type { NamespaceContext } from '../context.js';
import { declaredKeys, type DeclaredKey } from '../core-keys.js';
import { defineRule } from '../rule.js';

const SYNC: Suggestion = { command: 'sync', args: [] };
const sync = `\`${commandLine(SYNC)}\``;

/** Keys of the source (and texts the core declares) that a locale lacks. */
export const missing = defineRule({
  meta: {
    id: 'missing',
    severity: 'error',
    needsCore: false,
    description:
      'Every key of the source, every text the core declares and every key the site declares it uses is present.',
    options: {
      require: {
        type: 'object',
        description:
          'keys the site uses, by namespace (`{ "ui": ["nav.contents", …] }`): each is required in every language, even when no language has it',
      },
    },
  },
  namespace(ctx) {
    const ns = ctx.namespace;
    const source = ctx.sourceFile();
    const sourceExists = ctx.project.file(ctx.source, ns) !== undefined;
    const declared = requiredKeys(ctx);
    const sourceLogical = source === undefined ? undefined : ctx.logical(source);
    const texts: Texts = new Map();
    for (const locale of ctx.project.locales) {
      const file = ctx.project.file(locale, ns);
      if (file === undefined) {
        if (locale === ctx.source || !sourceExists) continue;
        const rel = relativePath(ctx.project.root, ctx.project.filePath(locale, ns));
        const page = LocaleLayout.pageId(ns);
        const from = relativePath(ctx.project.root, ctx.project.filePath(ctx.source, ns));
        ctx.report({
          file: { relPath: rel, locale, namespace: ns },
          key: '',
          ...(page === undefined
            ? {
                message: `the file is missing: ${locale} has no "${ns}" namespace`,
                hint: `Run ${sync} to create it with the source (${ctx.source}) text to translate.`,
                suggestion: SYNC,
              }
            : {
                message: `the page is missing: ${locale} has no translation of "${page}"`,
                hint: `Copy ${from} to ${rel} and translate it.`,
              }),
        });
        continue;
      }
      if (file.usable) missingKeys(ctx, file, source, sourceLogical, declared, texts);
    }
  },
});

/** A key the core declares, or the site (`by`: `rules.missing.require`). */
type Required = DeclaredKey & { readonly by?: string };

/** The keys a namespace must have beyond the source's: the core's and the site's. */
function requiredKeys(ctx: NamespaceContext): ReadonlyMap<string, Required> {
  const ns = ctx.namespace;
  const core = ctx.corpus === undefined ? undefined : declaredKeys(ctx.corpus, ns);
  const site = (ctx.options()['require'] as Record<string, unknown> | undefined)?.[ns];
  if (!Array.isArray(site)) return core ?? new Map();
  const out = new Map<string, Required>(core);
  const by = `the site (rules.missing.require.${ns} in the config)`;
  for (const key of site)
    if (typeof key === 'string' && !out.has(key)) out.set(key, { key, what: `${ns}:${key}`, by });
  return out;
}

/**
 * What a missing text of the source is told, by key: the same in every language, so made once
 * (overleaf: 40,511 findings for 3,224 keys), and one string for all of them.
 */
type Texts = Map<string, { readonly message: string; readonly hint: string }>;

/** The keys one file lacks: the source's (in a target) and those the core declares. */
function missingKeys(
  ctx: NamespaceContext,
  file: LocaleFile,
  source: LocaleFile | undefined,
  sourceLogical: ReadonlyMap<string, Logical> | undefined,
  declared: ReadonlyMap<string, Required>,
  texts: Texts,
): void {
  const locale = file.locale;
  const logical = ctx.logical(file);
  // The source's keys (in a target), then the declared keys the source lacks: no set per file.
  const fromSource = locale !== ctx.source ? sourceLogical : undefined;
  const required = fromSource === undefined ? declared.keys() : requiredOf(fromSource, declared);
  for (const key of required) {
    if (logical.has(key)) continue;
    const s = sourceLogical?.get(key);
    const d = declared.get(key);
    if (s === undefined) {
      ctx.report({
        file,
        offset: ctx.anchorFor(file, key),
        key,
        message:
          locale === ctx.source
            ? `no text for ${d?.what ?? key}, which ${d?.by ?? 'the core'} ${d?.by === undefined ? 'declares' : 'needs'}`
            : `missing "${key}": ${d?.by ?? 'the core'} ${d?.by === undefined ? `declares ${d?.what ?? 'it'}` : 'needs it'} (the source ${ctx.source} lacks it too)`,
        hint:
          locale === ctx.source
            ? `Add "${key}" to ${file.relPath}, ${d?.by === undefined ? `or remove ${d?.what ?? 'it'} from the core` : `then translate it into every language`}.`
            : `Add "${key}" once the source has it.`,
      });
      continue;
    }
    const where = () => `${source?.relPath}:${source?.position(s.entry.keyOffset).line}`;
    if (s.kind !== 'plural' && ctx.prefixes(file).has(key)) {
      // There, but not as a text: `"key": ["…"]` or `"key": { … }` where the source has "…".
      ctx.report({
        file,
        offset: ctx.anchorFor(file, `${key}.\u0000`),
        key,
        message: `"${key}" is a list or an object here; the source (${ctx.source}) has a text`,
        hint: `Write it as one text in double quotes, as the source does (source: ${where()}).`,
      });
      continue;
    }
    // A plural family's forms depend on the language: its text is made each time.
    const forms =
      s.kind === 'plural'
        ? ctx.keys.required(locale, s.ordinal).map((c) => ctx.keys.formKey(s.base, s.ordinal, c))
        : undefined;
    let text = forms === undefined ? texts.get(key) : undefined;
    if (text === undefined) {
      text = {
        message:
          forms !== undefined
            ? `missing "${key}" (plural forms ${forms.join(', ')})`
            : `missing "${key}"${d === undefined ? '' : ` (${d.what})`}`,
        hint: `Translate it (source: ${where()}), or run ${sync} to add ${forms !== undefined ? 'the forms' : 'it'} with the source text.`,
      };
      if (forms === undefined) texts.set(key, text);
    }
    ctx.report({
      file,
      offset: ctx.anchorFor(file, key),
      key,
      message: text.message,
      hint: text.hint,
      suggestion: SYNC,
    });
  }
}

/** The source's keys, then the declared keys the source does not have. */
function* requiredOf(
  source: ReadonlyMap<string, Logical>,
  declared: ReadonlyMap<string, Required>,
): Generator<string> {
  yield* source.keys();
  for (const k of declared.keys()) if (!source.has(k)) yield k;
}
