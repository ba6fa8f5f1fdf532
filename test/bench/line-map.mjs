// A source map for dist/folio.js whose lines are right. The build's template minifier
// (rollup.config.mjs, `folio-minify-templates`) folds the line breaks inside html`` and css``
// templates and returns `map: null`, which tells rollup that nothing moved; so in a file with
// multi-line templates (src/elements/article/blocks.ts above all) every line after the first
// template maps a few lines too high. This rebuilds the classic bundle with the same
// configuration (in memory; dist/ is not touched), the minifier wrapped to return a map that
// follows the characters it kept, and hands back that map if the code is byte for byte
// dist/folio.js (else null: the caller falls back to dist/folio.js.map and says so).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rollup } from 'rollup';
import { loadSourceMap } from './sourcemap.mjs';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function vlq(value) {
  let v = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v) digit |= 32;
    out += BASE64[digit];
  } while (v);
  return out;
}

/**
 * A map from `output` back to `input`, where `output` is `input` with characters left out or a
 * run of white space shortened (all the minifier does): each kept character is matched to the
 * next equal character of the input, and every output character gets a segment.
 */
function deletionMap(input, output, file) {
  const lines = [];
  let segments = [];
  let inLine = 0;
  let inColumn = 0;
  let i = 0;
  let prevLine = 0;
  let prevColumn = 0;
  let prevOutColumn = 0;
  let outColumn = 0;
  for (let o = 0; o < output.length; o++) {
    while (i < input.length && input[i] !== output[o]) {
      if (input[i] === '\n') {
        inLine++;
        inColumn = 0;
      } else inColumn++;
      i++;
    }
    segments.push(vlq(outColumn - prevOutColumn) + vlq(0) + vlq(inLine - prevLine) + vlq(inColumn - prevColumn));
    prevOutColumn = outColumn;
    prevLine = inLine;
    prevColumn = inColumn;
    if (output[o] === '\n') {
      lines.push(segments.join(','));
      segments = [];
      outColumn = 0;
      prevOutColumn = 0;
    } else outColumn++;
    if (input[i] === '\n') {
      inLine++;
      inColumn = 0;
    } else inColumn++;
    i++;
  }
  lines.push(segments.join(','));
  return { version: 3, sources: [file], names: [], mappings: lines.join(';') };
}

/** The path of a line-accurate map for `dist/folio.js`, and a function that removes it; or null. */
export async function lineAccurateMap(root = new URL('../..', import.meta.url).pathname) {
  const { default: configs } = await import(path.join(root, 'rollup.config.mjs'));
  const config = configs.find((c) => c.output.entryFileNames === 'folio.js');
  const plugins = config.plugins
    .filter((p) => p.name !== 'folio-integrity')
    .map((p) => {
      if (p.name !== 'folio-minify-templates') return p;
      return {
        ...p,
        transform(code, id) {
          const result = p.transform.call(this, code, id);
          return result && { code: result.code, map: deletionMap(code, result.code, id) };
        },
      };
    });
  const cwd = process.cwd();
  let chunk;
  try {
    process.chdir(root);
    const bundle = await rollup({ ...config, plugins, onwarn: () => {} });
    // Generated, not written: dist/ is left as it is.
    chunk = (await bundle.generate(config.output)).output[0];
    await bundle.close();
  } finally {
    process.chdir(cwd);
  }
  // (The generated code already ends with the line naming the map.)
  const dist = readFileSync(path.join(root, 'dist/folio.js'), 'utf8');
  if (chunk.code !== dist) return null;
  // In a folder of its own, the map's sources made absolute (they were relative to dist/).
  const dir = mkdtempSync(path.join(tmpdir(), 'folio-map-'));
  const map = JSON.parse(chunk.map.toString());
  map.sources = map.sources.map((s) => path.resolve(root, 'dist', s));
  writeFileSync(path.join(dir, 'folio.js'), dist);
  writeFileSync(path.join(dir, 'folio.js.map'), JSON.stringify(map));
  return { bundle: path.join(dir, 'folio.js'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * dist/folio.js's source map, line-accurate where the build reproduces the bundle, else
 * dist/folio.js.map itself (with a note on the console).
 */
export async function distSourceMap(root = new URL('../..', import.meta.url).pathname) {
  const accurate = await lineAccurateMap(root);
  if (!accurate)
    console.log(
      '(dist/folio.js differs from a rebuild of the sources: mapped through dist/folio.js.map, whose lines may be a few too high after a multi-line template)',
    );
  const map = loadSourceMap(accurate?.bundle ?? path.join(root, 'dist/folio.js'), { root });
  accurate?.cleanup();
  return map;
}
