import { css } from 'lit';

// Knobs are read with fallbacks and never declared here, so a publisher sets them once on :root.
// The fallbacks follow the reader's colour scheme through system colours and light-dark().
export const styles = css`
  dialog {
    box-sizing: border-box;
    inline-size: min(560px, calc(100vw - 24px));
    max-block-size: calc(100dvh - 24px);
    padding: 20px;
    border: 0;
    border-radius: var(--folio-correction-dialog-radius, var(--folio-radius, 6px));
    color-scheme: light dark;
    background: var(--folio-background, Canvas);
    color: var(--folio-text-color, CanvasText);
    font: 15px / 1.45 var(--folio-font-ui, system-ui, sans-serif);
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.3);
    --accent: var(--folio-accent, light-dark(#b3261e, #ff8a80));
  }
  dialog::backdrop {
    background: var(--folio-correction-dialog-backdrop, rgb(0 0 0 / 0.45));
  }
  h2 {
    margin: 0 0 12px;
    font-size: 19px;
  }
  p,
  figure,
  .field {
    margin: 0 0 12px;
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
    color: #1a1a1a;
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
  [aria-invalid='true'] {
    border-color: var(--accent);
  }
  :empty:is(.error, .status) {
    display: none;
  }
  .error,
  .limit {
    margin-block-start: 4px;
    color: var(--folio-error-color, var(--accent));
  }
  .hp {
    position: absolute;
    inset-inline-start: -10000px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
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
  [type='submit'] {
    background: var(--accent);
    color: Canvas;
  }
  [aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  :focus-visible {
    outline: 2px solid var(--folio-focus-color, var(--accent));
    outline-offset: 2px;
  }
`;
