import { css } from '../../internal/css.js';

// Knobs are read with fallbacks and never declared here, so a publisher sets them once on :root.
// The colour scheme is the page's (the element is in the page's body, and color-scheme is
// inherited): light-dark() picks the dark values only where the page allows dark. Neutral UI:
// the accent marks only the one primary action; focus (a ring in the text colour) and a field
// to fix (a red border and the error under it) never look alike.
export const styles = css`
  :host {
    /* Out of the page's flow. */
    position: absolute;
    --surface: var(--folio-background, light-dark(#fff, #161616));
    --ink: var(--folio-text-color, light-dark(#1a1a1a, #e8e6e3));
    --rule: light-dark(#767676, #8f8f8f);
    --error: light-dark(#b3261e, #ffb4ab);
    --accent: light-dark(var(--folio-accent, #b3261e), var(--folio-accent-dark, #ff8a80));
    --on-accent: light-dark(#fff, #141414);
    font: 15px/1.5 var(--folio-font-ui, system-ui, sans-serif);
  }
  dialog {
    box-sizing: border-box;
    width: min(560px, 100vw - 32px);
    max-height: min(100dvh - 32px, 800px);
    padding: 0;
    border: 1px solid light-dark(#0000, #fff2);
    border-radius: var(--folio-correction-dialog-radius, 12px);
    background: var(--surface);
    color: var(--ink);
  }
  ::backdrop {
    background: var(--folio-correction-dialog-backdrop, #00000073);
  }
  h2 {
    margin: 0;
    padding: 24px 24px 4px;
    font: 700 22px/1.25 var(--folio-font-headline, var(--folio-font-body, Georgia, serif));
  }
  form {
    padding: 0 24px;
  }
  figure {
    margin: 0;
  }
  figcaption,
  label {
    display: block;
    margin: 20px 0 6px;
    font-weight: 600;
    font-size: 14px;
  }
  blockquote {
    margin: 8px 0 0;
    padding: 12px 16px;
    border-inline-start: 3px solid var(--rule);
    font: 16px/1.55 var(--folio-font-body, Georgia, serif);
    overflow-wrap: anywhere;
  }
  mark {
    background: var(--folio-correction-mark, light-dark(#ffe58a, #6b5400));
    color: inherit;
  }
  /* Fields and buttons share one edge. */
  input,
  textarea,
  button {
    font: inherit;
    color: inherit;
    border: 1px solid var(--rule);
    border-radius: 6px;
    background: var(--surface);
  }
  input,
  textarea {
    box-sizing: border-box;
    display: block;
    width: 100%;
    padding: 9px 12px;
  }
  /* A field to fix: a thicker red border (not a colour alone: the error text says why). */
  [aria-invalid='true'] {
    border-color: var(--error);
    box-shadow: inset 0 0 0 1px var(--error);
  }
  .error {
    margin: 6px 0 0;
    font-size: 14px;
    color: var(--error);
    font-weight: 600;
  }
  /* Empty, its margins collapse into the actions': it takes no room, yet stays for the next announcement. */
  [role='status'] {
    margin: 12px 24px 0;
  }
  /* The actions stay in view at the foot of the dialog while the form scrolls. */
  .actions {
    position: sticky;
    bottom: 0;
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 12px;
    margin-top: 20px;
    padding: 16px 24px;
    border-top: 1px solid var(--rule);
    background: var(--surface);
  }
  button {
    min-height: 44px;
    padding: 0 20px;
    font-weight: 600;
  }
  .primary {
    border-color: var(--accent);
    background: var(--accent);
    color: var(--on-accent);
  }
  [aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  :focus-visible {
    outline: 2px solid var(--folio-focus-color, var(--ink));
    outline-offset: 2px;
  }
  /* Phones: a bottom sheet. */
  @media (max-width: 599px) {
    dialog {
      width: 100%;
      max-width: none;
      max-height: calc(100dvh - 24px);
      margin: auto 0 0;
      border-width: 1px 0 0;
      border-radius: 16px 16px 0 0;
    }
    .actions button {
      flex: 1;
    }
  }
  /* Forced colours (Windows High Contrast): system colours; every edge and control keeps its border,
     which the browser draws in a system colour. */
  @media (forced-colors: active) {
    mark {
      background: Mark;
      color: MarkText;
      forced-color-adjust: none;
    }
    [aria-invalid='true'] {
      border: 3px double CanvasText;
    }
  }
`;
