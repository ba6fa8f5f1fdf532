import { css } from '../../internal/css.js';

// Theming: the global --folio-* tokens, two card knobs (accent, background) and the ::parts. All
// are read with fallbacks, never declared here, so a publisher sets them once on :root. The
// fallbacks that differ by colour scheme are light-dark() pairs, which follow the page's
// color-scheme (inherited: dark only where the page allows it and the reader prefers it; --_a
// holds the accent), so dark mode never overrides a publisher's value. The label is the text
// colour, dimmed.
// The card is the containing block of the stretched link (a::after), which covers it all: a
// click anywhere on the card is the link's (its text is not selectable, as with any card link).
// The focus ring is drawn by the stretched link's a::after, so it surrounds the whole card.
// The teaser slot is hidden when it has nothing to show: nothing slotted, no fallback text.
// overflow-wrap:anywhere on the card lets a long word or URL break rather than widen the text column.
export const styles = css`
  :host {
    display: block;
    margin-block: 24px;
    --_a: light-dark(var(--folio-accent, #b3261e), var(--folio-accent-dark, #ff8a80));
  }
  :host([hidden]),
  :host(:empty) slot:empty {
    display: none;
  }
  [part='card'] {
    position: relative;
    padding: 16px;
    border-inline-start: 4px solid var(--folio-related-card-accent, var(--_a));
    border-radius: var(--folio-radius, 6px);
    background: var(--folio-related-card-background, light-dark(#f3f2ef, #24262a));
    color: var(--folio-text-color, light-dark(#1a1a1a, #e8e6e3));
    font: 16px/1.45 var(--folio-font-ui, system-ui, sans-serif);
    overflow-wrap: anywhere;
  }
  [part='label'] {
    font-size: 13px;
    opacity: 0.8;
  }
  [part='kicker'] {
    font-size: 14px;
    font-weight: 700;
    color: var(--_a);
  }
  [part='headline'] {
    font: 700 20px/1.25 var(--folio-font-headline, var(--folio-font-body, Georgia, serif));
  }
  a {
    color: inherit;
    text-decoration: none;
    outline: 0;
  }
  a::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: var(--folio-radius, 6px);
  }
  a:focus-visible::after {
    outline: 2px solid var(--folio-related-card-accent, var(--_a));
    outline-offset: 2px;
  }
  [part='card']:hover a {
    text-decoration: underline;
  }
  slot {
    display: block;
    margin-top: 4px;
  }
`;
