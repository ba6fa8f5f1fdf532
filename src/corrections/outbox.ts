/**
 * How a correction is kept until it arrives. Each one is written to storage BEFORE the first
 * attempt and leaves it only after a 2xx (sent) or a 4xx other than 408 and 429 (refused).
 * Anything else (network error, timeout, 5xx, 408, 429) keeps it for a retry: exponential
 * backoff with full jitter (honouring Retry-After), at once when the browser comes back online,
 * on the next page view of any page with Folio, and in a `keepalive` flush when the page is
 * hidden. Entries live for 7 days and keep their id, which the receiver uses to ignore repeats.
 *
 * Storage: one localStorage key per entry, `folio:outbox:<annotation id>`, so tabs never
 * overwrite each other's entries. Two tabs never send the same entry at once: each attempt
 * holds a Web Lock for its entry (`folio-outbox:<id>`, ifAvailable), and a tab that cannot
 * have it leaves the entry to the one that does. Web Locks are in every current engine; a
 * page that has none (plain http hides them) keeps only its own attempts apart, and should a
 * second tab send an entry again, the receiver ignores the repeat by its id. When storage
 * cannot be used (blocked, private mode, quota) entries live in memory for this page, with one
 * warning.
 */
import { FolioErrorEvent } from '../events.js';
import type { WebAnnotation } from './annotation.js';

export const PREFIX = 'folio:outbox:';

export interface OutboxEntry {
  id: string;
  endpoint: string;
  annotation: WebAnnotation;
  /** When it was made (ms since the epoch); it expires `ttl` later. */
  created: number;
  /** Failed attempts so far. */
  attempts: number;
  /** Not to be retried before this time (ms), except on `online`, a new page view or hiding. */
  next: number;
  /** Without Web Locks: the tab sending it, and until when its lease holds. */
  owner?: string;
  until?: number;
}

export type Delivery =
  | { outcome: 'sent'; status: number }
  | { outcome: 'refused'; status: number; message: string }
  | { outcome: 'queued'; reason: string };

export interface OutboxOptions {
  /** Where entries are kept; default localStorage, null for memory only. */
  storage?: Storage | null;
  /** Key prefix of the entries (default `folio:outbox:`). */
  prefix?: string;
  fetch?: typeof fetch;
  /** The clock (ms) and the jitter source, for tests. */
  now?: () => number;
  random?: () => number;
  /** Per-attempt timeout, ms (default 10 s). */
  timeout?: number;
  /** Backoff base and cap, ms (default 2 s and 5 min). */
  base?: number;
  cap?: number;
  /** How long an entry is kept, ms (default 7 days). */
  ttl?: number;
  /** Web Locks; default navigator.locks, null for none. */
  locks?: LockManager | null;
  /** Called when a background retry ends an entry (sent or refused). */
  onDelivery?: (entry: OutboxEntry, result: Delivery) => void;
}

/** The server's reason for a refusal: its JSON `{error}` (or `{error: {message}}`), else its text, else the status. */
async function reasonOf(res: Response): Promise<string> {
  let text = '';
  try {
    text = (await res.text()).trim();
    const { error } = JSON.parse(text);
    const reason = error.message ?? error;
    if (typeof reason == 'string') text = reason;
  } catch {
    /* not JSON, no error in it, or the body failed: the text or the status will do */
  }
  return text.slice(0, 300) || `${res.status} ${res.statusText}`.trim();
}

/** Events that send what is kept at once: back online, or the page hidden or going away. */
const WAKE = ['online', 'visibilitychange', 'pagehide'];

export interface Outbox {
  /** Keeps a correction and makes the first attempt; resolves with what happened. */
  add(endpoint: string, annotation: WebAnnotation): Promise<Delivery>;
  /**
   * Sends the entries that are due. `force` also sends those waiting out a backoff (online, a
   * new page view, the page being hidden); `keepalive` lets the requests outlive the page.
   */
  flush(options?: { force?: boolean; keepalive?: boolean }): Promise<void>;
  /** Every entry still kept, oldest first (expired ones are dropped on the way). */
  entries(): OutboxEntry[];
  /** Retries on `online` and when the page is hidden, and drains what earlier pages left (when idle). */
  start(): void;
  stop(): void;
}

export function createOutbox(options: OutboxOptions = {}): Outbox {
  const {
    prefix = PREFIX,
    fetch: post = fetch,
    now = Date.now,
    random = Math.random,
    timeout = 10_000,
    base = 2_000,
    cap = 300_000,
    ttl = 7 * 24 * 3600_000,
    onDelivery,
  } = options;
  const locks = 'locks' in options ? options.locks : navigator.locks;
  /** Entries that could not be written to storage. */
  const memory = new Map<string, string>();
  /** Ids being sent from this page, and this page's name in leases (the guards where there are no Web Locks). */
  const busy = new Set<string>();
  const me = Math.random().toString(36).slice(2);
  let failure: unknown;
  let warned = false;
  let stopped = true;
  let timer: ReturnType<typeof setTimeout> | undefined;

  // ---- storage: every access wrapped; an entry that cannot be written lives in memory ----

  /** Runs `fn` on the storage; undefined when there is none or it throws (blocked, private mode, quota). */
  function io<T>(fn: (s: Storage) => T): T | undefined {
    try {
      // localStorage is first touched here, when a correction is kept or the outbox drains, not at load.
      const storage = 'storage' in options ? options.storage : localStorage;
      return storage ? fn(storage) : undefined;
    } catch (error) {
      failure = error;
      return undefined;
    }
  }

  function read(id: string): OutboxEntry | null {
    const key = prefix + id;
    const raw = memory.get(key) ?? io((s) => s.getItem(key));
    let entry: OutboxEntry | undefined;
    try {
      entry = raw && JSON.parse(raw);
    } catch {
      /* corrupt: dropped below */
    }
    if (entry?.annotation && entry.created + ttl >= now()) return entry;
    if (raw) remove(id);
    return null;
  }

  function write(entry: OutboxEntry): void {
    const key = prefix + entry.id;
    const value = JSON.stringify(entry);
    // Once in memory, an entry stays there: a later write to storage would leave two copies.
    if (memory.has(key) || !io((s) => (s.setItem(key, value), true))) {
      memory.set(key, value);
      if (warned) return;
      warned = true;
      const message = `corrections are kept in memory only, lost if this page closes (${failure ?? 'no storage'})`;
      console.warn(`folio: ${message}`);
      document.dispatchEvent(new FolioErrorEvent({ code: 'corrections-storage', message, fatal: false }));
    }
  }

  function remove(id: string): void {
    const key = prefix + id;
    memory.delete(key);
    io((s) => s.removeItem(key));
  }

  function entries(): OutboxEntry[] {
    const keys = new Set(memory.keys());
    io((s) => Object.keys(s).forEach((key) => key.startsWith(prefix) && keys.add(key)));
    return [...keys].flatMap((key) => read(key.slice(prefix.length)) ?? []).sort((a, b) => a.created - b.created);
  }

  // ---- delivery ----

  /** What happened, and how long the server asked us to wait (Retry-After, ms). */
  async function send({ endpoint, annotation }: OutboxEntry, keepalive: boolean): Promise<[Delivery, number]> {
    const signal = AbortSignal.timeout(timeout);
    try {
      const res = await post(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(annotation),
        keepalive,
        signal,
      });
      const { status } = res;
      if (res.ok) return [{ outcome: 'sent', status }, 0];
      if (status > 399 && status < 500 && status != 408 && status != 429) {
        return [{ outcome: 'refused', status, message: await reasonOf(res) }, 0];
      }
      // Retry-After is seconds or an HTTP date; without one both give NaN.
      const after = res.headers.get('retry-after')!;
      return [{ outcome: 'queued', reason: `HTTP ${status}` }, +after * 1000 || Date.parse(after) - now() || 0];
    } catch {
      return [{ outcome: 'queued', reason: signal.aborted ? 'timeout' : 'network' }, 0];
    }
  }

  /** Sends one entry unless another tab (or flush) is sending it; null when it was busy or already gone. */
  async function attempt(id: string, keepalive: boolean, notify?: boolean): Promise<Delivery | null> {
    const run = async () => {
      const entry = read(id);
      if (!entry) return null; // another tab delivered it
      const [result, retryAfter] = await send(entry, keepalive);
      if (result.outcome == 'queued') {
        const backoff = random() * Math.min(cap, base * 2 ** entry.attempts);
        write({ ...entry, attempts: entry.attempts + 1, next: now() + Math.max(backoff, retryAfter) });
      } else {
        remove(id);
        if (notify) onDelivery?.(entry, result);
      }
      return result;
    };
    // Opaque origins (sandboxed frames) are refused locks, but they have no storage to share either.
    if (locks && origin != 'null') return locks.request(`folio-outbox:${id}`, { ifAvailable: true }, (lock) => lock && run());
    if (busy.has(id)) return null;
    busy.add(id);
    try {
      // No Web Locks (plain-http pages): a lease written into the entry, confirmed after a pause
      // in which a second tab's write would have landed, keeps two tabs off one entry.
      const entry = read(id);
      if (!entry || (entry.owner && entry.owner != me && entry.until! > now())) return null;
      write({ ...entry, owner: me, until: now() + timeout + 5_000 });
      await new Promise((r) => setTimeout(r, 50));
      return read(id)?.owner == me ? await run() : null;
    } finally {
      busy.delete(id);
    }
  }

  /** One timer for the earliest retry; never sooner than `base`, so a busy entry cannot spin. */
  function schedule(): void {
    clearTimeout(timer);
    const next = stopped ? Infinity : Math.min(...entries().map((e) => e.next));
    if (next < Infinity) timer = setTimeout(flush, Math.min(2 ** 31 - 1, Math.max(base, next - now())));
  }

  async function flush({ force = false, keepalive = false } = {}): Promise<void> {
    const time = now();
    for (const entry of entries()) {
      if (entry.next <= time || (force && entry.attempts)) await attempt(entry.id, keepalive, true);
    }
    schedule();
  }

  /** Back online: send now. Page hidden (perhaps for good): send now, in requests that outlive it. */
  const wake = ({ type }: Event) => {
    if (type != 'visibilitychange' || document.visibilityState == 'hidden') flush({ force: true, keepalive: type != 'online' });
  };

  return {
    async add(endpoint, annotation) {
      const { id } = annotation;
      const time = now();
      // Other tabs leave a new entry alone while its first attempt may still be running here.
      write({ id, endpoint, annotation, created: time, attempts: 0, next: time + timeout + 5_000 });
      // A new id: no other tab or flush can hold it yet, so the attempt is made.
      const result = (await attempt(id, false))!;
      schedule();
      return result;
    },
    flush,
    entries,
    start() {
      if (!stopped) return;
      stopped = false;
      for (const type of WAKE) addEventListener(type, wake);
      const drain = () => !stopped && flush({ force: true });
      if ('requestIdleCallback' in self) requestIdleCallback(drain, { timeout: 2_000 });
      else setTimeout(drain, 500); // Safari
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      for (const type of WAKE) removeEventListener(type, wake);
    },
  };
}
