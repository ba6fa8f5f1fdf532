// Checks a posted correction: a W3C Web Annotation (https://www.w3.org/TR/annotation-model/)
// with motivation "editing", as Folio's correction dialog sends it. Only what the inbox relies on
// is checked strictly; unknown extra properties are kept as they are (the body size limit bounds them).

import { createHash } from 'node:crypto';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * The honeypot. The correction dialog has a field people never see; when it comes back filled,
 * a bot filled it. The client copies it into this top-level property of the annotation, and the
 * receiver answers such a post exactly like a good one (201) but stores nothing.
 */
export const HONEYPOT_FIELD = 'folio:honeypot';

export const LIMITS = Object.freeze({
  title: 300,
  exact: 500,
  context: 64,
  text: 2000,
  email: 254,
  url: 2048,
  bodies: 8,
  selectors: 8,
  depth: 32,
});

const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
// Plausible, not RFC 5322: one @, a dot in the domain, no spaces, quotes, brackets or controls.
const EMAIL =
  // eslint-disable-next-line no-control-regex
  /^[^\s@"<>()[\]\\,;:\u0000-\u001F\u007F]+@[^\s@"<>()[\]\\,;:\u0000-\u001F\u007F]+\.[^\s@"<>()[\]\\,;:\u0000-\u001F\u007F.]+$/;

/** PostgreSQL cannot store U+0000 in text, and no page or form field produces it. */
// eslint-disable-next-line no-control-regex
const HAS_NUL = /\u0000/;
/** Control characters other than tab, line feed and carriage return (C0, DEL, C1). */
// eslint-disable-next-line no-control-regex
const HAS_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** Characters as a reader counts them (code points), so an emoji is one, not two. */
const length = (s) => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};
/** JSON-LD allows a term or an array of terms in most places. */
const hasTerm = (v, term) => v === term || (Array.isArray(v) && v.includes(term));

/** Whether the honeypot came back filled (anything but absent, null, false or an empty string). */
export function isHoneypotFilled(doc) {
  if (!isObject(doc) || !Object.hasOwn(doc, HONEYPOT_FIELD)) return false;
  const v = doc[HONEYPOT_FIELD];
  return !(v === undefined || v === null || v === false || (typeof v === 'string' && v.trim() === ''));
}

/** Nesting depth of a parsed JSON value, without recursion (a 64 KiB body can nest 30,000 deep). */
function tooDeep(value, max) {
  const stack = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (d > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return false;
}

class Invalid extends Error {}
const fail = (message) => {
  throw new Invalid(message);
};

/**
 * Text the store keeps in a column: refused when it holds U+0000, and made well-formed: a lone
 * surrogate (half an emoji, which a client cutting context by UTF-16 units can produce) becomes
 * U+FFFD instead of invalid UTF-8 in the database. The annotation itself is kept as received.
 */
function storable(text, where) {
  if (HAS_NUL.test(text)) fail(`${where} must not contain U+0000`);
  return text.toWellFormed();
}

function optionalString(obj, key, where, max) {
  const v = obj[key];
  if (v === undefined) return '';
  if (typeof v !== 'string') fail(`${where}.${key} must be a string`);
  if (length(v) > max) fail(`${where}.${key} must be at most ${max} characters`);
  return storable(v, `${where}.${key}`);
}

/**
 * target["dc:title"], the story's headline as the page shows it (optional: older clients do not
 * send it). One line: tabs and line breaks are read as spaces, other control characters refused.
 */
function checkTitle(target) {
  const title = target['dc:title'];
  if (title === undefined || title === null) return null;
  if (typeof title !== 'string') fail('target["dc:title"] must be a string');
  if (length(title) > LIMITS.title) fail(`target["dc:title"] must be at most ${LIMITS.title} characters`);
  if (HAS_CONTROL.test(title)) fail('target["dc:title"] must not contain control characters');
  const line = storable(title, 'target["dc:title"]').replace(/\s+/g, ' ').trim();
  return line || null;
}

function checkBody(body) {
  if (!Array.isArray(body)) fail('body must be an array of TextualBody objects');
  if (body.length > LIMITS.bodies) fail(`body may have at most ${LIMITS.bodies} items`);
  const found = {};
  body.forEach((item, i) => {
    const where = `body[${i}]`;
    if (!isObject(item)) fail(`${where} must be an object`);
    if (!hasTerm(item.type, 'TextualBody')) fail(`${where}.type must be "TextualBody"`);
    if (item.purpose !== 'editing' && item.purpose !== 'commenting') {
      fail(`${where}.purpose must be "editing" or "commenting"`);
    }
    if (typeof item.value !== 'string') fail(`${where}.value must be a string`);
    if (length(item.value) > LIMITS.text) fail(`${where}.value must be at most ${LIMITS.text} characters`);
    const value = storable(item.value, `${where}.value`);
    // The inbox shows bodies as plain text; a body claiming to be HTML would be shown wrongly.
    if (item.format !== undefined && item.format !== 'text/plain') fail(`${where}.format must be "text/plain"`);
    if (found[item.purpose] !== undefined) fail(`body may have only one item with purpose "${item.purpose}"`);
    found[item.purpose] = value;
  });
  return { suggestion: found.editing ?? null, comment: found.commenting ?? null };
}

function checkTarget(target) {
  if (!isObject(target)) fail('target must be an object');
  const source = target.source;
  if (typeof source !== 'string' || !source) fail('target.source must be the article URL');
  if (source.length > LIMITS.url) fail(`target.source must be at most ${LIMITS.url} characters`);
  let url;
  try {
    url = new URL(source);
  } catch {
    fail('target.source must be an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail('target.source must be an http or https URL');
  // The URL parser would quietly drop tabs and line breaks; the stored source must be the link as shown.
  if (ANY_CONTROL.test(source) || !source.isWellFormed()) fail('target.source must not contain control characters');

  let quote = null;
  let position = null;
  const selectors = target.selector;
  if (selectors !== undefined) {
    if (!Array.isArray(selectors)) fail('target.selector must be an array');
    if (selectors.length > LIMITS.selectors) fail(`target.selector may have at most ${LIMITS.selectors} items`);
    selectors.forEach((sel, i) => {
      const where = `target.selector[${i}]`;
      if (!isObject(sel) || typeof sel.type !== 'string') fail(`${where} must be an object with a type`);
      if (sel.type === 'TextQuoteSelector') {
        if (quote) fail('target.selector may have only one TextQuoteSelector');
        if (typeof sel.exact !== 'string' || !sel.exact.trim()) fail(`${where}.exact must be the quoted text`);
        if (length(sel.exact) > LIMITS.exact) fail(`${where}.exact must be at most ${LIMITS.exact} characters`);
        quote = {
          exact: storable(sel.exact, `${where}.exact`),
          prefix: optionalString(sel, 'prefix', where, LIMITS.context),
          suffix: optionalString(sel, 'suffix', where, LIMITS.context),
        };
      } else if (sel.type === 'TextPositionSelector') {
        if (position) fail('target.selector may have only one TextPositionSelector');
        const { start, end } = sel;
        if (!Number.isSafeInteger(start) || start < 0) fail(`${where}.start must be a whole number`);
        if (!Number.isSafeInteger(end) || end < 0) fail(`${where}.end must be a whole number`);
        if (start > end) fail(`${where}.start must not be after end`);
        position = { start, end };
      }
      // Other selector types (a later client might add a FragmentSelector) are kept, not read:
      // refusing them would make that client drop its readers' corrections as "refused".
    });
  }
  if (position && !quote) fail('target.selector has a TextPositionSelector but no TextQuoteSelector');
  return { source, sourceKey: sourceKey(url), title: checkTitle(target), quote };
}

function checkCreator(creator) {
  if (creator === undefined) return null;
  if (!isObject(creator)) fail('creator must be an object');
  if (!hasTerm(creator.type, 'Person')) fail('creator.type must be "Person"');
  if (typeof creator.email !== 'string') fail('creator.email must be an email address');
  // The Web Annotation model spells it as a mailto: IRI; a bare address is accepted too.
  const email = creator.email.trim().replace(/^mailto:/i, '');
  if (email.length > LIMITS.email || !EMAIL.test(email) || !email.isWellFormed())
    fail('creator.email must be an email address');
  return email;
}

/**
 * Validates a parsed JSON document. Returns `{ ok: true, correction }` with the fields the store
 * keeps in columns, or `{ ok: false, error }` with a message a reader can be shown.
 */
export function validateAnnotation(doc) {
  try {
    if (!isObject(doc)) fail('Expected a JSON object (a Web Annotation)');
    if (tooDeep(doc, LIMITS.depth)) fail(`The annotation is nested more than ${LIMITS.depth} levels deep`);
    if (!hasTerm(doc['@context'], ANNO_CONTEXT)) fail(`@context must be "${ANNO_CONTEXT}"`);
    if (!hasTerm(doc.type, 'Annotation')) fail('type must be "Annotation"');
    if (typeof doc.id !== 'string' || !UUID_URN.test(doc.id)) fail('id must be a "urn:uuid:" URN');
    if (doc.motivation !== 'editing') fail('motivation must be "editing"');
    if (typeof doc.created !== 'string' || !ISO_DATE_TIME.test(doc.created) || Number.isNaN(Date.parse(doc.created))) {
      fail('created must be an ISO 8601 date and time');
    }
    const { suggestion, comment } = checkBody(doc.body);
    const { source, sourceKey: key, title, quote } = checkTarget(doc.target);
    // A general correction (the footer's "write to us here") has no quote; then it must say something.
    if (!quote && !(suggestion?.trim() || comment?.trim())) {
      fail('A correction without a TextQuoteSelector needs a suggestion or a comment');
    }
    const email = checkCreator(doc.creator);
    if (doc.generator !== undefined && !isObject(doc.generator)) fail('generator must be an object');

    const annotation = { ...doc };
    delete annotation[HONEYPOT_FIELD];
    return {
      ok: true,
      correction: {
        // Lower case, so one client id cannot be stored twice in two spellings.
        id: doc.id.toLowerCase(),
        source,
        sourceKey: key,
        title,
        quote,
        suggestion,
        comment,
        email,
        annotation,
        // The id as stored (lower case), so a retry spelling it in upper case is still the same.
        fingerprint: fingerprint({ ...annotation, id: doc.id.toLowerCase() }),
      },
    };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: error.message };
    throw error;
  }
}

/**
 * The key a story is looked up by (the published notices): the URL as the WHATWG parser writes
 * it (host lower-cased, default port dropped), without its fragment. Null for anything that is
 * not an http(s) URL.
 */
export function sourceKey(source) {
  let url = source;
  if (!(url instanceof URL)) {
    try {
      url = new URL(String(source));
    } catch {
      return null;
    }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const copy = new URL(url.href);
  copy.hash = '';
  return copy.href;
}

/** JSON with object keys sorted, so two spellings of one document give one string. */
function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * What a retry is recognised by: a SHA-256 of the annotation in canonical form. The same id with
 * another fingerprint is another correction under a reused id (answered 409), not a retry.
 */
export function fingerprint(annotation) {
  return createHash('sha256').update(canonicalJson(annotation)).digest('hex');
}
