import { css } from 'lit';

// Knobs are read with fallbacks and never declared here, so a publisher sets them once on :root.
// The fallbacks follow the reader's colour scheme through system colours and light-dark().
// Fields and buttons keep the engine's own borders and sizes where those do; the accent marks
// what needs the reader (errors, the trim offer, the buttons, focus).
export const styles = css`
  /* Out of the page's flow; the touch button is placed from here (see touch()). */
  :host {
    position: absolute;
    --accent: var(--folio-accent, light-dark(#b3261e, #ff8a80));
    font: 15px/1.45 var(--folio-font-ui, system-ui, sans-serif);
  }
  /* min(560px, 100vw - 24px) wide, padding included. */
  dialog {
    width: min(520px, 100vw - 64px);
    padding: 20px;
    border: 0;
    border-radius: var(--folio-correction-dialog-radius, var(--folio-radius, 6px));
    color-scheme: light dark;
    background: var(--folio-background, Canvas);
    color: var(--folio-text-color, CanvasText);
  }
  dialog::backdrop {
    background: var(--folio-correction-dialog-backdrop, #00000073);
  }
  /* Empty paragraphs (no error, no status yet) take no room. */
  p:empty {
    display: none;
  }
  h2,
  p,
  figure {
    margin: 0 0 12px;
  }
  h2 {
    font-size: 19px;
  }
  figcaption,
  label {
    font-weight: 600;
  }
  blockquote {
    margin: 0;
    padding: 8px 12px;
    border-inline-start: 4px solid var(--accent);
    overflow-wrap: anywhere;
  }
  mark {
    background: var(--folio-correction-mark, #ffe58a);
  }
  /* Each field: its label, the control (a full line) and its error just under it. */
  textarea,
  input {
    box-sizing: border-box;
    width: 100%;
    margin: 4px 0 12px;
    padding: 6px 8px;
    font: inherit;
  }
  .error {
    margin-top: -8px;
  }
  [aria-invalid=true],
  button {
    border: 1px solid var(--accent);
  }
  .error,
  .limit,
  button {
    color: var(--accent);
  }
  #hp {
    position: absolute;
    left: -9999px;
  }
  .actions {
    text-align: end;
  }
  button {
    padding: 8px 16px;
    border-radius: var(--folio-radius, 6px);
    background: none;
    font: inherit;
  }
  [type=submit],
  .touch {
    background: var(--accent);
    color: Canvas;
  }
  .touch {
    position: absolute;
    z-index: 2147483646;
    min-height: 44px;
  }
  [aria-disabled=true] {
    opacity: 0.6;
  }
  :focus-visible {
    outline: 2px solid var(--folio-focus-color, var(--accent));
    outline-offset: 2px;
  }
`;
