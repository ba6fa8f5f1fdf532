/**
 * From the reader's selection to the words they meant: which article it is in, the exact text,
 * its context and its position in the article's text. Everything a correction quotes is
 * counted in one text, the article text, so that the quote, its prefix and suffix and its
 * positions always agree with each other.
 *
 * The article text is the text as a reader sees it: each run of white space in the source (the
 * indentation and line breaks of pretty-printed markup) is one space, as `white-space: normal`
 * draws it (`<pre>` and `pre-wrap` keep theirs); where a block begins or ends (whatever the
 * browser lays out as a block: a paragraph, a list item, a heading; or at a `<br>`) there is
 * one line break. A quote may run across blocks; its context stops at them.
 */
import { isArticle, type ArticleElement } from '../internal/hosts.js';

/**
 * Inside an article but not the article: Folio's inserted ads and cards, what the publisher marks,
 * and elements whose text is not read (a template's content is not among its children).
 */
export const SKIP = 'folio-ad-slot,folio-related-card,[data-folio-skip],script,style,noscript';

/** NodeFilter's values, which the bundle would otherwise look up on the global each time. */
const SHOW_ELEMENTS_AND_TEXT = 5; // NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;

/** Characters of context kept at most on each side of a quote (TextQuoteSelector prefix and suffix). */
export const CONTEXT = 32;
/** Longest quote a correction carries; the reader sees where a longer selection is cut. */
export const MAX_QUOTE = 500;

/**
 * The article text (see above) of one or more roots (the parts of a story, in order), skipping
 * SKIP subtrees, with where each text node's characters went: `offsets[i](k)` is the offset in
 * `text` of the DOM point (`nodes[i]`, k), for k from 0 to the node's length. (It reads the node
 * again up to k, from where its reading began: a selection asks for two points, so the story is
 * read word by word rather than every character's offset kept.)
 */
export interface TextIndex {
  text: string;
  nodes: Text[];
  offsets: ((k: number) => number)[];
}

/**
 * A reading of the article text: the text so far, what goes before the next character shown
 * (nothing, a space or a line break), and whether the node being read shows its white space as it
 * is (`<pre>`, `pre-wrap`).
 */
type Reading = [text: string, gap: string, pre: boolean];

/**
 * Reads `data` on from `reading`, word by word: the white space before a word is one space,
 * unless a line break is due or nothing has been shown yet; in `pre`, every character as it is.
 */
function read([text, gap, pre]: Reading, data: string): Reading {
  (pre ? [data] : data.split(/[\0- ]+/)).forEach((word, i) => {
    if (i && text && !gap) gap = ' ';
    if (word) {
      text += gap + word;
      gap = '';
    }
  });
  return [text, gap, pre];
}

/** A quote in the article text (W3C TextQuoteSelector plus TextPositionSelector). */
export interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** What a selection inside an article points at. */
export interface SelectionTarget {
  article: ArticleElement;
  /**
   * The words, with their context. Read from the one block that holds the selection where there
   * is one, its positions then count from that block: `quoteOf(article.textRoots, range)` gives
   * the same words with their positions in the story.
   */
  quote: Quote;
  range: AbstractRange;
}

/** The nearest element around `node` that the browser lays out as a block (on lines of its own), not inline. */
function blockOf(node: Node): Element | null {
  let el = node.parentElement;
  while (el && getComputedStyle(el).display.startsWith('inline')) el = el.parentElement;
  return el;
}

export function articleText(roots: readonly Node[]): TextIndex {
  const nodes: TextIndex['nodes'] = [];
  const offsets: TextIndex['offsets'] = [];
  let text = '';
  // What goes before the next character shown: nothing, a space or a line break.
  let gap = '';
  let block: Element | null = null;
  for (const root of roots) {
    // Rejecting an element skips its whole subtree.
    const walker = document.createTreeWalker(root, SHOW_ELEMENTS_AND_TEXT, (node) =>
      (node as Element).matches?.(SKIP) ? FILTER_REJECT : FILTER_ACCEPT,
    );
    for (let n; (n = walker.nextNode());) {
      if (n instanceof Text) {
        const here = blockOf(n);
        if (here !== block && text) gap = '\n';
        block = here;
        // White space shown as it is in <pre> (and pre-wrap).
        const start: Reading = [text, gap, getComputedStyle(n.parentElement!).whiteSpace.startsWith('pre')];
        const { data } = n;
        nodes.push(n);
        offsets.push((k) => {
          const [before, gapBefore] = read(start, data.slice(0, k));
          return before.length + gapBefore.length;
        });
        [text, gap] = read(start, data);
      } else if ((n as Element).localName === 'br' && text) gap = '\n';
    }
  }
  return { text, nodes, offsets };
}

/**
 * The offset in the article text of a DOM boundary point (node, offset), or null when the point
 * is in another tree than the article's. A point inside a skipped subtree, or between elements,
 * counts as the start of the next article text node.
 */
export function textOffset({ nodes, offsets, text }: TextIndex, node: Node, offset: number): number | null {
  const i = nodes.indexOf(node as Text);
  if (i >= 0) return offsets[i](offset);
  // The first text node the point comes before (none: the end).
  const probe = new Range();
  const isAfterPoint = (textNode: Text) => {
    probe.selectNodeContents(textNode);
    return probe.comparePoint(node, offset) < 0;
  };
  try {
    return offsets[nodes.findIndex(isAfterPoint)]?.(0) ?? text.length;
  } catch {
    return null; // a point in another tree (WrongDocumentError)
  }
}

/**
 * The start of `s`: at most `max` characters, ending with a whole word (cut anywhere only when
 * there is no space to cut at, as in Japanese).
 */
function headWords(s: string, max: number): string {
  const head = s.slice(0, max + 1);
  if (s.length <= max) return s;
  return /\s/.test(head) ? head.replace(/\s+\S*$/, '') : head.slice(0, max);
}

/** The end of `s`: at most `max` characters, starting with a whole word (see `headWords`). */
function tailWords(s: string, max: number): string {
  const tail = s.slice(-max - 1);
  if (s.length <= max) return s;
  return /\s/.test(tail) ? tail.replace(/^\S*\s+/, '') : tail.slice(1);
}

/**
 * Up to CONTEXT characters after position `end` of `text`: whole words, within the block. (Only
 * the first line is split off, not the whole rest of a long story: that once took over a second
 * for one letter typed on the keyboard path.)
 */
const suffixAt = (text: string, end: number) => headWords(text.slice(end).split('\n', 1)[0], CONTEXT);

/**
 * The quote of `text` between `start` and `end`: the words between them (without the white space
 * or line breaks at either end; at most MAX_QUOTE characters, the rest of a longer selection left
 * out), with their context, whole words within their block. What a selection of those characters
 * gives, and what the keyboard path gives for the same words.
 */
export function quoteAt(text: string, start: number, end: number): Quote {
  while (text[start] <= ' ' && start < end) start++;
  // (A point after the white space at the end of the text is at most its end.)
  end = Math.min(end, start + MAX_QUOTE, text.length);
  while (text[end - 1] <= ' ' && end > start) end--;
  return {
    exact: text.slice(start, end),
    prefix: tailWords(text.slice(text.lastIndexOf('\n', start - 1) + 1, start), CONTEXT),
    suffix: suffixAt(text, end),
    start,
    end,
  };
}

/**
 * The nearest article (`<folio-article>` or enhanced element) whose text holds `node`, crossing
 * shadow roots upwards.
 */
export function articleOf(node: Node | null): ArticleElement | null {
  for (let n = node; n; n = n.parentNode ?? (n as ShadowRoot).host) {
    if (isArticle(n)) return n.textRoots.some((root) => root.contains(node)) ? n : null;
  }
  return null;
}

/**
 * What the current selection quotes, when it starts or ends in one of `articles` and holds
 * article text; null otherwise. An end outside the article is clamped to the article's text.
 *
 * `exact` is the article text between the boundaries (see `quoteAt`): the words as the reader
 * sees them, white space collapsed, one line break between blocks, the text of skipped elements
 * (an ad the selection ran across) left out, as it is from the positions.
 */
export function selectionTarget(articles: Iterable<Element>): SelectionTarget | null {
  const selection = getSelection();
  if (!selection?.rangeCount) return null;
  // The range seen through the shadow roots of `articles` (each one's own, and the tree it sits
  // in), through `getComposedRanges` (dictionary form: every engine in the support table). Where
  // it is missing, the plain document range, which cannot see into shadow roots: enhance-mode
  // articles still work there.
  const shadowRoots = [...articles]
    .flatMap((article) => [article.shadowRoot, article.getRootNode()])
    .filter((root): root is ShadowRoot => root instanceof ShadowRoot);
  const range = selection.getComposedRanges ? selection.getComposedRanges({ shadowRoots })[0] : selection.getRangeAt(0);
  if (range.collapsed) return null;
  const article = articleOf(range.startContainer) ?? articleOf(range.endContainer);
  if (!article) return null;
  // Only the block the selection is in is read, when it is in one (a typo's is) of the article:
  // the quote and its context are in it, and a long story is not read on the keypress. (From a
  // point in a skipped subtree, the block around that subtree: the line may go on around it.)
  const { startContainer } = range;
  const first = blockOf(startContainer.parentElement?.closest(SKIP) ?? startContainer);
  const from = first?.contains(range.endContainer) && articleOf(first) === article ? first : null;
  const quote = quoteOf(from ? [from] : article.textRoots, range);
  return quote.exact ? { article, quote, range } : null;
}

/**
 * The quote of `range` in the article text of `roots`: the article's (`textRoots`), for the
 * positions in the story; or a block of it that holds the range, for the same words and context.
 */
export function quoteOf(roots: readonly Node[], range: AbstractRange): Quote {
  const index = articleText(roots);
  const start = textOffset(index, range.startContainer, range.startOffset) ?? 0;
  const end = textOffset(index, range.endContainer, range.endOffset) ?? index.text.length;
  return quoteAt(index.text, start, end);
}
