import { expect, waitUntil } from '@open-wc/testing';
import { buildAnnotation, type WebAnnotation } from '../../src/corrections/annotation.js';
import {
  createOutbox,
  PREFIX,
  type Delivery,
  type Outbox,
  type OutboxEntry,
  type OutboxOptions,
} from '../../src/corrections/outbox.js';
import { endpoint } from './helpers.js';

// Each test page has a browser context of its own (web-test-runner.config.mjs), so no other test
// file's outbox shares this localStorage; each test leaves none of its entries behind.
const keys = () => Object.keys(localStorage).filter((k) => k.startsWith(PREFIX));

/** What a test swapped on the window (fetch, Date.now, Math.random, navigator.locks…), put back after it. */
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

/** An entry another page left behind, due now: its first attempt failed offline, with no backoff. */
async function leftBehind(url: string): Promise<WebAnnotation> {
  useFetch(scripted(new TypeError('offline')).fetch);
  jitter(() => 0);
  const a = annotation();
  await outbox().add(url, a);
  undo();
  return a;
}
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
    let stored: string[] = [];
    try {
      stored = keys();
    } catch {
      /* storage blocked (see the test that blocks it) */
    }
    calls.push({ url, init, stored });
    const answer = answers.length > 1 ? answers.shift()! : answers[0];
    if (answer instanceof Error) throw answer;
    if (typeof answer === 'function') return answer();
    return new Response(answer === 400 ? '{"error":"No such words in the article."}' : '', { status: answer });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

function outbox(options: OutboxOptions = {}): Outbox {
  return createOutbox({ base: 20, cap: 200, timeout: 500, ...options });
}

describe('corrections: outbox', () => {
  afterEach(() => {
    undo();
    keys().forEach((k) => localStorage.removeItem(k));
  });

  describe('delivery', () => {
    it('writes the correction to storage before the first attempt, and removes it once it arrives', async () => {
      const { fetch, calls } = scripted(201);
      useFetch(fetch);
      const box = outbox();
      const a = annotation();
      const result = await box.add('https://receiver.example/api/corrections', a);
      expect(result).to.deep.equal({ outcome: 'sent', status: 201 });
      expect(calls[0].stored).to.deep.equal([PREFIX + a.id]);
      expect(calls[0].init.method).to.equal('POST');
      expect(new Headers(calls[0].init.headers).get('content-type')).to.equal('application/json');
      expect(JSON.parse(calls[0].init.body as string)).to.deep.equal(a);
      expect(keys()).to.deep.equal([]);
    });

    it('keeps a correction it could not send when offline, and sends the same one later', async () => {
      const { fetch, calls } = scripted(new TypeError('Failed to fetch'), 201);
      useFetch(fetch);
      const box = outbox();
      const a = annotation();
      expect(await box.add('/x', a)).to.deep.equal({ outcome: 'queued', reason: 'network' });
      const [entry] = box.entries();
      expect(entry.annotation.id).to.equal(a.id);
      expect(entry.attempts).to.equal(1);
      await box.flush(true);
      expect(calls).to.have.length(2);
      expect(JSON.parse(calls[1].init.body as string).id).to.equal(a.id);
      expect(box.entries()).to.deep.equal([]);
    });

    it('keeps on 5xx, 408 and 429 and gives up only on other 4xx, with the server’s reason', async () => {
      for (const status of [500, 503, 408, 429]) {
        useFetch(scripted(status).fetch);
        const box = outbox();
        expect(await box.add('/x', annotation())).to.deep.equal({ outcome: 'queued', reason: `HTTP ${status}` });
      }
      useFetch(scripted(400).fetch);
      const box = outbox();
      const before = box.entries().length;
      expect(await box.add('/x', annotation())).to.deep.equal({
        outcome: 'refused',
        status: 400,
        message: 'No such words in the article.',
      });
      expect(box.entries()).to.have.length(before);
    });

    it('backs off exponentially with full jitter up to the cap', async () => {
      let now = 1_000_000;
      let random = 1;
      useFetch(scripted(503).fetch);
      clock(() => now);
      jitter(() => random);
      const box = outbox({ base: 100, cap: 1000 });
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
      expect(box.entries()).to.deep.equal([]);
      await box.flush(true);
      expect(calls).to.have.length(1);
      expect(keys()).to.deep.equal([]);
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
  });

  describe('storage', () => {
    it('falls back to memory with one warning when storage is full', async () => {
      const { setItem } = Storage.prototype;
      const warn = console.warn;
      const warnings: unknown[][] = [];
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        const { fetch, calls } = scripted(new TypeError('offline'), 201, 201);
        useFetch(fetch);
        const box = outbox();
        const a = annotation();
        expect(await box.add('/x', a)).to.deep.equal({ outcome: 'queued', reason: 'network' });
        // Kept in memory, retried and delivered with the same id.
        expect(box.entries().map((e) => e.annotation.id)).to.deep.equal([a.id]);
        await box.flush(true);
        expect(JSON.parse(calls[1].init.body as string).id).to.equal(a.id);
        expect(await box.add('/x', annotation())).to.deep.equal({ outcome: 'sent', status: 201 });
        expect(warnings).to.have.length(1);
        expect(String(warnings[0][0])).to.match(/^folio: corrections are kept in memory only/);
        expect(warnings[0][1]).to.be.instanceOf(DOMException); // the storage error, for the developer
      } finally {
        Storage.prototype.setItem = setItem;
        console.warn = warn;
      }
    });

    it('works in memory when storage cannot even be read (blocked, private mode)', async () => {
      const warn = console.warn;
      console.warn = () => undefined;
      try {
        useFetch(scripted(503, 201).fetch);
        // What a browser that blocks storage does: the localStorage getter throws.
        swap(window, 'localStorage', {
          get() {
            throw new DOMException('denied', 'SecurityError');
          },
        });
        const box = outbox();
        expect(await box.add('/x', annotation())).to.deep.equal({ outcome: 'queued', reason: 'HTTP 503' });
        expect(box.entries()).to.have.length(1);
        await box.flush(true);
        expect(box.entries()).to.have.length(0);
      } finally {
        console.warn = warn;
        undo();
      }
    });

    it('ignores and removes a corrupt entry', async () => {
      localStorage.setItem(`${PREFIX}urn:uuid:broken`, '{not json');
      const { fetch, calls } = scripted(201);
      useFetch(fetch);
      const box = outbox();
      expect(box.entries()).to.deep.equal([]);
      await box.flush(true);
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
      expect(delivered[2][1]).to.deep.equal({ outcome: 'sent', status: 201 });
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
      await box.flush(true);
      const { received } = await server.read();
      expect(received.map((r) => r.id)).to.deep.equal([a.id]);
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

    it('shows the server’s reason for a refusal (its JSON error), else the status', async () => {
      const json = endpoint('400', undefined, '&message=' + encodeURIComponent('Quote not found in the article'));
      const text = endpoint('400text', undefined, '&message=Too+many+links');
      const box = outbox();
      expect(await box.add(json.url, annotation())).to.deep.equal({
        outcome: 'refused',
        status: 400,
        message: 'Quote not found in the article',
      });
      expect(await box.add(text.url, annotation())).to.deep.equal({
        outcome: 'refused',
        status: 400,
        message: 'HTTP 400',
      });
      expect(keys()).to.deep.equal([]);
    });

    it('treats 429 as try-later, not as a refusal', async () => {
      const server = endpoint('429', 1);
      const box = outbox();
      expect(await box.add(server.url, annotation())).to.deep.equal({ outcome: 'queued', reason: 'HTTP 429' });
      await box.flush(true);
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
      const a = await leftBehind(server.url);
      // Two outboxes on one origin share its Web Locks as two tabs do.
      const [one, two] = [outbox(), outbox()];
      await Promise.all([one.flush(true), two.flush(true), one.flush(), two.flush()]);
      const { attempts, received } = await server.read();
      expect(attempts).to.equal(1);
      expect(received.map((r) => r.id)).to.deep.equal([a.id]);
      expect(keys()).to.deep.equal([]);
    });

    it('leaves an entry to the tab holding its lock, and sends it once that tab is gone', async () => {
      const server = endpoint('ok');
      const a = await leftBehind(server.url);
      // Another tab is sending this entry right now: it holds the entry's lock.
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const other = navigator.locks.request(PREFIX + a.id, () => held);
      const box = outbox();
      await box.flush(true);
      expect((await server.read()).attempts).to.equal(0);
      release();
      await other;
      await box.flush(true);
      expect((await server.read()).received.map((r) => r.id)).to.deep.equal([a.id]);
    });

    it('without Web Locks (plain http), an entry two tabs both send is stored once by its id', async () => {
      const server = endpoint('ok');
      const a = await leftBehind(server.url);
      swap(navigator, 'locks', { value: undefined });
      // Two tabs (two outboxes over the same storage) and a second flush in one of them, at once.
      const [tabA, tabB] = [outbox(), outbox()];
      await Promise.all([tabA.flush(true), tabB.flush(true), tabA.flush()]);
      const { attempts, received } = await server.read();
      expect(attempts).to.be.at.least(1);
      // Each copy carries the same id, so the receiver keeps one (test/node checks the reference receiver's 200 for a known id).
      expect(received.map((r) => r.id)).to.deep.equal([a.id]);
      expect(keys()).to.deep.equal([]);
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
      const reloaded = createOutbox({ onDelivery: (_, r) => delivered.push(r) });
      expect(next.entries().map((e) => e.annotation.id)).to.deep.equal([a.id]);
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
