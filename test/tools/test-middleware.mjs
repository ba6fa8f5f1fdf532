// Routes the browser tests need from a real server: fixtures that fail in the ways real
// networks fail. Each route lives under /__test/ so it can never shadow a real file.
// Koa-style middleware for @web/test-runner.

/** @type {Map<string, (ctx: any) => Promise<void> | void>} */
const routes = new Map([
  // A story endpoint that answers 500 (feeds do).
  ['/__test/status/500', (ctx) => { ctx.status = 500; ctx.body = 'Internal Server Error'; }],
  ['/__test/status/404', (ctx) => { ctx.status = 404; ctx.body = 'Not Found'; }],
  // Valid JSON of the wrong shape, and not JSON at all.
  ['/__test/json/wrong-shape', (ctx) => { ctx.type = 'application/json'; ctx.body = '{"hello":"world"}'; }],
  ['/__test/json/malformed', (ctx) => { ctx.type = 'application/json'; ctx.body = '{"headline": "Broken'; }],
  // A server that never answers in time.
  ['/__test/slow', async (ctx) => { await new Promise((r) => setTimeout(r, 3000)); ctx.type = 'application/json'; ctx.body = '{}'; }],
]);

export async function testMiddleware(ctx, next) {
  const route = routes.get(ctx.path);
  if (route) return route(ctx);
  return next();
}

/** Lets a test-support module add a route (kept in this one file for now). */
export function addTestRoute(path, handler) {
  routes.set(path, handler);
}
