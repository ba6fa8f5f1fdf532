// Who is posting: the key the rate limit counts by and the hash the store keeps. The raw
// address is never stored.

import { createHmac } from 'node:crypto';
import { isIP } from 'node:net';

/** The first 64 bits of an IPv6 address: one home or phone usually gets a whole /64. */
function ipv6Prefix(address) {
  let a = address.split('%')[0].toLowerCase();
  // An embedded IPv4 tail fills the last two groups; only the count matters for the prefix.
  if (a.includes('.')) a = a.replace(/[\d.]+$/, '0:0');
  const [head, tail] = a.includes('::') ? a.split('::') : [a, null];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === null ? h : [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t];
  return `${groups.slice(0, 4).map((g) => parseInt(g || '0', 16).toString(16)).join(':')}::/64`;
}

/** Normalises an address into the key a client is counted by. */
export function clientKey(address) {
  let a = String(address ?? '').trim();
  if (a.toLowerCase().startsWith('::ffff:') && isIP(a.slice(7)) === 4) a = a.slice(7);
  if (isIP(a) === 6) return ipv6Prefix(a);
  return a || 'unknown';
}

/**
 * The client's address. With `trustProxy` (FOLIO_TRUST_PROXY=1: the server sits behind one
 * reverse proxy) it is the last X-Forwarded-For entry, the one that proxy added; the entries
 * before it are whatever the client chose to send.
 */
export function clientAddress(req, trustProxy = false) {
  if (trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const entries = String(header ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const last = entries.at(-1);
    if (last && isIP(last)) return last;
  }
  return req.socket.remoteAddress ?? '';
}

/**
 * A short keyed hash of the client key. The salt lives in the database, so the hash is stable
 * across restarts (an editor can see that several corrections came from one reader) but does not
 * reveal the address to someone reading the column alone.
 */
export function clientHash(key, salt) {
  return createHmac('sha256', salt).update(key).digest('base64url').slice(0, 16);
}
