import { untranslated } from '../../src/check/rules/untranslated.js';
import { edit, mini, miniConfig } from './tester.js';

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
