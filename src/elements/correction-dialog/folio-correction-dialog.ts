import { html, LitElement } from 'lit';
import { MAX_QUOTE, MAX_TEXT } from '../../corrections/annotation.js';
import type { Delivery } from '../../corrections/outbox.js';
import { CONTEXT, trimQuote, type Quote } from '../../corrections/selectors.js';
import { isCorrectionKey } from '../../corrections/trigger.js';
import { en, format, type FolioStrings } from '../../i18n/strings.js';
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
 * One per page, made on first use by the corrections controller and opened with `show()`. It
 * also draws the touch-screen "Suggest a correction" button (`touch()`), outside the `<dialog>`.
 * Everything the reader selected or typed is shown through text bindings, never as HTML.
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

  static override properties = { phase: { reflect: true } };

  /** Where the reader is: editing, sending, sent, queued (saved for later) or refused. */
  phase: CorrectionPhase = 'editing';

  // The rest of the state is private; whatever changes it asks for a render (requestUpdate).
  #request?: CorrectionRequest;
  #quote: Quote | null = null;
  #message?: string;
  #errors: Partial<Record<Field, string>> = {};
  #press?: () => void;

  #$<T extends Element = HTMLElement>(selector: string): T {
    return this.renderRoot?.querySelector(selector) as T;
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
    this.#request = request;
    this.#quote = request.quote;
    this.#message = request.send ? '' : request.strings.correctionNoEndpoint;
    this.#errors = {};
    this.lang = request.language;
    this.phase = 'editing';
    if (!this.isConnected) document.body.append(this);
    this.requestUpdate();
    this.touch(); // renders now, and hides the touch button
    this.#$<HTMLFormElement>('form').reset();
    const field = this.#$<HTMLTextAreaElement>('#suggestion');
    const text = (field.value = request.quote?.exact ?? '');
    if (!this.open) this.#$<HTMLDialogElement>('dialog').showModal();
    if (!request.send) return this.#$('#done').focus();
    field.focus();
    field.setSelectionRange(text.length, text.length); // WebKit focuses with the caret at the start
  }

  /** Closes the dialog; the browser gives focus back to where it was before `show()`. */
  close(): void {
    this.#$<HTMLDialogElement>('dialog')?.close();
  }

  /**
   * Shows the touch-screen "Suggest a correction" button under `rect` (a settled selection),
   * calling `press` when it is pressed; without `rect`, hides it. A real button, in this shadow
   * root where the page's CSS cannot reach it, absolute in the document so it scrolls with the
   * words, and under them, where the system's own selection menu (usually above) leaves it visible.
   */
  touch(rect?: DOMRect, label?: string, lang?: string, press?: () => void): void {
    this.performUpdate(); // the pending render, if any (the element may have been made in this same task)
    const button = this.#$<HTMLButtonElement>('.touch');
    button.hidden = !rect;
    if (!rect) return;
    this.#press = press;
    button.textContent = label!;
    button.lang = lang!;
    // The host is absolutely positioned: the button is placed from it, whatever the page's layout.
    const host = this.getBoundingClientRect();
    button.style.left = `${Math.max(8, Math.min(rect.left, innerWidth - button.offsetWidth - 8)) - host.left}px`;
    button.style.top = `${rect.bottom + 8 - host.top}px`;
  }

  /** Whether the form is there to fill in (not after it was sent or saved, nor without an endpoint). */
  get #editable(): boolean {
    return this.phase != 'sent' && this.phase != 'queued' && !!this.#request?.send;
  }

  #keydown(e: KeyboardEvent): void {
    if (isCorrectionKey(e) && this.#editable) {
      e.preventDefault();
      this.#$<HTMLFormElement>('form').requestSubmit();
    }
  }

  #trim(): void {
    const quote = this.#quote!;
    const field = this.#$<HTMLTextAreaElement>('#suggestion');
    if (field.value == quote.exact) field.value = quote.exact.slice(0, MAX_QUOTE);
    this.#quote = trimQuote(quote, MAX_QUOTE);
    this.requestUpdate();
    field.focus();
  }

  /** Sets or clears one field's error. */
  #error(id: Field, message?: string | false): void {
    this.#errors = { ...this.#errors, [id]: message || undefined };
    this.requestUpdate();
  }

  async #submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const request = this.#request!;
    const { send, strings: s } = request;
    const quote = this.#quote;
    // Without `send` there is no form to submit (see #editable); while sending, Send is aria-disabled.
    if (this.phase == 'sending') return;
    if (quote && quote.exact.length > MAX_QUOTE) return this.#$('.limit button').focus();
    const { suggestion, comment, email, website } = Object.fromEntries(new FormData(e.target as HTMLFormElement)) as Record<string, string>;
    const tooLong = format(s.correctionTextTooLong, { max: MAX_TEXT });
    const errors: Partial<Record<Field, string>> = (this.#errors = {});
    if (suggestion.length > MAX_TEXT) errors.suggestion = tooLong;
    else if (!comment.trim() && (!suggestion.trim() || suggestion == quote?.exact)) errors.suggestion = s.correctionEmpty;
    if (comment.length > MAX_TEXT) errors.comment = tooLong;
    if (this.#$<HTMLInputElement>('#email').validity.typeMismatch) errors.email = s.correctionEmailError;
    this.requestUpdate();
    if (Object.keys(errors).length) {
      await this.updateComplete;
      return this.#$('[aria-invalid=true]').focus();
    }
    this.phase = 'sending';
    this.#message = s.correctionSending;
    const result = await send!({ quote, suggestion, comment, email: email.trim(), honeypot: website });
    if (this.#request != request) return; // opened again meanwhile
    this.phase = result.outcome;
    this.#message =
      result.outcome == 'refused'
        ? format(s.correctionRefused, { reason: result.message })
        : result.outcome == 'sent'
          ? s.correctionSent
          : s.correctionQueued;
    await this.updateComplete;
    if (result.outcome != 'refused') this.#$('#done').focus();
  }

  #field(id: Field, label: string) {
    const error = this.#errors[id];
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${id == 'email'
        ? html`<input id="email" name="email" type="email" autocomplete="email" aria-invalid=${!!error} aria-describedby="email-error"
            @change=${(e: Event) => this.#error(id, (e.target as HTMLInputElement).validity.typeMismatch && this.#request!.strings.correctionEmailError)} />`
        : html`<textarea id=${id} name=${id} rows="3" maxlength=${MAX_TEXT} aria-invalid=${!!error} aria-describedby="${id}-error"
            @input=${() => error && this.#error(id)}></textarea>`}
      <p class="error" id="${id}-error">${error}</p>
    </div>`;
  }

  // The honeypot (#hp) is for bots only: off-screen, out of the tab order, hidden from screen
  // readers. Send is aria-disabled while sending, not disabled: that would drop the reader's focus.
  protected override render() {
    const s = this.#request?.strings ?? en;
    const quote = this.#quote;
    const editable = this.#editable;
    return html`<dialog part="dialog" aria-labelledby="title">
        <form novalidate @submit=${this.#submit} @keydown=${this.#keydown}>
          <h2 id="title">${s.suggestCorrection}</h2>
          ${quote &&
          html`<figure part="quote">
            <figcaption>${s.correctionQuote}</figcaption>
            <blockquote>${quote.start > quote.prefix.length ? '…' : ''}${quote.prefix}<mark>${quote.exact}</mark>${quote.suffix}${quote.suffix.length < CONTEXT ? '' : '…'}</blockquote>
          </figure>`}
          ${quote && editable && quote.exact.length > MAX_QUOTE
            ? html`<p class="limit">
                ${format(s.correctionTooLong, { count: quote.exact.length, max: MAX_QUOTE })}
                <button type="button" @click=${this.#trim}>${format(s.correctionTrim, { max: MAX_QUOTE })}</button>
              </p>`
            : ''}
          <div ?hidden=${!editable}>
            ${this.#field('suggestion', quote ? s.correctionSuggestion : s.correctionSuggestionGeneral)}
            ${this.#field('comment', s.correctionComment)} ${this.#field('email', s.correctionEmail)}
            <input class="hp" id="hp" name="website" tabindex="-1" autocomplete="off" aria-hidden="true" />
          </div>
          <p class="status" role="status">${this.#message}</p>
          <div class="actions">
            ${editable
              ? html`<button type="button" @click=${this.close}>${s.correctionCancel}</button>
                  <button type="submit" aria-disabled=${this.phase == 'sending'}>${s.correctionSend}</button>`
              : html`<button type="button" id="done" @click=${this.close}>${s.correctionClose}</button>`}
          </div>
        </form>
      </dialog>
      <button class="touch" type="button" hidden @pointerdown=${keepSelection} @mousedown=${keepSelection}
        @click=${() => this.#press?.()}></button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'folio-correction-dialog': FolioCorrectionDialog;
  }
}
