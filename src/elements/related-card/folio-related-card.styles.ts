import { css } from 'lit';

// Knobs are read with fallbacks, never declared here, so a publisher sets them once on :root;
// dark mode changes only the fallbacks. Written compactly: the bundle ships this text as is.
// The card is the containing block of the stretched link (a::after); label, kicker, teaser and
// date sit above it (z-index) so their text stays selectable, and the card forwards plain clicks.
export const styles = css`
:host{display:block;margin-block:var(--folio-related-card-margin,24px)}
:host([hidden]){display:none}
.card{position:relative;display:flex;flex-wrap:wrap;align-items:flex-start;gap:8px 16px;
padding:var(--folio-related-card-padding,16px);
border-inline-start:var(--folio-related-card-border-width,4px) solid var(--folio-related-card-accent,var(--folio-accent,#b0102a));
border-radius:var(--folio-related-card-radius,var(--folio-radius,6px));
background:var(--folio-related-card-background,#f3f2ef);
color:var(--folio-related-card-color,var(--folio-text-color,#1a1a1a));
font:var(--folio-related-card-font-size,16px)/1.45 var(--folio-related-card-font,var(--folio-font-body,system-ui,sans-serif))}
p{margin:0}
.label,.kicker,.teaser,.date{position:relative;z-index:1}
.label{flex:1 0 100%;font-size:13px;font-variant-caps:all-small-caps;letter-spacing:.06em}
.label,.date{color:var(--folio-related-card-label-color,#575757)}
.text{flex:999 1 240px;min-inline-size:0}
.kicker{font-size:14px;font-weight:700;color:var(--folio-related-card-kicker-color,var(--folio-accent,#b0102a))}
.headline{font:700 var(--folio-related-card-headline-size,20px)/1.25 var(--folio-related-card-headline-font,var(--folio-font-headline,Georgia,serif));overflow-wrap:anywhere}
a{color:inherit;text-decoration:none;outline:0}
a::after{content:'';position:absolute;inset:0;border-radius:var(--folio-related-card-radius,var(--folio-radius,6px))}
a:focus-visible::after{outline:2px solid var(--folio-related-card-accent,var(--folio-accent,#b0102a));outline-offset:2px}
.card:hover a,a:focus-visible{text-decoration:underline}
.teaser,.date{margin-block-start:4px}
.date{display:block;font-size:13px}
img{flex:1 1 160px;max-inline-size:var(--folio-related-card-image-size,200px);block-size:auto;aspect-ratio:16/9;object-fit:cover;
border-radius:4px;background:var(--folio-related-card-placeholder,#dcdad5)}
:host([variant=compact]) .card{padding:var(--folio-related-card-padding,12px)}
:host([variant=compact]) .headline{font-size:var(--folio-related-card-headline-size,17px)}
@media (prefers-color-scheme:dark){
.card{background:var(--folio-related-card-background,#24262a);color:var(--folio-related-card-color,var(--folio-text-color,#ecebe8));
border-inline-start-color:var(--folio-related-card-accent,var(--folio-accent,#ff7a85))}
.kicker{color:var(--folio-related-card-kicker-color,var(--folio-accent,#ff7a85))}
.label,.date{color:var(--folio-related-card-label-color,#b8b6b0)}
img{background:var(--folio-related-card-placeholder,#3a3c40)}
a:focus-visible::after{outline-color:var(--folio-related-card-accent,var(--folio-accent,#ff7a85))}}
`;
