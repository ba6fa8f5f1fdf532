// What the first `Intl` call of a cold page costs on a phone (4x CPU), for the figures README's
// "The first date format" and test/bench/cold/PROFILE.md give: a new browser context per load,
// an empty page, one timed call, then the same call again. Folio is not loaded: this is the
// browser's own cost, which Folio's header pays on a page that has not formatted a date yet.
//
//   node test/bench/first-intl.mjs [--loads=N]     (default 5 loads per call, interleaved)
import http from 'node:http';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../tools/find-browser.mjs';
import { median } from './median.mjs';

const LOADS = Number(process.argv.find((a) => a.startsWith('--loads='))?.split('=')[1] ?? 5);
const THROTTLE = 4;
/** The worker of README's page script, here awaited, so the call after it is measured with the data loaded. */
const WORKER = `await new Promise((done) => {
  const worker = new Worker(URL.createObjectURL(new Blob(['onmessage = (e) => { new Intl.DateTimeFormat(e.data, { dateStyle: "long", timeStyle: "short" }).format(); postMessage(0); close(); }'])));
  worker.onmessage = done;
  worker.postMessage('en');
});`;
/** Folio's header's date format (`DATE` in src/elements/article/blocks.ts), with `d` a date. */
const HEADER = `new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(d)`;
/** Each call is timed as the page's first; `before` runs first, untimed. */
const CALLS = {
  "Folio's header: Intl.DateTimeFormat('en', { year, month, day, hour, minute })": { call: HEADER },
  "the page script's options, { dateStyle: 'long', timeStyle: 'short' }": {
    call: `new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short' }).format(d)`,
  },
  "the same, timeZone 'UTC'": {
    call: `new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(d)`,
  },
  'date fields only': {
    call: `new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', day: 'numeric' }).format(d)`,
  },
  'Date#toLocaleDateString() (no language, no options)': { call: `d.toLocaleDateString()` },
  "Intl.DateTimeFormat.supportedLocalesOf('en') (no format made)": {
    call: `Intl.DateTimeFormat.supportedLocalesOf('en')`,
  },
  'Intl.NumberFormat': { call: `new Intl.NumberFormat('en').format(1234.5)` },
  'Intl.PluralRules': { call: `new Intl.PluralRules('en').select(1)` },
  "Intl.Locale#getTextInfo (Folio's directionOf)": { call: `new Intl.Locale('en').getTextInfo?.()` },
  "Folio's header's format after a worker of the page formatted a date": {
    before: WORKER,
    call: HEADER,
  },
};

const server = http.createServer((req, res) => {
  res.setHeader('content-type', 'text/html');
  res.end('<!doctype html><html lang=en><title>Intl</title><p>An empty page.</p>');
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: chromiumArgs() });

/** One cold load: the call's first and second time, in ms. */
async function measure({ before = '', call }) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    await page.goto(origin);
    return await page.evaluate(
      // Indirect eval: the call's code is this bench's own text, run as a page script would run it.
      ({ before, call }) =>
        (0, eval)(`(async () => {
          const d = new Date('2026-03-04T10:20:00Z');
          ${before}
          const t0 = performance.now();
          ${call};
          const t1 = performance.now();
          ${call};
          return [t1 - t0, performance.now() - t1];
        })()`),
      { before, call },
    );
  } finally {
    await context.close();
  }
}

try {
  const results = Object.fromEntries(Object.keys(CALLS).map((name) => [name, []]));
  for (let i = 0; i < LOADS; i++) {
    for (const [name, spec] of Object.entries(CALLS)) results[name].push(await measure(spec));
  }
  console.log(
    `The first Intl call of a cold page at ${THROTTLE}x, Chromium ${browser.version()}, ${LOADS} loads each:`,
  );
  for (const [name, runs] of Object.entries(results)) {
    const first = runs.map(([t]) => t);
    const range = `${Math.min(...first).toFixed(0)}–${Math.max(...first).toFixed(0)}`;
    const again = median(runs.map(([, t]) => t)).toFixed(1);
    console.log(`  ${name}\n    first ${median(first).toFixed(0)} ms (${range}); again ${again} ms`);
  }
} finally {
  await browser.close();
  server.close();
}
