import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { articleText, quoteOf, selectionTarget } from '../../src/corrections/selectors.js';
import { enhanceElement } from '../../src/elements/article/enhanced-element.js';
import { isArticle } from '../../src/internal/hosts.js';
import { selectText } from '../corrections/helpers.js';

const SENTENCE = 'The council voted on Tuesday evening to rebuild the line, which ran from the station to the river.';
const paragraphs = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `<p>${from + i}. ${SENTENCE} ${SENTENCE}</p>`).join('');

/** The articles' settings: a corrections endpoint, for the footer that shows where an article ends. */
const OPTIONS = { correctionsEndpoint: '/api/corrections' };

/** Every footer Folio rendered under `root`. */
const footers = (root: Element) =>
  [root, ...root.querySelectorAll('*')].flatMap((el) => el.shadowRoot?.querySelector('[part=footer]') ?? []);

/** A page below the fold (Folio inserts nothing where the reader may be looking), holding `markup`. */
async function page(markup: string): Promise<HTMLElement> {
  const wrapper = await fixture<HTMLElement>(html`<div style="margin-top: 3000px"></div>`);
  wrapper.innerHTML = markup;
  return wrapper;
}

describe('enhance mode: a story split across elements', () => {
  afterEach(() => document.getSelection()?.removeAllRanges());

  it('makes the parts under one headline one article: one footer after the last, one ad budget', async () => {
    const wrapper = await page(`<article>
      <div class="body note"><p>Editor’s note: this story was updated.</p></div>
      <h1>Headline</h1>
      <div class="body" id="one">${paragraphs(1, 8)}</div>
      <figure><img src="/test/fixtures/pages/img/square-600.svg" alt="" width="600" height="600" /></figure>
      <div class="body" id="two">${paragraphs(9, 8)}</div>
      <div class="body" id="three">${paragraphs(17, 8)}</div>
    </article>`);
    const parts = [...wrapper.querySelectorAll('.body')];
    expect(enhanceElement(parts, { ...OPTIONS, adMax: '2' })).to.equal(true);
    const last = wrapper.querySelector('#three')!;
    await waitUntil(() => last.shadowRoot?.querySelector('[part=footer]'), 'no footer');
    await new Promise((resolve) => setTimeout(resolve));
    expect(footers(wrapper)).to.have.length(1);
    expect(wrapper.querySelector('.note')!.shadowRoot).to.equal(null);
    expect(wrapper.querySelectorAll('folio-ad-slot')).to.have.length(2);
    for (const part of parts) expect(isArticle(part), 'every part answers for the article').to.equal(true);
    // Never twice: the parts are an article now.
    expect(enhanceElement(parts)).to.equal(false);
    await expect(wrapper).to.be.accessible();
  });

  it('makes parts with the same data-folio-part one article, with no common ancestor but the page', async () => {
    const wrapper = await page(`
      <div><div class="part" data-folio-part="proof">${paragraphs(1, 5)}</div></div>
      <figure><img src="/test/fixtures/pages/img/square-600.svg" alt="" width="600" height="600" /></figure>
      <section><div class="part" data-folio-part="proof">${paragraphs(6, 5)}</div></section>`);
    enhanceElement(wrapper.querySelectorAll('.part'), OPTIONS);
    const [first, second] = wrapper.querySelectorAll('.part');
    await waitUntil(() => second.shadowRoot?.querySelector('[part=footer]'), 'no footer');
    expect(first.shadowRoot).to.equal(null);
    expect(footers(wrapper)).to.have.length(1);
  });

  it('keeps two stories, each under its own headline, two articles', async () => {
    const wrapper = await page(`
      <article><h1>First</h1><div class="body">${paragraphs(1, 4)}</div></article>
      <article><h1>Second</h1><div class="body">${paragraphs(5, 4)}</div></article>`);
    enhanceElement(wrapper.querySelectorAll('.body'), OPTIONS);
    await waitUntil(() => footers(wrapper).length === 2, 'not two footers');
  });

  it('leaves a match inside another match to the outer one', async () => {
    const wrapper = await page(`<article><h1>T</h1><div class="body" id="outer">
      <div class="body" id="inner">${paragraphs(1, 6)}</div></div></article>`);
    enhanceElement(wrapper.querySelectorAll('.body'), OPTIONS);
    const outer = wrapper.querySelector('#outer')!;
    await waitUntil(() => outer.shadowRoot?.querySelector('[part=footer]'), 'no footer');
    expect(wrapper.querySelector('#inner')!.shadowRoot).to.equal(null);
    expect(footers(wrapper)).to.have.length(1);
  });

  it('counts quote positions across the whole story, from any part', async () => {
    const wrapper = await page(`<article><h1>T</h1>
      <div class="body"><p>First part, first words.</p></div>
      <aside><p>Not the story.</p></aside>
      <div class="body"><p>Second part: the quoted words.</p></div></article>`);
    const parts = [...wrapper.querySelectorAll('.body')];
    enhanceElement(parts, OPTIONS);
    const second = parts[1];
    await waitUntil(() => second.shadowRoot?.querySelector('[part=footer]'), 'no footer');
    selectText(second, 'the quoted words');
    const target = selectionTarget(parts)!;
    expect(target.article).to.equal(second);
    expect(articleText(target.article.textRoots).text).to.equal(
      'First part, first words.\nSecond part: the quoted words.',
    );
    // (What is sent: the quote with its positions in the whole story.)
    expect(quoteOf(target.article.textRoots, target.range).start).to.equal(
      'First part, first words.\nSecond part: '.length,
    );
    selectText(parts[0], 'first words');
    const first = selectionTarget(parts)!;
    expect(quoteOf(first.article.textRoots, first.range).start).to.equal('First part, '.length);
  });

  it('says once, naming the selector, when what it selects holds no paragraph', async () => {
    const wrapper = await page(`<article><h1>T</h1>
      <div class="column"><figure><img src="/test/fixtures/pages/img/square-600.svg" alt="" /></figure></div>
      <div class="column"><h2>Sub</h2><p><a href="#">Related: another story</a></p></div></article>`);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      enhanceElement(wrapper.querySelectorAll('.column'), {}, 'data-enhance=".column"');
      await waitUntil(() => warnings.length, 'no warning');
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('data-enhance=".column"');
    expect(warnings[0]).to.contain('image, heading, link');
  });

  it('gives an element that cannot take a shadow root its ads and quotes, and says why there is no footer', async () => {
    const wrapper = await page(`<article><h1>T</h1><div class="body">${paragraphs(1, 12)}</div></article>`);
    const body = wrapper.querySelector('.body')!;
    // The page's own component drew it already: its shadow root shows the paragraphs.
    body.attachShadow({ mode: 'open' }).innerHTML = '<slot></slot>';
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      expect(enhanceElement(body, { ...OPTIONS, adMax: '2' })).to.equal(true);
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('no footer for <div>');
    expect(body.querySelectorAll('folio-ad-slot')).to.have.length(2);
    expect(isArticle(body)).to.equal(true);
    expect(footers(wrapper)).to.have.length(0);
    // A selection in it still quotes from it, for Ctrl+Enter.
    const p = body.querySelector('p')!;
    selectText(p, 'council voted');
    expect(selectionTarget([body])?.quote.exact).to.equal('council voted');
    expect(enhanceElement(body)).to.equal(false);
  });

  it('reads where the blocks are before the shadow root goes on, so the read does not wait for a new layout', async () => {
    const wrapper = await page(`<article><h1>T</h1><div class="body">${paragraphs(1, 12)}</div></article>`);
    const body = wrapper.querySelector('.body')!;
    const order: string[] = [];
    const attach = body.attachShadow;
    const read = Element.prototype.getBoundingClientRect;
    body.attachShadow = function (init: ShadowRootInit) {
      order.push('attach');
      return attach.call(this, init);
    };
    Element.prototype.getBoundingClientRect = function () {
      if (this.parentElement === body && order.at(-1) !== 'read') order.push('read');
      return read.call(this);
    };
    try {
      enhanceElement(body, OPTIONS);
    } finally {
      Element.prototype.getBoundingClientRect = read;
    }
    expect(order).to.deep.equal(['read', 'attach']);
  });
});
