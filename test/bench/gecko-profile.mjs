// Reads a Gecko profile (what Firefox writes at shutdown when started with MOZ_PROFILER_STARTUP
// and MOZ_PROFILER_SHUTDOWN) and says where the content processes' main threads spent the time
// between pairs of user-timing marks (`<name>-start`, `<name>-end`): by the profiler's category
// (JavaScript, Layout, Graphics, GC / CC, DOM, Idle …) and by function, Folio's functions
// mapped to the sources through dist/folio.js.map. See firefox-profile.mjs for the runs.
import { readFileSync } from 'node:fs';
import { distSourceMap } from './line-map.mjs';

/** `name (http://…/file.js:line:column)` or a bare `http://…/file.js:line:column` → its parts; null for label and native frames. */
const JS_FRAME = /^(?:(.*?) \()?(https?:\/\/[^)\s]*?):(\d+):(\d+)\)?/;

export async function readGeckoProfile(file, map) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  map ??= await distSourceMap();
  const categories = profile.meta.categories.map((c) => c.name);
  const threads = [...profile.threads, ...(profile.processes ?? []).flatMap((p) => p.threads)];
  // Every content main thread that ran Folio: each tab may have had a process of its own.
  const mains = threads.filter(
    (t) => t.name === 'GeckoMain' && t.stringTable.some((s) => s.includes('/dist/folio.js')),
  );
  if (!mains.length) throw new Error(`${file}: no thread ran dist/folio.js`);
  const readers = mains.map((main) => threadReader(main, map, categories));
  const marks = new Set(readers.flatMap((r) => Object.keys(r.marks)));

  /**
   * Time per category and per function between the marks `<label>-start` and `<label>-end`
   * (on whichever thread had them), averaged over the windows. A sample's function is its
   * innermost named frame (JS or a profiler label); unsymbolicated native addresses are skipped.
   */
  function window(label) {
    const byCategory = new Map();
    const byFunction = new Map();
    const inclusive = new Map();
    let span = 0;
    let windows = 0;
    for (const reader of readers) {
      const w = reader.window(label, { byCategory, byFunction, inclusive });
      span += w.span;
      windows += w.windows;
    }
    const n = Math.max(1, windows);
    const per = (m) => [...m].map(([k, v]) => [k, v / n]).sort((a, b) => b[1] - a[1]);
    return {
      windows,
      span: span / n,
      byCategory: per(byCategory),
      byFunction: per(byFunction),
      inclusive: per(inclusive),
    };
  }
  return { window, marks: [...marks] };
}

/** One thread's samples, frames and user-timing marks; adds a window's time into the given maps. */
function threadReader(main, map, categories) {
  const strings = main.stringTable;
  const col = (table) => table.schema;
  const frames = main.frameTable.data;
  const fs = col(main.frameTable);
  const stacks = main.stackTable.data;
  const ss = col(main.stackTable);
  const samples = main.samples.data;
  const sa = col(main.samples);
  const ms = col(main.markers);

  const names = new Map();
  /** A frame's readable name: Folio's functions as `file:line function`, other JS as `url:line name`, labels as they are. */
  const frameName = (index) => {
    if (names.has(index)) return names.get(index);
    const location = strings[frames[index][fs.location]];
    const js = JS_FRAME.exec(location);
    let name = location;
    if (js && /\/dist\/folio\.js$/.test(js[2])) {
      // SpiderMonkey counts lines and columns from 1.
      name = map.describe(Number(js[3]) - 1, Number(js[4]) - 1);
    } else if (js) name = `${js[2].replace(/^https?:\/\/[^/]+/, '')}:${js[3]} ${js[1] ?? '(anonymous)'}`;
    names.set(index, name);
    return name;
  };
  const category = (index) => categories[frames[index][fs.category]] ?? 'Other';
  const stackFrames = new Map();
  const framesOf = (stack) => {
    if (!stackFrames.has(stack)) {
      const out = [];
      for (let s = stack; s !== null && s !== undefined; s = stacks[s][ss.prefix]) out.push(stacks[s][ss.frame]);
      stackFrames.set(stack, out);
    }
    return stackFrames.get(stack);
  };
  const marks = {};
  for (const m of main.markers.data) {
    const data = m[ms.data];
    if (data?.type === 'UserTiming' && data.entryType === 'mark') (marks[data.name] ??= []).push(m[ms.startTime]);
  }

  const add = (m, key, dt) => m.set(key, (m.get(key) ?? 0) + dt);
  function window(label, { byCategory, byFunction, inclusive }) {
    const starts = marks[`${label}-start`] ?? [];
    const ends = marks[`${label}-end`] ?? [];
    let span = 0;
    starts.forEach((start, w) => {
      const end = ends[w];
      if (end === undefined) return;
      span += end - start;
      for (let i = 0; i < samples.length; i++) {
        const time = samples[i][sa.time];
        if (time < start || time > end) continue;
        const dt = Math.min(end, samples[i + 1]?.[sa.time] ?? time) - time;
        const stack = samples[i][sa.stack];
        if (stack === null || stack === undefined) continue;
        const list = framesOf(stack);
        const cat = category(list[0]);
        add(byCategory, cat, dt);
        const named = list.find((f) => !/^0x[0-9a-f]+$/.test(strings[frames[f][fs.location]]));
        add(byFunction, named === undefined ? '(native)' : frameName(named), dt);
        for (const name of new Set(list.map(frameName))) if (!/^0x/.test(name)) add(inclusive, name, dt);
      }
    });
    return { windows: Math.min(starts.length, ends.length), span };
  }
  return { window, marks };
}
