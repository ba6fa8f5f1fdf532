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
 * Every place where `words` occur in the article `text`, in order, as quotes; none for words
 * that are only white space. One regular expression: the typed characters as they are, except
 * that white space matches any run of it (a line break between blocks too), a quotation mark or
 * apostrophe any other, and letters either case.
 */
export function findWords(text: string, words: string): Quote[] {
  const pattern = words.trim().replace(SPECIAL, '\\$&').replace(/\s+/g, '\\s+').replace(new RegExp(MARK, 'gu'), MARK);
  if (!pattern) return [];
  return [...text.matchAll(new RegExp(pattern, 'giu'))].map((match) =>
    quoteAt(text, match.index!, match.index! + match[0].length),
  );
}
