// Folio's corrections receiver: readers' browsers POST corrections (W3C Web Annotations) to
// /api/corrections, editors work through them in the inbox (/inbox), webhooks and e-mail tell
// the desk, and stories read their published correction notices. Plain node:http.
//
//   import { createFolioServer } from 'folio-widget/server'   (or ./server/index.mjs)
//   folio-receiver [--demo]                                    (the CLI: server/bin/folio-receiver.mjs)
//
// With `demo: true` the same server also serves the built bundles (dist/) and the demo pages
// (demo/), which is what `npm start` runs.

import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEditorDirectory, generateToken } from './lib/auth.mjs';
import { parseTrustProxy } from './lib/client.mjs';
import { COLLECTION, createCorrectionsApi } from './lib/corrections-api.mjs';
import { createOriginPolicy } from './lib/cors.mjs';
import { EXPECTS_CONTINUE, normalizePath, sendError, sendText, setBaseHeaders, splitTarget } from './lib/http.mjs';
import { createEmailChannel } from './lib/notify/email.mjs';
import { createNotifier } from './lib/notify/notifier.mjs';
import { createWebhookChannel } from './lib/notify/webhook.mjs';
import { DEFAULT_RATE_LIMITS } from './lib/rate-limit.mjs';
import { createStaticHandler, sendFile } from './lib/static.mjs';
import { openStore, StoreUnavailableError } from './lib/store/index.mjs';

const SERVER_DIR = path.dirname(fileURLToPath(import.meta.url));

/** The repository root: where the demo's static routes (dist/, demo/) are served from. */
export const ROOT = path.resolve(SERVER_DIR, '..');

/** The folders `demo: true` serves as plain files. */
export const DEMO_MOUNTS = Object.freeze(['dist', 'demo']);

const VERSION = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
const USER_AGENT = `folio-receiver/${VERSION}`;

/**
 * The inbox: a page, its script and styles, and the text-fragment module it shares with the
 * server. Served by name from this table, so no other file of the server is ever reachable.
 */
const INBOX_FILES = {
  '/inbox': path.join(SERVER_DIR, 'inbox', 'index.html'),
  '/inbox/inbox.js': path.join(SERVER_DIR, 'inbox', 'inbox.js'),
  '/inbox/inbox.css': path.join(SERVER_DIR, 'inbox', 'inbox.css'),
  '/inbox/text-fragment.mjs': path.join(SERVER_DIR, 'lib', 'text-fragment.mjs'),
};
/**
 * The inbox shows strings readers typed; it runs no inline code, so a strict policy costs
 * nothing. Every answer under /inbox carries these, matched on the normalised path, so
 * //inbox or /%69nbox cannot fetch the page without them.
 */
const INBOX_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/** Timeouts for slow clients; node checks them every `checkIntervalMs`, so they hold to within that. */
export const DEFAULT_TIMEOUTS = Object.freeze({
  headersMs: 10_000,
  requestMs: 30_000,
  keepAliveMs: 5_000,
  checkIntervalMs: 1_000,
});
/** How long a request waits for a PostgreSQL that is restarting, as told in Retry-After. */
const RETRY_AFTER_UNAVAILABLE_SECONDS = 5;
const SMTP_TIMEOUT_MS = 15_000;
const WEBHOOK_TIMEOUT_MS = 15_000;
const CLOSE_GRACE_MS = 3000;

const silent = { info() {}, warn() {}, error() {} };

/** FOLIO_TRUST_PROXY's value, or a policy already parsed, as a policy (null: no proxy). */
function proxyPolicy(value) {
  if (value === null || value === undefined || value === false) return null;
  if (value === true) return parseTrustProxy('1');
  if (typeof value === 'object') return value;
  return parseTrustProxy(String(value));
}

function notificationChannels({ notify, publicUrl, now }) {
  const channels = notify.webhooks.map(({ url, format }) =>
    createWebhookChannel({
      url,
      format,
      secret: notify.webhookSecret,
      timeoutMs: notify.webhookTimeoutMs ?? WEBHOOK_TIMEOUT_MS,
      publicUrl,
      userAgent: USER_AGENT,
      now,
    }),
  );
  if (notify.smtpUrl) {
    const transport = notify.transport ?? null;
    channels.push(
      createEmailChannel({
        transport,
        to: notify.emailTo,
        from: notify.emailFrom ?? 'Folio corrections <folio@localhost>',
        digestMs: notify.digestMs ?? 0,
        publicUrl,
      }),
    );
  }
  return channels;
}

async function smtpTransport(smtpUrl) {
  const { default: nodemailer } = await import('nodemailer').catch((error) => {
    throw new Error('FOLIO_SMTP_URL needs the nodemailer package: npm install nodemailer', { cause: error });
  });
  return nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  });
}

/**
 * Builds the server (opening the store) without listening. Options (all optional):
 * - demo: also serve dist/ and demo/ from `root`, and send / to the demo article
 * - root: the folder the demo's files are served from (the repository)
 * - db: a SQLite path (default <root>/.data/corrections.sqlite; ":memory:" works) or a
 *   postgres:// URL; dbSchema: a PostgreSQL schema of its own (tests)
 * - editorToken: the shared editor token; editors: [{ name, token }] (a token is generated for
 *   the run when neither is given; see `tokenGenerated`)
 * - allowedOrigins: origins whose pages may POST corrections, besides the server's own
 * - rateLimits: [{ max, windowSeconds }] per client ([] for none)
 * - trustProxy: FOLIO_TRUST_PROXY's value (a hop count or proxy addresses) or a parsed policy
 * - publicUrl: where editors reach this server (links in notifications; default: where it listens)
 * - notify: { webhooks: [{ url, format }], webhookSecret, smtpUrl, emailTo, emailFrom, digestMs,
 *   timing: notifier.mjs DEFAULT_NOTIFY_TIMING overrides }
 * - maxConnections, timeouts (DEFAULT_TIMEOUTS overrides)
 * - now: clock in ms, for tests; log: { info, warn, error } (default: silent)
 */
export async function createFolioServer(options = {}) {
  const {
    demo = false,
    root = ROOT,
    db = path.join(root, '.data', 'corrections.sqlite'),
    dbSchema = null,
    editorToken,
    editors = [],
    allowedOrigins = [],
    rateLimits = DEFAULT_RATE_LIMITS,
    trustProxy = null,
    publicUrl: configuredPublicUrl,
    notify = { webhooks: [] },
    maxConnections = 1000,
    timeouts = {},
    now = Date.now,
    log = silent,
  } = options;

  const proxy = proxyPolicy(trustProxy);
  const tokenGenerated = !editorToken && !editors.length;
  const sharedToken = tokenGenerated ? generateToken() : (editorToken ?? null);
  const settings = { webhooks: [], ...notify };
  if (settings.smtpUrl && !settings.transport) settings.transport = await smtpTransport(settings.smtpUrl);

  const store = await openStore(db, { schema: dbSchema, log });
  let listeningUrl = null;
  const publicUrl = () => configuredPublicUrl ?? listeningUrl ?? 'http://localhost';
  const notifier = createNotifier({
    store,
    channels: notificationChannels({ notify: settings, publicUrl, now }),
    now,
    log,
    timing: settings.timing,
  });
  const origins = createOriginPolicy({ allowedOrigins, proxy });
  const api = createCorrectionsApi({
    store,
    origins,
    editors: createEditorDirectory({ sharedToken, editors }),
    notifier,
    limits: rateLimits,
    now,
    proxy,
    log,
  });
  const serveStatic = demo ? createStaticHandler({ root, mounts: DEMO_MOUNTS }) : null;

  async function route(req, res) {
    setBaseHeaders(res);
    const { pathname: raw, query } = splitTarget(req.url);
    const pathname = normalizePath(raw);
    const reading = req.method === 'GET' || req.method === 'HEAD';

    if (pathname === COLLECTION || pathname?.startsWith(`${COLLECTION}/`)) return api(req, res, pathname, query);
    if (pathname === '/api' || pathname?.startsWith('/api/')) return sendError(req, res, 404, 'Not found');
    if (pathname === '/inbox' || pathname?.startsWith('/inbox/')) {
      for (const [name, value] of Object.entries(INBOX_HEADERS)) res.setHeader(name, value);
      if (pathname === '/inbox/' && reading) {
        res.writeHead(301, { Location: '/inbox' });
        return res.end();
      }
      if (!Object.hasOwn(INBOX_FILES, pathname)) return sendText(req, res, 404, 'Not found\n');
      if (!reading) return sendText(req, res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
      return sendFile(req, res, INBOX_FILES[pathname]);
    }
    if (pathname === '/' && reading) {
      res.writeHead(302, { Location: demo ? '/demo/index.html' : '/inbox', 'Cache-Control': 'no-cache' });
      return res.end();
    }
    // Browsers ask for it on every page; an empty answer keeps their consoles free of 404s.
    if (pathname === '/favicon.ico' && reading) {
      res.writeHead(204, { 'Cache-Control': 'max-age=86400' });
      return res.end();
    }
    if (serveStatic) return serveStatic(req, res, raw);
    return sendText(req, res, 404, 'Not found\n');
  }

  function handle(req, res) {
    route(req, res).catch((error) => {
      if (error instanceof StoreUnavailableError) {
        log.warn(`folio receiver: ${error.message}`);
        if (!res.headersSent) {
          sendError(
            req,
            res,
            503,
            'The corrections store is unavailable for a moment; nothing was stored, please retry',
            {
              'Retry-After': String(RETRY_AFTER_UNAVAILABLE_SECONDS),
            },
          );
        } else res.destroy();
        return;
      }
      log.error('folio receiver:', error);
      if (!res.headersSent) sendError(req, res, 500, 'Internal server error');
      else res.destroy();
    });
  }

  const timing = { ...DEFAULT_TIMEOUTS, ...timeouts };
  const server = http.createServer(
    {
      // Slow clients: the headers within 10 s and the whole request within 30 s, checked every
      // second (node's default check runs every 30 s, which let 30 s stretch to 60).
      headersTimeout: timing.headersMs,
      requestTimeout: timing.requestMs,
      keepAliveTimeout: timing.keepAliveMs,
      connectionsCheckingInterval: timing.checkIntervalMs,
    },
    handle,
  );
  server.maxConnections = maxConnections;
  // A client that waits for "100 Continue" gets it only once its request is known to be
  // acceptable (corrections-api.mjs readJson): an oversized or refused upload is answered first.
  server.on('checkContinue', (req, res) => {
    req[EXPECTS_CONTINUE] = true;
    handle(req, res);
  });
  // Malformed requests, header timeouts: answer what can be answered, then close.
  server.on('clientError', (error, socket) => {
    if (socket.writable && !socket.writableEnded) {
      const status =
        error.code === 'ERR_HTTP_REQUEST_TIMEOUT' || error.code === 'ERR_HTTP_HEADERS_TIMEOUT'
          ? '408 Request Timeout'
          : '400 Bad Request';
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    }
    socket.destroy();
  });

  let closing = null;
  return {
    server,
    store,
    notifier,
    editorToken: sharedToken,
    tokenGenerated,
    /** Resolves with { port, address } once listening; starts the notification worker. */
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const { port: bound, address } = server.address();
          const shown = address.includes(':') ? `[${address}]` : address;
          listeningUrl = `http://${['0.0.0.0', '::'].includes(address) ? 'localhost' : shown}:${bound}`;
          notifier.start();
          resolve({ port: bound, address });
        });
      });
    },
    /**
     * Stops accepting connections, lets requests in flight finish (cut after 3 s), waits for
     * notifications being sent, then closes the database. Safe to call twice.
     */
    close() {
      closing ??= new Promise((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        force.unref();
        // A keep-alive connection whose answer is still being written becomes idle a moment
        // later; close it then rather than waiting for the 3 s cut.
        const sweep = setInterval(() => server.closeIdleConnections(), 50);
        sweep.unref();
        const finish = async () => {
          clearTimeout(force);
          clearInterval(sweep);
          await notifier.close();
          await store.close();
          resolve();
        };
        if (server.listening) server.close(finish);
        else finish();
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
