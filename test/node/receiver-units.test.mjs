// The receiver's small parts, without a server: text-fragment links, the rate limiter,
// client keys, tokens, media types and the environment.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { bearerToken, generateToken, tokensMatch } from '../../server/lib/auth.mjs';
import { clientKey } from '../../server/lib/client.mjs';
import { configFromEnv } from '../../server/lib/config.mjs';
import { isJsonMediaType } from '../../server/lib/http.mjs';
import { createRateLimiter, DEFAULT_RATE_LIMITS, parseRateLimits } from '../../server/lib/rate-limit.mjs';
import { encodeDirectivePart, textDirective, textFragmentLink } from '../../server/lib/text-fragment.mjs';
import { isHoneypotFilled } from '../../server/lib/validate.mjs';

const ARTICLE = 'https://news.example/2026/11/story';

describe('text-fragment links for editors', () => {
  test('the sample quote: whole words of context around the exact words', () => {
    const link = textFragmentLink(ARTICLE, { exact: 'Kiev', prefix: 'The delegation arrived in ', suffix: ' on Tuesday morning' });
    // "The" and "morning" may be cut-off words (the context has a fixed length), so they go.
    assert.equal(link, `${ARTICLE}#:~:text=delegation%20arrived%20in-,Kiev,-on%20Tuesday`);
  });

  test('"-", "," and "&" in the words are percent-encoded, so they cannot end a part', () => {
    assert.equal(encodeDirectivePart('rock-and-roll, fish & chips'), 'rock%2Dand%2Droll%2C%20fish%20%26%20chips');
    const link = textFragmentLink(ARTICLE, { exact: 'well-known, A&B', prefix: '', suffix: '' });
    assert.equal(link, `${ARTICLE}#:~:text=well%2Dknown%2C%20A%26B`);
  });

  test('a selection that starts or ends inside a word is widened to whole words', () => {
    const link = textFragmentLink(ARTICLE, { exact: 'ie', prefix: 'the city of K', suffix: 'v on Tuesday' });
    assert.equal(link, `${ARTICLE}#:~:text=city%20of-,Kiev,-on`);
  });

  test('a selection across paragraphs links from its first to its last words', () => {
    const directive = textDirective({ exact: 'the end of one paragraph.\n\nThe start of the next one', prefix: '', suffix: '' });
    assert.equal(directive, 'the%20end%20of%20one,of%20the%20next%20one');
  });

  test('a very long quote links by its first and last words', () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`);
    assert.equal(textDirective({ exact: words.join(' ') }), 'word0%20word1%20word2%20word3,word76%20word77%20word78%20word79');
  });

  test('the article URL keeps its query, loses its own fragment, and must be http(s)', () => {
    assert.equal(textFragmentLink(`${ARTICLE}?page=2#comments`, { exact: 'Kiev' }), `${ARTICLE}?page=2#:~:text=Kiev`);
    assert.equal(textFragmentLink(ARTICLE, null), ARTICLE);
    assert.equal(textFragmentLink('javascript:alert(1)', { exact: 'x' }), null);
    assert.equal(textFragmentLink('not a url', { exact: 'x' }), null);
  });

  test('non-Latin words are whole words too', () => {
    const link = textFragmentLink(ARTICLE, { exact: 'Київ', prefix: 'делегація прибула до ', suffix: ' у вівторок' });
    assert.equal(
      link,
      `${ARTICLE}#:~:text=${encodeURIComponent('прибула до')}-,${encodeURIComponent('Київ')},-${encodeURIComponent('у')}`,
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

  test('a sliding window: one slot frees when the oldest hit leaves it', () => {
    let now = 0;
    const limiter = createRateLimiter({ limits: [{ max: 2, windowSeconds: 10 }], now: () => now });
    limiter.record('a');
    now = 4000;
    limiter.record('a');
    assert.deepEqual(limiter.check('a'), { allowed: false, retryAfterSeconds: 6 });
    assert.deepEqual(limiter.check('b'), { allowed: true });
    now = 10_000;
    assert.deepEqual(limiter.check('a'), { allowed: true });
    limiter.record('a');
    assert.deepEqual(limiter.check('a'), { allowed: false, retryAfterSeconds: 4 });
  });

  test('forgets clients once their longest window has passed', () => {
    let now = 0;
    const limiter = createRateLimiter({ limits: [{ max: 5, windowSeconds: 1 }], now: () => now });
    limiter.record('a');
    assert.equal(limiter.size, 1);
    now = 1000;
    limiter.check('a');
    assert.equal(limiter.size, 0);
  });

  test('no limits: always allowed', () => {
    const limiter = createRateLimiter({ limits: [] });
    for (let i = 0; i < 100; i++) limiter.record('a');
    assert.deepEqual(limiter.check('a'), { allowed: true });
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
    assert.equal(config.dbPath, path.join(root, '.data', 'corrections.sqlite'));
    assert.equal(config.editorToken, undefined);
    assert.deepEqual(config.allowedOrigins, []);
    assert.deepEqual(config.rateLimits, DEFAULT_RATE_LIMITS);
    assert.equal(config.trustProxy, false);
  });

  test('every variable is read', () => {
    const config = configFromEnv(
      {
        PORT: '9000',
        HOST: '0.0.0.0',
        FOLIO_DB: '/tmp/c.sqlite',
        FOLIO_EDITOR_TOKEN: 'secret-token',
        FOLIO_ALLOWED_ORIGINS: 'https://a.example, https://b.example:8443',
        FOLIO_RATE_LIMITS: '2/60',
        FOLIO_TRUST_PROXY: '1',
      },
      { root },
    );
    assert.equal(config.port, 9000);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.dbPath, path.resolve('/tmp/c.sqlite'));
    assert.equal(config.editorToken, 'secret-token');
    assert.deepEqual(config.allowedOrigins, ['https://a.example', 'https://b.example:8443']);
    assert.deepEqual(config.rateLimits, [{ max: 2, windowSeconds: 60 }]);
    assert.equal(config.trustProxy, true);
  });

  test('bad values stop the server with the variable named', () => {
    assert.throws(() => configFromEnv({ PORT: 'eighty' }, { root }), /PORT/);
    assert.throws(() => configFromEnv({ FOLIO_ALLOWED_ORIGINS: 'partner.example' }, { root }), /FOLIO_ALLOWED_ORIGINS/);
    assert.throws(() => configFromEnv({ FOLIO_RATE_LIMITS: 'lots' }, { root }), /FOLIO_RATE_LIMITS/);
    assert.throws(() => configFromEnv({ FOLIO_EDITOR_TOKEN: 'has spaces' }, { root }), /FOLIO_EDITOR_TOKEN/);
  });
});
