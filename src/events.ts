/**
 * Every public Folio event: one class each, all bubbling and composed, because analytics
 * listeners sit on `document` and Folio often lives inside a host framework's shadow root.
 * Events report what the reader or the network did, never a property the page just set.
 */

const init = <T>(detail: T): CustomEventInit<T> => ({ detail, bubbles: true, composed: true });

export type FolioMode = 'enhance' | 'story';

/** The article has rendered its content (story fetched and shown, or publisher markup enhanced). */
export class FolioReadyEvent extends CustomEvent<{ mode: FolioMode; blocks: number }> {
  static readonly eventName = 'folio-ready';
  constructor(detail: { mode: FolioMode; blocks: number }) {
    super(FolioReadyEvent.eventName, init(detail));
  }
}

/**
 * Something went wrong. `fatal: true` means the element shows an error state instead of the story;
 * non-fatal errors (a related feed that failed, an ad script that was blocked) leave the article as it was.
 */
export class FolioErrorEvent extends CustomEvent<{ code: FolioErrorCode; message: string; fatal: boolean }> {
  static readonly eventName = 'folio-error';
  constructor(detail: { code: FolioErrorCode; message: string; fatal: boolean }) {
    super(FolioErrorEvent.eventName, init(detail));
  }
}

export type FolioErrorCode =
  | 'story-http'
  | 'story-network'
  | 'story-timeout'
  | 'story-json'
  | 'story-invalid'
  | 'related-feed'
  | 'ads-feed'
  | 'ads-script'
  | 'corrections-storage';

/** The reader asked to suggest a correction (footer link, keyboard shortcut or touch button). */
export class FolioCorrectionRequestEvent extends CustomEvent<{ quote: string | null }> {
  static readonly eventName = 'folio-correction-request';
  constructor(detail: { quote: string | null }) {
    super(FolioCorrectionRequestEvent.eventName, { ...init(detail), cancelable: true });
  }
}

// ---- Ads -------------------------------------------------------------------------------------

export type AdSize = [number, number];

export class FolioAdRequestEvent extends CustomEvent<{ provider: string; unit: string | null; sizes: AdSize[] | 'fluid' }> {
  static readonly eventName = 'folio-ad-request';
  constructor(detail: { provider: string; unit: string | null; sizes: AdSize[] | 'fluid' }) {
    super(FolioAdRequestEvent.eventName, init(detail));
  }
}

export class FolioAdRenderEvent extends CustomEvent<{ filled: boolean; size: AdSize | null; provider: string }> {
  static readonly eventName = 'folio-ad-render';
  constructor(detail: { filled: boolean; size: AdSize | null; provider: string }) {
    super(FolioAdRenderEvent.eventName, init(detail));
  }
}

export class FolioAdViewableEvent extends CustomEvent<{ provider: string; size: AdSize | null }> {
  static readonly eventName = 'folio-ad-viewable';
  constructor(detail: { provider: string; size: AdSize | null }) {
    super(FolioAdViewableEvent.eventName, init(detail));
  }
}

export class FolioAdErrorEvent extends CustomEvent<{ provider: string; message: string }> {
  static readonly eventName = 'folio-ad-error';
  constructor(detail: { provider: string; message: string }) {
    super(FolioAdErrorEvent.eventName, init(detail));
  }
}

// ---- Related stories ----------------------------------------------------------------------------

export class FolioRelatedClickEvent extends CustomEvent<{ href: string; headline: string; position: number }> {
  static readonly eventName = 'folio-related-click';
  constructor(detail: { href: string; headline: string; position: number }) {
    super(FolioRelatedClickEvent.eventName, { ...init(detail), cancelable: true });
  }
}

export class FolioRelatedImpressionEvent extends CustomEvent<{ href: string | null; headline: string; position: number }> {
  static readonly eventName = 'folio-related-impression';
  constructor(detail: { href: string | null; headline: string; position: number }) {
    super(FolioRelatedImpressionEvent.eventName, init(detail));
  }
}

// ---- Corrections -----------------------------------------------------------------------------

export interface CorrectionEventDetail {
  /** The annotation's id (`urn:uuid:…`), stable across retries; null before one is made. */
  id: string | null;
  /** The quoted words, or null for a general correction. */
  quote: string | null;
}

export class FolioCorrectionOpenEvent extends CustomEvent<CorrectionEventDetail> {
  static readonly eventName = 'folio-correction-open';
  constructor(detail: CorrectionEventDetail) {
    super(FolioCorrectionOpenEvent.eventName, init(detail));
  }
}

export class FolioCorrectionSubmitEvent extends CustomEvent<CorrectionEventDetail> {
  static readonly eventName = 'folio-correction-submit';
  constructor(detail: CorrectionEventDetail) {
    super(FolioCorrectionSubmitEvent.eventName, init(detail));
  }
}

export class FolioCorrectionSentEvent extends CustomEvent<CorrectionEventDetail & { status: number }> {
  static readonly eventName = 'folio-correction-sent';
  constructor(detail: CorrectionEventDetail & { status: number }) {
    super(FolioCorrectionSentEvent.eventName, init(detail));
  }
}

export class FolioCorrectionQueuedEvent extends CustomEvent<CorrectionEventDetail & { reason: string }> {
  static readonly eventName = 'folio-correction-queued';
  constructor(detail: CorrectionEventDetail & { reason: string }) {
    super(FolioCorrectionQueuedEvent.eventName, init(detail));
  }
}

export class FolioCorrectionRefusedEvent extends CustomEvent<CorrectionEventDetail & { status: number; message: string }> {
  static readonly eventName = 'folio-correction-refused';
  constructor(detail: CorrectionEventDetail & { status: number; message: string }) {
    super(FolioCorrectionRefusedEvent.eventName, init(detail));
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'folio-ready': FolioReadyEvent;
    'folio-error': FolioErrorEvent;
    'folio-correction-request': FolioCorrectionRequestEvent;
    'folio-ad-request': FolioAdRequestEvent;
    'folio-ad-render': FolioAdRenderEvent;
    'folio-ad-viewable': FolioAdViewableEvent;
    'folio-ad-error': FolioAdErrorEvent;
    'folio-related-click': FolioRelatedClickEvent;
    'folio-related-impression': FolioRelatedImpressionEvent;
    'folio-correction-open': FolioCorrectionOpenEvent;
    'folio-correction-submit': FolioCorrectionSubmitEvent;
    'folio-correction-sent': FolioCorrectionSentEvent;
    'folio-correction-queued': FolioCorrectionQueuedEvent;
    'folio-correction-refused': FolioCorrectionRefusedEvent;
  }
}
