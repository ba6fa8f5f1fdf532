/**
 * How a reader asks for the correction dialog without a mouse or without a keyboard: the key
 * chord, and the small button shown next to a settled selection on touch screens.
 */
import { isApplePlatform } from '../i18n/strings.js';

/**
 * Ctrl+Enter everywhere (the Orphus convention readers know, harmless on a Mac where it means
 * nothing), and ⌘+Enter on Apple platforms, where ⌘ is what people press. Not while an input
 * method is composing, not with Shift or Alt (other shortcuts), not on key repeat.
 */
export function isCorrectionKey(e: KeyboardEvent, apple = isApplePlatform()): boolean {
  return (
    e.key === 'Enter' && !e.isComposing && !e.repeat && !e.altKey && !e.shiftKey && (e.ctrlKey || (apple && e.metaKey))
  );
}

/** Whether a keystroke there is typing: form fields and editable content. */
export function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(input|textarea|select)$/.test(el.localName));
}

/** Whether the reader points with a finger (where there is no Ctrl+Enter to press). */
export const isCoarsePointer = (): boolean => matchMedia('(pointer: coarse)').matches;

/**
 * "Suggest a correction" next to a selection on a touch screen: a real `<button>` in the
 * document (in its own shadow root, so the page's CSS leaves it alone), placed under the
 * selection where the system's own selection menu (usually above it) does not cover it.
 */
export class TouchButton {
  /** The button, while it is in the page. */
  button?: HTMLButtonElement;
  private host?: HTMLElement;

  constructor(private readonly onPress: () => void) {}

  show(rect: DOMRect, label: string, lang: string): void {
    if (!this.host) {
      const host = (this.host = document.createElement('folio-correction-touch'));
      const root = host.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = `:host{position:absolute;z-index:2147483646}button{min-block-size:44px;padding:8px 14px;border:0;border-radius:22px;background:var(--folio-accent,#b3261e);color:#fff;font:15px/1.2 var(--folio-font-ui,system-ui,sans-serif);box-shadow:0 2px 8px rgb(0 0 0/.3)}`;
      const button = (this.button = document.createElement('button'));
      button.type = 'button';
      // Keep the selection: a tap elsewhere would collapse it before the click.
      button.onpointerdown = button.onmousedown = (e) => e.preventDefault();
      button.onclick = () => this.onPress();
      root.append(style, button);
    }
    const { host } = this;
    this.button!.textContent = label;
    host.lang = lang;
    const body = document.body;
    if (!host.isConnected) body.append(host);
    // Absolute in the document, so it scrolls with the words; measured from body when body is positioned.
    const origin =
      getComputedStyle(body).position === 'static' ? { left: -scrollX, top: -scrollY } : body.getBoundingClientRect();
    const left = Math.max(8, Math.min(rect.left, innerWidth - host.offsetWidth - 8));
    host.style.left = `${left - origin.left}px`;
    host.style.top = `${rect.bottom + 8 - origin.top}px`;
  }

  hide(): void {
    this.host?.remove();
  }
}

/** The on-screen box of a range (a StaticRange has none of its own), or null. */
export function rangeRect(range: AbstractRange): DOMRect | null {
  try {
    const live = document.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    const rects = live.getClientRects();
    return rects.length ? rects[rects.length - 1] : live.getBoundingClientRect();
  } catch {
    return null;
  }
}
