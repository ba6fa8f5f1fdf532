/**
 * Where ads and the related card go in an article: plain functions over the article's blocks
 * (kind and text length), no DOM, so the rules are tested as a table and the debug view can
 * show why each gap was taken or refused. Think of the Guardian's "spacefinder": walk the gaps
 * from the top, take the first gap that keeps every rule, and carry on from there.
 */

export type PlacementKind = 'paragraph' | 'heading' | 'image' | 'quote' | 'list' | 'ad' | 'related' | 'other';

/** One block of the article body, as the rules see it. `chars` is its visible text length. */
export interface PlacementBlock {
  kind: PlacementKind;
  chars: number;
}

export interface PlacementRules {
  /** `false` inserts no ads; pinned `ad` blocks stay where the publisher put them. */
  enabled: boolean;
  /** Paragraphs before the first ad. */
  first: number;
  /** Characters of text before the first ad. */
  firstChars: number;
  /** Paragraphs between two ads (pinned ads count). */
  gap: number;
  /** Characters of text between two ads. */
  gapChars: number;
  /** Most inserted ads (pinned ones not counted). */
  max: number;
}

export const DEFAULT_RULES: PlacementRules = {
  enabled: true,
  first: 3,
  firstChars: 600,
  gap: 3,
  gapChars: 600,
  max: 4,
};

/** A gap index i means "between blocks[i-1] and blocks[i]" (0..blocks.length). */
export interface Candidate {
  index: number;
  taken: boolean;
  /** Why, in short words for editors: 'taken', 'next to heading', 'too early', 'too close to an ad', … */
  reason: string;
}

export interface Placement {
  /** The gap indexes to insert ads at, ascending. */
  positions: number[];
  /** Every gap, 0..blocks.length, with its verdict: the debug view draws these. */
  candidates: Candidate[];
}

/**
 * The gaps to insert ads at. Only a gap between two paragraphs qualifies (never next to a
 * heading, image, quote, list, related card, other content or another ad, and never after the
 * last paragraph). The first ad needs `first` paragraphs and `firstChars` characters above it;
 * any two ads, pinned or inserted, need `gap` paragraphs and `gapChars` characters between them
 * (also between an inserted ad and a pinned ad below it). At most `max` are inserted. Greedy from
 * the top, which yields the most ads the spacing allows.
 */
export function placeAds(blocks: PlacementBlock[], rules: Partial<PlacementRules> = {}): Placement {
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
  // The gap where the previous ad ended (-1 before any), and where the next pinned ad starts
  // (n + 1 when none; found once per ad: linear, not quadratic). Beyond 0..n the totals are
  // undefined, so `near` is false: no ad above (the "too early" rule applies) or below.
  let last = -1;
  let next = -1;
  const candidates = paras.map((_, i): Candidate => {
    if (blocks[i - 1]?.kind === 'ad') last = i;
    if (next < i) for (next = i; next <= n && blocks[next]?.kind !== 'ad';) next++;
    // Next to a block that is not a paragraph; at the edges (no block above or below) the
    // "too early" and "after the last paragraph" rules refuse the gap instead.
    const other = [blocks[i - 1], blocks[i]].find((b) => b?.kind !== 'paragraph');
    /** Why the gap is refused, or '' when it is taken; the first rule it breaks. */
    const refusal = (): string => {
      if (!r.enabled) return 'ads off';
      if (paras[n] === paras[i]) return 'after the last paragraph';
      if (other) return 'next to ' + other.kind;
      if (positions.length >= r.max) return `limit: ${r.max} ads`;
      if (last < 0 && near(0, i, r.first, r.firstChars)) return 'too early';
      if (near(last, i) || near(i, next)) return 'too close to an ad';
      return '';
    };
    const reason = refusal();
    if (!reason) positions.push((last = i));
    return { index: i, taken: !reason, reason: reason || 'taken' };
  });
  return { positions, candidates };
}

/**
 * Where the first related card goes: the first gap between two paragraphs with at least two
 * paragraphs above it (one, in a very short article). Never first or last in the body, never
 * next to an ad, heading, image, quote, list or another card. Returns a gap index or null.
 * Call it before `placeAds` and pass the card in as a `related` block, so ads keep away from it.
 * That is the first ad `placeAds` would insert with no text minimum, and ads seen as any other
 * block: a neighbour to keep away from, not a reason for spacing.
 */
export function placeRelated(blocks: PlacementBlock[]): number | null {
  const find = (first: number) =>
    placeAds(
      blocks.map((b) => (b.kind === 'ad' ? { kind: 'other', chars: 0 } : b)),
      { first, firstChars: 0, max: 1 },
    ).positions[0];
  return find(2) ?? find(1) ?? null;
}

type Loose = string | number | null | undefined;

/**
 * Reads rules from strings (element attributes, script-tag data) or story JSON over a base.
 * `first`, `gap`, `max` take whole numbers ≥ 0; `ads="none"` turns inserted ads off and
 * `ads="auto"` back on; `enabled` (story JSON) does the same. Bad values are ignored, so
 * `rulesFrom(rulesFrom(DEFAULT_RULES, story.ads ?? {}), attributes)` gives attributes precedence.
 */
export function rulesFrom(
  base: PlacementRules,
  input: { first?: Loose; gap?: Loose; max?: Loose; ads?: string | null; enabled?: boolean | null },
): PlacementRules {
  const ads = input.ads?.trim().toLowerCase();
  let enabled = input.enabled ?? base.enabled;
  if (ads === 'none') enabled = false;
  if (ads === 'auto') enabled = true;
  const rules = { ...base, enabled };
  // Whole numbers ≥ 0 only, from a string or a number; anything else (blank included) is ignored.
  for (const key of ['first', 'gap', 'max'] as const) {
    if (/^\s*\d+\s*$/.test(`${input[key]}`)) rules[key] = Number(input[key]);
  }
  return rules;
}
