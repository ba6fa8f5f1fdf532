import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { consentMode, readConsent } from '../../ads/consent.js';
import { gpt } from '../../ads/gpt.js';
import { house } from '../../ads/house.js';
import { placeholder } from '../../ads/placeholder.js';
import type { AdProvider, AdResult, SlotContext } from '../../ads/provider.js';
import { fitWidth, formatSizes, parseSizes, smallestHeight } from '../../ads/sizes.js';
import { watchViewability } from '../../ads/viewability.js';
import { FolioAdErrorEvent, FolioAdRenderEvent, FolioAdRequestEvent, FolioAdViewableEvent } from '../../events.js';
import { resolveLang, stringsFor } from '../../i18n/strings.js';
import { define } from '../../internal/define.js';
import { LABEL_HEIGHT, styles } from './folio-ad-slot.styles.js';

const PROVIDERS: Record<string, AdProvider> = { placeholder, house, gpt };

let count = 0;
/** A document-unique id for a creative container. Deliberately no ad-like word: see the README. */
function containerId(): string {
  let id: string;
  do id = `folio-gpt-${++count}`;
  while (document.getElementById(id));
  return id;
}

/** `100%`, `600px` or `600` (px); anything else is the default, one viewport. */
const margin = (raw: string | null) => (/^\d{1,5}(\.\d+)?(px|%)?$/.test(raw?.trim() ?? '') ? raw!.trim().replace(/\d$/, '$&px') : '100%');

/**
 * @summary A labelled ad space between paragraphs that reserves its height before any request,
 * asks lazily (near the viewport, after consent) and never moves what the reader sees.
 *
 * The creative goes into a light-DOM `<div id="folio-gpt-N">` the slot appends to itself (GPT finds
 * containers with `document.getElementById`, so it must not live in a shadow root). Layout rules:
 * the host's `min-height` is the reserve from the first render; a larger creative grows the slot
 * only when the slot is entirely below the viewport when it arrives, else it is centred and
 * clipped to the reserve; an empty slot (house, GPT, strict consent refusal) collapses only when
 * it is entirely below the viewport, else it keeps its reserved box. Errors never collapse it.
 *
 * @slot - The creative container (created by the slot; anything else is ignored).
 * @csspart label - The visible "Advertisement" label.
 * @csspart frame - The reserved box the creative sits in.
 * @cssprop [--folio-ad-slot-margin=24px 0] - Space around the slot.
 * @cssprop [--folio-ad-slot-background=rgba(128, 128, 128, 0.08)] - The tint that sets the slot apart from text.
 * @cssprop [--folio-ad-slot-rule=var(--folio-rule-color)] - Colour of the rule above the label.
 * @cssprop [--folio-ad-slot-label-color=inherit] - Colour of the label.
 * @cssprop [--folio-ad-slot-font=var(--folio-font-ui, system-ui, sans-serif)] - Font of the label.
 * @fires {FolioAdRequestEvent} folio-ad-request - A request goes out (after laziness and consent).
 * @fires {FolioAdRenderEvent} folio-ad-render - The answer: filled with a size, or empty.
 * @fires {FolioAdViewableEvent} folio-ad-viewable - Once: 50% in view for a continuous second (30% for large slots).
 * @fires {FolioAdErrorEvent} folio-ad-error - The provider failed (script blocked, feed broken, GPT stubbed).
 */
let slotCount = 0;

export class FolioAdSlot extends LitElement {
  static override styles = styles;

  /** Creative sizes, `300x250,336x280` or `fluid`; nothing valid means 300x250. */
  @property() sizes = '300x250';
  /** Ad unit path, for GPT: `/1234/news/article`. */
  @property() unit: string | null = null;
  /** `placeholder` (default; unknown names too), `house` or `gpt`. */
  @property() provider = 'placeholder';
  /** The visible label; default the localised "Advertisement". */
  @property() label: string | null = null;
  /** How near the viewport the slot must come before it asks: `100%` (one viewport, default) or px. */
  @property({ attribute: 'lazy-margin' }) lazyMargin = '100%';
  /** Height to reserve in px, label included; default the smallest creative's height plus the label. */
  @property() reserve: string | null = null;
  /** The house ads feed (JSON), for `provider="house"`. */
  @property({ attribute: 'ads-src' }) adsSrc: string | null = null;
  /** Where to load GPT from when the page has no `googletag`; default Google's securepubads URL. */
  @property({ attribute: 'gpt-src' }) gptSrc: string | null = null;
  /** `strict`: no ad at all without TCF purpose 1 consent (default: non-personalised ads). */
  @property({ attribute: 'ad-consent' }) adConsent: string | null = null;

  private container?: HTMLDivElement;
  private lazy?: IntersectionObserver;
  private stopWatching?: () => void;
  private ctx?: SlotContext;
  /** 0 waiting to come near, 1 asking, 2 answered (or failed). */
  private phase = 0;
  private result?: AdResult;
  private seen = false;

  /** The provider this slot uses (unknown names fall back to the placeholder). */
  get adProvider(): AdProvider {
    return PROVIDERS[this.provider] ?? placeholder;
  }

  /** The reserved height in px, label included. */
  get reservedHeight(): number {
    const n = Number(this.reserve);
    return this.reserve && n > 0 ? Math.max(n, LABEL_HEIGHT) : smallestHeight(parseSizes(this.sizes)) + LABEL_HEIGHT;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.container) {
      this.container = document.createElement('div');
      this.container.id = containerId();
    }
    if (this.container.parentNode !== this) this.append(this.container);
    if (!this.phase) {
      this.lazy = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && this.load(), {
        rootMargin: `${margin(this.lazyMargin)} 0px`,
      });
      this.lazy.observe(this);
    } else if (this.phase === 2) this.watch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.lazy?.disconnect();
    this.stopWatching?.();
    // A slot that is only being moved comes back before the microtask; one that left releases its GPT slot.
    queueMicrotask(() => !this.isConnected && this.ctx && this.adProvider.destroy?.(this.ctx));
  }

  protected override updated(): void {
    const h = this.reservedHeight;
    this.style.minHeight = `${h}px`;
    this.style.setProperty('--folio-ad-slot-frame', `${h - LABEL_HEIGHT}px`);
  }

  /** Asks now, whatever the distance to the viewport (still after consent). Once per slot. */
  async load(): Promise<void> {
    this.lazy?.disconnect();
    if (this.phase || !this.container) return;
    this.phase = 1;
    await this.updateComplete;
    const provider = this.adProvider;
    const name = provider.name;
    const sizes = fitWidth(parseSizes(this.sizes), this.clientWidth);
    const mode = consentMode(await readConsent(), this.adConsent === 'strict');
    let result: AdResult = { filled: false, size: null };
    if (mode !== 'none') {
      this.ctx = {
        host: this,
        container: this.container,
        unit: this.unit,
        sizes,
        src: name === 'house' ? this.adsSrc : this.gptSrc,
        personalised: mode === 'personalised',
        label: this.labelText(),
      };
      this.toggleAttribute('requested', true);
      this.dispatchEvent(new FolioAdRequestEvent({ provider: name, unit: this.unit, sizes }));
      try {
        result = await provider.request(this.ctx);
      } catch (e) {
        this.phase = 2;
        this.dispatchEvent(new FolioAdErrorEvent({ provider: name, message: e instanceof Error ? e.message : String(e) }));
        return;
      }
    }
    this.phase = 2;
    this.result = result;
    // Resizing is allowed only where it cannot move what the reader sees: entirely below the viewport.
    const below = this.getBoundingClientRect().top >= innerHeight;
    const keep = name === 'placeholder';
    this.toggleAttribute('filled', result.filled);
    this.toggleAttribute('empty', !result.filled && !keep);
    this.toggleAttribute('grown', below && result.filled);
    this.toggleAttribute('collapsed', below && !result.filled && !keep);
    this.dispatchEvent(new FolioAdRenderEvent({ provider: name, ...result }));
    this.watch();
  }

  /** Measures viewability of a filled slot (or the placeholder that stands for one), once. */
  private watch(): void {
    const r = this.result;
    if (this.seen || !r || !(r.filled || this.adProvider === placeholder)) return;
    this.stopWatching = watchViewability(this, () => {
      this.seen = true;
      this.dispatchEvent(new FolioAdViewableEvent({ provider: this.adProvider.name, size: r.size }));
    });
  }

  /** Numbers slots in the order they first connect, for distinct accessible names. */
  private ordinal = ++slotCount;

  private labelText(): string {
    return this.label ?? stringsFor(resolveLang(this)).advertisement;
  }

  override render() {
    // Several slots on a page are several landmarks: a hidden ordinal keeps their names distinct
    // ("Advertisement 2") while the visible label stays "Advertisement".
    return html`<div role="region" aria-labelledby="label ordinal">
      <span id="label" class="label" part="label">${this.labelText()}</span>
      <span id="ordinal" hidden>${this.ordinal}</span>
      <div class="frame" part="frame">
        <slot></slot>
        ${this.adProvider === placeholder ? html`<span class="size">${formatSizes(parseSizes(this.sizes))}</span>` : nothing}
      </div>
    </div>`;
  }
}

define('folio-ad-slot', FolioAdSlot);

declare global {
  interface HTMLElementTagNameMap {
    'folio-ad-slot': FolioAdSlot;
  }
}
