// Folio's corrections receiver: readers' browsers POST corrections (W3C Web Annotations) to
// /api/corrections, editors work through them in the inbox (/inbox). Plain node:http.
//
//   import { createFolioServer } from 'folio-widget/server'   (or ./server/index.mjs)
//   folio-receiver [--demo]                                    (the CLI: server/bin/folio-receiver.mjs)
//
// With `demo: true` the same server also serves the built bundles (dist/) and the demo pages
// (demo/), which is what `npm start` runs.

import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateToken } from './lib/auth.mjs';
import { COLLECTION, createCorrectionsApi } from './lib/corrections-api.mjs';
import { createOriginPolicy } from './lib/cors.mjs';
import { sendError, sendText, setBaseHeaders, splitTarget } from './lib/http.mjs';
import { createRateLimiter, DEFAULT_RATE_LIMITS } from './lib/rate-limit.mjs';
import { createStaticHandler, sendFile } from './lib/static.mjs';
import { openStore } from './lib/store.mjs';

const SERVER_DIR = path.dirname(fileURLToPath(import.meta.url));

/** The repository root: where the demo's static routes (dist/, demo/) are served from. */
export const ROOT = path.resolve(SERVER_DIR, '..');

/** The folders `demo: true` serves as plain files. */
export const DEMO_MOUNTS = Object.freeze(['dist', 'demo']);

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
/** The inbox shows strings readers typed; it runs no inline code, so a strict policy costs nothing. */
const INBOX_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

const silent = { info() {}, warn() {}, error() {} };

/**
 * Builds the server without listening. Options (all optional):
 * - demo: also serve dist/ and demo/ from `root`, and send / to the demo article
 * - root: the folder the demo's files are served from (the repository)
 * - dbPath: SQLite file (default <root>/.data/corrections.sqlite; ":memory:" works)
 * - editorToken: the inbox's Bearer token (generated when absent; see `tokenGenerated`)
 * - allowedOrigins: origins whose pages may POST corrections, besides the server's own
 * - rateLimits: [{ max, windowSeconds }] per client ([] for none)
 * - now: clock in ms, for tests
 * - trustProxy: take the client address from X-Forwarded-For
 * - log: { info, warn, error } (default: silent)
 */
export function createFolioServer(options = {}) {
  const {
    demo = false,
    root = ROOT,
    dbPath = path.join(root, '.data', 'corrections.sqlite'),
    editorToken,
    allowedOrigins = [],
    rateLimits = DEFAULT_RATE_LIMITS,
    now = Date.now,
    trustProxy = false,
    log = silent,
  } = options;

  const store = openStore(dbPath);
  const token = editorToken || generateToken();
  const api = createCorrectionsApi({
    store,
    limiter: createRateLimiter({ limits: rateLimits, now }),
    origins: createOriginPolicy({ allowedOrigins, trustProxy }),
    editorToken: token,
    now,
    trustProxy,
    log,
  });
  const serveStatic = demo ? createStaticHandler({ root, mounts: DEMO_MOUNTS }) : null;

  async function route(req, res) {
    setBaseHeaders(res);
    const { pathname, query } = splitTarget(req.url);
    const reading = req.method === 'GET' || req.method === 'HEAD';

    if (pathname === COLLECTION || pathname.startsWith(`${COLLECTION}/`)) return api(req, res, pathname, query);
    if (pathname === '/api' || pathname.startsWith('/api/')) return sendError(req, res, 404, 'Not found');
    if (pathname === '/' && reading) {
      res.writeHead(302, { Location: demo ? '/demo/index.html' : '/inbox', 'Cache-Control': 'no-cache' });
      return res.end();
    }
    // Browsers ask for it on every page; an empty answer keeps their consoles free of 404s.
    if (pathname === '/favicon.ico' && reading) {
      res.writeHead(204, { 'Cache-Control': 'max-age=86400' });
      return res.end();
    }
    if (pathname === '/inbox/' && reading) {
      res.writeHead(301, { Location: '/inbox' });
      return res.end();
    }
    if (Object.hasOwn(INBOX_FILES, pathname)) {
      if (!reading) return sendText(req, res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
      return sendFile(req, res, INBOX_FILES[pathname], INBOX_HEADERS);
    }
    if (serveStatic) return serveStatic(req, res, pathname);
    return sendText(req, res, 404, 'Not found\n');
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((error) => {
      log.error('folio receiver:', error);
      if (!res.headersSent) sendError(req, res, 500, 'Internal server error');
      else res.destroy();
    });
  });
  // Slow-loris bodies: a correction is small, 30 s is plenty.
  server.requestTimeout = 30_000;

  let closing = null;
  return {
    server,
    store,
    editorToken: token,
    tokenGenerated: !editorToken,
    /** Resolves with { port, address } once listening. */
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const { port: bound, address } = server.address();
          resolve({ port: bound, address });
        });
      });
    },
    /**
     * Stops accepting connections, lets requests in flight finish (cut after 3 s), then closes
     * the database. Safe to call twice.
     */
    close() {
      closing ??= new Promise((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), 3000);
        force.unref();
        // A keep-alive connection whose answer is still being written becomes idle a moment
        // later; close it then rather than waiting for the 3 s cut.
        const sweep = setInterval(() => server.closeIdleConnections(), 50);
        sweep.unref();
        server.close(() => {
          clearTimeout(force);
          clearInterval(sweep);
          store.close();
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
