// `npm run size`: gzip and brotli sizes of the bundles, failing above the budget so no change
// can bloat the one file publishers load.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const BUDGET_GZIP = 20 * 1024;
const TARGET_GZIP = 16 * 1024;
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

let failed = false;
for (const file of ['dist/folio.js', 'dist/folio.mjs']) {
  let code;
  try {
    code = readFileSync(file);
  } catch {
    console.error(`size: ${file} is missing; run \`npm run build\` first.`);
    process.exit(1);
  }
  const gzip = gzipSync(code, { level: 9 }).length;
  const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const isBudgeted = file === 'dist/folio.js';
  const verdict = !isBudgeted ? '' : gzip > BUDGET_GZIP ? '  OVER BUDGET' : gzip > TARGET_GZIP ? '  (within budget, over the 16 KB target)' : '  (within the 16 KB target)';
  console.log(`${file.padEnd(16)} ${kb(code.length).padStart(10)} raw  ${kb(gzip).padStart(9)} gzip  ${kb(brotli).padStart(9)} brotli${verdict}`);
  if (isBudgeted && gzip > BUDGET_GZIP) failed = true;
}
console.log(`budget: ${kb(BUDGET_GZIP)} gzip for dist/folio.js`);
process.exit(failed ? 1 : 0);
