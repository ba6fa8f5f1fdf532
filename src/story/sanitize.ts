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
const DROPPED =
  'script style template noscript xmp iframe noembed noframes textarea title object embed select plaintext'.split(' ');

export interface SanitizeOptions {
  /** What relative links resolve against (the story's own URL); the page's base URI by default. */
  base?: string;
}

// The walk is a TreeWalker, whose steps no markup can change; the one property read of a node
// is its parent, through the prototype: a <form> with <input name="parentNode"> shadows its own
// properties, and the walk must not be steered by the markup it cleans. (A shadowed localName is
// an element, not a string, so it can only fail the allowlist; the kind of a node is asked of
// its prototype chain, which markup cannot change.)
const parentOf = Object.getOwnPropertyDescriptor(Node.prototype, 'parentNode')!.get as (this: Node) => Node;

interface FolioPolicy {
  createHTML(input: string): unknown;
  createScriptURL(input: string): unknown;
}

// The policy stays in this module: a pass-through policy reachable from the page (say on a
// global) would let any script turn a string into TrustedHTML. A second copy of Folio on the
// same page is refused the name by \`trusted-types folio\` and gives inline HTML as text.
// 0: no policy (no Trusted Types, or refused), remembered so the refusal is not reported again.
let policy: FolioPolicy | 0 | undefined;
let box: HTMLElement | undefined;

/** The page's Trusted Types factory, where the browser has one. */
const trustedTypes = () =>
  (globalThis as { trustedTypes?: { createPolicy(n: string, p: FolioPolicy): FolioPolicy } }).trustedTypes;

/** Script URLs Folio loads: http(s) only, else '' (which loads nothing). */
const checkedScriptURL = (url: string) => safeUrl(url) ?? '';

function folioPolicy(): FolioPolicy | 0 {
  try {
    // HTML only ever reaches the inert parse below, whose every node is then walked; script
    // URLs only http(s) ones (the GPT script the ads provider loads).
    policy ??= trustedTypes()?.createPolicy('folio', { createHTML: (s) => s, createScriptURL: checkedScriptURL }) || 0;
  } catch {
    // Refused by the page's policy, or the name is taken by another copy of Folio.
    policy = 0;
  }
  return policy;
}

/**
 * An http(s) script URL as a page enforcing Trusted Types accepts it (through the `folio`
 * policy), or as a string where there is no such policy; '' for any other URL.
 */
export function scriptURL(url: string): string {
  const p = folioPolicy();
  return (p ? p.createScriptURL(url) : checkedScriptURL(url)) as string;
}

/**
 * Event-handler and `style` attributes are made harmless before any parse: under a strict CSP,
 * Chromium reports such an attribute as a violation the moment a parser sets it, even in a
 * document that never runs or renders anything, whichever the parser (innerHTML, <template>,
 * DOMParser, setHTML: issue 13). Rather than tokenize the markup to find its attributes, a NUL
 * goes before every `on…` or `style` where an attribute name could start (after white space, a
 * quote, or a `/` not in `</`), wherever that is. The HTML parser itself does the rest: in a
 * tag's name it makes U+FFFD, and a name no browser evaluates (which the walker drops); in text
 * it drops it (a NUL character token is ignored in body, table and select content), so the
 * words come out as they went in; in a kept attribute value it makes U+FFFD, which comes out
 * again below. (So does a U+FFFD the story itself had in a title or link: no loss to a reader.)
 * A NUL keeps the markup one byte per character, which the parser reads faster than wider text.
 */
const MARK = '\0';
// (The lookahead first: the engine then looks behind only where `on` or `style` starts, 3 times faster.)
const EVALUATED = /(?=on|style)(?<=[\t\n\f\r "']|[^<]\/)/gi;
const REPLACED_MARK = /\uFFFD/g;

/** The markup parsed inertly; null where the page allows no parse. */
function parse(html: string): HTMLElement | null {
  // Trusted Types refused the folio policy (a second copy of Folio): no parse at all (a string
  // given to innerHTML would throw too, and be reported as a violation); the words come as text.
  if (!folioPolicy() && trustedTypes()) return null;
  // A document with no window: nothing in it loads, runs or renders.
  box ||= document.implementation.createHTMLDocument('').createElement('div');
  const markup = html.replace(EVALUATED, MARK);
  box.innerHTML = (policy ? policy.createHTML(markup) : markup) as string;
  return box;
}

/** NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT: comments and processing instructions go. */
const SHOW_ELEMENTS_AND_TEXT = 5;

/** The value an allowed attribute keeps on an allowed element, or null when it goes. */
function keptValue(element: string, attr: string, value: string, base?: string): string | null {
  if (attr === 'title' || attr === 'lang') return value;
  if (attr === 'dir') return /^(ltr|rtl|auto)$/i.test(value) ? value : null;
  // Written back as checked, so the browser follows the URL that was judged.
  if (attr === 'href' && element === 'a') return safeUrl(value, base, ['http:', 'https:', 'mailto:']);
  return null;
}

/**
 * Builds the output from the parsed tree: a fresh element of the page for every allowed one
 * (so nothing the parser attached to a node, such as a custom element's `is` value, comes
 * along), with the attributes the allowlist keeps, fresh text, and nothing else. Iterative (a
 * TreeWalker), so no depth of nesting overflows the stack.
 */
function copy(root: Element, base?: string): DocumentFragment {
  const out = new DocumentFragment();
  // Where the children of each parsed node go: an unwrapped element's go where it would have.
  const into = new Map<Node, DocumentFragment | Element>([[root, out]]);
  const walker = document.createTreeWalker(root, SHOW_ELEMENTS_AND_TEXT);
  for (let node: Node | null; (node = walker.nextNode());) {
    const parent = into.get(parentOf.call(node))!;
    if (node instanceof Text) {
      parent.append(node.data);
      continue;
    }
    // SVG and MathML exist only inside <svg> and <math>: whatever is foreign goes whole, like
    // the dropped containers. The walk steps to the last node inside it, and on from there.
    if (!(node instanceof HTMLElement) || DROPPED.includes(node.localName)) {
      while (walker.lastChild());
      continue;
    }
    const name = (node as Element).localName;
    let el = parent;
    // A link inside a link does not survive serialization; keep its words, not its tags.
    if (ALLOWED_ELEMENTS.includes(name) && !(name === 'a' && (parent as Element).closest?.('a'))) {
      el = document.createElement(name);
      for (const { name: attr, value } of (node as Element).attributes) {
        const keep = keptValue(name, attr, value.replace(REPLACED_MARK, ''), base);
        if (keep !== null) el.setAttribute(attr, keep);
      }
      parent.append(el);
    }
    into.set(node, el);
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
    const parsed = /[<&]/.test(html) && parse(html);
    if (parsed) return copy(parsed, options.base);
  } catch {
    // No way to parse (the page forbids it): the words below.
  }
  // Plain text as it is; markup that could not be parsed without its tags.
  const fragment = new DocumentFragment();
  fragment.append(html.replace(/<[^>]*>?/g, ''));
  return fragment;
}
