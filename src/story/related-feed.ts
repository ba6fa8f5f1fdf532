/**
 * The related-stories feed behind `<folio-article related-src>`: a JSON array of related items,
 * or an object `{ "items": [...] }`. Each item has the `RelatedItem` shape; items without a
 * headline or an href are dropped one by one, so a feed with one bad entry still fills a card.
 */
import type { RelatedItem } from './story.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

const OPTIONAL = ['kicker', 'label', 'teaser', 'image', 'imageAlt', 'published'] as const;

function item(v: unknown): RelatedItem | null {
  if (!isObj(v) || !str(v.headline) || !str(v.href)) return null;
  const out: RelatedItem = { href: v.href as string, headline: v.headline as string };
  for (const k of OPTIONAL) if (str(v[k])) out[k] = v[k] as string;
  return out;
}

/**
 * The valid items of a feed, in order. `null` means the feed is garbage: not an array nor
 * `{ items: [...] }`, or it lists items of which none is valid. An empty list is a valid,
 * empty feed.
 */
export function parseRelatedFeed(json: unknown): RelatedItem[] | null {
  const list = Array.isArray(json) ? json : isObj(json) && Array.isArray(json.items) ? (json.items as unknown[]) : null;
  if (!list) return null;
  const items = list.map(item).filter((i): i is RelatedItem => i !== null);
  return list.length && !items.length ? null : items;
}

/** Why a feed could not be used; the article reports it as a non-fatal `related-feed` error. */
export class RelatedFeedError extends Error {
  constructor(
    readonly reason: 'network' | 'http' | 'json' | 'invalid',
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'RelatedFeedError';
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
  let json: unknown;
  try {
    const res = await fetch(url, { signal, headers: { accept: 'application/json' } });
    if (!res.ok) throw fail('http', `HTTP ${res.status}`, res.status);
    json = await res.json().catch((e: unknown) => {
      throw signal?.aborted ? e : fail('json', 'not JSON');
    });
  } catch (e) {
    if (e instanceof RelatedFeedError || signal?.aborted) throw e;
    throw fail('network', (e as Error).message);
  }
  const items = parseRelatedFeed(json);
  if (!items) throw fail('invalid', 'not a list of related items');
  return items;
}
