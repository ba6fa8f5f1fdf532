/**
 * A correction as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/), so that a
 * publisher can feed corrections to any annotation tool. No DOM: plain data in, JSON out.
 */
import { VERSION } from '../internal/define.js';
import { textFragmentUrl, type Quote } from './selectors.js';

/** Longest quote, and longest suggestion or comment, a correction carries. */
export const MAX_QUOTE = 500;
export const MAX_TEXT = 2000;

export interface CorrectionInput {
  /** The article's canonical URL. */
  source: string;
  /** The quoted words, or null for a general correction. */
  quote: Quote | null;
  suggestion: string;
  comment: string;
  email?: string;
  /** The language the reader wrote in (the article's). */
  language: string;
  /** The hidden field only bots fill in; sent so the receiver can drop the correction quietly. */
  honeypot?: string;
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
    selector?: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
  creator?: { type: 'Person'; email: string };
  generator: { type: 'Software'; name: 'Folio'; version: string };
  /** A link to the quoted words for editors (URL text fragment). Folio's extension, see buildAnnotation. */
  'folio:textFragment'?: string;
  /** Present only when the honeypot field was filled. */
  'folio:honeypot'?: string;
}

/**
 * A random (version 4) UUID. Not `crypto.randomUUID`, which insecure contexts (plain http) lack:
 * each 0 and 1 of the pattern becomes a random hex digit, each 8 one of 8, 9, a, b (the variant),
 * and the 4 stays (the version).
 */
export const uuid = (): string =>
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
    (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (+c / 4)))).toString(16),
  );

/**
 * Builds the annotation. Empty bodies are left out; `creator` is there only when the reader gave
 * an email, as a `mailto:` IRI as the model defines `email`. The link to the quoted words is
 * `folio:textFragment`: JSON-LD keeps a term with an unknown prefix as an absolute IRI, so any
 * annotation tool passes it through untouched while a receiver that knows it can show it.
 */
export function buildAnnotation(input: CorrectionInput, now = new Date()): WebAnnotation {
  const { source, quote, language, honeypot } = input;
  const email = input.email?.trim();
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
    target: quote
      ? {
          source,
          selector: [
            { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
            { type: 'TextPositionSelector', start: quote.start, end: quote.end },
          ],
        }
      : { source },
    ...(email && { creator: { type: 'Person', email: `mailto:${email}` } }),
    generator: { type: 'Software', name: 'Folio', version: VERSION },
    ...(quote && { 'folio:textFragment': textFragmentUrl(source, quote) }),
    ...(honeypot && { 'folio:honeypot': honeypot }),
  };
}
