/**
 * Deterministic corpus generator. N documents × 4 locales shaped like the real article
 * (north-korea-ukraine-relations): paragraphs that carry fact slots (`{{f1, date}}`,
 * `{{f2, quantity}}` → plural unit phrases, `{{f3, money(currencyDisplay: name)}}`), entity labels,
 * `<ref id="…"/>` citations and `<dubious/>` markers, a few inline tags, `$t()` nesting, reference
 * titles, events, corrections, infobox rows; plus `terms` (entity labels with accepted inflected
 * forms, works, units with each language's CLDR plural categories) and the repository's real `ui`.
 *
 * Document i is generated from its own seed, so a corpus of 100 documents is the first 100 of
 * the corpus of 1,000: sizes differ only in how much there is.
 */
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { createRng, mix } from './rng.mjs';
import { REPO } from './paths.mjs';

export const GENERATOR_VERSION = 3;
export const LOCALES = ['ja', 'en', 'uk', 'ko'];
export const SOURCE = 'ja';
/** Generated JSON (models, texts, results): plain data. @typedef {Record<string, any>} Json */
/** @typedef {ReturnType<typeof createRng>} Rng */
/** @typedef {ReturnType<typeof registries>} Registries */
/** @typedef {ReturnType<typeof generateCorpus>} Corpus */

/** @type {Record<string, string[]>} */
const PLURALS = {
  ja: ['other'],
  ko: ['other'],
  en: ['one', 'other'],
  uk: ['one', 'few', 'many', 'other'],
};

// ---------------------------------------------------------------- words per script
const SYL = {
  en: [
    'ka',
    'lo',
    'ri',
    'ven',
    'tor',
    'mal',
    'sen',
    'dar',
    'ol',
    'ith',
    'an',
    'er',
    'us',
    'mon',
    'pel',
    'qua',
    'bre',
    'sti',
    'gan',
    'ho',
  ],
  uk: [
    'ко',
    'ла',
    'ри',
    'вен',
    'тор',
    'мал',
    'сен',
    'дар',
    'ол',
    'ит',
    'ан',
    'ер',
    'ус',
    'мон',
    'пел',
    'ов',
    'бре',
    'сті',
    'ган',
    'хо',
  ],
  ko: [
    '가',
    '나',
    '다',
    '라',
    '마',
    '바',
    '사',
    '아',
    '자',
    '차',
    '카',
    '타',
    '파',
    '하',
    '국',
    '민',
    '정',
    '부',
    '관',
    '계',
  ],
  kata: [
    'カ',
    'キ',
    'ク',
    'ケ',
    'コ',
    'サ',
    'シ',
    'ス',
    'セ',
    'ソ',
    'タ',
    'チ',
    'ツ',
    'テ',
    'ト',
    'ナ',
    'ニ',
    'ヌ',
    'ネ',
    'ノ',
    'ハ',
    'ヒ',
    'フ',
    'マ',
    'ミ',
    'ム',
    'ラ',
    'リ',
    'ル',
    'ロ',
  ],
};
const JA_NOUNS = [
  '関係',
  '政府',
  '外交',
  '協定',
  '交渉',
  '経済',
  '軍事',
  '報告',
  '声明',
  '会談',
  '支援',
  '制裁',
  '承認',
  '国境',
  '条約',
  '大使館',
  '代表団',
  '貿易',
  '輸出',
  '部隊',
];
const JA_PARTICLES = ['は', 'が', 'を', 'に', 'で', 'と', 'の'];
const JA_ENDS = ['した', 'された', 'である', 'と発表した', 'を確認した', 'を表明した'];
const KO_PARTICLES = ['은', '는', '이', '가', '을', '를', '에', '의', '과'];

/**
 * The syllables of a locale's script (Latin for a locale without its own).
 * @param {string} lng
 * @returns {readonly string[]}
 */
const sylOf = (lng) => /** @type {Record<string, string[]>} */ (SYL)[lng] ?? SYL.en;
/** @param {string} s */
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
/**
 * A word made of 1–3 syllables of a script.
 * @param {Rng} r
 * @param {readonly string[]} syl
 */
const word = (r, syl, lo = 1, hi = 3) =>
  Array.from({ length: r.int(lo, hi) }, () => r.pick(syl)).join('');
/**
 * Encodes n in the syllables of a script: unique labels without a lookup table.
 * @param {number} n
 * @param {readonly string[]} syl
 * @param {number} width
 */
const encode = (n, syl, width) => {
  let out = '';
  for (let i = 0; i < width; i++) {
    out = syl[n % syl.length] + out;
    n = Math.floor(n / syl.length);
  }
  return out;
};

/**
 * @param {Rng} r
 * @param {string} lng
 * @param {number} n
 */
function filler(r, lng, n) {
  /** @type {string[]} */
  /** @type {any[]} */
  const words = [];
  for (let i = 0; i < n; i++) {
    if (lng === 'ja') words.push(r.pick(JA_NOUNS) + r.pick(JA_PARTICLES));
    else if (lng === 'ko')
      words.push(word(r, SYL.ko, 1, 3) + (r.chance(0.5) ? r.pick(KO_PARTICLES) : ''));
    else words.push(word(r, sylOf(lng), 1, 3));
  }
  return words;
}

/**
 * A plain sentence (titles, reference titles, events, corrections), with optional inserts.
 * @param {Rng} r
 * @param {string} lng
 * @param {readonly string[]} [inserts]
 * @param {{ end?: boolean, min?: number, max?: number }} [options]
 */
function sentence(r, lng, inserts = [], { end = true, min = 3, max = 7 } = {}) {
  const parts = filler(r, lng, r.int(min, max));
  for (const ins of inserts) parts.splice(r.int(1, parts.length), 0, ins);
  if (lng === 'ja') return parts.join('') + (end ? r.pick(JA_ENDS) + '。' : '');
  const s = parts.join(' ');
  return cap(s) + (end ? '.' : '');
}

// ---------------------------------------------------------------- registries (fixed size)
const ENTITY_KINDS = [
  'country',
  'country',
  'country',
  'region',
  'city',
  'organization',
  'person',
  'concept',
];
const N_ENTITIES = 120;
const N_WORKS = 40;
const UNITS = ['soldier', 'military-unit', 'ship', 'aircraft'];

/** @param {number} seed */
function registries(seed) {
  const r = createRng(mix(seed, 'registries'));
  /** @type {Json} */
  const entities = {};
  /** @type {Json} */
  const labels = { ja: {}, en: {}, uk: {}, ko: {} };
  for (let i = 0; i < N_ENTITIES; i++) {
    const id = `e-${encode(i, SYL.en, 2)}`;
    entities[id] = { kind: i < 30 ? 'country' : r.pick(ENTITY_KINDS) };
    const ja = encode(i, SYL.kata, 2) + word(r, SYL.kata, 1, 2);
    const en = cap(encode(i, SYL.en, 2)) + word(r, SYL.en, 1, 2);
    const uk = cap(encode(i, SYL.uk, 2)) + word(r, SYL.uk, 1, 2);
    const ko = encode(i, SYL.ko, 2) + word(r, SYL.ko, 0, 1);
    labels.ja[id] = { label: ja };
    labels.en[id] = r.chance(0.3) ? { label: en, forms: `${en}ian` } : { label: en };
    // Ukrainian inflects: the genitive and instrumental are accepted forms.
    labels.uk[id] = { label: uk, forms: `${uk}и|${uk}ою|${uk}і` };
    labels.ko[id] = { label: ko };
  }
  /** @type {Json} */
  const works = {};
  /** @type {Json} */
  const workLabels = { ja: {}, en: {}, uk: {}, ko: {} };
  for (let i = 0; i < N_WORKS; i++) {
    const id = `w-${encode(i, SYL.en, 2)}`;
    works[id] = {};
    workLabels.en[id] = cap(word(r, SYL.en, 2, 3)) + ' ' + cap(word(r, SYL.en, 2, 3));
    workLabels.ja[id] = word(r, SYL.kata, 3, 5) + '新聞';
    workLabels.uk[id] = cap(word(r, SYL.uk, 2, 3)) + ' ' + cap(word(r, SYL.uk, 2, 3));
    workLabels.ko[id] = word(r, SYL.ko, 2, 3) + ' 신문';
  }
  const units = Object.fromEntries(UNITS.map((u) => [u, {}]));
  /** @type {Json} */
  const unitWords = {
    ja: { soldier: '人', 'military-unit': '個部隊', ship: '隻', aircraft: '機' },
    ko: { soldier: '명', 'military-unit': '개 부대', ship: '척', aircraft: '대' },
    en: {
      soldier: ['soldier', 'soldiers'],
      'military-unit': ['unit', 'units'],
      ship: ['ship', 'ships'],
      aircraft: ['aircraft', 'aircraft'],
    },
    uk: {
      soldier: ['солдат', 'солдати', 'солдатів', 'солдата'],
      'military-unit': ['підрозділ', 'підрозділи', 'підрозділів', 'підрозділу'],
      ship: ['корабель', 'кораблі', 'кораблів', 'корабля'],
      aircraft: ['літак', 'літаки', 'літаків', 'літака'],
    },
  };
  /** @type {Json} */
  const terms = {};
  for (const lng of LOCALES) {
    /** @type {Json} */
    const u = {};
    for (const unit of UNITS) {
      const w = unitWords[lng][unit];
      (PLURALS[lng] ?? []).forEach((cat, i) => {
        u[`${unit}_${cat}`] =
          lng === 'ja' || lng === 'ko' ? `{{count, number}}${w}` : `{{count, number}} ${w[i]}`;
      });
    }
    terms[lng] = { entities: labels[lng], works: workLabels[lng], units: u };
  }
  const entityIds = Object.keys(entities);
  return {
    entities,
    works,
    units,
    terms,
    entityIds,
    countries: entityIds.slice(0, 30),
    workIds: Object.keys(works),
  };
}

// ---------------------------------------------------------------- one document
/** @param {number} n */
const pad = (n, w = 2) => String(n).padStart(w, '0');

/** @param {Rng} r */
function randomDate(r) {
  const y = r.int(1950, 2025);
  const p = r.next();
  if (p < 0.55) return `${y}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
  if (p < 0.8) return `${y}-${pad(r.int(1, 12))}`;
  return String(y);
}

/**
 * @param {Rng} r
 * @param {string} lng
 * @param {Registries} reg
 * @param {Json} terms
 * @param {string} id
 * @returns {string}
 */
function entityText(r, lng, reg, terms, id) {
  const t = terms[lng].entities[id];
  if (lng === 'uk' && t.forms !== undefined && r.chance(0.3)) return t.forms.split('|')[0];
  return t.label;
}

/**
 * @param {string} _lng
 * @param {string} id
 * @param {Json} fact
 */
function slot(_lng, id, fact) {
  if (fact.kind === 'date') return `{{${id}, date}}`;
  if (fact.kind === 'quantity') return `{{${id}, quantity}}`;
  // (The real article writes `{{x, money}}` in Korean; the generated one keeps one form so that
  // i18n-check, which compares format options too, reports only the injected defects.)
  return `{{${id}, money(currencyDisplay: name)}}`;
}

/**
 * Builds a document: its language-neutral model and its text in every locale. A paragraph is
 * planned as sentences of inline items (entities, facts) followed by citations; each locale then
 * writes the plan with its own filler words and punctuation.
 * @param {number} seed
 * @param {number} index
 * @param {Registries} reg
 * @returns {{ model: Json, text: Json }}
 */
function generateDocument(seed, index, reg) {
  const r = createRng(mix(seed, 'doc', index));
  const id = `doc-${pad(index, 5)}`;
  const parties = r.sample(reg.countries, 2);
  // Facts: the first two are dates (infobox rows), then a mix.
  /** @type {Json} */
  const facts = {};
  const nFacts = r.int(6, 10);
  for (let i = 1; i <= nFacts; i++) {
    const p = i <= 2 ? 0 : r.next();
    if (p < 0.6) facts[`f${i}`] = { kind: 'date', value: randomDate(r) };
    else if (p < 0.85)
      facts[`f${i}`] = {
        kind: 'quantity',
        value: r.chance(0.2) ? r.int(1, 30) : r.int(31, 20000),
        unit: r.pick(UNITS),
      };
    else
      facts[`f${i}`] = {
        kind: 'money',
        amount: r.int(1000, 999999),
        currency: r.pick(['USD', 'EUR']),
      };
  }
  const factIds = Object.keys(facts);
  /** @type {Json} */
  const references = {};
  const nRefs = r.int(6, 12);
  for (let i = 1; i <= nRefs; i++) {
    /** @type {Json} */
    const ref = {
      kind: r.pick(['news', 'news', 'web']),
      work: r.pick(reg.workIds),
      lang: r.pick(['en', 'en', 'ja', 'ru', 'uk', 'ko', 'zh']),
      published: randomDate(r),
    };
    if (r.chance(0.5))
      ref.accessed = `20${r.int(18, 25)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
    if (r.chance(0.3))
      ref.originalTitle = {
        text: cap(sentence(r, 'en', [], { end: false, min: 4, max: 8 })),
        lang: 'en',
      };
    references[`r${i}`] = ref;
  }
  const refIds = Object.keys(references);
  const docEntities = [
    ...parties,
    ...r.sample(
      reg.entityIds.filter((e) => !parties.includes(e)),
      r.int(4, 8),
    ),
  ];

  // Plan sections and paragraphs. Every fact and every reference is used at least once.
  const unusedFacts = [...factIds.slice(2)];
  const unusedRefs = [...refIds];
  /** @returns {string} */
  const takeFact = () => unusedFacts.shift() ?? r.pick(factIds);
  /** @returns {string} */
  const takeRef = () => unusedRefs.shift() ?? r.pick(refIds);
  const nSections = r.int(3, 5);
  /** @type {any[]} */
  const plan = [];
  for (let s = 0; s <= nSections; s++) {
    const sid = s === 0 ? 'lead' : `s${s}`;
    const level = s === 0 ? 0 : s > 1 && r.chance(0.3) ? 2 : 1;
    /** @type {any[]} */
    const paragraphs = [];
    const nP = s === 0 ? 1 : r.int(1, 4);
    for (let p = 1; p <= nP; p++) {
      /** @type {any[]} */
      const sentences = [];
      const nS = r.int(2, 4);
      for (let k = 0; k < nS; k++) {
        /** @type {any[]} */
        const items = [];
        if (k === 0 || r.chance(0.4)) items.push({ fact: takeFact() });
        for (let e = r.int(0, 2); e > 0; e--) items.push({ entity: r.pick(docEntities) });
        /** @type {any[]} */
        const cites = [];
        if (k === nS - 1 || r.chance(0.5))
          for (let c = r.int(1, 2); c > 0; c--) cites.push(takeRef());
        const dubious = cites.length > 0 && r.chance(0.08);
        sentences.push({ items, cites: [...new Set(cites)], dubious });
      }
      // A few inline tags, the same in every language.
      const tag = r.chance(0.25) ? r.pick(['i', 'b', 'em']) : null;
      paragraphs.push({ id: `p${p}`, sentences, tag, seed: r.int(0, 1e9) });
    }
    plan.push({ id: sid, level, paragraphs, seed: r.int(0, 1e9) });
  }
  // Any reference or fact still unused goes into the last paragraph.
  const last = plan.at(-1)?.paragraphs.at(-1)?.sentences.at(-1);
  if (last === undefined) throw new Error('bench: a generated document has no paragraph');
  last.cites.push(...unusedRefs.splice(0));
  for (const f of unusedFacts.splice(0)) last.items.push({ fact: f });

  const sections = plan.map((s) => ({
    id: s.id,
    level: s.level,
    paragraphs: s.paragraphs.map((/** @type {Json} */ p) => ({
      id: p.id,
      carries: p.sentences.flatMap((/** @type {Json} */ st) => [
        ...st.items,
        ...st.cites.map((/** @type {string} */ c) => ({ cite: c })),
        ...(st.dubious ? [{ dubious: true }] : []),
      ]),
    })),
  }));
  /** @type {Json} */
  const events = {};
  const nEvents = r.int(2, 3);
  const dateFacts = factIds.filter((f) => facts[f].kind === 'date');
  for (let i = 1; i <= nEvents; i++) {
    events[`ev${i}`] = {
      date: r.pick(dateFacts),
      entities: r.sample(docEntities, 2),
      references: r.sample(refIds, r.int(1, 2)),
    };
  }
  const corrections = {
    c1: { target: r.chance(0.5) ? { paragraph: 'lead.p1' } : { reference: refIds[0] } },
  };
  const model = {
    id,
    sourceLocale: SOURCE,
    namespace: id,
    infobox: {
      parties,
      rows: [
        { id: 'established', facts: ['f1'] },
        { id: 'signed', facts: ['f2'] },
      ],
    },
    facts,
    references,
    bibliography: {},
    events,
    corrections,
    sections,
  };

  // Text per locale.
  /** @type {Json} */
  const text = {};
  for (const lng of LOCALES) {
    const lr = createRng(mix(seed, 'text', index, lng));
    /** @param {string} e @returns {string} */
    const label = (e) => reg.terms[lng].entities[e].label;
    const [a, b] = parties.map(label);
    const title = {
      ja: `${a}と${b}の関係`,
      en: `${a}–${b} relations`,
      uk: `Відносини між ${a} та ${b}`,
      ko: `${a}-${b} 관계`,
    }[lng];
    /** @type {Json} */
    const doc = {
      meta: {
        title,
        // Nesting: the description starts with the title, through $t().
        description:
          (lng === 'ja' ? '$t(meta.title):' : '$t(meta.title): ') +
          sentence(lr, lng, [label(parties[0] ?? '')]),
      },
      infobox: {
        established: sentence(lr, lng, [], { end: false, min: 1, max: 2 }),
        signed: sentence(lr, lng, [], { end: false, min: 1, max: 2 }),
      },
      sections: {},
      references: {},
      events: {},
      corrections: { intro: sentence(lr, lng), items: { c1: sentence(lr, lng) } },
    };
    for (const s of plan) {
      /** @type {Json} */
      const sec = {};
      if (s.level > 0)
        sec.title = sentence(createRng(mix(s.seed, lng)), lng, [], { end: false, min: 1, max: 3 });
      for (const p of s.paragraphs)
        sec[p.id] = paragraphText(createRng(mix(p.seed, lng)), lng, p, reg, model.facts);
      doc.sections[s.id] = sec;
    }
    for (const rid of refIds)
      doc.references[rid] = sentence(lr, lng, [], { end: false, min: 3, max: 8 });
    for (const [eid, ev] of Object.entries(events))
      doc.events[eid] = sentence(lr, lng, ev.entities.map(label));
    text[lng] = doc;
  }
  return { model, text };
}

/**
 * @param {Rng} r
 * @param {string} lng
 * @param {Json} p the paragraph's plan
 * @param {Registries} reg
 * @param {Json} facts
 */
function paragraphText(r, lng, p, reg, facts) {
  /** @type {any[]} */
  const out = [];
  p.sentences.forEach((/** @type {Json} */ st, /** @type {number} */ k) => {
    const inserts = st.items.map((/** @type {Json} */ it) =>
      'fact' in it
        ? slot(lng, it.fact, facts[it.fact])
        : entityText(r, lng, reg, reg.terms, it.entity),
    );
    const parts = filler(r, lng, r.int(3, 6));
    // Items keep their order (the checks compare multisets; order is kept for readability).
    let at = 1;
    for (const ins of inserts) {
      at = r.int(at, parts.length);
      parts.splice(at, 0, ins);
      at += 1;
    }
    if (k === 0 && p.tag !== null) {
      const w = lng === 'ja' ? 0 : parts.length - 1;
      parts[w] = `<${p.tag}>${parts[w]}</${p.tag}>`;
    }
    let s;
    if (lng === 'ja') s = parts.join('') + r.pick(JA_ENDS) + '。';
    else
      s =
        cap(parts.join(' ')) +
        (lng === 'ko'
          ? ' ' + word(r, SYL.ko, 1, 2) + '다.'
          : ' ' + word(r, sylOf(lng), 1, 3) + '.');
    s +=
      st.cites.map((/** @type {string} */ c) => `<ref id="${c}"/>`).join('') +
      (st.dubious ? '<dubious/>' : '');
    out.push(s);
  });
  return out.join(lng === 'ja' ? '' : ' ');
}

// ---------------------------------------------------------------- corpus
/** `rules` and `exemptions` of the repository's bilateral.config.json. */
function repoConventions() {
  try {
    const c = JSON.parse(readFileSync(path.join(REPO, 'bilateral.config.json'), 'utf8'));
    return {
      ...(c.rules === undefined ? {} : { rules: c.rules }),
      ...(c.exemptions === undefined ? {} : { exemptions: c.exemptions }),
    };
  } catch {
    return {};
  }
}

/**
 * A short hash of what a generated corpus depends on besides the seed and the generator: the
 * repository's ui strings and conventions. Part of the cache folder's name.
 */
export function inputsHash() {
  const h = createHash('sha256');
  h.update(String(GENERATOR_VERSION));
  for (const l of LOCALES) h.update(readFileSync(path.join(REPO, 'locales', l, 'ui.json')));
  h.update(JSON.stringify(repoConventions()));
  return h.digest('hex').slice(0, 10);
}
/** @type {(o: object) => number} */
const countLeaves = (o) =>
  Object.values(o).reduce(
    (n, v) => n + (v !== null && typeof v === 'object' ? countLeaves(v) : 1),
    0,
  );

function realUi() {
  return Object.fromEntries(
    LOCALES.map((l) => [
      l,
      JSON.parse(readFileSync(path.join(REPO, 'locales', l, 'ui.json'), 'utf8')),
    ]),
  );
}

/**
 * Generates a corpus of `docs` documents, or — with `keys` — as many documents as it takes to
 * reach that many keys per locale (counting ui, terms and every document namespace).
 */
/**
 * @param {{ seed?: number, docs?: number, keys?: number }} options
 */
export function generateCorpus({ seed = 20261125, docs, keys }) {
  const reg = registries(seed);
  const ui = realUi();
  let total = countLeaves(ui[SOURCE]) + countLeaves(reg.terms[SOURCE]);
  /** @type {any[]} */
  const documents = [];
  for (let i = 0; docs !== undefined ? i < docs : total < (keys ?? 0); i++) {
    const d = generateDocument(seed, i, reg);
    documents.push(d);
    total += countLeaves(d.text[SOURCE]);
  }
  return {
    seed,
    keysPerLocale: total,
    corpus: {
      entities: reg.entities,
      units: reg.units,
      works: reg.works,
      documents: Object.fromEntries(documents.map((d) => [d.model.id, d.model])),
    },
    resources: Object.fromEntries(
      LOCALES.map((lng) => [
        lng,
        {
          ui: ui[lng],
          terms: reg.terms[lng],
          ...Object.fromEntries(documents.map((d) => [d.model.namespace, d.text[lng]])),
        },
      ]),
    ),
  };
}

/**
 * Deterministic defects for the check benchmarks, so that every contender has something to find
 * (and we can verify it found it): in each target locale, 3 deleted paragraph keys (missing) and
 * 3 renamed fact slots (interpolation mismatch). Returns what was injected.
 */
/** @param {Corpus} gen */
export function injectDefects(gen) {
  /** @type {any[]} */
  const expected = [];
  const docIds = Object.keys(gen.corpus.documents);
  LOCALES.filter((l) => l !== SOURCE).forEach((lng, li) => {
    for (let k = 0; k < 3; k++) {
      const ns = docIds[(li * 7 + k * 3) % docIds.length] ?? '';
      const sec = gen.resources[lng]?.[ns].sections;
      const sid = Object.keys(sec).at(-1) ?? '';
      const pid = Object.keys(sec[sid])
        .filter((x) => x !== 'title')
        .at(-1);
      if (pid === undefined || sec[sid][pid] === undefined) continue;
      delete sec[sid][pid];
      expected.push({ kind: 'missing', locale: lng, ns, key: `sections.${sid}.${pid}` });
      // Rename the first fact slot of the lead paragraph: {{f1, date}} → {{f1x, date}}.
      const leadNs = docIds[(li * 7 + k * 3 + 1) % docIds.length] ?? '';
      const lead = gen.resources[lng]?.[leadNs].sections.lead;
      const m = /\{\{(\w+),/.exec(lead.p1);
      if (
        m === null ||
        expected.some((e) => e.ns === leadNs && e.locale === lng && e.kind === 'placeholder')
      )
        continue;
      lead.p1 = lead.p1.replace(`{{${m[1]},`, `{{${m[1]}x,`);
      expected.push({
        kind: 'placeholder',
        locale: lng,
        ns: leadNs,
        key: 'sections.lead.p1',
        name: `${m[1]}x`,
      });
    }
  });
  return expected;
}

/**
 * @param {object} o
 * @returns {Generator<string>}
 */
function* leafKeys(o, prefix = '') {
  for (const [k, v] of Object.entries(o)) {
    if (v !== null && typeof v === 'object') yield* leafKeys(v, `${prefix}${k}.`);
    else yield `${prefix}${k}`;
  }
}

/**
 * @param {string} file
 * @param {unknown} data
 */
const writeJson = (file, data, indent = 2) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(data, null, indent) + '\n');
};

/**
 * Writes a generated corpus as a Bilateral project and, in the same directory, what the peers
 * need for the same files:
 *   bilateral.config.json, core/index.mjs (+ corpus.json) — the Bilateral project
 *   locales/{lng}/{ns}.json                              — the i18next tree every contender reads
 *   i18next.config.js, src/keys.js                        — i18next-cli (finds keys in code)
 *   ../plain-<name> → a copy of `locales` alone (no config upwards) for `bilateral check` flags
 * @param {string} dir
 * @param {Corpus} gen
 */
export function writeProject(dir, gen) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeJson(path.join(dir, 'bilateral.config.json'), {
    sourceLocale: SOURCE,
    locales: LOCALES,
    files: 'locales/{lng}/{ns}.json',
    core: './core/index.mjs',
    fallback: { en: ['ja'], uk: ['en', 'ja'], ko: ['en', 'ja'] },
    lockFile: 'locks/{lng}.json',
    // The repository's own conventions (untranslated allowlist, per-language entity forms).
    ...repoConventions(),
  });
  writeJson(path.join(dir, 'core', 'corpus.json'), gen.corpus, 0);
  writeFileSync(
    path.join(dir, 'core', 'index.mjs'),
    "import corpus from './corpus.json' with { type: 'json' };\nexport { corpus };\n",
  );
  for (const [lng, nss] of Object.entries(gen.resources)) {
    for (const [ns, data] of Object.entries(nss))
      writeJson(path.join(dir, 'locales', lng, `${ns}.json`), data);
  }
  writePeerFiles(dir, gen.resources);
  const plain = `${dir}-plain`;
  rmSync(plain, { recursive: true, force: true });
  mkdirSync(plain, { recursive: true });
  // A copy, not a symbolic link: the checks refuse a file whose real path leaves the project
  // (containment), so a linked tree would be 1,200 `syntax` findings instead of a check.
  cpSync(path.join(dir, 'locales'), path.join(plain, 'locales'), { recursive: true });
  return { dir, plain };
}

/**
 * Copies the repository's own locale files, byte for byte, into a plain i18next tree.
 * @param {string} dir
 */
export function writeRepoTree(dir) {
  rmSync(dir, { recursive: true, force: true });
  /** @type {Json} */
  const resources = {};
  for (const lng of LOCALES) {
    resources[lng] = {};
    for (const ns of ['ui', 'terms', 'north-korea-ukraine-relations']) {
      const f = path.join(REPO, 'locales', lng, `${ns}.json`);
      if (!existsSync(f)) continue;
      mkdirSync(path.join(dir, 'locales', lng), { recursive: true });
      copyFileSync(f, path.join(dir, 'locales', lng, `${ns}.json`));
      resources[lng][ns] = JSON.parse(readFileSync(f, 'utf8'));
    }
  }
  writePeerFiles(dir, resources);
  return { dir };
}

/**
 * What i18next-cli needs: a config and source code calling t() once per source key.
 * @param {string} dir
 * @param {Json} resources
 */
function writePeerFiles(dir, resources) {
  writeJson(path.join(dir, 'package.json'), {
    name: 'bench-corpus',
    private: true,
    type: 'module',
  });
  // i18next-cli derives the key list from source code: one t() call per source key.
  const lines = ["import i18next from 'i18next';", 'const t = i18next.t;'];
  for (const [ns, data] of Object.entries(resources[SOURCE])) {
    const seen = new Set();
    for (const key of leafKeys(data)) {
      const m = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
      const k = m === null ? key : m[1];
      if (seen.has(k)) continue;
      seen.add(k);
      lines.push(m === null ? `t('${ns}:${k}');` : `t('${ns}:${k}', { count: 2 });`);
    }
  }
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  writeFileSync(path.join(dir, 'src', 'keys.js'), lines.join('\n') + '\n');
  writeFileSync(
    path.join(dir, 'i18next.config.js'),
    `export default {
  locales: ${JSON.stringify(LOCALES)},
  extract: {
    input: ['src/**/*.js'],
    output: 'locales/{{language}}/{{namespace}}.json',
    primaryLanguage: '${SOURCE}',
    defaultNS: 'ui',
    nsSeparator: ':',
    keySeparator: '.',
  },
};
`,
  );
}
