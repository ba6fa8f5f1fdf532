// Real servers on 127.0.0.1 that notifications go to in the tests: a webhook endpoint (node:http)
// and an SMTP server (the smtp-server package). Each can fail its first N deliveries, or fail
// until told otherwise, and records everything it was sent.

import http from 'node:http';
import { SMTPServer } from 'smtp-server';

/** Waits until `check()` is true, polling; throws with `what` after `timeoutMs`. */
export async function waitFor(check, what, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * A webhook endpoint. `failFirst`: answer 500 to that many requests; `failing: true` answers 500
 * until `sink.failing = false`. `requests`: every request as { headers, body, status }.
 */
export async function startWebhookSink({ failFirst = 0, failing = false } = {}) {
  const sink = { requests: [], failing, url: '' };
  let toFail = failFirst;
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      let status = 204;
      if (sink.failing || toFail > 0) {
        toFail = Math.max(0, toFail - 1);
        status = 500;
      }
      sink.requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
      res.writeHead(status, { 'Content-Length': 0 });
      res.end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.url = `http://127.0.0.1:${server.address().port}/hooks/folio`;
  /** The requests answered 2xx. */
  sink.delivered = () => sink.requests.filter((r) => r.status < 300);
  sink.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    });
  return sink;
}

function decodeQuotedPrintable(text) {
  const bytes = [];
  const soft = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeBody(body, encoding) {
  if (/quoted-printable/i.test(encoding)) return decodeQuotedPrintable(body);
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

/** RFC 2047 encoded words (=?UTF-8?Q?...?= and =?UTF-8?B?...?=) in a header value. */
function decodeWords(value) {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, kind, text) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function splitHeaders(raw) {
  const end = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, end).replace(/\r?\n[ \t]+/g, ' ');
  const body = raw.slice(end).replace(/^\r?\n\r?\n/, '');
  const headers = {};
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

/** A raw message as { headers, subject, text, html }: enough MIME for nodemailer's output. */
export function parseMail(raw) {
  const { headers, body } = splitHeaders(raw);
  const mail = { headers, subject: decodeWords(headers.subject ?? ''), text: '', html: '' };
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1) : [raw];
  for (const part of parts) {
    const section = boundary ? splitHeaders(part.replace(/^\r?\n/, '')) : { headers, body };
    const type = section.headers['content-type'] ?? 'text/plain';
    const decoded = decodeBody(section.body, section.headers['content-transfer-encoding'] ?? '');
    if (/^text\/html/i.test(type)) mail.html = decoded;
    else if (/^text\/plain/i.test(type)) mail.text = decoded;
  }
  return mail;
}

/**
 * An SMTP server. `failFirst`: refuse that many messages with 451 (try again later); `failing`
 * refuses until `sink.failing = false`. `messages`: accepted ones, parsed; `refused`: how many were.
 */
export async function startSmtpSink({ failFirst = 0, failing = false } = {}) {
  const sink = { messages: [], refused: 0, failing, url: '' };
  let toFail = failFirst;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => {
        if (sink.failing || toFail > 0) {
          toFail = Math.max(0, toFail - 1);
          sink.refused += 1;
          const error = new Error('Mailbox busy, try again later');
          error.responseCode = 451;
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        sink.messages.push({ ...parseMail(raw), raw, to: session.envelope.rcptTo.map((r) => r.address) });
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.url = `smtp://127.0.0.1:${server.server.address().port}`;
  sink.close = () => new Promise((resolve) => server.close(resolve));
  return sink;
}
