import { addLanguage } from '../registry.js';
import type { FolioStrings } from '../strings.js';

/** Left-to-right isolate (U+2066) … pop isolate (U+2069): key names and addresses keep their order in Arabic text. */
const LTR = (text: string) => `\u2066${text}\u2069`;

/**
 * Arabic (Modern Standard, addressing readers in the plural), written right to left: Latin runs
 * (key names, the example address) are isolated, and so is the newsroom's reason, which may be
 * in any language. Importing this module adds it to Folio (`addLanguage('ar', ar)`).
 */
export const ar: FolioStrings = {
  loading: 'جارٍ التحميل…',
  by: 'بقلم',
  and: 'و',
  published: 'نُشر في',
  updated: 'حُدّث في',
  footerBefore: 'لاقتراح تصحيح أو توضيح، ',
  footerLink: 'راسلونا من هنا',
  footerAfter: '.',
  footerKeys: 'ويمكنكم أيضًا تحديد النص والضغط على ',
  footerEnd: '.',
  keysCtrl: LTR('Ctrl + Enter'),
  keysMac: LTR('⌘ + Enter'),
  errorTitle: 'تعذّر تحميل هذا الخبر.',
  errorNetwork: 'فشل الاتصال. تأكّدوا من اتصالكم بالإنترنت وحاولوا مرة أخرى.',
  errorHttp: 'خطأ في الخادم ({status}).',
  errorFormat: 'الخبر بصيغة لا يستطيع Folio قراءتها.',
  errorReadOriginal: 'اقرؤوه على موقع الناشر',
  errorRetry: 'إعادة المحاولة',
  photo: 'صورة',
  source: 'المصدر',
  originalStory: 'اقرؤوا الخبر الأصلي',
  advertisement: 'إعلان',
  otherTopics: 'مواضيع أخرى قد تهمّكم',
  suggestCorrection: 'اقتراح تصحيح',
  correctionQuote: 'النص المحدَّد',
  correctionSuggestion: 'النص المصحَّح',
  correctionSuggestionGeneral: 'ما الذي ينبغي أن نصحّحه؟',
  correctionComment: 'تعليق (اختياري)',
  correctionEmail: 'البريد الإلكتروني (اختياري، للرد عليكم)',
  correctionEmailError: `أدخلوا عنوانًا مثل ${LTR('name@example.com')} أو اتركوا الحقل فارغًا.`,
  correctionEmpty: 'غيّروا النص أو أضيفوا تعليقًا قبل الإرسال.',
  correctionSend: 'إرسال',
  correctionClose: 'إغلاق',
  correctionSending: 'جارٍ الإرسال…',
  correctionSent: 'شكرًا لكم! وصل تصحيحكم إلى غرفة الأخبار.',
  correctionQueued: 'حُفظ التصحيح، وسيُرسَل حين تعودون إلى الاتصال بالإنترنت.',
  correctionRefused: 'تعذّر على غرفة الأخبار قبول هذا التصحيح: \u2068{reason}\u2069',
  correctionNotice: 'تصحيح',
  correctionWords: 'كلمات من المقال (اختياري)',
  correctionWordsNone: 'هذه الكلمات ليست في المقال.',
  correctionThanks: 'شكرًا لك',
};

addLanguage('ar', ar);
