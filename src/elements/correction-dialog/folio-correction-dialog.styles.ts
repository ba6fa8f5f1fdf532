import { css } from 'lit';

// Knobs are read with fallbacks and never declared here, so a publisher sets them once on :root.
// The fallbacks follow the reader's colour scheme through system colours and light-dark().
export const styles = css`
  /* Out of the page's flow; the touch button is placed from here (see touch()). */
  :host {
    position: absolute;
    --accent: var(--folio-accent, light-dark(#b3261e, #ff8a80));
    font: 15px/1.45 var(--folio-font-ui, system-ui, sans-serif);
  }
  /* min(560px, 100vw - 24px) wide, padding included. */
  dialog {
    inline-size: min(520px, 100vw - 64px);
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
  h2,
  p,
  figure,
  .field {
    margin: 0 0 12px;
  }
  h2 {
    font-size: 19px;
  }
  figcaption,
  label {
    display: block;
    margin-block-end: 4px;
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
  textarea,
  input {
    box-sizing: border-box;
    inline-size: 100%;
    padding: 6px 8px;
    border: 1px solid GrayText;
    border-radius: 4px;
    font: inherit;
  }
  [aria-invalid=true] {
    border-color: var(--accent);
  }
  :empty:is(.error, .status) {
    display: none;
  }
  .error,
  .limit {
    margin-block-start: 4px;
    color: var(--accent);
  }
  .hp {
    position: absolute;
    left: -9999px;
  }
  .actions {
    display: flex;
    justify-content: flex-end;
    gap: 8px;
  }
  button {
    padding: 8px 16px;
    border: 1px solid var(--accent);
    border-radius: var(--folio-radius, 6px);
    background: none;
    color: var(--accent);
    font: inherit;
    cursor: pointer;
  }
  [type=submit],
  .touch {
    background: var(--accent);
    color: Canvas;
  }
  .touch {
    position: absolute;
    z-index: 2147483646;
    min-block-size: 44px;
    border-radius: 22px;
    box-shadow: 0 2px 8px #0000004d;
  }
  [aria-disabled=true] {
    opacity: .6;
    cursor: progress;
  }
  :focus-visible {
    outline: 2px solid var(--folio-focus-color, var(--accent));
    outline-offset: 2px;
  }
`;
