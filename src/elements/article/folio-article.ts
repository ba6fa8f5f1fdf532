import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { guard } from 'lit/directives/guard.js';
import {
  FolioCorrectionRequestEvent,
  FolioErrorEvent,
  FolioReadyEvent,
  type FolioErrorCode,
  type FolioMode,
} from '../../events.js';
import { format, resolveLang, stringsFor, type FolioStrings } from '../../i18n/strings.js';
import { attributes } from '../../internal/define.js';
import { registerHost, type ArticleHost } from '../../internal/hosts.js';
import { pageCanonical, safeUrl } from '../../internal/url.js';
import { fromValue, loadStory, type LoadResult } from '../../story/load.js';
import type { RelatedItem, Story } from '../../story/story.js';
import { moreListStyles, renderMoreList } from '../related-card/more-list.js';
import { renderAttribution, renderBlock, renderFooter, renderHeader } from './blocks.js';
import { pageSettings } from '../../internal/config.js';
import { bodyElements, createSlot, enhanceBody, INSERTED } from './enhance.js';
import { resolveSettings, type ResolvedSettings } from './settings.js';
import { articleStyles, debugStyles } from './folio-article.styles.js';
import { planStory, type PlanItem } from './plan.js';

/** Blocks per section: the unit of chunked rendering and of `content-visibility`. */
const SECTION_SIZE = 20;
/** How much main-thread time one rendering task may take before it yields. */
const TASK_BUDGET_MS = 12;

type Status = 'idle' | 'loading' | 'ready' | 'error';

interface ErrorState {
  code: FolioErrorCode;
  message: string;
  status?: number;
  url?: string;
}

/** Yields to the event loop without setTimeout's 4 ms clamp, so the browser can paint between chunks. */
const yieldTask = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

/**
 * A news article body. Two modes:
 *
 * - **Enhance** (no `src`, no `story`): the publisher's server-rendered markup stays in the light
 *   DOM, the same nodes, and Folio adds its chrome around it (footer; ads and cards between blocks).
 * - **Story**: a Story JSON document from `src` or the `story` property is rendered into the
 *   shadow root, where the host page's CSS cannot break it.
 *
 * @tagname folio-article
 * @summary A news article: publisher markup enhanced in place, or a Story JSON document rendered.
 *
 * @attr {string} src - URL of a Story JSON document to fetch and render (story mode).
 * @attr {string} lang - Language of strings and dates; default: the story's, the script tag's, the nearest ancestor's.
 * @attr {number} timeout - Milliseconds to wait for `src` before the timeout error (default 10000).
 * @attr {string} corrections-endpoint - Where corrections are POSTed (W3C Web Annotation JSON).
 * @attr {string} ad-provider - `placeholder` (default), `house` or `gpt`, for every slot the article inserts.
 * @attr {string} ad-unit - Ad unit path for inserted slots (GPT), e.g. `/1234/news/article`.
 * @attr {string} ad-sizes - Creative sizes for inserted slots, e.g. `300x250,336x280`, or `fluid`.
 * @attr {string} ads-src - URL of the house creatives JSON (provider `house`).
 * @attr {string} gpt-src - URL of the Google Publisher Tag script; default Google's.
 * @attr {string} ad-consent - `strict`: no ads at all without TCF consent for purpose 1.
 * @attr {number} ad-first - Paragraphs before the first inserted ad (default 3).
 * @attr {number} ad-gap - Paragraphs between two ads (default 3).
 * @attr {number} ad-max - Most inserted ads (default 4).
 * @attr {string} ads - `none` inserts no ads (pinned ones stay).
 * @attr {boolean} debug-ads - Marks every candidate ad position and why it was taken or refused.
 * @attr {string} related-src - Enhance mode: URL of a JSON feed of related stories.
 *
 * @slot - Enhance mode: the publisher's article markup. Story mode: fallback content shown until
 *   the story renders (e.g. a link to the story), then hidden.
 *
 * @csspart article - Story mode: the whole rendered story.
 * @csspart kicker - Story mode: the kicker and section line.
 * @csspart headline - Story mode: the headline.
 * @csspart standfirst - Story mode: the standfirst.
 * @csspart byline - Story mode: byline and dates.
 * @csspart body - Story mode: the body blocks.
 * @csspart attribution - Story mode: the publisher's name, logo and link to the original.
 * @csspart footer - Both modes: the corrections footer.
 * @csspart error - The error state.
 *
 * @cssprop [--folio-font-body=Georgia, serif] - Body text font.
 * @cssprop [--folio-font-headline=var(--folio-font-body)] - Headline and subheading font.
 * @cssprop [--folio-font-ui=system-ui, sans-serif] - Font for bylines, captions, footer.
 * @cssprop [--folio-font-size=18px] - Base text size, in px (publisher roots are often 62.5%).
 * @cssprop [--folio-line-height=1.6] - Body line height.
 * @cssprop [--folio-text-color=#1a1a1a] - Text colour (dark mode default #e8e6e3).
 * @cssprop [--folio-muted-color=#4a4a4a] - Secondary text colour.
 * @cssprop [--folio-background=#fff] - Story mode background (dark mode default #161616).
 * @cssprop [--folio-accent=#b3261e] - Accent: kicker, links, quote rule.
 * @cssprop [--folio-max-width=680px] - Story mode measure.
 * @cssprop [--folio-radius=6px] - Corner radius of buttons and cards.
 *
 * @fires {FolioReadyEvent} folio-ready - The content is rendered. Detail: mode, block count.
 * @fires {FolioErrorEvent} folio-error - The story could not be loaded or read. Detail: code, message, fatal.
 * @fires {FolioCorrectionRequestEvent} folio-correction-request - The reader clicked "write to us here".
 */
export class FolioArticle extends LitElement implements ArticleHost {
  static override styles = [articleStyles, moreListStyles, debugStyles];

  static override properties = {
    ...attributes('src', 'lang', 'correctionsEndpoint', 'adProvider', 'adUnit', 'adSizes', 'adsSrc', 'gptSrc', 'adConsent', 'adFirst', 'adGap', 'adMax', 'ads', 'relatedSrc'),
    story: { attribute: false },
    strings: { attribute: false },
    timeout: { type: Number },
    debugAds: { type: Boolean, attribute: 'debug-ads' },
    status: { state: true },
    shownSections: { state: true },
    more: { state: true },
  };

  /** URL of a Story JSON document to fetch and render (story mode). */
  declare src?: string;

  /** A Story JSON document as an object (story mode); validated before it renders. */
  declare story?: unknown;

  /** Language of the UI strings and dates; defaults to the nearest ancestor's `lang`, then the document's. */
  override lang = '';

  /** Overrides for any UI string, e.g. `{ footerLink: 'tell the desk' }`. */
  declare strings?: Partial<FolioStrings>;

  /** Milliseconds to wait for `src` before showing the timeout error. */
  timeout = 10_000;

  /** Where corrections are sent (POST, W3C Web Annotation JSON). */
  declare correctionsEndpoint?: string;

  /** Ad provider for the slots this article inserts: `placeholder` (default), `house` or `gpt`. */
  declare adProvider?: string;

  /** Ad unit path for inserted slots (GPT), e.g. `/1234/news/article`. */
  declare adUnit?: string;

  /** Creative sizes for inserted slots, e.g. `300x250,336x280`, or `fluid`. */
  declare adSizes?: string;

  /** URL of the house creatives JSON (provider `house`). */
  declare adsSrc?: string;

  /** URL of the Google Publisher Tag script (provider `gpt`); defaults to Google's. */
  declare gptSrc?: string;

  /** `strict`: no ads at all without TCF consent for purpose 1 (default: non-personalised ads). */
  declare adConsent?: string;

  /** Paragraphs before the first inserted ad (default 3). */
  declare adFirst?: string;

  /** Paragraphs between two ads (default 3). */
  declare adGap?: string;

  /** Most inserted ads (default 4). */
  declare adMax?: string;

  /** `none` inserts no ads (pinned ones stay). */
  declare ads?: string;

  /** Marks every candidate ad position and why it was taken or refused (also `?folio-debug=ads`). */
  debugAds = false;

  /** Enhance mode: URL of a JSON feed of related stories; the first goes inline, the rest to the end. */
  declare relatedSrc?: string;

  private status: Status = 'idle';
  private shownSections = 0;
  private error?: ErrorState;
  private data?: Story;
  private resolved?: ResolvedSettings;
  /** Related cards placed inline in the story body: the end list numbers its cards after them. */
  private inlineCards = 0;
  private sections: PlanItem[][] = [];
  private slotNames = new Map<PlanItem, string>();
  private more: RelatedItem[] = [];
  private enhanced = false;
  private abort?: AbortController;
  private readyFired = false;
  private renderGeneration = 0;

  /** The element itself: the article host the corrections overlay talks to. */
  get element(): Element {
    return this;
  }

  /** Which mode the element is in: `story` when it has `src` or `story`, else `enhance`. */
  get mode(): FolioMode {
    return this.src || this.story !== undefined ? 'story' : 'enhance';
  }

  /** The validated story being shown (story mode), or undefined. */
  get storyData(): Story | undefined {
    return this.data;
  }

  /** The canonical URL of the article: the story's url, else `<link rel=canonical>`, else the page. */
  get canonicalUrl(): string {
    return (this.data && safeUrl(this.data.url)) || pageCanonical();
  }

  /** Where corrections go: the attribute, else the story's `corrections.endpoint`. */
  get correctionsUrl(): string | null {
    return this.settings.correctionsEndpoint;
  }

  /**
   * The node whose text is the article: the host in enhance mode (its light DOM), the rendered
   * story in story mode. Corrections quote from and count positions in this text.
   */
  get textRoot(): Node {
    return (this.mode === 'story' && this.renderRoot.querySelector('[part=article]')) || this;
  }

  /** The strings in this element's language, with the publisher's overrides. */
  get localStrings(): FolioStrings {
    return stringsFor(this.language, this.strings);
  }

  /** The language this element speaks (see `lang`). */
  get language(): string {
    return this.settings.lang || resolveLang(this.parentElement ?? document.documentElement);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    registerHost(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Only the chunk counter moved: nothing a setting depends on.
    if (changed.size !== 1 || !changed.has('shownSections' as keyof FolioArticle)) this.resolved = undefined;
    if (changed.has('src') && this.src) {
      this.fetchStory(this.src);
    } else if (changed.has('story') && this.story !== undefined && !this.src) {
      this.abort?.abort();
      const value = this.story;
      // A long story is validated and planned in tasks of their own before its first screen
      // renders, so no single task blocks a phone for long; a short one renders at once.
      const body = (value as { body?: unknown })?.body;
      if (Array.isArray(body) && body.length > 2 * SECTION_SIZE) {
        const generation = ++this.renderGeneration;
        this.status = 'loading';
        yieldTask().then(() => {
          if (generation === this.renderGeneration) this.apply(fromValue(value), true);
        });
      } else this.apply(fromValue(value));
    }
  }

  protected override updated(): void {
    if (this.mode === 'enhance' && !this.readyFired) {
      this.readyFired = true;
      this.enhanceMarkup();
      const blocks = bodyElements(this).filter((el) => !el.hasAttribute(INSERTED)).length;
      this.dispatchEvent(new FolioReadyEvent({ mode: 'enhance', blocks }));
    }
  }

  /**
   * Every setting after precedence: attribute, then story JSON, then script tag, then default.
   * Resolved once per change, not at every read: render reads the language on every chunk.
   */
  get settings(): ResolvedSettings {
    return (this.resolved ??= resolveSettings(this, this.data, pageSettings()));
  }

  /** Enhance mode, once: slots and the related card between the publisher's blocks. */
  private async enhanceMarkup(): Promise<void> {
    if (this.enhanced) return;
    this.enhanced = true;
    const s = this.settings;
    this.more = await enhanceBody(this, { ads: s.ads, rules: s.rules, debug: s.debug, relatedSrc: s.relatedSrc, base: this.canonicalUrl });
  }

  /** Story mode: the light-DOM `<folio-ad-slot>`s that the shadow body shows through named slots (GPT needs them in the document). */
  private syncSlots(items: PlanItem[]): void {
    for (const old of this.querySelectorAll(`:scope > folio-ad-slot[${INSERTED}]`)) old.remove();
    this.slotNames.clear();
    const defaults = this.settings.ads;
    let n = 0;
    for (const item of items) {
      if (item.kind !== 'ad') continue;
      const name = `folio-slot-${++n}`;
      this.slotNames.set(item, name);
      this.append(createSlot(defaults, item.inserted ? {} : item.ad, name));
    }
  }

  /** Fetches `src` again (after an error, say). */
  reload(): void {
    if (this.src) this.fetchStory(this.src);
  }

  private async fetchStory(src: string): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.status = 'loading';
    const result = await loadStory(src, abort.signal, this.timeout);
    // A story may give its canonical URL relative to where it was fetched from.
    if (result.ok) result.story.url = new URL(result.story.url, new URL(src, document.baseURI)).href;
    if (!abort.signal.aborted) this.apply(result, result.ok && result.story.body.length > 2 * SECTION_SIZE);
  }

  private async apply(result: LoadResult, long = false): Promise<void> {
    const generation = ++this.renderGeneration;
    if (!result.ok) {
      this.data = undefined;
      this.sections = [];
      this.more = [];
      this.syncSlots([]);
      this.error = { code: result.code, message: result.message, status: result.status, url: result.url };
      this.status = 'error';
      this.requestUpdate();
      const { code, message } = result;
      // Announced once the reader can see it.
      this.updateComplete.then(() => this.dispatchEvent(new FolioErrorEvent({ code, message, fatal: true })));
      return;
    }
    if (result.skipped.length) {
      console.warn(`folio: skipped blocks of unknown type (${[...new Set(result.skipped)].join(', ')}) in story ${result.story.id}`);
    }
    this.error = undefined;
    const story = (this.data = result.story);
    this.resolved = undefined;
    const { rules, debug } = this.settings;
    const plan = planStory(story.body, story.related, rules, debug);
    this.inlineCards = plan.items.filter((it) => it.kind === 'related').length;
    this.sections = [];
    for (let i = 0; i < plan.items.length; i += SECTION_SIZE) this.sections.push(plan.items.slice(i, i + SECTION_SIZE));
    if (long) {
      await yieldTask();
      if (generation !== this.renderGeneration) return;
    }
    this.more = plan.more;
    this.syncSlots(plan.items);
    this.status = 'ready';
    this.shownSections = Math.min(1, this.sections.length);
    this.renderRest(generation, story.body.filter((b) => b.type !== 'ad' && b.type !== 'related').length);
  }

  /**
   * Renders the first section at once and the rest in tasks of at most TASK_BUDGET_MS, so a
   * 1000-paragraph story never blocks the main thread for long. The step adapts to how long the
   * previous sections took on this device.
   */
  private async renderRest(generation: number, blockCount: number): Promise<void> {
    await this.updateComplete;
    // Start with one section per task and grow (at most doubling) while tasks stay in budget:
    // a slow phone never gets a long first chunk, a fast laptop soon renders several at once.
    let step = 1;
    while (generation === this.renderGeneration && this.shownSections < this.sections.length) {
      await yieldTask();
      if (generation !== this.renderGeneration) return;
      const start = performance.now();
      this.shownSections = Math.min(this.sections.length, this.shownSections + step);
      await this.updateComplete;
      const perSection = Math.max(0.1, (performance.now() - start) / step);
      step = Math.max(1, Math.min(step * 2, Math.floor(TASK_BUDGET_MS / perSection)));
    }
    if (generation !== this.renderGeneration) return;
    this.dispatchEvent(new FolioReadyEvent({ mode: 'story', blocks: blockCount }));
  }

  private renderItem(item: PlanItem, story: Story, strings: FolioStrings) {
    switch (item.kind) {
      case 'block':
        return renderBlock(item.block, story.url, strings);
      case 'ad':
        return html`<slot name=${this.slotNames.get(item) ?? nothing}></slot>`;
      case 'related':
        return html`<folio-related-card .item=${item.item} base=${story.url} position=${item.position}></folio-related-card>`;
      default: {
        const { taken, index, reason } = item.candidate;
        return html`<p class="debug" ?data-taken=${taken} role="note">${taken ? '✓' : '✗'} gap ${index}: ${reason}</p>`;
      }
    }
  }

  private requestCorrection = (): void => {
    this.dispatchEvent(new FolioCorrectionRequestEvent({ quote: null }));
  };

  private renderError(strings: FolioStrings) {
    const error = this.error!;
    const message =
      error.code === 'story-network'
        ? strings.errorNetwork
        : error.code === 'story-timeout'
          ? strings.errorTimeout
          : error.code === 'story-http'
            ? format(strings.errorHttp, { status: error.status ?? '' })
            : strings.errorFormat;
    const fallback = this.querySelector<HTMLAnchorElement>('a[href]')?.getAttribute('href');
    const url = safeUrl(error.url) ?? safeUrl(fallback);
    const retry = this.src && error.code !== 'story-json' && error.code !== 'story-invalid';
    return html`<div class="state error" part="error" role="alert">
      <h2>${strings.errorTitle}</h2>
      <p>${message}</p>
      ${url ? html`<p><a href=${url}>${strings.errorReadOriginal}</a></p>` : nothing}
      ${retry ? html`<button type="button" class="retry" @click=${this.reload}>${strings.errorRetry}</button>` : nothing}
    </div>`;
  }

  private renderMore(base: string, strings: FolioStrings) {
    const inline = this.inlineCards + (this.querySelector(`:scope > folio-related-card[${INSERTED}]`) ? 1 : 0);
    return renderMoreList(this.more, { base, strings, startPosition: inline + 1 });
  }

  protected override render() {
    const strings = this.localStrings;
    if (this.mode === 'enhance') {
      return html`<slot></slot>${this.renderMore(this.canonicalUrl, strings)}${renderFooter(strings, this.requestCorrection)}`;
    }
    if (this.status === 'error') return this.renderError(strings);
    const story = this.data;
    if (this.status !== 'ready' || !story) {
      return html`<div class="state loading" role="status" aria-busy="true">${strings.loading}</div>`;
    }
    const lang = this.language;
    const shown = this.sections.slice(0, this.shownSections);
    return html`<div class="story" lang=${story.lang ?? nothing}>
      <article part="article">
        ${renderHeader(story, lang, strings)}
        <div class="body" part="body">
          ${shown.map((section) =>
            guard([section, strings], () => html`<div class="section">${section.map((it) => this.renderItem(it, story, strings))}</div>`),
          )}
        </div>
      </article>
      ${this.renderMore(story.url, strings)} ${renderAttribution(story, strings)} ${renderFooter(strings, this.requestCorrection)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'folio-article': FolioArticle;
  }
}
