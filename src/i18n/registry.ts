import type { FolioStrings } from './strings.js';

const KEY = Symbol.for('folio.languages');
type Global = typeof globalThis & { [KEY]?: Record<string, Partial<FolioStrings>> };

/**
 * The string tables added at run time, by primary language (`de`). Shared by every copy of Folio
 * on the page through a global symbol, so a table loaded as a module of its own
 * (`folio-widget/i18n/de`) serves the classic script too. Kept apart from `strings.ts`, so such a
 * module carries no English or Ukrainian.
 */
export const addedLanguages = (): Record<string, Partial<FolioStrings>> => ((globalThis as Global)[KEY] ??= {});

/**
 * Adds (or replaces) Folio's strings for a language, e.g. `addLanguage('de', de)`: every article
 * that renders afterwards and speaks it uses them; keys the table lacks are English.
 */
export function addLanguage(lang: string, strings: Partial<FolioStrings>): void {
  addedLanguages()[lang.toLowerCase()] = strings;
}
