import { css } from 'lit';

/**
 * Enhance mode styles only the chrome Folio adds (the footer); the publisher's own markup keeps
 * the publisher's CSS. Story mode styles everything it renders, with explicit px sizes and line
 * heights so a partner page's resets (`html { font-size: 62.5% }`, odd line heights) cannot
 * shrink or squash the story (`all: initial` drops whatever the page's inherited styles would
 * bring in). Tokens are read with fallbacks, never declared here. Dark mode (story mode): the
 * story follows the reader's `prefers-color-scheme` through `color-scheme` and `light-dark()`.
 */
export const articleStyles = css`
  :host([hidden]) {
    display: none;
  }
  /* Private shorthands for the public tokens; the light-dark() ones turn dark only where color-scheme allows (the story). */
  :host {
    display: block;
    --_text: var(--folio-text-color, light-dark(#1a1a1a, #e8e6e3));
    --_muted: var(--folio-muted-color, light-dark(#4a4a4a, #b5b0a8));
    --_accent: var(--folio-accent, light-dark(#b3261e, #ff8a80));
    --_ui: var(--folio-font-ui, system-ui, sans-serif);
  }

  /* Story mode: a self-contained, readable card in any page, whatever its resets. Sizes in em
     are of the story's base size, which is never under 12px. */
  .story,
  .state {
    all: initial;
    display: block;
    color-scheme: light dark;
    box-sizing: border-box;
    max-inline-size: var(--folio-max-width, 680px);
    margin-inline: auto;
    padding: 16px;
    font: max(12px, var(--folio-font-size, 18px))/var(--folio-line-height, 1.6) var(--folio-font-body, Georgia, serif);
    color: var(--_text);
    background: var(--folio-background, light-dark(#fff, #161616));
    overflow-wrap: break-word;
  }
  header {
    margin-block-end: 24px;
  }
  /* A kicker or standfirst the story does not have (Lit's markers are comments: still :empty). */
  p:empty {
    display: none;
  }
  .kicker,
  .byline,
  .attribution,
  figcaption,
  .story footer {
    font: 14px/1.5 var(--_ui);
  }
  .kicker {
    margin: 0 0 8px;
    font-weight: 700;
    letter-spacing: .04em;
    text-transform: uppercase;
    color: var(--_accent);
  }
  h1,
  h2,
  h3 {
    font-family: var(--folio-font-headline, var(--folio-font-body, Georgia, serif));
    line-height: 1.2;
    margin: 24px 0 8px;
  }
  h1 {
    margin-block-start: 0;
    font-size: 2em;
  }
  h2 {
    font-size: 1.35em;
  }
  h3,
  .standfirst,
  blockquote {
    font-size: 1.15em;
  }
  .standfirst,
  .byline,
  .attribution,
  figcaption,
  .loading {
    color: var(--_muted);
  }
  p,
  ul,
  ol,
  figure {
    margin: 0 0 16px;
  }
  .byline>*+*,
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
    color: var(--_accent);
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
  }
  .credit {
    font-size: 12px;
    text-transform: uppercase;
  }
  .quote {
    margin: 24px 0;
    padding-inline-start: 16px;
  }
  .quote,
  .error {
    border-inline-start: 4px solid var(--_accent);
  }
  blockquote {
    margin: 0;
    font-style: italic;
  }
  .logo {
    vertical-align: middle;
    margin-inline-end: 6px;
  }
  .state {
    font: 16px/1.5 var(--_ui);
  }
  .loading {
    min-block-size: 240px;
  }
  .error h2 {
    margin: 0 0 8px;
    font: 700 18px var(--_ui);
  }

  /* The footer, in both modes: in enhance mode it inherits the publisher's type. */
  footer {
    margin-block-start: 24px;
    padding-block-start: 12px;
    border-block-start: 1px solid var(--folio-rule-color, #8886);
    font-size: 14px;
    line-height: 1.5;
    color: var(--folio-muted-color, inherit);
  }
  button {
    font: inherit;
    color: inherit;
    background: none;
    cursor: pointer;
    padding: 6px 14px;
    border: 1px solid;
    border-radius: var(--folio-radius, 6px);
  }
  .link-button {
    border: 0;
    padding: 0;
    text-decoration: underline;
  }
  :focus-visible {
    outline: 2px solid var(--folio-focus-color, var(--_accent));
    outline-offset: 2px;
  }
  kbd {
    font: .9em ui-monospace, monospace;
    padding: 0 4px;
    border: 1px solid var(--folio-rule-color, #8888);
    border-radius: 3px;
    white-space: nowrap;
  }
`;
