// Editors decide, readers see: named editors and the audit trail, notes, the public wording of an
// accepted correction, the story's published notices (public, cacheable, CORS-open), the inbox's
// filters and the CSV export. On each store.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, afterEach, describe, test } from 'node:test';
import { createFolioServer } from '../../server/index.mjs';
import { SAMPLE } from '../support/annotation-sample.mjs';
import { STORES } from './support/stores.mjs';

const SHARED = 'shared-token-0123456789';
const ANNA = 'token-anna-0123456789';
const BOHDAN = 'token-bohdan-0123456789';
const STORY = 'https://news.example/2026/11/story';

function annotation(edit = () => {}) {
  const doc = { ...structuredClone(SAMPLE), id: `urn:uuid:${randomUUID()}` };
  doc.target['dc:title'] = 'Council votes to close the harbour';
  edit(doc);
  return doc;
}

// The stores side by side (each one's tests in order): most of the time is spent waiting on I/O.
describe('editors', { concurrency: STORES.length }, () => {
  for (const store of STORES) {
    describe(`on ${store.name}`, { skip: store.skip, concurrency: 1 }, () => suite(store));
  }
});

function suite(store) {
  const running = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((app) => app.close()));
  });
  after(() => store.cleanup());

  async function start(options = {}) {
    let clock = Date.parse('2026-11-26T10:00:00.000Z');
    const app = await createFolioServer({
      ...(await store.fresh()),
      editorToken: SHARED,
      editors: [
        { name: 'Anna Kovalenko', token: ANNA },
        { name: 'Bohdan', token: BOHDAN },
      ],
      rateLimits: [],
      // Each request a minute after the last, so dates tell the order.
      now: () => (clock += 60_000),
      ...options,
    });
    const { port } = await app.listen(0, '127.0.0.1');
    running.push(app);
    const base = `http://127.0.0.1:${port}`;
    const call = (url, { token = ANNA, method = 'GET', body, headers = {} } = {}) =>
      fetch(`${base}${url}`, {
        method,
        headers: {
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const post = async (doc) => {
      const res = await fetch(`${base}/api/corrections`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(doc),
      });
      assert.equal(res.status, 201);
      return doc.id;
    };
    const decide = (id, body, token = ANNA) =>
      call(`/api/corrections/${encodeURIComponent(id)}`, { method: 'PATCH', body, token });
    return { app, base, call, post, decide };
  }

  describe('decisions and the audit trail', () => {
    test('each decision records who made it and when; notes and the public wording are kept in the history', async () => {
      const { call, post, decide } = await start();
      const id = await post(annotation());

      const noted = await decide(id, { note: 'Checking with the reporter' }, BOHDAN);
      assert.equal(noted.status, 200);
      const afterNote = await noted.json();
      assert.equal(afterNote.status, 'new');
      assert.equal(afterNote.decidedBy, null, 'a note alone decides nothing');

      const accepted = await (
        await decide(id, { status: 'accepted', publicText: 'An earlier version misspelled Kyiv.', note: 'Confirmed' })
      ).json();
      assert.equal(accepted.status, 'accepted');
      assert.equal(accepted.decidedBy, 'Anna Kovalenko');
      assert.equal(accepted.publicText, 'An earlier version misspelled Kyiv.');
      assert.ok(accepted.acceptedAt);

      const one = await (await call(`/api/corrections/${encodeURIComponent(id)}`)).json();
      assert.deepEqual(
        one.history.map((h) => [h.editor, h.status, h.note, h.publicText]),
        [
          ['Bohdan', null, 'Checking with the reporter', null],
          ['Anna Kovalenko', 'accepted', 'Confirmed', 'An earlier version misspelled Kyiv.'],
        ],
      );
      assert.ok(Date.parse(one.history[0].at) < Date.parse(one.history[1].at));

      const shared = await (await decide(id, { status: 'dismissed' }, SHARED)).json();
      assert.equal(shared.decidedBy, 'Editor (shared token)');
      assert.equal(shared.acceptedAt, null);
      const list = await (await call('/api/corrections?status=all')).json();
      assert.equal(list.editor, 'Anna Kovalenko');
      assert.equal(list.items[0].history.length, 3);
      assert.equal(list.items[0].title, 'Council votes to close the harbour');
    });

    test('bad changes -> 400 with a reason, and nothing is recorded', async () => {
      const { app, post, decide } = await start();
      const id = await post(annotation());
      for (const [body, reason] of [
        [{}, /Send a status, a note or publicText/],
        [{ note: '   ' }, /Send a status, a note or publicText/],
        [{ status: 'published' }, /status must be one of/],
        [{ publicText: 'Too early' }, /accepted correction/],
        [{ status: 'dismissed', publicText: 'No' }, /accepted correction/],
        [{ note: 42 }, /note must be a string/],
        [{ note: 'x'.repeat(2001) }, /at most 2000/],
        [{ publicText: 'nul\u0000', status: 'accepted' }, /U\+0000/],
        [{ status: 'accepted', editor: 'Someone else' }, /Unknown field "editor"/],
        [[], /JSON object/],
        [null, /JSON object/],
      ]) {
        const res = await decide(id, body);
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.match((await res.json()).error, reason);
      }
      const item = await app.store.get(id);
      assert.equal(item.status, 'new');
      assert.deepEqual(item.history, []);
    });

    test('an unknown token, or none, cannot decide; unknown ids -> 404 for editors only', async () => {
      const { post, decide } = await start();
      const id = await post(annotation());
      assert.equal((await decide(id, { status: 'accepted' }, 'token-nobody-0123456789')).status, 401);
      assert.equal((await decide(id, { status: 'accepted' }, null)).status, 401);
      assert.equal((await decide(`urn:uuid:${randomUUID()}`, { status: 'accepted' })).status, 404);
    });
  });

  describe('published notices', () => {
    const published = (base, source, init) =>
      fetch(`${base}/api/corrections/published?source=${encodeURIComponent(source)}`, init);

    test('the accepted corrections of one story with their public wording, oldest first, public and cacheable', async () => {
      const { base, post, decide } = await start();
      const first = await post(annotation());
      const second = await post(annotation());
      const unworded = await post(annotation());
      const dismissed = await post(annotation());
      const elsewhere = await post(annotation((d) => (d.target.source = 'https://news.example/2026/11/other')));
      await decide(second, { status: 'accepted', publicText: 'The vote was 7 to 2, not 9 to 0.' });
      await decide(first, { status: 'accepted', publicText: 'An earlier version misspelled Kyiv.' });
      await decide(unworded, { status: 'accepted' });
      await decide(dismissed, { status: 'accepted', publicText: 'Withdrawn' });
      await decide(dismissed, { status: 'dismissed' });
      await decide(elsewhere, { status: 'accepted', publicText: 'Another story' });

      // A page fetches it cross-origin, with no credentials; the fragment of its URL does not matter.
      const res = await published(base, `${STORY}#top`, { headers: { Origin: 'https://partner.example' } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      assert.equal(res.headers.get('cache-control'), 'public, max-age=60');
      assert.ok(res.headers.get('etag'));
      const body = await res.json();
      assert.equal(body.source, `${STORY}#top`);
      assert.deepEqual(
        body.notices.map((n) => [n.id, n.text]),
        [
          [second, 'The vote was 7 to 2, not 9 to 0.'],
          [first, 'An earlier version misspelled Kyiv.'],
        ],
      );
      for (const notice of body.notices) {
        assert.deepEqual(Object.keys(notice).sort(), ['date', 'id', 'text']);
        assert.equal(new Date(notice.date).toISOString(), notice.date);
      }
      assert.ok(body.notices[0].date < body.notices[1].date);

      const again = await published(base, `${STORY}#top`, { headers: { 'If-None-Match': res.headers.get('etag') } });
      assert.equal(again.status, 304);
      // Editing the wording keeps the date it was accepted on.
      await decide(first, { status: 'accepted', publicText: 'An earlier version of this article misspelled Kyiv.' });
      const edited = await (await published(base, STORY)).json();
      assert.equal(edited.notices[1].text, 'An earlier version of this article misspelled Kyiv.');
      assert.equal(edited.notices[1].date, body.notices[1].date);
    });

    test('a story without notices, a preflight, and bad requests', async () => {
      const { base } = await start();
      assert.deepEqual(await (await published(base, 'https://news.example/none')).json(), {
        source: 'https://news.example/none',
        notices: [],
      });
      const pre = await fetch(`${base}/api/corrections/published?source=x`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://partner.example',
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'accept',
        },
      });
      assert.equal(pre.status, 204);
      assert.equal(pre.headers.get('access-control-allow-origin'), '*');
      for (const query of [
        '',
        '?source=',
        '?source=not%20a%20url',
        '?source=javascript%3Aalert(1)',
        `?source=${encodeURIComponent(`https://x.example/${'a'.repeat(2100)}`)}`,
      ]) {
        const res = await fetch(`${base}/api/corrections/published${query}`);
        assert.equal(res.status, 400, query);
        assert.equal(res.headers.get('access-control-allow-origin'), '*', 'a page can read why');
        assert.equal(typeof (await res.json()).error, 'string');
      }
      const postIt = await fetch(`${base}/api/corrections/published?source=${encodeURIComponent(STORY)}`, {
        method: 'POST',
        body: '{}',
      });
      assert.equal(postIt.status, 405);
    });
  });

  describe('filters and export', () => {
    test('the text filter looks in the quote, the suggestion, the comment, the headline and the URL; % and _ are literal', async () => {
      const { call, post } = await start();
      const a = await post(annotation((d) => (d.body[1].value = 'Spelling: 100% sure')));
      const b = await post(annotation((d) => (d.target['dc:title'] = 'Harbour_reopens')));
      const c = await post(annotation((d) => (d.target.source = 'https://news.example/2026/12/budget')));
      const ids = async (q) =>
        (await (await call(`/api/corrections?status=all&q=${encodeURIComponent(q)}`)).json()).items
          .map((i) => i.id)
          .sort();
      assert.deepEqual(await ids('100%'), [a]);
      assert.deepEqual(await ids('%'), [a]);
      assert.deepEqual(await ids('_'), [b]);
      assert.deepEqual(await ids('harbour_REOPENS'), [b]);
      assert.deepEqual(await ids('budget'), [c]);
      assert.deepEqual(await ids('kiev'), [a, b, c].sort());
      assert.deepEqual(await ids('nowhere'), []);
    });

    test('CSV export: editors only, filtered like the list, formulas defused', async () => {
      const { call, post, decide } = await start();
      const plain = await post(annotation());
      const formula = await post(annotation((d) => (d.body[1].value = '=HYPERLINK("http://evil.example","click")')));
      await decide(plain, { status: 'accepted', publicText: 'Fixed, "with quotes"', note: 'Line one\nline two' });
      assert.equal((await call('/api/corrections/export', { token: null })).status, 401);

      const res = await call('/api/corrections/export?status=all');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type'), /^text\/csv; charset=utf-8/);
      assert.match(
        res.headers.get('content-disposition'),
        /^attachment; filename="corrections-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      // Read as bytes: fetch's text() would drop the byte-order mark.
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
      assert.ok(
        text.startsWith('\uFEFFid,received_at,status,story_title,story_url,quote'),
        'a BOM, then the header row',
      );
      assert.ok(text.includes(`${plain},`));
      assert.ok(text.includes('"Fixed, ""with quotes"""'));
      assert.ok(text.includes('Anna Kovalenko: Line one\nline two'));
      assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example"",""click"")"`), 'the formula is text');
      assert.ok(text.includes(formula));

      const accepted = await (await call('/api/corrections/export?status=accepted')).text();
      assert.ok(accepted.includes(plain));
      assert.ok(!accepted.includes(formula));
      assert.equal((await call('/api/corrections/export?status=nope')).status, 400);
    });

    test("the list says which origins are the newsroom's, for the inbox to warn about others", async () => {
      const { base, call } = await start({ allowedOrigins: ['https://news.example'] });
      const list = await (await call('/api/corrections')).json();
      assert.deepEqual(list.storyOrigins.sort(), ['https://news.example', base].sort());
    });
  });
}
