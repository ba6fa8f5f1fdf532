import type { FolioErrorCode } from '../events.js';
import { fetchJson } from '../internal/fetch-json.js';
import { parseStory, type Story } from './story.js';

export type LoadResult =
  | { ok: true; story: Story; skipped: string[] }
  | { ok: false; code: FolioErrorCode; message: string; status?: number; url?: string };

/**
 * Fetches and validates a Story JSON document. Never throws: every failure (HTTP error,
 * network, timeout, malformed JSON, wrong shape) comes back as a result with its `story-…`
 * code, so the element can show it and carry on. `signal` aborts quietly: the caller moved on
 * and never reads the result. The timeout is a timer and a controller of fetchJson's own, not
 * `AbortSignal.any([signal, AbortSignal.timeout()])`, with which WebKitGTK let the fetch run on
 * past the timeout.
 */
export async function loadStory(src: string, signal: AbortSignal, timeout?: number): Promise<LoadResult> {
  const result = await fetchJson(src, { signal, timeout });
  if (result.ok) return fromValue(result.value);
  // (`story-aborted` is no code of Folio's, and nobody reads it.)
  return { ...result, code: `story-${result.code}` as FolioErrorCode };
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
