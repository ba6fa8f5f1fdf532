// `npm run size`: gzip and brotli sizes of the bundles against the budget, so no change can
// bloat the one file publishers load unnoticed.
//
// The budget for dist/folio.js is 20 KB gzip (the target 16 KB, the stretch 14 KB). Until the
// bundle fits it (see the README's "Size" section), CI fails on a ratchet instead: the size the
// bundle has reached, plus a small margin. Lower RATCHET_GZIP with every cut; never raise it.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const KB = 1024;
const RATCHET_KB = 28;
const BUDGET_GZIP = 20 * KB;
const TARGET_GZIP = 16 * KB;
const RATCHET_GZIP = Number(process.env.FOLIO_SIZE_RATCHET_KB || RATCHET_KB) * KB;
const kb = (n) => `${(n / KB).toFixed(2)} KB`;

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
  let verdict = '';
  if (file === 'dist/folio.js') {
    if (gzip <= TARGET_GZIP) verdict = 'within the 16 KB target';
    else if (gzip <= BUDGET_GZIP) verdict = 'within the 20 KB budget, over the 16 KB target';
    else if (gzip <= RATCHET_GZIP) verdict = `OVER the 20 KB budget by ${kb(gzip - BUDGET_GZIP)}; within the ${kb(RATCHET_GZIP)} ratchet`;
    else {
      verdict = `OVER the ${kb(RATCHET_GZIP)} ratchet: this change made the bundle bigger`;
      failed = true;
    }
  }
  console.log(`${file.padEnd(16)} ${kb(code.length).padStart(10)} raw  ${kb(gzip).padStart(9)} gzip  ${kb(brotli).padStart(9)} brotli  ${verdict}`);
}
process.exit(failed ? 1 : 0);
