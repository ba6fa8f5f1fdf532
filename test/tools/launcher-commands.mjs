// Test-runner commands the WebDriver launcher lacks, done with WebDriver itself, so WebKit runs
// the same tests as the other engines instead of skipping them:
// - `setViewport`: @web/test-runner-commands supports it for puppeteer and playwright only.
//   Here: size the window so that the page's viewport (innerWidth × innerHeight) is the one asked.
// - `sendKeys({ down })` / `sendKeys({ up })`: the built-in plugin answers "Only press and type
//   are supported by webdriver". Here: WebDriver key actions, whose pressed keys stay pressed
//   between calls until released, which is what a held Ctrl needs.
// Plus `folio-emulate-forced-colors` ({ active }) and `folio-emulate-touch` ({ enabled }: a touch
// screen, so `(pointer: coarse)` matches), which Chromium's DevTools protocol can do, and
// `folio-can-emulate-media`, which tries media emulation on the server, where a failure
// costs no stack trace in the log, so a test page can skip what its launcher cannot do by
// feature, never by user agent (see test/support/launcher.ts).

/** WebDriver's code points for the keys the tests hold down (W3C WebDriver, "keyboard actions"). */
const WEBDRIVER_KEYS = {
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Meta: '\uE03D',
  Enter: '\uE007',
  Escape: '\uE00C',
  Tab: '\uE004',
  Backspace: '\uE003',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
};
const keyValue = (key) => WEBDRIVER_KEYS[key] ?? (key.length === 1 ? key : null);

/** One DevTools session per page, kept: an emulation lasts as long as the session that set it. */
const cdpSessions = new WeakMap();
const cdpSession = (page) => {
  if (!cdpSessions.has(page)) cdpSessions.set(page, page.createCDPSession());
  return cdpSessions.get(page);
};

async function setWebDriverViewport(driver, { width, height }) {
  // The window's frame and toolbar take some room; measure it and ask again until it fits.
  for (let i = 0; i < 3; i++) {
    const [innerW, innerH] = await driver.execute('return [window.innerWidth, window.innerHeight]');
    if (innerW === width && innerH === height) return true;
    const rect = await driver.getWindowRect();
    await driver.setWindowRect(null, null, rect.width + width - innerW, rect.height + height - innerH);
  }
  const [innerW, innerH] = await driver.execute('return [window.innerWidth, window.innerHeight]');
  if (innerW !== width || innerH !== height) {
    throw new Error(`setViewport(${width}×${height}): the WebDriver window gives ${innerW}×${innerH}.`);
  }
  return true;
}

export function launcherCommandsPlugin() {
  const plugin = {
    name: 'folio-launcher-commands',
    serverStart({ config }) {
      // Commands go to plugins in order, and the built-in ones come first and throw for
      // webdriver; the test-runner API plugin holds that list, so move this plugin to its front.
      const list = config.plugins?.find((p) => p.name === 'test-runner-api')?.plugins;
      const i = list?.indexOf(plugin) ?? -1;
      if (i > 0) list.unshift(...list.splice(i, 1));
    },
    async executeCommand({ command, payload, session }) {
      const type = session.browser.type;
      if (command === 'folio-can-emulate-media') {
        if (type === 'playwright') return true;
        if (type !== 'puppeteer') return false;
        try {
          // No features: clears any emulation. Puppeteer does it over CDP, which Firefox lacks.
          await session.browser.getPage(session.id).emulateMediaFeatures([]);
          return true;
        } catch {
          return false;
        }
      }
      if (command === 'folio-emulate-forced-colors') {
        // Forced colours (Windows High Contrast) as Chromium's DevTools emulate them: the media
        // query matches and the forced palette is applied. False where the launcher cannot.
        if (type !== 'puppeteer') return false;
        try {
          const value = payload?.active ? 'active' : 'none';
          await session.browser.getPage(session.id).emulateMediaFeatures([{ name: 'forced-colors', value }]);
          return true;
        } catch {
          return false;
        }
      }
      if (command === 'folio-emulate-touch') {
        // A touch screen as Chromium's DevTools emulate one: `(pointer: coarse)` and `(hover: none)`
        // match. False where the launcher cannot.
        if (type !== 'puppeteer') return false;
        try {
          const enabled = !!payload?.enabled;
          const cdp = await cdpSession(session.browser.getPage(session.id));
          await cdp.send('Emulation.setTouchEmulationEnabled', { enabled, maxTouchPoints: enabled ? 1 : 0 });
          return true;
        } catch {
          return false;
        }
      }
      if (type !== 'webdriver') return undefined;
      const driver = session.browser.driver;
      if (!driver) return undefined;
      if (command === 'set-viewport') return setWebDriverViewport(driver, payload);
      if (command === 'send-keys' && payload && ('down' in payload || 'up' in payload)) {
        const key = payload.down ?? payload.up;
        const value = keyValue(key);
        if (!value) throw new Error(`sendKeys: no WebDriver key for "${key}".`);
        await driver.performActions([
          { type: 'key', id: 'keyboard', actions: [{ type: 'down' in payload ? 'keyDown' : 'keyUp', value }] },
        ]);
        return true;
      }
      return undefined;
    },
  };
  return plugin;
}
