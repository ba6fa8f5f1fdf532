import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { findWords } from '../../src/corrections/find.js';
import { quoteAt } from '../../src/corrections/selectors.js';
import type { FolioCorrectionCloseRequestEvent } from '../../src/events.js';
import { canEmulateColorScheme, emulateForcedColors } from '../support/launcher.js';
import type { Delivery } from '../../src/corrections/outbox.js';
import type { Quote } from '../../src/corrections/selectors.js';
import {
  FolioCorrectionDialog,
  type CorrectionFields,
  type CorrectionRequest,
} from '../../src/elements/correction-dialog/folio-correction-dialog.js';
import { uk } from '../../src/i18n/extra/uk.js';
import { en } from '../../src/i18n/strings.js';
import { define } from '../../src/internal/define.js';

define('folio-correction-dialog', FolioCorrectionDialog);

const QUOTE: Quote = {
  exact: 'six o’clock',
  prefix: 'ur bridge reopened to traffic at ',
  suffix: ' on Friday morning. Engineers rep',
  start: 40,
  end: 51,
};

let el: FolioCorrectionDialog;
const $ = <T extends Element = HTMLElement>(selector: string) => el.shadowRoot!.querySelector(selector) as T;
const field = (id: string) => $<HTMLTextAreaElement & HTMLInputElement>(`#${id}`);
const status = () => $('[role=status]').textContent;
const active = () => el.shadowRoot!.activeElement;
const ARTICLE =
  'The bridge reopened at six o’clock on Friday. The bridge had been shut since March; the bridge tolls stay.';
const find = (words: string) => findWords(ARTICLE, words);

/** Types into the focused field as a reader would, then lets the dialog render. */
async function type(text: string) {
  await sendKeys({ type: text });
  await el.updateComplete;
}

/** WCAG contrast of two computed colours (rgb() or color(srgb …)). */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const nums = color.match(/[\d.]+/g)!.map(Number);
    const [r, g, bl] = color.startsWith('color(') ? nums : nums.map((n) => n / 255);
    const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(bl);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** A send that answers when told to, recording what it got. */
function deferredSend() {
  const sent: CorrectionFields[] = [];
  let answer!: (d: Delivery) => void;
  const send = (fields: CorrectionFields) => {
    sent.push(fields);
    return new Promise<Delivery>((r) => (answer = r));
  };
  return { send, sent, answer: (d: Delivery) => answer(d) };
}

/** Opens the dialog; it is on screen, its first field focused, once the update after `show()` is done. */
async function show(request: Partial<CorrectionRequest> = {}) {
  el.show({ quote: QUOTE, strings: en, language: 'en', send: deferredSend().send, ...request });
  await el.updateComplete;
}

async function submit() {
  $<HTMLButtonElement>('button[form=form]').click();
  await el.updateComplete;
  await el.updateComplete;
}

describe('<folio-correction-dialog>', () => {
  let opener: HTMLButtonElement;

  beforeEach(async () => {
    const page = await fixture(html`<div><button id="opener">Open</button><a href="#elsewhere">Elsewhere</a></div>`);
    opener = page.querySelector('#opener')!;
    opener.focus();
    el = document.createElement('folio-correction-dialog');
    document.body.append(el);
  });
  afterEach(() => el.remove());

  describe('opening', () => {
    it('opens as a modal with focus in the corrected text, prefilled and ready to edit', async () => {
      await show();
      const dialog = $<HTMLDialogElement>('dialog');
      expect(dialog.open).to.be.true;
      expect(dialog.matches(':modal')).to.be.true;
      expect(active()).to.equal(field('suggestion'));
      expect(field('suggestion').value).to.equal('six o’clock');
      expect(field('suggestion').selectionStart).to.equal('six o’clock'.length);
    });

    it('makes the page inert behind it', async () => {
      await show();
      const outside = document.querySelector<HTMLAnchorElement>('a[href="#elsewhere"]')!;
      outside.focus();
      expect(document.activeElement).not.to.equal(outside);
      expect(active()).to.equal(field('suggestion'));
    });

    it('is named by its title', async () => {
      await show();
      const dialog = $('dialog');
      expect($(`#${dialog.getAttribute('aria-labelledby')}`).textContent).to.equal('Suggest a correction');
      await expect(el).to.be.accessible();
    });

    it('shows the quote in its context with the exact words highlighted', async () => {
      await show();
      expect($('blockquote').textContent).to.equal(
        '…ur bridge reopened to traffic at six o’clock on Friday morning. Engineers rep…',
      );
      expect($('mark').textContent).to.equal('six o’clock');
    });

    it('puts no ellipsis where the quote meets the start or the end of the article', async () => {
      await show({ quote: { ...QUOTE, prefix: '', suffix: '' } });
      expect($('blockquote').textContent).to.equal('six o’clock');
    });

    it('shows words that look like markup as text', async () => {
      const evil = '<img src=x onerror="window.__folioDialogPwned=1"><script>1</script>';
      await show({ quote: { ...QUOTE, exact: evil, prefix: '<b>', suffix: '</b>' } });
      expect($('mark').textContent).to.equal(evil);
      expect($('blockquote').textContent).to.include('<b>');
      expect(el.shadowRoot!.querySelector('img, script, b')).to.equal(null);
      expect((window as { __folioDialogPwned?: number }).__folioDialogPwned).to.equal(undefined);
    });

    it('speaks the article’s language', async () => {
      await show({ strings: uk, language: 'uk' });
      expect($('h2').textContent).to.equal('Запропонувати виправлення');
      expect($('button[form=form]').textContent).to.equal('Надіслати');
      expect(el.lang).to.equal('uk');
      await expect(el).to.be.accessible();
    });

    it('asks a general question when there is no quote', async () => {
      await show({ quote: null });
      expect($('blockquote')).to.equal(null);
      expect($('figure').textContent!.trim()).to.equal('');
      expect($('label[for=suggestion]').textContent).to.equal('What should we correct?');
      expect(field('suggestion').value).to.equal('');
    });
  });

  describe('closing', () => {
    it('closes on Esc and gives focus back to where it was', async () => {
      await show();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !el.open);
      expect(document.activeElement).to.equal(opener);
    });

    it('closes on Close and gives focus back', async () => {
      await show();
      $<HTMLButtonElement>('#done').click();
      expect(el.open).to.be.false;
      await el.updateComplete;
      expect($<HTMLDialogElement>('dialog').open).to.be.false;
      expect(document.activeElement).to.equal(opener);
    });

    it('starts afresh on the next opening of another quote', async () => {
      await show();
      field('comment').value = 'old comment';
      el.close();
      await el.updateComplete;
      await show({ quote: { ...QUOTE, exact: 'Friday' } });
      expect(field('comment').value).to.equal('');
      expect(field('suggestion').value).to.equal('Friday');
      // The first closing's late close event must not pull focus out of the new one.
      await new Promise((r) => setTimeout(r, 20));
      expect(active()).to.equal(field('suggestion'));
      el.close();
      await waitUntil(() => document.activeElement === opener, 'focus did not come back');
    });

    it('takes a new request while open, and still returns focus to the first place', async () => {
      await show();
      await show({ quote: { ...QUOTE, exact: 'Friday' } });
      expect(field('suggestion').value).to.equal('Friday');
      el.close();
      await waitUntil(() => document.activeElement === opener, 'focus did not come back');
    });
  });

  describe('limits and validation', () => {
    it('limits the suggestion and the comment to 2000 characters', async () => {
      await show();
      // maxlength: the reader can neither type nor paste more (the receiver refuses more too).
      expect(field('suggestion').maxLength).to.equal(2000);
      expect(field('comment').maxLength).to.equal(2000);
      field('comment').value = 'c'.repeat(1998);
      field('comment').focus();
      await sendKeys({ type: 'abcd' });
      expect(field('comment').value).to.equal('c'.repeat(1998) + 'ab');
    });

    it('refuses an unchanged text without a comment', async () => {
      const { send, sent } = deferredSend();
      await show({ send });
      await submit();
      expect(sent).to.have.length(0);
      // The field to fix is marked, focused and described by the error right under it, which says why.
      const text = field('suggestion');
      expect(text.getAttribute('aria-invalid')).to.equal('true');
      expect(active()).to.equal(text);
      expect($(`#${text.getAttribute('aria-describedby')}`).textContent).to.equal(
        'Change the text or add a comment before sending.',
      );
      field('comment').value = 'The clock was wrong in print too.';
      await submit();
      expect(sent).to.have.length(1);
    });

    it('validates the email and explains the mistake', async () => {
      const { send, sent } = deferredSend();
      await show({ send });
      await sendKeys({ type: ' sharp' });
      field('email').focus();
      await sendKeys({ type: 'not an email' });
      await submit();
      expect(sent).to.have.length(0);
      const email = field('email');
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      const error = $(`#${email.getAttribute('aria-describedby')}`);
      expect(error.textContent).to.equal('Enter an address like name@example.com, or leave the field empty.');
      expect(active()).to.equal(email);
      await expect(el).to.be.accessible();
      email.value = 'reader@example.org';
      await submit();
      expect(email.getAttribute('aria-invalid')).to.equal('false');
      expect(sent[0]).to.deep.include({
        suggestion: 'six o’clock sharp',
        email: 'reader@example.org',
        comment: '',
      });
      expect(Object.keys(sent[0]).sort()).to.deep.equal(['comment', 'email', 'quote', 'suggestion']);
    });

    it('has no field a reader cannot see: Tab goes from the email straight to Close, nothing scrolls sideways', async () => {
      await show();
      // The form's controls: its three fields, and Send (in the actions bar, outside the form).
      expect([...$<HTMLFormElement>('form').elements].map((control) => control.id || control.localName)).to.deep.equal([
        'suggestion',
        'comment',
        'email',
        'button',
      ]);
      const dialog = $('dialog');
      expect(dialog.scrollWidth).to.equal(dialog.clientWidth);
      field('email').focus();
      await sendKeys({ press: 'Tab' });
      expect(active()).to.equal($('#done'));
    });
  });

  describe('the keyboard path: words typed instead of selected', () => {
    it('finds the typed words in the article and shows the one place in its context', async () => {
      const { send, sent, answer } = deferredSend();
      await show({ quote: null, find, send });
      expect(active()).to.equal(field('words'));
      await type("six o'clock");
      expect($('blockquote').textContent).to.include('six o’clock');
      expect($('mark').textContent).to.equal('six o’clock');
      expect($('label[for=suggestion]').textContent).to.equal('Corrected text');
      await expect(el).to.be.accessible();
      field('suggestion').focus();
      await type('seven o’clock');
      await submit();
      const start = ARTICLE.indexOf('six o’clock');
      // The same quote, context and position a selection of those words gives.
      expect(sent[0].quote).to.deep.equal(quoteAt(ARTICLE, start, start + 'six o’clock'.length));
      answer({ outcome: 'sent', status: 201 });
    });

    it('quotes the first place where the words occur more than once, and more words narrow it', async () => {
      const { send, sent } = deferredSend();
      await show({ quote: null, find, send });
      await type('the bridge');
      // The first of three, at the start of the article (no ellipsis before it), announced.
      expect($('blockquote mark').textContent).to.equal('The bridge');
      expect($('blockquote').textContent).to.match(/^The bridge reopened/);
      expect($('blockquote').closest('[aria-live=polite]')).not.to.equal(null);
      await expect(el).to.be.accessible();
      await type(' had');
      expect($('blockquote').textContent).to.match(/^….*The bridge had been shut/);
      field('comment').value = 'It reopened on Saturday.';
      await submit();
      const second = ARTICLE.indexOf('bridge had') - 'The '.length;
      expect(sent[0].quote).to.deep.equal(quoteAt(ARTICLE, second, second + 'The bridge had'.length));
    });

    it('says clearly when the words are not in the article, and sends nothing until they are fixed', async () => {
      const { send, sent } = deferredSend();
      await show({ quote: null, find, send });
      await type('seven o’clock');
      // Nothing quoted while they are not found; the error comes on sending, right under the field.
      expect($('blockquote')).to.equal(null);
      expect($('#words-error').textContent).to.equal('');
      field('comment').value = 'The time is wrong.';
      await submit();
      expect(sent).to.have.length(0);
      expect(field('words').getAttribute('aria-invalid')).to.equal('true');
      expect($(`#${field('words').getAttribute('aria-describedby')}`).textContent).to.equal(
        'These words are not in the article.',
      );
      expect($('#words-error').className).to.equal('error');
      expect(active()).to.equal(field('words'));
      await expect(el).to.be.accessible();
      field('words').value = '';
      field('words').dispatchEvent(new Event('input', { bubbles: true }));
      await submit();
      expect(sent).to.have.length(1);
      expect(sent[0].quote).to.equal(null); // a general correction after all
    });

    it('is not offered when the reader selected words', async () => {
      await show({ find });
      expect(field('words')).to.equal(null);
    });
  });

  describe('drafts', () => {
    it('keeps what the reader wrote through Esc, and gives it back when the same draft opens again', async () => {
      const draft = {};
      await show({ draft });
      await type(' sharp');
      field('comment').focus();
      await type('Checked.'); // no spaces: WebKitGTK's WebDriver drops some
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !el.open);
      expect(draft).to.deep.include({ suggestion: 'six o’clock sharp', comment: 'Checked.' });
      await show({ draft });
      expect(field('suggestion').value).to.equal('six o’clock sharp');
      expect(field('comment').value).to.equal('Checked.');
      expect(field('suggestion').selectionStart).to.equal('six o’clock sharp'.length);
    });

    it('gives back the typed words, and the place they quote', async () => {
      const draft = {};
      await show({ quote: null, find, draft });
      // (One word, no letter twice in a row: WebKitGTK's WebDriver drops some spaces and repeated keys.)
      await type('March');
      el.close();
      await el.updateComplete;
      await show({ quote: null, find, draft });
      expect(field('words').value).to.equal('March');
      expect($('blockquote mark').textContent).to.equal('March');
      expect($('blockquote').textContent).to.include('shut since March; the bridge');
    });
  });

  describe('events', () => {
    it('fires folio-correction-show and -hide, and asks before closing (cancelable)', async () => {
      const heard: string[] = [];
      for (const type of ['folio-correction-show', 'folio-correction-hide', 'folio-correction-close-request']) {
        document.addEventListener(type, (e) => heard.push(`${e.type}:${e.composed && e.bubbles}`), { once: true });
      }
      await show();
      expect(heard).to.deep.equal(['folio-correction-show:true']);
      // A page that wants the dialog to stay open cancels the request: Esc and Close do nothing then.
      const keep = (e: FolioCorrectionCloseRequestEvent) => e.preventDefault();
      el.addEventListener('folio-correction-close-request', keep);
      const asked: string[] = [];
      el.addEventListener('folio-correction-close-request', (e) => asked.push(e.detail.source));
      await sendKeys({ press: 'Escape' });
      $<HTMLButtonElement>('#done').click();
      await el.updateComplete;
      expect(asked).to.deep.equal(['keyboard', 'button']);
      expect(el.open).to.be.true;
      expect($<HTMLDialogElement>('dialog').open).to.be.true;
      el.removeEventListener('folio-correction-close-request', keep);
      $<HTMLButtonElement>('#done').click();
      await waitUntil(() => heard.includes('folio-correction-hide:true'), 'no hide event');
      expect(el.open).to.be.false;
      expect(el.hasAttribute('open')).to.be.false;
    });
  });

  describe('design', () => {
    it('puts the error right under the field at fault', async () => {
      const { send } = deferredSend();
      await show({ send });
      await type(' sharp');
      field('email').focus();
      await type('not an email');
      await submit();
      const error = $('#email-error');
      expect(field('email').nextElementSibling).to.equal(error);
      expect(error.getBoundingClientRect().top).to.be.closeTo(field('email').getBoundingClientRect().bottom, 12);
      // Focused and invalid do not look alike: a ring in the text colour, a red border. Only
      // where the test's window has the system's focus (Firefox runs two windows side by side,
      // and the one in the background matches no :focus); Chromium's headless pages always do.
      if (!document.hasFocus()) return;
      const email = getComputedStyle(field('email'));
      expect(email.outlineStyle).to.equal('solid');
      expect(email.borderTopColor).not.to.equal(email.outlineColor);
    });

    it('keeps the status region rendered while empty, so what it says later is announced', async () => {
      await show();
      const region = $('[role=status]');
      expect(region.textContent).to.equal('');
      expect(getComputedStyle(region).display).not.to.equal('none');
    });

    it('replaces the form with a thank-you state that says what happens next', async () => {
      const { send, answer } = deferredSend();
      await show({ send });
      await type(' sharp');
      await submit();
      answer({ outcome: 'sent', status: 201 });
      await waitUntil(() => el.phase === 'sent');
      await el.updateComplete;
      expect($('h2').textContent).to.equal('Thank you');
      expect($('form')).to.equal(null);
      expect(status()).to.equal('The newsroom has your correction. An editor will check it against the story.');
      expect(el.shadowRoot!.querySelectorAll('.actions button')).to.have.length(1);
      expect(active()).to.equal($('#done'));
      await expect(el).to.be.accessible();
    });

    describe('on a phone', () => {
      afterEach(() => setViewport({ width: 800, height: 600 }));

      it('is a bottom sheet, full width, its actions in view', async () => {
        await setViewport({ width: 480, height: 844 }); // WebKitGTK's window is at least 447 px wide
        await show();
        const sheet = $('dialog').getBoundingClientRect();
        expect(sheet.width).to.equal(innerWidth);
        expect(sheet.bottom).to.be.closeTo(innerHeight, 1);
        const actions = $('.actions').getBoundingClientRect();
        expect(actions.bottom).to.be.at.most(innerHeight + 0.5);
        expect($('.primary').getBoundingClientRect().height).to.be.at.least(44);
      });
    });
  });

  describe('right-to-left', () => {
    afterEach(() => document.documentElement.removeAttribute('dir'));

    it('takes the article’s direction in a left-to-right page, with no sideways scroll', async () => {
      await show({
        dir: 'rtl',
        language: 'ar',
        quote: { ...QUOTE, exact: 'السادسة', prefix: 'في ', suffix: ' صباحا' },
      });
      expect(el.dir).to.equal('rtl');
      expect(getComputedStyle($('dialog')).direction).to.equal('rtl');
      expect(field('suggestion').dir).to.equal('auto');
      const dialog = $('dialog');
      expect(dialog.scrollWidth).to.equal(dialog.clientWidth);
      expect(document.documentElement.scrollWidth).to.be.at.most(innerWidth);
      await expect(el).to.be.accessible();
    });

    it('lays out right to left on a right-to-left page', async () => {
      document.documentElement.dir = 'rtl';
      await show({ dir: 'rtl' });
      const dialog = $('dialog');
      expect(dialog.scrollWidth).to.equal(dialog.clientWidth);
      // Close sits at the start of the actions: on the right in RTL, Send to its left.
      expect($('#done').getBoundingClientRect().left).to.be.greaterThan($('.primary').getBoundingClientRect().left);
    });
  });

  describe('colour schemes', () => {
    let emulated = false;
    before(async () => {
      emulated = await canEmulateColorScheme();
    });
    afterEach(async () => {
      document.documentElement.style.colorScheme = '';
      if (emulated) await emulateMedia({ colorScheme: 'light' });
    });
    const surface = () => getComputedStyle($('dialog')).backgroundColor;

    it('is light on a light page, whatever the OS says where the page allows only light', async () => {
      document.documentElement.style.colorScheme = 'light';
      if (emulated) await emulateMedia({ colorScheme: 'dark' });
      await show();
      expect(surface()).to.equal('rgb(255, 255, 255)');
      await expect(el).to.be.accessible();
    });

    it('is dark where the page allows dark and the OS asks for it, and Send keeps its contrast', async function () {
      if (!emulated) this.skip(); // the launcher cannot switch the OS scheme in this engine
      document.documentElement.style.colorScheme = 'light dark';
      await emulateMedia({ colorScheme: 'dark' });
      await show();
      expect(surface()).to.equal('rgb(22, 22, 22)'); // --folio-background's dark default, as in story mode
      const send = getComputedStyle($('.primary'));
      expect(contrast(send.color, send.backgroundColor)).to.be.at.least(4.5);
      await expect(el).to.be.accessible();
    });

    it('follows a page that is dark itself, with the accent lightened for contrast', async () => {
      document.documentElement.style.colorScheme = 'dark';
      await show();
      expect(surface()).to.equal('rgb(22, 22, 22)'); // --folio-background's dark default, as in story mode
      const send = getComputedStyle($('.primary'));
      expect(contrast(send.color, send.backgroundColor)).to.be.at.least(4.5);
      expect(contrast(getComputedStyle($('dialog')).color, surface())).to.be.at.least(4.5);
      await expect(el).to.be.accessible();
    });
  });

  describe('forced colours', () => {
    let forced = false;
    before(async () => {
      forced = await emulateForcedColors(true);
    });
    after(() => emulateForcedColors(false));

    it('draws every control, label, edge and focus ring (Chromium emulation)', async function () {
      if (!forced) this.skip(); // the launcher cannot emulate forced colours in this engine
      const { send } = deferredSend();
      await show({ send });
      const visible = (style: CSSStyleDeclaration) =>
        style.borderTopStyle !== 'none' && parseFloat(style.borderTopWidth) > 0;
      const dialog = getComputedStyle($('dialog'));
      expect(visible(dialog)).to.be.true;
      // Its border (transparent on a light page) drawn in a system colour, not the background's.
      expect(dialog.borderTopColor).not.to.equal(dialog.backgroundColor);
      for (const button of el.shadowRoot!.querySelectorAll('.actions button')) {
        const style = getComputedStyle(button);
        expect(visible(style), button.textContent!).to.be.true;
        expect(style.color, button.textContent!).not.to.equal(style.backgroundColor);
      }
      field('comment').value = 'See the timetable.';
      field('email').focus();
      await type('not an email');
      await submit();
      expect(active()?.id).to.equal('email');
      const email = getComputedStyle(field('email'));
      expect(email.outlineStyle).to.equal('solid');
      expect(email.outlineColor).not.to.equal(getComputedStyle($('dialog')).backgroundColor);
      expect(visible(email)).to.be.true;
      expect(getComputedStyle($('#email-error')).color).not.to.equal(getComputedStyle($('dialog')).backgroundColor);
      await expect(el).to.be.accessible();
    });
  });

  describe('sending', () => {
    it('shows sending, then thanks the reader', async () => {
      const { send, sent, answer } = deferredSend();
      await show({ send });
      await sendKeys({ type: ' sharp' });
      await submit();
      expect(sent).to.have.length(1);
      expect(el.phase).to.equal('sending');
      expect(status()).to.equal('Sending…');
      const button = $('button[form=form]');
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      await expect(el).to.be.accessible();
      await submit(); // a second press while sending sends nothing more
      expect(sent).to.have.length(1);
      answer({ outcome: 'sent', status: 201 });
      await waitUntil(() => el.phase === 'sent');
      await el.updateComplete;
      expect(status()).to.equal('The newsroom has your correction. An editor will check it against the story.');
      expect(active()).to.equal($('#done'));
      await expect(el).to.be.accessible();
    });

    it('says the correction is saved for later when it could not be delivered', async () => {
      const { send, answer } = deferredSend();
      await show({ send });
      field('comment').value = 'See the timetable.';
      await submit();
      answer({ outcome: 'queued', reason: 'network' });
      await waitUntil(() => el.phase === 'queued');
      await el.updateComplete;
      expect(status()).to.equal('Saved; it will be sent when you’re back online.');
      await expect(el).to.be.accessible();
    });

    it('shows the server’s reason for a refusal as text, and lets the reader try again', async () => {
      const { send, sent, answer } = deferredSend();
      await show({ send });
      field('comment').value = 'See the timetable.';
      await submit();
      answer({ outcome: 'refused', status: 400, message: '<i>Too</i> long' });
      await waitUntil(() => el.phase === 'refused');
      await el.updateComplete;
      expect(status()).to.equal('The newsroom could not accept this correction: \u2068<i>Too</i> long\u2069');
      expect($('[role=status] i')).to.equal(null);
      await expect(el).to.be.accessible();
      await submit();
      expect(sent).to.have.length(2);
    });
  });
});
