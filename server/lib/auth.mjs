// The editor token: one shared secret for the inbox, sent as `Authorization: Bearer <token>`.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh token for a run without FOLIO_EDITOR_TOKEN: 192 random bits, URL-safe. */
export function generateToken() {
  return randomBytes(24).toString('base64url');
}

/** The token in an Authorization header, or null when there is no Bearer credential. */
export function bearerToken(header) {
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(typeof header === 'string' ? header : '');
  return m ? m[1] : null;
}

/**
 * Compares in constant time. Both sides are hashed first so that the comparison also does not
 * reveal the token's length.
 */
export function tokensMatch(given, expected) {
  const a = createHash('sha256').update(String(given)).digest();
  const b = createHash('sha256').update(String(expected)).digest();
  return timingSafeEqual(a, b);
}

/**
 * Checks a request's credentials: 'ok', 'missing' (no Bearer token) or 'invalid'.
 * The two failures are answered differently only in the WWW-Authenticate error code (RFC 6750).
 */
export function authorize(req, expected) {
  const token = bearerToken(req.headers.authorization);
  if (token === null) return 'missing';
  return tokensMatch(token, expected) ? 'ok' : 'invalid';
}

/** The WWW-Authenticate challenge for a 401. */
export function challenge(result) {
  return result === 'invalid' ? 'Bearer realm="folio-inbox", error="invalid_token"' : 'Bearer realm="folio-inbox"';
}
