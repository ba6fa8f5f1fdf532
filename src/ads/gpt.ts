/**
 * Google Publisher Tag. Uses `window.googletag` when the page already has it, else loads GPT
 * once from `gpt-src`. Every GPT call is guarded: ad blockers remove GPT (the script fails to
 * load) or replace it with stubs that lack methods, and the article must carry on regardless;
 * both end as a rejected request (the slot fires `folio-ad-error` and stays reserved). Consent is
 * GPT's own: it reads the page's IAB TCF CMP (`__tcfapi`) and applies it to every request.
 */
import { safeUrl } from '../internal/url.js';
import { scriptURL } from '../story/sanitize.js';
import type { AdProvider, AdResult } from './provider.js';

export const DEFAULT_GPT_SRC = 'https://securepubads.g.doubleclick.net/tag/js/gpt.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- GPT's objects are whatever the page holds */
const win = window as { googletag?: any };

/** Each container's GPT slot, so that a slot whose container left the page can be released. */
const defined = new WeakMap<HTMLElement, unknown>();

/**
 * Releases the GPT slot of a container that left the page (a single-page app replaced the
 * article): a page-wide `refresh()` would otherwise still ask for it. Guarded like every call.
 */
export function releaseGptSlot(container: HTMLElement): void {
  const slot = defined.get(container);
  try {
    if (slot) win.googletag.destroySlots([slot]);
  } catch {
    /* GPT stubbed or replaced since */
  }
}

export const gpt: AdProvider = {
  name: 'gpt',
  async request({ unit, sizes, container, src: raw }) {
    const src = safeUrl(raw || DEFAULT_GPT_SRC);
    if (!unit || !src) throw Error('GPT: no unit or gpt-src');
    // No googletag (none yet, or removed by the page or a blocker): load GPT afresh, and keep the
    // script's load on the `googletag` we make to queue commands meanwhile (GPT keeps that object).
    // A googletag without it is the page's own GPT: use it as it is.
    await (win.googletag ||= {
      cmd: [],
      folioLoad: new Promise((onload, reject) => {
        const onerror = () => reject(Error('GPT did not load from ' + src));
        // A script element made by script is async already; its URL passes the folio policy,
        // which pages enforcing Trusted Types allow.
        document.head.append(Object.assign(document.createElement('script'), { src: scriptURL(src), onload, onerror }));
      }),
    }).folioLoad;
    try {
      // Once GPT runs its command queue (a stub's `cmd` may throw here, or never run us).
      await new Promise((run) => win.googletag.cmd.push(run));
      const googletag = win.googletag;
      const pubads = googletag.pubads();
      // GPT returns null for an id that already has a slot: addService then throws.
      const slot = googletag.defineSlot(unit, sizes, container.id);
      slot.addService(pubads);
      defined.set(container, slot);
      // The answer for this slot (a later refresh of it resolves nothing more).
      const answer = new Promise<AdResult>((resolve) =>
        pubads.addEventListener('slotRenderEnded', (e: { slot: unknown; isEmpty: boolean; size: unknown }) => {
          // GPT's size is null when the slot is empty.
          const size = Array.isArray(e.size) ? (e.size as AdResult['size']) : null;
          if (e.slot === slot) resolve({ filled: !e.isEmpty, size });
        }),
      );
      googletag.enableServices();
      googletag.display(container.id);
      return answer;
    } catch (e) {
      throw Error('GPT: ' + e, { cause: e });
    }
  },
};
