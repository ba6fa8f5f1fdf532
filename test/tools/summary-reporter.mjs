// Lists the skipped tests of a run, file by file, at the end: an engine that skips a test must
// say so out loud (the skipped test's name carries the reason), never pass quietly. With
// FOLIO_RESULTS_FILE=<file>, also writes the counts there as JSON, for the summary of `npm test`.
import { writeFileSync } from 'node:fs';

const countIf = (suite, pick) =>
  suite.tests.filter(pick).length + suite.suites.reduce((n, s) => n + countIf(s, pick), 0);
const isSkipped = (t) => t.skipped;

/** Skipped tests by name; a suite skipped whole is one line with its count. */
function skipped(suite, path = []) {
  if (!suite) return [];
  const here = suite.name ? [...path, suite.name] : path;
  const n = countIf(suite, isSkipped);
  if (!n) return [];
  if (suite.name && n > 1 && n === countIf(suite, () => true)) return [{ name: here.join(' > '), n }];
  return [
    ...suite.tests.filter((t) => t.skipped).map((t) => ({ name: [...here, t.name].join(' > '), n: 1 })),
    ...suite.suites.flatMap((s) => skipped(s, here)),
  ];
}

export function summaryReporter({ engine }) {
  return {
    stop({ sessions }) {
      const byFile = new Map();
      for (const s of sessions) {
        const names = skipped(s.testResults);
        if (names.length) byFile.set(s.testFile, names);
      }
      const total = [...byFile.values()].flat().reduce((n, e) => n + e.n, 0);
      if (process.env.FOLIO_RESULTS_FILE) {
        const results = sessions.map((s) => s.testResults).filter(Boolean);
        const sum = (pick) => results.reduce((n, r) => n + countIf(r, pick), 0);
        const counts = {
          files: sessions.length,
          passed: sum((t) => t.passed && !t.skipped),
          failed: sum((t) => !t.passed && !t.skipped),
          fileErrors: sessions.filter((s) => s.errors?.length).length,
          skipped: total,
        };
        writeFileSync(process.env.FOLIO_RESULTS_FILE, JSON.stringify(counts));
      }
      if (!total) return;
      const lines = [`\nSkipped in ${engine}: ${total} test${total === 1 ? '' : 's'}`];
      for (const [file, names] of byFile) {
        lines.push(`  ${file.replace(`${process.cwd()}/`, '')}`);
        for (const { name, n } of names) lines.push(`    - ${name}${n > 1 ? ` (all ${n} tests)` : ''}`);
      }
      console.log(lines.join('\n'));
    },
  };
}
