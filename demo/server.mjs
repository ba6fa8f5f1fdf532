// The demo server `npm start` runs: the built bundles and demo pages as static files, the
// corrections receiver (/api/corrections) and the editors' inbox (/inbox). Plain node:http.
//
//   node demo/server.mjs                      (PORT, HOST and the FOLIO_* variables: lib/config.mjs)
//   import { createFolioServer } from './demo/server.mjs'   (tests: a server on a temporary DB)

import { existsSync, realpathSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateToken } from './lib/auth.mjs';
import { configFromEnv } from './lib/config.mjs';
import { COLLECTION, createCorrectionsApi } from './lib/corrections-api.mjs';
import { createOriginPolicy } from './lib/cors.mjs';
import { sendError, sendText, setBaseHeaders, splitTarget } from './lib/http.mjs';
import { createRateLimiter, DEFAULT_RATE_LIMITS } from './lib/rate-limit.mjs';
import { createStaticHandler, sendFile } from './lib/static.mjs';
import { openStore } from './lib/store.mjs';

/** The repository root: what the static routes serve from. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const INBOX_PAGE = path.join('demo', 'inbox.html');
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
 * - root: folder to serve (the repository)
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
  const serveStatic = createStaticHandler({ root });
  const inboxFile = path.join(root, INBOX_PAGE);

  async function route(req, res) {
    setBaseHeaders(res);
    const { pathname, query } = splitTarget(req.url);
    const reading = req.method === 'GET' || req.method === 'HEAD';

    if (pathname === COLLECTION || pathname.startsWith(`${COLLECTION}/`)) return api(req, res, pathname, query);
    if (pathname === '/api' || pathname.startsWith('/api/')) return sendError(req, res, 404, 'Not found');
    if (pathname === '/' && reading) {
      res.writeHead(302, { Location: '/demo/index.html', 'Cache-Control': 'no-cache' });
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
    if (pathname === '/inbox' || pathname === '/demo/inbox.html') {
      if (!reading) return sendText(req, res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
      if (!existsSync(inboxFile)) return sendText(req, res, 404, 'Not found\n');
      return sendFile(req, res, inboxFile, INBOX_HEADERS);
    }
    return serveStatic(req, res, pathname);
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((error) => {
      log.error('demo server:', error);
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
        server.close(() => {
          clearTimeout(force);
          store.close();
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}

function displayHost(host) {
  if (['localhost', '127.0.0.1', '::1', '0.0.0.0', '::', ''].includes(host)) return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

async function main() {
  let config;
  try {
    config = configFromEnv(process.env, { root: ROOT });
  } catch (error) {
    console.error(`folio demo server: ${error.message}`);
    process.exit(1);
  }
  const app = createFolioServer({ ...config, root: ROOT, log: console });
  let port;
  try {
    ({ port } = await app.listen(config.port, config.host));
  } catch (error) {
    console.error(
      error.code === 'EADDRINUSE'
        ? `folio demo server: port ${config.port} is in use; set PORT to another one (PORT=8001 npm start)`
        : `folio demo server: cannot listen on ${config.host}:${config.port}: ${error.message}`,
    );
    await app.close();
    process.exit(1);
  }

  const base = `http://${displayHost(config.host)}:${port}`;
  const lines = [
    '',
    'Folio demo',
    `  Article page:   ${base}/demo/index.html`,
    `  Partner embed:  ${base}/demo/embed.html`,
    `  Editor inbox:   ${base}/inbox`,
  ];
  if (app.tokenGenerated) lines.push(`  Editor token:   ${app.editorToken}  (made for this run; set FOLIO_EDITOR_TOKEN to keep one)`);
  lines.push(`  Corrections:    ${config.dbPath}`);
  if (!existsSync(path.join(ROOT, 'dist', 'folio.js'))) {
    lines.push('', '  dist/folio.js is missing: run `npm run build` (npm start does it for you).');
  }
  lines.push('', 'Press Ctrl+C to stop.', '');
  console.log(lines.join('\n'));

  const stop = async (signal) => {
    console.log(`\n${signal}: stopping (again to force)…`);
    await app.close();
    process.exit(0);
  };
  // `once`: a second Ctrl+C gets Node's default handling and ends the process at once.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function isMain() {
  try {
    return Boolean(process.argv[1]) && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) main();
