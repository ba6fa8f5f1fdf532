import { expect } from '@open-wc/testing';
import {
  DEFAULT_RULES,
  placeAds,
  placeRelated,
  type PlacementBlock,
  type PlacementKind,
  type PlacementRules,
} from '../../src/placement/place.js';

const KINDS: Record<string, PlacementKind> = {
  p: 'paragraph',
  e: 'empty',
  h: 'heading',
  i: 'image',
  m: 'embed',
  k: 'link',
  q: 'quote',
  l: 'list',
  a: 'ad',
  r: 'related',
  o: 'other',
};
const CHARS: Record<string, number> = { p: 250, q: 120, l: 200, h: 30 };

/**
 * `'p*3 h p120 p: a'`: a kind letter (see KINDS), an optional character count, an optional `:`
 * (the paragraph ends in a colon), an optional `*repeat`.
 */
function blocks(spec: string): PlacementBlock[] {
  const out: PlacementBlock[] = [];
  for (const token of spec.split(/\s+/).filter(Boolean)) {
    const m = /^([pehimkqlaro])(\d+)?(:)?(?:\*(\d+))?$/.exec(token);
    if (!m) throw new Error(`bad token ${token}`);
    for (let n = Number(m[4] ?? 1); n > 0; n--) {
      const block: PlacementBlock = { kind: KINDS[m[1]], chars: m[2] ? Number(m[2]) : (CHARS[m[1]] ?? 0) };
      if (m[3]) block.intro = true;
      out.push(block);
    }
  }
  return out;
}

/** The same blocks with rendered geometry, stacked from 0 with no margins, each `height` px high. */
const measured = (spec: string, height: number): PlacementBlock[] =>
  blocks(spec).map((b, i) => ({ ...b, top: i * height }));

/** Paragraphs before each gap index. */
const parasBefore = (b: PlacementBlock[], i: number) => b.slice(0, i).filter((x) => x.kind === 'paragraph').length;

describe('placement: placeAds', () => {
  const table: {
    name: string;
    spec: string;
    rules?: Partial<PlacementRules>;
    positions: number[];
  }[] = [
    {
      name: 'an ordinary 13-paragraph article gets an ad every 3 paragraphs, none after the last',
      spec: 'p*13',
      positions: [3, 6, 9, 12],
    },
    {
      name: 'short paragraphs: the minimum text, not the paragraph count, decides',
      spec: 'p100*13',
      positions: [6, 12],
    },
    {
      name: 'never directly before or after a heading',
      spec: 'p*3 h p*6',
      positions: [5, 8],
    },
    {
      name: 'never next to an image, quote or list',
      spec: 'p*3 i p*3 q p*3 l p*3',
      positions: [5, 9, 13],
    },
    {
      name: 'never next to other content (an embed the rules cannot judge)',
      spec: 'p*3 o p*3',
      positions: [5],
    },
    {
      name: 'a pinned ad counts as an ad for spacing and as a neighbour',
      spec: 'p*2 a p*7',
      positions: [6, 9],
    },
    {
      name: 'an inserted ad keeps its distance from a pinned ad below it',
      spec: 'p*5 a p*5',
      positions: [9],
    },
    {
      name: 'two pinned ads next to each other stay; nothing is inserted beside them',
      spec: 'p*3 a a p*3',
      positions: [],
    },
    {
      name: 'never next to a related card',
      spec: 'p*4 r p*5',
      positions: [3, 7],
    },
    {
      name: 'the maximum stops insertion',
      spec: 'p*13',
      rules: { max: 2 },
      positions: [3, 6],
    },
    {
      name: 'max 0 inserts nothing',
      spec: 'p*13',
      rules: { max: 0 },
      positions: [],
    },
    {
      name: 'a long article stops at the default maximum',
      spec: 'p*60',
      positions: [3, 6, 9, 12],
    },
    {
      name: 'disabled: nothing inserted, pinned ads untouched',
      spec: 'p*4 a p*8',
      rules: { enabled: false },
      positions: [],
    },
    { name: 'an empty article', spec: '', positions: [] },
    {
      name: 'three paragraphs: the only late-enough gap is after the last',
      spec: 'p*3',
      positions: [],
    },
    { name: 'four paragraphs: one ad before the last', spec: 'p*4', positions: [3] },
    {
      name: 'all headings: no paragraph, no ad',
      spec: 'h*5',
      positions: [],
    },
    {
      name: 'content after the last paragraph is no place for an ad',
      spec: 'p*6 h i',
      positions: [3],
    },
    {
      name: 'custom first and gap',
      spec: 'p*10',
      rules: { first: 5, gap: 2, firstChars: 0, gapChars: 0 },
      positions: [5, 7, 9],
    },
    {
      name: 'one long paragraph does not make up for the count',
      spec: 'p3000 p*2',
      positions: [],
    },
    {
      name: 'empty paragraphs are no paragraphs: they neither count nor hold an ad',
      spec: 'p*2 e p p e p*3 e p*3',
      positions: [4, 8, 12],
    },
    {
      name: 'never next to an embed, under an image’s caption or next to a link line',
      spec: 'p*3 m p*3 i o p*3 k p*4',
      positions: [5, 10, 14],
    },
    {
      name: 'never after a paragraph ending in a colon (a speaker’s introduction)',
      spec: 'p*2 p: p*3 p: p*4',
      positions: [4, 8],
    },
    {
      name: 'a publisher’s ad container counts for the spacing, not for the maximum',
      spec: 'p*3 a p*3 a p*3 a p*20',
      positions: [15, 18, 21, 24],
    },
  ];

  for (const { name, spec, rules, positions } of table)
    it(name, () => expect(placeAds(blocks(spec), rules)).to.deep.equal(positions));

  describe('with rendered geometry (px)', () => {
    it('puts nothing above the fold', () => {
      const b = measured('p*30', 100);
      // Gaps 3 to 8 are drawn above 900 px: on screen.
      expect(placeAds(b, { fold: 900 })).to.deep.equal([9, 12, 15, 18]);
      // Before the first paint there is no fold: the first ad goes where the rules first allow.
      expect(placeAds(b)).to.deep.equal([3, 6, 9, 12]);
    });

    it('a gap whose block below was not measured is not on screen', () => {
      const b = measured('p*8', 300);
      delete b[3].top;
      expect(placeAds(b, { fold: 0 })).to.deep.equal([3, 6]);
    });
  });

  it('a realistic 13-paragraph article (uneven lengths) meets the issue\'s "done when"', () => {
    const lengths = [420, 180, 260, 390, 150, 310, 280, 440, 200, 350, 170, 300, 230];
    const b = lengths.map((chars) => ({ kind: 'paragraph' as const, chars }));
    const positions = placeAds(b);
    expect(positions.length).to.be.at.least(2);
    expect(parasBefore(b, positions[0])).to.be.at.least(3);
    positions.slice(1).forEach((p, k) => expect(parasBefore(b, p) - parasBefore(b, positions[k])).to.be.at.least(3));
    expect(positions.every((p) => p < b.length)).to.equal(true);
  });

  it('whatever the article, no ad sits next to a non-paragraph, after a colon or closer than the gap (random articles)', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const kinds = 'ppppppphiqlaroemk';
    for (let run = 0; run < 300; run++) {
      const b = Array.from({ length: Math.floor(rand() * 40) }, () => {
        const k = kinds[Math.floor(rand() * kinds.length)];
        return { kind: KINDS[k], chars: Math.floor(rand() * 500), intro: rand() < 0.1 };
      });
      const positions = placeAds(b);
      expect(positions.length).to.be.at.most(DEFAULT_RULES.max);
      const ads = [
        ...positions.map((p) => ({ at: p, end: p })),
        ...b.flatMap((x, i) => (x.kind === 'ad' ? [{ at: i, end: i + 1 }] : [])),
      ].sort((x, y) => x.at - y.at);
      for (const p of positions) {
        expect(b[p - 1]?.kind).to.equal('paragraph');
        expect(b[p]?.kind).to.equal('paragraph');
        expect(b[p - 1].intro, 'an ad after a paragraph ending in a colon').to.equal(false);
      }
      for (let k = 1; k < ads.length; k++) {
        const between = b.slice(ads[k - 1].end, ads[k].at);
        const involvesInserted = positions.includes(ads[k].at) || positions.includes(ads[k - 1].at);
        if (involvesInserted)
          expect(between.filter((x) => x.kind === 'paragraph').length).to.be.at.least(DEFAULT_RULES.gap);
      }
    }
  });
});

describe('placement: placeRelated', () => {
  const table: [string, string, number | null][] = [
    ['after two paragraphs in an ordinary article', 'p*6', 2],
    ['not next to a heading', 'p h p*4', 3],
    ['not next to an image at the top', 'i p*4', 3],
    ['not next to an ad', 'p p a p p p', 4],
    ['an ad at the top is no paragraph: two paragraphs still come first', 'a p p p p', 3],
    ['a two-paragraph article: between them', 'p p', 1],
    ['one paragraph: nowhere (it would be first or last)', 'p', null],
    ['empty: nowhere', '', null],
    ['only headings: nowhere', 'h*3', null],
    ['paragraphs only separated by images: nowhere', 'p i p i p', null],
  ];
  for (const [name, spec, expected] of table) it(name, () => expect(placeRelated(blocks(spec))).to.equal(expected));

  it('ads placed after the card keep away from it', () => {
    const b = blocks('p*13');
    const at = placeRelated(b)!;
    b.splice(at, 0, { kind: 'related', chars: 0 });
    const positions = placeAds(b);
    expect(positions.length).to.be.at.least(2);
    for (const p of positions) expect([b[p - 1].kind, b[p].kind]).to.deep.equal(['paragraph', 'paragraph']);
  });
});
