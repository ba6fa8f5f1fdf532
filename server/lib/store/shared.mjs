// What both stores share: the statuses, the errors, and how a row becomes the item the API sends.
//
// The storage interface (store/sqlite.mjs and store/postgres.mjs implement it; every method is
// async, so the API does not care which one it has):
//
//   clientSalt                      secret for client hashes, made once per database
//   receive(correction, { receivedAt, clientHash, origin, limits, deliveries })
//                                   -> { outcome: 'created' | 'duplicate' | 'conflict' | 'limited', retryAfterSeconds? }
//                                      one transaction: known id? rate limit, insert, queue notifications
//   get(id)                         -> item with its history, or null
//   list({ status, q, limit, offset, until })
//                                   -> { items, total }, newest first
//   decide(id, { status, note, publicText, editor, at })
//                                   -> { item } | { notFound: true } | { error }
//   published(sourceKey)            -> [{ id, date, text }], oldest first
//   claimDeliveries({ channel, now, leaseMs, limit })
//                                   -> [{ deliveryId, attempts, item }], leased to this caller
//   settleDeliveries(ids, { ok, at, error, nextAttemptAt })
//   deliveryReport()                -> per channel: pending, attempts, oldest pending, last error, last delivered
//   close()

export const STATUSES = Object.freeze(['new', 'accepted', 'dismissed']);

/** Notices one story shows at most (a story with more has a bigger problem than this list). */
export const MAX_NOTICES = 100;

/** Thrown when the database cannot be reached or written: the API answers 503, and nothing is lost. */
export class StoreUnavailableError extends Error {
  constructor(cause) {
    super(`The corrections database is unavailable: ${cause?.message ?? cause}`, { cause });
    this.name = 'StoreUnavailableError';
  }
}

const time = (ms) => (ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString());

/** One entry of a correction's audit trail. */
export function decisionFromRow(row) {
  return {
    at: time(row.at),
    editor: row.editor,
    status: row.status ?? null,
    note: row.note ?? null,
    publicText: row.public_text ?? null,
  };
}

/** The item the API and the inbox see, from a corrections row (same column names in both stores). */
export function itemFromRow(row, history = []) {
  if (!row) return null;
  return {
    id: row.id,
    status: row.status,
    receivedAt: time(row.received_at),
    updatedAt: time(row.updated_at),
    source: row.source,
    title: row.title ?? null,
    quote:
      row.quote == null ? null : { exact: row.quote, prefix: row.quote_prefix ?? '', suffix: row.quote_suffix ?? '' },
    suggestion: row.suggestion,
    comment: row.comment,
    email: row.email,
    client: row.client_hash,
    origin: row.origin ?? null,
    decidedBy: row.decided_by ?? null,
    publicText: row.public_text ?? null,
    acceptedAt: time(row.accepted_at),
    history,
    annotation: JSON.parse(row.annotation),
  };
}

/** The columns of a validated correction, as both stores insert them. */
export function correctionColumns(correction, { receivedAt, clientHash, origin }) {
  return {
    id: correction.id,
    annotation: JSON.stringify(correction.annotation),
    fingerprint: correction.fingerprint,
    source: correction.source,
    sourceKey: correction.sourceKey,
    title: correction.title ?? null,
    quote: correction.quote?.exact ?? null,
    prefix: correction.quote?.prefix ?? null,
    suffix: correction.quote?.suffix ?? null,
    suggestion: correction.suggestion,
    comment: correction.comment,
    email: correction.email,
    origin: origin ?? null,
    receivedAt,
    clientHash,
  };
}

/**
 * What an editor's change does to a correction, decided the same way in both stores:
 * the new status, public wording and acceptance date, or an error for the editor.
 */
export function applyDecision(row, { status, note, publicText, at }) {
  const next = status ?? row.status;
  if (publicText !== undefined && next !== 'accepted') {
    return { error: 'publicText can only be set on an accepted correction' };
  }
  let acceptedAt = row.accepted_at === null || row.accepted_at === undefined ? null : Number(row.accepted_at);
  if (next !== 'accepted') acceptedAt = null;
  else if (row.status !== 'accepted') acceptedAt = at;
  let wording = row.public_text ?? null;
  if (publicText !== undefined) wording = publicText.trim() === '' ? null : publicText;
  return {
    status: next,
    acceptedAt,
    publicText: wording,
    history: {
      status: status !== undefined && status !== row.status ? status : null,
      note: note ?? null,
      publicText: publicText === undefined ? null : wording,
    },
  };
}

/** A LIKE pattern that matches `text` anywhere, with %, _ and \ taken literally (ESCAPE '\'). */
export function containsPattern(text) {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The columns the inbox's text filter looks in. */
export const SEARCHED_COLUMNS = Object.freeze(['quote', 'suggestion', 'comment', 'title', 'source', 'email']);
