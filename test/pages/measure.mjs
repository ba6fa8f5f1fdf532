// What Folio does to the article pages in test/fixtures/pages/ (see the README there): loads
// each page, as a publisher would ship it (one script tag with `data-enhance`), with the
// current dist/folio.js, at 1280×900 and 390×844, and measures against the ground truth the
// pages carry (`data-truth` on every block of the body, `data-quote` on the paragraphs holding
// the 455-character passage) and the manifest, pages.json.
//
//   npm run build && node test/pages/measure.mjs            tables: per page and viewport, per pattern
//   node test/pages/measure.mjs --json                      the same figures as JSON on stdout
//   node test/pages/measure.mjs --only=nyt,bnc              pages whose file name contains one of these
//   node test/pages/measure.mjs --viewport=phone            one viewport (desktop or phone)
//
// Nothing here imports from src/: every figure is read from the page, as a reader or the
// page's developer would see it (shadow roots included). Corrections go to /api/corrections on
// this script's own server, which answers 201 and keeps the annotation, so the quote's position
// is the one Folio really sends.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createStaticHandler } from '../../server/lib/static.mjs';
import { textFragmentLink } from '../../server/lib/text-fragment.mjs';
import { passagePlace } from './passage.mjs';
import { chromiumArgs, findChromium } from '../tools/find-browser.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PAGES_DIR = path.join(ROOT, 'test/fixtures/pages');
const PAGES_URL = '/test/fixtures/pages/';
const ENDPOINT = '/api/corrections';

const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
};

/** How long to wait for the dialog, and for the correction to reach the endpoint. */
const DIALOG_TIMEOUT_MS = 3000;
const DELIVERY_TIMEOUT_MS = 5000;
/** Prose paragraphs from which a story should get at least one ad, when its ground truth leaves room for one. */
const ADS_EXPECTED_FROM = 8;
/** The English chrome Folio shows, to spot it on pages in other languages. */
const ENGLISH = { footer: 'To suggest a correction', label: 'Advertisement', dialog: 'Suggest a correction' };
/** Ground-truth kinds an ad must not touch: embeds (tweets, iframes, videos) and images (figures, image-only paragraphs). */
const EMBEDS_AND_IMAGES = ['embed', 'image'];
/** A quote's 32-character context is "mostly whitespace" above this share (a reader sees almost no context). */
const MOSTLY_WHITESPACE = 0.5;
/** Prose paragraphs an ad needs between itself and any other ad, the publisher's included (Folio's default `gap`). */
const AD_GAP_PARAGRAPHS = 3;

const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const asJson = args.includes('--json');
const only = option('only')?.split(',').filter(Boolean);
const viewportNames = option('viewport') ? [option('viewport')] : Object.keys(VIEWPORTS);

// ---- The server: the repository's dist/ and test/ folders, plus a corrections endpoint ---------

/** Whoever waits for the next correction to arrive: runs go one at a time, so it is the current run's. */
let onCorrection = null;

function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

const escapeAttribute = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

async function startServer() {
  const serveStatic = createStaticHandler({ root: ROOT, mounts: ['dist', 'test'] });
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === ENDPOINT && req.method === 'POST') {
      const annotation = JSON.parse(await readBody(req));
      onCorrection?.(annotation);
      res.writeHead(201, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ id: annotation.id }));
      return;
    }
    // As the reference receiver does: the published correction notices (none here). A publisher's
    // endpoint without this route gets a 404 in the console on every page view (noted in README).
    if (url.pathname === `${ENDPOINT}/published` && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
      res.end(JSON.stringify({ notices: [] }));
      return;
    }
    // A variant of a page: the same file with another `data-enhance` on its script tag.
    const enhance = url.searchParams.get('enhance');
    if (enhance && url.pathname.startsWith(PAGES_URL) && url.pathname.endsWith('.html')) {
      const file = path.join(PAGES_DIR, path.basename(url.pathname));
      const html = await readFile(file, 'utf8');
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
      res.end(html.replace(/data-enhance="[^"]*"/, `data-enhance="${escapeAttribute(enhance)}"`));
      return;
    }
    await serveStatic(req, res, url.pathname);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** The next correction the endpoint receives, or null when none arrives in time. Call before sending. */
function nextCorrection() {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), DELIVERY_TIMEOUT_MS);
    onCorrection = (annotation) => {
      clearTimeout(timer);
      onCorrection = null;
      resolve(annotation);
    };
  });
}

// ---- In the page ----------------------------------------------------------------------------

/** Before any page script: sums layout shifts the way CLS does (shifts after input excluded). */
function observeLayoutShift() {
  window.__layoutShift = { score: 0, shifts: [] };
  const describe = (node) => {
    if (!node || node.nodeType !== 1) return node?.nodeName ?? '?';
    const id = node.id ? `#${node.id}` : '';
    const truth = node.dataset.truth ? `[data-truth=${node.dataset.truth}]` : '';
    return `${node.localName}${id}${truth}${node.className && typeof node.className === 'string' ? `.${node.className.trim().split(/\s+/)[0]}` : ''}`;
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__layoutShift.score += entry.value;
      window.__layoutShift.shifts.push({
        value: Number(entry.value.toFixed(4)),
        at: Math.round(entry.startTime),
        moved: entry.sources.map(
          (source) =>
            `${describe(source.node)} ${Math.round(source.previousRect.y)}→${Math.round(source.currentRect.y)}`,
        ),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** Scrolls to the bottom a screen at a time (lazy slots ask as they come near) and back to the top. */
async function scrollThrough() {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
    scrollTo(0, y);
    await frame();
    await frame();
  }
  scrollTo(0, 0);
  await frame();
  await frame();
}

/**
 * Everything that can be read from the page after Folio ran: the ads and their neighbours in
 * the ground truth, footers, layout shift, overflow, the language of Folio's chrome.
 */
function readPage({ headlineSelector, embedsAndImages, AD_GAP_PARAGRAPHS }) {
  const pageBox = (el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top + scrollY, bottom: r.bottom + scrollY, height: r.height };
  };
  // Reading order of the body as the ground truth sees it, with Folio's ads among the blocks.
  const sequence = [...document.querySelectorAll('[data-truth], folio-ad-slot')].map((el) => ({
    el,
    kind: el.localName === 'folio-ad-slot' ? 'folio-ad' : el.dataset.truth,
  }));
  const gap = (a, b) => Math.max(0, a.top >= b.bottom ? a.top - b.bottom : b.top - a.bottom);
  /** The nearest block of one of `kinds` to sequence[index]: blocks (empty ones not counted) and prose paragraphs between, and the px gap. */
  const nearestOf = (index, kinds) => {
    const box = pageBox(sequence[index].el);
    let nearest = null;
    sequence.forEach((other, j) => {
      if (!kinds.includes(other.kind)) return;
      // Empty paragraphs take up no visible room: an ad across one from a tweet is right under it.
      const between = sequence.slice(Math.min(j, index) + 1, Math.max(j, index)).filter((b) => b.kind !== 'empty');
      const found = {
        kind: other.kind,
        blocks: between.length,
        prose: between.filter((b) => b.kind === 'prose').length,
        px: Math.round(gap(box, pageBox(other.el))),
      };
      if (!nearest || found.blocks < nearest.blocks || (found.blocks === nearest.blocks && found.px < nearest.px))
        nearest = found;
    });
    return nearest;
  };
  const ads = sequence.flatMap((block, index) => {
    if (block.kind !== 'folio-ad') return [];
    const previous = sequence[index - 1]?.kind ?? 'start';
    const next = sequence[index + 1]?.kind ?? 'end';
    const label = block.el.shadowRoot?.querySelector('[part=label]')?.textContent.trim() ?? '';
    return [
      {
        previous,
        next,
        betweenProse: previous === 'prose' && next === 'prose',
        pageAd: nearestOf(index, ['ad']),
        embedOrImage: nearestOf(index, embedsAndImages),
        label,
        top: Math.round(pageBox(block.el).top),
      },
    ];
  });
  const headline = document.querySelector(headlineSelector);
  const headlineBottom = headline ? pageBox(headline).bottom : 0;
  const footers = [...document.querySelectorAll('*')]
    .map((el) => el.shadowRoot?.querySelector('footer[part=footer]'))
    .filter(Boolean)
    .map((footer) => {
      const box = pageBox(footer);
      return {
        top: Math.round(box.top),
        firstScreen: box.top < innerHeight,
        aboveHeadline: box.top < headlineBottom,
        text: footer.textContent.replace(/\s+/g, ' ').trim(),
      };
    });
  // Whether the ground truth leaves room for an ad at all, by the rules checked here: a gap
  // between two prose paragraphs with 3 prose paragraphs above it, and 3 between it and every
  // publisher ad container above and below.
  const truth = [...document.querySelectorAll('[data-truth]')].map((el) => el.dataset.truth);
  const proseIn = (kinds) => kinds.filter((kind) => kind === 'prose').length;
  const room = truth.some((kind, i) => {
    if (kind !== 'prose' || truth[i - 1] !== 'prose') return false;
    const above = truth.slice(0, i);
    const below = truth.slice(i);
    const nextAd = below.indexOf('ad');
    return (
      proseIn(above) >= AD_GAP_PARAGRAPHS &&
      proseIn(above.slice(above.lastIndexOf('ad') + 1)) >= AD_GAP_PARAGRAPHS &&
      proseIn(nextAd < 0 ? below : below.slice(0, nextAd)) >= AD_GAP_PARAGRAPHS
    );
  });
  return {
    lang: document.documentElement.lang,
    prose: document.querySelectorAll('[data-truth=prose]').length,
    room,
    ads,
    footers,
    layoutShift: window.__layoutShift,
    overflow: document.documentElement.scrollWidth > innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
  };
}

/**
 * Selects the passage (its text, whitespace collapsed, inside the `within` elements) with a DOM
 * Range, and works out where it starts in the story: in the raw text of the fragment holding it
 * (what Folio counts today) and in the whole story, the text of every element the selector
 * matches, in order, raw and with whitespace collapsed. Text inside Folio's own elements and
 * what Folio skips is not story text.
 */
function selectPassage({ within, text, selector, storyRoots }) {
  const SKIP = 'folio-ad-slot,folio-related-card,[data-folio-skip],script,style,noscript';
  const textNodes = (root) => {
    const nodes = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, (n) =>
      n.nodeType === 1 && n.matches(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    );
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.nodeType === 3) nodes.push(n);
    return nodes;
  };
  const containers = [...document.querySelectorAll(within)];
  if (!containers.length) return { error: `no element matches ${within}` };
  // The collapsed text of the containers (and whatever lies between them), and for each of its
  // characters the DOM point it came from.
  const span = new Range();
  span.setStartBefore(containers[0]);
  span.setEndAfter(containers[containers.length - 1]);
  const common = span.commonAncestorContainer;
  let collapsed = '';
  const points = [];
  let space = true;
  for (const node of textNodes(common)) {
    if (!span.intersectsNode(node)) continue;
    for (let i = 0; i < node.data.length; i++) {
      if (/\s/.test(node.data[i])) {
        if (space) continue;
        space = true;
        collapsed += ' ';
      } else {
        space = false;
        collapsed += node.data[i];
      }
      points.push([node, i]);
    }
  }
  const at = collapsed.indexOf(text);
  if (at < 0) return { error: 'passage not found in its paragraphs' };
  if (collapsed.indexOf(text, at + 1) >= 0) return { error: 'passage found twice' };
  const range = new Range();
  const [startNode, startOffset] = points[at];
  const [endNode, endOffset] = points[at + text.length - 1];
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset + 1);
  const selection = getSelection();
  selection.removeAllRanges();
  selection.addRange(range);

  // Where the passage starts: in its fragment, and in the story (the outermost matches, in order;
  // on a page with several stories, those inside the story root that holds the passage).
  const matches = [...document.querySelectorAll(selector)];
  const story = storyRoots ? [...document.querySelectorAll(storyRoots)].find((root) => root.contains(startNode)) : null;
  const fragments = matches.filter(
    (el) => !matches.some((other) => other !== el && other.contains(el)) && (!story || story.contains(el)),
  );
  // The text as a reader sees it (the definition Folio's positions follow, in the README): each
  // run of white space one space (kept as it is in <pre>), one line break where a block starts
  // or ends or a <br> is, nothing before the first character shown. Blocks are what the browser
  // lays out as blocks (computed display), not a list of tags.
  const isBlock = (el) => el && !getComputedStyle(el).display.startsWith('inline');
  const nearestBlock = (node) => {
    let el = node.parentElement;
    while (el && !isBlock(el)) el = el.parentElement;
    return el;
  };
  const offsetIn = (roots) => {
    let raw = 0;
    let before = '';
    let rendered = 0;
    let gap = '';
    let block;
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, (n) =>
        n.nodeType === 1 && n.matches(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
      );
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeType === 1) {
          if (node.localName === 'br' && rendered) gap = '\n';
          continue;
        }
        const here = nearestBlock(node);
        if (here !== block && rendered) gap = '\n';
        block = here;
        const pre = getComputedStyle(here ?? document.body).whiteSpace.startsWith('pre');
        const upTo = node === startNode ? startOffset : node.data.length;
        for (let i = 0; i < upTo; i++) {
          if (node.data[i] > ' ' || pre) {
            rendered += gap.length + 1;
            gap = '';
          } else if (rendered && !gap) gap = ' ';
        }
        if (node === startNode) {
          before += node.data.slice(0, startOffset);
          return {
            raw: raw + startOffset,
            collapsed: before.replace(/\s+/g, ' ').trimStart().length,
            rendered: rendered + gap.length,
          };
        }
        raw += node.data.length;
        before += node.data;
      }
    }
    return null;
  };
  const fragment = fragments.find((el) => el.contains(startNode));
  return {
    visible: text.length,
    rawLength: range.toString().length,
    fragments: fragments.length,
    inFragment: fragment ? (offsetIn([fragment])?.raw ?? null) : null,
    inStory: offsetIn(fragments),
  };
}

const LINK_VIEWPORT = { width: 800, height: 400 };

/**
 * Whether `link` (from the receiver's textFragmentLink) opens the page on the passage: scrolled,
 * the passage in the middle of a short screen (so that every passage starts below the first).
 */
async function opensOnPassage(context, link, passage) {
  const page = await context.newPage();
  await page.setViewportSize(LINK_VIEWPORT);
  await page.goto(link, { waitUntil: 'load' });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 300))));
  const place = await page.evaluate(passagePlace, { within: passage.within ?? '[data-quote]', text: passage.text });
  await page.close();
  return place.scrolled && place.inMiddle;
}

/** The correction dialog as the reader sees it: the quote, its context, the over-limit offer, the title. */
function readDialog() {
  const root = document.querySelector('folio-correction-dialog')?.shadowRoot;
  const dialog = root?.querySelector('dialog');
  if (!dialog?.open) return null;
  const quote = root.querySelector('blockquote');
  const mark = quote?.querySelector('mark');
  let before = '';
  let after = '';
  if (mark) {
    const range = new Range();
    range.setStart(quote, 0);
    range.setEndBefore(mark);
    before = range.toString();
    range.setStartAfter(mark);
    range.setEnd(quote, quote.childNodes.length);
    after = range.toString();
  }
  const limit = root.querySelector('.limit');
  return {
    title: root.querySelector('#title')?.textContent.trim() ?? '',
    exact: mark?.textContent ?? null,
    prefix: before.replace(/^…/, ''),
    suffix: after.replace(/…$/, ''),
    limit: limit ? limit.textContent.replace(/\s+/g, ' ').trim() : null,
  };
}

// ---- One run: a page at a viewport ----------------------------------------------------------

const collapse = (s) => s.replace(/\s+/g, ' ').trim();
/** The share of a context string that is whitespace, 0..1. */
const whitespaceShare = (s) => (s.length ? (s.length - s.replace(/\s/g, '').length) / s.length : 0);

async function measure(browser, origin, entry, viewportName, variant) {
  const selector = variant?.selector ?? entry.selector;
  const query = variant ? `?${new URLSearchParams({ enhance: variant.selector })}` : '';
  const context = await browser.newContext({ viewport: VIEWPORTS[viewportName], deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  const warnings = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
    if (message.type() === 'warning' && message.text().startsWith('folio')) warnings.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  // Anything that would leave the machine is a fixture bug: the pages must be self-contained.
  const external = [];
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
    external.push(route.request().url());
    return route.abort();
  });
  await page.addInitScript(observeLayoutShift);

  await page.goto(`${origin}${PAGES_URL}${entry.file}${query}`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.Folio && !Array.isArray(window.Folio), null, { timeout: 5000 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 200))));
  await page.evaluate(scrollThrough);
  const state = await page.evaluate(readPage, {
    headlineSelector: entry.headline ?? 'h1',
    embedsAndImages: EMBEDS_AND_IMAGES,
    AD_GAP_PARAGRAPHS,
  });

  // The quote: select the passage, Ctrl+Enter, read the dialog, send a correction.
  const quote = {
    ...(await page.evaluate(selectPassage, {
      within: entry.quote.within ?? '[data-quote]',
      text: entry.quote.text,
      selector,
      storyRoots: entry.storyRoots,
    })),
  };
  if (!quote.error) {
    await page.keyboard.press('Control+Enter');
    const opened = await page
      .waitForFunction(
        () => document.querySelector('folio-correction-dialog')?.shadowRoot?.querySelector('dialog')?.open,
        null,
        { timeout: DIALOG_TIMEOUT_MS },
      )
      .then(
        () => true,
        () => false,
      );
    const dialog = opened ? await page.evaluate(readDialog) : null;
    quote.dialog = dialog;
    if (dialog) {
      quote.counted = dialog.limit ? Number(/\d+/.exec(dialog.limit)?.[0]) : dialog.exact.length;
      quote.refused = !!dialog.limit;
      quote.exactMatches = dialog.exact !== null && collapse(dialog.exact) === entry.quote.text;
      quote.prefixWhitespace = whitespaceShare(dialog.prefix);
      quote.suffixWhitespace = whitespaceShare(dialog.suffix);
      // Over the limit, the reader has to trim before sending; the start does not change.
      if (dialog.limit) await page.click('folio-correction-dialog .limit button');
      await page.fill('folio-correction-dialog #suggestion', `${collapse(entry.quote.text).slice(0, 40)} (corrected)`);
      const delivered = nextCorrection();
      await page.click('folio-correction-dialog button[form=form]');
      const annotation = await delivered;
      const position = annotation?.target?.selector?.[1];
      quote.sent = !!annotation;
      quote.start = position?.start ?? null;
      quote.positionRight = position
        ? [quote.inStory?.raw, quote.inStory?.collapsed, quote.inStory?.rendered].includes(position.start)
        : false;
      const textQuote = annotation?.target?.selector?.[0];
      if (textQuote) {
        quote.link = textFragmentLink(`${origin}${PAGES_URL}${entry.file}${query}`, textQuote);
        quote.linkOpens = await opensOnPassage(context, quote.link, entry.quote);
      }
    }
  }
  await context.close();

  const nonEnglish = !/^en\b/i.test(state.lang);
  const stories = entry.stories ?? 1;
  const result = {
    page: entry.file,
    variant: variant?.name ?? null,
    selector,
    viewport: viewportName,
    lang: state.lang,
    patterns: entry.patterns,
    stories,
    prose: state.prose,
    room: state.room,
    proseInManifest: entry.prose,
    ads: state.ads,
    footers: state.footers,
    layoutShift: Number(state.layoutShift.score.toFixed(4)),
    layoutShifts: state.layoutShift.shifts,
    overflow: state.overflow,
    consoleErrors: errors,
    folioWarnings: warnings,
    externalRequests: external,
    englishChrome: nonEnglish
      ? {
          footer: state.footers.some((f) => f.text.startsWith(ENGLISH.footer)),
          label: state.ads.some((a) => a.label.toLowerCase() === ENGLISH.label.toLowerCase()),
          dialog: quote.dialog?.title === ENGLISH.dialog,
        }
      : null,
    quote,
  };
  result.verdict = verdict(result);
  return result;
}

const contextMostlyWhitespace = (q) =>
  !!q.dialog && Math.max(q.prefixWhitespace, q.suffixWhitespace) > MOSTLY_WHITESPACE;
const nextToEmbedOrImage = (ad) => ad.embedOrImage?.blocks === 0;
const nearPageAd = (ad) => !!ad.pageAd && ad.pageAd.prose < AD_GAP_PARAGRAPHS;

/** What came out wrong in one run, in short words; empty when the page came out fully right. */
function verdict(r) {
  const wrong = [];
  const expectAds = r.prose >= ADS_EXPECTED_FROM * r.stories && r.room;
  if (!r.ads.length && expectAds) wrong.push('no ads');
  if (r.ads.length > 4 * r.stories)
    wrong.push(`${r.ads.length} ads for ${r.stories} stor${r.stories > 1 ? 'ies' : 'y'}`);
  const misplaced = r.ads.filter((a) => !a.betweenProse).length;
  if (misplaced) wrong.push(`${misplaced} ad(s) not between prose`);
  const touching = r.ads.filter(nextToEmbedOrImage).length;
  if (touching) wrong.push(`${touching} ad(s) next to an embed or image`);
  const crowded = r.ads.filter(nearPageAd).length;
  if (crowded) wrong.push(`${crowded} ad(s) within ${AD_GAP_PARAGRAPHS} paragraphs of the page's own ad`);
  if (r.footers.length !== r.stories) wrong.push(`${r.footers.length} footers for ${r.stories}`);
  if (r.footers.some((f) => f.aboveHeadline && f.firstScreen)) wrong.push('footer above headline');
  if (r.layoutShift > 0) wrong.push(`CLS ${r.layoutShift}`);
  if (r.overflow) wrong.push('horizontal overflow');
  if (r.consoleErrors.length) wrong.push(`${r.consoleErrors.length} console error(s)`);
  if (r.externalRequests.length) wrong.push('external requests');
  const q = r.quote;
  if (q.error) wrong.push(`passage: ${q.error}`);
  else if (!q.dialog) wrong.push('dialog did not open');
  else {
    if (q.refused) wrong.push(`quote counted ${q.counted}, refused`);
    else if (q.counted !== q.visible) wrong.push(`quote counted ${q.counted}`);
    if (!q.exactMatches) wrong.push('quote text differs');
    if (contextMostlyWhitespace(q)) wrong.push('quote context mostly whitespace');
    if (!q.positionRight) wrong.push(`position ${q.start} vs ${q.inStory?.rendered}`);
    if (!q.linkOpens) wrong.push('the receiver’s text-fragment link does not open on the passage');
  }
  if (r.englishChrome && Object.values(r.englishChrome).some(Boolean)) wrong.push('English chrome');
  return wrong;
}

// ---- Reporting ------------------------------------------------------------------------------

const pad = (value, width) => String(value).padEnd(width);
const padLeft = (value, width) => String(value).padStart(width);

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells) =>
    cells
      .map((c, i) => (i ? padLeft(c, widths[i]) : pad(c, widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const runName = (r) => `${r.page.replace(/\.html$/, '')}${r.variant ? `#${r.variant}` : ''}`;

function pageRows(results) {
  return results.map((r) => {
    const q = r.quote;
    const toPageAds = r.ads.map((a) => (a.pageAd ? a.pageAd.prose : '-')).join(',') || '-';
    return [
      runName(r),
      r.viewport,
      r.prose,
      r.ads.length,
      r.ads.filter((a) => a.betweenProse).length,
      r.ads.filter(nextToEmbedOrImage).length,
      toPageAds,
      `${r.footers.length}/${r.stories}`,
      r.footers.some((f) => f.aboveHeadline && f.firstScreen) ? 'yes' : 'no',
      r.layoutShift,
      q.error ? 'error' : q.dialog ? `${q.visible}→${q.counted}${q.refused ? ' refused' : ''}` : 'no dialog',
      q.dialog ? `${Math.round(q.prefixWhitespace * 100)}/${Math.round(q.suffixWhitespace * 100)}%` : '-',
      q.dialog ? `${q.start ?? '-'}/${q.inStory?.rendered ?? '-'}` : '-',
      q.dialog ? (q.linkOpens ? 'yes' : 'no') : '-',
      r.englishChrome ? (Object.values(r.englishChrome).some(Boolean) ? 'en' : 'ok') : '',
      r.verdict.length ? 'no' : 'YES',
    ];
  });
}

const PAGE_HEADERS = [
  'page',
  'viewport',
  'prose',
  'ads',
  'between prose',
  'touching embed/image',
  '¶ to page ad',
  'footers',
  'footer above h1',
  'CLS',
  'quote 455→counted',
  'ws in prefix/suffix',
  'start sent/story',
  'link opens',
  'lang',
  'right',
];

function patternRows(results) {
  const patterns = [...new Set(results.flatMap((r) => r.patterns))].sort();
  return patterns.map((pattern) => {
    const runs = results.filter((r) => r.patterns.includes(pattern));
    const ads = runs.flatMap((r) => r.ads);
    const sum = (fn) => runs.filter(fn).length;
    return [
      pattern,
      new Set(runs.map(runName)).size,
      runs.length,
      sum((r) => !r.ads.length && r.prose >= ADS_EXPECTED_FROM * r.stories && r.room),
      ads.length,
      ads.filter((a) => a.betweenProse).length,
      ads.filter(nextToEmbedOrImage).length,
      ads.filter(nearPageAd).length,
      sum((r) => r.footers.length === r.stories),
      sum((r) => r.quote.dialog && !r.quote.refused && r.quote.counted === r.quote.visible),
      sum((r) => contextMostlyWhitespace(r.quote)),
      sum((r) => r.quote.positionRight),
      sum((r) => r.quote.linkOpens),
      sum((r) => r.layoutShift > 0),
      sum((r) => r.englishChrome && Object.values(r.englishChrome).some(Boolean)),
      sum((r) => !r.verdict.length),
    ];
  });
}

const PATTERN_HEADERS = [
  'pattern',
  'pages',
  'runs',
  'runs without ads',
  'ads',
  'between prose',
  'touching embed/image',
  `< ${AD_GAP_PARAGRAPHS} ¶ from page ad`,
  'footers right',
  'quote counted 455',
  'context mostly ws',
  'position right',
  'link opens',
  'CLS > 0',
  'English chrome',
  'fully right',
];

// ---- Main -----------------------------------------------------------------------------------

const manifest = JSON.parse(await readFile(path.join(PAGES_DIR, 'pages.json'), 'utf8'));
const entries = manifest.pages.filter((p) => !only || only.some((o) => p.file.includes(o)));
const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium found (set CHROME_PATH).');

const server = await startServer();
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath, args: chromiumArgs() });
const started = Date.now();
const results = [];
try {
  for (const entry of entries) {
    for (const viewportName of viewportNames) {
      for (const variant of [null, ...(entry.variants ?? [])]) {
        results.push(await measure(browser, origin, entry, viewportName, variant));
        if (!asJson) process.stderr.write('.');
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}

if (asJson) {
  process.stdout.write(
    JSON.stringify({ build: 'dist/folio.js', pages: entries.length, runs: results }, null, 2) + '\n',
  );
} else {
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const right = results.filter((r) => !r.verdict.length);
  const pagesRight = new Set(
    entries
      .map((e) => e.file)
      .filter((file) => results.filter((r) => r.page === file && !r.variant).every((r) => !r.verdict.length)),
  );
  console.log(
    `\n${results.length} runs of ${entries.length} pages in ${seconds} s: ${right.length} runs fully right, ${pagesRight.size} of ${entries.length} pages fully right at every viewport.\n`,
  );
  console.log(
    'Per page and viewport (¶ to page ad: per ad, prose paragraphs between it and the nearest publisher ad; ws: whitespace share of the quote context; start: sent by Folio / in the whole story, text as a reader sees it; link opens: the receiver’s text-fragment link scrolls to the passage)\n',
  );
  console.log(table(PAGE_HEADERS, pageRows(results)));
  console.log('\nPer pattern (a run counts for every pattern its page has)\n');
  console.log(table(PATTERN_HEADERS, patternRows(results)));
  console.log('\nWhat went wrong, per run\n');
  for (const r of results)
    if (r.verdict.length) console.log(`${pad(runName(r), 28)} ${pad(r.viewport, 8)} ${r.verdict.join('; ')}`);
  const checks = results.filter((r) => r.prose !== r.proseInManifest || r.quote.error || r.externalRequests.length);
  if (checks.length) {
    console.log('\nFixture problems (the page and pages.json disagree, or the page reaches out):');
    for (const r of checks)
      console.log(
        `  ${runName(r)}: prose ${r.prose} vs manifest ${r.proseInManifest}${r.quote.error ? `; ${r.quote.error}` : ''}${r.externalRequests.length ? `; ${r.externalRequests.join(' ')}` : ''}`,
      );
  }
}
