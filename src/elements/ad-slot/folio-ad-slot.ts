import { html, nothing } from 'lit';
import { gpt, releaseGptSlot } from '../../ads/gpt.js';
import { placeholder } from '../../ads/placeholder.js';
import type { AdResult } from '../../ads/provider.js';
import { fitWidth, parseSizes, smallestHeight } from '../../ads/sizes.js';
import { FolioAdErrorEvent, FolioAdRenderEvent, FolioAdRequestEvent } from '../../events.js';
import { attributes, define } from '../../internal/define.js';
import { DeferredElement } from '../../internal/element.js';
import { chromeOf } from '../../internal/hosts.js';
import { styles } from './folio-ad-slot.styles.js';

/** Height of the label row, in px; part of the reserved height. */
const LABEL_HEIGHT = 24;

/** Slots made: numbers each slot's creative container id and its accessible name. */
let slots = 0;

/**
 * The creative goes into a light-DOM `<div id="folio-gpt-N">` the slot appends to itself (GPT finds
 * containers with `document.getElementById`, so it must not live in a shadow root). Layout rules:
 * the host's `min-height` is the reserve from the first render; a larger creative grows the slot
 * only when the slot is entirely below the viewport when it arrives, else it is centred and
 * clipped to the reserve; an empty slot (a GPT no-fill) collapses only when
 * it is entirely below the viewport, else it keeps its reserved box. Errors never collapse it.
 *
 * Inside an article, the slot speaks the article's language in its direction (its label and
 * region name); on its own, that of its own or its nearest ancestor's `lang`.
 *
 * Themed from outside like any element (`folio-ad-slot { margin: 32px 0; background: … }` wins
 * over the slot's own defaults), the label through `::part(label)`; reads `--folio-rule-color`
 * and `--folio-font-ui`.
 *
 * @tagname folio-ad-slot
 * @summary A labelled ad space between paragraphs that reserves its height before any request,
 * asks lazily (near the viewport) and never moves what the reader sees.
 *
 * @attr {string} sizes - Creative sizes, `300x250,336x280` or `fluid` (default 300x250).
 * @attr {string} unit - Ad unit path, for GPT: `/1234/news/article`.
 * @attr {string} provider - `placeholder` (default) or `gpt`.
 * @attr {string} label - The visible label; default the localised "Advertisement".
 * @attr {string} lazy-margin - How near the viewport the slot must come before it asks (default `100%`, one
 *   viewport; or px).
 * @attr {number} reserve - Height to reserve in px, label included; default the smallest creative plus the
 *   label.
 * @attr {string} gpt-src - The Google Publisher Tag script; default Google's.
 *
 * @slot - The creative container (created by the slot; anything else is ignored).
 * @csspart label - The visible "Advertisement" label.
 * @csspart frame - The reserved box the creative sits in (the `<slot>` itself).
 * @fires {FolioAdRequestEvent} folio-ad-request - A request goes out (once the slot nears the viewport).
 * @fires {FolioAdRenderEvent} folio-ad-render - The answer: filled with a size, or empty.
 * @fires {FolioAdErrorEvent} folio-ad-error - The provider failed (script blocked, GPT stubbed).
 */
export class FolioAdSlot extends DeferredElement {
  static override styles = styles;

  static override properties = attributes('sizes', 'unit', 'provider', 'label', 'lazyMargin', 'reserve', 'gptSrc');

  /** Creative sizes, `300x250,336x280` or `fluid`; nothing valid (the default) means 300x250. */
  declare sizes?: string | null;
  /** Ad unit path, for GPT: `/1234/news/article`. */
  declare unit?: string | null;
  /** `placeholder` (the default; unknown names too) or `gpt`. */
  declare provider?: string | null;
  /** The visible label; default the localised "Advertisement". */
  declare label?: string | null;
  /** How near the viewport the slot must come before it asks: `100%` (one viewport, the default) or px. */
  declare lazyMargin?: string | null;
  /** Height to reserve in px, label included; default the smallest creative's height plus the label. */
  declare reserve?: string | null;
  /** Where to load GPT from when the page has no `googletag`; default Google's securepubads URL. */
  declare gptSrc?: string | null;

  /** Numbers slots in the order they are made, for distinct accessible names and container ids. */
  #n = ++slots;
  /** The creative container, with a document-unique id. Deliberately no ad-like word: see the README. */
  #container = Object.assign(document.createElement('div'), { id: `folio-gpt-${this.#n}` });
  /** Whether the slot has started asking: it asks once. */
  #asked = false;

  /**
   * Once, when first rendered: the creative container goes in (and is never moved again: moving
   * a GPT iframe would reload the creative), and the slot starts watching for the viewport (while
   * it is out of the document, it is out of view).
   */
  protected override firstUpdated(): void {
    this.append(this.#container);
    // `lazy-margin`: `100%`, `600px` or `600` (px); anything else is the default, one viewport
    // (one value: the same margin on every side).
    const margin = this.lazyMargin ?? '';
    const value = parseFloat(margin);
    const unit = margin.includes('%') ? '%' : 'px';
    new IntersectionObserver((entries) => entries.pop()!.isIntersecting && this.load(), {
      rootMargin: value >= 0 ? value + unit : '100%',
    }).observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A slot that is only being moved comes back before the microtask and carries on; one that
    // left releases its GPT slot, if it had one.
    queueMicrotask(() => {
      if (this.isConnected) return;
      releaseGptSlot(this.#container);
    });
  }

  /**
   * The space is reserved as soon as the slot is on the page; drawing it (the label, the creative
   * container, the lazy observer) waits for a task of its own (`DeferredElement`), so that an
   * article getting its slots on a cold page is a short task, and the slots' first renders another.
   */
  override connectedCallback(): void {
    super.connectedCallback();
    this.#reserve();
  }

  /** And again after each update: `reserve` or `sizes` may have changed. */
  protected override updated(): void {
    this.#reserve();
  }

  /**
   * Reserves the space on the host itself, before any request: the smallest creative plus the
   * label, or `reserve`.
   */
  #reserve(): void {
    // The frame's height: the reserve less the label (never below 0), else the smallest creative's.
    const reserve = Number(this.reserve);
    const frame = reserve > 0 ? Math.max(reserve - LABEL_HEIGHT, 0) : smallestHeight(parseSizes(this.sizes));
    this.style.minHeight = frame + LABEL_HEIGHT + 'px';
    this.style.setProperty('--_frame', frame + 'px');
  }

  /**
   * Asks now, whatever the distance to the viewport. Once per slot: later
   * calls (the lazy observer's too) do nothing.
   */
  async load(): Promise<void> {
    if (this.#asked) return;
    this.#asked = true;
    // Unknown names fall back to the placeholder.
    const provider = this.provider === gpt.name ? gpt : placeholder;
    /** Dispatches one of the ad events, with this slot's provider in the detail. */
    const fire = <D>(EventClass: new (detail: D & { provider: string }) => Event, detail: D) =>
      this.dispatchEvent(new EventClass({ ...detail, provider: provider.name }));
    const unit = this.unit ?? null;
    const sizes = fitWidth(parseSizes(this.sizes), this.clientWidth);
    // Consent is GPT's: it reads the page's IAB TCF CMP itself before it asks for anything.
    this.toggleAttribute('requested', true);
    fire(FolioAdRequestEvent, { unit, sizes });
    let result: AdResult;
    try {
      result = await provider.request({ container: this.#container, unit, sizes, src: this.gptSrc });
    } catch (e) {
      fire(FolioAdErrorEvent, { message: (e as Error).message });
      return;
    }
    // Resizing is allowed only where it cannot move what the reader sees: entirely below the viewport.
    // The placeholder never draws, so it is never "empty" and never collapses.
    const below = this.getBoundingClientRect().top >= innerHeight;
    const empty = !result.filled && provider !== placeholder;
    const states = { filled: result.filled, empty, grown: below && result.filled, collapsed: below && empty };
    for (const [name, on] of Object.entries(states)) this.toggleAttribute(name, on);
    fire(FolioAdRenderEvent, result);
  }

  override render() {
    // Several slots on a page are several landmarks: an ordinal in the name keeps them distinct
    // ("Advertisement 2") while the visible label stays "Advertisement". A label of the
    // publisher's is in a language we do not know: only ours is marked with its language.
    const { lang, dir, strings } = chromeOf(this);
    const label = this.label ?? strings.advertisement;
    const labelLang = this.label == null ? lang : nothing;
    return html`<div role=region aria-label="${label} ${this.#n}" lang=${labelLang} dir=${dir ?? nothing}>
      <div part=label>${label}</div>
      <slot part=frame></slot>
    </div>`;
  }
}

define('folio-ad-slot', FolioAdSlot);

declare global {
  interface HTMLElementTagNameMap {
    'folio-ad-slot': FolioAdSlot;
  }
}
