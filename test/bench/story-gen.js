// A long, realistic story for the benchmarks: ~50-word paragraphs, some with inline markup,
// a subheading every 12 paragraphs. Deterministic, so every run renders the same content.
const WORDS =
  'the council said on tuesday that its plan for the riverside would bring trams back to mill street by 2029 after a debate that ran through three terms residents who remember the old line were delighted while shopkeepers worried about months of roadworks and lost trade during the busiest season of the year'.split(
    ' ',
  );

export function makeStory(paragraphs = 1000) {
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);
  const sentence = (n) => Array.from({ length: n }, () => WORDS[next() % WORDS.length]).join(' ');
  const body = [];
  for (let i = 0; i < paragraphs; i++) {
    if (i > 0 && i % 12 === 0) body.push({ type: 'heading', text: `Part ${i / 12 + 1}: ${sentence(4)}` });
    const text = sentence(50);
    // One paragraph in three carries inline markup, as real copy does (links, emphasis).
    const html =
      i % 3 === 0
        ? `${text.slice(0, 60)} <a href="/story/${i}">${text.slice(60, 90)}</a> <em>${text.slice(90, 120)}</em>${text.slice(120)}.`
        : `${text}.`;
    body.push({ type: 'paragraph', html });
  }
  return {
    id: `bench-${paragraphs}`,
    url: 'https://news.example/bench',
    headline: 'A very long read for the benchmark',
    byline: [{ name: 'Bench Mark' }],
    datePublished: '2026-11-26T10:00:00Z',
    body,
  };
}
