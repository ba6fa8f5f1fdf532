/**
 * A fake IAB TCF v2.2 CMP with the real `__tcfapi(command, version, callback, parameter)`
 * signature: `ping`, `addEventListener` (called at once with the current TCData when the CMP
 * has one, then on every change, each call carrying the listener's `listenerId`) and
 * `removeEventListener` (callback(success), parameter = listenerId). Not a test file.
 */
import type { TcData } from '../../src/ads/consent.js';

type Callback = (data: unknown, success: boolean) => void;

export interface FakeCmp {
  /** Registered listeners by id. */
  listeners: Map<number, Callback>;
  /** The CMP has loaded a stored choice (or the reader's region needs none): 'tcloaded'. */
  load(consents: Record<number, boolean>, gdprApplies?: boolean): void;
  /** The consent UI is shown: 'cmpuishown' (not an answer). */
  showUi(): void;
  /** The reader made a choice: 'useractioncomplete'. */
  choose(consents: Record<number, boolean>): void;
  uninstall(): void;
}

export function installCmp(options: { throws?: boolean } = {}): FakeCmp {
  const listeners = new Map<number, Callback>();
  let nextId = 1;
  let current: (TcData & Record<string, unknown>) | null = null;

  const tcData = (eventStatus: string, consents: Record<number, boolean>, gdprApplies = true) => ({
    tcString: 'CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA',
    tcfPolicyVersion: 4,
    cmpId: 300,
    cmpVersion: 1,
    gdprApplies,
    eventStatus,
    cmpStatus: 'loaded',
    isServiceSpecific: true,
    useNonStandardTexts: false,
    publisherCC: 'DE',
    purposeOneTreatment: false,
    purpose: { consents, legitimateInterests: {} },
    vendor: { consents: { 755: !!consents[1] }, legitimateInterests: {} },
    specialFeatureOptins: {},
    publisher: {
      consents: {},
      legitimateInterests: {},
      customPurpose: { consents: {}, legitimateInterests: {} },
      restrictions: {},
    },
  });

  const notify = () => listeners.forEach((cb, listenerId) => cb({ ...current, listenerId }, true));

  const api = (command: string, version: number, callback: Callback, parameter?: unknown) => {
    if (options.throws) throw new Error('CMP exploded');
    if (version !== 2 || typeof callback !== 'function') return;
    switch (command) {
      case 'ping':
        callback(
          {
            gdprApplies: current?.gdprApplies,
            cmpLoaded: true,
            cmpStatus: 'loaded',
            displayStatus: 'hidden',
            apiVersion: '2.2',
            cmpVersion: 1,
            cmpId: 300,
            gvlVersion: 1,
            tcfPolicyVersion: 4,
          },
          true,
        );
        return;
      case 'addEventListener': {
        const id = nextId++;
        listeners.set(id, callback);
        if (current) callback({ ...current, listenerId: id }, true);
        return;
      }
      case 'removeEventListener': {
        const ok = listeners.delete(parameter as number);
        callback(ok, ok);
        return;
      }
      default:
        callback(null, false);
    }
  };
  (window as unknown as { __tcfapi?: unknown }).__tcfapi = api;

  return {
    listeners,
    load(consents, gdprApplies = true) {
      current = tcData('tcloaded', consents, gdprApplies);
      notify();
    },
    showUi() {
      current = tcData('cmpuishown', {});
      notify();
    },
    choose(consents) {
      current = tcData('useractioncomplete', consents);
      notify();
    },
    uninstall() {
      delete (window as unknown as { __tcfapi?: unknown }).__tcfapi;
    },
  };
}
