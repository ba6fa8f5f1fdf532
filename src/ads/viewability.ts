/**
 * Folio's own viewability measurement, the same whatever the provider (MRC display standard):
 * viewable once at least 50% of the element's pixels have been in view for one continuous
 * second, 30% for large ads (242,500 px² or more). A hidden tab stops the clock.
 */

/** The share of an element's pixels that must be in view, by its area in px² (MRC's "large ad" from 242,500). */
export function viewableShare(area: number): number {
  return area >= 242_500 ? 0.3 : 0.5;
}

export interface ViewabilityOptions {
  /** How long the share must stay in view without a break; 1000 ms by the standard. */
  ms?: number;
  /** The share that must be in view; by default `viewableShare` of the element's area when watching starts. */
  share?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?(timer: unknown): void;
}

/**
 * Calls `onViewable` once `el` has been viewable for `ms`; returns a function that stops
 * watching. Also the related card's impression ("half the card for a second").
 */
export function watchViewability(el: Element, onViewable: () => void, options: ViewabilityOptions = {}): () => void {
  const { width, height } = el.getBoundingClientRect();
  const { ms = 1000, share = viewableShare(width * height), setTimer = setTimeout, clearTimer = clearTimeout as (timer: unknown) => void } = options;
  let timer: unknown;
  let inView = false;
  const restart = () => {
    if (timer !== undefined) clearTimer(timer);
    timer = inView && !document.hidden ? setTimer(() => (stop(), onViewable()), ms) : undefined;
  };
  const io = new IntersectionObserver(
    (entries) => {
      const e = entries.at(-1)!;
      const now = e.isIntersecting && e.intersectionRatio >= share;
      if (now != inView) {
        inView = now;
        restart();
      }
    },
    { threshold: [0, share] },
  );
  const stop = () => {
    io.disconnect();
    document.removeEventListener('visibilitychange', restart);
    inView = false;
    restart(); // clears a running clock
  };
  io.observe(el);
  document.addEventListener('visibilitychange', restart);
  return stop;
}
