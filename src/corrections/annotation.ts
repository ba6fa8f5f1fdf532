/**
 * A correction as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/), so that a
 * publisher can feed corrections to any annotation tool. No DOM: plain data in, JSON out.
 */
import { VERSION } from '../internal/define.js';
import type { Quote } from './selectors.js';

/** Longest suggestion or comment a correction carries. */
export const MAX_TEXT = 2000;
/** Longest story title a correction carries (`target["dc:title"]`). */
export const MAX_TITLE = 300;

export interface CorrectionInput {
  /** The article's canonical URL. */
  source: string;
  /** The story's title, shown to editors beside the URL. */
  title?: string;
  /** The quoted words, or null for a general correction. */
  quote: Quote | null;
  suggestion: string;
  comment: string;
  email?: string;
  /** The language the reader wrote in (the article's). */
  language: string;
}

export interface TextualBody {
  type: 'TextualBody';
  purpose: 'editing' | 'commenting';
  value: string;
  format: 'text/plain';
  language: string;
}

export interface WebAnnotation {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  type: 'Annotation';
  id: string;
  motivation: 'editing';
  created: string;
  body: TextualBody[];
  target: {
    source: string;
    /** The story's title (Dublin Core), at most 300 characters. */
    'dc:title'?: string;
    selector?: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
  creator?: { type: 'Person'; email: string };
  generator: { type: 'Software'; name: 'Folio'; version: string };
}

const UUID_BYTES = 16;
const HEX = 16;
/** Byte 6 starts with the version (4), byte 8 with the variant (binary 10). */
const VERSION_4 = 0x40;
const VARIANT_RFC = 0x80;
const LOW_NIBBLE = 0x0f;
const LOW_SIX_BITS = 0x3f;

/**
 * A random (version 4) UUID. Not `crypto.randomUUID`, which insecure contexts (plain http) lack.
 */
export function uuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(UUID_BYTES));
  bytes[6] = (bytes[6] & LOW_NIBBLE) | VERSION_4;
  bytes[8] = (bytes[8] & LOW_SIX_BITS) | VARIANT_RFC;
  const hex = [...bytes].map((byte) => byte.toString(HEX).padStart(2, '0')).join('');
  return hex.replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}

/**
 * Builds the annotation. Empty bodies are left out; `creator` is there only when the reader gave
 * an email, as a `mailto:` IRI as the model defines `email`. (A link to the quoted words is the
 * receiver's to make: it knows how it will show them.)
 */
export function buildAnnotation(input: CorrectionInput, now = new Date()): WebAnnotation {
  const { source, quote, language } = input;
  const email = input.email?.trim();
  const title = input.title?.trim().slice(0, MAX_TITLE);
  const body: TextualBody[] = [];
  const add = (purpose: TextualBody['purpose'], value: string) =>
    value.trim() && body.push({ type: 'TextualBody', purpose, value, format: 'text/plain', language });
  add('editing', input.suggestion);
  add('commenting', input.comment);
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    id: `urn:uuid:${uuid()}`,
    motivation: 'editing',
    created: now.toISOString(),
    body,
    target: {
      source,
      ...(title && { 'dc:title': title }),
      ...(quote && {
        selector: [
          { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
          { type: 'TextPositionSelector', start: quote.start, end: quote.end },
        ],
      }),
    },
    ...(email && { creator: { type: 'Person', email: `mailto:${email}` } }),
    generator: { type: 'Software', name: 'Folio', version: VERSION },
  };
}
