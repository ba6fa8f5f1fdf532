// The bench in Firefox ESR and WebKitGTK: the figures those engines can give. Render time
// against the floor, and Ctrl+Enter to the correction dialog. Layout-shift and long-task entries
// exist only in Chromium, and CPU throttling is a Chrome DevTools Protocol feature: for those the
// bench says so rather than print zeros.
//
// Each engine is driven through a small page adapter (goto, evaluate, Ctrl+Enter) over puppeteer
// (Firefox, WebDriver BiDi) or a plain W3C WebDriver session (WebKitGTK's WebKitWebDriver).
import puppeteer from 'puppeteer';
import WebDriver from 'webdriver';
import { ensureEngines } from '../tools/engines.mjs';
import { startWebKitDriver } from '../tools/webkit-driver.mjs';
import { median } from './median.mjs';
import { selectAndWatch } from './sections.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Firefox ESR over puppeteer; `env` and `prefs` add environment variables and preferences (engine-breakdown.mjs: the Gecko profiler, precise timers). */
export async function firefox({ env, prefs } = {}) {
  const { executablePath } = ensureEngines(['firefox']).firefox;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    env: env && { ...process.env, ...env },
    extraPrefsFirefox: prefs,
  });
  return {
    label: 'Firefox ESR',
    async page(width, height) {
      const page = await browser.newPage();
      await page.setViewport({ width, height });
      return {
        goto: (url) => page.goto(url),
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        async ctrlEnter() {
          await page.keyboard.down('Control');
          await page.keyboard.press('Enter');
          await page.keyboard.up('Control');
        },
        close: () => page.close(),
      };
    },
    close: () => browser.close(),
  };
}

export async function webkit() {
  const found = ensureEngines(['webkit']).webkit;
  const driver = await startWebKitDriver(found);
  let session;
  try {
    session = await WebDriver.newSession({
      hostname: '127.0.0.1',
      port: driver.port,
      logLevel: 'error',
      capabilities: { 'webkitgtk:browserOptions': { binary: found.miniBrowser, args: ['--automation'] } },
    });
  } catch (e) {
    await driver.stop();
    throw e;
  }
  return {
    label: 'WebKitGTK',
    // One window: a "page" is the next navigation in it.
    async page(width, height) {
      await session.setWindowRect(null, null, width, height);
      return {
        goto: (url) => session.navigateTo(url),
        // W3C Execute Script awaits a returned promise.
        evaluate: (fn, arg) => session.executeScript(`return (${fn}).apply(null, arguments)`, [arg]),
        ctrlEnter: () =>
          session.performActions([
            {
              type: 'key',
              id: 'keyboard',
              actions: [
                { type: 'keyDown', value: '\uE009' },
                { type: 'keyDown', value: '\uE007' },
                { type: 'keyUp', value: '\uE007' },
                { type: 'keyUp', value: '\uE009' },
              ],
            },
          ]),
        close: async () => {},
      };
    },
    async close() {
      await session.deleteSession().catch(() => {});
      await driver.stop();
    },
  };
}

async function waitFor(page, fn) {
  for (let i = 0; i < 300; i++) {
    if (await page.evaluate(fn)) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${fn}`);
}

async function render(engine, origin, samples) {
  const run = async (which) => {
    const page = await engine.page(1280, 900);
    await page.goto(`${origin}/test/bench/render.html`);
    await waitFor(page, () => window.benchReady === true && !!customElements.get('folio-article'));
    const r = await page.evaluate((w) => window.bench(w), which);
    await page.close();
    return r;
  };
  await run('floor');
  await run('folio');
  const floor = [];
  const folio = [];
  for (let i = 0; i < samples; i++) {
    floor.push((await run('floor')).total);
    folio.push((await run('folio')).total);
  }
  const [f, o] = [median(floor), median(folio)];
  return `  render 1000 paragraphs: floor ${f.toFixed(1)} ms, <folio-article> ${o.toFixed(1)} ms, ratio ${(o / f).toFixed(2)}  (target ≤ 1.20)`;
}

async function correction(engine, origin, samples) {
  const times = [];
  for (let i = 0; i < samples; i++) {
    const page = await engine.page(1280, 900);
    await page.goto(`${origin}/demo/index.html`);
    await waitFor(page, () => !!customElements.get('folio-article') && !!document.querySelector('folio-article p'));
    await page.evaluate(selectAndWatch);
    await sleep(600);
    await page.ctrlEnter();
    // [to the frame after the dialog is open, Folio's work], from the Enter keydown (see selectAndWatch).
    const shown = await page.evaluate(() => window.__shown);
    const latency = shown && shown[0];
    await page.close();
    if (latency !== null) times.push(latency);
  }
  if (!times.length) return '  Ctrl+Enter to the correction dialog: the dialog did not open through this driver';
  return `  Ctrl+Enter to the frame showing the correction dialog: median ${median(times).toFixed(1)} ms of ${times.length}  (target < 50 ms)`;
}

/** The Firefox and WebKit sections of the bench; each engine in turn, one line per figure. */
export async function otherEngines(origin, samples) {
  const lines = [];
  for (const start of [firefox, webkit]) {
    let engine;
    try {
      engine = await start();
    } catch (e) {
      lines.push(`${start.name}: not measured (${e.message.split('\n')[0]})`);
      continue;
    }
    try {
      lines.push(`${engine.label}:`);
      lines.push(await render(engine, origin, samples));
      lines.push(await correction(engine, origin, samples));
      lines.push(
        '  layout shift and long tasks: not exposed by this engine (Chromium only); no CPU throttling outside Chromium',
      );
    } catch (e) {
      lines.push(`  failed: ${e.message.split('\n')[0]}`);
    } finally {
      await engine.close();
    }
  }
  return lines;
}
