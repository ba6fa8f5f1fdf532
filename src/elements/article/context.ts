import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { chromeFor, resolveLang, type Chrome } from '../../i18n/strings.js';
import { registerHost, type ArticleHost } from '../../internal/hosts.js';
import { resolveSettings, type ArticleOptions, type ResolvedSettings } from '../../internal/settings.js';
import { pageCanonical, safeUrl } from '../../internal/url.js';
import type { Story } from '../../story/story.js';

/** What an article inserts and re-renders when the article's language or strings change. */
const INSERTED = 'folio-ad-slot,folio-related-card';

/**
 * One article's shared state, worked out in one place for everything it holds: its settings
 * (attributes or options, then story, then script tag, then defaults), its language, the
 * direction and strings of Folio's chrome, the canonical URL, the corrections endpoint and the
 * text corrections quote from. Hosted by `<folio-article>` (a Lit reactive controller) and by a
 * publisher's element that `enhanceElement` enhanced. Registered as the element's article
 * host, so the slots and cards it inserts (`chromeOf`) and the corrections find it through the
 * DOM and the shadow roots they sit in.
 *
 * Every answer is worked out from its inputs when asked, so it is never stale; after each
 * update of its element the context tells the slots and cards inside to render again when the
 * chrome's language, direction or strings changed.
 */
export class ArticleContext implements ArticleHost, ReactiveController {
  readonly element: Element;
  /** The element's own settings: `<folio-article>` itself, or the options given to `Folio.enhance`. */
  #own: () => ArticleOptions;
  /** The story shown (story mode; an enhanced element has none). */
  #story?: () => Story | undefined;
  /** The nodes whose text is the article. */
  #text: () => readonly Node[];
  /** The language, direction and strings overrides the inserted elements last rendered with. */
  #rendered?: unknown[];

  constructor(
    element: Element,
    own: () => ArticleOptions,
    story: (() => Story | undefined) | undefined,
    text: () => readonly Node[],
  ) {
    this.element = element;
    this.#own = own;
    this.#story = story;
    this.#text = text;
    (element as Partial<ReactiveControllerHost>).addController?.(this);
    registerHost(this);
  }

  /** Every setting after precedence, and what the article does with them. */
  get settings(): ResolvedSettings {
    return resolveSettings(this.#own(), this.#story?.());
  }

  /** The settings' language (element, story, script tag), else the page's: the nearest `lang`, then `<html lang>`. */
  get language(): string {
    return this.settings.values.lang ?? resolveLang(this.element);
  }

  /** Folio's chrome in this article: the strings in `language` (or English) with the publisher's overrides. */
  get chrome(): Chrome {
    return chromeFor(this.language, this.#own().strings);
  }

  get uiLang(): string {
    return this.chrome.lang;
  }

  get localStrings(): Chrome['strings'] {
    return this.chrome.strings;
  }

  get canonicalUrl(): string {
    return safeUrl(this.#story?.()?.url) || pageCanonical();
  }

  get correctionsUrl(): string | null {
    return safeUrl(this.settings.values.correctionsEndpoint);
  }

  get textRoots(): readonly Node[] {
    return this.#text();
  }

  /** The story's headline; in enhance mode the page's (`og:title`, else `<title>`). */
  get title(): string {
    const og = document.querySelector<HTMLMetaElement>('meta[property="og:title"]')?.content;
    return this.#story?.()?.headline || og || document.title;
  }

  hostUpdated(): void {
    this.refresh();
  }

  /**
   * Has the slots and cards inside the article (its light DOM and its shadow root) render again
   * when the chrome's language, direction or strings changed since they last did.
   */
  refresh(): void {
    const { lang, dir } = this.chrome;
    const now = [lang, dir, this.#own().strings];
    if (this.#rendered?.every((value, i) => value === now[i])) return;
    this.#rendered = now;
    const inside = [
      ...this.element.querySelectorAll(INSERTED),
      ...(this.element.shadowRoot?.querySelectorAll(INSERTED) ?? []),
    ];
    for (const el of inside) (el as Partial<ReactiveControllerHost>).requestUpdate?.();
  }
}
