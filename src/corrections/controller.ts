/**
 * Connects corrections to the page: one set of document listeners (keys, the footer's request,
 * selections), one outbox, one dialog made on first use. A second copy of Folio on the page
 * (two script tags, the module next to the classic script) finds the first one's global and
 * installs nothing, so the reader never gets two dialogs for one keypress.
 */
import { isArticle, type ArticleElement } from '../internal/hosts.js';
import { FolioCorrectionDialog } from '../elements/correction-dialog/folio-correction-dialog.js';
import {
  FolioCorrectionOpenEvent,
  FolioCorrectionQueuedEvent,
  FolioCorrectionRefusedEvent,
  FolioCorrectionRequestEvent,
  FolioCorrectionSentEvent,
  FolioCorrectionSubmitEvent,
} from '../events.js';
import { define } from '../internal/define.js';
import { safeUrl } from '../internal/url.js';
import { buildAnnotation } from './annotation.js';
import { createOutbox } from './outbox.js';
import { articleOf, selectionTarget, type Quote } from './selectors.js';
import { isCoarsePointer, isCorrectionKey, isEditable, rangeRect } from './trigger.js';

export interface OpenOptions {
  /** The article the correction is about; default the one holding the selection, else the first on the page. */
  article?: ArticleElement | null;
  /** Quote the current selection when it is in the article (default true); false for a general correction. */
  quote?: boolean;
}

/** What the page-wide global holds: the first copy's way to open the dialog. */
export type OpenCorrection = (options?: OpenOptions) => FolioCorrectionDialog | undefined;

const KEY = Symbol.for('folio.corrections');

/** How long a selection must stay unchanged before it counts as settled (the reader let go). */
const SELECTION_SETTLED_MS = 400;

/** The event announcing each outcome of a delivery. */
const DELIVERY_EVENTS = {
  sent: FolioCorrectionSentEvent,
  refused: FolioCorrectionRefusedEvent,
  queued: FolioCorrectionQueuedEvent,
};
const registry = globalThis as { [KEY]?: OpenCorrection };

/** The corrections installed on this page (by this copy of Folio or another), if any. */
export const installedCorrections = (): OpenCorrection | undefined => registry[KEY];

/**
 * Listens for Ctrl/⌘+Enter, the footer's "write to us here" and selections (the touch button),
 * and drains the outbox of corrections earlier pages could not deliver; nothing when
 * corrections are already installed on this page. For the page's lifetime: there is no undo.
 */
export function installCorrections(): void {
  if (registry[KEY]) return;
  /** Articles that announced themselves (folio-ready), including those in shadow roots. */
  const seen = new Set<Element>();
  /** The article each correction came from, for the events of its deliveries (also later ones). */
  const pending = new Map<string, Element | null>();
  let dialog: FolioCorrectionDialog | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Events go to the article while it is in the page, else to the document. */
  const fire = (from: Element | null | undefined, event: Event) =>
    (from?.isConnected ? from : document).dispatchEvent(event);

  // Every attempt's outcome is announced: the first one's, and those of retries (a retry that
  // fails again announces folio-correction-queued again).
  const outbox = createOutbox({
    onDelivery: ({ annotation: { id, target } }, { outcome, ...rest }) =>
      // `rest` is what the outcome's event adds to the detail (status, message or reason); the cast
      // because TypeScript cannot pair each Delivery variant with its event through the lookup.
      fire(
        pending.get(id),
        new DELIVERY_EVENTS[outcome]({ id, quote: target.selector?.[0].exact ?? null, ...rest } as never),
      ),
  });

  /** Every article we know of: those in the document, and those that announced themselves. */
  function articles(): Element[] {
    for (const el of seen) if (!el.isConnected) seen.delete(el);
    return [...document.querySelectorAll('folio-article'), ...seen];
  }

  /**
   * The page's one dialog, made when first needed: at the first opening, or a little before it,
   * when a selection in an article settles: Lit's first render is then over before the reader
   * reaches Ctrl+Enter, instead of delaying the first opening. Nothing is made at page load.
   */
  function makeDialog(): FolioCorrectionDialog {
    if (!dialog) {
      define('folio-correction-dialog', FolioCorrectionDialog);
      document.body.append((dialog = document.createElement('folio-correction-dialog')));
    }
    return dialog;
  }

  function show(article: ArticleElement, quote: Quote | null): FolioCorrectionDialog {
    const endpoint = safeUrl(article.correctionsUrl);
    const { language } = article;
    makeDialog().show({
      quote,
      language,
      strings: article.localStrings,
      send: endpoint
        ? (fields) => {
            const annotation = buildAnnotation({ ...fields, source: article.canonicalUrl, language });
            const { id } = annotation;
            pending.set(id, article);
            fire(article, new FolioCorrectionSubmitEvent({ id, quote: fields.quote?.exact ?? null }));
            return outbox.add(endpoint, annotation);
          }
        : null,
    });
    fire(article, new FolioCorrectionOpenEvent({ id: null, quote: quote?.exact ?? null }));
    return dialog!;
  }

  /**
   * Asks the page first: a cancelable folio-correction-request from the article, which opens the
   * dialog (see its listener below) unless the page handles it. Whether the page let us act.
   */
  const request = (article: Element, quote: Quote) =>
    article.dispatchEvent(new FolioCorrectionRequestEvent({ quote: quote.exact }));

  const listeners: Record<string, (e: Event) => void> = {
    keydown(e) {
      // Not while the dialog is open, nor while typing in a field (a search box, a comment form).
      const typing = isEditable(e.composedPath()[0]);
      if (e.defaultPrevented || dialog?.open || !isCorrectionKey(e as KeyboardEvent) || typing) return;
      const target = selectionTarget(articles());
      // preventDefault only when we act: the page's own Ctrl+Enter keeps working everywhere else.
      if (target && request(target.article, target.quote)) e.preventDefault();
    },

    // Ours (keys, touch) and the footer's "write to us here", which asks for a general correction.
    'folio-correction-request'(e) {
      const origin = e.composedPath()[0] as Element;
      const article = isArticle(origin) ? origin : articleOf(origin);
      // After every listener has run, so a publisher's document listener added later can still take over.
      queueMicrotask(() => {
        if (e.defaultPrevented || !article) return;
        const general = (e as FolioCorrectionRequestEvent).detail.quote === null;
        show(article, (!general && selectionTarget([article])?.quote) || null);
      });
    },

    'folio-ready'(e) {
      const el = e.composedPath()[0];
      if (isArticle(el)) seen.add(el);
    },

    /**
     * Any change hides the touch button; once a selection in an article has settled (400 ms),
     * the dialog is made and, on a touch screen, the button shown under it.
     */
    selectionchange() {
      clearTimeout(timer);
      dialog?.touch();
      const coarse = isCoarsePointer();
      if (dialog && !coarse) return;
      timer = setTimeout(() => {
        const target = !dialog?.open && selectionTarget(articles());
        if (!target) return;
        const { article, quote, range } = target;
        const el = makeDialog();
        if (coarse) el.touch(rangeRect(range), article, () => request(article, quote));
      }, SELECTION_SETTLED_MS);
    },
  };

  for (const type in listeners) document.addEventListener(type, listeners[type]);
  outbox.start();

  // With no article on the page there is nothing to correct: nothing opens, and the page's
  // developer is told why.
  registry[KEY] = ({ article, quote = true } = {}) => {
    const target = quote ? selectionTarget(article ? [article] : articles()) : null;
    const found = target?.article ?? article ?? (articles().find(isArticle) as ArticleElement | undefined);
    if (found) return show(found, target?.quote ?? null);
    console.warn('folio: openCorrection(): no Folio article on this page');
    return undefined;
  };
}

/**
 * Opens the correction dialog from the page's own code (a publisher's "Report an error" button):
 * quoting the reader's selection when it is inside the article, else as a general correction.
 * Uses whichever copy of Folio installed corrections first, installing them if none did.
 * Undefined, and nothing opens, when the page has no article.
 */
export function openCorrection(options?: OpenOptions): FolioCorrectionDialog | undefined {
  installCorrections();
  return registry[KEY]!(options);
}
