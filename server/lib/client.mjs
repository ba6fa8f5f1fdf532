// Who is posting: the address the rate limit counts by (through a hash the store keeps; the raw
// address is never stored), and which reverse proxies may say who the client is.

import { createHmac } from 'node:crypto';
import { BlockList, isIP } from 'node:net';

/** Ranges a reverse proxy on this machine or the local network connects from. */
const NAMED_RANGES = {
  loopback: [
    ['127.0.0.0', 8, 'ipv4'],
    ['::1', 128, 'ipv6'],
  ],
  private: [
    ['10.0.0.0', 8, 'ipv4'],
    ['172.16.0.0', 12, 'ipv4'],
    ['192.168.0.0', 16, 'ipv4'],
    ['169.254.0.0', 16, 'ipv4'],
    ['fc00::', 7, 'ipv6'],
    ['fe80::', 10, 'ipv6'],
  ],
};
const MAX_HOPS = 16;

/** "::ffff:203.0.113.9" -> "203.0.113.9"; strips a zone ("%eth0"); "" for anything that is not an address. */
export function plainAddress(value) {
  let a = String(value ?? '').trim();
  if (a.toLowerCase().startsWith('::ffff:') && isIP(a.slice(7)) === 4) a = a.slice(7);
  return isIP(a) ? a : '';
}

/**
 * One X-Forwarded-For entry as a plain address, or "": proxies write "203.0.113.9",
 * "203.0.113.9:5678", "2001:db8::1" or "[2001:db8::1]:5678".
 */
function forwardedEntry(entry) {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed) return plainAddress(bracketed[1]);
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry);
  if (v4WithPort) return plainAddress(v4WithPort[1]);
  return plainAddress(entry);
}

function addRange(list, address, prefix, type) {
  if (prefix === (type === 'ipv4' ? 32 : 128)) list.addAddress(address, type);
  else list.addSubnet(address, prefix, type);
}

/** "10.0.0.0/8" or "2001:db8::1" -> [address, prefix, type], or null. */
function parseRange(item) {
  const match = /^([^/]+)(?:\/(\d{1,3}))?$/.exec(item);
  const address = plainAddress(match?.[1]);
  if (!address) return null;
  const type = isIP(address) === 4 ? 'ipv4' : 'ipv6';
  const maxPrefix = type === 'ipv4' ? 32 : 128;
  const prefix = match[2] === undefined ? maxPrefix : Number(match[2]);
  return prefix <= maxPrefix ? [address, prefix, type] : null;
}

/**
 * Reads FOLIO_TRUST_PROXY. Returns null (no proxy: X-Forwarded-For is never read) or a policy:
 * - a number of hops N ("1", also "true"): N proxies stand in front, the nearest connecting from
 *   loopback or a private network; the client is the address the outermost one appended;
 * - a list of the proxies' addresses and CIDR ranges, and the words `loopback` and `private`
 *   ("127.0.0.1, 10.0.0.0/8"): the client is the nearest address, walking X-Forwarded-For from
 *   the right, that is not one of them.
 * In both cases a request whose own peer is not a trusted proxy is taken at its socket address:
 * a client that reaches the receiver directly cannot name itself. Throws with the variable named.
 */
export function parseTrustProxy(value) {
  const text = String(value ?? '')
    .trim()
    .toLowerCase();
  if (text === '' || text === '0' || text === 'false' || text === 'off') return null;
  let hops = null;
  if (text === 'true') hops = 1;
  else if (/^\d+$/.test(text)) hops = Number(text);
  const trusted = new BlockList();
  if (hops !== null) {
    if (hops < 1 || hops > MAX_HOPS)
      throw new Error(`FOLIO_TRUST_PROXY: ${text} hops is not between 1 and ${MAX_HOPS}`);
    for (const name of ['loopback', 'private']) for (const range of NAMED_RANGES[name]) addRange(trusted, ...range);
    return { hops, trusted };
  }
  for (const item of text.split(/[\s,]+/).filter(Boolean)) {
    if (Object.hasOwn(NAMED_RANGES, item)) {
      for (const range of NAMED_RANGES[item]) addRange(trusted, ...range);
      continue;
    }
    const range = parseRange(item);
    if (!range) {
      throw new Error(
        `FOLIO_TRUST_PROXY: "${item}" is not a hop count, an address, a range like 10.0.0.0/8, "loopback" or "private"`,
      );
    }
    addRange(trusted, ...range);
  }
  return { hops: null, trusted };
}

function trusts(policy, address) {
  if (!address) return false;
  return policy.trusted.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');
}

/** Whether this request came straight from a proxy the policy trusts (so its X-Forwarded-* headers count). */
export function fromTrustedProxy(req, policy) {
  return Boolean(policy) && trusts(policy, plainAddress(req.socket.remoteAddress));
}

/**
 * The client's address: the socket's, unless the request came from a trusted proxy, in which
 * case it is read from X-Forwarded-For as `parseTrustProxy` describes. Entries left of the
 * client's are whatever the client chose to send and are never read.
 */
export function clientAddress(req, policy = null) {
  const peer = plainAddress(req.socket.remoteAddress);
  if (!policy || !trusts(policy, peer)) return peer;
  const header = req.headers['x-forwarded-for'];
  const chain = String(Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!chain.length) return peer;
  if (policy.hops !== null) {
    // The nearest proxy appended the last entry, the one before it the entry before, and so on.
    const entry = chain[Math.max(0, chain.length - policy.hops)];
    return forwardedEntry(entry) || peer;
  }
  let address = peer;
  for (let i = chain.length - 1; i >= 0 && trusts(policy, address); i--) {
    const next = forwardedEntry(chain[i]);
    // A proxy that appended something unreadable: count the request under that proxy.
    if (!next) break;
    address = next;
  }
  return address;
}

/** The first 64 bits of an IPv6 address: one home or phone usually gets a whole /64. */
function ipv6Prefix(address) {
  let a = address.split('%')[0].toLowerCase();
  // An embedded IPv4 tail fills the last two groups; only the count matters for the prefix.
  if (a.includes('.')) a = a.replace(/[\d.]+$/, '0:0');
  const [head, tail] = a.includes('::') ? a.split('::') : [a, null];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === null ? h : [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g || '0', 16).toString(16))
    .join(':')}::/64`;
}

/** Normalises an address into the key a client is counted by. */
export function clientKey(address) {
  let a = String(address ?? '').trim();
  if (a.toLowerCase().startsWith('::ffff:') && isIP(a.slice(7)) === 4) a = a.slice(7);
  if (isIP(a) === 6) return ipv6Prefix(a);
  return a || 'unknown';
}

/**
 * A short keyed hash of the client key. The salt lives in the database, so the hash is stable
 * across restarts and processes (an editor can see that several corrections came from one
 * reader) but does not reveal the address to someone reading the column alone.
 */
export function clientHash(key, salt) {
  return createHmac('sha256', salt).update(key).digest('base64url').slice(0, 16);
}
