/**
 * The related-stories feed behind `<folio-article related-src>`: a JSON array of related items,
 * or an object `{ "items": [...] }`. Each item has the `RelatedItem` shape and is checked like
 * the story's own `related` items; items without a headline or an href are dropped one by one,
 * so a feed with one bad entry still fills a card.
 */
import { validItems } from './schema.js';
import { relatedItem, type RelatedItem } from './story.js';

const feedItems = validItems(relatedItem);

/**
 * The valid items of a feed, in order. `null` means the feed is garbage: not an array nor
 * `{ items: [...] }`, or it lists items of which none is valid. An empty list is a valid,
 * empty feed.
 */
export function parseRelatedFeed(json: unknown): RelatedItem[] | null {
  const list: unknown = Array.isArray(json) ? json : (json as { items?: unknown })?.items;
  if (!Array.isArray(list)) return null;
  const items = feedItems(list, 'items');
  return list.length && !items.length ? null : items;
}

/**
 * Fetches and validates a feed. Throws an error naming the feed and what failed (`network`,
 * `http` with the status, `json`, or `invalid`: not a list of related items) when the network
 * fails, the server answers with an error status, the body is not JSON or the JSON is garbage.
 * An abort through `signal` rethrows the browser's `AbortError` untouched, so callers can tell
 * it apart.
 */
export async function fetchRelatedFeed(url: string, signal?: AbortSignal): Promise<RelatedItem[]> {
  let stage = 'network';
  let items: RelatedItem[] | null = null;
  try {
    const res = await fetch(url, { signal });
    stage = 'http ' + res.status;
    if (res.ok) {
      stage = 'json';
      items = parseRelatedFeed(await res.json());
      stage = 'invalid';
    }
  } catch (e) {
    if (signal?.aborted) throw e;
  }
  if (!items) throw Error(`related feed ${url}: ${stage}`);
  return items;
}
