import { expect } from '@open-wc/testing';
import { fitWidth, parseSizes, smallestHeight } from '../../src/ads/sizes.js';

describe('ads: sizes', () => {
  const table: [string | null | undefined, ReturnType<typeof parseSizes>][] = [
    ['300x250', [[300, 250]]],
    [
      '300x250,336x280',
      [
        [300, 250],
        [336, 280],
      ],
    ],
    [
      ' 300x250 , 336X280 ',
      [
        [300, 250],
        [336, 280],
      ],
    ],
    ['300×250', [[300, 250]]],
    ['fluid', 'fluid'],
    [' FLUID ', 'fluid'],
    ['fluid,300x250', [[300, 250]]],
    ['300x250,300x250', [[300, 250]]],
    ['300x250,garbage,0x50,10000x10,-3x4,3x4px', [[300, 250]]],
    ['garbage', [[300, 250]]],
    ['', [[300, 250]]],
    [null, [[300, 250]]],
    [undefined, [[300, 250]]],
  ];
  for (const [raw, expected] of table)
    it(`parses ${JSON.stringify(raw)}`, () => expect(parseSizes(raw)).to.deep.equal(expected));

  it('uses the given fallback when nothing is valid', () => {
    expect(parseSizes('nope', [])).to.deep.equal([]);
    expect(parseSizes('nope', 'fluid')).to.equal('fluid');
  });

  it('keeps only the sizes that fit the width, all of them when none fits', () => {
    expect(
      fitWidth(
        [
          [728, 90],
          [300, 250],
        ],
        412,
      ),
    ).to.deep.equal([[300, 250]]);
    expect(fitWidth([[728, 90]], 412)).to.deep.equal([[728, 90]]);
    expect(
      fitWidth(
        [
          [728, 90],
          [300, 250],
        ],
        0,
      ),
    ).to.deep.equal([
      [728, 90],
      [300, 250],
    ]);
    expect(fitWidth('fluid', 300)).to.equal('fluid');
  });

  it('reserves the smallest height; fluid reserves an MPU', () => {
    expect(
      smallestHeight([
        [300, 250],
        [728, 90],
      ]),
    ).to.equal(90);
    expect(smallestHeight('fluid')).to.equal(250);
  });
});
