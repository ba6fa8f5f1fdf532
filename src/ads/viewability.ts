/**
 * Folio's own viewability measurement, the same whatever the provider (MRC display standard):
 * viewable once at least 50% of the element's pixels have been in view for one continuous
 * second, 30% for large ads (242,500 px² or more). A hidden tab stops the clock.
 */

/** MRC's "large ad": 242,500 px² or more. */
const LARGE_AD_AREA = 242_500;
const LARGE_AD_SHARE = 0.3;
const AD_SHARE = 0.5;

/** The share of an element's pixels that must be in view, by its area in px². */
export function viewableShare(area: number): number {
  return area >= LARGE_AD_AREA ? LARGE_AD_SHARE : AD_SHARE;
}

export interface ViewabilityOptions {
  /** How long the share must stay in view without a break; 1000 ms by the standard. */
  ms?: number;
  /** The share that must be in view; by default `viewableShare` of the element's area when watching starts. */
  share?: number;
}

/**
 * Calls `onViewable` once `el` has been viewable for `ms`; returns a function that stops
 * watching. Also the related card's impression ("half the card for a second").
 */
export function watchViewability(
  el: Element,
  onViewable: () => void,
  { ms = 1000, share }: ViewabilityOptions = {},
): () => void {
  if (share == null) {
    // Read only when needed: the card passes its share, and a rect read here forces a layout.
    const { width, height } = el.getBoundingClientRect();
    share = viewableShare(width * height);
  }
  let timer = 0;
  let inView = false;
  let stopped = false;
  // (Re)starts the clock while in view and the tab is visible; else stops it. An observer's
  // report already queued when watching stopped (Firefox delivers it) starts nothing.
  const restart = () => {
    clearTimeout(timer);
    if (stopped) return;
    const viewed = () => {
      stop();
      onViewable();
    };
    timer = inView && !document.hidden ? setTimeout(viewed, ms) : 0;
  };
  const io = new IntersectionObserver(
    (entries) => {
      // Reported each time the share is crossed (and once at first). Not intersecting is ratio 0.
      inView = entries.pop()!.intersectionRatio >= share;
      restart();
    },
    { threshold: share },
  );
  const stop = () => {
    stopped = true;
    io.disconnect();
    document.removeEventListener('visibilitychange', restart);
    clearTimeout(timer);
  };
  io.observe(el);
  document.addEventListener('visibilitychange', restart);
  return stop;
}
