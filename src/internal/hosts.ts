import { chromeFor, resolveLang, type Chrome, type Direction, type FolioStrings } from '../i18n/strings.js';

/**
 * What an article tells everything that works with it (the slots and cards it inserts, the
 * corrections overlay and dialog), whichever element carries it: a `<folio-article>`, or a
 * publisher's own element enhanced through `data-enhance` or `Folio.enhance()`. The one
 * implementation is `ArticleContext` (`elements/article/context.ts`).
 */
export interface ArticleHost {
  /** The element the reader sees as the article. */
  readonly element: Element;
  readonly canonicalUrl: string;
  /** The corrections endpoint, absolute and http(s); null when there is none (no corrections offered). */
  readonly correctionsUrl: string | null;
  /**
   * The nodes whose text is the article, in reading order (quotes and positions are taken from
   * them): the element, the rendered story, or the parts of a story split across elements.
   */
  readonly textRoots: readonly Node[];
  /** The article's language: the element's, else the story's, else the script tag's, else the page's. */
  readonly language: string;
  /** Folio's strings in that language (English when it has none), with the publisher's overrides. */
  readonly localStrings: FolioStrings;
  /** The language of `localStrings`: `language`, or `en` for the English fallback; what the chrome is marked with. */
  readonly uiLang: string;
  /**
   * `uiLang`, the direction it is written in and `localStrings` in one: each of those resolves
   * the article's settings again, so code that needs more than one reads this once. Only on the
   * host (`hostOf(el)`): on the element, `dir` is HTML's own attribute.
   */
  readonly chrome: Chrome;
  /** The article's title: the story's headline, else the page's `og:title`, else `document.title`. Only on the host. */
  readonly title: string;
}

const KEY = Symbol.for('folio.hosts');
type Global = typeof globalThis & { [KEY]?: WeakMap<Element, ArticleHost> };

/** Shared by every copy of the bundle on the page, so a second copy never enhances twice. */
const registry = (): WeakMap<Element, ArticleHost> => ((globalThis as Global)[KEY] ??= new WeakMap());

/** The fields an article's element carries itself (`dir` and `title` are HTML's own there). */
const FIELDS = ['canonicalUrl', 'correctionsUrl', 'textRoots', 'language', 'localStrings', 'uiLang'] as const;

/** An element that carries an article: a `<folio-article>`, or an enhanced publisher element. */
export type ArticleElement = Element & Pick<ArticleHost, (typeof FIELDS)[number]>;

/**
 * Registers an article host, for its element or another element of the article (a part of a
 * story split across elements). The element gets the host's read-only getters
 * (non-enumerable), so every article, whatever its tag, answers the same questions.
 */
export function registerHost(host: ArticleHost, el = host.element): void {
  for (const name of FIELDS) Object.defineProperty(el, name, { get: () => host[name], configurable: true });
  registry().set(el, host);
}

/** Whether `el` carries an article. */
export function isArticle(el: unknown): el is ArticleElement {
  return el instanceof Element && registry().has(el);
}

/** The article host carried by `el`, if any. */
export function hostOf(el: Element | null | undefined): ArticleHost | null {
  return (el && registry().get(el)) || null;
}

/** The article `node` is in (its own element included), through the shadow roots it sits in; null outside any. */
export function closestArticle(node: Node | null): ArticleHost | null {
  for (let n = node; n; n = n.parentNode ?? (n as ShadowRoot).host) {
    const host = hostOf(n as Element);
    if (host) return host;
  }
  return null;
}

/**
 * The chrome of an element Folio inserts (a slot, a card): inside an article, the article's
 * language, direction and strings; outside any, or with a `lang` of its own, those of its own
 * or its nearest ancestor's `lang`, its direction left to the page. `overrides` are the
 * element's own strings, over the article's.
 */
export function chromeOf(
  el: Element,
  overrides?: Partial<FolioStrings>,
): { lang: string; dir?: Direction; strings: FolioStrings } {
  const article = !el.hasAttribute('lang') && closestArticle(el.parentNode);
  if (!article) return { ...chromeFor(resolveLang(el), overrides), dir: undefined };
  const { lang, dir, strings } = article.chrome;
  return { lang, dir, strings: overrides ? { ...strings, ...overrides } : strings };
}
