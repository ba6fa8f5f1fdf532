// Sends the notifications the store keeps (see store/shared.mjs: deliveries). A new correction
// and its notifications are written in one transaction, so a restart loses none; this worker then
// leases due ones, sends them, and marks them delivered or schedules a retry with exponential
// backoff, until the channel answers. It runs beside the request handlers and never in them: an
// SMTP server or webhook that is down or slow delays notifications, never a reader's correction.
//
// Several processes on one database each run a worker; a lease (FOR UPDATE SKIP LOCKED on
// PostgreSQL, an immediate transaction on SQLite) gives each delivery to one of them, so each is
// sent once. A process that dies mid-send leaves its lease to expire, and the delivery is sent
// again: at least once, never silently dropped, and the repeat carries the same id
// (Folio-Delivery, Message-ID) for the far end to recognise.

/** A channel counts as failing in the inbox after this many attempts without a success. */
export const FAILING_AFTER_ATTEMPTS = 3;
const ERROR_MAX = 300;

export const DEFAULT_NOTIFY_TIMING = Object.freeze({
  /** First retry after 30 s, doubling each time, at most hourly; never given up. */
  retryBaseMs: 30_000,
  retryMaxMs: 60 * 60 * 1000,
  /** How often a worker looks for due deliveries (other processes' and retries). */
  pollMs: 5_000,
  /** How long a leased delivery is this worker's: longer than any send can take. */
  leaseMs: 5 * 60 * 1000,
  /** How many deliveries of one channel are leased at once (a digest takes them all). */
  batchSize: 20,
  digestBatchSize: 500,
});

/** The delay before attempt n + 1, with up to 10% jitter so processes do not retry in step. */
export function backoffMs(attempts, { retryBaseMs, retryMaxMs }, random = Math.random) {
  const exponent = Math.min(Math.max(0, attempts - 1), 30);
  const delay = Math.min(retryMaxMs, retryBaseMs * 2 ** exponent);
  return Math.round(delay * (1 + 0.1 * random()));
}

/**
 * `channels`: [{ key, kind, label, batch, firstAttempt(receivedAt), send(deliveries) }].
 * Returns { deliveriesFor, start, kick, close, report }.
 */
export function createNotifier({ store, channels, now = Date.now, log, timing = {} }) {
  const settings = { ...DEFAULT_NOTIFY_TIMING, ...timing };
  const busy = new Map();
  let timer = null;
  let stopped = false;
  let kickPending = false;

  /** Sends what is due on one channel until nothing is, then returns. */
  async function drain(channel) {
    while (!stopped) {
      const claimed = await store.claimDeliveries({
        channel: channel.key,
        now: now(),
        leaseMs: settings.leaseMs,
        limit: channel.batch ? settings.digestBatchSize : settings.batchSize,
      });
      if (!claimed.length) return;
      const groups = channel.batch ? [claimed] : claimed.map((d) => [d]);
      for (const [index, group] of groups.entries()) {
        try {
          await channel.send(group);
          await store.settleDeliveries(
            group.map((d) => d.deliveryId),
            { ok: true, at: now() },
          );
        } catch (error) {
          // The channel is down: the rest of this lease waits with the one that failed, rather
          // than each taking its own timeout now.
          const waiting = groups.slice(index).flat();
          const attempts = Math.max(...group.map((d) => d.attempts));
          const message = String(error?.message ?? error).slice(0, ERROR_MAX);
          const delay = backoffMs(attempts, settings);
          log.warn?.(
            `folio receiver: ${channel.label}: attempt ${attempts} failed (${message}); next in ${Math.round(delay / 1000)} s`,
          );
          await store.settleDeliveries(
            waiting.map((d) => d.deliveryId),
            { ok: false, error: message, nextAttemptAt: now() + delay },
          );
          return;
        }
      }
    }
  }

  function run(channel) {
    if (stopped || busy.has(channel.key)) return;
    const job = drain(channel)
      .catch((error) => log.warn?.(`folio receiver: notifications (${channel.label}) paused: ${error.message}`))
      .finally(() => busy.delete(channel.key));
    busy.set(channel.key, job);
  }

  const runAll = () => channels.forEach(run);

  return {
    /** The deliveries to queue with a correction received at `receivedAt`. */
    deliveriesFor(receivedAt) {
      return channels.map((c) => ({ channel: c.key, nextAttemptAt: c.firstAttempt(receivedAt) }));
    },
    start() {
      if (!channels.length || timer) return;
      timer = setInterval(runAll, settings.pollMs);
      timer.unref();
      runAll();
    },
    /** A correction was just stored: look now rather than at the next poll. */
    kick() {
      if (!channels.length || kickPending || stopped) return;
      kickPending = true;
      setImmediate(() => {
        kickPending = false;
        runAll();
      });
    },
    /** Stops polling and waits for sends in flight to be settled, so none is left leased. */
    async close() {
      stopped = true;
      clearInterval(timer);
      await Promise.allSettled([...busy.values()]);
    },
    /** Every configured channel with its queue, for the inbox; channels that keep failing are flagged. */
    async report() {
      const rows = new Map((await store.deliveryReport()).map((r) => [r.channel, r]));
      return channels.map((c) => {
        const row = rows.get(c.key) ?? {
          pending: 0,
          attempts: 0,
          oldestPendingAt: null,
          lastAttemptAt: null,
          lastError: null,
          lastDeliveredAt: null,
        };
        const iso = (ms) => (ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString());
        return {
          channel: c.key,
          kind: c.kind,
          label: c.label,
          pending: row.pending,
          attempts: row.attempts,
          failing: row.pending > 0 && row.attempts >= FAILING_AFTER_ATTEMPTS,
          lastError: row.lastError,
          oldestPendingAt: iso(row.oldestPendingAt),
          lastAttemptAt: iso(row.lastAttemptAt),
          lastDeliveredAt: iso(row.lastDeliveredAt),
        };
      });
    },
  };
}
