/**
 * Published correction notices in enhance mode: the corrections receiver lists them at
 * `GET <endpoint>/published?source=<canonical url>`, answering
 * `{ "source": "…", "notices": [{ "id": "urn:uuid:…", "date": "<ISO 8601>", "text": "…" }] }`.
 * (Story mode has them in the story, `corrections.notices`.)
 */
import { fetchJson } from '../internal/fetch-json.js';
import type { ArticleHost } from '../internal/hosts.js';
import { idleTask } from '../internal/tasks.js';
import { object, validItems, withDefault } from './schema.js';
import { correctionNotice, type CorrectionNotice } from './story.js';

/** The receiver's answer: a notice without a date or a text is dropped; an answer without a list has none. */
const published = withDefault(object({ notices: validItems(correctionNotice) }), { notices: [] });

/**
 * The published corrections of an article in enhance mode, from its corrections endpoint (a URL
 * without a query string), fetched in idle time: they go at the end of the article, and the first
 * screen never waits for them. Never fails: without an endpoint, or from a receiver that has no
 * such list (404, an older one), cannot be reached or answers garbage, there are none.
 */
export async function loadNotices(host: ArticleHost, signal?: AbortSignal): Promise<CorrectionNotice[]> {
  const endpoint = host.correctionsUrl;
  if (!endpoint) return [];
  await idleTask();
  const url = `${endpoint.replace(/\/$/, '')}/published?source=${encodeURIComponent(host.canonicalUrl)}`;
  const result = await fetchJson(url, { signal });
  return result.ok ? published(result.value, '').notices : [];
}
