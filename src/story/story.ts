/**
 * The Story JSON format: what a publisher's feed sends to partner sites, and what
 * `<folio-article src>` / `.story` accept. Validated once, at the boundary, by `parseStory`:
 * everything past it can trust the shape (but never the inline HTML, which goes through
 * `sanitize.ts`).
 */

export interface StoryPerson {
  name: string;
  url?: string;
}

export interface StoryImage {
  src: string;
  alt: string;
  width?: number;
  height?: number;
  caption?: string;
  credit?: string;
}

export interface StoryPublisher {
  name: string;
  url: string;
  logo?: string;
}

/** A paragraph of inline HTML (phrasing elements only; sanitized before render). */
export interface ParagraphBlock {
  type: 'paragraph';
  html: string;
}
export interface HeadingBlock {
  type: 'heading';
  text: string;
  /** 2 or 3; defaults to 2. */
  level?: 2 | 3;
}
export interface ImageBlock extends StoryImage {
  type: 'image';
}
export interface QuoteBlock {
  type: 'quote';
  html: string;
  cite?: string;
}
export interface ListBlock {
  type: 'list';
  ordered?: boolean;
  /** Inline HTML per item. */
  items: string[];
}
/** An ad pinned to this place in the body (see the ads section of the README). */
export interface AdBlock {
  type: 'ad';
  sizes?: string;
  unit?: string;
  provider?: string;
}
/** A related-story card pinned to this place in the body. */
export interface RelatedBlock extends RelatedItem {
  type: 'related';
}

export type StoryBlock = ParagraphBlock | HeadingBlock | ImageBlock | QuoteBlock | ListBlock | AdBlock | RelatedBlock;
export type BlockType = StoryBlock['type'];

export interface RelatedItem {
  href: string;
  headline: string;
  kicker?: string;
  label?: string;
  teaser?: string;
  image?: string;
  imageAlt?: string;
  published?: string;
}

/** Placement rules for ads; every field optional, defaults in `placement/`. */
export interface StoryAdsConfig {
  /** `false` (or `"none"` on the element) turns inserted ads off; pinned `ad` blocks stay. */
  enabled?: boolean;
  /** Paragraphs before the first ad. */
  first?: number;
  /** Paragraphs between two ads. */
  gap?: number;
  /** Most ads in one article. */
  max?: number;
  provider?: string;
  unit?: string;
  sizes?: string;
}

export interface Story {
  id: string;
  /** The canonical URL of the story on the publisher's site. */
  url: string;
  headline: string;
  standfirst?: string;
  kicker?: string;
  section?: string;
  byline: StoryPerson[];
  /** ISO 8601. */
  datePublished: string;
  dateModified?: string;
  image?: StoryImage;
  publisher?: StoryPublisher;
  lang?: string;
  body: StoryBlock[];
  related?: RelatedItem[];
  ads?: StoryAdsConfig;
  corrections?: { endpoint?: string };
}

export type ParseResult =
  | { ok: true; story: Story; skipped: string[] }
  | { ok: false; error: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

class ShapeError extends Error {}
const need = (cond: unknown, where: string, what: string): void => {
  if (!cond) throw new ShapeError(`${where} must be ${what}`);
};

/** Copies the optional fields that are strings (or positive numbers, for `nums`); drops the rest. */
function optional(o: Obj, strs: string[], nums: string[] = []): Obj {
  const out: Obj = {};
  for (const k of strs) if (isStr(o[k])) out[k] = o[k];
  for (const k of nums) if (typeof o[k] === 'number' && (o[k] as number) > 0 && Number.isFinite(o[k])) out[k] = o[k];
  return out;
}

/** An object with the required string fields present (`nonEmpty` ones not blank), plus the optional ones. */
function record<T>(v: unknown, where: string, required: string[], strs: string[], nums: string[] = [], nonEmpty: string[] = []): T {
  need(isObj(v), where, 'an object');
  const o = v as Obj;
  for (const k of required) need(isStr(o[k]) && (!nonEmpty.includes(k) || (o[k] as string).trim()), `${where}.${k}`, 'a string');
  return { ...optional(o, strs, nums), ...Object.fromEntries(required.map((k) => [k, o[k]])) } as T;
}

const image = (v: unknown, where: string): StoryImage => {
  const img = record<StoryImage>(v, where, ['src'], ['caption', 'credit'], ['width', 'height'], ['src']);
  img.alt = isStr((v as Obj).alt) ? ((v as Obj).alt as string) : '';
  return img;
};
const RELATED_FIELDS = ['kicker', 'label', 'teaser', 'image', 'imageAlt', 'published'];
const related = (v: unknown, where: string): RelatedItem => record(v, where, ['href', 'headline'], RELATED_FIELDS, [], ['headline']);

/** One body block, or the name of an unknown type (skipped, not fatal). */
function block(v: unknown, i: number): StoryBlock | string {
  const where = `body[${i}]`;
  need(isObj(v), where, 'an object');
  const o = v as Obj;
  switch (o.type) {
    case 'paragraph':
      return { type: o.type, ...record<{ html: string }>(o, where, ['html'], []) };
    case 'heading':
      return { type: o.type, ...record<{ text: string }>(o, where, ['text'], []), level: o.level === 3 ? 3 : 2 };
    case 'image':
      return { type: o.type, ...image(o, where) };
    case 'quote':
      return { type: o.type, ...record<{ html: string }>(o, where, ['html'], ['cite']) };
    case 'list':
      need(Array.isArray(o.items) && o.items.every(isStr), `${where}.items`, 'an array of strings');
      return { type: o.type, ordered: o.ordered === true, items: o.items as string[] };
    case 'ad':
      return { type: o.type, ...optional(o, ['sizes', 'unit', 'provider']) };
    case 'related':
      return { type: o.type, ...related(o, where) };
    default:
      return String(o.type);
  }
}

const date = (v: unknown, where: string): string => {
  need(isStr(v) && !Number.isNaN(Date.parse(v)), where, 'an ISO 8601 date');
  return v as string;
};

/**
 * Checks an untrusted value against the Story format. Unknown block types are not an error:
 * they are dropped and named in `skipped`, so a newer feed still renders on an older Folio.
 */
export function parseStory(input: unknown): ParseResult {
  try {
    const story = record<Story>(input, 'the story', ['url', 'headline'], ['standfirst', 'kicker', 'section', 'lang'], [], ['headline']);
    const o = input as Obj;
    need(isStr(o.id) || typeof o.id === 'number', 'id', 'a string');
    story.id = String(o.id);
    need(Array.isArray(o.byline), 'byline', 'an array');
    story.byline = (o.byline as unknown[]).map((p, i) => record<StoryPerson>(p, `byline[${i}]`, ['name'], ['url']));
    need(Array.isArray(o.body), 'body', 'an array of blocks');
    const skipped: string[] = [];
    story.body = [];
    (o.body as unknown[]).forEach((b, i) => {
      const parsed = block(b, i);
      if (isStr(parsed)) skipped.push(parsed);
      else story.body.push(parsed);
    });
    story.datePublished = date(o.datePublished, 'datePublished');
    if (o.dateModified !== undefined) story.dateModified = date(o.dateModified, 'dateModified');
    if (o.image !== undefined) story.image = image(o.image, 'image');
    if (o.publisher !== undefined) story.publisher = record<StoryPublisher>(o.publisher, 'publisher', ['name', 'url'], ['logo']);
    if (Array.isArray(o.related)) story.related = o.related.map((r, i) => related(r, `related[${i}]`));
    if (isObj(o.ads)) {
      const ads: StoryAdsConfig = optional(o.ads, ['provider', 'unit', 'sizes'], ['first', 'gap']);
      if (typeof o.ads.enabled === 'boolean') ads.enabled = o.ads.enabled;
      if (typeof o.ads.max === 'number' && o.ads.max >= 0) ads.max = o.ads.max;
      story.ads = ads;
    }
    if (isObj(o.corrections)) story.corrections = optional(o.corrections, ['endpoint']);
    return { ok: true, story, skipped };
  } catch (e) {
    if (e instanceof ShapeError) return { ok: false, error: e.message };
    throw e;
  }
}

/** Length of the visible text of a block, for the placement rules (tags stripped, no DOM). */
export function blockTextLength(b: StoryBlock): number {
  const strip = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&[#\w]+;/g, ' ').length;
  switch (b.type) {
    case 'paragraph':
    case 'quote':
      return strip(b.html);
    case 'heading':
      return b.text.length;
    case 'list':
      return b.items.reduce((n, item) => n + strip(item), 0);
    case 'image':
      return (b.caption ?? '').length;
    default:
      return 0;
  }
}
