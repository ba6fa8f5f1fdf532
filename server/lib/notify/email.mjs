// E-mail to the desk through nodemailer (FOLIO_SMTP_URL, FOLIO_NOTIFY_EMAIL): one mail per
// correction, or with FOLIO_EMAIL_DIGEST one digest per period (hourly by default) listing the
// corrections that arrived in it. Plain text and HTML; in the HTML every reader string is escaped.

import {
  correctionFields,
  correctionHeadline,
  correctionLinks,
  oneLine,
  quoteParts,
  storyName,
  truncate,
} from './message.mjs';

const HOUR_MS = 60 * 60 * 1000;
export const DEFAULT_DIGEST_MS = HOUR_MS;
const DIGEST_LIST_MAX = 200;
/** Ids named in the X-Folio-Corrections header (a header has to stay a reasonable length). */
const ID_HEADER_MAX = 20;
const EMAIL_CHANNEL = 'email';

const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text as HTML text or attribute value. */
export const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

const when = (iso) => new Date(iso).toUTCString().replace('GMT', 'UTC');

function textSection(item, links) {
  const lines = [`${oneLine(storyName(item))}`, item.source, ''];
  if (item.quote) {
    const { before, exact, after } = quoteParts(item.quote);
    lines.push('In the article:', `  ${before}[${exact}]${after}`, '');
  } else {
    lines.push('A general correction (no words selected).', '');
  }
  for (const [label, value] of correctionFields(item)) lines.push(`${label}: ${value}`);
  lines.push('', `Open it in the inbox: ${links.inbox}`);
  if (links.article) lines.push(`The article at these words: ${links.article}`);
  lines.push(`Received ${when(item.receivedAt)}`);
  return lines.join('\n');
}

function htmlSection(item, links) {
  const parts = [`<h2 style="font-size:18px;margin:0 0 4px">${escapeHtml(oneLine(storyName(item)))}</h2>`];
  parts.push(`<p style="margin:0 0 12px;color:#5c5a55;font-size:13px">${escapeHtml(item.source)}</p>`);
  if (item.quote) {
    const { before, exact, after } = quoteParts(item.quote);
    parts.push(
      `<blockquote style="margin:0 0 12px;padding:6px 12px;border-left:4px solid #dedad2;font-family:Georgia,serif">` +
        `<span style="color:#5c5a55">${escapeHtml(before)}</span><mark style="background:#ffe58a">${escapeHtml(exact)}</mark>` +
        `<span style="color:#5c5a55">${escapeHtml(after)}</span></blockquote>`,
    );
  } else {
    parts.push('<p style="margin:0 0 12px">A general correction (no words selected).</p>');
  }
  for (const [label, value] of correctionFields(item)) {
    parts.push(
      `<p style="margin:0 0 6px;white-space:pre-wrap"><strong>${escapeHtml(label)}:</strong> ${escapeHtml(value)}</p>`,
    );
  }
  const actions = [`<a href="${escapeHtml(links.inbox)}">Open it in the inbox</a>`];
  if (links.article) actions.push(`<a href="${escapeHtml(links.article)}">The article at these words</a>`);
  parts.push(`<p style="margin:12px 0 4px">${actions.join(' · ')}</p>`);
  parts.push(`<p style="margin:0;color:#5c5a55;font-size:13px">Received ${escapeHtml(when(item.receivedAt))}</p>`);
  return parts.join('\n');
}

const htmlPage = (title, body) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
  `<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1c1b19">${body}</body></html>`;

/** The mail for one correction: { subject, text, html }. */
export function correctionMail(item, { publicUrl }) {
  const links = correctionLinks(item, publicUrl);
  const subject = correctionHeadline(item);
  return {
    subject,
    text: `A reader suggested a correction.\n\n${textSection(item, links)}\n`,
    html: htmlPage(subject, `<p>A reader suggested a correction.</p>\n${htmlSection(item, links)}`),
  };
}

/** One mail for several corrections, oldest first. */
export function digestMail(items, { publicUrl }) {
  const count = items.length;
  const noun = count === 1 ? 'correction' : 'corrections';
  const stories = new Set(items.map((i) => i.source)).size;
  const subject = `${count} ${noun} suggested on ${stories} ${stories === 1 ? 'story' : 'stories'}`;
  const shown = items.slice(0, DIGEST_LIST_MAX);
  const more = count - shown.length;
  const inbox = new URL('/inbox', publicUrl).href;
  const texts = shown.map((item) => textSection(item, correctionLinks(item, publicUrl)));
  const htmls = shown.map((item) => htmlSection(item, correctionLinks(item, publicUrl)));
  const tail = more > 0 ? `\n\n…and ${more} more in the inbox: ${inbox}` : '';
  return {
    subject,
    text: `Readers suggested ${count} ${noun}.\n\n${texts.join('\n\n----\n\n')}${tail}\n`,
    html: htmlPage(
      subject,
      `<p>Readers suggested ${count} ${noun}.</p>\n${htmls.join('\n<hr style="border:0;border-top:1px solid #dedad2;margin:20px 0">\n')}` +
        (more > 0 ? `\n<p>…and ${more} more in <a href="${escapeHtml(inbox)}">the inbox</a>.</p>` : ''),
    ),
  };
}

/** When a correction received at `receivedAt` goes out: at once, or at the end of its digest period. */
export function digestTime(receivedAt, digestMs) {
  if (!digestMs) return receivedAt;
  return Math.ceil(receivedAt / digestMs) * digestMs;
}

/**
 * The e-mail channel (see notifier.mjs). `transport` is a nodemailer transport (made from
 * FOLIO_SMTP_URL by the caller, so this module needs no network to be tested).
 */
export function createEmailChannel({ transport, to, from, digestMs = 0, publicUrl }) {
  return {
    key: EMAIL_CHANNEL,
    kind: 'email',
    label: `e-mail to ${to.join(', ')}${digestMs ? ` (digest every ${Math.round(digestMs / 60000)} min)` : ''}`,
    batch: digestMs > 0,
    firstAttempt: (receivedAt) => digestTime(receivedAt, digestMs),
    async send(deliveries) {
      const items = deliveries.map((d) => d.item);
      const single = !digestMs && items.length === 1;
      const mail = single
        ? correctionMail(items[0], { publicUrl: publicUrl() })
        : digestMail(items, { publicUrl: publicUrl() });
      const domain = /@([^>\s]+)>?$/.exec(from)?.[1] ?? 'folio.invalid';
      await transport.sendMail({
        from,
        to,
        subject: truncate(oneLine(mail.subject), 150),
        text: mail.text,
        html: mail.html,
        // The same id on a resend, so a mail client can tell a repeat (after a crash mid-send) apart.
        messageId: `<${deliveries.map((d) => d.deliveryId).join('.')}.${items[0].id.slice(9)}@${domain}>`,
        headers: {
          'X-Folio-Corrections': items
            .slice(0, ID_HEADER_MAX)
            .map((i) => i.id)
            .join(' '),
        },
      });
    },
  };
}
