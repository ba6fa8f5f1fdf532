// Shared by the corrections tests: articles in both modes, selections made the way a reader's
// would end up (a DOM range in the document's selection), and the fault-injecting endpoint.
import { fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FolioArticle } from '../../src/elements/article/folio-article.js';
import type { FolioReadyEvent } from '../../src/events.js';
import { define } from '../../src/internal/define.js';
import type { Story } from '../../src/story/story.js';

define('folio-article', FolioArticle);

const basic: Story = await (await fetch('/test/fixtures/stories/basic.json')).json();

/** A fresh copy of the basic story, with a corrections endpoint when given. */
export function story(endpoint?: string): Story {
  const s = structuredClone(basic);
  if (endpoint) s.corrections = { endpoint };
  return s;
}

export async function storyArticle(value: unknown, lang = 'en'): Promise<FolioArticle> {
  const el = await fixture<FolioArticle>(html`<folio-article lang=${lang}></folio-article>`);
  const ready = oneEvent(el, 'folio-ready') as Promise<FolioReadyEvent>;
  el.story = value;
  await ready;
  return el;
}

/** The first text node under `root` (shadow root included) whose data contains `text`. */
export function textNode(root: Node, text: string): Text {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.includes(text)) return n as Text;
  throw new Error(`no text node with ${JSON.stringify(text)}`);
}

/** Selects `text` inside one text node under `root`, as a reader dragging over it would. */
export function selectText(root: Node, text: string): Range {
  const node = textNode(root, text);
  const start = node.data.indexOf(text);
  return selectBetween(node, start, node, start + text.length);
}

export function selectBetween(a: Node, aOffset: number, b: Node, bOffset: number): Range {
  const sel = document.getSelection()!;
  sel.removeAllRanges();
  sel.setBaseAndExtent(a, aOffset, b, bOffset);
  const range = document.createRange();
  range.setStart(a, aOffset);
  range.setEnd(b, bOffset);
  return range;
}

export async function pressCorrectionKeys(): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'Enter' });
  await sendKeys({ up: 'Control' });
}

/** A unique endpoint on the test server for one test, failing as `mode` says. */
export function endpoint(
  mode = 'ok',
  times?: number,
  extra = '',
): { url: string; read: () => Promise<Received>; set: (mode: string) => Promise<unknown> } {
  const key = `${mode}-${Math.random().toString(36).slice(2)}`;
  const base = `/__test/corrections/${key}`;
  const query = new URLSearchParams({ mode, ...(times === undefined ? {} : { times: String(times) }) });
  return {
    url: new URL(`${base}?${query}${extra}`, location.href).href,
    read: async () => (await fetch(base)).json(),
    set: (next: string) => fetch(`${base}?mode=${next}`, { method: 'PUT' }),
  };
}

export interface Received {
  attempts: number;
  received: Array<Record<string, any>>;
}

export const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
