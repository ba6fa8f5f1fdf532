// What the reader selects before the first Ctrl+Enter, on the cold bench's pages: shared by the
// cold bench (cold.mjs) and the profiler (profile.mjs), so both measure the same selection. Plain
// functions with no closures over module scope: each is serialized into the page
// (`page.evaluate`).

/** What the reader selects on the 13-paragraph article (article-end): a phrase of its text. */
export function selectPhrase() {
  const p = [...document.querySelectorAll('.story-body p')].find((el) =>
    el.textContent.includes('night shift gets home'),
  );
  const text = p.firstChild;
  const at = text.textContent.indexOf('night shift gets home');
  getSelection().setBaseAndExtent(text, at, text, at + 'night shift gets home'.length);
}

/**
 * What the reader selects on the 1000-paragraph story (long): scrolled to its middle paragraph,
 * its first words, in <folio-article>'s shadow root.
 */
export function selectInLongStory() {
  const paragraphs = [...document.querySelector('folio-article').shadowRoot.querySelectorAll('p')];
  const p = paragraphs[paragraphs.length >> 1];
  p.scrollIntoView();
  const text = [...p.childNodes].find((n) => n instanceof Text && n.data.trim().length > 20);
  const at = text.data.search(/\S/);
  getSelection().setBaseAndExtent(text, at, text, at + 20);
}
