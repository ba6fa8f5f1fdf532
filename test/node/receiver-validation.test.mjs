// The corrections receiver refuses bad input with the right 4xx and stores nothing from it, on
// each store (SQLite, and PostgreSQL when FOLIO_TEST_PG is set).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { createFolioServer } from '../../server/index.mjs';
import { validateAnnotation } from '../../server/lib/validate.mjs';
import { SAMPLE } from '../support/annotation-sample.mjs';
import { STORES } from './support/stores.mjs';

const TOKEN = 'test-editor-token';

/** A copy of the sample with a fresh id, changed by `edit`. */
function annotation(edit = () => {}) {
  const doc = structuredClone(SAMPLE);
  doc.id = `urn:uuid:${randomUUID()}`;
  edit(doc);
  return doc;
}
const quote = (doc) => doc.target.selector[0];
const position = (doc) => doc.target.selector[1];
const generalCorrection = (doc) => {
  delete doc.target.selector;
};

// The stores side by side (each one's tests in order): most of the time is spent waiting on I/O.
describe('validation', { concurrency: STORES.length }, () => {
  for (const store of STORES) {
    describe(`on ${store.name}`, { skip: store.skip, concurrency: 1 }, () => suite(store));
  }
});

function suite(store) {
  let app;
  let base;

  before(async () => {
    app = await createFolioServer({ ...(await store.fresh()), editorToken: TOKEN, rateLimits: [] });
    const { port } = await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${port}`;
  });

  after(async () => {
    await app.close();
    await store.cleanup();
  });

  const stored = async () => (await app.store.list({ limit: 200 })).total;

  function post(body, contentType = 'application/json') {
    return fetch(`${base}/api/corrections`, {
      method: 'POST',
      headers: contentType ? { 'Content-Type': contentType } : {},
      body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
    });
  }

  /** A POST through node:http, for bodies fetch will not send as they are (chunked, no type). */
  function rawPost(headers, write) {
    return new Promise((resolve, reject) => {
      const req = http.request(`${base}/api/corrections`, { method: 'POST', headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
      });
      req.on('error', reject);
      write(req);
    });
  }

  describe('POST /api/corrections accepts good annotations', () => {
    const good = {
      'the sample annotation': annotation(),
      'a general correction with only a comment': annotation((d) => {
        generalCorrection(d);
        d.body = [{ type: 'TextualBody', purpose: 'commenting', value: 'The headline misnames the minister.' }];
      }),
      'a general correction with an empty selector list and a suggestion': annotation((d) => {
        d.target.selector = [];
        d.body = [{ type: 'TextualBody', purpose: 'editing', value: 'Minister Ivanenko' }];
      }),
      'a reader who left an email': annotation((d) => {
        d.creator = { type: 'Person', email: 'reader@example.org' };
      }),
      'an email as a mailto: IRI, as the model spells it': annotation((d) => {
        d.creator = { type: 'Person', email: 'mailto:reader@example.org', name: 'A Reader' };
      }),
      'only a quote selector, no prefix or suffix': annotation((d) => {
        d.target.selector = [{ type: 'TextQuoteSelector', exact: 'Kiev' }];
      }),
      'a quote of exactly 500 characters and a suggestion of exactly 2000 (emoji count once)': annotation((d) => {
        quote(d).exact = '😀'.repeat(500);
        d.body[0].value = 'é'.repeat(2000);
      }),
      'an empty suggestion (remove these words)': annotation((d) => {
        d.body = [{ type: 'TextualBody', purpose: 'editing', value: '' }];
      }),
      'unknown extra properties and selector types': annotation((d) => {
        d['folio:link'] = 'https://news.example/2026/11/story#:~:text=Kiev';
        d.target.selector.push({ type: 'FragmentSelector', value: 'p3' });
        d.body[0].language = 'en';
      }),
      'an empty honeypot field': annotation((d) => {
        d['folio:honeypot'] = '';
      }),
      'a created time with an offset': annotation((d) => {
        d.created = '2026-11-26T12:00:00+02:00';
      }),
      'the story title (dc:title), 300 characters': annotation((d) => {
        d.target['dc:title'] = 'Ж'.repeat(300);
      }),
      'an empty story title': annotation((d) => {
        d.target['dc:title'] = '';
      }),
      'a prefix cut inside an emoji (a lone surrogate), as a client cutting by UTF-16 units sends it': annotation(
        (d) => {
          quote(d).prefix = '\udc00 arrived in ';
        },
      ),
    };
    for (const [name, doc] of Object.entries(good)) {
      test(`${name} -> 201`, async () => {
        const before = await stored();
        const res = await post(doc);
        assert.equal(res.status, 201, await res.clone().text());
        assert.match(res.headers.get('content-type'), /^application\/json; charset=utf-8$/);
        assert.deepEqual(await res.json(), { id: doc.id, received: true });
        assert.equal(await stored(), before + 1);
      });
    }

    test('the stored row has the columns the inbox reads, and no honeypot field', async () => {
      const doc = annotation((d) => {
        d.creator = { type: 'Person', email: 'mailto:reader@example.org' };
        d['folio:honeypot'] = '';
      });
      assert.equal((await post(doc)).status, 201);
      const item = await app.store.get(doc.id);
      assert.equal(item.status, 'new');
      assert.equal(item.source, 'https://news.example/2026/11/story');
      assert.deepEqual(item.quote, {
        exact: 'Kiev',
        prefix: 'The delegation arrived in ',
        suffix: ' on Tuesday morning',
      });
      assert.equal(item.suggestion, 'Kyiv');
      assert.equal(item.comment, 'Spelling of the city');
      assert.equal(item.email, 'reader@example.org');
      assert.match(item.client, /^[\w-]{16}$/);
      assert.ok(!JSON.stringify(item).includes('127.0.0.1'), 'the raw address is not stored');
      assert.equal(Object.hasOwn(item.annotation, 'folio:honeypot'), false);
      assert.deepEqual(item.annotation.body, doc.body);
    });

    test('the story title is kept as one line, and a lone surrogate becomes U+FFFD, never invalid UTF-8', async () => {
      const doc = annotation((d) => {
        d.target['dc:title'] = '  Council votes\n\tto close the   harbour ';
        quote(d).prefix = '\udc00 arrived in ';
        d.body[1].value = 'half an emoji: \ud83d';
      });
      assert.equal((await post(doc)).status, 201);
      const item = await app.store.get(doc.id);
      assert.equal(item.title, 'Council votes to close the harbour');
      assert.equal(item.quote.prefix, '\ufffd arrived in ');
      assert.equal(item.comment, 'half an emoji: \ufffd');
      // The annotation itself is kept as it came (JSON escapes the lone surrogate).
      assert.equal(item.annotation.target.selector[0].prefix, '\udc00 arrived in ');
      const listed = await (
        await fetch(`${base}/api/corrections`, { headers: { Authorization: `Bearer ${TOKEN}` } })
      ).text();
      assert.ok(listed.isWellFormed());
    });

    test('a charset parameter on the content type is fine', async () => {
      assert.equal((await post(annotation(), 'application/json; charset=UTF-8')).status, 201);
    });
  });

  describe('POST /api/corrections refuses bad annotations with 400 and stores nothing', () => {
    const long = (n) => 'x'.repeat(n);
    const bad = {
      'no @context': (d) => delete d['@context'],
      'another @context': (d) => (d['@context'] = 'https://schema.org'),
      'type is not Annotation': (d) => (d.type = 'Note'),
      'no id': (d) => delete d.id,
      'an id that is not a urn:uuid': (d) => (d.id = 'https://example.org/anno/1'),
      'a urn:uuid that is not a UUID': (d) => (d.id = 'urn:uuid:not-a-uuid'),
      'motivation is not editing': (d) => (d.motivation = 'commenting'),
      'no created time': (d) => delete d.created,
      'created is not a date': (d) => (d.created = 'yesterday'),
      'created is an impossible date': (d) => (d.created = '2026-13-45T99:00:00Z'),
      'body is an object, not an array': (d) => (d.body = d.body[0]),
      'a body item that is not a TextualBody': (d) => (d.body[0].type = 'SpecificResource'),
      'a body purpose other than editing or commenting': (d) => (d.body[0].purpose = 'tagging'),
      'a body value that is not a string': (d) => (d.body[0].value = 42),
      'a suggestion of 2001 characters': (d) => (d.body[0].value = long(2001)),
      'a comment of 2001 characters': (d) => (d.body[1].value = long(2001)),
      'an HTML body': (d) => (d.body[0].format = 'text/html'),
      'two suggestions': (d) => d.body.push({ ...d.body[0] }),
      'no target': (d) => delete d.target,
      'no target.source': (d) => delete d.target.source,
      'a javascript: source': (d) => (d.target.source = 'javascript:alert(1)'),
      'an ftp: source': (d) => (d.target.source = 'ftp://news.example/story'),
      'a relative source': (d) => (d.target.source = '/2026/11/story'),
      'selector is not an array': (d) => (d.target.selector = d.target.selector[0]),
      'an empty quote': (d) => (quote(d).exact = ''),
      'a quote of spaces only': (d) => (quote(d).exact = '   '),
      'a quote of 501 characters': (d) => (quote(d).exact = long(501)),
      'a prefix of 65 characters': (d) => (quote(d).prefix = long(65)),
      'a suffix of 65 characters': (d) => (quote(d).suffix = long(65)),
      'a prefix that is not a string': (d) => (quote(d).prefix = ['The']),
      'two quote selectors': (d) => d.target.selector.push({ ...quote(d) }),
      'a position with start after end': (d) => Object.assign(position(d), { start: 130, end: 124 }),
      'a negative position': (d) => (position(d).start = -1),
      'a fractional position': (d) => (position(d).end = 124.5),
      'a position without a quote': (d) => d.target.selector.shift(),
      'a selector without a type': (d) => d.target.selector.push({ exact: 'Kiev' }),
      'a general correction with nothing to say': (d) => {
        generalCorrection(d);
        d.body = [{ type: 'TextualBody', purpose: 'commenting', value: '   ' }];
      },
      'a general correction with no body': (d) => {
        generalCorrection(d);
        d.body = [];
      },
      'a creator that is not a Person': (d) => (d.creator = { type: 'Organization', email: 'desk@example.org' }),
      'a creator without an email': (d) => (d.creator = { type: 'Person', name: 'A Reader' }),
      'an implausible email': (d) => (d.creator = { type: 'Person', email: 'reader at example' }),
      'an email with markup': (d) => (d.creator = { type: 'Person', email: '<script>@x.org' }),
      'a generator that is not an object': (d) => (d.generator = 'Folio'),
      'a story title of 301 characters': (d) => (d.target['dc:title'] = 'x'.repeat(301)),
      'a story title that is not a string': (d) => (d.target['dc:title'] = ['Council votes']),
      'a story title with a control character': (d) => (d.target['dc:title'] = 'Council\u0007votes'),
      'a story title with a C1 control character': (d) => (d.target['dc:title'] = 'Council\u0085votes'),
      'a comment with U+0000': (d) => (d.body[1].value = 'nul\u0000here'),
      'a quote with U+0000': (d) => (quote(d).exact = 'Ki\u0000ev'),
      'a source with a line break in it': (d) => (d.target.source = 'https://news.example/\n2026'),
      'nesting 40 levels deep': (d) => {
        let deep = {};
        for (let i = 0; i < 40; i++) deep = { deep };
        d.extra = deep;
      },
    };
    for (const [name, edit] of Object.entries(bad)) {
      test(`${name} -> 400 with a reason`, async () => {
        const before = await stored();
        const res = await post(annotation(edit));
        assert.equal(res.status, 400);
        assert.match(res.headers.get('content-type'), /^application\/json; charset=utf-8$/);
        const body = await res.json();
        assert.equal(typeof body.error, 'string');
        assert.ok(body.error.length > 0);
        assert.equal(await stored(), before);
      });
    }

    for (const [name, text] of Object.entries({
      'malformed JSON': '{"@context": "http://www.w3.org/ns/anno.jsonld", ',
      'an empty body': '',
      'a JSON array': '[]',
      'a JSON string': '"hello"',
      'JSON null': 'null',
    })) {
      test(`${name} -> 400`, async () => {
        const before = await stored();
        const res = await post(text);
        assert.equal(res.status, 400);
        assert.equal(typeof (await res.json()).error, 'string');
        assert.equal(await stored(), before);
      });
    }

    test('bytes that are not UTF-8 -> 400', async () => {
      const res = await post(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]));
      assert.equal(res.status, 400);
    });
  });

  describe('POST /api/corrections refuses other media types and large bodies', () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=latin1',
    ]) {
      test(`Content-Type ${type} -> 415`, async () => {
        const before = await stored();
        const res = await post(annotation(), type);
        assert.equal(res.status, 415);
        assert.equal(typeof (await res.json()).error, 'string');
        assert.equal(await stored(), before);
      });
    }

    test('no Content-Type at all -> 415', async () => {
      const res = await rawPost({}, (req) => req.end(JSON.stringify(annotation())));
      assert.equal(res.status, 415);
    });

    test('a body over 64 KiB (declared length) -> 413 and nothing stored', async () => {
      const before = await stored();
      const res = await post(annotation((d) => (d.padding = 'x'.repeat(70 * 1024))));
      assert.equal(res.status, 413);
      assert.equal(typeof (await res.json()).error, 'string');
      assert.equal(await stored(), before);
    });

    test('a chunked body that grows past 64 KiB -> 413 without reading it all', async () => {
      const before = await stored();
      const res = await rawPost({ 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }, (req) => {
        req.write(JSON.stringify(annotation()).slice(0, -1));
        req.write(`,"padding":"${'x'.repeat(40 * 1024)}`);
        req.write('x'.repeat(40 * 1024));
        // Never finished: the server must answer without waiting for the end.
        req.on('response', () => req.destroy());
      });
      assert.equal(res.status, 413);
      assert.equal(await stored(), before);
    });

    test('exactly 64 KiB is still accepted', async () => {
      const doc = annotation();
      const text = JSON.stringify({ ...doc, padding: '' });
      const padded = JSON.stringify({ ...doc, padding: 'x'.repeat(64 * 1024 - Buffer.byteLength(text)) });
      assert.equal(Buffer.byteLength(padded), 64 * 1024);
      assert.equal((await post(padded)).status, 201);
    });
  });
}

describe('validateAnnotation', () => {
  test('lower-cases the id, so one correction cannot be stored under two spellings', () => {
    const doc = annotation((d) => (d.id = d.id.toUpperCase().replace('URN:UUID:', 'urn:uuid:')));
    const result = validateAnnotation(doc);
    assert.equal(result.ok, true);
    assert.equal(result.correction.id, doc.id.toLowerCase());
  });

  test('survives a body nested thousands of levels deep', () => {
    const text = `{"a":${'['.repeat(20000)}${']'.repeat(20000)}}`;
    assert.equal(validateAnnotation(JSON.parse(text)).ok, false);
  });
});
