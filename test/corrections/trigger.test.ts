import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { CorrectionsController, installCorrections, openCorrection } from '../../src/corrections/controller.js';
import { articleText, selectionTarget } from '../../src/corrections/selectors.js';
import { isCorrectionKey, isEditable } from '../../src/corrections/trigger.js';
import { ar } from '../../src/i18n/extra/ar.js';
import { addLanguage } from '../../src/i18n/registry.js';
import type { FolioArticle } from '../../src/elements/article/folio-article.js';
import type { FolioCorrectionDialog } from '../../src/elements/correction-dialog/folio-correction-dialog.js';
import type {
  FolioCorrectionOpenEvent,
  FolioCorrectionQueuedEvent,
  FolioCorrectionRefusedEvent,
  FolioCorrectionSentEvent,
  FolioCorrectionSubmitEvent,
} from '../../src/events.js';
import { endpoint, nextFrame, pressCorrectionKeys, selectText, story, storyArticle, textNode } from './helpers.js';
import '../../src/i18n/extra/uk.js';

const dialogHost = () => document.querySelector('folio-correction-dialog') as FolioCorrectionDialog | null;
const isOpen = () => !!dialogHost()?.shadowRoot?.querySelector('dialog')?.open;
const part = <T extends Element>(selector: string) => dialogHost()!.shadowRoot!.querySelector(selector) as T;
const suggestion = () => part<HTMLTextAreaElement>('#suggestion');

async function enhanced(endpointUrl = '/__test/corrections/unused'): Promise<FolioArticle> {
  return fixture<FolioArticle>(html`<folio-article corrections-endpoint=${endpointUrl}>
    <p>The harbour bridge reopened to traffic at six o'clock on Friday morning.</p>
    <folio-ad-slot>Advertisement</folio-ad-slot>
    <p>Engineers replaced all 212 cables during the closure.</p>
  </folio-article>`);
}

/**
 * Gives the test's window the system's focus, as a reader's click does: Firefox runs two test
 * windows side by side, and keys and focus behave otherwise in the one in the background.
 */
const focusWindow = () => sendMouse({ type: 'click', position: [1, 1] });

async function click(el: Element) {
  const r = el.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
}

describe('corrections: trigger', () => {
  let controller: CorrectionsController;
  before(() => {
    controller = new CorrectionsController();
    expect(controller.install()).to.be.true;
  });
  after(() => {
    controller.dispose();
  });
  afterEach(async () => {
    dialogHost()?.close();
    await dialogHost()?.updateComplete;
    document.getSelection()?.removeAllRanges();
    await nextFrame();
  });

  describe('keys', () => {
    it('accepts Ctrl+Enter everywhere and ⌘+Enter only on Apple platforms', () => {
      const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', { key: 'Enter', ...init });
      expect(isCorrectionKey(key({ ctrlKey: true }), false)).to.be.true;
      expect(isCorrectionKey(key({ ctrlKey: true }), true)).to.be.true;
      expect(isCorrectionKey(key({ metaKey: true }), true)).to.be.true;
      expect(isCorrectionKey(key({ metaKey: true }), false)).to.be.false;
      expect(isCorrectionKey(key({}), false)).to.be.false;
      expect(isCorrectionKey(key({ ctrlKey: true, shiftKey: true }), false)).to.be.false;
      expect(isCorrectionKey(key({ ctrlKey: true, altKey: true }), false)).to.be.false;
      expect(isCorrectionKey(key({ ctrlKey: true, repeat: true }), false)).to.be.false;
      expect(isCorrectionKey(key({ ctrlKey: true, isComposing: true }), false)).to.be.false;
      expect(isCorrectionKey(new KeyboardEvent('keydown', { key: 'a', ctrlKey: true }), false)).to.be.false;
    });

    it('knows typing places from the rest of the page', async () => {
      const box = await fixture(
        html`<div><input /><textarea></textarea><div contenteditable="true">x</div><p>text</p></div>`,
      );
      expect([...box.children].map(isEditable)).to.deep.equal([true, true, true, false]);
    });
  });

  describe('the dialog', () => {
    // First of the tests that touch articles: nothing has made the dialog yet.
    it('is made only when it first opens: nothing at install, nor when words in an article are selected', async () => {
      expect(dialogHost()).to.equal(null);
      const box = await fixture(
        html`<div><folio-article corrections-endpoint="/x"><p>Inside words.</p></folio-article></div>`,
      );
      selectText(box.querySelector('folio-article')!, 'Inside');
      await nextFrame();
      expect(dialogHost()).to.equal(null);
      await pressCorrectionKeys();
      await waitUntil(dialogHost, 'no dialog made');
      expect(dialogHost()!.parentElement).to.equal(document.body);
    });
  });

  describe('opening with Ctrl+Enter', () => {
    it('opens the dialog with the words selected in an enhanced article', async () => {
      const article = await enhanced();
      selectText(article, "six o'clock");
      const opened = oneEvent(article, 'folio-correction-open') as Promise<FolioCorrectionOpenEvent>;
      await pressCorrectionKeys();
      expect((await opened).detail).to.deep.equal({ id: null, quote: "six o'clock" });
      expect(isOpen()).to.be.true;
      expect(part('mark').textContent).to.equal("six o'clock");
      expect(suggestion().value).to.equal("six o'clock");
      expect(dialogHost()!.shadowRoot!.activeElement).to.equal(suggestion());
    });

    it('opens the dialog with the words selected inside a story-mode shadow root', async () => {
      const article = await storyArticle(story('/__test/corrections/unused'));
      selectText(article.shadowRoot!, 'all 212 cables');
      const opened = oneEvent(article, 'folio-correction-open') as Promise<FolioCorrectionOpenEvent>;
      await pressCorrectionKeys();
      expect((await opened).detail.quote).to.equal('all 212 cables');
      expect(part('mark').textContent).to.equal('all 212 cables');
      expect(part('blockquote').textContent).to.include('Engineers replaced all 212 cables during the closure.');
    });

    it('does nothing for a selection outside every article, and leaves the key to the page', async () => {
      const box = await fixture(
        html`<div>
          <p id="out">Words outside.</p>
          <folio-article corrections-endpoint="/x"><p>Inside.</p></folio-article>
        </div>`,
      );
      selectText(box.querySelector('#out')!, 'Words');
      let prevented: boolean | undefined;
      const seen = (e: KeyboardEvent) => (prevented = e.defaultPrevented);
      window.addEventListener('keydown', seen);
      await pressCorrectionKeys();
      window.removeEventListener('keydown', seen);
      expect(isOpen()).to.be.false;
      expect(prevented).to.be.false;
    });

    it('does nothing while the reader types in a field outside the article', async () => {
      const box = await fixture(
        html`<div>
          <input id="search" />
          <folio-article corrections-endpoint="/x"><p>Inside words.</p></folio-article>
        </div>`,
      );
      const input = box.querySelector('input')!;
      let typed = 0;
      input.addEventListener('keydown', () => typed++);
      input.focus();
      selectText(box.querySelector('folio-article')!, 'Inside');
      input.focus();
      // The words are still selected: only the typing place keeps the dialog shut.
      expect(document.activeElement).to.equal(input);
      expect(selectionTarget(box.querySelectorAll('folio-article'))?.quote.exact).to.equal('Inside');
      await pressCorrectionKeys();
      expect(isOpen()).to.be.false;
      expect(typed).to.be.greaterThan(0); // the page's own handler still ran
    });

    it('never stops the page’s own Ctrl+Enter handlers, and yields to one that handled it', async () => {
      const article = await enhanced();
      selectText(article, 'Friday');
      const heard: string[] = [];
      const onDocument = (e: KeyboardEvent) => heard.push(`document:${e.key}`);
      const onWindow = (e: KeyboardEvent) => heard.push(`window:${e.key}`);
      document.addEventListener('keydown', onDocument);
      window.addEventListener('keydown', onWindow);
      await pressCorrectionKeys();
      expect(isOpen()).to.be.true;
      expect(heard).to.include.members(['document:Enter', 'window:Enter']);
      dialogHost()!.close();

      // A page that already acts on Ctrl+Enter there (and says so with preventDefault) keeps it.
      selectText(article, 'Friday');
      const mine = (e: KeyboardEvent) => e.key === 'Enter' && e.preventDefault();
      window.addEventListener('keydown', mine, true);
      await pressCorrectionKeys();
      window.removeEventListener('keydown', mine, true);
      document.removeEventListener('keydown', onDocument);
      window.removeEventListener('keydown', onWindow);
      expect(isOpen()).to.be.false;
    });

    it('lets the publisher take over by cancelling folio-correction-request', async () => {
      const article = await enhanced();
      selectText(article, 'Friday');
      const takeOver = (e: Event) => e.preventDefault();
      document.addEventListener('folio-correction-request', takeOver);
      const asked = oneEvent(article, 'folio-correction-request');
      await pressCorrectionKeys();
      document.removeEventListener('folio-correction-request', takeOver);
      expect((await asked).detail).to.deep.equal({ quote: 'Friday' });
      expect(isOpen()).to.be.false;
    });

    it('listens once however many times corrections are installed (a second copy of Folio)', async () => {
      const added: string[] = [];
      const { addEventListener } = document;
      document.addEventListener = function (this: Document, type: string, listener: EventListener) {
        added.push(type);
        return addEventListener.call(this, type, listener);
      } as typeof document.addEventListener;
      try {
        installCorrections();
      } finally {
        delete (document as { addEventListener?: unknown }).addEventListener; // back to the prototype's
      }
      expect(added).to.deep.equal([]);
      expect(new CorrectionsController().install()).to.be.false;
      const article = await enhanced();
      selectText(article, 'Friday');
      let opens = 0;
      const count = () => opens++;
      document.addEventListener('folio-correction-open', count);
      await pressCorrectionKeys();
      document.removeEventListener('folio-correction-open', count);
      expect(opens).to.equal(1);
      expect(document.querySelectorAll('folio-correction-dialog')).to.have.length(1);
    });
  });

  describe('the footer link', () => {
    it('opens a general correction and gives focus back to the link on Esc', async () => {
      const article = await enhanced();
      const link = article.shadowRoot!.querySelector('[part=footer] button') as HTMLButtonElement;
      const opened = oneEvent(article, 'folio-correction-open') as Promise<FolioCorrectionOpenEvent>;
      await focusWindow();
      link.focus();
      await sendKeys({ press: 'Enter' }); // as a keyboard user opens it
      expect((await opened).detail).to.deep.equal({ id: null, quote: null });
      await dialogHost()!.updateComplete;
      expect(isOpen()).to.be.true;
      expect(part('blockquote')).to.equal(null);
      expect(part('label[for=suggestion]').textContent).to.equal('What should we correct?');
      // Focus really left the link for the dialog (its first field: the words in the article)…
      expect(dialogHost()!.shadowRoot!.activeElement?.id).to.equal('words');
      expect(article.shadowRoot!.activeElement?.localName).to.equal(undefined);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !isOpen());
      // …and came back to it.
      expect(article.shadowRoot!.activeElement?.textContent).to.equal('write to us here');
    });

    it('stays closed when a publisher’s own document listener handles the request', async () => {
      const article = await enhanced();
      const takeOver = (e: Event) => e.preventDefault();
      document.addEventListener('folio-correction-request', takeOver); // added after Folio's
      (article.shadowRoot!.querySelector('[part=footer] button') as HTMLButtonElement).click();
      await nextFrame();
      document.removeEventListener('folio-correction-request', takeOver);
      expect(isOpen()).to.be.false;
    });

    it('can be opened from the page’s code too', async () => {
      const article = await enhanced();
      const dialog = openCorrection({ article, quote: false });
      expect(dialog!.open).to.be.true;
      await dialog!.updateComplete;
      expect(isOpen()).to.be.true;
      expect(dialog!.request!.quote).to.equal(null);
    });

    it('opens nothing from the page’s code when there is no article to correct', () => {
      expect(document.querySelector('folio-article')).to.equal(null);
      const warnings: unknown[][] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        expect(openCorrection()).to.equal(undefined);
      } finally {
        console.warn = warn;
      }
      expect(isOpen()).to.be.false;
      expect(warnings.map(String)).to.deep.equal(['folio: no article with a corrections endpoint']);
    });
  });

  describe('an article with no corrections endpoint', () => {
    it('offers no corrections: no footer, Ctrl+Enter left to the page, nothing opened from code', async () => {
      const article = await fixture<FolioArticle>(html`<folio-article>
        <p>The harbour bridge reopened to traffic at six o'clock on Friday morning.</p>
      </folio-article>`);
      await article.updateComplete;
      expect(article.shadowRoot!.querySelector('[part=footer]')).to.equal(null);
      selectText(article, "six o'clock");
      let prevented: boolean | undefined;
      const seen = (e: KeyboardEvent) => (prevented = e.defaultPrevented);
      window.addEventListener('keydown', seen);
      await pressCorrectionKeys();
      window.removeEventListener('keydown', seen);
      expect(prevented).to.be.false;
      expect(isOpen()).to.be.false;
      const warnings: unknown[][] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        expect(openCorrection({ article })).to.equal(undefined);
      } finally {
        console.warn = warn;
      }
      expect(isOpen()).to.be.false;
      expect(warnings.map(String)).to.deep.equal(['folio: no article with a corrections endpoint']);
    });

    it('gets the footer once an endpoint is set, and a javascript: one counts as none', async () => {
      const article = await fixture<FolioArticle>(html`<folio-article corrections-endpoint="javascript:alert(1)">
        <p>Words.</p>
      </folio-article>`);
      await article.updateComplete;
      expect(article.shadowRoot!.querySelector('[part=footer]')).to.equal(null);
      article.setAttribute('corrections-endpoint', '/api/corrections');
      await article.updateComplete;
      expect(article.shadowRoot!.querySelector('[part=footer]')).not.to.equal(null);
    });
  });

  describe('the reader’s place', () => {
    it('gives the selection back on Esc, with focus on its paragraph, so the next Tab goes on from there', async () => {
      const article = await enhanced();
      await focusWindow();
      selectText(article, 'all 212 cables');
      await pressCorrectionKeys();
      await dialogHost()!.updateComplete;
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => document.getSelection()!.toString() === 'all 212 cables', 'selection not given back');
      const paragraph = textNode(article, 'all 212 cables').parentElement!;
      expect(document.activeElement?.textContent).to.equal(paragraph.textContent); // text, not the element: a failing
      // comparison of elements makes chai walk them, which hangs the run
      expect(paragraph.tabIndex).to.equal(-1);
      const next = document.createElement('button');
      article.after(next);
      next.focus(); // the paragraph loses focus: it is not focusable any more
      expect(paragraph.hasAttribute('tabindex')).to.be.false;
      next.remove();
    });

    it('keeps the draft through Esc, and gives it back when the same words are quoted again', async () => {
      const article = await enhanced();
      selectText(article, 'Friday');
      await pressCorrectionKeys();
      await dialogHost()!.updateComplete;
      await sendKeys({ type: ' evening' });
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !isOpen());
      selectText(article, 'Friday');
      await pressCorrectionKeys();
      await dialogHost()!.updateComplete;
      expect(suggestion().value).to.equal('Friday evening');
      const hidden = oneEvent(dialogHost()!, 'folio-correction-hide');
      dialogHost()!.close();
      await hidden; // and the reader's selection is back
      // Other words have a draft of their own.
      selectText(article, 'cables');
      await pressCorrectionKeys();
      await dialogHost()!.updateComplete;
      expect(suggestion().value).to.equal('cables');
    });
  });

  describe('keyboard only', () => {
    it('quotes chosen words without a selection, and the receiver gets the selectors a selection gives', async () => {
      const server = endpoint('ok');
      const article = await enhanced(server.url);
      const { title } = document;
      document.title = 'Harbour bridge reopens';
      // Keyboard: the footer's button, the words typed, then the correction, then Send.
      const link = article.shadowRoot!.querySelector('[part=footer] button') as HTMLButtonElement;
      await focusWindow();
      link.focus();
      await sendKeys({ press: 'Enter' });
      await dialogHost()!.updateComplete;
      await sendKeys({ type: "SIX O'CLOCK" });
      await sendKeys({ press: 'Tab' });
      expect(dialogHost()!.shadowRoot!.activeElement?.id).to.equal('suggestion');
      await sendKeys({ type: "seven o'clock" });
      for (let i = 0; i < 4; i++) await sendKeys({ press: 'Tab' }); // comment, email, Close, Send
      expect(dialogHost()!.shadowRoot!.activeElement!.textContent).to.equal('Send');
      const byKeyboard = oneEvent(article, 'folio-correction-sent') as Promise<FolioCorrectionSentEvent>;
      await sendKeys({ press: 'Enter' });
      expect((await byKeyboard).detail.quote).to.equal("six o'clock");
      await waitUntil(() => part('h2').textContent === 'Thank you');
      const hidden = oneEvent(dialogHost()!, 'folio-correction-hide');
      dialogHost()!.close();
      await hidden;

      // The same words selected with a mouse, for comparison.
      selectText(article, "six o'clock");
      await pressCorrectionKeys();
      await dialogHost()!.updateComplete;
      await sendKeys({ type: ' sharp' });
      const byMouse = oneEvent(article, 'folio-correction-sent') as Promise<FolioCorrectionSentEvent>;
      await click(part('button[form=form]'));
      await byMouse;

      const { received } = await server.read();
      expect(received).to.have.length(2);
      const [keyboard, mouse] = received.map((a) => a.target);
      expect(keyboard.selector).to.deep.equal(mouse.selector);
      expect(keyboard.selector[0].exact).to.equal("six o'clock");
      expect(keyboard.source).to.equal(mouse.source);
      expect(keyboard['dc:title']).to.equal('Harbour bridge reopens'); // the page's title: no headline in enhance mode
      document.title = title;
    });
  });

  describe('right-to-left', () => {
    // Arabic as publishers add it (importing the module adds it; the bundle has none of its own).
    beforeEach(() => addLanguage('ar', ar));
    afterEach(() => document.documentElement.removeAttribute('dir'));

    it('gives the dialog the direction of an RTL story on an LTR page', async () => {
      const article = await fixture<FolioArticle>(
        html`<folio-article dir=rtl lang=ar corrections-endpoint="/x"><p>أعيد فتح الجسر في الساعة السادسة صباحا.</p></folio-article>`,
      );
      selectText(article, 'السادسة');
      await pressCorrectionKeys();
      await dialogHost()!.updateComplete;
      expect(dialogHost()!.dir).to.equal('rtl');
      expect(dialogHost()!.lang).to.equal('ar');
      const dialog = part<HTMLDialogElement>('dialog');
      expect(dialog.scrollWidth).to.equal(dialog.clientWidth);
      await expect(dialogHost()!).to.be.accessible();
    });

    it('is right-to-left on an RTL page, with no sideways scroll', async () => {
      document.documentElement.dir = 'rtl';
      const article = await fixture<FolioArticle>(
        html`<folio-article lang=ar corrections-endpoint="/x"><p>أعيد فتح الجسر في الساعة السادسة صباحا.</p></folio-article>`,
      );
      openCorrection({ article, quote: false });
      await dialogHost()!.updateComplete;
      expect(dialogHost()!.dir).to.equal('rtl');
      const dialog = part<HTMLDialogElement>('dialog');
      expect(dialog.scrollWidth).to.equal(dialog.clientWidth);
      expect(document.documentElement.scrollWidth).to.be.at.most(innerWidth);
    });

    it('marks an English fallback dialog as English, left to right, for an article in a language without a table', async () => {
      const article = await fixture<FolioArticle>(
        html`<folio-article dir=rtl lang=he corrections-endpoint="/x"><p>הגשר נפתח מחדש בשש בבוקר.</p></folio-article>`,
      );
      openCorrection({ article, quote: false });
      await dialogHost()!.updateComplete;
      expect(dialogHost()!.lang).to.equal('en');
      expect(dialogHost()!.dir).to.equal('ltr');
    });
  });

  describe('sending', () => {
    it('delivers one annotation whose quote is exactly the selection, with the suggestion', async () => {
      const server = endpoint('ok');
      const article = await storyArticle(story(server.url));
      const range = selectText(article.shadowRoot!, "six o'clock");
      await pressCorrectionKeys();
      await sendKeys({ type: ' sharp' });
      const submitted = oneEvent(article, 'folio-correction-submit') as Promise<FolioCorrectionSubmitEvent>;
      const sent = oneEvent(article, 'folio-correction-sent') as Promise<FolioCorrectionSentEvent>;
      // The reader is told it is sending before the work of it begins (which, for the quote's
      // positions, may be reading a long story).
      let statusAtSubmit = '';
      article.addEventListener('folio-correction-submit', () => (statusAtSubmit = part('[role=status]').textContent!));
      await click(part('button[form=form]'));
      const { detail } = await sent;
      expect((await submitted).detail.id).to.equal(detail.id);
      expect(statusAtSubmit).to.equal('Sending…');
      expect(detail.status).to.equal(201);
      await waitUntil(() => part('h2').textContent === 'Thank you');
      expect(part('[role=status]').textContent).to.equal(
        'The newsroom has your correction. An editor will check it against the story.',
      );
      expect(dialogHost()!.shadowRoot!.activeElement).to.equal(part('#done'));

      const { received } = await server.read();
      expect(received).to.have.length(1);
      const [annotation] = received;
      expect(annotation.id).to.equal(detail.id);
      expect(annotation.target.source).to.equal('https://news.example/2026/11/harbour-bridge-reopens');
      expect(annotation.target['dc:title']).to.equal(article.storyData!.headline); // for editors (issue 16)
      const [tq, tp] = annotation.target.selector;
      expect(tq.exact).to.equal(range.toString());
      const text = articleText(article.textRoots).text;
      expect(text.slice(tp.start, tp.end)).to.equal("six o'clock");
      // Up to 32 characters of context each side: whole words, within the paragraph.
      expect(tq.prefix).to.equal('bridge reopened to traffic at ');
      expect(text.slice(tp.start - tq.prefix.length, tp.start)).to.equal(tq.prefix);
      expect(tq.suffix).to.equal(' on Friday morning.');
      expect(text.slice(tp.end, tp.end + tq.suffix.length)).to.equal(tq.suffix);
      expect(annotation.body[0]).to.deep.equal({
        type: 'TextualBody',
        purpose: 'editing',
        value: "six o'clock sharp",
        format: 'text/plain',
        language: 'en',
      });
    });

    it('saves the correction when the endpoint is down, and it arrives once after recovery', async () => {
      const server = endpoint('503');
      const article = await enhanced(server.url);
      selectText(article, 'Friday');
      await pressCorrectionKeys();
      await sendKeys({ type: ' evening' });
      const queued = oneEvent(article, 'folio-correction-queued') as Promise<FolioCorrectionQueuedEvent>;
      part<HTMLButtonElement>('button[form=form]').click();
      expect((await queued).detail.reason).to.equal('HTTP 503');
      await waitUntil(() => part('[role=status]').textContent === 'Saved; it will be sent when you’re back online.');
      await expect(dialogHost()).to.be.accessible();

      await server.set('ok');
      const sent = oneEvent(article, 'folio-correction-sent') as Promise<FolioCorrectionSentEvent>;
      dispatchEvent(new Event('online'));
      await sent;
      const { received } = await server.read();
      expect(received).to.have.length(1);
      expect(received[0].target.selector[0].exact).to.equal('Friday');
    });

    it('shows the server’s reason when it refuses the correction', async () => {
      const server = endpoint('400', undefined, '&message=' + encodeURIComponent('<b>Quote</b> not found'));
      const article = await enhanced(server.url);
      selectText(article, 'Friday');
      await pressCorrectionKeys();
      await sendKeys({ type: '!' });
      const refused = oneEvent(article, 'folio-correction-refused') as Promise<FolioCorrectionRefusedEvent>;
      part<HTMLButtonElement>('button[form=form]').click();
      expect((await refused).detail).to.include({ status: 400, message: '<b>Quote</b> not found' });
      await waitUntil(() => part('[role=status]').textContent!.includes('not found'));
      expect(part('[role=status]').textContent).to.equal(
        'The newsroom could not accept this correction: \u2068<b>Quote</b> not found\u2069',
      );
      expect(part('[role=status] b')).to.equal(null);
    });

    it('shows a selection that looks like markup as text, never as HTML', async () => {
      const evil = '<img src=x onerror="window.__folioPwned=1">';
      const article = await fixture<FolioArticle>(
        html`<folio-article corrections-endpoint="/x"><p>Before ${evil} after.</p></folio-article>`,
      );
      selectText(article, evil);
      await pressCorrectionKeys();
      await nextFrame();
      expect(part('mark').textContent).to.equal(evil);
      expect(suggestion().value).to.equal(evil);
      expect(dialogHost()!.shadowRoot!.querySelector('img')).to.equal(null);
      expect((window as { __folioPwned?: number }).__folioPwned).to.equal(undefined);
    });
  });

  describe('lifecycle', () => {
    it('takes its listeners and dialog away on dispose, and works again once installed anew', async () => {
      const article = await enhanced();
      selectText(article, 'Friday');
      await pressCorrectionKeys();
      expect(dialogHost()).not.to.equal(null);
      controller.dispose();
      expect(dialogHost()).to.equal(null);
      selectText(article, 'Friday');
      await pressCorrectionKeys();
      expect(dialogHost()).to.equal(null);
      controller = new CorrectionsController();
      expect(controller.install()).to.be.true;
      selectText(article, 'Friday');
      await pressCorrectionKeys();
      await dialogHost()!.updateComplete;
      expect(isOpen()).to.be.true;
    });
  });
});
