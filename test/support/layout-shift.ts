/**
 * Layout shift, measured the same way in every engine a test runs in.
 *
 * Chromium has the Layout Instability API (`layout-shift` performance entries); Firefox and
 * WebKit have not, and a PerformanceObserver there observes nothing, so a "zero layout shift"
 * assertion would pass without measuring. Without the API this measures by geometry instead:
 * every frame, each element under `root` that moved (in page coordinates, so scrolling is not a
 * shift) while in the viewport adds the API's score for that frame, the share of the viewport
 * it covers before or after the move times the distance as a share of the viewport's larger side.
 * Coarser than the API (overlapping elements count twice), equal to it where it matters: zero
 * when nothing the reader sees moves, clearly above zero when text is pushed down.
 */
export const hasLayoutShiftApi = PerformanceObserver.supportedEntryTypes?.includes('layout-shift') ?? false;

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

type Box = { x: number; y: number; w: number; h: number };

function boxes(root: Element): Map<Element, Box> {
  const out = new Map<Element, Box>();
  for (const el of [root, ...root.querySelectorAll('*')]) {
    const r = el.getBoundingClientRect();
    out.set(el, { x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height });
  }
  return out;
}

/** The area of `b` (page coordinates) inside the viewport. */
function visibleArea(b: Box): number {
  const w = Math.min(b.x + b.w, scrollX + innerWidth) - Math.max(b.x, scrollX);
  const h = Math.min(b.y + b.h, scrollY + innerHeight) - Math.max(b.y, scrollY);
  return w > 0 && h > 0 ? w * h : 0;
}

function geometryScore(before: Map<Element, Box>, after: Map<Element, Box>): number {
  const viewport = innerWidth * innerHeight;
  let impact = 0;
  let distance = 0;
  for (const [el, a] of after) {
    const b = before.get(el);
    // Like the API, only a box drawn in both frames can shift: an empty container that moves
    // as a creative fills it is not one.
    if (!b || !el.isConnected || !(b.w && b.h && a.w && a.h)) continue;
    const moved = Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y));
    if (moved < 0.5) continue;
    const seen = visibleArea(b) + visibleArea(a);
    if (!seen) continue;
    impact += seen;
    distance = Math.max(distance, moved / Math.max(innerWidth, innerHeight));
  }
  return Math.min(1, impact / viewport) * distance;
}

/**
 * Sums layout shifts of `root` from the next frames until `total()` is awaited. It waits two
 * frames first: swapping one test's fixture for the next moves the body (margin collapsing),
 * which is the harness, not the element under test.
 */
export async function shifts(root: Element): Promise<{ total(): Promise<number> }> {
  await nextFrame();
  await nextFrame();
  let sum = 0;
  if (hasLayoutShiftApi) {
    const add = (list: PerformanceEntryList) => {
      for (const e of list as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!e.hadRecentInput) sum += e.value;
    };
    const po = new PerformanceObserver((l) => add(l.getEntries()));
    po.observe({ type: 'layout-shift' });
    return {
      async total() {
        await nextFrame();
        await nextFrame();
        add(po.takeRecords());
        po.disconnect();
        return sum;
      },
    };
  }
  let last = boxes(root);
  let running = true;
  const watch = () => {
    if (!running) return;
    const now = boxes(root);
    sum += geometryScore(last, now);
    last = now;
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
  return {
    async total() {
      await nextFrame();
      await nextFrame();
      running = false;
      sum += geometryScore(last, boxes(root));
      return sum;
    },
  };
}
