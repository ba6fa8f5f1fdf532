import { html, LitElement, nothing } from 'lit';
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

/** The focused element, looking inside shadow roots (the footer button lives in one). */
function deepActiveElement(): HTMLElement | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el as HTMLElement | null;
}

/**
 * @summary The reader's correction form: the quote in its context, the corrected text, a
 * comment and an optional email, in a native modal `<dialog>` (focus moves in, the page is
 * inert, Esc closes, focus returns).
 *
 * One per page, made on first use by the corrections controller and opened with `show()`.
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

  static override properties = {
    phase: { reflect: true },
    request: { state: true },
    quote: { state: true },
    message: { state: true },
    errors: { state: true },
  };

  /** Where the reader is: editing, sending, sent, queued (saved for later) or refused. */
  phase: CorrectionPhase = 'editing';

  private declare request?: CorrectionRequest;
  private quote: Quote | null = null;
  private message = '';
  private errors: Partial<Record<'suggestion' | 'comment' | 'email', string>> = {};
  private returnTo: HTMLElement | null = null;

  private $<T extends Element>(selector: string): T {
    return this.renderRoot?.querySelector(selector) as T;
  }
  private get dialog() {
    return this.$<HTMLDialogElement>('dialog');
  }
  private get suggestion() {
    return this.$<HTMLTextAreaElement>('#suggestion');
  }
  private get comment() {
    return this.$<HTMLTextAreaElement>('#comment');
  }
  private get email() {
    return this.$<HTMLInputElement>('#email');
  }

  /** Whether the dialog is showing. */
  get open(): boolean {
    return !!this.dialog?.open;
  }

  /**
   * Opens the dialog for a request, synchronously: it renders, shows modally and focuses the
   * corrected-text field (prefilled with the quote) in the same task as the keypress.
   */
  show(request: CorrectionRequest): void {
    // Opened again while open (from the page's code): a new request, the same place to return to.
    if (!this.open) this.returnTo = deepActiveElement();
    this.request = request;
    this.quote = request.quote;
    this.lang = request.language;
    this.phase = 'editing';
    this.message = request.send ? '' : request.strings.correctionNoEndpoint;
    this.errors = {};
    if (!this.isConnected) document.body.append(this);
    this.performUpdate();
    const field = this.suggestion;
    field.value = request.quote?.exact ?? '';
    this.comment.value = this.email.value = this.$<HTMLInputElement>('#hp').value = '';
    if (!this.open) this.dialog.showModal();
    if (request.send) {
      field.focus();
      field.setSelectionRange(field.value.length, field.value.length);
    } else {
      this.$<HTMLButtonElement>('#done').focus();
    }
  }

  /** Closes the dialog; focus goes back where it was. */
  close(): void {
    this.dialog?.close();
  }

  private onClose = () => {
    // The close event comes a task later: the dialog may have been opened again since.
    if (this.open) return;
    const target = this.returnTo;
    this.returnTo = null;
    if (target?.isConnected) target.focus({ preventScroll: true });
  };

  private onKeydown = (e: KeyboardEvent) => {
    if (isCorrectionKey(e) && this.phase !== 'sent' && this.phase !== 'queued') {
      e.preventDefault();
      (e.currentTarget as HTMLFormElement).requestSubmit();
    }
  };

  private trim = () => {
    const quote = this.quote!;
    if (this.suggestion.value === quote.exact) this.suggestion.value = quote.exact.slice(0, MAX_QUOTE);
    this.quote = trimQuote(quote, MAX_QUOTE);
    this.updateComplete.then(() => this.suggestion.focus());
  };

  private validate(): boolean {
    const s = this.request!.strings;
    const tooLong = format(s.correctionTextTooLong, { max: MAX_TEXT });
    const suggestion = this.suggestion.value;
    const comment = this.comment.value;
    const errors: typeof this.errors = {};
    if (suggestion.length > MAX_TEXT) errors.suggestion = tooLong;
    else if (!comment.trim() && (!suggestion.trim() || suggestion === this.quote?.exact)) errors.suggestion = s.correctionEmpty;
    if (comment.length > MAX_TEXT) errors.comment = tooLong;
    if (this.email.validity.typeMismatch) errors.email = s.correctionEmailError;
    this.errors = errors;
    return !Object.keys(errors).length;
  }

  private validateEmail = () => {
    const { email, ...rest } = this.errors;
    this.errors = this.email.validity.typeMismatch ? { ...rest, email: this.request!.strings.correctionEmailError } : rest;
  };

  private onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const request = this.request!;
    if (this.phase === 'sending' || !request.send) return;
    if ((this.quote?.exact.length ?? 0) > MAX_QUOTE) {
      this.$<HTMLButtonElement>('.limit button').focus();
      return;
    }
    if (!this.validate()) {
      await this.updateComplete;
      this.$<HTMLElement>('[aria-invalid=true]')?.focus();
      return;
    }
    const s = request.strings;
    this.phase = 'sending';
    this.message = s.correctionSending;
    const result = await request.send({
      quote: this.quote,
      suggestion: this.suggestion.value,
      comment: this.comment.value,
      email: this.email.value.trim(),
      honeypot: this.$<HTMLInputElement>('#hp').value,
    });
    if (this.request !== request) return; // opened again meanwhile
    this.phase = result.outcome;
    this.message =
      result.outcome === 'sent'
        ? s.correctionSent
        : result.outcome === 'queued'
          ? s.correctionQueued
          : format(s.correctionRefused, { reason: result.message });
    await this.updateComplete;
    if (result.outcome !== 'refused') this.$<HTMLButtonElement>('#done')?.focus();
  };

  private renderField(id: 'suggestion' | 'comment' | 'email', label: string) {
    const error = this.errors[id];
    const invalid = error ? 'true' : 'false';
    const describedBy = `${id}-error`;
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${id === 'email'
        ? html`<input id="email" type="email" autocomplete="email" aria-invalid=${invalid} aria-describedby=${describedBy} @change=${this.validateEmail} />`
        : html`<textarea id=${id} rows="3" maxlength=${MAX_TEXT} aria-invalid=${invalid} aria-describedby=${describedBy}
            @input=${() => error && (this.errors = { ...this.errors, [id]: undefined })}></textarea>`}
      <p class="error" id=${describedBy}>${error ?? ''}</p>
    </div>`;
  }

  // The honeypot (#hp) is for bots only: off-screen, out of the tab order, hidden from screen
  // readers. Send is aria-disabled while sending, not disabled: that would drop the reader's focus.
  protected override render() {
    const s = this.request?.strings ?? en;
    const quote = this.quote;
    const editable = this.phase !== 'sent' && this.phase !== 'queued' && !!this.request?.send;
    return html`<dialog part="dialog" aria-labelledby="title" @close=${this.onClose}>
      <form novalidate @submit=${this.onSubmit} @keydown=${this.onKeydown}>
        <h2 id="title">${s.suggestCorrection}</h2>
        ${quote
          ? html`<figure part="quote">
              <figcaption>${s.correctionQuote}</figcaption>
              <blockquote>${quote.start > quote.prefix.length ? '…' : ''}${quote.prefix}<mark>${quote.exact}</mark>${quote.suffix}${quote.suffix.length < CONTEXT ? '' : '…'}</blockquote>
            </figure>`
          : nothing}
        ${quote && quote.exact.length > MAX_QUOTE && editable
          ? html`<p class="limit">
              ${format(s.correctionTooLong, { count: quote.exact.length, max: MAX_QUOTE })}
              <button type="button" @click=${this.trim}>${format(s.correctionTrim, { max: MAX_QUOTE })}</button>
            </p>`
          : nothing}
        <div ?hidden=${!editable}>
          ${this.renderField('suggestion', quote ? s.correctionSuggestion : s.correctionSuggestionGeneral)}
          ${this.renderField('comment', s.correctionComment)} ${this.renderField('email', s.correctionEmail)}
          <div class="hp" aria-hidden="true"><input id="hp" name="website" tabindex="-1" autocomplete="off" /></div>
        </div>
        <p class="status" role="status">${this.message}</p>
        <div class="actions">
          ${editable
            ? html`<button type="button" @click=${this.close}>${s.correctionCancel}</button>
                <button type="submit" aria-disabled=${this.phase === 'sending' ? 'true' : 'false'}>${s.correctionSend}</button>`
            : html`<button type="button" id="done" @click=${this.close}>${s.correctionClose}</button>`}
        </div>
      </form>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'folio-correction-dialog': FolioCorrectionDialog;
  }
}
