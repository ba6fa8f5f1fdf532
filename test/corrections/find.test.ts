import { expect } from '@open-wc/testing';
import { findWords } from '../../src/corrections/find.js';
import { quoteAt } from '../../src/corrections/selectors.js';

const TEXT =
  'The harbour bridge reopened to traffic at six o’clock on Friday morning.\nEngineers replaced all 212 ' +
  'cables during the closure. The bridge, built in 1932, carries “about 40,000” vehicles a day (or more?).';

describe('corrections: finding typed words in the article', () => {
  it('finds words as the same quote a selection of them gives', () => {
    const start = TEXT.indexOf('six o’clock');
    expect(findWords(TEXT, 'six o’clock')).to.deep.equal(quoteAt(TEXT, start, start + 'six o’clock'.length));
  });

  it('ignores case, runs of white space (a line break between blocks too) and the kind of quotation mark', () => {
    expect(findWords(TEXT, "  SIX O'CLOCK ")?.exact).to.equal('six o’clock');
    const across = findWords(TEXT, 'morning.   engineers')!;
    expect(across.exact).to.equal('morning.\nEngineers');
    expect(TEXT.slice(across.start, across.end)).to.equal(across.exact);
    expect(findWords(TEXT, '"about 40,000"')?.exact).to.equal('“about 40,000”');
  });

  it('finds the first occurrence, in its own context; more words find a later one', () => {
    const first = TEXT.indexOf('bridge');
    const second = TEXT.indexOf('bridge', first + 1);
    expect(findWords(TEXT, 'bridge')).to.deep.equal(quoteAt(TEXT, first, first + 6));
    const later = findWords(TEXT, 'the bridge, built')!;
    expect(later.start).to.equal(second - 4);
    expect(later.prefix).to.equal(quoteAt(TEXT, second - 4, second + 13).prefix);
    expect(later.prefix).not.to.equal(findWords(TEXT, 'bridge')!.prefix);
  });

  it('takes what a reader types literally, characters of regular expressions included', () => {
    expect(findWords(TEXT, '(or more?)')?.exact).to.equal('(or more?)');
    expect(findWords(TEXT, '40,000” vehicles a day (or')?.exact).to.equal('40,000” vehicles a day (or');
    for (const words of ['.*', 'a+', '[', '\\', '(', '$^', '{2}', '|', 'b.idge']) {
      expect(() => findWords(TEXT, words), words).not.to.throw();
    }
    expect(findWords(TEXT, 'b.idge')).to.equal(null);
    expect(findWords(TEXT, '.*')).to.equal(null);
  });

  it('finds nothing for words that are not there, or for blank input', () => {
    expect(findWords(TEXT, 'seven o’clock')).to.equal(null);
    expect(findWords(TEXT, '   ')).to.equal(null);
    expect(findWords(TEXT, '')).to.equal(null);
  });

  it('finds words in any script, either case', () => {
    const text = 'Міська рада проголосувала за відновлення трамвая. Straße und STRASSE.';
    expect(findWords(text, 'міська РАДА')?.exact).to.equal('Міська рада');
    expect(findWords(text, 'straße')?.exact).to.equal('Straße');
  });
});
