import { css } from 'lit';

// Knobs are read with fallbacks and never declared here, so a publisher sets them once on :root.
// The fallbacks follow the reader's colour scheme through system colours and light-dark().
// Fields and buttons keep the engine's own borders and sizes where those do; the accent marks
// what needs the reader (errors, the trim offer, the buttons, focus).
export const styles = css`
  /* Out of the page's flow; the touch button is placed from here (see touch()). */
  :host {
    position: absolute;
    --a: var(--folio-accent, light-dark(#b3261e, #ff8a80));
    font: 15px/1.45 var(--folio-font-ui, system-ui, sans-serif);
  }
  /* min(552px, 100vw - 32px) wide with the engine's 1em padding; the engine centres it. */
  dialog {
    width: min(520px, 100vw - 64px);
    border: 0;
    border-radius: var(--folio-correction-dialog-radius, var(--folio-radius, 6px));
    color-scheme: light dark;
    background: var(--folio-background, Canvas);
    color: var(--folio-text-color, CanvasText);
  }
  ::backdrop {
    background: var(--folio-correction-dialog-backdrop, #00000073);
  }
  /* An empty status (nothing to say yet) takes no room. */
  p:empty {
    display: none;
  }
  h2,
  p,
  figure {
    margin: 0 0 12px;
  }
  figcaption,
  label {
    font-weight: 600;
  }
  blockquote {
    margin: 0;
    padding: 0 12px;
    border-inline-start: 4px solid var(--a);
    overflow-wrap: anywhere;
  }
  mark {
    background: var(--folio-correction-mark, #ffe58a);
  }
  /* Each field: its label, then the control on a full line. */
  textarea,
  input {
    box-sizing: border-box;
    width: 100%;
    margin: 4px 0 12px;
    padding: 6px 8px;
  }
  textarea,
  input,
  button {
    font: inherit;
  }
  /* The accent marks what needs the reader: a field to fix, the trim offer, the buttons, focus. */
  [aria-invalid='true'],
  button {
    border: 1px solid var(--a);
  }
  .limit,
  button {
    color: var(--a);
  }
  #hp {
    position: absolute;
    left: -9999px;
  }
  .actions {
    text-align: end;
  }
  /* Spaces Cancel from Send, and the buttons from the status. */
  #done {
    margin: 8px;
  }
  button {
    padding: 8px 16px;
    border-radius: var(--folio-radius, 6px);
    background: none;
  }
  [type='submit'],
  .touch {
    background: var(--a);
    color: Canvas;
  }
  .touch {
    position: absolute;
    z-index: 2147483646;
    min-height: 44px;
  }
  [aria-disabled='true'] {
    opacity: 0.6;
  }
  :focus-visible {
    outline: 2px solid var(--folio-focus-color, var(--a));
    outline-offset: 2px;
  }
`;
