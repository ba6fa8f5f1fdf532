import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { FolioRelatedClickEvent, FolioRelatedImpressionEvent } from '../../events.js';
import { resolveLang, stringsFor, type FolioStrings } from '../../i18n/strings.js';
import { define } from '../../internal/define.js';
import { safeUrl } from '../../internal/url.js';
import type { RelatedItem } from '../../story/story.js';
import { styles } from './folio-related-card.styles.js';

/** Bad URL strings already reported, so a page full of cards from one bad feed warns once each. */
const warned = new Set<string>();

/** An http(s) URL (relative ones resolved against `base`), or null with one console warning. */
function checkedUrl(raw: string | undefined, base: string | undefined): string | null {
  if (!raw) return null;
  const url = safeUrl(raw, base);
  if (!url && !warned.has(raw)) {
    warned.add(raw);
    console.warn(`folio-related-card: not an http(s) URL, ignored: ${raw}`);
  }
  return url;
}

/** A localised date, or null when `iso` is not a date. Date-only strings are calendar days, not UTC midnights. */
function formatDate(iso: string, lang: string): string | null {
  const date = new Date(iso);
  if (Number.isNaN(+date)) return null;
  const opts: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: /^\d{4}-\d\d-\d\d$/.test(iso) ? 'UTC' : undefined };
  try {
    return new Intl.DateTimeFormat(lang, opts).format(date);
  } catch {
    return new Intl.DateTimeFormat('en', opts).format(date); // a malformed lang tag
  }
}

/**
 * @summary A card that sends the reader to another story: label, kicker, headline, teaser,
 * thumbnail and date, as exactly one link whose accessible name is the headline.
 *
 * Fields come from attributes or from the `item` property; a field set on the element itself
 * wins over the same field of `item`, which fills the rest. Relative URLs resolve against
 * `base` (the story's URL), else the document. A URL that is not http(s) or relative renders
 * the card without a link and warns once in the console.
 *
 * The label is a small-caps line, not a heading: every inline card repeating "Other Topics of
 * Interest" as a heading would clutter the article's outline that screen-reader users navigate by.
 *
 * @slot - The teaser (light DOM). Without one, `item.teaser` is shown as text. Hidden in the compact variant.
 *
 * @csspart card - The card box.
 * @csspart label - The "Other Topics of Interest" line.
 * @csspart kicker - The kicker above the headline.
 * @csspart headline - The headline line.
 * @csspart link - The link around the headline text, stretched over the card.
 * @csspart teaser - The teaser.
 * @csspart image - The thumbnail.
 * @csspart date - The `<time>` of publication.
 *
 * @cssprop [--folio-related-card-accent=var(--folio-accent, #b0102a)] - Border and focus ring colour.
 * @cssprop [--folio-related-card-kicker-color=var(--folio-accent, #b0102a)] - Kicker colour.
 * @cssprop [--folio-related-card-label-color=#575757] - Label and date colour.
 * @cssprop [--folio-related-card-background=#f3f2ef] - Card background.
 * @cssprop [--folio-related-card-color=var(--folio-text-color, #1a1a1a)] - Text colour.
 * @cssprop [--folio-related-card-font=var(--folio-font-body, system-ui, sans-serif)] - Body font family.
 * @cssprop [--folio-related-card-font-size=16px] - Body font size.
 * @cssprop [--folio-related-card-headline-font=var(--folio-font-headline, Georgia, serif)] - Headline font family.
 * @cssprop [--folio-related-card-headline-size=20px] - Headline size (17px in the compact variant).
 * @cssprop [--folio-related-card-radius=var(--folio-radius, 6px)] - Corner radius.
 * @cssprop [--folio-related-card-padding=16px] - Inner padding (12px compact).
 * @cssprop [--folio-related-card-border-width=4px] - Width of the inline-start border.
 * @cssprop [--folio-related-card-margin=24px] - Block margin around the card.
 * @cssprop [--folio-related-card-image-size=200px] - Largest thumbnail width.
 * @cssprop [--folio-related-card-placeholder=#dcdad5] - Thumbnail box colour while it loads.
 *
 * @fires {FolioRelatedClickEvent} folio-related-click - The reader activated the link, before navigation; cancel it to stay.
 * @fires {FolioRelatedImpressionEvent} folio-related-impression - Half the card was in view for one continuous second; once per item.
 */
export class FolioRelatedCard extends LitElement {
  static override styles = styles;

  /** The related story's URL: http(s), or relative to `base`. */
  @property() href?: string;
  /** The headline; a card without one renders nothing. */
  @property() headline?: string;
  /** The kicker above the headline ("Fact-Checking"). */
  @property() kicker?: string;
  /** The line above the card; defaults to the localised "Other Topics of Interest" (inline variant only). `""` hides it. */
  @property() label?: string;
  /** Thumbnail URL: http(s), or relative to `base`. */
  @property() image?: string;
  /** Thumbnail text alternative; empty (decorative) by default, since the headline carries the meaning. */
  @property({ attribute: 'image-alt' }) imageAlt?: string;
  /** ISO 8601 publication date, shown localised. */
  @property() published?: string;
  /** `inline` (default) or `compact` (no image, no teaser, no default label). */
  @property({ reflect: true }) variant: 'inline' | 'compact' = 'inline';
  /** The URL relative `href` and `image` resolve against: the story's URL. Defaults to the document's base URL. */
  @property() base?: string;
  /** 1-based position of the card among the article's related items, reported in events. */
  @property({ type: Number }) position = 1;
  /** The same fields as one object (a `RelatedItem`); fields set on the element win. */
  @property({ attribute: false }) item?: RelatedItem;
  /** Overrides for the localised strings. */
  @property({ attribute: false }) strings?: Partial<FolioStrings>;

  @state() private slotted = false;
  @query('a') private link!: HTMLAnchorElement | null;

  private resolvedBase?: string;
  private url: string | null = null;
  private text = '';
  private io?: IntersectionObserver;
  private inView = false;
  private timer?: ReturnType<typeof setTimeout>;
  /** `href + headline` of the item an impression was reported for. */
  private reported: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.io = new IntersectionObserver(
      (entries) => {
        const e = entries[entries.length - 1];
        this.inView = e.isIntersecting && e.intersectionRatio >= 0.5;
        this.watch();
      },
      { threshold: 0.5 },
    );
    this.io.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.io?.disconnect();
    this.inView = false;
    this.watch();
  }

  protected override willUpdate(): void {
    // A relative base (say "/news/") resolves against the document first.
    this.resolvedBase = safeUrl(this.base) ?? undefined;
    this.text = (this.headline ?? this.item?.headline ?? '').trim();
    this.url = checkedUrl(this.href ?? this.item?.href, this.resolvedBase);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('href') || changed.has('headline') || changed.has('item') || changed.has('base')) this.watch();
  }

  /** Starts the impression timer while half the card is in view and this item is unreported; stops it otherwise. */
  private watch(): void {
    clearTimeout(this.timer);
    const key = `${this.url} ${this.text}`;
    if (!this.inView || !this.text || this.reported === key) return;
    this.timer = setTimeout(() => {
      this.reported = key;
      this.dispatchEvent(new FolioRelatedImpressionEvent({ href: this.url, headline: this.text, position: this.position }));
    }, 1000);
  }

  private onLinkClick(e: MouseEvent): void {
    const ev = new FolioRelatedClickEvent({ href: this.url!, headline: this.text, position: this.position });
    if (!this.dispatchEvent(ev)) e.preventDefault();
  }

  /**
   * Text sits above the stretched link so it can be selected; a plain click on it (no text
   * selected, not on a control of its own) is forwarded to the link, modifier keys included.
   */
  private onCardClick(e: MouseEvent): void {
    if (!this.link || String(getSelection()) || e.defaultPrevented) return;
    const interactive = e.composedPath().some((n) => n instanceof Element && n.matches('a[href],button,input,select,textarea,label,summary'));
    if (!interactive) this.link.dispatchEvent(new MouseEvent('click', e));
  }

  private onSlotChange(e: Event): void {
    this.slotted = (e.target as HTMLSlotElement)
      .assignedNodes({ flatten: true })
      .some((n) => n instanceof Element || !!n.textContent?.trim());
  }

  protected override render() {
    if (!this.text) return nothing;
    const item: Partial<RelatedItem> = this.item ?? {};
    const lang = resolveLang(this);
    const strings = stringsFor(lang, this.strings);
    const compact = this.variant === 'compact';
    const label = this.label ?? item.label ?? (compact ? '' : strings.otherTopics);
    const kicker = this.kicker ?? item.kicker;
    const published = this.published ?? item.published;
    const date = published && formatDate(published, lang);
    const teaser = item.teaser;
    const src = compact ? null : checkedUrl(this.image ?? item.image, this.resolvedBase);
    return html`<div class="card" part="card" @click=${this.onCardClick}>
      ${label ? html`<p class="label" part="label">${label}</p>` : nothing}
      <div class="text">
        ${kicker ? html`<p class="kicker" part="kicker">${kicker}</p>` : nothing}
        <p class="headline" part="headline">
          ${this.url ? html`<a part="link" href=${this.url} @click=${this.onLinkClick}>${this.text}</a>` : this.text}
        </p>
        ${compact
          ? nothing
          : html`<div class="teaser" part="teaser" ?hidden=${!this.slotted && !teaser}>
              <slot @slotchange=${this.onSlotChange}></slot>${this.slotted ? nothing : teaser}
            </div>`}
        ${date ? html`<time class="date" part="date" datetime=${published!}>${date}</time>` : nothing}
      </div>
      ${src
        ? html`<img part="image" src=${src} alt=${this.imageAlt ?? item.imageAlt ?? ''} width="320" height="180" loading="lazy" decoding="async" />`
        : nothing}
    </div>`;
  }
}

define('folio-related-card', FolioRelatedCard);

declare global {
  interface HTMLElementTagNameMap {
    'folio-related-card': FolioRelatedCard;
  }
}
