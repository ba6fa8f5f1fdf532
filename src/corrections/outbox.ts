/**
 * How a correction is delivered and kept until it arrives. Each one is stored (outbox-store.ts)
 * BEFORE the first attempt and leaves the store only after a 2xx (sent) or a 4xx other than 408
 * and 429 (refused). Anything else (network error, timeout, 5xx, 408, 429) keeps it for a retry:
 * exponential backoff with full jitter, at once when the browser comes back online, on the next
 * page view of any page with Folio (in idle time), and in a `keepalive` flush when the page is
 * hidden. Entries live for 7 days and keep their id, which the receiver uses to ignore repeats.
 *
 * One attempt at a time per entry, across every page of the origin: an attempt first claims its
 * entry in one store transaction (a lease until its timeout has passed), and a page (or a second
 * flush) that finds the entry leased or gone leaves it. The outcome is stored in one transaction
 * too, before anything else happens: once a 2xx is recorded, no page sends that id again. A page
 * that closes mid-attempt leaves a lease that runs out, and the entry is retried.
 *
 * Tests swap `fetch`, `Date.now` and `Math.random` on the window; only the timings are options.
 */
import type { WebAnnotation } from './annotation.js';
import { idleTask } from '../internal/tasks.js';
import { memoryStore, openStore, type OutboxStore } from './outbox-store.js';

export interface OutboxEntry {
  endpoint: string;
  /** What is sent; its id is the entry's key in the store. */
  annotation: WebAnnotation;
  /** When it was made (ms since the epoch); it expires 7 days later. */
  created: number;
  /** Failed attempts so far. */
  attempts: number;
  /** Not to be retried before this time (ms), except on `online`, a new page view or hiding. */
  next: number;
  /** Until when (ms) an attempt has it: no other page or flush sends it before then. */
  lease: number;
}

export type Delivery =
  | { outcome: 'sent'; status: number }
  | { outcome: 'refused'; status: number; message: string }
  | { outcome: 'queued'; reason: string };

export interface OutboxOptions {
  /** Per-attempt timeout, ms (default 10 s). */
  timeout?: number;
  /** Backoff base and cap, ms (default 2 s and 5 min). */
  base?: number;
  cap?: number;
  /** Called with the outcome of every attempt (the first one too: it is also what `add` resolves with). */
  onDelivery?: (entry: OutboxEntry, result: Delivery) => void;
}

export interface Outbox {
  /** Keeps a correction and makes the first attempt; resolves with what happened. */
  add(endpoint: string, annotation: WebAnnotation): Promise<Delivery>;
  /**
   * Sends the entries that are due. `force` also sends those waiting out a backoff (online, a
   * new page view, the page being hidden); `keepalive` lets the requests outlive the page.
   */
  flush(force?: boolean, keepalive?: boolean): Promise<void>;
  /** Every entry still kept (expired ones are dropped on the way). */
  entries(): Promise<OutboxEntry[]>;
  /**
   * Retries on `online` and when the page is hidden, and, in idle time, drains what earlier pages
   * left.
   */
  start(): void;
  /** Stops listening and retrying (the entries stay kept for the next page). */
  stop(): void;
}

/** Entries live for 7 days. */
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/** How long past an attempt's timeout its lease lasts: the time to store its outcome. */
const LEASE_GRACE_MS = 5000;
const HTTP_SERVER_ERROR = 500;
const HTTP_REQUEST_TIMEOUT = 408;
const HTTP_TOO_MANY_REQUESTS = 429;

/** A 4xx that retrying cannot mend: anything but 408 (timeout) and 429 (too many requests). */
const isRefusal = (status: number) =>
  status < HTTP_SERVER_ERROR && status !== HTTP_REQUEST_TIMEOUT && status !== HTTP_TOO_MANY_REQUESTS;

/**
 * POSTs an entry's annotation and says what came of it. A refusal's message is the server's
 * reason: the `error` of its JSON body (as the reference receiver answers), else the status.
 */
async function post({ endpoint, annotation }: OutboxEntry, timeout: number, keepalive?: boolean): Promise<Delivery> {
  const signal = AbortSignal.timeout(timeout);
  try {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(annotation),
      keepalive,
      signal,
    });
    const { status } = res;
    if (res.ok) return { outcome: 'sent', status };
    if (!isRefusal(status)) return { outcome: 'queued', reason: `HTTP ${status}` };
    const reason = (await res.json().catch(() => undefined))?.error;
    return { outcome: 'refused', status, message: reason || `HTTP ${status}` };
  } catch {
    return { outcome: 'queued', reason: signal.aborted ? 'timeout' : 'network' };
  }
}

export function createOutbox({ timeout = 10_000, base = 2000, cap = 300_000, onDelivery }: OutboxOptions = {}): Outbox {
  let store: Promise<OutboxStore> | undefined;
  let stopped = true;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Memory for the rest of the page, with one console warning naming the storage error. */
  const fallBack = (error: unknown) => {
    console.warn('folio: corrections are kept in memory only:', error);
    return (store = Promise.resolve(memoryStore()));
  };

  /** The store, opened at first use (never at page load). */
  const storage = () => (store ??= openStore().catch(fallBack));

  /** One change to one entry in the store; a store that fails is replaced by memory, and the change made there. */
  async function update(id: string, change: Parameters<OutboxStore['update']>[1]): Promise<void> {
    const current = await storage();
    try {
      await current.update(id, change);
    } catch (error) {
      await (await fallBack(error)).update(id, change);
    }
  }

  async function entries(): Promise<OutboxEntry[]> {
    const all = await (await storage()).list().catch(() => []);
    const expired = (entry: OutboxEntry) => entry.created + MAX_AGE_MS <= Date.now();
    for (const entry of all.filter(expired)) await update(entry.annotation.id, () => undefined);
    return all.filter((entry) => !expired(entry));
  }

  /** Sends a claimed entry and stores the outcome: kept for a retry (queued), or gone. */
  async function send(entry: OutboxEntry, keepalive?: boolean): Promise<Delivery> {
    const result = await post(entry, timeout, keepalive);
    const retry = (kept: OutboxEntry): OutboxEntry => ({
      ...kept,
      attempts: kept.attempts + 1,
      next: Date.now() + Math.random() * Math.min(cap, base * 2 ** kept.attempts),
      lease: 0,
    });
    await update(entry.annotation.id, (kept) => (kept && result.outcome === 'queued' ? retry(kept) : undefined));
    onDelivery?.(entry, result);
    return result;
  }

  /** Claims the entry kept under `id` and sends it; nothing when it is gone or another attempt has it. */
  async function attempt(id: string, keepalive?: boolean): Promise<void> {
    const now = Date.now();
    let claimed: OutboxEntry | undefined;
    await update(id, (kept) => {
      if (!kept || kept.lease > now) return kept;
      return (claimed = { ...kept, lease: now + timeout + LEASE_GRACE_MS });
    });
    if (claimed) await send(claimed, keepalive);
  }

  /**
   * One timer for the earliest retry: never sooner than `base`, so a busy entry cannot spin;
   * never later than `cap`.
   */
  async function schedule(): Promise<void> {
    const next = Math.min(...(await entries()).map((e) => e.next));
    clearTimeout(timer);
    if (!stopped && next < Infinity) timer = setTimeout(flush, Math.min(cap, Math.max(base, next - Date.now())));
  }

  async function flush(force?: boolean, keepalive?: boolean): Promise<void> {
    for (const entry of await entries()) {
      if (force || entry.next <= Date.now()) await attempt(entry.annotation.id, keepalive);
    }
    await schedule();
  }

  /** Back online: send now. Page hidden (perhaps for good): send now, in requests that outlive it. */
  const wake = ({ type }: Event) => (type === 'online' || document.hidden) && flush(true, document.hidden);

  const listen = (on: boolean) => {
    stopped = !on;
    clearTimeout(timer);
    for (const type of ['online', 'visibilitychange']) (on ? addEventListener : removeEventListener)(type, wake);
  };

  return {
    async add(endpoint, annotation) {
      const now = Date.now();
      // Stored already claimed by this attempt: no other page or flush sends it meanwhile.
      const entry = {
        endpoint,
        annotation,
        created: now,
        attempts: 0,
        next: now,
        lease: now + timeout + LEASE_GRACE_MS,
      };
      await update(annotation.id, () => entry);
      const result = await send(entry);
      void schedule();
      return result;
    },
    flush,
    entries,
    start() {
      listen(true);
      void idleTask().then(() => {
        if (!stopped) void flush(true);
      });
    },
    stop: () => listen(false),
  };
}
