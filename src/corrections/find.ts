/**
 * The keyboard path to quoting words: the reader types the words they mean, and this finds them
 * in the article text, as the same quote a selection of them would give (`quoteAt`). Matching
 * ignores case, runs of white space and the kind of quotation mark or apostrophe, so that
 * "o'clock" typed on a keyboard finds "o’clock" in print. No DOM: the article text in, quotes out.
 */
import { quoteAt, type Quote } from './selectors.js';

/**
 * `text` folded for matching, with where each of its characters came from: `from[i]` is the
 * offset in `text` of folded character `i`. Lower case (where that keeps one character for one:
 * not "İ"), straight quotation marks and apostrophes, one space for a run of white space.
 * Per character: a long story (300,000 characters) takes some tens of ms, once per opening.
 */
export function fold(text: string): { folded: string; from: number[] } {
  let folded = '';
  const from: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const lower = text[i].toLowerCase();
    let char = lower.length > 1 ? text[i] : lower;
    if (/\s/.test(char)) {
      if (folded.endsWith(' ')) continue;
      char = ' ';
    }
    folded += char.replace(/[‘’‚‛′]/, "'").replace(/[“”„‟″«»]/, '"');
    from.push(i);
  }
  return { folded, from };
}

/**
 * A finder over the article `text` (folded once): every place where the given words occur, in
 * order, as quotes; none for words that are only white space.
 */
export function wordFinder(text: string): (words: string) => Quote[] {
  const { folded, from } = fold(text);
  return (words) => {
    const needle = fold(words.trim()).folded;
    const quotes: Quote[] = [];
    for (let at = needle ? folded.indexOf(needle) : -1; at >= 0; at = folded.indexOf(needle, at + 1)) {
      quotes.push(quoteAt(text, from[at], from[at + needle.length - 1] + 1));
    }
    return quotes;
  };
}
