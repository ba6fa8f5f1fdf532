import { adoptStyles, html, render } from 'lit';
import { FolioCorrectionRequestEvent, FolioReadyEvent } from '../../events.js';
import { resolveLang, stringsFor, type FolioStrings } from '../../i18n/strings.js';
import { pageSettings } from '../../internal/config.js';
import { hostOf, registerHost, type ArticleHost } from '../../internal/hosts.js';
import { pageCanonical } from '../../internal/url.js';
import type { RelatedItem } from '../../story/story.js';
import { moreListStyles, renderMoreList } from '../related-card/more-list.js';
import { renderFooter } from './blocks.js';
import { bodyElements, enhanceBody, INSERTED } from './enhance.js';
import { articleStyles, debugStyles } from './folio-article.styles.js';
import { resolveSettings, type ArticleOptions } from './settings.js';

/**
 * Enhance mode for a publisher's own element (`<article class="story-body">`), for pages whose
 * templates nobody wants to edit: `data-enhance` on the script tag, or `Folio.enhance(el)`.
 * The element keeps its tag, attributes and children (the same nodes, so the publisher's CSS and
 * scripts keep working); Folio attaches a shadow root that shows them through a `<slot>` and adds
 * the same chrome as `<folio-article>`: ad slots and the related card between the blocks, the
 * "More on this story" list and the corrections footer.
 */
export class EnhancedElement implements ArticleHost {
  private more: RelatedItem[] = [];
  private root: ShadowRoot;

  constructor(
    readonly element: HTMLElement,
    private options: ArticleOptions & { strings?: Partial<FolioStrings> },
  ) {
    this.root = element.attachShadow({ mode: 'open' });
    adoptStyles(this.root, [articleStyles, moreListStyles, debugStyles]);
  }

  get canonicalUrl(): string {
    return pageCanonical();
  }

  get correctionsUrl(): string | null {
    return this.settings.correctionsEndpoint;
  }

  get textRoot(): Node {
    return this.element;
  }

  get language(): string {
    return this.settings.lang || resolveLang(this.element);
  }

  get localStrings(): FolioStrings {
    return stringsFor(this.language, this.options.strings);
  }

  private get settings() {
    return resolveSettings(this.options, undefined, pageSettings());
  }

  async start(): Promise<void> {
    registerHost(this);
    this.render();
    const s = this.settings;
    const enhanced = enhanceBody(this.element, { ads: s.ads, rules: s.rules, debug: s.debug, relatedSrc: s.relatedSrc, base: this.canonicalUrl });
    const blocks = bodyElements(this.element).filter((el) => !el.hasAttribute(INSERTED)).length;
    this.element.dispatchEvent(new FolioReadyEvent({ mode: 'enhance', blocks }));
    this.more = await enhanced;
    this.render();
  }

  private requestCorrection = (): void => {
    this.element.dispatchEvent(new FolioCorrectionRequestEvent({ quote: null }));
  };

  private render(): void {
    const strings = this.localStrings;
    render(
      html`<slot></slot>${renderMoreList(this.more, { base: this.canonicalUrl, strings, startPosition: this.element.querySelector(':scope > folio-related-card') ? 2 : 1 })}${renderFooter(
        strings,
        this.requestCorrection,
      )}`,
      this.root,
    );
  }
}

/**
 * Gives `el` the full Folio treatment once. Returns false (and does nothing) when it is already
 * an article, was enhanced before (by this or another copy of Folio), or cannot take a shadow
 * root (the publisher's own shadow root, or a tag that does not allow one).
 */
export function enhanceElement(el: Element, options: ArticleOptions & { strings?: Partial<FolioStrings> } = {}): boolean {
  if (hostOf(el) || el.localName === 'folio-article' || !(el instanceof HTMLElement) || el.shadowRoot) return false;
  let host: EnhancedElement;
  try {
    host = new EnhancedElement(el, options);
  } catch (e) {
    console.warn(`folio: cannot enhance <${el.localName}>: ${(e as Error).message}`);
    return false;
  }
  host.start();
  return true;
}
