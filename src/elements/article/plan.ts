import { placeAds, placeRelated, type PlacementKind, type PlacementRules } from '../../placement/place.js';
import { blockText, type RelatedItem, type StoryBlock } from '../../story/story.js';

/**
 * The body of an article as it will be shown: the story's own blocks with the inserted ads and
 * the inline related card between them. Pure data, no
 * DOM: story mode renders it, enhance mode applies the same rules to the publisher's nodes.
 * Ads and related cards carry `n`: the ad's slot number, the card's position in reading order.
 */
export type PlanItem = StoryBlock & { n?: number };

/**
 * Plans a story's body: the first related item inline where `placeRelated` says (unless the
 * story pins a card itself; the other items are not shown); then ads where `placeAds` says, with pinned
 * ads and the card as neighbours.
 */
export function planStory(body: StoryBlock[], related: RelatedItem[] = [], rules: Partial<PlacementRules>): PlanItem[] {
  const items: StoryBlock[] = [...body];
  // Block types are the placement kinds; a paragraph whose text ends in a colon introduces the next.
  const kinds = () =>
    items.map((b) => {
      const text = blockText(b);
      return { kind: b.type as PlacementKind, chars: text.length, intro: text.trimEnd().endsWith(':') };
    });
  const at = related.length && !body.some((b) => b.type === 'related') ? placeRelated(kinds()) : null;
  if (at != null) items.splice(at, 0, { type: 'related', ...related[0] });
  const out: PlanItem[] = [];
  // Slots and cards are numbered in reading order (on a copy: the story's own blocks stay as they were).
  const count: Record<string, number> = { ad: 0, related: 0 };
  const push = (it: PlanItem) => out.push(it.type in count ? { ...it, n: ++count[it.type] } : it);
  const positions = placeAds(kinds(), rules);
  items.forEach((item, i) => {
    if (positions.includes(i)) push({ type: 'ad' });
    push(item);
  });
  return out;
}
