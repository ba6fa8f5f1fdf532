// `npm run lint`: ESLint for correctness and readability, Prettier for layout (`npm run format`).
// The rules against golfed code apply to the shipped client (src/): the build makes the bundle
// small (terser, template minification, private-name mangling), so the source need not be.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import lit from 'eslint-plugin-lit';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import folio from './test/tools/eslint-named-numbers.mjs';

/** Numbers that need no name: identities, halves, doubles and indexes. */
const PLAIN_NUMBERS = [-1, 0, 1, 2];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test/fixtures/', '**/*.min.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          caughtErrors: 'none',
        },
      ],
    },
  },
  {
    // Chai's property assertions (`expect(x).to.be.true`) are expressions; fixtures poke at untyped pages.
    files: ['test/**/*.{ts,js,mjs}'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { lit, folio },
    rules: {
      ...lit.configs.recommended.rules,
      // Against golf: one thing per statement, decisions spelled out, numbers named.
      'no-sequences': ['error', { allowInParentheses: false }],
      'no-nested-ternary': 'error',
      'folio/named-numbers': [
        'error',
        {
          ignore: PLAIN_NUMBERS,
          ignoreArrayIndexes: true,
          ignoreDefaultValues: true,
          ignoreClassFieldInitialValues: true,
          ignoreEnums: true,
          ignoreNumericLiteralTypes: true,
          ignoreReadonlyClassProperties: true,
          ignoreTypeIndexes: true,
        },
      ],
      'id-length': [
        'error',
        {
          min: 2,
          exceptions: ['_', 'e', 'i', 'j', 'n', 'x', 'y', 'w', 'h', 'a', 'b', 's', 'c', 'k', 'v', 'p', 'r'],
          properties: 'never',
        },
      ],
      'max-len': ['error', { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true }],
      'no-implicit-coercion': ['error', { allow: ['!!'] }],
      'no-void': ['error', { allowAsStatement: true }],
      eqeqeq: ['error', 'smart'],
      curly: ['error', 'multi-line'],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
