// The correction dialog's screenshots for the README (demo/images/dialog-*.png): each state,
// light and dark, desktop (1280×900) and phone (390×844), left-to-right and right-to-left,
// forced colours, in headless Chromium through playwright-core, against the demo server on a
// throwaway database. `npm run build` first; then `node test/tools/dialog-screenshots.mjs`.
import { chromium } from 'playwright-core';
import { createFolioServer } from '../../server/index.mjs';
import { chromiumArgs, findChromium } from './find-browser.mjs';

const OUT = new URL('../../demo/images/', import.meta.url);
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

const app = await createFolioServer({ demo: true, db: ':memory:', rateLimits: [], editorToken: 'x'.repeat(32) });
const { port } = await app.listen(0);
const origin = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs() });

/** Opens the demo page in a scheme and size; `dark` lets the page allow dark, as a publisher's would. */
async function open({ viewport = DESKTOP, dark = false, rtl = false, touch = false } = {}) {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: viewport === PHONE ? 2 : 1,
    colorScheme: dark ? 'dark' : 'light',
    hasTouch: touch,
    isMobile: touch,
  });
  const page = await context.newPage();
  await page.goto(`${origin}/demo/index.html`);
  await page.waitForFunction(() => customElements.get('folio-article') && document.querySelector('folio-article p'));
  await page.evaluate(
    ({ dark, rtl }) => {
      if (dark) document.documentElement.style.colorScheme = 'light dark';
      if (!rtl) return;
      // An Arabic story on the page: the dialog takes its direction.
      document.documentElement.dir = 'rtl';
      const article = document.querySelector('folio-article');
      article.lang = 'ar';
      article.querySelector('h1').textContent = 'عودة الترام رقم 7 بعد أربعين عاما';
      for (const p of article.querySelectorAll(':scope > p'))
        p.textContent = 'صوّت مجلس المدينة مساء الثلاثاء بأغلبية 31 صوتا مقابل 12 على إعادة بناء خط الترام رقم 7.';
    },
    { dark, rtl },
  );
  return page;
}

async function select(page, words) {
  await page.evaluate((words) => {
    const article = document.querySelector('folio-article');
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.data.indexOf(words);
      if (at < 0) continue;
      n.parentElement.scrollIntoView({ block: 'center' });
      getSelection().setBaseAndExtent(n, at, n, at + words.length);
      return;
    }
    throw new Error(`no ${words}`);
  }, words);
}

const dialogShown = (page) =>
  page.waitForFunction(
    () => document.querySelector('folio-correction-dialog')?.shadowRoot?.querySelector('dialog')?.open,
  );

async function shot(page, name) {
  await page.waitForTimeout(150);
  await page.screenshot({ path: new URL(`dialog-${name}.png`, OUT).pathname });
  await page.context().close();
  console.log(`demo/images/dialog-${name}.png`);
}

for (const dark of [false, true]) {
  const scheme = dark ? 'dark' : 'light';
  // A selection, Ctrl+Enter, a suggestion typed.
  let page = await open({ dark });
  await select(page, 'council voted 31 to 12');
  await page.keyboard.press('Control+Enter');
  await dialogShown(page);
  await page.keyboard.type(' on Tuesday');
  await shot(page, `selection-${scheme}`);

  // The keyboard path: the footer's button, words typed, found in the article and quoted.
  page = await open({ dark });
  await page.evaluate(() => document.querySelector('folio-article').shadowRoot.querySelector('footer button').focus());
  await page.keyboard.press('Enter');
  await dialogShown(page);
  await page.keyboard.type('mill street');
  await shot(page, `words-${scheme}`);

  // An email that is not one: the error under the field.
  page = await open({ dark });
  await select(page, 'eleven stops');
  await page.keyboard.press('Control+Enter');
  await dialogShown(page);
  await page.keyboard.type(' (twelve)');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('reader@');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await shot(page, `error-${scheme}`);

  // Sent: the thank-you state.
  page = await open({ dark });
  await select(page, 'eleven stops');
  await page.keyboard.press('Control+Enter');
  await dialogShown(page);
  await page.keyboard.type(' (twelve)');
  await page.evaluate(() =>
    document.querySelector('folio-correction-dialog').shadowRoot.querySelector('button[form=form]').click(),
  );
  await page.waitForFunction(() => document.querySelector('folio-correction-dialog').phase === 'sent');
  await shot(page, `thanks-${scheme}`);

  // A phone: the bottom sheet, with a quote in it (opened with the keys, which the emulated phone has).
  page = await open({ viewport: PHONE, dark, touch: true });
  await select(page, 'eleven stops');
  await page.keyboard.press('Control+Enter');
  await dialogShown(page);
  await shot(page, `phone-${scheme}`);

  // Right to left: an Arabic story.
  page = await open({ dark, rtl: true });
  await select(page, 'خط الترام');
  await page.keyboard.press('Control+Enter');
  await dialogShown(page);
  await shot(page, `rtl-${scheme}`);
}

// Forced colours (Windows High Contrast), as Chromium emulates them.
const page = await open();
await page.emulateMedia({ forcedColors: 'active' });
await select(page, 'eleven stops');
await page.keyboard.press('Control+Enter');
await dialogShown(page);
await page.keyboard.press('Tab');
await shot(page, 'forced-colors');

await browser.close();
await app.close();
