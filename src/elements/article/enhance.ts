import { FolioErrorEvent } from '../../events.js';
import { placeAds, placeRelated, type PlacementBlock, type PlacementKind, type PlacementRules } from '../../placement/place.js';
import { fetchRelatedFeed } from '../../story/related-feed.js';
import type { AdBlock, RelatedItem } from '../../story/story.js';

/**
 * The DOM side of the article: reading the publisher's blocks as the placement rules see them,
 * and creating the elements Folio inserts between them. Everything Folio inserts carries
 * `data-folio-inserted`, so it is never mistaken for the publisher's content (or inserted twice).
 */

export const INSERTED = 'data-folio-inserted';

const KINDS: Record<string, PlacementKind> = {
  P: 'paragraph',
  H1: 'heading',
  H2: 'heading',
  H3: 'heading',
  H4: 'heading',
  H5: 'heading',
  H6: 'heading',
  FIGURE: 'image',
  IMG: 'image',
  PICTURE: 'image',
  VIDEO: 'image',
  IFRAME: 'image',
  BLOCKQUOTE: 'quote',
  UL: 'list',
  OL: 'list',
  'FOLIO-AD-SLOT': 'ad',
  'FOLIO-RELATED-CARD': 'related',
};

/** The publisher's blocks and the slots and cards already among them, in order. */
export function bodyElements(host: Element): Element[] {
  return [...host.children].filter((el) => !el.hasAttribute('slot') && !el.hasAttribute('data-folio-debug'));
}

/** A block as the placement rules see it. `data-folio-skip` marks elements that are not body text. */
export function classify(el: Element): PlacementBlock {
  const kind = el.hasAttribute('data-folio-skip') ? 'other' : (KINDS[el.tagName] ?? 'other');
  return { kind, chars: kind === 'paragraph' || kind === 'list' || kind === 'quote' ? (el.textContent ?? '').trim().length : 0 };
}

/** Whether the browser has painted anything yet: before that, inserting moves nothing anyone saw. */
export function hasPainted(): boolean {
  return performance.getEntriesByType('paint').length > 0;
}

/**
 * Whether inserting before `ref` (or at the end of `host`) cannot move what the reader sees:
 * nothing painted yet, or the point is below the bottom of the viewport.
 */
export function safeToInsert(host: Element, ref: Element | undefined): boolean {
  if (!hasPainted()) return true;
  const top = ref ? ref.getBoundingClientRect().top : host.getBoundingClientRect().bottom;
  return top >= innerHeight;
}

/** Inserts `node` at gap `index` of `blocks` (before blocks[index], or after the last one). */
export function insertAt(host: Element, blocks: Element[], index: number, node: Node): void {
  const ref = blocks[index];
  if (ref) ref.before(node);
  else if (blocks.length) blocks[blocks.length - 1].after(node);
  else host.append(node);
}

/** Ad settings the article hands to the slots it inserts; a slot's own attributes win. */
export interface AdDefaults {
  provider?: string | null;
  unit?: string | null;
  sizes?: string | null;
  adsSrc?: string | null;
  gptSrc?: string | null;
  consent?: string | null;
}

const ATTRIBUTES: [keyof AdDefaults, string][] = [
  ['provider', 'provider'],
  ['unit', 'unit'],
  ['sizes', 'sizes'],
  ['adsSrc', 'ads-src'],
  ['gptSrc', 'gpt-src'],
  ['consent', 'ad-consent'],
];

/** Fills the attributes a slot does not set itself. */
export function configureSlot(slot: Element, defaults: AdDefaults, own: Partial<AdBlock> = {}): void {
  for (const [key, attr] of ATTRIBUTES) {
    const value = (own as Record<string, string | undefined>)[key] ?? defaults[key];
    if (value && !slot.hasAttribute(attr)) slot.setAttribute(attr, value);
  }
}

/** A new `<folio-ad-slot>` for an inserted or pinned position. */
export function createSlot(defaults: AdDefaults, own: Partial<AdBlock> = {}, slotName?: string): Element {
  const slot = document.createElement('folio-ad-slot');
  slot.setAttribute(INSERTED, '');
  if (slotName) slot.setAttribute('slot', slotName);
  configureSlot(slot, defaults, own);
  return slot;
}

/**
 * A marker for the ads debug view, in the light DOM (enhance mode): styled through the CSSOM,
 * which strict CSP allows, and never taken for article text (`data-folio-skip`).
 */
export function debugMarker(index: number, taken: boolean, reason: string): HTMLElement {
  const marker = document.createElement('p');
  marker.setAttribute('data-folio-debug', '');
  marker.setAttribute('data-folio-skip', '');
  marker.setAttribute('role', 'note');
  marker.textContent = `${taken ? '✓' : '✗'} gap ${index}: ${reason}`;
  Object.assign(marker.style, {
    margin: '4px 0',
    padding: '2px 8px',
    font: '12px/1.4 ui-monospace, monospace',
    color: taken ? '#0b5d1e' : '#7a1f1f',
    background: taken ? '#e3f6e8' : '#fbe9e9',
    border: `1px dashed ${taken ? '#0b5d1e' : '#7a1f1f'}`,
  });
  return marker;
}

export interface EnhanceOptions {
  ads: AdDefaults;
  rules: PlacementRules;
  debug: boolean;
  relatedSrc: string | null;
  /** The article's canonical URL: relative related links resolve against it. */
  base: string;
}

/**
 * Enhance mode, once per host: ad slots between the publisher's paragraphs where the rules
 * allow and inserting cannot move what the reader already sees, then the related card when its
 * feed arrives. The publisher's nodes are never moved or replaced. Resolves with the related
 * items left for the end list; a failed feed leaves the article as it was and dispatches a
 * non-fatal `folio-error` on the host.
 */
export async function enhanceBody(host: Element, options: EnhanceOptions): Promise<RelatedItem[]> {
  const blocks = bodyElements(host);
  for (const slot of blocks) if (slot.tagName === 'FOLIO-AD-SLOT') configureSlot(slot, options.ads);
  const { positions, candidates } = placeAds(blocks.map(classify), options.rules);
  const inserts: [number, Node][] = [];
  for (const at of positions) if (safeToInsert(host, blocks[at])) inserts.push([at, createSlot(options.ads)]);
  if (options.debug) for (const c of candidates) inserts.push([c.index, debugMarker(c.index, c.taken, c.reason)]);
  // From the bottom up, so the gap indexes stay true; a marker goes before the slot at its gap.
  inserts.sort((a, b) => b[0] - a[0] || (a[1] instanceof HTMLParagraphElement ? 1 : -1));
  for (const [at, node] of inserts) insertAt(host, blocks, at, node);
  if (!options.relatedSrc) return [];

  let items: RelatedItem[];
  try {
    items = await fetchRelatedFeed(options.relatedSrc);
  } catch (e) {
    host.dispatchEvent(new FolioErrorEvent({ code: 'related-feed', message: (e as Error).message, fatal: false }));
    return [];
  }
  const now = bodyElements(host);
  const kinds = now.map(classify);
  if (!items.length || kinds.some((b) => b.kind === 'related')) return items;
  // The first place the rules allow that cannot move what the reader sees: a feed usually
  // arrives after the first paint, when the top of the article is on screen.
  let at = placeRelated(kinds);
  while (at !== null && !safeToInsert(host, now[at])) {
    const next = placeRelated(kinds.slice(at));
    at = next === null ? null : at + next;
  }
  if (at === null) return items;
  const card = document.createElement('folio-related-card') as HTMLElement & { item?: RelatedItem; base?: string; position?: number };
  card.setAttribute(INSERTED, '');
  card.item = items[0];
  card.base = options.base;
  card.position = 1;
  insertAt(host, now, at, card);
  return items.slice(1);
}
