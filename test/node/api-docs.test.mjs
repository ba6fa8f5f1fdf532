// The README's API reference is generated from the manifest the build writes; these tests keep
// the three (JSDoc on the classes, dist/custom-elements.json, README.md) telling the same story.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  apiReference,
  configurationTable,
  currentReference,
  readManifest,
  SETTINGS_BEGIN,
  SETTINGS_END,
} from '../tools/api-docs.mjs';
import { readSettingsTable } from '../tools/settings-table.mjs';

const built = existsSync(new URL('../../dist/custom-elements.json', import.meta.url));
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('API reference', { skip: !built && 'run `npm run build` first (npm test does)' }, () => {
  const manifest = built ? readManifest() : { modules: [] };
  const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);
  const byTag = Object.fromEntries(elements.map((d) => [d.tagName, d]));

  test('the manifest lists all four elements', () => {
    assert.deepEqual(Object.keys(byTag).sort(), [
      'folio-ad-slot',
      'folio-article',
      'folio-correction-dialog',
      'folio-related-card',
    ]);
  });

  test('every documented attribute is joined to its property, and internal state is not an attribute', () => {
    for (const d of elements) {
      for (const a of d.attributes ?? []) {
        assert.ok(a.fieldName, `${d.tagName} [${a.name}] has no property`);
        assert.ok(a.description, `${d.tagName} [${a.name}] has no description`);
        const field = d.members.find((m) => m.name === a.fieldName);
        assert.ok(field && field.privacy !== 'private', `${d.tagName} [${a.name}] is private state`);
      }
    }
    const article = byTag['folio-article'].attributes.map((a) => a.name);
    for (const name of ['src', 'lang', 'corrections-endpoint', 'ad-provider', 'related-src', 'publisher-ads'])
      assert.ok(article.includes(name), name);
  });

  test('every event, part and custom property has a description', () => {
    for (const d of elements) {
      for (const e of d.events ?? []) assert.ok(e.name && e.description, `${d.tagName} event ${e.name}`);
      for (const p of [...(d.cssParts ?? []), ...(d.cssProperties ?? [])])
        assert.ok(p.description, `${d.tagName} ${p.name}`);
    }
  });

  test('README.md carries the reference generated from this manifest', () => {
    assert.equal(
      currentReference(readme),
      apiReference(manifest),
      'run `node test/tools/api-docs.mjs --write` after `npm run build`',
    );
  });

  test('<folio-article>’s attributes are the settings table’s, each with its type, default and description', () => {
    const settings = readSettingsTable().filter((s) => s.attribute);
    const attributes = byTag['folio-article'].attributes;
    assert.deepEqual(
      attributes.map((a) => [a.name, a.fieldName, a.type.text, a.default]),
      settings.map((s) => [s.attribute, s.name, s.type, s.default]),
    );
    // Numbers are numbers, in the manifest as in the element (an `@attr {number}` over a string property was the drift).
    assert.equal(attributes.find((a) => a.name === 'ad-first').type.text, 'number');
  });
});

describe('configuration table', () => {
  test('every setting is documented once, in the table: one line of meaning each', () => {
    for (const s of readSettingsTable()) assert.ok(s.description.length > 10, `${s.name} has no description`);
  });

  test('README.md carries the configuration table generated from the settings table', () => {
    assert.equal(
      currentReference(readme, SETTINGS_BEGIN, SETTINGS_END),
      configurationTable(),
      'run `node test/tools/api-docs.mjs --write`',
    );
  });
});
