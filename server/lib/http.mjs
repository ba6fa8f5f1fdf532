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
    const value = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
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

/**
 * Reads a request body as UTF-8 text, at most `limit` bytes. A declared Content-Length over the
 * limit is refused before reading anything; a body that grows past it stops being read there
 * (the caller answers 413 and the connection is closed), so a large upload costs us little.
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
        req.pause();
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
