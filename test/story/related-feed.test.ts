import { expect } from '@open-wc/testing';
import { fetchRelatedFeed, parseRelatedFeed } from '../../src/story/related-feed.js';

const fixture = (name: string) => new URL(`../fixtures/related/${name}`, import.meta.url).href;

/** A failed feed: fetchJson's code, and a message that names the feed and what failed. */
async function expectFailure(url: string, code: string, what: string): Promise<void> {
  const result = await fetchRelatedFeed(url);
  expect(result).to.include({ ok: false, code });
  expect(!result.ok && result.message).to.equal(`${url}: ${what}`);
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
        'optional fields are kept when they are strings; a thumbnail and a date, which cards no longer show, are not',
        [{ ...good, kicker: 'K', label: 'L', teaser: 'T', image: '/i.jpg', imageAlt: 'Alt', published: '2024-01-02' }],
        [{ ...good, kicker: 'K', label: 'L', teaser: 'T' }],
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
      const result = await fetchRelatedFeed(fixture('feed.json'));
      const items = result.ok ? result.value : [];
      expect(items.map((i) => i.headline)).to.deep.equal([
        'How the grain corridor kept running through the winter',
        'Fact check: what the power-grid figures really say',
        "Lviv's book forum returns",
      ]);
      expect(items[0]).to.include({ kicker: 'Analysis' });
      expect(items[2]).to.not.have.property('label');
    });

    it('reads an { items } feed', async () => {
      const result = await fetchRelatedFeed(fixture('items.json'));
      expect(result.ok && result.value).to.deep.equal([
        { href: '/a', headline: 'First' },
        { href: '/b', headline: 'Second' },
      ]);
    });

    it('fails with http and the status when the server answers 500', async () => {
      await expectFailure('/__test/status/500', 'http', 'HTTP 500');
    });

    it('fails with http on 404', async () => {
      await expectFailure('/__test/status/404', 'http', 'HTTP 404');
    });

    it('fails with json when the body is not JSON (an HTML page)', async () => {
      const result = await fetchRelatedFeed(fixture('not-json.html'));
      expect(result).to.include({ ok: false, code: 'json' });
    });

    it('fails with json on truncated JSON', async () => {
      const result = await fetchRelatedFeed('/__test/json/malformed');
      expect(result).to.include({ ok: false, code: 'json' });
    });

    it('fails with invalid on JSON of the wrong shape', async () => {
      await expectFailure('/__test/json/wrong-shape', 'invalid', 'not a feed of related items');
    });

    it('fails with network when the server cannot be reached', async () => {
      const result = await fetchRelatedFeed('http://127.0.0.1:9/feed.json');
      expect(result).to.include({ ok: false, code: 'network' });
    });

    it('says aborted, not a failure of the feed, when its signal aborts', async () => {
      const controller = new AbortController();
      const pending = fetchRelatedFeed('/__test/slow', controller.signal);
      controller.abort();
      expect(await pending).to.include({ ok: false, code: 'aborted' });
    });
  });
});
