/**
 * Folio's own viewability measurement, the same whatever the provider (MRC display standard):
 * viewable once at least 50% of the element's pixels have been in view for one continuous
 * second, 30% for large ads (242,500 px² or more). A hidden tab stops the clock.
 */

/** MRC's "large ad" area, in CSS px². */
export const LARGE_AREA = 242_500;

/** The share of an element's pixels that must be in view, by its area in px². */
export function viewableShare(area: number): number {
  return area >= LARGE_AREA ? 0.3 : 0.5;
}

export interface ViewabilityOptions {
  /** How long the share must stay in view without a break; 1000 ms by the standard. */
  ms?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/**
 * Calls `onViewable` once `el` has been viewable for `ms`; returns a function that stops
 * watching. The share is decided by the element's area when watching starts.
 */
export function watchViewability(el: Element, onViewable: () => void, options: ViewabilityOptions = {}): () => void {
  const {
    ms = 1000,
    setTimer = (fn, t) => setTimeout(fn, t),
    clearTimer = (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
  } = options;
  const { width, height } = el.getBoundingClientRect();
  const share = viewableShare(width * height);
  let timer: unknown;
  let inView = false;
  const restart = () => {
    if (timer !== undefined) clearTimer(timer);
    timer = inView && !document.hidden ? setTimer(() => (stop(), onViewable()), ms) : undefined;
  };
  const io = new IntersectionObserver(
    (entries) => {
      const e = entries[entries.length - 1];
      const now = e.isIntersecting && e.intersectionRatio >= share;
      if (now !== inView) {
        inView = now;
        restart();
      }
    },
    { threshold: [0, share] },
  );
  const stop = () => {
    io.disconnect();
    document.removeEventListener('visibilitychange', restart);
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
  };
  io.observe(el);
  document.addEventListener('visibilitychange', restart);
  return stop;
}
