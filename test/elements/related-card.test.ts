import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/elements/related-card/folio-related-card.js';
import type { FolioRelatedCard } from '../../src/elements/related-card/folio-related-card.js';
import type { FolioRelatedClickEvent } from '../../src/events.js';
import { en } from '../../src/i18n/strings.js';
import type { RelatedItem } from '../../src/story/story.js';
import { canEmulateColorScheme, itWhen } from '../support/launcher.js';
import '../../src/i18n/extra/uk.js';

const BASE = 'https://news.example/world/2024/05/story.html';
const HEADLINE = 'How the grain corridor kept running through the winter';
const TEASER = 'Ships kept sailing despite the strikes on the ports, and insurers came back.';
const thumb = () => `${new URL('../fixtures/related/thumb.svg', import.meta.url).href}?${Math.random()}`;

const shadow = (el: FolioRelatedCard) => el.shadowRoot!;
const part = (el: FolioRelatedCard, name: string) => shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const links = (el: FolioRelatedCard) => shadow(el).querySelectorAll('a');
/** What the teaser slot shows: its slotted nodes, else its fallback (`item.teaser`). */
const shownTeaser = (el: FolioRelatedCard) =>
  (part(el, 'teaser') as HTMLSlotElement)
    .assignedNodes({ flatten: true })
    .map((n) => n.textContent)
    .join('');
const displayed = (node: Element) => getComputedStyle(node).display !== 'none';
const center = (r: DOMRect): [number, number] => [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];

/** Collects every folio-related-click reaching `document`, cancelling each so the test page stays put. */
function clicks(cancel = true) {
  const seen: FolioRelatedClickEvent[] = [];
  const listener = (e: FolioRelatedClickEvent) => {
    seen.push(e);
    if (cancel) e.preventDefault();
  };
  document.addEventListener('folio-related-click', listener);
  return { seen, stop: () => document.removeEventListener('folio-related-click', listener) };
}

/** Every click that reaches `document` records whether something cancelled it, then is cancelled: no test navigates. */
let nativeClicks: { defaultPrevented: boolean }[] = [];
const guard = (e: MouseEvent) => {
  nativeClicks.push({ defaultPrevented: e.defaultPrevented });
  e.preventDefault();
};

/** Replaces console.warn for the duration of `fn`, returning the warnings. */
async function warnings(fn: () => Promise<unknown>): Promise<unknown[][]> {
  const original = console.warn;
  const calls: unknown[][] = [];
  console.warn = (...args: unknown[]) => void calls.push(args);
  try {
    await fn();
  } finally {
    console.warn = original;
  }
  return calls;
}

const itWithColorScheme = itWhen(await canEmulateColorScheme(), 'this launcher cannot emulate prefers-color-scheme');

const full = () =>
  fixture<FolioRelatedCard>(html`
  <folio-related-card
    href="/world/2024/05/grain-corridor"
    base=${BASE}
    kicker="Analysis"
    headline=${HEADLINE}
    image=${thumb()}
    image-alt="A cargo ship at the port"
    published="2024-05-02"
    position="3"
  ><p>${TEASER}</p></folio-related-card>
`);

describe('<folio-related-card>', () => {
  before(() => document.addEventListener('click', guard));
  after(() => document.removeEventListener('click', guard));
  beforeEach(() => {
    nativeClicks = [];
    window.scrollTo(0, 0);
  });
  afterEach(() => resetMouse());

  describe('rendering', () => {
    it('shows the label, kicker, headline and teaser, and no thumbnail or date', async () => {
      const el = await full();
      expect(part(el, 'label')!.textContent).to.equal(en.otherTopics);
      expect(part(el, 'kicker')!.textContent).to.equal('Analysis');
      expect(part(el, 'headline')!.textContent!.trim()).to.equal(HEADLINE);
      const slot = part(el, 'teaser') as HTMLSlotElement;
      expect(slot.localName).to.equal('slot');
      expect(slot.assignedElements()[0].textContent).to.equal(TEASER);
      expect(displayed(slot)).to.equal(true);
      expect(shadow(el).querySelector('img, time')).to.equal(null);
    });

    it('speaks the language of its surroundings: a Ukrainian label', async () => {
      const wrapper = await fixture(html`<div lang="uk">
        <folio-related-card href="/a" headline="Заголовок" published="2024-05-02"></folio-related-card>
      </div>`);
      const el = wrapper.querySelector('folio-related-card')!;
      await el.updateComplete;
      expect(part(el, 'label')!.textContent).to.equal('Інші теми, що можуть зацікавити');
      expect(part(el, 'label')!.lang).to.equal('uk');
    });

    it('takes every field from the item property, the teaser as text', async () => {
      const item: RelatedItem = {
        href: '/fact-check/power-grid',
        headline: 'Fact check: the power-grid figures',
        kicker: 'Fact-Checking',
        label: 'Read next',
        teaser: 'What the numbers say.',
      };
      const el = await fixture<FolioRelatedCard>(
        html`<folio-related-card base=${BASE} .item=${item}></folio-related-card>`,
      );
      expect(part(el, 'link')!.getAttribute('href')).to.equal('https://news.example/fact-check/power-grid');
      expect(part(el, 'link')!.textContent).to.equal(item.headline);
      expect(part(el, 'kicker')!.textContent).to.equal('Fact-Checking');
      expect(part(el, 'label')!.textContent).to.equal('Read next');
      expect(shownTeaser(el)).to.equal('What the numbers say.');
      expect(displayed(part(el, 'teaser')!)).to.equal(true);
    });

    it('lets attributes set on the element win over the item', async () => {
      const item: RelatedItem = {
        href: '/from-item',
        headline: 'Item headline',
        kicker: 'Item kicker',
        teaser: 'Item teaser',
      };
      const el = await fixture<FolioRelatedCard>(
        html`<folio-related-card base=${BASE} kicker="Own kicker" label="" .item=${item}><p>Own teaser</p></folio-related-card>`,
      );
      expect(part(el, 'kicker')!.textContent).to.equal('Own kicker');
      expect(part(el, 'headline')!.textContent!.trim()).to.equal('Item headline');
      expect(part(el, 'label'), 'label="" hides the default label').to.equal(null);
      expect(shownTeaser(el)).to.equal('Own teaser');
      el.headline = 'Own headline';
      await el.updateComplete;
      expect(part(el, 'link')!.textContent).to.equal('Own headline');
    });

    it('leaves out the thumbnail box entirely when there is no image', async () => {
      const el = await fixture<FolioRelatedCard>(
        html`<folio-related-card href="/a" headline="No image"></folio-related-card>`,
      );
      expect(shadow(el).querySelector('img')).to.equal(null);
      expect(displayed(part(el, 'teaser')!), 'no teaser, no empty teaser box').to.equal(false);
    });

    it('skips a date that is not a date', async () => {
      const el = await fixture<FolioRelatedCard>(
        html`<folio-related-card href="/a" headline="H" published="yesterday"></folio-related-card>`,
      );
      expect(part(el, 'date')).to.equal(null);
    });

    it('renders nothing without a headline', async () => {
      const el = await fixture<FolioRelatedCard>(html`<folio-related-card href="/a"></folio-related-card>`);
      expect(part(el, 'card')).to.equal(null);
      expect(el.getBoundingClientRect().height).to.equal(0);
    });
  });

  describe('the one link', () => {
    it('has exactly one link and one focusable element, named by the headline alone', async () => {
      const el = await full();
      expect(links(el).length).to.equal(1);
      const link = links(el)[0];
      expect(link.textContent).to.equal(HEADLINE);
      expect(
        [...link.attributes].map((a) => a.name).filter((n) => n.startsWith('aria-') || n === 'title'),
      ).to.deep.equal([]);
      expect(link.getAttribute('href')).to.equal('https://news.example/world/2024/05/grain-corridor');
      const focusable = shadow(el).querySelectorAll('a[href],button,input,select,textarea,[tabindex]');
      expect(focusable.length).to.equal(1);
      expect(part(el, 'kicker')!.closest('a')).to.equal(null);
      expect(part(el, 'label')!.closest('a')).to.equal(null);
    });

    it("axe's accessible-name computation gives the link the headline alone", async () => {
      const el = await full();
      await expect(el).to.be.accessible(); // also loads axe-core
      const axe = (window as unknown as { axe: Axe }).axe;
      axe.setup(el);
      try {
        const name = axe.commons.text.accessibleTextVirtual(axe.utils.getNodeFromTree(links(el)[0]));
        expect(name).to.equal(HEADLINE);
      } finally {
        axe.teardown();
      }
    });

    it('clicking a non-text area of the card goes through the stretched link', async () => {
      const el = await full();
      const log = clicks();
      const card = part(el, 'card')!.getBoundingClientRect();
      const point: [number, number] = [Math.round(card.right - 6), Math.round(card.bottom - 6)];
      expect(shadow(el).elementFromPoint(...point)).to.equal(links(el)[0]);
      await sendMouse({ type: 'click', position: point });
      log.stop();
      expect(log.seen.map((e) => e.detail)).to.deep.equal([
        { href: 'https://news.example/world/2024/05/grain-corridor', headline: HEADLINE, position: 3 },
      ]);
    });

    it("clicking the teaser's text also follows the link", async () => {
      const el = await full();
      const log = clicks();
      const range = document.createRange();
      range.selectNodeContents(el.querySelector('p')!);
      const [x, y] = center(range.getClientRects()[0]);
      await sendMouse({ type: 'click', position: [x, y] });
      log.stop();
      expect(log.seen.length).to.equal(1);
      expect(log.seen[0].detail.href).to.equal('https://news.example/world/2024/05/grain-corridor');
    });

    it('a listener that cancels folio-related-click stops the navigation; otherwise it goes ahead', async () => {
      const el = await full();
      const link = links(el)[0];
      let log = clicks(true);
      await sendMouse({ type: 'click', position: center(link.getBoundingClientRect()) });
      log.stop();
      expect(log.seen.length).to.equal(1);
      expect(nativeClicks.at(-1)!.defaultPrevented, 'cancelled').to.equal(true);
      log = clicks(false);
      await sendMouse({ type: 'click', position: center(link.getBoundingClientRect()) });
      log.stop();
      expect(log.seen.length).to.equal(1);
      expect(nativeClicks.at(-1)!.defaultPrevented, 'not cancelled').to.equal(false);
    });
  });

  describe('keyboard', () => {
    it('draws a focus ring around the whole card for keyboard focus', async function () {
      // :focus-visible matches only in a focused window; Firefox runs two test windows at once.
      if (!document.hasFocus()) this.skip();
      const wrapper = await fixture(html`<div>
        <button id="before">Before</button>
        <folio-related-card href="/a" base=${BASE} headline="Keyboard" image=${thumb()}></folio-related-card>
      </div>`);
      const el = wrapper.querySelector('folio-related-card')!;
      await el.updateComplete;
      wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      const ring = getComputedStyle(links(el)[0], '::after');
      expect(ring.outlineStyle).to.equal('solid');
      // The stretched ::after covers the card's padding box, so the ring surrounds all of it.
      expect(parseFloat(ring.width)).to.be.closeTo(part(el, 'card')!.clientWidth, 1);
    });

    it('Tab reaches the card once and Enter follows the link', async () => {
      const wrapper = await fixture(html`<div>
        <button id="before">Before</button>
        <folio-related-card href="/a" base=${BASE} headline="Keyboard" kicker="K" image=${thumb()}><p>Teaser</p></folio-related-card>
        <button id="after">After</button>
      </div>`);
      const el = wrapper.querySelector('folio-related-card')!;
      await el.updateComplete;
      wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(el);
      expect(shadow(el).activeElement).to.equal(links(el)[0]);
      const event = oneEvent(el, 'folio-related-click');
      document.addEventListener('folio-related-click', (e) => e.preventDefault(), { once: true });
      await sendKeys({ press: 'Enter' });
      const e = await event;
      expect(e.detail).to.deep.equal({ href: 'https://news.example/a', headline: 'Keyboard', position: 1 });
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement!.id, 'one tab stop').to.equal('after');
    });
  });

  describe('URLs', () => {
    it('renders a javascript: card without a link, readable and with no tab stop', async () => {
      const calls = await warnings(async () => {
        const el = await fixture<FolioRelatedCard>(
          html`<folio-related-card href="javascript:alert(1)" headline="Still readable"></folio-related-card>`,
        );
        expect(links(el).length).to.equal(0);
        expect(part(el, 'headline')!.textContent!.trim()).to.equal('Still readable');
        expect(shadow(el).querySelectorAll('a,[tabindex],button').length).to.equal(0);
        expect(shadow(el).innerHTML).to.not.include('javascript:');
      });
      expect(calls.length).to.equal(1);
    });

    for (const bad of [
      'data:text/html,<script>alert(1)</script>',
      'JaVa\tScRiPt:alert(1)',
      'vbscript:x',
      'http://[bad',
      'ftp://news.example/x',
    ]) {
      it(`does not link ${JSON.stringify(bad)}`, async () => {
        await warnings(async () => {
          const el = await fixture<FolioRelatedCard>(
            html`<folio-related-card .href=${bad} base=${BASE} headline="H"></folio-related-card>`,
          );
          expect(links(el).length).to.equal(0);
          expect(part(el, 'headline')!.textContent!.trim()).to.equal('H');
        });
      });
    }

    it('warns once per bad URL string, however many cards carry it', async () => {
      const calls = await warnings(async () => {
        await fixture(html`<div>
          <folio-related-card href="javascript:void('once')" headline="A"></folio-related-card>
          <folio-related-card href="javascript:void('once')" headline="B"></folio-related-card>
          <folio-related-card href="javascript:void('other')" headline="C"></folio-related-card>
        </div>`);
        await fixture(html`<folio-related-card href="javascript:void('once')" headline="D"></folio-related-card>`);
      });
      expect(calls.length).to.equal(2);
      expect(String(calls[0][0])).to.include("javascript:void('once')");
      expect(String(calls[1][0])).to.include("javascript:void('other')");
    });

    it("resolves relative links against the story's URL, so partner embeds link to the publisher", async () => {
      const el = await fixture<FolioRelatedCard>(
        html`<folio-related-card href="../06/next-story.html?ref=card#top" base=${BASE} headline="H"></folio-related-card>`,
      );
      expect(links(el)[0].getAttribute('href')).to.equal(
        'https://news.example/world/2024/06/next-story.html?ref=card#top',
      );
    });

    it("gives protocol-relative URLs the story's scheme", async () => {
      const el = await fixture<FolioRelatedCard>(
        html`<folio-related-card href="//cdn.news.example/s/1" base=${BASE} headline="H"></folio-related-card>`,
      );
      expect(links(el)[0].getAttribute('href')).to.equal('https://cdn.news.example/s/1');
    });

    it('keeps absolute http and https links as they are', async () => {
      const el = await fixture<FolioRelatedCard>(
        html`<folio-related-card href="http://other.example/x" base=${BASE} headline="H"></folio-related-card>`,
      );
      expect(links(el)[0].getAttribute('href')).to.equal('http://other.example/x');
    });

    it("resolves against the document's base URL without a base", async () => {
      const el = await fixture<FolioRelatedCard>(
        html`<folio-related-card href="/elsewhere" headline="H"></folio-related-card>`,
      );
      expect(links(el)[0].getAttribute('href')).to.equal(new URL('/elsewhere', document.baseURI).href);
    });
  });

  describe('events', () => {
    it('a listener on document receives folio-related-click, before navigation', async () => {
      const el = await full();
      setTimeout(() => links(el)[0].click());
      const e = await oneEvent(document, 'folio-related-click');
      e.preventDefault();
      expect(e.bubbles && e.composed && e.cancelable).to.equal(true);
      expect(e.detail).to.deep.equal({
        href: 'https://news.example/world/2024/05/grain-corridor',
        headline: HEADLINE,
        position: 3,
      });
    });
  });

  describe('layout and theming', () => {
    it('mirrors for right-to-left text: the border on the right', async () => {
      const wrapper = await fixture(html`<div dir="rtl" lang="uk" style="width: 600px">
        <folio-related-card href="/a" headline="Заголовок" kicker="Аналіз"><p>Текст</p></folio-related-card>
      </div>`);
      const el = wrapper.querySelector('folio-related-card')!;
      await el.updateComplete;
      const card = getComputedStyle(part(el, 'card')!);
      expect(card.borderRightWidth).to.equal('4px');
      expect(card.borderLeftWidth).to.equal('0px');
      await expect(wrapper).to.be.accessible();
    });

    it('follows the global --folio-* tokens and lets its own knobs win', async () => {
      const wrapper = await fixture(html`<div style="--folio-accent: rgb(0, 90, 200); --folio-font-headline: monospace">
        <folio-related-card href="/a" headline="H" kicker="K"></folio-related-card>
        <folio-related-card style="--folio-related-card-accent: rgb(10, 120, 10)" href="/b" headline="H2"></folio-related-card>
      </div>`);
      const [a, b] = [...wrapper.querySelectorAll('folio-related-card')];
      await a.updateComplete;
      await b.updateComplete;
      expect(getComputedStyle(part(a, 'card')!).borderInlineStartColor).to.equal('rgb(0, 90, 200)');
      expect(getComputedStyle(part(a, 'kicker')!).color).to.equal('rgb(0, 90, 200)');
      expect(getComputedStyle(part(a, 'headline')!).fontFamily).to.equal('monospace');
      expect(getComputedStyle(part(b, 'card')!).borderInlineStartColor).to.equal('rgb(10, 120, 10)');
      expect(
        getComputedStyle(a).getPropertyValue('--folio-related-card-accent'),
        'knobs are not declared on :host',
      ).to.equal('');
    });

    itWithColorScheme(
      'follows the page’s color-scheme: dark fallbacks for a dark reader only where the page allows dark, publisher values still winning',
      async () => {
        const wrapper = await fixture(html`<div>
          <div style="color-scheme: light dark">
            <folio-related-card href="/a" headline="H" kicker="K"></folio-related-card>
            <folio-related-card style="--folio-related-card-background: rgb(1, 2, 3)" href="/b" headline="H2"></folio-related-card>
          </div>
          <div style="color-scheme: light"><folio-related-card href="/c" headline="H3"></folio-related-card></div>
        </div>`);
        const [a, b, c] = [...wrapper.querySelectorAll('folio-related-card')];
        await Promise.all([a, b, c].map((card) => (card as FolioRelatedCard).updateComplete));
        const light = getComputedStyle(part(a, 'card')!).backgroundColor;
        expect(getComputedStyle(part(c, 'card')!).backgroundColor).to.equal(light);
        try {
          await emulateMedia({ colorScheme: 'dark' });
          expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(true);
          expect(getComputedStyle(part(a, 'card')!).backgroundColor).to.not.equal(light);
          expect(getComputedStyle(part(b, 'card')!).backgroundColor).to.equal('rgb(1, 2, 3)');
          // A light page (the default) keeps its cards light whatever the reader's system says.
          expect(getComputedStyle(part(c, 'card')!).backgroundColor).to.equal(light);
          await expect(a).to.be.accessible();
          await expect(c).to.be.accessible();
        } finally {
          await emulateMedia({ colorScheme: 'light' });
        }
      },
    );
  });

  describe('accessibility', () => {
    it('passes axe with every field', async () => {
      const el = await full();
      await expect(el).to.be.accessible();
    });

    it('passes axe without a link', async () => {
      await warnings(async () => {
        const el = await fixture(
          html`<folio-related-card href="javascript:alert('axe')" headline="No link" kicker="K"><p>Teaser</p></folio-related-card>`,
        );
        await expect(el).to.be.accessible();
      });
    });
  });
});

/** The corner of axe-core's API that computes an accessible name. */
interface Axe {
  setup(node: Element): unknown;
  teardown(): void;
  utils: { getNodeFromTree(node: Node): unknown };
  commons: { text: { accessibleTextVirtual(vNode: unknown): string } };
}
