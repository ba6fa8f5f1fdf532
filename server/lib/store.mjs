// Where corrections are kept: one SQLite file through better-sqlite3 (v12: v13 needs Node 22).
// WAL mode, so the inbox can read while a correction is written.

import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export const STATUSES = Object.freeze(['new', 'accepted', 'dismissed']);

const SCHEMA_VERSION = 1;

function migrate(db) {
  const version = db.pragma('user_version', { simple: true });
  if (version >= SCHEMA_VERSION) return;
  db.exec(`
    CREATE TABLE IF NOT EXISTS corrections (
      id           TEXT PRIMARY KEY,           -- the annotation's urn:uuid, the idempotency key
      annotation   TEXT NOT NULL,              -- the annotation as received (JSON)
      source       TEXT NOT NULL,              -- target.source, the article URL
      quote        TEXT,                       -- TextQuoteSelector.exact; NULL for a general correction
      quote_prefix TEXT,
      quote_suffix TEXT,
      suggestion   TEXT,                       -- the body with purpose "editing"
      comment      TEXT,                       -- the body with purpose "commenting"
      email        TEXT,                       -- creator.email, without "mailto:"
      status       TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'accepted', 'dismissed')),
      received_at  INTEGER NOT NULL,           -- ms since the epoch
      updated_at   INTEGER,
      client_hash  TEXT NOT NULL               -- keyed hash of the sender's address, never the address
    );
    CREATE INDEX IF NOT EXISTS corrections_by_status ON corrections (status, received_at DESC);
    CREATE INDEX IF NOT EXISTS corrections_by_time ON corrections (received_at DESC);
    CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
}

function toItem(row) {
  if (!row) return null;
  return {
    id: row.id,
    status: row.status,
    receivedAt: new Date(row.received_at).toISOString(),
    updatedAt: row.updated_at == null ? null : new Date(row.updated_at).toISOString(),
    source: row.source,
    quote: row.quote == null ? null : { exact: row.quote, prefix: row.quote_prefix ?? '', suffix: row.quote_suffix ?? '' },
    suggestion: row.suggestion,
    comment: row.comment,
    email: row.email,
    client: row.client_hash,
    annotation: JSON.parse(row.annotation),
  };
}

/**
 * Opens (creating it and its folder if needed) the corrections database at `dbPath`
 * (":memory:" works for throwaway use).
 */
export function openStore(dbPath) {
  if (dbPath !== ':memory:') mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true });
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.transaction(() => migrate(db)).immediate();

  let salt = db.prepare("SELECT value FROM meta WHERE key = 'client_salt'").pluck().get();
  if (!salt) {
    salt = randomBytes(32).toString('hex');
    db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('client_salt', ?)").run(salt);
    salt = db.prepare("SELECT value FROM meta WHERE key = 'client_salt'").pluck().get();
  }

  const q = {
    has: db.prepare('SELECT 1 FROM corrections WHERE id = ?').pluck(),
    get: db.prepare('SELECT * FROM corrections WHERE id = ?'),
    insert: db.prepare(`
      INSERT INTO corrections (id, annotation, source, quote, quote_prefix, quote_suffix, suggestion, comment, email, status, received_at, client_hash)
      VALUES (@id, @annotation, @source, @quote, @prefix, @suffix, @suggestion, @comment, @email, 'new', @receivedAt, @clientHash)
      ON CONFLICT (id) DO NOTHING`),
    listAll: db.prepare('SELECT * FROM corrections ORDER BY received_at DESC, rowid DESC LIMIT ? OFFSET ?'),
    countAll: db.prepare('SELECT count(*) FROM corrections').pluck(),
    listByStatus: db.prepare('SELECT * FROM corrections WHERE status = ? ORDER BY received_at DESC, rowid DESC LIMIT ? OFFSET ?'),
    countByStatus: db.prepare('SELECT count(*) FROM corrections WHERE status = ?').pluck(),
    setStatus: db.prepare('UPDATE corrections SET status = ?, updated_at = ? WHERE id = ?'),
  };

  let closed = false;
  return {
    /** Secret for client hashes, made once per database. */
    clientSalt: salt,
    has: (id) => q.has.get(id) === 1,
    get: (id) => toItem(q.get.get(id)),
    /** Stores a validated correction; false when its id was already there (nothing changes). */
    insert(correction, { receivedAt, clientHash }) {
      const info = q.insert.run({
        id: correction.id,
        annotation: JSON.stringify(correction.annotation),
        source: correction.source,
        quote: correction.quote?.exact ?? null,
        prefix: correction.quote?.prefix ?? null,
        suffix: correction.quote?.suffix ?? null,
        suggestion: correction.suggestion,
        comment: correction.comment,
        email: correction.email,
        receivedAt,
        clientHash,
      });
      return info.changes === 1;
    },
    /** Newest first, optionally one status only. */
    list({ status = null, limit = 50, offset = 0 } = {}) {
      const rows = status ? q.listByStatus.all(status, limit, offset) : q.listAll.all(limit, offset);
      const total = status ? q.countByStatus.get(status) : q.countAll.get();
      return { items: rows.map(toItem), total };
    },
    /** The updated item, or null when there is no such id. */
    setStatus(id, status, updatedAt) {
      if (!STATUSES.includes(status)) throw new RangeError(`Unknown status ${status}`);
      const info = q.setStatus.run(status, updatedAt, id);
      return info.changes ? toItem(q.get.get(id)) : null;
    },
    close() {
      if (closed) return;
      closed = true;
      db.close();
    },
    get open() {
      return !closed;
    },
  };
}
