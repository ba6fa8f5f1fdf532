import { css } from 'lit';

/**
 * Enhance mode styles only the chrome Folio adds (the footer); the publisher's own markup keeps
 * the publisher's CSS. Story mode styles everything it renders, with explicit px sizes and line
 * heights so a partner page's resets (`html { font-size: 62.5% }`, odd line heights) cannot
 * shrink or squash the story. Tokens are read with fallbacks, never declared here.
 */
export const articleStyles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* ---- Story mode: a self-contained, readable card in any page ---- */
  .story,
  .state {
    box-sizing: border-box;
    max-inline-size: var(--folio-max-width, 680px);
    margin-inline: auto;
    padding: var(--folio-padding, 16px);
    font-family: var(--folio-font-body, Georgia, 'Times New Roman', serif);
    font-size: max(12px, var(--folio-font-size, 18px));
    line-height: var(--folio-line-height, 1.6);
    color: var(--folio-text-color, #1a1a1a);
    background: var(--folio-background, #fff);
    text-align: start;
    overflow-wrap: break-word;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
  }
  .story *,
  .state * {
    box-sizing: border-box;
  }
  .header {
    margin-block-end: 24px;
  }
  .kicker {
    margin: 0 0 8px;
    font-family: var(--folio-font-ui, system-ui, sans-serif);
    font-size: 14px;
    font-weight: 700;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--folio-accent, #b3261e);
  }
  .headline,
  h2,
  h3 {
    font-family: var(--folio-font-headline, var(--folio-font-body, Georgia, serif));
    line-height: 1.2;
    color: var(--folio-headline-color, inherit);
  }
  .headline {
    margin: 0 0 12px;
    font-size: max(24px, calc(var(--folio-font-size, 18px) * 2));
  }
  h2 {
    font-size: calc(var(--folio-font-size, 18px) * 1.35);
    margin: 32px 0 8px;
  }
  h3 {
    font-size: calc(var(--folio-font-size, 18px) * 1.15);
    margin: 24px 0 8px;
  }
  .standfirst {
    margin: 0 0 12px;
    font-size: calc(var(--folio-font-size, 18px) * 1.15);
    color: var(--folio-muted-color, #4a4a4a);
  }
  .byline,
  .attribution {
    margin: 0 0 16px;
    font-family: var(--folio-font-ui, system-ui, sans-serif);
    font-size: 14px;
    line-height: 1.5;
    color: var(--folio-muted-color, #4a4a4a);
  }
  .byline > * + * {
    margin-inline-start: 12px;
  }
  .by {
    font-weight: 600;
    color: var(--folio-text-color, #1a1a1a);
  }
  a {
    color: var(--folio-link-color, var(--folio-accent, #b3261e));
  }
  .body p,
  .body ul,
  .body ol {
    margin: 0 0 1em;
  }
  .body li + li {
    margin-block-start: 0.25em;
  }
  .section {
    /* Sections far from the viewport skip layout and paint until the reader gets near. */
    content-visibility: auto;
    contain-intrinsic-size: auto 2400px;
  }
  .figure {
    margin: 0 0 1em;
  }
  .figure img {
    display: block;
    max-inline-size: 100%;
    block-size: auto;
    background: var(--folio-placeholder-color, #eee);
  }
  figcaption {
    margin-block-start: 6px;
    font-family: var(--folio-font-ui, system-ui, sans-serif);
    font-size: 14px;
    line-height: 1.4;
    color: var(--folio-muted-color, #4a4a4a);
  }
  .credit {
    margin-inline-start: 8px;
    font-size: 12px;
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  .quote {
    margin: 1.5em 0;
    padding-inline-start: 16px;
    border-inline-start: 4px solid var(--folio-accent, #b3261e);
  }
  .quote blockquote {
    margin: 0;
    font-size: calc(var(--folio-font-size, 18px) * 1.15);
    font-style: italic;
  }
  .quote blockquote p {
    margin: 0;
  }
  .logo {
    vertical-align: middle;
    margin-inline-end: 6px;
  }
  .canonical {
    margin-inline-start: 12px;
  }

  /* ---- States ---- */
  .state {
    font-family: var(--folio-font-ui, system-ui, sans-serif);
    font-size: 16px;
  }
  .loading {
    min-block-size: 240px;
    color: var(--folio-muted-color, #4a4a4a);
  }
  .error {
    border-inline-start: 4px solid var(--folio-error-color, #b3261e);
  }
  .error h2 {
    margin: 0 0 8px;
    font-size: 18px;
    font-family: inherit;
  }
  .error p {
    margin: 0 0 8px;
  }

  /* ---- Footer: both modes ---- */
  .footer {
    margin-block-start: 24px;
    padding-block-start: 12px;
    border-block-start: 1px solid var(--folio-rule-color, rgb(128 128 128 / 0.35));
    font-family: var(--folio-font-ui, inherit);
    font-size: var(--folio-footer-font-size, 14px);
    line-height: 1.5;
    color: var(--folio-muted-color, inherit);
  }
  .story .footer {
    font-family: var(--folio-font-ui, system-ui, sans-serif);
  }
  .footer p {
    margin: 0;
  }
  .link-button {
    font: inherit;
    color: var(--folio-link-color, var(--folio-accent, currentColor));
    background: none;
    border: 0;
    padding: 0;
    text-decoration: underline;
    cursor: pointer;
  }
  .retry {
    font: inherit;
    padding: 6px 14px;
    border: 1px solid currentColor;
    border-radius: var(--folio-radius, 6px);
    background: none;
    color: inherit;
    cursor: pointer;
  }
  .link-button:focus-visible,
  .retry:focus-visible,
  a:focus-visible {
    outline: 2px solid var(--folio-focus-color, var(--folio-accent, #b3261e));
    outline-offset: 2px;
  }
  kbd {
    font-family: var(--folio-font-mono, ui-monospace, monospace);
    font-size: 0.9em;
    padding: 0 4px;
    border: 1px solid var(--folio-rule-color, rgb(128 128 128 / 0.5));
    border-radius: 3px;
    white-space: nowrap;
  }

  @media (prefers-color-scheme: dark) {
    .story,
    .state {
      color: var(--folio-text-color, #e8e6e3);
      background: var(--folio-background, #161616);
    }
    .standfirst,
    .byline,
    .attribution,
    figcaption,
    .loading {
      color: var(--folio-muted-color, #b5b0a8);
    }
    .by {
      color: var(--folio-text-color, #e8e6e3);
    }
    .kicker,
    .story a,
    .story .link-button {
      color: var(--folio-accent, #ff8a80);
    }
    .quote {
      border-inline-start-color: var(--folio-accent, #ff8a80);
    }
    .figure img {
      background: var(--folio-placeholder-color, #2a2a2a);
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
