// The three browser engines Folio's browser suite runs in, and where this machine keeps them.
// Debian packages only: tools that download their own browser cannot work here (no internet but
// the npm registry and Debian's mirrors). Each path can be overridden by an environment variable
// for machines that keep their browsers elsewhere.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { findChromium } from './find-browser.mjs';

export const ENGINE_NAMES = ['chromium', 'firefox', 'webkit'];

const first = (paths) => paths.find((p) => p && existsSync(p)) ?? null;
/** The path an environment variable names (null when nothing is there), else the first that exists. */
const pick = (envName, paths) => (process.env[envName] ? first([process.env[envName]]) : first(paths));
/** What to call a missing file: the variable that pointed nowhere, or the program's name. */
const name = (envName, program) => (process.env[envName] ? `${envName}=${process.env[envName]} is no file` : program);

/** Debian's MiniBrowser, in whichever multiarch directory this machine uses. */
function findMiniBrowser() {
  if (process.env.WEBKIT_MINIBROWSER) return first([process.env.WEBKIT_MINIBROWSER]);
  let arches = [];
  try {
    arches = readdirSync('/usr/lib').filter((d) => d.endsWith('-linux-gnu'));
  } catch {
    // not a Debian layout
  }
  return first(
    arches.flatMap((a) => [`/usr/lib/${a}/webkit2gtk-4.1/MiniBrowser`, `/usr/lib/${a}/webkitgtk-6.0/MiniBrowser`]),
  );
}

/**
 * For each engine: a label, the Debian packages that provide it, how to get it elsewhere, and
 * `find()`, which returns the paths it needs or, for what is missing, `{ missing: [...] }`.
 */
export const ENGINES = {
  chromium: {
    label: 'Chromium',
    packages: ['chromium'],
    elsewhere: 'or set CHROME_PATH to a Chrome/Chromium binary',
    find() {
      let chrome = null;
      try {
        chrome = findChromium();
      } catch {
        // CHROME_PATH points nowhere: reported as missing below
      }
      return chrome ? { executablePath: chrome } : { missing: [name('CHROME_PATH', 'chromium')] };
    },
  },
  firefox: {
    label: 'Firefox ESR',
    packages: ['firefox-esr'],
    elsewhere: 'or set FIREFOX_PATH to a Firefox binary',
    find() {
      const firefox = pick('FIREFOX_PATH', ['/usr/bin/firefox-esr', '/usr/bin/firefox']);
      return firefox ? { executablePath: firefox } : { missing: [name('FIREFOX_PATH', 'firefox-esr')] };
    },
  },
  webkit: {
    label: 'WebKitGTK',
    packages: ['webkit2gtk-driver', 'xvfb'],
    elsewhere: 'or set WEBKIT_DRIVER, WEBKIT_MINIBROWSER and XVFB_RUN',
    find() {
      const driver = pick('WEBKIT_DRIVER', ['/usr/bin/WebKitWebDriver']);
      const miniBrowser = findMiniBrowser();
      const xvfbRun = pick('XVFB_RUN', ['/usr/bin/xvfb-run']);
      const missing = [
        !driver && name('WEBKIT_DRIVER', 'WebKitWebDriver'),
        !miniBrowser && name('WEBKIT_MINIBROWSER', 'MiniBrowser'),
        !xvfbRun && name('XVFB_RUN', 'xvfb-run'),
      ].filter(Boolean);
      return missing.length ? { missing } : { driver, miniBrowser, xvfbRun };
    },
  },
};

/** Parses `FOLIO_ENGINE`; Chromium when unset, so `npx wtr` keeps working as before. */
export function engineFromEnv() {
  const name = (process.env.FOLIO_ENGINE || 'chromium').toLowerCase();
  if (!ENGINE_NAMES.includes(name)) {
    console.error(`folio: FOLIO_ENGINE=${name} is not one of ${ENGINE_NAMES.join(', ')}.`);
    process.exit(1);
  }
  return name;
}

const canApt = () =>
  typeof process.getuid === 'function' &&
  process.getuid() === 0 &&
  spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;

/**
 * Returns `{ [engine]: paths }` for the named engines. What is missing is installed with
 * apt-get, in one go, when we are root on Debian; otherwise (or if that fails) prints one line
 * that says what is missing and how to get it, and exits 1: CI must never skip an engine quietly.
 */
export function ensureEngines(names, { install = true } = {}) {
  const found = () => Object.fromEntries(names.map((n) => [n, ENGINES[n].find()]));
  let result = found();
  const missingEngines = () => names.filter((n) => result[n].missing);
  if (missingEngines().length && install && canApt()) {
    const packages = [...new Set(missingEngines().flatMap((n) => ENGINES[n].packages))];
    console.log(`folio: installing Debian packages for the browser suite: apt-get install -y ${packages.join(' ')}`);
    try {
      execFileSync(
        'sh',
        ['-c', `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(' ')}`],
        { stdio: 'inherit' },
      );
    } catch {
      // reported below, with everything else that is still missing
    }
    result = found();
  }
  const still = missingEngines();
  if (still.length) {
    const what = still.map((n) => `${ENGINES[n].label} (${result[n].missing.join(', ')})`).join(', ');
    const packages = [...new Set(still.flatMap((n) => ENGINES[n].packages))].join(' ');
    const elsewhere = still.map((n) => ENGINES[n].elsewhere).join('; ');
    const one = still.length < names.length ? `; or test the other engines alone (npm run test:<engine>)` : '';
    console.error(
      `folio: missing ${what}. Install with \`sudo apt-get install ${packages}\` (Debian), ${elsewhere}${one}.`,
    );
    process.exit(1);
  }
  return result;
}
