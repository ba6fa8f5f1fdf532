import { html } from 'lit';
import { FolioErrorEvent, FolioReadyEvent } from '../../events.js';
import type { ArticleHost } from '../../internal/hosts.js';
import { yieldTask } from '../../internal/tasks.js';
import { measureBlocks, publisherAds, readBody, type BodyBlock } from '../../placement/body.js';
import { placeAds, placeRelated } from '../../placement/place.js';
import { fetchRelatedFeed } from '../../story/related-feed.js';
import type { CorrectionNotice } from '../../story/story.js';
import { renderFooter, renderNotices } from './blocks.js';
import type { AdDefaults, ResolvedSettings } from '../../internal/settings.js';

/**
 * The DOM side of the article: reading the publisher's blocks as the placement rules see them,
 * and creating the elements Folio inserts between them.
 */

/** The blocks of the article in `parts` that the reader sees, with where each is drawn: one layout read for all. */
const measuredBody = (parts: Element[], s: ResolvedSettings): BodyBlock[] =>
  measureBlocks(readBody(parts, publisherAds(s.values.publisherAds)));

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
 * Enhance mode, once per article: ad slots between the publisher's paragraphs where the rules
 * allow and inserting cannot move what the reader already sees, then `folio-ready`, then the
 * related card when its feed arrives. `parts` are the elements holding the article's text (the
 * host, or the fragments of a story split across several elements, in document order); what
 * Folio inserts goes into them, before the paragraph below each chosen gap, and the publisher's
 * nodes are never moved or replaced. `label` names the article in the console warning given
 * when it holds no paragraph. Only the feed's first item is shown; a failed feed leaves the
 * article as it was and dispatches a non-fatal `folio-error` on the host (unless `signal`
 * stopped it: the element left the page).
 */
export async function enhanceBody(
  host: Element,
  s: ResolvedSettings,
  base: string,
  parts: Element[] = [host],
  label = `<${host.localName}>`,
  signal?: AbortSignal,
): Promise<void> {
  // Every read (the walk, the geometry) before any write.
  const blocks = measuredBody(parts, s);
  // Nothing goes where the reader may be looking: only below the screen (the fold). Whether the
  // page has painted yet cannot be known for sure (the paint entry comes a frame or two after
  // the paint), so the first screen is never Folio's.
  // (Before the paragraph below each gap: an ad's gap always has one.) Only where there is a
  // paragraph to put an ad next to: reading the viewport's height lays the page out.
  if (blocks.some((b) => b.kind === 'paragraph')) {
    for (const i of placeAds(blocks, { ...s.rules, fold: innerHeight })) blocks[i].el.before(createSlot(s.ads));
  } else if (blocks.length) {
    // Tells the page's developer, once per article, why no ad went in, and what the article holds.
    // (An empty element is not worth a warning: a `<folio-article>` whose story is on its way, a
    // page still filling it.)
    console.warn(`folio: ${label}: no paragraph for ads, only ${[...new Set(blocks.map((b) => b.kind))].join(', ')}`);
  }
  // A slot the publisher placed gets the article's ad settings where it has none of its own.
  for (const { el } of blocks) if (el.localName === 'folio-ad-slot') configureSlot(el, s.ads);
  host.dispatchEvent(new FolioReadyEvent({ mode: 'enhance', blocks: blocks.length }));
  const feed = s.values.relatedSrc;
  if (!feed) return;
  // The card goes below the first screen: its request waits for a task of its own.
  await yieldTask();
  const result = await fetchRelatedFeed(feed, signal);
  if (!result.ok) {
    // (Unless `signal` stopped it: the element left the page.)
    if (result.code !== 'aborted') {
      host.dispatchEvent(new FolioErrorEvent({ code: 'related-feed', message: result.message, fatal: false }));
    }
    return;
  }
  const [item] = result.value;
  const now = measuredBody(parts, s);
  if (!item || now.some((b) => b.kind === 'related')) return;
  const at = placeRelated(now, innerHeight);
  if (at == null) return;
  now[at].el.before(Object.assign(document.createElement('folio-related-card'), { item, base, position: 1 }));
}

/** The end of an article, in both modes: the published correction notices and the corrections footer. */
export function renderEnd(host: ArticleHost, notices?: CorrectionNotice[]) {
  const { chrome } = host;
  // The footer offers corrections only where there is somewhere to send them.
  return html`${renderNotices(notices, chrome)}${host.correctionsUrl && renderFooter(host.element, chrome)}`;
}

/**
 * What the shadow root shows in enhance mode, for `<folio-article>` and a publisher's own
 * element alike: the publisher's markup through a `<slot>`, then the end of the article.
 */
export const renderChrome = (host: ArticleHost, notices?: CorrectionNotice[]) =>
  html`<slot></slot>${renderEnd(host, notices)}`;
