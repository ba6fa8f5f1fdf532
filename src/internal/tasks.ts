/**
 * Yields to the event loop without setTimeout's 4 ms clamp: what follows runs in a task of its
 * own, so the browser can paint and handle input in between, and no one task grows long.
 */
export const yieldTask = (): Promise<unknown> =>
  new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    // A function of Folio's, not the native resolve: performance tools (Long Animation Frames)
    // then attribute the task to Folio's script.
    port1.onmessage = () => resolve(0);
    port2.postMessage(0);
  });

/** How long work for idle time may wait for an idle moment; and the wait where there are no idle callbacks (Safari). */
const IDLE_TIMEOUT_MS = 3000;
const NO_IDLE_CALLBACK_MS = 1000;

/**
 * Resolves in an idle moment, for work the page can do without (a drain of earlier pages'
 * corrections, the published notices): never later than IDLE_TIMEOUT_MS, so a busy page still
 * gets it done.
 */
export const idleTask = (): Promise<unknown> =>
  new Promise((resolve) => {
    if (typeof requestIdleCallback == 'function') requestIdleCallback(resolve, { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(resolve, NO_IDLE_CALLBACK_MS);
  });
