import { LitElement, html, nothing } from 'lit';
import { FolioRelatedClickEvent } from '../../events.js';
import type { FolioStrings } from '../../i18n/strings.js';
import { attributes, define } from '../../internal/define.js';
import { chromeOf } from '../../internal/hosts.js';
import { safeUrl } from '../../internal/url.js';
import type { RelatedItem } from '../../story/story.js';
import { styles } from './folio-related-card.styles.js';

/** Bad URL strings already reported, so a page full of cards from one bad feed warns once each. */
const warned = new Set<string>();

/** An http(s) URL (relative ones resolved against `base`), or null with one console warning. */
function checkedUrl(raw: string | undefined, base: string | null): string | null {
  const url = safeUrl(raw, base as string);
  // (A Set grows only for a string it has not seen.)
  if (raw && !url && warned.size < warned.add(raw).size) console.warn(`folio-related-card: not an http(s) URL: ${raw}`);
  return url;
}

/** A line of the card (label, kicker, headline), or nothing when it has no content; `lang` when it is Folio's text. */
const line = (name: string, content: unknown, lang?: string) =>
  content ? html`<div part=${name} lang=${lang ?? nothing}>${content}</div>` : nothing;

/**
 * Fields come from attributes or from the `item` property; a field set on the element itself
 * wins over the same field of `item`, which fills the rest. Relative URLs resolve against
 * `base` (the story's URL), else the document. A URL that is not http(s) or relative renders
 * the card without a link and warns once in the console.
 *
 * Inside an article, the card's label speaks the article's language (marked with it), and
 * the card takes the article's direction; its headline, kicker and teaser keep the language of
 * where they sit (the story's). On its own, the card speaks its own or its nearest ancestor's `lang`.
 *
 * The label is a small dimmed line above the kicker, not a heading: every inline card repeating "Other Topics of
 * Interest" as a heading would clutter the article's outline that screen-reader users navigate by.
 *
 * Theming: the two knobs below, the global `--folio-accent` (also the kicker), `--folio-text-color`,
 * `--folio-font-body`, `--folio-font-headline` and `--folio-radius`; anything else (padding,
 * sizes, the label colour) through the parts, e.g. `folio-related-card::part(kicker) { color: teal }`.
 *
 * @tagname folio-related-card
 * @summary A card that sends the reader to another story: label, kicker, headline and teaser,
 * as exactly one link whose accessible name is the headline. (No thumbnail and no date: compact
 * on phones, and no date formatting on a cold page.)
 *
 * @attr {string} href - The related story's URL: http(s), or relative to `base`.
 * @attr {string} headline - The headline; a card without one renders nothing.
 * @attr {string} kicker - The kicker above the headline ("Fact-Checking").
 * @attr {string} label - The label; default the localised "Other Topics of Interest".
 * @attr {string} base - What relative URLs resolve against (the story's URL).
 * @attr {number} position - Position reported in the click event.
 *
 * @slot - The teaser (light DOM). Without one, `item.teaser` is shown as text (the slot's fallback).
 *
 * @csspart card - The card box.
 * @csspart label - The "Other Topics of Interest" line.
 * @csspart kicker - The kicker above the headline.
 * @csspart headline - The headline line.
 * @csspart link - The link around the headline text, stretched over the card.
 * @csspart teaser - The teaser (the slot itself, displayed as a block).
 *
 * @cssprop [--folio-related-card-accent=the accent (--folio-accent, --folio-accent-dark)] - Border and focus ring
 *   colour.
 * @cssprop [--folio-related-card-background=#f3f2ef] - Card background (dark: #24262a).
 *
 * @fires {FolioRelatedClickEvent} folio-related-click - The reader activated the link, before navigation;
 *   cancel it to stay.
 */
export class FolioRelatedCard extends LitElement {
  static override styles = styles;

  static override properties = {
    ...attributes('href', 'headline', 'kicker', 'label', 'base'),
    position: { type: Number },
    item: { attribute: false },
    strings: { attribute: false },
  };

  /** The related story's URL: http(s), or relative to `base`. */
  declare href?: string;
  /** The headline; a card without one renders nothing. */
  declare headline?: string;
  /** The kicker above the headline ("Fact-Checking"). */
  declare kicker?: string;
  /** The line above the card; defaults to the localised "Other Topics of Interest". `""` hides it. */
  declare label?: string;
  /** The URL a relative `href` resolves against: the story's URL. Defaults to the document's base URL. */
  declare base?: string;
  /** 1-based position of the card among the article's related items, reported in the click event. */
  position = 1;
  /** The same fields as one object (a `RelatedItem`); fields set on the element win. */
  declare item?: RelatedItem;
  /** Overrides for the localised strings. */
  declare strings?: Partial<FolioStrings>;

  /** From `willUpdate`: the checked link (null: none), the trimmed headline. */
  #url?: string | null;
  #text?: string;
  /** A field as set on the element, else from `item`. */
  #field<K extends keyof RelatedItem>(k: K): RelatedItem[K] | undefined {
    return (this as Partial<RelatedItem>)[k] ?? this.item?.[k];
  }

  protected override willUpdate(): void {
    this.#text = this.#field('headline')?.trim();
    // A relative base (say "/news/") resolves against the document first.
    this.#url = checkedUrl(this.#field('href'), safeUrl(this.base));
  }

  /**
   * A click on the link announces `folio-related-click`, which a listener may cancel. The link is
   * stretched over the whole card (a::after), so a click anywhere on it is the link's.
   */
  #onClick(e: MouseEvent): void {
    const click = new FolioRelatedClickEvent({ href: this.#url!, headline: this.#text!, position: this.position });
    if (!this.dispatchEvent(click)) e.preventDefault();
  }

  protected override render() {
    const text = this.#text;
    if (!text) return nothing;
    const { lang, dir, strings } = chromeOf(this, this.strings);
    // A label of the publisher's (the element's or the item's) is in a language we do not know.
    const own = this.#field('label');
    const label = own ?? strings.otherTopics;
    const headline = this.#url ? html`<a part=link href=${this.#url} @click=${this.#onClick}>${text}</a>` : text;
    // The teaser is the slot itself: its fallback, `item.teaser`, shows when nothing is slotted.
    const teaser = html`<slot part=teaser>${this.item?.teaser}</slot>`;
    const kicker = line('kicker', this.#field('kicker'));
    const labelLine = line('label', label, own == null ? lang : undefined);
    return html`<div part=card dir=${dir ?? nothing}
      >${labelLine}${kicker}${line('headline', headline)}${teaser}</div
    >`;
  }
}

define('folio-related-card', FolioRelatedCard);

declare global {
  interface HTMLElementTagNameMap {
    'folio-related-card': FolioRelatedCard;
  }
}
