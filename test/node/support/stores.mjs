// The stores every receiver suite runs against: SQLite always, PostgreSQL when FOLIO_TEST_PG names
// a server (npm test and .ci/run start a throwaway cluster and set it). Each server a test starts
// gets a fresh SQLite file, or a fresh PostgreSQL schema, so tests never see each other's rows.

import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const PG_URL = process.env.FOLIO_TEST_PG || null;
export const PG_SKIP = PG_URL
  ? false
  : 'PostgreSQL suite skipped: FOLIO_TEST_PG is not set (npm test and .ci/run start a local cluster and set it when PostgreSQL is installed)';

function sqlite() {
  const dirs = [];
  return {
    name: 'SQLite',
    skip: false,
    /** A fresh database: the options createFolioServer takes. */
    async fresh() {
      const dir = await mkdtemp(path.join(tmpdir(), 'folio-receiver-'));
      dirs.push(dir);
      return { db: path.join(dir, 'corrections.sqlite') };
    },
    async cleanup() {
      await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
    },
  };
}

function postgres() {
  const schemas = [];
  return {
    name: 'PostgreSQL',
    skip: PG_SKIP,
    async fresh() {
      const schema = `folio_test_${randomUUID().replace(/-/g, '')}`;
      schemas.push(schema);
      return { db: PG_URL, dbSchema: schema };
    },
    async cleanup() {
      if (!schemas.length) return;
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      try {
        for (const schema of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** One entry per store: { name, skip, fresh(), cleanup() }. */
export const STORES = [sqlite(), postgres()];
