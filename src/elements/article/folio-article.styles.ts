import { css } from '../../internal/css.js';

/**
 * Enhance mode styles only the chrome Folio adds (the footer); the publisher's own markup keeps
 * the publisher's CSS. Story mode styles everything it renders (the loading and error states
 * too), with explicit px sizes and line heights so a partner page's resets
 * (`html { font-size: 62.5% }`, odd line heights) cannot shrink or squash the story
 * (`all: initial` drops whatever the page's inherited styles would bring in). Tokens are read
 * with fallbacks, never declared here. Dark mode (story mode): `light-dark()` under the page's own
 * `color-scheme`, so the story is dark only where the page allows dark and the reader prefers
 * it (a light page keeps a light story). Focus rings are the browser's own.
 */
export const articleStyles = css`
  /* (A hidden one keeps the browser's display: none.) */
  :host(:not([hidden])) {
    display: block;
  }

  /* Story mode: a self-contained, readable card in any page, whatever its resets. Sizes in em
     are of the story's base size, which is never under 12px. */
  .story {
    all: initial;
    display: block;
    /* The page's (all: initial reset it): dark only where the page allows it. */
    color-scheme: inherit;
    max-inline-size: var(--folio-max-width, 680px);
    margin-inline: auto;
    padding: 16px;
    font: max(12px, var(--folio-font-size, 18px))/var(--folio-line-height, 1.6) var(--folio-font-body, Georgia, serif);
    color: var(--folio-text-color, light-dark(#1a1a1a, #e8e6e3));
    background: var(--folio-background, light-dark(#fff, #161616));
    overflow-wrap: break-word;
  }
  /* A kicker, standfirst or caption the story does not have (Lit's markers are comments: still :empty). */
  p:empty,
  figcaption:empty {
    display: none;
  }
  /* The footer is in the UI font in both modes. */
  [part='kicker'],
  [part='byline'],
  [part='attribution'],
  figcaption,
  footer {
    font: 14px/1.5 var(--folio-font-ui, system-ui, sans-serif);
  }
  [part='kicker'] {
    font-weight: 700;
    text-transform: uppercase;
  }
  /* Headlines inherit the body font unless --folio-font-headline is set; h2 and h3 keep the
     browser's sizes and margins (em of the story's size). */
  h1,
  h2,
  h3 {
    font-family: var(--folio-font-headline, var(--folio-font-body, Georgia, serif));
    line-height: 1.2;
  }
  h1 {
    margin: 0;
    font-size: 2em;
  }
  [part='standfirst'],
  blockquote {
    font-size: 1.15em;
  }
  [part='standfirst'],
  [part='byline'],
  [part='attribution'],
  figcaption {
    color: var(--folio-muted-color, light-dark(#4a4a4a, #b5b0a8));
  }
  figure {
    margin-inline: 0;
  }
  /* The byline's parts (names, dates) apart; one that wraps starts its line flush, not indented. */
  [part='byline'] > * {
    margin-inline-end: 12px;
  }
  /* The link to the original story, apart from the publisher's name. */
  [part='attribution'] a {
    margin-inline-start: 12px;
  }
  [part='kicker'],
  a,
  footer button {
    color: light-dark(var(--folio-accent, #b3261e), var(--folio-accent-dark, #ff8a80));
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
  .quote {
    padding-inline-start: 16px;
    border-inline-start: 4px solid light-dark(var(--folio-accent, #b3261e), var(--folio-accent-dark, #ff8a80));
  }
  blockquote {
    margin: 0;
    font-style: italic;
  }

  footer {
    margin-block-start: 24px;
    padding-block-start: 12px;
    border-block-start: 1px solid var(--folio-rule-color, #8080808c);
    /* Unset, the page's own colour (enhance mode) or the story's. */
    color: var(--folio-muted-color);
  }
  button {
    font: inherit;
  }
  footer button {
    border: 0;
    padding: 0;
    background: none;
    text-decoration: underline;
  }
  /* The button and the full stop after it on one line: no line starts with the stop. */
  .link {
    white-space: nowrap;
  }
  /* Touch screens have no keys to press: the footer names the route that fits, writing to us. */
  @media (pointer: coarse) {
    .keys {
      display: none;
    }
  }
`;
