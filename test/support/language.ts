// What a screen reader and the browser's bidi algorithm go by: the nearest `lang` and `dir`
// attributes over a node, walking out of shadow roots to their hosts.

function nearest(node: Node | null, attribute: string): string | null {
  for (let n = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) {
    // By node type, not instanceof: the node may be from another frame.
    if (n.nodeType === Node.ELEMENT_NODE && (n as Element).hasAttribute(attribute))
      return (n as Element).getAttribute(attribute);
  }
  return null;
}

/** The language a node is marked as being in. */
export const langOf = (node: Node | null): string | null => nearest(node, 'lang');

/** The direction a node is marked with (null: none anywhere above it, so left-to-right). */
export const dirOf = (node: Node | null): string | null => nearest(node, 'dir');
