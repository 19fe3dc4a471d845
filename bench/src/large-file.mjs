/**
 * One locale file at the key-count limit: 300,000 keys in one namespace (issue 16). Two trees,
 * each a plain i18next tree (`locales/{lng}/{ns}.json`, no config, no core):
 *
 *   translation — ja (source) and en with the same 300,000 keys, en translated
 *   hostile     — ja with 100 keys, en with those and 300,000 keys the source does not have
 *                 (every one an `obsolete` finding)
 *
 * Texts are short phrases with the tokens the rules look at (a placeholder, an inline tag,
 * a number); keys are nested two levels (3,000 groups of 100), indented by one space, so that
 * the file stays under the size limit (LIMITS.fileBytes, 10 MB).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRng } from './rng.mjs';

export const LARGE_KEYS = 300_000;
const GROUP = 100;

const WORDS = {
  ja: ['東京', '会議', '合意', '代表団', '外務省', '声明', '協力', '訪問', '条約', '報告'],
  en: ['Tokyo', 'meeting', 'agreement', 'delegation', 'ministry', 'statement', 'talks', 'visit'],
};

/**
 * @param {() => number} rand
 * @param {'ja' | 'en'} lng
 * @param {number} i
 */
function text(rand, lng, i) {
  const w = WORDS[lng];
  const pick = () => w[Math.floor(rand() * w.length)];
  const kind = i % 4;
  if (lng === 'ja') {
    if (kind === 0) return `${pick()}{{n}}件`;
    if (kind === 1) return `<b>${pick()}</b>`;
    if (kind === 2) return `${1990 + (i % 30)}年${pick()}`;
    return `${pick()}`;
  }
  if (kind === 0) return `{{n}} ${pick()}`;
  if (kind === 1) return `<b>${pick()}</b>`;
  if (kind === 2) return `${pick()} ${1990 + (i % 30)}`;
  return `${pick()}`;
}

/**
 * @param {number} count
 * @param {'ja' | 'en'} lng
 * @param {string} prefix key prefix (the hostile tree's extra keys are named apart)
 * @param {number} seed
 */
function namespace(count, lng, prefix, seed) {
  const rng = createRng(seed);
  const rand = rng.next;
  /** @type {Record<string, Record<string, string>>} */
  const data = {};
  for (let i = 0; i < count; i++) {
    const g = `${prefix}${String(Math.floor(i / GROUP)).padStart(4, '0')}`;
    (data[g] ??= {})[`k${String(i % GROUP).padStart(3, '0')}`] = text(rand, lng, i);
  }
  return data;
}

/**
 * @param {string} file
 * @param {unknown} data
 */
const writeJson = (file, data) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(data, null, 1) + '\n');
};

/**
 * Writes (or reuses) both trees under `work`.
 * @param {string} work
 * @returns {{ translation: string, hostile: string, bytes: number }}
 */
export function writeLargeFileTrees(work) {
  const translation = path.join(work, 'corpora', `large-file-${LARGE_KEYS}`);
  const hostile = path.join(work, 'corpora', `large-file-${LARGE_KEYS}-hostile`);
  const done = path.join(work, 'corpora', `large-file-${LARGE_KEYS}.done`);
  if (!existsSync(done)) {
    writeJson(
      path.join(translation, 'locales', 'ja', 'big.json'),
      namespace(LARGE_KEYS, 'ja', 'g', 1),
    );
    writeJson(
      path.join(translation, 'locales', 'en', 'big.json'),
      namespace(LARGE_KEYS, 'en', 'g', 2),
    );
    const few = namespace(GROUP, 'ja', 'g', 1);
    writeJson(path.join(hostile, 'locales', 'ja', 'big.json'), few);
    writeJson(path.join(hostile, 'locales', 'en', 'big.json'), {
      ...namespace(GROUP, 'en', 'g', 2),
      ...namespace(LARGE_KEYS, 'en', 'x', 3),
    });
    writeFileSync(done, '');
  }
  return { translation, hostile, bytes: 0 };
}
