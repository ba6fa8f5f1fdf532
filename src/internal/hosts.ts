import type { FolioStrings } from '../i18n/strings.js';

/**
 * What the corrections overlay needs to know about an article, whichever element carries it:
 * a `<folio-article>`, or a publisher's own element enhanced through `data-enhance` or
 * `Folio.enhance()`.
 */
export interface ArticleHost {
  /** The element the reader sees as the article. */
  readonly element: Element;
  readonly canonicalUrl: string;
  readonly correctionsUrl: string | null;
  /** The node whose text is the article (quotes and positions are taken from it). */
  readonly textRoot: Node;
  readonly language: string;
  readonly localStrings: FolioStrings;
}

const KEY = Symbol.for('folio.hosts');
type Global = typeof globalThis & { [KEY]?: WeakMap<Element, ArticleHost> };

/** Shared by every copy of the bundle on the page, so a second copy never enhances twice. */
const registry = (): WeakMap<Element, ArticleHost> => ((globalThis as Global)[KEY] ??= new WeakMap());

/** An element that carries an article: a `<folio-article>`, or an enhanced publisher element. */
export type ArticleElement = Element & ArticleHost;

const FIELDS = ['canonicalUrl', 'correctionsUrl', 'textRoot', 'language', 'localStrings'] as const;

/**
 * Registers an article host. A publisher element enhanced by Folio gets the host's read-only
 * getters (non-enumerable), so every article, whatever its tag, answers the same questions.
 */
export function registerHost(host: ArticleHost): void {
  const el = host.element;
  if (el !== (host as unknown)) {
    for (const name of FIELDS) Object.defineProperty(el, name, { get: () => host[name], configurable: true });
  }
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
