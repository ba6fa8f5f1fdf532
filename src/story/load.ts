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
  let timedOut = false;
  const timeout = new AbortController();
  const timer = setTimeout(() => {
    timedOut = true;
    timeout.abort();
  }, timeoutMs);
  const onAbort = () => timeout.abort();
  signal.addEventListener('abort', onAbort);
  // Either await below can be cut short by the timer: the answer is then the timeout, whatever
  // error the engine reports for the abort.
  const late = (): LoadResult => ({ ok: false, code: 'story-timeout', message: `No answer from ${src} within ${timeoutMs} ms` });
  try {
    let response: Response;
    try {
      response = await fetch(src, { signal: timeout.signal, headers: { Accept: 'application/json' } });
    } catch (e) {
      return timedOut ? late() : { ok: false, code: 'story-network', message: `Could not reach ${src}: ${(e as Error).message}` };
    }
    if (!response.ok) {
      return { ok: false, code: 'story-http', status: response.status, message: `${src} answered ${response.status}` };
    }
    let json: unknown;
    try {
      json = JSON.parse(await response.text());
    } catch (e) {
      return timedOut ? late() : { ok: false, code: 'story-json', message: `${src} is not valid JSON: ${(e as Error).message}` };
    }
    return fromValue(json);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

/** Validates a story given as a value (the `story` property, or fetched JSON). */
export function fromValue(json: unknown): LoadResult {
  const parsed = parseStory(json);
  if (parsed.ok) return parsed;
  const url = typeof (json as { url?: unknown })?.url === 'string' ? (json as { url: string }).url : undefined;
  return { ok: false, code: 'story-invalid', message: `The story is not in Story JSON format: ${parsed.error}`, url };
}
