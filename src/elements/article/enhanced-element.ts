import { adoptStyles, render } from 'lit';
import type { FolioStrings } from '../../i18n/strings.js';
import { hostOf } from '../../internal/hosts.js';
import { loadNotices } from '../../story/notices.js';
import type { CorrectionNotice, RelatedItem } from '../../story/story.js';
import { moreListStyles } from '../related-card/more-list.js';
import { addRelated, enhanceBody, renderChrome } from './enhance.js';
import { articleStyles } from './folio-article.styles.js';
import { registerArticle, resolveSettings, type ArticleOptions } from './settings.js';

/**
 * Enhance mode for a publisher's own element (`<article class="story-body">`), for pages whose
 * templates nobody wants to edit: `data-enhance` on the script tag, or `Folio.enhance(el)`.
 * The element keeps its tag, attributes and children (the same nodes, so the publisher's CSS and
 * scripts keep working); Folio attaches a shadow root that shows them through a `<slot>` and adds
 * the same chrome as `<folio-article>`: ad slots and the related card between the blocks, the
 * "More on this story" list and the corrections footer.
 *
 * Gives `el` that treatment once. Returns false (and does nothing) when it is already an
 * article, was enhanced before (by this or another copy of Folio), or cannot take a shadow root
 * (it has one already, or its tag does not allow one), then with a warning.
 */
export function enhanceElement(
  el: Element,
  options: ArticleOptions & { strings?: Partial<FolioStrings> } = {},
): boolean {
  if (hostOf(el) || el.localName === 'folio-article') return false;
  let root: ShadowRoot;
  try {
    root = el.attachShadow({ mode: 'open' });
  } catch (e) {
    console.warn(`folio: cannot enhance <${el.localName}>: ${(e as Error).message}`);
    return false;
  }
  adoptStyles(root, [articleStyles, moreListStyles]);
  const host = registerArticle(el, options);
  let more: RelatedItem[] | undefined;
  let notices: CorrectionNotice[] | undefined;
  const show = () => render(renderChrome(host, more, notices), root);
  show();
  const settings = resolveSettings(options);
  enhanceBody(el, settings);
  // (No element lifecycle here to tell when it leaves the page: nothing to abort them with.)
  addRelated(el, settings, host.canonicalUrl).then((items) => {
    more = items;
    show();
  });
  loadNotices(host).then((items) => {
    notices = items;
    show();
  });
  return true;
}
