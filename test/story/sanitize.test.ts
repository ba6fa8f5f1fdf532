import { expect, fixture, html } from '@open-wc/testing';
import { ALLOWED_ATTRIBUTES, ALLOWED_ELEMENTS, sanitizeInline, scriptURL } from '../../src/story/sanitize.js';
import { ATTACKS } from './attack-corpus.js';
import { sanitizeInline as legacySanitizeInline } from './legacy-sanitize.js';

type Sanitize = typeof sanitizeInline;

declare global {
  interface Window {
    __xss?: (id?: unknown) => void;
  }
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const POLICY_KEY = Symbol.for('folio.trustedTypesPolicy');

// Every payload in the corpus calls __xss(id); a payload that ran leaves its id here.
const ran: unknown[] = [];
window.__xss = (id) => ran.push(id);

// A page that uses a customized built-in element on an allowed tag: hostile markup must not
// be able to summon it.
customElements.define(
  'folio-test-gadget',
  class extends HTMLSpanElement {
    connectedCallback() {
      window.__xss?.('is=folio-test-gadget');
    }
  },
  { extends: 'span' },
);

/** The sanitized markup as a string. */
function serialize(sanitize: Sanitize, markup: string, base?: string): string {
  const div = document.createElement('div');
  div.append(sanitize(markup, { base }));
  return div.innerHTML;
}

/**
 * A second copy of the sanitizer whose `folio` policy Trusted Types refused, as a second copy of
 * Folio is refused it on a page that allows the name once: it gives inline HTML as plain text.
 */
async function refusedCopy(): Promise<Sanitize> {
  const copy = await import(new URL('../../src/story/sanitize.ts?refused', import.meta.url).href);
  const trustedTypes = (globalThis as { trustedTypes?: { createPolicy: unknown } }).trustedTypes;
  if (!trustedTypes) return copy.sanitizeInline;
  const createPolicy = trustedTypes.createPolicy;
  trustedTypes.createPolicy = () => {
    throw new TypeError('Policy "folio" disallowed.');
  };
  try {
    // The copy asks for its policy once, at its first parse, and remembers the answer.
    copy.sanitizeInline('<b>first</b>');
  } finally {
    trustedTypes.createPolicy = createPolicy;
  }
  return copy.sanitizeInline;
}
const refused = await refusedCopy();

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const frames = (n: number) =>
  new Promise<void>((resolve) => {
    const step = () => (n-- <= 0 ? resolve() : requestAnimationFrame(step));
    step();
  });

async function liveContainer(): Promise<HTMLElement> {
  return fixture<HTMLElement>(html`<div></div>`);
}

/** Everything a hostile paragraph must not leave in the page, checked on the live DOM. */
function expectInert(root: Element, source: string): void {
  for (const el of root.querySelectorAll('*')) {
    expect(el.namespaceURI, `namespace of <${el.localName}> from ${source}`).to.equal(HTML_NS);
    expect(ALLOWED_ELEMENTS, `element from ${source}`).to.include(el.localName);
    if (el.localName === 'a')
      expect(el.parentElement?.closest('a'), `link inside a link from ${source}`).to.equal(null);
    for (const attr of el.attributes) {
      expect(ALLOWED_ATTRIBUTES, `attribute on <${el.localName}> from ${source}`).to.include(attr.name);
      expect(attr.name, `event handler from ${source}`).not.to.match(/^on/i);
      // Judge the value as a URL parser would: control characters and whitespace removed.
      // eslint-disable-next-line no-control-regex
      const squeezed = attr.value.replace(/[\u0000-\u0020\u007F-\u009F]/g, '');
      expect(squeezed, `${attr.name} value from ${source}`).not.to.match(/javascript:|data:|vbscript:/i);
      if (attr.name === 'href') {
        expect(el.localName, `href outside a link from ${source}`).to.equal('a');
        expect(['http:', 'https:', 'mailto:'], `href scheme from ${source}`).to.include(
          new URL(attr.value, document.baseURI).protocol,
        );
      }
      if (attr.name === 'dir') expect(attr.value.toLowerCase()).to.be.oneOf(['ltr', 'rtl', 'auto']);
    }
    // The serializer also writes state that is not an attribute (a custom element's `is` value):
    // parse the element's own start tag back and count.
    const template = document.createElement('template');
    template.innerHTML = (el.cloneNode(false) as Element).outerHTML;
    expect(
      template.content.firstElementChild!.attributes.length,
      `serialized attributes of <${el.localName}> from ${source}`,
    ).to.equal(el.attributes.length);
  }
}

/** Serializing the output and parsing it again must change nothing (the mutation-XSS check). */
function expectFixedPoint(root: Element, sanitize: Sanitize, source: string): void {
  const once = root.innerHTML;
  const template = document.createElement('template');
  template.innerHTML = once;
  expect(template.innerHTML, `re-parse of the output of ${source}`).to.equal(once);
  expect(serialize(sanitize, once), `re-sanitizing the output of ${source}`).to.equal(once);
}

const label = (s: string) => JSON.stringify(s.length > 70 ? `${s.slice(0, 70)}…` : s);

function behaviour(sanitize: Sanitize, test: typeof it): void {
  const clean = (s: string, base?: string) => serialize(sanitize, s, base);

  describe('hostile markup (attack corpus)', () => {
    beforeEach(() => {
      ran.length = 0;
    });

    for (const attack of ATTACKS) {
      test(`runs no script and leaves nothing active or clickable-to-script: ${label(attack)}`, async () => {
        const container = await liveContainer();
        container.append(sanitize(attack));
        await tick();
        await frames(1);
        // An image error can land after this test ends; the id names the corpus entry that ran.
        expect(ran, 'ids of __xss(id) payloads that ran').to.deep.equal([]);
        expectInert(container, attack);
        expectFixedPoint(container, sanitize, attack);
      });
    }

    test('the whole corpus rendered into one page runs nothing, even after images fail and frames pass', async () => {
      const container = await liveContainer();
      for (const attack of ATTACKS) {
        const p = document.createElement('p');
        p.append(sanitize(attack));
        container.append(p);
      }
      await frames(3);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(ran).to.deep.equal([]);
      for (const p of container.children) expectInert(p, 'the whole corpus');
    });
  });

  describe('allowed markup', () => {
    test('keeps every allowed phrasing element exactly', () => {
      const input =
        '<em>a</em> <strong>b</strong> <b>c</b> <i>d</i> <u>e</u> <s>f</s> <sub>g</sub> <sup>h</sup> ' +
        '<q>i</q> <cite>j</cite> <code>k</code> <mark>l</mark> <small>m</small> <span>n</span><br>o';
      expect(clean(input)).to.equal(input);
    });

    test('keeps a web link exactly', () => {
      const input = '<a href="https://example.com/world/story?id=1#top">the story</a>';
      expect(clean(input)).to.equal(input);
    });

    test('keeps a mailto link', () => {
      const input = '<a href="mailto:desk@example.com">write to the desk</a>';
      expect(clean(input)).to.equal(input);
    });

    test('keeps an abbreviation with its expansion in the title', () => {
      const input = '<abbr title="World Health Organization">WHO</abbr>';
      expect(clean(input)).to.equal(input);
    });

    test('keeps language and direction on a span, so a quoted phrase is read and laid out right', () => {
      const input = '<span lang="ar" dir="rtl">مرحبا</span> and <span lang="uk" dir="auto">привіт</span>';
      expect(clean(input)).to.equal(input);
    });

    test('resolves a relative link against the story URL when one is given', () => {
      expect(clean('<a href="../politics/vote">vote</a>', 'https://publisher.example/world/story')).to.equal(
        '<a href="https://publisher.example/politics/vote">vote</a>',
      );
    });

    test('keeps a relative link, resolved against the page when no story URL is given', () => {
      expect(clean('<a href="/news/1">one</a>')).to.equal(
        `<a href="${new URL('/news/1', document.baseURI).href}">one</a>`,
      );
    });

    test('keeps words and attribute values that read like event handlers or styles exactly', () => {
      const input = `<abbr title="on style 'only'" lang="on">Turn it on</abbr>, "one" style/onion 'once'\tonward`;
      expect(clean(input)).to.equal(input);
    });

    test('keeps words and entities as text', () => {
      const out = sanitize('Tom &amp; Jerry &lt;3 <b>always</b>');
      expect(out.textContent).to.equal('Tom & Jerry <3 always');
      expect(clean('Tom &amp; Jerry &lt;3')).to.equal('Tom &amp; Jerry &lt;3');
    });
  });

  describe('disallowed markup', () => {
    test('drops an unknown wrapper but keeps its words and allowed children', () => {
      expect(clean('<div>Hi <b>there</b></div>')).to.equal('Hi <b>there</b>');
      expect(clean('<p>One <font color=red>red</font> <custom-thing>word</custom-thing></p>')).to.equal('One red word');
    });

    test('drops script, style and template content instead of printing code into the article', () => {
      expect(clean('Before <script>var x = 1;</script><style>p{}</style><template><b>t</b></template>after')).to.equal(
        'Before after',
      );
      expect(clean('a<svg><text>svg words</text></svg>b<math><mi>x</mi></math>c')).to.equal('abc');
    });

    test('drops comments', () => {
      expect(clean('a<!-- editor note -->b')).to.equal('ab');
    });

    test('removes a direction other than ltr, rtl or auto', () => {
      expect(clean('<span dir="sideways">x</span>')).to.equal('<span>x</span>');
      expect(clean('<span dir="RTL">x</span>')).to.equal('<span dir="RTL">x</span>');
    });

    test('removes id, class, style, data and other attributes the page could be styled or clobbered through', () => {
      expect(clean('<em id="x" class="y" style="color:red" data-a="1" name="n" tabindex="0">x</em>')).to.equal(
        '<em>x</em>',
      );
    });

    test('removes href from anything but a link', () => {
      expect(clean('<span href="https://example.com/">x</span>')).to.equal('<span>x</span>');
    });

    test('removes a link to a script, data or file URL but keeps its words', () => {
      expect(
        clean('<a href="javascript:void(0)">a</a><a href="data:text/plain,x">b</a><a href="file:///x">c</a>'),
      ).to.equal('<a>a</a><a>b</a><a>c</a>');
    });

    test('a form full of clobbering inputs neither hangs the walker nor loses its words', () => {
      const out = clean('<form><input name="firstChild"><input name="nextSibling"><input name="nodeType">kept</form>');
      expect(out).to.equal('kept');
    });

    test("an is= attribute cannot turn an allowed tag into one of the page's own custom elements", async () => {
      ran.length = 0;
      const container = await liveContainer();
      container.append(sanitize('<span is="folio-test-gadget">a</span><em is="folio-test-gadget">b</em>'));
      await tick();
      expect(ran).to.deep.equal([]);
      expect(container.innerHTML).to.equal('<span>a</span><em>b</em>');
    });

    test('deeply nested markup is cleaned without overflowing the stack', () => {
      const depth = 5000;
      const out = sanitize(`${'<div><span>'.repeat(depth)}deep${'</span></div>'.repeat(depth)}`);
      expect(out.textContent).to.equal('deep');
      const container = document.createElement('div');
      container.append(out);
      expectInert(container, 'deep nesting');
    });
  });
}

describe('sanitizeInline', () => {
  describe('with its folio policy: the inert parse, then the walker', () => {
    behaviour(sanitizeInline, it);
  });

  // A second copy of Folio under Trusted Types is refused the policy name and does not parse at
  // all: a string given to innerHTML would throw, and be reported as a violation.
  describe('refused the policy: the words as plain text, with no parse', () => {
    /** What the reader sees: the markup with everything from a `<` to its `>` taken out. */
    const words = (markup: string) => markup.replace(/<[^>]*>?/g, '');

    beforeEach(() => {
      ran.length = 0;
    });

    for (const attack of ATTACKS) {
      it(`runs no script and shows words only, not one element: ${label(attack)}`, async () => {
        const container = await liveContainer();
        container.append(refused(attack));
        await tick();
        await frames(1);
        expect(ran, 'ids of __xss(id) payloads that ran').to.deep.equal([]);
        expect(container.querySelectorAll('*'), `elements from ${attack}`).to.have.length(0);
        expect(container.childNodes, `nodes from ${attack}`).to.have.length(1);
        expect(container.textContent, `text from ${attack}`).to.equal(words(attack));
        expect(container.textContent, `text from ${attack}`).not.to.include('<');
      });
    }

    it('shows a paragraph with links and emphasis as its words, tags gone', () => {
      const fragment = refused(
        'Read <a href="https://example.com/more">more</a> <em>now</em>, <div>said <b>she</b></div>',
      );
      expect(fragment.childNodes).to.have.length(1);
      expect(fragment.firstChild!.nodeType).to.equal(Node.TEXT_NODE);
      expect(fragment.textContent).to.equal('Read more now, said she');
    });

    it('never parses the markup, so the page has no Trusted Types violation to report', () => {
      const innerHTML = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!;
      let parses = 0;
      Object.defineProperty(Element.prototype, 'innerHTML', {
        ...innerHTML,
        set(this: Element, value: string) {
          parses++;
          innerHTML.set!.call(this, value);
        },
      });
      try {
        for (const attack of ATTACKS) refused(attack);
      } finally {
        Object.defineProperty(Element.prototype, 'innerHTML', innerHTML);
      }
      expect(parses).to.equal(0);
    });
  });

  it('never calls Element.setHTML (it costs 2.5 times the parse on every paragraph)', () => {
    const proto = Element.prototype as Element & { setHTML?: unknown };
    const original = proto.setHTML;
    let calls = 0;
    proto.setHTML = function () {
      calls++;
    };
    try {
      expect(serialize(sanitizeInline, '<em>x</em><div>y</div>')).to.equal('<em>x</em>y');
      expect(serialize(refused, '<em>x</em><div>y</div>')).to.equal('xy');
    } finally {
      if (original) proto.setHTML = original;
      else delete proto.setHTML;
    }
    expect(calls).to.equal(0);
  });

  // Every `on…` and `style` where an attribute name could start is marked (a NUL) before the
  // parse (so Chromium reports no CSP violation for it): the output must be what it was without.
  describe('the mark against CSP reports', () => {
    const FRAGMENTS = [
      '<em',
      '<a',
      '<span',
      '<abbr',
      '<div',
      '<svg>',
      '<style>',
      '<textarea>',
      '<script>',
      '<!--',
      '-->',
      '<!',
      '</em>',
      '</a>',
      '</style>',
      ' onclick=x',
      ' ONLOAD="y"',
      ' style="color:red"',
      '/onmouseover=z',
      '"onfocus=1',
      " title='on style'",
      ' title="it\'s on"',
      ' href="/on/style?x=1 onclick"',
      ' lang=on',
      ' dir=rtl',
      '=',
      '>',
      '/>',
      ' on',
      ' only',
      ' style',
      "'once'",
      '"one"',
      '\tonward',
      '&amp;',
      'words',
    ];
    const rand = (() => {
      let seed = 13;
      return () => {
        seed = (seed * 16807) % 2147483647;
        return seed / 2147483647;
      };
    })();
    const generated = Array.from({ length: 3000 }, () =>
      Array.from({ length: 2 + Math.floor(rand() * 12) }, () => FRAGMENTS[Math.floor(rand() * FRAGMENTS.length)]).join(
        '',
      ),
    );

    it('gives the output of the sanitizer without it, on the attack corpus and on 3000 generated paragraphs', () => {
      const differences = [...ATTACKS, ...generated].filter(
        (markup) => serialize(sanitizeInline, markup) !== serialize(legacySanitizeInline, markup),
      );
      expect(differences).to.deep.equal([]);
    });

    it('leaves no mark in the output: the generated paragraphs have words like "on" and "style" in text and titles', () => {
      const marked = generated.filter((markup) => /[\0\uFFFD]/.test(serialize(sanitizeInline, markup)));
      expect(marked).to.deep.equal([]);
      expect(generated.filter((markup) => / on| style/.test(serialize(sanitizeInline, markup)))).to.not.be.empty;
    });
  });

  describe('the __xss trap', () => {
    it('the trap notices a payload that does run (so a silent corpus means something)', async () => {
      ran.length = 0;
      const container = await liveContainer();
      container.innerHTML = '<img src="/__test/no-such-image.png" onerror="__xss(\'control\')">';
      for (let i = 0; i < 100 && !ran.length; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(ran).to.deep.equal(['control']);
      ran.length = 0;
    });
  });

  describe('plain text', () => {
    it('returns a paragraph with no markup as one text node, without parsing it', () => {
      const innerHTML = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!;
      let parses = 0;
      Object.defineProperty(Element.prototype, 'innerHTML', {
        ...innerHTML,
        set(this: Element, value: string) {
          parses++;
          innerHTML.set!.call(this, value);
        },
      });
      let out: DocumentFragment;
      try {
        out = sanitizeInline('Fifty words of plain reporting, quotes "and all", but no tags > none.');
      } finally {
        Object.defineProperty(Element.prototype, 'innerHTML', innerHTML);
      }
      expect(parses).to.equal(0);
      expect(out.childNodes).to.have.length(1);
      expect(out.firstChild!.nodeType).to.equal(Node.TEXT_NODE);
      expect(out.textContent).to.equal('Fifty words of plain reporting, quotes "and all", but no tags > none.');
    });

    it('an empty paragraph gives an empty text, not an error', () => {
      expect(sanitizeInline('').textContent).to.equal('');
      expect(serialize(sanitizeInline, '<')).to.equal('&lt;');
      expect(serialize(sanitizeInline, '&')).to.equal('&amp;');
    });
  });

  describe('rendering', () => {
    it('renders in a Lit child binding as real elements belonging to the page', async () => {
      const fragment = sanitizeInline('Read <a href="https://example.com/more">more</a> <em>now</em>');
      expect(fragment.ownerDocument).to.equal(document);
      const p = await fixture<HTMLParagraphElement>(html`<p>${fragment}</p>`);
      const link = p.querySelector('a')!;
      expect(link.href).to.equal('https://example.com/more');
      expect(p.querySelector('em')!.textContent).to.equal('now');
      expect(p.textContent).to.equal('Read more now');
    });
  });

  describe('Trusted Types', () => {
    it('keeps its policy to itself: nothing on the page can reach it to bless a string', () => {
      sanitizeInline('<em>x</em>');
      expect((globalThis as Record<symbol, unknown>)[POLICY_KEY]).to.equal(undefined);
      const globals = Object.getOwnPropertySymbols(globalThis).map(
        (sym) => (globalThis as Record<symbol, unknown>)[sym],
      );
      expect(globals.some((v) => (v as { name?: string } | null)?.name === 'folio')).to.equal(false);
    });

    interface TrustedTypesResult {
      first: string;
      second: string;
      error: string | null;
      /** Whether a plain string assigned to innerHTML threw in that frame, i.e. the CSP took effect. */
      enforced: boolean;
      /** createPolicy calls made by both copies, and how many of them the CSP refused. */
      created: number;
      refused: number;
      /** Every CSP report the frame had (directive and sample), the control's last. */
      violations: string[];
    }

    // The page refusing a copy the name is reported, whatever the copy does next; a string given
    // to innerHTML (a parse under Trusted Types without the policy) would be reported too.
    const REFUSED_NAME = 'trusted-types folio';
    const CONTROL = 'require-trusted-types-for Element innerHTML|<b>control</b>';

    /** Loads two copies of the module (as two bundles would be) into a frame with the given CSP. */
    async function underPolicy(csp: string): Promise<TrustedTypesResult> {
      const src = new URL('../../src/story/sanitize.ts', import.meta.url).href;
      const frame = document.createElement('iframe');
      const done = new Promise<TrustedTypesResult>((resolve) => {
        addEventListener('message', function listen(event: MessageEvent) {
          if (event.source !== frame.contentWindow) return;
          removeEventListener('message', listen);
          resolve(event.data);
        });
      });
      frame.srcdoc = `<!doctype html><meta http-equiv="Content-Security-Policy" content="${csp}">
        <script type="module">
          let first = '', second = '', error = null, enforced = false, created = 0, refused = 0;
          const violations = [];
          let controlReported;
          const control = new Promise((resolve) => (controlReported = resolve));
          document.addEventListener('securitypolicyviolation', (e) => {
            violations.push(e.violatedDirective + ' ' + e.sample);
            if (e.sample.includes('control')) controlReported();
          });
          const createPolicy = trustedTypes.createPolicy.bind(trustedTypes);
          trustedTypes.createPolicy = (...args) => {
            created++;
            try { return createPolicy(...args); } catch (e) { refused++; throw e; }
          };
          try {
            const a = await import('${src}?copy=1');
            const b = await import('${src}?copy=2');
            const markup = '<em>hi</em><img src=x onerror=parent.__xss("tt")>';
            const serialize = (fragment) => {
              const div = document.createElement('div');
              div.append(fragment);
              return div.innerHTML;
            };
            first = serialize(a.sanitizeInline(markup));
            second = serialize(b.sanitizeInline(markup));
          } catch (e) { error = String(e); }
          // The control, last: a plain string given to innerHTML throws where the CSP took effect,
          // and is reported; once its report is in, so is every report queued before it.
          try { document.createElement('div').innerHTML = '<b>control</b>'; } catch { enforced = true; }
          await Promise.race([control, new Promise((resolve) => setTimeout(resolve, 2000))]);
          parent.postMessage({ first, second, error, enforced, created, refused, violations }, '*');
        </script>`;
      document.body.append(frame);
      try {
        return await done;
      } finally {
        frame.remove();
      }
    }

    it('sanitizes under require-trusted-types-for with the bundle loaded twice: the first copy makes the folio policy, the second gives the words as text, with no report but the refused name and nothing run', async () => {
      ran.length = 0;
      const result = await underPolicy("require-trusted-types-for 'script'; trusted-types folio lit-html");
      expect(ran).to.deep.equal([]);
      expect(result).to.deep.equal({
        first: '<em>hi</em>',
        second: 'hi',
        error: null,
        enforced: true,
        created: 2,
        refused: 1,
        violations: [REFUSED_NAME, CONTROL],
      });
    });

    it('shows the words as text when the page does not allow the folio policy, with no report but the refused name and nothing run', async () => {
      ran.length = 0;
      const result = await underPolicy("require-trusted-types-for 'script'; trusted-types lit-html");
      expect(ran).to.deep.equal([]);
      expect(result).to.deep.equal({
        first: 'hi',
        second: 'hi',
        error: null,
        enforced: true,
        created: 2,
        refused: 2,
        violations: [REFUSED_NAME, REFUSED_NAME, CONTROL],
      });
    });
  });
});

describe('scriptURL (the GPT script the ads provider loads)', () => {
  it('passes http(s) URLs, resolved, and nothing else', () => {
    expect(String(scriptURL('https://securepubads.g.doubleclick.net/tag/js/gpt.js'))).to.equal(
      'https://securepubads.g.doubleclick.net/tag/js/gpt.js',
    );
    expect(String(scriptURL('/gpt.js'))).to.equal(new URL('/gpt.js', document.baseURI).href);
    for (const bad of ['javascript:alert(1)', ' java\tscript:alert(1)', 'data:text/javascript,alert(1)'])
      expect(String(scriptURL(bad))).to.equal('');
  });
});
