// Editors and their tokens, sent as `Authorization: Bearer <token>`. Each named editor
// (FOLIO_EDITORS or FOLIO_EDITORS_FILE) has a token of their own, so every decision records who
// made it; the single shared FOLIO_EDITOR_TOKEN keeps working beside them.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Who the shared token decides as, in the audit trail. */
export const SHARED_EDITOR = 'Editor (shared token)';
/** A named editor's token is at least this long: it is all that stands between a reader and the inbox. */
export const MIN_TOKEN_LENGTH = 16;
const MAX_NAME_LENGTH = 80;
const TOKEN = /^[\x21-\x7E]+$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

/** A fresh token for a run without any configured: 192 random bits, URL-safe. */
export function generateToken() {
  return randomBytes(24).toString('base64url');
}

/** The token in an Authorization header, or null when there is no Bearer credential. */
export function bearerToken(header) {
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(typeof header === 'string' ? header : '');
  return m ? m[1] : null;
}

const digest = (value) => createHash('sha256').update(String(value)).digest();

/**
 * Compares in constant time. Both sides are hashed first so that the comparison also does not
 * reveal the token's length.
 */
export function tokensMatch(given, expected) {
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Parses editors written as `name=token`, one per line (and, with `separators: /[\n,]/`, also
 * comma-separated, as in FOLIO_EDITORS). Blank lines and lines starting with # are skipped.
 * Throws an Error naming `source` and the entry when one is wrong.
 */
export function parseEditors(text, { source = 'FOLIO_EDITORS', separators = /\r?\n/ } = {}) {
  const editors = [];
  const names = new Set();
  const tokens = new Set();
  String(text)
    .split(separators)
    .map((line) => line.trim())
    .forEach((line, index) => {
      if (!line || line.startsWith('#')) return;
      const where = `${source}, entry ${index + 1}`;
      const eq = line.indexOf('=');
      const name = eq < 0 ? '' : line.slice(0, eq).trim();
      const token = eq < 0 ? '' : line.slice(eq + 1).trim();
      if (!name || !token) throw new Error(`${where}: write it as name=token`);
      if (name.length > MAX_NAME_LENGTH || CONTROL.test(name))
        throw new Error(`${where}: the name must be one line of at most ${MAX_NAME_LENGTH} characters`);
      if (!TOKEN.test(token))
        throw new Error(`${where}: the token must be printable ASCII without spaces (it travels in an HTTP header)`);
      if (token.length < MIN_TOKEN_LENGTH)
        throw new Error(`${where}: the token must be at least ${MIN_TOKEN_LENGTH} characters`);
      if (names.has(name)) throw new Error(`${where}: ${name} is named twice`);
      if (tokens.has(token))
        throw new Error(`${where}: two editors share a token, so decisions could not be told apart`);
      names.add(name);
      tokens.add(token);
      editors.push({ name, token });
    });
  return editors;
}

/**
 * The editors who may open the inbox: the named ones, plus the shared token when there is one.
 * `identify(req)` answers `{ result: 'ok', editor }`, or `{ result: 'missing' }` (no Bearer
 * token) or `{ result: 'invalid' }`. Every token is compared, whichever matches, so the time taken
 * says nothing about which one it was.
 */
export function createEditorDirectory({ sharedToken = null, editors = [] } = {}) {
  const entries = editors.map(({ name, token }) => ({ name, hash: digest(token) }));
  if (sharedToken) entries.push({ name: SHARED_EDITOR, hash: digest(sharedToken) });
  return {
    get size() {
      return entries.length;
    },
    identify(req) {
      const token = bearerToken(req.headers.authorization);
      if (token === null) return { result: 'missing' };
      const given = digest(token);
      let editor = null;
      for (const entry of entries) {
        if (timingSafeEqual(given, entry.hash) && editor === null) editor = entry.name;
      }
      return editor === null ? { result: 'invalid' } : { result: 'ok', editor };
    },
  };
}

/** The WWW-Authenticate challenge for a 401. */
export function challenge(result) {
  return result === 'invalid' ? 'Bearer realm="folio-inbox", error="invalid_token"' : 'Bearer realm="folio-inbox"';
}
