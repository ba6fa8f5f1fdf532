import { expect, fixture, html } from '@open-wc/testing';
import { measureBlocks, PAGE_ADS, publisherAds, readBody } from '../../src/placement/body.js';

/** The body of `markup` (inside one element) as the rules see it: `kind` per block, with its text start. */
async function kinds(markup: string, pageAds = PAGE_ADS): Promise<string[]> {
  const el = await fixture<HTMLElement>(html`<div></div>`);
  el.innerHTML = markup;
  return readBody([el], pageAds).map((b) => `${b.kind}${b.intro ? ':' : ''}`);
}

const PROSE = 'The council voted on Tuesday evening to rebuild the line.';

describe('placement: the body as the rules see it', () => {
  describe('paragraphs by what they hold', () => {
    it('a paragraph of prose ends a sentence; one ending in a colon introduces the next', async () => {
      expect(await kinds(`<p>${PROSE}</p><p>The mayor said:</p><p>“It is done.”</p>`)).to.deep.equal([
        'paragraph',
        'paragraph:',
        'paragraph',
      ]);
    });

    it('empty paragraphs are empty: nothing, white space, a non-breaking space, a line break', async () => {
      expect(await kinds('<p></p><p>   </p><p>&nbsp;</p><p><br></p>')).to.deep.equal([
        'empty',
        'empty',
        'empty',
        'empty',
      ]);
    });

    it('a paragraph holding only an image or a video is an image', async () => {
      expect(
        await kinds(
          '<p><img src="/test/fixtures/pages/img/square-600.svg" alt=""></p><p> <a href="#"><picture></picture></a> </p>',
        ),
      ).to.deep.equal(['image', 'image']);
    });

    it('a line mostly of one link is a link line, in any language', async () => {
      const lines = [
        '<p><strong>Related:</strong> <a href="#">The state’s ferry fleet is the oldest it has ever been.</a></p>',
        '<p>[<a href="#"><i>Read: The case for letting teenagers sleep in</i></a>]</p>',
        '<p>Lire aussi | <a href="#">La sécheresse frappe le sud du pays</a></p>',
        '<p><strong>Читайте також:</strong> <a href="#">Паводки в Карпатах: чому вони стають частішими</a></p>',
      ];
      expect(await kinds(lines.join(''))).to.deep.equal(['link', 'link', 'link', 'link']);
      // A link inside prose does not make it a link line.
      expect(await kinds(`<p>Engineers replaced <a href="#">all 212 cables</a> during the closure.</p>`)).to.deep.equal(
        ['paragraph'],
      );
    });

    it('notes, credits and sign-offs are not prose: wholly in italics, or not ending a sentence', async () => {
      const lines = [
        '<p><em>This article was amended on 15 August 2026 to correct a date.</em></p>',
        '<p>(Reporting by Daniel Moreau in Chicago; Editing by Alan Cho)</p>',
        '<p>Photo: Alasdair Reid</p>',
        '<p>المصدر: المرصد + وكالات</p>',
      ];
      expect(await kinds(lines.join(''))).to.deep.equal(['other', 'other', 'other', 'other']);
      // Prose ending in a quotation mark or bracket after the full stop is prose, in any script.
      expect(
        await kinds('<p>“It is done,” she said.”</p><p>東京都は発表しました。</p><p>(He left.)</p>'),
      ).to.deep.equal(['paragraph', 'paragraph', 'paragraph']);
    });
  });

  describe('blocks', () => {
    it('names embeds, images, headings, quotes, lists, Folio’s own elements and what the publisher marks', async () => {
      const markup = [
        '<blockquote class="twitter-tweet"><p>A tweet.</p></blockquote>',
        '<blockquote class="instagram-media"><p>A post.</p></blockquote>',
        '<iframe title="player"></iframe>',
        '<div class="player"><video></video></div>',
        '<figure><img src="/test/fixtures/pages/img/square-600.svg" alt=""><figcaption>A caption.</figcaption></figure>',
        '<h2>Sub</h2>',
        '<blockquote><p>A pull quote.</p></blockquote>',
        '<ul><li>One.</li></ul>',
        '<folio-related-card></folio-related-card>',
        '<aside><p>A box.</p></aside>',
        `<p data-folio-skip>${PROSE}</p>`,
      ];
      expect(await kinds(markup.join(''))).to.deep.equal([
        'embed',
        'embed',
        'embed',
        'embed',
        'image',
        'heading',
        'quote',
        'list',
        'related',
        'other',
        'other',
      ]);
    });

    it('knows the publisher’s own ad containers, and those the page names with publisher-ads', async () => {
      const markup = [
        '<div id="div-gpt-ad-123-0"></div>',
        '<div class="ad ad--inread"></div>',
        '<div class="ad-slot"></div>',
        '<div class="advert advert--inline"></div>',
        '<div data-ad="mpu"></div>',
        '<ins class="adsbygoogle" data-ad-slot="1"></ins>',
        '<folio-ad-slot></folio-ad-slot>',
        '<div class="sponsor-box"><p>Sponsored.</p></div>',
      ];
      expect(await kinds(markup.join(''))).to.deep.equal(['ad', 'ad', 'ad', 'ad', 'ad', 'ad', 'ad', 'paragraph']);
      expect((await kinds(markup.join(''), publisherAds('.sponsor-box'))).at(-1)).to.equal('ad');
      // Not ".header", ".shadow" or ".lead": whole class names only.
      expect(await kinds('<div class="header"><p>Heading text.</p></div><div class="lead">x</div>')).to.deep.equal([
        'paragraph',
        'other',
      ]);
    });

    it('says when publisher-ads is no usable selector, and goes on with the common ones', () => {
      const warnings: unknown[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
      try {
        expect(publisherAds('.ok, ##bad')).to.equal(PAGE_ADS);
        expect(publisherAds('.sponsor')).to.equal(`${PAGE_ADS},.sponsor`);
        expect(publisherAds(null)).to.equal(PAGE_ADS);
      } finally {
        console.warn = warn;
      }
      expect(warnings).to.have.length(1);
      expect(String(warnings[0])).to.contain('publisher-ads=".ok, ##bad" is not a usable selector');
    });
  });

  describe('wrappers and parts', () => {
    it('goes through the wrappers publishers put around paragraphs, to the blocks inside', async () => {
      const component = (inner: string) =>
        `<div class="article-body-text component"><div class="component-content">${inner}</div></div>`;
      const markup = [
        component(`<p>${PROSE}</p>`),
        component('<p>&nbsp;</p>'),
        '<div class="advert"><div id="div-gpt-ad-1"></div></div>',
        '<section><div><div><p>Deep inside.</p></div></div></section>',
        '<div class="byline">By <span>A. Writer</span></div>',
      ];
      expect(await kinds(markup.join(''))).to.deep.equal(['paragraph', 'empty', 'ad', 'paragraph', 'other']);
    });

    it('reads a story split across parts, with what lies between them, but no paragraph outside', async () => {
      const el = await fixture<HTMLElement>(html`<article>
        <div class="note"><p>An editor’s note above the headline.</p></div>
        <h1>Headline</h1>
        <p>A standfirst outside the parts.</p>
        <div class="body"><p>${PROSE}</p><p>${PROSE}</p></div>
        <div class="ad-slot"></div>
        <figure><img src="/test/fixtures/pages/img/square-600.svg" alt="" /></figure>
        <div class="body"><p>${PROSE}</p></div>
        <p>After the story.</p>
      </article>`);
      const parts = [el.querySelector('.note')!, ...el.querySelectorAll('.body')];
      const blocks = readBody(parts, PAGE_ADS);
      expect(blocks.map((b) => b.kind)).to.deep.equal([
        'paragraph',
        'heading',
        'other',
        'paragraph',
        'paragraph',
        'ad',
        'image',
        'paragraph',
      ]);
      // Text counts only inside the parts.
      expect(blocks[2].chars).to.equal(0);
      expect(blocks[3].chars).to.equal(PROSE.length);
    });

    it('measures every block in one go and leaves out the hidden ones', async () => {
      const el = await fixture<HTMLElement>(html`<div>
        <p>${PROSE}</p>
        <div class="ad" style="display: none"></div>
        <p>${PROSE}</p>
      </div>`);
      const blocks = measureBlocks(readBody([el], PAGE_ADS));
      expect(blocks.map((b) => b.kind)).to.deep.equal(['paragraph', 'paragraph']);
      const [first, second] = blocks;
      expect(first.top).to.equal(el.querySelector('p')!.getBoundingClientRect().top);
      expect(second.top).to.be.greaterThan(first.top!);
    });
  });
});
