#!/usr/bin/env node
// The corrections receiver as a program:
//
//   folio-receiver            the API (/api/corrections) and the editors' inbox (/inbox)
//   folio-receiver --demo     the same, plus the built bundles (dist/) and demo pages (demo/): `npm start`
//
// Settings come from the environment (PORT, HOST and the FOLIO_* variables: ../lib/config.mjs,
// and the README's "The reference receiver").

import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createFolioServer, ROOT } from '../index.mjs';
import { configFromEnv, describeDb } from '../lib/config.mjs';

const USAGE = `Usage: folio-receiver [--demo]

Receives readers' corrections at /api/corrections and serves the editors' inbox at /inbox.
  --demo    also serve the built bundles (dist/) and the demo pages (demo/) of this checkout
  --help    this text

Settings come from the environment: PORT, HOST, FOLIO_DB (a SQLite file or postgres://…),
FOLIO_EDITOR_TOKEN, FOLIO_EDITORS, FOLIO_WEBHOOK_URL, FOLIO_SMTP_URL, ... (see the README).`;

function displayHost(host) {
  if (['localhost', '127.0.0.1', '::1', '0.0.0.0', '::', ''].includes(host)) return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

function fail(message) {
  console.error(`folio-receiver: ${message}`);
  process.exit(1);
}

async function main() {
  let args;
  try {
    ({ values: args } = parseArgs({ options: { demo: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    fail(`${error.message}\n\n${USAGE}`);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const demo = Boolean(args.demo);
  let config;
  try {
    config = configFromEnv(process.env, { root: ROOT });
  } catch (error) {
    fail(error.message);
  }
  let app;
  try {
    app = await createFolioServer({ ...config, demo, root: ROOT, log: console });
  } catch (error) {
    fail(`cannot open ${describeDb(config.db)}: ${error.message}`);
  }
  let port;
  try {
    ({ port } = await app.listen(config.port, config.host));
  } catch (error) {
    await app.close();
    fail(
      error.code === 'EADDRINUSE'
        ? `port ${config.port} is in use; set PORT to another one (PORT=8001 npm start)`
        : `cannot listen on ${config.host}:${config.port}: ${error.message}`,
    );
  }

  const base = `http://${displayHost(config.host)}:${port}`;
  const lines = ['', demo ? 'Folio demo' : 'Folio corrections receiver'];
  if (demo) {
    lines.push(`  Article page:   ${base}/demo/index.html`, `  Partner embed:  ${base}/demo/embed.html`);
  }
  lines.push(`  Editor inbox:   ${base}/inbox`, `  Corrections:    ${base}/api/corrections`);
  if (app.tokenGenerated) {
    lines.push(
      `  Editor token:   ${app.editorToken}  (made for this run; set FOLIO_EDITOR_TOKEN or FOLIO_EDITORS to keep one)`,
    );
  } else {
    const count = config.editors.length;
    lines.push(`  Editors:        ${count} named${config.editorToken ? ', and the shared FOLIO_EDITOR_TOKEN' : ''}`);
  }
  lines.push(`  Database:       ${describeDb(config.db)}`);
  const { webhooks, smtpUrl, emailTo, digestMs } = config.notify;
  if (webhooks.length) lines.push(`  Webhooks:       ${webhooks.length}`);
  if (smtpUrl)
    lines.push(
      `  E-mail:         to ${emailTo.join(', ')}${digestMs ? `, a digest every ${Math.round(digestMs / 60000)} min` : ', one per correction'}`,
    );
  if (demo && !existsSync(path.join(ROOT, 'dist', 'folio.js'))) {
    lines.push('', '  dist/folio.js is missing: run `npm run build` (npm start does it for you).');
  }
  lines.push('', 'Press Ctrl+C to stop.', '');
  console.log(lines.join('\n'));

  const stop = async (signal) => {
    console.log(`\n${signal}: stopping (again to force)…`);
    await app.close();
    process.exit(0);
  };
  // `once`: a second Ctrl+C gets Node's default handling and ends the process at once.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main();
