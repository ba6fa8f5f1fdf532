// `npm run bench`: Folio's performance figures, measured in headless Chromium in one run, as
// ratios against a floor where that makes sense (timings drift between runs; ratios don't).
//
//   render   a 1000-paragraph story: Folio vs a hand-written createElement floor, time to the
//            frame after everything is rendered, and the longest main-thread task at 4x CPU
//            throttling (Chrome DevTools Protocol Emulation.setCPUThrottlingRate).
//
//   cold     what a reader's phone gets: a fresh browser context per load, 4x CPU, with and
//            without Folio (test/bench/cold.mjs). The render section above measures a warmed page.
//
// Further sections (ads layout shift, correction latency) live in test/bench/*.mjs and are
// listed in SECTIONS below.
import http from 'node:http';
import { chromium } from 'playwright-core';
import { createStaticHandler } from '../../server/lib/static.mjs';
import { SECTIONS as coldSections } from './cold.mjs';
import { otherEngines } from './engines.mjs';
import { ROOT } from '../../server/index.mjs';
import { ensureEngines } from '../tools/engines.mjs';
import { chromiumArgs } from '../tools/find-browser.mjs';
import { median } from './median.mjs';

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const SAMPLES = Number(process.env.BENCH_SAMPLES || 7);
const ms = (n) => `${n.toFixed(1)} ms`;

async function renderBench(browser, origin) {
  const lines = [];
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  const open = async (query = '') => {
    await page.goto(`${origin}/test/bench/render.html${query}`);
    await page.waitForFunction(() => window.benchReady === true && customElements.get('folio-article'));
  };
  const measure = async (which, query) => {
    await open(query);
    return page.evaluate((w) => window.bench(w), which);
  };
  // Warm-up, then alternate so both sides see the same machine state.
  await measure('floor');
  await measure('folio');
  const floor = [];
  const folio = [];
  for (let i = 0; i < SAMPLES; i++) {
    floor.push(await measure('floor'));
    folio.push(await measure('folio'));
  }
  const floorTotal = median(floor.map((r) => r.total));
  const folioTotal = median(folio.map((r) => r.total));
  const folioFirst = median(folio.map((r) => r.firstFrame));
  if (folio.some((r) => r.count !== 1000) || floor.some((r) => r.count !== 1000))
    throw new Error('render bench: not every paragraph rendered');
  lines.push(`warm: render 1000 paragraphs (median of ${SAMPLES}, unthrottled):`);
  lines.push(`  floor (createElement)       ${ms(floorTotal)} to the frame after render`);
  lines.push(
    `  <folio-article>             ${ms(folioTotal)} to the frame after the last chunk; first frame (first screen) at ${ms(folioFirst)}`,
  );
  lines.push(`  ratio folio / floor         ${(folioTotal / floorTotal).toFixed(2)}  (target ≤ 1.20)`);

  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const throttledFolio = [];
  const throttledFloor = [];
  const warmFolio = [];
  for (let i = 0; i < Math.max(5, SAMPLES); i++) {
    throttledFloor.push(await measure('floor'));
    throttledFolio.push(await measure('folio'));
    warmFolio.push(await measure('folio', '?intl=warm'));
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  // Long tasks are reported by the browser only when over 50 ms: say in how many runs there was one, and the worst.
  const longest = (runs) => {
    const long = runs.filter((r) => r.longest > 0);
    return long.length
      ? `${ms(Math.max(...long.map((r) => r.longest)))} worst; a task over 50 ms in ${long.length} of ${runs.length} runs`
      : `none over 50 ms in ${runs.length} runs`;
  };
  lines.push(`at 4x CPU throttling:`);
  lines.push(`  longest task, <folio-article>                 ${longest(throttledFolio)}  (target: none over 50 ms)`);
  lines.push(
    `  … with the locale data already loaded          ${longest(warmFolio)}  (the first Intl.DateTimeFormat of a page costs ~50 ms at 1x)`,
  );
  lines.push(`  longest task, floor                            ${longest(throttledFloor)}`);
  lines.push(
    `  ratio folio / floor (4x)                       ${(median(throttledFolio.map((r) => r.total)) / median(throttledFloor.map((r) => r.total))).toFixed(2)}`,
  );
  const longestFolio = Math.max(...throttledFolio.map((r) => r.longest));
  await page.close();
  return { lines, figures: { ratio: folioTotal / floorTotal, longest: longestFolio } };
}

const SECTIONS = { render: renderBench };
try {
  const extra = await import('./sections.mjs');
  Object.assign(SECTIONS, extra.SECTIONS);
} catch (e) {
  if (e.code !== 'ERR_MODULE_NOT_FOUND') throw e;
}
Object.assign(SECTIONS, coldSections);

// The bench pages live in test/bench/, next to the code they measure; serve them with the bundles.
const serve = createStaticHandler({ root: ROOT, mounts: ['dist', 'demo', 'test'] });
const server = http.createServer((req, res) => serve(req, res, new URL(req.url, 'http://x').pathname));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
const origin = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({
  executablePath: ensureEngines(['chromium']).chromium.executablePath,
  headless: true,
  args: chromiumArgs(),
});
let failed = false;
try {
  console.log(`Folio bench · Chromium ${browser.version()} · ${SAMPLES} samples\n`);
  for (const [name, run] of Object.entries(SECTIONS)) {
    if (only.length && !only.includes(name)) continue;
    try {
      const { lines } = await run(browser, origin);
      console.log(lines.join('\n') + '\n');
    } catch (e) {
      failed = true;
      console.error(`${name}: FAILED: ${e.stack || e}`);
    }
  }
  if (!only.length || only.includes('engines')) {
    try {
      console.log(
        'other engines (Chromium above):\n' + (await otherEngines(origin, Math.min(SAMPLES, 5))).join('\n') + '\n',
      );
    } catch (e) {
      failed = true;
      console.error(`engines: FAILED: ${e.stack || e}`);
    }
  }
} finally {
  await browser.close();
  server.closeAllConnections();
  server.close();
}
process.exit(failed ? 1 : 0);
