// Routes the browser tests need from a real server: fixtures that fail in the ways real
// networks fail. Each route lives under /__test/ so it can never shadow a real file.
// Koa-style middleware for @web/test-runner.

/** @type {Map<string, (ctx: any) => Promise<void> | void>} */
const routes = new Map([
  // A story endpoint that answers 500 (feeds do).
  [
    '/__test/status/500',
    (ctx) => {
      ctx.status = 500;
      ctx.body = 'Internal Server Error';
    },
  ],
  [
    '/__test/status/404',
    (ctx) => {
      ctx.status = 404;
      ctx.body = 'Not Found';
    },
  ],
  // Valid JSON of the wrong shape, and not JSON at all.
  [
    '/__test/json/wrong-shape',
    (ctx) => {
      ctx.type = 'application/json';
      ctx.body = '{"hello":"world"}';
    },
  ],
  [
    '/__test/json/malformed',
    (ctx) => {
      ctx.type = 'application/json';
      ctx.body = '{"headline": "Broken';
    },
  ],
  // A server that never answers in time.
  [
    '/__test/slow',
    async (ctx) => {
      await new Promise((r) => setTimeout(r, 3000));
      ctx.type = 'application/json';
      ctx.body = '{}';
    },
  ],
]);

// ---- A corrections endpoint that fails on demand ---------------------------------------------
// POST /__test/corrections/<key>?mode=<mode>&times=<n>: each test picks its own key, so test
// files running at the same time never see each other's requests. Modes: ok (201, 200 for an id
// it already has), 503, 408, 429 (with Retry-After: 0), 400 (JSON {error}), 400text, hang (no
// answer until the client gives up), drop (socket destroyed, no response). With `times`, the
// failure happens that many times for the key, then it answers like `ok`.
// PUT /__test/corrections/<key>?mode=<mode> changes the mode of a key from then on (an endpoint
// that recovers: the browser itself retries a POST on a dropped keep-alive connection, so
// counting failures cannot say when a drop ends). GET reads back { attempts, received:
// [annotation…] } (received: the bodies it answered 2xx to, first time per id); DELETE forgets it.
const corrections = new Map();
const correctionState = (key) => {
  if (!corrections.has(key)) corrections.set(key, { attempts: 0, failures: 0, received: [], ids: new Set() });
  return corrections.get(key);
};
const readBody = (req) =>
  new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });

async function correctionsRoute(ctx) {
  const key = ctx.path.slice('/__test/corrections/'.length);
  if (ctx.method === 'GET') {
    const { attempts, received } = correctionState(key);
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ attempts, received });
    return;
  }
  if (ctx.method === 'PUT') {
    correctionState(key).mode = ctx.query.mode;
    ctx.status = 204;
    return;
  }
  if (ctx.method === 'DELETE') {
    corrections.delete(key);
    ctx.status = 204;
    return;
  }
  const state = correctionState(key);
  state.attempts++;
  const body = await readBody(ctx.req);
  const mode = state.mode ?? ctx.query.mode ?? 'ok';
  const times = ctx.query.times === undefined ? Infinity : Number(ctx.query.times);
  if (mode !== 'ok' && state.failures < times) {
    state.failures++;
    if (mode === 'drop') {
      ctx.status = 204; // not logged as a 404
      ctx.respond = false;
      ctx.req.socket.destroy();
      return;
    }
    if (mode === 'hang') {
      await new Promise((resolve) => {
        ctx.req.socket.once('close', resolve);
        setTimeout(resolve, 20_000);
      });
      ctx.status = 204;
      ctx.respond = false;
      ctx.req.socket.destroy();
      return;
    }
    if (mode === '400') {
      ctx.status = 400;
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ error: ctx.query.message ?? 'The quote is not in the article.' });
      return;
    }
    if (mode === '400text') {
      ctx.status = 400;
      ctx.type = 'text/plain';
      ctx.body = ctx.query.message ?? 'Bad request';
      return;
    }
    if (mode === '429') ctx.set('Retry-After', '0');
    ctx.status = Number(mode) || 500;
    ctx.body = 'try later';
    return;
  }
  let annotation;
  try {
    annotation = JSON.parse(body);
  } catch {
    ctx.status = 400;
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ error: 'not JSON' });
    return;
  }
  const known = state.ids.has(annotation.id);
  if (!known) {
    state.ids.add(annotation.id);
    state.received.push(annotation);
  }
  ctx.status = known ? 200 : 201;
  ctx.type = 'application/json';
  ctx.body = JSON.stringify({ id: annotation.id });
}

// ---- A request that waits, to see whether the client gives up ---------------------------------
// GET /__test/hang/<key>: no answer until the client aborts the request (or 5 s pass: then an
// empty JSON list). GET /__test/hang-state/<key> says which happened: `waiting`, `aborted` (the
// client closed the connection first) or `answered`; `unknown` before any request.
const hangs = new Map();
const HANG_MS = 5000;

async function hangRoute(ctx) {
  const key = ctx.path.slice('/__test/hang/'.length);
  hangs.set(key, 'waiting');
  const aborted = await new Promise((resolve) => {
    ctx.req.socket.once('close', () => resolve(true));
    setTimeout(() => resolve(false), HANG_MS);
  });
  hangs.set(key, aborted ? 'aborted' : 'answered');
  if (aborted) {
    ctx.status = 204; // not logged as a 404
    ctx.respond = false;
    return;
  }
  ctx.type = 'application/json';
  ctx.body = '[]';
}

// ---- A corrections receiver's published notices -----------------------------------------------
// PUT /__test/receiver/<key>/published with a JSON body: what the receiver answers from then on
// to GET /__test/receiver/<key>/published?source=<url> (404 before any PUT, like a receiver
// without the list). GET /__test/receiver/<key>/asked: the `source` of every GET so far.
const receivers = new Map();
const receiverState = (key) => {
  if (!receivers.has(key)) receivers.set(key, { body: null, asked: [] });
  return receivers.get(key);
};

async function receiverRoute(ctx) {
  const [key, what] = ctx.path.slice('/__test/receiver/'.length).split('/');
  const state = receiverState(key);
  if (what === 'asked') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(state.asked);
    return;
  }
  if (ctx.method === 'PUT') {
    state.body = await readBody(ctx.req);
    ctx.status = 204;
    return;
  }
  state.asked.push(ctx.query.source ?? null);
  if (state.body === null) {
    ctx.status = 404;
    ctx.body = 'Not Found';
    return;
  }
  ctx.type = 'application/json';
  ctx.body = state.body;
}

/**
 * The strictest policy a partner page might send: no inline script or style, no eval, and
 * Trusted Types limited to the two policies Folio documents (Lit's and its own).
 */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html folio";

export async function testMiddleware(ctx, next) {
  const route = routes.get(ctx.path);
  if (route) return route(ctx);
  if (ctx.path.startsWith('/__test/corrections/')) return correctionsRoute(ctx);
  if (ctx.path.startsWith('/__test/hang/')) return hangRoute(ctx);
  if (ctx.path.startsWith('/__test/hang-state/')) {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(hangs.get(ctx.path.slice('/__test/hang-state/'.length)) ?? 'unknown');
    return;
  }
  if (ctx.path.startsWith('/__test/receiver/')) return receiverRoute(ctx);
  await next();
  if (ctx.path.startsWith('/test/fixtures/embed/strict-')) ctx.set('Content-Security-Policy', STRICT_CSP);
}

/** Lets a test-support module add a route (kept in this one file for now). */
export function addTestRoute(path, handler) {
  routes.set(path, handler);
}
