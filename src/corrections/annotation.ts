/**
 * A correction as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/), so that a
 * publisher can feed corrections to any annotation tool. No DOM: plain data in, JSON out.
 */
import { VERSION } from '../internal/define.js';
import { textFragmentUrl, type Quote } from './selectors.js';

/** Longest quote, and longest suggestion or comment, a correction carries. */
export const MAX_QUOTE = 500;
export const MAX_TEXT = 2000;

export const HOMEPAGE = 'https://www.npmjs.com/package/folio-widget';

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
  generator: { type: 'Software'; name: 'Folio'; version: string; homepage: string };
  /** A link to the quoted words for editors (URL text fragment). Folio's extension, see buildAnnotation. */
  'folio:textFragment'?: string;
  /** Present only when the honeypot field was filled. */
  'folio:honeypot'?: string;
}

/** A random (version 4) UUID, also in insecure contexts (plain http), where `crypto.randomUUID` is missing. */
export function uuid(): string {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 15) | 64; // version 4
  b[8] = (b[8] & 63) | 128; // variant 10
  // 8-4-4-4-12 hex digits: a dash before bytes 4, 6, 8 and 10.
  return [...b].map((x, i) => ([4, 6, 8, 10].includes(i) ? '-' : '') + x.toString(16).padStart(2, '0')).join('');
}

/**
 * Builds the annotation. Empty bodies are left out; `creator` is there only when the reader gave
 * an email, as a `mailto:` IRI as the model defines `email`. The link to the quoted words is
 * `folio:textFragment`: JSON-LD keeps a term with an unknown prefix as an absolute IRI, so any
 * annotation tool passes it through untouched while a receiver that knows it can show it.
 */
export function buildAnnotation(input: CorrectionInput, now = new Date(), id = `urn:uuid:${uuid()}`): WebAnnotation {
  const { source, quote, language, honeypot } = input;
  const email = input.email?.trim();
  const body: TextualBody[] = [];
  const add = (purpose: TextualBody['purpose'], value: string) =>
    value.trim() && body.push({ type: 'TextualBody', purpose, value, format: 'text/plain', language });
  add('editing', input.suggestion);
  add('commenting', input.comment);
  const annotation: WebAnnotation = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    id,
    motivation: 'editing',
    created: now.toISOString(),
    body,
    target: { source },
    generator: { type: 'Software', name: 'Folio', version: VERSION, homepage: HOMEPAGE },
  };
  if (quote) {
    const { exact, prefix, suffix, start, end } = quote;
    annotation.target.selector = [
      { type: 'TextQuoteSelector', exact, prefix, suffix },
      { type: 'TextPositionSelector', start, end },
    ];
    annotation['folio:textFragment'] = textFragmentUrl(source, quote);
  }
  if (email) annotation.creator = { type: 'Person', email: `mailto:${email}` };
  if (honeypot) annotation['folio:honeypot'] = honeypot;
  return annotation;
}
