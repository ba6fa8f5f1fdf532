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

type Field = 'suggestion' | 'comment' | 'email';

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

  // The state is private and plain: whatever changes it asks for a render (#set, requestUpdate).
  #request?: CorrectionRequest;
  #quote: Quote | null = null;
  #message?: string;
  #errors: Partial<Record<Field, string | false>> = {};
  #press?: () => void;

  #$<T extends Element = HTMLElement>(selector: string): T {
    return this.renderRoot.querySelector(selector) as T;
  }

  /** Moves to a phase with its status message, and renders. */
  #set(phase: CorrectionPhase, message?: string): void {
    this.phase = phase;
    this.#message = message;
    this.requestUpdate();
  }

  /** Whether the dialog is showing. */
  get open(): boolean {
    return !!this.#$<HTMLDialogElement>('dialog')?.open;
  }

  /**
   * Opens the dialog for a request, synchronously: it renders, shows modally and focuses the
   * corrected-text field (prefilled with the quote, the caret at its end) in the same task as the keypress.
   */
  show(request: CorrectionRequest): void {
    const { quote, send } = request;
    this.#request = request;
    this.#quote = quote;
    this.#errors = {};
    this.lang = request.language;
    this.#set('editing', send ? '' : request.strings.correctionNoEndpoint);
    this.touch(); // renders now, and hides the touch button
    this.#$<HTMLFormElement>('form').reset();
    const dialog = this.#$<HTMLDialogElement>('dialog');
    if (!dialog.open) dialog.showModal();
    const field = this.#$<HTMLTextAreaElement>(send ? '#suggestion' : '#done');
    field.focus();
    // Filled once focused, so every engine puts the caret at its end (WebKit puts it at the start of a field filled earlier).
    if (send) field.value = quote?.exact ?? '';
  }

  /** Closes the dialog; the browser gives focus back to where it was before `show()`. */
  close(): void {
    this.#$<HTMLDialogElement>('dialog').close();
  }

  /**
   * Shows the touch-screen "Suggest a correction" button under `rect` (a settled selection in
   * `article`), calling `press` when it is pressed; without `rect`, hides it. A real button, in
   * this shadow root where the page's CSS cannot reach it, absolute in the document so it
   * scrolls with the words, and under them, where the system's own selection menu (usually
   * above) leaves it visible.
   */
  touch(rect?: DOMRect, article?: ArticleElement, press?: () => void): void {
    this.performUpdate(); // the pending render, if any (the element may have been made in this same task)
    const button = this.#$<HTMLButtonElement>('.touch');
    if ((button.hidden = !rect)) return;
    this.#press = press;
    button.textContent = article!.localStrings.suggestCorrection;
    button.lang = article!.language;
    // The host is absolutely positioned: the button is placed from it, whatever the page's layout.
    const host = this.getBoundingClientRect();
    button.style.left = `${Math.max(8, Math.min(rect!.left, innerWidth - button.offsetWidth - 8)) - host.left}px`;
    button.style.top = `${rect!.bottom + 8 - host.top}px`;
  }

  #trim(): void {
    const quote = this.#quote!;
    const field = this.#$<HTMLTextAreaElement>('#suggestion');
    if (field.value == quote.exact) field.value = quote.exact.slice(0, MAX_QUOTE);
    this.#quote = trimQuote(quote, MAX_QUOTE);
    this.requestUpdate();
    field.focus();
  }

  async #submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const request = this.#request!;
    const { send, strings: s } = request;
    const quote = this.#quote;
    // Send exists only while the form can be sent (see render); while sending, it is aria-disabled.
    if (this.phase == 'sending') return;
    if (quote && quote.exact.length > MAX_QUOTE) return this.#$('.limit button').focus();
    const [suggestion, comment, email, honeypot] = ['#suggestion', '#comment', '#email', '#hp'].map((id) => this.#$<HTMLInputElement>(id).value);
    // Longer texts than MAX_TEXT cannot be typed or pasted (maxlength); the receiver refuses them too.
    this.#errors = {
      suggestion: !comment.trim() && (!suggestion.trim() || suggestion == quote?.exact) && s.correctionEmpty,
      email: this.#$<HTMLInputElement>('#email').validity.typeMismatch && s.correctionEmailError,
    };
    this.requestUpdate();
    await this.updateComplete;
    const invalid = this.#$('[aria-invalid=true]');
    if (invalid) return invalid.focus();
    this.#set('sending', s.correctionSending);
    // The email field trims its value itself (type=email).
    const result = await send!({ quote, suggestion, comment, email, honeypot });
    if (this.#request != request) return; // opened again meanwhile
    const { outcome } = result;
    this.#set(
      outcome,
      outcome == 'refused' ? format(s.correctionRefused, { reason: result.message }) : outcome == 'sent' ? s.correctionSent : s.correctionQueued,
    );
    await this.updateComplete;
    if (outcome != 'refused') this.#$('#done').focus();
  }

  // Label, control and error, without a wrapper: the controls' margins space the fields.
  #field(id: Field, label: string) {
    const error = this.#errors[id];
    return html`<label for=${id}>${label}</label>
      ${id == 'email'
        ? html`<input id=email type=email autocomplete=email aria-invalid=${!!error} aria-describedby=email-error>`
        : html`<textarea id=${id} rows=3 maxlength=${MAX_TEXT} aria-invalid=${!!error} aria-describedby="${id}-error"></textarea>`}
      <p class=error id="${id}-error">${error}</p>`;
  }

  // The quote is shown in its context, which is an excerpt: ellipses on both sides.
  // The honeypot (#hp) is for bots only: off-screen, out of the tab order, hidden from screen
  // readers. Send is aria-disabled while sending, not disabled: that would drop the reader's focus.
  protected override render() {
    const s = this.#request?.strings ?? en;
    const quote = this.#quote;
    const editable = this.#request?.send && this.phase != 'sent' && this.phase != 'queued';
    return html`<dialog part=dialog aria-labelledby=title>
        <form novalidate @submit=${this.#submit}>
          <h2 id=title>${s.suggestCorrection}</h2>
          ${quote &&
          html`<figure part=quote>
              <figcaption>${s.correctionQuote}</figcaption>
              <blockquote>${quote.prefix && '…' + quote.prefix}<mark>${quote.exact}</mark>${quote.suffix && quote.suffix + '…'}</blockquote>
            </figure>
            ${editable && quote.exact.length > MAX_QUOTE
              ? html`<p class=limit>
                  ${format(s.correctionTooLong, { count: quote.exact.length, max: MAX_QUOTE })}
                  <button type=button @click=${this.#trim}>${format(s.correctionTrim, { max: MAX_QUOTE })}</button>
                </p>`
              : ''}`}
          <div ?hidden=${!editable}>
            ${this.#field('suggestion', quote ? s.correctionSuggestion : s.correctionSuggestionGeneral)}
            ${this.#field('comment', s.correctionComment)} ${this.#field('email', s.correctionEmail)}
            <input id=hp name=website tabindex=-1 autocomplete=off aria-hidden=true>
          </div>
          <p role=status>${this.#message}</p>
          <div class=actions>
            <button type=button id=done @click=${this.close}>${editable ? s.correctionCancel : s.correctionClose}</button>
            ${editable ? html`<button type=submit aria-disabled=${this.phase == 'sending'}>${s.correctionSend}</button>` : ''}
          </div>
        </form>
      </dialog>
      <button class=touch type=button hidden @pointerdown=${keepSelection} @mousedown=${keepSelection} @click=${() => this.#press!()}></button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'folio-correction-dialog': FolioCorrectionDialog;
  }
}
