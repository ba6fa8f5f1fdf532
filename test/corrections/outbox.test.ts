import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { buildAnnotation, type WebAnnotation } from '../../src/corrections/annotation.js';
import { createOutbox, type Delivery, type Outbox, type OutboxEntry, type OutboxOptions } from '../../src/corrections/outbox.js';
import type { FolioErrorEvent } from '../../src/events.js';
import { endpoint } from './helpers.js';

// Each test keeps its entries under its own prefix: test files run side by side in one origin,
// and another file's outbox must never drain this one's entries.
let prefix = '';
const keys = () => Object.keys(localStorage).filter((k) => k.startsWith(prefix));
const annotation = (): WebAnnotation =>
  buildAnnotation({
    source: 'https://news.example/story',
    quote: { exact: 'six', prefix: 'at ', suffix: ' on', start: 3, end: 6 },
    suggestion: 'seven',
    comment: '',
    language: 'en',
  });

/** A fetch that answers from a script, recording what it was asked. */
function scripted(...answers: Array<number | Error | (() => Promise<Response>)>) {
  const calls: Array<{ url: string; init: RequestInit; stored: string[] }> = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init, stored: keys() });
    const answer = answers.length > 1 ? answers.shift()! : answers[0];
    if (answer instanceof Error) throw answer;
    if (typeof answer === 'function') return answer();
    return new Response(answer === 400 ? '{"error":"No such words in the article."}' : '', { status: answer });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

function outbox(options: OutboxOptions = {}): Outbox {
  return createOutbox({ prefix, base: 20, cap: 200, timeout: 500, ...options });
}

describe('corrections: outbox', () => {
  beforeEach(() => {
    prefix = `test-outbox-${Math.random().toString(36).slice(2)}:`;
  });
  afterEach(() => keys().forEach((k) => localStorage.removeItem(k)));

  describe('delivery', () => {
    it('writes the correction to storage before the first attempt, and removes it once it arrives', async () => {
      const { fetch, calls } = scripted(201);
      const box = outbox({ fetch });
      const a = annotation();
      const result = await box.add('https://receiver.example/api/corrections', a);
      expect(result).to.deep.equal({ outcome: 'sent', status: 201 });
      expect(calls[0].stored).to.deep.equal([prefix + a.id]);
      expect(calls[0].init.method).to.equal('POST');
      expect(new Headers(calls[0].init.headers).get('content-type')).to.equal('application/json');
      expect(JSON.parse(calls[0].init.body as string)).to.deep.equal(a);
      expect(keys()).to.deep.equal([]);
    });

    it('keeps a correction it could not send when offline, and sends the same one later', async () => {
      const { fetch, calls } = scripted(new TypeError('Failed to fetch'), 201);
      const box = outbox({ fetch });
      const a = annotation();
      expect(await box.add('/x', a)).to.deep.equal({ outcome: 'queued', reason: 'network' });
      const [entry] = box.entries();
      expect(entry.id).to.equal(a.id);
      expect(entry.attempts).to.equal(1);
      await box.flush({ force: true });
      expect(calls).to.have.length(2);
      expect(JSON.parse(calls[1].init.body as string).id).to.equal(a.id);
      expect(box.entries()).to.deep.equal([]);
    });

    it('keeps on 5xx, 408 and 429 and gives up only on other 4xx, with the server’s reason', async () => {
      for (const status of [500, 503, 408, 429]) {
        const box = outbox({ fetch: scripted(status).fetch });
        expect(await box.add('/x', annotation())).to.deep.equal({ outcome: 'queued', reason: `HTTP ${status}` });
      }
      const box = outbox({ fetch: scripted(400).fetch });
      const before = box.entries().length;
      expect(await box.add('/x', annotation())).to.deep.equal({ outcome: 'refused', status: 400, message: 'No such words in the article.' });
      expect(box.entries()).to.have.length(before);
    });

    it('backs off exponentially with full jitter up to the cap, and honours Retry-After', async () => {
      let now = 1_000_000;
      let random = 1;
      const { fetch } = scripted(503);
      const box = outbox({ fetch, now: () => now, random: () => random, base: 100, cap: 1000 });
      await box.add('/x', annotation());
      const waits = [box.entries()[0].next - now];
      for (let i = 0; i < 5; i++) {
        now = box.entries()[0].next;
        await box.flush();
        waits.push(box.entries()[0].next - now);
      }
      expect(waits).to.deep.equal([100, 200, 400, 800, 1000, 1000]);
      random = 0.25;
      now = box.entries()[0].next;
      await box.flush();
      expect(box.entries()[0].next - now).to.equal(250);

      const later = outbox({
        now: () => now,
        fetch: scripted(async () => new Response('', { status: 503, headers: { 'Retry-After': '120' } })).fetch,
      });
      await later.add('/y', annotation());
      const entry = later.entries().find((e) => e.endpoint === '/y')!;
      expect(entry.next - now).to.be.at.least(120_000);
    });

    it('retries only what is due, unless forced (online, a new page view, the page hidden)', async () => {
      let now = 0;
      const { fetch, calls } = scripted(new TypeError('offline'));
      const box = outbox({ fetch, now: () => now, random: () => 1, base: 1000 });
      await box.add('/x', annotation());
      await box.flush();
      expect(calls).to.have.length(1);
      await box.flush({ force: true });
      expect(calls).to.have.length(2);
      now += 2001;
      await box.flush();
      expect(calls).to.have.length(3);
    });

    it('drops entries older than seven days', async () => {
      let now = Date.parse('2026-11-01T00:00:00Z');
      const { fetch, calls } = scripted(new TypeError('offline'));
      const box = outbox({ fetch, now: () => now });
      await box.add('/x', annotation());
      now += 7 * 24 * 3600_000 + 1;
      expect(box.entries()).to.deep.equal([]);
      await box.flush({ force: true });
      expect(calls).to.have.length(1);
      expect(keys()).to.deep.equal([]);
    });

    it('sends with keepalive when the page is hidden, so the request outlives the tab', async () => {
      const { fetch, calls } = scripted(new TypeError('offline'));
      const box = outbox({ fetch });
      await box.add('/x', annotation());
      box.start();
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      try {
        document.dispatchEvent(new Event('visibilitychange', { bubbles: true })); // as browsers fire it
        await waitUntil(() => calls.some((c) => c.init.keepalive === true), 'no keepalive flush');
        expect(calls[0].init.keepalive).to.equal(false);
      } finally {
        delete (document as { visibilityState?: string }).visibilityState;
        box.stop();
      }
    });
  });

  describe('storage', () => {
    it('falls back to memory with one warning and a folio-error when storage is full', async () => {
      const { setItem } = Storage.prototype;
      const warn = console.warn;
      const warnings: unknown[][] = [];
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        const { fetch, calls } = scripted(new TypeError('offline'), 201, 201);
        const box = outbox({ fetch });
        const errored = oneEvent(document, 'folio-error') as Promise<FolioErrorEvent>;
        const a = annotation();
        expect(await box.add('/x', a)).to.deep.equal({ outcome: 'queued', reason: 'network' });
        const { detail } = await errored;
        expect(detail.code).to.equal('corrections-storage');
        expect(detail.fatal).to.equal(false);
        // Kept in memory, retried and delivered with the same id.
        expect(box.entries().map((e) => e.id)).to.deep.equal([a.id]);
        await box.flush({ force: true });
        expect(JSON.parse(calls[1].init.body as string).id).to.equal(a.id);
        expect(await box.add('/x', annotation())).to.deep.equal({ outcome: 'sent', status: 201 });
        expect(warnings).to.have.length(1);
        expect(String(warnings[0][0])).to.match(/^folio: corrections are kept in memory only/);
      } finally {
        Storage.prototype.setItem = setItem;
        console.warn = warn;
      }
    });

    it('works in memory when storage cannot even be read (blocked, private mode)', async () => {
      const blocked = new Proxy({} as Storage, {
        get() {
          throw new DOMException('denied', 'SecurityError');
        },
      });
      const warn = console.warn;
      console.warn = () => undefined;
      try {
        const { fetch } = scripted(503, 201);
        const box = outbox({ fetch, storage: blocked });
        await box.add('/x', annotation());
        expect(box.entries()).to.have.length(1);
        await box.flush({ force: true });
        expect(box.entries()).to.have.length(0);
      } finally {
        console.warn = warn;
      }
    });

    it('ignores and removes a corrupt entry', async () => {
      localStorage.setItem(`${prefix}urn:uuid:broken`, '{not json');
      const { fetch, calls } = scripted(201);
      const box = outbox({ fetch });
      expect(box.entries()).to.deep.equal([]);
      await box.flush({ force: true });
      expect(calls).to.have.length(0);
      expect(keys()).to.deep.equal([]);
    });
  });

  describe('against the test server (real fetch)', () => {
    it('keeps a correction through 503s and delivers it exactly once when the endpoint recovers', async () => {
      const server = endpoint('503', 2);
      const delivered: Array<[OutboxEntry, Delivery]> = [];
      const box = outbox({ onDelivery: (e, r) => delivered.push([e, r]) });
      const a = annotation();
      expect(await box.add(server.url, a)).to.deep.equal({ outcome: 'queued', reason: 'HTTP 503' });
      box.start();
      try {
        await waitUntil(() => delivered.length === 1, 'never delivered', { timeout: 5000 });
      } finally {
        box.stop();
      }
      expect(delivered[0][1]).to.deep.equal({ outcome: 'sent', status: 201 });
      const { attempts, received } = await server.read();
      expect(attempts).to.equal(3);
      expect(received).to.have.length(1);
      expect(received[0]).to.deep.equal(a);
      expect(keys()).to.deep.equal([]);
    });

    it('keeps a correction when the connection is dropped, then delivers it', async () => {
      const server = endpoint('drop');
      const box = outbox();
      const a = annotation();
      expect(await box.add(server.url, a)).to.deep.equal({ outcome: 'queued', reason: 'network' });
      await server.set('ok');
      await box.flush({ force: true });
      const { received } = await server.read();
      expect(received.map((r) => r.id)).to.deep.equal([a.id]);
    });

    it('gives up on an endpoint that hangs after the timeout and keeps the correction', async () => {
      const server = endpoint('hang', 1);
      const box = outbox({ timeout: 300 });
      const started = performance.now();
      expect(await box.add(server.url, annotation())).to.deep.equal({ outcome: 'queued', reason: 'timeout' });
      expect(performance.now() - started).to.be.lessThan(3000);
      await box.flush({ force: true });
      expect((await server.read()).received).to.have.length(1);
    });

    it('shows the server’s reason for a refusal, from JSON or from text', async () => {
      const json = endpoint('400', undefined, '&message=' + encodeURIComponent('Quote not found in the article'));
      const text = endpoint('400text', undefined, '&message=Too+many+links');
      const box = outbox();
      expect(await box.add(json.url, annotation())).to.deep.equal({ outcome: 'refused', status: 400, message: 'Quote not found in the article' });
      expect(await box.add(text.url, annotation())).to.deep.equal({ outcome: 'refused', status: 400, message: 'Too many links' });
      expect(keys()).to.deep.equal([]);
    });

    it('treats 429 as try-later, not as a refusal', async () => {
      const server = endpoint('429', 1);
      const box = outbox();
      expect(await box.add(server.url, annotation())).to.deep.equal({ outcome: 'queued', reason: 'HTTP 429' });
      await box.flush({ force: true });
      expect((await server.read()).received).to.have.length(1);
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

    it('lets only one of two tabs send an entry (Web Locks)', async () => {
      const server = endpoint('ok');
      // The entry a third page left behind, due now.
      const earlier = outbox({ fetch: scripted(new TypeError('offline')).fetch, random: () => 0 });
      const a = annotation();
      await earlier.add(server.url, a);
      // Two outboxes on one origin share its Web Locks as two tabs do.
      const [one, two] = [outbox(), outbox()];
      await Promise.all([one.flush({ force: true }), two.flush({ force: true }), one.flush(), two.flush()]);
      const { attempts, received } = await server.read();
      expect(attempts).to.equal(1);
      expect(received.map((r) => r.id)).to.deep.equal([a.id]);
      expect(keys()).to.deep.equal([]);
    });

    it('leaves an entry to the tab holding its lock, and sends it once that tab is gone', async () => {
      const server = endpoint('ok');
      const earlier = outbox({ fetch: scripted(new TypeError('offline')).fetch, random: () => 0 });
      const a = annotation();
      await earlier.add(server.url, a);
      // Another tab is sending this entry right now: it holds the entry's lock.
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const other = navigator.locks.request(`folio-outbox:${a.id}`, () => held);
      const box = outbox();
      await box.flush({ force: true });
      expect((await server.read()).attempts).to.equal(0);
      release();
      await other;
      await box.flush({ force: true });
      expect((await server.read()).received.map((r) => r.id)).to.deep.equal([a.id]);
    });

    it('without Web Locks (plain http), two tabs sharing storage send an entry once', async () => {
      const server = endpoint('ok');
      const earlier = outbox({ fetch: scripted(new TypeError('offline')).fetch, random: () => 0 });
      const a = annotation();
      await earlier.add(server.url, a);
      // Two tabs: two outboxes over the same storage, each without locks, flushing at once.
      const tabA = outbox({ locks: null });
      const tabB = outbox({ locks: null });
      await Promise.all([tabA.flush({ force: true }), tabB.flush({ force: true })]);
      const { attempts, received } = await server.read();
      expect(attempts).to.equal(1);
      expect(received.map((r) => r.id)).to.deep.equal([a.id]);
    });

    it('without Web Locks (plain http), never sends one entry twice at once from one page', async () => {
      const server = endpoint('ok');
      const earlier = outbox({ fetch: scripted(new TypeError('offline')).fetch, random: () => 0 });
      const a = annotation();
      await earlier.add(server.url, a);
      const box = outbox({ locks: null });
      await Promise.all([box.flush({ force: true }), box.flush({ force: true }), box.flush()]);
      const { attempts, received } = await server.read();
      expect(attempts).to.equal(1);
      expect(received.map((r) => r.id)).to.deep.equal([a.id]);
    });

    it('after a reload mid-retry, the next page’s outbox drains the entry with the same id', async () => {
      const server = endpoint('503', 1);
      const first = outbox({ base: 60_000 });
      const a = annotation();
      first.start();
      expect((await first.add(server.url, a)).outcome).to.equal('queued');
      first.stop(); // the page goes away while waiting out the backoff

      const next = outbox({ base: 60_000 });
      const delivered: Delivery[] = [];
      const reloaded = createOutbox({ prefix, onDelivery: (_, r) => delivered.push(r) });
      expect(next.entries().map((e) => e.id)).to.deep.equal([a.id]);
      reloaded.start(); // drains what earlier pages left, when idle
      try {
        await waitUntil(() => delivered.length === 1, 'not drained at start', { timeout: 5000 });
      } finally {
        reloaded.stop();
      }
      const { received } = await server.read();
      expect(received.map((r) => r.id)).to.deep.equal([a.id]);
    });
  });
});
