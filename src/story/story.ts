/**
 * The Story JSON format: what a publisher's feed sends to partner sites, and what
 * `<folio-article src>` / `.story` accept. Validated once, at the boundary, by `parseStory`:
 * everything past it can trust the shape (but never the inline HTML, which goes through
 * `sanitize.ts`). The types are inferred from the rules, so the two cannot disagree.
 *
 * How the rules treat a field: a required one of the wrong kind refuses the story, naming the
 * field (`body[3].html must be a string`); an optional one of the wrong kind is dropped; an
 * optional object or list that is there must be valid inside.
 */
import {
  boolean,
  date,
  isRecord,
  knownType,
  list,
  nonBlank,
  nonNegativeNumber,
  object,
  positiveNumber,
  tagged,
  text,
  textOrNumber,
  validate,
  validItems,
  withDefault,
  type Infer,
} from './schema.js';

const person = object({ name: text }, { url: text });

const image = object(
  {
    src: nonBlank,
    /** The text alternative; "" (decorative) when the story gives none. */
    alt: withDefault(text, ''),
  },
  { caption: text, credit: text, width: positiveNumber, height: positiveNumber },
);

/** A related item: the story's `related`, a `related` block, an entry of a related feed. */
export const relatedItem = object({ href: nonBlank, headline: nonBlank }, { kicker: text, label: text, teaser: text });

/** The lower of the two heading levels a story has (its headline is the h1). */
const SUBHEADING = 3;

/** The rule of each type of body block (the `type` itself is added). */
const BLOCKS = {
  /** A paragraph of inline HTML (phrasing elements only; sanitized before render). */
  paragraph: object({ html: text }),
  heading: object({
    text,
    /** 2 or 3; 2 when the story gives anything else. */
    level: (value: unknown): 2 | 3 => (value === SUBHEADING ? SUBHEADING : 2),
  }),
  image,
  quote: object({ html: text }, { cite: text }),
  /** `items`: inline HTML per item. */
  list: object({ items: list(text) }, { ordered: boolean }),
  /** An ad pinned to this place in the body (see the ads section of the README). */
  ad: object({}, { sizes: text, unit: text, provider: text }),
  /** A related-story card pinned to this place in the body. */
  related: relatedItem,
};

/** A published correction, shown at the end of the story. */
export const correctionNotice = object({
  /** When the correction was made (ISO 8601). */
  date,
  /** The public wording, shown as text. */
  text: nonBlank,
});

/**
 * The checks of a whole story: the required fields first, in the order they run (the first
 * failure is the one reported), then the optional ones.
 */
const storyRule = object(
  {
    headline: nonBlank,
    /** The canonical URL of the story on the publisher's site. */
    url: text,
    /** ISO 8601. */
    datePublished: date,
    id: textOrNumber,
    byline: list(person),
    body: tagged(BLOCKS),
  },
  {
    standfirst: text,
    kicker: text,
    section: text,
    lang: text,
    dateModified: date,
    image,
    publisher: object({ name: text, url: text }, { logo: text }),
    /** Placement rules for ads; every field optional, defaults in `placement/`. */
    ads: object(
      {},
      {
        provider: text,
        unit: text,
        sizes: text,
        /** Paragraphs before the first ad. */
        first: positiveNumber,
        /** Paragraphs between two ads. */
        gap: positiveNumber,
        /** Most ads in one article. */
        max: nonNegativeNumber,
        /** `false` (or `"none"` on the element) turns inserted ads off; pinned `ad` blocks stay. */
        enabled: boolean,
      },
    ),
    corrections: object(
      {},
      {
        /** Where corrections are POSTed; its `/published` lists the notices (enhance mode). */
        endpoint: text,
        /** Published corrections; a notice without a date or a text is dropped. */
        notices: validItems(correctionNotice),
      },
    ),
    related: list(relatedItem),
  },
);

export type Story = Infer<typeof storyRule>;
export type StoryPerson = Infer<typeof person>;
export type StoryImage = Infer<typeof image>;
export type StoryPublisher = NonNullable<Story['publisher']>;
export type StoryAdsConfig = NonNullable<Story['ads']>;
export type StoryCorrections = NonNullable<Story['corrections']>;
export type CorrectionNotice = Infer<typeof correctionNotice>;
export type RelatedItem = Infer<typeof relatedItem>;

export type StoryBlock = Story['body'][number];
export type BlockType = StoryBlock['type'];
export type ParagraphBlock = Extract<StoryBlock, { type: 'paragraph' }>;
export type HeadingBlock = Extract<StoryBlock, { type: 'heading' }>;
export type ImageBlock = Extract<StoryBlock, { type: 'image' }>;
export type QuoteBlock = Extract<StoryBlock, { type: 'quote' }>;
export type ListBlock = Extract<StoryBlock, { type: 'list' }>;
export type AdBlock = Extract<StoryBlock, { type: 'ad' }>;
export type RelatedBlock = Extract<StoryBlock, { type: 'related' }>;

export type ParseResult = { ok: true; story: Story; skipped: string[] } | { ok: false; error: string };

/**
 * Checks an untrusted value against the Story format. Unknown block types are not an error:
 * they are dropped and named in `skipped`, so a newer feed still renders on an older Folio.
 */
export function parseStory(input: unknown): ParseResult {
  const result = validate(storyRule, input, 'the story');
  if (!result.ok) return result;
  // Valid, so `input` is an object with a body list; these are the blocks `tagged` left out
  // (named by their type, "undefined" when they are not objects).
  const body = (input as { body: unknown[] }).body;
  const skipped = body.filter((b) => !knownType(b, BLOCKS)).map((b) => String(isRecord(b) ? b.type : undefined));
  return { ok: true, story: result.value, skipped };
}

/**
 * The text of a block, for the placement rules: tags stripped, no DOM. (An entity counts as its
 * few characters: near enough for "600 characters before the first ad".)
 */
export function blockText(b: StoryBlock): string {
  const x = b as { html?: string; text?: string; caption?: string; items?: string[] };
  return (x.html ?? x.text ?? x.caption ?? x.items?.join('') ?? '').replace(/<[^>]*>/g, '');
}
