import { css } from 'lit';

/** Height of the label row, in px; part of the reserved height. */
export const LABEL_HEIGHT = 24;

export const styles = css`
  :host {
    display: block;
    box-sizing: border-box;
    margin: var(--folio-ad-slot-margin, 24px 0);
    border-block-start: 1px solid var(--folio-ad-slot-rule, var(--folio-rule-color, rgba(128, 128, 128, 0.55)));
    background: var(--folio-ad-slot-background, rgba(128, 128, 128, 0.08));
    clear: both;
  }
  :host([collapsed]) {
    display: none;
  }
  .label {
    display: block;
    height: ${LABEL_HEIGHT}px;
    overflow: hidden;
    font: 600 11px / ${LABEL_HEIGHT}px var(--folio-ad-slot-font, var(--folio-font-ui, system-ui, sans-serif));
    letter-spacing: 0.08em;
    text-transform: uppercase;
    text-align: center;
    color: var(--folio-ad-slot-label-color, inherit);
  }
  /* Fixed until the slot may grow, so a creative arriving late moves nothing. */
  .frame {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    overflow: hidden;
    height: var(--folio-ad-slot-frame, 250px);
  }
  /* The creative's container: full width for fluid ads, inline creatives centred. */
  ::slotted(*) {
    width: 100%;
    max-width: 100%;
    text-align: center;
  }
  :host([grown]) .frame {
    height: auto;
    min-height: var(--folio-ad-slot-frame, 250px);
  }
  .size {
    font: 13px / 1.4 var(--folio-ad-slot-font, var(--folio-font-ui, system-ui, sans-serif));
  }
`;
