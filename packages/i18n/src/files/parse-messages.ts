import type * as JsoncParser from 'jsonc-parser';
import { lazyModule } from '../model/lazy.js';

/**
 * jsonc-parser, loaded on first use: for a file that is not valid JSON, and by the commands that
 * edit locale and settings files (`sync`, `accept`, `schema`). A check never loads it otherwise.
 */
export const jsonc = lazyModule<typeof JsoncParser>('jsonc-parser');

/** A message and a hint a translator can act on, for a jsonc-parser error code. */
export function describeParseError(
  code: number,
  text: string,
  offset: number,
): { message: string; hint: string } {
  const near = JSON.stringify(text.slice(offset, offset + 12));
  // jsonc-parser's ParseErrorCode is a const enum (unusable under isolatedModules): switch on the
  // names it prints instead of bare numbers.
  switch (jsonc().printParseErrorCode(code)) {
    case 'InvalidSymbol':
      return {
        message: `unexpected ${near}`,
        hint: 'Keys and texts must be in double quotes "…"; check for a stray character.',
      };
    case 'PropertyNameExpected':
      return {
        message: 'a key in double quotes was expected here',
        hint: 'Remove a trailing comma before } or put the key in double quotes.',
      };
    case 'ValueExpected':
      return {
        message: 'a value was expected here',
        hint: 'Remove a trailing comma before } or ], or write the missing "text".',
      };
    case 'ColonExpected':
      return { message: 'a colon ":" was expected after the key', hint: 'Write "key": "text".' };
    case 'CommaExpected':
      return {
        message: 'a comma "," is missing here',
        hint: 'Add a comma after this entry: entries are separated by commas ("a": "…", "b": "…").',
      };
    case 'CloseBraceExpected':
      return {
        message: 'a closing brace "}" was expected',
        hint: 'Every { needs a matching }; a quote may be unbalanced above.',
      };
    case 'CloseBracketExpected':
      return { message: 'a closing bracket "]" was expected', hint: 'Every [ needs a matching ].' };
    case 'EndOfFileExpected':
      return {
        message: 'unexpected text after the end of the JSON object',
        hint: 'Remove what follows the last }.',
      };
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return {
        message: 'comments are not allowed in JSON',
        hint: 'Remove the comment; explain in the pull request instead.',
      };
    case 'UnexpectedEndOfString':
      return {
        message: 'this string is not closed',
        hint: 'Close it with a double quote; a quote inside the text must be written \\" (or use typographic quotes “ ”).',
      };
    case 'InvalidUnicode':
    case 'InvalidEscapeCharacter':
      return {
        message: 'invalid escape sequence',
        hint: 'Inside a string, write \\" for a quote and \\\\ for a backslash.',
      };
    case 'InvalidCharacter':
      return {
        message: 'invalid character in a string (a line break or tab must be escaped)',
        hint: 'Write a line break as \\n, or join the lines.',
      };
    default:
      return {
        message: `invalid JSON (${jsonc().printParseErrorCode(code)})`,
        hint: 'Fix the JSON syntax at this position.',
      };
  }
}
