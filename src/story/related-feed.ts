/**
 * The related-stories feed behind `<folio-article related-src>`: a JSON array of related items,
 * or an object `{ "items": [...] }`. Each item has the `RelatedItem` shape and is checked like
 * the story's own `related` items; items without a headline or an href are dropped one by one,
 * so a feed with one bad entry still fills a card.
 */
import { fetchJson, type FetchResult } from '../internal/fetch-json.js';
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
 * Fetches and checks a feed: its valid items, or a failure with fetchJson's code (`invalid` when
 * the JSON is not a feed of related items).
 */
export async function fetchRelatedFeed(url: string, signal?: AbortSignal): Promise<FetchResult<RelatedItem[]>> {
  const result = await fetchJson(url, { signal });
  if (!result.ok) return result;
  const items = parseRelatedFeed(result.value);
  return items
    ? { ...result, value: items }
    : { ok: false, code: 'invalid', status: result.status, message: `${url}: not a feed of related items` };
}
