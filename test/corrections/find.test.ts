import { expect } from '@open-wc/testing';
import { fold, wordFinder } from '../../src/corrections/find.js';
import { quoteAt } from '../../src/corrections/selectors.js';

const TEXT =
  'The harbour bridge reopened to traffic at six o’clock on Friday morning.\n   Engineers replaced all 212 ' +
  'cables during the closure. The bridge, built in 1932, carries “about 40,000” vehicles a day.';

describe('corrections: finding typed words in the article', () => {
  describe('fold', () => {
    it('keeps a map from every folded character back to the text', () => {
      const { folded, from } = fold('A  “Quote”\n\tEnds');
      expect(folded).to.equal('a "quote" ends');
      expect(from).to.have.length(folded.length);
      expect(from).to.deep.equal([0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15]);
    });

    it('keeps a character whose lower case is longer, so offsets stay one for one', () => {
      const { folded, from } = fold('İstanbul');
      expect(folded).to.equal('İstanbul');
      expect(from).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7]);
    });
  });

  describe('wordFinder', () => {
    const find = wordFinder(TEXT);

    it('finds words as the same quote a selection of them gives', () => {
      const start = TEXT.indexOf('six o’clock');
      expect(find('six o’clock')).to.deep.equal([quoteAt(TEXT, start, start + 'six o’clock'.length)]);
    });

    it('ignores case, runs of white space and the kind of apostrophe or quotation mark', () => {
      const [quote] = find("  SIX O'CLOCK ");
      expect(quote.exact).to.equal('six o’clock');
      const [across] = find('morning. engineers');
      expect(across.exact).to.equal('morning.\n   Engineers');
      expect(TEXT.slice(across.start, across.end)).to.equal(across.exact);
      expect(find('"about 40,000"')[0].exact).to.equal('“about 40,000”');
    });

    it('finds every occurrence, in order, each with its own context', () => {
      const quotes = find('bridge');
      const first = TEXT.indexOf('bridge');
      const second = TEXT.indexOf('bridge', first + 1);
      expect(quotes).to.deep.equal([quoteAt(TEXT, first, first + 6), quoteAt(TEXT, second, second + 6)]);
      expect(quotes[0].prefix).not.to.equal(quotes[1].prefix);
    });

    it('finds nothing for words that are not there, or for blank input', () => {
      expect(find('seven o’clock')).to.deep.equal([]);
      expect(find('   ')).to.deep.equal([]);
      expect(find('')).to.deep.equal([]);
    });
  });
});
