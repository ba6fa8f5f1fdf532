// The shared store: PostgreSQL through `pg`, for several receiver processes (or machines) on one
// database. The same interface as the SQLite store (shared.mjs), the same semantics:
// - a correction, its rate-limit check and its queued notifications are one transaction;
//   the check takes an advisory lock on the client's hash, so two processes cannot both give
//   away a client's last slot, and the id's primary key stores one copy whoever posts it;
// - notifications are leased with FOR UPDATE SKIP LOCKED, so each is sent by one process;
// - a commit is answered 201 only once PostgreSQL has made it durable (synchronous_commit is
//   left at its default, on). When the database cannot be reached the receiver answers 503, and
//   the reader's browser keeps the correction and retries.

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { historyNeeded, rateVerdict } from '../rate-limit.mjs';
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
/** Advisory lock keys: one class for Folio, one key for migrations, the client hash for limits. */
const LOCK_CLASS = 0x466f6c; // "Fol"
const MIGRATION_LOCK = 1;
const POOL_SIZE = 10;
const CONNECT_TIMEOUT_MS = 5000;
const STATEMENT_TIMEOUT_MS = 15_000;
/** SQLSTATE classes that mean "this query is wrong", not "the database is away": 22 data, 23 integrity, 42 syntax. */
const PROGRAMMING_ERROR = /^(22|23|42)/;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS corrections (
    id           TEXT PRIMARY KEY,                       -- the annotation's urn:uuid, the idempotency key
    seq          BIGINT GENERATED ALWAYS AS IDENTITY,    -- arrival order, for ties in received_at
    annotation   TEXT NOT NULL,                          -- the annotation as received (JSON text, byte for byte)
    fingerprint  TEXT,                                   -- SHA-256 of the canonical annotation
    source       TEXT NOT NULL,                          -- target.source, the article URL
    source_key   TEXT,                                   -- target.source without its fragment
    title        TEXT,                                   -- target["dc:title"], the headline
    quote        TEXT,
    quote_prefix TEXT,
    quote_suffix TEXT,
    suggestion   TEXT,
    comment      TEXT,
    email        TEXT,
    origin       TEXT,                                   -- the Origin of the page that posted it
    status       TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'accepted', 'dismissed')),
    received_at  BIGINT NOT NULL,                        -- ms since the epoch
    updated_at   BIGINT,
    decided_by   TEXT,
    public_text  TEXT,
    accepted_at  BIGINT,
    client_hash  TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS corrections_by_status ON corrections (status, received_at DESC);
  CREATE INDEX IF NOT EXISTS corrections_by_time ON corrections (received_at DESC);
  CREATE INDEX IF NOT EXISTS corrections_by_client ON corrections (client_hash, received_at);
  CREATE INDEX IF NOT EXISTS corrections_by_source ON corrections (source_key, status, accepted_at);
  CREATE TABLE IF NOT EXISTS decisions (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    correction_id TEXT NOT NULL REFERENCES corrections (id),
    at            BIGINT NOT NULL,
    editor        TEXT NOT NULL,
    status        TEXT,
    note          TEXT,
    public_text   TEXT
  );
  CREATE INDEX IF NOT EXISTS decisions_by_correction ON decisions (correction_id, id);
  CREATE TABLE IF NOT EXISTS deliveries (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    correction_id   TEXT NOT NULL REFERENCES corrections (id),
    channel         TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    created_at      BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    locked_until    BIGINT,
    last_attempt_at BIGINT,
    last_error      TEXT,
    delivered_at    BIGINT,
    UNIQUE (correction_id, channel)
  );
  CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (channel, state, next_attempt_at);
`;

const num = (v) => (v === null || v === undefined ? null : Number(v));

/** Whether an error means the database is away (503, retry) rather than a bug (500). */
function isUnavailable(error) {
  if (error instanceof StoreUnavailableError) return true;
  return !(error instanceof pg.DatabaseError && PROGRAMMING_ERROR.test(error.code ?? ''));
}

/**
 * Connects to `url` (postgres://user:password@host:port/database), creates the tables on first
 * use and returns the store. `schema` (tests) puts the tables in a schema of their own.
 */
export async function openPostgresStore(url, { schema = null, log = console } = {}) {
  if (schema !== null && !SCHEMA_NAME.test(schema))
    throw new Error(`"${schema}" is not a schema name (lower-case letters, digits, _)`);
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection that the server drops (a restart) is reported here; without a listener
  // it would end the process. The next query opens a fresh one.
  pool.on('error', (error) => log.warn?.(`folio receiver: PostgreSQL connection lost: ${error.message}`));

  /** Runs `fn(client)` in one transaction; a lost connection becomes StoreUnavailableError. */
  async function transaction(fn) {
    let client;
    try {
      client = await pool.connect();
    } catch (error) {
      throw new StoreUnavailableError(error);
    }
    let broken = false;
    // A checked-out connection that the server drops between two queries reports it here; without
    // a listener that would end the process. The query in flight fails, and the client is dropped.
    const lost = () => {
      broken = true;
    };
    client.on('error', lost);
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      broken = isUnavailable(error);
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw broken ? new StoreUnavailableError(error) : error;
    } finally {
      client.off('error', lost);
      client.release(broken);
    }
  }

  async function query(text, params) {
    try {
      return await pool.query(text, params);
    } catch (error) {
      throw isUnavailable(error) ? new StoreUnavailableError(error) : error;
    }
  }

  await transaction(async (client) => {
    // Two processes starting at once: one creates the tables, the other waits for it.
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS, MIGRATION_LOCK]);
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(SCHEMA);
    await client.query("INSERT INTO meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO NOTHING", [
      String(SCHEMA_VERSION),
    ]);
    await client.query("INSERT INTO meta (key, value) VALUES ('client_salt', $1) ON CONFLICT (key) DO NOTHING", [
      randomBytes(32).toString('hex'),
    ]);
  });
  const version = Number((await query("SELECT value FROM meta WHERE key = 'schema_version'")).rows[0].value);
  if (version > SCHEMA_VERSION) {
    await pool.end();
    throw new Error(
      `The database has schema version ${version}; this receiver knows up to ${SCHEMA_VERSION}. Update the receiver.`,
    );
  }
  const salt = (await query("SELECT value FROM meta WHERE key = 'client_salt'")).rows[0].value;

  async function history(ids, client = pool) {
    const byId = new Map(ids.map((id) => [id, []]));
    if (!ids.length) return byId;
    const { rows } = await client.query('SELECT * FROM decisions WHERE correction_id = ANY($1) ORDER BY id', [ids]);
    for (const row of rows) byId.get(row.correction_id).push(decisionFromRow(row));
    return byId;
  }

  async function getItem(id, client = pool) {
    const { rows } = await client.query('SELECT * FROM corrections WHERE id = $1', [id]);
    if (!rows.length) return null;
    return itemFromRow(rows[0], (await history([id], client)).get(id));
  }

  async function known(client, id, print) {
    const { rows } = await client.query('SELECT fingerprint FROM corrections WHERE id = $1', [id]);
    if (!rows.length) return null;
    return rows[0].fingerprint === null || rows[0].fingerprint === print ? 'duplicate' : 'conflict';
  }

  function whereClause({ status = null, q: text = '', until = null }) {
    const clauses = [];
    const params = [];
    if (status) {
      params.push(status);
      clauses.push(`status = $${params.length}`);
    }
    if (text) {
      params.push(containsPattern(text));
      clauses.push(`(${SEARCHED_COLUMNS.map((c) => `${c} ILIKE $${params.length}`).join(' OR ')})`);
    }
    if (until !== null) {
      params.push(until);
      clauses.push(`received_at <= $${params.length}`);
    }
    return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
  }

  let closed = false;
  return {
    kind: 'postgres',
    clientSalt: salt,

    receive(correction, { receivedAt, clientHash, origin = null, limits = [], deliveries = [] }) {
      return transaction(async (client) => {
        const already = await known(client, correction.id, correction.fingerprint);
        if (already) return { outcome: already };
        const needed = historyNeeded(limits);
        if (needed) {
          // Held to the end of this transaction: the next request from this client waits here,
          // in whichever process, and then sees this one's row.
          await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_CLASS, clientHash]);
          const { rows } = await client.query(
            'SELECT received_at FROM corrections WHERE client_hash = $1 AND received_at > $2 ORDER BY received_at DESC LIMIT $3',
            [clientHash, receivedAt - needed.windowMs, needed.count],
          );
          const verdict = rateVerdict(
            rows.map((r) => Number(r.received_at)),
            limits,
            receivedAt,
          );
          if (!verdict.allowed) return { outcome: 'limited', retryAfterSeconds: verdict.retryAfterSeconds };
        }
        const c = correctionColumns(correction, { receivedAt, clientHash, origin });
        const inserted = await client.query(
          `INSERT INTO corrections (id, annotation, fingerprint, source, source_key, title, quote, quote_prefix, quote_suffix,
                                    suggestion, comment, email, origin, status, received_at, client_hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'new', $14, $15)
           ON CONFLICT (id) DO NOTHING`,
          [
            c.id,
            c.annotation,
            c.fingerprint,
            c.source,
            c.sourceKey,
            c.title,
            c.quote,
            c.prefix,
            c.suffix,
            c.suggestion,
            c.comment,
            c.email,
            c.origin,
            c.receivedAt,
            c.clientHash,
          ],
        );
        // Another process stored this id a moment ago (the insert waited for its commit).
        if (inserted.rowCount !== 1)
          return { outcome: (await known(client, correction.id, correction.fingerprint)) ?? 'duplicate' };
        for (const { channel, nextAttemptAt } of deliveries) {
          await client.query(
            `INSERT INTO deliveries (correction_id, channel, created_at, next_attempt_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (correction_id, channel) DO NOTHING`,
            [correction.id, channel, receivedAt, nextAttemptAt],
          );
        }
        return { outcome: 'created' };
      });
    },

    async get(id) {
      try {
        return await getItem(id);
      } catch (error) {
        throw isUnavailable(error) ? new StoreUnavailableError(error) : error;
      }
    },

    async list({ status = null, q: text = '', limit = 50, offset = 0, until = null } = {}) {
      const where = whereClause({ status, q: text, until });
      const n = where.params.length;
      const { rows } = await query(
        `SELECT * FROM corrections ${where.sql} ORDER BY received_at DESC, seq DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...where.params, limit, offset],
      );
      const total = Number((await query(`SELECT count(*) AS n FROM corrections ${where.sql}`, where.params)).rows[0].n);
      let trails;
      try {
        trails = await history(rows.map((r) => r.id));
      } catch (error) {
        throw isUnavailable(error) ? new StoreUnavailableError(error) : error;
      }
      return { items: rows.map((r) => itemFromRow(r, trails.get(r.id))), total };
    },

    async decide(id, change) {
      if (change.status !== undefined && !STATUSES.includes(change.status))
        throw new RangeError(`Unknown status ${change.status}`);
      return transaction(async (client) => {
        const { rows } = await client.query('SELECT * FROM corrections WHERE id = $1 FOR UPDATE', [id]);
        if (!rows.length) return { notFound: true };
        const row = rows[0];
        const result = applyDecision(row, change);
        if (result.error) return { error: result.error };
        const { status, note, publicText } = result.history;
        // A change that changes nothing (the same status again, no note) is not recorded.
        if (status !== null || note !== null || change.publicText !== undefined) {
          const decided = status !== null || change.publicText !== undefined;
          await client.query(
            'UPDATE corrections SET status = $2, accepted_at = $3, public_text = $4, decided_by = $5, updated_at = $6 WHERE id = $1',
            [
              id,
              result.status,
              result.acceptedAt,
              result.publicText,
              decided ? change.editor : row.decided_by,
              change.at,
            ],
          );
          await client.query(
            'INSERT INTO decisions (correction_id, at, editor, status, note, public_text) VALUES ($1, $2, $3, $4, $5, $6)',
            [id, change.at, change.editor, status, note, publicText],
          );
        }
        return { item: await getItem(id, client) };
      });
    },

    async published(key) {
      const { rows } = await query(
        `SELECT id, accepted_at, public_text FROM corrections
         WHERE source_key = $1 AND status = 'accepted' AND public_text IS NOT NULL
         ORDER BY accepted_at, seq LIMIT ${MAX_NOTICES}`,
        [key],
      );
      return rows.map((r) => ({ id: r.id, date: new Date(Number(r.accepted_at)).toISOString(), text: r.public_text }));
    },

    claimDeliveries({ channel, now, leaseMs, limit }) {
      return transaction(async (client) => {
        const { rows } = await client.query(
          `UPDATE deliveries SET locked_until = $3, attempts = attempts + 1, last_attempt_at = $2
           WHERE id IN (
             SELECT id FROM deliveries
             WHERE channel = $1 AND state = 'pending' AND next_attempt_at <= $2 AND (locked_until IS NULL OR locked_until <= $2)
             ORDER BY next_attempt_at, id LIMIT $4
             FOR UPDATE SKIP LOCKED)
           RETURNING id, attempts, correction_id`,
          [channel, now, now + leaseMs, limit],
        );
        if (!rows.length) return [];
        const items = await client.query('SELECT * FROM corrections WHERE id = ANY($1)', [
          rows.map((r) => r.correction_id),
        ]);
        const byId = new Map(items.rows.map((r) => [r.id, itemFromRow(r)]));
        return rows
          .sort((a, b) => Number(a.id) - Number(b.id))
          .map((r) => ({ deliveryId: Number(r.id), attempts: r.attempts, item: byId.get(r.correction_id) }));
      });
    },

    async settleDeliveries(ids, { ok, at, error = null, nextAttemptAt = null }) {
      if (ok) {
        await query(
          "UPDATE deliveries SET state = 'delivered', delivered_at = $2, locked_until = NULL, last_error = NULL WHERE id = ANY($1)",
          [ids, at],
        );
      } else {
        await query(
          'UPDATE deliveries SET next_attempt_at = $2, locked_until = NULL, last_error = $3 WHERE id = ANY($1)',
          [ids, nextAttemptAt, error],
        );
      }
    },

    async deliveryReport() {
      const pending = await query(`
        SELECT channel, count(*) AS pending, max(attempts) AS attempts, min(created_at) AS oldest, max(last_attempt_at) AS last_attempt,
               (array_agg(last_error ORDER BY last_attempt_at DESC NULLS LAST) FILTER (WHERE last_error IS NOT NULL))[1] AS last_error
        FROM deliveries WHERE state = 'pending' GROUP BY channel`);
      const delivered = await query(
        "SELECT channel, max(delivered_at) AS last_delivered FROM deliveries WHERE state = 'delivered' GROUP BY channel",
      );
      const lastDelivered = new Map(delivered.rows.map((r) => [r.channel, num(r.last_delivered)]));
      const report = new Map();
      for (const r of pending.rows) {
        report.set(r.channel, {
          channel: r.channel,
          pending: Number(r.pending),
          attempts: Number(r.attempts),
          oldestPendingAt: num(r.oldest),
          lastAttemptAt: num(r.last_attempt),
          lastError: r.last_error ?? null,
          lastDeliveredAt: lastDelivered.get(r.channel) ?? null,
        });
      }
      for (const [channel, last] of lastDelivered) {
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
    },

    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
    get open() {
      return !closed;
    },
  };
}
