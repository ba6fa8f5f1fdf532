// Per-client limits on new corrections, as sliding windows: "5 per 5 minutes" means at most 5
// stored in any 5-minute span. Kept in memory: a restart forgives everyone, which is fine for a
// reference receiver and keeps the limiter free of I/O.

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
    if (!m || max < 1 || windowSeconds < 1) {
      throw new Error(`FOLIO_RATE_LIMITS: "${part.trim()}" is not "count/seconds" (e.g. "5/300,15/1800,30/86400")`);
    }
    return { max, windowSeconds };
  });
}

/**
 * `check(key)` says whether one more is allowed now and, if not, how many seconds until it is;
 * `record(key)` counts one. They are separate so that only stored corrections count: a retry of
 * one already stored, or a refused one, costs the client nothing.
 */
export function createRateLimiter({ limits = DEFAULT_RATE_LIMITS, now = Date.now } = {}) {
  const windows = limits.map(({ max, windowSeconds }) => ({ max, ms: windowSeconds * 1000 }));
  const longest = Math.max(0, ...windows.map((w) => w.ms));
  /** key -> ascending timestamps (ms) within the longest window */
  const hits = new Map();
  let recordsSinceSweep = 0;

  function recent(key, t) {
    const list = hits.get(key);
    if (!list) return [];
    let drop = 0;
    while (drop < list.length && t - list[drop] >= longest) drop++;
    if (drop) list.splice(0, drop);
    if (!list.length) hits.delete(key);
    return list;
  }

  function sweep(t) {
    for (const key of [...hits.keys()]) recent(key, t);
  }

  return {
    check(key) {
      const t = now();
      const list = recent(key, t);
      let waitMs = 0;
      for (const { max, ms } of windows) {
        const inWindow = list.filter((h) => t - h < ms);
        if (inWindow.length >= max) {
          // Allowed again once enough of the oldest hits in this window have left it.
          waitMs = Math.max(waitMs, inWindow[inWindow.length - max] + ms - t);
        }
      }
      return waitMs > 0 ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) } : { allowed: true };
    },
    record(key) {
      if (!windows.length) return;
      const t = now();
      const list = recent(key, t);
      list.push(t);
      hits.set(key, list);
      if (++recordsSinceSweep >= 256) {
        recordsSinceSweep = 0;
        sweep(t);
      }
    },
    /** Number of clients currently remembered (for tests). */
    get size() {
      return hits.size;
    },
  };
}
