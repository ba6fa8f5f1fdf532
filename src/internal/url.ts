/**
 * The one URL checker. Every URL that came from outside (story JSON, a feed, inline HTML, an
 * attribute) passes here before it becomes an `href` or `src`.
 */

export type Scheme = 'http:' | 'https:' | 'mailto:';

const WEB: readonly Scheme[] = ['http:', 'https:'];

/**
 * Returns the absolute URL when `raw` is an allowed scheme (relative URLs resolve against
 * `base`), else null. Control characters and whitespace that browsers strip when they parse a
 * URL are stripped first, so `java\tscript:` is judged as the browser would see it.
 */
export function safeUrl(raw: unknown, base?: string, schemes: readonly Scheme[] = WEB): string | null {
  if (typeof raw !== 'string') return null;
  // eslint-disable-next-line no-control-regex
  const cleaned = raw.replace(/[\u0000-\u001F\u007F-\u009F]/g, '').trim();
  if (!cleaned) return null;
  let url: URL;
  try {
    url = new URL(cleaned, base || document.baseURI);
  } catch {
    return null;
  }
  return (schemes as readonly string[]).includes(url.protocol) ? url.href : null;
}

/** The page's canonical URL: `<link rel=canonical>` when it is a web URL, else the page's own. */
export function pageCanonical(): string {
  return safeUrl(document.querySelector<HTMLLinkElement>('link[rel=canonical]')?.href) || location.href;
}
