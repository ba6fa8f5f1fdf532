/**
 * House ads: the publisher's own creatives from a JSON feed (`ads-src`),
 * `[{ "sizes": "300x250", "image": "…", "href": "…", "alt": "…" }]`, drawn as one image link
 * marked `rel="sponsored"`. The feed is fetched once per URL however many slots use it, and
 * creatives rotate across the slots of the page.
 */
import { html, render } from 'lit';
import type { AdSize } from '../events.js';
import { fetchJson } from '../internal/fetch-json.js';
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
  // A lone entry outside an array counts as a feed of one.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- untrusted JSON, checked field by field
  return [data].flat().flatMap((entry: any) => {
    const sizes = parseSizes(`${entry?.sizes}`, []); // a number or anything else is no size
    const image = safeUrl(entry?.image, base);
    const href = safeUrl(entry?.href, base);
    return image && href && sizes !== 'fluid' ? sizes.map((size) => ({ size, image, href, alt: entry.alt })) : [];
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

/**
 * The creatives at `url`, fetched once per page (so no one slot's signal may stop the fetch).
 * Rejects with fetchJson's message when the feed fails, or when it has no usable creative.
 */
export function loadHouseFeed(url: string): Promise<HouseCreative[]> {
  return (feeds[url] ??= fetchJson(url).then((result) => {
    const list = result.ok ? parseHouseFeed(result.value, url) : [];
    if (!list.length) throw Error(result.ok ? `${url}: no usable creative` : result.message);
    return list;
  }));
}

export const house: AdProvider = {
  name: 'house',
  async request({ src, sizes, container, label }) {
    const url = safeUrl(src);
    if (!url) throw Error('no ads-src');
    const creative = pickCreative(await loadHouseFeed(url), sizes, turn++);
    // Lit's attribute bindings set values, never markup. `align=top` (a presentational hint, not
    // a style attribute, so strict CSPs allow it) leaves no gap under the image.
    if (creative) {
      const [w, h] = creative.size;
      render(
        html`<a href=${creative.href} rel="sponsored noopener" target=_blank
          ><img src=${creative.image} alt=${creative.alt || label} width=${w} height=${h} align=top
        ></a>`,
        container,
      );
      // The creative sits in the light DOM, where the publisher's CSS (`.story img { width: 100% }`)
      // reaches it: its own size, inline through the CSSOM (which strict CSPs allow), shrinking
      // only to fit a narrow slot.
      container.querySelector('img')!.style.cssText = `width:${w}px;height:auto;max-width:100%`;
    }
    return { filled: !!creative, size: creative?.size ?? null };
  },
};
