// The corpus passages in a page (functions run in the page through playwright's `evaluate`, so
// each is self-contained): shared by test/pages/measure.mjs and the Node tests that open the
// receiver's text-fragment links.

/**
 * Selects the passage `text` (its words with white space collapsed, as pages.json gives them)
 * inside the `within` elements with a DOM Range, as a reader dragging over it would; '' when it
 * did, else why not.
 */
export function selectPassageText({ within, text }) {
  const containers = [...document.querySelectorAll(within)];
  if (!containers.length) return `no element matches ${within}`;
  const span = new Range();
  span.setStartBefore(containers[0]);
  span.setEndAfter(containers[containers.length - 1]);
  let collapsed = '';
  const points = [];
  let space = true;
  const walker = document.createTreeWalker(span.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!span.intersectsNode(node) || node.parentElement.closest('folio-ad-slot,folio-related-card')) continue;
    for (let i = 0; i < node.data.length; i++) {
      if (/\s/.test(node.data[i])) {
        if (space) continue;
        space = true;
        collapsed += ' ';
      } else {
        space = false;
        collapsed += node.data[i];
      }
      points.push([node, i]);
    }
  }
  const at = collapsed.indexOf(text);
  if (at < 0) return 'passage not found';
  const [startNode, startOffset] = points[at];
  const [endNode, endOffset] = points[at + text.length - 1];
  const range = new Range();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset + 1);
  getSelection().removeAllRanges();
  getSelection().addRange(range);
  return '';
}

/**
 * Where the passage is once the page opened: whether the page scrolled, and whether the
 * passage's first character is in the middle half of the screen, where Chromium puts the words
 * a text fragment found.
 */
export function passagePlace({ within, text }) {
  const containers = [...document.querySelectorAll(within)];
  const span = new Range();
  span.setStartBefore(containers[0]);
  span.setEndAfter(containers[containers.length - 1]);
  let collapsed = '';
  const points = [];
  let space = true;
  const walker = document.createTreeWalker(span.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!span.intersectsNode(node) || node.parentElement.closest('folio-ad-slot,folio-related-card')) continue;
    for (let i = 0; i < node.data.length; i++) {
      if (/\s/.test(node.data[i])) {
        if (space) continue;
        space = true;
        collapsed += ' ';
      } else {
        space = false;
        collapsed += node.data[i];
      }
      points.push([node, i]);
    }
  }
  const at = collapsed.indexOf(text);
  if (at < 0) return { scrolled: scrollY > 0, top: null, inMiddle: false };
  const [node, offset] = points[at];
  const first = new Range();
  first.setStart(node, offset);
  first.setEnd(node, offset + 1);
  const { top } = first.getBoundingClientRect();
  return {
    scrolled: scrollY > 0,
    top: Math.round(top),
    inMiddle: top > innerHeight / 4 && top < (3 * innerHeight) / 4,
  };
}
