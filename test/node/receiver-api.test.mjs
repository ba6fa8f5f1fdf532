// The corrections receiver end to end, on each store (SQLite, and PostgreSQL when FOLIO_TEST_PG is
// set): idempotency, the honeypot, the editor token, status changes, the rate limit, CORS and
// persistence across a restart.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { after, afterEach, describe, test } from 'node:test';
import { createFolioServer } from '../../server/index.mjs';
import { SAMPLE } from '../support/annotation-sample.mjs';
import { STORES } from './support/stores.mjs';

const TOKEN = 'test-editor-token-0123456789';
const START = Date.parse('2026-11-26T10:00:00.000Z');

function annotation(id = `urn:uuid:${randomUUID()}`) {
  return { ...structuredClone(SAMPLE), id };
}

function post(base, doc, headers = {}) {
  return fetch(`${base}/api/corrections`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(doc),
  });
}

function editor(base, url, { token = TOKEN, method = 'GET', body, headers = {} } = {}) {
  return fetch(`${base}${url}`, {
    method,
    headers: {
      ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const total = async (app) => (await app.store.list()).total;

// The stores side by side (each one's tests in order): most of the time is spent waiting on I/O.
describe('receiver', { concurrency: STORES.length }, () => {
  for (const store of STORES) {
    describe(`on ${store.name}`, { skip: store.skip, concurrency: 1 }, () => suite(store));
  }
});

function suite(store) {
  const running = [];

  /** A server on port 0 with a fresh database (or `database`, the one of an earlier server). */
  async function start(options = {}) {
    const database = options.database ?? (await store.fresh());
    const app = await createFolioServer({ editorToken: TOKEN, rateLimits: [], ...database, ...options });
    const { port } = await app.listen(0, '127.0.0.1');
    running.push(app);
    return { app, database, base: `http://127.0.0.1:${port}` };
  }

  afterEach(async () => {
    await Promise.all(running.splice(0).map((app) => app.close()));
  });
  after(() => store.cleanup());

  describe('idempotency', () => {
    test('the same id twice -> 201 then 200 with the same body, one row', async () => {
      const { app, base } = await start();
      const doc = annotation();
      const first = await post(base, doc);
      assert.equal(first.status, 201);
      assert.equal(first.headers.get('location'), `/api/corrections/${encodeURIComponent(doc.id)}`);
      const second = await post(base, doc);
      assert.equal(second.status, 200);
      assert.deepEqual(await second.json(), await first.json());
      assert.equal(await total(app), 1);
    });

    test('another body under a known id -> 409 with a reason, and the first version is kept', async () => {
      const { app, base } = await start();
      const doc = annotation();
      await post(base, doc);
      const changed = structuredClone(doc);
      changed.body[0].value = 'Something else';
      const res = await post(base, changed);
      assert.equal(res.status, 409);
      assert.match((await res.json()).error, /different correction/);
      assert.equal((await app.store.get(doc.id)).suggestion, 'Kyiv');
      // The same document with its keys in another order is the same correction, not a conflict.
      const reordered = Object.fromEntries(Object.entries(doc).reverse());
      assert.equal((await post(base, reordered)).status, 200);
    });

    test('the same id in upper case is the same correction', async () => {
      const { app, base } = await start();
      const doc = annotation();
      await post(base, doc);
      assert.equal((await post(base, { ...doc, id: `urn:uuid:${doc.id.slice(9).toUpperCase()}` })).status, 200);
      assert.equal(await total(app), 1);
    });
  });

  describe('honeypot', () => {
    test('a filled folio:honeypot is answered 201 like a real correction and stored nowhere', async () => {
      const { app, base } = await start();
      const doc = { ...annotation(), 'folio:honeypot': 'http://spam.example' };
      const res = await post(base, doc);
      assert.equal(res.status, 201);
      assert.deepEqual(await res.json(), { id: doc.id, received: true });
      assert.equal(await total(app), 0);
    });

    test('a filled honeypot on junk is still answered 201 (a bot learns nothing)', async () => {
      const { app, base } = await start();
      const res = await post(base, { 'folio:honeypot': 'yes', hello: 'world' });
      assert.equal(res.status, 201);
      assert.equal(await total(app), 0);
    });
  });

  describe('editor token', () => {
    test('listing without a token -> 401 with a Bearer challenge', async () => {
      const { base } = await start();
      const res = await editor(base, '/api/corrections', { token: null });
      assert.equal(res.status, 401);
      assert.match(res.headers.get('www-authenticate'), /^Bearer /);
      assert.equal(typeof (await res.json()).error, 'string');
    });

    test('a wrong token, a token one character short, or Basic credentials -> 401', async () => {
      const { base } = await start();
      for (const headers of [
        { Authorization: 'Bearer not-the-token' },
        { Authorization: `Bearer ${TOKEN.slice(0, -1)}` },
        { Authorization: `Basic ${Buffer.from(`editor:${TOKEN}`).toString('base64')}` },
        { Authorization: TOKEN },
      ]) {
        const res = await editor(base, '/api/corrections', { token: null, headers });
        assert.equal(res.status, 401, headers.Authorization);
        assert.match(res.headers.get('www-authenticate'), /^Bearer /);
      }
    });

    test('the right token -> 200 with the list, newest first', async () => {
      let now = START;
      const { base } = await start({ now: () => now });
      const older = annotation();
      const newer = annotation();
      await post(base, older);
      now += 1000;
      await post(base, newer);
      const res = await editor(base, '/api/corrections');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type'), /^application\/json; charset=utf-8$/);
      const body = await res.json();
      assert.equal(body.total, 2);
      assert.deepEqual(
        body.items.map((i) => i.id),
        [newer.id, older.id],
      );
      assert.equal(body.items[0].receivedAt, new Date(START + 1000).toISOString());
      assert.deepEqual(body.items[0].quote, {
        exact: 'Kiev',
        prefix: 'The delegation arrived in ',
        suffix: ' on Tuesday morning',
      });
    });

    test('a server started without a token makes one, and only it opens the list', async () => {
      const { app, base } = await start({ editorToken: undefined });
      assert.equal(app.tokenGenerated, true);
      assert.ok(app.editorToken.length >= 32);
      assert.equal((await editor(base, '/api/corrections', { token: '' })).status, 401);
      assert.equal((await editor(base, '/api/corrections', { token: app.editorToken })).status, 200);
    });

    test('PATCH and GET of one correction need the token too, even for ids that do not exist', async () => {
      const { base } = await start();
      const doc = annotation();
      await post(base, doc);
      const id = encodeURIComponent(doc.id);
      assert.equal(
        (await editor(base, `/api/corrections/${id}`, { token: null, method: 'PATCH', body: { status: 'accepted' } }))
          .status,
        401,
      );
      assert.equal((await editor(base, `/api/corrections/${id}`, { token: 'nope' })).status, 401);
      assert.equal(
        (
          await editor(base, `/api/corrections/urn%3Auuid%3Amissing`, {
            token: null,
            method: 'PATCH',
            body: { status: 'accepted' },
          })
        ).status,
        401,
      );
    });
  });

  describe('status changes', () => {
    test('PATCH {status: "accepted"} moves it from the new list to the accepted list', async () => {
      const { base } = await start();
      const doc = annotation();
      const other = annotation();
      await post(base, doc);
      await post(base, other);
      const res = await editor(base, `/api/corrections/${encodeURIComponent(doc.id)}`, {
        method: 'PATCH',
        body: { status: 'accepted' },
      });
      assert.equal(res.status, 200);
      const item = await res.json();
      assert.equal(item.status, 'accepted');
      assert.ok(item.updatedAt);

      const accepted = await (await editor(base, '/api/corrections?status=accepted')).json();
      assert.deepEqual(
        accepted.items.map((i) => i.id),
        [doc.id],
      );
      const fresh = await (await editor(base, '/api/corrections?status=new')).json();
      assert.deepEqual(
        fresh.items.map((i) => i.id),
        [other.id],
      );
      const dismissed = await (await editor(base, '/api/corrections?status=dismissed')).json();
      assert.equal(dismissed.total, 0);
    });

    test('dismissed, and back to new', async () => {
      const { base } = await start();
      const doc = annotation();
      await post(base, doc);
      const url = `/api/corrections/${encodeURIComponent(doc.id)}`;
      assert.equal(
        (await (await editor(base, url, { method: 'PATCH', body: { status: 'dismissed' } })).json()).status,
        'dismissed',
      );
      assert.equal(
        (await (await editor(base, url, { method: 'PATCH', body: { status: 'new' } })).json()).status,
        'new',
      );
      assert.equal((await (await editor(base, url)).json()).status, 'new');
    });

    test('a bad status -> 400, an unknown id -> 404, a non-JSON body -> 415', async () => {
      const { app, base } = await start();
      const doc = annotation();
      await post(base, doc);
      const url = `/api/corrections/${encodeURIComponent(doc.id)}`;
      assert.equal((await editor(base, url, { method: 'PATCH', body: { status: 'published' } })).status, 400);
      assert.equal((await editor(base, url, { method: 'PATCH', body: {} })).status, 400);
      assert.equal(
        (
          await editor(base, `/api/corrections/${encodeURIComponent(`urn:uuid:${randomUUID()}`)}`, {
            method: 'PATCH',
            body: { status: 'accepted' },
          })
        ).status,
        404,
      );
      const form = await fetch(`${base}${url}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'status=accepted',
      });
      assert.equal(form.status, 415);
      assert.equal((await app.store.get(doc.id)).status, 'new');
    });

    test('list filters and paging are checked', async () => {
      const { base } = await start();
      for (let i = 0; i < 3; i++) await post(base, annotation());
      assert.equal((await editor(base, '/api/corrections?status=published')).status, 400);
      assert.equal((await editor(base, '/api/corrections?limit=0')).status, 400);
      assert.equal((await editor(base, '/api/corrections?limit=1000')).status, 400);
      assert.equal((await editor(base, '/api/corrections?offset=-1')).status, 400);
      const page = await (await editor(base, '/api/corrections?limit=2&offset=2')).json();
      assert.equal(page.total, 3);
      assert.equal(page.items.length, 1);
    });
  });

  describe('rate limit', () => {
    test('the 6th new correction within 5 minutes -> 429 with Retry-After; allowed again after the window', async () => {
      let now = START;
      const { app, base } = await start({ now: () => now, rateLimits: undefined });
      const docs = Array.from({ length: 5 }, () => annotation());
      for (const doc of docs) assert.equal((await post(base, doc)).status, 201);

      now += 60_000;
      const sixth = annotation();
      const refused = await post(base, sixth);
      assert.equal(refused.status, 429);
      assert.equal(refused.headers.get('retry-after'), '240');
      assert.equal(typeof (await refused.json()).error, 'string');

      // A client retrying one it already delivered is never locked out, and it costs nothing.
      assert.equal((await post(base, docs[0])).status, 200);

      now = START + 5 * 60_000;
      assert.equal((await post(base, sixth)).status, 201);
      assert.equal(await total(app), 6);
    });

    test('15 per 30 minutes holds even when spread out', async () => {
      let now = START;
      const { base } = await start({ now: () => now, rateLimits: undefined });
      for (let batch = 0; batch < 3; batch++) {
        for (let i = 0; i < 5; i++) assert.equal((await post(base, annotation())).status, 201);
        now += 5 * 60_000;
      }
      const res = await post(base, annotation());
      assert.equal(res.status, 429);
      // The first batch leaves the 30-minute window at START + 30 min; now is START + 15 min.
      assert.equal(res.headers.get('retry-after'), String(15 * 60));
    });

    test('refused corrections do not count', async () => {
      let now = START;
      const { base } = await start({ now: () => now, rateLimits: [{ max: 2, windowSeconds: 60 }] });
      for (let i = 0; i < 5; i++) assert.equal((await post(base, { ...annotation(), motivation: 'x' })).status, 400);
      assert.equal((await post(base, annotation())).status, 201);
      assert.equal((await post(base, annotation())).status, 201);
      assert.equal((await post(base, annotation())).status, 429);
    });

    test('clients are told apart by X-Forwarded-For only behind a trusted proxy (one hop from loopback)', async () => {
      const limits = [{ max: 1, windowSeconds: 60 }];
      const direct = await start({ rateLimits: limits });
      assert.equal((await post(direct.base, annotation(), { 'X-Forwarded-For': '203.0.113.1' })).status, 201);
      assert.equal((await post(direct.base, annotation(), { 'X-Forwarded-For': '203.0.113.2' })).status, 429);

      const proxied = await start({ rateLimits: limits, trustProxy: true });
      assert.equal((await post(proxied.base, annotation(), { 'X-Forwarded-For': '203.0.113.1' })).status, 201);
      assert.equal((await post(proxied.base, annotation(), { 'X-Forwarded-For': '203.0.113.1' })).status, 429);
      // Only the entry the proxy appended counts; what the client put before it is ignored.
      assert.equal(
        (await post(proxied.base, annotation(), { 'X-Forwarded-For': '198.51.100.7, 203.0.113.1' })).status,
        429,
      );
      assert.equal((await post(proxied.base, annotation(), { 'X-Forwarded-For': '203.0.113.2' })).status, 201);
    });

    test('a client that reaches the receiver directly cannot name itself in X-Forwarded-For', async () => {
      // The proxy is 10.0.0.1; this test's requests come from 127.0.0.1, as an attacker's would
      // come from its own address: every made-up X-Forwarded-For counts as that one address.
      const { app, base } = await start({ rateLimits: [{ max: 3, windowSeconds: 60 }], trustProxy: '10.0.0.1' });
      const answers = [];
      for (let i = 0; i < 20; i++) {
        answers.push((await post(base, annotation(), { 'X-Forwarded-For': `198.51.100.${i}, 203.0.113.${i}` })).status);
      }
      assert.deepEqual(answers.filter((s) => s === 201).length, 3);
      assert.equal(await total(app), 3);
    });

    test('behind a list of proxies, the client is the nearest address that is not one of them', async () => {
      const limits = [{ max: 1, windowSeconds: 60 }];
      const { base } = await start({ rateLimits: limits, trustProxy: 'loopback, 198.51.100.0/24' });
      // 203.0.113.9 -> edge proxy 198.51.100.7 (appends the client) -> loopback proxy (appends the edge).
      assert.equal((await post(base, annotation(), { 'X-Forwarded-For': '203.0.113.9, 198.51.100.7' })).status, 201);
      // The same client, whatever it wrote in front of its own address.
      assert.equal(
        (await post(base, annotation(), { 'X-Forwarded-For': '1.2.3.4, 203.0.113.9, 198.51.100.7' })).status,
        429,
      );
      assert.equal((await post(base, annotation(), { 'X-Forwarded-For': '203.0.113.10, 198.51.100.7' })).status, 201);
    });
  });

  describe('CORS', () => {
    const PARTNER = 'https://partner.example';
    const STRANGER = 'https://evil.example';

    function preflight(base, origin) {
      return fetch(`${base}/api/corrections`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      });
    }

    test('an allowed origin gets a preflight answer and can post', async () => {
      const { app, base } = await start({ allowedOrigins: [PARTNER] });
      const pre = await preflight(base, PARTNER);
      assert.equal(pre.status, 204);
      assert.equal(pre.headers.get('access-control-allow-origin'), PARTNER);
      assert.match(pre.headers.get('access-control-allow-methods'), /\bPOST\b/);
      assert.match(pre.headers.get('access-control-allow-headers'), /content-type/i);
      assert.ok(Number(pre.headers.get('access-control-max-age')) > 0);
      assert.match(pre.headers.get('vary'), /Origin/);

      const res = await post(base, annotation(), { Origin: PARTNER });
      assert.equal(res.status, 201);
      assert.equal(res.headers.get('access-control-allow-origin'), PARTNER);
      assert.match(res.headers.get('access-control-expose-headers'), /Retry-After/);
      assert.equal(await total(app), 1);
    });

    test('another origin gets no CORS headers, and its POST is refused with 403', async () => {
      const { app, base } = await start({ allowedOrigins: [PARTNER] });
      const pre = await preflight(base, STRANGER);
      assert.equal(pre.headers.get('access-control-allow-origin'), null);
      assert.equal(pre.headers.get('access-control-allow-methods'), null);

      const res = await post(base, annotation(), { Origin: STRANGER });
      assert.equal(res.status, 403);
      assert.equal(res.headers.get('access-control-allow-origin'), null);
      assert.equal(await total(app), 0);
    });

    test("the server's own origin may post; so may a client without an Origin (curl)", async () => {
      const { app, base } = await start();
      assert.equal((await post(base, annotation(), { Origin: base })).status, 201);
      assert.equal((await post(base, annotation())).status, 201);
      assert.equal((await post(base, annotation(), { Origin: 'null' })).status, 403);
      assert.equal(await total(app), 2);
    });

    test('the editor routes never answer with CORS headers', async () => {
      const { base } = await start({ allowedOrigins: [PARTNER] });
      const res = await editor(base, '/api/corrections', { headers: { Origin: PARTNER } });
      assert.equal(res.headers.get('access-control-allow-origin'), null);
    });
  });

  describe('persistence', () => {
    test('a correction survives a restart on the same database file, status and all', async () => {
      const first = await start();
      const doc = annotation();
      assert.equal((await post(first.base, doc)).status, 201);
      await editor(first.base, `/api/corrections/${encodeURIComponent(doc.id)}`, {
        method: 'PATCH',
        body: { status: 'accepted' },
      });
      await first.app.close();

      const second = await start({ database: first.database });
      const list = await (await editor(second.base, '/api/corrections')).json();
      assert.deepEqual(
        list.items.map((i) => [i.id, i.status]),
        [[doc.id, 'accepted']],
      );
      assert.deepEqual(list.items[0].annotation, doc);
      // Still idempotent after the restart.
      assert.equal((await post(second.base, doc)).status, 200);
      assert.equal(await total(second.app), 1);
    });

    test(
      'the database folder is created on first start',
      { skip: store.name !== 'SQLite' && 'SQLite only' },
      async () => {
        const { db } = await store.fresh();
        const { base } = await start({ db: path.join(path.dirname(db), 'nested', 'deeper', 'corrections.sqlite') });
        assert.equal((await post(base, annotation())).status, 201);
      },
    );

    test('the rate limit is kept in the database: a restart forgives nobody', async () => {
      const limits = [{ max: 2, windowSeconds: 600 }];
      const first = await start({ rateLimits: limits });
      assert.equal((await post(first.base, annotation())).status, 201);
      assert.equal((await post(first.base, annotation())).status, 201);
      await first.app.close();
      const second = await start({ database: first.database, rateLimits: limits });
      assert.equal((await post(second.base, annotation())).status, 429);
    });
  });

  describe('every answer', () => {
    test('carries nosniff, and API errors are JSON', async () => {
      const { base } = await start();
      for (const [url, init] of [
        ['/api/corrections', { method: 'DELETE' }],
        ['/api/nothing', {}],
        ['/api/corrections', {}],
      ]) {
        const res = await fetch(`${base}${url}`, init);
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff', url);
        assert.match(res.headers.get('content-type'), /^application\/json; charset=utf-8$/, url);
        assert.equal(typeof (await res.json()).error, 'string');
      }
    });
  });
}
