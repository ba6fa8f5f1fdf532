import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { ATTACKS } from '../story/attack-corpus.js';

/** A page of its own for the bundle, served with the headers its name asks for (see test-middleware.mjs). */
async function page(path: string): Promise<Window & typeof globalThis & Record<string, any>> {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 400px';
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  frame.src = path;
  wrapper.append(frame);
  await loaded;
  return frame.contentWindow as Window & typeof globalThis & Record<string, any>;
}

describe('Folio as a guest on other people’s pages', () => {
  it('works under a strict CSP and Trusted Types (lit-html and folio only) with no violation', async () => {
    const win = await page('/test/fixtures/embed/strict-page.html');
    const doc = win.document;
    // The policy is really in force in the frame: an inline style attribute is refused.
    expect(typeof win.trustedTypes?.createPolicy).to.equal('function');
    const story = doc.getElementById('story')!;
    const plain = doc.getElementById('plain')!;
    await waitUntil(
      () => story.shadowRoot?.querySelector('[part=footer]') && plain.shadowRoot?.querySelector('[part=footer]'),
      'not rendered',
      {
        timeout: 5000,
      },
    );
    // Inline HTML went through the sanitizer (the folio policy) and the related card rendered.
    expect(story.shadowRoot!.querySelector('[part=body] strong')!.textContent).to.equal("six o'clock");
    await waitUntil(() => plain.querySelector('folio-related-card'), 'no related story');
    // The correction dialog renders under the policy too.
    win.Folio.openCorrection();
    await waitUntil(
      () => doc.querySelector('folio-correction-dialog')?.shadowRoot?.querySelector('dialog[open]'),
      'no dialog',
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(win.__violations).to.deep.equal([]);
    expect(win.__errors).to.deep.equal([]);
  });

  it('loads the GPT script it injects through its own policy, with no violation', async () => {
    const win = await page('/test/fixtures/embed/strict-gpt.html');
    const slot = win.document.getElementById('slot')!;
    await waitUntil(() => slot.hasAttribute('filled'), 'the GPT slot was not filled', { timeout: 5000 });
    expect(win.document.querySelector('script[src$="gpt-standin.js"]')).to.exist;
    expect(win.__violations).to.deep.equal([]);
    expect(win.__errors).to.deep.equal([]);
  });

  it('sanitizes the whole attack corpus without one CSP report, in the bundle and in a second copy', async () => {
    const win = await page('/test/fixtures/embed/strict-sanitize.html');
    const story = win.document.getElementById('story')!;
    const ready = oneEvent(story, 'folio-ready');
    // Every attack as a paragraph, all of them as one quote, and each as a list item.
    (story as HTMLElement & { story: unknown }).story = {
      id: 'corpus',
      url: '/corpus',
      headline: 'Attack corpus',
      datePublished: '2026-12-05',
      byline: [],
      body: [
        ...ATTACKS.map((attack) => ({ type: 'paragraph', html: attack })),
        { type: 'quote', html: ATTACKS.join(' ') },
        { type: 'list', items: ATTACKS },
      ],
      corrections: { notices: [{ date: '2026-12-05', text: ATTACKS[3] }] },
    };
    await ready;
    expect(story.shadowRoot!.querySelectorAll('[part=body] p').length).to.be.at.least(ATTACKS.length);
    // A notice as the bundle renders it (its markup minified): words apart, the text as text.
    const notice = story.shadowRoot!.querySelector('[part=notices] [itemprop=text]')!.parentElement!;
    expect(notice.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`Correction, December 5, 2026: ${ATTACKS[3]}`);
    await waitUntil(() => win.__secondCopy, 'no second copy');
    for (const attack of ATTACKS) win.__secondCopy(attack);
    // Reports are events queued as tasks: let them all arrive.
    await new Promise((r) => setTimeout(r, 300));
    // The one report allowed is the page refusing the second copy its own policy name.
    const refusal = win.__violations.filter((v: string) => v.startsWith('trusted-types'));
    expect(refusal.length).to.be.at.most(1);
    expect(win.__violations.filter((v: string) => !v.startsWith('trusted-types'))).to.deep.equal([]);
    expect(win.__errors).to.deep.equal([]);
    // And a style attribute set on this page is reported: the count above could have seen one.
    win.document.body.setAttribute('style', 'color: red');
    await waitUntil(() => win.__violations.some((v: string) => v.startsWith('style-src')), 'no style-src report');
  });

  it('reports a violation when the page breaks its own policy (the check is live)', async () => {
    const win = await page('/test/fixtures/embed/strict-page.html');
    const el = win.document.createElement('div');
    try {
      el.innerHTML = '<b>x</b>';
    } catch {
      // Trusted Types refuses the plain string: the point of this control.
    }
    await waitUntil(() => win.__violations.length > 0, 'no violation was reported');
  });

  it('stays readable on a page whose CSS hides and shrinks everything', async () => {
    const win = await page('/test/fixtures/embed/hostile.html');
    const story = win.document.getElementById('story')!;
    await waitUntil(() => story.shadowRoot?.querySelector('[part=footer]'), 'not rendered', { timeout: 5000 });
    const root = story.shadowRoot!;
    for (const selector of ['[part=headline]', '[part=body] p', '[part=byline]', '[part=footer]']) {
      const el = root.querySelector(selector)!;
      const style = win.getComputedStyle(el);
      expect(el.getBoundingClientRect().height, `${selector} has height`).to.be.greaterThan(0);
      expect(style.visibility, `${selector} is visible`).to.equal('visible');
      expect(parseFloat(style.fontSize), `${selector} text is at least 12px`).to.be.at.least(12);
      expect(parseFloat(style.lineHeight) / parseFloat(style.fontSize), `${selector} line height`).to.be.at.least(1.1);
    }
  });
});
