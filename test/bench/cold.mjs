// The cold section of `npm run bench`: what a reader's phone gets, measured as Lighthouse and
// Core Web Vitals see a page. Every load is cold: a new browser context (no HTTP cache, no code
// cache, a new renderer process: no warm JIT), Chromium at 4x CPU throttling, a 412×823 phone
// viewport, `dist/folio.js` loaded the way publishers load it. Each page is loaded in turn with
// and without Folio (the same page minus the script tag), so both see the same machine state,
// and the figures are medians, paired differences, ratios and counts, never single timings.
//
//   node test/bench/run.mjs cold        (BENCH_SAMPLES loads per page, default 7;
//                                        BENCH_SHARE_LOADS loads per share, default 20)
//
// Pages (test/bench/cold/): a 13-paragraph news article on a publisher's page, enhanced with
// `data-enhance` by a tag at the end of <body> (article-end), with `defer` in <head> (the
// README's tag, article-defer) or `async` (article-async), and without Folio (article); a
// partner page with `<folio-article src>` (partner, partner-none); a 1000-paragraph story set as
// `story` (long, long-none); the last two again with WARM_DATES run first (the page script
// README's "The first date format" gives); and the partner page against the same story as static
// HTML (partner-static, made at bench time: staticStoryPage). What is measured per load is in
// test/bench/cold/probe.js.
import { readFileSync } from 'node:fs';
import { probe } from './cold/probe.js';
import { selectInLongStory, selectPhrase } from './cold/select.js';
import { median } from './median.mjs';
import { loadSourceMap } from './sourcemap.mjs';

const SAMPLES = Number(process.env.BENCH_SAMPLES || 7);
const SHARE_LOADS = Number(process.env.BENCH_SHARE_LOADS || 20);
/** CPU slowdown: Lighthouse's mobile setting, a mid-range phone. */
const THROTTLE = 4;
/** A task's time beyond this is blocking (Total Blocking Time); frames over it are long. */
const BLOCKING_MS = 50;
/** Lighthouse's mobile device: a Moto G Power class phone. */
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
/** The laptop-sized window where the issue saw enhancement lose the race with the first paint. */
const LAPTOP = { viewport: { width: 1100, height: 900 } };
/** Ctrl+Enter is a keyboard's: a desktop window. */
const DESKTOP = { viewport: { width: 1280, height: 900 } };
/** Wait for the page to be done: loaded, Folio ready, 2 s in (the outbox drains 1 s after start), then 750 ms without a long task. */
const SETTLE = { quiet: 750, min: 2000, max: 12000 };
/** The site's other data in localStorage for the outbox figure (analytics, consent, app state): 1000 keys of 2000 characters. */
const STORAGE_KEYS = 1000;
const STORAGE_VALUE_CHARS = 2000;

/**
 * The page script README's "The first date format" gives publishers: the browser's date data
 * loaded on another thread, before Folio formats its first date (the first date format of a page
 * otherwise loads it on the main thread, 70–160 ms at 4x). Run here as an init script, which is
 * what an inline script at the top of <head> is; the pages without Folio run it too.
 */
export const WARM_DATES = `try {
  const worker = new Worker(URL.createObjectURL(new Blob(['onmessage = (e) => { new Intl.DateTimeFormat(e.data, { dateStyle: "long", timeStyle: "short" }).format(); close(); }'])));
  worker.postMessage(document.documentElement?.lang || 'en');
} catch {}`;

const BUNDLE = new URL('../../dist/folio.js', import.meta.url).pathname;
const PAGES = '/test/bench/cold';
const ms = (n) => (n === null || n === undefined || Number.isNaN(n) ? '—' : `${Math.round(n)} ms`);
const isFolio = (script) => /\/dist\/folio\.js(\?|$)/.test(script.sourceURL ?? '');

/**
 * One cold load of `url`: a fresh context, throttled before navigation, the probe installed
 * before any page script. `setup(context)` runs before navigation, `act(page)` after the page
 * settled; returns what the probe saw, plus what `act` returned.
 */
async function coldLoad(browser, url, { device = PHONE, settle = SETTLE, setup, act } = {}) {
  const context = await browser.newContext(device);
  try {
    if (setup) await setup(context);
    await context.addInitScript(probe);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    await page.goto(url);
    const settled = await page.evaluate((options) => window.__bench.settle(options), settle);
    const acted = act ? await act(page) : undefined;
    const seen = await page.evaluate(() => {
      // Everything the probe recorded, without its function.
      const { settle: _settle, ...data } = window.__bench;
      return data;
    });
    return { ...seen, ...settled, acted };
  } finally {
    await context.close();
  }
}

/**
 * partner-none.html with the story Folio draws on partner.html written into it as static HTML: the
 * article's shadow root as a declarative one, with the element's own styles, and no script. What
 * showing that story costs any page, the floor Folio's cost on the partner page is measured
 * against. Taken from a load of partner.html at bench time, so it is always the story Folio draws
 * now. (The inserted slots and the related card stay plain boxes of their reserved size: their own
 * shadow roots are left out.)
 */
async function staticStoryPage(browser, origin) {
  const { acted: article } = await coldLoad(browser, `${origin}${PAGES}/partner.html`, {
    settle: { ...SETTLE, ready: 1 },
    act: (page) =>
      page.evaluate(() => {
        const el = document.querySelector('folio-article');
        const css = el.constructor.elementStyles.map((style) => style.cssText).join('\n');
        return `<template shadowrootmode="open"><style>${css}</style>${el.shadowRoot.innerHTML}</template>${el.innerHTML}`;
      }),
  });
  const none = readFileSync(new URL('./cold/partner-none.html', import.meta.url), 'utf8');
  const html = none.replace(
    /<folio-article src="[^"]*">[\s\S]*?<\/folio-article>/,
    `<folio-article>${article}</folio-article>`,
  );
  if (html === none) throw new Error('cold bench: partner-none.html has no <folio-article src> to replace');
  return html;
}

/** Total Blocking Time of a load: each long task's time beyond 50 ms, from navigation to the settled page. */
const tbt = (load) => load.longtasks.reduce((sum, t) => sum + Math.max(0, t.duration - BLOCKING_MS), 0);
const longestTask = (load) => Math.max(0, ...load.longtasks.map((t) => t.duration));
/** The longest animation frame of a load (0 where none was over 50 ms: only those are reported). */
const longestFrame = (load) => Math.max(0, ...load.frames.map((f) => f.duration));
const fcp = (load) => load.paint['first-contentful-paint'] ?? null;

/** Folio's longest frame in a load: a long animation frame in which a script of dist/folio.js ran, and the longest such script. */
function folioFrame(load) {
  let found = null;
  for (const frame of load.frames) {
    const scripts = frame.scripts.filter(isFolio);
    if (!scripts.length || (found && found.frame.duration >= frame.duration)) continue;
    const top = scripts.reduce((a, b) => (b.duration > a.duration ? b : a));
    found = { frame, top, script: scripts.reduce((n, s) => n + s.duration, 0) };
  }
  return found;
}

/**
 * Whether the first reserved slot was in the first contentful paint: laid out (its ResizeObserver
 * call, which follows layout) before the paint step of the rendering update that painted first.
 * Where the engine gives no paintTime, its presentation time stands in (a frame later at worst).
 */
function slotInFirstPaint(load) {
  const paint = fcp(load);
  if (load.slots.reserved === null || !paint) return null;
  return load.slots.reserved <= (paint.paintTime ?? paint.start);
}

function describeScript(map, script) {
  if (script.invokerType === 'classic-script')
    return 'evaluating the bundle (its top level: Lit, the element classes, define, the script tag)';
  let where = script.sourceFunctionName || '(anonymous)';
  if (map && script.sourceCharPosition >= 0) {
    const at = map.position(script.sourceCharPosition);
    const source = map.original(at.line, at.column);
    // A promise reaction points into the async function it resumes: name the line, not a function.
    if (script.invokerType === 'resolve-promise' && source)
      where = `an async function resuming at ${source.source}:${source.line}`;
    else where = map.describe(at.line, at.column);
  }
  return `${script.invoker || script.invokerType} → ${where}`;
}

/** The load whose value is the median of `values`: its details stand for the set. */
const medianLoad = (loads, value) => {
  const sorted = [...loads].sort((a, b) => value(a) - value(b));
  return sorted[(sorted.length - 1) >> 1];
};

/**
 * Loads `withUrl` and `withoutUrl` `SAMPLES` times each, in pairs, alternating which goes first
 * (ABBA): a load that follows another shares the machine with that one's teardown.
 */
async function pairs(browser, withUrl, withoutUrl, options = {}) {
  const withFolio = [];
  const without = [];
  const load = async (folio) => {
    const loads = folio ? withFolio : without;
    loads.push(
      await coldLoad(browser, folio ? withUrl : withoutUrl, {
        ...options,
        settle: { ...SETTLE, ...options.settle, ready: folio ? 1 : 0 },
      }),
    );
  };
  for (let i = 0; i < SAMPLES; i++) {
    await load(i % 2 == 0);
    await load(i % 2 != 0);
  }
  return { withFolio, without };
}

/** The lines for one page measured with and without Folio. */
function report(label, { withFolio, without }, map) {
  const lines = [`  ${label}`];
  const added = withFolio.map((load, i) => tbt(load) - tbt(without[i]));
  lines.push(
    `    total blocking time  ${ms(median(withFolio.map(tbt)))} with Folio, ${ms(median(without.map(tbt)))} without: Folio adds ${ms(median(added))} (median of the ${SAMPLES} paired loads)  (target ≤ 50 ms, stretch 20 ms)`,
  );
  lines.push(
    `    longest task         ${ms(median(withFolio.map(longestTask)))} with Folio, ${ms(median(without.map(longestTask)))} without; tasks over 50 ms per load: ${median(withFolio.map((l) => l.longtasks.length))} with, ${median(without.map((l) => l.longtasks.length))} without`,
  );
  const frames = withFolio.map(folioFrame);
  const found = frames.filter(Boolean);
  if (found.length) {
    const typical = medianLoad(found, (f) => f.frame.duration);
    const over = found.filter((f) => f.frame.duration > BLOCKING_MS).length;
    lines.push(
      `    Folio's longest frame ${ms(median(frames.map((f) => f?.frame.duration ?? 0)))} (worst ${ms(Math.max(...found.map((f) => f.frame.duration)))}); a frame over 50 ms with Folio's script in ${over} of ${withFolio.length} loads  (target: none)`,
    );
    lines.push(
      `      typical: ${ms(typical.frame.duration)} frame, ${ms(typical.script)} of it Folio's script, ${ms(typical.frame.blocking)} of it blocking (LoAF blockingDuration); longest script ${ms(typical.top.duration)}: ${describeScript(map, typical.top)}`,
    );
    // The page's own frames, for scale: Folio's scripts run while the page loads, in its frames.
    lines.push(
      `      the same page without Folio: longest frame ${ms(median(without.map(longestFrame)))}; a frame over 50 ms in ${without.filter((l) => longestFrame(l) > BLOCKING_MS).length} of ${without.length} loads`,
    );
    // Every Folio script of the long frames, by where it entered Folio: the median per load (0 where a load had none).
    const perLoad = withFolio.map((load) => {
      const sums = new Map();
      for (const frame of load.frames)
        for (const script of frame.scripts.filter(isFolio))
          sums.set(describeScript(map, script), (sums.get(describeScript(map, script)) ?? 0) + script.duration);
      return sums;
    });
    const keys = [...new Set(perLoad.flatMap((m) => [...m.keys()]))];
    const ranked = keys
      .map((k) => [k, median(perLoad.map((m) => m.get(k) ?? 0))])
      .filter(([, t]) => t > 0)
      .sort((a, b) => b[1] - a[1]);
    for (const [where, t] of ranked.slice(0, 3))
      lines.push(`      ${ms(t).padStart(6)} per load in long frames: ${where}`);
  } else
    lines.push(
      `    Folio's longest frame: no frame over 50 ms ran Folio's script in ${withFolio.length} loads  (target: none)`,
    );
  lines.push(
    `    first contentful paint ${ms(median(withFolio.map((l) => fcp(l)?.start)))} with Folio, ${ms(median(without.map((l) => fcp(l)?.start)))} without`,
  );
  const reserved = withFolio.filter((l) => l.slots.reserved !== null);
  const inPaint = withFolio.filter((l) => slotInFirstPaint(l)).length;
  lines.push(
    reserved.length
      ? `    ad space reserved    ${ms(median(reserved.map((l) => l.slots.reserved)))} after navigation (${median(withFolio.map((l) => l.slots.count))} slots); in the first paint in ${inPaint} of ${withFolio.length} loads; no slot at all in ${withFolio.length - reserved.length}`
      : `    ad space reserved    never: no slot inserted in ${withFolio.length} loads`,
  );
  const timedOut = [...withFolio, ...without].filter((l) => l.timedOut).length;
  if (timedOut) lines.push(`    (${timedOut} loads did not settle within ${SETTLE.max / 1000} s; measured up to then)`);
  return lines;
}

/** The share of cold loads whose first paint already held the reserved slots, per script tag and viewport. */
async function firstPaintShare(browser, origin, reused) {
  const lines = [
    `  ads in the first paint: share of ${SHARE_LOADS} cold loads at 4x whose first contentful paint already holds the reserved slots (target: every load, end-of-body tag)`,
  ];
  const light = { ready: 1, paint: true, quiet: 0, min: 0, max: 8000, frames: 2 };
  for (const device of [PHONE, LAPTOP]) {
    const cells = [];
    for (const [name, page] of [
      ['end of <body>', 'article-end'],
      ['defer', 'article-defer'],
      ['async', 'article-async'],
    ]) {
      const loads = device === PHONE ? [...(reused[page] ?? [])].slice(0, SHARE_LOADS) : [];
      while (loads.length < SHARE_LOADS)
        loads.push(await coldLoad(browser, `${origin}${PAGES}/${page}.html`, { device, settle: light }));
      const inPaint = loads.filter((l) => slotInFirstPaint(l)).length;
      const none = loads.filter((l) => l.slots.reserved === null).length;
      cells.push(`${name} ${inPaint}/${loads.length}${none ? ` (no ad at all in ${none})` : ''}`);
    }
    lines.push(`    ${device.viewport.width}×${device.viewport.height}: ${cells.join(', ')}`);
  }
  return lines;
}

/**
 * The first Ctrl+Enter on a cold page: keydown to the frame that shows the dialog. Pressed 600 ms
 * after selecting (the selection settled, as a reader's has) and at once, on the article; and
 * settled on the long story, where only the selection's paragraph is read on the keypress and the
 * whole story when Send is pressed: there also the Send click to the frame that says "Sending…",
 * and the longest task in the two seconds after the click (reading the story for the positions).
 */
async function coldCorrection(browser, origin) {
  const press = (wait, select, send) => async (page) => {
    await page.evaluate(() => {
      // From Enter's keydown (Control's comes first), watched in the page from that keydown on.
      window.__shown = new Promise((resolve) => {
        const onEnter = (e) => {
          if (e.key !== 'Enter') return;
          removeEventListener('keydown', onEnter, true);
          const down = (window.__down = e.timeStamp);
          const check = () => {
            const host = document.querySelector('folio-correction-dialog');
            const dialog = host?.shadowRoot?.querySelector('dialog') ?? host;
            if (dialog?.open && dialog.getBoundingClientRect().height > 0)
              requestAnimationFrame(() => resolve(performance.now() - down));
            else if (performance.now() - down > 5000) resolve(null);
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        };
        addEventListener('keydown', onEnter, true);
      });
    });
    // Selected last, so that "at once" is the selection's own round trip before the key, as before.
    await page.evaluate(select);
    if (wait) await page.waitForTimeout(wait);
    await page.keyboard.press('Control+Enter');
    const shown = await page.evaluate(() => window.__shown);
    await page.waitForTimeout(200);
    // Event Timing's entry for that keydown (its startTime is the event's timeStamp); none when under 16 ms.
    const keydown = await page.evaluate(() =>
      window.__bench.events.find((e) => e.name === 'keydown' && Math.abs(e.start - window.__down) < 1),
    );
    return { shown, keydown: keydown?.duration ?? null, ...(send && (await pressSend(page))) };
  };
  /** Send pressed in the open dialog: the click to the frame whose status line says something, and the longest task after it. */
  const pressSend = async (page) => {
    await page.keyboard.type(' (corrected)');
    await page.evaluate(() => {
      window.__sending = new Promise((resolve) => {
        const onClick = (e) => {
          removeEventListener('click', onClick, true);
          const down = (window.__click = e.timeStamp);
          const check = () => {
            const status = document.querySelector('folio-correction-dialog').shadowRoot.querySelector('[role=status]');
            if (status.textContent.trim()) requestAnimationFrame(() => resolve(performance.now() - down));
            else if (performance.now() - down > 5000) resolve(null);
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        };
        addEventListener('click', onClick, true);
      });
    });
    await page.locator('folio-correction-dialog button.primary').click();
    const sending = await page.evaluate(() => window.__sending);
    await page.waitForTimeout(2000);
    const task = await page.evaluate(() =>
      Math.max(0, ...window.__bench.longtasks.filter((t) => t.start >= window.__click).map((t) => t.duration)),
    );
    return { sending, task };
  };
  /** One cold load of `name` at desktop size, once its article is there: the press's timings. */
  const pressOn = async (name, wait, select, send = false) =>
    (
      await coldLoad(browser, `${origin}${PAGES}/${name}.html`, {
        device: DESKTOP,
        settle: { ...SETTLE, ready: 1 },
        act: press(wait, select, send),
      })
    ).acted;
  const settled = [];
  const atOnce = [];
  const long = [];
  for (let i = 0; i < SAMPLES; i++) {
    settled.push(await pressOn('article-end', 600, selectPhrase));
    atOnce.push(await pressOn('article-end', 0, selectPhrase));
  }
  // The long story's loads after the article's, not between them: the teardown of a context that
  // held 1000 paragraphs would share the machine with the next article load.
  for (let i = 0; i < SAMPLES; i++) long.push(await pressOn('long', 600, selectInLongStory, true));
  const line = (runs) => {
    const shown = runs.filter((r) => r.shown !== null);
    const timing = runs.map((r) => r.keydown ?? 0);
    return `${ms(median(shown.map((r) => r.shown)))}${shown.length < runs.length ? ` (never shown in ${runs.length - shown.length})` : ''}; keydown → next paint (Event Timing) ${median(timing) ? ms(median(timing)) : 'under 16 ms'}`;
  };
  return [
    `  first Ctrl+Enter on a cold page (article-end at 1280×900, median of ${SAMPLES}): keydown to the frame showing the dialog  (target < 100 ms)`,
    `    after the selection settled  ${line(settled)}`,
    `    pressed at once after selecting                          ${line(atOnce)}`,
    `    the 1000-paragraph story (long.html), selection settled  ${line(long)}`,
    `      then Send: click to the frame saying "Sending…" ${ms(median(long.map((r) => r.sending ?? 0)))}; the longest task after it ${ms(median(long.map((r) => r.task)))} (reading the story for the positions, after that frame)`,
  ];
}

/**
 * The outbox's drain (1 s after start it lists its entries, reading every localStorage item) on
 * a page whose origin keeps other data in localStorage: Folio's timer tasks, timed by wrapping
 * setTimeout for callbacks scheduled from dist/folio.js. The data is written by an earlier page
 * of the site (closed before the measured one opens), so the measured page loads it from the
 * browser as a returning reader's would, at its first localStorage access.
 */
async function outboxDrain(browser, origin) {
  const timers = (fill) => async (context) => {
    if (fill) {
      const earlier = await context.newPage();
      await earlier.goto(`${origin}${PAGES}/related.json`);
      await earlier.evaluate(
        ([keys, chars]) => {
          for (let i = 0; i < keys; i++) localStorage.setItem(`site:cache:${i}`, String(i % 10).repeat(chars));
        },
        [STORAGE_KEYS, STORAGE_VALUE_CHARS],
      );
      await earlier.close();
    }
    await context.addInitScript(() => {
      const original = window.setTimeout;
      window.__folioTimers = [];
      window.setTimeout = function (handler, delay, ...rest) {
        if (typeof handler !== 'function' || !/\/dist\/folio\.js/.test(new Error().stack))
          return original.call(this, handler, delay, ...rest);
        const timed = function (...args) {
          const start = performance.now();
          try {
            return handler.apply(this, args);
          } finally {
            window.__folioTimers.push({ delay, duration: performance.now() - start });
          }
        };
        return original.call(this, timed, delay, ...rest);
      };
    });
  };
  const act = (page) => page.evaluate(() => window.__folioTimers);
  const runs = { full: [], empty: [] };
  const n = Math.min(SAMPLES, 5);
  for (let i = 0; i < n; i++) {
    runs.empty.push(
      (
        await coldLoad(browser, `${origin}${PAGES}/article-end.html`, {
          setup: timers(false),
          settle: { ...SETTLE, ready: 1 },
          act,
        })
      ).acted,
    );
    runs.full.push(
      (
        await coldLoad(browser, `${origin}${PAGES}/article-end.html`, {
          setup: timers(true),
          settle: { ...SETTLE, ready: 1 },
          act,
        })
      ).acted,
    );
  }
  const longest = (list) => median(list.map((t) => Math.max(0, ...t.map((x) => x.duration))));
  const mb = ((STORAGE_KEYS * STORAGE_VALUE_CHARS) / 1e6).toFixed(0);
  return [
    `  outbox: Folio's longest timer task on a cold page at 4x (the drain 1 s after start lists the entries, reading every localStorage item), median of ${n}:`,
    `    with ${mb} MB of the site's other data in localStorage (${STORAGE_KEYS} keys)  ${ms(longest(runs.full))};  empty storage ${ms(longest(runs.empty))}`,
  ];
}

/** Checks that each "with Folio" page is its "without" page plus the Folio script tag, nothing else. */
function checkPairs() {
  const dir = new URL('./cold/', import.meta.url);
  const read = (name) => readFileSync(new URL(name, dir), 'utf8');
  const strip = (text) =>
    text
      .split('\n')
      .filter((line) => !line.includes('/dist/folio.js'))
      .join('\n');
  for (const [withFolio, without] of [
    ['article-end.html', 'article.html'],
    ['article-defer.html', 'article.html'],
    ['article-async.html', 'article.html'],
    ['partner.html', 'partner-none.html'],
    ['long.html', 'long-none.html'],
  ]) {
    if (strip(read(withFolio)) !== read(without))
      throw new Error(`cold bench: ${withFolio} differs from ${without} in more than the Folio script tag`);
  }
}

export async function cold(browser, origin) {
  checkPairs();
  let map = null;
  try {
    map = loadSourceMap(BUNDLE);
  } catch {
    /* no source map: scripts are named as the bundle names them */
  }
  const lines = [
    `cold: a new browser context per load (no cache, no warm JIT), ${THROTTLE}x CPU throttling, 412×823 phone (DPR 1.75), dist/folio.js as publishers load it; median of ${SAMPLES} loads, each interleaved with the same page without Folio:`,
  ];
  const page = (name) => `${origin}${PAGES}/${name}.html`;
  // One load to warm the machine (the browser's own code and files), not the page: every load is cold.
  await coldLoad(browser, page('article'));
  const endOfBody = await pairs(browser, page('article-end'), page('article'));
  lines.push(...report('(a) 13-paragraph article, data-enhance, script at the end of <body>', endOfBody, map));
  const defer = await pairs(browser, page('article-defer'), page('article'));
  lines.push(...report("(b) the same with `defer` in <head> (the README's tag)", defer, map));
  lines.push(
    ...report(
      '(c) partner page, <folio-article src> (a 16-block story JSON), script deferred',
      await pairs(browser, page('partner'), page('partner-none')),
      map,
    ),
  );
  const long = await pairs(browser, page('long'), page('long-none'));
  lines.push(...report('(d) 1000-paragraph story set as `story` (target: no task over 50 ms)', long, map));
  // (c) and (d) again on pages that load the date data off the main thread (WARM_DATES).
  const warm = { setup: (context) => context.addInitScript(WARM_DATES) };
  lines.push(
    ...report(
      '(c\') the partner page, its date data loaded on another thread first (README: "The first date format")',
      await pairs(browser, page('partner'), page('partner-none'), warm),
      map,
    ),
  );
  lines.push(
    ...report(
      "(d') the 1000-paragraph story, its date data loaded on another thread first",
      await pairs(browser, page('long'), page('long-none'), warm),
      map,
    ),
  );
  // (c'') (c') against the same story as static HTML, both with the page script: what Folio adds to showing the story.
  const story = await staticStoryPage(browser, origin);
  const withStaticStory = {
    setup: async (context) => {
      await warm.setup(context);
      await context.route('**/partner-static.html', (route) =>
        route.fulfill({ body: story, contentType: 'text/html' }),
      );
    },
  };
  lines.push(
    ...report(
      "(c'') the partner page against the same story as static HTML, no script (both with the page script): what Folio adds to showing the story",
      await pairs(browser, page('partner'), page('partner-static'), withStaticStory),
      map,
    ),
  );
  lines.push(
    ...(await firstPaintShare(browser, origin, {
      'article-end': endOfBody.withFolio,
      'article-defer': defer.withFolio,
    })),
  );
  lines.push(...(await coldCorrection(browser, origin)));
  lines.push(...(await outboxDrain(browser, origin)));
  return { lines };
}

export const SECTIONS = { cold };
