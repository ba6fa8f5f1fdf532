// Where Folio's time goes on a cold page: a CPU profile (CDP Profiler, sampled every 100 µs)
// and a performance trace of cold loads at 4x, the profile's functions mapped back to the
// sources through dist/folio.js.map (and Lit's own maps), the trace's style, layout and paint
// split into what Folio's scripts forced and what the page renders anyway. The cold bench
// (cold.mjs) says how much; this says where. Findings go to test/bench/cold/PROFILE.md.
//
//   node test/bench/profile.mjs [page ...] [--loads=N] [--json=FILE] [--trace=FILE]
//
// Pages (test/bench/cold/): article-end (default), article-defer, article-async, partner,
// long; `correction` (article-end, then the first Ctrl+Enter, profiled alone), `correction-long`
// (the same on long, a phrase of its middle paragraph selected); `storage`
// (article-end with 2 MB of the site's other data in localStorage). Each profiled page is also
// loaded without Folio, so the rendering work Folio adds can be told from the page's own.
// Profiling slows a page a little; read the figures as shares and relative sizes.
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import { chromium } from 'playwright-core';
import { createStaticHandler } from '../../server/lib/static.mjs';
import { ROOT } from '../../server/index.mjs';
import { chromiumArgs, findChromium } from '../tools/find-browser.mjs';
import { probe } from './cold/probe.js';
import { selectInLongStory, selectPhrase } from './cold/select.js';
import { median } from './median.mjs';
import { distSourceMap } from './line-map.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const LOADS = Number(option('loads', 3));
const JSON_OUT = option('json', null);
/** Keeps the raw trace of the last load with Folio (for DevTools' Performance panel or ui.perfetto.dev). */
const TRACE_OUT = option('trace', null);
const pages = args.filter((a) => !a.startsWith('--'));
const THROTTLE = 4;
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 900 } };
/** Functions under this share of Folio's time are left out of the listings. */
const MIN_MS = 1;
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.stack',
  'v8.execute',
  'v8',
  'blink.user_timing',
  'loading',
];
const WITHOUT = {
  'article-end': 'article',
  'article-defer': 'article',
  'article-async': 'article',
  partner: 'partner-none',
  long: 'long-none',
  storage: 'article',
  correction: null,
  'correction-long': null,
};
/** The pages profiled at their first Ctrl+Enter: the page loaded, and what to select there. */
const CORRECTIONS = {
  correction: { file: 'article-end', select: selectPhrase },
  'correction-long': { file: 'long', select: selectInLongStory },
};
// Through a line-accurate rebuild of the map where possible (see line-map.mjs).
const map = await distSourceMap();
/** Where the bundle's wrapper function starts (`!function(){…}()`): V8 places a function at its parameter list. */
const IIFE = map.code.indexOf('function(') + 'function'.length;
const isBundle = (url) => /\/dist\/folio\.js(\?|$)/.test(url ?? '');

/** A profile node's readable name: mapped to the source for the bundle, the URL for page scripts, the name for natives. */
function frameName(callFrame) {
  const { url, functionName, lineNumber, columnNumber } = callFrame;
  if (isBundle(url))
    return lineNumber < 0 || (lineNumber === 0 && columnNumber === IIFE)
      ? 'folio.js top level (evaluating the bundle)'
      : map.describe(lineNumber, columnNumber);
  if (url) return `${url.replace(/^https?:\/\/[^/]+/, '')}:${lineNumber + 1} ${functionName || '(anonymous)'}`;
  if (functionName.startsWith('(')) return functionName;
  // Without a URL: the browser's own functions (DOM, builtins), or the bench's init scripts.
  return callFrame.scriptId && callFrame.scriptId !== '0'
    ? `(bench init script) ${functionName}`
    : `native ${functionName}`;
}

/** Self and total time per readable function name, and the callers of each, from one CDP profile. */
function analyseProfile(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const names = new Map(profile.nodes.map((n) => [n.id, frameName(n.callFrame)]));
  const bundle = new Map(profile.nodes.map((n) => [n.id, isBundle(n.callFrame.url)]));
  const self = new Map();
  const total = new Map();
  const callers = new Map();
  let folio = 0;
  const stackOf = new Map();
  const stack = (id) => {
    if (!stackOf.has(id)) {
      const up = parent.get(id);
      stackOf.set(id, up === undefined ? [id] : [id, ...stack(up)]);
    }
    return stackOf.get(id);
  };
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const ids = stack(id);
    const inFolio = ids.some((x) => bundle.get(x));
    if (!inFolio) return;
    folio += dt;
    const leaf = names.get(id);
    self.set(leaf, (self.get(leaf) ?? 0) + dt);
    // Callers: the nearest frames above the leaf that are not the leaf's own name (recursion).
    const up = ids
      .slice(1)
      .map((x) => names.get(x))
      .filter((n) => n !== leaf && n !== '(root)')
      .slice(0, 3);
    const key = up.join(' ← ');
    const byCaller = callers.get(leaf) ?? new Map();
    byCaller.set(key, (byCaller.get(key) ?? 0) + dt);
    callers.set(leaf, byCaller);
    for (const name of new Set(ids.map((x) => names.get(x)))) total.set(name, (total.get(name) ?? 0) + dt);
  });
  void nodes;
  return { folio, self, total, callers };
}

/** Adds up per-load maps into means per load. */
function meanOf(maps) {
  const out = new Map();
  for (const m of maps) for (const [k, v] of m) out.set(k, (out.get(k) ?? 0) + v / maps.length);
  return out;
}

// ---- the trace: tasks, scripts, style, layout, paint on the page's main thread ----

const RENDERING = {
  style: ['UpdateLayoutTree', 'RecalculateStyles', 'ParseAuthorStyleSheet'],
  layout: ['Layout'],
  paint: ['PrePaint', 'Paint', 'Layerize', 'UpdateLayer', 'CompositeLayers', 'Commit'],
  parse: ['ParseHTML'],
  compile: ['v8.compile', 'v8.compileModule', 'CompileScript', 'v8.produceCache'],
};
const CATEGORY_OF = new Map(Object.entries(RENDERING).flatMap(([cat, names]) => names.map((n) => [n, cat])));

/** Complete events ('X', or B/E pairs) of the page's renderer main thread, with their args. */
function mainThreadEvents(trace, pageUrlPart) {
  const events = trace.traceEvents;
  const threads = new Map();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      threads.set(`${e.pid}:${e.tid}`, true);
  // The page's thread: the renderer main thread whose events name the page or the bundle most
  // (a trace started after the load has no ParseHTML of the page).
  const score = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!threads.has(key) || !e.args) continue;
    const text = JSON.stringify(e.args);
    if (text.includes(pageUrlPart) || text.includes('/dist/folio.js')) score.set(key, (score.get(key) ?? 0) + 1);
  }
  const main = [...score.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!main) return [];
  const out = [];
  const open = [];
  for (const e of events) {
    if (`${e.pid}:${e.tid}` !== main) continue;
    if (e.ph === 'X') out.push({ name: e.name, ts: e.ts, dur: e.dur ?? 0, args: e.args ?? {} });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.findLast((x) => x.name === e.name) ?? open.at(-1);
      if (!b) continue;
      open.splice(open.indexOf(b), 1);
      out.push({ name: b.name, ts: b.ts, dur: e.ts - b.ts, args: { ...b.args, ...e.args } });
    }
  }
  return out.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
}

/** The first frame of the bundle in a trace event's JS stack (style and layout forced by script carry one), mapped. */
function folioFrameOf(e) {
  const stack = e.args?.beginData?.stackTrace ?? e.args?.data?.stackTrace ?? [];
  const frame = stack.find((f) => isBundle(f.url));
  if (!frame) return stack.length ? `${stack[0].functionName || '(anonymous)'} ${stack[0].url || '(page)'}` : null;
  // Trace stacks count lines and columns from 1.
  return map.describe(frame.lineNumber - 1, frame.columnNumber - 1);
}

/**
 * Main-thread work by kind, and the style and layout that scripts forced synchronously
 * (getBoundingClientRect and friends: the event carries the JS stack), by the Folio function
 * that forced it.
 */
function analyseTrace(trace, pageUrlPart) {
  const events = mainThreadEvents(trace, pageUrlPart);
  const byKind = {};
  const forced = { style: 0, layout: 0 };
  const forcers = new Map();
  for (const e of events) {
    const kind = CATEGORY_OF.get(e.name);
    if (!kind) continue;
    byKind[kind] = (byKind[kind] ?? 0) + e.dur / 1000;
    if (kind !== 'style' && kind !== 'layout') continue;
    const who = folioFrameOf(e);
    if (!who || !/^(src|lit|@lit)/.test(who)) continue;
    forced[kind] += e.dur / 1000;
    forcers.set(who, (forcers.get(who) ?? 0) + e.dur / 1000);
  }
  return { byKind, forced, forcers };
}

// ---- driving the browser ----

const serve = createStaticHandler({ root: ROOT, mounts: ['dist', 'demo', 'test'] });
const server = http.createServer((req, res) => serve(req, res, new URL(req.url, 'http://x').pathname));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: chromiumArgs() });

/**
 * Times each Folio element's Lit updates (render, template preparation, commit, lifecycle hooks)
 * by wrapping `performUpdate` on every `folio-*` class as it is defined: the CPU profile shows
 * Lit's work but not for which element. Runs in the page before any script.
 */
function timeElements() {
  const times = (window.__elementTimes = []);
  const define = customElements.define;
  customElements.define = function (name, ctor, options) {
    const original = ctor.prototype.performUpdate;
    if (name.startsWith('folio-') && typeof original === 'function') {
      Object.defineProperty(ctor.prototype, 'performUpdate', {
        configurable: true,
        writable: true,
        value() {
          const first = !this.hasUpdated;
          const start = performance.now();
          try {
            return original.call(this);
          } finally {
            times.push({ name, first, start, duration: performance.now() - start });
          }
        },
      });
    }
    return define.call(this, name, ctor, options);
  };
}

/** Fills localStorage from an earlier page of the site, as a returning reader's browser holds it. */
async function fillStorage(context) {
  const earlier = await context.newPage();
  await earlier.goto(`${origin}/test/bench/cold/related.json`);
  await earlier.evaluate(() => {
    for (let i = 0; i < 1000; i++) localStorage.setItem(`site:cache:${i}`, String(i % 10).repeat(2000));
  });
  await earlier.close();
}

/** Selects with `select` (in the page) and presses Ctrl+Enter; resolves once the dialog is open. */
async function firstCorrection(page, select) {
  await page.evaluate(select);
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(
    () => document.querySelector('folio-correction-dialog')?.shadowRoot?.querySelector('dialog')?.open,
  );
  await page.waitForTimeout(300);
}

/** One cold, profiled, traced load. `phase`: 'load' profiles the load, 'correction' only the first Ctrl+Enter after it. */
async function profiledLoad(name, { withFolio = true, phase = 'load' } = {}) {
  const correction = CORRECTIONS[name];
  const file = withFolio ? (correction?.file ?? (name === 'storage' ? 'article-end' : name)) : WITHOUT[name];
  const context = await browser.newContext(correction ? DESKTOP : PHONE);
  try {
    if (name === 'storage') await fillStorage(context);
    await context.addInitScript(probe);
    await context.addInitScript(timeElements);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const start = async () => {
      await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      await cdp.send('Profiler.start');
    };
    if (phase === 'load') await start();
    await page.goto(`${origin}/test/bench/cold/${file}.html`);
    await page.evaluate((ready) => window.__bench.settle({ ready, quiet: 750, min: 2000 }), withFolio ? 1 : 0);
    if (phase === 'correction') {
      await start();
      await firstCorrection(page, correction.select);
    }
    const { profile } = await cdp.send('Profiler.stop');
    const elements = await page.evaluate(() => window.__elementTimes);
    const raw = await browser.stopTracing();
    if (TRACE_OUT && withFolio) writeFileSync(TRACE_OUT, raw);
    const trace = JSON.parse(raw.toString());
    return { profile: analyseProfile(profile), trace: analyseTrace(trace, `/test/bench/cold/${file}.html`), elements };
  } finally {
    await context.close();
  }
}

const fmt = (n) => `${n.toFixed(1)} ms`;
const results = {};
try {
  for (const name of pages.length ? pages : ['article-end']) {
    const withLoads = [];
    const withoutLoads = [];
    const phase = CORRECTIONS[name] ? 'correction' : 'load';
    for (let i = 0; i < LOADS; i++) {
      withLoads.push(await profiledLoad(name, { phase }));
      if (WITHOUT[name]) withoutLoads.push(await profiledLoad(name, { withFolio: false }));
    }
    const self = meanOf(withLoads.map((l) => l.profile.self));
    const total = meanOf(withLoads.map((l) => l.profile.total));
    const callers = new Map();
    for (const l of withLoads)
      for (const [fn, by] of l.profile.callers)
        for (const [c, t] of by)
          callers.set(fn, new Map([...(callers.get(fn) ?? []), [c, (callers.get(fn)?.get(c) ?? 0) + t / LOADS]]));
    const folioMs = median(withLoads.map((l) => l.profile.folio));
    console.log(
      `\n=== ${name}${phase === 'correction' ? ' (the first Ctrl+Enter only)' : ''}: ${LOADS} cold loads at ${THROTTLE}x, profiled (100 µs samples) and traced ===`,
    );
    console.log(
      `samples with a Folio frame on the stack: ${fmt(folioMs)} per load (median of ${withLoads.map((l) => l.profile.folio.toFixed(0)).join(', ')})`,
    );
    console.log("\nself time (mean per load), in Folio's stacks, with the commonest callers:");
    for (const [fn, t] of [...self]
      .sort((a, b) => b[1] - a[1])
      .filter(([, t]) => t >= MIN_MS)
      .slice(0, 30)) {
      const top = [...(callers.get(fn) ?? [])]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 2)
        .map(([c, ct]) => `${c} (${ct.toFixed(1)})`);
      console.log(`  ${fmt(t).padStart(9)}  ${fn}\n             ← ${top.join('\n             ← ')}`);
    }
    console.log('\ntotal time (mean per load, callees included), Folio functions and the natives they call:');
    for (const [fn, t] of [...total]
      .sort((a, b) => b[1] - a[1])
      .filter(([fn, t]) => t >= 2 * MIN_MS && fn !== '(root)')
      .slice(0, 45))
      console.log(`  ${fmt(t).padStart(9)}  ${fn}`);
    console.log(
      "\neach element's Lit updates (performUpdate: render, template preparation, commit, hooks), median per load:",
    );
    const names = [...new Set(withLoads.flatMap((l) => l.elements.map((e) => e.name)))];
    for (const el of names) {
      const per = (first) => withLoads.map((l) => l.elements.filter((e) => e.name === el && e.first === first));
      const firsts = per(true);
      const later = per(false);
      const sum = (list) => list.reduce((n, e) => n + e.duration, 0);
      console.log(
        `  ${el.padEnd(24)} first updates: ${median(firsts.map((l) => l.length))} taking ${fmt(median(firsts.map(sum)))} (the first of them ${fmt(median(firsts.map((l) => l[0]?.duration ?? 0)))}); later updates: ${median(later.map((l) => l.length))} taking ${fmt(median(later.map(sum)))}`,
      );
    }
    const kinds = (loads) =>
      Object.fromEntries(Object.keys(RENDERING).map((k) => [k, median(loads.map((l) => l.trace.byKind[k] ?? 0))]));
    const withKinds = kinds(withLoads);
    const withoutKinds = withoutLoads.length ? kinds(withoutLoads) : null;
    console.log(
      '\nmain-thread work by kind (trace, median per load)' + (withoutKinds ? ', with Folio / without' : '') + ':',
    );
    for (const k of Object.keys(RENDERING))
      console.log(
        `  ${k.padEnd(8)} ${fmt(withKinds[k]).padStart(9)}${withoutKinds ? ` / ${fmt(withoutKinds[k])}  (Folio adds ${fmt(withKinds[k] - withoutKinds[k])})` : ''}`,
      );
    console.log(
      `  forced synchronously by Folio's scripts: style ${fmt(median(withLoads.map((l) => l.trace.forced.style)))}, layout ${fmt(median(withLoads.map((l) => l.trace.forced.layout)))}; by:`,
    );
    for (const [who, t] of [...meanOf(withLoads.map((l) => l.trace.forcers))].sort((a, b) => b[1] - a[1]).slice(0, 8))
      console.log(`    ${fmt(t).padStart(9)}  ${who}`);
    results[name] = { self: Object.fromEntries(self), total: Object.fromEntries(total), withKinds, withoutKinds };
  }
} finally {
  await browser.close();
  server.close();
}
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(results, null, 1));
