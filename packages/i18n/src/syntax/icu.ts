import type * as IcuParser from '@formatjs/icu-messageformat-parser';
import type { MessageFormatElement, TYPE } from '@formatjs/icu-messageformat-parser';
import { lazyModule } from '../model/lazy.js';

/** FormatJS's parser, loaded only for a project whose messages are ICU. */
const icu = lazyModule<typeof IcuParser>('@formatjs/icu-messageformat-parser');

/**
 * ICU MessageFormat, as i18next-icu reads it (`{name}`, `{n, number}`, `{count, plural, one {…}
 * other {…}}`, `{g, select, …}`), parsed with FormatJS's parser. Tags are left to the markup
 * scanner (`ignoreTag`): i18next-icu passes them through as text for react-i18next.
 */

export type IcuArgType =
  'string' | 'number' | 'date' | 'time' | 'plural' | 'selectordinal' | 'select';

/** A `plural`, `selectordinal` or `select` argument, with its option keys (`one`, `=0`, `male`). */
export interface IcuChoice {
  readonly name: string;
  readonly type: 'plural' | 'selectordinal' | 'select';
  readonly options: readonly string[];
  /** Offset of its `{` in the string. */
  readonly start: number;
}

export interface IcuScan {
  /** Every argument by name, with the type of its first use. */
  readonly args: ReadonlyMap<string, IcuArgType>;
  readonly choices: readonly IcuChoice[];
  /** Spans of simple arguments (`{name}`, `{n, number}`), to blank out of the prose. */
  readonly spans: readonly { readonly start: number; readonly end: number }[];
  /** Why the string is not a valid message, and where; undefined when it parses. */
  readonly error: { readonly message: string; readonly offset: number } | undefined;
}

const ERRORS: Readonly<Record<string, string>> = {
  MISSING_OTHER_CLAUSE: 'a plural or select without its "other" option',
  MALFORMED_ARGUMENT: 'a malformed {argument}',
  EXPECT_ARGUMENT_CLOSING_BRACE: 'an {argument} without its closing }',
  EMPTY_ARGUMENT: 'an empty {}',
  UNCLOSED_QUOTE_IN_ARGUMENT_STYLE: 'an unclosed quote',
  INVALID_ARGUMENT_TYPE: 'an unknown argument type',
  DUPLICATE_PLURAL_ARGUMENT_SELECTOR: 'an option given twice',
  DUPLICATE_SELECT_ARGUMENT_SELECTOR: 'an option given twice',
  EXPECT_PLURAL_ARGUMENT_SELECTOR_FRAGMENT: 'an option without its {text}',
  EXPECT_SELECT_ARGUMENT_SELECTOR_FRAGMENT: 'an option without its {text}',
};

let types: Readonly<Partial<Record<TYPE, IcuArgType>>> | undefined;
/** The argument type of each simple element type (built with the parser's enum, on first use). */
const TYPES = (TYPE: typeof IcuParser.TYPE): Readonly<Partial<Record<TYPE, IcuArgType>>> =>
  (types ??= {
    [TYPE.argument]: 'string',
    [TYPE.number]: 'number',
    [TYPE.date]: 'date',
    [TYPE.time]: 'time',
    [TYPE.select]: 'select',
  });

/** Parses one message; never throws (a hostile or broken message gives {@link IcuScan.error}). */
export function scanIcu(value: string): IcuScan {
  const { parse, TYPE } = icu();
  let ast: MessageFormatElement[];
  try {
    ast = parse(value, { ignoreTag: true, captureLocation: true });
  } catch (e) {
    const err = e as { message?: string; location?: { start?: { offset?: number } } };
    const kind = String(err.message ?? '');
    return {
      args: new Map(),
      choices: [],
      spans: [],
      error: {
        message:
          ERRORS[kind] ??
          (e instanceof RangeError ? 'nested too deeply' : kind.toLowerCase().replace(/_/g, ' ')),
        offset: err.location?.start?.offset ?? 0,
      },
    };
  }
  const args = new Map<string, IcuArgType>();
  const choices: IcuChoice[] = [];
  const spans: { start: number; end: number }[] = [];
  // Depth first with an explicit stack: nested options cannot overflow the checker's stack.
  const work: MessageFormatElement[] = [...ast];
  while (work.length > 0) {
    const el = work.pop() as MessageFormatElement;
    const start = el.location?.start.offset ?? 0;
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      const type =
        el.type === TYPE.select
          ? 'select'
          : el.pluralType === 'ordinal'
            ? 'selectordinal'
            : 'plural';
      if (!args.has(el.value)) args.set(el.value, type);
      choices.push({ name: el.value, type, options: Object.keys(el.options), start });
      for (const o of Object.values(el.options)) work.push(...o.value);
      continue;
    }
    if (el.type === TYPE.tag) {
      work.push(...el.children);
      continue;
    }
    const type = TYPES(TYPE)[el.type];
    if (type === undefined || !('value' in el) || typeof el.value !== 'string') continue;
    if (!args.has(el.value)) args.set(el.value, type);
    spans.push({ start, end: el.location?.end.offset ?? start });
  }
  choices.sort((a, b) => a.start - b.start);
  return { args, choices, spans, error: undefined };
}
