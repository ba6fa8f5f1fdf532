/**
 * From the reader's selection to the words they meant: which article it is in, the exact text,
 * its context and its position in the article's text. Everything a correction quotes is
 * counted in one text, the article text, so that the quote, its prefix and suffix and its
 * positions always agree with each other.
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

/** Characters of context kept on each side of a quote (TextQuoteSelector prefix and suffix). */
export const CONTEXT = 32;

/**
 * The article text: the data of every text node under the root in document order, skipping
 * SKIP subtrees. `starts[i]` is where `nodes[i]` begins in `text`.
 */
export interface TextIndex {
  text: string;
  nodes: Text[];
  starts: number[];
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
  quote: Quote;
  range: AbstractRange;
}

export function articleText(root: Node): TextIndex {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  // Rejecting an element skips its whole subtree.
  const walker = document.createTreeWalker(root, SHOW_ELEMENTS_AND_TEXT, (node) =>
    (node as Element).matches?.(SKIP) ? FILTER_REJECT : FILTER_ACCEPT,
  );
  for (let n; (n = walker.nextNode());) {
    if (n instanceof Text) {
      nodes.push(n);
      starts.push(text.length);
      text += n.data;
    }
  }
  return { text, nodes, starts };
}

/**
 * The offset in the article text of a DOM boundary point (node, offset), or null when the point
 * is in another tree than the article's. A point inside a skipped subtree, or between elements,
 * counts as the start of the next article text node.
 */
export function textOffset({ nodes, starts, text }: TextIndex, node: Node, offset: number): number | null {
  const i = nodes.indexOf(node as Text);
  if (i >= 0) return starts[i] + offset;
  // The first text node the point comes before (none: the end).
  const probe = new Range();
  const isAfterPoint = (textNode: Text) => {
    probe.selectNodeContents(textNode);
    return probe.comparePoint(node, offset) < 0;
  };
  try {
    return starts[nodes.findIndex(isAfterPoint)] ?? text.length;
  } catch {
    return null; // a point in another tree (WrongDocumentError)
  }
}

/** The first `max` characters of a quote longer than that, with the suffix that now follows them. */
export function trimQuote(quote: Quote, max: number): Quote {
  const { exact, suffix, start } = quote;
  return {
    ...quote,
    exact: exact.slice(0, max),
    suffix: (exact.slice(max) + suffix).slice(0, CONTEXT),
    end: start + max,
  };
}

/**
 * The nearest article (`<folio-article>` or enhanced element) whose text holds `node`, crossing
 * shadow roots upwards.
 */
export function articleOf(node: Node | null): ArticleElement | null {
  for (let n = node; n; n = n.parentNode ?? (n as ShadowRoot).host) {
    if (isArticle(n)) return n.textRoot.contains(node) ? n : null;
  }
  return null;
}

/**
 * The selection's range, seen through the shadow roots of `articles` (each one's own, and the
 * tree it sits in), through `getComposedRanges` (dictionary form: every engine in the support
 * table). Where it is missing, the plain document range, which cannot see into shadow roots:
 * enhance-mode articles still work there.
 */
export function composedRange(
  articles: Iterable<Element>,
  selection = document.getSelection(),
): AbstractRange | null | undefined {
  if (!selection?.rangeCount) return null;
  const shadowRoots = [...articles]
    .flatMap((article) => [article.shadowRoot, article.getRootNode()])
    .filter((root): root is ShadowRoot => root instanceof ShadowRoot);
  return selection.getComposedRanges ? selection.getComposedRanges({ shadowRoots })[0] : selection.getRangeAt(0);
}

/**
 * What the current selection quotes, when it starts or ends in one of `articles` and holds
 * article text; null otherwise. An end outside the article is clamped to the article's text.
 *
 * `exact` is the article text between the boundaries: Range.toString() of the selection,
 * whitespace as in the DOM, except that text of skipped elements (an ad the selection ran
 * across) is left out, as it is from the positions.
 */
export function selectionTarget(articles: Iterable<Element>, selection?: Selection | null): SelectionTarget | null {
  const range = composedRange(articles, selection);
  if (!range || range.collapsed) return null;
  const article = articleOf(range.startContainer) ?? articleOf(range.endContainer);
  if (!article) return null;
  const index = articleText(article.textRoot);
  const { text } = index;
  const start = textOffset(index, range.startContainer, range.startOffset) ?? 0;
  const end = textOffset(index, range.endContainer, range.endOffset) ?? text.length;
  const quote = quoteAt(text, start, end);
  return quote.exact.trim() ? { article, quote, range } : null;
}

/**
 * The quote of `text` between `start` and `end`, with its context: what a selection of those
 * characters gives, and what the keyboard path (find.ts) gives for the same words.
 */
export function quoteAt(text: string, start: number, end: number): Quote {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
    start,
    end,
  };
}
