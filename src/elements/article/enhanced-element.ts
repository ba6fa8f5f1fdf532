import { adoptStyles, render } from 'lit';
import { closestArticle, registerHost } from '../../internal/hosts.js';
import type { ArticleOptions } from '../../internal/settings.js';
import { yieldTask } from '../../internal/tasks.js';
import { loadNotices } from '../../story/notices.js';
import type { CorrectionNotice } from '../../story/story.js';
import { ArticleContext } from './context.js';
import { enhanceBody, renderEnd } from './enhance.js';
import { articleStyles } from './folio-article.styles.js';

/**
 * What makes elements parts of one story: the same `data-folio-part`, else the same nearest
 * ancestor holding a headline (`h1`): the story's `<article>` on most sites, the page's main
 * column on a live blog, whose posts are `<article>`s of their own. Without either, an element
 * is a story of its own.
 */
function storyOf(el: Element): unknown {
  let root = el.parentElement;
  while (root && !root.querySelector('h1')) root = root.parentElement;
  return el.getAttribute('data-folio-part') || root || el;
}

/**
 * Enhance mode for a publisher's own elements (`<article class="story-body">`), for pages whose
 * templates nobody wants to edit: `data-enhance` on the script tag, or `Folio.enhance(el)`.
 * The elements keep their tags, attributes and children (the same nodes, so the publisher's CSS
 * and scripts keep working); Folio adds the same chrome as `<folio-article>`: ad slots and the
 * related card between the blocks and the corrections footer.
 * Its settings are `options` (the attribute names of `<folio-article>` in camelCase) and the
 * element's own `lang`, as an attribute would be on `<folio-article>`.
 *
 * Elements given together that are parts of one story (see `storyOf`: a body split around
 * figures, an editor's note above the headline, one element per column) make one article: one
 * set of ads placed over all of them, one text for quotes and positions, and one footer, after
 * the last part, which gets a shadow root that shows its children through a `<slot>` and then
 * the chrome. An element inside another one given, or inside an article already, is left alone.
 *
 * Returns false (and does nothing) when no element was enhanced: each is already an article or
 * in one, or was enhanced before (by this or another copy of Folio). A story whose last part
 * cannot take a shadow root (it has one already, or its tag does not allow one) gets its ads and
 * the keys, but no footer or notices, and a warning says so. `label` names the elements in the
 * console (the `data-enhance` selector).
 */
export function enhanceElement(
  elements: Element | Iterable<Element>,
  options: ArticleOptions = {},
  label?: string,
): boolean {
  const found = elements instanceof Element ? [elements] : [...elements];
  const stories = new Map<unknown, Element[]>();
  for (const el of found) {
    const nested = found.some((other) => other !== el && other.contains(el));
    if (nested || closestArticle(el) || el.localName === 'folio-article') continue;
    const key = storyOf(el);
    stories.set(key, [...(stories.get(key) ?? []), el]);
  }
  let enhanced = false;
  for (const parts of stories.values()) enhanced = enhanceStory(parts, options, label) || enhanced;
  return enhanced;
}

/** Makes `parts` (in document order) one article, its chrome after the last one. */
function enhanceStory(parts: Element[], options: ArticleOptions, label?: string): boolean {
  const el = parts[parts.length - 1];
  const context = new ArticleContext(
    el,
    () => ({ ...options, lang: options.lang ?? el.getAttribute('lang') }),
    undefined,
    () => parts,
  );
  // Every part answers for the article: a selection in any of them quotes from the whole story.
  for (const part of parts) registerHost(context, part);
  // (No element lifecycle here to tell when it leaves the page: nothing to abort them with.)
  // Before the shadow root: attaching one lays the whole article out again, which the blocks'
  // layout read would then wait for (10–17 ms of this task on a phone, instead of under 3).
  enhanceBody(el, context.settings, context.canonicalUrl, parts, label);
  let root: ShadowRoot;
  try {
    root = el.attachShadow({ mode: 'open' });
  } catch (e) {
    // The ads and the keys still work; the footer and the notices have nowhere to go.
    console.warn(`folio: no footer for <${el.localName}>: ${(e as Error).message}`);
    return true;
  }
  adoptStyles(root, [articleStyles]);
  // The publisher's children show through it from now on.
  root.append(document.createElement('slot'));
  let notices: CorrectionNotice[] | undefined;
  const show = () => {
    render(renderEnd(context, notices), root);
    // Slots and cards the publisher placed, which rendered before the article was there.
    context.refresh();
  };
  // The first paint needs the reserved ad space, not the footer at the article's end: that
  // follows in a task of its own, so that neither task blocks the page for long.
  yieldTask().then(show);
  loadNotices(context).then((items) => {
    notices = items;
    show();
  });
  return true;
}
