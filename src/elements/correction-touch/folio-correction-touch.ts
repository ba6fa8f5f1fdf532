import { css, html, LitElement } from 'lit';

/** Space between the selection and the button, and between the button and the window's edge, in px. */
const GAP = 8;

/** Keeps the reader's selection: a press on the button would collapse it before the click. */
const keepSelection = (e: Event) => e.preventDefault();

/**
 * @tagname folio-correction-touch
 * @summary The touch-screen "Suggest a correction" button, shown under a settled selection in an
 * article (where there is no Ctrl+Enter to press). A real button, in a shadow root the page's
 * CSS cannot reach, absolute in the document so it scrolls with the words, and under them,
 * where the system's own selection menu (usually above) leaves it visible. One line, never
 * wider than the window.
 *
 * One per page, made on first use by the corrections controller, which calls `place()`.
 *
 * @csspart button - The button.
 */
export class FolioCorrectionTouch extends LitElement {
  static override styles = css`
    :host {
      position: absolute;
      z-index: 2147483646;
    }
    button {
      position: absolute;
      min-height: 44px;
      max-width: calc(100vw - 16px);
      padding: 0 16px;
      border: 1px solid;
      border-radius: 22px;
      background: light-dark(var(--folio-accent, #b3261e), var(--folio-accent-dark, #ff8a80));
      color: light-dark(#fff, #141414);
      font: 600 15px var(--folio-font-ui, system-ui, sans-serif);
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
  `;

  static override properties = { label: {} };

  /** The button's text, in the article's language. */
  label = '';

  /** What pressing the button does. */
  press?: () => void;

  /**
   * Shows the button under `rect` (a settled selection), labelled `label` in `lang`, calling
   * `press` when pressed.
   */
  async place(rect: DOMRect, label: string, lang: string, press: () => void): Promise<void> {
    Object.assign(this, { label, lang, press, hidden: false });
    await this.updateComplete;
    const button = this.renderRoot.querySelector('button')!;
    // The host stands where the page's flow puts it: the button is placed from there.
    const host = this.getBoundingClientRect();
    const left = Math.max(GAP, Math.min(rect.left, innerWidth - button.offsetWidth - GAP));
    button.style.left = `${left - host.left}px`;
    button.style.top = `${rect.bottom + GAP - host.top}px`;
  }

  protected override render() {
    return html`<button type=button part=button @pointerdown=${keepSelection} @mousedown=${keepSelection}
      @click=${() => this.press?.()}>${this.label}</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'folio-correction-touch': FolioCorrectionTouch;
  }
}
