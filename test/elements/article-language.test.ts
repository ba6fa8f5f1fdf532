import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/index.js';
import type { FolioAdSlot } from '../../src/elements/ad-slot/folio-ad-slot.js';
import type { FolioArticle } from '../../src/elements/article/folio-article.js';
import { enhanceElement } from '../../src/elements/article/enhanced-element.js';
import type { FolioRelatedCard } from '../../src/elements/related-card/folio-related-card.js';
import type { RelatedItem, Story, StoryBlock } from '../../src/story/story.js';
import { dirOf, langOf } from '../support/language.js';
import '../../src/i18n/extra/uk.js';

/**
 * One language per article: whatever decides it (the element, the story, the script tag, the
 * page), the footer, the slots and the cards all speak it and
 * are marked with it, while the story's own text keeps the story's `lang`. (The footer is there
 * only for an article with a corrections endpoint: the tests that read it give one.)
 */

const LOREM =
  'The council voted on Tuesday evening to rebuild the line, which ran from the central station to the riverside for almost seventy years before the last car was withdrawn.';
const paragraphs = (n: number): StoryBlock[] =>
  Array.from({ length: n }, (_, i) => ({ type: 'paragraph', html: `${i + 1}. ${LOREM} ${LOREM}` }));
const RELATED: RelatedItem[] = [
  { href: '/a', headline: 'The tram returns' },
  { href: '/b', headline: 'What the line cost' },
  { href: '/c', headline: 'Seventy years of the riverside route' },
];

function makeStory(extra: Partial<Story> = {}): Story {
  return {
    id: 't',
    url: 'https://news.example/2026/story',
    headline: 'The line comes back',
    byline: [{ name: 'Desk' }],
    datePublished: '2026-11-20T07:30:00Z',
    body: paragraphs(13),
    related: RELATED,
    ...extra,
  };
}

/** A story-mode article in `wrapper` markup (`<folio-article>` inside, attributes as given), ready. */
async function storyArticle(markup: string, story: Story, props: Partial<FolioArticle> = {}) {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  wrapper.innerHTML = markup;
  const el = wrapper.querySelector('folio-article')!;
  Object.assign(el, props);
  const ready = oneEvent(el, 'folio-ready');
  el.story = story;
  await ready;
  await settle(el);
  return el;
}

/** Waits until the article and everything it inserted have rendered. */
async function settle(el: Element) {
  await (el as FolioArticle).updateComplete;
  const children = [
    ...el.querySelectorAll('folio-ad-slot, folio-related-card'),
    ...(el.shadowRoot?.querySelectorAll('folio-related-card') ?? []),
  ] as (FolioAdSlot | FolioRelatedCard)[];
  await Promise.all(children.map((child) => child.updateComplete));
}

const slotLabel = (el: Element) =>
  el.querySelector('folio-ad-slot')!.shadowRoot!.querySelector('[part=label]') as HTMLElement;
/** The inline card: in the story body (story mode) or among the publisher's blocks (enhance mode). */
const inlineCard = (el: Element) =>
  (el.shadowRoot!.querySelector('[part=body] folio-related-card') ??
    el.querySelector('folio-related-card')) as FolioRelatedCard;
const cardPart = (card: Element, name: string) => card.shadowRoot!.querySelector(`[part=${name}]`) as HTMLElement;
const footer = (el: Element) => el.shadowRoot!.querySelector('[part=footer]') as HTMLElement;
const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const UK = {
  footer: 'Щоб запропонувати виправлення',
  advertisement: 'Реклама',
  otherTopics: 'Інші теми, що можуть зацікавити',
};

describe('<folio-article> language', () => {
  // Chromium's window, in every engine: enhance mode puts slots only below the first screen, and
  // ten paragraphs reach below 600 px, not below WebKitGTK's 730 (when this file runs first).
  before(() => setViewport({ width: 800, height: 600 }));

  describe('strings', () => {
    it('the strings set on the article reach the slots and cards it inserts', async () => {
      const strings = { advertisement: 'Sponsored', otherTopics: 'Read next' };
      const el = await storyArticle('<folio-article lang="en"></folio-article>', makeStory(), { strings });
      expect(slotLabel(el).textContent).to.equal('Sponsored');
      expect(text(cardPart(inlineCard(el), 'label'))).to.equal('Read next');
      await expect(el).to.be.accessible();
    });

    it('the strings given to Folio.enhance reach the slots it inserts', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      wrapper.innerHTML = `<section>${paragraphs(10)
        .map((p) => `<p>${(p as { html: string }).html}</p>`)
        .join('')}</section>`;
      const section = wrapper.firstElementChild!;
      const ready = oneEvent(section, 'folio-ready');
      enhanceElement(section, {
        correctionsEndpoint: '/api/corrections',
        strings: { advertisement: 'Sponsored', footerLink: 'tell the desk' },
      });
      await ready;
      // The footer, at the article's end, follows the ready content in a task of its own.
      await waitUntil(() => footer(section), 'no footer');
      await settle(section);
      expect(slotLabel(section).textContent).to.equal('Sponsored');
      expect(text(footer(section).querySelector('button'))).to.equal('tell the desk');
    });

    it('new strings on the article reach the slots it already inserted', async () => {
      const el = await storyArticle('<folio-article lang="en"></folio-article>', makeStory());
      expect(slotLabel(el).textContent).to.equal('Advertisement');
      el.strings = { advertisement: 'Sponsored' };
      await settle(el);
      await waitUntil(() => slotLabel(el).textContent === 'Sponsored', 'the slot kept its old label');
    });
  });

  describe('one language for the whole article', () => {
    it('a story in Ukrainian makes its slots and cards Ukrainian too, on an English page', async () => {
      const el = await storyArticle(
        '<folio-article corrections-endpoint="/api/corrections"></folio-article>',
        makeStory({ lang: 'uk' }),
      );
      expect(text(footer(el))).to.contain(UK.footer);
      expect(slotLabel(el).textContent).to.equal(UK.advertisement);
      expect(text(cardPart(inlineCard(el), 'label'))).to.equal(UK.otherTopics);
      expect(langOf(slotLabel(el))).to.equal('uk');
    });

    it('a Ukrainian element showing an English story: Ukrainian chrome marked uk, the story marked en', async () => {
      const el = await storyArticle(
        '<folio-article lang="uk" corrections-endpoint="/api/corrections"></folio-article>',
        makeStory({ lang: 'en' }),
      );
      // The chrome: footer, slots, the cards' labels and dates.
      expect(text(footer(el))).to.contain(UK.footer);
      expect(langOf(footer(el))).to.equal('uk');
      expect(slotLabel(el).textContent).to.equal(UK.advertisement);
      expect(langOf(slotLabel(el))).to.equal('uk');
      const card = inlineCard(el);
      expect(text(cardPart(card, 'label'))).to.equal(UK.otherTopics);
      expect(langOf(cardPart(card, 'label'))).to.equal('uk');
      // The content: the story's text, and the related stories' headlines, stay English.
      expect(langOf(el.shadowRoot!.querySelector('[part=headline]'))).to.equal('en');
      expect(langOf(el.shadowRoot!.querySelector('[part=body] p'))).to.equal('en');
      expect(langOf(cardPart(card, 'headline'))).to.equal('en');
      await expect(el).to.be.accessible();
    });

    it('the nearest ancestor’s language reaches the slots and the footer in enhance mode', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="uk"></div>`);
      wrapper.innerHTML = `<folio-article corrections-endpoint="/api/corrections">${paragraphs(10)
        .map((p) => `<p>${(p as { html: string }).html}</p>`)
        .join('')}</folio-article>`;
      const el = wrapper.firstElementChild as FolioArticle;
      await waitUntil(() => el.querySelector('folio-ad-slot'), 'no slot');
      await waitUntil(() => footer(el), 'no footer');
      await settle(el);
      expect(text(footer(el))).to.contain(UK.footer);
      expect(slotLabel(el).textContent).to.equal(UK.advertisement);
    });

    it('a new language on the article reaches the slots it already inserted', async () => {
      const el = await storyArticle(
        '<folio-article lang="en" corrections-endpoint="/api/corrections"></folio-article>',
        makeStory({ lang: 'en' }),
      );
      expect(slotLabel(el).textContent).to.equal('Advertisement');
      el.lang = 'uk';
      await settle(el);
      await waitUntil(() => slotLabel(el).textContent === UK.advertisement, 'the slot kept English');
      expect(text(footer(el))).to.contain(UK.footer);
      expect(langOf(slotLabel(el))).to.equal('uk');
    });
  });

  describe('languages Folio has no table for', () => {
    it('a German page gets the English chrome marked lang="en", its own text untouched', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="de"></div>`);
      const own = '<p id="own">Der Stadtrat hat am Dienstag entschieden.</p>';
      wrapper.innerHTML = `<folio-article corrections-endpoint="/api/corrections">${own}${paragraphs(10)
        .map((p) => `<p>${(p as { html: string }).html}</p>`)
        .join('')}</folio-article>`;
      const el = wrapper.firstElementChild as FolioArticle;
      await waitUntil(() => el.querySelector('folio-ad-slot'), 'no slot');
      await waitUntil(() => footer(el), 'no footer');
      await settle(el);
      expect(text(footer(el))).to.contain('To suggest a correction');
      expect(langOf(footer(el))).to.equal('en');
      expect(slotLabel(el).textContent).to.equal('Advertisement');
      expect(langOf(slotLabel(el))).to.equal('en');
      expect(langOf(el.querySelector('#own'))).to.equal('de');
      await expect(wrapper).to.be.accessible();
    });

    it('an Arabic right-to-left page gets the English chrome left-to-right, so its sentence reads in order', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="ar" dir="rtl" style="width: 600px"></div>`);
      wrapper.innerHTML = `<folio-article corrections-endpoint="/api/corrections">${paragraphs(10)
        .map((p) => `<p>${(p as { html: string }).html}</p>`)
        .join('')}</folio-article>`;
      const el = wrapper.firstElementChild as FolioArticle;
      await waitUntil(() => el.querySelector('folio-ad-slot'), 'no slot');
      await waitUntil(() => footer(el), 'no footer');
      await settle(el);
      expect(langOf(footer(el))).to.equal('en');
      expect(dirOf(footer(el))).to.equal('ltr');
      expect(getComputedStyle(footer(el)).direction).to.equal('ltr');
      expect(langOf(slotLabel(el))).to.equal('en');
      expect(getComputedStyle(slotLabel(el)).direction).to.equal('ltr');
      // The publisher's own text keeps the page's direction.
      expect(getComputedStyle(el.querySelector('p')!).direction).to.equal('rtl');
      await expect(wrapper).to.be.accessible();
    });
  });
});
