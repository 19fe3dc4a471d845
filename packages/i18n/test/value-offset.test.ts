import { describe, expect, it } from 'vitest';
import { parseLocaleFile } from '../src/files/parse.js';

/**
 * Where a character of a decoded text is in the file (files/parse.ts `valueOffset`): the same
 * whether the raw literal is walked up to it (the first few questions about a text) or read from
 * the offsets of all its characters (built once a text is asked about more often).
 */
describe('valueOffset', () => {
  it('finds the raw offset of every decoded character, walked or from the offsets built once', () => {
    const raw = String.raw`"a\"b\\c\u00e9d\n😀<ref id=\"r1\"/>"`;
    const text = `{\n  "k": ${raw}\n}\n`;
    const file = parseLocaleFile('/p', 'en', 'ui', '/p/locales/en/ui.json', Buffer.from(text));
    const entry = file.entries.get('k')!;
    const value = entry.value as string;
    // The expected offsets, from the raw literal: one per decoded UTF-16 unit.
    const expected: number[] = [];
    let at = text.indexOf(raw) + 1;
    while (text[at] !== '"' || text[at - 1] === '\\') {
      expected.push(at);
      if (text[at] === '\\') at += text[at + 1] === 'u' ? 6 : 2;
      else at += 1; // a UTF-16 unit of the raw text is one of the decoded value
    }
    expect(expected).toHaveLength(value.length);
    // Asked twice over: walked at first, then from the offsets built once.
    for (let round = 0; round < 2; round++)
      for (let i = 0; i < value.length; i++) expect(file.valueOffset(entry, i)).toBe(expected[i]);
    // Past the end: the closing quote's place, walked or not.
    const other = parseLocaleFile('/p', 'en', 'ui', '/p/x.json', Buffer.from(text));
    const e2 = other.entries.get('k')!;
    expect(other.valueOffset(e2, 999)).toBe(file.valueOffset(entry, 999));
  });
});
