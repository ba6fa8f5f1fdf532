// The receiver's text-fragment links, opened in Chromium: on corpus pages (test/fixtures/pages/,
// with the built dist/folio.js), a reader selects the 455-character passage and sends a
// correction; the link textFragmentLink makes from the quote Folio sent must open the page on
// those words. A link whose words are not on the page must not (so the check can fail).
// Needs Chromium and the built bundle; says so and skips without them.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createStaticHandler } from '../../server/lib/static.mjs';
import { textFragmentLink } from '../../server/lib/text-fragment.mjs';
import { passagePlace, selectPassageText } from '../pages/passage.mjs';
import { chromiumArgs, findChromium } from '../tools/find-browser.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PAGES = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/pages/pages.json'), 'utf8')).pages;
const ENDPOINT = '/api/corrections';
/** One of each: pretty-printed source, a quote across two parts of a split story, Japanese, French with non-breaking spaces, Arabic. */
const CHOSEN = ['chronicle-aem', 'bnc-text-blocks', 'minato-ja', 'lequotidien-fr', 'almarsad-ar'];
/** A short screen: every passage starts below the first one, so opening on it means scrolling to it. */
const LINK_VIEWPORT = { width: 800, height: 400 };

const chromium = findChromium();
const built = existsSync(path.join(ROOT, 'dist/folio.js'));
const skip = !chromium ? 'no Chromium on this machine' : !built ? 'dist/folio.js is not built (npm run build)' : false;

describe('text-fragment links open the corpus pages on the quoted words (Chromium)', { skip }, () => {
  let server;
  let browser;
  let origin;
  /** Whoever waits for the next correction. */
  let received = null;

  before(async () => {
    const serveStatic = createStaticHandler({ root: ROOT, mounts: ['dist', 'test'] });
    server = http.createServer(async (req, res) => {
      const url = new URL(req.url, 'http://localhost');
      if (url.pathname === ENDPOINT && req.method === 'POST') {
        let body = '';
        for await (const chunk of req) body += chunk;
        const annotation = JSON.parse(body);
        received?.(annotation);
        res.writeHead(201, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ id: annotation.id }));
        return;
      }
      await serveStatic(req, res, url.pathname);
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${server.address().port}`;
    const { chromium: launcher } = await import('playwright-core');
    browser = await launcher.launch({ executablePath: chromium, args: chromiumArgs() });
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  /** The TextQuoteSelector Folio sends when a reader selects the passage and presses Ctrl+Enter. */
  async function quoteFromFolio(entry) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${origin}/test/fixtures/pages/${entry.file}`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.Folio && !Array.isArray(window.Folio));
    const passage = { within: entry.quote.within ?? '[data-quote]', text: entry.quote.text };
    assert.equal(await page.evaluate(selectPassageText, passage), '');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('folio-correction-dialog >> dialog[open]');
    await page.fill('folio-correction-dialog #suggestion', 'corrected');
    const annotation = new Promise((resolve) => (received = resolve));
    await page.click('folio-correction-dialog button[form=form]');
    const sent = await annotation;
    await page.close();
    return sent.target.selector[0];
  }

  /** Where the passage is once `link` opened. */
  async function open(link, entry) {
    const page = await browser.newPage({ viewport: LINK_VIEWPORT });
    await page.goto(link, { waitUntil: 'load' });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 300))));
    const place = await page.evaluate(passagePlace, {
      within: entry.quote.within ?? '[data-quote]',
      text: entry.quote.text,
    });
    await page.close();
    return place;
  }

  for (const name of CHOSEN) {
    const entry = PAGES.find((p) => p.file.startsWith(name));
    test(`${entry.file}: the link from Folio's quote opens on the passage`, async () => {
      const quote = await quoteFromFolio(entry);
      assert.equal(quote.exact.replace(/\s+/g, ' '), entry.quote.text);
      const url = `${origin}/test/fixtures/pages/${entry.file}`;
      const place = await open(textFragmentLink(url, quote), entry);
      assert.ok(place.scrolled && place.inMiddle, `not opened on the passage: ${JSON.stringify(place)}`);
      // The same link with words that are not on the page stays at the top.
      const missing = await open(textFragmentLink(url, { ...quote, exact: `${quote.exact} zqxv` }), entry);
      assert.equal(missing.scrolled, false);
    });
  }
});
