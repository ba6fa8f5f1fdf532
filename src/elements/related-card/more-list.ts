import { css, html, nothing, type TemplateResult } from 'lit';
import type { Direction, FolioStrings } from '../../i18n/strings.js';
import type { RelatedItem } from '../../story/story.js';
import './folio-related-card.js';

export interface MoreListOptions {
  /** The story's URL: relative hrefs and images resolve against it. */
  base: string;
  strings: Pick<FolioStrings, 'moreOnThisStory'>;
  /** The language and direction of `strings`, to mark the heading with (the cards' stories keep theirs). */
  lang?: string;
  dir?: Direction;
  /** Position of the first item in the list (1-based), reported in the cards' events. */
  startPosition: number;
}

/**
 * The "More on this story" list at the end of an article: a section with a heading and one
 * compact card per item. Renders nothing for no items (no heading over an empty list). The
 * host element adds `moreListStyles` to its own styles.
 */
export function renderMoreList(items: RelatedItem[], opts: MoreListOptions): TemplateResult | typeof nothing {
  if (!items.length) return nothing;
  const cards = items.map(
    (item, i) =>
      html`<li><folio-related-card variant=compact .item=${item} base=${opts.base}
        position=${opts.startPosition + i}></folio-related-card></li>`,
  );
  const { lang = nothing, dir = nothing, strings } = opts;
  return html`<section class=more part=more
    ><h2 part=more-heading lang=${lang} dir=${dir}>${strings.moreOnThisStory}</h2><ul role=list>${cards}</ul></section
  >`;
}

/** Styles for `renderMoreList`, for the shadow root it renders into. */
export const moreListStyles = css`
.more,.more ul{display:grid;gap:12px}
.more{margin-block:32px}
.more *{margin:0;padding:0}
.more h2{font:700 22px/1.25 var(--folio-font-headline,Georgia,serif)}
.more ul{list-style:none}
`;
