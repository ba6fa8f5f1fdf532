// Which web pages may post corrections from the reader's browser: the origins in
// FOLIO_ALLOWED_ORIGINS plus the server's own. Everyone else gets no CORS headers at all.

import { fromTrustedProxy } from './client.mjs';

/** "https://News.Example:443/" -> "https://news.example"; "*" and "null" stay; junk -> null. */
export function normalizeOrigin(value) {
  const s = String(value ?? '').trim();
  if (s === '*' || s === 'null') return s;
  try {
    const url = new URL(s);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The origin this request was addressed to, as the browser that sent it sees it. Behind a proxy
 * (`proxy`: a policy from parseTrustProxy) the proxy's X-Forwarded-Proto and -Host say it, and
 * only when the request came from that proxy.
 */
export function ownOrigin(req, proxy = null) {
  const first = (v) =>
    String(v ?? '')
      .split(',')[0]
      .trim();
  const forwarded = fromTrustedProxy(req, proxy);
  const proto = (forwarded && first(req.headers['x-forwarded-proto'])) || (req.socket.encrypted ? 'https' : 'http');
  const host = (forwarded && first(req.headers['x-forwarded-host'])) || req.headers.host;
  return host ? normalizeOrigin(`${proto}://${host}`) : null;
}

/**
 * `allowedOrigins`: origins (or "*" for any page at all) allowed to post corrections.
 * Returns `isAllowed(req)`: true for a request without an Origin (not from a browser page, so
 * CORS does not apply) or from an allowed one.
 */
export function createOriginPolicy({ allowedOrigins = [], proxy = null } = {}) {
  const normalized = allowedOrigins.map(normalizeOrigin).filter(Boolean);
  const any = normalized.includes('*');
  const allowed = new Set(normalized);
  return {
    isAllowed(req) {
      const origin = req.headers.origin;
      if (origin === undefined) return true;
      if (any) return true;
      const o = origin === 'null' ? 'null' : normalizeOrigin(origin);
      return o !== null && (allowed.has(o) || o === ownOrigin(req, proxy));
    },
    /**
     * The newsroom's own sites, as far as the receiver knows them: its own origin and the allowed
     * ones. The inbox warns about an article link elsewhere. Null when any page may post ("*").
     */
    storyOrigins(req) {
      if (any) return null;
      const own = ownOrigin(req, proxy);
      return [...new Set([...(own ? [own] : []), ...[...allowed].filter((o) => o !== 'null')])];
    },
  };
}
