/**
 * How a correction is kept until it arrives. Each one is written to storage BEFORE the first
 * attempt and leaves it only after a 2xx (sent) or a 4xx other than 408 and 429 (refused).
 * Anything else (network error, timeout, 5xx, 408, 429) keeps it for a retry: exponential
 * backoff with full jitter, at once when the browser comes back online, on the next page view
 * of any page with Folio, and in a `keepalive` flush when the page is hidden. Entries live for
 * 7 days and keep their id, which the receiver uses to ignore repeats.
 *
 * Storage: one localStorage key per entry, `folio:outbox:<annotation id>`, so tabs never
 * overwrite each other's entries. Two tabs never send the same entry at once: each attempt
 * holds a Web Lock for its entry (named by its key, ifAvailable), and a tab (or a second
 * flush in the same tab) that cannot have it leaves the entry to the one that does. Web Locks
 * are in every engine Folio supports, in secure contexts; on a plain-http page, or where the
 * lock is refused (opaque origins), an entry may be sent twice, and the receiver stores it once
 * by its id. When storage cannot be used (blocked, private mode, quota) entries live in memory
 * for this page, with one console warning (which names the storage error).
 *
 * Tests swap `fetch`, `Date.now`, `Math.random` and `localStorage` on the window; only the
 * timings are options.
 */
import type { WebAnnotation } from './annotation.js';

export const PREFIX = 'folio:outbox:';

export interface OutboxEntry {
  endpoint: string;
  /** What is sent; its id is the entry's (`folio:outbox:<id>` in storage). */
  annotation: WebAnnotation;
  /** When it was made (ms since the epoch); it expires 7 days later. */
  created: number;
  /** Failed attempts so far. */
  attempts: number;
  /** Not to be retried before this time (ms), except on `online`, a new page view or hiding. */
  next: number;
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
  entries(): OutboxEntry[];
  /** Retries on `online` and when the page is hidden, and drains what earlier pages left (a second after). */
  start(): void;
  stop(): void;
}

/** Entries live for 7 days. */
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/** Another tab leaves a new entry alone this long after its first attempt could have timed out. */
const FIRST_ATTEMPT_GRACE_MS = 5000;
/** What earlier pages left is sent this long after a page starts, off its critical path. */
const DRAIN_DELAY_MS = 1000;
const HTTP_SERVER_ERROR = 500;
const HTTP_REQUEST_TIMEOUT = 408;
const HTTP_TOO_MANY_REQUESTS = 429;
/** Storage threw (see `io`). */
const FAILED = Symbol('failed');

/** A 4xx that retrying cannot mend: anything but 408 (timeout) and 429 (too many requests). */
const isRefusal = (status: number) =>
  status < HTTP_SERVER_ERROR && status !== HTTP_REQUEST_TIMEOUT && status !== HTTP_TOO_MANY_REQUESTS;

/** An entry's storage key, which is also the name of its Web Lock. */
const keyOf = (entry: OutboxEntry) => PREFIX + entry.annotation.id;

export function createOutbox({ timeout = 10_000, base = 2000, cap = 300_000, onDelivery }: OutboxOptions = {}): Outbox {
  /** Entries that could not be written to storage, by key. */
  const memory: Record<string, string> = {};
  let failure: unknown;
  let warned = false;
  let stopped = true;
  let timer: ReturnType<typeof setTimeout> | undefined;

  // ---- storage: every access wrapped; an entry that cannot be written lives in memory ----

  /**
   * Runs `fn` on localStorage (first touched here, not at load); undefined when it throws
   * (blocked, private mode, quota).
   */
  const io = <T>(fn: (s: Storage) => T): T | typeof FAILED => {
    try {
      return fn(localStorage);
    } catch (error) {
      failure = error;
      return FAILED;
    }
  };

  const remove = (key: string) => {
    delete memory[key];
    io((s) => s.removeItem(key));
  };

  /** The entry kept under `key`, unless it is missing, corrupt or expired (then removed). */
  function read(key: string): OutboxEntry | undefined {
    try {
      const raw = memory[key] ?? io((storage) => storage.getItem(key));
      const entry = typeof raw === 'string' && JSON.parse(raw);
      if (entry.created + MAX_AGE_MS > Date.now()) return entry;
    } catch {
      /* missing (null has no `created`) or corrupt: removed below */
    }
    remove(key);
    return undefined;
  }

  function write(entry: OutboxEntry): void {
    const key = keyOf(entry);
    const value = JSON.stringify(entry);
    // Once in memory, an entry stays there: a later write to storage would leave two copies.
    const stored = !(key in memory) && io((storage) => storage.setItem(key, value)) !== FAILED;
    if (stored) return;
    memory[key] = value;
    if (!warned) console.warn('folio: corrections are kept in memory only:', failure);
    warned = true;
  }

  /** Folio's keys in both stores, without reading anyone else's values (pages keep megabytes there). */
  const entries = (): OutboxEntry[] => {
    const stored = io((storage) => Object.keys(storage));
    const keys = new Set([...(stored === FAILED ? [] : stored), ...Object.keys(memory)]);
    return [...keys].flatMap((key) => (key.startsWith(PREFIX) && read(key)) || []);
  };

  // ---- delivery ----

  /**
   * Sends the entry kept under `key` unless another tab (or flush) holds its lock; undefined
   * when it was busy or already gone. A refusal's message is the server's reason: the `error`
   * of its JSON body (as the reference receiver answers), else the status.
   */
  function attempt(key: string, keepalive?: boolean): Promise<Delivery | null | undefined> {
    const run = async () => {
      const entry = read(key);
      if (!entry) return; // another tab delivered it
      const signal = AbortSignal.timeout(timeout);
      let result: Delivery;
      try {
        const res = await fetch(entry.endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(entry.annotation),
          keepalive,
          signal,
        });
        const { status } = res;
        if (res.ok) result = { outcome: 'sent', status };
        else if (isRefusal(status)) {
          const reason = (await res.json().catch(() => undefined))?.error;
          result = { outcome: 'refused', status, message: reason || `HTTP ${status}` };
        } else result = { outcome: 'queued', reason: `HTTP ${status}` };
      } catch {
        result = { outcome: 'queued', reason: signal.aborted ? 'timeout' : 'network' };
      }
      if (result.outcome === 'queued') {
        write({
          ...entry,
          attempts: entry.attempts + 1,
          next: Date.now() + Math.random() * Math.min(cap, base * 2 ** entry.attempts),
        });
      } else remove(key);
      onDelivery?.(entry, result);
      return result;
    };
    // Without Web Locks (plain http), unlocked; `catch`: a lock refused outright (opaque origins,
    // which have no shared storage either).
    return navigator.locks?.request(key, { ifAvailable: true }, (lock) => lock && run()).catch(run) ?? run();
  }

  /**
   * One timer for the earliest retry: never sooner than `base`, so a busy entry cannot spin;
   * never later than `cap`.
   */
  function schedule(): void {
    clearTimeout(timer);
    const next = stopped ? Infinity : Math.min(...entries().map((e) => e.next));
    if (next < Infinity) timer = setTimeout(flush, Math.min(cap, Math.max(base, next - Date.now())));
  }

  async function flush(force?: boolean, keepalive?: boolean): Promise<void> {
    for (const e of entries()) if (e.next <= Date.now() || (force && e.attempts)) await attempt(keyOf(e), keepalive);
    schedule();
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
      const created = Date.now();
      const entry = { endpoint, annotation, created, attempts: 0, next: created + timeout + FIRST_ATTEMPT_GRACE_MS };
      // Not due before the first attempt could have timed out: other tabs leave it to this one.
      write(entry);
      // A new id: no other tab or flush can hold its lock yet, so the attempt is made.
      const result = (await attempt(keyOf(entry)))!;
      schedule();
      return result;
    },
    flush,
    entries,
    start() {
      listen(true);
      setTimeout(() => stopped || flush(true), DRAIN_DELAY_MS);
    },
    stop: () => listen(false),
  };
}
