/**
 * The one way Folio fetches JSON (stories, related feeds, correction notices), with
 * one error convention: never throws; every failure comes back with a code, the HTTP status
 * where there was one, and a message that names the URL.
 */

/**
 * Why a fetch failed: no answer, no answer in time, an error status, a body that is not JSON,
 * or the caller gave up; `invalid` is for the loaders that check the JSON (not of the shape
 * asked for).
 */
export type FetchErrorCode = 'network' | 'timeout' | 'http' | 'json' | 'aborted' | 'invalid';

export type FetchResult<T = unknown> =
  { ok: true; value: T; status: number } | { ok: false; code: FetchErrorCode; status?: number; message: string };

export interface FetchJsonOptions {
  /**
   * Aborting it stops the fetch quietly (code `aborted`): the caller moved on. Give each fetch a
   * signal of its own: the listener fetchJson adds is left to go with it.
   */
  signal?: AbortSignal;
  /** Milliseconds before giving up (code `timeout`). */
  timeout?: number;
}

/** How long a fetch may take before it fails with `timeout`. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** Fetches `url` and parses its body as JSON. */
export async function fetchJson(url: string, options: FetchJsonOptions = {}): Promise<FetchResult> {
  const { signal, timeout = DEFAULT_TIMEOUT_MS } = options;
  // A timer and a controller of our own: given AbortSignal.any([signal, AbortSignal.timeout()]),
  // WebKitGTK let the fetch run on past the timeout.
  const abort = new AbortController();
  const stop = () => abort.abort();
  const timer = setTimeout(stop, timeout);
  signal?.addEventListener('abort', stop);
  if (signal?.aborted) stop();
  let code: FetchErrorCode = 'network';
  let response: Response | undefined;
  try {
    response = await fetch(url, { signal: abort.signal });
    code = 'http';
    if (!response.ok) throw Error(`HTTP ${response.status}`);
    code = 'json';
    return { ok: true, value: await response.json(), status: response.status };
  } catch (e) {
    // Aborted: by the caller, else by the timer, whatever error the engine reports for it.
    if (abort.signal.aborted) code = signal?.aborted ? 'aborted' : 'timeout';
    return { ok: false, code, status: response?.status, message: `${url}: ${(e as Error).message}` };
  } finally {
    clearTimeout(timer);
  }
}
