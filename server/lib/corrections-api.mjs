// The corrections API: readers' browsers POST annotations; editors list, decide and export them
// with their token; anyone may read the published notices of a story.
//
//   POST    /api/corrections                  a Web Annotation -> 201 new | 200 already stored | 409 another body under this id
//   GET     /api/corrections?status&q&limit&offset   editors: newest first (limit 1-200, default 50)
//   GET     /api/corrections/export?status&q  editors: the same as CSV
//   GET     /api/corrections/notifications    editors: webhook and e-mail queues, failing ones flagged
//   GET     /api/corrections/published?source=<story URL>   public: the story's accepted notices
//   GET     /api/corrections/:id              editors: one correction with its history
//   PATCH   /api/corrections/:id              editors: { status?, note?, publicText? }
//
// Paths arrive here already normalised (http.mjs normalizePath), ids decoded.

import { createHash } from 'node:crypto';
import { challenge } from './auth.mjs';
import { clientAddress, clientHash, clientKey } from './client.mjs';
import { normalizeOrigin } from './cors.mjs';
import { csvRow } from './csv.mjs';
import { BodyError, allowBody, drainBody, isJsonMediaType, readText, sendError, sendJson } from './http.mjs';
import { STATUSES } from './store/index.mjs';
import { LIMITS, isHoneypotFilled, sourceKey, validateAnnotation } from './validate.mjs';

export const COLLECTION = '/api/corrections';
export const MAX_BODY_BYTES = 64 * 1024;
const MAX_PATCH_BYTES = 16 * 1024;
const MAX_NOTE = 2000;
const MAX_PUBLIC_TEXT = 2000;
const MAX_SEARCH = 200;
const DEFAULT_PAGE = 50;
const MAX_PAGE = 200;
const EXPORT_PAGE = 500;
const EXPORT_MAX_ROWS = 100_000;
/** Published notices change when an editor accepts one; a minute of caching is plenty. */
const PUBLISHED_MAX_AGE_SECONDS = 60;
const PREFLIGHT_MAX_AGE_SECONDS = 7200;
const PATCH_FIELDS = ['status', 'note', 'publicText'];
const EXPORT_COLUMNS = [
  'id',
  'received_at',
  'status',
  'story_title',
  'story_url',
  'quote',
  'quote_prefix',
  'quote_suffix',
  'suggestion',
  'comment',
  'reader_email',
  'decided_by',
  'accepted_at',
  'public_text',
  'notes',
];

/**
 * CORS answer headers for an allowed page. Retry-After is exposed so a cross-origin client can
 * honour it on a 429; Vary because the answer depends on the Origin.
 */
function corsHeaders(req) {
  const origin = req.headers.origin;
  if (origin === undefined) return { Vary: 'Origin' };
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': 'Retry-After, Location',
    Vary: 'Origin',
  };
}

/** Anyone may read published notices, from any page. */
const PUBLIC_CORS = { 'Access-Control-Allow-Origin': '*' };

/** Answers a request whose body we will not read: the body is drained first, so the client sees the answer. */
async function refuse(req, res, status, message, headers) {
  await drainBody(req, res);
  sendError(req, res, status, message, headers);
}

async function readJson(req, res, limit) {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit)
    return { status: 413, error: `The body is larger than ${limit} bytes` };
  // Only now, once the request is known to be acceptable, is the client told to send its body.
  allowBody(req, res);
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

/** Reads one whole-number query parameter: { value } or { error }. */
function wholeNumber(query, name, { min, max, fallback }) {
  if (!query.has(name)) return { value: fallback };
  const text = query.get(name);
  const value = /^\d{1,16}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    return { error: `${name} must be a whole number from ${min} to ${max}` };
  }
  return { value };
}

/** The status and text filters of the list and the export: { status, q } or { error }. */
function readFilters(query) {
  const statusText = query.get('status') ?? '';
  const status = statusText === '' || statusText === 'all' ? null : statusText;
  if (status !== null && !STATUSES.includes(status))
    return { error: `status must be one of ${STATUSES.join(', ')} or all` };
  const q = (query.get('q') ?? '').trim();
  if ([...q].length > MAX_SEARCH) return { error: `q must be at most ${MAX_SEARCH} characters` };
  if (q.includes('\u0000') || !q.isWellFormed()) return { error: 'q must be text' };
  return { status, q };
}

/** One optional text field of a PATCH: { value } (undefined when absent) or { error }. */
function optionalText(body, name, max) {
  const value = body[name];
  if (value === undefined || value === null) return { value: undefined };
  if (typeof value !== 'string') return { error: `${name} must be a string` };
  if ([...value].length > max) return { error: `${name} must be at most ${max} characters` };
  if (value.includes('\u0000')) return { error: `${name} must not contain U+0000` };
  return { value: value.toWellFormed() };
}

/** Checks a PATCH body: { change } or { error }. */
function readChange(body) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { error: 'Send a JSON object' };
  const unknown = Object.keys(body).filter((k) => !PATCH_FIELDS.includes(k));
  if (unknown.length) return { error: `Unknown field "${unknown[0]}": send status, note or publicText` };
  if (body.status !== undefined && !STATUSES.includes(body.status))
    return { error: `status must be one of ${STATUSES.join(', ')}` };
  const note = optionalText(body, 'note', MAX_NOTE);
  if (note.error) return note;
  const publicText = optionalText(body, 'publicText', MAX_PUBLIC_TEXT);
  if (publicText.error) return publicText;
  const change = {
    status: body.status,
    note: note.value?.trim() ? note.value : undefined,
    publicText: publicText.value,
  };
  if (change.status === undefined && change.note === undefined && change.publicText === undefined) {
    return { error: 'Send a status, a note or publicText' };
  }
  return { change };
}

function exportRow(item) {
  const notes = item.history
    .filter((h) => h.note)
    .map((h) => `${h.at.slice(0, 16).replace('T', ' ')} ${h.editor}: ${h.note}`)
    .join('\n');
  return csvRow([
    item.id,
    item.receivedAt,
    item.status,
    item.title,
    item.source,
    item.quote?.exact,
    item.quote?.prefix,
    item.quote?.suffix,
    item.suggestion,
    item.comment,
    item.email,
    item.decidedBy,
    item.acceptedAt,
    item.publicText,
    notes,
  ]);
}

/**
 * `editors`: auth.mjs createEditorDirectory; `notifier`: notify/notifier.mjs; `limits`: the rate
 * limits; `proxy`: the trusted-proxy policy (client.mjs).
 */
export function createCorrectionsApi({ store, origins, editors, notifier, limits, now, proxy = null, log }) {
  async function receive(req, res) {
    if (!origins.isAllowed(req)) {
      // No CORS headers: the page cannot even read this answer.
      await refuse(req, res, 403, 'This site may not send corrections here', { Vary: 'Origin' });
      return;
    }
    const cors = corsHeaders(req);
    if (!isJsonMediaType(req.headers['content-type'])) {
      await refuse(req, res, 415, 'Send the annotation as application/json', cors);
      return;
    }
    const parsed = await readJson(req, res, MAX_BODY_BYTES);
    if (parsed.status) {
      await refuse(req, res, parsed.status, parsed.error, cors);
      return;
    }
    const doc = parsed.value;
    // The same answer whether the correction is new (201), known (200) or dropped as spam (201).
    const accepted = (status, id) =>
      sendJson(
        req,
        res,
        status,
        { id, received: true },
        {
          ...cors,
          ...(status === 201 && typeof id === 'string' ? { Location: `${COLLECTION}/${encodeURIComponent(id)}` } : {}),
        },
      );

    if (isHoneypotFilled(doc)) {
      // Looks exactly like success, so a bot learns nothing; nothing is stored or counted.
      log.info?.('corrections: honeypot filled, dropped');
      accepted(201, typeof doc.id === 'string' ? doc.id.toLowerCase() : undefined);
      return;
    }
    const result = validateAnnotation(doc);
    if (!result.ok) {
      sendError(req, res, 400, result.error, cors);
      return;
    }
    const { correction } = result;
    const receivedAt = now();
    const hash = clientHash(clientKey(clientAddress(req, proxy)), store.clientSalt);
    const origin = req.headers.origin === undefined ? null : normalizeOrigin(req.headers.origin);
    // A retry of a stored correction (its answer was lost) is answered before the rate limit and
    // costs nothing: a client that retries must never lock itself out.
    const outcome = await store.receive(correction, {
      receivedAt,
      clientHash: hash,
      origin,
      limits,
      deliveries: notifier.deliveriesFor(receivedAt),
    });
    switch (outcome.outcome) {
      case 'created':
        log.info?.(`corrections: received ${correction.id} for ${correction.source}`);
        notifier.kick();
        accepted(201, correction.id);
        return;
      case 'duplicate':
        accepted(200, correction.id);
        return;
      case 'conflict':
        sendError(
          req,
          res,
          409,
          'A different correction was already received under this id; send it with a new id',
          cors,
        );
        return;
      case 'limited':
        sendError(req, res, 429, 'Too many corrections from this address; please try again later', {
          ...cors,
          'Retry-After': String(outcome.retryAfterSeconds),
        });
        return;
      default:
        throw new Error(`Unknown outcome ${outcome.outcome}`);
    }
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
      'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_SECONDS),
      Vary: 'Origin',
      Allow: 'GET, POST, OPTIONS',
    });
    res.end();
  }

  /** Editors only: their name, or null after answering 401 to anyone else. */
  function editor(req, res) {
    const who = editors.identify(req);
    if (who.result === 'ok') return who.editor;
    refuse(req, res, 401, who.result === 'missing' ? 'The editor token is required' : 'The editor token is not valid', {
      'WWW-Authenticate': challenge(who.result),
    });
    return null;
  }

  async function list(req, res, query, name) {
    const filters = readFilters(query);
    if (filters.error) return sendError(req, res, 400, filters.error);
    const limit = wholeNumber(query, 'limit', { min: 1, max: MAX_PAGE, fallback: DEFAULT_PAGE });
    if (limit.error) return sendError(req, res, 400, limit.error);
    const offset = wholeNumber(query, 'offset', { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 });
    if (offset.error) return sendError(req, res, 400, offset.error);
    const { items, total } = await store.list({ ...filters, limit: limit.value, offset: offset.value });
    return sendJson(req, res, 200, {
      items,
      total,
      limit: limit.value,
      offset: offset.value,
      status: filters.status,
      q: filters.q,
      editor: name,
      storyOrigins: origins.storyOrigins(req),
    });
  }

  async function exportCsv(req, res, query) {
    const filters = readFilters(query);
    if (filters.error) return sendError(req, res, 400, filters.error);
    const stamp = new Date(now()).toISOString().slice(0, 10);
    res.writeHead(200, {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': `attachment; filename="corrections-${stamp}.csv"`,
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') return res.end();
    // A byte-order mark, so spreadsheets read the file as UTF-8.
    res.write(`\uFEFF${csvRow(EXPORT_COLUMNS)}`);
    // Rows that arrive during the export are left out, so the pages do not shift under it.
    const until = now();
    for (let offset = 0; offset < EXPORT_MAX_ROWS; offset += EXPORT_PAGE) {
      const { items } = await store.list({ ...filters, until, limit: EXPORT_PAGE, offset });
      if (!items.length) break;
      const ok = res.write(items.map(exportRow).join(''));
      if (!ok) await new Promise((resolve) => res.once('drain', resolve));
      if (items.length < EXPORT_PAGE) break;
    }
    return res.end();
  }

  async function published(req, res, query) {
    if (req.method === 'OPTIONS') {
      const asked = req.headers['access-control-request-headers'];
      res.writeHead(204, {
        ...PUBLIC_CORS,
        'Access-Control-Allow-Methods': 'GET, HEAD',
        'Access-Control-Allow-Headers':
          typeof asked === 'string' && /^[\w-]+(\s*,\s*[\w-]+)*$/.test(asked.trim()) ? asked.trim() : 'Content-Type',
        'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_SECONDS),
        Allow: 'GET, HEAD, OPTIONS',
      });
      return res.end();
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return refuse(req, res, 405, 'Method not allowed', { ...PUBLIC_CORS, Allow: 'GET, HEAD, OPTIONS' });
    }
    const source = query.get('source');
    if (!source) return sendError(req, res, 400, 'source must be the story URL', PUBLIC_CORS);
    if (source.length > LIMITS.url)
      return sendError(req, res, 400, `source must be at most ${LIMITS.url} characters`, PUBLIC_CORS);
    const key = sourceKey(source);
    if (!key) return sendError(req, res, 400, 'source must be an absolute http(s) URL', PUBLIC_CORS);
    const body = { source, notices: await store.published(key) };
    const etag = `W/"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 22)}"`;
    const headers = { ...PUBLIC_CORS, 'Cache-Control': `public, max-age=${PUBLISHED_MAX_AGE_SECONDS}`, ETag: etag };
    const match = req.headers['if-none-match'];
    if (typeof match === 'string' && match.split(',').some((t) => t.trim() === etag)) {
      res.writeHead(304, headers);
      return res.end();
    }
    return sendJson(req, res, 200, body, headers);
  }

  async function patch(req, res, id, name) {
    if (!isJsonMediaType(req.headers['content-type']))
      return refuse(req, res, 415, 'Send the change as application/json');
    const parsed = await readJson(req, res, MAX_PATCH_BYTES);
    if (parsed.status) return refuse(req, res, parsed.status, parsed.error);
    const checked = readChange(parsed.value);
    if (checked.error) return sendError(req, res, 400, checked.error);
    const result = await store.decide(id, { ...checked.change, editor: name, at: now() });
    if (result.notFound) return sendError(req, res, 404, 'No correction with this id');
    if (result.error) return sendError(req, res, 400, result.error);
    log.info?.(
      `corrections: ${id} ${checked.change.status ? `marked ${checked.change.status}` : 'annotated'} by ${name}`,
    );
    return sendJson(req, res, 200, result.item);
  }

  const READ = ['GET', 'HEAD'];
  /** Editors' read-only sub-resources of the collection. */
  const VIEWS = {
    export: (req, res, query) => exportCsv(req, res, query),
    notifications: async (req, res) => sendJson(req, res, 200, { channels: await notifier.report() }),
  };

  /** Handles every request under /api/corrections. */
  return async function handle(req, res, pathname, query) {
    if (pathname === COLLECTION) {
      if (req.method === 'POST') return receive(req, res);
      if (req.method === 'OPTIONS') return preflight(req, res);
      if (READ.includes(req.method)) {
        const name = editor(req, res);
        return name && list(req, res, query, name);
      }
      return refuse(req, res, 405, 'Method not allowed', { Allow: 'GET, POST, OPTIONS' });
    }
    const id = pathname.slice(COLLECTION.length + 1);
    if (!id || id.includes('/')) return refuse(req, res, 404, 'Not found');
    if (id === 'published') return published(req, res, query);
    if (Object.hasOwn(VIEWS, id)) {
      if (!READ.includes(req.method)) return refuse(req, res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
      return editor(req, res) && VIEWS[id](req, res, query);
    }
    if (req.method !== 'PATCH' && !READ.includes(req.method)) {
      return refuse(req, res, 405, 'Method not allowed', { Allow: 'GET, PATCH' });
    }
    // Credentials first: whether an id exists is for editors only.
    const name = editor(req, res);
    if (!name) return undefined;
    if (req.method === 'PATCH') return patch(req, res, id.toLowerCase(), name);
    const item = await store.get(id.toLowerCase());
    return item ? sendJson(req, res, 200, item) : sendError(req, res, 404, 'No correction with this id');
  };
}
