import { expect } from '@open-wc/testing';
import { buildAnnotation, uuid } from '../../src/corrections/annotation.js';
import type { Quote } from '../../src/corrections/selectors.js';
import { VERSION } from '../../src/internal/define.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const quote: Quote = {
  exact: 'six o’clock',
  prefix: 'The harbour bridge reopened at ',
  suffix: ' on Friday morning.',
  start: 31,
  end: 42,
};
const base = { source: 'https://news.example/story', suggestion: 'seven o’clock', comment: '', language: 'en' };

describe('corrections: annotation', () => {
  it('is a W3C Web Annotation with an editing motivation, a quote and a position', () => {
    const now = new Date('2026-11-20T12:00:00Z');
    const a = buildAnnotation({ ...base, quote, comment: 'Checked with the council.' }, now);
    expect(a.id).to.match(/^urn:uuid:/);
    expect(a.id.slice(9)).to.match(UUID);
    expect(a).to.deep.equal({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: a.id,
      motivation: 'editing',
      created: '2026-11-20T12:00:00.000Z',
      body: [
        { type: 'TextualBody', purpose: 'editing', value: 'seven o’clock', format: 'text/plain', language: 'en' },
        {
          type: 'TextualBody',
          purpose: 'commenting',
          value: 'Checked with the council.',
          format: 'text/plain',
          language: 'en',
        },
      ],
      target: {
        source: 'https://news.example/story',
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: 'six o’clock',
            prefix: 'The harbour bridge reopened at ',
            suffix: ' on Friday morning.',
          },
          { type: 'TextPositionSelector', start: 31, end: 42 },
        ],
      },
      generator: { type: 'Software', name: 'Folio', version: VERSION },
    });
    // It survives JSON unchanged: what is stored is what is sent.
    expect(JSON.parse(JSON.stringify(a))).to.deep.equal(a);
  });

  it('leaves out empty bodies, and the creator unless the reader gave an email', () => {
    const a = buildAnnotation({ ...base, quote, comment: '   ' });
    expect(a.body.map((b) => b.purpose)).to.deep.equal(['editing']);
    expect(a).not.to.have.property('creator');
    const b = buildAnnotation({ ...base, quote, email: ' reader@example.org ' });
    expect(b.creator).to.deep.equal({ type: 'Person', email: 'mailto:reader@example.org' });
  });

  it('has no selector for a general correction', () => {
    const a = buildAnnotation({ ...base, quote: null, suggestion: '', comment: 'The headline misspells the bridge.' });
    expect(a.target).to.deep.equal({ source: 'https://news.example/story' });
    expect(a.body).to.have.length(1);
  });

  it('names the story for editors in target["dc:title"], trimmed to 300 characters, and leaves a blank one out', () => {
    const a = buildAnnotation({ ...base, quote, title: '  Harbour bridge reopens  ' });
    expect(a.target['dc:title']).to.equal('Harbour bridge reopens');
    expect(a.target.source).to.equal('https://news.example/story');
    expect(a.target.selector![0].exact).to.equal('six o’clock');
    expect(buildAnnotation({ ...base, quote, title: 'x'.repeat(400) }).target['dc:title']).to.have.length(300);
    expect(buildAnnotation({ ...base, quote: null, title: ' ' }).target).to.deep.equal({ source: base.source });
  });

  it('sends what the reader wrote and nothing else of the dialog (no honeypot field any more)', () => {
    const a = buildAnnotation({ ...base, quote });
    expect(Object.keys(a).sort()).to.deep.equal(
      ['@context', 'body', 'created', 'generator', 'id', 'motivation', 'target', 'type'].sort(),
    );
  });

  it('makes version 4 UUIDs, also where crypto.randomUUID is missing (plain http)', () => {
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = new Set(Array.from({ length: 50 }, uuid));
      expect(ids.size).to.equal(50);
      for (const id of ids) expect(id).to.match(UUID);
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
      expect(crypto.randomUUID).to.equal(original);
    }
  });
});
