import type { LocaleFile, Entry } from '../../model/types.js';
import { findInvisible, unclosedBidi, type Invisible } from '../../syntax/invisible.js';
import type { NamespaceContext, Pair } from '../context.js';
import { defineRule } from '../rule.js';

/** Spaces a doubled run is made of (a tab or line break is layout, not a typo). */
const RUN = new Set([' ', '\u00A0', '\u3000']);
const SPACE = /\s/u;

/**
 * Leading, trailing or doubled spaces that the source does not have, and invisible characters
 * (bidi controls, zero-width and control characters) that the source does not have. Every scan is
 * linear in the length of the text.
 */
export const whitespace = defineRule({
  meta: {
    id: 'whitespace',
    severity: 'warning',
    needsCore: false,
    description:
      'No leading, trailing or doubled spaces, and no invisible bidi, zero-width or control characters, that the source does not have (U+200B is a word-break hint in Thai, Lao, Khmer and Burmese); a bidi control left open is an error configuration cannot lower.',
  },
  namespace(ctx) {
    const source = ctx.sourceFile();
    if (source !== undefined) {
      for (const entry of source.entries.values()) {
        if (typeof entry.value === 'string') checkOne(ctx, source, entry, entry.value, undefined);
      }
    }
    const pairs = ctx.pairs();
    for (let p = 0; p < pairs.length; p++) {
      const pair = pairs[p] as Pair;
      checkOne(ctx, pair.file, pair.entry, pair.value, pair.sourceValue);
    }
  },
});

/** Index of the first of the trailing whitespace characters, or -1. */
function trailing(value: string): number {
  let i = value.length;
  while (i > 0 && SPACE.test(value[i - 1] as string)) i--;
  return i === value.length ? -1 : i;
}

/** Start indexes of runs of two or more spaces between two visible characters. */
function doubled(value: string): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < value.length) {
    if (!RUN.has(value[i] as string)) {
      i++;
      continue;
    }
    let j = i;
    while (j < value.length && RUN.has(value[j] as string)) j++;
    if (
      j - i >= 2 &&
      i > 0 &&
      j < value.length &&
      !SPACE.test(value[i - 1] as string) &&
      !SPACE.test(value[j] as string)
    ) {
      out.push(i);
    }
    i = j;
  }
  return out;
}

function checkOne(
  ctx: NamespaceContext,
  file: LocaleFile,
  entry: Entry,
  value: string,
  source: string | undefined,
): void {
  if (
    !INVISIBLE.test(value) &&
    !SPACE.test(value[0] ?? '') &&
    !SPACE.test(value[value.length - 1] ?? '') &&
    !DOUBLED.test(value)
  ) {
    return; // nothing this rule reports can be in the text (one test of each kind)
  }
  const report = (index: number, message: string, hint: string, pinned?: boolean) =>
    ctx.report({
      file,
      offset: file.valueOffset(entry, index),
      key: entry.key,
      message,
      hint,
      ...(pinned === true ? { pinned } : {}),
    });
  if (INVISIBLE.test(value))
    invisible(value, source, WORD_BREAK_HINTS.has(language(file.locale)), report);
  if (value.trim() === '') return; // `empty` reports it
  if (SPACE.test(value[0] as string) && (source === undefined || !SPACE.test(source[0] ?? ''))) {
    report(
      0,
      'the text starts with a space',
      'Delete the space at the start (the page adds spacing itself).',
    );
  }
  const t = trailing(value);
  if (t !== -1 && (source === undefined || trailing(source) === -1)) {
    report(t, 'the text ends with a space', 'Delete the space at the end.');
  }
  if (DOUBLED.test(value)) {
    if (source !== undefined && doubled(source).length > 0) return;
    for (const at of doubled(value)) report(at, 'doubled space', 'Replace the spaces with one.');
  }
}

/**
 * Whether a text may hold a character `findInvisible` reports (controls other than tab and line
 * breaks, bidi controls, zero-width characters): one precompiled test before the scan.
 * `test/rules/whitespace.test.ts` proves it agrees with `findInvisible` on every BMP character.
 */
export const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u180E\u200B\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/u;
/** Where {@link doubled} may find a run: two spaces, or a no-break or ideographic space. */
const DOUBLED = / {2}|[\u00A0\u3000]/u;

/** Languages whose scripts have no spaces between words: U+200B marks where a line may break. */
const WORD_BREAK_HINTS = new Set(['th', 'lo', 'km', 'my']);
const language = (locale: string) => (locale.split(/[-_]/)[0] as string).toLowerCase();

/**
 * A bidi control left open (an error configuration cannot lower: it reverses what the page shows
 * after the text), then one finding per other invisible character the text has and its source
 * does not.
 */
function invisible(
  value: string,
  source: string | undefined,
  wordBreaks: boolean,
  report: (index: number, message: string, hint: string, pinned?: boolean) => void,
): void {
  const found = findInvisible(value);
  if (found.length === 0) return;
  const unclosed = new Set<number>();
  for (const u of unclosedBidi(value)) {
    unclosed.add(u.index);
    report(
      u.index,
      `${u.code} (${u.name}) is never closed: it changes how everything after it on the page is displayed, beyond this text`,
      u.char >= '\u2066'
        ? 'Delete it. To set the direction of a passage, use <bdi>…</bdi>, or close the isolate with U+2069 (POP DIRECTIONAL ISOLATE).'
        : 'Delete it. To set the direction of a passage, use <bdi>…</bdi>, or close it with U+202C (POP DIRECTIONAL FORMATTING).',
      true,
    );
  }
  const byChar = new Map<string, Invisible[]>();
  for (const f of found) {
    if (unclosed.has(f.index) || source?.includes(f.char) === true) continue;
    if (wordBreaks && f.char === '\u200b') continue;
    byChar.set(f.char, [...(byChar.get(f.char) ?? []), f]);
  }
  for (const list of byChar.values()) {
    const f = list[0] as Invisible;
    const times = list.length > 1 ? ` (${list.length} times)` : '';
    if (f.kind === 'bidi') {
      report(
        f.index,
        `invisible ${f.code} (${f.name})${times}: a bidi control changes how the text around it is displayed, so the page can show something other than what is written here (the "Trojan Source" trick)`,
        'Delete it. To set the direction of a passage, use <bdi>…</bdi> or <span dir="rtl">…</span>, which the page shows as written.',
      );
    } else if (f.kind === 'zero-width') {
      report(
        f.index,
        `invisible ${f.code} (${f.name})${times}: the text looks the same with or without it, but it is not (searches and name matching miss it)`,
        'Delete it (it usually comes with text copied from a web page or a chat).',
      );
    } else {
      report(
        f.index,
        `control character ${f.code}${times} in the text: it is not printable and can garble terminals and pages`,
        'Delete it (it usually comes with text copied out of another program).',
      );
    }
  }
}
