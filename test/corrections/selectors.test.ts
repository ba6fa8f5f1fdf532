import { expect, fixture, html } from '@open-wc/testing';
import type { FolioArticle } from '../../src/elements/article/folio-article.js';
import {
  type Quote,
  articleOf,
  articleText,
  quoteAt,
  quoteOf,
  selectionTarget,
  textOffset,
} from '../../src/corrections/selectors.js';
import { enhanceElement } from '../../src/elements/article/enhanced-element.js';
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
      const { text } = articleText([el]);
      expect(text).to.include('Harbour bridge reopens');
      expect(text).to.include('all 212 cables');
      expect(text).not.to.include('buy a boat');
      expect(text).not.to.include('Other Topics');
      expect(text).not.to.include('Newsletter');
      expect(text).not.to.include('notText');
    });

    it('counts a point between elements as the start of the next text', async () => {
      const el = await enhanced();
      const index = articleText([el]);
      const two = el.querySelector('#two')!;
      expect(textOffset(index, two, 0)).to.equal(index.text.indexOf('Engineers'));
      // A point inside the ad slot counts from the next article text after it.
      const ad = el.querySelector('folio-ad-slot')!;
      expect(textOffset(index, ad.firstChild!, 3)).to.equal(index.text.indexOf('Engineers'));
    });

    it('is the text as a reader sees it: source white space collapsed, one line break between blocks', async () => {
      const el = await enhanced();
      expect(articleText([el]).text).to.equal(
        `Harbour bridge reopens\n${LONG} The bridge reopened at six o'clock on Friday.\n` +
          'Engineers replaced all 212 cables during the closure.\nThe council expects about 40,000 crossings a day.',
      );
    });

    it('maps every DOM point, inside white space too, to the offset of the character that follows it', async () => {
      const el = await fixture(html`<div><p>  Two   spaces</p><p>Next<br />line<b> bold</b></p></div>`);
      const index = articleText([el]);
      expect(index.text).to.equal('Two spaces\nNext\nline bold');
      const first = textNode(el, 'spaces');
      // Before "Two", in the run between the words, before "spaces", at the end of the node.
      expect([0, 2, 5, 6, 7, 8, 14].map((k) => textOffset(index, first, k))).to.deep.equal([0, 0, 3, 4, 4, 4, 10]);
      expect(textOffset(index, textNode(el, 'line'), 0)).to.equal(index.text.indexOf('line'));
      expect(textOffset(index, textNode(el, 'bold'), 0)).to.equal(index.text.indexOf(' bold'));
    });

    it('maps every point of every text node to the offset a character-by-character reading gives', async () => {
      // Runs of spaces, tabs and line breaks at either end and inside nodes, a no-break space
      // (which is a character, not white space), text split across inline elements, <pre>, <br>.
      const el = await fixture(html`<div>
        <p>\t Lead  and\n\ttrail <em> in  <b>nested</b> </em>  a\u00a0b </p>
        <pre>  keep \n  as is </pre>
        <p> <br /> after\u00a0 break<br />  </p>
      </div>`);
      const index = articleText([el]);
      // The reading this module describes, one character at a time: each node's characters in
      // order, white space shown as one space (nothing at the very start), every character in
      // <pre>; a new block or a <br> puts a line break before the next character shown.
      let text = '';
      let gap = '';
      let block: Element | null = null;
      const expected: number[][] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n instanceof HTMLBRElement && text) gap = '\n';
        if (!(n instanceof Text)) continue;
        const here = n.parentElement!.closest('p, pre');
        if (here !== block && text) gap = '\n';
        block = here;
        const pre = n.parentElement!.closest('pre') !== null;
        const offsets = [text.length + gap.length];
        for (const char of n.data) {
          if (pre || !/[\t\n ]/.test(char)) {
            text += gap + char;
            gap = '';
          } else if (text && !gap) gap = ' ';
          offsets.push(text.length + gap.length);
        }
        expected.push(offsets);
      }
      expect(index.text).to.equal(text);
      expect(index.text).to.equal('Lead and trail in nested a\u00a0b\n  keep \n  as is \nafter\u00a0 break');
      const points = (node: Text) => Array.from({ length: node.length + 1 }, (_, k) => textOffset(index, node, k));
      expect(index.nodes.map(points)).to.deep.equal(expected);
    });

    it('keeps the white space of <pre> as it is', async () => {
      const el = await fixture(html`<div><p>Run:</p><pre>  make   all</pre></div>`);
      expect(articleText([el]).text).to.equal('Run:\n  make   all');
    });

    it('reads the parts of a story split across elements as one text, in order', async () => {
      const wrapper = await fixture(html`<div>
        <div id="a"><p>First part.</p></div>
        <figure><figcaption>Not the story</figcaption></figure>
        <div id="b"><p>Second   part.</p></div>
      </div>`);
      const a = wrapper.querySelector('#a')!;
      const b = wrapper.querySelector('#b')!;
      const index = articleText([a, b]);
      expect(index.text).to.equal('First part.\nSecond part.');
      expect(textOffset(index, textNode(b, 'Second'), 0)).to.equal(12);
    });
  });

  describe('on the keypress, only the blocks the selection is in', () => {
    /**
     * Every selection between sample points of `root`'s text nodes (skipped ones too), and what
     * the whole article's reading quotes for it: the keypress, reading less, must quote the same
     * words with the same context, and what Send reads (the target's article and range) must be
     * that whole quote, positions too.
     */
    function expectWholeArticleQuotes(root: Node, articles: Element[]) {
      const points: [Text, number][] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        if (n.parentElement!.closest('script')) continue;
        for (const k of new Set([0, 1, n.length >> 1, n.length])) if (k <= n.length) points.push([n, k]);
      }
      let compared = 0;
      points.forEach(([a, aOffset], i) =>
        points.slice(i + 1).forEach(([b, bOffset]) => {
          selectBetween(a, aOffset, b, bOffset);
          const target = selectionTarget(articles);
          const range = getSelection()!.getRangeAt(0);
          const article = articleOf(a) ?? articleOf(b);
          // The whole article's reading (its parts, `textOffset`, `quoteAt`, tested above).
          const whole = article && quoteOf(article.textRoots, range);
          const expected = whole?.exact ? whole : null;
          const where = `${JSON.stringify(a.data)}:${aOffset} to ${JSON.stringify(b.data)}:${bOffset}`;
          const words = (quote: Quote | null) =>
            quote && [quote.exact, quote.prefix, quote.suffix, quote.end - quote.start];
          expect(words(target && target.quote), where).to.deep.equal(words(expected));
          if (target) expect(quoteOf(target.article.textRoots, target.range), where).to.deep.equal(expected);
          compared += expected ? 1 : 0;
        }),
      );
      return compared;
    }

    it('quotes every selection, with its context, as a reading of the whole article does', async () => {
      // Nested wrappers and blocks, inline elements, <pre>, <br>, an ad, and a skipped block in
      // the middle of a line (the line goes on around it, so a quote's context does too).
      const wrapper = await fixture(html`<div>
        <p>Above the article.</p>
        <folio-article>
          <div class="body"><div class="inner">
            <p>  First <b>bold  words</b> here. </p>
            <folio-ad-slot>Advertisement</folio-ad-slot>
            <div>Before <div data-folio-skip><p>an embed</p></div> and after it.<br />Next line.</div>
            <pre>  kept  as is</pre>
            <p>Last <em>of <span style="display: block">all</span> the</em> story.</p>
          </div></div>
        </folio-article>
        <p>Below the article.</p>
      </div>`);
      const article = wrapper.querySelector('folio-article')!;
      expect(expectWholeArticleQuotes(wrapper, [article])).to.be.above(300);
    });

    it('quotes a story split across elements as a reading of all its parts does', async () => {
      // The second part lays out no box of its own (display: contents): the block around its
      // first words is the page's <article>, which holds more than the story.
      const wrapper = await fixture(html`<article>
        <h1>Not the story either</h1>
        <div class="body"><p>First part, first words.</p><p>Its second paragraph.</p></div>
        <aside><p>Not the story.</p></aside>
        <div class="body" style="display: contents">Second part: <p>the quoted words.</p></div>
      </article>`);
      const parts = [...wrapper.querySelectorAll('.body')];
      enhanceElement(parts, {});
      expect(expectWholeArticleQuotes(wrapper, parts)).to.be.above(50);
    });

    it('reads only the paragraph of the selection in a long story, not the whole story', async () => {
      const el = await fixture(html`<folio-article></folio-article>`);
      el.innerHTML = Array.from({ length: 300 }, (_, i) => `<p>Paragraph ${i}: <em>some</em> words.</p>`).join('');
      const styles = getComputedStyle;
      let asked = 0;
      window.getComputedStyle = (...args) => {
        asked++;
        return styles(...args);
      };
      try {
        selectText(el, 'Paragraph 200');
        const { quote } = selectionTarget([el])!;
        expect([quote.exact, quote.prefix, quote.suffix]).to.deep.equal(['Paragraph 200', '', ': some words.']);
        expect(asked).to.be.below(20); // the whole story asks for about 2,100 (7 per paragraph)
      } finally {
        window.getComputedStyle = styles;
      }
    });
  });

  describe('enhance mode', () => {
    it('quotes exactly the selected words, with up to 32 characters of context each side, whole words', async () => {
      const el = await enhanced();
      const range = selectText(el, "six o'clock");
      const target = selectionTarget([el])!;
      expect(target.article).to.equal(el);
      const quote = quoteOf(el.textRoots, target.range);
      expect(target.quote).to.deep.include({ exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix });
      expect(quote.exact).to.equal(range.toString());
      expect(quote.exact).to.equal("six o'clock");
      const text = articleText([el]).text;
      expect(text.slice(quote.start, quote.end)).to.equal(quote.exact);
      // "incididunt ut labore. The bridge reopened at " cut after a space, not inside "incididunt".
      expect(quote.prefix).to.equal('labore. The bridge reopened at ');
      expect(text.slice(quote.start - quote.prefix.length, quote.start)).to.equal(quote.prefix);
      // The paragraph ends there: the context stops at its end.
      expect(quote.suffix).to.equal(' on Friday.');
    });

    it('quotes across paragraphs with one line break between them, the ad between left out', async () => {
      const el = await enhanced();
      const one = textNode(el, 'The bridge reopened');
      const cables = textNode(el, 'all 212');
      selectBetween(one, one.data.indexOf('Friday'), cables, 3);
      const { quote } = selectionTarget([el])!;
      expect(quote.exact).to.equal('Friday.\nEngineers replaced all');
      expect(articleText([el]).text.slice(quote.start, quote.end)).to.equal(quote.exact);
      expect(quote.prefix).to.equal("reopened at six o'clock on ");
      expect(quote.suffix).to.equal(' 212 cables during the closure.');
    });

    it('counts a pretty-printed passage as the characters a reader sees, its context free of indentation', async () => {
      const wrapper = await fixture<HTMLElement>(html`<folio-article></folio-article>`);
      wrapper.innerHTML = `
        <p>
            The regulator's director of rail markets, Simon Whitlock, said the problems had gone on for
            too long. <em>"Sleeper passengers are often older,"</em> he said.
        </p>
        <p>
            <a href="#">Passengers</a> who spoke to the paper described a pattern of late cancellations.
        </p>`;
      const p = wrapper.querySelector('p')!;
      const range = new Range();
      range.setStart(textNode(p, 'director'), textNode(p, 'director').data.indexOf('director'));
      range.setEnd(textNode(wrapper, 'who spoke'), textNode(wrapper, 'who spoke').data.indexOf(' described'));
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      const { quote } = selectionTarget([wrapper])!;
      const seen = range.toString().replace(/\s+/g, ' ');
      expect(quote.exact.replace('\n', ' ')).to.equal(seen);
      expect(quote.exact.length).to.equal(seen.length);
      expect(quote.prefix).to.equal("The regulator's ");
      expect(quote.suffix).to.equal(' described a pattern of late');
    });

    it('never cuts a word of the context: a partial word ("llors", "take") is dropped, not sent', () => {
      const text = 'Councillors argued for ninety minutes before the vote on the third amendment was taken.';
      const at = text.indexOf('before');
      const quote = quoteAt(text, at, at + 'before the vote'.length);
      // 32 characters would be "llors argued for ninety minutes " and " on the third amendment was take".
      expect(quote.prefix).to.equal('argued for ninety minutes ');
      expect(quote.suffix).to.equal(' on the third amendment was');
    });

    it('cuts the context of text without spaces (Japanese) by characters', () => {
      const text =
        '東京都は十八日、都内のバス路線のうち三十二路線で来年四月から運行本数を減らすと発表しました。利用者の減少が続いているためです。';
      const at = text.indexOf('運行本数');
      const quote = quoteAt(text, at, at + 4);
      expect(quote.prefix).to.equal(text.slice(Math.max(0, at - 32), at));
      expect(quote.suffix).to.equal(text.slice(at + 4, at + 4 + 32));
    });

    it('quotes the words, not the white space or line break at either end of a selection', () => {
      const text = 'One paragraph ends here.\nThe next begins';
      const quote = quoteAt(text, text.indexOf(' ends'), text.indexOf('The'));
      expect(quote.exact).to.equal('ends here.');
      expect(text.slice(quote.start, quote.end)).to.equal('ends here.');
      expect(quote.suffix).to.equal('');
    });

    it('gives positions that skip the ad slot before the quote', async () => {
      const el = await enhanced();
      selectText(el, '40,000 crossings');
      const quote = quoteOf([el], selectionTarget([el])!.range);
      const text = articleText([el]).text;
      expect(quote.start).to.equal(text.indexOf('40,000 crossings'));
      expect(quote.end - quote.start).to.equal('40,000 crossings'.length);
      // The same words counted in the page's full text would be further on, past the ad and card.
      expect(el.textContent!.indexOf('40,000')).to.be.greaterThan(quote.start);
    });

    it('ends a quote of the last words at the end of the article text, not past it', async () => {
      const el = await fixture(html`<folio-article><p>First.</p><p>Last words. </p></folio-article>`);
      const last = textNode(el, 'Last');
      selectBetween(last, 0, last, last.length); // the space after them too
      const quote = quoteOf([el], selectionTarget([el])!.range);
      expect([quote.exact, quote.start, quote.end]).to.deep.equal(['Last words.', 7, 18]);
      expect(articleText([el]).text).to.have.length(18);
    });

    it('uses a short prefix at the very start of the article', async () => {
      const el = await enhanced();
      selectText(el, 'bridge');
      const { quote } = selectionTarget([el])!;
      expect(quote.prefix).to.equal('Harbour ');
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
      const text = articleText(el.textRoots).text;
      const { start, end } = quoteOf(el.textRoots, target.range);
      expect(text.slice(start, end)).to.equal('all 212 cables');
      expect(target.quote.prefix).to.equal('Engineers replaced ');
    });

    it('does not treat the attribution or footer as article text', async () => {
      // (An article shows the footer only when it has somewhere to send corrections.)
      const el = await storyArticle(story('/api/corrections'));
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

  it('quotes at most 500 characters of a longer selection, its suffix what follows the cut, whole words', () => {
    const words = 'word '.repeat(120).trim(); // 599 characters
    const text = `p${words} then the end.\nNext block`;
    const q = quoteAt(text, 1, 600);
    // Cut at 500 characters, without the space there.
    expect(q.exact).to.equal(words.slice(0, 499));
    expect(q.end).to.equal(500);
    // " word word word word word word wor": the partial last word is dropped.
    expect(q.suffix).to.equal(' word word word word word word');
    // The suffix stops at the block the quote ends in.
    expect(quoteAt(text, 101, 600).suffix).to.equal(' then the end.');
  });
});
