import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/elements/ad-slot/folio-ad-slot.js';
import type { FolioAdSlot } from '../../src/elements/ad-slot/folio-ad-slot.js';
import type { FolioAdRenderEvent } from '../../src/events.js';
import { shifts } from '../support/layout-shift.js';
import '../../src/i18n/extra/uk.js';

const STANDIN = '/test/support/gpt-standin.js';
const UNIT = '/1234/news/article';
type Win = Window & { googletag?: any; __gptStandin?: any; __gptStandinLog?: any[] };
const w = window as Win;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const requests = () => (w.__gptStandinLog ?? []).filter((e) => e.type === 'request');
const text = (n: number) =>
  html`${Array.from({ length: n }, (_, i) => html`<p>Paragraph ${i + 1}: the council met again on Tuesday and the vote was postponed until the budget is known.</p>`)}`;
const shadow = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel)!;
const height = (el: Element) => el.getBoundingClientRect().height;

async function rendered(el: FolioAdSlot): Promise<FolioAdRenderEvent['detail']> {
  return (await oneEvent(el, 'folio-ad-render')).detail;
}

describe('<folio-ad-slot>', () => {
  let uncaught: unknown[] = [];
  const onError = (e: ErrorEvent | PromiseRejectionEvent) => uncaught.push('reason' in e ? e.reason : e.message);
  before(async () => {
    await setViewport({ width: 800, height: 600 });
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onError);
  });
  beforeEach(() => {
    window.scrollTo(0, 0);
    uncaught = [];
    delete w.googletag;
    w.__gptStandin = { delay: 30 };
    if (w.__gptStandinLog) w.__gptStandinLog.length = 0;
  });
  afterEach(() => expect(uncaught, 'uncaught errors').to.deep.equal([]));

  describe('rendering', () => {
    it('shows a visible "Advertisement" label and is announced as an advertisement region', async () => {
      const el = await fixture<FolioAdSlot>(html`<folio-ad-slot></folio-ad-slot>`);
      const label = shadow(el, '[part="label"]');
      expect(label.textContent).to.equal('Advertisement');
      expect(label.getBoundingClientRect().height).to.be.greaterThan(0);
      // Named by the visible label plus an ordinal.
      expect(shadow(el, '[role="region"]').getAttribute('aria-label')).to.match(/^Advertisement \d+$/);
      await expect(el).to.be.accessible();
    });

    it('gives each of several slots a distinct accessible name, so screen readers can tell the landmarks apart', async () => {
      const wrapper = await fixture(
        html`<div><folio-ad-slot></folio-ad-slot><p>Text</p><folio-ad-slot></folio-ad-slot></div>`,
      );
      const [a, b] = [...wrapper.querySelectorAll('folio-ad-slot')] as FolioAdSlot[];
      await a.updateComplete;
      await b.updateComplete;
      const name = (el: FolioAdSlot) => shadow(el, '[role="region"]').getAttribute('aria-label');
      expect(name(a)).to.match(/^Advertisement \d+$/);
      expect(name(a)).to.not.equal(name(b));
      await expect(wrapper).to.be.accessible();
    });

    it('reads as reserved space, not a broken image: hairlines above and below, no fill, a small uppercase label', async () => {
      const el = await fixture<FolioAdSlot>(html`<folio-ad-slot></folio-ad-slot>`);
      const host = getComputedStyle(el);
      expect([host.borderTopStyle, host.borderBottomStyle]).to.deep.equal(['solid', 'solid']);
      expect([host.borderTopWidth, host.borderBottomWidth]).to.deep.equal(['1px', '1px']);
      expect(host.backgroundColor).to.equal('rgba(0, 0, 0, 0)');
      const label = getComputedStyle(shadow(el, '[part="label"]'));
      expect(label.textTransform).to.equal('uppercase');
      expect(parseFloat(label.fontSize)).to.be.lessThan(14);
    });

    it("speaks the article's language, and a label attribute wins", async () => {
      const uk = await fixture(html`<div lang="uk"><folio-ad-slot></folio-ad-slot></div>`);
      await uk.querySelector('folio-ad-slot')!.updateComplete;
      expect(shadow(uk.querySelector('folio-ad-slot')!, '[part="label"]').textContent).to.equal('Реклама');
      const own = await fixture<FolioAdSlot>(html`<folio-ad-slot label="Sponsored content"></folio-ad-slot>`);
      expect(shadow(own, '[part="label"]').textContent).to.equal('Sponsored content');
    });

    it('reserves the smallest creative plus the label as min-height before any request', async () => {
      const page = await fixture(html`<div><div style="height:5000px"></div>
        <folio-ad-slot provider="gpt" unit=${UNIT} gpt-src=${STANDIN} sizes="300x250,336x280"></folio-ad-slot></div>`);
      const el = page.querySelector('folio-ad-slot')!;
      await sleep(100);
      expect(el.hasAttribute('requested')).to.equal(false);
      expect(el.style.minHeight).to.equal('274px');
      expect(height(el)).to.be.within(274, 276);
    });

    it('reserves its height the moment it is on the page, before its first render (which waits for a task of its own)', async () => {
      const page = await fixture(html`<div></div>`);
      const el = document.createElement('folio-ad-slot');
      el.setAttribute('sizes', '728x90');
      page.append(el);
      expect(el.style.minHeight).to.equal('114px');
      expect(el.shadowRoot!.querySelector('[part="label"]')).to.equal(null);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="label"]')!.textContent).to.equal('Advertisement');
      expect(el.style.minHeight).to.equal('114px');
    });

    it('reserve overrides the default; fluid reserves an MPU', async () => {
      const own = await fixture<FolioAdSlot>(html`<folio-ad-slot reserve="320"></folio-ad-slot>`);
      expect(own.style.minHeight).to.equal('320px');
      const fluid = await fixture<FolioAdSlot>(html`<folio-ad-slot sizes="fluid"></folio-ad-slot>`);
      expect(fluid.style.minHeight).to.equal('274px');
      const leaderboard = await fixture<FolioAdSlot>(html`<folio-ad-slot sizes="728x90,300x250"></folio-ad-slot>`);
      expect(leaderboard.style.minHeight).to.equal('114px');
    });

    it('keeps the creative container in the light DOM with a unique id GPT can find, and no ad-like names', async () => {
      const page = await fixture(
        html`<div><folio-ad-slot></folio-ad-slot><folio-ad-slot></folio-ad-slot><folio-ad-slot></folio-ad-slot></div>`,
      );
      const slots = [...page.querySelectorAll('folio-ad-slot')];
      await Promise.all(slots.map((slot) => slot.updateComplete));
      const ids = slots.map((slot) => {
        const c = slot.firstElementChild as HTMLElement;
        expect(c.parentElement).to.equal(slot);
        expect(document.getElementById(c.id)).to.equal(c);
        expect(`${c.id} ${c.className}`).to.not.match(/(^|[-_\s])(ad|ads|advert\w*|banner|sponsor\w*)([-_\s]|$)/i);
        return c.id;
      });
      expect(new Set(ids).size).to.equal(3);
      expect(ids[0]).to.match(/^folio-gpt-\d+$/);
    });
  });

  describe('placeholder provider', () => {
    it('goes through request and render but draws nothing: a labelled, reserved box', async () => {
      const el = document.createElement('folio-ad-slot');
      el.sizes = '300x250,336x280';
      const request = oneEvent(el, 'folio-ad-request');
      const render = rendered(el);
      await fixture(html`<div>${el}</div>`);
      expect((await request).detail).to.deep.equal({
        provider: 'placeholder',
        unit: null,
        sizes: [
          [300, 250],
          [336, 280],
        ],
      });
      expect(await render).to.deep.equal({ provider: 'placeholder', filled: false, size: null });
      expect(el.querySelector('*')!.childNodes.length, 'nothing drawn').to.equal(0);
      expect(el.style.minHeight).to.equal('274px');
      expect(el.hasAttribute('empty')).to.equal(false);
      expect(el.hasAttribute('collapsed')).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('never collapses, even below the viewport', async () => {
      const page = await fixture(html`<div><div style="height:700px"></div><folio-ad-slot></folio-ad-slot></div>`);
      const el = page.querySelector('folio-ad-slot')!;
      await rendered(el);
      expect(el.hasAttribute('collapsed')).to.equal(false);
      expect(height(el)).to.be.at.least(274);
    });

    it('events reach a listener on document (bubbling, composed)', async () => {
      const seen: string[] = [];
      const log = (e: Event) => seen.push(e.type);
      document.addEventListener('folio-ad-request', log);
      document.addEventListener('folio-ad-render', log);
      try {
        const el = await fixture<FolioAdSlot>(html`<folio-ad-slot></folio-ad-slot>`);
        await rendered(el);
        expect(seen).to.deep.equal(['folio-ad-request', 'folio-ad-render']);
      } finally {
        document.removeEventListener('folio-ad-request', log);
        document.removeEventListener('folio-ad-render', log);
      }
    });
  });

  describe('laziness', () => {
    it('a slot far below the fold asks only when the reader scrolls near it', async () => {
      const page = await fixture(
        html`<div><div style="height:3000px"></div><folio-ad-slot provider="gpt" unit=${UNIT} gpt-src=${STANDIN}></folio-ad-slot><div style="height:1000px"></div></div>`,
      );
      const el = page.querySelector('folio-ad-slot')!;
      await sleep(300);
      expect(el.hasAttribute('requested')).to.equal(false);
      expect(requests()).to.deep.equal([]);
      const request = oneEvent(el, 'folio-ad-request');
      // The slot is now 1000 px below the top of a 600 px viewport: within one viewport of it.
      window.scrollTo(0, page.getBoundingClientRect().top + 2000);
      await request;
      expect(el.hasAttribute('requested')).to.equal(true);
      expect((await rendered(el)).filled).to.equal(true);
      expect(requests().length).to.equal(1);
    });

    it('lazy-margin="0" waits until the slot is in view', async () => {
      const page = await fixture(
        html`<div><div style="height:1000px"></div><folio-ad-slot lazy-margin="0"></folio-ad-slot><div style="height:1000px"></div></div>`,
      );
      const el = page.querySelector('folio-ad-slot')!;
      await sleep(200);
      expect(el.hasAttribute('requested')).to.equal(false);
      const request = oneEvent(el, 'folio-ad-request');
      window.scrollTo(0, page.getBoundingClientRect().top + 500);
      await request;
    });
  });

  describe('gpt provider', () => {
    it('fills the light-DOM container by id and reports the size', async () => {
      const el = await fixture<FolioAdSlot>(
        html`<folio-ad-slot provider="gpt" unit=${UNIT} gpt-src=${STANDIN}></folio-ad-slot>`,
      );
      const detail = await rendered(el);
      expect(detail).to.deep.equal({ provider: 'gpt', filled: true, size: [300, 250] });
      const container = el.firstElementChild!;
      expect(requests()[0].id).to.equal(container.id);
      expect(container.querySelector('iframe')).to.exist;
      expect(el.hasAttribute('filled')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('works when projected through a named slot into a shadow body (story mode)', async () => {
      const host = document.createElement('div');
      host.attachShadow({ mode: 'open' }).innerHTML =
        '<p>Shadow paragraph</p><slot name="folio-slot-1"></slot><p>Another</p>';
      const el = document.createElement('folio-ad-slot');
      Object.assign(el, { provider: 'gpt', unit: UNIT, gptSrc: STANDIN, slot: 'folio-slot-1' });
      host.append(el);
      const render = rendered(el);
      await fixture(html`<div>${host}</div>`);
      expect((await render).filled).to.equal(true);
      expect(document.getElementById(el.firstElementChild!.id)!.querySelector('iframe')).to.exist;
    });

    it("passes the sizes that fit the slot's width", async () => {
      const page = await fixture(
        html`<div style="width:320px"><folio-ad-slot provider="gpt" unit=${UNIT} gpt-src=${STANDIN} sizes="728x90,300x250"></folio-ad-slot></div>`,
      );
      await rendered(page.querySelector('folio-ad-slot')!);
      expect(requests()[0].sizes).to.deep.equal([[300, 250]]);
    });

    it('no fill in the viewport: keeps its reserved box, marked empty', async () => {
      w.__gptStandin = { delay: 400, fill: false };
      const page = await fixture(
        html`<div><folio-ad-slot provider="gpt" unit=${UNIT} gpt-src=${STANDIN}></folio-ad-slot>${text(3)}</div>`,
      );
      const el = page.querySelector('folio-ad-slot')!;
      const before = height(el);
      const cls = await shifts(page);
      expect(await rendered(el)).to.deep.equal({ provider: 'gpt', filled: false, size: null });
      expect(el.hasAttribute('empty')).to.equal(true);
      expect(el.hasAttribute('collapsed')).to.equal(false);
      expect(height(el)).to.equal(before);
      expect(await cls.total()).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('no fill below the viewport: collapses, which moves nothing the reader sees', async () => {
      w.__gptStandin = { delay: 400, fill: false };
      const page = await fixture(
        html`<div>${text(2)}<div style="height:700px"></div><folio-ad-slot provider="gpt" unit=${UNIT} gpt-src=${STANDIN}></folio-ad-slot>${text(3)}</div>`,
      );
      const el = page.querySelector('folio-ad-slot')!;
      const cls = await shifts(page);
      await rendered(el);
      expect(el.hasAttribute('collapsed')).to.equal(true);
      expect(height(el)).to.equal(0);
      expect(await cls.total()).to.equal(0);
    });

    it('a larger creative in the viewport is clipped to the reserve: zero layout shift', async () => {
      w.__gptStandin = { delay: 400, size: [336, 280] };
      const page = await fixture(
        html`<div><folio-ad-slot provider="gpt" unit=${UNIT} gpt-src=${STANDIN} sizes="300x250,336x280"></folio-ad-slot>${text(4)}</div>`,
      );
      const el = page.querySelector('folio-ad-slot')!;
      const before = height(el);
      const below = page.querySelector('p')!.getBoundingClientRect().top;
      const cls = await shifts(page);
      expect((await rendered(el)).size).to.deep.equal([336, 280]);
      expect(el.hasAttribute('grown')).to.equal(false);
      expect(height(el)).to.equal(before);
      expect(page.querySelector('p')!.getBoundingClientRect().top).to.equal(below);
      expect(await cls.total()).to.equal(0);
    });

    it('a creative of the reserved size in the viewport: zero layout shift', async () => {
      w.__gptStandin = { delay: 400 };
      const page = await fixture(
        html`<div>${text(1)}<folio-ad-slot provider="gpt" unit=${UNIT} gpt-src=${STANDIN}></folio-ad-slot>${text(4)}</div>`,
      );
      const el = page.querySelector('folio-ad-slot')!;
      const cls = await shifts(page);
      expect((await rendered(el)).filled).to.equal(true);
      expect(await cls.total()).to.equal(0);
    });

    it('control: the same creative without a reserve does shift the text (the measurement works)', async () => {
      const page = await fixture(html`<div><div id="box"></div>${text(4)}</div>`);
      const cls = await shifts(page);
      await sleep(50);
      const box = page.querySelector<HTMLElement>('#box')!;
      box.style.height = '250px';
      expect(await cls.total()).to.be.greaterThan(0.05);
    });

    it('a larger creative below the viewport grows the slot', async () => {
      w.__gptStandin = { delay: 400, size: [336, 280] };
      const page = await fixture(
        html`<div><div style="height:700px"></div><folio-ad-slot provider="gpt" unit=${UNIT} gpt-src=${STANDIN} sizes="300x250,336x280"></folio-ad-slot></div>`,
      );
      const el = page.querySelector('folio-ad-slot')!;
      const cls = await shifts(page);
      await rendered(el);
      await nextFrame();
      expect(el.hasAttribute('grown')).to.equal(true);
      expect(height(el)).to.be.at.least(280 + 24);
      expect(await cls.total()).to.equal(0);
    });

    it('GPT script 404 (blocked): folio-ad-error, the slot stays reserved, the page intact, no uncaught error', async () => {
      const page = await fixture(
        html`<div>${text(1)}<folio-ad-slot provider="gpt" unit=${UNIT} gpt-src="/nope.js"></folio-ad-slot>${text(1)}</div>`,
      );
      const el = page.querySelector('folio-ad-slot')!;
      const error = await oneEvent(el, 'folio-ad-error');
      expect(error.detail.provider).to.equal('gpt');
      expect(error.detail.message).to.match(/nope\.js/);
      expect(height(el)).to.be.at.least(274);
      expect(el.hasAttribute('collapsed')).to.equal(false);
      expect(page.querySelectorAll('p').length).to.equal(2);
      await expect(el).to.be.accessible();
    });

    it('a GPT stub without methods (ad blocker): folio-ad-error, no uncaught error', async () => {
      w.googletag = { cmd: { push: (fn: () => void) => fn() } };
      const el = document.createElement('folio-ad-slot');
      Object.assign(el, { provider: 'gpt', unit: UNIT });
      const error = oneEvent(el, 'folio-ad-error');
      await fixture(html`<div>${el}</div>`);
      expect((await error).detail.message).to.match(/^GPT/);
    });

    it('a moved slot keeps its ad; a removed slot releases its GPT slot', async () => {
      const page = await fixture(
        html`<div><folio-ad-slot provider="gpt" unit=${UNIT} gpt-src=${STANDIN}></folio-ad-slot><p>x</p></div>`,
      );
      const el = page.querySelector('folio-ad-slot')!;
      await rendered(el);
      page.append(el);
      await sleep(50);
      expect(w.googletag.pubads().getSlots().length).to.equal(1);
      expect(el.querySelector('iframe')).to.exist;
      expect(requests().length).to.equal(1);
      el.remove();
      await sleep(0);
      expect(w.googletag.pubads().getSlots().length).to.equal(0);
    });
  });

  describe('bad input', () => {
    it('sizes="garbage" falls back to 300x250', async () => {
      const el = document.createElement('folio-ad-slot');
      el.sizes = 'garbage';
      const request = oneEvent(el, 'folio-ad-request');
      await fixture(html`<div>${el}</div>`);
      expect(el.style.minHeight).to.equal('274px');
      expect((await request).detail.sizes).to.deep.equal([[300, 250]]);
    });

    for (const reserve of ['-5', 'abc', '0', '']) {
      it(`reserve="${reserve}" is ignored`, async () => {
        const el = await fixture<FolioAdSlot>(html`<folio-ad-slot reserve=${reserve}></folio-ad-slot>`);
        expect(el.style.minHeight).to.equal('274px');
      });
    }

    it('a reserve smaller than the label keeps the label', async () => {
      const el = await fixture<FolioAdSlot>(html`<folio-ad-slot reserve="5"></folio-ad-slot>`);
      expect(el.style.minHeight).to.equal('24px');
    });

    it('an unknown provider (the removed `house` too) is the placeholder; a bad lazy-margin is one viewport', async () => {
      const el = document.createElement('folio-ad-slot');
      Object.assign(el, { provider: 'house', lazyMargin: 'banana; top: 0' });
      const render = rendered(el);
      await fixture(html`<div>${el}</div>`);
      expect((await render).provider).to.equal('placeholder');
    });

    it('gpt without a unit: folio-ad-error, reserved', async () => {
      const el = document.createElement('folio-ad-slot');
      Object.assign(el, { provider: 'gpt', gptSrc: STANDIN });
      const error = oneEvent(el, 'folio-ad-error');
      await fixture(html`<div>${el}</div>`);
      expect((await error).detail.message).to.match(/unit/);
      expect(height(el)).to.be.at.least(274);
    });

    it('a javascript: gpt-src never becomes a script', async () => {
      const el = document.createElement('folio-ad-slot');
      Object.assign(el, { provider: 'gpt', unit: UNIT, gptSrc: 'javascript:alert(1)' });
      const error = oneEvent(el, 'folio-ad-error');
      await fixture(html`<div>${el}</div>`);
      await error;
      expect(document.querySelector('script[src^="javascript"]')).to.equal(null);
    });
  });
});
