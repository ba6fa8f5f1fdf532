import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { FolioAdSlot } from '../../src/elements/ad-slot/folio-ad-slot.js';
import type { FolioArticle } from '../../src/elements/article/folio-article.js';
import type { FolioRelatedCard } from '../../src/elements/related-card/folio-related-card.js';
import { ar } from '../../src/i18n/extra/ar.js';
import { de } from '../../src/i18n/extra/de.js';
import { es } from '../../src/i18n/extra/es.js';
import { fr } from '../../src/i18n/extra/fr.js';
import { uk } from '../../src/i18n/extra/uk.js';
import { chromeFor, directionOf, en, tableFor, type FolioStrings } from '../../src/i18n/strings.js';
import type { Story, StoryBlock } from '../../src/story/story.js';
import { dirOf, langOf } from '../support/language.js';

// Importing the tables above added them (addLanguage), for this page only: each test file runs in a page of its own.

const TABLES: Record<string, FolioStrings> = { uk, de, fr, es, ar };
const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

const LOREM =
  'The council voted on Tuesday evening to rebuild the line, which ran from the central station to the riverside for almost seventy years before the last car was withdrawn.';
const paragraphs = (n: number): StoryBlock[] =>
  Array.from({ length: n }, (_, i) => ({ type: 'paragraph', html: `${i + 1}. ${LOREM}` }));

const story = (extra: Partial<Story> = {}): Story => ({
  id: 't',
  url: 'https://news.example/2026/story',
  headline: 'The line comes back',
  byline: [{ name: 'Desk' }],
  datePublished: '2026-11-20T07:30:00Z',
  body: paragraphs(13),
  related: [
    { href: '/a', headline: 'The tram returns' },
    { href: '/b', headline: 'What the line cost' },
  ],
  ...extra,
});

async function storyArticle(markup: string, value: Story) {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  wrapper.innerHTML = markup;
  const el = wrapper.querySelector('folio-article') as FolioArticle;
  const ready = oneEvent(el, 'folio-ready');
  el.story = value;
  await ready;
  await el.updateComplete;
  const inserted = [...el.querySelectorAll('folio-ad-slot'), ...el.shadowRoot!.querySelectorAll('folio-related-card')];
  await Promise.all(inserted.map((child) => (child as FolioAdSlot | FolioRelatedCard).updateComplete));
  return { wrapper, el };
}

describe('string tables', () => {
  describe('every table', () => {
    for (const [lang, table] of Object.entries(TABLES)) {
      it(`${lang}: has every English key, with the same placeholders, all translated text`, () => {
        expect(Object.keys(table)).to.deep.equal(Object.keys(en));
        for (const key of Object.keys(en) as (keyof FolioStrings)[]) {
          expect(placeholders(table[key]), `${lang}.${key}`).to.deep.equal(placeholders(en[key]));
          expect(table[key].trim(), `${lang}.${key}`).to.not.equal('');
        }
        // Key names and punctuation may be the same in both; the sentences are not.
        const same = (Object.keys(en) as (keyof FolioStrings)[]).filter((key) => table[key] === en[key]);
        expect(
          same.filter((key) => !['keysCtrl', 'keysMac', 'footerAfter', 'footerEnd', 'photo', 'source'].includes(key)),
        ).to.deep.equal([]);
      });
    }

    it('are found by any tag of their language, and a language without one is the English fallback', () => {
      expect(tableFor('de-AT')).to.deep.equal(de);
      expect(tableFor('FR-ca')).to.deep.equal(fr);
      expect(tableFor('pt-BR')).to.equal(undefined);
      expect(chromeFor('pt-BR')).to.include({ lang: 'en', dir: 'ltr', strings: en });
      expect(chromeFor('ar-EG')).to.include({ lang: 'ar-EG', dir: 'rtl' });
    });
  });

  describe('direction', () => {
    it('knows the right-to-left languages, and calls anything else left to right', () => {
      for (const lang of ['ar', 'ar-EG', 'he', 'fa', 'ur']) expect(directionOf(lang), lang).to.equal('rtl');
      for (const lang of ['en', 'uk', 'de-CH', 'zh-Hant', 'not a tag!'])
        expect(directionOf(lang), lang).to.equal('ltr');
    });
  });

  describe('an added table in an article', () => {
    it('a German page gets German chrome, marked de', async () => {
      const { el } = await storyArticle(
        '<div lang="de"><folio-article corrections-endpoint="/api/corrections"></folio-article></div>',
        story(),
      );
      const footer = el.shadowRoot!.querySelector('[part=footer]')!;
      expect(footer.textContent).to.contain('Wenn Sie eine Korrektur');
      expect(langOf(footer)).to.equal('de');
      const label = el.querySelector('folio-ad-slot')!.shadowRoot!.querySelector('[part=label]')!;
      expect(label.textContent).to.equal('Anzeige');
    });

    it('an Arabic article is right to left in its footer, slots and cards, in a left-to-right page', async () => {
      const { wrapper, el } = await storyArticle(
        '<div style="width: 700px"><folio-article lang="ar" corrections-endpoint="/api/corrections"></folio-article></div>',
        story({ lang: 'en' }),
      );
      const root = el.shadowRoot!;
      const footer = root.querySelector('[part=footer]') as HTMLElement;
      expect(footer.textContent).to.contain(ar.footerLink);
      expect([langOf(footer), dirOf(footer), getComputedStyle(footer).direction]).to.deep.equal(['ar', 'rtl', 'rtl']);
      const slot = el.querySelector('folio-ad-slot')!;
      const label = slot.shadowRoot!.querySelector('[part=label]') as HTMLElement;
      expect(label.textContent).to.equal(ar.advertisement);
      expect(getComputedStyle(label).direction).to.equal('rtl');
      const card = root.querySelector('[part=body] folio-related-card')!;
      const box = card.shadowRoot!.querySelector('[part=card]') as HTMLElement;
      expect(getComputedStyle(box).direction).to.equal('rtl');
      expect(card.shadowRoot!.querySelector('[part=label]')!.textContent).to.equal(ar.otherTopics);
      // The story is English: its text stays left to right.
      expect(getComputedStyle(root.querySelector('[part=body] p')!).direction).to.equal('ltr');
      // The key names stay in their order inside the Arabic sentence.
      expect(footer.textContent).to.contain('\u2066Ctrl + Enter\u2069');
      await expect(wrapper).to.be.accessible();
    });

    it('an Arabic story gets right-to-left content, Arabic chrome and Arabic dates', async () => {
      const { el } = await storyArticle('<folio-article></folio-article>', story({ lang: 'ar' }));
      const root = el.shadowRoot!;
      expect(getComputedStyle(root.querySelector('[part=headline]')!).direction).to.equal('rtl');
      const byline = root.querySelector('[part=byline]')!;
      expect([langOf(byline), dirOf(byline)]).to.deep.equal(['ar', 'rtl']);
      await waitUntil(() => el.querySelector('folio-ad-slot'));
      expect(el.uiLang).to.equal('ar');
    });
  });
});
