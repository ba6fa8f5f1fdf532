import { html, nothing, type TemplateResult } from 'lit';
import { isApplePlatform, type FolioStrings } from '../../i18n/strings.js';
import { safeUrl } from '../../internal/url.js';
import { sanitizeInline } from '../../story/sanitize.js';
import type { ImageBlock, Story, StoryBlock, StoryImage, StoryPerson } from '../../story/story.js';

/**
 * Templates for the parts of a story. Plain functions of data: the element decides when and
 * where they render. Every string is bound as text; inline HTML only through `sanitizeInline`,
 * whose output is a DOM fragment rendered as a node (never re-parsed).
 */

const inlineCache = new WeakMap<object, DocumentFragment[]>();

/**
 * Sanitized inline HTML for a block, made once per block object: re-renders of the same template
 * pass the same fragment, which Lit leaves alone. A fragment empties when it is inserted, so one
 * that was already used (the block rendered into a new template instance) is made again.
 */
function inline(owner: object, htmlText: string, base: string, i = 0): DocumentFragment {
  let nodes = inlineCache.get(owner);
  if (!nodes) inlineCache.set(owner, (nodes = []));
  const cached = nodes[i];
  if (cached && (cached.hasChildNodes() || !htmlText)) return cached;
  return (nodes[i] = sanitizeInline(htmlText, { base }));
}

export function renderImage(img: StoryImage, base: string, strings: FolioStrings, lead = false): TemplateResult | typeof nothing {
  const src = safeUrl(img.src, base);
  if (!src) return nothing;
  return html`<figure class="figure">
    <img
      src=${src}
      alt=${img.alt}
      width=${img.width ?? nothing}
      height=${img.height ?? nothing}
      loading=${lead ? 'eager' : 'lazy'}
      decoding="async"
      fetchpriority=${lead ? 'high' : nothing}
    />
    ${img.caption || img.credit
      ? html`<figcaption>
          ${img.caption ?? ''}
          ${img.credit ? html`<span class="credit"><span class="visually-hidden">${strings.photo}: </span>${img.credit}</span>` : nothing}
        </figcaption>`
      : nothing}
  </figure>`;
}

/** One body block; `ad` and `related` blocks are placed by the element, not here. */
export function renderBlock(block: StoryBlock, base: string, strings: FolioStrings): TemplateResult | typeof nothing {
  switch (block.type) {
    case 'paragraph':
      return html`<p>${inline(block, block.html, base)}</p>`;
    case 'heading':
      return block.level === 3 ? html`<h3>${block.text}</h3>` : html`<h2>${block.text}</h2>`;
    case 'image':
      return renderImage(block as ImageBlock, base, strings);
    case 'quote':
      return html`<figure class="quote">
        <blockquote><p>${inline(block, block.html, base)}</p></blockquote>
        ${block.cite ? html`<figcaption>— <cite>${block.cite}</cite></figcaption>` : nothing}
      </figure>`;
    case 'list': {
      const items = block.items.map((item, i) => html`<li>${inline(block, item, base, i)}</li>`);
      return block.ordered ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`;
    }
    default:
      return nothing;
  }
}

/**
 * "By A, B and C", names linked where the story gives a safe URL. Joined with the localised
 * "and" rather than Intl.ListFormat, whose first use costs ~50 ms of locale loading on a phone.
 */
export function renderByline(people: StoryPerson[], base: string, strings: FolioStrings) {
  if (!people.length) return nothing;
  const names = people.map((person, i) => {
    const href = person.url ? safeUrl(person.url, base) : null;
    const name = href ? html`<a href=${href} rel="author">${person.name}</a>` : html`<span>${person.name}</span>`;
    const joiner = i === 0 ? '' : i === people.length - 1 ? ` ${strings.and} ` : ', ';
    return html`${joiner}${name}`;
  });
  return html`<span class="by">${strings.by} ${names}</span>`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * "20 November 2026, 07:30" in the reader's language. Spelled out field by field rather than as
 * `dateStyle: 'long', timeStyle: 'short'` (same text): the first formatter of a page loads the
 * browser's locale data, which takes 50 ms this way and 85 ms the other in Chromium 156.
 */
const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' };

/** One formatter per language: constructing them is the expensive part. */
function dateFormat(lang: string): Intl.DateTimeFormat {
  let f = dateFormats.get(lang);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(lang, DATE);
    } catch {
      f = new Intl.DateTimeFormat('en', DATE);
    }
    dateFormats.set(lang, f);
  }
  return f;
}

/** A date as `<time datetime>` in the reader's language; an unparseable date renders nothing. */
export function renderDate(iso: string | undefined, lang: string, label: string) {
  if (!iso) return nothing;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return nothing;
  return html`<span class="date">${label} <time datetime=${iso}>${dateFormat(lang).format(date)}</time></span>`;
}

/** The story's header: kicker, headline, standfirst, byline, dates, lead image. */
export function renderHeader(story: Story, lang: string, strings: FolioStrings) {
  const kicker = [story.kicker, story.section].filter(Boolean).join(' · ');
  const modified = story.dateModified && story.dateModified !== story.datePublished ? story.dateModified : undefined;
  return html`<header class="header">
    ${kicker ? html`<p class="kicker" part="kicker">${kicker}</p>` : nothing}
    <h1 class="headline" part="headline">${story.headline}</h1>
    ${story.standfirst ? html`<p class="standfirst" part="standfirst">${story.standfirst}</p>` : nothing}
    <p class="byline" part="byline">
      ${renderByline(story.byline, story.url, strings)}
      ${renderDate(story.datePublished, lang, strings.published)}
      ${renderDate(modified, lang, strings.updated)}
    </p>
    ${story.image ? renderImage(story.image, story.url, strings, true) : nothing}
  </header>`;
}

/** "Published by" attribution with the publisher's logo, linking to the canonical story. */
export function renderAttribution(story: Story, strings: FolioStrings) {
  const publisher = story.publisher;
  const canonical = safeUrl(story.url);
  if (!publisher && !canonical) return nothing;
  const logo = publisher?.logo ? safeUrl(publisher.logo, story.url) : null;
  const home = publisher ? safeUrl(publisher.url, story.url) : null;
  return html`<p class="attribution" part="attribution">
    ${logo ? html`<img class="logo" src=${logo} alt="" width="20" height="20" loading="lazy" />` : nothing}
    ${publisher ? html`${strings.source}: ${home ? html`<a href=${home}>${publisher.name}</a>` : publisher.name}` : nothing}
    ${canonical ? html`<a class="canonical" href=${canonical}>${strings.originalStory}</a>` : nothing}
  </p>`;
}

/** The corrections footer, in both modes: "write to us here" is a real button. */
export function renderFooter(strings: FolioStrings, onRequest: () => void) {
  return html`<footer class="footer" part="footer">
    <p>
      ${strings.footerBefore}<button type="button" class="link-button" @click=${onRequest}>${strings.footerLink}</button
      >${strings.footerAfter}<kbd>${isApplePlatform() ? strings.keysMac : strings.keysCtrl}</kbd>${strings.footerEnd}
    </p>
  </footer>`;
}
