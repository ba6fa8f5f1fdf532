import { css } from 'lit';

// Written compactly: the bundle ships this text as is. The label row is 24px high, part of the
// reserved height (LABEL_HEIGHT in the element); `--_frame` is the rest of the reserve, which
// the element sets on itself. The frame keeps that height until the slot may grow, so a creative
// arriving late moves nothing. Tint and rule are mid-grey with alpha: readable on light and dark
// pages. A page's own rules for `folio-ad-slot` win over these :host defaults.
export const styles = css`
:host{display:block;box-sizing:border-box;margin:24px 0;clear:both;border-top:1px solid var(--folio-rule-color,#8080808c);background:#80808014;
--_font:var(--folio-font-ui,system-ui,sans-serif)}
:host([collapsed]){display:none}
#label{display:block;height:24px;overflow:hidden;font:600 11px/24px var(--_font);letter-spacing:.08em;text-transform:uppercase;text-align:center}
.frame{display:flex;flex-flow:column;align-items:center;justify-content:center;overflow:hidden;height:var(--_frame)}
:host([grown]) .frame{height:auto;min-height:var(--_frame)}
::slotted(*){width:100%;text-align:center}
.size{font:13px/1.4 var(--_font)}
`;
