import { css } from 'lit';

/**
 * Enhance mode styles only the chrome Folio adds (the footer); the publisher's own markup keeps
 * the publisher's CSS. Story mode styles everything it renders, with explicit px sizes and line
 * heights so a partner page's resets (`html { font-size: 62.5% }`, odd line heights) cannot
 * shrink or squash the story. Tokens are read with fallbacks, never declared here.
 */
export const articleStyles = css`
  :host([hidden]) {
    display: none;
  }
  /* Private shorthands for the public tokens (story mode's dark scheme swaps only these). */
  :host {
    display: block;
    --_text: var(--folio-text-color, #1a1a1a);
    --_muted: var(--folio-muted-color, #4a4a4a);
    --_accent: var(--folio-accent, #b3261e);
    --_ui: var(--folio-font-ui, system-ui, sans-serif);
    --_size: var(--folio-font-size, 18px);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* Story mode: a self-contained, readable card in any page, whatever its resets. */
  .story,
  .state {
    box-sizing: border-box;
    max-inline-size: var(--folio-max-width, 680px);
    margin-inline: auto;
    padding: var(--folio-padding, 16px);
    font: max(12px, var(--_size)) / var(--folio-line-height, 1.6) var(--folio-font-body, Georgia, serif);
    color: var(--_text);
    background: var(--folio-background, #fff);
    text-align: start;
    visibility: visible;
    overflow-wrap: break-word;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
  }
  .header {
    margin-block-end: 24px;
  }
  .kicker,
  .byline,
  .attribution,
  figcaption,
  .state,
  .story .footer {
    font-family: var(--_ui);
  }
  .kicker {
    margin: 0 0 8px;
    font-size: 14px;
    font-weight: 700;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--_accent);
  }
  .headline,
  h2,
  h3 {
    font-family: var(--folio-font-headline, var(--folio-font-body, Georgia, serif));
    line-height: 1.2;
    margin: 24px 0 8px;
  }
  .headline {
    margin-block-start: 0;
    font-size: max(24px, 2 * var(--_size));
  }
  h2 {
    font-size: calc(1.35 * var(--_size));
  }
  h3,
  .standfirst,
  blockquote {
    font-size: calc(1.15 * var(--_size));
  }
  .standfirst,
  .byline,
  .attribution,
  figcaption,
  .loading {
    color: var(--_muted);
  }
  .standfirst,
  .byline,
  .attribution,
  .error p,
  .body :is(p, ul, ol),
  figure {
    margin: 0 0 16px;
  }
  .byline,
  .attribution {
    font-size: 14px;
    line-height: 1.5;
  }
  .byline > * + *,
  .credit,
  .canonical {
    margin-inline-start: 12px;
  }
  .by {
    font-weight: 600;
    color: var(--_text);
  }
  a,
  .link-button {
    color: var(--folio-link-color, var(--_accent));
  }
  .section {
    /* Sections far from the viewport skip layout and paint until the reader gets near. */
    content-visibility: auto;
    contain-intrinsic-size: auto 2400px;
  }
  figure img {
    display: block;
    max-inline-size: 100%;
    block-size: auto;
  }
  figcaption {
    margin-block-start: 6px;
    font-size: 14px;
    line-height: 1.4;
  }
  .credit {
    font-size: 12px;
    text-transform: uppercase;
  }
  .quote {
    margin: 24px 0;
    padding-inline-start: 16px;
    border-inline-start: 4px solid var(--_accent);
  }
  blockquote,
  blockquote p {
    margin: 0;
    font-style: italic;
  }
  .logo {
    vertical-align: middle;
    margin-inline-end: 6px;
  }
  .state {
    font-size: 16px;
  }
  .loading {
    min-block-size: 240px;
  }
  .error {
    border-inline-start: 4px solid var(--_accent);
  }
  .error h2 {
    margin: 0 0 8px;
    font: 700 18px var(--_ui);
  }

  /* The footer, in both modes: in enhance mode it inherits the publisher's type. */
  .footer {
    margin-block-start: 24px;
    padding-block-start: 12px;
    border-block-start: 1px solid var(--folio-rule-color, #8886);
    font-size: var(--folio-footer-font-size, 14px);
    line-height: 1.5;
    color: var(--folio-muted-color, inherit);
  }
  .footer p {
    margin: 0;
  }
  .link-button,
  .retry {
    font: inherit;
    background: none;
    cursor: pointer;
  }
  .link-button {
    border: 0;
    padding: 0;
    text-decoration: underline;
  }
  .retry {
    padding: 6px 14px;
    border: 1px solid;
    border-radius: var(--folio-radius, 6px);
    color: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--folio-focus-color, var(--_accent));
    outline-offset: 2px;
  }
  kbd {
    font: 0.9em var(--folio-font-mono, ui-monospace, monospace);
    padding: 0 4px;
    border: 1px solid var(--folio-rule-color, #8888);
    border-radius: 3px;
    white-space: nowrap;
  }

  @media (prefers-color-scheme: dark) {
    .story,
    .state {
      --_text: var(--folio-text-color, #e8e6e3);
      --_muted: var(--folio-muted-color, #b5b0a8);
      --_accent: var(--folio-accent, #ff8a80);
      background: var(--folio-background, #161616);
    }
  }
`;

/** The ads debug view (story mode): one line per gap between blocks, taken or refused and why. */
export const debugStyles = css`
  .debug {
    margin: 4px 0;
    padding: 2px 8px;
    font: 12px/1.4 var(--folio-font-mono, ui-monospace, monospace);
    color: #7a1f1f;
    background: #fbe9e9;
    border: 1px dashed currentColor;
  }
  .debug[data-taken] {
    color: #0b5d1e;
    background: #e3f6e8;
  }
`;
