/**
 * Defines a custom element once. A page may load Folio twice (two script tags, the classic
 * script and the module, two versions): the first definition wins and the rest are no-ops,
 * never a "this name has already been used" error.
 */
export function define(name: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, ctor);
}

/** Folio's version, replaced at build time; "dev" in tests. */
declare const __FOLIO_VERSION__: string;
export const VERSION: string = typeof __FOLIO_VERSION__ === 'string' ? __FOLIO_VERSION__ : 'dev';

/** A property's attribute: its name in kebab case (`adProvider` ↔ `ad-provider`), the house convention. */
export const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

/**
 * Lit property declarations for string attributes named like their properties in kebab case
 * (`adProvider` ↔ `ad-provider`), the house convention; far smaller in the bundle than a
 * decorator per property.
 */
export function attributes(...names: string[]): Record<string, { attribute: string }> {
  return Object.fromEntries(names.map((n) => [n, { attribute: kebab(n) }]));
}
