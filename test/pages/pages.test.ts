import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

/**
 * The corpus of publisher pages (test/fixtures/pages/, see its README) with the built
 * dist/folio.js on each, one script tag with `data-enhance` as the publisher's developer would
 * set it: on every page, ads only between real prose paragraphs (the ground truth, `data-truth`)
 * and away from the page's own ads and embeds, one footer per story and never above the
 * headline, and the 455-character passage quoted as 455 characters at its position in the whole
 * story. test/pages/measure.mjs gives the same figures at two screen sizes.
 */

interface PageEntry {
  file: string;
  selector: string;
  stories: number;
  storyRoots?: string;
  headline?: string;
  prose: number;
  quote: { text: string; within?: string };
}

type FrameWindow = Window & typeof globalThis & { Folio?: unknown[] | { settings: Record<string, string> } };

const { pages }: { pages: PageEntry[] } = await (await fetch('/test/fixtures/pages/pages.json')).json();

/** Folio's own `gap`: prose paragraphs between an ad and any other ad, the publisher's included. */
const AD_GAP_PARAGRAPHS = 3;

/** The page in a frame of its own, once Folio has run on it (as a publisher ships it). */
async function load(file: string): Promise<FrameWindow> {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1000px; height: 700px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/test/fixtures/pages/${file}`;
  wrapper.append(frame);
  await loaded;
  const win = frame.contentWindow as FrameWindow;
  await waitUntil(() => win.Folio && !Array.isArray(win.Folio), 'Folio did not start', { timeout: 5000 });
  // Placement runs at DOMContentLoaded; a frame for the ads to settle in.
  await new Promise((resolve) => win.requestAnimationFrame(() => setTimeout(resolve, 50)));
  // Each enhanced element's footer follows in a task of its own.
  const enhanced = () =>
    [...win.document.querySelectorAll('*')].filter((el) => el.shadowRoot && !el.localName.startsWith('folio-'));
  await waitUntil(() => enhanced().every((el) => el.shadowRoot!.querySelector('[part=footer]')), 'no footer', {
    timeout: 5000,
  });
  return win;
}

/** The blocks of the ground truth and Folio's ads, in reading order: `prose`, `ad`, `embed`, …, `folio-ad`. */
function readingOrder(doc: Document): { el: Element; kind: string }[] {
  return [...doc.querySelectorAll('[data-truth], folio-ad-slot')].map((el) => ({
    el,
    kind: el.localName === 'folio-ad-slot' ? 'folio-ad' : (el as HTMLElement).dataset.truth!,
  }));
}

/** Every footer Folio rendered (in the shadow roots of the elements it enhanced). */
const footers = (doc: Document) =>
  [...doc.querySelectorAll('*')].flatMap((el) => el.shadowRoot?.querySelector('footer[part=footer]') ?? []);

/**
 * Where `node`, `offset` is in the text of `parts` as a reader sees it, the definition Folio's
 * positions follow (see the README): each run of white space one space, one line break where a
 * block (as the browser lays it out) starts or ends or at a `<br>`, nothing before the first
 * character shown; Folio's ads and cards, scripts and styles are not text.
 */
function readerOffset(parts: Element[], node: Node, offset: number): number | null {
  const win = node.ownerDocument!.defaultView!;
  const isBlock = (el: Element) => !win.getComputedStyle(el).display.startsWith('inline');
  let count = 0;
  let gap = '';
  let block: Element | null = null;
  for (const part of parts) {
    const walker = node.ownerDocument!.createTreeWalker(part, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, (n) =>
      (n as Element).matches?.('folio-ad-slot,folio-related-card,script,style,noscript,[data-folio-skip]')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
    );
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === Node.ELEMENT_NODE) {
        if ((n as Element).localName === 'br' && count) gap = '\n';
        continue;
      }
      const text = n as Text;
      let here = text.parentElement;
      while (here && !isBlock(here)) here = here.parentElement;
      if (here !== block && count) gap = '\n';
      block = here;
      const upTo = text === node ? offset : text.data.length;
      for (let i = 0; i < upTo; i++) {
        if (text.data[i] > ' ') {
          count += gap.length + 1;
          gap = '';
        } else if (count && !gap) gap = ' ';
      }
      if (text === node) return count + gap.length;
    }
  }
  return null;
}

/** Selects the passage (its words, white space collapsed) with a DOM Range: the range, or null. */
function selectPassage(doc: Document, { text, within = '[data-quote]' }: PageEntry['quote']): Range | null {
  const containers = [...doc.querySelectorAll(within)];
  const span = doc.createRange();
  span.setStartBefore(containers[0]);
  span.setEndAfter(containers[containers.length - 1]);
  let collapsed = '';
  const points: [Text, number][] = [];
  let space = true;
  const walker = doc.createTreeWalker(span.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (!span.intersectsNode(n) || n.parentElement!.closest('folio-ad-slot')) continue;
    for (let i = 0; i < n.data.length; i++) {
      if (/\s/.test(n.data[i])) {
        if (space) continue;
        space = true;
        collapsed += ' ';
      } else {
        space = false;
        collapsed += n.data[i];
      }
      points.push([n, i]);
    }
  }
  const at = collapsed.indexOf(text);
  if (at < 0) return null;
  const range = doc.createRange();
  range.setStart(...points[at]);
  const [end, endOffset] = points[at + text.length - 1];
  range.setEnd(end, endOffset + 1);
  doc.getSelection()!.removeAllRanges();
  doc.getSelection()!.addRange(range);
  return range;
}

describe('publisher pages (test/fixtures/pages)', () => {
  for (const entry of pages) {
    describe(entry.file, () => {
      it('places ads only between prose paragraphs, away from the page’s own ads and embeds', async () => {
        const win = await load(entry.file);
        const order = readingOrder(win.document);
        expect(order.filter((b) => b.kind === 'prose')).to.have.length(entry.prose);
        const ads = order.flatMap((b, i) => (b.kind === 'folio-ad' ? [i] : []));
        expect(ads.length).to.be.at.most(4 * entry.stories);
        for (const i of ads) {
          expect([order[i - 1]?.kind, order[i + 1]?.kind], `the blocks around ad ${i}`).to.deep.equal([
            'prose',
            'prose',
          ]);
          // Prose paragraphs between this ad and the nearest other ad, the publisher's or Folio's.
          const isAd = (b: { kind: string }) => b.kind === 'ad' || b.kind === 'folio-ad';
          const above = order.slice(0, i).reverse();
          const below = order.slice(i + 1);
          for (const side of [above, below]) {
            const other = side.findIndex(isAd);
            const between = other < 0 ? [] : side.slice(0, other);
            if (other >= 0) expect(between.filter((b) => b.kind === 'prose').length).to.be.at.least(AD_GAP_PARAGRAPHS);
          }
        }
      });

      it('gives each story one footer, after its text and never above the headline', async () => {
        const win = await load(entry.file);
        const found = footers(win.document);
        expect(found).to.have.length(entry.stories);
        const headline = win.document.querySelector(entry.headline ?? 'h1')!;
        for (const footer of found) {
          expect(footer.getBoundingClientRect().top).to.be.greaterThan(headline.getBoundingClientRect().bottom);
        }
        // Each footer comes after every part of its story (the host's light DOM ends before its shadow footer).
        const parts = [...win.document.querySelectorAll(entry.selector)];
        for (const footer of found) {
          const host = (footer.getRootNode() as ShadowRoot).host;
          const story = entry.storyRoots ? host.closest(entry.storyRoots)! : win.document.body;
          for (const part of parts.filter((p) => story.contains(p))) {
            expect(part === host || part.compareDocumentPosition(host) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.ok;
          }
        }
      });

      it('quotes the 455-character passage as 455 characters, at its position in the whole story', async () => {
        const win = await load(entry.file);
        const doc = win.document;
        const key = `pages-${entry.file}`;
        await fetch(`/__test/corrections/${key}`, { method: 'DELETE' });
        (win.Folio as { settings: Record<string, string> }).settings.correctionsEndpoint = `/__test/corrections/${key}`;
        const range = selectPassage(doc, entry.quote)!;
        expect(range, 'the passage is on the page').to.not.equal(null);
        // As a reader would: the frame has the focus, Ctrl+Enter.
        win.focus();
        await sendKeys({ down: 'Control' });
        await sendKeys({ press: 'Enter' });
        await sendKeys({ up: 'Control' });
        const dialog = doc.querySelector('folio-correction-dialog')!;
        await waitUntil(() => dialog?.shadowRoot?.querySelector('dialog[open]'), 'no dialog');
        const root = dialog.shadowRoot!;
        const suggestion = root.querySelector('#suggestion') as HTMLTextAreaElement;
        suggestion.value = 'corrected';
        suggestion.dispatchEvent(new Event('input', { bubbles: true }));
        (root.querySelector('button[form=form]') as HTMLButtonElement).click();
        // Over the limit, the dialog would offer a trim instead of sending.
        await waitUntil(
          async () => (await (await fetch(`/__test/corrections/${key}`)).json()).received?.length === 1,
          'the correction was not sent: the passage was refused',
          { timeout: 5000 },
        );
        const [annotation] = (await (await fetch(`/__test/corrections/${key}`)).json()).received;
        const [quote, position] = annotation.target.selector;
        expect(quote.exact).to.have.length(entry.quote.text.length);
        expect(quote.exact.replace(/\s/g, ' ')).to.equal(entry.quote.text);
        // Whole words of context, none of it source indentation.
        expect(quote.prefix).to.not.match(/\s\s|\n/);
        expect(quote.suffix).to.not.match(/\s\s|\n/);
        // Counted over every part of the story (on a page of two stories, the passage's own).
        const story = entry.storyRoots ? range.startContainer.parentElement!.closest(entry.storyRoots)! : doc;
        const matches = [...story.querySelectorAll(entry.selector)];
        const parts = matches.filter((el) => !matches.some((other) => other !== el && other.contains(el)));
        expect(position.start).to.equal(readerOffset(parts, range.startContainer, range.startOffset));
        expect(position.end - position.start).to.equal(entry.quote.text.length);
      });
    });
  }
});
