import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { FolioArticle } from '../../src/elements/article/folio-article.js';
import type { FolioErrorEvent } from '../../src/events.js';
import type { Story, StoryBlock } from '../../src/story/story.js';

const LOREM =
  'The council voted on Tuesday evening to rebuild the line, which ran from the central station to the riverside for almost seventy years before the last car was withdrawn.';
const paragraphs = (n: number): StoryBlock[] =>
  Array.from({ length: n }, (_, i) => ({ type: 'paragraph', html: `${i + 1}. ${LOREM} ${LOREM}` }));

function makeStory(body: StoryBlock[], extra: Partial<Story> = {}): Story {
  return {
    id: 't',
    url: 'https://news.example/2026/story',
    headline: 'Placement test',
    byline: [{ name: 'Desk' }],
    datePublished: '2026-11-20T07:30:00Z',
    body,
    ...extra,
  };
}

async function storyArticle(story: Story, attrs = '') {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  wrapper.innerHTML = `<folio-article lang="en" ${attrs}></folio-article>`;
  const el = wrapper.firstElementChild as FolioArticle;
  const ready = oneEvent(el, 'folio-ready');
  el.story = story;
  await ready;
  return el;
}

/** The kinds of the story body in reading order: p (paragraph), ad, card, h2, … */
function storyOrder(el: FolioArticle): string[] {
  const out: string[] = [];
  for (const node of el.shadowRoot!.querySelectorAll('[part=body] .section > *')) {
    if (node.tagName === 'SLOT') out.push('ad');
    else if (node.tagName === 'FOLIO-RELATED-CARD') out.push('card');
    else out.push(node.tagName.toLowerCase());
  }
  return out;
}

function enhanceOrder(el: Element): string[] {
  return [...el.children].map((c) =>
    c.tagName === 'FOLIO-AD-SLOT' ? 'ad' : c.tagName === 'FOLIO-RELATED-CARD' ? 'card' : c.tagName.toLowerCase(),
  );
}

/** Checks the ad rules on an order: first after ≥3 paragraphs, ≥3 between, none last, never next to non-paragraphs. */
function checkRules(order: string[]) {
  const ads = order.flatMap((k, i) => (k === 'ad' ? [i] : []));
  let last = -1;
  for (const i of ads) {
    const before = order.slice(last + 1, i).filter((k) => k === 'p').length;
    expect(before, `paragraphs before the ad at ${i}`).to.be.at.least(3);
    expect(order[i - 1], 'block before an ad').to.equal('p');
    expect(order[i + 1], 'block after an ad').to.equal('p');
    last = i;
  }
  return ads.length;
}

describe('<folio-article> placement', () => {
  describe('ads in story mode', () => {
    it('puts at least two labelled, reserved slots into an ordinary 13-paragraph story', async () => {
      const el = await storyArticle(makeStory(paragraphs(13)));
      const order = storyOrder(el);
      expect(checkRules(order)).to.be.at.least(2);
      const slots = [...el.querySelectorAll(':scope > folio-ad-slot')] as HTMLElement[];
      expect(slots.length).to.equal(order.filter((k) => k === 'ad').length);
      for (const slot of slots) {
        // Light DOM, projected into the body through a named slot: GPT finds containers by id in the document.
        expect(el.shadowRoot!.querySelector(`slot[name="${slot.slot}"]`)).to.not.equal(null);
        expect(parseFloat(getComputedStyle(slot).minHeight)).to.be.greaterThan(200);
        await (slot as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
        expect(slot.shadowRoot!.textContent).to.contain('Advertisement');
      }
    });

    it('keeps ads away from headings, images and quotes', async () => {
      const body: StoryBlock[] = [
        ...paragraphs(4),
        { type: 'heading', text: 'Sub' },
        ...paragraphs(4),
        { type: 'image', src: '/demo/images/bridge.svg', alt: 'x', width: 800, height: 450 },
        ...paragraphs(4),
        { type: 'quote', html: 'A quote' },
        ...paragraphs(4),
      ];
      const el = await storyArticle(makeStory(body));
      expect(checkRules(storyOrder(el))).to.be.at.least(2);
    });

    it('never puts an ad between a speaker’s introduction (a paragraph ending in a colon) and the words', async () => {
      const body: StoryBlock[] = paragraphs(12).map((b, i) =>
        i === 2 || i === 5 ? { type: 'paragraph', html: `${(b as { html: string }).html} <b>She said:</b>` } : b,
      );
      const order = storyOrder(await storyArticle(makeStory(body)));
      const paragraphsSeen = order.map((kind, i) =>
        kind === 'p' ? order.slice(0, i).filter((k) => k === 'p').length : -1,
      );
      for (const [i, kind] of order.entries()) {
        if (kind === 'ad') expect([2, 5], 'an ad after an introduction').to.not.include(paragraphsSeen[i - 1]);
      }
      expect(order.filter((k) => k === 'ad').length).to.be.at.least(2);
    });

    it('keeps a pinned ad block where the story put it and spaces the others from it', async () => {
      const body = [
        ...paragraphs(5),
        { type: 'ad', sizes: '728x90', unit: '/1/pinned' } as StoryBlock,
        ...paragraphs(10),
      ];
      const el = await storyArticle(makeStory(body));
      const order = storyOrder(el);
      expect(order[5]).to.equal('ad');
      checkRules(order);
      const pinned = el.querySelector('folio-ad-slot[unit="/1/pinned"]')!;
      expect(pinned.getAttribute('sizes')).to.equal('728x90');
    });

    it('inserts no ads with ads="none", and honours ad-max, ad-first and ad-gap', async () => {
      const none = await storyArticle(makeStory(paragraphs(20)), 'ads="none"');
      expect(storyOrder(none)).to.not.include('ad');
      const one = await storyArticle(makeStory(paragraphs(20)), 'ad-max="1" ad-first="6"');
      const order = storyOrder(one);
      expect(order.filter((k) => k === 'ad')).to.have.length(1);
      expect(order.indexOf('ad')).to.be.at.least(6);
      const story = makeStory(paragraphs(20), { ads: { gap: 8 } });
      const spaced = storyOrder(await storyArticle(story));
      const ads = spaced.flatMap((k, i) => (k === 'ad' ? [i] : []));
      for (let i = 1; i < ads.length; i++) expect(ads[i] - ads[i - 1]).to.be.greaterThan(8);
    });

    it('hands the article’s ad settings to every slot it inserts', async () => {
      const el = await storyArticle(
        makeStory(paragraphs(13)),
        'ad-provider="gpt" ad-unit="/1234/news/article" ad-sizes="336x280" gpt-src="/test/support/gpt-standin.js"',
      );
      const slot = el.querySelector('folio-ad-slot')!;
      expect(slot.getAttribute('provider')).to.equal('gpt');
      expect(slot.getAttribute('unit')).to.equal('/1234/news/article');
      expect(slot.getAttribute('sizes')).to.equal('336x280');
      expect(slot.getAttribute('gpt-src')).to.equal('/test/support/gpt-standin.js');
    });
  });

  describe('ads in enhance mode', () => {
    it('inserts reserved slots between the publisher’s paragraphs without replacing them', async () => {
      // Below the fold: once a page has painted, Folio inserts nothing where the reader may be looking.
      const wrapper = await fixture<HTMLDivElement>(html`<div style="margin-top: 3000px"></div>`);
      wrapper.innerHTML = `<folio-article>${paragraphs(13)
        .map((b, i) => `<p id="p${i}">${(b as { html: string }).html}</p>`)
        .join('')}</folio-article>`;
      const el = wrapper.firstElementChild as FolioArticle;
      const before = [...el.querySelectorAll('p')];
      await el.updateComplete;
      const order = enhanceOrder(el);
      expect(checkRules(order)).to.be.at.least(2);
      expect(order[order.length - 1]).to.equal('p');
      expect([...el.querySelectorAll('p')]).to.deep.equal(before);
      await expect(el).to.be.accessible();
    });

    it('keeps a slot the publisher placed and gives it the article’s provider', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="margin-top: 3000px"></div>`);
      wrapper.innerHTML = `<folio-article ad-provider="gpt">${paragraphs(4)
        .map((b) => `<p>${(b as { html: string }).html}</p>`)
        .join('')}<folio-ad-slot id="mine" sizes="300x250"></folio-ad-slot>${paragraphs(9)
        .map((b) => `<p>${(b as { html: string }).html}</p>`)
        .join('')}</folio-article>`;
      const el = wrapper.firstElementChild as FolioArticle;
      await el.updateComplete;
      const mine = el.querySelector('#mine')!;
      expect(mine.getAttribute('provider')).to.equal('gpt');
      const order = enhanceOrder(el);
      expect(order[4]).to.equal('ad');
      checkRules(order);
    });
  });

  describe('related stories', () => {
    const related = [
      {
        href: '/2026/fact-check',
        kicker: 'Fact-Checking',
        headline: 'Did the tram carry 9,000 a day?',
        teaser: 'We checked the archive.',
      },
      { href: 'https://news.example/cycle', headline: 'Where the cycle lanes go' },
      { href: 'javascript:alert(1)', headline: 'Not a link' },
    ];

    it('puts the first related story inside the body, not first or last, never next to an ad', async () => {
      const el = await storyArticle(makeStory(paragraphs(13), { related }));
      const order = storyOrder(el);
      const at = order.indexOf('card');
      expect(at).to.be.greaterThan(0);
      expect(at).to.be.lessThan(order.length - 1);
      expect(order[at - 1]).to.equal('p');
      expect(order[at + 1]).to.equal('p');
      const card = el.shadowRoot!.querySelector('[part=body] folio-related-card') as HTMLElement;
      await (card as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      const links = card.shadowRoot!.querySelectorAll('a[href]');
      expect(links).to.have.length(1);
      expect((links[0] as HTMLAnchorElement).href).to.equal('https://news.example/2026/fact-check');
      expect(card.shadowRoot!.textContent).to.contain('Other Topics of Interest');
    });

    it('shows only the first related story (the others are not shown)', async () => {
      const el = await storyArticle(makeStory(paragraphs(13), { related }));
      expect(el.shadowRoot!.querySelectorAll('folio-related-card')).to.have.length(1);
    });

    it('sends a click on the card to listeners on document, before navigation', async () => {
      const el = await storyArticle(makeStory(paragraphs(13), { related }));
      const card = el.shadowRoot!.querySelector('[part=body] folio-related-card') as HTMLElement;
      await (card as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      const stop = (e: Event) => e.preventDefault();
      document.addEventListener('folio-related-click', stop);
      try {
        const heard = oneEvent(document, 'folio-related-click');
        (card.shadowRoot!.querySelector('a') as HTMLAnchorElement).click();
        const { detail } = await heard;
        expect(detail).to.deep.equal({
          href: 'https://news.example/2026/fact-check',
          headline: 'Did the tram carry 9,000 a day?',
          position: 1,
        });
      } finally {
        document.removeEventListener('folio-related-click', stop);
      }
    });

    it('places a card from related-src in an enhanced article, never next to an ad', async () => {
      // Below the fold, as most of an article is when a feed arrives: inserting there moves nothing the reader sees.
      const wrapper = await fixture<HTMLDivElement>(html`<div style="margin-top: 3000px"></div>`);
      wrapper.innerHTML = `<folio-article related-src="/test/fixtures/related/feed.json">${paragraphs(13)
        .map((b) => `<p>${(b as { html: string }).html}</p>`)
        .join('')}</folio-article>`;
      const el = wrapper.firstElementChild as FolioArticle;
      await waitUntil(() => el.querySelector('folio-related-card'), 'no card arrived', { timeout: 5000 });
      const order = enhanceOrder(el);
      const at = order.indexOf('card');
      expect(order[at - 1]).to.equal('p');
      expect(order[at + 1]).to.equal('p');
      checkRules(order);
    });

    it('never inserts a late card where the reader is looking: then it is not shown', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      expect(performance.getEntriesByType('paint').length, 'the page has painted').to.be.greaterThan(0);
      const el = document.createElement('folio-article');
      el.setAttribute('related-src', '/test/fixtures/related/feed.json');
      el.innerHTML = paragraphs(6)
        .map((b) => `<p>${(b as { html: string }).html}</p>`)
        .join('');
      const feed = new URL('/test/fixtures/related/feed.json', location.href).href;
      const fetched = () => performance.getEntriesByName(feed).length;
      const before = fetched();
      wrapper.append(el);
      await waitUntil(() => fetched() > before, 'no feed fetched', { timeout: 5000 });
      // The feed's items are in: a few tasks for enhanceBody to read them and place nothing.
      await new Promise((r) => setTimeout(r, 100));
      expect(el.querySelector('folio-related-card')).to.equal(null);
      expect(el.shadowRoot!.querySelector('folio-related-card')).to.equal(null);
    });

    it('moves a late card further down, below what the reader sees, when the rules allow', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      const el = document.createElement('folio-article');
      el.setAttribute('related-src', '/test/fixtures/related/feed.json');
      el.setAttribute('ads', 'none');
      el.innerHTML = paragraphs(40)
        .map((b) => `<p>${(b as { html: string }).html}</p>`)
        .join('');
      wrapper.append(el);
      await waitUntil(() => el.querySelector('folio-related-card'), 'no card', { timeout: 5000 });
      expect(el.querySelector('folio-related-card')!.getBoundingClientRect().top).to.be.at.least(innerHeight);
      const order = enhanceOrder(el);
      expect(order[order.indexOf('card') - 1]).to.equal('p');
      expect(order[order.indexOf('card') + 1]).to.equal('p');
    });

    it('leaves the article as it was when the related feed fails, and says so with a non-fatal folio-error', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement('folio-article');
      el.setAttribute('related-src', '/__test/status/500');
      el.setAttribute('ads', 'none');
      el.innerHTML = '<p>One.</p><p>Two.</p><p>Three.</p>';
      const failed = oneEvent(el, 'folio-error') as Promise<FolioErrorEvent>;
      wrapper.append(el);
      const { detail } = await failed;
      expect(detail.code).to.equal('related-feed');
      expect(detail.fatal).to.equal(false);
      expect(enhanceOrder(el)).to.deep.equal(['p', 'p', 'p']);
      expect(el.shadowRoot!.querySelector('folio-related-card')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part=error]')).to.equal(null);
    });
  });
});
