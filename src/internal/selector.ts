/**
 * Whether a selector from the page's settings (`data-enhance`, `publisher-ads`) is one the
 * browser can use; when not, the page's developer is told which setting and why.
 */
export function usableSelector(setting: string, selector: string): boolean {
  try {
    // Checks the syntax without walking the page.
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch (e) {
    console.warn(`folio: ${setting}="${selector}" is not a usable selector: ${(e as Error).message}`);
    return false;
  }
}
