// A throwaway PostgreSQL cluster on 127.0.0.1 for the receiver's tests: initdb in a temporary
// folder, a port of its own, trust authentication, gone after stop(). As root (CI) the server runs
// as the postgres user, since PostgreSQL refuses to run as root.
//
//   node test/node/support/pg-cluster.mjs     starts one, prints its URL, stops on Ctrl+C (by hand)

import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

const PG_ROOT = '/usr/lib/postgresql';

/** The newest installed PostgreSQL's bin folder (Debian layout), or null. */
export function findPostgres() {
  if (!existsSync(PG_ROOT)) return null;
  const versions = readdirSync(PG_ROOT)
    .filter((v) => existsSync(path.join(PG_ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(PG_ROOT, versions[0], 'bin') : null;
}

function postgresUser() {
  if (process.getuid?.() !== 0) return null;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('running as root, but there is no postgres user to run PostgreSQL as');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** A port nobody listens on now. */
export async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts a cluster. Returns { url, port, dir, stop(), crash(), start() } (all async): crash() is an
 * immediate shutdown (no checkpoint: what a power cut or kill -9 leaves, recovered from the WAL
 * on the next start), start() brings it back on the same port.
 */
export async function startCluster({ port } = {}) {
  const bin = findPostgres();
  if (!bin) throw new Error(`no PostgreSQL under ${PG_ROOT} (apt-get install postgresql)`);
  const user = postgresUser();
  const dir = mkdtempSync(path.join(tmpdir(), 'folio-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = path.join(dir, 'data');
  const tool = (program, args) =>
    run(
      user ? 'runuser' : path.join(bin, program),
      user ? ['-u', 'postgres', '--', path.join(bin, program), ...args] : args,
    );
  const chosen = port ?? (await freePort());
  await tool('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const options = `-p ${chosen} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`;
  const pgCtl = (...args) => tool('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), ...args]);
  const start = () => pgCtl('-o', options, '-w', '-t', '30', 'start');
  await start();
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${chosen}/postgres`,
    port: chosen,
    dir,
    start,
    crash: () => pgCtl('-m', 'immediate', 'stop'),
    async stop() {
      if (stopped) return;
      stopped = true;
      await pgCtl('-m', 'fast', 'stop').catch(() => {
        // Already down.
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const cluster = await startCluster();
  console.log(cluster.url);
  const stop = async () => {
    await cluster.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  setInterval(() => {}, 1 << 30);
}
