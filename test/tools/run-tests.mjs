// `npm test`: the browser suite in headless Chromium (@web/test-runner), then the Node suite
// (node:test) for the demo server and the corrections receiver. Finds or installs Chromium first
// so a fresh machine gets one clear line instead of a stack trace.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './find-browser.mjs';

const args = process.argv.slice(2);
const browserOnly = args.includes('--browser-only');
const nodeOnly = args.includes('--node-only');
const results = [];

function run(name, command, commandArgs) {
  console.log(`\n▶ ${name}: ${command} ${commandArgs.join(' ')}`);
  const started = Date.now();
  const { status } = spawnSync(command, commandArgs, { stdio: 'inherit', env: process.env });
  results.push({ name, ok: status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) });
}

if (!nodeOnly) {
  const chrome = ensureChromium();
  process.env.CHROME_PATH = chrome;
  run('browser tests (Chromium)', process.execPath, ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs']);
}
if (!browserOnly) {
  run('node tests', process.execPath, ['--test', '--test-reporter=spec', 'test/node/']);
}

console.log('\nSummary:');
for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds} s)`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
