/**
 * The keyboard path to quoting words: the reader types the words they mean, and this finds them
 * in the article text, as the same quote a selection of them would give (`quoteAt`). Matching
 * ignores case, runs of white space and the kind of quotation mark or apostrophe, so that
 * "o'clock" typed on a keyboard finds "o’clock" in print. No DOM: the article text in, quotes out.
 */
import { quoteAt, type Quote } from './selectors.js';

/** Characters that mean something in a regular expression, to be escaped to stand for themselves. */
const SPECIAL = /[\\^$.*+?()[\]{}|]/g;

/** Any quotation mark or apostrophe: straight, curly (Unicode's initial and final quotes), low. */
const MARK = `['"\\p{Pi}\\p{Pf}„]`;

/**
 * The first place where `words` occur in the article `text`, as a quote; null where they do not
 * occur, or for words that are only white space. The dialog quotes that place; a reader who means
 * a later one types more of its words. One regular expression, run up to its first match (not
 * over the whole article, which for a long story at every letter typed cost a phone most of a
 * second): the typed characters as they are, except that white space matches any run of it (a
 * line break between blocks too), a quotation mark or apostrophe any other, and letters either case.
 */
export function findWords(text: string, words: string): Quote | null {
  const pattern = words.trim().replace(SPECIAL, '\\$&').replace(/\s+/g, '\\s+').replace(new RegExp(MARK, 'gu'), MARK);
  const match = pattern ? new RegExp(pattern, 'iu').exec(text) : null;
  return match && quoteAt(text, match.index, match.index + match[0].length);
}
