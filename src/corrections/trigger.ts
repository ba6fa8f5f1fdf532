/**
 * How a reader asks for the correction dialog: the key chord, and what the touch button
 * (`<folio-correction-touch>`) needs to know.
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

/** The on-screen box of a range (a StaticRange has none of its own). */
export function rangeRect({ startContainer, startOffset, endContainer, endOffset }: AbstractRange): DOMRect {
  const live = new Range();
  live.setStart(startContainer, startOffset);
  live.setEnd(endContainer, endOffset);
  return live.getBoundingClientRect();
}
