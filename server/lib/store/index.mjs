// Opens the store FOLIO_DB names: a postgres:// URL for PostgreSQL, anything else is the path of
// a SQLite file (the embedded default). Each driver is loaded only when it is used, so a
// receiver on SQLite needs no `pg`, and one on PostgreSQL no native SQLite module.

export { STATUSES, StoreUnavailableError } from './shared.mjs';

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** Whether FOLIO_DB names a PostgreSQL database. */
export function isPostgresUrl(db) {
  return POSTGRES_URL.test(String(db ?? ''));
}

async function load(specifier, driver) {
  try {
    return await import(specifier);
  } catch (error) {
    if (error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(`'${driver}'`)) {
      throw new Error(`This store needs the ${driver} package: npm install ${driver}`, { cause: error });
    }
    throw error;
  }
}

/**
 * `db`: a postgres:// URL or a SQLite path (":memory:" for a throwaway one).
 * Options: `schema` (PostgreSQL: a schema of its own, for tests), `log`.
 */
export async function openStore(db, { schema = null, log = console } = {}) {
  if (isPostgresUrl(db)) {
    const { openPostgresStore } = await load('./postgres.mjs', 'pg');
    return openPostgresStore(db, { schema, log });
  }
  const { openSqliteStore } = await load('./sqlite.mjs', 'better-sqlite3');
  return openSqliteStore(db);
}
