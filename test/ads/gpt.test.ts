import { expect, waitUntil } from '@open-wc/testing';
import { DEFAULT_GPT_SRC, gpt, releaseGptSlot } from '../../src/ads/gpt.js';
import type { SlotContext } from '../../src/ads/provider.js';

const STANDIN = '/test/support/gpt-standin.js';
type Win = Window & { googletag?: any; __gptStandin?: any; __gptStandinLog?: any[] };
const w = window as Win;

describe('ads: gpt provider (against the GPT stand-in)', () => {
  const made: HTMLElement[] = [];
  let n = 0;
  const ctx = (over: Partial<SlotContext> = {}): SlotContext => {
    const container = document.createElement('div');
    container.id = `gpt-test-${++n}`;
    document.body.append(container);
    made.push(container);
    return {
      container,
      unit: '/1234/news/article',
      sizes: [[300, 250]],
      src: STANDIN,
      ...over,
    };
  };
  let uncaught = 0;
  const count = () => uncaught++;
  before(() => {
    window.addEventListener('error', count);
    window.addEventListener('unhandledrejection', count);
  });
  after(() => {
    window.removeEventListener('error', count);
    window.removeEventListener('unhandledrejection', count);
  });
  beforeEach(() => {
    delete w.googletag;
    w.__gptStandin = { delay: 30 };
    if (w.__gptStandinLog) w.__gptStandinLog.length = 0;
  });
  afterEach(() => {
    made.splice(0).forEach((c) => c.remove());
    expect(uncaught, 'uncaught errors').to.equal(0);
  });

  it("loads Google's securepubads script when the slot names no gpt-src", async () => {
    const before = new Set(document.head.querySelectorAll('script'));
    // No network here: the load fails, and the request says so (caught, so nothing is uncaught).
    const failed = gpt.request(ctx({ src: null })).catch((e: Error) => e);
    const added = [...document.head.querySelectorAll('script')].filter((s) => !before.has(s));
    try {
      expect(added.map((s) => s.src)).to.deep.equal(['https://securepubads.g.doubleclick.net/tag/js/gpt.js']);
      expect(DEFAULT_GPT_SRC).to.equal(added[0].src);
    } finally {
      added.forEach((s) => s.remove());
      void failed;
    }
  });

  it('loads GPT once from gpt-src and fills the container found by id', async () => {
    const c = ctx();
    const result = await gpt.request(c);
    expect(result).to.deep.equal({ filled: true, size: [300, 250] });
    expect(c.container.querySelector('iframe')).to.exist;
    expect(document.querySelectorAll(`script[src$="${STANDIN}"]`).length).to.be.at.least(1);
    const scripts = document.querySelectorAll('script').length;
    await gpt.request(ctx());
    expect(document.querySelectorAll('script').length, 'no second script').to.equal(scripts);
    expect(w.__gptStandinLog!.filter((e) => e.type === 'request').map((e) => e.unit)).to.deep.equal([
      '/1234/news/article',
      '/1234/news/article',
    ]);
  });

  it('reports no fill as empty', async () => {
    w.__gptStandin = { delay: 10, fill: false };
    expect(await gpt.request(ctx())).to.deep.equal({ filled: false, size: null });
  });

  it('passes the sizes and leaves consent to GPT: no privacy settings of its own', async () => {
    await gpt.request(
      ctx({
        sizes: [
          [300, 250],
          [336, 280],
        ],
      }),
    );
    const req = w.__gptStandinLog!.find((e) => e.type === 'request');
    expect(req.sizes).to.deep.equal([
      [300, 250],
      [336, 280],
    ]);
    // GPT reads the page's TCF CMP itself; Folio does not override it.
    expect(req.privacy).to.deep.equal({});
  });

  it("uses the page's own googletag without loading a script", async () => {
    await gpt.request(ctx()); // the stand-in is now the page's GPT
    const page = w.googletag;
    const scripts = document.querySelectorAll('script').length;
    // A page that loaded GPT itself: a different object than the one Folio created.
    w.googletag = Object.assign(Object.create(null), page, { cmd: page.cmd });
    await gpt.request(ctx({ src: '/never-loaded.js' }));
    expect(document.querySelectorAll('script').length).to.equal(scripts);
  });

  it('a container that is not in the document tree is never filled (why containers live in the light DOM)', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    made.push(host);
    const container = document.createElement('div');
    container.id = 'inside-a-shadow-root';
    host.attachShadow({ mode: 'open' }).append(container);
    let answered = false;
    gpt.request({ ...ctx(), container }).then(() => (answered = true));
    // Wait for GPT to look for the container rather than a fixed time: on a loaded machine
    // loading the stand-in alone can take longer than any fixed wait.
    await waitUntil(
      () => w.__gptStandinLog?.some((e) => e.type === 'missing-container'),
      'GPT never looked for the container',
      { timeout: 5000 },
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(answered, 'an answer for a container GPT cannot find').to.equal(false);
  });

  it('releases the GPT slot of a container that left the page', async () => {
    const c = ctx();
    await gpt.request(c);
    expect(w.googletag.pubads().getSlots().length).to.equal(1);
    releaseGptSlot(c.container);
    expect(w.googletag.pubads().getSlots().length).to.equal(0);
  });

  describe('blocked or stubbed GPT', () => {
    it('a script that fails to load (404, blocked) rejects without an uncaught error', async () => {
      const error = await gpt.request(ctx({ src: '/nope.js' })).then(
        () => null,
        (e: Error) => e,
      );
      expect(error?.message).to.match(/did not load/);
      // Later slots on the page fail the same way without another script.
      const scripts = document.querySelectorAll('script[src$="/nope.js"]').length;
      expect(scripts).to.equal(1);
      expect(
        await gpt.request(ctx({ src: '/nope.js' })).then(
          () => null,
          (e: Error) => e,
        ),
      ).to.be.instanceOf(Error);
      expect(document.querySelectorAll('script[src$="/nope.js"]').length).to.equal(scripts);
    });

    const stubs: [string, () => unknown][] = [
      ['a cmd that runs at once but no pubads', () => ({ cmd: { push: (fn: () => void) => fn() } })],
      ['a cmd that is not an array', () => ({ cmd: 42 })],
      [
        'defineSlot returning null',
        () => ({
          cmd: { push: (fn: () => void) => fn() },
          pubads: () => ({ addEventListener() {} }),
          defineSlot: () => null,
        }),
      ],
      [
        'a slot without addService',
        () => ({
          cmd: { push: (fn: () => void) => fn() },
          pubads: () => ({ addEventListener() {} }),
          defineSlot: () => ({}),
        }),
      ],
    ];
    for (const [name, stub] of stubs) {
      it(`rejects on a stub: ${name}`, async () => {
        w.googletag = stub();
        const error = await gpt.request(ctx()).then(
          () => null,
          (e: Error) => e,
        );
        expect(error?.message).to.match(/^GPT/);
      });
    }

    it('rejects without a unit or with a javascript: gpt-src', async () => {
      expect(
        await gpt.request(ctx({ unit: null })).then(
          () => null,
          (e: Error) => e,
        ),
      ).to.be.instanceOf(Error);
      expect(
        await gpt.request(ctx({ src: 'javascript:alert(1)' })).then(
          () => null,
          (e: Error) => e,
        ),
      ).to.be.instanceOf(Error);
    });

    it('releasing a slot on a stub without destroySlots does not throw', async () => {
      const c = ctx();
      await gpt.request(c);
      w.googletag = { cmd: [] };
      expect(() => releaseGptSlot(c.container)).not.to.throw();
    });
  });
});
