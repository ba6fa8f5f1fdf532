import { html, nothing, render } from 'lit';
import { FolioCorrectionRequestEvent } from '../../events.js';
import { dateFormat, isApplePlatform, type Chrome, type FolioStrings } from '../../i18n/strings.js';
import { safeUrl } from '../../internal/url.js';
import { sanitizeInline } from '../../story/sanitize.js';
import type { CorrectionNotice, Story, StoryImage } from '../../story/story.js';
import type { PlanItem } from './plan.js';

/**
 * Templates for the parts of a story. Plain functions of data: the element decides when and
 * where they render (each body section and the header once per story and language). Every
 * string is bound as text; inline HTML only through `sanitizeInline`, whose output is a DOM
 * fragment rendered as a node (never re-parsed).
 */

/** The heading level of a story's subheadings (the story's own headline is the h1). */
const SUBHEADING = 3;

function renderImage(img: StoryImage, base: string, strings: FolioStrings, lead?: boolean) {
  const src = safeUrl(img.src, base);
  // The credit follows the caption ("The new cycle lane. Photo: K. Lee"); an image with neither
  // leaves its figcaption empty, and the CSS hides it.
  return (
    src &&
    html`<figure>
      <img src=${src} alt=${img.alt} width=${img.width ?? nothing} height=${img.height ?? nothing}
        loading=${lead ? 'eager' : 'lazy'}>
      <figcaption>${img.caption}${img.credit && ` ${strings.photo}: ${img.credit}`}</figcaption>
    </figure>`
  );
}

/**
 * A section of the body (the unit of chunked rendering and of `content-visibility`), rendered
 * once into an element of its own: rendering the next chunk passes the same nodes again, which
 * Lit leaves alone without walking their content.
 */
export function renderSection(items: PlanItem[], base: string, strings: FolioStrings): HTMLElement {
  const section = Object.assign(document.createElement('div'), { className: 'section' });
  render(
    items.map((b) => renderBlock(b, base, strings)),
    section,
  );
  return section;
}

/** One item of the planned body: a story block, an ad's slot, the inline card. */
function renderBlock(b: PlanItem, base: string, strings: FolioStrings) {
  const inline = (text: string) => sanitizeInline(text, { base });
  switch (b.type) {
    case 'paragraph':
      return html`<p>${inline(b.html)}</p>`;
    case 'heading':
      return b.level === SUBHEADING ? html`<h3>${b.text}</h3>` : html`<h2>${b.text}</h2>`;
    case 'image':
      return renderImage(b, base, strings);
    case 'quote':
      return html`<figure class=quote>
        <blockquote>${inline(b.html)}</blockquote>
        ${b.cite && html`<figcaption>— <cite>${b.cite}</cite></figcaption>`}
      </figure>`;
    case 'list': {
      const items = b.items.map((item) => html`<li>${inline(item)}</li>`);
      return b.ordered ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`;
    }
    case 'ad':
      // The slot element itself is in the light DOM (GPT finds it by id in the document).
      return html`<slot name=folio-slot-${b.n}></slot>`;
    case 'related':
      return html`<folio-related-card .item=${b} base=${base} position=${b.n!}></folio-related-card>`;
  }
}

/**
 * "20 November 2026, 07:30" in the reader's language. Spelled out field by field rather than as
 * `dateStyle: 'long', timeStyle: 'short'` (same text): the first formatter of a page loads the
 * browser's locale data, which takes 50 ms this way and 85 ms the other in Chromium 156.
 */
const DATE: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
};

/** What goes before the `i`th of `count` names: nothing, a comma, or the localised "and" before the last. */
function separator(i: number, count: number, strings: FolioStrings): string {
  if (!i) return '';
  return i < count - 1 ? ', ' : ` ${strings.and} `;
}

/**
 * The story's header: kicker, headline, standfirst, byline, dates, lead image. The byline reads
 * "By A, B and C", names linked where the story gives a safe URL, joined with the localised
 * "and" rather than Intl.ListFormat, whose first use costs ~50 ms of locale loading on a phone.
 * Dates (validated by `parseStory`) are `<time datetime>`s; "updated" only when it differs. The
 * byline line is Folio's (its words and date format), so it is marked with the chrome's language.
 */
export function renderHeader(story: Story, { lang, dir, strings }: Chrome) {
  const format = dateFormat(lang, DATE);
  const date = (iso: string | undefined, label: string) =>
    // (A no-break space: the label never ends a line without its date.)
    iso && html`<span>${label}\u00a0<time datetime=${iso}>${format.format(new Date(iso))}</time></span>`;
  const { kicker, section, byline, url, image } = story;
  const line = [kicker, section].filter(Boolean).join(' · ');
  return html`<header>
    <p part=kicker>${line}</p>
    <h1 part=headline>${story.headline}</h1>
    <p part=standfirst>${story.standfirst}</p>
    <p part=byline lang=${lang} dir=${dir}>
      ${
        byline.length
          ? html`<span>${strings.by}
            ${byline.map((person, i) => {
              const href = safeUrl(person.url, url);
              return html`${separator(i, byline.length, strings)}${
                href ? html`<a href=${href} rel=author>${person.name}</a>` : person.name
              }`;
            })}</span>`
          : nothing
      }
      ${date(story.datePublished, strings.published)}
      ${story.dateModified !== story.datePublished ? date(story.dateModified, strings.updated) : nothing}
    </p>
    ${image && renderImage(image, url, strings, true)}
  </header>`;
}

/** The publisher's attribution (issue 6): logo, "Source: name", a link to the canonical story. */
export function renderAttribution({ publisher, url }: Story, { lang, dir, strings }: Chrome) {
  const canonical = safeUrl(url);
  const logo = safeUrl(publisher?.logo, url);
  return (
    (publisher || canonical) &&
    html`<p part=attribution lang=${lang} dir=${dir}>
      ${logo && html`<img src=${logo} alt="" width=20 height=20 loading=lazy>`}
      ${publisher && `${strings.source}: ${publisher.name}`}
      ${canonical && html`<a href=${canonical}>${strings.originalStory}</a>`}
    </p>`
  );
}

/**
 * The article's correction notices (issue 16), in both modes: a dated "Correction" each, marked
 * up as schema.org `CorrectionComment`s, the text bound as text (never parsed). The date is the
 * day in UTC, which is the day a date without a time ("2026-12-05") names, wherever the reader is.
 */
export function renderNotices(notices: CorrectionNotice[] = [], { lang, strings }: Chrome) {
  if (!notices.length) return nothing;
  const day = dateFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
  return html`<div part=notices>
    ${notices.map(
      // (Punctuation, not bare spaces, between the three: the build drops a space between two tags.)
      ({ date, text }) => html`<p itemscope itemtype="https://schema.org/CorrectionComment">
        <strong>${strings.correctionNotice}</strong>,
        <time itemprop=datePublished datetime=${date}>${day.format(new Date(date))}</time>:
        <span itemprop=text>${text}</span>
      </p>`,
    )}
  </div>`;
}

/**
 * The corrections footer, in both modes: "write to us here" is a real button, asking for a
 * general correction (`folio-correction-request`) from the article's element (the route without
 * a selection: keyboard only, phones), where the reader can type the words they mean. Then the
 * route with one, select and press the keys, which the styles leave out on touch screens.
 */
export function renderFooter(article: Element, { strings: s, lang, dir }: Chrome) {
  const request = () => article.dispatchEvent(new FolioCorrectionRequestEvent({ quote: null }));
  const keys = isApplePlatform() ? s.keysMac : s.keysCtrl;
  return html`<footer part=footer lang=${lang} dir=${dir}
    >${s.footerBefore}<span class=link><button @click=${request}>${s.footerLink}</button>${s.footerAfter}</span
    ><span class=keys>
      ${s.footerKeys}${keys}${s.footerEnd}</span
    ></footer
  >`;
}
