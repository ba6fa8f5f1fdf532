// The cold bench's probe: an init script that runs in every page before any of the page's own
// scripts (playwright `addInitScript`), so its observers see the whole load. It records, in
// `window.__bench`:
//
//   longtasks   every task over 50 ms ({ start, duration })
//   frames      every long animation frame (LoAF) with its script attribution
//   paint       first-paint and first-contentful-paint: startTime, and paintTime where the
//               engine gives it (the rendering update that produced the paint)
//   slots       the first <folio-ad-slot>: when it was inserted, when layout first gave it a
//               height (a ResizeObserver runs right after layout, in the same rendering update
//               as the paint that shows it), and how many were inserted
//   ready       folio-ready events (times), DOMContentLoaded and load
//   events      Event Timing entries (keydown → next paint), for the correction path
//
// and offers `__bench.settle({ ready, paint, quiet, min, max, frames })`, a promise that resolves
// once the page is loaded, `ready` folio-ready events have arrived (and the first contentful
// paint, with `paint`), `min` ms have passed since navigation and no long task or frame has
// ended for `quiet` ms, then `frames` frames later (or at `max` ms regardless). Waiting happens
// in the page: no polling from the driver adds tasks to it.
//
// Kept as a plain function (no closures over module scope): it is serialized into the page.
export function probe() {
  const now = () => performance.now();
  const bench = (window.__bench = {
    longtasks: [],
    frames: [],
    paint: {},
    slots: { inserted: null, reserved: null, height: 0, count: 0 },
    ready: [],
    events: [],
    dcl: null,
    load: null,
  });
  const observe = (type, onEntry, options = {}) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({
        type,
        buffered: true,
        ...options,
      });
    } catch {
      /* an engine without this entry type: the figure stays empty */
    }
  };
  observe('longtask', (e) => bench.longtasks.push({ start: e.startTime, duration: e.duration }));
  observe('long-animation-frame', (e) =>
    bench.frames.push({
      start: e.startTime,
      duration: e.duration,
      blocking: e.blockingDuration,
      renderStart: e.renderStart,
      styleAndLayoutStart: e.styleAndLayoutStart,
      scripts: e.scripts.map((s) => ({
        invoker: s.invoker,
        invokerType: s.invokerType,
        sourceURL: s.sourceURL,
        sourceFunctionName: s.sourceFunctionName,
        sourceCharPosition: s.sourceCharPosition,
        start: s.startTime,
        duration: s.duration,
        forcedStyleAndLayout: s.forcedStyleAndLayoutDuration,
      })),
    }),
  );
  observe('paint', (e) => (bench.paint[e.name] = { start: e.startTime, paintTime: e.paintTime ?? null }));
  observe(
    'event',
    (e) =>
      bench.events.push({
        name: e.name,
        start: e.startTime,
        duration: e.duration,
        processingStart: e.processingStart,
        processingEnd: e.processingEnd,
      }),
    { durationThreshold: 16 },
  );

  const sizes = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const height = entry.borderBoxSize?.[0]?.blockSize ?? entry.contentRect.height;
      if (height > 0 && bench.slots.reserved === null) {
        bench.slots.reserved = now();
        bench.slots.height = height;
      }
    }
  });
  new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes)
        if (node.localName === 'folio-ad-slot') {
          bench.slots.count++;
          bench.slots.inserted ??= now();
          sizes.observe(node);
        }
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener('folio-ready', () => bench.ready.push(now()), true);
  document.addEventListener('DOMContentLoaded', () => (bench.dcl = now()), true);
  window.addEventListener('load', () => (bench.load = now()), true);

  const nextFrames = (n) =>
    new Promise((resolve) => (n ? requestAnimationFrame(() => nextFrames(n - 1).then(resolve)) : resolve()));
  bench.settle = ({ ready = 0, paint = false, quiet = 1000, min = 2500, max = 12000, frames = 0 } = {}) =>
    new Promise((resolve) => {
      const check = () => {
        const t = now();
        const ends = [...bench.longtasks, ...bench.frames].map((e) => e.start + e.duration);
        const last = Math.max(0, ...ends);
        const painted = !paint || 'first-contentful-paint' in bench.paint;
        const settled = bench.load !== null && bench.ready.length >= ready && painted && t >= min && t - last >= quiet;
        if (settled || t >= max) nextFrames(frames).then(() => resolve({ settledAt: t, timedOut: !settled }));
        else setTimeout(check, 50);
      };
      check();
    });
}
