import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { MAX_TEXT } from '../../corrections/annotation.js';
import type { Delivery } from '../../corrections/outbox.js';
import type { Quote } from '../../corrections/selectors.js';
import { FolioCorrectionCloseRequestEvent, FolioCorrectionHideEvent, FolioCorrectionShowEvent } from '../../events.js';
import { en, format, type FolioStrings } from '../../i18n/strings.js';
import { styles } from './folio-correction-dialog.styles.js';

export type CorrectionPhase = 'editing' | 'sending' | 'sent' | 'queued' | 'refused';

/** What the reader filled in. */
export interface CorrectionFields {
  quote: Quote | null;
  suggestion: string;
  comment: string;
  email: string;
}

/** What the reader wrote for one quote (or for a general correction), kept between openings. */
export interface CorrectionDraft {
  /** The words in the article the reader typed (a general correction). */
  words?: string;
  suggestion?: string;
  comment?: string;
  email?: string;
}

/** One opening of the dialog: the quote, the words to speak, and how to send. */
export interface CorrectionRequest {
  quote: Quote | null;
  strings: FolioStrings;
  language: string;
  /** The article's direction (`ltr`, `rtl`), which the dialog takes; default the page's. */
  dir?: string;
  /** Delivers the correction. */
  send: (fields: CorrectionFields) => Promise<Delivery>;
  /** Finds typed words in the article: the keyboard path to quoting them (a general correction). */
  find?: (words: string) => Quote | null;
  /** Where what the reader writes is kept, and what the fields start with. */
  draft?: CorrectionDraft;
}

/** What a field to fix is told. */
const ERRORS = {
  words: 'correctionWordsNone',
  suggestion: 'correctionEmpty',
  email: 'correctionEmailError',
} as const;
type Invalid = keyof typeof ERRORS;

/** Text from elsewhere (a server's reason) set apart, so its direction cannot reorder the sentence around it. */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** The quote in its context, which is an excerpt: ellipses where it goes on. */
const inContext = ({ prefix, exact, suffix }: Quote) =>
  html`${prefix && '…' + prefix}<mark>${exact}</mark>${suffix && suffix + '…'}`;

/**
 * @tagname folio-correction-dialog
 * @summary The reader's correction form, in a native modal `<dialog>` (focus moves in, the page
 * is inert, focus returns): the quote in its context, or, for a general correction, a field for
 * the words in the article, found as the reader types (the keyboard path to quoting them); the
 * corrected text, a comment and an optional email. A thank-you state replaces the form once it
 * is sent. On a narrow screen it is a bottom sheet whose actions stay in view. It takes the
 * article's language and direction, and the page's colour scheme.
 *
 * One per page, made on first use by the corrections controller and opened with `show()`. Esc
 * and Close ask first (`folio-correction-close-request`, cancelable) and keep what the reader
 * wrote in the request's draft. Everything the reader selected or typed is shown through text
 * bindings, never as HTML.
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart quote - The quote in its context; the exact words are a `<mark>`.
 *
 * @cssprop [--folio-correction-dialog-radius=12px] - Corner radius.
 * @cssprop [--folio-correction-dialog-backdrop=rgb(0 0 0 / 0.45)] - The backdrop over the page.
 * @cssprop [--folio-correction-mark=#ffe58a] - Highlight of the quoted words (dark: #6b5400).
 * @cssprop [--folio-accent-dark=#ff8a80] - The accent in a dark colour scheme (Send).
 *
 * @fires {FolioCorrectionShowEvent} folio-correction-show - The dialog is on screen.
 * @fires {FolioCorrectionHideEvent} folio-correction-hide - The dialog closed (the draft is kept).
 * @fires {FolioCorrectionCloseRequestEvent} folio-correction-close-request - Esc or Close; cancel it to keep
 *   the dialog open.
 */
export class FolioCorrectionDialog extends LitElement {
  static override styles = styles;

  static override properties = {
    open: { type: Boolean, reflect: true },
    phase: { reflect: true },
    request: { attribute: false },
    message: { state: true },
    invalid: { state: true },
  };

  /** Whether the dialog is showing; setting it false closes it. */
  open = false;

  /** Where the reader is: editing, sending, sent, queued (saved for later) or refused. */
  phase: CorrectionPhase = 'editing';

  /** What the dialog is showing (set by `show()`). */
  request?: CorrectionRequest;

  /** The status line: sending, a refusal, no endpoint, or what happens next once sent. */
  private message = '';
  /** The field the reader has to fix, marked invalid and described by the error under it. */
  private invalid?: Invalid;

  #query<T extends Element = HTMLInputElement>(selector: string): T {
    return this.renderRoot.querySelector(selector) as T;
  }

  #draft(): CorrectionDraft {
    return (this.request!.draft ??= {});
  }

  /** The words the correction is about: the selection's, or the first place of the words typed. */
  #quote(): Quote | null {
    const request = this.request;
    return request?.quote ?? request?.find?.(this.#draft().words ?? '') ?? null;
  }

  /** What the show and hide events say: the words the correction is about. */
  #detail() {
    return { quote: this.#quote()?.exact ?? null };
  }

  protected override updated(changed: PropertyValues<this>): void {
    const dialog = this.#query<HTMLDialogElement>('dialog');
    if (changed.has('open') && this.open !== dialog.open) {
      if (this.open) {
        dialog.showModal();
        this.dispatchEvent(new FolioCorrectionShowEvent(this.#detail()));
      } else dialog.close();
    }
  }

  /**
   * Opens the dialog for a request: it renders, shows modally and focuses the first field before
   * the next frame (a microtask after the keypress). The fields start from the request's draft:
   * the words, the corrected text (else the quote itself, the caret at its end), the comment.
   */
  show(request: CorrectionRequest): void {
    this.request = request;
    this.phase = 'editing';
    this.message = '';
    this.invalid = undefined;
    this.lang = request.language;
    this.dir = request.dir ?? '';
    this.open = true;
    // Once it is on screen (before whoever awaits updateComplete next): the fields from the draft, the first focused.
    void this.updateComplete.then(() => this.#fill());
  }

  /** Closes the dialog (what the reader wrote stays in the draft); the browser gives focus back. */
  close(): void {
    this.open = false;
  }

  #fill(): void {
    const { quote } = this.request!;
    const draft = this.#draft();
    // The first field in the form: the words, where asked for, else the corrected text.
    const first = this.#query('#words,#suggestion');
    first.focus();
    // Filled once focused, so every engine puts the caret at the end (WebKit puts it at the start
    // of a field filled before).
    // Every field of the form is drafted: the words (where asked for), the corrected text, the comment, the email.
    for (const field of this.renderRoot.querySelectorAll<HTMLInputElement>('input,textarea')) {
      const id = field.id as keyof CorrectionDraft;
      field.value = draft[id] ?? (id === 'suggestion' ? (quote?.exact ?? '') : '');
    }
    // The caret at the end of what the first field holds, in every engine and on every opening.
    const end = first.value.length;
    first.setSelectionRange(end, end);
  }

  /** Esc: asks first, like the Close button (the platform would close at once). */
  #cancel(e: Event): void {
    e.preventDefault();
    this.#requestClose('keyboard');
  }

  #requestClose(source: 'keyboard' | 'button'): void {
    if (this.dispatchEvent(new FolioCorrectionCloseRequestEvent({ source }))) this.open = false;
  }

  /** The `<dialog>` closed (and the browser gave focus back). */
  #closed(): void {
    // A late close event of an earlier closing: the dialog has been shown again since.
    if (this.#query<HTMLDialogElement>('dialog').open) return;
    this.open = false;
    this.dispatchEvent(new FolioCorrectionHideEvent(this.#detail()));
  }

  /** Typing goes to the draft; the typed words are looked up; a field being fixed is no longer marked. */
  #input(e: Event): void {
    const { id, value } = e.target as HTMLInputElement;
    // (Every field of the form is drafted.)
    this.#draft()[id as keyof CorrectionDraft] = value;
    // The words typed: quoted afresh.
    if (id === 'words') this.requestUpdate();
    if (this.invalid === id) this.invalid = undefined;
  }

  /** The first thing to fix, if any: typed words not found, nothing changed, a bad email. */
  #check(): Invalid | undefined {
    const { words, suggestion, comment, email } = this.#fields();
    const quote = this.#quote();
    if (words?.value.trim() && !quote) return 'words';
    const unchanged = !suggestion.value.trim() || suggestion.value === quote?.exact;
    if (unchanged && !comment.value.trim()) return 'suggestion';
    if (email.validity.typeMismatch) return 'email';
    return undefined;
  }

  /** The form's controls by id. */
  #fields(): Record<string, HTMLInputElement> {
    return this.#query<HTMLFormElement>('form').elements as unknown as Record<string, HTMLInputElement>;
  }

  async #submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    // Send is aria-disabled while sending: a second press sends nothing more.
    if (this.phase === 'sending') return;
    const request = this.request!;
    const s = request.strings;
    this.invalid = this.#check();
    if (this.invalid) {
      await this.updateComplete; // marked and described before it is focused
      this.#query(`#${this.invalid}`).focus();
      return;
    }
    const { suggestion, comment, email } = this.#fields();
    this.phase = 'sending';
    this.message = s.correctionSending;
    // The email field trims its value itself (type=email).
    const result = await request.send({
      quote: this.#quote(),
      suggestion: suggestion.value,
      comment: comment.value,
      email: email.value,
    });
    if (this.request !== request) return; // opened again meanwhile
    this.phase = result.outcome;
    if (result.outcome === 'refused') {
      this.message = format(s.correctionRefused, { reason: isolate(result.message) });
      return;
    }
    this.message = result.outcome === 'sent' ? s.correctionSent : s.correctionQueued;
    await this.updateComplete;
    this.#query('#done').focus();
  }

  /**
   * The error under a field, which the field names as its description: empty (taking no room)
   * until the reader has to fix that field.
   */
  #error(id: keyof typeof ERRORS, s: FolioStrings) {
    return html`<p class=error id="${id}-error">${this.invalid === id ? s[ERRORS[id]] : ''}</p>`;
  }

  // Fields are limited to MAX_TEXT characters: maxlength stops typing and pasting beyond.
  // The keyboard path (a general correction): the words typed are found as the reader types, and
  // the first place they occur is quoted, in context (announced), as a selection of them would be;
  // more words narrow it. Words not in the article are an error on sending, like any field to fix.
  // (No honeypot field: the form exists only once a reader has pressed the keys or the footer's
  // button; bots post to the endpoint directly, where the receiver's rate limits apply.)
  // Send is aria-disabled while sending, not disabled: that would drop the
  // reader's focus. It sits outside the form (in the actions bar, which stays in view), and
  // `form=form` makes it the form's submit button (a button's default type); Close, tied to
  // no form, submits nothing.
  #form(s: FolioStrings, { quote: selected, find }: CorrectionRequest) {
    const { invalid } = this;
    const quote = this.#quote();
    return html`<form id=form novalidate @submit=${this.#submit} @input=${this.#input}>
      ${
        find && !selected
          ? html`<label for=words>${s.correctionWords}</label>
              <input id=words dir=auto autocomplete=off aria-invalid=${invalid === 'words'}
                aria-describedby=words-error>
              ${this.#error('words', s)}`
          : nothing
      }
      <figure aria-live=polite>
        ${
          quote
            ? html`<figcaption>${s.correctionQuote}</figcaption>
                <blockquote part=quote>${inContext(quote)}</blockquote>`
            : nothing
        }
      </figure>
      <label for=suggestion>${quote ? s.correctionSuggestion : s.correctionSuggestionGeneral}</label>
      <textarea id=suggestion dir=auto rows=3 maxlength=${MAX_TEXT} aria-invalid=${invalid === 'suggestion'}
        aria-describedby=suggestion-error></textarea>
      ${this.#error('suggestion', s)}
      <label for=comment>${s.correctionComment}</label>
      <textarea id=comment dir=auto rows=2 maxlength=${MAX_TEXT}></textarea>
      <label for=email>${s.correctionEmail}</label>
      <input id=email type=email dir=auto autocomplete=email aria-invalid=${invalid === 'email'}
        aria-describedby=email-error>
      ${this.#error('email', s)}
    </form>`;
  }

  protected override render() {
    const request = this.request;
    const s = request?.strings ?? en;
    const done = this.phase === 'sent' || this.phase === 'queued';
    const editable = request && !done;
    return html`<dialog part=dialog aria-labelledby=title @cancel=${this.#cancel} @close=${this.#closed}>
      <h2 id=title>${done ? s.correctionThanks : s.suggestCorrection}</h2>
      ${editable ? this.#form(s, request) : nothing}
      <p role=status>${this.message}</p>
      <div class=actions>
        <button id=done @click=${() => this.#requestClose('button')}>${s.correctionClose}</button>
        ${
          editable
            ? html`<button form=form class=primary aria-disabled=${this.phase === 'sending'}
                >${s.correctionSend}</button
              >`
            : nothing
        }
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'folio-correction-dialog': FolioCorrectionDialog;
  }
}
