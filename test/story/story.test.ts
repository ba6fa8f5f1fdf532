import { expect } from '@open-wc/testing';
import { blockText, parseStory } from '../../src/story/story.js';

const good = () => ({
  id: 42,
  url: 'https://news.example/a',
  headline: 'Headline',
  byline: [{ name: 'A', url: '/a' }],
  datePublished: '2026-11-20T07:30:00Z',
  body: [
    { type: 'paragraph', html: 'Hi <em>there</em>' },
    { type: 'heading', text: 'Sub', level: 3 },
    { type: 'image', src: '/x.jpg', width: 800, height: -1, alt: 5 },
    { type: 'quote', html: 'Q', cite: 'C' },
    { type: 'list', ordered: true, items: ['a', 'b'] },
    { type: 'ad', sizes: '300x250', unit: 7 },
    { type: 'related', href: '/r', headline: 'R', kicker: 'K', teaser: 3 },
  ],
});

describe('parseStory', () => {
  it('accepts a complete story and keeps only well-typed optional fields', () => {
    const result = parseStory({
      ...good(),
      standfirst: 'S',
      kicker: 9,
      ads: { first: 2, max: 0, enabled: false, gap: 'x' },
      corrections: { endpoint: '/c' },
    });
    if (!result.ok) throw new Error(result.error);
    const { story } = result;
    expect(story.id).to.equal('42');
    expect(story.standfirst).to.equal('S');
    expect(story.kicker).to.equal(undefined);
    expect(story.body.map((b) => b.type)).to.deep.equal([
      'paragraph',
      'heading',
      'image',
      'quote',
      'list',
      'ad',
      'related',
    ]);
    expect(story.body[1]).to.deep.equal({ type: 'heading', text: 'Sub', level: 3 });
    expect(story.body[2]).to.deep.equal({ type: 'image', src: '/x.jpg', width: 800, alt: '' });
    expect(story.body[5]).to.deep.equal({ type: 'ad', sizes: '300x250' });
    expect(story.body[6]).to.deep.equal({ type: 'related', href: '/r', headline: 'R', kicker: 'K' });
    expect(story.ads).to.deep.equal({ first: 2, max: 0, enabled: false });
    expect(story.corrections).to.deep.equal({ endpoint: '/c' });
    expect(story.byline).to.deep.equal([{ name: 'A', url: '/a' }]);
  });

  it('skips unknown block types and names them, instead of failing', () => {
    const s = good();
    (s.body as unknown[]).push({ type: 'poll' }, { type: 'video' });
    const result = parseStory(s);
    expect(result.ok && result.skipped).to.deep.equal(['poll', 'video']);
  });

  const bad: [string, (s: Record<string, unknown>) => unknown, RegExp][] = [
    ['not an object', () => 'story', 'the story must be an object'],
    ['an array', () => [], 'the story must be an object'],
    ['no headline', (s) => ({ ...s, headline: undefined }), 'headline must be a non-blank string'],
    ['a blank headline', (s) => ({ ...s, headline: '   ' }), 'headline must be a non-blank string'],
    ['no url', (s) => ({ ...s, url: 5 }), 'url must be a string'],
    ['no id', (s) => ({ ...s, id: null }), 'id must be a string or a number'],
    ['byline not an array', (s) => ({ ...s, byline: 'Me' }), 'byline must be a list'],
    ['a byline without a name', (s) => ({ ...s, byline: [{}] }), 'byline[0].name must be a string'],
    ['body not an array', (s) => ({ ...s, body: {} }), 'body must be a list'],
    [
      'a paragraph without html',
      (s) => ({ ...s, body: [{ type: 'paragraph', text: 'x' }] }),
      'body[0].html must be a string',
    ],
    [
      'a list of non-strings',
      (s) => ({ ...s, body: [{ type: 'list', items: ['a', 1] }] }),
      'body[0].items[1] must be a string',
    ],
    [
      'an image without src',
      (s) => ({ ...s, body: [{ type: 'image', alt: 'x' }] }),
      'body[0].src must be a non-blank string',
    ],
    ['a bad date', (s) => ({ ...s, datePublished: 'yesterday' }), 'datePublished must be a date'],
    ['a publisher without url', (s) => ({ ...s, publisher: { name: 'P' } }), 'publisher.url must be a string'],
    ['a lead image without src', (s) => ({ ...s, image: { alt: 'x' } }), 'image.src must be a non-blank string'],
    [
      'a related item without headline',
      (s) => ({ ...s, related: [{ href: '/x' }] }),
      'related[0].headline must be a non-blank string',
    ],
    ['a related item that is not an object', (s) => ({ ...s, related: ['/x'] }), 'related[0] must be an object'],
  ];
  for (const [name, change, message] of bad) {
    it(`refuses a story with ${name}, saying where in words`, () => {
      expect(parseStory(change(good()))).to.deep.equal({ ok: false, error: message });
    });
  }

  it('names the block at fault by its place in the body', () => {
    const s = good();
    s.body[3] = { type: 'quote', html: 7 } as never;
    expect(parseStory(s)).to.deep.equal({ ok: false, error: 'body[3].html must be a string' });
  });

  it('drops optional parts that are not objects or lists, and keeps the rest of the story', () => {
    const result = parseStory({ ...good(), image: 'x.jpg', publisher: [], ads: 'none', corrections: 5, related: {} });
    expect(result.ok).to.equal(true);
    if (result.ok) {
      for (const part of ['image', 'publisher', 'ads', 'corrections', 'related'])
        expect(result.story, part).not.to.have.property(part);
    }
  });

  describe('correction notices', () => {
    const withNotices = (notices: unknown) => parseStory({ ...good(), corrections: { endpoint: '/c', notices } });

    it('keeps dated notices with their text, in order', () => {
      const notices = [
        { date: '2026-12-05', text: 'An earlier version gave the wrong date for the vote.' },
        { date: '2026-12-06T09:30:00Z', text: 'The council leader is Ms Kovalenko, not Mr Ortiz.' },
      ];
      const result = withNotices(notices);
      expect(result.ok && result.story.corrections).to.deep.equal({ endpoint: '/c', notices });
    });

    it('drops a notice without a date, with a date that is none, without text or that is not an object, one by one', () => {
      const good = { date: '2026-12-05', text: 'Kept.' };
      const result = withNotices([
        { text: 'No date.' },
        { date: 'last week', text: 'Not a date.' },
        { date: '2026-12-05', text: '   ' },
        { date: '2026-12-05', text: 5 },
        'Correction: text only',
        null,
        good,
        { ...good, id: 'urn:uuid:1', html: '<b>x</b>' },
      ]);
      expect(result.ok && result.story.corrections?.notices).to.deep.equal([good, good]);
    });

    it('drops notices that are not a list, keeping the endpoint', () => {
      const result = withNotices({ date: '2026-12-05', text: 'x' });
      expect(result.ok && result.story.corrections).to.deep.equal({ endpoint: '/c' });
    });
  });

  it('counts visible text for the placement rules, not markup', () => {
    expect(blockText({ type: 'paragraph', html: '<a href="/x">four</a> more' })).to.equal('four more');
    expect(blockText({ type: 'list', items: ['ab', '<b>cd</b>'] })).to.equal('abcd');
    expect(blockText({ type: 'heading', text: 'abc' })).to.equal('abc');
  });
});
