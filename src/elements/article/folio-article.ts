import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { FolioErrorEvent, FolioReadyEvent, type FolioMode } from '../../events.js';
import { format, type FolioStrings } from '../../i18n/strings.js';
import { attributes } from '../../internal/define.js';
import type { ArticleHost } from '../../internal/hosts.js';
import { safeUrl } from '../../internal/url.js';
import { fromValue, loadStory, type LoadResult } from '../../story/load.js';
import { loadNotices } from '../../story/notices.js';
import type { CorrectionNotice, RelatedItem, Story } from '../../story/story.js';
import { moreListStyles } from '../related-card/more-list.js';
import { renderAttribution, renderHeader, renderSection } from './blocks.js';
import { addRelated, createSlot, enhanceBody, renderChrome, renderEnd } from './enhance.js';
import { articleStyles } from './folio-article.styles.js';
import { planStory, type PlanItem } from './plan.js';
import { registerArticle, resolveSettings } from './settings.js';

/** Blocks per section: the unit of chunked rendering and of `content-visibility`. */
const SECTION_SIZE = 20;
/** How much main-thread time one rendering task may take before it yields. */
const TASK_BUDGET_MS = 12;

/** The failures a retry may mend, and the message each has (the rest is `errorFormat`). */
const RETRY_MESSAGES = {
  'story-network': 'errorNetwork',
  'story-timeout': 'errorTimeout',
  'story-http': 'errorHttp',
} as const;

/** Yields to the event loop without setTimeout's 4 ms clamp, so the browser can paint between chunks. */
const yieldTask = (): Promise<unknown> =>
  new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = resolve;
    port2.postMessage(0);
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
 * @csspart notices - Both modes: the published correction notices, before the footer.
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
 * @cssprop [--folio-radius=6px] - Corner radius of the related cards (the error state's button is the browser's own).
 *
 * @fires {FolioReadyEvent} folio-ready - The content is rendered. Detail: mode, block count.
 * @fires {FolioErrorEvent} folio-error - The story could not be loaded or read. Detail: code, message, fatal.
 * @fires {FolioCorrectionRequestEvent} folio-correction-request - The reader clicked "write to us here".
 */
export class FolioArticle extends LitElement implements ArticleHost {
  static override styles = [articleStyles, moreListStyles];

  static override properties = {
    ...attributes(
      'src',
      'lang',
      'correctionsEndpoint',
      'adProvider',
      'adUnit',
      'adSizes',
      'adsSrc',
      'gptSrc',
      'adConsent',
      'adFirst',
      'adGap',
      'adMax',
      'ads',
      'relatedSrc',
    ),
    story: { attribute: false },
    strings: { attribute: false },
    timeout: { type: Number },
    debugAds: { type: Boolean, attribute: 'debug-ads' },
    failed: { state: true },
    shown: { state: true },
    more: { state: true },
    notices: { state: true },
  };

  /** URL of a Story JSON document to fetch and render (story mode). */
  declare src?: string;

  /** A Story JSON document as an object (story mode); validated before it renders. */
  declare story?: unknown;

  /** Language of the UI strings and dates; defaults to the story's, the script tag's, the nearest ancestor's `lang`. */
  declare lang: string;

  /** Overrides for any UI string, e.g. `{ footerLink: 'tell the desk' }`. */
  declare strings?: Partial<FolioStrings>;

  /** Milliseconds to wait for `src` before showing the timeout error (default 10000). */
  declare timeout?: number;

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
  declare debugAds?: boolean;

  /** Enhance mode: URL of a JSON feed of related stories; the first goes inline, the rest to the end. */
  declare relatedSrc?: string;

  /** The validated story being shown (story mode), or undefined. */
  declare readonly storyData?: Story;

  /** Story mode: why the story could not be shown. */
  private failed?: LoadResult & { ok: false };
  /** The planned body in sections of SECTION_SIZE items; how many of them are rendered so far. */
  private sections!: PlanItem[][];
  private shown!: number;
  /**
   * The header and each section, made once (for this story and language): a re-render for the
   * next chunk passes the same values again, which Lit leaves alone.
   */
  private cache: (TemplateResult | Node)[] = [];
  /** Related items for the end list, and the position of its first card (after the inline ones). */
  private more?: RelatedItem[];
  private start!: number;
  /** Enhance mode: the published correction notices (story mode reads the story's). */
  private notices?: CorrectionNotice[];
  /** The current story load: aborting it (a newer load began) stops its fetch and its rendering. */
  private abort?: AbortController;
  /** Enhance mode: aborts the related feed and the notices when the element leaves the page. */
  private extras?: AbortController;

  constructor() {
    super();
    // The article's getters below (canonicalUrl … localStrings), shared with enhanced publisher elements.
    // The text root is the rendered `<article>` in story mode; enhance mode renders none.
    registerArticle(
      this,
      this,
      () => this.storyData,
      () => this.renderRoot?.querySelector('article') || this,
    );
  }

  /** The element itself: the article host the corrections overlay talks to. */
  readonly element: Element = this;

  /** Which mode the element is in: `story` when it has `src` or `story`, else `enhance`. */
  get mode(): FolioMode {
    return this.src || this.story !== undefined ? 'story' : 'enhance';
  }

  /** The canonical URL of the article: the story's url, else `<link rel=canonical>`, else the page. */
  declare readonly canonicalUrl: string;

  /** Where corrections go: the attribute, else the story's `corrections.endpoint`, else the script tag's. */
  declare readonly correctionsUrl: string | null;

  /**
   * The node whose text is the article: the host in enhance mode (its light DOM), the rendered
   * story in story mode. Corrections quote from and count positions in this text.
   */
  declare readonly textRoot: Node;

  /** The strings in this element's language, with the publisher's overrides. */
  declare readonly localStrings: FolioStrings;

  /** The language this element speaks (see `lang`). */
  declare readonly language: string;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang') || changed.has('strings')) this.cache = [];
    if (changed.has('src') || changed.has('story')) this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Gone from the page, not moved (a move reconnects it in the same task): stop the feed and notices.
    setTimeout(() => {
      if (!this.isConnected) this.extras?.abort();
    });
  }

  protected override firstUpdated(): void {
    // Enhance mode, once: slots between the publisher's blocks; then the related card and list, and the notices.
    if (this.mode !== 'enhance') return;
    const settings = resolveSettings(this);
    enhanceBody(this, settings);
    const { signal } = (this.extras = new AbortController());
    addRelated(this, settings, this.canonicalUrl, signal).then((more) => (this.more = more));
    loadNotices(this, signal).then((notices) => (this.notices = notices));
  }

  /**
   * (Re)loads the story from `src` or `story` and renders it in chunks: sections of SECTION_SIZE
   * blocks in tasks of at most TASK_BUDGET_MS, the first screen first, so a 1000-paragraph story
   * never blocks the main thread for long.
   */
  async reload(): Promise<void> {
    if (this.mode === 'enhance') return;
    this.abort?.abort();
    const { signal } = (this.abort = new AbortController());
    const self = this as { storyData?: Story };
    self.storyData = this.failed = undefined;
    this.shown = 0;
    this.cache = [];
    // The light-DOM `<folio-ad-slot>`s of the story shown before (see `createSlot`).
    for (const old of this.querySelectorAll(':scope>[slot^=folio-slot-]')) old.remove();
    // A story object is validated in a task of its own, after the one that connected the element.
    let result: LoadResult;
    if (this.src) result = await loadStory(this.src, signal, this.timeout);
    else {
      await yieldTask();
      result = fromValue(this.story);
    }
    if (signal.aborted) return;
    if (!result.ok) {
      this.failed = result;
      // Announced once the reader can see it.
      await this.updateComplete;
      this.dispatchEvent(new FolioErrorEvent({ code: result.code, message: result.message, fatal: true }));
      return;
    }
    const { story: data, skipped } = result;
    if (skipped.length) console.warn(`folio: skipped unknown blocks: ${[...new Set(skipped)].join(', ')}`);
    // A story may give its canonical URL relative to where it was fetched from (`src` is
    // still the one this load began with: a change would have made it stale).
    if (this.src) data.url = new URL(data.url, new URL(this.src, document.baseURI)).href;
    self.storyData = data;
    // Planned in a task of its own too: a 1000-block story takes both a while on a slow phone.
    await yieldTask();
    if (signal.aborted) return;
    const settings = resolveSettings(this, data);
    const plan = planStory(data.body, data.related, settings.rules, settings.debug);
    // Story mode's ads live in the light DOM (GPT needs them in the document) and show through named slots.
    for (const item of plan.items) if (item.type === 'ad') this.append(createSlot(settings.ads, item));
    this.sections = [];
    for (let i = 0; i < plan.items.length; i += SECTION_SIZE) this.sections.push(plan.items.slice(i, i + SECTION_SIZE));
    this.more = plan.more;
    this.start = plan.start;
    // Every chunk in a task of its own, the first (with the header) too, after the tasks that
    // validated and planned the story. One section per task at first, growing (at most
    // doubling) while tasks stay in budget: a slow phone never gets a long chunk, a fast laptop
    // soon renders several at once.
    let step = 1;
    do {
      await yieldTask();
      if (signal.aborted) return;
      const started = performance.now();
      this.shown += step;
      await this.updateComplete;
      step = Math.max(1, Math.min(2 * step, (TASK_BUDGET_MS * step) / (performance.now() - started)));
    } while (this.shown < this.sections.length);
    if (!signal.aborted) this.dispatchEvent(new FolioReadyEvent({ mode: 'story', blocks: data.body.length }));
  }

  protected override render() {
    if (this.mode === 'enhance') return renderChrome(this, this.more, this.notices);
    const s = this.localStrings;
    const { storyData: story, failed, cache } = this;
    let content;
    if (failed) {
      const url = safeUrl(failed.url ?? this.querySelector('a')?.href);
      // The failures a retry may mend have a message of their own, named after the code
      // (story-network → errorNetwork, story-timeout, story-http); the rest is errorFormat.
      const message = RETRY_MESSAGES[failed.code as keyof typeof RETRY_MESSAGES];
      content = html`<div part=error role=alert>
        <h2>${s.errorTitle}</h2>
        <p>${format(message ? s[message] : s.errorFormat, { status: failed.status! })}</p>
        ${url && html`<p><a href=${url}>${s.errorReadOriginal}</a></p>`}
        ${this.src && message && html`<button @click=${this.reload}>${s.errorRetry}</button>`}
      </div>`;
    } else if (!story || !this.shown) {
      content = html`<p role=status>${s.loading}</p>`;
    } else {
      const sections = this.sections
        .slice(0, this.shown)
        .map((items, i) => (cache[i + 1] ??= renderSection(items, story.url, s)));
      content = html`<article part=article>
          ${(cache[0] ??= renderHeader(story, this.language, s))}
          <div part=body>${sections}</div>
        </article>
        ${renderAttribution(story, s)} ${renderEnd(this, this.more, this.start, story.corrections?.notices)}`;
    }
    return html`<div class=story lang=${story?.lang ?? nothing}>${content}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'folio-article': FolioArticle;
  }
}
