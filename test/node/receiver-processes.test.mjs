// Beyond one machine, on PostgreSQL: two receiver processes on one database store a correction
// posted to both at once once, hold one rate limit between them and send each notification once;
// and a PostgreSQL crash in the middle of a load loses no correction that was answered 2xx.
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { createFolioServer } from '../../server/index.mjs';
import { SAMPLE } from '../support/annotation-sample.mjs';
import { findPostgres, startCluster } from './support/pg-cluster.mjs';
import { startWebhookSink, waitFor } from './support/sinks.mjs';
import { PG_SKIP, PG_URL } from './support/stores.mjs';

const TOKEN = 'test-editor-token-0123456789';
const SECRET = 'whsec-test-0123456789abcdef';
const PROCESS = fileURLToPath(new URL('./support/receiver-process.mjs', import.meta.url));

const annotation = () => ({ ...structuredClone(SAMPLE), id: `urn:uuid:${randomUUID()}` });

function post(base, doc, headers = {}) {
  return fetch(`${base}/api/corrections`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(doc),
  });
}

/** A receiver in its own process; resolves with { base, stop() }. */
function spawnReceiver(options) {
  const child = fork(PROCESS, {
    env: { ...process.env, FOLIO_TEST_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the receiver process ended (${code}) before listening`)));
    child.once('message', ({ port }) => {
      child.removeAllListeners('exit');
      resolve({
        base: `http://127.0.0.1:${port}`,
        stop: () =>
          new Promise((done) => {
            child.once('exit', done);
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** A database of its own on the server FOLIO_TEST_PG names; { url, drop() }. */
async function freshDatabase(serverUrl) {
  const name = `folio_test_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

async function count(url, sql, params) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query(sql, params)).rows[0].n);
  } finally {
    await client.end();
  }
}

describe('two receiver processes on one PostgreSQL', { skip: PG_SKIP }, () => {
  let database;
  let hook;
  let first;
  let second;

  before(async () => {
    database = await freshDatabase(PG_URL);
    // The hook fails its first 30 calls, so retries race between the two processes' workers.
    hook = await startWebhookSink({ failFirst: 30 });
    const options = {
      db: database.url,
      editorToken: TOKEN,
      rateLimits: [{ max: 5, windowSeconds: 300 }],
      // Requests come from 127.0.0.1, as from a proxy on this machine: X-Forwarded-For names the client.
      trustProxy: '1',
      notify: {
        webhooks: [{ url: hook.url, format: 'json' }],
        webhookSecret: SECRET,
        timing: { retryBaseMs: 20, retryMaxMs: 80, pollMs: 20 },
      },
    };
    [first, second] = await Promise.all([spawnReceiver(options), spawnReceiver(options)]);
  });

  after(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await hook?.close();
    await database?.drop();
  });

  const IDS = 300;
  /** Ids in flight at once (each posted to both processes, so twice as many requests). */
  const AT_ONCE = 25;
  const ids = [];
  let busy = 0;

  /** Posts until a 2xx, as the widget's outbox does (a busy database may answer 503). */
  async function deliver(base, doc, headers) {
    for (;;) {
      const res = await post(base, doc, headers);
      if (res.status !== 503) return res.status;
      busy += 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  test(`${IDS} ids, each posted to both processes at the same moment: stored once, one 201 and one 200 each`, async (t) => {
    const outcomes = [];
    for (let batch = 0; batch < IDS; batch += AT_ONCE) {
      const pairs = await Promise.all(
        Array.from({ length: AT_ONCE }, async (_, j) => {
          const i = batch + j;
          const doc = annotation();
          ids.push(doc.id);
          const client = { 'X-Forwarded-For': `10.1.${i >> 8}.${i & 255}` };
          const statuses = await Promise.all([deliver(first.base, doc, client), deliver(second.base, doc, client)]);
          return statuses.sort().join('+');
        }),
      );
      outcomes.push(...pairs);
    }
    const tally = {};
    for (const pair of outcomes) tally[pair] = (tally[pair] ?? 0) + 1;
    assert.deepEqual(tally, { '200+201': IDS });
    const stored = await count(database.url, 'SELECT count(*) AS n FROM corrections');
    assert.equal(stored, IDS);
    t.diagnostic(
      `${IDS * 2} posts of ${IDS} ids, ${AT_ONCE * 2} at a time: ${stored} rows, ${tally['200+201']} ids answered 201 once and 200 once; ${busy} answers 503 (pool busy) retried`,
    );
  });

  test('one client, four corrections to each process at once: five stored, three refused (the limit is shared)', async () => {
    const client = { 'X-Forwarded-For': '203.0.113.77' };
    const docs = Array.from({ length: 8 }, annotation);
    const answers = await Promise.all(docs.map((doc, i) => post(i % 2 ? second.base : first.base, doc, client)));
    const statuses = answers.map((r) => r.status).sort();
    assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429, 429, 429]);
    for (const doc of docs.filter((_, i) => answers[i].status === 201)) ids.push(doc.id);
  });

  test('every correction reaches the webhook once, not once per process, retries included', async (t) => {
    await waitFor(
      () => new Set(hook.delivered().map((r) => r.headers['folio-delivery'])).size >= ids.length,
      `${ids.length} deliveries`,
      30_000,
    );
    // Time for a duplicate to show up: many poll and retry periods of both workers.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const delivered = hook.delivered().map((r) => r.headers['folio-delivery']);
    assert.equal(delivered.length, ids.length, 'no id delivered twice');
    assert.deepEqual([...delivered].sort(), [...ids].sort());
    assert.equal(hook.requests.length - delivered.length, 30, 'the 30 failures, each retried');
    assert.equal(
      await count(database.url, "SELECT count(*) AS n FROM deliveries WHERE state = 'delivered'"),
      ids.length,
    );
    t.diagnostic(
      `${hook.requests.length} webhook calls: ${delivered.length} delivered, each id once, and 30 failures retried`,
    );
  });
});

describe(
  'a PostgreSQL crash during load',
  { skip: !findPostgres() && 'no PostgreSQL installed (apt-get install postgresql)' },
  () => {
    let cluster;
    let app;
    let base;

    before(async () => {
      cluster = await startCluster();
      app = await createFolioServer({ db: cluster.url, editorToken: TOKEN, rateLimits: [] });
      const { port } = await app.listen(0, '127.0.0.1');
      base = `http://127.0.0.1:${port}`;
    });

    after(async () => {
      await app?.close();
      await cluster?.stop();
    });

    test('the database is killed and restarted while corrections arrive: every one answered 2xx is stored', async (t) => {
      const TOTAL = 600;
      const WORKERS = 8;
      const docs = Array.from({ length: TOTAL }, annotation);
      const acknowledged = new Set();
      const seen = { unavailable: 0, network: 0, other: 0 };
      let next = 0;
      // Like the widget's outbox: keep a correction until a 2xx, retry it with the same id.
      const worker = async () => {
        while (next < TOTAL) {
          const doc = docs[next++];
          for (;;) {
            let status;
            try {
              status = (await post(base, doc)).status;
            } catch {
              status = 0;
            }
            if (status === 201 || status === 200) {
              acknowledged.add(doc.id);
              break;
            }
            if (status === 503) seen.unavailable += 1;
            else if (status === 0) seen.network += 1;
            else seen.other += 1;
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        }
      };
      const load = Promise.all(Array.from({ length: WORKERS }, worker));

      await waitFor(() => acknowledged.size >= TOTAL / 4, 'a quarter of the load', 30_000);
      const atCrash = acknowledged.size;
      // An immediate shutdown: no checkpoint, as after kill -9 or a power cut; recovery replays the WAL.
      await cluster.crash();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const duringOutage = acknowledged.size;
      await cluster.start();
      await load;

      assert.equal(seen.other, 0, 'no answer but 2xx and 503');
      assert.ok(seen.unavailable > 0, 'the outage was seen (503)');
      assert.equal(acknowledged.size, TOTAL);
      const stored = await count(cluster.url, 'SELECT count(*) AS n FROM corrections WHERE id = ANY($1)', [
        [...acknowledged],
      ]);
      assert.equal(stored, TOTAL, 'every acknowledged correction is in the database');
      assert.equal(await count(cluster.url, 'SELECT count(*) AS n FROM corrections'), TOTAL, 'and nothing twice');
      t.diagnostic(
        `${atCrash} acknowledged before the crash, ${duringOutage - atCrash} more as it went down, ${TOTAL} in all, ${stored} stored; ` +
          `${seen.unavailable} answers 503 and ${seen.network} network errors while it was away`,
      );
    });
  },
);
