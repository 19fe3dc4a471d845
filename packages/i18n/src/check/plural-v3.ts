/**
 * i18next's JSON v3 plural suffixes (`compatibilityJSON: 'v3'`, i18next 21–23). Without Intl,
 * i18next picks a form by its own rule sets (the gettext formulas), not by CLDR: a language with a
 * singular and a plural form reads `key` and `key_plural`; every other language reads `key_0`,
 * `key_1`, … numbered by the formula's result (Ukrainian `key_0` for 1, 21, …; `key_1` for 2–4,
 * 22–24, …; `key_2` for the rest), and falls back to `key` when that form is missing. So a
 * `key_plural` in Polish, Czech or Ukrainian is never read: every count shows the singular.
 */

/** A v3 rule: how many forms, whether they are `key`/`key_plural`, and the formula. */
export interface V3Rule {
  readonly forms: number;
  /** `key` and `key_plural` (i18next's "simplified" suffixes), not `key_0`, `key_1`. */
  readonly singularPlural: boolean;
  /** The index of the form for a count (0 … forms − 1). */
  readonly index: (n: number) => number;
}

const b = (x: boolean) => (x ? 1 : 0);
const eastSlavic = (n: number) =>
  n % 10 === 1 && n % 100 !== 11
    ? 0
    : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20)
      ? 1
      : 2;

/** The formulas, by i18next's rule-set number, with their form counts. */
const FORMULAS: Readonly<Record<number, readonly [number, (n: number) => number]>> = {
  1: [2, (n) => b(n > 1)],
  2: [2, (n) => b(n !== 1)],
  3: [1, () => 0],
  4: [3, eastSlavic],
  5: [
    6,
    (n) =>
      n === 0
        ? 0
        : n === 1
          ? 1
          : n === 2
            ? 2
            : n % 100 >= 3 && n % 100 <= 10
              ? 3
              : n % 100 >= 11
                ? 4
                : 5,
  ],
  6: [3, (n) => (n === 1 ? 0 : n >= 2 && n <= 4 ? 1 : 2)],
  7: [
    3,
    (n) => (n === 1 ? 0 : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20) ? 1 : 2),
  ],
  8: [4, (n) => (n === 1 ? 0 : n === 2 ? 1 : n !== 8 && n !== 11 ? 2 : 3)],
  9: [2, (n) => b(n >= 2)],
  10: [5, (n) => (n === 1 ? 0 : n === 2 ? 1 : n < 7 ? 2 : n < 11 ? 3 : 4)],
  11: [4, (n) => (n === 1 || n === 11 ? 0 : n === 2 || n === 12 ? 1 : n > 2 && n < 20 ? 2 : 3)],
  12: [2, (n) => b(n % 10 !== 1 || n % 100 === 11)],
  13: [2, (n) => b(n !== 0)],
  14: [4, (n) => (n === 1 ? 0 : n === 2 ? 1 : n === 3 ? 2 : 3)],
  15: [
    3,
    (n) =>
      n % 10 === 1 && n % 100 !== 11 ? 0 : n % 10 >= 2 && (n % 100 < 10 || n % 100 >= 20) ? 1 : 2,
  ],
  16: [3, (n) => (n % 10 === 1 && n % 100 !== 11 ? 0 : n !== 0 ? 1 : 2)],
  17: [2, (n) => (n === 1 || (n % 10 === 1 && n % 100 !== 11) ? 0 : 1)],
  18: [3, (n) => (n === 0 ? 0 : n === 1 ? 1 : 2)],
  19: [
    4,
    (n) =>
      n === 1
        ? 0
        : n === 0 || (n % 100 > 1 && n % 100 < 11)
          ? 1
          : n % 100 > 10 && n % 100 < 20
            ? 2
            : 3,
  ],
  20: [3, (n) => (n === 1 ? 0 : n === 0 || (n % 100 > 0 && n % 100 < 20) ? 1 : 2)],
  21: [4, (n) => (n % 100 === 1 ? 1 : n % 100 === 2 ? 2 : n % 100 === 3 || n % 100 === 4 ? 3 : 0)],
  22: [4, (n) => (n === 1 ? 0 : n === 2 ? 1 : (n < 0 || n > 10) && n % 10 === 0 ? 2 : 3)],
};

/**
 * Languages by rule set, as i18next 21–23 list them. Sets 1, 2, 9, 12 and 17 have the
 * singular/plural suffixes; `or` (set 2 with its numbers swapped), `jv` and `sl` are numbered.
 */
const SETS: readonly (readonly [number, string, boolean?])[] = [
  [1, 'ach ak am arn br fil gun ln mfe mg mi oc pt pt-br tg tl ti tr uz wa'],
  [
    2,
    'af an ast az bg bn ca da de dev el en eo es et eu fi fo fur fy gl gu ha hi hu hy ia it kk kn ku lb mai ml mn mr nah nap nb ne nl nn no nso pa pap pms ps pt-pt rm sco se si so son sq sv sw ta te tk ur yo',
  ],
  [3, 'ay bo cgg fa ht id ja jbo ka km ko ky lo ms sah su th tt ug vi wo zh'],
  [4, 'be bs cnr dz hr ru sr uk'],
  [5, 'ar'],
  [6, 'cs sk'],
  [7, 'csb pl'],
  [8, 'cy'],
  [9, 'fr'],
  [10, 'ga'],
  [11, 'gd'],
  [12, 'is'],
  [13, 'jv', false],
  [14, 'kw'],
  [15, 'lt'],
  [16, 'lv'],
  [17, 'mk'],
  [18, 'mnk'],
  [19, 'mt'],
  [2, 'or', false],
  [20, 'ro'],
  [21, 'sl', false],
  [22, 'he iw'],
];

const RULES: ReadonlyMap<string, V3Rule> = (() => {
  const m = new Map<string, V3Rule>();
  for (const [set, langs, simplified] of SETS) {
    const [forms, index] = FORMULAS[set] as readonly [number, (n: number) => number];
    const rule: V3Rule = { forms, singularPlural: forms === 2 && simplified !== false, index };
    for (const l of langs.split(' ')) m.set(l, rule);
  }
  return m;
})();

/** One form: `v4`-free names for the v3 suffixes (`''` is the bare key). */
export type V3Category = string;

/**
 * i18next's v3 rule for a language code, as i18next finds it: the whole code, else its language
 * part (`uk_UA` and `uk-UA` → `uk`). Undefined when i18next has none (it then reads only `key`).
 */
export function v3Rule(locale: string): V3Rule | undefined {
  const code = locale.toLowerCase().replace(/_/g, '-');
  return RULES.get(code) ?? RULES.get(code.split('-')[0] as string);
}

/** The forms i18next v3 reads for a count in a language (`''` = the bare key). */
export function v3Forms(locale: string): readonly V3Category[] {
  const rule = v3Rule(locale);
  if (rule === undefined || rule.forms === 1) return [''];
  if (rule.singularPlural) return ['', 'plural'];
  return Array.from({ length: rule.forms }, (_, i) => String(i));
}

/** A few counts that take a v3 form, e.g. uk `1` → "2, 3, 4, 22, 23, …". */
export function v3Examples(locale: string, category: V3Category): string {
  const key = `${locale}|${category}`;
  let out = v3ExampleMemo.get(key);
  if (out === undefined) v3ExampleMemo.set(key, (out = findV3Examples(locale, category)));
  return out;
}

/** {@link v3Examples} by language and form: a pure function of the two, asked for per finding. */
const v3ExampleMemo = new Map<string, string>();

function findV3Examples(locale: string, category: V3Category): string {
  const rule = v3Rule(locale);
  if (rule === undefined) return 'every count';
  const want = category === '' ? 0 : category === 'plural' ? 1 : Number(category);
  const found: number[] = [];
  for (let n = 0; n <= 1000 && found.length < 5; n++) if (rule.index(n) === want) found.push(n);
  if (found.length === 0) return 'no count';
  return `${found.join(', ')}${found.length === 5 ? ', …' : ''}`;
}

/**
 * The whole counts 0–1000 for which i18next v3 reads a form in a language (`''` = the bare key).
 * With numbered forms, the bare key is read for the counts whose form the family lacks
 * (`present`: its categories); with one form, for every count.
 */
export function v3Counts(
  locale: string,
  category: V3Category,
  present: ReadonlySet<string>,
): readonly number[] {
  const rule = v3Rule(locale);
  const all = Array.from({ length: 1001 }, (_, n) => n);
  if (rule === undefined || rule.forms === 1) return category === '' ? all : [];
  if (rule.singularPlural) {
    const want = category === '' ? 0 : category === 'plural' ? 1 : -1;
    return all.filter((n) => rule.index(n) === want);
  }
  if (category === '') return all.filter((n) => !present.has(String(rule.index(n))));
  return all.filter((n) => String(rule.index(n)) === category);
}

const V3_SUFFIX = /^(plural|[0-5])$/;

/** Whether a suffix (after the plural separator) is a v3 plural suffix. */
export const isV3Suffix = (suffix: string): boolean => V3_SUFFIX.test(suffix);
