// Custom Elements Manifest analyzer settings for `npm run build` (dist/custom-elements.json).
//
// Folio declares its attributes through `static properties` built by a helper
// (`attributes('adProvider', …)`), which the analyzer cannot read, and documents each with an
// `@attr` JSDoc tag on the class instead. This plugin joins each such attribute to its property,
// so tools (and the README's API reference) see one entry with both names, and drops the
// internal reactive state (private fields) the Lit plugin reports as attributes.

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

export default {
  globs: ['src/elements/**/*.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [linkAttributes()],
};
