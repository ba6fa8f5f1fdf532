// The browser suite, in one engine per run: FOLIO_ENGINE=chromium (default), firefox or webkit.
// `npm test` runs the three one after another (test/tools/run-tests.mjs); `npx wtr` alone runs
// Chromium as before.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { ENGINES, engineFromEnv, ensureEngines } from './test/tools/engines.mjs';
import { chromiumArgs } from './test/tools/find-browser.mjs';
import { launcherCommandsPlugin } from './test/tools/launcher-commands.mjs';
import { summaryReporter } from './test/tools/summary-reporter.mjs';
import { testMiddleware } from './test/tools/test-middleware.mjs';
import { startWebKitDriver } from './test/tools/webkit-driver.mjs';

const engine = engineFromEnv();
const found = ensureEngines([engine])[engine];

/** Per engine: the launcher and how many test files run at once (2 cores, other work beside). */
async function setup() {
  if (engine === 'firefox') {
    return {
      // One page at a time: with two windows open, the keyboard tests (Esc closing the dialog,
      // focus coming back) failed now and then, the other window holding the focus.
      concurrency: 1,
      browser: puppeteerLauncher({
        launchOptions: { browser: 'firefox', executablePath: found.executablePath, headless: true },
        // A window per test page: tabs sharing a window are hidden, and hidden pages get no
        // requestAnimationFrame and no IntersectionObserver callbacks.
        createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage({ type: 'window' }),
      }),
    };
  }
  if (engine === 'webkit') {
    // run-tests.mjs starts the driver and passes its port; run alone, we start it ourselves.
    let port = Number(process.env.FOLIO_WEBKIT_PORT) || null;
    let stopDriver;
    if (!port) ({ port, stop: stopDriver } = await startWebKitDriver(found));
    const browser = webdriverLauncher({
      automationProtocol: 'webdriver',
      hostname: '127.0.0.1',
      port,
      logLevel: 'error',
      capabilities: {
        // No browserName: WebKitWebDriver matches it against MiniBrowser's and would refuse one.
        'webkitgtk:browserOptions': { binary: found.miniBrowser, args: ['--automation'] },
      },
    });
    const initialize = browser.initialize.bind(browser);
    browser.initialize = async (...args) => {
      await initialize(...args);
      browser.name = 'WebKitGTK'; // the launcher names itself from browserName, which we cannot set
    };
    const stop = browser.stop.bind(browser);
    browser.stop = async () => {
      await stop();
      await stopDriver?.();
    };
    // One page at a time: with more, the launcher runs tests in iframes of one page (300 × 150
    // px viewports) and refuses mouse actions.
    return { concurrency: 1, browser };
  }
  return {
    concurrency: 2,
    browser: chromeLauncher({
      launchOptions: { executablePath: found.executablePath, headless: true, args: chromiumArgs() },
      // One browser context per test page: with a shared context the second page is "hidden",
      // and requestAnimationFrame and IntersectionObserver never fire there (modernweb-dev/web#2808).
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    }),
  };
}

const { concurrency: tuned, browser } = await setup();
// FOLIO_CONCURRENCY overrides the tuned value (a slower or a bigger machine); WebKit stays at 1.
const concurrency = engine === 'webkit' ? 1 : Number(process.env.FOLIO_CONCURRENCY) || tuned;

export default {
  files: ['test/**/*.test.ts', '!test/bench/**', '!test/node/**'],
  nodeResolve: true,
  rootDir: '.',
  concurrency,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 240_000,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), launcherCommandsPlugin()],
  middleware: [testMiddleware],
  browsers: [browser],
  reporters: [defaultReporter(), summaryReporter({ engine: ENGINES[engine].label })],
  testFramework: {
    config: { timeout: 10_000 },
  },
  filterBrowserLogs: ({ type }) => type === 'error',
};
