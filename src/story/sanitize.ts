/**
 * The inline-HTML allowlist: the only way untrusted markup (story paragraphs, quotes, list
 * items) reaches the page. Parses inertly, walks the result and keeps phrasing elements with
 * `href` (on links, through `safeUrl`), `title`, `lang` and `dir`; every other element gives
 * up its tags but keeps its words, except containers of code or markup, which go entirely.
 *
 * The caller inserts the returned fragment itself, never a string of it: re-parsing
 * serialized markup is where mutation XSS lives.
 */
import { safeUrl } from '../internal/url.js';

export const ALLOWED_ELEMENTS: readonly string[] =
  'a em strong b i u s sub sup br q abbr cite code mark small span'.split(' ');
export const ALLOWED_ATTRIBUTES: readonly string[] = ['href', 'title', 'lang', 'dir'];

// Their content is script, style, markup or form state, not prose: keeping it as text would
// print code into the article.
const DROPPED = 'script style template noscript xmp iframe noembed noframes textarea title object embed select plaintext'.split(' ');

export interface SanitizeOptions {
  /** What relative links resolve against (the story's own URL); the page's base URI by default. */
  base?: string;
  /**
   * Parse with `Element.setHTML` (with the same allowlist) where the browser has it. Off by
   * default: in Chromium 156 it costs about 2.5 times the inert parse (95-115 µs against 41 µs
   * for a typical paragraph), which a 1000-paragraph story cannot afford, and the walker below
   * checks every node either way. It is still used, whatever this says, where Trusted Types
   * refuse the inert parse and no `folio` policy could be made.
   */
  useSetHTML?: boolean;
}


// Read through the prototype: a <form> with <input name="firstChild"> (or nextSibling, ...)
// shadows its own properties, and the walk must not be steered by the markup it cleans.
// (A shadowed localName is an element, not a string, so it can only fail the allowlist; the
// kind of a node is asked of its prototype chain, which markup cannot change.)
const getter = (key: string) => Object.getOwnPropertyDescriptor(Node.prototype, key)!.get!;
const firstChild = getter('firstChild') as (this: Node) => ChildNode | null;
const nextSibling = getter('nextSibling') as (this: Node) => ChildNode | null;

// The same lists for the browser's own sanitizer: its element allowlist would delete the words
// of every other element, so it gets the drop list and the walker does the unwrapping.
const CONFIG = {
  removeElements: [
    ...DROPPED,
    { name: 'svg', namespace: 'http://www.w3.org/2000/svg' },
    { name: 'math', namespace: 'http://www.w3.org/1998/Math/MathML' },
  ],
  attributes: ALLOWED_ATTRIBUTES,
  comments: false,
};

interface HTMLPolicy {
  createHTML(input: string): unknown;
}
type SetHTML = (html: string, options: { sanitizer: typeof CONFIG }) => void;

// The policy stays in this module: a pass-through policy reachable from the page (say on a
// global) would let any script turn a string into TrustedHTML. A second copy of Folio on the
// same page is refused the name by \`trusted-types folio\` and parses with Element.setHTML.
// 0: no policy (no Trusted Types, or refused), remembered so the refusal is not reported again.
let policy: HTMLPolicy | 0 | undefined;
let box: HTMLElement | undefined;

function parse(html: string, useSetHTML?: boolean): HTMLElement {
  // A document with no window: nothing in it loads, runs or renders.
  box ||= document.implementation.createHTMLDocument('').createElement('div');
  const tt = (globalThis as { trustedTypes?: { createPolicy(n: string, p: HTMLPolicy): HTMLPolicy } }).trustedTypes;
  try {
    // The string only ever reaches the inert parse below, whose every node is then walked.
    policy ??= tt?.createPolicy('folio', { createHTML: (s: string) => s }) || 0;
  } catch {
    // Refused by the page's policy, or the name is taken by another copy of Folio.
    policy = 0;
  }
  const setHTML = (box as unknown as { setHTML?: SetHTML }).setHTML;
  if (setHTML && (useSetHTML || (!policy && tt))) {
    try {
      setHTML.call(box, html, { sanitizer: CONFIG });
      return box;
    } catch {
      // An engine with an older shape of the API: parse as below.
    }
  }
  box.innerHTML = (policy ? policy.createHTML(html) : html) as string;
  return box;
}

/**
 * Builds the output from the parsed tree: a fresh element of the page for every allowed one
 * (so nothing the parser attached to a node, such as a custom element's `is` value, comes
 * along), with the attributes the allowlist keeps, moved text, and nothing else. Iterative:
 * one frame per open element.
 */
function copy(root: Element, base?: string): DocumentFragment {
  const out = new DocumentFragment();
  // [the next parsed node to read, where its copy goes]
  const stack: [ChildNode | null, DocumentFragment | Element][] = [[firstChild.call(root), out]];
  while (stack.length) {
    const frame = stack.at(-1)!;
    const [node, into] = frame;
    if (!node) {
      stack.pop();
      continue;
    }
    frame[0] = nextSibling.call(node);
    if (node instanceof Text) into.append(node);
    // SVG and MathML exist only inside <svg> and <math>: whatever is foreign goes whole.
    // Comments and processing instructions go too.
    if (!(node instanceof HTMLElement)) continue;
    const name = node.localName;
    // A link inside a link does not survive serialization; keep its words, not its tags.
    if (ALLOWED_ELEMENTS.includes(name) && !(name == 'a' && (into as Element).closest?.('a'))) {
      const el = document.createElement(name);
      for (const { name: attr, value } of node.attributes) {
        const keep =
          attr == 'title' || attr == 'lang'
            ? value
            : attr == 'dir'
              ? /^(ltr|rtl|auto)$/i.test(value) && value
              : // Written back as checked, so the browser follows the URL that was judged.
                attr == 'href' && name == 'a' && safeUrl(value, base, ['http:', 'https:', 'mailto:']);
        if (typeof keep == 'string') el.setAttribute(attr, keep);
      }
      into.append(el);
      stack.push([firstChild.call(node), el]);
    } else if (!DROPPED.includes(name)) {
      stack.push([firstChild.call(node), into]);
    }
  }
  return out;
}

/**
 * Sanitizes inline HTML into a fragment of allowed nodes, ready to insert (Lit renders a Node
 * in a child binding). Never throws: if the page forbids every way to parse, the words come
 * back as plain text.
 */
export function sanitizeInline(html: string, options: SanitizeOptions = {}): DocumentFragment {
  try {
    // Plain text, the common case, skips the parser.
    if (/[<&]/.test(html)) return copy(parse(html, options.useSetHTML), options.base);
  } catch {
    html = html.replace(/<[^>]*>?/g, '');
  }
  const fragment = new DocumentFragment();
  fragment.append(html);
  return fragment;
}

/** The sanitized markup as a string, for tests and for callers that must have one. */
export function sanitizeToString(html: string, options?: SanitizeOptions): string {
  const div = document.createElement('div');
  div.append(sanitizeInline(html, options));
  return div.innerHTML;
}
