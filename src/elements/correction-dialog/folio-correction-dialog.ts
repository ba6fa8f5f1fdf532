import { html, LitElement } from 'lit';
import { MAX_QUOTE, MAX_TEXT } from '../../corrections/annotation.js';
import type { Delivery } from '../../corrections/outbox.js';
import { trimQuote, type Quote } from '../../corrections/selectors.js';
import { en, format, type FolioStrings } from '../../i18n/strings.js';
import type { ArticleElement } from '../../internal/hosts.js';
import { styles } from './folio-correction-dialog.styles.js';

export type CorrectionPhase = 'editing' | 'sending' | 'sent' | 'queued' | 'refused';

/** What the reader filled in. */
export interface CorrectionFields {
  quote: Quote | null;
  suggestion: string;
  comment: string;
  email: string;
  honeypot: string;
}

/** One opening of the dialog: the quote, the words to speak, and how to send. */
export interface CorrectionRequest {
  quote: Quote | null;
  strings: FolioStrings;
  language: string;
  /** Delivers the correction; null when the article has no corrections endpoint. */
  send: ((fields: CorrectionFields) => Promise<Delivery>) | null;
}

type Field = 'suggestion' | 'comment' | 'email' | 'hp';

/** Space between the selection and the touch button, and between the button and the window's edge, in px. */
const TOUCH_GAP = 8;

/** Keeps the reader's selection: a press on the touch button would collapse it before the click. */
const keepSelection = (e: Event) => e.preventDefault();

/**
 * @tagname folio-correction-dialog
 * @summary The reader's correction form: the quote in its context, the corrected text, a
 * comment and an optional email, in a native modal `<dialog>` (focus moves in, the page is
 * inert, Esc closes, focus returns: the platform's own dialog behaviour, also for an opener in
 * a shadow root, such as the footer's button).
 *
 * One per page, made on first use by the corrections controller (which puts it in the page) and
 * opened with `show()`. It also draws the touch-screen "Suggest a correction" button (`touch()`),
 * outside the `<dialog>`. Everything the reader selected or typed is shown through text
 * bindings, never as HTML.
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart quote - The quote in its context; the exact words are a `<mark>`.
 *
 * @cssprop [--folio-correction-dialog-radius=var(--folio-radius, 6px)] - Corner radius.
 * @cssprop [--folio-correction-dialog-backdrop=rgb(0 0 0 / 0.45)] - The backdrop over the page.
 * @cssprop [--folio-correction-mark=#ffe58a] - Highlight of the quoted words.
 */
export class FolioCorrectionDialog extends LitElement {
  static override styles = styles;

  /** Where the reader is: editing, sending, sent, queued (saved for later) or refused. */
  phase: CorrectionPhase = 'editing';

  // The state is private and plain; whatever changes it renders at once (#set, touch()), so the
  // DOM is up to date in the same task. The request's quote is replaced when the reader trims it.
  #request?: CorrectionRequest;
  #message?: string;
  /** The field the reader has to fix (marked invalid, the status saying why), if any. */
  #invalid?: string;
  #press?: () => void;

  #query<T extends Element = HTMLElement>(selector: string): T {
    return this.renderRoot.querySelector(selector) as T;
  }

  /** Moves to a phase with its status message, and renders. */
  #set(phase: CorrectionPhase, message?: string): void {
    this.phase = phase;
    this.#message = message;
    this.touch();
  }

  /** Whether the dialog is showing. */
  get open(): boolean {
    return !!this.#query<HTMLDialogElement>('dialog')?.open;
  }

  /**
   * Opens the dialog for a request, synchronously: it renders, shows modally and focuses the
   * corrected-text field (prefilled with the quote, the caret at its end) in the same task as the keypress.
   */
  show(request: CorrectionRequest): void {
    const { quote, send } = (this.#request = request);
    this.#invalid = '';
    this.lang = request.language;
    this.#set('editing', send ? '' : request.strings.correctionNoEndpoint); // renders, and hides the touch button
    this.#query<HTMLFormElement>('form').reset();
    const dialog = this.#query<HTMLDialogElement>('dialog');
    if (!dialog.open) dialog.showModal();
    const field = this.#query<HTMLTextAreaElement>(send ? '#suggestion' : '#done');
    field.focus();
    // Filled once focused, so every engine puts the caret at its end (WebKit puts it at the start
    // of a field filled earlier).
    if (send) field.value = quote?.exact ?? '';
  }

  /** Closes the dialog; the browser gives focus back to where it was before `show()`. */
  close(): void {
    this.#query<HTMLDialogElement>('dialog').close();
  }

  /**
   * Shows the touch-screen "Suggest a correction" button under `rect` (a settled selection in
   * `article`), calling `press` when it is pressed; without `rect`, hides it. A real button, in
   * this shadow root where the page's CSS cannot reach it, absolute in the document so it
   * scrolls with the words, and under them, where the system's own selection menu (usually
   * above) leaves it visible.
   */
  touch(rect?: DOMRect, article?: ArticleElement, press?: () => void): void {
    // Renders now (the element may have been made in this same task; #set relies on it too).
    this.requestUpdate();
    this.performUpdate();
    const button = this.#query<HTMLButtonElement>('.touch');
    if ((button.hidden = !rect)) return;
    this.#press = press;
    button.textContent = article!.localStrings.suggestCorrection;
    button.lang = article!.language;
    // The host is absolutely positioned: the button is placed from it, whatever the page's layout.
    const host = this.getBoundingClientRect();
    button.style.left = `${Math.min(rect!.left, innerWidth - button.offsetWidth - TOUCH_GAP) - host.left}px`;
    button.style.top = `${rect!.bottom + TOUCH_GAP - host.top}px`;
  }

  #trim(): void {
    const request = this.#request!;
    const quote = request.quote!;
    const field = this.#query<HTMLTextAreaElement>('#suggestion');
    request.quote = trimQuote(quote, MAX_QUOTE);
    if (field.value === quote.exact) field.value = request.quote.exact;
    this.touch();
    field.focus();
  }

  async #submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    // Send exists only while the form can be sent (see render); while sending, it is aria-disabled.
    if (this.phase === 'sending') return;
    const request = this.#request!;
    const { quote, send, strings: s } = request;
    // The form's controls by id.
    const { suggestion, comment, email, hp } = (e.target as HTMLFormElement).elements as unknown as Record<
      Field,
      HTMLInputElement
    >;
    // The first thing to fix: a quote over the limit (the trim offer says so), an unchanged text
    // without a comment, an email that is not one. Longer texts than MAX_TEXT cannot be typed or
    // pasted (maxlength); the receiver refuses them too.
    const unchanged = !suggestion.value.trim() || suggestion.value === quote?.exact;
    let invalid: HTMLElement | undefined;
    let error: string | undefined;
    if (quote && quote.exact.length > MAX_QUOTE) invalid = this.#query('.limit button');
    else if (unchanged && !comment.value.trim()) [invalid, error] = [suggestion, s.correctionEmpty];
    else if (email.validity.typeMismatch) [invalid, error] = [email, s.correctionEmailError];
    this.#invalid = invalid?.id;
    if (invalid) {
      this.#set(this.phase, error);
      invalid.focus();
      return;
    }
    this.#set('sending', s.correctionSending);
    // The email field trims its value itself (type=email).
    const result = await send!({
      quote,
      suggestion: suggestion.value,
      comment: comment.value,
      email: email.value,
      honeypot: hp.value,
    });
    if (this.#request !== request) return; // opened again meanwhile
    if (result.outcome === 'refused') {
      this.#set('refused', format(s.correctionRefused, { reason: result.message }));
      return;
    }
    this.#set(result.outcome, result.outcome === 'sent' ? s.correctionSent : s.correctionQueued);
    this.#query('#done').focus();
  }

  // The quote is shown in its context, which is an excerpt: ellipses on both sides.
  // Fields are limited to MAX_TEXT characters: maxlength stops typing and pasting beyond.
  // A field to fix is marked invalid and described by the status line, which says why.
  // The honeypot (#hp) is for bots only: off-screen, out of the tab order, hidden from screen
  // readers. Send is aria-disabled while sending, not disabled: that would drop the reader's focus.
  protected override render() {
    const { strings: s = en, quote, send } = this.#request ?? ({} as Partial<CorrectionRequest>);
    const editable = send && this.phase !== 'sent' && this.phase !== 'queued';
    const invalid = this.#invalid;
    const before = quote?.prefix && '…' + quote.prefix;
    const after = quote?.suffix && quote.suffix + '…';
    return html`<dialog part=dialog aria-labelledby=title>
        <form novalidate @submit=${this.#submit}>
          <h2 id=title>${s.suggestCorrection}</h2>
          ${
            quote &&
            html`<figure part=quote>
              <figcaption>${s.correctionQuote}</figcaption>
              <blockquote>${before}<mark>${quote.exact}</mark>${after}</blockquote>
            </figure>
            ${
              editable && quote.exact.length > MAX_QUOTE
                ? html`<p class=limit>
                  ${format(s.correctionTooLong, { count: quote.exact.length, max: MAX_QUOTE })}
                  <button type=button @click=${this.#trim}
                    >${format(s.correctionTrim, { max: MAX_QUOTE })}</button
                  >
                </p>`
                : ''
            }`
          }
          <div ?hidden=${!editable}>
            <label for=suggestion>${quote ? s.correctionSuggestion : s.correctionSuggestionGeneral}</label>
            <textarea id=suggestion rows=3 maxlength=${MAX_TEXT} aria-invalid=${invalid === 'suggestion'}
              aria-describedby=status></textarea>
            <label for=comment>${s.correctionComment}</label>
            <textarea id=comment rows=3 maxlength=${MAX_TEXT}></textarea>
            <label for=email>${s.correctionEmail}</label>
            <input id=email type=email autocomplete=email aria-invalid=${invalid === 'email'}
              aria-describedby=status>
            <input id=hp name=website tabindex=-1 autocomplete=off aria-hidden=true>
          </div>
          <p role=status id=status>${this.#message}</p>
          <div class=actions>
            <button type=button id=done @click=${this.close}
              >${editable ? s.correctionCancel : s.correctionClose}</button
            >
            <button type=submit ?hidden=${!editable} aria-disabled=${this.phase === 'sending'}
              >${s.correctionSend}</button
            >
          </div>
        </form>
      </dialog>
      <button class=touch type=button hidden @pointerdown=${keepSelection} @mousedown=${keepSelection}
        @click=${() => this.#press!()}></button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'folio-correction-dialog': FolioCorrectionDialog;
  }
}
