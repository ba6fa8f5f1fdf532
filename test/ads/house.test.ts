import { expect } from '@open-wc/testing';
import { house, loadHouseFeed, parseHouseFeed, pickCreative } from '../../src/ads/house.js';
import type { SlotContext } from '../../src/ads/provider.js';

const FEED = new URL('/test/fixtures/house/feed.json', location.href).href;

describe('ads: house', () => {
  describe('parseHouseFeed', () => {
    it('keeps fixed-size entries with http(s) image and link, resolved against the feed', () => {
      const list = parseHouseFeed(
        [
          { sizes: '300x250,336x280', image: 'a.png', href: '/go', alt: 'A' },
          { sizes: 'fluid', image: 'b.png', href: '/go' },
          { sizes: '300x250', image: 'javascript:alert(1)', href: '/go' },
          { sizes: '300x250', image: 'c.png', href: ' java\tscript:alert(1)' },
          { sizes: '300x250', image: 'data:image/png;base64,AAAA', href: '/go' },
          { sizes: 300, image: 'd.png', href: '/go' },
          'text',
          null,
        ],
        'https://news.example/feeds/house.json',
      );
      expect(list).to.deep.equal([
        { size: [300, 250], image: 'https://news.example/feeds/a.png', href: 'https://news.example/go', alt: 'A' },
        { size: [336, 280], image: 'https://news.example/feeds/a.png', href: 'https://news.example/go', alt: 'A' },
      ]);
    });
    it('anything but an array is no creative', () => {
      for (const junk of [null, {}, 'x', 42, { hello: 'world' }]) expect(parseHouseFeed(junk, FEED)).to.deep.equal([]);
    });
  });

  describe('pickCreative', () => {
    const list = parseHouseFeed(
      [
        { sizes: '300x250', image: '1.png', href: '/1' },
        { sizes: '300x250', image: '2.png', href: '/2' },
        { sizes: '336x280', image: '3.png', href: '/3' },
      ],
      'https://x.example/',
    );
    it('rotates among the creatives that fit', () => {
      const picks = [0, 1, 2, 3].map((turn) => pickCreative(list, [[300, 250]], turn)!.href);
      expect(picks).to.deep.equal([
        'https://x.example/1',
        'https://x.example/2',
        'https://x.example/1',
        'https://x.example/2',
      ]);
    });
    it('returns null when none fits', () => expect(pickCreative(list, [[728, 90]], 0)).to.equal(null));
    it('fluid takes any creative', () => expect(pickCreative(list, 'fluid', 2)!.size).to.deep.equal([336, 280]));
  });

  describe('provider', () => {
    const made: HTMLElement[] = [];
    const ctx = (over: Partial<SlotContext> = {}): SlotContext => {
      const container = document.createElement('div');
      document.body.append(container);
      made.push(container);
      return {
        container,
        unit: null,
        sizes: [[300, 250]],
        src: FEED,
        personalised: true,
        label: 'Advertisement',
        ...over,
      };
    };
    afterEach(() => made.splice(0).forEach((n) => n.remove()));

    it('draws one image link marked sponsored, opening in a new tab', async () => {
      const c = ctx();
      const result = await house.request(c);
      expect(result).to.deep.equal({ filled: true, size: [300, 250] });
      const a = c.container.querySelector('a')!;
      expect(a.rel).to.equal('sponsored noopener');
      expect(a.target).to.equal('_blank');
      expect(a.href).to.match(/^https?:\/\//);
      const img = a.querySelector('img')!;
      expect([img.width, img.height]).to.deep.equal([300, 250]);
      expect(img.alt).to.not.equal('');
      expect(c.container.children.length).to.equal(1);
    });

    it("keeps the creative at its own size under the publisher's image rules", async () => {
      const style = Object.assign(document.createElement('style'), {
        textContent: 'img { width: 100%; height: 40px; margin: 30px }',
      });
      document.head.append(style);
      try {
        const c = ctx();
        c.container.style.width = '800px';
        await house.request(c);
        const img = c.container.querySelector('img')!;
        expect([img.getBoundingClientRect().width, img.getBoundingClientRect().height]).to.deep.equal([300, 250]);
      } finally {
        style.remove();
      }
    });

    it('fetches a feed once however many slots use it', async () => {
      const url = new URL('/test/fixtures/house/feed.json?once', location.href).href;
      const before = performance.getEntriesByType('resource').filter((e) => e.name === url).length;
      await Promise.all([1, 2, 3].map(() => house.request(ctx({ src: url }))));
      expect(loadHouseFeed(url)).to.equal(loadHouseFeed(url));
      const after = performance.getEntriesByType('resource').filter((e) => e.name === url).length;
      expect(after - before).to.equal(1);
    });

    it('no creative of the asked size: not filled, no error', async () => {
      expect(await house.request(ctx({ sizes: [[728, 90]] }))).to.deep.equal({ filled: false, size: null });
    });

    it('falls back to the label when a creative has no alt text', async () => {
      const c = ctx({ src: '/test/fixtures/house/no-alt.json', label: 'Реклама' });
      await house.request(c);
      expect(c.container.querySelector('img')!.alt).to.equal('Реклама');
    });

    for (const [name, src] of [
      ['an HTTP error', '/__test/status/404'],
      ['malformed JSON', '/__test/json/malformed'],
      ['JSON of the wrong shape', '/__test/json/wrong-shape'],
      ['a feed with no usable creative', '/test/fixtures/house/unusable.json'],
      ['no ads-src at all', null],
      ['a javascript: ads-src', 'javascript:alert(1)'],
    ] as const) {
      it(`rejects on ${name}, drawing nothing`, async () => {
        const c = ctx({ src });
        const error = await house.request(c).then(
          () => null,
          (e: Error) => e,
        );
        expect(error).to.be.instanceOf(Error);
        expect(c.container.childNodes.length).to.equal(0);
      });
    }
  });
});
