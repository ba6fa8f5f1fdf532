// `npm test`: the browser suite (@web/test-runner) in Chromium, Firefox ESR and WebKitGTK, one
// engine after another, then the Node suite (node:test) for the demo server and the corrections
// receiver. Finds the browsers first, installing Debian's packages when it can, so a fresh
// machine gets either the browsers or one clear line about what is missing, never a stack trace.
//
//   node test/tools/run-tests.mjs                     every engine, then Node
//   node test/tools/run-tests.mjs --engine=webkit     one engine (repeatable), then Node
//   node test/tools/run-tests.mjs --browser-only      no Node suite
//   node test/tools/run-tests.mjs --node-only         no browsers
// Anything after `--` goes to wtr (say `-- --files test/ads/*.test.ts`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPostgres, startCluster } from '../node/support/pg-cluster.mjs';
import { ENGINE_NAMES, ENGINES, ensureEngines } from './engines.mjs';
import { startWebKitDriver } from './webkit-driver.mjs';

const argv = process.argv.slice(2);
const dashdash = argv.indexOf('--');
const args = dashdash < 0 ? argv : argv.slice(0, dashdash);
const wtrArgs = dashdash < 0 ? [] : argv.slice(dashdash + 1);
const browserOnly = args.includes('--browser-only');
const nodeOnly = args.includes('--node-only');
const asked = args.filter((a) => a.startsWith('--engine=')).map((a) => a.slice('--engine='.length));
for (const name of asked) {
  if (!ENGINE_NAMES.includes(name)) {
    console.error(`folio: unknown engine ${name}; choose from ${ENGINE_NAMES.join(', ')}.`);
    process.exit(2);
  }
}
const engines = nodeOnly ? [] : asked.length ? asked : ENGINE_NAMES;

const results = [];
let current; // the child running now, to pass Ctrl+C on to
let driver; // the WebKit driver, while it runs
let cluster = null; // the throwaway PostgreSQL cluster, while the Node suite runs
let interrupted = false;

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, async () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\nfolio: ${signal}, stopping...`);
    const child = current;
    if (child) {
      // wtr closes its browsers on a signal; give it the time to, then insist.
      const gone = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await gone;
      clearTimeout(timer);
    }
    await driver?.stop();
    await cluster?.stop();
    process.exit(130);
  });
}

const scratch = mkdtempSync(join(tmpdir(), 'folio-test-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/** "648 passed, 2 skipped" from the counts the summary reporter wrote, if it did. */
function counts(file) {
  try {
    const c = JSON.parse(readFileSync(file, 'utf8'));
    return [
      `${c.passed} passed`,
      c.failed && `${c.failed} failed`,
      c.fileErrors && `${c.fileErrors} files with errors`,
      c.skipped && `${c.skipped} skipped`,
    ]
      .filter(Boolean)
      .join(', ');
  } catch {
    return undefined;
  }
}

function run(name, command, commandArgs, env = process.env) {
  console.log(`\n▶ ${name}: ${command === process.execPath ? 'node' : command} ${commandArgs.join(' ')}`);
  const started = Date.now();
  return new Promise((resolve) => {
    current = spawn(command, commandArgs, { stdio: 'inherit', env });
    current.on('exit', (code, signal) => {
      current = undefined;
      const why = signal ?? (env.FOLIO_RESULTS_FILE ? counts(env.FOLIO_RESULTS_FILE) : undefined);
      results.push({ name, ok: code === 0, seconds: ((Date.now() - started) / 1000).toFixed(1), why });
      resolve();
    });
  });
}

/** The newest modification time under a folder, for "is the bundle older than its sources?". */
function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return t;
}

// Some browser tests load the built bundle as publishers do (dist/folio.js with a script tag):
// build it first when it is missing or older than its sources.
if (engines.length && (!existsSync('dist/folio.js') || statSync('dist/folio.js').mtimeMs < newest('src'))) {
  console.log('\n▶ the bundle is missing or older than src/: npm run build');
  if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);
}

// Every engine's browsers before any test runs: a missing one fails in the first second.
const found = engines.length ? ensureEngines(engines) : {};
const WTR = ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs', ...wtrArgs];

for (const engine of engines) {
  if (interrupted) break;
  const env = { ...process.env, FOLIO_ENGINE: engine, FOLIO_RESULTS_FILE: join(scratch, `${engine}.json`) };
  const label = `browser tests (${ENGINES[engine].label})`;
  if (engine === 'webkit') {
    const started = Date.now();
    try {
      driver = await startWebKitDriver(found.webkit);
    } catch (e) {
      console.error(`folio: ${e.message}`);
      results.push({ name: label, ok: false, seconds: ((Date.now() - started) / 1000).toFixed(1), why: 'no driver' });
      continue;
    }
    try {
      await run(label, process.execPath, WTR, { ...env, FOLIO_WEBKIT_PORT: String(driver.port) });
    } finally {
      await driver.stop();
      driver = undefined;
    }
  } else {
    await run(label, process.execPath, WTR, env);
  }
}
if (!browserOnly && !interrupted) {
  const tap = join(scratch, 'node.tap');
  // The receiver's suites run on SQLite and on PostgreSQL: FOLIO_TEST_PG names a server, else a
  // throwaway local cluster is started for the run when PostgreSQL is installed.
  const env = { ...process.env };
  if (!env.FOLIO_TEST_PG && findPostgres()) {
    try {
      cluster = await startCluster();
      env.FOLIO_TEST_PG = cluster.url;
      console.log(`\n▶ PostgreSQL for the receiver's tests: a throwaway cluster at ${cluster.url}`);
    } catch (e) {
      console.log(`\n▶ PostgreSQL suite skipped: could not start a local cluster (${e.message.split('\n')[0]})`);
    }
  } else if (!env.FOLIO_TEST_PG) {
    console.log('\n▶ PostgreSQL suite skipped: FOLIO_TEST_PG is not set and PostgreSQL is not installed');
  }
  try {
    await run(
      'node tests',
      process.execPath,
      [
        '--test',
        // The files mostly wait (servers, retries, a database): run them side by side.
        '--test-concurrency=8',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=tap',
        `--test-reporter-destination=${tap}`,
        'test/node/',
      ],
      env,
    );
  } finally {
    await cluster?.stop();
    cluster = null;
  }
  try {
    const text = readFileSync(tap, 'utf8');
    const [pass, fail, skipped] = ['pass', 'fail', 'skipped'].map((k) =>
      Number(new RegExp(`^# ${k} (\\d+)`, 'm').exec(text)?.[1] ?? 0),
    );
    const skips = (text.match(/# SKIP .*/g) ?? []).length;
    results[results.length - 1].why =
      `${pass} passed, ${fail} failed${skipped || skips ? `, ${Math.max(skipped, skips)} skipped` : ''}`;
    results[results.length - 1].counts = { passed: pass, failed: fail };
  } catch {
    // No TAP file: the run itself failed, and says why above.
  }
}

console.log('\nSummary:');
for (const r of results)
  console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name}: ${r.seconds} s${r.why ? `, ${r.why}` : ''}`);
// One closing line over every engine and the Node suite, in the form CI reads.
let passed = 0;
let failed = 0;
for (const engine of engines) {
  try {
    const c = JSON.parse(readFileSync(join(scratch, `${engine}.json`), 'utf8'));
    passed += c.passed;
    failed += c.failed + (c.fileErrors ?? 0);
  } catch {
    failed += 1; // an engine that reported nothing did not pass
  }
}
const nodeCounts = results.find((r) => r.name === 'node tests')?.counts;
if (nodeCounts) {
  passed += nodeCounts.passed;
  failed += nodeCounts.failed;
}
console.log(`Total: ${passed} passed, ${failed} failed`);
process.exit(interrupted ? 130 : results.every((r) => r.ok) ? 0 : 1);
