// Reads the article settings table (`SETTINGS` in src/internal/settings.ts) from its source, for
// the documentation: each entry's literal fields and its JSDoc, which the bundle never carries.
// Used by the Custom Elements Manifest plugin (test/tools/cem.config.mjs: the attributes of
// <folio-article>) and by test/tools/api-docs.mjs (the README's configuration table).
import { readFileSync } from 'node:fs';
import ts from 'typescript';

const SOURCE = new URL('../../src/internal/settings.ts', import.meta.url);

const kebab = (name) => name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

/** The value of a literal expression: string, number, boolean, array or object of those. */
function literal(node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isArrayLiteralExpression(node)) return node.elements.map(literal);
  if (ts.isObjectLiteralExpression(node)) {
    return Object.fromEntries(node.properties.map((p) => [p.name.text ?? p.name.getText(), literal(p.initializer)]));
  }
  if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return literal(node.expression);
  throw new Error(`settings table: not a literal: ${node.getText()}`);
}

/** The JSDoc of a node: its text, and its `@default` tag's. */
function jsDoc(node) {
  const doc = ts.getJSDocCommentsAndTags(node).find(ts.isJSDoc);
  const text = (comment) => (typeof comment === 'string' ? comment : (comment ?? []).map((c) => c.text).join(''));
  const tag = doc?.tags?.find((t) => t.tagName.text === 'default');
  return {
    description: text(doc?.comment)
      .replace(/\s*\n\s*/g, ' ')
      .trim(),
    docDefault: tag
      ? text(tag.comment)
          .replace(/\s*\n\s*/g, ' ')
          .trim()
      : undefined,
  };
}

/**
 * Every setting, in table order: `name` (property, option and dataset key), `attribute` (or
 * null), `script` (`data-…`, or null), `story` (path, or null), `storyValues`, `type` (the
 * TypeScript type's text), `default` (the value, as code) or `docDefault` (prose), `description`.
 */
export function readSettingsTable(source = readFileSync(SOURCE, 'utf8')) {
  const file = ts.createSourceFile('settings.ts', source, ts.ScriptTarget.Latest, true);
  let table;
  file.forEachChild((node) => {
    if (!ts.isVariableStatement(node)) return;
    for (const d of node.declarationList.declarations) if (d.name.getText() === 'SETTINGS') table = d.initializer;
  });
  while (table && !ts.isObjectLiteralExpression(table)) table = table.expression;
  if (!table) throw new Error('settings table: no SETTINGS object in src/internal/settings.ts');
  return table.properties.map((property) => {
    const name = property.name.getText();
    const entry = literal(property.initializer);
    const { description, docDefault } = jsDoc(property);
    if (!description) throw new Error(`settings table: ${name} has no description`);
    const type = entry.values ? entry.values.map((v) => `'${v}'`).join(' | ') : (entry.type ?? 'string');
    return {
      name,
      attribute: entry.attribute === false ? null : kebab(name),
      script: entry.script === false ? null : `data-${kebab(name)}`,
      story: entry.story ?? null,
      storyValues: entry.storyValues ?? null,
      type,
      default: entry.default === undefined ? undefined : JSON.stringify(entry.default).replace(/"/g, "'"),
      docDefault,
      description,
    };
  });
}
