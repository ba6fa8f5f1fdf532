import { resolveLang, stringsFor, type FolioStrings } from '../../i18n/strings.js';
import { pageSettings, type FolioSettings } from '../../internal/config.js';
import { registerHost, type ArticleHost } from '../../internal/hosts.js';
import { pageCanonical, safeUrl } from '../../internal/url.js';
import { DEFAULT_RULES, rulesFrom, type PlacementRules } from '../../placement/place.js';
import type { Story } from '../../story/story.js';

/** What one article is told by its own attributes (or `Folio.enhance(el, options)`). */
export interface ArticleOptions {
  correctionsEndpoint?: string | null;
  adProvider?: string | null;
  adUnit?: string | null;
  adSizes?: string | null;
  adsSrc?: string | null;
  gptSrc?: string | null;
  adConsent?: string | null;
  adFirst?: string | null;
  adGap?: string | null;
  adMax?: string | null;
  ads?: string | null;
  debugAds?: boolean;
  relatedSrc?: string | null;
  lang?: string | null;
}

/**
 * Ad settings the article hands to the slots it inserts, keyed by the `<folio-ad-slot>`
 * attribute they fill (`provider`, `unit`, `sizes`, `ads-src`, `gpt-src`, `ad-consent`);
 * a slot's own attributes win.
 */
export type AdDefaults = Record<string, string | null>;

/** Every setting after precedence: element attribute, then story JSON, then script tag, then default. */
export interface ResolvedSettings {
  ads: AdDefaults;
  rules: PlacementRules;
  debug: boolean;
  relatedSrc: string | null;
  correctionsEndpoint: string | null;
  lang: string | null;
}

/** Slot attribute → the article option (and script-tag setting) of the same meaning. */
const AD_KEYS = {
  provider: 'adProvider',
  unit: 'adUnit',
  sizes: 'adSizes',
  'ads-src': 'adsSrc',
  'gpt-src': 'gptSrc',
  'ad-consent': 'adConsent',
} as const;

/** The placement rules one layer (attributes or script tag, same names) asks for. */
const rulesOf = (layer: ArticleOptions | FolioSettings) => ({
  first: layer.adFirst,
  gap: layer.adGap,
  max: layer.adMax,
  ads: layer.ads,
});

/** `own` over the story over the page's script-tag settings. */
export function resolveSettings(own: ArticleOptions, story?: Story): ResolvedSettings {
  const page = pageSettings();
  const ads = story?.ads;
  /** One setting: the article's, else the story's, else the script tag's (the first one set and not blank). */
  const get = (key: keyof ArticleOptions & keyof FolioSettings, fromStory?: string): string | null =>
    (own[key] as string) || fromStory || page[key] || null;
  return {
    ads: Object.fromEntries(
      Object.entries(AD_KEYS).map(([attr, key]) => [
        attr,
        get(key, (ads as Record<string, string> | undefined)?.[attr]),
      ]),
    ),
    // Attributes over story JSON over script tag over defaults.
    rules: rulesFrom(rulesFrom(rulesFrom(DEFAULT_RULES, rulesOf(page)), ads ?? {}), rulesOf(own)),
    // `debug-ads`, or `ads` in the comma-separated `data-debug` of the script tag or `?folio-debug=`.
    debug:
      !!own.debugAds ||
      /(^|,)ads(,|$)/.test(`${page.debug},${new URLSearchParams(location.search).get('folio-debug')}`),
    relatedSrc: get('relatedSrc'),
    correctionsEndpoint: get('correctionsEndpoint', story?.corrections?.endpoint),
    lang: get('lang', story?.lang),
  };
}

/**
 * Makes `el` an article the corrections overlay knows (see `registerHost`), answering from its
 * options (`<folio-article>` itself, or `Folio.enhance(el, options)`) and, in story mode, its
 * story: the canonical URL (the story's, else the page's), the corrections endpoint, the
 * language (settings, else the nearest `lang`), the strings with the publisher's overrides, and
 * the node whose text is the article.
 */
export function registerArticle(
  el: Element,
  own: ArticleOptions & { strings?: Partial<FolioStrings> },
  story?: () => Story | undefined,
  textRoot: () => Node = () => el,
): ArticleHost {
  const settings = () => resolveSettings(own, story?.());
  const host: ArticleHost = {
    element: el,
    get textRoot() {
      return textRoot();
    },
    get canonicalUrl() {
      return safeUrl(story?.()?.url) || pageCanonical();
    },
    get correctionsUrl() {
      return settings().correctionsEndpoint;
    },
    get language() {
      return settings().lang || resolveLang(el);
    },
    get localStrings() {
      return stringsFor(host.language, own.strings);
    },
  };
  registerHost(host);
  return host;
}
