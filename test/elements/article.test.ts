import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/index.js';
import type { FolioArticle } from '../../src/elements/article/folio-article.js';
import type { FolioErrorEvent, FolioReadyEvent } from '../../src/events.js';
import type { Story } from '../../src/story/story.js';
import '../../src/i18n/extra/uk.js';
import { canEmulateColorScheme, emulateTouch, itWhen } from '../support/launcher.js';

const itWithColorScheme = itWhen(await canEmulateColorScheme(), 'this launcher cannot emulate prefers-color-scheme');

const basic: Story = await (await fetch('/test/fixtures/stories/basic.json')).json();
/** A story's corrections endpoint: what an article needs to offer corrections (the footer, the dialog). */
const ENDPOINT = { endpoint: '/api/corrections' };
const story = () => structuredClone(basic) as Story & { image: NonNullable<Story['image']> };
const shadow = (el: FolioArticle) => el.shadowRoot!;
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function storyFixture(value: unknown, attrs: { lang?: string } = {}) {
  const el = await fixture<FolioArticle>(html`<folio-article lang=${attrs.lang ?? 'en'}></folio-article>`);
  const ready = oneEvent(el, 'folio-ready') as Promise<FolioReadyEvent>;
  el.story = value;
  await ready;
  return el;
}

/** What the test receiver (test-middleware.mjs) is to publish for `key`; and the sources it was asked for. */
const publish = (key: string, body: unknown) =>
  fetch(`/__test/receiver/${key}/published`, { method: 'PUT', body: JSON.stringify(body) });
const asked = async (key: string): Promise<string[]> => (await fetch(`/__test/receiver/${key}/asked`)).json();
/** Whether a request to /__test/hang/<key> is `waiting`, was `aborted` by the browser, or `answered`. */
const hangState = async (key: string): Promise<string> => (await fetch(`/__test/hang-state/${key}`)).json();
const PARAGRAPHS = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i + 1} of the publisher's own story.</p>`).join(
  '',
);

async function failingSrc(src: string, timeout?: number) {
  const el = document.createElement('folio-article');
  if (timeout) el.timeout = timeout;
  const failed = oneEvent(el, 'folio-error') as Promise<FolioErrorEvent>;
  el.src = src;
  const wrapper = await fixture(html`<div></div>`);
  wrapper.append(el);
  const event = await failed;
  await el.updateComplete;
  return { el, event };
}

describe('<folio-article>', () => {
  describe('enhance mode', () => {
    it('keeps every publisher paragraph in order, as the same light-DOM nodes', async () => {
      const el = await fixture<FolioArticle>(html`<folio-article>
        <h1>Headline</h1>
        <p id="a">First paragraph.</p>
        <h2>Sub</h2>
        <p id="b">Second paragraph.</p>
      </folio-article>`);
      const first = el.querySelector('#a');
      await el.updateComplete;
      expect(el.mode).to.equal('enhance');
      expect(el.querySelector('#a')).to.equal(first);
      expect([...el.querySelectorAll('p')].map((p) => p.id)).to.deep.equal(['a', 'b']);
      const slot = shadow(el).querySelector('slot:not([name])') as HTMLSlotElement;
      expect(slot.assignedElements().map((e) => e.tagName)).to.deep.equal(['H1', 'P', 'H2', 'P']);
    });

    it('shows the localised corrections footer after the article', async () => {
      const el = await fixture<FolioArticle>(
        html`<folio-article corrections-endpoint="/api/corrections"><p>Text.</p></folio-article>`,
      );
      await waitUntil(() => shadow(el).querySelector('[part=footer]'), 'no footer');
      const footer = shadow(el).querySelector('[part=footer]');
      expect(text(footer)).to.match(
        /^To suggest a correction or clarification, write to us here\. You can also highlight the text and press (Ctrl|⌘) \+ Enter\.$/,
      );
      await expect(el).to.be.accessible();
    });

    it('never starts a line of the footer with the full stop after its button, however narrow', async () => {
      const el = await fixture<FolioArticle>(
        html`<folio-article corrections-endpoint="/api/corrections" style="display: block"
          ><p>Text.</p></folio-article
        >`,
      );
      await waitUntil(() => shadow(el).querySelector('[part=footer]'), 'no footer');
      const footer = shadow(el).querySelector('[part=footer]') as HTMLElement;
      const button = footer.querySelector('button')!;
      // The full stop: the first one after the button.
      const walker = document.createTreeWalker(footer, NodeFilter.SHOW_TEXT);
      walker.currentNode = button;
      let stop = walker.nextNode() as Text;
      while (!stop.data.includes('.')) stop = walker.nextNode() as Text;
      const range = document.createRange();
      range.setStart(stop, stop.data.indexOf('.'));
      range.setEnd(stop, stop.data.indexOf('.') + 1);
      const wrapped: number[] = [];
      for (let width = 120; width <= 480; width += 2) {
        el.style.width = `${width}px`;
        // The stop sits on the button's line, not below it.
        if (range.getBoundingClientRect().top >= button.getBoundingClientRect().bottom - 1) wrapped.push(width);
      }
      expect(wrapped).to.deep.equal([]);
    });

    it('names only the route that fits a touch screen: write to us, no keys to press', async function () {
      const el = await fixture<FolioArticle>(
        html`<folio-article corrections-endpoint="/api/corrections"><p>Text.</p></folio-article>`,
      );
      await waitUntil(() => shadow(el).querySelector('[part=footer]'), 'no footer');
      const footer = shadow(el).querySelector('[part=footer]') as HTMLElement;
      const keys = footer.querySelector('.keys')!;
      expect(getComputedStyle(keys).display).to.not.equal('none');
      if (!(await emulateTouch(true))) this.skip(); // the launcher cannot emulate a touch screen (not Chromium)
      try {
        expect(getComputedStyle(keys).display).to.equal('none');
        expect(footer.innerText.replace(/\s+/g, ' ').trim()).to.equal(
          'To suggest a correction or clarification, write to us here.',
        );
        await expect(el).to.be.accessible();
      } finally {
        await emulateTouch(false);
      }
    });

    it('announces itself ready with the number of blocks', async () => {
      const el = document.createElement('folio-article');
      el.innerHTML = '<p>One</p><p>Two</p><p>Three</p>';
      const ready = oneEvent(el, 'folio-ready') as Promise<FolioReadyEvent>;
      (await fixture(html`<div></div>`)).append(el);
      const { detail } = await ready;
      expect(detail).to.deep.equal({ mode: 'enhance', blocks: 3 });
    });

    it('lets the reader ask to write to the newsroom, and a listener on document hears it', async () => {
      const el = await fixture<FolioArticle>(
        html`<folio-article corrections-endpoint="/api/corrections"><p>Text.</p></folio-article>`,
      );
      await waitUntil(() => shadow(el).querySelector('[part=footer]'), 'no footer');
      // The publisher takes over (preventDefault), so the overlay stays closed for the tests after this one.
      const takeOver = (e: Event) => e.preventDefault();
      document.addEventListener('folio-correction-request', takeOver);
      try {
        const heard = oneEvent(document, 'folio-correction-request');
        (shadow(el).querySelector('[part=footer] button') as HTMLButtonElement).click();
        const event = await heard;
        expect(event.detail).to.deep.equal({ quote: null });
      } finally {
        document.removeEventListener('folio-correction-request', takeOver);
      }
      await new Promise((r) => setTimeout(r));
      expect(document.querySelector('folio-correction-dialog')?.hasAttribute('open') ?? false).to.equal(false);
    });
  });

  describe('story mode', () => {
    it('shows kicker, headline, standfirst, byline and dates', async () => {
      const el = await storyFixture(story());
      const root = shadow(el);
      expect(el.mode).to.equal('story');
      expect(text(root.querySelector('[part=kicker]'))).to.equal('Transport · City');
      expect(text(root.querySelector('[part=headline]'))).to.equal('Harbour bridge reopens after two years of repairs');
      expect(text(root.querySelector('[part=standfirst]'))).to.contain('Commuters return');
      expect(text(root.querySelector('[part=byline]'))).to.contain('By Olena Kovalenko and Sam Ortiz');
      const author = root.querySelector('[part=byline] a') as HTMLAnchorElement;
      expect(author.href).to.equal('https://news.example/authors/olena-kovalenko');
      const times = [...root.querySelectorAll('time')];
      expect(times.map((t) => t.dateTime)).to.deep.equal(['2026-11-20T07:30:00Z', '2026-11-20T11:05:00Z']);
      expect(times[0].textContent).to.contain('2026');
    });

    it('renders every body block in order', async () => {
      const el = await storyFixture(story());
      const body = shadow(el).querySelector('[part=body]')!;
      const kinds = [...body.querySelectorAll('.section > *')].map(
        (n) => n.tagName.toLowerCase() + (n.className ? '.' + n.className : ''),
      );
      expect(kinds).to.deep.equal(['p', 'p', 'h2', 'ol', 'figure', 'figure.quote', 'p']);
      expect([...body.querySelectorAll('ol li')].map(text)).to.deep.equal([
        'New cables',
        'A wider cycle lane',
        'Quieter joints',
      ]);
      expect(body.querySelector('ol em')!.textContent).to.equal('cycle lane');
      expect(text(body.querySelector('.quote figcaption'))).to.equal('— Maria Chen, commuter');
      expect(body.querySelector('p strong')!.textContent).to.equal("six o'clock");
    });

    it('reserves the size of images so nothing jumps when they load', async () => {
      const el = await storyFixture(story());
      const [lead, inBody] = [...shadow(el).querySelectorAll('img')].filter((i) => !i.closest('[part=attribution]'));
      expect([lead.getAttribute('width'), lead.getAttribute('height')]).to.deep.equal(['1200', '675']);
      expect(lead.alt).to.equal('The harbour bridge at dawn');
      expect(inBody.loading).to.equal('lazy');
      const box = inBody.getBoundingClientRect();
      expect(box.height / box.width).to.be.closeTo(450 / 800, 0.02);
    });

    it('formats dates in the element language', async () => {
      const el = await storyFixture({ ...story(), lang: undefined, corrections: ENDPOINT }, { lang: 'uk' });
      const time = shadow(el).querySelector('time')!;
      expect(time.textContent).to.contain('листопада');
      expect(text(shadow(el).querySelector('[part=footer]'))).to.contain('напишіть нам');
    });

    it('credits the publisher and links to the canonical story', async () => {
      const el = await storyFixture(story());
      const attribution = shadow(el).querySelector('[part=attribution]')!;
      expect(text(attribution)).to.contain('The Example Courier');
      const links = [...attribution.querySelectorAll('a')].map((a) => a.href);
      expect(links).to.include('https://news.example/2026/11/harbour-bridge-reopens');
    });

    it('loads a story from src and fires folio-ready', async () => {
      const el = document.createElement('folio-article');
      const ready = oneEvent(el, 'folio-ready') as Promise<FolioReadyEvent>;
      el.src = '/test/fixtures/stories/basic.json';
      (await fixture(html`<div></div>`)).append(el);
      const event = await ready;
      expect(event.detail).to.deep.equal({ mode: 'story', blocks: 7 });
      // Bubbling and composed for listeners on document, and not cancelable: nothing to take over.
      expect([event.bubbles, event.composed, event.cancelable]).to.deep.equal([true, true, false]);
      expect(text(shadow(el).querySelector('[part=headline]'))).to.contain('Harbour bridge');
      await expect(el).to.be.accessible();
    });

    it('renders a 1000-paragraph story completely, in chunks', async () => {
      const body = Array.from({ length: 1000 }, (_, i) => ({
        type: 'paragraph',
        html: `Paragraph ${i + 1} of the long read.`,
      }));
      const el = await storyFixture({ ...story(), body });
      const paragraphs = shadow(el).querySelectorAll('[part=body] p');
      expect(paragraphs.length).to.equal(1000);
      expect(paragraphs[999].textContent).to.equal('Paragraph 1000 of the long read.');
      expect(shadow(el).querySelectorAll('.section').length).to.be.within(50, 51);
    });

    it('renders the header first, then one section per task, and the footer only below the last section: nothing on screen is pushed down', async () => {
      const body = Array.from({ length: 100 }, (_, i) => ({ type: 'paragraph', html: `Paragraph ${i + 1}.` }));
      const el = await fixture<FolioArticle>(html`<folio-article lang="en"></folio-article>`);
      const seen: { header: boolean; sections: number; footer: boolean }[] = [];
      // What each rendering step left in the shadow root (one record per task's mutations).
      const watch = new MutationObserver(() => {
        const root = el.shadowRoot!;
        seen.push({
          header: !!root.querySelector('[part=headline]'),
          sections: root.querySelectorAll('.section').length,
          footer: !!root.querySelector('[part=footer]'),
        });
      });
      watch.observe(el.shadowRoot!, { childList: true, subtree: true });
      const ready = oneEvent(el, 'folio-ready');
      el.story = { ...story(), body, corrections: ENDPOINT };
      await ready;
      watch.disconnect();
      const steps = seen.filter((step) => step.header);
      expect(steps[0]).to.deep.equal({ header: true, sections: 0, footer: false });
      // 100 paragraphs and the ads between them: six sections of 20 items.
      expect(steps.map((step) => step.sections)).to.deep.equal([0, 1, 2, 3, 4, 5, 6]);
      expect(steps.filter((step) => step.footer).map((step) => step.sections)).to.deep.equal([6]);
      const footer = el.shadowRoot!.querySelector('[part=footer]')!;
      const last = el.shadowRoot!.querySelector('.section:last-of-type')!;
      expect(last.compareDocumentPosition(footer) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    });

    it('skips blocks of unknown type with one warning, and still renders the rest', async () => {
      const warnings: unknown[][] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        const s = story();
        (s.body as unknown[]).push({ type: 'poll', question: '?' }, { type: 'poll' }, { type: 'video' });
        const el = await storyFixture(s);
        expect(shadow(el).querySelectorAll('[part=body] .section > p').length).to.equal(3);
      } finally {
        console.warn = original;
      }
      expect(warnings).to.have.length(1);
      expect(String(warnings[0][0])).to.contain('poll, video');
    });

    it('shows headlines, captions and bylines that look like markup as plain text', async () => {
      const s = story();
      s.headline = '<img src=x onerror="window.__xss=1">Breaking';
      s.byline = [{ name: '<script>window.__xss=1</script>' }];
      s.image.caption = '<b>bold?</b>';
      const el = await storyFixture(s);
      const root = shadow(el);
      expect(root.querySelector('[part=headline]')!.textContent).to.equal(
        '<img src=x onerror="window.__xss=1">Breaking',
      );
      expect(root.querySelector('[part=headline] img, script, figcaption b')).to.equal(null);
      expect((window as { __xss?: number }).__xss).to.equal(undefined);
    });

    it('drops javascript: links from byline and body', async () => {
      const s = story();
      s.byline = [{ name: 'Mallory', url: 'javascript:alert(1)' }];
      s.body = [
        {
          type: 'paragraph',
          html: '<a href="javascript:alert(1)">click</a> and <a href=" jav&#x09;ascript:alert(1)">this</a>',
        },
      ] as typeof s.body;
      const el = await storyFixture(s);
      const hrefs = [...shadow(el).querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
      expect(hrefs.some((h) => /javascript/i.test(h))).to.equal(false);
      expect(text(shadow(el).querySelector('[part=byline]'))).to.contain('Mallory');
    });

    it('passes axe in the story state', async () => {
      const el = await storyFixture(story());
      await expect(el).to.be.accessible();
    });
  });

  describe('bad input', () => {
    it('shows a localised error and fires folio-error when src answers 404', async () => {
      const { el, event } = await failingSrc('/__test/status/404');
      expect(event.detail.code).to.equal('story-http');
      expect(event.detail.fatal).to.equal(true);
      const error = shadow(el).querySelector('[part=error]')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(text(error)).to.contain('This story could not be loaded.');
      expect(text(error)).to.contain('(404)');
      await expect(el).to.be.accessible();
    });

    it('tells the reader when the story is malformed JSON', async () => {
      const { event } = await failingSrc('/__test/json/malformed');
      expect(event.detail.code).to.equal('story-json');
    });

    it('tells the reader when the JSON is not a story', async () => {
      const { el, event } = await failingSrc('/__test/json/wrong-shape');
      expect(event.detail.code).to.equal('story-invalid');
      expect(text(shadow(el).querySelector('[part=error]'))).to.contain('Folio cannot read');
    });

    it('gives up on a story that never arrives, and offers to try again', async () => {
      const { el, event } = await failingSrc('/__test/slow', 300);
      expect(event.detail.code).to.equal('story-timeout');
      const retry = shadow(el).querySelector('[part=error] button') as HTMLButtonElement;
      expect(retry.textContent).to.contain('Try again');
      await expect(el).to.be.accessible();
    });

    it('reports a network failure without an uncaught error', async () => {
      const { event } = await failingSrc('http://127.0.0.1:9/story.json');
      expect(event.detail.code).to.equal('story-network');
    });

    it('links to the original story from the error when the publisher gave a fallback link', async () => {
      const el = document.createElement('folio-article');
      el.innerHTML = '<a href="https://news.example/original">Read the story</a>';
      const failed = oneEvent(el, 'folio-error');
      el.src = '/__test/status/500';
      (await fixture(html`<div></div>`)).append(el);
      await failed;
      await el.updateComplete;
      const link = shadow(el).querySelector('[part=error] a') as HTMLAnchorElement;
      expect(link.href).to.equal('https://news.example/original');
    });

    it('rejects a story object of the wrong shape with folio-error', async () => {
      const el = await fixture<FolioArticle>(html`<folio-article></folio-article>`);
      const failed = oneEvent(el, 'folio-error') as Promise<FolioErrorEvent>;
      el.story = { headline: 42 };
      const { detail } = await failed;
      expect(detail.code).to.equal('story-invalid');
    });

    it('recovers when a good story follows a bad one', async () => {
      const el = await fixture<FolioArticle>(html`<folio-article></folio-article>`);
      el.story = 'nonsense';
      await waitUntil(() => shadow(el).querySelector('[part=error]'));
      const ready = oneEvent(el, 'folio-ready');
      el.story = story();
      await ready;
      expect(shadow(el).querySelector('[part=error]')).to.equal(null);
      expect(text(shadow(el).querySelector('[part=headline]'))).to.contain('Harbour');
    });
  });

  describe('correction notices', () => {
    const NOTICE = { date: '2026-12-05', text: 'An earlier version of this story gave the wrong date for the vote.' };
    const noticeParts = (el: Element) => {
      const root = el.shadowRoot!;
      const notices = root.querySelector('[part=notices]')!;
      const comment = notices.querySelector('[itemscope][itemtype="https://schema.org/CorrectionComment"]')!;
      return { root, notices, comment, time: comment.querySelector('time[itemprop=datePublished]')! };
    };

    it("story mode: shows the story's notices at its end, dated, marked up as schema.org CorrectionComments", async () => {
      const el = await storyFixture({
        ...story(),
        corrections: { ...ENDPOINT, notices: [NOTICE, { ...NOTICE, date: '2026-12-06' }] },
      });
      const { root, notices, comment, time } = noticeParts(el);
      expect(notices.querySelectorAll('[itemscope]')).to.have.length(2);
      expect(comment.querySelector('strong')!.textContent).to.equal('Correction');
      expect(time.getAttribute('datetime')).to.equal('2026-12-05');
      expect(time.textContent).to.equal('December 5, 2026');
      expect(comment.querySelector('[itemprop=text]')!.textContent).to.equal(NOTICE.text);
      expect(text(comment)).to.equal(`Correction, December 5, 2026: ${NOTICE.text}`);
      // After the story and its attribution, before the footer.
      const footer = root.querySelector('[part=footer]')!;
      expect(root.querySelector('[part=attribution]')!.compareDocumentPosition(notices)).to.equal(
        Node.DOCUMENT_POSITION_FOLLOWING,
      );
      expect(notices.compareDocumentPosition(footer)).to.equal(Node.DOCUMENT_POSITION_FOLLOWING);
      await expect(el).to.be.accessible();
    });

    it('story mode: says "Correction" and the date in the language of the article', async () => {
      const el = await storyFixture({ ...story(), corrections: { notices: [NOTICE] } }, { lang: 'uk' });
      const { comment, time } = noticeParts(el);
      expect(comment.querySelector('strong')!.textContent).to.equal('Виправлення');
      expect(time.textContent).to.match(/^5 грудня 2026/);
    });

    it('story mode: shows the text of a notice as text, never as markup', async () => {
      const hostile = '<img src=x onerror="window.__noticeRan = true">Fixed <b>name</b>';
      const el = await storyFixture({ ...story(), corrections: { notices: [{ ...NOTICE, text: hostile }] } });
      const { comment } = noticeParts(el);
      expect(comment.querySelector('[itemprop=text]')!.textContent).to.equal(hostile);
      expect(comment.querySelector('img, b')).to.equal(null);
    });

    it('story mode: a story without notices, or with none valid, shows no notices', async () => {
      for (const corrections of [undefined, { endpoint: '/c' }, { notices: [{ text: 'no date' }, 'x'] }]) {
        const el = await storyFixture({ ...story(), corrections });
        expect(shadow(el).querySelector('[part=notices]'), JSON.stringify(corrections)).to.equal(null);
      }
    });

    it("enhance mode: fetches the published notices of the page's story from the corrections endpoint, and shows them before the footer", async () => {
      await publish('article-notices', {
        source: location.href,
        notices: [
          { id: 'urn:uuid:1', ...NOTICE },
          { id: 'urn:uuid:2', date: 'soon', text: 'A bad notice, dropped.' },
        ],
      });
      const wrapper = await fixture(html`<div></div>`);
      wrapper.innerHTML = `<folio-article corrections-endpoint="/__test/receiver/article-notices">${PARAGRAPHS}</folio-article>`;
      const el = wrapper.firstElementChild as FolioArticle;
      await waitUntil(() => el.shadowRoot?.querySelector('[part=notices]'), 'no notices', { timeout: 5000 });
      expect(await asked('article-notices')).to.deep.equal([el.canonicalUrl]);
      const { root, notices, time } = noticeParts(el);
      expect(notices.querySelectorAll('[itemscope]')).to.have.length(1);
      expect(time.textContent).to.equal('December 5, 2026');
      expect(notices.compareDocumentPosition(root.querySelector('[part=footer]')!)).to.equal(
        Node.DOCUMENT_POSITION_FOLLOWING,
      );
      // The publisher's paragraphs are untouched.
      expect(el.querySelectorAll(':scope > p')).to.have.length(8);
      await expect(el).to.be.accessible();
    });

    it('enhance mode: a receiver without the list (404) shows nothing and tells nobody', async () => {
      const wrapper = await fixture(html`<div></div>`);
      wrapper.innerHTML = `<folio-article corrections-endpoint="/__test/receiver/article-no-list">${PARAGRAPHS}</folio-article>`;
      const el = wrapper.firstElementChild as FolioArticle;
      const errors: Event[] = [];
      el.addEventListener('folio-error', (e) => errors.push(e));
      await waitUntil(async () => (await asked('article-no-list')).length === 1, 'never asked', { timeout: 5000 });
      await new Promise((r) => setTimeout(r, 200));
      expect(el.shadowRoot!.querySelector('[part=notices]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part=footer]')).to.exist;
      expect(errors).to.deep.equal([]);
    });

    it('enhance mode: an answer that is not a list of notices shows nothing', async () => {
      await publish('article-garbage', { notices: 'none' });
      const wrapper = await fixture(html`<div></div>`);
      wrapper.innerHTML = `<folio-article corrections-endpoint="/__test/receiver/article-garbage">${PARAGRAPHS}</folio-article>`;
      const el = wrapper.firstElementChild as FolioArticle;
      await waitUntil(async () => (await asked('article-garbage')).length === 1, 'never asked', { timeout: 5000 });
      await new Promise((r) => setTimeout(r, 200));
      expect(el.shadowRoot!.querySelector('[part=notices]')).to.equal(null);
    });
  });

  describe('fetches it stops', () => {
    it('stops loading a story when src changes, and shows the new one', async () => {
      const el = document.createElement('folio-article');
      el.src = '/__test/hang/article-src-changes';
      (await fixture(html`<div></div>`)).append(el);
      await waitUntil(async () => (await hangState('article-src-changes')) === 'waiting', 'never asked');
      const ready = oneEvent(el, 'folio-ready');
      el.src = '/test/fixtures/stories/basic.json';
      await ready;
      await waitUntil(async () => (await hangState('article-src-changes')) === 'aborted', 'the first load went on');
    });

    it('stops fetching its related feed when it leaves the page, without an error', async () => {
      const wrapper = await fixture(html`<div></div>`);
      wrapper.innerHTML = `<folio-article related-src="/__test/hang/article-leaves">${PARAGRAPHS}</folio-article>`;
      const el = wrapper.firstElementChild as FolioArticle;
      const errors: Event[] = [];
      el.addEventListener('folio-error', (e) => errors.push(e));
      await waitUntil(async () => (await hangState('article-leaves')) === 'waiting', 'never asked');
      el.remove();
      await waitUntil(async () => (await hangState('article-leaves')) === 'aborted', 'the feed went on');
      expect(errors).to.deep.equal([]);
    });

    it('keeps fetching its related feed when it is only moved', async () => {
      const wrapper = await fixture(html`<div><section></section></div>`);
      wrapper.insertAdjacentHTML(
        'afterbegin',
        `<folio-article related-src="/__test/hang/article-moves">${PARAGRAPHS}</folio-article>`,
      );
      const el = wrapper.firstElementChild as FolioArticle;
      await waitUntil(async () => (await hangState('article-moves')) === 'waiting', 'never asked');
      wrapper.querySelector('section')!.append(el);
      await new Promise((r) => setTimeout(r, 300));
      expect(await hangState('article-moves')).to.equal('waiting');
      el.remove();
    });
  });

  describe('language and strings', () => {
    it('takes the language from the nearest ancestor', async () => {
      const wrapper = await fixture(
        html`<div lang="uk"><folio-article corrections-endpoint="/api/corrections"><p>Текст.</p></folio-article></div>`,
      );
      const el = wrapper.querySelector('folio-article')!;
      await waitUntil(() => shadow(el).querySelector('[part=footer]'), 'no footer');
      expect(text(shadow(el).querySelector('[part=footer]'))).to.contain('Щоб запропонувати виправлення');
    });

    it('lets the publisher override any string', async () => {
      const el = await fixture<FolioArticle>(
        html`<folio-article corrections-endpoint="/api/corrections" .strings=${{ footerLink: 'tell the desk' }}
          ><p>x</p></folio-article
        >`,
      );
      await waitUntil(() => shadow(el).querySelector('[part=footer]'), 'no footer');
      expect(text(shadow(el).querySelector('[part=footer] button'))).to.equal('tell the desk');
    });
  });

  describe('theming', () => {
    it('keeps story text at its px size when the page root is 62.5%', async () => {
      document.documentElement.style.fontSize = '62.5%';
      try {
        const el = await storyFixture(story());
        const p = shadow(el).querySelector('[part=body] p')!;
        expect(parseFloat(getComputedStyle(p).fontSize)).to.equal(18);
      } finally {
        document.documentElement.style.fontSize = '';
      }
    });

    it('follows --folio-font-size and --folio-accent set by the publisher', async () => {
      const el = await storyFixture(story());
      el.style.setProperty('--folio-font-size', '20px');
      el.style.setProperty('--folio-accent', 'rgb(0, 90, 0)');
      const p = shadow(el).querySelector('[part=body] p')!;
      expect(getComputedStyle(p).fontSize).to.equal('20px');
      expect(getComputedStyle(shadow(el).querySelector('[part=kicker]')!).color).to.equal('rgb(0, 90, 0)');
    });

    itWithColorScheme('follows the page’s color-scheme: a light page stays light for a dark reader', async () => {
      const el = await storyFixture(story());
      const background = () => getComputedStyle(shadow(el).querySelector('.story')!).backgroundColor;
      const light = background();
      try {
        await emulateMedia({ colorScheme: 'dark' });
        expect(background(), 'a page that says nothing is light').to.equal(light);
        el.style.colorScheme = 'light dark';
        expect(background(), 'a page that allows dark').to.not.equal(light);
        await expect(el).to.be.accessible();
      } finally {
        await emulateMedia({ colorScheme: 'light' });
      }
    });

    it('exposes parts for headline, byline, body and footer', async () => {
      const el = await storyFixture({ ...story(), corrections: ENDPOINT });
      for (const part of ['headline', 'byline', 'body', 'footer']) {
        expect(shadow(el).querySelector(`[part~=${part}]`), part).to.not.equal(null);
      }
    });
  });
});
