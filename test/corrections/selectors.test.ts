import { expect, fixture, html } from '@open-wc/testing';
import type { FolioArticle } from '../../src/elements/article/folio-article.js';
import {
  articleOf,
  articleText,
  selectionTarget,
  textOffset,
  trimQuote,
  type Quote,
} from '../../src/corrections/selectors.js';
import { selectBetween, selectText, story, storyArticle, textNode } from './helpers.js';

const LONG = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.';

async function enhanced(): Promise<FolioArticle> {
  return fixture<FolioArticle>(html`<folio-article>
    <h1>Harbour bridge reopens</h1>
    <p id="one">${LONG} The bridge reopened at six o'clock on Friday.</p>
    <folio-ad-slot>Advertisement: buy a boat</folio-ad-slot>
    <p id="two">Engineers replaced <a href="#">all 212 cables</a> during the closure.</p>
    <folio-related-card>Other Topics of Interest: a story</folio-related-card>
    <aside data-folio-skip>Newsletter sign-up</aside>
    <script>var notText = 1;</script>
    <p id="three">The council expects about 40,000 crossings a day.</p>
  </folio-article>`);
}

describe('corrections: selectors', () => {
  afterEach(() => document.getSelection()?.removeAllRanges());

  describe('article text', () => {
    it('leaves out ads, related cards, skipped blocks and scripts, so positions count only the story', async () => {
      const el = await enhanced();
      const { text } = articleText(el);
      expect(text).to.include('Harbour bridge reopens');
      expect(text).to.include('all 212 cables');
      expect(text).not.to.include('buy a boat');
      expect(text).not.to.include('Other Topics');
      expect(text).not.to.include('Newsletter');
      expect(text).not.to.include('notText');
    });

    it('counts a point between elements as the start of the next text', async () => {
      const el = await enhanced();
      const index = articleText(el);
      const two = el.querySelector('#two')!;
      expect(textOffset(index, two, 0)).to.equal(index.text.indexOf('Engineers'));
      // A point inside the ad slot counts from the next article text after it.
      const ad = el.querySelector('folio-ad-slot')!;
      const after = index.nodes.indexOf(ad.nextSibling as Text);
      expect(after).to.be.greaterThan(0);
      expect(textOffset(index, ad.firstChild!, 3)).to.equal(index.starts[after]);
    });
  });

  describe('enhance mode', () => {
    it('quotes exactly the selected words, with 32 characters of context each side', async () => {
      const el = await enhanced();
      const range = selectText(el, "six o'clock");
      const target = selectionTarget([el])!;
      expect(target.article).to.equal(el);
      const { quote } = target;
      expect(quote.exact).to.equal(range.toString());
      expect(quote.exact).to.equal("six o'clock");
      const text = articleText(el).text;
      expect(text.slice(quote.start, quote.end)).to.equal(quote.exact);
      expect(quote.prefix).to.have.length(32);
      expect(quote.prefix).to.equal(text.slice(quote.start - 32, quote.start));
      expect(quote.suffix).to.equal(text.slice(quote.end, quote.end + 32));
      expect(quote.prefix.endsWith('reopened at ')).to.be.true;
    });

    it('keeps whitespace as it is in the DOM text, across elements', async () => {
      const el = await enhanced();
      const one = textNode(el, 'The bridge reopened');
      const cables = textNode(el, 'all 212');
      const range = selectBetween(one, one.data.indexOf('Friday'), cables, 3);
      const { quote } = selectionTarget([el])!;
      // The ad slot between the paragraphs is not article text; everything else is as Range.toString() has it.
      expect(quote.exact).to.equal(range.toString().replace('Advertisement: buy a boat', ''));
      expect(quote.exact).to.match(/^Friday\.\n\s+\n\s+Engineers replaced all$/);
      expect(articleText(el).text.slice(quote.start, quote.end)).to.equal(quote.exact);
    });

    it('gives positions that skip the ad slot before the quote', async () => {
      const el = await enhanced();
      selectText(el, '40,000 crossings');
      const { quote } = selectionTarget([el])!;
      const text = articleText(el).text;
      expect(quote.start).to.equal(text.indexOf('40,000 crossings'));
      expect(quote.end - quote.start).to.equal('40,000 crossings'.length);
      // The same words counted in the page's full text would be further on, past the ad and card.
      expect(el.textContent!.indexOf('40,000')).to.be.greaterThan(quote.start);
    });

    it('uses a short prefix at the very start of the article', async () => {
      const el = await enhanced();
      selectText(el, 'bridge');
      const { quote } = selectionTarget([el])!;
      expect(quote.prefix).to.equal('\n    Harbour ');
      expect(quote.start).to.equal(quote.prefix.length);
    });

    it('ignores a selection outside every article', async () => {
      const wrapper = await fixture(
        html`<div><p id="outside">Not the article.</p><folio-article><p>Text.</p></folio-article></div>`,
      );
      selectText(wrapper.querySelector('#outside')!, 'the article');
      expect(selectionTarget(wrapper.querySelectorAll('folio-article'))).to.equal(null);
    });

    it('ignores a collapsed or whitespace-only selection', async () => {
      const el = await enhanced();
      const node = textNode(el, 'Engineers');
      selectBetween(node, 2, node, 2);
      expect(selectionTarget([el])).to.equal(null);
      const h1 = el.querySelector('h1')!;
      selectBetween(el, 0, h1, 0); // only the indentation before the headline
      expect(selectionTarget([el])).to.equal(null);
    });

    it('clamps a selection that runs out of the article to the article text', async () => {
      const wrapper = await fixture(
        html`<div><p id="before">Before.</p><folio-article><p>Inside words.</p></folio-article></div>`,
      );
      const article = wrapper.querySelector('folio-article')!;
      selectBetween(textNode(wrapper, 'Before'), 2, textNode(article, 'Inside'), 6);
      const { quote } = selectionTarget([article])!;
      expect(quote.exact).to.equal('Inside');
      expect(quote.start).to.equal(0);
    });
  });

  describe('story mode', () => {
    it('reads the selection inside the shadow root through getComposedRanges', async () => {
      const el = await storyArticle(story());
      const range = selectText(el.shadowRoot!, 'all 212 cables');
      const target = selectionTarget([el])!;
      expect(target.article).to.equal(el);
      expect(target.quote.exact).to.equal(range.toString());
      const text = articleText(el.textRoot).text;
      expect(text.slice(target.quote.start, target.quote.end)).to.equal('all 212 cables');
      expect(target.quote.prefix).to.equal(text.slice(target.quote.start - 32, target.quote.start));
    });

    it('does not treat the attribution or footer as article text', async () => {
      const el = await storyArticle(story());
      const footer = el.shadowRoot!.querySelector('[part=footer]')!;
      selectText(footer, 'write to us');
      expect(selectionTarget([el])).to.equal(null);
      expect(articleOf(textNode(footer, 'write to us'))).to.equal(null);
    });
  });

  describe('browsers without getComposedRanges', () => {
    const withoutComposedRanges = async (fn: () => void | Promise<void>) => {
      const original = Selection.prototype.getComposedRanges;
      (Selection.prototype as { getComposedRanges?: unknown }).getComposedRanges = undefined;
      try {
        await fn();
      } finally {
        Selection.prototype.getComposedRanges = original;
      }
    };

    it('still works in enhance mode with only the document selection', async () => {
      const el = await enhanced();
      selectText(el, 'all 212 cables');
      await withoutComposedRanges(() => {
        expect(selectionTarget([el])?.quote.exact).to.equal('all 212 cables');
      });
    });
  });

  it('trims a long quote and takes its suffix from what followed the cut', () => {
    const q: Quote = { exact: 'a'.repeat(510), prefix: 'p', suffix: 'SUFFIX'.repeat(10), start: 1, end: 511 };
    const trimmed = trimQuote(q, 500);
    expect(trimmed.exact).to.have.length(500);
    expect(trimmed.end).to.equal(501);
    expect(trimmed.suffix).to.equal('a'.repeat(10) + 'SUFFIXSUFFIXSUFFIXSUFF');
  });
});
