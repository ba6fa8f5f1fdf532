/**
 * Every setting of an article, once. Its key is the `<folio-article>` property, the
 * `Folio.enhance(el, options)` option and the script tag's `dataset` key; the attribute is the
 * key in kebab case (`adProvider`: `ad-provider`, `data-ad-provider`). From this table come the
 * element's Lit properties, what the script tag is read for, the precedence, the ad settings
 * handed to inserted slots and, at build time, the documentation: the JSDoc of each entry is
 * the attribute's description in the Custom Elements Manifest and the README
 * (`test/tools/settings-table.mjs` reads it; an `@default` there describes a default that
 * someone other than the article applies, such as the slot).
 *
 * Precedence, for every setting: the element's attribute (or option), then the story JSON, then
 * the script tag, then the default. A value the setting cannot take (blank, not a whole number,
 * not one of its values) counts as unset there, so the next place decides.
 *
 *   <script src="folio.js" data-enhance=".story-body" data-ad-provider="gpt" data-ad-unit="/1234/news"
 *           data-corrections-endpoint="/api/corrections"></script>
 */
import type { PropertyDeclarations } from 'lit';
import type { FolioStrings } from '../i18n/strings.js';
import type { PlacementRules } from '../placement/place.js';
import { kebab } from './define.js';
import type { Story } from '../story/story.js';

/** What one entry of the table may say. */
export interface Setting {
  /**
   * How a value is read: text (the default), `number` (whole numbers ≥ 0) or `enum` (one of
   * `values`, in any case).
   */
  readonly type?: 'number' | 'enum';
  readonly values?: readonly string[];
  /** Where a story JSON document may set it: a path of fields (`ads.first`). */
  readonly story?: string;
  /** Story JSON values that stand for values of the setting (`ads.enabled: false` is `none`). */
  readonly storyValues?: Readonly<Record<string, string>>;
  /** `false`: not read from the script tag (it belongs to one element). */
  readonly script?: false;
  /** `false`: no attribute (a page-wide setting of the script tag). */
  readonly attribute?: false;
  /** The `<folio-ad-slot>` attribute it fills on the slots the article inserts. */
  readonly slot?: string;
  /** The value when nothing sets it. */
  readonly default?: string | number;
}

export const SETTINGS = {
  /** URL of a Story JSON document to fetch and render (story mode). */
  src: { script: false },
  /**
   * Language of Folio's strings and dates in this article.
   * @default the page's: the nearest ancestor's `lang`, then `<html lang>`, then `en`
   */
  lang: { story: 'lang' },
  /** Milliseconds to wait for `src` before showing the timeout error. */
  timeout: { type: 'number', script: false, default: 10000 },
  /**
   * Where corrections are POSTed (W3C Web Annotation JSON); an http(s) URL.
   * @default none: the article offers no corrections (no footer, no dialog)
   */
  correctionsEndpoint: { story: 'corrections.endpoint' },
  /**
   * Ad provider for every slot the article inserts.
   * @default `placeholder`
   */
  adProvider: { type: 'enum', values: ['placeholder', 'gpt'], story: 'ads.provider', slot: 'provider' },
  /** Ad unit path for inserted slots (GPT), e.g. `/1234/news/article`. */
  adUnit: { story: 'ads.unit', slot: 'unit' },
  /**
   * Creative sizes for inserted slots, e.g. `300x250,336x280`, or `fluid`.
   * @default `300x250`
   */
  adSizes: { story: 'ads.sizes', slot: 'sizes' },
  /**
   * URL of the Google Publisher Tag script (provider `gpt`).
   * @default Google's `securepubads` URL
   */
  gptSrc: { slot: 'gpt-src' },
  /** Paragraphs before the first inserted ad (and at least 600 characters). */
  adFirst: { type: 'number', story: 'ads.first', default: 3 },
  /** Paragraphs between two ads, pinned ones included (and at least 600 characters). */
  adGap: { type: 'number', story: 'ads.gap', default: 3 },
  /** Most inserted ads (pinned ones not counted). */
  adMax: { type: 'number', story: 'ads.max', default: 4 },
  /** `none` inserts no ads (pinned ones stay); `auto` inserts them where the story or the script tag said `none`. */
  ads: {
    type: 'enum',
    values: ['auto', 'none'],
    story: 'ads.enabled',
    storyValues: { true: 'auto', false: 'none' },
    default: 'auto',
  },
  /**
   * Selector for the page's own ad containers, besides the common ones Folio knows (GPT's
   * `div-gpt-ad-…`, `.ad`, `.ad-slot`, `.advert`, `[data-ad]`, `[data-ad-slot]`): inserted ads keep
   * their distance from them as from each other.
   */
  publisherAds: {},
  /** Enhance mode: URL of a JSON feed of related stories; the first goes inline (the others are not shown). */
  relatedSrc: {},
  /** CSS selector: every matching element, now and later, is enhanced. */
  enhance: { attribute: false },
} as const satisfies Record<string, Setting>;

type Table = typeof SETTINGS;
export type SettingName = keyof Table;

/** The TypeScript type of a setting's values. */
type ValueOf<S> = S extends { type: 'number' } ? number : S extends { values: readonly (infer V)[] } ? V : string;

type AttributeName = { [K in SettingName]: Table[K] extends { attribute: false } ? never : K }[SettingName];
type ScriptName = { [K in SettingName]: Table[K] extends { script: false } ? never : K }[SettingName];

/** The typed properties `<folio-article>` has for its attributes. */
export type ArticleProperties = { [K in AttributeName]?: ValueOf<Table[K]> };

/**
 * What one article is told by its own attributes, or by `Folio.enhance(el, options)`: the same
 * names, numbers also as strings (`{ adMax: '2' }`), and the publisher's strings.
 */
export type ArticleOptions = { [K in AttributeName]?: ValueOf<Table[K]> | string | null } & {
  strings?: Partial<FolioStrings>;
};

/** The page-wide settings, as the script tag's `data-*` attributes say them. */
export type FolioSettings = { [K in ScriptName]?: string };

/** Each setting after precedence: null when nothing set it and it has no default. */
export type SettingValues = {
  [K in SettingName]: ValueOf<Table[K]> | (Table[K] extends { default: unknown } ? never : null);
};

/**
 * Ad settings the article hands to the slots it inserts, keyed by the `<folio-ad-slot>`
 * attribute they fill (`provider`, `unit`, `sizes`, `gpt-src`);
 * a slot's own attributes win.
 */
export type AdDefaults = Record<string, string | null>;

/** What an article does with its settings. */
export interface ResolvedSettings {
  /** Every setting after precedence. */
  values: SettingValues;
  /** For the slots it inserts. */
  ads: AdDefaults;
  /** Where ads may go: what the settings decide (`placeAds` takes the rest from its defaults). */
  rules: Pick<PlacementRules, 'enabled' | 'first' | 'gap' | 'max'>;
}

const ENTRIES = Object.entries(SETTINGS) as [SettingName, Setting][];

const WHOLE_NUMBER = /^\s*\d+\s*$/;

/**
 * A value as the setting takes it, or null when `raw` is none: blank, not a whole number ≥ 0,
 * not one of the setting's values (so the next place decides).
 */
function read(setting: Setting, raw: unknown): string | number | null {
  const text = String(raw ?? '').trim();
  if (setting.type === 'number') return WHOLE_NUMBER.test(text) ? Number(text) : null;
  if (setting.values) return setting.values.find((value) => value === text.toLowerCase()) ?? null;
  return text || null;
}

/** What a story JSON document says for a setting, at its path. */
function fromStory(setting: Setting, story: Story | undefined): unknown {
  if (!setting.story || !story) return undefined;
  let value: unknown = story;
  for (const field of setting.story.split('.')) value = (value as Record<string, unknown> | undefined)?.[field];
  return setting.storyValues?.[String(value)] ?? value;
}

/**
 * Lit property declarations for every setting with an attribute: kebab-case attributes, each
 * read as its type (`ad-first="2"` is the number 2; a value the setting cannot take is null).
 */
export function settingProperties(): PropertyDeclarations {
  return Object.fromEntries(
    ENTRIES.filter(([, setting]) => setting.attribute !== false).map(([name, setting]) => [
      name,
      { attribute: kebab(name), converter: (value: string | null) => read(setting, value) },
    ]),
  );
}

/** Reads the settings from a script element's `data-*` attributes; empty values are ignored. */
export function readScriptSettings(script: Element | null | undefined): FolioSettings {
  const out: Record<string, string> = {};
  const data = (script as HTMLElement | null)?.dataset;
  for (const [name, setting] of ENTRIES) {
    const value = setting.script === false ? undefined : data?.[name]?.trim();
    if (value) out[name] = value;
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
  const current = pageSettings() as Record<string, string>;
  for (const [key, value] of Object.entries(settings)) current[key] ??= value;
  return current;
}

/**
 * Every setting of one article: `own` (attributes or options) over the story over the script tag
 * over the default. Each layer holds only the settings it may set: `own` is typed by the
 * attributes, and `page` is what `readScriptSettings` read (which leaves out the `script: false`
 * ones, in every copy of Folio that shares it).
 */
export function resolveSettings(
  own: ArticleOptions,
  story?: Story,
  page: FolioSettings = pageSettings(),
): ResolvedSettings {
  const values: Record<string, unknown> = {};
  const ads: AdDefaults = {};
  for (const [name, setting] of ENTRIES) {
    const layers = [own[name as AttributeName], fromStory(setting, story), page[name as ScriptName]];
    const value = layers.map((raw) => read(setting, raw)).find((found) => found != null) ?? setting.default ?? null;
    values[name] = value;
    if (setting.slot) ads[setting.slot] = value as string | null;
  }
  const settings = values as SettingValues;
  return {
    values: settings,
    ads,
    rules: {
      enabled: settings.ads !== 'none',
      first: settings.adFirst,
      gap: settings.adGap,
      max: settings.adMax,
    },
  };
}
