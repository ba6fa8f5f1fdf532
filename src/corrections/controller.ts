/**
 * Connects corrections to the page: one set of document listeners (keys, the footer's request),
 * one outbox and one dialog, made on first use. A second copy of Folio on the page (two script
 * tags, the module next to the classic script) finds the first one's global and installs
 * nothing, so the reader never gets two dialogs for one keypress.
 */
import { hostOf, isArticle, type ArticleElement } from '../internal/hosts.js';
import { FolioCorrectionDialog, type CorrectionDraft } from '../elements/correction-dialog/folio-correction-dialog.js';
import {
  FolioCorrectionOpenEvent,
  FolioCorrectionQueuedEvent,
  FolioCorrectionRefusedEvent,
  FolioCorrectionRequestEvent,
  FolioCorrectionSentEvent,
  FolioCorrectionSubmitEvent,
} from '../events.js';
import { define } from '../internal/define.js';
import { yieldTask } from '../internal/tasks.js';
import { buildAnnotation } from './annotation.js';
import { findWords } from './find.js';
import { createOutbox } from './outbox.js';
import { articleOf, articleText, quoteOf, selectionTarget, type Quote } from './selectors.js';
import { isCorrectionKey, isEditable } from './trigger.js';

export interface OpenOptions {
  /** The article the correction is about; default the one holding the selection, else the first on the page. */
  article?: ArticleElement | null;
  /** Quote the current selection when it is in the article (default true); false for a general correction. */
  quote?: boolean;
}

/** What the page-wide global holds: the installed controller's way to open the dialog. */
export type OpenCorrection = (options?: OpenOptions) => FolioCorrectionDialog | undefined;

const KEY = Symbol.for('folio.corrections');
const registry = globalThis as { [KEY]?: OpenCorrection };

/** The event announcing each outcome of a delivery. */
const DELIVERY_EVENTS = {
  sent: FolioCorrectionSentEvent,
  refused: FolioCorrectionRefusedEvent,
  queued: FolioCorrectionQueuedEvent,
};

/** Events go to the article while it is in the page, else to the document. */
const fire = (from: Element | null | undefined, event: Event) =>
  (from?.isConnected ? from : document).dispatchEvent(event);

/** Defines an element of Folio's (guarded) and puts one in the page's body. */
function make<T extends HTMLElement>(tag: string, element: CustomElementConstructor): T {
  define(tag, element);
  return document.body.appendChild(document.createElement(tag) as T);
}

/**
 * Asks the page first: a cancelable folio-correction-request from the article, which the page
 * may take over by cancelling it. Whether the page let us act.
 */
const requestCorrection = (article: Element, quote: Quote) =>
  article.dispatchEvent(new FolioCorrectionRequestEvent({ quote: quote.exact }));

/**
 * Gives the reader's place back after the dialog closes: focus on the element the quote starts
 * in (focusable until it loses focus, so the next Tab goes on from there, not from the top of
 * the page) and the selection as it was.
 */
function restorePlace({ startContainer, startOffset, endContainer, endOffset }: AbstractRange): void {
  const block = startContainer instanceof Element ? startContainer : startContainer.parentElement;
  if (block instanceof HTMLElement) {
    if (!block.hasAttribute('tabindex')) {
      block.tabIndex = -1;
      block.addEventListener('blur', () => block.removeAttribute('tabindex'), { once: true });
    }
    block.focus({ preventScroll: true });
  }
  getSelection()?.setBaseAndExtent(startContainer, startOffset, endContainer, endOffset);
}

/**
 * The page's corrections, as an object with a lifecycle: `install()` adds the listeners (for
 * Ctrl/⌘+Enter and the footer's "write to us here") and starts the outbox, which drains what
 * earlier pages left in idle time; nothing else happens at page load (no storage, no element
 * made). `dispose()` takes all of it away again.
 */
export class CorrectionsController {
  /** Articles that announced themselves (folio-ready), including those in shadow roots. */
  #seen = new Set<Element>();
  /** The article each correction came from, for the events of its deliveries (also later ones). */
  #pending = new Map<string, Element | null>();
  /** What the reader wrote, per article and quote position ('' for a general correction). */
  #drafts = new WeakMap<Element, Record<string, CorrectionDraft>>();
  #dialog?: FolioCorrectionDialog;
  /** The selection the open dialog quotes, if it was opened from one: the reader's place to give back. */
  #place?: AbstractRange;

  // Every attempt's outcome is announced: the first one's, and those of retries (a retry that
  // fails again announces folio-correction-queued again).
  #outbox = createOutbox({
    onDelivery: ({ annotation: { id, target } }, { outcome, ...rest }) =>
      // `rest` is what the outcome's event adds to the detail (status, message or reason); the cast
      // because TypeScript cannot pair each Delivery variant with its event through the lookup.
      fire(
        this.#pending.get(id),
        new DELIVERY_EVENTS[outcome]({ id, quote: target.selector?.[0].exact ?? null, ...rest } as never),
      ),
  });

  #open: OpenCorrection = (options) => this.open(options);

  #listeners: Record<string, (e: Event) => void> = {
    keydown: (e) => this.#keydown(e as KeyboardEvent),

    // The footer's "write to us here", which asks for a general correction. (The keys' request,
    // with a quote, is the keydown's to act on: it has the selection already.)
    'folio-correction-request': (e) => {
      const origin = e.composedPath()[0] as Element;
      const article = isArticle(origin) ? origin : articleOf(origin);
      // After every listener has run, so a publisher's document listener added later can still take over.
      queueMicrotask(() => {
        if (e.defaultPrevented || !article || (e as FolioCorrectionRequestEvent).detail.quote !== null) return;
        this.#show(article, null);
      });
    },

    'folio-ready': (e) => {
      const el = e.composedPath()[0];
      if (isArticle(el)) this.#seen.add(el);
    },
  };

  /**
   * Becomes the page's corrections: listens and starts the outbox. Nothing, and false, when
   * corrections are already installed on this page (by this copy of Folio or another).
   */
  install(): boolean {
    if (registry[KEY]) return false;
    registry[KEY] = this.#open;
    for (const type in this.#listeners) document.addEventListener(type, this.#listeners[type]);
    this.#outbox.start();
    return true;
  }

  /** Stops listening and retrying, and takes the dialog out of the page. */
  dispose(): void {
    if (registry[KEY] !== this.#open) return;
    delete registry[KEY];
    for (const type in this.#listeners) document.removeEventListener(type, this.#listeners[type]);
    this.#outbox.stop();
    this.#dialog?.remove();
    this.#dialog = undefined;
  }

  /**
   * Opens the dialog: quoting the selection when it is in an article (unless `quote` is false),
   * else as a general correction of `article` or the first article. With no article on the page,
   * or none with a corrections endpoint, nothing opens, and the page's developer is told why.
   */
  open({ article, quote = true }: OpenOptions = {}): FolioCorrectionDialog | undefined {
    const target = quote ? selectionTarget(article ? [article] : this.#articles()) : null;
    return this.#show(
      target?.article ?? article ?? (this.#articles().find(isArticle) as ArticleElement | undefined),
      target,
    );
  }

  #keydown(e: KeyboardEvent): void {
    // Not while the dialog is open, nor while typing in a field (a search box, a comment form).
    const typing = isEditable(e.composedPath()[0]);
    if (e.defaultPrevented || this.#dialog?.open || !isCorrectionKey(e) || typing) return;
    const target = selectionTarget(this.#articles());
    // preventDefault only when we act: the page's own Ctrl+Enter keeps working everywhere else.
    // Every listener of the request has run when it returns: what it says is final.
    if (target?.article.correctionsUrl && requestCorrection(target.article, target.quote)) {
      e.preventDefault();
      this.#show(target.article, target);
    }
  }

  /** Every article we know of: those in the document, and those that announced themselves. */
  #articles(): Element[] {
    for (const el of this.#seen) if (!el.isConnected) this.#seen.delete(el);
    return [...document.querySelectorAll('folio-article'), ...this.#seen];
  }

  #show(
    article: ArticleElement | undefined,
    target: { quote: Quote; range: AbstractRange } | null | undefined,
  ): FolioCorrectionDialog | undefined {
    const quote = target?.quote ?? null;
    const endpoint = article?.correctionsUrl;
    // No article, or nowhere to send its correction: no dialog (an article shows no footer either).
    if (!endpoint) {
      console.warn('folio: no article with a corrections endpoint');
      return undefined;
    }
    // The title and the chrome's direction are the host's only (on the element they are HTML's).
    const { language, chrome, title } = hostOf(article)!;
    const drafts = this.#drafts.get(article) ?? {};
    this.#drafts.set(article, drafts);
    // A draft per passage: the quote as the keypress read it (the words, their context and place).
    const key = quote ? JSON.stringify(quote) : '';
    let text: string | undefined;
    // The page's one dialog, made at the first opening.
    if (!this.#dialog) {
      this.#dialog = make('folio-correction-dialog', FolioCorrectionDialog);
      this.#dialog.addEventListener('folio-correction-hide', () => this.#place && restorePlace(this.#place));
    }
    const dialog = this.#dialog;
    this.#place = target?.range;
    dialog.show({
      quote,
      // The dialog's own text is the chrome's (English, marked so, where the article's language has no table).
      language: chrome.lang,
      strings: chrome.strings,
      dir: chrome.dir,
      draft: (drafts[key] ??= {}),
      // The keyboard path: the article text is read at the first word typed (not on opening), once.
      find: quote
        ? undefined
        : (words) => (words.trim() ? findWords((text ??= articleText(article.textRoots).text), words) : null),
      send: async (fields) => {
        // "Sending…" painted first: the quote's positions in the story mean reading all of it.
        await yieldTask();
        const source = article.canonicalUrl;
        const annotation = buildAnnotation({
          ...fields,
          quote: target ? quoteOf(article.textRoots, target.range) : fields.quote,
          source,
          title,
          language,
        });
        const { id } = annotation;
        this.#pending.set(id, article);
        fire(article, new FolioCorrectionSubmitEvent({ id, quote: fields.quote?.exact ?? null }));
        const result = await this.#outbox.add(endpoint, annotation);
        // Sent or kept for a retry: the draft has done its work.
        if (result.outcome !== 'refused') delete drafts[key];
        return result;
      },
    });
    fire(article, new FolioCorrectionOpenEvent({ id: null, quote: quote?.exact ?? null }));
    return dialog;
  }
}

/**
 * Installs the page's corrections (see `CorrectionsController`), unless they are installed
 * already, by this copy of Folio or another. For the page's lifetime.
 */
export function installCorrections(): void {
  new CorrectionsController().install();
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
