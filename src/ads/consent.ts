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
export type TcfApi = (command: string, version: number, callback: (data: TcData, success: boolean) => void, parameter?: unknown) => void;

export interface Consent {
  /** Whether GDPR applies to this reader (false without a CMP). */
  gdprApplies: boolean;
  /** Consent to purpose 1, or true where GDPR does not apply. */
  purpose1: boolean;
}

export type ConsentMode = 'personalised' | 'non-personalised' | 'none';

/**
 * Resolves once the CMP has an answer; never before. Registers a listener per call (TCF calls it
 * at once with the current state when that is known) and removes it once answered, so each
 * request sees the consent of the moment.
 */
export function readConsent(api = (window as { __tcfapi?: TcfApi }).__tcfapi): Promise<Consent> {
  return new Promise((resolve) => {
    const answer = (gdprApplies: boolean, purpose1: boolean) => resolve({ gdprApplies, purpose1 });
    if (typeof api != 'function') return answer(false, true);
    try {
      api('addEventListener', 2, (tc, success) => {
        const off = tc?.gdprApplies === false;
        if (!success || !tc || !(off || tc.eventStatus == 'tcloaded' || tc.eventStatus == 'useractioncomplete')) return;
        answer(!off, off || tc.purpose?.consents?.[1] === true);
        try {
          api('removeEventListener', 2, () => {}, tc.listenerId);
        } catch {
          // The answer stands even if the CMP cannot forget the listener.
        }
      });
    } catch {
      answer(true, false);
    }
  });
}

/** Personalised with purpose 1 (or outside GDPR); else non-personalised, or none when `strict`. */
export function consentMode(c: Consent, strict: boolean): ConsentMode {
  return c.purpose1 ? 'personalised' : strict ? 'none' : 'non-personalised';
}
