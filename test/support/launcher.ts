/**
 * What the launcher driving this test page can do, found by trying it, never from the user agent.
 * A test that needs a launcher feature the engine's launcher lacks is skipped in that engine,
 * with the reason in its name, so the run's list of skipped tests says why.
 */
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';

let colorScheme: Promise<boolean> | undefined;

/**
 * Whether `emulateMedia({ colorScheme })` changes `prefers-color-scheme` here: it does through
 * Chromium's DevTools protocol; the WebDriver launcher (WebKit) has no such command, and
 * puppeteer drives Firefox over WebDriver BiDi, where puppeteer implements it with CDP only.
 */
export function canEmulateColorScheme(): Promise<boolean> {
  return (colorScheme ??= (async () => {
    if (!(await executeServerCommand<boolean, undefined>('folio-can-emulate-media').catch(() => false))) return false;
    try {
      await emulateMedia({ colorScheme: 'dark' });
      return matchMedia('(prefers-color-scheme: dark)').matches;
    } catch {
      return false;
    } finally {
      await emulateMedia({ colorScheme: 'light' }).catch(() => {});
    }
  })());
}

/**
 * Turns forced colours (Windows High Contrast) on or off, where the launcher can emulate them
 * (Chromium); whether it could, and whether the page then matches `(forced-colors: active)`.
 */
export async function emulateForcedColors(active: boolean): Promise<boolean> {
  const done = await executeServerCommand<boolean, { active: boolean }>('folio-emulate-forced-colors', {
    active,
  }).catch(() => false);
  return !!done && matchMedia('(forced-colors: active)').matches === active;
}

/**
 * Turns touch-screen emulation on or off, where the launcher can (Chromium); whether it could,
 * and whether the page then matches `(pointer: coarse)` as a phone does.
 */
export async function emulateTouch(enabled: boolean): Promise<boolean> {
  const done = await executeServerCommand<boolean, { enabled: boolean }>('folio-emulate-touch', { enabled }).catch(
    () => false,
  );
  return !!done && matchMedia('(pointer: coarse)').matches === enabled;
}

/** `it`, or `it.skip` with the reason appended to the name when `supported` is false. */
export function itWhen(supported: boolean, reason: string) {
  return (name: string, fn: () => Promise<unknown>) =>
    supported ? it(name, fn) : it.skip(`${name} [skipped: ${reason}]`, fn);
}
