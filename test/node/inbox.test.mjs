// The editors' inbox in a real Chromium (playwright-core, Debian's Chromium): stories named by
// their headline and grouped, reader text shown as text whatever it holds, the article link's
// real host with a warning when it is not the newsroom's, accepting with a public wording that
// the published endpoint then serves, a correction opened from a notification link, a failing
// webhook shown, the CSV export, and no accessibility violations (axe-core).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { createFolioServer, ROOT } from '../../server/index.mjs';
import { chromiumArgs, findChromium } from '../tools/find-browser.mjs';
import { SAMPLE } from '../support/annotation-sample.mjs';
import { startWebhookSink, waitFor } from './support/sinks.mjs';

const ANNA = 'token-anna-0123456789';
const HEADLINE = 'Council votes to close the harbour';
const XSS = {
  title: '<img src=x onerror="window.pwned=1">Harbour',
  comment: '<script>window.pwned=2</script> \u202Ereversed\u202C',
  exact: '"><svg onload="window.pwned=3">',
};
const executable = findChromium();
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

describe('the inbox in Chromium', { skip: !executable && 'no Chromium (CHROME_PATH, /usr/bin/chromium)' }, () => {
  let app;
  let base;
  let hook;
  let browser;
  const ids = {};

  async function post(name, edit) {
    const doc = { ...structuredClone(SAMPLE), id: `urn:uuid:${randomUUID()}` };
    doc.target.source = `${base}/demo/index.html`;
    doc.target['dc:title'] = HEADLINE;
    edit?.(doc);
    const res = await fetch(`${base}/api/corrections`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(doc),
    });
    assert.equal(res.status, 201);
    ids[name] = doc.id;
  }

  /** A page signed in as Anna at `path`. */
  async function inbox(path = '/inbox?status=all', { bypassCSP = false } = {}) {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 }, bypassCSP });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${base}${path}`);
    await page.fill('#token', ANNA);
    await page.click('#token-form button');
    await page.waitForSelector('#list .correction');
    page.errors = errors;
    return page;
  }

  before(async () => {
    hook = await startWebhookSink({ failing: true });
    app = await createFolioServer({
      demo: true,
      root: ROOT,
      db: ':memory:',
      editors: [{ name: 'Anna Kovalenko', token: ANNA }],
      rateLimits: [],
      notify: {
        webhooks: [{ url: hook.url, format: 'json' }],
        webhookSecret: 'whsec-test-0123456789',
        timing: { retryBaseMs: 10, retryMaxMs: 20, pollMs: 10 },
      },
    });
    const { port } = await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${port}`;
    await post('first');
    await post('second', (d) => {
      d.target.selector[0] = {
        type: 'TextQuoteSelector',
        exact: 'nine votes to none',
        prefix: 'passed by ',
        suffix: ', the clerk said',
      };
    });
    await post('untitled', (d) => {
      delete d.target['dc:title'];
      d.target.source = `${base}/demo/embed.html`;
    });
    await post('hostile', (d) => {
      d.target['dc:title'] = XSS.title;
      d.target.source = `https://${new URL(base).host}@evil.example/story`;
      d.body[1].value = XSS.comment;
      d.target.selector[0].exact = XSS.exact;
    });
    await waitFor(async () => (await app.notifier.report())[0].failing, 'the webhook to count as failing');
    browser = await chromium.launch({ executablePath: executable, headless: true, args: chromiumArgs() });
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    await hook?.close();
  });

  test('stories are named by their headline, each with its corrections; without one, by its address', async () => {
    const page = await inbox();
    const stories = await page.$$eval('#list > li.story', (groups) =>
      groups.map((g) => ({
        title: g.querySelector('.story-title').textContent,
        count: g.querySelectorAll('li.correction').length,
      })),
    );
    assert.deepEqual(
      stories.find((s) => s.title === HEADLINE),
      { title: HEADLINE, count: 2 },
    );
    assert.ok(stories.some((s) => s.title === `${new URL(base).host}/demo/embed.html` && s.count === 1));
    assert.match(await page.textContent('#editor-name'), /Signed in as Anna Kovalenko/);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('markup from readers is shown as text and never runs', async () => {
    const page = await inbox();
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    const text = await page.textContent('#list');
    for (const payload of Object.values(XSS)) assert.ok(text.includes(payload), payload);
    assert.equal(await page.$$eval('#list img, #list script, #list svg', (found) => found.length), 0);
    // A right-to-left override stays inside the reader's text: every piece of it is isolated.
    const isolated = await page.$$eval('#list li.correction', (cards) =>
      cards.flatMap((card) =>
        [...card.querySelectorAll('dd, blockquote, .story-title, h4')].map(
          (node) =>
            node.matches('[dir="auto"]') ||
            getComputedStyle(node.querySelector('bdi') ?? node).unicodeBidi === 'isolate',
        ),
      ),
    );
    assert.ok(isolated.length > 0 && isolated.every(Boolean));
    await page.close();
  });

  test('the article link shows its real host, without the user name, and warns when it is not ours', async () => {
    const page = await inbox();
    const card = page.locator('li.correction', { hasText: XSS.comment });
    assert.equal(await card.locator('.host').textContent(), 'evil.example');
    const href = await card.locator('a.open').getAttribute('href');
    assert.ok(href.startsWith('https://evil.example/story#:~:text='), href);
    const warnings = await card.locator('.warning').allTextContents();
    assert.equal(warnings.length, 2);
    assert.match(warnings.join(' '), /user name before the host/);
    assert.match(warnings.join(' '), /evil\.example is not one of your sites/);
    const ours = page.locator('li.correction', { hasText: 'nine votes to none' });
    assert.equal(await ours.locator('.warning').count(), 0);
    await page.close();
  });

  test('accepting with a public wording: the history names the editor and the story serves the notice', async () => {
    const page = await inbox();
    const card = page.locator('li.correction', { hasText: 'nine votes to none' });
    await card.getByRole('button', { name: 'Accept…' }).click();
    await page.keyboard.type('An earlier version said nine votes to none; it was seven to two.');
    await card.getByLabel('Note for the desk (optional)').fill('Checked the minutes');
    await card.getByRole('button', { name: 'Accept', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Accepted'));
    const accepted = page.locator('li.correction.status-accepted', { hasText: 'nine votes to none' });
    assert.match(await accepted.locator('.meta').textContent(), /accepted by Anna Kovalenko/);
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H4', 'focus stays on the correction');
    await accepted.locator('.history summary').click();
    assert.match(
      await accepted.locator('.history').textContent(),
      /Anna Kovalenko marked accepted, with public wording, with a note/,
    );

    const published = await (
      await fetch(`${base}/api/corrections/published?source=${encodeURIComponent(`${base}/demo/index.html`)}`)
    ).json();
    assert.deepEqual(
      published.notices.map((n) => n.text),
      ['An earlier version said nine votes to none; it was seven to two.'],
    );
    await page.close();
  });

  test('a notification link opens the inbox at its correction', async () => {
    const page = await inbox(`/inbox?correction=${encodeURIComponent(ids.untitled)}`);
    await page.waitForSelector('#opened:not([hidden]) li.correction');
    assert.equal(await page.$eval('#opened-list li.correction', (li) => li.dataset.id), ids.untitled);
    assert.equal(await page.evaluate(() => document.activeElement.closest('#opened') !== null), true);
    assert.equal(await page.inputValue('#status-filter'), 'all');
    // Deciding it there updates its copy in the list below too.
    await page.locator('#opened-list li.correction').getByRole('button', { name: 'Dismiss' }).click();
    await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Dismissed'));
    const statuses = await page.$$eval(
      `li.correction`,
      (all, id) => all.filter((li) => li.dataset.id === id).map((li) => li.className),
      ids.untitled,
    );
    assert.deepEqual(statuses, ['correction status-dismissed', 'correction status-dismissed']);
    await page.close();
  });

  test('a failing webhook is shown; the CSV export downloads what the filters show', async () => {
    const page = await inbox('/inbox?status=all&q=harbour');
    assert.match(await page.textContent('#alerts'), /A webhook keeps failing[\s\S]*answered HTTP 500/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    assert.match(download.suggestedFilename(), /^corrections-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    assert.ok(csv.includes(ids.first) && csv.includes(ids.hostile));
    assert.ok(!csv.includes(ids.untitled), 'the search filters the export too');
    await page.close();
  });

  test('no accessibility violations (axe-core), with a decision form open', async () => {
    // axe is injected as a script, which the inbox's policy rightly forbids: this page bypasses it.
    const page = await inbox('/inbox?status=all', { bypassCSP: true });
    await page.locator('li.correction').first().getByRole('button', { name: 'Add a note…' }).click();
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async () =>
      (await window.axe.run()).violations.map((v) => `${v.id} (${v.nodes.length})`),
    );
    assert.deepEqual(violations, []);
    await page.close();
  });
});
