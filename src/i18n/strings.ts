/**
 * Every string a reader sees, per language. English is the reference: other languages must
 * have every key (the type checks it). Publishers override any of them through the
 * `strings` property of an element.
 */

export const en = {
  // Article
  loading: 'Loading…',
  by: 'By',
  and: 'and',
  published: 'Published',
  updated: 'Updated',
  footerBefore: 'To suggest a correction or clarification, ',
  footerLink: 'write to us here',
  footerAfter: '. You can also highlight the text and press ',
  footerEnd: '.',
  keysCtrl: 'Ctrl + Enter',
  keysMac: '⌘ + Enter',
  errorTitle: 'This story could not be loaded.',
  errorNetwork: 'The connection failed. Check you are online and try again.',
  errorTimeout: 'The story took too long to arrive.',
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
  moreOnThisStory: 'More on this story',
  // Corrections
  suggestCorrection: 'Suggest a correction',
  correctionQuote: 'Your selection',
  correctionSuggestion: 'Corrected text',
  correctionSuggestionGeneral: 'What should we correct?',
  correctionComment: 'Comment (optional)',
  correctionEmail: 'Email (optional, for a reply)',
  correctionEmailError: 'Enter an address like name@example.com, or leave the field empty.',
  correctionTooLong: 'You selected {count} characters; a correction can quote up to {max}.',
  correctionTrim: 'Keep the first {max}',
  correctionEmpty: 'Change the text or add a comment before sending.',
  correctionSend: 'Send',
  correctionClose: 'Close',
  correctionSending: 'Sending…',
  correctionSent: 'The newsroom has your correction. An editor will check it against the story.',
  correctionQueued: 'Saved; it will be sent when you’re back online.',
  correctionRefused: 'The newsroom could not accept this correction: {reason}',
  correctionNoEndpoint: 'This site does not take corrections here yet.',
  // Corrections: the keyboard path to quoting words, the thank-you state, the touch-screen route
  correctionWords: 'Words in the article (optional)',
  correctionWordsNone: 'These words are not in the article.',
  correctionWordsFound: 'Found {count} times. Choose one, or type more words:',
  correctionThanks: 'Thank you',
  footerTouch: '. You can also select words and tap “Suggest a correction”.',
};

export type FolioStrings = typeof en;
export type StringKey = keyof FolioStrings;

export const uk: FolioStrings = {
  loading: 'Завантаження…',
  by: 'Автор:',
  and: 'і',
  published: 'Опубліковано',
  updated: 'Оновлено',
  footerBefore: 'Щоб запропонувати виправлення чи уточнення, ',
  footerLink: 'напишіть нам',
  footerAfter: '. Або виділіть текст і натисніть ',
  footerEnd: '.',
  keysCtrl: 'Ctrl + Enter',
  keysMac: '⌘ + Enter',
  errorTitle: 'Не вдалося завантажити матеріал.',
  errorNetwork: 'Збій з’єднання. Перевірте інтернет і спробуйте ще раз.',
  errorTimeout: 'Матеріал завантажувався надто довго.',
  errorHttp: 'Помилка сервера ({status}).',
  errorFormat: 'Folio не може прочитати цей матеріал.',
  errorReadOriginal: 'Читати на сайті видавця',
  errorRetry: 'Спробувати ще раз',
  photo: 'Фото',
  source: 'Джерело',
  originalStory: 'Читати оригінал',
  advertisement: 'Реклама',
  otherTopics: 'Інші теми, що можуть зацікавити',
  moreOnThisStory: 'Більше на цю тему',
  suggestCorrection: 'Запропонувати виправлення',
  correctionQuote: 'Виділений текст',
  correctionSuggestion: 'Виправлений текст',
  correctionSuggestionGeneral: 'Що виправити?',
  correctionComment: 'Коментар (необов’язково)',
  correctionEmail: 'Email (необов’язково, для відповіді)',
  correctionEmailError: 'Введіть адресу як name@example.com або залиште поле порожнім.',
  correctionTooLong: 'Виділено символів: {count}; можна щонайбільше {max}.',
  correctionTrim: 'Залишити перші {max}',
  correctionEmpty: 'Змініть текст або додайте коментар.',
  correctionSend: 'Надіслати',
  correctionClose: 'Закрити',
  correctionSending: 'Надсилаємо…',
  correctionSent: 'Редакція отримала виправлення. Редактор звірить його з матеріалом.',
  correctionQueued: 'Збережено; надішлемо, щойно з’явиться зв’язок.',
  correctionRefused: 'Редакція не прийняла виправлення: {reason}',
  correctionNoEndpoint: 'Цей сайт не приймає виправлень.',
  correctionWords: 'Слова зі статті (необов’язково)',
  correctionWordsNone: 'Цих слів у статті немає.',
  correctionWordsFound: 'Збігів: {count}. Виберіть один або допишіть слова:',
  correctionThanks: 'Дякуємо',
  footerTouch: '. Або виділіть слова й торкніться «Запропонувати виправлення».',
};

const TABLES: Record<string, FolioStrings> = { en, uk };

/** The languages Folio ships strings for. */
export const LANGUAGES = Object.keys(TABLES);

/**
 * The strings for a BCP 47 tag ("uk-UA" finds "uk"), English when Folio has no table for it,
 * with a publisher's overrides on top.
 */
export function stringsFor(lang: string, overrides?: Partial<FolioStrings>): FolioStrings {
  const base = TABLES[lang.toLowerCase().split('-')[0]] ?? en;
  return overrides ? { ...base, ...overrides } : base;
}

/** A date format in `lang`, or in English when the browser does not accept `lang` as a tag. */
export function dateFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(lang, options);
  } catch {
    return new Intl.DateTimeFormat('en', options);
  }
}

/** Fills `{name}` placeholders; unknown names stay as they are. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in values ? String(values[name]) : placeholder,
  );
}

/**
 * The language an element speaks: its own `lang`, else the nearest ancestor's (crossing
 * shadow roots), else the document's, else English.
 */
export function resolveLang(el: Element): string {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element && node.getAttribute('lang')) return node.getAttribute('lang')!;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return document.documentElement.lang || 'en';
}

/** Apple platforms say ⌘ where others say Ctrl; feature-free detection via the platform string. */
export function isApplePlatform(nav: Navigator = navigator): boolean {
  const platform =
    (nav as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform || nav.platform || '';
  return /mac|iphone|ipad|ipod/i.test(platform);
}
