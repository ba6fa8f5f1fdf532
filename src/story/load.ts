import type { FolioErrorCode } from '../events.js';
import { parseStory, type Story } from './story.js';

export type LoadResult =
  | { ok: true; story: Story; skipped: string[] }
  | { ok: false; code: FolioErrorCode; message: string; status?: number; url?: string };

/** How long a story may take before the reader is told it failed. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Fetches and validates a Story JSON document. Never throws: every failure (HTTP error,
 * network, timeout, malformed JSON, wrong shape) comes back as a result with a code, so the
 * element can show it and carry on. `signal` aborts quietly (the caller moved on).
 */
export async function loadStory(src: string, signal: AbortSignal, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<LoadResult> {
  // A timer and a controller of our own: given AbortSignal.any([signal, AbortSignal.timeout()]),
  // WebKitGTK let the fetch run on past the timeout.
  const abort = new AbortController();
  const stop = () => abort.abort();
  const timer = setTimeout(stop, timeoutMs);
  // (The caller's signal is its own for this one load, so the listener is left to go with it.)
  signal.addEventListener('abort', stop);
  let code: FolioErrorCode = 'story-network';
  let status: number | undefined;
  try {
    const response = await fetch(src, { signal: abort.signal });
    code = 'story-http';
    if (!response.ok) throw Error(`HTTP ${(status = response.status)}`);
    code = 'story-json';
    return fromValue(await response.json());
  } catch (e) {
    // Aborted: the timer ran out, whatever error the engine reports for the abort. (Or the
    // caller moved on, and never reads this.)
    return {
      ok: false,
      code: abort.signal.aborted ? 'story-timeout' : code,
      status,
      message: `${src}: ${(e as Error).message}`,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Validates a story given as a value (the `story` property, or fetched JSON). */
export function fromValue(json: unknown): LoadResult {
  const parsed = parseStory(json);
  // `url` is read by `safeUrl`, which takes only a string.
  return parsed.ok
    ? parsed
    : {
        ok: false,
        code: 'story-invalid',
        message: `Not Story JSON: ${parsed.error}`,
        url: (json as { url?: string })?.url,
      };
}
