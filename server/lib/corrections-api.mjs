// The corrections receiver (issue 5): readers' browsers POST annotations; editors list them and
// set their status with the editor token.
//
//   POST   /api/corrections            a Web Annotation -> 201 new | 200 already stored
//   GET    /api/corrections?status=…   editors: newest first, ?limit (1-200, default 50) &offset
//   GET    /api/corrections/:id        editors: one correction
//   PATCH  /api/corrections/:id        editors: { "status": "new" | "accepted" | "dismissed" }

import { authorize, challenge } from './auth.mjs';
import { clientAddress, clientHash, clientKey } from './client.mjs';
import { BodyError, isJsonMediaType, readText, sendError, sendJson } from './http.mjs';
import { STATUSES } from './store.mjs';
import { isHoneypotFilled, validateAnnotation } from './validate.mjs';

export const COLLECTION = '/api/corrections';
export const MAX_BODY_BYTES = 64 * 1024;
const MAX_PATCH_BYTES = 4 * 1024;

/**
 * CORS answer headers for an allowed page. Retry-After is exposed so a cross-origin client can
 * honour it on a 429; Vary because the answer depends on the Origin.
 */
function corsHeaders(req) {
  const origin = req.headers.origin;
  if (origin === undefined) return { Vary: 'Origin' };
  return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': 'Retry-After, Location', Vary: 'Origin' };
}

async function readJson(req, limit) {
  let text;
  try {
    text = await readText(req, limit);
  } catch (error) {
    if (error instanceof BodyError) return { status: error.status, error: error.message };
    throw error;
  }
  try {
    return { value: JSON.parse(text) };
  } catch {
    return { status: 400, error: 'The body is not valid JSON' };
  }
}

/** Answers a body we refuse to read to the end; the connection is closed rather than drained. */
function refuseBody(req, res, status, message, headers) {
  sendError(req, res, status, message, { ...headers, Connection: 'close' });
}

export function createCorrectionsApi({ store, limiter, origins, editorToken, now, trustProxy = false, log }) {
  async function receive(req, res) {
    if (!origins.isAllowed(req)) {
      // No CORS headers: the page cannot even read this answer.
      sendError(req, res, 403, 'This site may not send corrections here', { Vary: 'Origin' });
      return;
    }
    const cors = corsHeaders(req);
    if (!isJsonMediaType(req.headers['content-type'])) {
      refuseBody(req, res, 415, 'Send the annotation as application/json', cors);
      return;
    }
    const parsed = await readJson(req, MAX_BODY_BYTES);
    if (parsed.status) {
      (parsed.status === 413 ? refuseBody : sendError)(req, res, parsed.status, parsed.error, cors);
      return;
    }
    const doc = parsed.value;
    // The same answer whether the correction is new (201), known (200) or dropped as spam (201).
    const accepted = (status, id) =>
      sendJson(req, res, status, { id, received: true }, {
        ...cors,
        ...(status === 201 && typeof id === 'string' ? { Location: `${COLLECTION}/${encodeURIComponent(id)}` } : {}),
      });

    if (isHoneypotFilled(doc)) {
      // Looks exactly like success, so a bot learns nothing; nothing is stored or counted.
      log.info?.(`corrections: honeypot filled, dropped`);
      accepted(201, typeof doc.id === 'string' ? doc.id.toLowerCase() : undefined);
      return;
    }
    const result = validateAnnotation(doc);
    if (!result.ok) {
      sendError(req, res, 400, result.error, cors);
      return;
    }
    const { correction } = result;
    // A retry of a stored correction (its answer was lost) is answered before the rate limit,
    // and costs nothing: a client that retries must never lock itself out.
    if (store.has(correction.id)) {
      accepted(200, correction.id);
      return;
    }
    const hash = clientHash(clientKey(clientAddress(req, trustProxy)), store.clientSalt);
    const verdict = limiter.check(hash);
    if (!verdict.allowed) {
      sendError(req, res, 429, 'Too many corrections from this address; please try again later', {
        ...cors,
        'Retry-After': String(verdict.retryAfterSeconds),
      });
      return;
    }
    const inserted = store.insert(correction, { receivedAt: now(), clientHash: hash });
    if (!inserted) {
      accepted(200, correction.id);
      return;
    }
    limiter.record(hash);
    log.info?.(`corrections: received ${correction.id} for ${correction.source}`);
    accepted(201, correction.id);
  }

  function preflight(req, res) {
    if (req.headers.origin === undefined) {
      res.writeHead(204, { Allow: 'GET, POST, OPTIONS' });
      res.end();
      return;
    }
    if (!origins.isAllowed(req)) {
      res.writeHead(403, { Vary: 'Origin' });
      res.end();
      return;
    }
    res.writeHead(204, {
      'Access-Control-Allow-Origin': req.headers.origin,
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': 'Content-Type',
      // Chromium caps this at two hours.
      'Access-Control-Max-Age': '7200',
      Vary: 'Origin',
      Allow: 'GET, POST, OPTIONS',
    });
    res.end();
  }

  /** Editors only; answers 401 and returns false for anyone else. */
  function editor(req, res) {
    const result = authorize(req, editorToken);
    if (result === 'ok') return true;
    sendError(req, res, 401, result === 'missing' ? 'The editor token is required' : 'The editor token is not valid', {
      'WWW-Authenticate': challenge(result),
    });
    return false;
  }

  function list(req, res, query) {
    const status = query.get('status') || null;
    if (status !== null && !STATUSES.includes(status)) {
      sendError(req, res, 400, `status must be one of ${STATUSES.join(', ')}`);
      return;
    }
    const limit = query.has('limit') ? Number(query.get('limit')) : 50;
    const offset = query.has('offset') ? Number(query.get('offset')) : 0;
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
      sendError(req, res, 400, 'limit must be a whole number from 1 to 200');
      return;
    }
    if (!Number.isInteger(offset) || offset < 0) {
      sendError(req, res, 400, 'offset must be a whole number, 0 or more');
      return;
    }
    const { items, total } = store.list({ status, limit, offset });
    sendJson(req, res, 200, { items, total, limit, offset, status });
  }

  async function patch(req, res, id) {
    if (!isJsonMediaType(req.headers['content-type'])) {
      refuseBody(req, res, 415, 'Send the change as application/json');
      return;
    }
    const parsed = await readJson(req, MAX_PATCH_BYTES);
    if (parsed.status) {
      (parsed.status === 413 ? refuseBody : sendError)(req, res, parsed.status, parsed.error);
      return;
    }
    const status = parsed.value?.status;
    if (!STATUSES.includes(status)) {
      sendError(req, res, 400, `status must be one of ${STATUSES.join(', ')}`);
      return;
    }
    const item = store.setStatus(id, status, now());
    if (!item) {
      sendError(req, res, 404, 'No correction with this id');
      return;
    }
    log.info?.(`corrections: ${id} marked ${status}`);
    sendJson(req, res, 200, item);
  }

  /** Handles every request under /api/corrections. */
  return async function handle(req, res, pathname, query) {
    if (pathname === COLLECTION) {
      if (req.method === 'POST') return receive(req, res);
      if (req.method === 'OPTIONS') return preflight(req, res);
      if (req.method === 'GET' || req.method === 'HEAD') return editor(req, res) && list(req, res, query);
      return sendError(req, res, 405, 'Method not allowed', { Allow: 'GET, POST, OPTIONS' });
    }
    const rest = pathname.slice(COLLECTION.length + 1);
    let id;
    try {
      id = decodeURIComponent(rest);
    } catch {
      id = '';
    }
    if (!rest || rest.includes('/') || !id) return sendError(req, res, 404, 'Not found');
    if (req.method !== 'PATCH' && req.method !== 'GET' && req.method !== 'HEAD') {
      return sendError(req, res, 405, 'Method not allowed', { Allow: 'GET, PATCH' });
    }
    // Credentials first: whether an id exists is for editors only.
    if (!editor(req, res)) return;
    if (req.method === 'PATCH') return patch(req, res, id.toLowerCase());
    const item = store.get(id.toLowerCase());
    return item ? sendJson(req, res, 200, item) : sendError(req, res, 404, 'No correction with this id');
  };
}
