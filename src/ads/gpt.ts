/**
 * Google Publisher Tag. Uses `window.googletag` when the page already has it, else loads GPT
 * once from `gpt-src`. Every GPT call is guarded: ad blockers remove GPT (the script fails to
 * load) or replace it with stubs that lack methods, and the article must carry on regardless;
 * both end as a rejected request (the slot fires `folio-ad-error` and stays reserved).
 */
import { safeUrl } from '../internal/url.js';
import type { AdProvider, AdResult } from './provider.js';

export const DEFAULT_GPT_SRC = 'https://securepubads.g.doubleclick.net/tag/js/gpt.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- GPT's objects are whatever the page holds */
const win = window as { googletag?: any };

/** The `googletag` we created to queue commands while our script loads (vs. the page's own). */
let ours: unknown;
/** Our script's load: resolves once GPT's command queue will run, rejects when the script fails. */
let loading: Promise<unknown>;

export const gpt: AdProvider = {
  name: 'gpt',
  async request(ctx) {
    const { unit, sizes, container, personalised } = ctx;
    const src = safeUrl(ctx.src || DEFAULT_GPT_SRC);
    if (!unit || !src) throw Error('GPT needs a unit and an http(s) gpt-src');
    // No googletag (none yet, or removed by the page or a blocker): load GPT afresh. A googletag
    // that is not ours is the page's own GPT: use it as it is.
    if (!win.googletag) {
      ours = win.googletag = { cmd: [] };
      loading = new Promise((onload, reject) => {
        const onerror = () => reject(Error(`GPT did not load from ${src}`));
        // A script element made by script is async already.
        document.head.append(Object.assign(document.createElement('script'), { src, onload, onerror }));
      });
    }
    if (win.googletag == ours) await loading;
    return new Promise<AdResult>((resolve, reject) => {
      // Runs `fn`, turning whatever a missing or stubbed GPT throws into a rejected request.
      const guard = (fn: () => void) => () => {
        try {
          fn();
        } catch (e) {
          reject(Error(`GPT: ${e}`));
        }
      };
      guard(() =>
        win.googletag.cmd.push(
          guard(() => {
            const g = win.googletag;
            const pubads = g.pubads();
            // GPT returns null for an id that already has a slot: addService then throws.
            const slot = (ctx.state = g.defineSlot(unit, sizes, container.id));
            slot.addService(pubads);
            // The answer for this slot; the listener goes once it came.
            pubads.addEventListener('slotRenderEnded', function done(e: { slot: unknown; isEmpty: boolean; size: unknown }) {
              if (e.slot == slot) {
                pubads.removeEventListener('slotRenderEnded', done);
                resolve({ filled: !e.isEmpty, size: Array.isArray(e.size) ? (e.size as AdResult['size']) : null }); // GPT: null when empty
              }
            });
            // Page-wide in GPT; set on each request so it follows the consent of the moment.
            pubads.setPrivacySettings({ nonPersonalizedAds: !personalised });
            g.enableServices();
            g.display(container.id);
          }),
        ),
      )();
    });
  },
  destroy({ state }) {
    try {
      if (state) win.googletag.destroySlots([state]);
    } catch {
      // A stub without destroySlots: nothing to release.
    }
  },
};
