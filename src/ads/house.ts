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
 * (relative URLs resolve against the feed's own URL). Anything else yields no creative. `alt`
 * is taken as it is: it only ever becomes an image's alt text (a property, never markup).
 */
export function parseHouseFeed(data: unknown, base: string): HouseCreative[] {
  return (Array.isArray(data) ? data : []).flatMap((o) => {
    const sizes = parseSizes(`${o?.sizes}`, []); // a number or anything else is no size
    const image = safeUrl(o?.image, base);
    const href = safeUrl(o?.href, base);
    return image && href && sizes != 'fluid' ? sizes.map((size) => ({ size, image, href, alt: o.alt })) : [];
  });
}

/** The `turn`-th creative (round robin) among those that fit `sizes`, or null. */
export function pickCreative(list: HouseCreative[], sizes: AdSizes, turn: number): HouseCreative | null {
  const fit = list.filter((c) => fits(c.size, sizes));
  return fit[turn % fit.length] ?? null;
}

/** Feeds by (absolute) URL. */
const feeds: Record<string, Promise<HouseCreative[]>> = {};
let turn = 0;

/** The creatives at `url`, fetched once per page. Rejects when the feed fails or has none usable. */
export function loadHouseFeed(url: string): Promise<HouseCreative[]> {
  return (feeds[url] ??= fetch(url).then(async (res) => {
    const list = parseHouseFeed(res.ok && (await res.json()), url);
    if (!list.length) throw Error(`house feed ${url}: HTTP ${res.status}, no usable creative`);
    return list;
  }));
}

export const house: AdProvider = {
  name: 'house',
  async request({ src, sizes, container, label }) {
    const url = safeUrl(src);
    if (!url) throw Error('house ads need an ads-src URL');
    const c = pickCreative(await loadHouseFeed(url), sizes, turn++);
    if (c) {
      const a = Object.assign(document.createElement('a'), { href: c.href, rel: 'sponsored noopener', target: '_blank' });
      const img = Object.assign(new Image(...c.size), { src: c.image, alt: c.alt || label });
      // Through the CSSOM, which strict CSPs allow, against publisher rules such as `img { width: 100% }`.
      // The link wraps the image exactly (its focus ring too), top-aligned: no gap under it.
      a.style.cssText = 'display:inline-block;vertical-align:top';
      img.style.cssText = `display:block;width:${c.size[0]}px;max-width:100%;height:auto`;
      a.append(img);
      container.replaceChildren(a);
    }
    return { filled: !!c, size: c?.size ?? null };
  },
};
