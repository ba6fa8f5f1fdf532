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

/** A random (version 4) UUID, also in insecure contexts where `crypto.randomUUID` is missing. */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Builds the annotation. Empty bodies are left out; `creator` is there only when the reader gave
 * an email, as a `mailto:` IRI as the model defines `email`. The link to the quoted words is
 * `folio:textFragment`: JSON-LD keeps a term with an unknown prefix as an absolute IRI, so any
 * annotation tool passes it through untouched while a receiver that knows it can show it.
 */
export function buildAnnotation(input: CorrectionInput, now = new Date(), id = `urn:uuid:${uuid()}`): WebAnnotation {
  const { quote, language } = input;
  const body: TextualBody[] = [];
  const add = (purpose: TextualBody['purpose'], value: string) => {
    if (value.trim()) body.push({ type: 'TextualBody', purpose, value, format: 'text/plain', language });
  };
  add('editing', input.suggestion);
  add('commenting', input.comment);
  const annotation: WebAnnotation = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    id,
    motivation: 'editing',
    created: now.toISOString(),
    body,
    target: { source: input.source },
    generator: { type: 'Software', name: 'Folio', version: VERSION, homepage: HOMEPAGE },
  };
  if (quote) {
    const { exact, prefix, suffix, start, end } = quote;
    annotation.target.selector = [
      { type: 'TextQuoteSelector', exact, prefix, suffix },
      { type: 'TextPositionSelector', start, end },
    ];
    annotation['folio:textFragment'] = textFragmentUrl(input.source, quote);
  }
  const email = input.email?.trim();
  if (email) annotation.creator = { type: 'Person', email: `mailto:${email}` };
  if (input.honeypot) annotation['folio:honeypot'] = input.honeypot;
  return annotation;
}
