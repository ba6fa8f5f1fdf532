/**
 * Configuration from the script tag. A publisher configures Folio where they include it:
 *
 *   <script src="folio.js" data-enhance=".story-body" data-ad-provider="gpt" data-ad-unit="/1234/news"
 *           data-corrections-endpoint="/api/corrections"></script>
 *
 * Precedence, for every setting: the element's attribute, then the story JSON, then the script
 * tag, then Folio's defaults.
 */

export interface FolioSettings {
  correctionsEndpoint?: string;
  adProvider?: string;
  adUnit?: string;
  adSizes?: string;
  adsSrc?: string;
  gptSrc?: string;
  adConsent?: string;
  adFirst?: string;
  adGap?: string;
  adMax?: string;
  ads?: string;
  relatedSrc?: string;
  lang?: string;
  /** CSS selector: every matching element, now and later, is enhanced. */
  enhance?: string;
  /** `ads` turns on the ads debug view on every article. */
  debug?: string;
}

/** Script-tag `data-*` names, as they appear on the tag (camelCased by `dataset`). */
const KEYS: (keyof FolioSettings)[] = [
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
  'lang',
  'enhance',
  'debug',
];

/** Reads the settings from a script element's `data-*` attributes; empty values are ignored. */
export function readScriptSettings(script: Element | null | undefined): FolioSettings {
  const out: FolioSettings = {};
  const data = (script as HTMLElement | null)?.dataset;
  if (!data) return out;
  for (const key of KEYS) {
    const value = data[key]?.trim();
    if (value) out[key] = value;
  }
  return out;
}

const STORE = Symbol.for('folio.settings');
type Global = typeof globalThis & { [STORE]?: FolioSettings };

/**
 * The page-wide settings: what the first script tag said, with later tags (a second copy of the
 * bundle) filling only what is still unset. Shared across bundles through a global symbol.
 */
export function pageSettings(): FolioSettings {
  return ((globalThis as Global)[STORE] ??= {});
}

export function addPageSettings(settings: FolioSettings): FolioSettings {
  const current = pageSettings();
  for (const [key, value] of Object.entries(settings) as [keyof FolioSettings, string][]) current[key] ??= value;
  return current;
}
