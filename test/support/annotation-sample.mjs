// A valid correction as Folio sends it (a W3C Web Annotation), for the receiver's Node tests.
export const SAMPLE = {
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  type: 'Annotation',
  id: 'urn:uuid:6f1c2a7e-8a8b-4c1e-9a53-2b1f7d0e4c11',
  motivation: 'editing',
  created: '2026-11-26T10:00:00.000Z',
  body: [
    { type: 'TextualBody', purpose: 'editing', value: 'Kyiv', format: 'text/plain' },
    { type: 'TextualBody', purpose: 'commenting', value: 'Spelling of the city', format: 'text/plain' },
  ],
  target: {
    source: 'https://news.example/2026/11/story',
    selector: [
      { type: 'TextQuoteSelector', exact: 'Kiev', prefix: 'The delegation arrived in ', suffix: ' on Tuesday morning' },
      { type: 'TextPositionSelector', start: 120, end: 124 },
    ],
  },
  generator: { type: 'Software', name: 'Folio', homepage: 'https://github.com/folio', version: '0.1.0' },
};
