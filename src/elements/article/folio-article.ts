import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { FolioErrorEvent, FolioReadyEvent, type FolioMode } from '../../events.js';
import { directionOf, format, type FolioStrings } from '../../i18n/strings.js';
import { DeferredElement } from '../../internal/element.js';
import type { ArticleElement } from '../../internal/hosts.js';
import { settingProperties, type ArticleProperties } from '../../internal/settings.js';
import { yieldTask } from '../../internal/tasks.js';
import { safeUrl } from '../../internal/url.js';
import { fromValue, loadStory, type LoadResult } from '../../story/load.js';
import { loadNotices } from '../../story/notices.js';
import type { CorrectionNotice, Story } from '../../story/story.js';
import { renderAttribution, renderHeader, renderSection } from './blocks.js';
import { ArticleContext } from './context.js';
import { createSlot, enhanceBody, renderChrome, renderEnd } from './enhance.js';
import { articleStyles } from './folio-article.styles.js';
import { planStory, type PlanItem } from './plan.js';

/** Blocks per section: the unit of chunked rendering and of `content-visibility`. */
const SECTION_SIZE = 20;

/** The failures a retry may mend, and the message each has (the rest is `errorFormat`). */
const RETRY_MESSAGES = {
  'story-network': 'errorNetwork',
  'story-timeout': 'errorNetwork',
  'story-http': 'errorHttp',
} as const;

// The typed properties of its attributes, from the settings table (`lang` is HTMLElement's own).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface FolioArticle extends Omit<ArticleProperties, 'lang'> {}

/**
 * A news article body. Two modes:
 *
 * - **Enhance** (no `src`, no `story`): the publisher's server-rendered markup stays in the light
 *   DOM, the same nodes, and Folio adds its chrome around it (footer; ads and cards between blocks).
 * - **Story**: a Story JSON document from `src` or the `story` property is rendered into the
 *   shadow root, where the host page's CSS cannot break it.
 *
 * Its attributes are the article settings of `src/internal/settings.ts`, documented there once
 * (the build puts them into the manifest): typed properties of the same names in camelCase.
 * Everything the article inserts (slots, cards, the footer) and the correction
 * dialog speak the one language its `ArticleContext` decides.
 *
 * @tagname folio-article
 * @summary A news article: publisher markup enhanced in place, or a Story JSON document rendered.
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
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FolioArticle extends DeferredElement implements ArticleElement {
  static override styles = articleStyles;

  static override properties = {
    ...settingProperties(),
    story: { attribute: false },
    strings: { attribute: false },
    failed: { state: true },
    shown: { state: true },
    notices: { state: true },
  };

  /** A Story JSON document as an object (story mode); validated before it renders. */
  declare story?: unknown;

  /** Overrides for any UI string, e.g. `{ footerLink: 'tell the desk' }`; they reach everything the article inserts. */
  declare strings?: Partial<FolioStrings>;

  /** The validated story being shown (story mode), or undefined. */
  declare readonly storyData?: Story;

  /** Story mode: why the story could not be shown. */
  private failed?: LoadResult & { ok: false };
  /**
   * The planned body in sections of SECTION_SIZE items; how much of the story is rendered so far:
   * 1 the header, each number above it a section more.
   */
  #sections: PlanItem[][] = [];
  private shown!: number;
  /**
   * The header and each section, made once (for this story and language): a re-render for the
   * next chunk passes the same values again, which Lit leaves alone.
   */
  #cache: (TemplateResult | Node)[] = [];
  /** Enhance mode: the published correction notices (story mode reads the story's). */
  private notices?: CorrectionNotice[];
  /** The current story load: aborting it (a newer load began) stops its fetch and its rendering. */
  #abort?: AbortController;
  /** Enhance mode: aborts the related feed and the notices when the element leaves the page. */
  #extras?: AbortController;

  /**
   * The article's shared state, which also gives this element its getters below (canonicalUrl …
   * uiLang). The text root is the rendered `<article>` in story mode; enhance mode renders none.
   */
  #context: ArticleContext = new ArticleContext(
    this,
    () => this,
    () => this.storyData,
    () => [this.renderRoot?.querySelector('article') || this],
  );

  /** Which mode the element is in: `story` when it has `src` or `story`, else `enhance`. */
  get mode(): FolioMode {
    return this.src || this.story !== undefined ? 'story' : 'enhance';
  }

  /** The canonical URL of the article: the story's url, else `<link rel=canonical>`, else the page. */
  declare readonly canonicalUrl: string;

  /**
   * Where corrections go, as an absolute http(s) URL: the attribute, else the story's
   * `corrections.endpoint`, else the script tag's; null when none is set or it is not http(s)
   * (then the article offers no corrections: no footer, no dialog).
   */
  declare readonly correctionsUrl: string | null;

  /**
   * The nodes whose text is the article: the host in enhance mode (its light DOM), the rendered
   * story in story mode. Corrections quote from and count positions in this text.
   */
  declare readonly textRoots: readonly Node[];

  /** The strings in this element's language, with the publisher's overrides. */
  declare readonly localStrings: FolioStrings;

  /** The language this article speaks: `lang`, else the story's, the script tag's, the page's. */
  declare readonly language: string;

  /** The language Folio's own text is in and marked with: `language`, or `en` when Folio has no strings for it. */
  declare readonly uiLang: string;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang') || changed.has('strings')) this.#cache = [];
    if (changed.has('src') || changed.has('story')) this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Gone from the page, not moved (a move reconnects it in the same task): stop the feed and notices.
    setTimeout(() => {
      if (!this.isConnected) this.#extras?.abort();
    });
  }

  protected override firstUpdated(): void {
    // Enhance mode, once: slots between the publisher's blocks; then the related card, and the notices.
    if (this.mode !== 'enhance') return;
    const { signal } = (this.#extras = new AbortController());
    enhanceBody(this, this.#context.settings, this.canonicalUrl, undefined, undefined, signal);
    loadNotices(this.#context, signal).then((notices) => (this.notices = notices));
  }

  /**
   * (Re)loads the story from `src` or `story` and renders it in chunks: a section of SECTION_SIZE
   * blocks per task, the first screen first, so a 1000-paragraph story never blocks the main
   * thread for long.
   */
  async reload(): Promise<void> {
    if (this.mode === 'enhance') return;
    this.#abort?.abort();
    const { signal } = (this.#abort = new AbortController());
    const self = this as { storyData?: Story };
    self.storyData = this.failed = undefined;
    this.shown = 0;
    this.#cache = [];
    // The light-DOM `<folio-ad-slot>`s of the story shown before (see `createSlot`).
    for (const old of this.querySelectorAll(':scope>[slot^=folio-slot-]')) old.remove();
    // A story object is validated in a task of its own, after the one that connected the element.
    let result: LoadResult;
    if (this.src) result = await loadStory(this.src, signal, this.#context.settings.values.timeout);
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
    const { settings } = this.#context;
    const plan = planStory(data.body, data.related, settings.rules);
    // Story mode's ads live in the light DOM (GPT needs them in the document) and show through named slots.
    for (const item of plan) if (item.type === 'ad') this.append(createSlot(settings.ads, item));
    this.#sections = [];
    for (let i = 0; i < plan.length; i += SECTION_SIZE) this.#sections.push(plan.slice(i, i + SECTION_SIZE));
    // The header in a task of its own (its date: the page's first date format loads the browser's
    // locale data, some 100 ms on a phone), then one section per task, after the tasks that
    // validated and planned the story: no task renders more than SECTION_SIZE blocks, however
    // slow the phone. The attribution and the footer come with the last section, below it.
    do {
      await yieldTask();
      if (signal.aborted) return;
      this.shown++;
      await this.updateComplete;
    } while (this.shown <= this.#sections.length);
    if (!signal.aborted) this.dispatchEvent(new FolioReadyEvent({ mode: 'story', blocks: data.body.length }));
  }

  protected override render() {
    const context = this.#context;
    if (this.mode === 'enhance') return renderChrome(context, this.notices);
    const { chrome } = context;
    const { lang, dir, strings: s } = chrome;
    const { storyData: story, failed } = this;
    const cache = this.#cache;
    let content;
    if (failed) {
      const url = safeUrl(failed.url ?? this.querySelector('a')?.href);
      // The failures a retry may mend have a message of their own, named after the code
      // (story-network → errorNetwork, story-timeout, story-http); the rest is errorFormat.
      const message = RETRY_MESSAGES[failed.code as keyof typeof RETRY_MESSAGES];
      content = html`<div part=error role=alert lang=${lang} dir=${dir}>
        <h2>${s.errorTitle}</h2>
        <p>${format(message ? s[message] : s.errorFormat, { status: failed.status! })}</p>
        ${url && html`<p><a href=${url}>${s.errorReadOriginal}</a></p>`}
        ${this.src && message && html`<button @click=${this.reload}>${s.errorRetry}</button>`}
      </div>`;
    } else if (!story || !this.shown) {
      content = html`<p role=status lang=${lang} dir=${dir}>${s.loading}</p>`;
    } else {
      const sections = this.#sections
        .slice(0, this.shown - 1)
        .map((items, i) => (cache[i + 1] ??= renderSection(items, story.url, s)));
      content = html`<article part=article>
          ${(cache[0] ??= renderHeader(story, chrome))}
          <div part=body>${sections}</div>
        </article>
        ${
          this.shown > this.#sections.length
            ? html`${renderAttribution(story, chrome)} ${renderEnd(context, story.corrections?.notices)}`
            : nothing
        }`;
    }
    // The story's text keeps the story's language and its direction; the chrome above is marked with its own.
    const storyLang = story?.lang;
    const storyDir = storyLang ? directionOf(storyLang) : nothing;
    return html`<div class=story lang=${storyLang ?? nothing} dir=${storyDir}>${content}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'folio-article': FolioArticle;
  }
}
