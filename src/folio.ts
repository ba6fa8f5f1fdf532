/**
 * The classic-script entry publishers load with `<script src=".../folio.js">`: defines every
 * element, reads its configuration from the script tag, enhances what `data-enhance` selects
 * (now and later), and installs the `window.Folio` global with its command queue.
 * Bundled as one self-contained IIFE with Lit inside.
 */
import { enhanceElement } from './elements/article/enhanced-element.js';
import { openCorrection, VERSION } from './index.js';
import { addPageSettings, readScriptSettings, type ArticleOptions, type FolioSettings } from './internal/settings.js';
import { usableSelector } from './internal/selector.js';
import { yieldTask } from './internal/tasks.js';

type Command = (folio: FolioGlobal) => void;

export interface FolioGlobal {
  version: string;
  /**
   * Gives a publisher's element the full Folio treatment (ads, related card, footer,
   * corrections); given several, the parts of one story make one article.
   */
  enhance(elements: Element | Iterable<Element>, options?: ArticleOptions): boolean;
  /** Enhances every element matching `selector`, now and whenever one is added to the page. */
  observe(selector: string): void;
  /** Opens the correction dialog for a general correction (or the current selection). */
  openCorrection(): void;
  /** Runs a command now: the same call works before the script has loaded (`window.Folio = window.Folio || []`). */
  push(...commands: Command[]): number;
  /** The page-wide settings read from script tags. */
  readonly settings: FolioSettings;
}

declare global {
  interface Window {
    Folio?: FolioGlobal | Command[];
  }
}

const run = (folio: FolioGlobal, commands: Command[]) => {
  for (const command of commands) {
    try {
      if (typeof command === 'function') command(folio);
    } catch (e) {
      // One publisher command that throws must not stop the others (googletag.cmd does the same).
      console.error('folio: a queued command failed:', e);
    }
  }
};

function observe(selector: string): void {
  if (!usableSelector('data-enhance', selector)) return;
  // Together, so that the parts of one story make one article.
  const enhanceAll = (root: ParentNode) => {
    const own = root instanceof Element && root.matches(selector) ? [root] : [];
    enhanceElement([...own, ...root.querySelectorAll(selector)], {}, `data-enhance="${selector}"`);
  };
  const start = () => {
    enhanceAll(document);
    // Pages that render late and single-page apps: every matching element added later.
    new MutationObserver((records) => {
      for (const r of records) for (const node of r.addedNodes) if (node instanceof Element) enhanceAll(node);
    }).observe(document.documentElement, { childList: true, subtree: true });
  };
  // Enhancing waits for the next task: evaluating the bundle and enhancing are two short tasks
  // on a reader's phone, not one long one. (Folio never inserts into the first screen, so whether
  // the first paint comes between them moves nothing the reader sees.)
  if (document.readyState !== 'loading') {
    yieldTask().then(start);
    return;
  }
  // While the parser runs, an element's children may not all be there yet, but those above this
  // script (the usual end-of-body tag) are whole: they need not wait for the parser (or for slow
  // scripts below); the document's other matches wait until it is parsed.
  const matches = [...document.querySelectorAll(selector)];
  const above = (el: Element) =>
    script && !el.contains(script) && el.compareDocumentPosition(script) & Node.DOCUMENT_POSITION_FOLLOWING;
  if (matches.length && matches.every(above)) yieldTask().then(() => enhanceAll(document));
  document.addEventListener('DOMContentLoaded', start, { once: true });
}

const script = document.currentScript;
const tagSettings = readScriptSettings(script);
const settings = addPageSettings(tagSettings);
const existing = window.Folio;

if (existing && !Array.isArray(existing)) {
  // Folio is already on this page (a second script tag, another version): the first copy
  // keeps the page. Only a selector this tag adds is handed to it.
  const tagEnhance = tagSettings.enhance;
  if (tagEnhance && tagEnhance !== existing.settings?.enhance) existing.observe?.(tagEnhance);
} else {
  const folio: FolioGlobal = {
    version: VERSION,
    settings,
    enhance: enhanceElement,
    observe,
    openCorrection: () => {
      openCorrection();
    },
    push: (...commands) => {
      run(folio, commands);
      return 0;
    },
  };
  window.Folio = folio;
  run(folio, existing ?? []);
  if (settings.enhance) observe(settings.enhance);
}
