// Webhooks: each new correction is POSTed as JSON to every FOLIO_WEBHOOK_URL, signed so the
// newsroom's endpoint can tell it came from this receiver and is fresh:
//
//   Folio-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with FOLIO_WEBHOOK_SECRET>
//   Folio-Delivery:  <the correction's id>      the same on every retry: the idempotency key
//   Folio-Event:     correction.created
//
// A URL written as `slack:https://hooks.slack.com/...` gets a Slack-compatible message instead
// (`{ text, blocks }`, which Slack, Mattermost and Rocket.Chat incoming webhooks all read).

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { correctionFields, correctionHeadline, correctionLinks, quoteInContext } from './message.mjs';

export const SIGNATURE_HEADER = 'Folio-Signature';
export const DELIVERY_HEADER = 'Folio-Delivery';
export const EVENT_HEADER = 'Folio-Event';
export const EVENT = 'correction.created';
/** How old a signature may be when checked: a replayed request older than this is refused. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;
const SLACK_PREFIX = 'slack:';
const SLACK_FIELD_MAX = 1000;

/** `t=<seconds>,v1=<hex>` for a body sent at `timestamp` (unix seconds). */
export function signature(secret, timestamp, body) {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/**
 * What the receiving end does (and what its tests can use): true when `header` signs `body`
 * with `secret` and is no older (or newer) than the tolerance.
 */
export function verifySignature(
  secret,
  header,
  body,
  { now = Date.now(), toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS } = {},
) {
  const parts = Object.fromEntries(
    String(header ?? '')
      .split(',')
      .map((part) => part.trim().split('='))
      .filter((pair) => pair.length === 2),
  );
  const timestamp = Number(parts.t);
  if (!Number.isSafeInteger(timestamp) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) return false;
  if (Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(parts.v1, 'hex'));
}

/** Reads one FOLIO_WEBHOOK_URL entry: { url, format: 'json' | 'slack' }, or throws. */
export function parseWebhookTarget(entry) {
  const slack = entry.toLowerCase().startsWith(SLACK_PREFIX);
  const text = slack ? entry.slice(SLACK_PREFIX.length) : entry;
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`FOLIO_WEBHOOK_URL: "${entry}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`FOLIO_WEBHOOK_URL: "${entry}" is not an http(s) URL`);
  if (url.username || url.password)
    throw new Error(`FOLIO_WEBHOOK_URL: put no credentials in "${url.host}" URLs; the signature authenticates`);
  return { url: url.href, format: slack ? 'slack' : 'json' };
}

/**
 * A webhook URL as it may be shown (the inbox, logs): origin and the first path segment.
 * Slack-style URLs carry their secret in the path, so the rest is never shown.
 */
export function webhookLabel(url) {
  const parsed = new URL(url);
  const first = parsed.pathname.split('/').filter(Boolean)[0];
  return `${parsed.origin}/${first ? `${first}/…` : ''}`;
}

/** The channel key a webhook's deliveries are stored under: stable, and not the URL itself. */
export function webhookChannelKey(url) {
  return `webhook:${createHash('sha256').update(url).digest('hex').slice(0, 16)}`;
}

/** The JSON a webhook receives. */
export function webhookPayload(item, { publicUrl }) {
  const links = correctionLinks(item, publicUrl);
  return {
    event: EVENT,
    correction: {
      id: item.id,
      receivedAt: item.receivedAt,
      story: { url: item.source, title: item.title ?? null },
      quote: item.quote,
      suggestion: item.suggestion ?? null,
      comment: item.comment ?? null,
      readerLeftEmail: Boolean(item.email),
      links,
    },
  };
}

/** Slack wants &, < and > escaped in text; escaping < also keeps a reader from writing <!channel>. */
const slackEscape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const slackCut = (text) =>
  [...text].length > SLACK_FIELD_MAX ? `${[...text].slice(0, SLACK_FIELD_MAX - 1).join('')}…` : text;

/** A Slack-compatible message: a plain `text` (notifications, older clients) and the same as blocks. */
export function slackPayload(item, { publicUrl }) {
  const links = correctionLinks(item, publicUrl);
  const lines = [`*${slackEscape(correctionHeadline(item))}*`];
  const quote = quoteInContext(item.quote);
  if (quote) lines.push(`> ${slackEscape(slackCut(quote))}`);
  for (const [label, value] of correctionFields(item)) lines.push(`*${label}:* ${slackEscape(slackCut(value))}`);
  const actions = [`<${links.inbox}|Open in the inbox>`];
  if (links.article) actions.push(`<${links.article}|Open the article at these words>`);
  lines.push(actions.join(' · '));
  const text = lines.join('\n');
  return {
    text: slackEscape(correctionHeadline(item)),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
  };
}

/**
 * A channel (see notifier.mjs) for one webhook. `send(deliveries)` resolves when the hook
 * answered 2xx and throws otherwise; it never follows redirects (a moved hook is a failure to
 * look at, not something to chase).
 */
export function createWebhookChannel({
  url,
  format = 'json',
  secret = null,
  timeoutMs,
  publicUrl,
  userAgent,
  now = Date.now,
}) {
  return {
    key: webhookChannelKey(url),
    kind: format === 'slack' ? 'slack' : 'webhook',
    label: webhookLabel(url),
    batch: false,
    firstAttempt: (receivedAt) => receivedAt,
    async send(deliveries) {
      for (const { item } of deliveries) {
        const payload =
          format === 'slack'
            ? slackPayload(item, { publicUrl: publicUrl() })
            : webhookPayload(item, { publicUrl: publicUrl() });
        const body = JSON.stringify(payload);
        const headers = {
          'Content-Type': 'application/json',
          'User-Agent': userAgent,
          [DELIVERY_HEADER]: item.id,
          [EVENT_HEADER]: EVENT,
        };
        if (secret) headers[SIGNATURE_HEADER] = signature(secret, Math.floor(now() / 1000), body);
        let res;
        try {
          res = await fetch(url, {
            method: 'POST',
            headers,
            body,
            redirect: 'manual',
            signal: AbortSignal.timeout(timeoutMs),
          });
        } catch (error) {
          const reason =
            error.name === 'TimeoutError'
              ? `no answer within ${timeoutMs / 1000} s`
              : (error.cause?.code ?? error.message);
          throw new Error(reason, { cause: error });
        }
        // The answer's body is not needed; reading it frees the connection.
        await res.arrayBuffer().catch(() => {});
        if (res.status < 200 || res.status > 299) throw new Error(`answered HTTP ${res.status}`);
      }
    },
  };
}
