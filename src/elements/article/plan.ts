import { DEFAULT_RULES, placeAds, placeRelated, rulesFrom, type Candidate, type PlacementBlock, type PlacementKind, type PlacementRules } from '../../placement/place.js';
import { blockTextLength, type AdBlock, type RelatedItem, type StoryBlock } from '../../story/story.js';

/**
 * The body of an article as it will be shown: the story's own blocks with the inserted ads and
 * the inline related card between them. Pure data, no DOM: story mode renders it, enhance mode
 * applies the same decisions to the publisher's nodes.
 */
export type PlanItem =
  | { kind: 'block'; block: StoryBlock }
  | { kind: 'ad'; ad: AdBlock; inserted: boolean }
  | { kind: 'related'; item: RelatedItem; position: number; inserted: boolean }
  | { kind: 'debug'; candidate: Candidate };

export interface BodyPlan {
  items: PlanItem[];
  /** Related items for the "More on this story" list at the end. */
  more: RelatedItem[];
  /** Every gap between the blocks, with the placement verdict (the debug view draws them). */
  candidates: Candidate[];
}

/** The kind of a story block, for the placement rules. */
export function kindOf(block: StoryBlock): PlacementKind {
  return block.type === 'paragraph' ? 'paragraph' : block.type;
}

/** Applies the ad rules in order of precedence: attributes over story JSON over script tag over defaults. */
export function resolveRules(...layers: Parameters<typeof rulesFrom>[1][]): PlacementRules {
  return layers.reduceRight((rules, layer) => rulesFrom(rules, layer), DEFAULT_RULES);
}

/**
 * Plans a story's body: the first related item inline where `placeRelated` says (unless the
 * story pins a card itself), the rest at the end; then ads where `placeAds` says, with pinned
 * ads and the card as neighbours.
 */
export function planStory(body: StoryBlock[], related: RelatedItem[] = [], rules: PlacementRules = DEFAULT_RULES, debug = false): BodyPlan {
  let items: PlanItem[] = body.map((block) =>
    block.type === 'ad'
      ? { kind: 'ad', ad: block, inserted: false }
      : block.type === 'related'
        ? { kind: 'related', item: block, position: 0, inserted: false }
        : { kind: 'block', block },
  );
  const blocksOf = (list: PlanItem[]): PlacementBlock[] =>
    list.map((it) => (it.kind === 'block' ? { kind: kindOf(it.block), chars: blockTextLength(it.block) } : { kind: it.kind === 'debug' ? 'other' : it.kind, chars: 0 }));

  let more = related;
  if (related.length && !items.some((it) => it.kind === 'related')) {
    const at = placeRelated(blocksOf(items));
    if (at !== null) {
      items = [...items.slice(0, at), { kind: 'related', item: related[0], position: 0, inserted: true }, ...items.slice(at)];
      more = related.slice(1);
    }
  }
  const { positions, candidates } = placeAds(blocksOf(items), rules);
  const at = new Set(positions);
  const planned: PlanItem[] = [];
  items.forEach((item, i) => {
    if (debug) planned.push({ kind: 'debug', candidate: candidates[i] });
    if (at.has(i)) planned.push({ kind: 'ad', ad: { type: 'ad' }, inserted: true });
    planned.push(item);
  });
  if (debug && candidates.length > items.length) planned.push({ kind: 'debug', candidate: candidates[items.length] });
  items = planned;
  // Number the cards in reading order, the end list after them, for the click and impression events.
  let position = 0;
  for (const it of items) if (it.kind === 'related') it.position = ++position;
  return { items, more, candidates };
}
