// Starts Debian's WebKitWebDriver on a virtual display for the WebKit run, and always stops it:
// on success, on failure, on Ctrl+C and when the process that started it exits. The driver,
// xvfb-run, Xvfb and the MiniBrowsers the driver launches share one process group of their own,
// so stopping means signalling that group and nothing else on the machine.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const HOST = '127.0.0.1';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A TCP port nothing listens on right now (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const groupAlive = (pid) => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};

const signalGroup = (pid, signal) => {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
};

async function ready(port, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    try {
      const res = await fetch(`http://${HOST}:${port}/status`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return false;
}

/**
 * Starts `WebKitWebDriver --port=<free port>` under `xvfb-run -a` and resolves when it answers
 * `/status`. Returns `{ port, stop }`; `stop()` is idempotent and resolves once the whole
 * process group is gone.
 */
export async function startWebKitDriver({ driver, xvfbRun, port, timeoutMs = 30_000 }) {
  port ??= await freePort();
  const child = spawn(xvfbRun, ['-a', '-s', '-screen 0 1280x1024x24', driver, `--host=${HOST}`, `--port=${port}`], {
    detached: true, // its own process group: Ctrl+C in the terminal reaches us, and we stop it
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      // Root in a container: WebKit's bubblewrap sandbox cannot start, and there is no GPU.
      WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS: '1',
      WEBKIT_DISABLE_COMPOSITING_MODE: '1',
    },
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const pid = child.pid;

  let stopping;
  const onExit = () => signalGroup(pid, 'SIGTERM');
  process.on('exit', onExit);
  const stop = () =>
    (stopping ??= (async () => {
      process.off('exit', onExit);
      signalGroup(pid, 'SIGTERM');
      for (let i = 0; i < 50 && groupAlive(pid); i++) await sleep(100);
      if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
      for (let i = 0; i < 20 && groupAlive(pid); i++) await sleep(100);
      child.stderr.destroy();
    })());

  if (!(await ready(port, child, timeoutMs))) {
    await stop();
    throw new Error(
      `WebKitWebDriver did not answer on port ${port} within ${timeoutMs / 1000} s.${stderr ? `\n${stderr.trim()}` : ''}`,
    );
  }
  return { port, pid, stop };
}
