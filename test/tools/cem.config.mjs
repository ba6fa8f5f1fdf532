// Custom Elements Manifest analyzer settings for `npm run build` (dist/custom-elements.json).
//
// Folio declares its attributes through `static properties` built by helpers, which the analyzer
// cannot read. <folio-article>'s come from the settings table (src/internal/settings.ts): the
// second plugin puts each into the manifest, attribute and property, with the type, default and
// description the table gives. The slot and the card document theirs with an `@attr` JSDoc tag
// on the class; the first plugin joins each such attribute to its property, so tools (and the
// README's API reference) see one entry with both names, and drops the internal reactive state
// (private fields) the Lit plugin reports as attributes.
import { readSettingsTable } from './settings-table.mjs';

const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

function linkAttributes() {
  return {
    name: 'folio-link-attributes',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) {
          if (!d.customElement) continue;
          const members = d.members ?? [];
          const member = (name) => members.find((m) => m.kind === 'field' && m.name === name && !m.static);
          const hidden = (m) => !m || m.privacy === 'private' || m.privacy === 'protected';
          d.attributes = (d.attributes ?? []).filter((a) => {
            const field = member(a.fieldName ?? camel(a.name));
            if (a.fieldName && hidden(field)) return false; // reactive state, not an attribute
            if (field && !hidden(field)) {
              a.fieldName = field.name;
              field.attribute = a.name;
              a.description ??= field.description;
              field.description ??= a.description;
            }
            return true;
          });
          d.events = (d.events ?? []).filter((e) => e.name); // dispatches the analyzer could not name
        }
      }
    },
  };
}

/** <folio-article>'s attributes and their properties, from the settings table. */
function articleSettings() {
  return {
    name: 'folio-article-settings',
    packageLinkPhase({ customElementsManifest }) {
      const article = customElementsManifest.modules
        .flatMap((m) => m.declarations ?? [])
        .find((d) => d.tagName === 'folio-article');
      if (!article) throw new Error('cem: no <folio-article> in the manifest');
      const settings = readSettingsTable().filter((s) => s.attribute);
      const documented = (s) => (s.docDefault ? `${s.description} Default: ${s.docDefault}.` : s.description);
      article.attributes = settings.map((s) => ({
        name: s.attribute,
        fieldName: s.name,
        type: { text: s.type },
        default: s.default,
        description: documented(s),
      }));
      const fields = settings.map((s) => ({
        kind: 'field',
        name: s.name,
        type: { text: `${s.type} | undefined` },
        default: s.default,
        description: documented(s),
        attribute: s.attribute,
      }));
      article.members = [...fields, ...(article.members ?? []).filter((m) => !fields.some((f) => f.name === m.name))];
    },
  };
}

export default {
  globs: ['src/elements/**/*.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [linkAttributes(), articleSettings()],
};
