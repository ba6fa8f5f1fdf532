import type { FolioSettings } from '../../internal/config.js';
import type { PlacementRules } from '../../placement/place.js';
import type { Story } from '../../story/story.js';
import type { AdDefaults } from './enhance.js';
import { resolveRules } from './plan.js';

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

/** Every setting after precedence: element attribute, then story JSON, then script tag, then default. */
export interface ResolvedSettings {
  ads: AdDefaults;
  rules: PlacementRules;
  debug: boolean;
  relatedSrc: string | null;
  correctionsEndpoint: string | null;
  lang: string | null;
}

const pick = (...values: (string | null | undefined)[]): string | null => values.find((v) => v != null && v !== '') ?? null;

/** Whether a comma-separated debug list (`data-debug`, `?folio-debug=`) asks for the ads view. */
const asksForAds = (list: string | null | undefined): boolean => /(^|,)ads(,|$)/.test(list ?? '');

export function resolveSettings(own: ArticleOptions, story: Story | undefined, page: FolioSettings): ResolvedSettings {
  const ads = story?.ads;
  return {
    ads: {
      provider: pick(own.adProvider, ads?.provider, page.adProvider),
      unit: pick(own.adUnit, ads?.unit, page.adUnit),
      sizes: pick(own.adSizes, ads?.sizes, page.adSizes),
      adsSrc: pick(own.adsSrc, page.adsSrc),
      gptSrc: pick(own.gptSrc, page.gptSrc),
      consent: pick(own.adConsent, page.adConsent),
    },
    rules: resolveRules(
      { first: own.adFirst, gap: own.adGap, max: own.adMax, ads: own.ads },
      ads ?? {},
      { first: page.adFirst, gap: page.adGap, max: page.adMax, ads: page.ads },
    ),
    debug: !!own.debugAds || asksForAds(page.debug) || asksForAds(new URLSearchParams(location.search).get('folio-debug')),
    relatedSrc: pick(own.relatedSrc, page.relatedSrc),
    correctionsEndpoint: pick(own.correctionsEndpoint, story?.corrections?.endpoint, page.correctionsEndpoint),
    lang: pick(own.lang, story?.lang, page.lang),
  };
}
