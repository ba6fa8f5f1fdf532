/**
 * Google Publisher Tag. Uses `window.googletag` when the page already has it, else loads GPT
 * once from `gpt-src`. Every GPT call is guarded: ad blockers remove GPT (the script fails to
 * load) or replace it with stubs that lack methods, and the article must carry on regardless;
 * both end as a rejected request (the slot fires `folio-ad-error` and stays reserved).
 */
import type { AdSize } from '../events.js';
import { safeUrl } from '../internal/url.js';
import type { AdProvider, AdResult } from './provider.js';

export const DEFAULT_GPT_SRC = 'https://securepubads.g.doubleclick.net/tag/js/gpt.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- GPT's objects are whatever the page holds */
const win = window as { googletag?: any };

/** The `googletag` we created to queue commands while our script loads (vs. the page's own). */
let ours: unknown;
const loads = new Map<string, Promise<unknown>>();
/** Container → GPT slot, to destroy it when the slot element leaves. */
const slots = new WeakMap<HTMLElement, unknown>();

/** Resolves when GPT's command queue will run (the page's GPT, or ours loaded); rejects when the script fails. */
export function loadGpt(src: string): Promise<unknown> {
  const g = win.googletag;
  if (g && g != ours) return Promise.resolve();
  // googletag gone (removed by the page or a blocker): load afresh.
  let load = g && loads.get(src);
  if (!load) {
    ours = win.googletag = g || { cmd: [] };
    load = new Promise((onload, reject) => {
      const onerror = () => reject(new Error(`GPT did not load from ${src} (blocked or missing)`));
      document.head.append(Object.assign(document.createElement('script'), { async: true, src, onload, onerror }));
    });
    loads.set(src, load);
  }
  return load;
}

export const gpt: AdProvider = {
  name: 'gpt',
  async request({ unit, sizes, container, src, personalised }) {
    const url = safeUrl(src || DEFAULT_GPT_SRC);
    if (!unit || !url) throw new Error(unit ? 'GPT: gpt-src is not an http(s) URL' : 'GPT needs an ad unit path (unit)');
    await loadGpt(url);
    return new Promise<AdResult>((resolve, reject) => {
      // Runs `fn`, turning whatever a missing or stubbed GPT throws into a rejected request.
      const guard = (fn: () => void) => () => {
        try {
          fn();
        } catch (e) {
          reject(new Error(`GPT: ${(e as Error)?.message ?? e}`));
        }
      };
      guard(() =>
        win.googletag.cmd.push(
          guard(() => {
            const g = win.googletag;
            const pubads = g.pubads();
            // GPT returns null for an id that already has a slot.
            const slot = g.defineSlot(unit, sizes, container.id);
            if (!slot) throw new Error(`defineSlot refused #${container.id}`);
            slot.addService(pubads);
            // The answer for this slot; the listener goes once it came.
            pubads.addEventListener('slotRenderEnded', function done(e: { slot: unknown; isEmpty: boolean; size: unknown }) {
              if (e.slot != slot) return;
              pubads.removeEventListener('slotRenderEnded', done);
              resolve({ filled: !e.isEmpty, size: !e.isEmpty && Array.isArray(e.size) ? (e.size as AdSize) : null });
            });
            // Page-wide in GPT; set on each request so it follows the consent of the moment.
            pubads.setPrivacySettings({ nonPersonalizedAds: !personalised });
            slots.set(container, slot);
            g.enableServices();
            g.display(container.id);
          }),
        ),
      )();
    });
  },
  destroy({ container }) {
    const slot = slots.get(container);
    slots.delete(container);
    try {
      if (slot) win.googletag.destroySlots([slot]);
    } catch {
      // A stub without destroySlots: nothing to release.
    }
  },
};
