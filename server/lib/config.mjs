// Reads the receiver's settings from the environment. Everything has a default, so
// `npm start` needs none of them. The README's "The reference receiver" lists them all.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEditors } from './auth.mjs';
import { parseTrustProxy } from './client.mjs';
import { normalizeOrigin } from './cors.mjs';
import { DEFAULT_DIGEST_MS } from './notify/email.mjs';
import { parseWebhookTarget } from './notify/webhook.mjs';
import { DEFAULT_RATE_LIMITS, parseRateLimits } from './rate-limit.mjs';
import { isPostgresUrl } from './store/index.mjs';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_MAX_CONNECTIONS = 1000;
const MIN_SECRET_LENGTH = 16;
const TOKEN = /^[\x21-\x7E]+$/;
/** A plausible mailbox: an address alone or "Name <address>". */
const MAILBOX = /^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>,]+@[^\s@<>,]+\.[^\s@<>,]+)$/;

const list = (value, separator = /[\s,]+/) =>
  String(value ?? '')
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);

function readPort(env) {
  if (env.PORT === undefined || env.PORT === '') return 8000;
  const port = Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT: "${env.PORT}" is not a port number`);
  return port;
}

function readEditors(env) {
  const editorToken = env.FOLIO_EDITOR_TOKEN || undefined;
  if (editorToken !== undefined && !TOKEN.test(editorToken)) {
    throw new Error('FOLIO_EDITOR_TOKEN: use printable ASCII without spaces (it travels in an HTTP header)');
  }
  const editors = env.FOLIO_EDITORS
    ? parseEditors(env.FOLIO_EDITORS, { source: 'FOLIO_EDITORS', separators: /\r?\n|,/ })
    : [];
  if (env.FOLIO_EDITORS_FILE) {
    let text;
    try {
      text = readFileSync(env.FOLIO_EDITORS_FILE, 'utf8');
    } catch (error) {
      throw new Error(`FOLIO_EDITORS_FILE: cannot read ${env.FOLIO_EDITORS_FILE} (${error.code ?? error.message})`, {
        cause: error,
      });
    }
    editors.push(...parseEditors(text, { source: `FOLIO_EDITORS_FILE (${env.FOLIO_EDITORS_FILE})` }));
  }
  const names = new Set();
  const tokens = new Set(editorToken ? [editorToken] : []);
  for (const { name, token } of editors) {
    if (names.has(name)) throw new Error(`FOLIO_EDITORS: ${name} is named twice`);
    if (tokens.has(token)) throw new Error(`FOLIO_EDITORS: ${name} shares a token with another editor`);
    names.add(name);
    tokens.add(token);
  }
  return { editorToken, editors };
}

function readPublicUrl(env) {
  if (!env.FOLIO_PUBLIC_URL) return undefined;
  let url;
  try {
    url = new URL(env.FOLIO_PUBLIC_URL);
  } catch {
    throw new Error(`FOLIO_PUBLIC_URL: "${env.FOLIO_PUBLIC_URL}" is not a URL like https://corrections.news.example`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('FOLIO_PUBLIC_URL: use an http(s) URL');
  return url.origin;
}

function readDigest(text) {
  const value = String(text ?? '')
    .trim()
    .toLowerCase();
  if (value === '' || value === 'off' || value === '0') return 0;
  if (value === 'hourly' || value === 'on' || value === '1') return DEFAULT_DIGEST_MS;
  if (value === 'daily') return DAY_MS;
  if (/^\d+$/.test(value) && Number(value) >= 60 && Number(value) * 1000 <= DAY_MS) return Number(value) * 1000;
  throw new Error(`FOLIO_EMAIL_DIGEST: "${text}" is not off, hourly, daily or a number of seconds from 60 to 86400`);
}

function readNotify(env) {
  const webhooks = list(env.FOLIO_WEBHOOK_URL).map(parseWebhookTarget);
  const webhookSecret = env.FOLIO_WEBHOOK_SECRET || null;
  if (webhookSecret !== null && webhookSecret.length < MIN_SECRET_LENGTH) {
    throw new Error(`FOLIO_WEBHOOK_SECRET: use at least ${MIN_SECRET_LENGTH} characters (say, openssl rand -hex 32)`);
  }
  if (webhooks.some((w) => w.format === 'json') && !webhookSecret) {
    throw new Error('FOLIO_WEBHOOK_SECRET: set it, so the webhook can check that a call came from this receiver');
  }
  const smtpUrl = env.FOLIO_SMTP_URL || null;
  const emailTo = list(env.FOLIO_NOTIFY_EMAIL, /,/);
  if (smtpUrl !== null && !/^smtps?:\/\//i.test(smtpUrl))
    throw new Error('FOLIO_SMTP_URL: use smtp://user:password@host:587 or smtps://…:465');
  if (smtpUrl !== null && !emailTo.length)
    throw new Error('FOLIO_NOTIFY_EMAIL: name who gets the mail (comma-separated addresses)');
  if (smtpUrl === null && emailTo.length)
    throw new Error('FOLIO_SMTP_URL: set it, or FOLIO_NOTIFY_EMAIL cannot be sent');
  for (const address of emailTo) {
    if (!MAILBOX.test(address)) throw new Error(`FOLIO_NOTIFY_EMAIL: "${address}" is not an e-mail address`);
  }
  const emailFrom = env.FOLIO_EMAIL_FROM || undefined;
  if (emailFrom !== undefined && !MAILBOX.test(emailFrom))
    throw new Error(`FOLIO_EMAIL_FROM: "${emailFrom}" is not an e-mail address`);
  return { webhooks, webhookSecret, smtpUrl, emailTo, emailFrom, digestMs: readDigest(env.FOLIO_EMAIL_DIGEST) };
}

/**
 * PORT (8000), HOST (localhost), FOLIO_DB (<root>/.data/corrections.sqlite, or postgres://…),
 * FOLIO_EDITOR_TOKEN, FOLIO_EDITORS, FOLIO_EDITORS_FILE, FOLIO_ALLOWED_ORIGINS, FOLIO_RATE_LIMITS,
 * FOLIO_TRUST_PROXY, FOLIO_PUBLIC_URL, FOLIO_MAX_CONNECTIONS, and for notifications
 * FOLIO_WEBHOOK_URL, FOLIO_WEBHOOK_SECRET, FOLIO_SMTP_URL, FOLIO_NOTIFY_EMAIL, FOLIO_EMAIL_FROM,
 * FOLIO_EMAIL_DIGEST. Returns createFolioServer's options plus port and host; throws an Error
 * whose message names the variable that is wrong.
 */
export function configFromEnv(env, { root }) {
  const allowedOrigins = list(env.FOLIO_ALLOWED_ORIGINS, /,/);
  for (const origin of allowedOrigins) {
    if (!normalizeOrigin(origin))
      throw new Error(`FOLIO_ALLOWED_ORIGINS: "${origin}" is not an origin like https://news.example`);
  }
  const maxConnections = env.FOLIO_MAX_CONNECTIONS ? Number(env.FOLIO_MAX_CONNECTIONS) : DEFAULT_MAX_CONNECTIONS;
  if (!Number.isSafeInteger(maxConnections) || maxConnections < 1) {
    throw new Error(`FOLIO_MAX_CONNECTIONS: "${env.FOLIO_MAX_CONNECTIONS}" is not a whole number of connections`);
  }
  let db = path.join(root, '.data', 'corrections.sqlite');
  if (env.FOLIO_DB) db = isPostgresUrl(env.FOLIO_DB) ? env.FOLIO_DB : path.resolve(env.FOLIO_DB);

  return {
    port: readPort(env),
    host: env.HOST || 'localhost',
    db,
    ...readEditors(env),
    allowedOrigins,
    rateLimits: env.FOLIO_RATE_LIMITS ? parseRateLimits(env.FOLIO_RATE_LIMITS) : DEFAULT_RATE_LIMITS,
    trustProxy: parseTrustProxy(env.FOLIO_TRUST_PROXY),
    publicUrl: readPublicUrl(env),
    maxConnections,
    notify: readNotify(env),
  };
}

/** FOLIO_DB for a log line: a PostgreSQL URL without its password. */
export function describeDb(db) {
  if (!isPostgresUrl(db)) return db;
  const url = new URL(db);
  if (url.password) url.password = '***';
  return url.href;
}
