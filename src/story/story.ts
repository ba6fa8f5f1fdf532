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

const KNOWN_BLOCKS: ReadonlySet<string> = new Set(['paragraph', 'heading', 'image', 'quote', 'list', 'ad', 'related']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const optStr = (v: unknown): string | undefined => (isStr(v) ? v : undefined);
const optNum = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined);

class ShapeError extends Error {}
const need = (cond: unknown, message: string): void => {
  if (!cond) throw new ShapeError(message);
};

function image(v: unknown, where: string): StoryImage {
  need(isObj(v), `${where} must be an object`);
  const o = v as Obj;
  need(isStr(o.src) && o.src, `${where}.src must be a non-empty string`);
  return {
    src: o.src as string,
    alt: isStr(o.alt) ? o.alt : '',
    width: optNum(o.width),
    height: optNum(o.height),
    caption: optStr(o.caption),
    credit: optStr(o.credit),
  };
}

function related(v: unknown, where: string): RelatedItem {
  need(isObj(v), `${where} must be an object`);
  const o = v as Obj;
  need(isStr(o.headline) && o.headline, `${where}.headline must be a non-empty string`);
  need(isStr(o.href), `${where}.href must be a string`);
  return {
    href: o.href as string,
    headline: o.headline as string,
    kicker: optStr(o.kicker),
    label: optStr(o.label),
    teaser: optStr(o.teaser),
    image: optStr(o.image),
    imageAlt: optStr(o.imageAlt),
    published: optStr(o.published),
  };
}

function block(v: unknown, i: number): StoryBlock | string {
  const where = `body[${i}]`;
  need(isObj(v), `${where} must be an object`);
  const o = v as Obj;
  const type = o.type;
  if (!isStr(type) || !KNOWN_BLOCKS.has(type)) return String(type);
  switch (type) {
    case 'paragraph':
      need(isStr(o.html), `${where}.html must be a string`);
      return { type, html: o.html as string };
    case 'heading':
      need(isStr(o.text), `${where}.text must be a string`);
      return { type, text: o.text as string, level: o.level === 3 ? 3 : 2 };
    case 'image':
      return { type, ...image(o, where) };
    case 'quote':
      need(isStr(o.html), `${where}.html must be a string`);
      return { type, html: o.html as string, cite: optStr(o.cite) };
    case 'list':
      need(Array.isArray(o.items) && (o.items as unknown[]).every(isStr), `${where}.items must be an array of strings`);
      return { type, ordered: o.ordered === true, items: o.items as string[] };
    case 'ad':
      return { type, sizes: optStr(o.sizes), unit: optStr(o.unit), provider: optStr(o.provider) };
    default:
      return { type: 'related', ...related(o, where) };
  }
}

function date(v: unknown, where: string): string {
  need(isStr(v) && !Number.isNaN(Date.parse(v)), `${where} must be an ISO 8601 date`);
  return v as string;
}

/**
 * Checks an untrusted value against the Story format. Unknown block types are not an error:
 * they are dropped and named in `skipped`, so a newer feed still renders on an older Folio.
 */
export function parseStory(input: unknown): ParseResult {
  try {
    need(isObj(input), 'the story must be a JSON object');
    const o = input as Obj;
    need(isStr(o.id) || typeof o.id === 'number', 'id must be a string');
    need(isStr(o.url), 'url must be a string');
    need(isStr(o.headline) && o.headline.trim(), 'headline must be a non-empty string');
    need(Array.isArray(o.byline), 'byline must be an array');
    const byline = (o.byline as unknown[]).map((p, i) => {
      need(isObj(p) && isStr(p.name), `byline[${i}].name must be a string`);
      const person = p as Obj;
      return { name: person.name as string, url: optStr(person.url) };
    });
    need(Array.isArray(o.body), 'body must be an array of blocks');
    const body: StoryBlock[] = [];
    const skipped: string[] = [];
    (o.body as unknown[]).forEach((b, i) => {
      const parsed = block(b, i);
      if (typeof parsed === 'string') skipped.push(parsed);
      else body.push(parsed);
    });
    let publisher: StoryPublisher | undefined;
    if (o.publisher !== undefined) {
      need(isObj(o.publisher) && isStr(o.publisher.name) && isStr(o.publisher.url), 'publisher needs name and url');
      const p = o.publisher as Obj;
      publisher = { name: p.name as string, url: p.url as string, logo: optStr(p.logo) };
    }
    let ads: StoryAdsConfig | undefined;
    if (isObj(o.ads)) {
      const a = o.ads;
      ads = {
        enabled: typeof a.enabled === 'boolean' ? a.enabled : undefined,
        first: optNum(a.first),
        gap: optNum(a.gap),
        max: typeof a.max === 'number' && a.max >= 0 ? a.max : undefined,
        provider: optStr(a.provider),
        unit: optStr(a.unit),
        sizes: optStr(a.sizes),
      };
    }
    const story: Story = {
      id: String(o.id),
      url: o.url as string,
      headline: o.headline as string,
      standfirst: optStr(o.standfirst),
      kicker: optStr(o.kicker),
      section: optStr(o.section),
      byline,
      datePublished: date(o.datePublished, 'datePublished'),
      dateModified: o.dateModified === undefined ? undefined : date(o.dateModified, 'dateModified'),
      image: o.image === undefined ? undefined : image(o.image, 'image'),
      publisher,
      lang: optStr(o.lang),
      body,
      related: Array.isArray(o.related) ? (o.related as unknown[]).map((r, i) => related(r, `related[${i}]`)) : undefined,
      ads,
      corrections: isObj(o.corrections) ? { endpoint: optStr(o.corrections.endpoint) } : undefined,
    };
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
