/**
 * Folio as an ES module: the element classes, event classes and Story types, with the article
 * defined on import (guarded, so importing next to the classic script is harmless). The
 * correction dialog is defined when first needed, never at page load.
 */
import { FolioAdSlot } from './elements/ad-slot/folio-ad-slot.js';
import { FolioArticle } from './elements/article/folio-article.js';
import { FolioCorrectionDialog } from './elements/correction-dialog/folio-correction-dialog.js';
import { FolioRelatedCard } from './elements/related-card/folio-related-card.js';
import { CorrectionsController, installCorrections, openCorrection } from './corrections/controller.js';
import { define } from './internal/define.js';

export { FolioAdSlot, FolioArticle, FolioCorrectionDialog, FolioRelatedCard };
export { CorrectionsController, installCorrections, openCorrection };
export { enhanceElement } from './elements/article/enhanced-element.js';
export type { ArticleOptions, FolioSettings } from './internal/settings.js';
export type { WebAnnotation } from './corrections/annotation.js';
export * from './events.js';
export type * from './story/story.js';
export { parseStory } from './story/story.js';
export { sanitizeInline } from './story/sanitize.js';
export { en, type FolioStrings } from './i18n/strings.js';
export { addLanguage } from './i18n/registry.js';
export { VERSION } from './internal/define.js';

define('folio-article', FolioArticle);
// One document-level listener for Ctrl/⌘+Enter and the footer's requests, however many copies of Folio load.
installCorrections();
