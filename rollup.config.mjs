import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** Replaces __FOLIO_VERSION__ with the package version, so the bundle knows what it is. */
const version = () => ({
  name: 'folio-version',
  transform(code) {
    return code.includes('__FOLIO_VERSION__')
      ? { code: code.replaceAll('__FOLIO_VERSION__', JSON.stringify(pkg.version)), map: null }
      : null;
  },
});

/** Prints the Subresource Integrity hash of each bundle, for the pinned script tag. */
const integrity = () => ({
  name: 'folio-integrity',
  writeBundle(options, bundle) {
    for (const [name, chunk] of Object.entries(bundle)) {
      if (chunk.type !== 'chunk') continue;
      const hash = createHash('sha384').update(chunk.code).digest('base64');
      console.log(`  ${options.dir ? options.dir + '/' : ''}${name}  integrity="sha384-${hash}"`);
    }
  },
});

const terserOptions = {
  ecma: 2021,
  module: true,
  compress: { passes: 2, pure_getters: true },
  format: { comments: false },
};

export default [
  {
    // The classic script publishers drop into a page: one self-contained file, Lit included.
    input: 'src/folio.ts',
    output: { dir: 'dist', entryFileNames: 'folio.js', format: 'iife', sourcemap: true },
    plugins: [
      version(),
      resolve(),
      typescript({ tsconfig: './tsconfig.json', declaration: false, declarationDir: undefined }),
      terser({ ...terserOptions, module: false }),
      integrity(),
    ],
  },
  {
    // The same as an ES module, exporting the classes, events and types.
    input: 'src/index.ts',
    output: { dir: 'dist', entryFileNames: 'folio.mjs', format: 'es', sourcemap: true },
    plugins: [version(), resolve(), typescript({ tsconfig: './tsconfig.json' }), terser(terserOptions), integrity()],
  },
];
