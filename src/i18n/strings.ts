/**
 * Every string a reader sees, per language. English is the reference: other languages must
 * have every key (the type checks it). Publishers override any of them through the
 * `strings` property of an element. Other languages (`uk`, `de`, `fr`, `es`, `ar`) live in
 * `extra/`, outside the bundle, and are added with `addLanguage`.
 */
import { addedLanguages } from './registry.js';

export const en = {
  // Article
  loading: 'Loading…',
  by: 'By',
  and: 'and',
  published: 'Published',
  updated: 'Updated',
  footerBefore: 'To suggest a correction or clarification, ',
  footerLink: 'write to us here',
  footerAfter: '.',
  // The route with a keyboard, a sentence of its own (left out on touch screens): before the keys
  footerKeys: 'You can also highlight the text and press ',
  // ...and after them
  footerEnd: '.',
  keysCtrl: 'Ctrl + Enter',
  keysMac: '⌘ + Enter',
  errorTitle: 'This story could not be loaded.',
  errorNetwork: 'The connection failed. Check you are online and try again.',
  errorHttp: 'Server error ({status}).',
  errorFormat: 'The story is in a form Folio cannot read.',
  errorReadOriginal: 'Read it on the publisher’s site',
  errorRetry: 'Try again',
  photo: 'Photo',
  source: 'Source',
  originalStory: 'Read the original story',
  // Ads
  advertisement: 'Advertisement',
  // Related stories
  otherTopics: 'Other Topics of Interest',
  // Corrections
  suggestCorrection: 'Suggest a correction',
  correctionQuote: 'Your selection',
  correctionSuggestion: 'Corrected text',
  correctionSuggestionGeneral: 'What should we correct?',
  correctionComment: 'Comment (optional)',
  correctionEmail: 'Email (optional, for a reply)',
  correctionEmailError: 'Enter an address like name@example.com, or leave the field empty.',
  correctionEmpty: 'Change the text or add a comment before sending.',
  correctionSend: 'Send',
  correctionClose: 'Close',
  correctionSending: 'Sending…',
  correctionSent: 'The newsroom has your correction. An editor will check it against the story.',
  correctionQueued: 'Saved; it will be sent when you’re back online.',
  correctionRefused: 'The newsroom could not accept this correction: {reason}',
  // Correction notices
  correctionNotice: 'Correction',
  // Corrections: the keyboard path to quoting words, the thank-you state
  correctionWords: 'Words in the article (optional)',
  correctionWordsNone: 'These words are not in the article.',
  correctionThanks: 'Thank you',
};

export type FolioStrings = typeof en;
export type StringKey = keyof FolioStrings;

export type Direction = 'ltr' | 'rtl';

/**
 * Folio's strings for a BCP 47 tag's language ("uk-UA" finds "uk"): a table added with
 * `addLanguage` (over English), else English itself for `en`; undefined when there is none.
 */
export function tableFor(lang: string): FolioStrings | undefined {
  const primary = lang.toLowerCase().split('-')[0];
  const added = addedLanguages()[primary];
  if (added) return { ...en, ...added };
  return primary === 'en' ? en : undefined;
}

/**
 * The direction a language is written in, from `Intl.Locale#getTextInfo` (Chromium, Firefox and
 * WebKit have it); left to right where the engine has no answer or the tag is malformed.
 */
export function directionOf(lang: string): Direction {
  try {
    const locale = new Intl.Locale(lang) as Intl.Locale & { getTextInfo?(): { direction: Direction } };
    return locale.getTextInfo?.().direction ?? 'ltr';
  } catch {
    return 'ltr';
  }
}

/**
 * What Folio's own text (its chrome: labels, footer, headings, the dialog) is in, for one
 * language: the strings, and the `lang` and `dir` to mark them with.
 */
export interface Chrome {
  /** The language itself when Folio has its strings, else `en`: the English fallback is marked as English. */
  lang: string;
  /** The direction of `lang`: an English fallback stays left-to-right inside a right-to-left page. */
  dir: Direction;
  strings: FolioStrings;
}

/** The chrome for `language`: its table (English when there is none), with a publisher's overrides on top. */
export function chromeFor(language: string, overrides?: Partial<FolioStrings>): Chrome {
  const table = tableFor(language);
  const lang = table ? language : 'en';
  const strings = table ?? en;
  return { lang, dir: directionOf(lang), strings: overrides ? { ...strings, ...overrides } : strings };
}

/** The formats made so far, by language and options: making one is costly (the first loads locale data). */
const formats = new Map<string, Intl.DateTimeFormat>();

/** A date format in `lang`, or in English when the browser does not accept `lang` as a tag; made once per page. */
export function dateFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = lang + JSON.stringify(options);
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(lang, options);
    } catch {
      format = new Intl.DateTimeFormat('en', options);
    }
    formats.set(key, format);
  }
  return format;
}

/** Fills `{name}` placeholders; unknown names stay as they are. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => String(values[name] ?? placeholder));
}

/**
 * The language an element speaks: its own `lang`, else the nearest ancestor's (crossing
 * shadow roots), else the document's, else English.
 */
export function resolveLang(el: Element): string {
  for (let node: Node | null = el; node; node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null)) {
    const lang = node instanceof Element && node.getAttribute('lang');
    if (lang) return lang;
  }
  return document.documentElement.lang || 'en';
}

/**
 * Apple platforms say ⌘ where others say Ctrl; detected from `navigator.platform`, which every
 * engine still gives ("MacIntel" on a Mac and on an iPad, "iPhone"), rather than from
 * `userAgentData`, which Chromium works out at its first read on a cold page.
 */
export function isApplePlatform(nav: Navigator = navigator): boolean {
  return /mac|iphone|ipad|ipod/i.test(nav.platform);
}
