// Screenshots of what Folio adds to an article, for the README (demo/images/<piece>-*.png): the
// ad slot between two paragraphs, the inline related card and the corrections footer on the
// publisher's demo page (demo/index.html, enhance mode), and story mode's header on the partner's
// (demo/embed.html); each light and dark, desktop (1280×900) and phone (390×844 at 2×), cropped to
// the piece with whole lines of the text around it. In headless Chromium through playwright-core,
// against the demo server on a throwaway database. `npm run build` first; then
// `node test/tools/pieces-screenshots.mjs`. OUT_DIR writes them elsewhere (an older build's,
// to compare); PIECES=slot,card takes only those.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createFolioServer } from '../../server/index.mjs';
import { chromiumArgs, findChromium } from './find-browser.mjs';

const OUT = process.env.OUT_DIR
  ? path.resolve(process.env.OUT_DIR)
  : new URL('../../demo/images/', import.meta.url).pathname;
const ONLY = process.env.PIECES?.split(',');
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
/** Lines of the article's own text kept above and below a piece, so it is seen in its place. */
const CONTEXT_LINES = 3;
/** Space kept beside the article column and under the last piece. */
const MARGIN = 16;
/** Room for glyphs that reach past their line box (a tight line height), at the crop's edges. */
const BLEED = 4;

mkdirSync(OUT, { recursive: true });
const app = await createFolioServer({ demo: true, db: ':memory:', rateLimits: [], editorToken: 'x'.repeat(32) });
const { port } = await app.listen(0);
const origin = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs() });

// The publisher's demo page is light only (`color-scheme: light` and its own light colours). A
// publisher that offers dark would allow it and darken its own text and background; these are the
// few rules such a page would have, so the pieces are seen on a dark page, as a reader would.
const PUBLISHER_DARK = `
  @media (prefers-color-scheme: dark) {
    body { color: #e8e6e3; background: #161616; }
    .masthead { background: #1f1f1f; border-color: #e8e6e3; }
    .brand, .masthead nav a { color: #e8e6e3; }
    .story-body .standfirst { color: #c8c4bd; }
    .story-body .byline, .story-body figcaption, .site-footer { color: #b5b0a8; }
    .story-body .kicker, .story-body a { color: #ff8a80; }
    .demo-note { background: #3a3320; border-color: #6b5d33; }
  }`;

/** Opens a demo page in a scheme and size, once Folio has rendered what `ready` waits for. */
async function open(pagePath, { viewport, dark, ready }) {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: viewport === PHONE ? 2 : 1,
    // A phone is a touch screen: the footer names only the route that fits it.
    hasTouch: viewport === PHONE,
    isMobile: viewport === PHONE,
    colorScheme: dark ? 'dark' : 'light',
  });
  const page = await context.newPage();
  await page.goto(`${origin}${pagePath}`);
  await page.evaluate(
    ({ dark, css }) => {
      if (!dark) return;
      document.documentElement.style.colorScheme = 'light dark';
      if (document.querySelector('link[href$="courier.css"]'))
        document.head.append(Object.assign(document.createElement('style'), { textContent: css }));
    },
    { dark, css: PUBLISHER_DARK },
  );
  await page.waitForFunction(ready);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

/**
 * Crops the page to a piece (from `piece` to `end`, the same element unless told) and its
 * context: the column's width plus a margin, from CONTEXT_LINES whole lines of the block above
 * (`above`, else the piece's previous sibling) to as many of the block below (the margin where
 * there is none), scrolled to the middle of the screen.
 */
async function shot(page, name, { piece, end = piece, column, above = null }) {
  const measure = () =>
    page.evaluate(
      ({ piece, end, column, above, lines, margin, bleed }) => {
        // Folio's pieces may sit in a shadow root: find them through each open one.
        const find = (selector, root = document) => {
          const here = root.querySelector(selector);
          if (here) return here;
          for (const el of root.querySelectorAll('*')) {
            const inside = el.shadowRoot && find(selector, el.shadowRoot);
            if (inside) return inside;
          }
          return null;
        };
        const visible = (el) => el.getBoundingClientRect().height > 0;
        const sibling = (el, step) => {
          let next = el[step];
          while (next && !visible(next)) next = next[step];
          return next;
        };
        const first = find(piece);
        const last = find(end);
        const before = above ? find(above) : sibling(first, 'previousElementSibling');
        const after = sibling(last, 'nextElementSibling');
        const someLines = (el) =>
          Math.min(el.getBoundingClientRect().height, lines * parseFloat(getComputedStyle(el).lineHeight));
        const top = before
          ? before.getBoundingClientRect().bottom - someLines(before) - bleed
          : first.getBoundingClientRect().top - margin;
        const bottom = after
          ? after.getBoundingClientRect().top + someLines(after) + bleed
          : last.getBoundingClientRect().bottom + margin;
        const col = find(column).getBoundingClientRect();
        const left = Math.max(0, col.left - margin);
        const right = Math.min(innerWidth, col.right + margin);
        return { x: left, y: top, width: right - left, height: bottom - top };
      },
      { piece, end, column, above, lines: CONTEXT_LINES, margin: MARGIN, bleed: BLEED },
    );
  const placed = await measure();
  await page.evaluate((by) => scrollBy(0, by), placed.y + placed.height / 2 - (await page.viewportSize()).height / 2);
  const box = await measure();
  if (box.y < 0 || box.y + box.height > (await page.viewportSize()).height)
    throw new Error(`${name}: taller than the screen`);
  await page.waitForTimeout(150);
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, clip: box });
  await page.context().close();
  console.log(path.relative(process.cwd(), file));
}

const ARTICLE = 'folio-article';
const PIECES = [
  {
    name: 'slot',
    page: '/demo/index.html',
    // The first slot, once its label is drawn (its first render waits for a task of its own).
    ready: () => document.querySelector('folio-ad-slot')?.shadowRoot?.textContent.includes('Advertisement'),
    piece: 'folio-ad-slot',
    column: ARTICLE,
  },
  {
    name: 'card',
    page: '/demo/index.html',
    // The feed's first item, inline.
    ready: () => document.querySelector('folio-related-card')?.shadowRoot?.querySelector('a'),
    piece: 'folio-related-card',
    column: ARTICLE,
  },
  {
    name: 'story',
    page: '/demo/embed.html',
    // The header and the byline's date (rendered in a task ahead of the body).
    ready: () => document.querySelector('folio-article')?.shadowRoot?.querySelector('[part=byline] time'),
    // The header holds the lead image too: from the partner's line above the story to the byline,
    // and the top of the image.
    piece: '[part=article] > header',
    end: '[part=byline]',
    above: '.from',
    column: ARTICLE,
  },
  {
    name: 'footer',
    page: '/demo/index.html',
    ready: () => document.querySelector('folio-article')?.shadowRoot?.querySelector('footer button'),
    piece: '[part=footer]',
    column: ARTICLE,
    // The footer is in the article's shadow root, after its slot: the text above is the body's last paragraph.
    above: 'folio-article > p:last-of-type',
  },
];

for (const piece of PIECES) {
  if (ONLY && !ONLY.includes(piece.name)) continue;
  for (const dark of [false, true]) {
    for (const [size, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ]) {
      const page = await open(piece.page, { viewport, dark, ready: piece.ready });
      await shot(page, `${piece.name}-${dark ? 'dark' : 'light'}-${size}`, piece);
    }
  }
}

await browser.close();
await app.close();
