/**
 * Connects corrections to the page: one set of document listeners (keys, the footer's request,
 * touch selections), one outbox, one dialog made on first use. A second copy of Folio on the
 * page (two script tags, the module next to the classic script) finds the first one's global
 * and installs nothing, so the reader never gets two dialogs for one keypress.
 */
import { isArticle, type ArticleElement } from '../internal/hosts.js';
import { FolioCorrectionDialog, type CorrectionFields } from '../elements/correction-dialog/folio-correction-dialog.js';
import {
  FolioCorrectionOpenEvent,
  FolioCorrectionQueuedEvent,
  FolioCorrectionRefusedEvent,
  FolioCorrectionRequestEvent,
  FolioCorrectionSentEvent,
  FolioCorrectionSubmitEvent,
} from '../events.js';
import { resolveLang, stringsFor } from '../i18n/strings.js';
import { define } from '../internal/define.js';
import { safeUrl } from '../internal/url.js';
import { buildAnnotation } from './annotation.js';
import { Outbox, type Delivery, type OutboxOptions } from './outbox.js';
import { articleOf, composedRange, rootsOf, selectionTarget, type Quote } from './selectors.js';
import { isCoarsePointer, isCorrectionKey, isEditable, rangeRect, TouchButton } from './trigger.js';

export interface InstallOptions {
  /** Whether to offer the touch button; default `matchMedia('(pointer: coarse)')`, checked at each selection. */
  coarsePointer?: () => boolean;
  /** How long a selection must stay still before the touch button shows (and the dialog is made), ms (default 400). */
  touchDelay?: number;
  /** Options for the outbox (storage, fetch, timeouts, backoff). */
  outbox?: OutboxOptions;
}

export interface OpenOptions {
  /** The article the correction is about; default the one holding the selection, else the first on the page. */
  article?: ArticleElement | null;
  /** Quote the current selection when it is in the article (default true); false for a general correction. */
  quote?: boolean;
}

/** What the page-wide global holds: the first copy's working parts. */
export interface CorrectionsInstance {
  version: 1;
  outbox: Outbox;
  open(options?: OpenOptions): FolioCorrectionDialog;
  uninstall(): void;
}

const KEY = Symbol.for('folio.corrections');
const registry = globalThis as { [KEY]?: CorrectionsInstance };

/** The corrections installed on this page (by this copy of Folio or another), if any. */
export const installedCorrections = (): CorrectionsInstance | undefined => registry[KEY];

/**
 * Listens for Ctrl/⌘+Enter, the footer's "write to us here" and touch selections, and drains
 * the outbox of corrections earlier pages could not deliver. Returns a function that undoes it,
 * or null when corrections were already installed on this page.
 */
export function installCorrections(options: InstallOptions = {}): (() => void) | null {
  if (registry[KEY]) return null;
  const coarse = options.coarsePointer ?? isCoarsePointer;
  const seen = new Set<Element>();
  const ours = new WeakSet<Event>();
  const pending = new Map<string, Element>();
  let dialog: FolioCorrectionDialog | undefined;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;

  const fire = (from: Element | null | undefined, event: Event) => (from?.isConnected ? from : document).dispatchEvent(event);

  const outbox = new Outbox({
    ...options.outbox,
    onDelivery: (entry, result) => {
      const from = pending.get(entry.id);
      pending.delete(entry.id);
      announce(from, { id: entry.id, quote: entry.annotation.target.selector?.[0].exact ?? null }, result);
      options.outbox?.onDelivery?.(entry, result);
    },
  });

  function announce(from: Element | null | undefined, detail: { id: string; quote: string | null }, result: Delivery) {
    fire(
      from,
      result.outcome === 'sent'
        ? new FolioCorrectionSentEvent({ ...detail, status: result.status })
        : result.outcome === 'refused'
          ? new FolioCorrectionRefusedEvent({ ...detail, status: result.status, message: result.message })
          : new FolioCorrectionQueuedEvent({ ...detail, reason: result.reason }),
    );
  }

  /** Every article we know of: those in the document, and those that announced themselves from shadow roots. */
  function articles(): Element[] {
    const list = new Set<Element>(document.querySelectorAll('folio-article'));
    for (const el of seen) el.isConnected ? list.add(el) : seen.delete(el);
    return [...list];
  }

  async function send(article: ArticleElement | null, endpoint: string, fields: CorrectionFields): Promise<Delivery> {
    const annotation = buildAnnotation({
      source: article?.canonicalUrl ?? location.href,
      quote: fields.quote,
      suggestion: fields.suggestion,
      comment: fields.comment,
      email: fields.email,
      language: article?.language ?? resolveLang(document.documentElement),
      honeypot: fields.honeypot,
    });
    const detail = { id: annotation.id, quote: fields.quote?.exact ?? null };
    fire(article, new FolioCorrectionSubmitEvent(detail));
    if (article) pending.set(annotation.id, article);
    const result = await outbox.add(endpoint, annotation);
    if (result.outcome !== 'queued') pending.delete(annotation.id);
    announce(article, detail, result);
    return result;
  }

  function show(article: ArticleElement | null, quote: Quote | null): FolioCorrectionDialog {
    clearTimeout(settleTimer);
    touch.hide();
    const el = makeDialog();
    const endpoint = safeUrl(article?.correctionsUrl);
    const language = article?.language ?? resolveLang(document.documentElement);
    el.show({
      quote,
      language,
      strings: article?.localStrings ?? stringsFor(language),
      send: endpoint ? (fields) => send(article, endpoint, fields) : null,
    });
    fire(article, new FolioCorrectionOpenEvent({ id: null, quote: quote?.exact ?? null }));
    return el;
  }

  /**
   * The page's one dialog, made when first needed: at the first opening, or a little before it,
   * when a selection in an article settles: Lit's first render is then over before the reader
   * reaches Ctrl+Enter, instead of delaying the first opening. Nothing is made at page load.
   */
  function makeDialog(): FolioCorrectionDialog {
    if (!dialog) {
      define('folio-correction-dialog', FolioCorrectionDialog);
      dialog = document.createElement('folio-correction-dialog');
      document.body.append(dialog);
    }
    return dialog;
  }

  /** Asks the page first (a cancelable folio-correction-request), then opens; whether it opened. */
  function request(article: ArticleElement, quote: Quote): boolean {
    const event = new FolioCorrectionRequestEvent({ quote: quote.exact });
    ours.add(event);
    if (!article.dispatchEvent(event)) return false;
    show(article, quote);
    return true;
  }

  function open({ article, quote = true }: OpenOptions = {}): FolioCorrectionDialog {
    const target = quote ? selectionTarget(article ? [article] : articles()) : null;
    return show(target?.article ?? article ?? (articles().find(isArticle) as ArticleElement | undefined) ?? null, target?.quote ?? null);
  }

  const onKeydown = (e: KeyboardEvent) => {
    if (e.defaultPrevented || dialog?.open || !isCorrectionKey(e)) return;
    const origin = e.composedPath()[0] as Node;
    // Typing in a field outside the article (a search box, a comment form) is not a request.
    if (isEditable(origin) && !articleOf(origin)) return;
    const target = selectionTarget(articles());
    // preventDefault only when we act: the page's own Ctrl+Enter keeps working everywhere else.
    if (target && request(target.article, target.quote)) e.preventDefault();
  };

  const onRequest = (e: FolioCorrectionRequestEvent) => {
    if (ours.has(e)) return;
    const origin = e.composedPath()[0] as Element;
    const article = isArticle(origin) ? origin : articleOf(origin);
    // After every listener has run, so a publisher's document listener added later can still take over.
    queueMicrotask(() => {
      if (e.defaultPrevented) return;
      const quote = e.detail.quote !== null && article ? selectionTarget([article])?.quote : null;
      show(article, quote ?? null);
    });
  };

  const onReady = (e: Event) => {
    const el = e.composedPath()[0] as Element;
    if (isArticle(el)) seen.add(el);
  };

  let touchTarget: ReturnType<typeof selectionTarget> = null;
  const touch = new TouchButton(() => {
    const target = touchTarget;
    touch.hide();
    if (target?.article.isConnected) request(target.article, target.quote);
  });

  const onSelectionChange = () => {
    clearTimeout(settleTimer);
    const isCoarse = coarse();
    if (dialog && !isCoarse) return;
    const range = composedRange(document.getSelection(), rootsOf(articles()));
    if (!range || range.collapsed) return touch.hide();
    settleTimer = setTimeout(() => {
      const target = dialog?.open ? null : selectionTarget(articles());
      if (target) makeDialog();
      const rect = target && isCoarse && rangeRect(target.range);
      if (!rect) return touch.hide();
      touchTarget = target;
      touch.show(rect, target.article.localStrings.suggestCorrection, target.article.language);
    }, options.touchDelay ?? 400);
  };

  document.addEventListener('keydown', onKeydown);
  document.addEventListener('folio-correction-request', onRequest);
  document.addEventListener('folio-ready', onReady);
  document.addEventListener('selectionchange', onSelectionChange);
  outbox.start();

  const uninstall = () => {
    document.removeEventListener('keydown', onKeydown);
    document.removeEventListener('folio-correction-request', onRequest);
    document.removeEventListener('folio-ready', onReady);
    document.removeEventListener('selectionchange', onSelectionChange);
    clearTimeout(settleTimer);
    touch.hide();
    outbox.stop();
    dialog?.close();
    dialog?.remove();
    if (registry[KEY] === instance) delete registry[KEY];
  };
  const instance: CorrectionsInstance = { version: 1, outbox, open, uninstall };
  registry[KEY] = instance;
  return uninstall;
}

/**
 * Opens the correction dialog from the page's own code (a publisher's "Report an error" button):
 * quoting the reader's selection when it is inside the article, else as a general correction.
 * Uses whichever copy of Folio installed corrections first, installing them if none did.
 */
export function openCorrection(options?: OpenOptions): FolioCorrectionDialog {
  if (!registry[KEY]) installCorrections();
  return registry[KEY]!.open(options);
}
