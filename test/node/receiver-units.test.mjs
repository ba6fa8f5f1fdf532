// The receiver's small parts, without a server: text-fragment links, the rate limit, client
// addresses behind proxies, editors and tokens, media types and paths, CSV, webhook signatures,
// notification messages and the environment.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  bearerToken,
  createEditorDirectory,
  generateToken,
  parseEditors,
  SHARED_EDITOR,
  tokensMatch,
} from '../../server/lib/auth.mjs';
import { clientAddress, clientKey, parseTrustProxy } from '../../server/lib/client.mjs';
import { configFromEnv, describeDb } from '../../server/lib/config.mjs';
import { csvField, csvRow } from '../../server/lib/csv.mjs';
import { isJsonMediaType, normalizePath } from '../../server/lib/http.mjs';
import { correctionMail, digestMail, digestTime } from '../../server/lib/notify/email.mjs';
import { backoffMs } from '../../server/lib/notify/notifier.mjs';
import {
  parseWebhookTarget,
  signature,
  slackPayload,
  verifySignature,
  webhookLabel,
  webhookPayload,
} from '../../server/lib/notify/webhook.mjs';
import { DEFAULT_RATE_LIMITS, historyNeeded, parseRateLimits, rateVerdict } from '../../server/lib/rate-limit.mjs';
import { encodeDirectivePart, textDirective, textFragmentLink } from '../../server/lib/text-fragment.mjs';
import { isHoneypotFilled } from '../../server/lib/validate.mjs';

const ARTICLE = 'https://news.example/2026/11/story';

describe('text-fragment links for editors', () => {
  test('the sample quote: whole words of context around the exact words', () => {
    const link = textFragmentLink(ARTICLE, {
      exact: 'Kiev',
      prefix: 'The delegation arrived in ',
      suffix: ' on Tuesday morning',
    });
    // Shorter than 32 characters: Folio cut it after whole words (or it is all there was).
    assert.equal(link, `${ARTICLE}#:~:text=The%20delegation%20arrived%20in-,Kiev,-on%20Tuesday%20morning`);
  });

  test('a 32-character context may be cut inside a word (older clients): its outermost word goes', () => {
    // "ssaid the delegation arrived in ": 32 characters, the first word cut.
    const prefix = 'aid the delegation arrived in '.padStart(32, 's');
    const link = textFragmentLink(ARTICLE, { exact: 'Kiev', prefix, suffix: ' on Tuesday morning, officials s' });
    assert.equal(prefix.length, 32);
    assert.equal(
      link,
      `${ARTICLE}#:~:text=the%20delegation%20arrived%20in-,Kiev,-on%20Tuesday%20morning%2C%20officials`,
    );
  });

  test('"-", "," and "&" in the words are percent-encoded, so they cannot end a part', () => {
    assert.equal(encodeDirectivePart('rock-and-roll, fish & chips'), 'rock%2Dand%2Droll%2C%20fish%20%26%20chips');
    const link = textFragmentLink(ARTICLE, { exact: 'well-known, A&B', prefix: '', suffix: '' });
    assert.equal(link, `${ARTICLE}#:~:text=well%2Dknown%2C%20A%26B`);
  });

  test('a selection that starts or ends inside a word is widened to whole words', () => {
    const link = textFragmentLink(ARTICLE, { exact: 'ie', prefix: 'the city of K', suffix: 'v on Tuesday' });
    assert.equal(link, `${ARTICLE}#:~:text=the%20city%20of-,Kiev,-on%20Tuesday`);
  });

  test('a selection across paragraphs links from its first to its last words', () => {
    const directive = textDirective({
      exact: 'the end of one paragraph.\n\nThe start of the next one',
      prefix: '',
      suffix: '',
    });
    assert.equal(directive, 'the%20end%20of%20one,of%20the%20next%20one');
  });

  test('a very long quote links by its first and last words', () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`);
    assert.equal(
      textDirective({ exact: words.join(' ') }),
      'word0%20word1%20word2%20word3,word76%20word77%20word78%20word79',
    );
  });

  test('the article URL keeps its query, loses its own fragment, and must be http(s)', () => {
    assert.equal(textFragmentLink(`${ARTICLE}?page=2#comments`, { exact: 'Kiev' }), `${ARTICLE}?page=2#:~:text=Kiev`);
    assert.equal(textFragmentLink(ARTICLE, null), ARTICLE);
    assert.equal(textFragmentLink('javascript:alert(1)', { exact: 'x' }), null);
    assert.equal(textFragmentLink('not a url', { exact: 'x' }), null);
  });

  test('non-Latin words are whole words too', () => {
    const link = textFragmentLink(ARTICLE, { exact: 'Київ', prefix: 'делегація прибула до ', suffix: ' у вівторок' });
    const encoded = (words) => encodeURIComponent(words);
    assert.equal(
      link,
      `${ARTICLE}#:~:text=${encoded('делегація прибула до')}-,${encoded('Київ')},-${encoded('у вівторок')}`,
    );
  });
});

describe('rate limiter', () => {
  test('parses FOLIO_RATE_LIMITS, and refuses nonsense with a useful message', () => {
    assert.deepEqual(parseRateLimits('5/300, 15/1800,30/86400'), DEFAULT_RATE_LIMITS);
    assert.deepEqual(parseRateLimits('off'), []);
    assert.throws(() => parseRateLimits('5 per minute'), /FOLIO_RATE_LIMITS/);
    assert.throws(() => parseRateLimits('0/60'), /FOLIO_RATE_LIMITS/);
  });

  test('a sliding window: one slot frees when the oldest arrival leaves it', () => {
    const limits = [{ max: 2, windowSeconds: 10 }];
    assert.deepEqual(rateVerdict([0, 4000], limits, 4000), { allowed: false, retryAfterSeconds: 6 });
    assert.deepEqual(rateVerdict([], limits, 4000), { allowed: true });
    assert.deepEqual(rateVerdict([0, 4000], limits, 10_000), { allowed: true });
    assert.deepEqual(rateVerdict([4000, 0, 10_000], limits, 10_000), { allowed: false, retryAfterSeconds: 4 });
  });

  test('every window counts; the longest wait wins', () => {
    const times = Array.from({ length: 15 }, (_, i) => i * 60_000);
    const verdict = rateVerdict(times, DEFAULT_RATE_LIMITS, 15 * 60_000);
    // 15 in 30 minutes: free again when the first leaves the 30-minute window.
    assert.deepEqual(verdict, { allowed: false, retryAfterSeconds: 15 * 60 });
  });

  test('the store reads only what a verdict needs: the longest window, the largest count', () => {
    assert.deepEqual(historyNeeded(DEFAULT_RATE_LIMITS), { windowMs: 86_400_000, count: 30 });
    assert.equal(historyNeeded([]), null);
  });
});

describe('client addresses behind a proxy (FOLIO_TRUST_PROXY)', () => {
  const request = (peer, forwarded) => ({
    socket: { remoteAddress: peer },
    headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
  });

  test('off: the socket address, whatever X-Forwarded-For says', () => {
    assert.equal(parseTrustProxy(''), null);
    assert.equal(parseTrustProxy('0'), null);
    assert.equal(clientAddress(request('198.51.100.4', '203.0.113.1'), null), '198.51.100.4');
  });

  test('one hop: the entry the proxy appended, only when the request came from loopback or a private network', () => {
    const one = parseTrustProxy('1');
    assert.equal(clientAddress(request('127.0.0.1', '9.9.9.9, 203.0.113.1'), one), '203.0.113.1');
    assert.equal(clientAddress(request('::ffff:10.1.2.3', '203.0.113.1:50312'), one), '203.0.113.1');
    assert.equal(clientAddress(request('::1', '[2001:db8::7]:443'), one), '2001:db8::7');
    // Straight from the internet: X-Forwarded-For is the client's own invention.
    assert.equal(clientAddress(request('203.0.113.50', '1.2.3.4'), one), '203.0.113.50');
    assert.equal(clientAddress(request('127.0.0.1', 'not an address'), one), '127.0.0.1');
    assert.equal(clientAddress(request('127.0.0.1'), one), '127.0.0.1');
  });

  test('two hops: the entry the outer proxy appended', () => {
    const two = parseTrustProxy('2');
    assert.equal(clientAddress(request('127.0.0.1', '1.1.1.1, 203.0.113.1, 10.0.0.5'), two), '203.0.113.1');
  });

  test('a list of proxies: walk from the right past them; the peer must be one', () => {
    const policy = parseTrustProxy('127.0.0.1, 10.0.0.0/8, 2001:db8:ffff::/48');
    assert.equal(clientAddress(request('127.0.0.1', '7.7.7.7, 203.0.113.1, 10.9.8.7'), policy), '203.0.113.1');
    assert.equal(clientAddress(request('127.0.0.1', '10.0.0.2, 10.9.8.7'), policy), '10.0.0.2');
    assert.equal(clientAddress(request('2001:db8:ffff::1', '203.0.113.1'), policy), '203.0.113.1');
    assert.equal(clientAddress(request('192.0.2.1', '203.0.113.1'), policy), '192.0.2.1');
  });

  test('bad values name the variable', () => {
    for (const bad of ['yes please', '10.0.0.0/33', '300.1.1.1', '99', '-1', '1.2.3.4/8/2']) {
      assert.throws(() => parseTrustProxy(bad), /FOLIO_TRUST_PROXY/, bad);
    }
  });
});

describe('client keys', () => {
  test('IPv4, IPv4-mapped IPv6 and IPv6 /64 prefixes', () => {
    assert.equal(clientKey('203.0.113.9'), '203.0.113.9');
    assert.equal(clientKey('::ffff:203.0.113.9'), '203.0.113.9');
    assert.equal(clientKey('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
    assert.equal(clientKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'), '2001:db8:1:2::/64');
    assert.equal(clientKey('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(clientKey('::1'), '0:0:0:0::/64');
    assert.equal(clientKey(undefined), 'unknown');
  });
});

describe('named editors', () => {
  const request = (token) => ({ headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });

  test('FOLIO_EDITORS: name=token pairs, by comma or line; the file: one per line, # comments', () => {
    assert.deepEqual(
      parseEditors('Anna Kovalenko=token-anna-0123456789, Bohdan=token-bohdan-012345', { separators: /\r?\n|,/ }),
      [
        { name: 'Anna Kovalenko', token: 'token-anna-0123456789' },
        { name: 'Bohdan', token: 'token-bohdan-012345' },
      ],
    );
    assert.deepEqual(parseEditors('# the desk\n\nKovalenko, Anna = token-anna-0123456789==\n'), [
      { name: 'Kovalenko, Anna', token: 'token-anna-0123456789==' },
    ]);
  });

  test('refuses short or shared tokens, repeated names and entries without a token', () => {
    assert.throws(() => parseEditors('Anna=short'), /at least 16/);
    assert.throws(() => parseEditors('Anna=token-anna-0123456789\nBohdan=token-anna-0123456789'), /share a token/);
    assert.throws(() => parseEditors('Anna=token-anna-0123456789\nAnna=token-anna-9876543210'), /named twice/);
    assert.throws(() => parseEditors('Anna'), /name=token/);
    assert.throws(() => parseEditors('Anna=has a space in it ok'), /printable ASCII/);
  });

  test('each token says who is deciding; the shared token still works', () => {
    const directory = createEditorDirectory({
      sharedToken: 'shared-token-0123456789',
      editors: [{ name: 'Anna', token: 'token-anna-0123456789' }],
    });
    assert.deepEqual(directory.identify(request('token-anna-0123456789')), { result: 'ok', editor: 'Anna' });
    assert.deepEqual(directory.identify(request('shared-token-0123456789')), { result: 'ok', editor: SHARED_EDITOR });
    assert.deepEqual(directory.identify(request('token-anna-012345678')), { result: 'invalid' });
    assert.deepEqual(directory.identify(request()), { result: 'missing' });
  });
});

describe('editor token', () => {
  test('generated tokens are long and differ', () => {
    const a = generateToken();
    assert.ok(a.length >= 32);
    assert.notEqual(a, generateToken());
  });

  test('Bearer parsing and comparison', () => {
    assert.equal(bearerToken('Bearer abc.def'), 'abc.def');
    assert.equal(bearerToken('bearer   abc'), 'abc');
    assert.equal(bearerToken('Basic abc'), null);
    assert.equal(bearerToken(undefined), null);
    assert.equal(tokensMatch('abc', 'abc'), true);
    assert.equal(tokensMatch('abc', 'abd'), false);
    assert.equal(tokensMatch('ab', 'abc'), false);
  });
});

describe('paths', () => {
  test('routes are matched on the decoded path with empty segments dropped', () => {
    assert.equal(normalizePath('/%69nbox'), '/inbox');
    assert.equal(normalizePath('//inbox'), '/inbox');
    assert.equal(normalizePath('/inbox/'), '/inbox/');
    assert.equal(normalizePath('/api/corrections/urn%3Auuid%3Aab'), '/api/corrections/urn:uuid:ab');
    // An encoded slash stays one segment.
    assert.equal(normalizePath('/inbox%2F..%2Fx'), '/inbox%2F..%2Fx');
    assert.equal(normalizePath('/%ZZ'), null);
  });
});

describe('CSV export', () => {
  test('quotes what needs quoting and keeps formulas from running in a spreadsheet', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a, "b"\nc'), '"a, ""b""\nc"');
    assert.equal(csvField(' padded '), '" padded "');
    assert.equal(csvField('=HYPERLINK("http://evil.example")'), '"\'=HYPERLINK(""http://evil.example"")"');
    assert.equal(csvField('+1'), "'+1");
    assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvField(null), '');
    assert.equal(csvRow(['a', 1, null]), 'a,1,\r\n');
  });
});

describe('webhook signatures', () => {
  const SECRET = 'whsec-0123456789abcdef';
  const BODY = '{"event":"correction.created"}';
  const NOW = Date.parse('2026-11-26T10:00:00Z');

  test('a signature made now verifies; a changed body, another secret or an old timestamp do not', () => {
    const header = signature(SECRET, NOW / 1000, BODY);
    assert.match(header, /^t=\d+,v1=[0-9a-f]{64}$/);
    assert.equal(verifySignature(SECRET, header, BODY, { now: NOW }), true);
    assert.equal(verifySignature(SECRET, header, `${BODY} `, { now: NOW }), false);
    assert.equal(verifySignature('another-secret-0123456', header, BODY, { now: NOW }), false);
    // Replayed six minutes later.
    assert.equal(verifySignature(SECRET, header, BODY, { now: NOW + 6 * 60_000 }), false);
    assert.equal(verifySignature(SECRET, 'garbage', BODY, { now: NOW }), false);
  });

  test('webhook URLs: http(s), slack: for Slack-compatible ones, shown without their secret path', () => {
    assert.deepEqual(parseWebhookTarget('https://cms.example/hooks/folio'), {
      url: 'https://cms.example/hooks/folio',
      format: 'json',
    });
    assert.deepEqual(parseWebhookTarget('slack:https://hooks.slack.com/services/T0/B0/XYZ'), {
      url: 'https://hooks.slack.com/services/T0/B0/XYZ',
      format: 'slack',
    });
    assert.throws(() => parseWebhookTarget('ftp://x.example'), /FOLIO_WEBHOOK_URL/);
    assert.throws(() => parseWebhookTarget('https://user:pw@x.example/'), /credentials/);
    assert.equal(webhookLabel('https://hooks.slack.com/services/T0/B0/XYZ'), 'https://hooks.slack.com/services/…');
  });
});

describe('notification messages', () => {
  const item = {
    id: 'urn:uuid:6f1c2a7e-8a8b-4c1e-9a53-2b1f7d0e4c11',
    receivedAt: '2026-11-26T10:00:00.000Z',
    source: 'https://news.example/2026/11/story',
    title: 'Council <b>votes</b> & "more"',
    quote: { exact: 'Kiev', prefix: 'The delegation arrived in ', suffix: ' on Tuesday morning' },
    suggestion: 'Kyiv <script>alert(1)</script>',
    comment: 'Spelling <!channel>',
    email: 'reader@example.org',
  };
  const publicUrl = 'https://corrections.news.example';

  test("a mail per correction: the quote in context, links to the inbox and the words, readers' text escaped in HTML", () => {
    const mail = correctionMail(item, { publicUrl });
    assert.equal(mail.subject, 'Correction suggested: Council <b>votes</b> & "more"');
    assert.match(mail.text, /…The delegation arrived in \[Kiev\] on Tuesday morning…/);
    assert.match(mail.text, /https:\/\/corrections\.news\.example\/inbox\?correction=urn%3Auuid%3A6f1c2a7e/);
    assert.match(mail.text, /#:~:text=/);
    assert.doesNotMatch(mail.text, /reader@example\.org/, "the reader's address stays in the inbox");
    assert.match(mail.html, /<mark[^>]*>Kiev<\/mark>/);
    assert.match(mail.html, /Kyiv &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(mail.html, /<script>|<b>votes/);
  });

  test('a digest lists every correction once', () => {
    const other = {
      ...item,
      id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
      source: 'https://news.example/other',
      title: null,
    };
    const mail = digestMail([item, other], { publicUrl });
    assert.equal(mail.subject, '2 corrections suggested on 2 stories');
    assert.equal(mail.text.split('Open it in the inbox').length - 1, 2);
    assert.match(mail.text, /news\.example\/other/);
  });

  test('digest periods end on the hour; without a digest a mail goes at once', () => {
    const hour = 3_600_000;
    assert.equal(digestTime(Date.parse('2026-11-26T10:20:00Z'), hour), Date.parse('2026-11-26T11:00:00Z'));
    assert.equal(digestTime(Date.parse('2026-11-26T10:20:00Z'), 0), Date.parse('2026-11-26T10:20:00Z'));
  });

  test('webhook JSON and Slack text: no reader address, Slack mentions and markup escaped', () => {
    const json = webhookPayload(item, { publicUrl });
    assert.equal(json.event, 'correction.created');
    assert.equal(json.correction.readerLeftEmail, true);
    assert.doesNotMatch(JSON.stringify(json), /reader@example/);
    const slack = slackPayload(item, { publicUrl });
    const text = slack.blocks[0].text.text;
    assert.match(text, /&lt;!channel&gt;/);
    assert.match(text, /<https:\/\/corrections\.news\.example\/inbox\?correction=[^|]+\|Open in the inbox>/);
    assert.doesNotMatch(text, /<script>/);
  });

  test('retries back off exponentially, capped, with a little jitter', () => {
    const timing = { retryBaseMs: 1000, retryMaxMs: 60_000 };
    assert.equal(
      backoffMs(1, timing, () => 0),
      1000,
    );
    assert.equal(
      backoffMs(4, timing, () => 0),
      8000,
    );
    assert.equal(
      backoffMs(40, timing, () => 0),
      60_000,
    );
    assert.equal(
      backoffMs(1, timing, () => 1),
      1100,
    );
  });
});

describe('media types and the honeypot', () => {
  test('JSON in UTF-8 only', () => {
    assert.equal(isJsonMediaType('application/json'), true);
    assert.equal(isJsonMediaType('Application/JSON; charset="UTF-8"'), true);
    assert.equal(isJsonMediaType('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'), true);
    assert.equal(isJsonMediaType('application/json; charset=iso-8859-1'), false);
    assert.equal(isJsonMediaType('text/json'), false);
    assert.equal(isJsonMediaType(undefined), false);
  });

  test('a honeypot counts as filled unless empty', () => {
    assert.equal(isHoneypotFilled({}), false);
    assert.equal(isHoneypotFilled({ 'folio:honeypot': '' }), false);
    assert.equal(isHoneypotFilled({ 'folio:honeypot': '  ' }), false);
    assert.equal(isHoneypotFilled({ 'folio:honeypot': null }), false);
    assert.equal(isHoneypotFilled({ 'folio:honeypot': 'x' }), true);
    assert.equal(isHoneypotFilled({ 'folio:honeypot': 1 }), true);
  });
});

describe('configuration from the environment', () => {
  const root = path.resolve('/srv/folio');

  test('defaults need no variables', () => {
    const config = configFromEnv({}, { root });
    assert.equal(config.port, 8000);
    assert.equal(config.host, 'localhost');
    assert.equal(config.db, path.join(root, '.data', 'corrections.sqlite'));
    assert.equal(config.editorToken, undefined);
    assert.deepEqual(config.editors, []);
    assert.deepEqual(config.allowedOrigins, []);
    assert.deepEqual(config.rateLimits, DEFAULT_RATE_LIMITS);
    assert.equal(config.trustProxy, null);
    assert.equal(config.publicUrl, undefined);
    assert.equal(config.maxConnections, 1000);
    assert.deepEqual(config.notify, {
      webhooks: [],
      webhookSecret: null,
      smtpUrl: null,
      emailTo: [],
      emailFrom: undefined,
      digestMs: 0,
    });
  });

  test('every variable is read', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'folio-config-'));
    const file = path.join(dir, 'editors');
    await writeFile(file, '# desk\nCarla=token-carla-0123456789\n');
    try {
      const config = configFromEnv(
        {
          PORT: '9000',
          HOST: '0.0.0.0',
          FOLIO_DB: 'postgres://folio:pw@db.internal:5432/folio',
          FOLIO_EDITOR_TOKEN: 'secret-token',
          FOLIO_EDITORS: 'Anna=token-anna-0123456789,Bohdan=token-bohdan-012345',
          FOLIO_EDITORS_FILE: file,
          FOLIO_ALLOWED_ORIGINS: 'https://a.example, https://b.example:8443',
          FOLIO_RATE_LIMITS: '2/60',
          FOLIO_TRUST_PROXY: '1',
          FOLIO_PUBLIC_URL: 'https://corrections.news.example/',
          FOLIO_MAX_CONNECTIONS: '50',
          FOLIO_WEBHOOK_URL: 'https://cms.example/hook slack:https://hooks.slack.com/services/T/B/X',
          FOLIO_WEBHOOK_SECRET: 'whsec-0123456789abcdef',
          FOLIO_SMTP_URL: 'smtp://mailer:pw@smtp.example:587',
          FOLIO_NOTIFY_EMAIL: 'desk@news.example, Night Desk <night@news.example>',
          FOLIO_EMAIL_FROM: 'Folio <folio@news.example>',
          FOLIO_EMAIL_DIGEST: 'hourly',
        },
        { root },
      );
      assert.equal(config.port, 9000);
      assert.equal(config.host, '0.0.0.0');
      assert.equal(config.db, 'postgres://folio:pw@db.internal:5432/folio');
      assert.equal(describeDb(config.db), 'postgres://folio:***@db.internal:5432/folio');
      assert.equal(config.editorToken, 'secret-token');
      assert.deepEqual(
        config.editors.map((e) => e.name),
        ['Anna', 'Bohdan', 'Carla'],
      );
      assert.deepEqual(config.allowedOrigins, ['https://a.example', 'https://b.example:8443']);
      assert.deepEqual(config.rateLimits, [{ max: 2, windowSeconds: 60 }]);
      assert.equal(config.trustProxy.hops, 1);
      assert.equal(config.publicUrl, 'https://corrections.news.example');
      assert.equal(config.maxConnections, 50);
      assert.deepEqual(config.notify.webhooks, [
        { url: 'https://cms.example/hook', format: 'json' },
        { url: 'https://hooks.slack.com/services/T/B/X', format: 'slack' },
      ]);
      assert.deepEqual(config.notify.emailTo, ['desk@news.example', 'Night Desk <night@news.example>']);
      assert.equal(config.notify.digestMs, 3_600_000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    assert.equal(configFromEnv({ FOLIO_DB: 'rel/c.sqlite' }, { root }).db, path.resolve('rel/c.sqlite'));
  });

  test('bad values stop the server with the variable named', () => {
    const bad = {
      PORT: { PORT: 'eighty' },
      FOLIO_ALLOWED_ORIGINS: { FOLIO_ALLOWED_ORIGINS: 'partner.example' },
      FOLIO_RATE_LIMITS: { FOLIO_RATE_LIMITS: 'lots' },
      FOLIO_EDITOR_TOKEN: { FOLIO_EDITOR_TOKEN: 'has spaces' },
      FOLIO_EDITORS: { FOLIO_EDITORS: 'Anna=short' },
      FOLIO_EDITORS_FILE: { FOLIO_EDITORS_FILE: '/nonexistent/editors' },
      FOLIO_TRUST_PROXY: { FOLIO_TRUST_PROXY: 'everyone' },
      FOLIO_PUBLIC_URL: { FOLIO_PUBLIC_URL: 'corrections.example' },
      FOLIO_MAX_CONNECTIONS: { FOLIO_MAX_CONNECTIONS: '0' },
      FOLIO_WEBHOOK_SECRET: { FOLIO_WEBHOOK_URL: 'https://cms.example/hook' },
      FOLIO_WEBHOOK_URL: { FOLIO_WEBHOOK_URL: 'cms.example/hook', FOLIO_WEBHOOK_SECRET: 'whsec-0123456789abcdef' },
      FOLIO_NOTIFY_EMAIL: { FOLIO_SMTP_URL: 'smtp://smtp.example' },
      FOLIO_SMTP_URL: { FOLIO_NOTIFY_EMAIL: 'desk@news.example' },
      FOLIO_EMAIL_DIGEST: {
        FOLIO_SMTP_URL: 'smtp://smtp.example',
        FOLIO_NOTIFY_EMAIL: 'desk@news.example',
        FOLIO_EMAIL_DIGEST: 'weekly',
      },
    };
    for (const [name, env] of Object.entries(bad)) {
      assert.throws(() => configFromEnv(env, { root }), new RegExp(name), name);
    }
    assert.throws(
      () =>
        configFromEnv(
          { FOLIO_EDITOR_TOKEN: 'token-anna-0123456789', FOLIO_EDITORS: 'Anna=token-anna-0123456789' },
          { root },
        ),
      /shares a token/,
    );
  });
});
