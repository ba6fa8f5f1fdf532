/**
 * Consent before any ad request. With an IAB TCF v2.2 CMP on the page (`window.__tcfapi`), wait
 * for its `tcloaded` or `useractioncomplete` event (or `gdprApplies: false`); without consent
 * for purpose 1 (store and access information on a device), ask for non-personalised ads, or
 * none in strict mode. No CMP: proceed. A CMP that throws counts as no consent.
 */

/** The part of TCF's TCData the decision needs. */
export interface TcData {
  eventStatus?: string;
  gdprApplies?: boolean;
  listenerId?: number;
  purpose?: { consents?: Record<string, boolean | undefined> };
}

/** The CMP API: `__tcfapi(command, version, callback, parameter)`. */
export type TcfApi = (
  command: string,
  version: number,
  callback: (data: TcData, success: boolean) => void,
  parameter?: unknown,
) => void;

/**
 * Resolves once the CMP has an answer, never before, to whether ads may be personalised:
 * consent to purpose 1, or true where GDPR does not apply (`gdprApplies: false`, or no CMP).
 * Registers a listener per call (TCF calls it at once with the current state when that is
 * known) and removes it once answered, so each request sees the consent of the moment. The slot
 * asks for non-personalised ads without it, or none with `ad-consent="strict"`.
 */
export function readConsent(api = (window as { __tcfapi?: TcfApi }).__tcfapi): Promise<boolean> {
  return new Promise((resolve) => {
    if (!api) return resolve(true);
    try {
      api('addEventListener', 2, (tc, success) => {
        // `success` promises a TCData object.
        if (success && (tc.gdprApplies === false || /^(tcloaded|useractioncomplete)$/.test(tc.eventStatus!))) {
          resolve(tc.gdprApplies === false || !!tc.purpose?.consents?.[1]);
          api('removeEventListener', 2, () => {}, tc.listenerId);
        }
      });
    } catch {
      resolve(false);
    }
  });
}
