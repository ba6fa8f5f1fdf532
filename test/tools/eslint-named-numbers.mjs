// ESLint rule `folio/named-numbers`: @typescript-eslint/no-magic-numbers, except that a module-level
// `const` may compute its value from numbers (`const WEEK_MS = 7 * 24 * 60 * 60 * 1000`): that is
// where numbers get their names, as the house style asks.
import tseslint from 'typescript-eslint';

const base = tseslint.plugin.rules['no-magic-numbers'];

/** Whether `node` is inside the initializer of a `const` declared at the top of a module. */
function inModuleConst(node, sourceCode) {
  return sourceCode
    .getAncestors(node)
    .some(
      (ancestor) =>
        ancestor.type === 'VariableDeclaration' &&
        ancestor.kind === 'const' &&
        (ancestor.parent.type === 'Program' || ancestor.parent.type === 'ExportNamedDeclaration'),
    );
}

export const namedNumbers = {
  meta: { ...base.meta, docs: { description: 'Numbers get names: module-level constants, not literals in code' } },
  defaultOptions: base.defaultOptions,
  create(context) {
    const filtered = Object.create(context, {
      report: {
        value(descriptor) {
          if (!inModuleConst(descriptor.node, context.sourceCode)) context.report(descriptor);
        },
      },
    });
    return base.create(filtered);
  },
};

export default { rules: { 'named-numbers': namedNumbers } };
