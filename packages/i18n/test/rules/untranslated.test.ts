import { untranslated } from '../../src/check/rules/untranslated.js';
import { bare, edit, mini, miniConfig } from './tester.js';

/** A uk lock file recording ui:nav.contents as copied from the source ("Contents") by `sync`. */
const COPIED = {
  'locales/uk/.bilateral-lock.json': JSON.stringify({
    version: 2,
    sourceLocale: 'en',
    keys: { 'ui:nav.contents': { hash: '0000000000000000', source: 'Contents', state: 'copied' } },
  }),
};

mini.run(untranslated, {
  valid: [
    { name: 'the mini fixture (works.reuters "Reuters" is in rules.untranslated.allow)' },
    { name: 'a text `sync` copied, translated since', files: COPIED },
    {
      name: 'codes and texts without letters',
      files: {
        ...edit('locales/en/ui.json', ['"Contents"', '"(PDF)"'], ['"p. {{pages}}"', '"{{pages}}"']),
        ...edit('locales/uk/ui.json', ['"Зміст"', '"(PDF)"'], ['"с. {{pages}}"', '"{{pages}}"']),
      },
    },
    {
      name: 'a text exempted for one locale',
      config: miniConfig({
        exemptions: [
          { rule: 'untranslated', key: 'ui:nav.contents', locale: 'uk', reason: 'test' },
        ],
      }),
      files: edit('locales/uk/ui.json', ['"Зміст"', '"Contents"']),
    },
  ],
  invalid: [
    {
      name: 'a text `sync` copied (named once, as a copy), even after the source changed',
      files: {
        ...COPIED,
        ...edit('locales/uk/ui.json', ['"Зміст"', '"Contents"']),
        ...edit('locales/en/ui.json', ['"Contents"', '"Table of contents"']),
      },
      errors: [
        {
          severity: 'warning',
          locale: 'uk',
          key: 'nav.contents',
          line: 3,
          message:
            'not translated: `sync` copied the source text (en) here, and the pages show it as en text with a notice',
        },
      ],
    },
    {
      name: 'a text identical to the source',
      files: edit('locales/uk/ui.json', ['"Зміст"', '"Contents"']),
      errors: [
        {
          severity: 'warning',
          locale: 'uk',
          key: 'nav.contents',
          line: 3,
          column: 17,
          message: 'not translated: the same text as the source (en)',
        },
      ],
    },
    {
      name: 'identical but for spacing, in every target',
      files: {
        ...edit('locales/uk/demo.json', ['"Війна"', '" War"']),
        ...edit('locales/ja/demo.json', ['"戦争"', '"War "']),
      },
      errors: [
        { locale: 'ja', key: 'sections.war.title', line: 14, message: /^not translated/ },
        { locale: 'uk', key: 'sections.war.title', line: 14, message: /^not translated/ },
      ],
    },
    {
      name: 'the exemption of one locale does not cover another',
      config: miniConfig({
        exemptions: [
          { rule: 'untranslated', key: 'ui:nav.contents', locale: 'uk', reason: 'test' },
        ],
      }),
      files: {
        ...edit('locales/uk/ui.json', ['"Зміст"', '"Contents"']),
        ...edit('locales/ja/ui.json', ['"目次"', '"Contents"']),
      },
      errors: [{ locale: 'ja', key: 'nav.contents', message: /^not translated/ }],
    },
  ],
});

/**
 * Patterns of real projects: outline's en_GB (identical to en_US is right), names and codes kept
 * in every language (rallly's GitHub, Logo, min), heroic's empty texts with returnEmptyString:false.
 */
const texts = (en: Record<string, string>, others: Record<string, Record<string, string>>) => ({
  'locales/en/ui.json': en,
  ...Object.fromEntries(Object.entries(others).map(([l, v]) => [`locales/${l}/ui.json`, v])),
});

bare.run(untranslated, {
  valid: [
    {
      name: 'a regional variant of the source language (en_GB = en_US)',
      config: { sourceLocale: 'en_US' },
      files: {
        'locales/en_US/ui.json': { a: 'Has access through the parent document' },
        'locales/en_GB/ui.json': { a: 'Has access through the parent document' },
      },
    },
    {
      name: 'names, codes, URLs, e-mail addresses and versions',
      files: texts(
        {
          a: 'GitHub',
          b: 'OK',
          c: 'https://rallly.co/docs',
          d: 'support@rallly.co',
          e: 'v2.1.0',
          f: 'macOS',
          g: 'min',
        },
        {
          cs: {
            a: 'GitHub',
            b: 'OK',
            c: 'https://rallly.co/docs',
            d: 'support@rallly.co',
            e: 'v2.1.0',
            f: 'macOS',
            g: 'min',
          },
        },
      ),
    },
  ],
  invalid: [
    {
      name: 'a short text most languages keep is probably a name: info (Google Analytics)',
      files: texts(
        { a: 'Google Analytics' },
        {
          sv: { a: 'Google Analytics' },
          de: { a: 'Google Analytics' },
          cs: { a: 'Google Analytik' },
        },
      ),
      errors: [
        {
          severity: 'info',
          locale: 'de',
          message:
            'the same text as the source (en) in 2 of 3 languages: a name, or not translated yet',
        },
        { severity: 'info', locale: 'sv', message: /in 2 of 3 languages/ },
      ],
    },
    {
      name: 'a sentence copied into a few languages is not translated (outline ro_RO)',
      files: texts(
        { a: 'Archive this document', b: 'Logo' },
        {
          ro: { a: 'Archive this document', b: 'Siglă' },
          de: { a: 'Dieses Dokument archivieren', b: 'Logo' },
          fr: { a: 'Archiver ce document', b: 'Logo' },
        },
      ),
      errors: [
        { severity: 'info', locale: 'de', key: 'b', message: /in 2 of 3 languages/ },
        { severity: 'info', locale: 'fr', key: 'b', message: /in 2 of 3 languages/ },
        {
          severity: 'warning',
          locale: 'ro',
          key: 'a',
          message: 'not translated: the same text as the source (en)',
        },
      ],
    },
    {
      name: 'an empty text with returnEmptyString: false is untranslated (heroic)',
      config: { sourceLocale: 'en', i18next: { returnEmptyString: false } },
      files: texts({ a: 'Uninstall {{newLine}}' }, { az: { a: '' } }),
      errors: [
        {
          severity: 'warning',
          locale: 'az',
          key: 'a',
          line: 2,
          column: 8,
          message:
            'not translated: the text is empty, so i18next shows the fallback text (returnEmptyString: false)',
        },
      ],
    },
  ],
});

bare.run(untranslated, {
  valid: [
    {
      name: 'a name listed in rules.untranslated.allow',
      files: texts({ a: 'Sync' }, { de: { a: 'Sync' }, fr: { a: 'Synchroniser' } }),
      options: { allow: ['Sync'] },
    },
  ],
  invalid: [
    {
      name: 'a regional variant of the source language does not count among the languages',
      files: texts(
        { a: 'Logo' },
        { 'en-GB': { a: 'Logo' }, de: { a: 'Logo' }, fr: { a: 'Logo' }, ja: { a: 'ロゴ' } },
      ),
      errors: [
        { severity: 'info', locale: 'de', message: /in 2 of 3 languages/ },
        { severity: 'info', locale: 'fr', message: /in 2 of 3 languages/ },
      ],
    },
  ],
});
