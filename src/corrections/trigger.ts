/** How a reader asks for the correction dialog from the keyboard: the key chord, and where it does not apply. */
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
