/**
 * The related-stories feed behind `<folio-article related-src>`: a JSON array of related items,
 * or an object `{ "items": [...] }`. Each item has the `RelatedItem` shape; items without a
 * headline or an href are dropped one by one, so a feed with one bad entry still fills a card.
 */
import type { RelatedItem } from './story.js';

const FIELDS = ['href', 'headline', 'kicker', 'label', 'teaser', 'image', 'imageAlt', 'published'];

/** The fields of `v` that are non-blank strings; an item only with an href and a headline. */
function item(v: unknown): RelatedItem | null {
  const o = v as Record<string, unknown> | null;
  const out = Object.fromEntries(FIELDS.filter((k) => typeof o?.[k] == 'string' && (o[k] as string).trim()).map((k) => [k, o![k]]));
  return out.href && out.headline ? (out as unknown as RelatedItem) : null;
}

/**
 * The valid items of a feed, in order. `null` means the feed is garbage: not an array nor
 * `{ items: [...] }`, or it lists items of which none is valid. An empty list is a valid,
 * empty feed.
 */
export function parseRelatedFeed(json: unknown): RelatedItem[] | null {
  const list: unknown = Array.isArray(json) ? json : (json as { items?: unknown })?.items;
  if (!Array.isArray(list)) return null;
  const items = list.map(item).filter((i) => i != null);
  return list.length && !items.length ? null : items;
}

/** Why a feed could not be used; the article reports it as a non-fatal `related-feed` error. */
export class RelatedFeedError extends Error {
  override name = 'RelatedFeedError';
  constructor(
    readonly reason: 'network' | 'http' | 'json' | 'invalid',
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/**
 * Fetches and validates a feed. Throws `RelatedFeedError` when the network fails, the server
 * answers with an error status, the body is not JSON or the JSON is garbage. An abort through
 * `signal` rethrows the browser's `AbortError` untouched, so callers can tell it apart.
 */
export async function fetchRelatedFeed(url: string, signal?: AbortSignal): Promise<RelatedItem[]> {
  const fail = (reason: RelatedFeedError['reason'], what: string, status?: number) =>
    new RelatedFeedError(reason, `related feed ${url}: ${what}`, status);
  // For a failed step: the browser's AbortError as it is after an abort, else a feed error.
  const failed = (reason: RelatedFeedError['reason'], what?: string) => (e: Error) => {
    throw signal?.aborted ? e : fail(reason, what ?? e.message);
  };
  const res = await fetch(url, { signal, headers: { accept: 'application/json' } }).catch(failed('network'));
  if (!res.ok) throw fail('http', `HTTP ${res.status}`, res.status);
  const items = parseRelatedFeed(await res.json().catch(failed('json', 'not JSON')));
  if (!items) throw fail('invalid', 'not a list of related items');
  return items;
}
