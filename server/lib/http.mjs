// Small helpers shared by the receiver's routes: JSON answers, media types, request bodies.

export const JSON_TYPE = 'application/json; charset=utf-8';

/** Headers every response carries, whatever route answers it. */
export function setBaseHeaders(res) {
  res.setHeader('X-Content-Type-Options', 'nosniff');
}

/** Answers with a JSON document. API answers are never cached and never rendered as a page. */
export function sendJson(req, res, status, value, headers = {}) {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'Content-Type': JSON_TYPE,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Every API error has the same shape, `{ "error": "..." }`, so a client can show the reason. */
export function sendError(req, res, status, message, headers = {}) {
  sendJson(req, res, status, { error: message }, headers);
}

export function sendText(req, res, status, text, headers = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache',
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : text);
}

/**
 * Splits a Content-Type header into its lower-cased type and parameters,
 * e.g. `Application/JSON; charset="UTF-8"` -> { type: 'application/json', params: { charset: 'utf-8' } }.
 */
export function parseMediaType(header) {
  if (typeof header !== 'string' || !header.trim()) return null;
  const [type, ...rest] = header.split(';');
  const params = {};
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    const value = part
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (name) params[name] = value.toLowerCase();
  }
  return { type: type.trim().toLowerCase(), params };
}

/**
 * Whether a Content-Type names JSON we can read. `application/ld+json` is accepted too: it is the
 * Web Annotation Protocol's own media type. JSON is UTF-8 (RFC 8259), so another charset is refused.
 */
export function isJsonMediaType(header) {
  const media = parseMediaType(header);
  if (!media || (media.type !== 'application/json' && media.type !== 'application/ld+json')) return false;
  const charset = media.params.charset;
  return charset === undefined || charset === 'utf-8' || charset === 'utf8';
}

/** A request that cannot be read, with the status to answer it with. */
export class BodyError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** What an unwanted body may cost: this much, for this long, is read and dropped before the answer. */
const DRAIN_BYTES = 1024 * 1024;
const DRAIN_MS = 1000;
/**
 * Past that, after our answer, the client may go on sending for up to LINGER_MS in all, with
 * pauses of up to LINGER_IDLE_MS, before the connection is cut (nginx: lingering_time and
 * lingering_timeout).
 */
const LINGER_MS = 10_000;
const LINGER_IDLE_MS = 2000;

/** Marks a request whose client waits for `100 Continue` before sending its body (index.mjs). */
export const EXPECTS_CONTINUE = Symbol('expects 100-continue');
const CONTINUE_SENT = Symbol('100 Continue sent');

/** Tells a client waiting for `100 Continue` to send its body; once. */
export function allowBody(req, res) {
  if (req[EXPECTS_CONTINUE] && !req[CONTINUE_SENT]) {
    req[CONTINUE_SENT] = true;
    res.writeContinue();
  }
}

/**
 * Reads and drops the rest of a request body we will not use (too large, wrong type, no
 * credentials), so that the answer that follows reaches the client: closing while a client is
 * still sending makes its side see a reset instead of our 4xx, and clients that write their
 * whole body before reading (Python's http.client, many scripts) never see the answer at all.
 * Up to DRAIN_BYTES in up to DRAIN_MS are read, then it resolves and the caller answers. A body
 * longer or slower than that gets a "lingering close" (as nginx and Apache do): once the answer
 * is out our side is closed, and what the client still sends is read and dropped for a while
 * before the connection is cut.
 * A client waiting for 100 Continue has sent nothing and is not asked to: it is answered at once.
 */
export function drainBody(req, res) {
  return new Promise((resolve) => {
    if (req.complete || req.destroyed) {
      resolve();
      return;
    }
    if (req[EXPECTS_CONTINUE] && !req[CONTINUE_SENT]) {
      res.setHeader('Connection', 'close');
      resolve();
      return;
    }
    let seen = 0;
    const finish = (overflow) => {
      clearTimeout(timer);
      req.off('data', count);
      req.off('end', ended);
      req.off('close', ended);
      if (overflow) lingeringClose(req, res);
      resolve();
    };
    const timer = setTimeout(() => finish(true), DRAIN_MS);
    const count = (chunk) => {
      seen += chunk.length;
      if (seen > DRAIN_BYTES) finish(true);
    };
    const ended = () => finish(false);
    req.on('data', count);
    req.once('end', ended);
    req.once('close', ended);
    req.resume();
  });
}

function lingeringClose(req, res) {
  const socket = req.socket;
  // Node would close (and reset) the connection as soon as the answer is out; keep it open for
  // reading, end our side ourselves. The request stays flowing, so what arrives is dropped.
  res.shouldKeepAlive = true;
  res.once('finish', () => {
    if (socket.destroyed) return;
    socket.end();
    const cut = () => socket.destroy();
    const total = setTimeout(cut, LINGER_MS).unref();
    let idle = setTimeout(cut, LINGER_IDLE_MS).unref();
    const stillSending = () => {
      clearTimeout(idle);
      idle = setTimeout(cut, LINGER_IDLE_MS).unref();
    };
    req.on('data', stillSending);
    socket.once('close', () => {
      clearTimeout(total);
      clearTimeout(idle);
      req.off('data', stillSending);
    });
  });
}

/**
 * The path a route is matched on: percent-escapes decoded (so /%69nbox is /inbox) and empty
 * segments dropped (so //inbox is too), a trailing slash kept. A decoded "/" stays escaped, so it
 * cannot make a new segment. Null when an escape is malformed. Static files are resolved from the
 * raw path by their own stricter rules (static.mjs).
 */
export function normalizePath(pathname) {
  const segments = [];
  for (const raw of pathname.split('/')) {
    if (!raw) continue;
    try {
      segments.push(decodeURIComponent(raw).replace(/\//g, '%2F'));
    } catch {
      return null;
    }
  }
  const joined = `/${segments.join('/')}`;
  return pathname.endsWith('/') && joined !== '/' ? `${joined}/` : joined;
}

/**
 * Reads a request body as UTF-8 text, at most `limit` bytes. A declared Content-Length over the
 * limit is refused before reading anything; a body that grows past it stops being kept there
 * (the caller answers 413 and drops the rest with `drainBody`), so a large upload costs us little.
 */
export function readText(req, limit) {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyError(413, `The body is larger than ${limit} bytes`));
      return;
    }
    const chunks = [];
    let size = 0;
    let done = false;
    const finish = (error, value) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        finish(new BodyError(413, `The body is larger than ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      try {
        finish(null, utf8.decode(Buffer.concat(chunks)));
      } catch {
        finish(new BodyError(400, 'The body is not valid UTF-8'));
      }
    };
    const onError = (error) => finish(new BodyError(400, error.message || 'The request was aborted'));
    // A client that hangs up mid-body may end with 'close' alone; never leave the promise pending.
    const onClose = () => finish(new BodyError(400, 'The request was aborted'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.once('close', onClose);
  });
}

/**
 * Splits a request target into its path and query without resolving it against a base URL:
 * `new URL('//evil.example/x', base)` would treat the path as another host.
 */
export function splitTarget(target) {
  const raw = typeof target === 'string' ? target : '/';
  const hash = raw.indexOf('#');
  const noHash = hash < 0 ? raw : raw.slice(0, hash);
  const q = noHash.indexOf('?');
  return {
    pathname: q < 0 ? noHash : noHash.slice(0, q),
    query: new URLSearchParams(q < 0 ? '' : noHash.slice(q + 1)),
  };
}
