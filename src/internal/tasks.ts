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
