// Serves the repository's built bundles and demo pages as plain files. Only the folders named in
// `mounts` are reachable; dot-folders (.git, .data), node_modules and anything a symlink leads
// outside the root never are.

import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { sendText } from './http.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** The Content-Type for a file name; unknown types are served as bytes, never guessed. */
export function contentTypeFor(file) {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** A folder whose JSON partner sites fetch cross-origin (`<folio-article src>` on their pages). */
const SHARED_PREFIX = '/demo/stories/';

const READ_METHODS = 'GET, HEAD, OPTIONS';

/**
 * Maps a URL path to a file path inside `root`, or explains why not:
 * { file } | { status: 400 | 404 }.
 */
export function resolvePath(root, pathname, mounts) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 400 };
  }
  // Backslashes are separators on Windows; NUL truncates paths in some APIs.
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return { status: 400 };
  const segments = decoded.slice(1).split('/');
  // Browsers remove dot segments before sending; a request that still has them is a probe.
  if (segments.some((s) => s === '.' || s === '..')) return { status: 400 };
  const named = segments.filter(Boolean);
  if (!named.length || !mounts.includes(named[0])) return { status: 404 };
  if (named.some((s) => s.startsWith('.') || s === 'node_modules')) return { status: 404 };
  const file = path.join(root, ...named);
  const rel = path.relative(root, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return { status: 404 };
  return { file, segments: named };
}

/** CORS for the shared story folder: anyone may read it, no credentials involved. */
function sharedHeaders(req) {
  const headers = { 'Access-Control-Allow-Origin': '*' };
  if (req.method === 'OPTIONS') {
    const asked = req.headers['access-control-request-headers'];
    headers['Access-Control-Allow-Methods'] = READ_METHODS;
    headers['Access-Control-Allow-Headers'] =
      typeof asked === 'string' && /^[\w-]+(\s*,\s*[\w-]+)*$/.test(asked.trim()) ? asked.trim() : 'Content-Type';
    headers['Access-Control-Max-Age'] = '7200';
    headers.Vary = 'Access-Control-Request-Headers';
  }
  return headers;
}

/**
 * Sends one file with its type, a validator and `no-cache` (always revalidate: this is a dev
 * server and the bundle changes on every build). `file` must already be checked by the caller.
 */
export async function sendFile(req, res, file, extraHeaders = {}) {
  const info = await stat(file);
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers = {
    'Content-Type': contentTypeFor(file),
    'Cache-Control': 'no-cache',
    ETag: etag,
    'Last-Modified': info.mtime.toUTCString(),
    ...extraHeaders,
  };
  const match = req.headers['if-none-match'];
  if (typeof match === 'string' && match.split(',').some((t) => t.trim() === etag || t.trim() === '*')) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  headers['Content-Length'] = info.size;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise((resolve) => {
    const stream = createReadStream(file);
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    res.on('close', () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
}

/**
 * Returns a handler `(req, res, pathname) => Promise<void>` that answers every request it is
 * given: the file, a redirect to a folder's index.html, or 400/404/405.
 */
export function createStaticHandler({ root, mounts = ['dist', 'demo'] }) {
  const absRoot = path.resolve(root);
  let realRoot;

  return async function serveStatic(req, res, pathname) {
    const shared = pathname.startsWith(SHARED_PREFIX) ? sharedHeaders(req) : {};
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { Allow: READ_METHODS, ...shared });
      res.end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(req, res, 405, 'Method not allowed\n', { Allow: READ_METHODS, ...shared });
      return;
    }
    const resolved = resolvePath(absRoot, pathname, mounts);
    if (!resolved.file) {
      sendText(req, res, resolved.status, resolved.status === 400 ? 'Bad request\n' : 'Not found\n', shared);
      return;
    }
    realRoot ??= await realpath(absRoot);
    let real;
    let info;
    try {
      real = await realpath(resolved.file);
      info = await stat(real);
    } catch {
      sendText(req, res, 404, 'Not found\n', shared);
      return;
    }
    // A symlink may point anywhere; only what really lies in a served folder is served.
    const parts = path.relative(realRoot, real).split(path.sep);
    if (!mounts.includes(parts[0]) || parts.some((s) => s.startsWith('.') || s === 'node_modules')) {
      sendText(req, res, 404, 'Not found\n', shared);
      return;
    }
    if (info.isDirectory()) {
      // Relative links in an index page need the trailing slash; redirect to the page itself.
      // The location is rebuilt from the checked segments: echoing the raw path would turn
      // `//host/` into a redirect to another site.
      const index = path.join(real, 'index.html');
      const hasIndex = await stat(index).then(
        (s) => s.isFile(),
        () => false,
      );
      if (!hasIndex) {
        sendText(req, res, 404, 'Not found\n', shared);
        return;
      }
      const location = `/${resolved.segments.map(encodeURIComponent).join('/')}/index.html`;
      res.writeHead(302, { Location: location, 'Cache-Control': 'no-cache', ...shared });
      res.end();
      return;
    }
    if (!info.isFile()) {
      sendText(req, res, 404, 'Not found\n', shared);
      return;
    }
    await sendFile(req, res, real, shared);
  };
}
