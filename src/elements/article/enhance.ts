import { html } from 'lit';
import { FolioErrorEvent, FolioReadyEvent } from '../../events.js';
import type { ArticleHost } from '../../internal/hosts.js';
import { placeAds, placeRelated, type PlacementBlock, type PlacementKind } from '../../placement/place.js';
import { fetchRelatedFeed } from '../../story/related-feed.js';
import type { CorrectionNotice, RelatedItem } from '../../story/story.js';
import { renderMoreList } from '../related-card/more-list.js';
import { debugMarker, renderFooter, renderNotices } from './blocks.js';
import type { AdDefaults, ResolvedSettings } from './settings.js';

/**
 * The DOM side of the article: reading the publisher's blocks as the placement rules see them,
 * and creating the elements Folio inserts between them. Its debug markers carry
 * `data-folio-debug`, so they are not mistaken for the publisher's content.
 */

/**
 * What each kind of block is in the publisher's markup, in order of precedence: `data-folio-skip`
 * marks elements that are not body text; anything unlisted is `other` too.
 */
const KINDS: Partial<Record<PlacementKind, string>> = {
  other: '[data-folio-skip]',
  paragraph: 'p',
  heading: 'h1,h2,h3,h4,h5,h6',
  image: 'figure,img,picture,video,iframe',
  quote: 'blockquote',
  list: 'ul,ol',
  ad: 'folio-ad-slot',
  related: 'folio-related-card',
};

/** The publisher's blocks and the slots and cards already among them, in order. */
const bodyElements = (host: Element): Element[] =>
  [...host.children].filter((el) => !el.matches('[slot],[data-folio-debug]'));

/** The kinds of block whose text counts towards the characters between ads. */
const TEXT_KINDS: PlacementKind[] = ['paragraph', 'quote', 'list'];

/** A block as the placement rules see it. */
function classify(el: Element): PlacementBlock {
  const kind = (Object.keys(KINDS) as PlacementKind[]).find((k) => el.matches(KINDS[k]!)) ?? 'other';
  return { kind, chars: TEXT_KINDS.includes(kind) ? el.textContent!.trim().length : 0 };
}

/**
 * Whether inserting before `ref` cannot move what the reader sees: nothing painted yet, or `ref`
 * starts below the bottom of the viewport. (Nothing is ever inserted after the last block.)
 */
const safeToInsert = (ref: Element): boolean =>
  !performance.getEntriesByType('paint').length || ref.getBoundingClientRect().top >= innerHeight;

/** Fills the attributes a slot does not set itself: its own (pinned) settings first, then the article's. */
function configureSlot(slot: Element, defaults: AdDefaults, own: Record<string, unknown> = {}): void {
  for (const attr in defaults) {
    const value = (own[attr] as string | undefined) ?? defaults[attr];
    if (value && !slot.hasAttribute(attr)) slot.setAttribute(attr, value);
  }
}

/**
 * A new `<folio-ad-slot>` for an inserted or pinned position; in story mode (`own.n`) it shows
 * through the shadow body's `<slot name="folio-slot-N">`.
 */
export function createSlot(defaults: AdDefaults, own: { n?: number } = {}): Element {
  const slot = document.createElement('folio-ad-slot');
  if (own.n) slot.slot = `folio-slot-${own.n}`;
  configureSlot(slot, defaults, own);
  return slot;
}

/**
 * Enhance mode, once per host: ad slots between the publisher's paragraphs where the rules
 * allow and inserting cannot move what the reader already sees, then `folio-ready`. The
 * publisher's nodes are never moved or replaced.
 */
export function enhanceBody(host: Element, s: ResolvedSettings): void {
  const blocks = bodyElements(host);
  const { candidates } = placeAds(blocks.map(classify), s.rules);
  // From the bottom up, so every decision is made on the layout as it was; at one gap the marker goes first.
  for (let i = candidates.length; i--;) {
    // Past the last block: undefined, which insertBefore takes as null (append).
    const ref = blocks[i] as Element;
    // A slot the publisher placed gets the article's ad settings where it has none of its own.
    if (ref?.localName === 'folio-ad-slot') configureSlot(ref, s.ads);
    if (s.debug) host.insertBefore(debugMarker(candidates[i]), ref);
    if (candidates[i].taken && safeToInsert(ref)) host.insertBefore(createSlot(s.ads), ref);
  }
  host.dispatchEvent(new FolioReadyEvent({ mode: 'enhance', blocks: blocks.length }));
}

/**
 * Enhance mode: the related card from `related-src`, when its feed arrives, in the first place
 * the rules allow that cannot move what the reader sees. Resolves with the related items left
 * for the end list; a failed feed leaves the article as it was and dispatches a non-fatal
 * `folio-error` on the host (unless `signal` stopped it: the element left the page).
 */
export async function addRelated(
  host: Element,
  s: ResolvedSettings,
  base: string,
  signal?: AbortSignal,
): Promise<RelatedItem[]> {
  if (!s.relatedSrc) return [];
  const feed = await fetchRelatedFeed(s.relatedSrc, signal);
  if (!feed.ok) {
    if (feed.code !== 'aborted') {
      host.dispatchEvent(new FolioErrorEvent({ code: 'related-feed', message: feed.message, fatal: false }));
    }
    return [];
  }
  const items = feed.value;
  const now = bodyElements(host);
  const kinds = now.map(classify);
  if (!items.length || kinds.some((b) => b.kind === 'related')) return items;
  // The first place the rules allow that cannot move what the reader sees: a feed usually
  // arrives after the first paint, when the top of the article is on screen.
  let at = 0;
  let next: number | null;
  while ((next = placeRelated(kinds.slice(at))) != null && !safeToInsert(now[(at += next)]));
  if (next == null) return items;
  host.insertBefore(
    Object.assign(document.createElement('folio-related-card'), { item: items[0], base, position: 1 }),
    now[at],
  );
  return items.slice(1);
}

/**
 * The end of an article, in both modes: the correction notices, the "More on this story" list
 * (its first card numbered `start`: after the cards in the body; in enhance mode the one card
 * Folio may have inserted) and the corrections footer.
 */
export const renderEnd = (
  host: ArticleHost,
  more: RelatedItem[] = [],
  start = host.element.querySelector(':scope>folio-related-card') ? 2 : 1,
  notices?: CorrectionNotice[],
) => {
  const list = renderMoreList(more, { base: host.canonicalUrl, strings: host.localStrings, startPosition: start });
  return html`${renderNotices(notices, host.language, host.localStrings)}${list}${renderFooter(host)}`;
};

/**
 * What the shadow root shows in enhance mode, for `<folio-article>` and a publisher's own
 * element alike: the publisher's markup through a `<slot>`, then the end of the article.
 */
export const renderChrome = (host: ArticleHost, more?: RelatedItem[], notices?: CorrectionNotice[]) =>
  html`<slot></slot>${renderEnd(host, more, undefined, notices)}`;
