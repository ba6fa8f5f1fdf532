/**
 * House ads: the publisher's own creatives from a JSON feed (`ads-src`),
 * `[{ "sizes": "300x250", "image": "…", "href": "…", "alt": "…" }]`, drawn as one image link
 * marked `rel="sponsored"`. The feed is fetched once per URL however many slots use it, and
 * creatives rotate across the slots of the page.
 */
import type { AdSize } from '../events.js';
import { safeUrl } from '../internal/url.js';
import type { AdProvider } from './provider.js';
import { fits, parseSizes, type AdSizes } from './sizes.js';

/** One creative of one size (a feed entry with two sizes becomes two creatives). */
export interface HouseCreative {
  size: AdSize;
  image: string;
  href: string;
  alt: string;
}

/**
 * Keeps the usable entries of an untrusted feed: a fixed size, and an http(s) image and link
 * (relative URLs resolve against the feed's own URL). Anything else yields no creative.
 */
export function parseHouseFeed(data: unknown, base: string): HouseCreative[] {
  const out: HouseCreative[] = [];
  for (const o of Array.isArray(data) ? data : []) {
    const sizes = parseSizes(`${o?.sizes}`, []); // a number or anything else is no size
    const image = safeUrl(o?.image, base);
    const href = safeUrl(o?.href, base);
    if (image && href && sizes != 'fluid') for (const size of sizes) out.push({ size, image, href, alt: typeof o.alt == 'string' ? o.alt : '' });
  }
  return out;
}

/** The `turn`-th creative (round robin) among those that fit `sizes`, or null. */
export function pickCreative(list: HouseCreative[], sizes: AdSizes, turn: number): HouseCreative | null {
  const fit = list.filter((c) => fits(c.size, sizes));
  return fit[turn % fit.length] ?? null;
}

const feeds = new Map<string, Promise<HouseCreative[]>>();
let turn = 0;

/** The creatives at `url`, fetched once per page. Rejects when the feed fails or has none usable. */
export function loadHouseFeed(url: string): Promise<HouseCreative[]> {
  let feed = feeds.get(url);
  if (!feed) {
    feed = fetch(url).then(async (res) => {
      const list = res.ok ? parseHouseFeed(await res.json(), url) : [];
      if (!list.length) throw new Error(`house ads feed ${url}: ${res.ok ? 'no usable creative' : `HTTP ${res.status}`}`);
      return list;
    });
    feeds.set(url, feed);
  }
  return feed;
}

export const house: AdProvider = {
  name: 'house',
  async request({ src, sizes, container, label }) {
    const url = safeUrl(src);
    if (!url) throw new Error('house ads need an ads-src URL');
    const c = pickCreative(await loadHouseFeed(url), sizes, turn++);
    if (!c) return { filled: false, size: null };
    const a = Object.assign(document.createElement('a'), { href: c.href, rel: 'sponsored noopener', target: '_blank' });
    const img = Object.assign(new Image(...c.size), { src: c.image, alt: c.alt || label });
    // Through the CSSOM, which strict CSPs allow, against publisher rules such as `img { width: 100% }`.
    a.style.cssText = 'display:inline-block;vertical-align:top;line-height:0';
    img.style.cssText = `display:block;width:${c.size[0]}px;max-width:100%;height:auto`;
    a.append(img);
    container.replaceChildren(a);
    return { filled: true, size: c.size };
  },
};
