// Per-client limits on new corrections, as sliding windows: "5 per 5 minutes" means at most 5
// stored in any 5-minute span.
//
// The limiter keeps no state of its own. What it counts is already in the database: every stored
// correction has its client hash and the time it arrived. So the limits hold across restarts and
// across several receiver processes on one database, expiry is an index range (nothing to sweep),
// and memory does not grow with the number of clients. The store reads a client's recent times
// inside the transaction that inserts, so two requests cannot both take the last slot.

/** 5 per 5 minutes, 15 per 30 minutes, 30 per day. */
export const DEFAULT_RATE_LIMITS = Object.freeze([
  { max: 5, windowSeconds: 300 },
  { max: 15, windowSeconds: 1800 },
  { max: 30, windowSeconds: 86400 },
]);

/**
 * Parses `FOLIO_RATE_LIMITS`: comma-separated `count/seconds` pairs, e.g. "5/300,15/1800,30/86400".
 * "off" (or "0") turns limiting off and returns []. Throws on anything else.
 */
export function parseRateLimits(text) {
  const trimmed = String(text).trim();
  if (trimmed === 'off' || trimmed === '0') return [];
  return trimmed.split(',').map((part) => {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(part);
    const max = m ? Number(m[1]) : 0;
    const windowSeconds = m ? Number(m[2]) : 0;
    if (
      !m ||
      max < 1 ||
      windowSeconds < 1 ||
      !Number.isSafeInteger(max * 1000) ||
      !Number.isSafeInteger(windowSeconds * 1000)
    ) {
      throw new Error(`FOLIO_RATE_LIMITS: "${part.trim()}" is not "count/seconds" (e.g. "5/300,15/1800,30/86400")`);
    }
    return { max, windowSeconds };
  });
}

/**
 * How much history a verdict needs: the stores read at most `count` of a client's newest times,
 * from no earlier than `windowMs` ago. Null when there are no limits.
 */
export function historyNeeded(limits) {
  if (!limits.length) return null;
  return {
    windowMs: Math.max(...limits.map((l) => l.windowSeconds * 1000)),
    count: Math.max(...limits.map((l) => l.max)),
  };
}

/**
 * Whether one more correction is allowed at `now`, given the client's recent arrival times (ms,
 * any order; the newest `historyNeeded().count` within the longest window are enough). Returns
 * `{ allowed: true }` or `{ allowed: false, retryAfterSeconds }`.
 */
export function rateVerdict(times, limits, now) {
  const newestFirst = [...times].sort((a, b) => b - a);
  let waitMs = 0;
  for (const { max, windowSeconds } of limits) {
    const windowMs = windowSeconds * 1000;
    const inWindow = newestFirst.filter((t) => now - t < windowMs);
    if (inWindow.length >= max) {
      // Allowed again once the max-th newest arrival has left this window.
      waitMs = Math.max(waitMs, inWindow[max - 1] + windowMs - now);
    }
  }
  return waitMs > 0 ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) } : { allowed: true };
}
