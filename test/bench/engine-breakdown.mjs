// Why Firefox ESR and WebKitGTK measure slower than Chromium in the bench's engines section:
// the same two measurements (1000 paragraphs rendered against the createElement floor; Ctrl+Enter
// to the correction dialog) taken apart in the page, in each engine, with Chromium alongside.
//
//   node test/bench/engine-breakdown.mjs [chromium] [firefox] [webkit] [--samples=N] [--profile]
//
// Render: how many Lit updates (chunks) <folio-article> made, how much script they ran (timed by
// wrapping the element's performUpdate, so Lit, the templates and the sanitizer are in it), and
// how many frames the browser rendered between them; the rest of the time is the browser's
// style, layout and paint, and waiting for frames. Ctrl+Enter: from the key's timestamp, when
// the page saw the key, when Folio's handler (and the dialog's synchronous render) was done, the
// first frame that had the dialog open and the frame after it, and when the driver gave control
// back. `--profile` (Firefox): runs the same under the Gecko profiler (MOZ_PROFILER_STARTUP) and
// prints where the content process spent each measured window, Folio's frames mapped to sources.
// Firefox's timers are made precise for this tool (privacy.reduceTimerPrecision off).
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createStaticHandler } from '../../server/lib/static.mjs';
import { ROOT } from '../../server/index.mjs';
import { chromiumArgs, findChromium } from '../tools/find-browser.mjs';
import { firefox, webkit } from './engines.mjs';
import { readGeckoProfile } from './gecko-profile.mjs';
import { median } from './median.mjs';
import { selectAndWatch } from './sections.mjs';

const args = process.argv.slice(2);
const SAMPLES = Number(args.find((a) => a.startsWith('--samples='))?.split('=')[1] ?? 5);
const PROFILE = args.includes('--profile');
const engines = args.filter((a) => !a.startsWith('--'));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const fmt = (n) => (n === null || n === undefined || Number.isNaN(n) ? '—' : `${n.toFixed(1)} ms`);

async function chromiumEngine() {
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: chromiumArgs() });
  return {
    label: `Chromium ${browser.version()}`,
    async page(width, height) {
      const page = await browser.newPage({ viewport: { width, height } });
      return {
        goto: (url) => page.goto(url),
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        ctrlEnter: () => page.keyboard.press('Control+Enter'),
        close: () => page.close(),
      };
    },
    close: () => browser.close(),
  };
}

async function waitFor(page, fn) {
  for (let i = 0; i < 300; i++) {
    if (await page.evaluate(fn)) return;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${fn}`);
}

/** In render.html: times <folio-article>'s Lit updates and counts frames while `bench(which)` runs. Marks `<which>-start/-end` for the profiler. */
function timedRender(which) {
  const Article = customElements.get('folio-article');
  if (!Object.hasOwn(Article.prototype, 'performUpdate')) {
    const original = Article.prototype.performUpdate;
    Object.defineProperty(Article.prototype, 'performUpdate', {
      configurable: true,
      writable: true,
      value() {
        const start = performance.now();
        try {
          return original.call(this);
        } finally {
          window.__updates.push([start, performance.now() - start]);
        }
      },
    });
  }
  window.__updates = [];
  const frames = [];
  let counting = true;
  const tick = () => {
    frames.push(performance.now());
    if (counting) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  performance.mark(`${which}-start`);
  return window.bench(which).then((result) => {
    performance.mark(`${which}-end`);
    counting = false;
    const updates = window.__updates;
    const first = updates[0]?.[0] ?? 0;
    const last = updates.length ? updates.at(-1)[0] + updates.at(-1)[1] : 0;
    return {
      total: result.total,
      firstFrame: result.firstFrame,
      updates: updates.length,
      script: updates.reduce((n, u) => n + u[1], 0),
      framesBetween: frames.filter((f) => f > first && f < last).length,
    };
  });
}

/** In demo/index.html, after selectAndWatch: a timeline of the next Ctrl+Enter, from the key's timestamp. */
function watchCorrection() {
  const log = (window.__timeline = { frames: [], dialogUpdates: 0 });
  const timeUpdates = (Dialog) => {
    if (!Dialog || Object.hasOwn(Dialog.prototype, 'performUpdate')) return;
    const original = Dialog.prototype.performUpdate;
    Object.defineProperty(Dialog.prototype, 'performUpdate', {
      configurable: true,
      writable: true,
      value() {
        const start = performance.now();
        try {
          return original.call(this);
        } finally {
          log.dialogUpdates += performance.now() - start;
        }
      },
    });
  };
  timeUpdates(customElements.get('folio-correction-dialog'));
  // Enter's keydown: drivers send Control's first, in some engines a round trip earlier.
  const onEnter = (e) => {
    if (e.key !== 'Enter') return;
    removeEventListener('keydown', onEnter, true);
    addEventListener('keydown', () => queueMicrotask(() => (log.handled = performance.now())), { once: true });
    performance.mark('ctrl-start');
    log.down = e.timeStamp;
    log.listener = performance.now();
    log.dialogUpdates = 0;
    const tick = (t) => {
      const dialog = document.querySelector('folio-correction-dialog')?.shadowRoot?.querySelector('dialog');
      log.frames.push([t, !!dialog?.open]);
      const open = log.frames.findIndex(([, isOpen]) => isOpen);
      if (open >= 0 && log.frames.length == open + 2) performance.mark('ctrl-end');
      if (log.frames.length < 8) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  addEventListener('keydown', (e) => (log.firstKey = e.timeStamp), { capture: true, once: true });
  addEventListener('keydown', onEnter, true);
  return true;
}

async function measure(engine, origin) {
  const lines = [`${engine.label} (warm pages, no throttling, median of ${SAMPLES}):`];
  // Render: one page per run, as the engines section does.
  const run = async (which) => {
    const page = await engine.page(1280, 900);
    await page.goto(`${origin}/test/bench/render.html`);
    await waitFor(page, () => window.benchReady === true && !!customElements.get('folio-article'));
    const r = await page.evaluate(timedRender, which);
    await page.close();
    return r;
  };
  await run('floor');
  await run('folio');
  const floor = [];
  const folio = [];
  for (let i = 0; i < SAMPLES; i++) {
    floor.push(await run('floor'));
    folio.push(await run('folio'));
  }
  const m = (list, key) => median(list.map((r) => r[key]));
  lines.push(
    `  render 1000 paragraphs: floor ${fmt(m(floor, 'total'))}, <folio-article> ${fmt(m(folio, 'total'))} (ratio ${(m(folio, 'total') / m(floor, 'total')).toFixed(2)}); first screen at ${fmt(m(folio, 'firstFrame'))}`,
  );
  lines.push(
    `    ${m(folio, 'updates')} Lit updates (chunks) running ${fmt(m(folio, 'script'))} of script (templates, sanitizer, commit); ${m(folio, 'framesBetween')} frames rendered between the first and the last; the other ${fmt(m(folio, 'total') - m(folio, 'script'))} is the browser's style, layout, paint and waiting for frames`,
  );

  const timelines = [];
  for (let i = 0; i < SAMPLES; i++) {
    const page = await engine.page(1280, 900);
    await page.goto(`${origin}/demo/index.html`);
    await waitFor(page, () => !!customElements.get('folio-article') && !!document.querySelector('folio-article p'));
    await page.evaluate(selectAndWatch);
    await sleep(600);
    await page.evaluate(watchCorrection);
    await page.ctrlEnter();
    const returned = await page.evaluate(() => performance.now() - window.__timeline.down);
    await sleep(400);
    const t = await page.evaluate(() => window.__timeline);
    const open = t.frames.findIndex(([, isOpen]) => isOpen);
    timelines.push({
      delivered: t.listener - t.down,
      handled: t.handled - t.down,
      dialog: t.dialogUpdates,
      firstFrame: t.frames[0] ? t.frames[0][0] - t.down : null,
      openFrame: open >= 0 ? t.frames[open][0] - t.down : null,
      after: open >= 0 && t.frames[open + 1] ? t.frames[open + 1][0] - t.down : null,
      framesBefore: open,
      returned,
      controlBefore: t.down - t.firstKey,
    });
    await page.close();
  }
  const c = (key) => median(timelines.filter((t) => t[key] !== null).map((t) => t[key]));
  lines.push(
    `  Ctrl+Enter (demo page, selection settled), from the key's timestamp: the page has the key at +${fmt(c('delivered'))}; Folio's handler and the dialog's render done at +${fmt(c('handled'))} (the dialog's Lit updates ${fmt(c('dialog'))})`,
  );
  lines.push(
    `    first frame after the key +${fmt(c('firstFrame'))}; first frame with the dialog open +${fmt(c('openFrame'))} (${c('framesBefore')} frames without it before); the frame after it +${fmt(c('after'))}`,
  );
  lines.push(
    `    the driver: Control's keydown ${fmt(c('controlBefore'))} before Enter's; control back at +${fmt(c('returned'))} after Enter's (the engines section used to time from Control's keydown and to start watching only then)`,
  );
  return lines;
}

const serve = createStaticHandler({ root: ROOT, mounts: ['dist', 'demo', 'test'] });
const server = http.createServer((req, res) => serve(req, res, new URL(req.url, 'http://x').pathname));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const precise = { 'privacy.reduceTimerPrecision': false };
try {
  const starts = { chromium: chromiumEngine, firefox: () => firefox({ prefs: precise }), webkit };
  for (const name of engines.length ? engines : Object.keys(starts)) {
    const engine = await starts[name]();
    try {
      console.log((await measure(engine, origin)).join('\n') + '\n');
    } finally {
      await engine.close();
    }
  }
  if (PROFILE) {
    const dir = mkdtempSync(path.join(tmpdir(), 'folio-gecko-'));
    const file = path.join(dir, 'profile.json');
    const env = {
      MOZ_PROFILER_STARTUP: '1',
      MOZ_PROFILER_SHUTDOWN: file,
      MOZ_PROFILER_STARTUP_INTERVAL: '0.5',
      MOZ_PROFILER_STARTUP_ENTRIES: '20000000',
      MOZ_PROFILER_STARTUP_FEATURES: 'js,stackwalk,markers',
      MOZ_PROFILER_STARTUP_FILTERS: 'GeckoMain',
    };
    const engine = await firefox({ env, prefs: precise });
    try {
      await measure(engine, origin);
    } finally {
      // The profile is written when Firefox shuts down.
      await engine.close();
    }
    const profile = await readGeckoProfile(file);
    for (const [label, what] of [
      ['floor', 'the createElement floor (bench(floor), to the frame after, plus its 100 ms wait)'],
      ['folio', '<folio-article> (bench(folio), to the frame after the last chunk, plus its 100 ms wait)'],
      ['ctrl', 'Ctrl+Enter: keydown to the frame after the dialog is open'],
    ]) {
      const w = profile.window(label);
      console.log(`Gecko profile, ${what}: ${w.windows} windows of ${fmt(w.span)} on average`);
      for (const [name, t] of w.byFunction.slice(0, 18)) console.log(`  ${fmt(t).padStart(9)}  ${name}`);
      console.log('  callees included:');
      for (const [name, t] of w.inclusive.filter(([n]) => !/^\(root\)|XRE_|PollWrapper$/.test(n)).slice(0, 32))
        console.log(`  ${fmt(t).padStart(9)}  ${name}`);
      console.log('');
    }
    rmSync(dir, { recursive: true, force: true });
  }
} finally {
  server.closeAllConnections();
  server.close();
}
