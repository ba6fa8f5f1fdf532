/**
 * Where ads and the related card go in an article: plain functions over the article's blocks
 * (what each block is, its text length and, when the page was measured, where it is drawn), no
 * DOM, so the rules are tested as a table. Think of the Guardian's "spacefinder": walk the gaps
 * from the top, take the first gap that keeps every rule, and carry on from there; with rendered
 * geometry, nothing goes above the fold.
 */

/**
 * What a block of the body is. Only a `paragraph` (real prose) has an ad above or below it; the
 * rest are neighbours an ad keeps away from: `empty` paragraphs, `image`s (figures, image-only
 * paragraphs), `embed`s (tweets, iframes, videos), `link` lines ("Related: …"), `heading`s,
 * `quote`s, `list`s, the `related` card, `other` content (captions, credits, notes, code), and
 * `ad`s already there: a slot the publisher gave Folio or the publisher's own ad container,
 * which also count for the spacing between ads (not for the maximum).
 */
export type PlacementKind =
  'paragraph' | 'empty' | 'image' | 'embed' | 'link' | 'heading' | 'quote' | 'list' | 'ad' | 'related' | 'other';

/** One block of the article body, as the rules see it. */
export interface PlacementBlock {
  kind: PlacementKind;
  /** Visible text length (paragraphs, quotes and lists; 0 for the rest). */
  chars: number;
  /** A paragraph ending in a colon introduces what follows (a speaker's words): no ad after it. */
  intro?: boolean;
  /** Where the block's top is drawn, in px from any origin shared by all blocks, when the page was measured. */
  top?: number;
}

export interface PlacementRules {
  /** `false` inserts no ads; ads already there stay where they are. */
  enabled: boolean;
  /** Paragraphs before the first ad. */
  first: number;
  /** Characters of text before the first ad. */
  firstChars: number;
  /** Paragraphs between two ads (ads already there count). */
  gap: number;
  /** Characters of text between two ads. */
  gapChars: number;
  /** Most inserted ads (ads already there not counted). */
  max: number;
  /**
   * With geometry: ads go only at or below this y (px, the blocks' origin). Once the reader sees
   * the page it is the bottom of the screen (the fold), so that inserting moves nothing they see.
   */
  fold: number;
}

export const DEFAULT_RULES: PlacementRules = {
  enabled: true,
  first: 3,
  firstChars: 600,
  gap: 3,
  gapChars: 600,
  max: 4,
  fold: -Infinity,
};

/**
 * The gaps to insert ads at, ascending (a gap index i means "between blocks[i-1] and blocks[i]",
 * 0..blocks.length). Only a gap between two paragraphs qualifies (never next to any
 * other kind of block, never after a paragraph ending in a colon, never after the last
 * paragraph). The first ad needs `first` paragraphs and `firstChars` characters above it; any two
 * ads, already there or inserted, need `gap` paragraphs and `gapChars` characters between them
 * (also between an inserted ad and one below it). When the blocks carry geometry, an ad goes
 * nowhere above the `fold`. At most `max` are inserted. Greedy from the top, which yields the
 * most ads the spacing allows.
 */
export function placeAds(blocks: PlacementBlock[], rules: Partial<PlacementRules> = {}): number[] {
  const r = { ...DEFAULT_RULES, ...rules };
  const n = blocks.length;
  // Running totals: paragraphs and characters before each gap (one entry per gap).
  const paras = [0];
  const chars = [0];
  blocks.forEach((b, i) => {
    paras[i + 1] = paras[i] + (b.kind === 'paragraph' ? 1 : 0);
    chars[i + 1] = chars[i] + b.chars;
  });
  /** Whether gaps `from`..`to` hold too little text for two ads (or above the first). */
  const near = (from: number, to: number, min = r.gap, minChars = r.gapChars) =>
    paras[to] - paras[from] < min || chars[to] - chars[from] < minChars;
  const positions: number[] = [];
  // The gap where the previous ad ended (-1 before any), and where the next ad already there
  // starts (n + 1 when none; found once per ad: linear, not quadratic). Beyond 0..n the totals
  // are undefined, so `near` is false: no ad above (the "too early" rule applies) or below.
  let last = -1;
  let next = -1;
  /** Whether an ad may go at gap i, between blocks[i - 1] and blocks[i]. */
  const fits = (i: number): boolean => {
    const above = blocks[i - 1];
    const below = blocks[i];
    // Between two paragraphs (so never at the edges, nor after the last paragraph), not after a colon.
    if (!r.enabled || above?.kind !== 'paragraph' || below?.kind !== 'paragraph' || above.intro) return false;
    // Where the ad would be drawn: the top of the block below (never on screen when not measured).
    if ((below.top ?? NaN) < r.fold || positions.length >= r.max) return false;
    if (last < 0 && near(0, i, r.first, r.firstChars)) return false;
    return !near(last, i) && !near(i, next);
  };
  for (let i = 0; i <= n; i++) {
    if (blocks[i - 1]?.kind === 'ad') last = i;
    if (next < i) for (next = i; next <= n && blocks[next]?.kind !== 'ad';) next++;
    if (fits(i)) positions.push((last = i));
  }
  return positions;
}

/**
 * Where the first related card goes: the first gap between two paragraphs with at least two
 * paragraphs above it (one, in a very short article). Never first or last in the body, never
 * next to an ad, heading, image, quote, list or another card. Returns a gap index or null.
 * Call it before `placeAds` and pass the card in as a `related` block, so ads keep away from it.
 * That is the first ad `placeAds` would insert with no text minimum, and ads seen as any other
 * block: a neighbour to keep away from, not a reason for spacing. With geometry, the card goes
 * nowhere above the `fold` either.
 */
export function placeRelated(blocks: PlacementBlock[], fold = -Infinity): number | null {
  const find = (first: number) =>
    placeAds(
      blocks.map((b) => (b.kind === 'ad' ? { ...b, kind: 'other' } : b)),
      { first, firstChars: 0, max: 1, fold },
    )[0];
  return find(2) ?? find(1) ?? null;
}
