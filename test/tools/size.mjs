// `npm run size`: gzip and brotli sizes of the bundles against the budget, so no change can
// bloat the one file publishers load unnoticed. The budget for dist/folio.js is 20 KB gzip (the
// target is 16 KB, the stretch 14 KB). The bundle does not fit it yet (see the README's "Size"),
// so until it does the check fails on a ratchet: the size reached, plus a small margin. Lower
// RATCHET_KB with every cut and never raise it; at 20 the budget itself is the limit.
//
// `npm run size -- --by-source` also prints what each source file costs in the gzipped classic
// bundle: the bundle's gzip size minus its size without that file's minified code (read from the
// source map), which is where to look before adding to a file or when cutting.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const KB = 1024;
const BUDGET_GZIP = 20 * KB;
const TARGET_GZIP = 16 * KB;
const STRETCH_GZIP = 14 * KB;
const RATCHET_KB = 23;
const LIMIT_GZIP = Math.max(BUDGET_GZIP, RATCHET_KB * KB);
const kb = (n) => `${(n / KB).toFixed(2)} KB`;
const gzip = (code) => gzipSync(code, { level: 9 }).length;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes a source map's mappings into [line, column, sourceIndex] per segment start. */
function segments(mappings) {
  const out = [];
  let source = 0;
  mappings.split(';').forEach((line, lineNo) => {
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = shift = 0;
        }
      }
      column += values[0];
      if (values.length > 1) source += values[1];
      out.push([lineNo, column, values.length > 1 ? source : -1]);
    }
  });
  return out;
}

/** Each source file's cost in the gzipped bundle, largest first. */
function bySource(file) {
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(file + '.map', 'utf8'));
  const lines = code.split('\n');
  const segs = segments(map.mappings);
  const total = gzip(code);
  const rows = map.sources.map((name, index) => {
    const kept = lines.map((l) => [...l]);
    segs.forEach(([line, column, source], i) => {
      if (source !== index) return;
      const next = segs[i + 1];
      const end = next && next[0] === line ? next[1] : lines[line].length;
      for (let c = column; c < end; c++) kept[line][c] = '';
    });
    const name2 = name.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '');
    return [total - gzip(kept.map((l) => l.join('')).join('\n')), name2];
  });
  return rows.filter(([cost]) => cost > 0).sort((a, b) => b[0] - a[0]);
}

let failed = false;
for (const file of ['dist/folio.js', 'dist/folio.mjs']) {
  let code;
  try {
    code = readFileSync(file);
  } catch {
    console.error(`size: ${file} is missing; run \`npm run build\` first.`);
    process.exit(1);
  }
  const gz = gzip(code);
  const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  let verdict = '';
  if (file === 'dist/folio.js') {
    if (gz <= STRETCH_GZIP) verdict = 'within the 14 KB stretch target';
    else if (gz <= TARGET_GZIP) verdict = 'within the 16 KB target';
    else if (gz <= BUDGET_GZIP)
      verdict = `within the 20 KB budget (${kb(BUDGET_GZIP - gz)} left), over the 16 KB target`;
    else if (gz <= LIMIT_GZIP)
      verdict = `OVER the 20 KB budget by ${kb(gz - BUDGET_GZIP)}; within the ${kb(LIMIT_GZIP)} ratchet`;
    else {
      verdict = `OVER the ${kb(LIMIT_GZIP)} limit: this change made the bundle bigger; make something smaller (npm run size -- --by-source)`;
      failed = true;
    }
  }
  console.log(
    `${file.padEnd(16)} ${kb(code.length).padStart(10)} raw  ${kb(gz).padStart(9)} gzip  ${kb(brotli).padStart(9)} brotli  ${verdict}`,
  );
}

if (process.argv.includes('--by-source')) {
  console.log('\ndist/folio.js, gzip bytes each source costs:');
  for (const [cost, name] of bySource('dist/folio.js')) console.log(`${String(cost).padStart(7)}  ${name}`);
}
process.exit(failed ? 1 : 0);
