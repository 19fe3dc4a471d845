import type { I18nextSettings, ProjectConfig } from '../model/types.js';
import type { Delimiters } from '../syntax/inline.js';

/**
 * The i18next options that change what a locale file means, as the checks use them: the
 * project's own settings (`ProjectConfig.i18next`) over i18next's defaults. A pure function of the
 * configuration; the run computes it once (`RunState.i18next`).
 */
export interface I18next {
  /** `v4`: `_one`, `_few`, … by CLDR; `v3`: `_plural` or `_0`…`_5` by i18next's own rule sets. */
  readonly compatibilityJSON: 'v3' | 'v4';
  /** False: an empty text falls back (to the fallback language or the key), like a missing one. */
  readonly returnEmptyString: boolean;
  readonly returnNull: boolean;
  readonly keySeparator: string | false;
  readonly nsSeparator: string | false;
  readonly contextSeparator: string;
  readonly pluralSeparator: string;
  /** Interpolation and nesting delimiters (`{{`, `}}`, `$t(`, `)` by default). */
  readonly delimiters: Delimiters;
  /** `icu`: texts are ICU MessageFormat (i18next-icu), `{name}` and `{count, plural, …}`. */
  readonly format: 'i18next' | 'icu';
  /** react-i18next's `<Trans>` components (`<0>…</0>`, `<bold>`) are markup. */
  readonly react: boolean;
  /**
   * react-i18next's `transKeepBasicHtmlNodesFor`: the plain HTML tags (without attributes) a
   * `<Trans>` renders as themselves; any other tag that is not a component shows as text.
   */
  readonly keepBasicHtml: ReadonlySet<string>;
  /** Where the settings were read from (for messages), or undefined for i18next's defaults. */
  readonly from: string | undefined;
}

export const DEFAULT_DELIMITERS: Delimiters = {
  prefix: '{{',
  suffix: '}}',
  nestingPrefix: '$t(',
  nestingSuffix: ')',
};

/** react-i18next's default `transKeepBasicHtmlNodesFor`. */
export const DEFAULT_KEEP_BASIC_HTML: readonly string[] = ['br', 'strong', 'i', 'p'];

/** The project's i18next settings with i18next's defaults filled in. */
export function i18nextOf(config: Pick<ProjectConfig, 'i18next'>): I18next {
  const s: I18nextSettings = config.i18next ?? {};
  const i = s.interpolation ?? {};
  const nonEmpty = (v: string | undefined, d: string) =>
    typeof v === 'string' && v !== '' ? v : d;
  return {
    compatibilityJSON: s.compatibilityJSON === 'v3' ? 'v3' : 'v4',
    returnEmptyString: s.returnEmptyString !== false,
    returnNull: s.returnNull === true,
    keySeparator: s.keySeparator === false ? false : nonEmpty(s.keySeparator, '.'),
    nsSeparator: s.nsSeparator === false ? false : nonEmpty(s.nsSeparator, ':'),
    contextSeparator: nonEmpty(s.contextSeparator, '_'),
    pluralSeparator: nonEmpty(s.pluralSeparator, '_'),
    delimiters: {
      prefix: nonEmpty(i.prefix, DEFAULT_DELIMITERS.prefix),
      suffix: nonEmpty(i.suffix, DEFAULT_DELIMITERS.suffix),
      nestingPrefix: nonEmpty(i.nestingPrefix, DEFAULT_DELIMITERS.nestingPrefix),
      nestingSuffix: nonEmpty(i.nestingSuffix, DEFAULT_DELIMITERS.nestingSuffix),
    },
    format: s.format === 'icu' ? 'icu' : 'i18next',
    react: s.react === true,
    keepBasicHtml: new Set(
      (s.transKeepBasicHtmlNodesFor ?? DEFAULT_KEEP_BASIC_HTML).map((t) => t.toLowerCase()),
    ),
    from: s.from,
  };
}

/** How a message names an interpolation with these delimiters: `{{name}}`, `__name__`, `{name}`. */
export function placeholderText(i18next: I18next, name: string): string {
  return i18next.format === 'icu'
    ? `{${name}}`
    : `${i18next.delimiters.prefix}${name}${i18next.delimiters.suffix}`;
}
