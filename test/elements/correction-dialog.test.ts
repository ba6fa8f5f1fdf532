import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Delivery } from '../../src/corrections/outbox.js';
import type { Quote } from '../../src/corrections/selectors.js';
import {
  FolioCorrectionDialog,
  type CorrectionFields,
  type CorrectionRequest,
} from '../../src/elements/correction-dialog/folio-correction-dialog.js';
import { en, uk } from '../../src/i18n/strings.js';
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

function show(request: Partial<CorrectionRequest> = {}) {
  el.show({ quote: QUOTE, strings: en, language: 'en', send: deferredSend().send, ...request });
}

async function submit() {
  $<HTMLButtonElement>('button[type=submit]').click();
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
    it('opens as a modal with focus in the corrected text, prefilled and ready to edit', () => {
      show();
      const dialog = $<HTMLDialogElement>('dialog');
      expect(dialog.open).to.be.true;
      expect(dialog.matches(':modal')).to.be.true;
      expect(active()).to.equal(field('suggestion'));
      expect(field('suggestion').value).to.equal('six o’clock');
      expect(field('suggestion').selectionStart).to.equal('six o’clock'.length);
    });

    it('makes the page inert behind it', () => {
      show();
      const outside = document.querySelector<HTMLAnchorElement>('a[href="#elsewhere"]')!;
      outside.focus();
      expect(document.activeElement).not.to.equal(outside);
      expect(active()).to.equal(field('suggestion'));
    });

    it('is named by its title', async () => {
      show();
      const dialog = $('dialog');
      expect($(`#${dialog.getAttribute('aria-labelledby')}`).textContent).to.equal('Suggest a correction');
      await expect(el).to.be.accessible();
    });

    it('shows the quote in its context with the exact words highlighted', () => {
      show();
      expect($('blockquote').textContent).to.equal(
        '…ur bridge reopened to traffic at six o’clock on Friday morning. Engineers rep…',
      );
      expect($('mark').textContent).to.equal('six o’clock');
    });

    it('puts no ellipsis where the quote meets the start or the end of the article', () => {
      show({ quote: { ...QUOTE, prefix: '', suffix: '' } });
      expect($('blockquote').textContent).to.equal('six o’clock');
    });

    it('shows words that look like markup as text', () => {
      const evil = '<img src=x onerror="window.__folioDialogPwned=1"><script>1</script>';
      show({ quote: { ...QUOTE, exact: evil, prefix: '<b>', suffix: '</b>' } });
      expect($('mark').textContent).to.equal(evil);
      expect($('blockquote').textContent).to.include('<b>');
      expect(el.shadowRoot!.querySelector('img, script, b')).to.equal(null);
      expect((window as { __folioDialogPwned?: number }).__folioDialogPwned).to.equal(undefined);
    });

    it('speaks the article’s language', async () => {
      show({ strings: uk, language: 'uk' });
      expect($('h2').textContent).to.equal('Запропонувати виправлення');
      expect($('button[type=submit]').textContent).to.equal('Надіслати');
      expect(el.lang).to.equal('uk');
      await expect(el).to.be.accessible();
    });

    it('asks a general question when there is no quote', () => {
      show({ quote: null });
      expect($('figure')).to.equal(null);
      expect($('label[for=suggestion]').textContent).to.equal('What should we correct?');
      expect(field('suggestion').value).to.equal('');
    });

    it('says so when the site takes no corrections, instead of a form that cannot send', async () => {
      show({ send: null });
      expect(status()).to.equal('This site does not take corrections here yet.');
      expect(active()).to.equal($('#done'));
      await expect(el).to.be.accessible();
    });
  });

  describe('closing', () => {
    it('closes on Esc and gives focus back to where it was', async () => {
      show();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !el.open);
      expect(document.activeElement).to.equal(opener);
    });

    it('closes on Cancel and gives focus back', async () => {
      show();
      $<HTMLButtonElement>('.actions button[type=button]').click();
      expect(el.open).to.be.false;
      expect(document.activeElement).to.equal(opener);
    });

    it('starts afresh on the next opening', async () => {
      show();
      field('comment').value = 'old comment';
      el.close();
      show({ quote: { ...QUOTE, exact: 'Friday' } });
      expect(field('comment').value).to.equal('');
      expect(field('suggestion').value).to.equal('Friday');
      // The first closing's late close event must not pull focus out of the new one.
      await new Promise((r) => setTimeout(r, 20));
      expect(active()).to.equal(field('suggestion'));
      el.close();
      await waitUntil(() => document.activeElement === opener, 'focus did not come back');
    });

    it('takes a new request while open, and still returns focus to the first place', async () => {
      show();
      show({ quote: { ...QUOTE, exact: 'Friday' } });
      expect(field('suggestion').value).to.equal('Friday');
      el.close();
      await waitUntil(() => document.activeElement === opener, 'focus did not come back');
    });
  });

  describe('limits and validation', () => {
    it('says when a selection is over 500 characters and trims it on request', async () => {
      const long = 'x'.repeat(450) + ' ' + 'y'.repeat(149);
      const { send, sent } = deferredSend();
      show({ quote: { exact: long, prefix: 'p', suffix: ' and then', start: 1, end: 601 }, send });
      await el.updateComplete;
      expect($('.limit').textContent).to.match(/You selected 600 characters; a correction can quote up to 500\./);
      await expect(el).to.be.accessible();
      await submit();
      expect(sent).to.have.length(0);
      expect(active()).to.equal($('.limit button'));
      $<HTMLButtonElement>('.limit button').click();
      await el.updateComplete;
      expect($('.limit')).to.equal(null);
      expect($('mark').textContent).to.have.length(500);
      expect(field('suggestion').value).to.have.length(500);
      field('suggestion').value += ' fixed';
      await submit();
      expect(sent[0].quote!.exact).to.have.length(500);
      expect(sent[0].quote!.end).to.equal(501);
      expect(sent[0].quote!.suffix).to.equal('y'.repeat(32));
    });

    it('limits the suggestion and the comment to 2000 characters', async () => {
      show();
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
      show({ send });
      await submit();
      expect(sent).to.have.length(0);
      // The field to fix is marked, focused and described by the status line, which says why.
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
      show({ send });
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
        honeypot: '',
      });
    });

    it('keeps the honeypot out of sight, out of the tab order and away from screen readers', async () => {
      show();
      const hp = field('hp');
      expect(hp.tabIndex).to.equal(-1);
      expect(hp.autocomplete).to.equal('off');
      expect(hp.closest('[aria-hidden=true]')).not.to.equal(null);
      const box = hp.getBoundingClientRect();
      expect(box.right).to.be.lessThan(0);
      // Tab from the email goes straight to Cancel.
      field('email').focus();
      await sendKeys({ press: 'Tab' });
      expect(active()).to.equal($('.actions button[type=button]'));
    });
  });

  describe('sending', () => {
    it('shows sending, then thanks the reader', async () => {
      const { send, sent, answer } = deferredSend();
      show({ send });
      await sendKeys({ type: ' sharp' });
      await submit();
      expect(sent).to.have.length(1);
      expect(el.phase).to.equal('sending');
      expect(status()).to.equal('Sending…');
      const button = $('button[type=submit]');
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      await expect(el).to.be.accessible();
      await submit(); // a second press while sending sends nothing more
      expect(sent).to.have.length(1);
      answer({ outcome: 'sent', status: 201 });
      await waitUntil(() => el.phase === 'sent');
      await el.updateComplete;
      expect(status()).to.equal('Thank you! The newsroom has your correction.');
      expect(active()).to.equal($('#done'));
      await expect(el).to.be.accessible();
    });

    it('says the correction is saved for later when it could not be delivered', async () => {
      const { send, answer } = deferredSend();
      show({ send });
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
      show({ send });
      field('comment').value = 'See the timetable.';
      await submit();
      answer({ outcome: 'refused', status: 400, message: '<i>Too</i> long' });
      await waitUntil(() => el.phase === 'refused');
      await el.updateComplete;
      expect(status()).to.equal('The newsroom could not accept this correction: <i>Too</i> long');
      expect($('[role=status] i')).to.equal(null);
      await expect(el).to.be.accessible();
      await submit();
      expect(sent).to.have.length(2);
    });
  });
});
