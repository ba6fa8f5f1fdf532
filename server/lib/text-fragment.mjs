// Links that open an article scrolled to the quoted words, with them highlighted:
// Text Fragments, https://wicg.github.io/scroll-to-text-fragment/
//   #:~:text=[prefix-,]textStart[,textEnd][,-suffix]
// Shared by the server's tests and the inbox page (loaded there as a browser module), so it uses
// nothing from Node.

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const LEADING_WORD = /^[\p{L}\p{N}\p{M}]+/u;
const TRAILING_WORD = /[\p{L}\p{N}\p{M}]+$/u;
/** Longer quotes are linked by their first and last words (textStart,textEnd), as Chrome does. */
const MAX_EXACT = 300;
const RANGE_WORDS = 4;
/**
 * Folio sends at most this many characters of context on each side, cut after whole words and at
 * the end of the quote's block; a context this long may be an older client's, cut mid-word.
 */
const CONTEXT = 32;

const isWordChar = (ch) => ch !== undefined && WORD_CHAR.test(ch);
const collapse = (s) => s.replace(/\s+/g, ' ').trim();

/**
 * Percent-encodes one part of a text directive: everything encodeURIComponent encodes, and also
 * "-", which the directive syntax uses around prefix and suffix ("," and "&" are already encoded).
 */
export function encodeDirectivePart(text) {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/**
 * The text directive (the part after `text=`) for a TextQuoteSelector, or '' when there is
 * nothing to point at. Browsers match directives on whole words only, and each part of one
 * within one block, so:
 * - a selection that starts or ends inside a word takes the rest of that word from the context;
 * - a context of the full 32 characters may have been cut inside a word (older clients cut it
 *   at a fixed length): its outermost word goes; a shorter one is whole words, all kept;
 * - a quote across blocks (a line break in `exact`, as Folio sends it) links from the first
 *   words of its first block to the last words of its last.
 */
export function textDirective({ exact, prefix = '', suffix = '' } = {}) {
  let p = String(prefix ?? '');
  let e = String(exact ?? '');
  let s = String(suffix ?? '');
  const prefixMayBeCut = p.length >= CONTEXT;
  const suffixMayBeCut = s.length >= CONTEXT;
  if (isWordChar(e[0]) && isWordChar(p.at(-1))) {
    const part = TRAILING_WORD.exec(p)[0];
    e = part + e;
    p = p.slice(0, -part.length);
  }
  if (isWordChar(e.at(-1)) && isWordChar(s[0])) {
    const part = LEADING_WORD.exec(s)[0];
    e += part;
    s = s.slice(part.length);
  }
  if (prefixMayBeCut && isWordChar(p[0])) p = p.replace(LEADING_WORD, '');
  if (suffixMayBeCut && isWordChar(s.at(-1))) s = s.replace(TRAILING_WORD, '');
  p = collapse(p);
  s = collapse(s);

  // A selection across paragraphs has line breaks; a single textStart cannot span blocks.
  const lines = e
    .split(/\s*\n\s*/)
    .map(collapse)
    .filter(Boolean);
  if (!lines.length) return '';
  const whole = lines.join(' ');
  const words = whole.split(' ');
  let parts = [whole];
  if ((lines.length > 1 || whole.length > MAX_EXACT) && words.length >= 2) {
    if (lines.length > 1) {
      parts = [
        lines[0].split(' ').slice(0, RANGE_WORDS).join(' '),
        lines.at(-1).split(' ').slice(-RANGE_WORDS).join(' '),
      ];
    } else {
      const n = Math.min(RANGE_WORDS, Math.floor(words.length / 2));
      parts = [words.slice(0, n).join(' '), words.slice(-n).join(' ')];
    }
  }
  let directive = parts.map(encodeDirectivePart).join(',');
  if (p) directive = `${encodeDirectivePart(p)}-,${directive}`;
  if (s) directive = `${directive},-${encodeDirectivePart(s)}`;
  return directive;
}

/**
 * `source` with a text fragment pointing at the quote; `source` alone when there is no quote;
 * null when `source` is not an http(s) URL (it came from a reader: never make it a link then).
 */
export function textFragmentLink(source, quote) {
  let url;
  try {
    url = new URL(source);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  const directive = quote?.exact ? textDirective(quote) : '';
  return directive ? `${url.href}#:~:text=${directive}` : url.href;
}
