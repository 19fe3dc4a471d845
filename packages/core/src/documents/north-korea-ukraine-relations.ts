import type { DocumentModel, Inline, Person } from '../types.js';

const fact = (id: string): Inline => ({ fact: id });
const entity = (id: string): Inline => ({ entity: id });
const cite = (id: string): Inline => ({ cite: id });
const dubious: Inline = { dubious: true };
const person = (family: string, given?: string): Person =>
  given === undefined ? { family } : { family, given };

/**
 * "North Korea–Ukraine relations": the language-neutral half of the article. The seed was a
 * Japanese machine translation of the English Wikipedia article; its known errors are corrected
 * here (references) and in every locale (prose), and each correction is declared under
 * `corrections` so that readers and translators see it.
 */
export const northKoreaUkraineRelations = {
  id: 'north-korea-ukraine-relations',
  sourceLocale: 'ja',
  namespace: 'north-korea-ukraine-relations',
  infobox: {
    parties: ['north-korea', 'ukraine'],
    rows: [
      { id: 'established', facts: ['relationsEstablished'] },
      { id: 'severed', facts: ['severance'] },
    ],
  },
  facts: {
    relationsEstablished: { kind: 'date', value: '1992-01-09' },
    embassyClosed: { kind: 'date', value: '1998' },
    fullScaleInvasion: { kind: 'date', value: '2022' },
    crimeaRecognition: { kind: 'date', value: '2017' },
    relationsSuspended: { kind: 'date', value: '2022-07' },
    severance: { kind: 'date', value: '2022-07-13' },
    trainingReports: { kind: 'date', value: '2024-10' },
    nisEstimate: { kind: 'quantity', value: 1500, unit: 'soldier' },
    austinConfirmation: { kind: 'date', value: '2024-10-23' },
    unitCount: { kind: 'quantity', value: 2, unit: 'military-unit' },
    unitStrength: { kind: 'quantity', value: 6000, unit: 'soldier' },
    rutteConfirmation: { kind: 'date', value: '2024-10-28' },
    kurskEngagement: { kind: 'date', value: '2024-11-04' },
    putinRiMeeting: { kind: 'date', value: '2025-02-27' },
    tradeYear: { kind: 'date', value: '2020' },
    exportsUkraineToNorthKorea: { kind: 'money', amount: 7710, currency: 'USD' },
    exportsNorthKoreaToUkraine: { kind: 'money', amount: 55500, currency: 'USD' },
  },
  // Sources, corrected and completed after checking the publishers' pages. `titleStatus` says
  // whether the title is known as published (`originalTitle`, in its own language) or was searched
  // for and not found (`unverified`: locales show a bracketed translation, never a quoted title).
  // A URL is given only where the address was seen; none is guessed.
  bibliography: {
    'wertz-oh-kim-2016': {
      kind: 'report',
      authors: [person('Wertz', 'Daniel'), person('Oh', 'JJ'), person('Kim', 'Insung')],
      work: 'ncnk',
      lang: 'en',
      published: '2016-08',
      format: 'pdf',
      titleStatus: 'original',
      originalTitle: { text: 'DPRK Diplomatic Relations', lang: 'en' },
    },
  },
  references: {
    'mfa-2022': {
      kind: 'web',
      work: 'mfa-ukraine',
      lang: 'en',
      published: '2022-07-13',
      titleStatus: 'unverified',
    },
    'wertz-p7-9': { kind: 'short', cites: 'wertz-oh-kim-2016', pages: ['7', '9'], lang: 'en' },
    'wertz-p7-12': { kind: 'short', cites: 'wertz-oh-kim-2016', pages: ['7', '12'], lang: 'en' },
    'time-2018': {
      kind: 'news',
      authors: [person('Shuster', 'Simon')],
      work: 'time',
      lang: 'en',
      published: '2018-02-01',
      url: 'https://time.com/5128398/the-missile-factory/',
      // The web headline. The print edition titles it "The Missile Factory" ("Did former Soviet
      // scientists help arm North Korea?"); the seed's title was neither.
      titleStatus: 'original',
      originalTitle: {
        text: 'How North Korea Built a Nuclear Arsenal on the Ashes of the Soviet Union',
        lang: 'en',
      },
    },
    'nknews-2017': {
      kind: 'news',
      authors: [person('Byrne', 'Leo')],
      work: 'nk-news',
      lang: 'en',
      published: '2017-10-12',
      url: 'https://www.nknews.org/2017/10/north-korean-atlas-shows-crimea-as-part-of-russia/',
      titleStatus: 'original',
      originalTitle: { text: 'North Korean atlas shows Crimea as part of Russia', lang: 'en' },
    },
    'cyol-2017': {
      kind: 'news',
      work: 'cyol',
      lang: 'zh',
      published: '2017-10-13',
      archived: '2022-09-28',
      accessed: '2023-07-10',
      titleStatus: 'original',
      originalTitle: { text: '俄朝建交69周年，朝承认克里米亚姓“俄”', lang: 'zh-Hans' },
    },
    'wyzxwk-2022': {
      kind: 'web',
      work: 'wyzxwk',
      lang: 'zh',
      published: '2022-07-14',
      archived: '2023-07-10',
      accessed: '2023-07-10',
      titleStatus: 'original',
      originalTitle: { text: '乌克兰与朝鲜断交！它们那些说不得的恩怨', lang: 'zh-Hans' },
    },
    'meduza-2022': {
      kind: 'news',
      work: 'meduza-tass',
      lang: 'ru',
      published: '2022-07-13',
      // The seed's original, repaired: отно程ения → отношения, Корей → Кореей (after «с»).
      titleStatus: 'original',
      originalTitle: {
        text: 'КНДР признала ДНР и ЛНР. В ответ Украина разорвала дипломатические отношения с Северной Кореей',
        lang: 'ru',
      },
    },
    'rferl-2022': {
      kind: 'news',
      work: 'rferl',
      lang: 'en',
      published: '2022-07-13',
      url: 'https://www.rferl.org/a/ukraine-north-korea-separatists/31942138.html',
      // The page was found, its headline was not seen.
      titleStatus: 'unverified',
    },
    'svoboda-2022': {
      kind: 'news',
      work: 'radio-svoboda',
      lang: 'uk',
      published: '2022-07-13',
      // The seed gives the Ukrainian original: never a translation, in any language.
      titleStatus: 'original',
      originalTitle: {
        text: 'Україна розриває дипломатичні відносини з КНДР – Ніколенко',
        lang: 'uk',
      },
    },
    'cnn-2024': {
      kind: 'news',
      authors: [person('Yee', 'Isaac'), person('Butenko', 'Victoria'), person('Kennedy', 'Niamh')],
      work: 'cnn',
      lang: 'en',
      published: '2024-10-19',
      accessed: '2024-10-21',
      titleStatus: 'original',
      originalTitle: {
        text: 'North Korean troops seen being equipped in Russia ahead of likely deployment to Ukraine',
        lang: 'en',
      },
    },
    'reuters-2024': {
      kind: 'news',
      work: 'reuters',
      lang: 'en',
      published: '2024-10-19',
      titleStatus: 'unverified',
    },
    'kyivindependent-2024': {
      kind: 'news',
      authors: [person('Denisova', 'Kateryna')],
      work: 'kyiv-independent',
      lang: 'en',
      published: '2024-10-17',
      accessed: '2024-10-19',
      url: 'https://kyivindependent.com/north-korea-preparing-10-000-soldiers/',
      titleStatus: 'original',
      originalTitle: {
        text: "'First step to World War' — North Korea preparing 10,000 soldiers to join Russia's war, Zelensky confirms",
        lang: 'en',
      },
    },
    'dod-2024': {
      kind: 'web',
      work: 'us-dod',
      lang: 'en',
      accessed: '2024-10-23',
      titleStatus: 'unverified',
    },
    'nbc-2024': {
      kind: 'news',
      authors: [person('Aggarwal', 'Mithil')],
      work: 'nbc-news',
      lang: 'en',
      published: '2024-10-23',
      accessed: '2024-10-23',
      titleStatus: 'unverified',
    },
    'bbc-2024': {
      kind: 'news',
      authors: [person('Murphy', 'Matt')],
      work: 'bbc-news',
      lang: 'en',
      published: '2024-10-29',
      accessed: '2024-10-29',
      titleStatus: 'original',
      originalTitle: {
        text: "Nato says North Korean troops deployed to Russia's Kursk region",
        lang: 'en',
      },
    },
    'rferl-2024': {
      kind: 'news',
      work: 'rferl',
      lang: 'en',
      published: '2024-10-28',
      accessed: '2024-10-29',
      titleStatus: 'unverified',
    },
    'ft-2024': {
      kind: 'news',
      authors: [person('Miller', 'Christopher'), person('Seddon', 'Max')],
      work: 'financial-times',
      lang: 'en',
      published: '2024-11-04',
      accessed: '2024-11-05',
      titleStatus: 'original',
      originalTitle: {
        text: 'Ukraine says it has attacked North Korean troops in Kursk',
        lang: 'en',
      },
    },
    'newsweek-2024': {
      kind: 'news',
      authors: [person('Cole', 'Brendan')],
      work: 'newsweek',
      lang: 'en',
      published: '2024-11-04',
      accessed: '2024-11-05',
      titleStatus: 'unverified',
    },
    'ap-2024': {
      kind: 'news',
      work: 'associated-press',
      lang: 'en',
      published: '2024-11-05',
      accessed: '2024-11-05',
      titleStatus: 'unverified',
    },
    'reuters-2025': {
      kind: 'news',
      authors: [person('Yang', 'Heekyong'), person('Smith', 'Josh')],
      editors: [person('Anantharaman', 'Muralikumar'), person('Nomiyama', 'Chizu')],
      work: 'reuters',
      lang: 'en',
      published: '2025-03-01',
      accessed: '2025-03-04',
      // Authors, editors and dates were checked; the headline was not seen.
      titleStatus: 'unverified',
    },
    'oec-2020': { kind: 'web', work: 'oec', lang: 'en', titleStatus: 'unverified' },
  },
  events: {
    'relations-established': {
      date: 'relationsEstablished',
      entities: ['north-korea', 'ukraine'],
      references: ['wertz-p7-9'],
    },
    'embassy-closed': {
      date: 'embassyClosed',
      entities: ['north-korea', 'kyiv'],
      references: ['wertz-p7-12'],
    },
    'crimea-recognised': {
      date: 'crimeaRecognition',
      entities: ['north-korea', 'crimea', 'russia'],
      references: ['nknews-2017', 'cyol-2017'],
    },
    'trade-recorded': {
      date: 'tradeYear',
      facts: ['exportsUkraineToNorthKorea', 'exportsNorthKoreaToUkraine'],
      entities: ['ukraine', 'north-korea', 'polyacetal'],
      references: ['oec-2020'],
    },
    'relations-severed': {
      date: 'severance',
      entities: ['ukraine', 'north-korea', 'dpr', 'lpr'],
      references: ['mfa-2022', 'meduza-2022'],
    },
    'training-reported': {
      date: 'trainingReports',
      facts: ['nisEstimate'],
      entities: ['north-korea', 'russian-far-east', 'nis'],
      references: ['cnn-2024'],
    },
    'austin-confirms': {
      date: 'austinConfirmation',
      entities: ['lloyd-austin', 'north-korea', 'russia'],
      references: ['dod-2024'],
    },
    'rutte-confirms': {
      date: 'rutteConfirmation',
      entities: ['mark-rutte', 'nato', 'north-korea', 'kursk-oblast'],
      references: ['bbc-2024', 'rferl-2024'],
    },
    'kursk-engagement': {
      date: 'kurskEngagement',
      entities: ['ukraine', 'north-korea', 'kursk-oblast'],
      references: ['ft-2024'],
    },
    'putin-meets-ri': {
      date: 'putinRiMeeting',
      entities: ['vladimir-putin', 'ri-hi-yong', 'moscow'],
      references: ['reuters-2025'],
    },
  },
  corrections: {
    'recognition-subject': { target: { paragraph: 'russian-invasion.p1' } },
    accreditation: { target: { paragraph: 'history.p1' } },
    'kyiv-spelling': { target: { paragraph: 'history.p1' } },
    'kursk-deployment': { target: { paragraph: 'russian-invasion.p4' } },
    'ri-hi-yong-name': { target: { paragraph: 'russian-invasion.p6' } },
    'cnn-authors': { target: { reference: 'cnn-2024' } },
    'newsweek-author': { target: { reference: 'newsweek-2024' } },
    'kyiv-independent-title': { target: { reference: 'kyivindependent-2024' } },
    'wyzxwk-title': { target: { reference: 'wyzxwk-2022' } },
    'cyol-title': { target: { reference: 'cyol-2017' } },
    'meduza-title': { target: { reference: 'meduza-2022' } },
    'svoboda-work': { target: { reference: 'svoboda-2022' } },
    'bibliography-authors': { target: { reference: 'wertz-oh-kim-2016' } },
  },
  sections: [
    {
      id: 'lead',
      level: 0,
      paragraphs: [
        {
          id: 'p1',
          carries: [
            entity('north-korea'),
            entity('ukraine'),
            entity('dpr'),
            entity('lpr'),
            fact('relationsSuspended'),
            cite('mfa-2022'),
          ],
        },
      ],
    },
    {
      id: 'history',
      level: 1,
      paragraphs: [
        {
          id: 'p1',
          carries: [
            fact('relationsEstablished'),
            cite('wertz-p7-9'),
            entity('moscow'),
            entity('north-korea'),
            entity('ukraine'),
            entity('beijing'),
            fact('embassyClosed'),
            entity('eastern-bloc'),
            entity('kyiv'),
            cite('wertz-p7-12'),
          ],
        },
        {
          id: 'p2',
          carries: [
            fact('fullScaleInvasion'),
            entity('russia'),
            entity('ukraine'),
            entity('north-korea'),
            cite('time-2018'),
          ],
        },
      ],
    },
    {
      id: 'russo-ukrainian-war',
      level: 1,
      paragraphs: [
        {
          id: 'p1',
          carries: [
            fact('crimeaRecognition'),
            entity('north-korea'),
            entity('crimea'),
            entity('russia'),
            cite('nknews-2017'),
            cite('cyol-2017'),
            entity('united-states'),
            entity('ukraine'),
            cite('wyzxwk-2022'),
          ],
        },
      ],
    },
    {
      id: 'russian-invasion',
      level: 2,
      paragraphs: [
        {
          id: 'p1',
          carries: [
            fact('severance'),
            entity('ukraine'),
            entity('north-korea'),
            entity('dpr'),
            entity('lpr'),
            cite('mfa-2022'),
            cite('meduza-2022'),
            cite('rferl-2022'),
            cite('svoboda-2022'),
          ],
        },
        {
          id: 'p2',
          carries: [
            fact('trainingReports'),
            entity('north-korea'),
            entity('russian-far-east'),
            entity('south-korea'),
            entity('nis'),
            fact('nisEstimate'),
            entity('ukraine'),
            cite('cnn-2024'),
            entity('russia'),
            entity('china'),
            cite('reuters-2024'),
            cite('kyivindependent-2024'),
            dubious,
          ],
        },
        {
          id: 'p3',
          carries: [
            fact('austinConfirmation'),
            entity('lloyd-austin'),
            entity('russia'),
            entity('north-korea'),
            cite('dod-2024'),
            dubious,
            entity('ukraine'),
            entity('volodymyr-zelenskyy'),
            fact('unitStrength'),
            fact('unitCount'),
            cite('nbc-2024'),
            dubious,
          ],
        },
        {
          id: 'p4',
          carries: [
            fact('rutteConfirmation'),
            entity('nato'),
            entity('mark-rutte'),
            entity('north-korea'),
            entity('ukraine'),
            entity('russia'),
            entity('kursk-oblast'),
            entity('volodymyr-zelenskyy'),
            cite('bbc-2024'),
            cite('rferl-2024'),
            dubious,
          ],
        },
        {
          id: 'p5',
          carries: [
            fact('kurskEngagement'),
            entity('ukraine'),
            entity('russia'),
            entity('kursk-oblast'),
            entity('north-korea'),
            fact('fullScaleInvasion'),
            cite('ft-2024'),
            entity('center-for-countering-disinformation'),
            entity('andriy-kovalenko'),
            cite('newsweek-2024'),
            cite('ap-2024'),
          ],
        },
        {
          id: 'p6',
          carries: [
            fact('putinRiMeeting'),
            entity('russia'),
            entity('vladimir-putin'),
            entity('moscow'),
            entity('north-korea'),
            entity('ri-hi-yong'),
            entity('workers-party-of-korea'),
            entity('ukraine'),
            entity('united-states'),
            entity('south-korea'),
            cite('reuters-2025'),
          ],
        },
      ],
    },
    {
      id: 'trade',
      level: 1,
      paragraphs: [
        {
          id: 'p1',
          carries: [
            fact('tradeYear'),
            entity('ukraine'),
            entity('north-korea'),
            fact('exportsUkraineToNorthKorea'),
            fact('exportsNorthKoreaToUkraine'),
            entity('polyacetal'),
            cite('oec-2020'),
          ],
        },
      ],
    },
  ],
} as const satisfies DocumentModel;
