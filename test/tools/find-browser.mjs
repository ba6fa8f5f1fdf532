// Finds a Chromium this machine can run, installing Debian's package when we are root on a
// machine without one. Tools that download their own browser cannot work here (no internet
// but the npm registry and Debian's mirrors), so we never try them. The test suite finds all
// three engines through engines.mjs, which uses findChromium from here; the benchmark uses
// ensureChromium directly.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but no file is there.`);
  }
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/** Returns a path to Chromium, installing it with apt-get when possible; exits with one clear line otherwise. */
export function ensureChromium({ install = true } = {}) {
  let path = findChromium();
  if (path) return path;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (install && isRoot && hasApt) {
    console.log('folio: no Chromium found; installing Debian\'s chromium package (apt-get install -y chromium)...');
    execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], {
      stdio: 'inherit',
    });
    path = findChromium();
    if (path) return path;
  }
  console.error(
    'folio: no Chromium found. Install one (Debian: `sudo apt-get install chromium`) or set CHROME_PATH to a Chrome/Chromium binary.',
  );
  process.exit(1);
}

/** Flags for headless Chromium on this machine: no sandbox as root, no calls home on a closed network. */
export function chromiumArgs() {
  const args = [
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ];
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.unshift('--no-sandbox');
  return args;
}
