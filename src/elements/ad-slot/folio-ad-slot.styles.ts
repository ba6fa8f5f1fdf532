import { css } from '../../internal/css.js';

// The label row is 24px high (its line height), part of the reserved height (LABEL_HEIGHT in the
// element); `--_frame` is the rest of the reserve, which the element sets on itself. The frame
// keeps that height until the slot may grow, so a creative arriving late moves nothing; the frame
// (the <slot> itself, made a grid) centres the creative vertically, stretches the slotted
// container to its width, and `text-align` (inherited by the container) centres the creative
// horizontally. Reserved space, not a broken image: hairlines above and below, no fill, a small
// label in the page's UI font; the rules are mid-grey with alpha, readable on light and dark
// pages. A page's own rules for `folio-ad-slot` win over these :host defaults.
export const styles = css`
  :host {
    display: block;
    margin: 24px 0;
    clear: both;
    border-block: 1px solid var(--folio-rule-color, #8080808c);
    text-align: center;
  }
  :host([collapsed]) {
    display: none;
  }
  [part='label'] {
    font: 600 11px/24px var(--folio-font-ui, system-ui, sans-serif);
    text-transform: uppercase;
  }
  slot {
    display: grid;
    align-content: center;
    overflow: hidden;
    height: var(--_frame);
  }
  :host([grown]) slot {
    height: auto;
    min-height: var(--_frame);
  }
`;
