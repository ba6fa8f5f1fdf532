// Editors are told: each new correction goes to every webhook (signed) and by e-mail, through a
// real webhook endpoint and a real SMTP server on 127.0.0.1 that fail for a while first. Checked:
// delivery, the signature, retries, nothing sent twice, nothing lost across a restart, a failing
// hook visible to editors, and receiving never waiting for a notification. On each store.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { after, afterEach, describe, test } from 'node:test';
import { createFolioServer } from '../../server/index.mjs';
import { verifySignature } from '../../server/lib/notify/webhook.mjs';
import { SAMPLE } from '../support/annotation-sample.mjs';
import { startSmtpSink, startWebhookSink, waitFor } from './support/sinks.mjs';
import { STORES } from './support/stores.mjs';

const TOKEN = 'test-editor-token-0123456789';
const SECRET = 'whsec-test-0123456789abcdef';
/** Retries within the test's patience: 40 ms, 80 ms, then every 160 ms. */
const FAST = { retryBaseMs: 40, retryMaxMs: 160, pollMs: 40 };

function annotation(title = 'Council votes to close the harbour') {
  const doc = { ...structuredClone(SAMPLE), id: `urn:uuid:${randomUUID()}` };
  doc.target['dc:title'] = title;
  return doc;
}

function post(base, doc) {
  return fetch(`${base}/api/corrections`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(doc),
  });
}

// The stores side by side: these tests mostly wait for retries.
describe('notifications', { concurrency: STORES.length }, () => {
  for (const store of STORES) {
    describe(`on ${store.name}`, { skip: store.skip, concurrency: 1 }, () => suite(store));
  }
});

function suite(store) {
  const cleanups = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  after(() => store.cleanup());

  async function start(notify, { database, ...options } = {}) {
    const app = await createFolioServer({
      ...(database ?? (await store.fresh())),
      editorToken: TOKEN,
      rateLimits: [],
      publicUrl: 'https://corrections.news.example',
      notify: {
        webhooks: [],
        webhookSecret: SECRET,
        emailTo: ['desk@news.example'],
        emailFrom: 'Folio <folio@news.example>',
        timing: FAST,
        ...notify,
      },
      ...options,
    });
    const { port } = await app.listen(0, '127.0.0.1');
    cleanups.push(() => app.close());
    return { app, base: `http://127.0.0.1:${port}` };
  }

  async function sinks(options = {}) {
    const hook = await startWebhookSink(options.hook);
    const smtp = await startSmtpSink(options.smtp);
    cleanups.push(
      () => hook.close(),
      () => smtp.close(),
    );
    return { hook, smtp };
  }

  test('each correction reaches the webhook (signed) and the SMTP server once, after both failed for a while', async () => {
    const { hook, smtp } = await sinks({ hook: { failFirst: 3 }, smtp: { failFirst: 2 } });
    const { base } = await start({ webhooks: [{ url: hook.url, format: 'json' }], smtpUrl: smtp.url });
    const docs = [annotation(), annotation('Harbour reopens'), annotation()];
    for (const doc of docs) assert.equal((await post(base, doc)).status, 201);

    await waitFor(() => hook.delivered().length >= 3 && smtp.messages.length >= 3, 'three webhooks and three mails');
    // Time for any duplicate to show up: many retry periods.
    await new Promise((resolve) => setTimeout(resolve, 600));

    const ids = docs.map((d) => d.id).sort();
    assert.deepEqual(
      hook
        .delivered()
        .map((r) => r.headers['folio-delivery'])
        .sort(),
      ids,
      'each id delivered to the hook once',
    );
    assert.ok(hook.requests.length >= 6, 'the three failures were retried');
    for (const request of hook.requests) {
      assert.equal(
        verifySignature(SECRET, request.headers['folio-signature'], request.body),
        true,
        'signature verifies',
      );
      assert.equal(request.headers['folio-event'], 'correction.created');
      assert.equal(request.headers['content-type'], 'application/json');
      const payload = JSON.parse(request.body);
      assert.equal(payload.correction.id, request.headers['folio-delivery']);
      assert.match(
        payload.correction.links.inbox,
        /^https:\/\/corrections\.news\.example\/inbox\?correction=urn%3Auuid%3A/,
      );
    }
    const first = JSON.parse(hook.delivered().find((r) => r.headers['folio-delivery'] === docs[1].id).body);
    assert.equal(first.correction.story.title, 'Harbour reopens');
    assert.deepEqual(first.correction.quote, {
      exact: 'Kiev',
      prefix: 'The delegation arrived in ',
      suffix: ' on Tuesday morning',
    });

    assert.equal(smtp.refused, 2);
    assert.deepEqual(smtp.messages.map((m) => m.headers['x-folio-corrections']).sort(), ids, 'each id mailed once');
    const mail = smtp.messages.find((m) => m.headers['x-folio-corrections'] === docs[1].id);
    assert.equal(mail.subject, 'Correction suggested: Harbour reopens');
    assert.deepEqual(mail.to, ['desk@news.example']);
    assert.match(mail.text, /…The delegation arrived in \[Kiev\] on Tuesday morning…/);
    assert.match(mail.text, /Suggested text: Kyiv/);
    assert.ok(
      mail.text.includes(`https://corrections.news.example/inbox?correction=${encodeURIComponent(docs[1].id)}`),
    );
    assert.match(mail.html, /<mark[^>]*>Kiev<\/mark>/);
  });

  test('a correction received while the channels are down is delivered once after a restart', async () => {
    const { hook, smtp } = await sinks({ hook: { failing: true }, smtp: { failing: true } });
    const notify = { webhooks: [{ url: hook.url, format: 'json' }], smtpUrl: smtp.url };
    const database = await store.fresh();
    const first = await start(notify, { database });
    const doc = annotation();
    assert.equal((await post(first.base, doc)).status, 201);
    await waitFor(() => hook.requests.length >= 1 && smtp.refused >= 1, 'a first failed attempt');
    await first.app.close();

    hook.failing = false;
    smtp.failing = false;
    await start(notify, { database });
    await waitFor(() => hook.delivered().length >= 1 && smtp.messages.length >= 1, 'delivery after the restart');
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.deepEqual(
      hook.delivered().map((r) => r.headers['folio-delivery']),
      [doc.id],
    );
    assert.deepEqual(
      smtp.messages.map((m) => m.headers['x-folio-corrections']),
      [doc.id],
    );
  });

  test('a hook that keeps failing shows in the notifications report; receiving goes on', async () => {
    const { hook } = await sinks({ hook: { failing: true } });
    const { base } = await start({ webhooks: [{ url: hook.url, format: 'json' }] });
    assert.equal((await post(base, annotation())).status, 201);
    await waitFor(() => hook.requests.length >= 3, 'three failed attempts');
    const report = await (
      await fetch(`${base}/api/corrections/notifications`, { headers: { Authorization: `Bearer ${TOKEN}` } })
    ).json();
    assert.equal(report.channels.length, 1);
    const [channel] = report.channels;
    assert.equal(channel.kind, 'webhook');
    assert.equal(channel.failing, true);
    assert.equal(channel.pending, 1);
    assert.ok(channel.attempts >= 3);
    assert.match(channel.lastError, /HTTP 500/);
    assert.doesNotMatch(channel.label, /hooks\/folio/, 'the path (a secret for some hooks) is not shown');
    assert.equal((await fetch(`${base}/api/corrections/notifications`)).status, 401);
    assert.equal((await post(base, annotation())).status, 201);
  });

  test('an SMTP server that refuses connections and a webhook that never answers do not slow receiving', async () => {
    // A port with nothing listening, and a server that accepts and then says nothing.
    const closed = net.createServer();
    await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = closed.address().port;
    await new Promise((resolve) => closed.close(resolve));
    const sockets = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => {
      sockets.forEach((s) => s.destroy());
      return new Promise((resolve) => silent.close(resolve));
    });

    const { app, base } = await start({
      webhooks: [{ url: `http://127.0.0.1:${silent.address().port}/hook`, format: 'json' }],
      webhookTimeoutMs: 3000,
      smtpUrl: `smtp://127.0.0.1:${deadPort}`,
    });
    const times = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      assert.equal((await post(base, annotation())).status, 201);
      times.push(performance.now() - started);
    }
    // Were receiving to wait for a notification, the first POST alone would take the webhook's 3 s.
    assert.ok(
      Math.max(...times) < 1500,
      `every POST answered without waiting (slowest ${Math.max(...times).toFixed(0)} ms)`,
    );
    await waitFor(async () => {
      const report = await app.notifier.report();
      return report.every((c) => c.lastError);
    }, 'both channels to report their error');
    const report = await app.notifier.report();
    assert.match(report.find((c) => c.kind === 'email').lastError, /ECONNREFUSED|connect/i);
    assert.match(report.find((c) => c.kind === 'webhook').lastError, /no answer within 3 s/);
  });

  test('an hourly digest: one mail, when the hour ends, for the corrections of that hour', async () => {
    const { smtp } = await sinks();
    // The receiver's clock, moved by hand: 10:20, then past 11:00.
    let clock = Date.parse('2026-11-26T10:20:00.000Z');
    const { base } = await start({ smtpUrl: smtp.url, digestMs: 60 * 60 * 1000 }, { now: () => clock });
    const docs = [annotation('First story'), annotation('Second story'), annotation('First story')];
    for (const doc of docs) {
      assert.equal((await post(base, doc)).status, 201);
      clock += 10 * 60 * 1000;
    }
    // 10:50: the workers have looked several times, and the hour is not over.
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(smtp.messages.length, 0, 'nothing before the hour ends');
    clock = Date.parse('2026-11-26T11:00:01.000Z');
    await waitFor(() => smtp.messages.length >= 1, 'the digest');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(smtp.messages.length, 1);
    const [mail] = smtp.messages;
    assert.equal(mail.subject, '3 corrections suggested on 1 story');
    assert.deepEqual(mail.headers['x-folio-corrections'].split(' ').sort(), docs.map((d) => d.id).sort());
    assert.equal(mail.text.split('Open it in the inbox').length - 1, 3);
  });

  test('a Slack-compatible hook gets a message it can show', async () => {
    const { hook } = await sinks();
    const { base } = await start({ webhooks: [{ url: hook.url, format: 'slack' }] });
    const doc = annotation('Council <votes>');
    assert.equal((await post(base, doc)).status, 201);
    await waitFor(() => hook.delivered().length === 1, 'the Slack message');
    const message = JSON.parse(hook.delivered()[0].body);
    assert.equal(message.text, 'Correction suggested: Council &lt;votes&gt;');
    assert.equal(message.blocks[0].type, 'section');
    assert.match(message.blocks[0].text.text, /> …The delegation arrived in \[Kiev\] on Tuesday morning…/);
  });
}
