import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { langOf } from '../support/language.js';

/**
 * The classic bundle as publishers load it: dist/folio.js in a page of its own (an iframe), with
 * its configuration on the script tag. `npm test` builds the bundle first.
 */
async function page(path: string, height = 600): Promise<Window & typeof globalThis & Record<string, any>> {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  const frame = document.createElement('iframe');
  // Short frames: Folio inserts nothing where the reader may already be looking, so most of the
  // article must sit below the fold for the slot counts to be the rules' and not the viewport's.
  frame.style.cssText = `width: 800px; height: ${height}px`;
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  frame.src = path;
  wrapper.append(frame);
  await loaded;
  return frame.contentWindow as Window & typeof globalThis & Record<string, any>;
}

const paragraph = (doc: Document, n: number) =>
  Object.assign(doc.createElement('p'), {
    textContent: `${n}. The council voted on Tuesday evening to rebuild the line, which ran from the station to the river.`,
  });

describe('the script tag', () => {
  describe('data-enhance', () => {
    it('enhances an end-of-body tag’s articles in a task after the bundle’s own, by the page’s DOMContentLoaded: two short tasks on a phone', async () => {
      const win = await page('/test/fixtures/embed/enhance.html', 120);
      // Not while the bundle itself was running: enhancing was a task of its own.
      expect(win.__readyDuring).to.deep.equal([null]);
      expect(win.__atLoaded.enhanced).to.equal(true);
      expect(win.__atLoaded.slots).to.be.greaterThan(0);
    });

    it('gives a plain <article> ad slots and the footer, keeping the publisher’s own nodes', async () => {
      const win = await page('/test/fixtures/embed/enhance.html', 120);
      const article = win.document.getElementById('first')!;
      await waitUntil(() => article.shadowRoot?.querySelector('[part=footer]'), 'the article was not enhanced');
      expect(article.tagName).to.equal('ARTICLE');
      expect([...article.querySelectorAll('p')]).to.deep.equal(win.__paragraphs);
      const slots = article.querySelectorAll(':scope > folio-ad-slot');
      expect(slots.length).to.be.within(1, 2); // data-ad-max="2"; the 600-character rules allow fewer here
      expect(slots[0].getAttribute('sizes')).to.equal('336x280');
      expect(article.shadowRoot!.querySelector('[part=footer]')!.textContent).to.contain('write to us here');
      expect(win.__errors).to.deep.equal([]);
    });

    it('enhances matching elements the page adds later, once each', async () => {
      const win = await page('/test/fixtures/embed/enhance.html');
      const doc = win.document;
      const late = doc.createElement('article');
      late.className = 'story-body';
      for (let i = 1; i <= 9; i++) late.append(paragraph(doc, i));
      doc.body.append(late);
      await waitUntil(() => late.shadowRoot?.querySelector('[part=footer]'), 'the late article was not enhanced');
      expect(late.querySelectorAll(':scope > folio-ad-slot').length).to.be.greaterThan(0);
      // Moving it around (a single-page app re-rendering) must not enhance it again.
      const count = late.querySelectorAll('folio-ad-slot').length;
      doc.body.prepend(late);
      await new Promise((r) => setTimeout(r, 50));
      expect(late.querySelectorAll('folio-ad-slot').length).to.equal(count);
    });

    it('sends a correction from the enhanced article to the script tag’s endpoint', async () => {
      await fetch('/__test/corrections/embed-enhance', { method: 'DELETE' });
      const win = await page('/test/fixtures/embed/enhance.html');
      const article = win.document.getElementById('first')!;
      await waitUntil(() => article.shadowRoot?.querySelector('[part=footer] button'));
      (article.shadowRoot!.querySelector('[part=footer] button') as HTMLButtonElement).click();
      const dialog = await waitUntil(
        () => win.document.querySelector('folio-correction-dialog')?.shadowRoot?.querySelector('dialog[open]'),
        'no dialog',
      );
      expect(dialog).to.not.equal(null);
      const root = win.document.querySelector('folio-correction-dialog')!.shadowRoot!;
      const field = root.querySelector('textarea') as HTMLTextAreaElement;
      field.value = 'The second paragraph repeats the first.';
      field.dispatchEvent(new Event('input', { bubbles: true }));
      ([...root.querySelectorAll('button')].find((b) => /send/i.test(b.textContent!)) as HTMLButtonElement).click();
      await waitUntil(
        async () => (await (await fetch('/__test/corrections/embed-enhance')).json()).received?.length === 1,
        'nothing arrived',
        { timeout: 5000 },
      );
      const { received } = await (await fetch('/__test/corrections/embed-enhance')).json();
      expect(received[0].motivation).to.equal('editing');
      expect(received[0].target.source).to.equal(win.location.href);
    });

    it('offers no corrections where the script tag names no endpoint: no footer, and the page keeps Ctrl+Enter', async () => {
      const win = await page('/test/fixtures/embed/no-corrections.html', 120);
      const doc = win.document;
      const article = doc.getElementById('first')!;
      // Enhanced (the ads are in), then the end of the article drawn after the publisher's text, in a
      // task of its own: with nothing to show there, only the markers of the template that left the footer out.
      await waitUntil(
        () => article.querySelector('folio-ad-slot') && article.shadowRoot!.childNodes.length > 1,
        'the article was not enhanced',
      );
      // Its text, not the element: chai would try to print an element from another window.
      expect(article.shadowRoot!.querySelector('[part=footer]')?.textContent ?? null).to.equal(null);
      const p = article.querySelector('p')!;
      const range = doc.createRange();
      range.selectNodeContents(p.firstChild!);
      win.getSelection()!.removeAllRanges();
      win.getSelection()!.addRange(range);
      const press = new win.KeyboardEvent('keydown', {
        key: 'Enter',
        ctrlKey: true,
        bubbles: true,
        composed: true,
        cancelable: true,
      });
      p.dispatchEvent(press);
      expect(press.defaultPrevented, 'Ctrl+Enter taken from the page').to.equal(false);
      await new Promise((r) => setTimeout(r, 50));
      expect(doc.querySelectorAll('folio-correction-dialog').length, 'a correction dialog').to.equal(0);
      expect(win.__errors).to.deep.equal([]);
    });
  });

  describe('the Folio global', () => {
    it('runs commands queued before the script loaded, and runs later ones at once', async () => {
      const win = await page('/test/fixtures/embed/enhance.html');
      expect(win.__queued).to.equal(win.Folio.version);
      let ran = false;
      win.Folio.push(() => (ran = true));
      expect(ran).to.equal(true);
    });

    it('enhances an element on request, and never twice', async () => {
      const win = await page('/test/fixtures/embed/enhance.html');
      const doc = win.document;
      const el = doc.createElement('section');
      for (let i = 1; i <= 8; i++) el.append(paragraph(doc, i));
      doc.body.append(el);
      expect(win.Folio.enhance(el, { adMax: '1' })).to.equal(true);
      expect(win.Folio.enhance(el)).to.equal(false);
      await waitUntil(() => el.shadowRoot?.querySelector('[part=footer]'));
      expect(el.querySelectorAll('folio-ad-slot').length).to.equal(1);
    });

    it('inserts at most ad-max slots where the rules allow more', async () => {
      const win = await page('/test/fixtures/embed/enhance.html', 120);
      const doc = win.document;
      const counts: number[] = [];
      for (const adMax of ['1', '3']) {
        const el = doc.createElement('section');
        // Long enough for at least four ads by the paragraph and character rules, all below the fold.
        for (let i = 1; i <= 40; i++) el.append(paragraph(doc, i));
        doc.body.append(el);
        const ready = new Promise((resolve) => el.addEventListener('folio-ready', resolve, { once: true }));
        win.Folio.enhance(el, { adMax });
        await ready; // the slots are in
        counts.push(el.querySelectorAll('folio-ad-slot').length);
      }
      expect(counts).to.deep.equal([1, 3]);
    });

    it('names a selector it cannot use in one warning, and goes on working', async () => {
      const win = await page('/test/fixtures/embed/enhance.html');
      const warnings: string[] = [];
      const warn = win.console.warn;
      win.console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
      try {
        win.Folio.observe('article[');
      } finally {
        win.console.warn = warn;
      }
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('data-enhance="article[" is not a usable selector');
      expect(win.__errors).to.deep.equal([]);
      const el = win.document.createElement('section');
      for (let i = 1; i <= 8; i++) el.append(paragraph(win.document, i));
      win.document.body.append(el);
      expect(win.Folio.enhance(el)).to.equal(true);
    });

    it('opens the correction dialog for a general correction', async () => {
      const win = await page('/test/fixtures/embed/enhance.html');
      win.Folio.openCorrection();
      await waitUntil(
        () => win.document.querySelector('folio-correction-dialog')?.shadowRoot?.querySelector('dialog[open]'),
        'no dialog',
      );
    });
  });

  describe('included twice', () => {
    it('behaves exactly like once: elements defined once, one round of slots, one dialog', async () => {
      const slots = async (path: string) => {
        const win = await page(path, 120);
        const doc = win.document;
        const a = doc.getElementById('a')!;
        const plain = doc.getElementById('plain')!;
        await waitUntil(
          () => plain.shadowRoot?.querySelector('[part=footer]') && a.shadowRoot?.querySelector('[part=footer]'),
        );
        await new Promise((r) => setTimeout(r, 200));
        expect(win.__errors).to.deep.equal([]);
        expect(plain.shadowRoot!.querySelectorAll('[part=footer]').length).to.equal(1);
        return { win, counts: [a, plain].map((el) => el.querySelectorAll(':scope > folio-ad-slot').length) };
      };
      const once = await slots('/test/fixtures/embed/once.html');
      const { win, counts } = await slots('/test/fixtures/embed/twice.html');
      expect(counts).to.deep.equal(once.counts);
      expect(counts[0]).to.be.greaterThan(0);
      // One keyboard listener: one press opens one dialog.
      const doc = win.document;
      const p = doc.getElementById('a')!.querySelector('p')!;
      const range = doc.createRange();
      range.selectNodeContents(p.firstChild!);
      win.getSelection()!.removeAllRanges();
      win.getSelection()!.addRange(range);
      p.dispatchEvent(new win.KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }));
      await waitUntil(() => doc.querySelector('folio-correction-dialog'), 'no dialog');
      expect(doc.querySelectorAll('folio-correction-dialog').length).to.equal(1);
    });
  });

  describe('data-lang', () => {
    it('speaks the script tag’s language in the slots and cards the article inserts, not only in its footer', async () => {
      const win = await page('/test/fixtures/embed/language.html', 120);
      const article = win.document.getElementById('article')!;
      const cardLabel = () => article.querySelector('folio-related-card')?.shadowRoot?.querySelector('[part=label]');
      await waitUntil(cardLabel, 'no related card');
      const card = cardLabel()!;
      const slot = article.querySelector('folio-ad-slot') as HTMLElement & { updateComplete: Promise<unknown> };
      await slot.updateComplete;
      const footer = article.shadowRoot!.querySelector('[part=footer]')!;
      const label = slot.shadowRoot!.querySelector('[part=label]')!;
      expect(footer.textContent).to.contain('Щоб запропонувати виправлення');
      expect(label.textContent).to.equal('Реклама');
      expect(card.textContent).to.equal('Інші теми, що можуть зацікавити');
      // Marked as Ukrainian, inside a page that says it is English.
      expect(win.document.documentElement.lang).to.equal('en');
      for (const node of [footer, label, card]) expect(langOf(node)).to.equal('uk');
      expect(win.__errors ?? []).to.deep.equal([]);
    });
  });

  describe('a string table of its own', () => {
    it('speaks German on a German page that loads folio-widget/i18n/de next to the classic script', async () => {
      const win = await page('/test/fixtures/embed/language-module.html', 120);
      const article = win.document.getElementById('article')!;
      await waitUntil(() => article.shadowRoot?.querySelector('[part=footer]'), 'the article was not enhanced');
      const footer = article.shadowRoot!.querySelector('[part=footer]')!;
      expect(footer.textContent).to.contain('Wenn Sie eine Korrektur');
      expect(footer.getAttribute('lang')).to.equal('de');
      const slot = article.querySelector('folio-ad-slot') as HTMLElement & { updateComplete: Promise<unknown> };
      await slot.updateComplete;
      expect(slot.shadowRoot!.querySelector('[part=label]')!.textContent).to.equal('Anzeige');
    });
  });

  describe('precedence', () => {
    it('takes each setting from the element, then the story, then the script tag', async () => {
      const win = await page('/test/fixtures/embed/precedence.html');
      const doc = win.document;
      const story = (extra: object) => ({
        id: 's',
        url: 'https://news.example/s',
        headline: 'H',
        byline: [],
        datePublished: '2026-11-20T07:30:00Z',
        body: Array.from({ length: 9 }, (_, i) => ({
          type: 'paragraph',
          html: `${i}. ${'The council voted on Tuesday evening to rebuild the line. '.repeat(3)}`,
        })),
        ...extra,
      });
      const own = doc.getElementById('own') as any;
      const fromStory = doc.getElementById('story') as any;
      const fromScript = doc.getElementById('script') as any;
      own.story = story({ ads: { provider: 'gpt' }, corrections: { endpoint: '/from-story' }, lang: 'uk' });
      fromStory.story = story({
        ads: { provider: 'placeholder', sizes: '300x250' },
        corrections: { endpoint: '/from-story' },
        lang: 'en',
      });
      fromScript.story = story({});
      await waitUntil(() => [own, fromStory, fromScript].every((el) => el.querySelector('folio-ad-slot')));
      expect(own.querySelector('folio-ad-slot').getAttribute('provider')).to.equal('placeholder');
      // Resolved against the page, as the corrections are sent.
      const absolute = (path: string) => new URL(path, win.location.href).href;
      expect(own.correctionsUrl).to.equal(absolute('/from-attribute'));
      expect(own.language).to.equal('en');
      expect(fromStory.querySelector('folio-ad-slot').getAttribute('provider')).to.equal('placeholder');
      expect(fromStory.querySelector('folio-ad-slot').getAttribute('sizes')).to.equal('300x250');
      expect(fromStory.correctionsUrl).to.equal(absolute('/from-story'));
      expect(fromScript.querySelector('folio-ad-slot').getAttribute('provider')).to.equal('gpt');
      expect(fromScript.querySelector('folio-ad-slot').getAttribute('sizes')).to.equal('336x280');
      expect(fromScript.correctionsUrl).to.equal(absolute('/from-script'));
      expect(fromScript.language).to.equal('uk');
    });
  });

  describe('the ES module', () => {
    it('exports the element classes, events and parser, and defines the elements', async () => {
      const mod = await import(/* @vite-ignore */ new URL('/dist/folio.mjs', location.href).href);
      for (const name of [
        'FolioArticle',
        'FolioAdSlot',
        'FolioRelatedCard',
        'FolioCorrectionDialog',
        'FolioReadyEvent',
        'parseStory',
        'VERSION',
      ]) {
        expect(mod[name], name).to.not.equal(undefined);
      }
      expect(customElements.get('folio-article')).to.not.equal(undefined);
    });
  });
});
