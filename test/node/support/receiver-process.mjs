// A receiver in a process of its own, for the tests that need two of them on one database (or a
// receiver that outlives its database): createFolioServer with the options in FOLIO_TEST_OPTIONS
// (JSON), on a free port, which it reports to its parent over IPC. SIGTERM closes it cleanly.
import { createFolioServer } from '../../../server/index.mjs';

const options = JSON.parse(process.env.FOLIO_TEST_OPTIONS);
const app = await createFolioServer({
  ...options,
  log: { info() {}, warn() {}, error: (...args) => console.error(...args) },
});
const { port } = await app.listen(0, '127.0.0.1');
process.send({ port });
process.once('SIGTERM', async () => {
  await app.close();
  process.exit(0);
});
