import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
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

/**
 * Finds the static parts of css`…` and html`…` template literals (skipping `${…}` expressions,
 * which may hold nested templates, strings and comments) so they can be minified. Returns
 * [start, end, tag] ranges into `code`, innermost and outermost alike, never overlapping.
 */
function templateParts(code) {
  const parts = [];
  let i = 0;
  const skipString = (q) => {
    for (i++; i < code.length && code[i] !== q; i++) if (code[i] === '\\') i++;
    i++;
  };
  // Scans a template body starting after the opening backtick; records static parts when tagged.
  const scanTemplate = (tag) => {
    let start = i;
    while (i < code.length) {
      const c = code[i];
      if (c === '\\') i += 2;
      else if (c === '`') {
        if (tag) parts.push([start, i, tag]);
        i++;
        return;
      } else if (c === '$' && code[i + 1] === '{') {
        if (tag) parts.push([start, i, tag]);
        i += 2;
        scanCode('}');
        start = i;
      } else i++;
    }
  };
  // Scans code until an unmatched `close` (or the end), descending into strings and templates.
  const scanCode = (close) => {
    let depth = 0;
    while (i < code.length) {
      const c = code[i];
      if (c === '"' || c === "'") skipString(c);
      else if (c === '/' && code[i + 1] === '/') i = code.indexOf('\n', i) < 0 ? code.length : code.indexOf('\n', i);
      else if (c === '/' && code[i + 1] === '*') i = code.indexOf('*/', i + 2) + 2;
      else if (c === '`') {
        const tag = /\b(css|html)\s*$/.exec(code.slice(Math.max(0, i - 8), i))?.[1];
        i++;
        scanTemplate(tag);
      } else if (c === '{') {
        depth++;
        i++;
      } else if (c === '}') {
        if (depth === 0 && close === '}') {
          i++;
          return;
        }
        depth--;
        i++;
      } else i++;
    }
  };
  scanCode(null);
  return parts;
}

const minifyCss = (text) =>
  text
    .replace(/\/\*[^]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    // [aria-invalid='true'] -> [aria-invalid=true] (a value that is a name needs no quotes)
    .replace(/=(['"])([a-zA-Z_][\w-]*)\1\]/g, '=$2]')
    // 0.8 -> .8 (formatters write the zero; browsers need it not)
    .replace(/([\s:,(/])0\.(\d)/g, '$1.$2');

// In markup, a run of white space with a line break is layout of the source, not content:
// one space keeps the rendering (HTML collapses white space) and drops the indentation.
const minifyHtml = (text) => text.replace(/\s*\n\s*/g, ' ').replace(/> </g, '><');

/** Minifies the CSS and markup inside Lit's css`` and html`` templates, which terser leaves as written. */
const templates = () => ({
  name: 'folio-minify-templates',
  transform(code, id) {
    if (!/\/src\/.*\.ts$/.test(id)) return null;
    const parts = templateParts(code);
    if (!parts.length) return null;
    let out = code;
    for (const [start, end, tag] of parts.sort((a, b) => b[0] - a[0])) {
      const text = out.slice(start, end);
      out = out.slice(0, start) + (tag === 'css' ? minifyCss(text) : minifyHtml(text)) + out.slice(end);
    }
    return { code: out, map: null };
  },
});

const terserOptions = {
  ecma: 2022,
  module: true,
  // keep_fargs: false drops parameters a function never uses (nothing in the bundle reads a
  // function's `length`, where the difference would show): 17 bytes gzip.
  compress: { passes: 3, pure_getters: true, keep_fargs: false },
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
      templates(),
      terser({ ...terserOptions, module: false }),
      integrity(),
    ],
  },
  {
    // The same as an ES module, exporting the classes, events and types.
    input: 'src/index.ts',
    output: { dir: 'dist', entryFileNames: 'folio.mjs', format: 'es', sourcemap: true },
    plugins: [
      version(),
      resolve(),
      typescript({ tsconfig: './tsconfig.json' }),
      templates(),
      terser(terserOptions),
      integrity(),
    ],
  },
  {
    // String tables outside the bundle, one module each (`folio-widget/i18n/de`): importing one
    // adds its language to whichever copy of Folio is on the page.
    input: Object.fromEntries(
      readdirSync(new URL('./src/i18n/extra/', import.meta.url))
        .filter((file) => file.endsWith('.ts'))
        .map((file) => [file.replace(/\.ts$/, ''), `src/i18n/extra/${file}`]),
    ),
    output: { dir: 'dist', entryFileNames: 'i18n/[name].mjs', chunkFileNames: 'i18n/[name].mjs', format: 'es' },
    plugins: [
      resolve(),
      typescript({ tsconfig: './tsconfig.json', declaration: false, declarationDir: undefined }),
      terser(terserOptions),
    ],
  },
];
