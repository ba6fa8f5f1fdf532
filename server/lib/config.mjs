// Reads the receiver's settings from the environment. Everything has a default, so
// `npm start` needs none of them.

import path from 'node:path';
import { normalizeOrigin } from './cors.mjs';
import { DEFAULT_RATE_LIMITS, parseRateLimits } from './rate-limit.mjs';

/**
 * PORT (8000), HOST (localhost), FOLIO_DB (<root>/.data/corrections.sqlite),
 * FOLIO_EDITOR_TOKEN (generated per run when unset), FOLIO_ALLOWED_ORIGINS (comma-separated),
 * FOLIO_RATE_LIMITS ("5/300,15/1800,30/86400"; "off"), FOLIO_TRUST_PROXY ("1" behind a proxy).
 * Throws an Error whose message says which variable is wrong.
 */
export function configFromEnv(env, { root }) {
  const port = env.PORT === undefined || env.PORT === '' ? 8000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT: "${env.PORT}" is not a port number`);

  const allowedOrigins = String(env.FOLIO_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const origin of allowedOrigins) {
    if (!normalizeOrigin(origin)) throw new Error(`FOLIO_ALLOWED_ORIGINS: "${origin}" is not an origin like https://news.example`);
  }

  const editorToken = env.FOLIO_EDITOR_TOKEN || undefined;
  if (editorToken !== undefined && !/^[\x21-\x7E]+$/.test(editorToken)) {
    throw new Error('FOLIO_EDITOR_TOKEN: use printable ASCII without spaces (it travels in an HTTP header)');
  }

  return {
    port,
    host: env.HOST || 'localhost',
    dbPath: env.FOLIO_DB ? path.resolve(env.FOLIO_DB) : path.join(root, '.data', 'corrections.sqlite'),
    editorToken,
    allowedOrigins,
    rateLimits: env.FOLIO_RATE_LIMITS ? parseRateLimits(env.FOLIO_RATE_LIMITS) : DEFAULT_RATE_LIMITS,
    trustProxy: env.FOLIO_TRUST_PROXY === '1' || env.FOLIO_TRUST_PROXY === 'true',
  };
}
