/**
 * Creative sizes as publishers write them (`300x250,336x280`, or `fluid` for native ads that
 * take the container's width), and the arithmetic the slot needs from them. No DOM.
 */
import type { AdSize } from '../events.js';

export type AdSizes = AdSize[] | 'fluid';

/** The medium rectangle (MPU), the one size every ad stack sells: the default, and what `fluid` reserves. */
export const MPU: AdSize = [300, 250];

/**
 * Parses `300x250, 336x280` (also `300×250`) or `fluid`. Entries that are not two whole numbers
 * from 1 to 9999 are dropped, and so are repeats; `fluid` mixed with fixed sizes is dropped too.
 * Returns `fallback` when nothing valid is left.
 */

export function parseSizes(raw: string | null | undefined, fallback: AdSizes = [MPU]): AdSizes {
  const text = `${raw}`.trim().toLowerCase(); // null and undefined match nothing
  if (text === 'fluid') return text;
  const sizes: AdSize[] = [];
  // Whole entries only (between separators): `-3x4` or `3x4px` are no size.
  for (const [, w, h] of text.matchAll(/(?<![^\s,])([1-9]\d{0,3})[x×]([1-9]\d{0,3})(?![^\s,])/g)) {
    const s: AdSize = [Number(w), Number(h)];
    if (!sizes.some((known) => `${known}` === `${s}`)) sizes.push(s);
  }
  return sizes.length ? sizes : fallback;
}

/** The sizes that fit a container `width` px wide; all of them if none fits (or width is unknown). */
export function fitWidth(sizes: AdSizes, width: number): AdSizes {
  const fit = sizes === 'fluid' ? [] : sizes.filter(([w]) => w <= width);
  return fit.length ? fit : sizes;
}

/** The height of the smallest likely creative, what to reserve before anything arrives: an MPU's for `fluid`. */
export function smallestHeight(sizes: AdSizes): number {
  return sizes === 'fluid' ? MPU[1] : Math.min(...sizes.map(([, h]) => h));
}
