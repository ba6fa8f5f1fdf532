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
type Googletag = any;
const win = window as unknown as { googletag?: Googletag };

/** The `googletag` we created to queue commands while our script loads (vs. the page's own). */
let ours: unknown;
const loads = new Map<string, Promise<void>>();
/** GPT slot → the request waiting for its `slotRenderEnded`. */
const waiting = new Map<unknown, (r: AdResult) => void>();
/** Container id → GPT slot, to destroy it when the slot element leaves. */
const slots = new Map<string, unknown>();
const wired = new WeakSet<object>();

/** Resolves when GPT's command queue will run (the page's GPT, or ours loaded); rejects when the script fails. */
export function loadGpt(src: string): Promise<void> {
  const g = win.googletag;
  if (g && g !== ours) return Promise.resolve();
  // googletag gone (removed by the page or a blocker): load afresh.
  let load = g ? loads.get(src) : undefined;
  if (!load) {
    ours = win.googletag = g || { cmd: [] };
    load = new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.async = true;
      s.src = src;
      s.onload = () => resolve();
      s.onerror = () => reject(new Error(`GPT did not load from ${src} (blocked or missing)`));
      document.head.append(s);
    });
    loads.set(src, load);
  }
  return load;
}

const asSize = (v: unknown): AdSize | null =>
  Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number') ? [v[0], v[1]] : null;

const fail = (e: unknown) => new Error(`GPT: ${e instanceof Error ? e.message : String(e)}`);

export const gpt: AdProvider = {
  name: 'gpt',
  async request({ unit, sizes, container, src, personalised }) {
    const url = safeUrl(src || DEFAULT_GPT_SRC);
    if (!unit || !url) throw new Error(unit ? 'GPT: gpt-src is not an http(s) URL' : 'GPT needs an ad unit path (unit)');
    await loadGpt(url);
    return new Promise<AdResult>((resolve, reject) => {
      const run = () => {
        try {
          const g = win.googletag;
          const pubads = g.pubads();
          if (!wired.has(pubads)) {
            wired.add(pubads);
            pubads.addEventListener('slotRenderEnded', (e: { slot: unknown; isEmpty: boolean; size: unknown }) => {
              const done = waiting.get(e.slot);
              waiting.delete(e.slot);
              done?.({ filled: !e.isEmpty, size: e.isEmpty ? null : asSize(e.size) });
            });
          }
          // GPT returns null for an id that already has a slot.
          const slot = g.defineSlot(unit, sizes, container.id);
          if (!slot) throw new Error(`defineSlot refused #${container.id}`);
          slot.addService(pubads);
          // Page-wide in GPT; set on each request so it follows the consent of the moment.
          pubads.setPrivacySettings({ nonPersonalizedAds: !personalised });
          waiting.set(slot, resolve);
          slots.set(container.id, slot);
          g.enableServices();
          g.display(container.id);
        } catch (e) {
          reject(fail(e));
        }
      };
      try {
        win.googletag.cmd.push(run);
      } catch (e) {
        reject(fail(e));
      }
    });
  },
  destroy({ container }) {
    const slot = slots.get(container.id);
    if (!slot) return;
    slots.delete(container.id);
    waiting.delete(slot);
    try {
      win.googletag.destroySlots([slot]);
    } catch {
      // A stub without destroySlots: nothing to release.
    }
  },
};
