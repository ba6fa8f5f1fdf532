import { expect, waitUntil } from '@open-wc/testing';
import { buildAnnotation, type WebAnnotation } from '../../src/corrections/annotation.js';
import {
  createOutbox,
  type Delivery,
  type Outbox,
  type OutboxEntry,
  type OutboxOptions,
} from '../../src/corrections/outbox.js';
import { openStore } from '../../src/corrections/outbox-store.js';
import { endpoint } from './helpers.js';

// Each test page has a browser context of its own (web-test-runner.config.mjs), so no other test
// file's outbox shares this IndexedDB; each test leaves none of its entries behind.
const stored = async () => (await openStore()).list();
const clear = async () => {
  const store = await openStore();
  for (const entry of await store.list()) await store.update(entry.annotation.id, () => undefined);
};

/** What a test swapped on the window (fetch, Date.now, Math.random, indexedDB…), put back after it. */
let restore: Array<() => void> = [];
function swap<T extends object>(obj: T, key: string, descriptor: PropertyDescriptor): void {
  const own = Object.getOwnPropertyDescriptor(obj, key);
  Object.defineProperty(obj, key, { configurable: true, ...descriptor });
  restore.push(() => (own ? Object.defineProperty(obj, key, own) : delete (obj as Record<string, unknown>)[key]));
}
const undo = () => {
  restore.reverse().forEach((f) => f());
  restore = [];
};
/** The outbox's clock and jitter source (Date.now, Math.random). */
const clock = (now: () => number) => swap(Date, 'now', { value: now, writable: true });
const jitter = (random: () => number) => swap(Math, 'random', { value: random, writable: true });
/** The page's fetch, answering from a script. */
const useFetch = (fetch: typeof globalThis.fetch) => swap(window, 'fetch', { value: fetch, writable: true });

const annotation = (): WebAnnotation =>
  buildAnnotation({
    source: 'https://news.example/story',
    quote: { exact: 'six', prefix: 'at ', suffix: ' on', start: 3, end: 6 },
    suggestion: 'seven',
    comment: '',
    language: 'en',
  });

/** A fetch that answers from a script, recording what it was asked and what was stored meanwhile. */
function scripted(...answers: Array<number | Error>) {
  const calls: Array<{ url: string; init: RequestInit; stored: OutboxEntry[] }> = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init, stored: await stored().catch(() => []) });
    const answer = answers.length > 1 ? answers.shift()! : answers[0];
    if (answer instanceof Error) throw answer;
    return new Response('', { status: answer });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

function outbox(options: OutboxOptions = {}): Outbox {
  return createOutbox({ base: 20, cap: 200, timeout: 2000, ...options });
}

/** An entry another page left behind, due now: its first attempt failed, with no backoff. */
async function leftBehind(url: string): Promise<WebAnnotation> {
  const server = endpoint('503', 1);
  jitter(() => 0);
  const a = annotation();
  expect((await outbox().add(server.url, a)).outcome).to.equal('queued');
  undo();
  // The entry now points at `url`, as if the page had sent it there.
  const store = await openStore();
  await store.update(a.id, (kept) => kept && { ...kept, endpoint: url });
  return a;
}

/** A second page of this origin, with an outbox of its own over the same store. */
async function secondPage(): Promise<{ outbox: Outbox; sent: Delivery[]; remove: () => void }> {
  const frame = document.createElement('iframe');
  frame.src = '/test/fixtures/corrections/second-page.html';
  document.body.append(frame);
  const win = () => frame.contentWindow as (Window & { outbox?: Outbox; sent?: Delivery[]; ready?: boolean }) | null;
  await waitUntil(() => win()?.ready, 'the second page did not start', { timeout: 5000 });
  return { outbox: win()!.outbox!, sent: win()!.sent!, remove: () => frame.remove() };
}

describe('corrections: outbox', () => {
  afterEach(async () => {
    undo();
    await clear();
  });

  describe('delivery', () => {
    it('stores the correction before the first attempt, and removes it once it arrives', async () => {
      const server = endpoint('ok');
      const { fetch, calls } = scripted(201);
      const real = window.fetch;
      useFetch((url, init) => fetch(url, init).then(() => real(url, init)));
      const a = annotation();
      expect(await outbox().add(server.url, a)).to.deep.equal({ outcome: 'sent', status: 201 });
      expect(calls[0].stored.map((e) => e.annotation.id)).to.deep.equal([a.id]);
      expect(calls[0].init.method).to.equal('POST');
      expect(new Headers(calls[0].init.headers).get('content-type')).to.equal('application/json');
      expect((await server.read()).received).to.deep.equal([a]);
      expect(await stored()).to.deep.equal([]);
    });

    it('keeps a correction when the connection drops, and sends the same one later', async () => {
      const server = endpoint('drop');
      const box = outbox();
      const a = annotation();
      expect(await box.add(server.url, a)).to.deep.equal({ outcome: 'queued', reason: 'network' });
      const [entry] = await box.entries();
      expect(entry.annotation.id).to.equal(a.id);
      expect(entry.attempts).to.equal(1);
      await server.set('ok');
      await box.flush(true);
      expect((await server.read()).received.map((r) => r.id)).to.deep.equal([a.id]);
      expect(await box.entries()).to.deep.equal([]);
    });

    it('keeps on 5xx, 408 and 429 and gives up only on other 4xx, with the server’s reason', async () => {
      const box = outbox();
      for (const status of ['500', '503', '408', '429']) {
        expect(await box.add(endpoint(status).url, annotation())).to.deep.equal({
          outcome: 'queued',
          reason: `HTTP ${status}`,
        });
      }
      expect(await stored()).to.have.length(4);
      const json = endpoint('400', undefined, '&message=' + encodeURIComponent('Quote not found in the article'));
      expect(await box.add(json.url, annotation())).to.deep.equal({
        outcome: 'refused',
        status: 400,
        message: 'Quote not found in the article',
      });
      expect(await box.add(endpoint('400text').url, annotation())).to.deep.equal({
        outcome: 'refused',
        status: 400,
        message: 'HTTP 400',
      });
      expect(await stored()).to.have.length(4);
    });

    it('gives up on an endpoint that hangs after the timeout and keeps the correction', async () => {
      const server = endpoint('hang', 1);
      const box = outbox({ timeout: 300 });
      const started = performance.now();
      expect(await box.add(server.url, annotation())).to.deep.equal({ outcome: 'queued', reason: 'timeout' });
      expect(performance.now() - started).to.be.lessThan(3000);
      await box.flush(true);
      expect((await server.read()).received).to.have.length(1);
    });

    it('backs off exponentially with full jitter up to the cap', async () => {
      let now = 1_000_000;
      let random = 1;
      useFetch(scripted(503).fetch);
      clock(() => now);
      jitter(() => random);
      const box = outbox({ base: 100, cap: 1000 });
      await box.add('/x', annotation());
      const next = async () => (await box.entries())[0].next;
      const waits = [(await next()) - now];
      for (let i = 0; i < 5; i++) {
        now = await next();
        await box.flush();
        waits.push((await next()) - now);
      }
      expect(waits).to.deep.equal([100, 200, 400, 800, 1000, 1000]);
      random = 0.25;
      now = await next();
      await box.flush();
      expect((await next()) - now).to.equal(250);
    });

    it('retries only what is due, unless forced (online, a new page view, the page hidden)', async () => {
      let now = 0;
      const { fetch, calls } = scripted(new TypeError('offline'));
      useFetch(fetch);
      clock(() => now);
      jitter(() => 1);
      const box = outbox({ base: 1000 });
      await box.add('/x', annotation());
      await box.flush();
      expect(calls).to.have.length(1);
      await box.flush(true);
      expect(calls).to.have.length(2);
      now += 2001;
      await box.flush();
      expect(calls).to.have.length(3);
    });

    it('drops entries older than seven days', async () => {
      let now = Date.parse('2026-11-01T00:00:00Z');
      const { fetch, calls } = scripted(new TypeError('offline'));
      useFetch(fetch);
      clock(() => now);
      const box = outbox();
      await box.add('/x', annotation());
      now += 7 * 24 * 3600_000 + 1;
      expect(await box.entries()).to.deep.equal([]);
      await box.flush(true);
      expect(calls).to.have.length(1);
      expect(await stored()).to.deep.equal([]);
    });

    it('sends with keepalive when the page is hidden, so the request outlives the tab', async () => {
      const { fetch, calls } = scripted(new TypeError('offline'));
      useFetch(fetch);
      const box = outbox();
      await box.add('/x', annotation());
      box.start();
      swap(document, 'visibilityState', { value: 'hidden' });
      swap(document, 'hidden', { value: true });
      try {
        document.dispatchEvent(new Event('visibilitychange', { bubbles: true })); // as browsers fire it
        await waitUntil(() => calls.some((c) => c.init.keepalive === true), 'no keepalive flush');
        expect(calls[0].init.keepalive).not.to.equal(true); // the first attempt, made while the page is shown
      } finally {
        box.stop();
      }
    });

    it('retries at once when the browser comes back online', async () => {
      const server = endpoint('503', 1);
      const box = outbox({ base: 60_000, cap: 60_000 });
      await box.add(server.url, annotation());
      box.start();
      try {
        dispatchEvent(new Event('online'));
        await waitUntil(async () => (await server.read()).received.length === 1, 'not retried on online');
      } finally {
        box.stop();
      }
    });

    it('keeps a correction through 503s and delivers it exactly once when the endpoint recovers', async () => {
      const server = endpoint('503', 2);
      const delivered: Array<[OutboxEntry, Delivery]> = [];
      const box = outbox({ onDelivery: (e, r) => delivered.push([e, r]) });
      const a = annotation();
      expect(await box.add(server.url, a)).to.deep.equal({ outcome: 'queued', reason: 'HTTP 503' });
      box.start();
      try {
        await waitUntil(() => delivered.some(([, r]) => r.outcome === 'sent'), 'never delivered', { timeout: 5000 });
      } finally {
        box.stop();
      }
      // Every attempt is reported: the first one (also add's answer), the retry, the delivery.
      expect(delivered.map(([e, r]) => [e.annotation.id, r.outcome])).to.deep.equal([
        [a.id, 'queued'],
        [a.id, 'queued'],
        [a.id, 'sent'],
      ]);
      const { attempts, received } = await server.read();
      expect(attempts).to.equal(3);
      expect(received).to.deep.equal([a]);
      expect(await stored()).to.deep.equal([]);
    });
  });

  describe('storage', () => {
    it('works in memory, with one warning naming the error, where IndexedDB cannot be opened', async () => {
      const warnings: unknown[][] = [];
      swap(console, 'warn', { value: (...args: unknown[]) => warnings.push(args), writable: true });
      swap(window, 'indexedDB', {
        get() {
          throw new DOMException('denied', 'SecurityError');
        },
      });
      const server = endpoint('503', 1);
      const box = outbox();
      const a = annotation();
      expect(await box.add(server.url, a)).to.deep.equal({ outcome: 'queued', reason: 'HTTP 503' });
      expect((await box.entries()).map((e) => e.annotation.id)).to.deep.equal([a.id]);
      await box.flush(true);
      expect(await box.entries()).to.deep.equal([]);
      expect((await server.read()).received.map((r) => r.id)).to.deep.equal([a.id]);
      expect(warnings).to.have.length(1);
      expect(String(warnings[0][0])).to.match(/^folio: corrections are kept in memory only/);
      expect(warnings[0][1]).to.be.instanceOf(DOMException);
    });
  });

  describe('two pages', () => {
    it('never sends again what another page already delivered (the store is read in a transaction)', async () => {
      const server = endpoint('ok');
      const other = await secondPage();
      try {
        // The next page starts draining the moment this one has its 2xx (localStorage was late here).
        const a = annotation();
        const box = outbox({ onDelivery: () => void other.outbox.flush(true) });
        expect(await box.add(server.url, a)).to.deep.equal({ outcome: 'sent', status: 201 });
        await other.outbox.flush(true);
        const { attempts, received } = await server.read();
        expect(attempts).to.equal(1);
        expect(received).to.deep.equal([a]);
        expect(other.sent).to.deep.equal([]);
      } finally {
        other.remove();
      }
    });

    it('lets only one of two pages send an entry they both find', async () => {
      const server = endpoint('ok');
      const a = await leftBehind(server.url);
      const other = await secondPage();
      try {
        const box = outbox();
        await Promise.all([box.flush(true), other.outbox.flush(true), box.flush(true), other.outbox.flush()]);
        const { attempts, received } = await server.read();
        expect(attempts).to.equal(1);
        expect(received.map((r) => r.id)).to.deep.equal([a.id]);
        expect(await stored()).to.deep.equal([]);
      } finally {
        other.remove();
      }
    });

    it('leaves an entry another page is sending, and retries it once that page’s lease has run out', async () => {
      const server = endpoint('ok');
      const a = await leftBehind(server.url);
      let now = Date.now();
      clock(() => now);
      // Another page claimed it and then closed mid-attempt: its lease stays until it runs out.
      await (await openStore()).update(a.id, (kept) => kept && { ...kept, lease: now + 1000 });
      const box = outbox();
      await box.flush(true);
      expect((await server.read()).attempts).to.equal(0);
      now += 1001;
      await box.flush(true);
      expect((await server.read()).received.map((r) => r.id)).to.deep.equal([a.id]);
    });

    it('after a reload mid-retry, the next page drains the entry with the same id', async () => {
      const server = endpoint('503', 1);
      const first = outbox({ base: 60_000 });
      const a = annotation();
      // (Not started: its own drain at start could claim the entry first, which is right for a
      // page, and made this test race.)
      expect((await first.add(server.url, a)).outcome).to.equal('queued');
      first.stop(); // the page goes away while waiting out the backoff

      const delivered: Delivery[] = [];
      const reloaded = outbox({ onDelivery: (_, r) => delivered.push(r) });
      expect((await reloaded.entries()).map((e) => e.annotation.id)).to.deep.equal([a.id]);
      reloaded.start(); // drains what earlier pages left, when idle
      try {
        await waitUntil(() => delivered.length === 1, 'not drained at start', { timeout: 5000 });
      } finally {
        reloaded.stop();
      }
      expect((await server.read()).received.map((r) => r.id)).to.deep.equal([a.id]);
    });
  });
});
