/**
 * The publisher's article body as the placement rules see it: its blocks in reading order and
 * what each one holds. Publishers wrap paragraphs in `<div>`s and components (a column, a text
 * block, a duet component), so the walk goes through any element that holds other elements and
 * no text of its own, to the blocks inside, as spacefinder walks nested blocks; and it reads what
 * a paragraph holds rather than its tag alone: a `<p>` may be empty, hold only an image, be a
 * "Related: …" link line, a credit or an editor's note.
 */
import { usableSelector } from '../internal/selector.js';
import type { PlacementBlock, PlacementKind } from './place.js';

/** A block of the body and the element it is. */
export interface BodyBlock extends PlacementBlock {
  el: Element;
}

/**
 * The ads already in the body: Folio's own slots and the publisher's ad containers Folio
 * recognises (GPT's divs, the common class names and data attributes, AdSense's `data-ad-slot`).
 * A page adds its own with `publisher-ads`.
 */
export const PAGE_ADS = 'folio-ad-slot,[id^=div-gpt-ad],.ad,.ad-slot,.advert,[data-ad],[data-ad-slot]';

/** What a paragraph may hold instead of text. */
const MEDIA = 'img,picture,svg,video,iframe';

/**
 * What a block is by what it matches, in order of precedence (after the publisher's ads). (A
 * `<pre>` or `<hr>` is `other` anyway: it holds text of its own, or nothing.)
 */
const KINDS: [PlacementKind, string][] = [
  ['related', 'folio-related-card'],
  ['other', '[data-folio-skip],aside,table,form'],
  ['embed', 'video,audio,iframe,embed,object,.twitter-tweet,.instagram-media,[data-embed]'],
  ['image', 'figure,img,picture,svg'],
  ['heading', 'h1,h2,h3,h4,h5,h6'],
  ['quote', 'blockquote'],
  ['list', 'ul,ol,dl'],
];

/** The kinds of block whose text counts towards the characters between ads. */
const TEXT_KINDS: PlacementKind[] = ['paragraph', 'quote', 'list'];

/** Never blocks of the body: Folio's named slots, and what is not shown. */
const NOT_BLOCKS = '[slot],script,style,noscript,template';

/**
 * How a prose paragraph ends: a full stop, question or exclamation mark or a colon (in any
 * script), then perhaps closing quotes and brackets. Credits, captions, sign-offs and source
 * lines ("(Reporting by …)", "Photo: …", "Source: …") end otherwise.
 */
const SENTENCE_END = /[.!?…:。！？؟।][\s"'”’»」』)\]]*$/;

/** An element's text as a reader sees it: runs of whitespace (nbsp included) as one space, trimmed. */
const visibleText = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();

/** What a `<p>` is, from what it holds. */
function paragraphKind(p: Element, text: string): PlacementKind {
  if (!text) return p.querySelector(MEDIA) ? 'image' : 'empty';
  // Mostly one link or one stretch of italics: "Related: …", "[Read: …]", an editor's note, a credit.
  const inner = p.querySelector('a,em,i');
  if (inner && visibleText(inner).length * 2 > text.length) return inner.localName === 'a' ? 'link' : 'other';
  return SENTENCE_END.test(text) ? 'paragraph' : 'other';
}

/** What a block is, or null for a wrapper the walk goes into. */
function kindOf(el: Element, pageAds: string): PlacementKind | null {
  if (el.matches(pageAds)) return 'ad';
  const kind = KINDS.find(([, selector]) => el.matches(selector));
  if (kind) return kind[0];
  if (el.localName === 'p') return paragraphKind(el, visibleText(el));
  const ownText = [...el.childNodes].some((node) => node instanceof Text && node.data.trim());
  return el.children.length && !ownText ? null : 'other';
}

/**
 * The blocks of an article whose text is in `parts` (one element, or the fragments of a story
 * split across several, in document order), in reading order. Between two parts the walk also
 * reads what the publisher put there (a figure, an ad container, a link box): neighbours and ads
 * for the rules, never a paragraph to put an ad next to, as its text is not the article's.
 * `pageAds` selects the ads already there (`publisherAds`: the common ones and the page's own).
 */
export function readBody(parts: Element[], pageAds: string): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  const last = parts[parts.length - 1];
  // Past the start of the first part; past the end of the last.
  let started = false;
  let done = false;
  const visit = (el: Element, inside: boolean): void => {
    if (done || el.matches(NOT_BLOCKS)) return;
    if (parts.includes(el)) {
      started = true;
      walk(el, true);
      done = el === last;
    } else if (parts.some((part) => el.contains(part))) {
      walk(el, false);
    } else if (started) {
      const kind = kindOf(el, pageAds);
      if (!kind) return walk(el, inside);
      const text = inside && TEXT_KINDS.includes(kind) ? visibleText(el) : '';
      blocks.push({
        el,
        kind: kind === 'paragraph' && !inside ? 'other' : kind,
        chars: text.length,
        intro: text.endsWith(':'),
      });
    }
  };
  const walk = (el: Element, inside: boolean) => {
    for (const child of el.children) visit(child, inside);
  };
  // The parent of the part holds it when there is one; else the parts' nearest common ancestor.
  const span = new Range();
  span.setStartBefore(parts[0]);
  span.setEndAfter(last);
  walk(span.commonAncestorContainer as Element, false);
  return blocks;
}

/** The selector for the publisher's ad containers: the common ones, and the page's own when it is usable. */
export const publisherAds = (extra: string | null): string =>
  extra && usableSelector('publisher-ads', extra) ? `${PAGE_ADS},${extra}` : PAGE_ADS;

/**
 * The blocks the reader sees, each with where it is drawn (viewport px), all read in one go: the
 * first read lays the page out, the others reuse that layout. A block with no box (hidden, as a
 * publisher's desktop-only ad on a phone) is left out: there is nothing to keep away from.
 */
export const measureBlocks = (blocks: BodyBlock[]): BodyBlock[] =>
  blocks.filter((block) => {
    const box = block.el.getBoundingClientRect();
    block.top = box.top;
    return box.width || box.height;
  });
