/**
 * Every public Folio event: one class each, all bubbling and composed, because analytics
 * listeners sit on `document` and Folio often lives inside a host framework's shadow root.
 * Events report what the reader or the network did, never a property the page just set.
 */

/**
 * Makes the base class of one event: a CustomEvent with a fixed name that bubbles and is
 * composed. Each public event is a named class over it, so `instanceof` and the typings work
 * while the bundle carries one constructor, not fourteen. Cancelable only when `cancelable` says
 * so: left unset, the event init's own default (false) holds.
 */
function folioEvent<T>(name: string, cancelable?: boolean) {
  return class extends CustomEvent<T> {
    constructor(detail: T) {
      super(name, { detail, bubbles: true, composed: true, cancelable });
    }
  };
}

export type FolioMode = 'enhance' | 'story';

/** The article has rendered its content (story fetched and shown, or publisher markup enhanced). */
export class FolioReadyEvent extends folioEvent<{ mode: FolioMode; blocks: number }>('folio-ready') {}

/**
 * Something went wrong. `fatal: true` means the element shows an error state instead of the story;
 * non-fatal errors (a related feed that failed, an ad script that was blocked) leave the article as it was.
 */
export class FolioErrorEvent extends folioEvent<{ code: FolioErrorCode; message: string; fatal: boolean }>(
  'folio-error',
) {}

export type FolioErrorCode =
  'story-http' | 'story-network' | 'story-timeout' | 'story-json' | 'story-invalid' | 'related-feed' | 'ads-script';

/** The reader asked to suggest a correction (footer link or keyboard shortcut). */
export class FolioCorrectionRequestEvent extends folioEvent<{ quote: string | null }>(
  'folio-correction-request',
  true,
) {}

// ---- Ads -------------------------------------------------------------------------------------

export type AdSize = [number, number];

export class FolioAdRequestEvent extends folioEvent<{
  provider: string;
  unit: string | null;
  sizes: AdSize[] | 'fluid';
}>('folio-ad-request') {}

export class FolioAdRenderEvent extends folioEvent<{ filled: boolean; size: AdSize | null; provider: string }>(
  'folio-ad-render',
) {}

export class FolioAdErrorEvent extends folioEvent<{ provider: string; message: string }>('folio-ad-error') {}

// ---- Related stories ----------------------------------------------------------------------------

export class FolioRelatedClickEvent extends folioEvent<{ href: string; headline: string; position: number }>(
  'folio-related-click',
  true,
) {}

// ---- Corrections -----------------------------------------------------------------------------

export interface CorrectionEventDetail {
  /** The annotation's id (`urn:uuid:…`), stable across retries; null before one is made. */
  id: string | null;
  /** The quoted words, or null for a general correction. */
  quote: string | null;
}

export class FolioCorrectionOpenEvent extends folioEvent<CorrectionEventDetail>('folio-correction-open') {}

export class FolioCorrectionSubmitEvent extends folioEvent<CorrectionEventDetail>('folio-correction-submit') {}

export class FolioCorrectionSentEvent extends folioEvent<CorrectionEventDetail & { status: number }>(
  'folio-correction-sent',
) {}

export class FolioCorrectionQueuedEvent extends folioEvent<CorrectionEventDetail & { reason: string }>(
  'folio-correction-queued',
) {}

export class FolioCorrectionRefusedEvent extends folioEvent<
  CorrectionEventDetail & { status: number; message: string }
>('folio-correction-refused') {}

/** The correction dialog is on screen (opened by the reader: keys, footer or the page's code). */
export class FolioCorrectionShowEvent extends folioEvent<{ quote: string | null }>('folio-correction-show') {}

/** The correction dialog has closed; what the reader wrote is kept as a draft until it is sent. */
export class FolioCorrectionHideEvent extends folioEvent<{ quote: string | null }>('folio-correction-hide') {}

/**
 * The reader asked to close the correction dialog (Esc, or its Close button): cancelable, so a
 * page can keep it open.
 */
export class FolioCorrectionCloseRequestEvent extends folioEvent<{ source: 'keyboard' | 'button' }>(
  'folio-correction-close-request',
  true,
) {}

declare global {
  interface GlobalEventHandlersEventMap {
    'folio-ready': FolioReadyEvent;
    'folio-error': FolioErrorEvent;
    'folio-correction-request': FolioCorrectionRequestEvent;
    'folio-ad-request': FolioAdRequestEvent;
    'folio-ad-render': FolioAdRenderEvent;
    'folio-ad-error': FolioAdErrorEvent;
    'folio-related-click': FolioRelatedClickEvent;
    'folio-correction-open': FolioCorrectionOpenEvent;
    'folio-correction-submit': FolioCorrectionSubmitEvent;
    'folio-correction-sent': FolioCorrectionSentEvent;
    'folio-correction-queued': FolioCorrectionQueuedEvent;
    'folio-correction-refused': FolioCorrectionRefusedEvent;
    'folio-correction-show': FolioCorrectionShowEvent;
    'folio-correction-hide': FolioCorrectionHideEvent;
    'folio-correction-close-request': FolioCorrectionCloseRequestEvent;
  }
}
