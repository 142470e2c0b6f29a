/**
 * What `net search` looks for: the words typed, as a full-text query. A word is letters and digits, as the index's
 * tokenizer cuts them (unicode61: anything else separates words, "café-bar" is café and bar); each must be found, as
 * the start of a word ("mortg" finds "mortgage"), in one contact's text or in one event's.
 */
import { UsageError } from './errors.js';

/** The most records of each kind that are ranked: beyond, the most recently written of the matches. */
export const SEARCH_WINDOW = 2000;

/** The words of a search, lower case, in order, each once. */
export function toSearchWords(text: string): string[] {
  const words = text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  return [...new Set(words)];
}

/** The FTS5 query for the words typed: every word, each a prefix, each quoted so that no word reads as an operator. */
export function parseSearchQuery(text: string): { words: string[]; match: string } {
  const words = toSearchWords(text);
  if (!words.length) throw new UsageError(`nothing to search for in "${text}"`, 'give one or more words, for example net search mortgage chamber');
  return { words, match: toMatchQuery(words, () => undefined) };
}

/**
 * A word whose terms the index can list as they are stored (store/search.ts listTerms): longer than the index's prefix
 * indexes of 2 and 3 letters (a shorter prefix is read from them at once), and plain ASCII, which the tokenizer only
 * lowers (it takes accents off others, which this side cannot repeat exactly).
 */
export const isExpandableWord = (word: string): boolean => /^[a-z0-9]{4,}$/.test(word);

/**
 * The FTS5 query for the words, each the start of a word: a word whose terms are known becomes those terms, exactly
 * ("spring" OR "springs"): FTS5 reads exact terms as far as it needs to, where a prefix longer than its prefix indexes
 * makes it build the whole list of matches first, for the search and again for each snippet. `termsOf` gives undefined
 * when it cannot say (too many terms, a word it cannot list): the word stays a prefix.
 */
export function toMatchQuery(words: readonly string[], termsOf: (word: string) => readonly string[] | undefined): string {
  return words
    .map((w) => {
      const terms = isExpandableWord(w) ? termsOf(w) : undefined;
      if (!terms?.length) return `${quote(w)}*`;
      return terms.length === 1 ? quote(terms[0]!) : `(${terms.map(quote).join(' OR ')})`;
    })
    // AND spelled out: FTS5 reads words side by side as AND only between phrases, and refuses a group in parentheses
    // next to anything ("tom"* ("photo" OR "photos") is a syntax error).
    .join(' AND ');
}

/** A word as an FTS5 string: quoted, any quote in it doubled, so that it reads as the word and never as an operator. */
const quote = (word: string): string => `"${word.replaceAll('"', '""')}"`;

/** A piece of text with the matching words marked: `marks` are [start, end) offsets into `text`. */
export interface MarkedText {
  text: string;
  marks: [number, number][];
}

/** A snippet as FTS5 gives it, the matches between `open` and `close`, as text and offsets. */
export function toMarkedText(snippet: string, open: string, close: string): MarkedText {
  const marks: [number, number][] = [];
  let text = '';
  let at = 0;
  while (at < snippet.length) {
    const start = snippet.indexOf(open, at);
    if (start < 0) {
      text += snippet.slice(at);
      break;
    }
    const end = snippet.indexOf(close, start + open.length);
    if (end < 0) {
      text += snippet.slice(at).split(open).join('');
      break;
    }
    text += snippet.slice(at, start);
    const word = snippet.slice(start + open.length, end);
    marks.push([text.length, text.length + word.length]);
    text += word;
    at = end + close.length;
  }
  return { text, marks };
}
