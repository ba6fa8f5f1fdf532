// The embedded store: one SQLite file through better-sqlite3 (v12: v13 needs Node 22).
// WAL mode, so the inbox can read while a correction is written, and synchronous=FULL: a
// correction answered 201 is on disk, so a power cut cannot take it after the reader's browser
// has deleted its copy (NORMAL could lose the last transactions; the cost is measured in the
// README). Several processes may share the file (busy_timeout), though PostgreSQL is the store
// for that. See shared.mjs for the interface.

import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { historyNeeded, rateVerdict } from '../rate-limit.mjs';
import { fingerprint, sourceKey } from '../validate.mjs';
import {
  MAX_NOTICES,
  SEARCHED_COLUMNS,
  STATUSES,
  StoreUnavailableError,
  applyDecision,
  containsPattern,
  correctionColumns,
  decisionFromRow,
  itemFromRow,
} from './shared.mjs';

const SCHEMA_VERSION = 2;
/** How long a write waits for another process's transaction before giving up (503). */
const BUSY_TIMEOUT_MS = 5000;
/** SQLite errors that say "not now" (busy, disk full, I/O) rather than "this is wrong". */
const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|CANTOPEN|READONLY|PROTOCOL)/;

const MIGRATIONS = {
  1: (db) =>
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
    `),
  2: (db) => {
    db.exec(`
      ALTER TABLE corrections ADD COLUMN fingerprint TEXT;   -- SHA-256 of the canonical annotation
      ALTER TABLE corrections ADD COLUMN source_key TEXT;    -- target.source without its fragment
      ALTER TABLE corrections ADD COLUMN title TEXT;         -- target["dc:title"], the headline
      ALTER TABLE corrections ADD COLUMN origin TEXT;        -- the Origin of the page that posted it
      ALTER TABLE corrections ADD COLUMN decided_by TEXT;    -- the editor of the last decision
      ALTER TABLE corrections ADD COLUMN public_text TEXT;   -- the public wording, once accepted
      ALTER TABLE corrections ADD COLUMN accepted_at INTEGER;
      CREATE INDEX corrections_by_client ON corrections (client_hash, received_at);
      CREATE INDEX corrections_by_source ON corrections (source_key, status, accepted_at);

      -- Every editor's decision and note: the audit trail.
      CREATE TABLE decisions (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        correction_id TEXT NOT NULL REFERENCES corrections (id),
        at            INTEGER NOT NULL,
        editor        TEXT NOT NULL,
        status        TEXT,                      -- the status it moved to; NULL for a note alone
        note          TEXT,
        public_text   TEXT
      );
      CREATE INDEX decisions_by_correction ON decisions (correction_id, id);

      -- Notifications still to send (webhooks, e-mail): kept here so a restart loses none.
      CREATE TABLE deliveries (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        correction_id   TEXT NOT NULL REFERENCES corrections (id),
        channel         TEXT NOT NULL,           -- "webhook:<hash of the URL>" or "email"
        state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        created_at      INTEGER NOT NULL,
        next_attempt_at INTEGER NOT NULL,
        locked_until    INTEGER,                 -- leased to one process while it sends
        last_attempt_at INTEGER,
        last_error      TEXT,
        delivered_at    INTEGER,
        UNIQUE (correction_id, channel)
      );
      CREATE INDEX deliveries_due ON deliveries (channel, state, next_attempt_at);
    `);
    // Rows from version 1: their fingerprint and lookup key, computed as new ones are.
    const update = db.prepare('UPDATE corrections SET fingerprint = ?, source_key = ? WHERE id = ?');
    for (const row of db.prepare('SELECT id, annotation, source FROM corrections').iterate()) {
      update.run(fingerprint({ ...JSON.parse(row.annotation), id: row.id }), sourceKey(row.source), row.id);
    }
  },
};

function migrate(db) {
  const version = db.pragma('user_version', { simple: true });
  for (let next = version + 1; next <= SCHEMA_VERSION; next++) MIGRATIONS[next](db);
  if (version < SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
}

/** Runs `fn`, turning "the database cannot do this now" into StoreUnavailableError. */
function guarded(fn) {
  return (...args) => {
    try {
      return Promise.resolve(fn(...args));
    } catch (error) {
      if (UNAVAILABLE.test(error?.code ?? '')) return Promise.reject(new StoreUnavailableError(error));
      return Promise.reject(error);
    }
  };
}

/**
 * Opens (creating it and its folder if needed) the corrections database at `dbPath`
 * (":memory:" works for throwaway use).
 */
export function openSqliteStore(dbPath) {
  if (dbPath !== ':memory:') mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true });
  const db = new Database(dbPath, { timeout: BUSY_TIMEOUT_MS });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.transaction(() => migrate(db)).immediate();

  db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('client_salt', ?)").run(randomBytes(32).toString('hex'));
  const salt = db.prepare("SELECT value FROM meta WHERE key = 'client_salt'").pluck().get();

  const q = {
    fingerprint: db.prepare('SELECT fingerprint FROM corrections WHERE id = ?').pluck(),
    recent: db
      .prepare(
        'SELECT received_at FROM corrections WHERE client_hash = ? AND received_at > ? ORDER BY received_at DESC LIMIT ?',
      )
      .pluck(),
    get: db.prepare('SELECT * FROM corrections WHERE id = ?'),
    insert: db.prepare(`
      INSERT INTO corrections (id, annotation, fingerprint, source, source_key, title, quote, quote_prefix, quote_suffix,
                               suggestion, comment, email, origin, status, received_at, client_hash)
      VALUES (@id, @annotation, @fingerprint, @source, @sourceKey, @title, @quote, @prefix, @suffix,
              @suggestion, @comment, @email, @origin, 'new', @receivedAt, @clientHash)
      ON CONFLICT (id) DO NOTHING`),
    queue: db.prepare(`
      INSERT INTO deliveries (correction_id, channel, created_at, next_attempt_at)
      VALUES (?, ?, ?, ?) ON CONFLICT (correction_id, channel) DO NOTHING`),
    update: db.prepare(`
      UPDATE corrections SET status = @status, accepted_at = @acceptedAt, public_text = @publicText,
                             decided_by = @decidedBy, updated_at = @at
      WHERE id = @id`),
    record: db.prepare(
      'INSERT INTO decisions (correction_id, at, editor, status, note, public_text) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    published: db.prepare(`
      SELECT id, accepted_at, public_text FROM corrections
      WHERE source_key = ? AND status = 'accepted' AND public_text IS NOT NULL
      ORDER BY accepted_at, rowid LIMIT ${MAX_NOTICES}`),
    due: db
      .prepare(
        `
      SELECT id FROM deliveries
      WHERE channel = ? AND state = 'pending' AND next_attempt_at <= ? AND (locked_until IS NULL OR locked_until <= ?)
      ORDER BY next_attempt_at, id LIMIT ?`,
      )
      .pluck(),
    lease: db.prepare(
      'UPDATE deliveries SET locked_until = ?, attempts = attempts + 1, last_attempt_at = ? WHERE id = ? RETURNING id, attempts, correction_id',
    ),
    delivered: db.prepare(
      "UPDATE deliveries SET state = 'delivered', delivered_at = ?, locked_until = NULL, last_error = NULL WHERE id = ?",
    ),
    failed: db.prepare('UPDATE deliveries SET next_attempt_at = ?, locked_until = NULL, last_error = ? WHERE id = ?'),
    pendingByChannel: db.prepare(`
      SELECT channel, count(*) AS pending, max(attempts) AS attempts, min(created_at) AS oldest, max(last_attempt_at) AS last_attempt
      FROM deliveries WHERE state = 'pending' GROUP BY channel`),
    lastError: db
      .prepare(
        `
      SELECT last_error FROM deliveries WHERE channel = ? AND state = 'pending' AND last_error IS NOT NULL
      ORDER BY last_attempt_at DESC LIMIT 1`,
      )
      .pluck(),
    deliveredByChannel: db.prepare(
      "SELECT channel, max(delivered_at) AS last_delivered FROM deliveries WHERE state = 'delivered' GROUP BY channel",
    ),
  };

  function history(ids) {
    const byId = new Map(ids.map((id) => [id, []]));
    if (!ids.length) return byId;
    const rows = db
      .prepare(`SELECT * FROM decisions WHERE correction_id IN (${ids.map(() => '?').join(',')}) ORDER BY id`)
      .all(...ids);
    for (const row of rows) byId.get(row.correction_id).push(decisionFromRow(row));
    return byId;
  }

  function getItem(id) {
    const row = q.get.get(id);
    return row ? itemFromRow(row, history([id]).get(id)) : null;
  }

  function known(id, print) {
    const stored = q.fingerprint.get(id);
    if (stored === undefined) return null;
    // Rows from before fingerprints were kept count as the same correction.
    return stored === null || stored === print ? 'duplicate' : 'conflict';
  }

  const receive = db.transaction(
    (correction, { receivedAt, clientHash, origin = null, limits = [], deliveries = [] }) => {
      const already = known(correction.id, correction.fingerprint);
      if (already) return { outcome: already };
      const needed = historyNeeded(limits);
      if (needed) {
        const times = q.recent.all(clientHash, receivedAt - needed.windowMs, needed.count);
        const verdict = rateVerdict(times, limits, receivedAt);
        if (!verdict.allowed) return { outcome: 'limited', retryAfterSeconds: verdict.retryAfterSeconds };
      }
      const info = q.insert.run(correctionColumns(correction, { receivedAt, clientHash, origin }));
      if (info.changes !== 1) return { outcome: known(correction.id, correction.fingerprint) ?? 'duplicate' };
      for (const { channel, nextAttemptAt } of deliveries)
        q.queue.run(correction.id, channel, receivedAt, nextAttemptAt);
      return { outcome: 'created' };
    },
  );

  /**
   * Group commit. With synchronous=FULL every commit waits for the disk (an fsync); corrections
   * that arrive together are written in one transaction, each in a savepoint of its own (so one
   * that fails leaves the others), and are answered once that one commit is on disk. Alone, a
   * correction is committed at once (setImmediate); under load a batch costs one fsync.
   */
  let batch = [];
  const commitBatch = db.transaction((jobs) => {
    for (const job of jobs) {
      try {
        job.result = receive(job.correction, job.options);
      } catch (error) {
        job.error = error;
      }
    }
  });
  function flush() {
    const jobs = batch;
    batch = [];
    try {
      commitBatch.immediate(jobs);
    } catch (error) {
      for (const job of jobs) job.error = job.error ?? error;
    }
    for (const job of jobs) {
      if (job.error)
        job.reject(UNAVAILABLE.test(job.error?.code ?? '') ? new StoreUnavailableError(job.error) : job.error);
      else job.resolve(job.result);
    }
  }
  function receiveInBatch(correction, options) {
    return new Promise((resolve, reject) => {
      if (!batch.length) setImmediate(flush);
      batch.push({ correction, options, resolve, reject });
    });
  }

  const decide = db.transaction((id, change) => {
    const row = q.get.get(id);
    if (!row) return { notFound: true };
    const result = applyDecision(row, change);
    if (result.error) return { error: result.error };
    const { status, note, publicText } = result.history;
    // A change that changes nothing (the same status again, no note) is not recorded.
    if (status !== null || note !== null || change.publicText !== undefined) {
      const decided = status !== null || change.publicText !== undefined;
      q.update.run({
        id,
        status: result.status,
        acceptedAt: result.acceptedAt,
        publicText: result.publicText,
        decidedBy: decided ? change.editor : row.decided_by,
        at: change.at,
      });
      q.record.run(id, change.at, change.editor, status, note, publicText);
    }
    return { item: getItem(id) };
  });

  const claim = db.transaction(({ channel, now, leaseMs, limit }) => {
    const ids = q.due.all(channel, now, now, limit);
    return ids.map((deliveryId) => {
      const leased = q.lease.get(now + leaseMs, now, deliveryId);
      return { deliveryId: leased.id, attempts: leased.attempts, item: itemFromRow(q.get.get(leased.correction_id)) };
    });
  });

  const settle = db.transaction((ids, { ok, at, error = null, nextAttemptAt = null }) => {
    for (const id of ids) {
      if (ok) q.delivered.run(at, id);
      else q.failed.run(nextAttemptAt, error, id);
    }
  });

  function whereClause({ status = null, q: text = '', until = null }) {
    const clauses = [];
    const params = [];
    if (status) {
      clauses.push('status = ?');
      params.push(status);
    }
    if (text) {
      clauses.push(`(${SEARCHED_COLUMNS.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
      params.push(...SEARCHED_COLUMNS.map(() => containsPattern(text)));
    }
    if (until !== null) {
      clauses.push('received_at <= ?');
      params.push(until);
    }
    return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
  }

  let closed = false;
  return {
    kind: 'sqlite',
    clientSalt: salt,
    receive: receiveInBatch,
    get: guarded(getItem),
    list: guarded(({ status = null, q: text = '', limit = 50, offset = 0, until = null } = {}) => {
      const where = whereClause({ status, q: text, until });
      const rows = db
        .prepare(`SELECT * FROM corrections ${where.sql} ORDER BY received_at DESC, rowid DESC LIMIT ? OFFSET ?`)
        .all(...where.params, limit, offset);
      const total = db
        .prepare(`SELECT count(*) FROM corrections ${where.sql}`)
        .pluck()
        .get(...where.params);
      const trails = history(rows.map((r) => r.id));
      return { items: rows.map((r) => itemFromRow(r, trails.get(r.id))), total };
    }),
    decide: guarded((id, change) => {
      if (change.status !== undefined && !STATUSES.includes(change.status))
        throw new RangeError(`Unknown status ${change.status}`);
      return decide.immediate(id, change);
    }),
    published: guarded((key) =>
      q.published.all(key).map((r) => ({ id: r.id, date: new Date(r.accepted_at).toISOString(), text: r.public_text })),
    ),
    claimDeliveries: guarded((options) => claim.immediate(options)),
    settleDeliveries: guarded((ids, outcome) => settle.immediate(ids, outcome)),
    deliveryReport: guarded(() => {
      const delivered = new Map(q.deliveredByChannel.all().map((r) => [r.channel, r.last_delivered]));
      const report = new Map();
      for (const r of q.pendingByChannel.all()) {
        report.set(r.channel, {
          channel: r.channel,
          pending: r.pending,
          attempts: r.attempts,
          oldestPendingAt: r.oldest,
          lastAttemptAt: r.last_attempt,
          lastError: q.lastError.get(r.channel) ?? null,
          lastDeliveredAt: delivered.get(r.channel) ?? null,
        });
      }
      for (const [channel, last] of delivered) {
        if (!report.has(channel)) {
          report.set(channel, {
            channel,
            pending: 0,
            attempts: 0,
            oldestPendingAt: null,
            lastAttemptAt: null,
            lastError: null,
            lastDeliveredAt: last,
          });
        }
      }
      return [...report.values()];
    }),
    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },
    get open() {
      return !closed;
    },
  };
}
