import { expect } from '@open-wc/testing';
import { fetchRelatedFeed, parseRelatedFeed } from '../../src/story/related-feed.js';

const fixture = (name: string) => new URL(`../fixtures/related/${name}`, import.meta.url).href;

/** The error a promise rejects with; fails when it resolves. */
async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the promise to reject');
}

/** A feed error names the feed and what failed, and is an Error of Folio's, not the browser's. */
function expectFeedError(e: Error, url: string, what: string): void {
  expect(e).to.be.instanceOf(Error);
  expect(e.name).to.equal('Error');
  expect(e.message).to.equal(`related feed ${url}: ${what}`);
}

describe('related feed', () => {
  describe('parseRelatedFeed', () => {
    const good = { href: '/a', headline: 'A' };
    const table: [string, unknown, unknown][] = [
      [
        'a plain array keeps its items in order',
        [good, { href: '/b', headline: 'B' }],
        [good, { href: '/b', headline: 'B' }],
      ],
      ['{ items } is accepted like an array', { items: [good] }, [good]],
      ['an empty array is a valid, empty feed', [], []],
      ['{ items: [] } is a valid, empty feed', { items: [] }, []],
      ['items without a headline are dropped', [good, { href: '/x' }], [good]],
      ['items with a blank headline are dropped', [good, { href: '/x', headline: '  ' }], [good]],
      ['items without an href are dropped', [{ headline: 'X' }, good], [good]],
      ['non-object items are dropped', [null, 1, 'x', [good], good], [good]],
      [
        'optional fields are kept when they are strings',
        [{ ...good, kicker: 'K', label: 'L', teaser: 'T', image: '/i.jpg', imageAlt: 'Alt', published: '2024-01-02' }],
        [{ ...good, kicker: 'K', label: 'L', teaser: 'T', image: '/i.jpg', imageAlt: 'Alt', published: '2024-01-02' }],
      ],
      ['optional fields of the wrong type are left out', [{ ...good, kicker: 3, image: {}, teaser: null }], [good]],
      ['unknown fields are left out', [{ ...good, onclick: 'alert(1)' }], [good]],
      ['an object without items is garbage', { hello: 'world' }, null],
      ['items that is not an array is garbage', { items: 'nope' }, null],
      ['a string is garbage', 'feed', null],
      ['null is garbage', null, null],
      ['a number is garbage', 42, null],
      ['a list of nothing but invalid items is garbage', [1, 2, { href: '/x' }], null],
    ];
    for (const [name, input, expected] of table) {
      it(name, () => {
        expect(parseRelatedFeed(input)).to.deep.equal(expected);
      });
    }
  });

  describe('fetchRelatedFeed', () => {
    it('returns the valid items of a JSON array feed', async () => {
      const items = await fetchRelatedFeed(fixture('feed.json'));
      expect(items.map((i) => i.headline)).to.deep.equal([
        'How the grain corridor kept running through the winter',
        'Fact check: what the power-grid figures really say',
        "Lviv's book forum returns",
      ]);
      expect(items[0]).to.include({
        kicker: 'Analysis',
        imageAlt: 'A cargo ship at the port of Odesa',
        published: '2024-05-02',
      });
      expect(items[2]).to.not.have.property('label');
    });

    it('reads an { items } feed', async () => {
      const items = await fetchRelatedFeed(fixture('items.json'));
      expect(items).to.deep.equal([
        { href: '/a', headline: 'First' },
        { href: '/b', headline: 'Second' },
      ]);
    });

    it('throws an http error with the status when the server answers 500', async () => {
      const e = await rejection(fetchRelatedFeed('/__test/status/500'));
      expectFeedError(e, '/__test/status/500', 'http 500');
    });

    it('throws an http error on 404', async () => {
      const e = await rejection(fetchRelatedFeed('/__test/status/404'));
      expectFeedError(e, '/__test/status/404', 'http 404');
    });

    it('throws a json error when the body is not JSON (an HTML page)', async () => {
      const e = await rejection(fetchRelatedFeed(fixture('not-json.html')));
      expectFeedError(e, fixture('not-json.html'), 'json');
    });

    it('throws a json error on truncated JSON', async () => {
      const e = await rejection(fetchRelatedFeed('/__test/json/malformed'));
      expectFeedError(e, '/__test/json/malformed', 'json');
    });

    it('throws an invalid error on JSON of the wrong shape', async () => {
      const e = await rejection(fetchRelatedFeed('/__test/json/wrong-shape'));
      expectFeedError(e, '/__test/json/wrong-shape', 'invalid');
    });

    it('throws a network error when the server cannot be reached', async () => {
      const e = await rejection(fetchRelatedFeed('http://127.0.0.1:9/feed.json'));
      expectFeedError(e, 'http://127.0.0.1:9/feed.json', 'network');
    });

    it('rethrows an abort as the AbortError, not a feed error', async () => {
      const controller = new AbortController();
      const p = fetchRelatedFeed('/__test/slow', controller.signal);
      controller.abort();
      const e = await rejection(p);
      expect(e.name).to.equal('AbortError');
      expect(e.message).to.not.include('related feed');
    });
  });
});
