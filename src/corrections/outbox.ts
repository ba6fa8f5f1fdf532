/**
 * How a correction is kept until it arrives. Each one is written to storage BEFORE the first
 * attempt and leaves it only after a 2xx (sent) or a 4xx other than 408 and 429 (refused).
 * Anything else (network error, timeout, 5xx, 408, 429) keeps it for a retry: exponential
 * backoff with full jitter (honouring Retry-After), at once when the browser comes back online,
 * on the next page view of any page with Folio, and in a `keepalive` flush when the page is
 * hidden. Entries live for 7 days and keep their id, which the receiver uses to ignore repeats.
 *
 * Storage: one localStorage key per entry, `folio:outbox:<annotation id>`, so tabs never
 * overwrite each other's entries. Two tabs never send the same entry at once: a Web Lock per
 * entry (`folio-outbox:<id>`, ifAvailable) where the browser has them, else a lease written
 * into the entry, re-read after a moment to confirm it is ours. When storage cannot be used
 * (blocked, private mode, quota) entries live in memory for this page, with one warning.
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
  /** Lease (only without Web Locks): which Outbox is sending it, until when. */
  owner?: string;
  until?: number;
}

export type Delivery =
  | { outcome: 'sent'; status: number }
  | { outcome: 'refused'; status: number; message: string }
  | { outcome: 'queued'; reason: string };

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export interface OutboxOptions {
  /** Where entries are kept; default localStorage, null for memory only. */
  storage?: StorageLike | null;
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
  /** Web Locks; default navigator.locks, null for the storage lease. */
  locks?: LockManager | null;
  /** How long a lease is left to settle before it is trusted, ms (default 50). */
  settle?: number;
  /** Called when a background retry ends an entry (sent or refused). */
  onDelivery?: (entry: OutboxEntry, result: Delivery) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The server's reason for a refusal: its JSON `{error}`, else its text, else the status. */
async function reasonOf(res: Response): Promise<string> {
  let text = '';
  try {
    text = (await res.text()).trim();
    const json = JSON.parse(text);
    if (typeof json?.error === 'string') return json.error;
    if (typeof json?.error?.message === 'string') return json.error.message;
  } catch {
    /* not JSON, or the body failed: the text or the status will do */
  }
  return text.slice(0, 300) || `${res.status} ${res.statusText}`.trim();
}

/** Retry-After in ms (seconds or an HTTP date), or 0. */
function retryAfter(value: string | null, now: number): number {
  if (!value) return 0;
  const ms = /^\d+$/.test(value.trim()) ? +value * 1000 : Date.parse(value) - now;
  return ms > 0 ? ms : 0;
}

export class Outbox {
  private backend: StorageLike | null | undefined;
  private readonly memory = new Map<string, string>();
  private warned = false;
  private error: unknown;
  private readonly busy = new Set<string>();
  private readonly me = Math.random().toString(36).slice(2);
  private timer?: ReturnType<typeof setTimeout>;
  private stopped = true;
  private readonly o: Required<Omit<OutboxOptions, 'storage' | 'onDelivery' | 'locks'>> & OutboxOptions;

  constructor(options: OutboxOptions = {}) {
    this.o = {
      fetch: (...args) => fetch(...args),
      now: Date.now,
      random: Math.random,
      timeout: 10_000,
      base: 2_000,
      cap: 300_000,
      ttl: 7 * 24 * 3600_000,
      settle: 50,
      prefix: PREFIX,
      ...options,
    };
    this.backend = 'storage' in options ? options.storage : undefined;
  }

  /** Keeps a correction and makes the first attempt; resolves with what happened. */
  async add(endpoint: string, annotation: WebAnnotation): Promise<Delivery> {
    const now = this.o.now();
    // Other tabs leave a new entry alone while its first attempt may still be running here.
    const entry: OutboxEntry = { id: annotation.id, endpoint, annotation, created: now, attempts: 0, next: now + this.o.timeout + 5_000 };
    this.write(entry);
    const result = (await this.attempt(entry.id, false, false)) ?? { outcome: 'queued', reason: 'busy' };
    this.schedule();
    return result;
  }

  /**
   * Sends the entries that are due. `force` also sends those waiting out a backoff (online, a
   * new page view, the page being hidden); `keepalive` lets the requests outlive the page.
   */
  async flush({ force = false, keepalive = false } = {}): Promise<void> {
    const now = this.o.now();
    for (const entry of this.entries()) {
      if (entry.next <= now || (force && entry.attempts > 0)) await this.attempt(entry.id, keepalive, true);
    }
    this.schedule();
  }

  /** Every entry still kept (expired ones are dropped on the way). */
  entries(): OutboxEntry[] {
    const list: OutboxEntry[] = [];
    for (const key of this.keys()) {
      const entry = this.read(key.slice(this.o.prefix.length));
      if (entry) list.push(entry);
    }
    return list.sort((a, b) => a.created - b.created);
  }

  /** Retries on `online` and when the page is hidden, and drains what earlier pages left (when idle). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    addEventListener('online', this.onOnline);
    addEventListener('pagehide', this.onHide);
    document.addEventListener('visibilitychange', this.onHide);
    const drain = () => !this.stopped && this.flush({ force: true });
    'requestIdleCallback' in window ? requestIdleCallback(drain, { timeout: 2_000 }) : setTimeout(drain, 500);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    removeEventListener('online', this.onOnline);
    removeEventListener('pagehide', this.onHide);
    document.removeEventListener('visibilitychange', this.onHide);
  }

  private onOnline = () => this.flush({ force: true });

  private onHide = () => {
    if (document.visibilityState === 'hidden') this.flush({ force: true, keepalive: true });
  };

  /** Sends one entry if no one else is sending it; null when it was busy or already gone. */
  private async attempt(id: string, keepalive: boolean, notify: boolean): Promise<Delivery | null> {
    if (this.busy.has(id)) return null;
    this.busy.add(id);
    try {
      return await this.exclusive(id, async () => {
        const entry = this.read(id);
        if (!entry) return null; // another tab delivered it
        const [result, retryAfter] = await this.send(entry, keepalive);
        if (result.outcome === 'queued') {
          const attempts = entry.attempts + 1;
          const backoff = this.o.random() * Math.min(this.o.cap, this.o.base * 2 ** (attempts - 1));
          this.write({ ...entry, attempts, next: this.o.now() + Math.max(backoff, retryAfter) });
        } else {
          this.remove(id);
          if (notify) this.o.onDelivery?.(entry, result);
        }
        return result;
      });
    } finally {
      this.busy.delete(id);
    }
  }

  private async exclusive<T>(id: string, fn: () => Promise<T | null>): Promise<T | null> {
    const locks = 'locks' in this.o ? this.o.locks : navigator.locks;
    try {
      if (locks) return await locks.request(`folio-outbox:${id}`, { ifAvailable: true }, (lock) => (lock ? fn() : null));
    } catch {
      /* refused (an opaque-origin frame): the lease below will do */
    }
    const entry = this.read(id);
    if (!entry || (entry.owner && entry.owner !== this.me && (entry.until ?? 0) > this.o.now())) return null;
    this.write({ ...entry, owner: this.me, until: this.o.now() + this.o.timeout + 5_000 });
    await sleep(this.o.settle);
    if (this.read(id)?.owner !== this.me) return null;
    try {
      return await fn();
    } finally {
      const now = this.read(id);
      if (now?.owner === this.me) this.write({ ...now, owner: undefined, until: undefined });
    }
  }

  /** What happened, and how long the server asked us to wait (Retry-After, ms). */
  private async send(entry: OutboxEntry, keepalive: boolean): Promise<[Delivery, number]> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.o.timeout);
    try {
      const res = await this.o.fetch(entry.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(entry.annotation),
        keepalive,
        signal: abort.signal,
      });
      const { status } = res;
      if (res.ok) return [{ outcome: 'sent', status }, 0];
      if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
        return [{ outcome: 'refused', status, message: await reasonOf(res) }, 0];
      }
      return [{ outcome: 'queued', reason: `HTTP ${status}` }, retryAfter(res.headers.get('retry-after'), this.o.now())];
    } catch {
      return [{ outcome: 'queued', reason: abort.signal.aborted ? 'timeout' : 'network' }, 0];
    } finally {
      clearTimeout(timer);
    }
  }

  /** One timer for the earliest retry; never sooner than `base`, so a busy entry cannot spin. */
  private schedule(): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    const next = Math.min(...this.entries().map((e) => e.next));
    if (next === Infinity) return;
    const wait = Math.min(2 ** 31 - 1, Math.max(this.o.base, next - this.o.now()));
    this.timer = setTimeout(() => this.flush(), wait);
  }

  // ---- storage: every access wrapped; an entry that cannot be written lives in memory ----

  /** Runs `fn` on the storage; undefined when there is none or it throws. */
  private io<T>(fn: (s: StorageLike) => T): T | undefined {
    try {
      if (this.backend === undefined) this.backend = localStorage; // throws where storage is blocked
      return this.backend ? fn(this.backend) : undefined;
    } catch (error) {
      this.backend ??= null;
      this.error = error;
      return undefined;
    }
  }

  private keys(): string[] {
    const keys = new Set(this.memory.keys());
    this.io((s) => {
      for (let i = 0; i < s.length; i++) if (s.key(i)?.startsWith(this.o.prefix)) keys.add(s.key(i)!);
    });
    return [...keys];
  }

  private read(id: string): OutboxEntry | null {
    const key = this.o.prefix + id;
    const raw = this.memory.get(key) ?? this.io((s) => s.getItem(key));
    let entry: OutboxEntry | null = null;
    try {
      entry = raw ? JSON.parse(raw) : null;
    } catch {
      /* corrupt: dropped below */
    }
    if (raw && (!entry?.annotation || entry.created + this.o.ttl < this.o.now())) {
      this.remove(id);
      return null;
    }
    return entry;
  }

  private write(entry: OutboxEntry): void {
    const key = this.o.prefix + entry.id;
    const value = JSON.stringify(entry);
    if (this.memory.has(key) || !this.io((s) => (s.setItem(key, value), true))) {
      this.memory.set(key, value);
      if (this.warned) return;
      this.warned = true;
      const message = `corrections are kept in memory only (storage unavailable: ${this.error ?? 'none'}); unsent ones are lost if this page closes`;
      console.warn(`folio: ${message}`);
      document.dispatchEvent(new FolioErrorEvent({ code: 'corrections-storage', message, fatal: false }));
    }
  }

  private remove(id: string): void {
    const key = this.o.prefix + id;
    this.memory.delete(key);
    this.io((s) => s.removeItem(key));
  }
}
