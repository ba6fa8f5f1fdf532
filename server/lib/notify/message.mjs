// What a notification says about a correction, whatever carries it (webhook, Slack, e-mail).
// Everything here is plain text from readers; each channel escapes it for its own format.
// The reader's e-mail address never leaves the receiver in a notification: editors see it in
// the inbox, which the notification links to.

import { textFragmentLink } from '../text-fragment.mjs';

const SUBJECT_STORY_MAX = 90;

/** The story as editors know it: its headline, else its address without the scheme. */
export function storyName(item) {
  if (item.title) return item.title;
  try {
    const url = new URL(item.source);
    return `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return item.source;
  }
}

/** Cuts `text` to `max` characters (code points), with an ellipsis when it was longer. */
export function truncate(text, max) {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** One line, for subjects and headings. */
export const oneLine = (text) => String(text).replace(/\s+/g, ' ').trim();

/**
 * The links a notification carries: the inbox opened at this correction, and the article at the
 * quoted words (null when the source is not an http(s) URL).
 */
export function correctionLinks(item, publicUrl) {
  const inbox = new URL('/inbox', publicUrl);
  inbox.searchParams.set('correction', item.id);
  return { inbox: inbox.href, article: textFragmentLink(item.source, item.quote) };
}

/** The subject of a mail, or the first line of a chat message, about one correction. */
export function correctionHeadline(item) {
  return `Correction suggested: ${truncate(oneLine(storyName(item)), SUBJECT_STORY_MAX)}`;
}

/** The correction as label/value pairs, in the order editors read them. */
export function correctionFields(item) {
  const fields = [];
  if (item.suggestion !== null && item.suggestion !== undefined) {
    fields.push(['Suggested text', item.suggestion === '' ? '(remove the quoted words)' : item.suggestion]);
  }
  if (item.comment?.trim()) fields.push(['Comment', item.comment]);
  if (item.email) fields.push(['Reader', 'left an e-mail address (see the inbox)']);
  return fields;
}

/** The quote with its context, as one line of plain text: …prefix [exact] suffix… */
export function quoteInContext(quote) {
  if (!quote) return null;
  const { before, exact, after } = quoteParts(quote);
  return `${before}[${exact}]${after}`;
}

/**
 * The quote and its context with whitespace collapsed but kept where it was, so a selection that
 * starts inside a word still reads as one word: { before: '…arrived in ', exact: 'Kiev', after: ' on…' }.
 */
export function quoteParts(quote) {
  const collapse = (text) => String(text ?? '').replace(/\s+/g, ' ');
  const prefix = collapse(quote.prefix).trimStart();
  const suffix = collapse(quote.suffix).trimEnd();
  return {
    before: prefix ? `…${prefix}` : '',
    exact: collapse(quote.exact),
    after: suffix ? `${suffix}…` : '',
  };
}
